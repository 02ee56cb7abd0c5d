/* fonts — faces by size, glyph fallback, measuring and drawing lines of text.
 *
 * A font_set holds the deck's regular and bold font and, for characters
 * neither has, fonts found through fontconfig. Every size is a real pixel
 * size on the output (text is rasterised at screen resolution, never drawn
 * at design size and stretched). SDL_ttf must be initialised first. */
#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct font_set font_set;

/* Opens the regular and bold fonts, each read whole into memory, so a file
 * that vanishes or changes while the show runs costs nothing. A face that
 * cannot be read or is not a font is replaced by the shipped one, and
 * fonts_warning says so; with neither, the other weight stands in. Returns
 * NULL (with a message in *err, static) only when no face opens at all. */
font_set *fonts_new(const char *regular_path, const char *bold_path,
                    const char *shipped_regular, const char *shipped_bold,
                    const char **err);

/* What fonts_new replaced for face k (0 regular, 1 bold): "the regular font
 * PATH is not a font FreeType can read (...); the shipped font X is used
 * instead"; NULL when that face is the one asked for. */
const char *fonts_warning(const font_set *fs, int k);

void fonts_free(font_set *fs);

/* Width in pixels of utf8[0..len) at px, glyph fallback included. */
int fonts_width(font_set *fs, const char *utf8, size_t len, int px, bool bold);

/* Ascent and line height (ascent - descent) in pixels of the primary face. */
int fonts_ascent(font_set *fs, int px, bool bold);
int fonts_height(font_set *fs, int px, bool bold);

/* Space above the face's ascent in a surface from fonts_render: the line's
 * baseline is FONTS_RENDER_PAD(px) + fonts_ascent() from its top. */
#define FONTS_RENDER_PAD(px) ((px) / 4)

/* Renders one line (no line breaking) with alpha, each character from the
 * first face that has it; NULL on failure or empty text. Caller frees. */
SDL_Surface *fonts_render(font_set *fs, const char *utf8, int px, bool bold,
                          SDL_Color color);

/* True when some face (primary, other weight, or a fontconfig fallback)
 * has a glyph for cp. */
bool fonts_has_glyph(font_set *fs, uint32_t cp);

/* The face that draws cp at px (never NULL: the primary when none has it). */
TTF_Font *fonts_face_for(font_set *fs, uint32_t cp, int px, bool bold);

#endif
