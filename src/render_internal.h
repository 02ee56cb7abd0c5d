/* render_internal — what render.c, render_fade.c and render_overlay.c
 * share: the context's fields, a slide's still layer and a slide drawn
 * through it. Not a module contract: render.h is. */
#ifndef KIOSK_RENDER_INTERNAL_H
#define KIOSK_RENDER_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>

#include "boxes.h"
#include "lru.h"
#include "paint.h"
#include "render.h"

#define STILL_LAYERS 2 /* the slides of a transition */
#define BLEND_CHUNK_ROWS 32 /* a layer is read back this many rows at a time */
/* Pictures kept, in screens' worth of pixels: the slide on screen, the
 * next and previous ones (prefetched), the first (idle returns there) and
 * one more, each up to a full-screen cover photo with Ken Burns overscan. */
#define IMAGE_BUDGET_SCREENS 6

typedef struct {
    bool valid;
    slide_layout layout;
} layout_slot;

/* What does not move on a slide (background, panels, labels), drawn once:
 * a counting frame then costs one copy and the figures. */
typedef struct {
    SDL_Texture *tex; /* kept when the entry makes way for another slide */
    size_t slide;
    bool valid;
    /* its drifting cover photos are in it as they stand when the drift
     * ends, so a frame after that draws none of them (boxes_drift_covers) */
    bool drift_end;
} still_layer;

struct render_ctx {
    const deck *d;
    int out_w, out_h;
    double canvas_w, canvas_h;
    painter paint;
    box_painter boxes;
    font_set *fonts;
    int fonts_told; /* fonts_warning faces told by render_next_problem */
    image_cache *images;
    layout_slot *layouts;
    size_t n_layouts;
    SDL_Texture *target[2]; /* off-screen slides for transitions */
    struct {
        size_t slide;
        bool settled; /* holds `slide` with nothing moving: no need to draw it again */
    } target_state[2];
    lru_cache layers;       /* still_layer */
    bool no_caching;        /* benchmarks: rasterise text every frame */
    /* the slide whose layout placed the chapter bar last drawn; SIZE_MAX:
     * none was drawn */
    size_t chapter_bar_slide;
    size_t lang_button_slide; /* the slide whose 中/EN button was drawn last; SIZE_MAX none */
    staff_hits staff; /* empty when the overlay is closed */
    /* Partial frames (render_set_partial): what the target shows after the
     * last frame, and the rectangles that frame changed. */
    bool partial;
    struct {
        bool valid; /* a whole still frame of `slide`, drawn through its layer */
        size_t slide;
        bool paused;
        int chapter;
        const chapters *table; /* the bar drawn from it */
        bool settled; /* nothing on it moved any more: the next frame is the same */
    } shown;
    region_set changed;
    /* The surface the software renderer draws the screen into
     * (render_set_screen); NULL: fades go through the targets. */
    SDL_Surface *screen;
    Uint8 *chunk;       /* BLEND_CHUNK_ROWS rows of a layer, read back */
    Uint8 *saved;       /* the base slide under the other's moving boxes */
    size_t saved_cap;   /* bytes */
};

/* The still layer of slide i, drawn if needed; NULL when it cannot be kept
 * (no target texture). *st says when a picture in it is still decoding:
 * then the layer is drawn again next time. */
SDL_Texture *render_layer_of(render_ctx *rc, size_t i, const slide_layout *l, frame_status *st);

/* Whether box k of slide i (layout l) is shown by the slide's still layer
 * t_ms after the slide appeared: a still box, or a drifting photo whose
 * drift is over when the layer holds its end. */
bool render_in_layer(render_ctx *rc, size_t i, const slide_layout *l, size_t k, long long t_ms);

/* Draws slide i as it looks t_ms after it appeared, into the current
 * target: its still layer, then the boxes outside it. */
frame_status render_draw_slide(render_ctx *rc, size_t i, long long t_ms);

/* A fade composed straight into rc->screen from the two still layers
 * (render_fade.c); false when it cannot be, and the caller composes through
 * targets. */
bool render_compose_fade(render_ctx *rc, const player_view *v, frame_status *out);

/* The chapter bar, the pause mark, the 中/EN button and the staff overlay
 * over view v, into the current target (render_overlay.c); remembers where
 * they went for the hit tests. */
void render_draw_overlay(render_ctx *rc, const player_view *v, const render_overlay *o);

/* The chapter the bar highlights for view v; -1 none. */
int render_bar_chapter(const player_view *v, const render_overlay *o);

#endif
