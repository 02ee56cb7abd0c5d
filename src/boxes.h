/* boxes — paints a slide's layout boxes: text lines, pictures (with their
 * Ken Burns drift and placeholders), counting figures, growth badges and
 * chart bars, and the slide's background.
 *
 * Painting a box returns its frame_status: whether what it drew still moves
 * (a figure counting, a badge fading in) or waits for a picture, so the
 * frame knows to be drawn again. */
#ifndef KIOSK_BOXES_H
#define KIOSK_BOXES_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "frame_status.h"
#include "images.h"
#include "layout.h"
#include "paint.h"

typedef struct {
    painter *p;
    image_cache *images;
    const deck *d;
    int out_w, out_h;
} box_painter;

/* The slide's background colour over the whole output, darkening softly
 * toward the bottom. */
void boxes_paint_background(box_painter *bp, const slide *s);

/* Paints box b of slide slide_index as it looks t_ms after the slide
 * appeared. */
frame_status boxes_paint(box_painter *bp, const layout_box *b, size_t slide_index, long long t_ms);

/* Asks the image cache for an image box's picture at the size it is drawn
 * (so painting and prefetching share one entry); *out is its place on the
 * output. NULL (with *st) unless the picture is ready. */
SDL_Texture *boxes_picture(box_painter *bp, const layout_box *b, SDL_Rect *out, image_status *st);

/* A drifting (Ken Burns) cover picture, decoded and opaque: every frame of
 * its drift covers its whole box, so what lies under it never shows. *st
 * says whether the picture is still decoding. */
bool boxes_drift_covers(box_painter *bp, const layout_box *b, image_status *st);
/* The 中/EN button where layout l put it (nothing when it has none): the
 * deck's shown language lit in the accent, the other muted. */
void boxes_paint_language_button(box_painter *bp, const slide_layout *l);

/* Whether a box changes with time (figures, badges, bars, drifting
 * photos). */
bool boxes_moves(const layout_box *b);

/* A still box belongs in the slide's still layer when no moving box drawn
 * before it overlaps it: then drawing it early changes nothing. */
bool boxes_in_still_layer(const slide_layout *l, size_t k);

/* The screen rectangle box b may paint, with a margin for antialiased
 * edges; a bar's row reaches the screen's right edge (its figure and badge
 * ride past the bar's end). What a partial frame repaints for b. */
SDL_Rect boxes_screen_extent(const box_painter *bp, const layout_box *b);

#endif
