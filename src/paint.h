/* paint — the drawing primitives every part of the renderer paints with:
 * canvas-to-output geometry, colours, flat and shaded rectangles, lines of
 * text rasterised once and kept, and figures drawn from a digit atlas.
 *
 * A painter belongs to one SDL renderer and one font set. Text and digit
 * textures are cached (least recently used out), keyed by their real pixel
 * size, so a counting figure never re-rasterises text. */
#ifndef KIOSK_PAINT_H
#define KIOSK_PAINT_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "fonts.h"
#include "layout.h"
#include "lru.h"

#define PAINT_TEXT_CACHE_MAX 768 /* rasterised lines kept */
#define PAINT_DIGIT_ATLAS_MAX 24 /* (size, colour) digit sets kept */

typedef struct {
    SDL_Renderer *r;
    font_set *fonts;
    double scale;  /* layout canvas pixels to output pixels */
    lru_cache text;   /* paint_text_entry */
    lru_cache digits; /* paint_digits */
    bool reported;    /* a failure has been reported (once per painter) */
} painter;

/* Reports a failed allocation or texture creation on stderr, the first
 * time only: a frame still draws, without what failed. */
void paint_report(painter *p, const char *what);

/* Returns 0, or -1 when memory runs out. */
int painter_init(painter *p, SDL_Renderer *r, font_set *fonts);
void painter_free(painter *p);

/* Drops every cached text and digit texture (a new size, or benchmarks
 * measuring the cost the caches avoid). */
void painter_forget(painter *p);

/* ---- geometry: canvas pixels to output pixels ---- */

/* A canvas size in whole output pixels, at least 1. */
int paint_px(const painter *p, double canvas_px);
/* A canvas rectangle on the output; its edges round independently, so
 * adjacent boxes stay adjacent. */
SDL_Rect paint_rect(const painter *p, double x, double y, double w, double h);

/* ---- colours ---- */

SDL_Color paint_rgb(deck_rgb c);
/* a blended toward b by t (0..1) */
SDL_Color paint_mix(SDL_Color a, SDL_Color b, double t);
/* A layout colour role in the deck's theme. */
SDL_Color paint_role(const deck_theme *t, layout_role role);

/* ---- shapes ---- */

void paint_fill(painter *p, SDL_Rect r, SDL_Color c, double alpha);
/* A vertical gradient from transparent to alpha of c (darkest at the
 * bottom, or at the top with dark_top). */
void paint_shade(painter *p, SDL_Rect r, SDL_Color c, double alpha, bool dark_top);
/* Copies a texture at alpha (0..1). */
void paint_copy(painter *p, SDL_Texture *t, double alpha, const SDL_Rect *src,
                const SDL_FRect *dst);

/* ---- text ---- */

typedef struct {
    char *text;
    int px;
    bool bold;
    Uint32 rgb;
    SDL_Texture *tex;
    int w, h; /* the texture's size */
} paint_text_entry;

/* One line of text at a real pixel size; owned by the cache, valid until
 * the next paint_text call. NULL when it cannot be rasterised. */
const paint_text_entry *paint_text(painter *p, const char *s, int px, bool bold, SDL_Color col);

/* A laid-out line (text.h) whose runs sit at the layout's x, as one
 * picture; *left gets where its left edge lies from the line's x (0 or
 * negative: a line-start mark set half width). Same lifetime as above. */
const paint_text_entry *paint_text_line(painter *p, const text_line *ln, int px, bool bold,
                                        SDL_Color col, int *left);

/* One line centred in r (horizontally on its advance, vertically on the
 * face's height). */
void paint_text_centred(painter *p, const char *s, int px, bool bold, SDL_Color col, SDL_Rect r);

/* ---- figures ---- */

/* Digits and number punctuation at one size and colour, each digit in a
 * cell as wide as '0' so figures are tabular and do not jitter while
 * counting. */
typedef struct {
    int px;
    Uint32 rgb;
    SDL_Texture *glyph[16]; /* PAINT_DIGIT_CHARS */
    int w[16], h;
    int cell; /* advance of a digit */
    int ascent;
} paint_digits;

#define PAINT_DIGIT_CHARS LAYOUT_FIGURE_CHARS

/* The atlas for (px, col), built on first use; owned by the cache. */
const paint_digits *paint_digits_for(painter *p, int px, SDL_Color col);
/* The width of s drawn from the atlas. */
int paint_digits_width(const paint_digits *a, const char *s);
/* Draws s with its baseline at y = baseline, starting at x; returns the
 * width. */
int paint_digits_draw(painter *p, const paint_digits *a, const char *s, int x, int baseline,
                      Uint8 alpha);

#endif
