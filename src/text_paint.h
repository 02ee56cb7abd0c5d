/* text_paint — one laid-out line (text.h's text_line and its runs) drawn
 * into one surface, each run at the x the layout gave it, so a justified
 * or punctuation-adjusted line is still one cached picture. SDL. */
#ifndef KIOSK_TEXT_PAINT_H
#define KIOSK_TEXT_PAINT_H

#include <SDL.h>
#include <stdbool.h>

#include "fonts.h"
#include "text.h"

/* True when the line is one run at x 0: fonts_render draws it as it is. */
bool text_paint_plain(const text_line *ln);

/* The line at real pixel size px, its run positions (canvas pixels)
 * multiplied by scale. The surface is laid out like fonts_render's (the
 * baseline FONTS_RENDER_PAD(px) + ascent from its top); its left edge lies
 * *left pixels (0 or negative) from the line's x. NULL on failure or an
 * empty line. Caller frees. */
SDL_Surface *text_paint_line(font_set *fs, const text_line *ln, int px, bool bold,
                             SDL_Color color, double scale, int *left);

/* A name for that picture, for a cache: the text and each run's pixel
 * offset. Caller frees; NULL when memory runs out. */
char *text_paint_key(const text_line *ln, double scale);

#endif
