/* render — draws a frame: (deck, player view, time) to the SDL renderer.
 *
 * The same code draws the live screen and the PNGs of --render: a frame
 * depends only on the deck, the player's view and the overlay. Layouts are
 * computed once per slide and screen size and kept; text lines and digit
 * glyphs are rasterised once at the screen's real pixel size and kept as
 * textures, so an animating figure never re-rasterises text. */
#ifndef KIOSK_RENDER_H
#define KIOSK_RENDER_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "fonts.h"
#include "frame_status.h"
#include "layout.h"
#include "chapters.h"
#include "player.h"
#include "regions.h"
#include "staff.h"

typedef struct render_ctx render_ctx;

/* What is drawn on top of the slides. */
typedef struct {
    bool paused;          /* a small pause mark */
    const chapters *chapters; /* the chapter bar's slots, one per chapter (the
                                 player's table); NULL: no chapter bar */
    int current_chapter;  /* highlighted in the chapter bar; -1 none */
    const char *staff_text; /* the staff overlay's lines, or NULL */
} render_overlay;

/* Creates a renderer context drawing deck d on r at out_w x out_h pixels.
 * threaded_images: decode photos on a worker (the live show) or inline
 * (--render). Returns NULL with *err set when the fonts cannot be opened. */
render_ctx *render_new(SDL_Renderer *r, const deck *d, int out_w, int out_h,
                       bool threaded_images, const char **err);
void render_free(render_ctx *rc);

/* Switches to another deck (after a reload) or output size; drops cached
 * layouts and text. Decoded pictures are kept: after a reload, tell
 * render_refresh_file which files changed (the old picture is drawn until
 * the new one is decoded), and render_reopen_fonts when the theme's fonts
 * did (-1 with *err set, old fonts kept, when they cannot be opened). */
void render_set_deck(render_ctx *rc, const deck *d);
void render_refresh_file(render_ctx *rc, const char *path);
int render_reopen_fonts(render_ctx *rc, const char **err);
void render_resize(render_ctx *rc, int out_w, int out_h);

/* Whether output pixel (x, y) is on the 中/EN button of the last frame
 * drawn (layout.h: has_lang_button). */
bool render_language_button_at(render_ctx *rc, int x, int y);

/* Draws one frame. Its status says whether something in it still moves (a
 * transition, counting figures, a Ken Burns drift) or waits for a picture
 * still decoding, so the caller knows to draw again soon. */
frame_status render_frame(render_ctx *rc, const player_view *v, const render_overlay *o);

/* Partial frames, for a target that keeps its pixels from one frame to the
 * next (SDL's software renderer on a window surface): while the same slide
 * stays on screen with the same overlay, a frame repaints only the
 * rectangles of what moves, from the slide's still layer. Off by default
 * (--render and GPU renderers draw whole frames). */
void render_set_partial(render_ctx *rc, bool on);

/* The surface SDL's software renderer draws the screen into (the window's
 * surface, or --render's picture), when frames are drawn to it with no
 * render target set: a fade is then blended straight from the two slides'
 * still layers into it, with no full-screen picture per slide. NULL (the
 * default; GPU renderers, a --rotate picture) composes through render
 * targets. Only an ARGB8888 or RGB888 surface of the output's size is used;
 * set it again after render_resize. */
void render_set_screen(render_ctx *rc, SDL_Surface *screen);

/* The screen rectangles the last render_frame changed: the whole screen
 * after a whole frame, none when nothing moved. A presenter that can send
 * rectangles sends just these. */
const region_set *render_changed(const render_ctx *rc);

/* The layout of slide i at the current output size (cached; owned by rc). */
const slide_layout *render_layout(render_ctx *rc, size_t i);

/* Lays out slide i and asks for its pictures ahead of time, so that when
 * it comes on screen its photos are already decoded (the decoding happens on
 * the image worker; this returns at once). */
void render_prefetch(render_ctx *rc, size_t i);

/* Draws slide i's still layer ahead of time (its layout, text and the
 * pictures already decoded), so the first frame of a transition to it does
 * not; for the moments when nothing moves. */
void render_prepare(render_ctx *rc, size_t i);

/* Whether slide i keeps moving until its time is up (a Ken Burns drift),
 * so no still moment comes in which to prepare the next slide. */
bool render_moves_to_the_end(render_ctx *rc, size_t i);

/* The layout canvas's scale to output pixels. */
double render_scale(const render_ctx *rc);

font_set *render_fonts(render_ctx *rc);

/* Benchmarks only: with caching off, every frame rasterises its text and
 * digits anew — the cost the caches exist to avoid. On by default. */
void render_set_caching(render_ctx *rc, bool on);

/* The staff overlay's buttons, as drawn in the last frame that showed it. */
staff_button render_staff_button_at(const render_ctx *rc, int x, int y);

/* The chapter at output pixel (x, y) of the chapter bar last drawn: an index
 * into the table that frame's overlay gave, or -1. */
int render_chapter_at(render_ctx *rc, int x, int y);

/* Milliseconds until the current frame's pictures have all been decoded:
 * true when any is still pending (the caller redraws when it arrives). */
bool render_images_busy(render_ctx *rc);
bool render_pump_images(render_ctx *rc);

/* One problem found while drawing that was not told yet, as a diagnostic
 * line "PATH:1:1: error: ...": a picture that cannot be shown (missing,
 * vanished, damaged, over the pixel limit), a deck font the shipped one
 * replaced. Each is told once (until the deck changes); false when none. */
bool render_next_problem(render_ctx *rc, char *out, size_t cap);

#endif
