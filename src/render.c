/* The frame: a slide through its still layer, two slides composed by a
 * transition, then what lies over them (render_overlay.c). Boxes are
 * painted by boxes.c, with paint.c's primitives. */
#include "render.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boxes.h"
#include "compositor.h"
#include "datadir.h"
#include "images.h"
#include "paint.h"
#include "regions.h"
#include "render_internal.h"


/* ---- measuring through the fonts, in canvas units ----------------------- */

static double measure(void *ctx, const char *s, size_t len, int px, bool bold)
{
    render_ctx *rc = ctx;
    int screen_px = (int)lround(px * rc->paint.scale);
    if (screen_px < 1)
        screen_px = 1;
    return fonts_width(rc->fonts, s, len, screen_px, bold) / rc->paint.scale;
}

/* ---- life cycle -------------------------------------------------------------- */

static void drop_layouts(render_ctx *rc)
{
    for (size_t i = 0; i < rc->n_layouts; i++)
        if (rc->layouts[i].valid)
            layout_free(&rc->layouts[i].layout);
    free(rc->layouts);
    rc->layouts = NULL;
    rc->n_layouts = 0;
}

static void release_layer(void *entry, void *ctx)
{
    still_layer *l = entry;
    if (l->tex)
        SDL_DestroyTexture(l->tex);
}

static void size_changed(render_ctx *rc)
{
    rc->shown.valid = false;
    regions_clear(&rc->changed, rc->out_w, rc->out_h);
    drop_layouts(rc);
    painter_forget(&rc->paint);
    lru_clear(&rc->layers);
    free(rc->chunk);
    rc->chunk = NULL;
    for (int i = 0; i < 2; i++) {
        if (rc->target[i])
            SDL_DestroyTexture(rc->target[i]);
        rc->target[i] = NULL;
    }
    images_set_budget(rc->images, (size_t)IMAGE_BUDGET_SCREENS * (size_t)rc->out_w *
                                      (size_t)rc->out_h * 4);
    layout_canvas(rc->d, rc->out_w, rc->out_h, &rc->canvas_w, &rc->canvas_h, &rc->paint.scale);
    rc->boxes = (box_painter){&rc->paint, rc->images, rc->d, rc->out_w, rc->out_h};
    rc->layouts = calloc(rc->d->n_slides ? rc->d->n_slides : 1, sizeof *rc->layouts);
    rc->n_layouts = rc->layouts ? rc->d->n_slides : 0;
    if (!rc->layouts)
        paint_report(&rc->paint, "keep the slides' layouts: out of memory");
    rc->chapter_bar_slide = SIZE_MAX;
    rc->lang_button_slide = SIZE_MAX;
}

/* The deck's fonts, the shipped ones standing in for any that fails. */
static font_set *open_fonts(const deck *d, const char **err)
{
    char shipped_regular[4096], shipped_bold[4096];
    snprintf(shipped_regular, sizeof shipped_regular, "%s/%s", datadir_font_dir(),
             DECK_FONT_REGULAR);
    snprintf(shipped_bold, sizeof shipped_bold, "%s/%s", datadir_font_dir(), DECK_FONT_BOLD);
    return fonts_new(d->theme.font, d->theme.font_bold, shipped_regular, shipped_bold, err);
}

render_ctx *render_new(SDL_Renderer *r, const deck *d, int out_w, int out_h,
                       bool threaded_images, const char **err)
{
    render_ctx *rc = calloc(1, sizeof *rc);
    if (!rc) {
        *err = "out of memory";
        return NULL;
    }
    rc->d = d;
    rc->chapter_bar_slide = SIZE_MAX;
    rc->lang_button_slide = SIZE_MAX;
    rc->out_w = out_w;
    rc->out_h = out_h;
    rc->fonts = open_fonts(d, err);
    rc->images = images_new(r, d->dir, threaded_images);
    if (rc->images)
        images_set_pixel_limit(rc->images, deck_max_image_pixels(d));
    bool caches = painter_init(&rc->paint, r, rc->fonts) == 0 &&
                  lru_init(&rc->layers, STILL_LAYERS, sizeof(still_layer), release_layer, NULL) == 0;
    if (!rc->fonts || !rc->images || !caches) {
        if (rc->fonts)
            *err = caches ? "cannot start the image decoder" : "out of memory";
        render_free(rc);
        return NULL;
    }
    size_changed(rc);
    return rc;
}

void render_free(render_ctx *rc)
{
    if (!rc)
        return;
    drop_layouts(rc);
    painter_free(&rc->paint);
    lru_free(&rc->layers);
    for (int i = 0; i < 2; i++)
        if (rc->target[i])
            SDL_DestroyTexture(rc->target[i]);
    images_free(rc->images);
    fonts_free(rc->fonts);
    free(rc->chunk);
    free(rc->saved);
    free(rc);
}

void render_set_deck(render_ctx *rc, const deck *d)
{
    rc->d = d; /* pictures stay: a reload refreshes the files that changed */
    images_set_pixel_limit(rc->images, deck_max_image_pixels(d));
    size_changed(rc);
}

void render_refresh_file(render_ctx *rc, const char *path)
{
    images_refresh(rc->images, path);
}

int render_reopen_fonts(render_ctx *rc, const char **err)
{
    font_set *fonts = open_fonts(rc->d, err);
    if (!fonts)
        return -1;
    painter_forget(&rc->paint); /* rasterised with the old faces */
    fonts_free(rc->fonts);
    rc->fonts = fonts;
    rc->paint.fonts = fonts;
    size_changed(rc);
    return 0;
}

void render_resize(render_ctx *rc, int out_w, int out_h)
{
    if (out_w == rc->out_w && out_h == rc->out_h)
        return;
    rc->out_w = out_w;
    rc->out_h = out_h;
    rc->screen = NULL; /* the window's surface is made anew */
    size_changed(rc);
}

double render_scale(const render_ctx *rc)
{
    return rc->paint.scale;
}

font_set *render_fonts(render_ctx *rc)
{
    return rc->fonts;
}

void render_set_caching(render_ctx *rc, bool on)
{
    rc->no_caching = !on;
}

void render_set_partial(render_ctx *rc, bool on)
{
    rc->partial = on;
    rc->shown.valid = false;
}

void render_set_screen(render_ctx *rc, SDL_Surface *screen)
{
    /* The layers are ARGB8888; an X11 window's surface is RGB888 (XRGB):
     * the same bytes for the colours, the fourth unused. */
    bool usable = screen &&
                  (screen->format->format == SDL_PIXELFORMAT_ARGB8888 ||
                   screen->format->format == SDL_PIXELFORMAT_RGB888) &&
                  screen->w == rc->out_w && screen->h == rc->out_h && !SDL_MUSTLOCK(screen);
    rc->screen = usable ? screen : NULL;
}

const region_set *render_changed(const render_ctx *rc)
{
    return &rc->changed;
}

bool render_images_busy(render_ctx *rc)
{
    return images_busy(rc->images);
}

bool render_pump_images(render_ctx *rc)
{
    return images_pump(rc->images);
}

bool render_next_problem(render_ctx *rc, char *out, size_t cap)
{
    while (rc->fonts_told < 2) {
        const char *w = fonts_warning(rc->fonts, rc->fonts_told++);
        if (w) {
            snprintf(out, cap, "slides/deck.json:1:1: warning: %s", w);
            return true;
        }
    }
    char path[1024], why[512];
    if (!images_next_failure(rc->images, path, sizeof path, why, sizeof why))
        return false;
    snprintf(out, cap, "%s:1:1: error: %s", path, why);
    return true;
}

const slide_layout *render_layout(render_ctx *rc, size_t i)
{
    if (i >= rc->n_layouts)
        return NULL;
    layout_slot *slot = &rc->layouts[i];
    if (!slot->valid) {
        layout_measurer m = {measure, rc, rc->paint.scale};
        if (layout_slide(rc->d, &rc->d->slides[i], rc->canvas_w, rc->canvas_h, &m,
                         &slot->layout) != 0) {
            paint_report(&rc->paint, "lay out a slide: out of memory");
            return NULL;
        }
        slot->valid = true;
    }
    return &slot->layout;
}

void render_prefetch(render_ctx *rc, size_t i)
{
    const slide_layout *l = render_layout(rc, i);
    for (size_t k = 0; l && k < l->n; k++) {
        SDL_Rect box;
        image_status st;
        if (l->boxes[k].kind == LBOX_IMAGE)
            boxes_picture(&rc->boxes, &l->boxes[k], &box, &st);
    }
}

/* ---- slides ------------------------------------------------------------------ */

static bool layer_is(const void *entry, const void *key)
{
    const still_layer *l = entry;
    return l->valid && l->slide == *(const size_t *)key;
}

SDL_Texture *render_layer_of(render_ctx *rc, size_t i, const slide_layout *l, frame_status *st)
{
    still_layer *layer = lru_find(&rc->layers, layer_is, &i);
    if (layer)
        return layer->tex;
    bool evicted;
    layer = lru_claim(&rc->layers, &evicted);
    if (!layer)
        return NULL;
    layer->valid = false;
    if (!layer->tex) {
        layer->tex = SDL_CreateTexture(rc->paint.r, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_TARGET, rc->out_w, rc->out_h);
        if (!layer->tex) {
            paint_report(&rc->paint, "create a slide's still layer");
            return NULL;
        }
        SDL_SetTextureBlendMode(layer->tex, SDL_BLENDMODE_NONE);
    }
    SDL_Texture *prev = SDL_GetRenderTarget(rc->paint.r);
    if (SDL_SetRenderTarget(rc->paint.r, layer->tex) != 0) {
        paint_report(&rc->paint, "draw into a slide's still layer");
        return NULL;
    }
    frame_status drawn = {0}; /* still boxes: only a picture still decoding */
    /* Drifting cover photos go in as they stand when the drift ends: while
     * it runs each frame covers them, after it they need no drawing. */
    bool drift_end = false, drift_other = false;
    for (size_t k = 0; k < l->n; k++) {
        image_status ist;
        if (l->boxes[k].kind != LBOX_IMAGE || !l->boxes[k].ken_burns)
            continue;
        if (boxes_drift_covers(&rc->boxes, &l->boxes[k], &ist))
            drift_end = true;
        else
            drift_other = true;
        drawn.decoding |= ist == IMAGE_PENDING; /* drawn again once it is there */
    }
    drift_end = drift_end && !drift_other;
    long long end_ms = rc->d->slides[i].duration_ms > 0 ? rc->d->slides[i].duration_ms : 0;
    boxes_paint_background(&rc->boxes, &rc->d->slides[i]);
    for (size_t k = 0; k < l->n; k++) {
        if (boxes_in_still_layer(l, k))
            drawn = frame_status_join(drawn, boxes_paint(&rc->boxes, &l->boxes[k], i, 0));
        else if (drift_end && l->boxes[k].kind == LBOX_IMAGE && l->boxes[k].ken_burns)
            boxes_paint(&rc->boxes, &l->boxes[k], i, end_ms);
    }
    SDL_SetRenderTarget(rc->paint.r, prev);
    layer->slide = i;
    layer->drift_end = drift_end;
    layer->valid = !frame_status_changing(drawn);
    *st = frame_status_join(*st, drawn);
    return layer->tex;
}

frame_status render_draw_slide(render_ctx *rc, size_t i, long long t_ms)
{
    const slide *s = &rc->d->slides[i];
    const slide_layout *l = render_layout(rc, i);
    frame_status st = {0};
    if (!l) {
        boxes_paint_background(&rc->boxes, s);
        return st;
    }
    /* Every slide goes through its layer: a counting slide redraws only its
     * figures, and a transition composes two cached pictures. */
    SDL_Texture *layer = rc->no_caching ? NULL : render_layer_of(rc, i, l, &st);
    if (layer)
        SDL_RenderCopy(rc->paint.r, layer, NULL, NULL);
    else
        boxes_paint_background(&rc->boxes, s);
    for (size_t k = 0; k < l->n; k++)
        if (!layer || !render_in_layer(rc, i, l, k, t_ms))
            st = frame_status_join(st, boxes_paint(&rc->boxes, &l->boxes[k], i, t_ms));
    return st;
}

bool render_in_layer(render_ctx *rc, size_t i, const slide_layout *l, size_t k, long long t_ms)
{
    if (boxes_in_still_layer(l, k))
        return true;
    const layout_box *b = &l->boxes[k];
    if (b->kind != LBOX_IMAGE || !b->ken_burns || t_ms < rc->d->slides[i].duration_ms)
        return false;
    const still_layer *layer = lru_find(&rc->layers, layer_is, &i);
    return layer && layer->drift_end;
}

/* Draws slide i's still layer ahead of time, so that the first frame of
 * the transition to it only composes: called between frames of a still
 * slide, it replaces the layer least recently drawn (the slide before). */
void render_prepare(render_ctx *rc, size_t i)
{
    if (rc->no_caching || i >= rc->d->n_slides || lru_find(&rc->layers, layer_is, &i))
        return;
    const slide_layout *l = render_layout(rc, i);
    frame_status st = {0};
    if (l)
        render_layer_of(rc, i, l, &st);
}

bool render_moves_to_the_end(render_ctx *rc, size_t i)
{
    const slide_layout *l = i < rc->d->n_slides ? render_layout(rc, i) : NULL;
    for (size_t k = 0; l && k < l->n; k++)
        if (l->boxes[k].kind == LBOX_IMAGE && l->boxes[k].ken_burns)
            return true; /* boxes.c: a drift lasts the slide's whole duration */
    return false;
}

/* ---- frames and transitions --------------------------------------------------- */

static void release_targets(render_ctx *rc)
{
    for (int k = 0; k < 2; k++) {
        if (rc->target[k])
            SDL_DestroyTexture(rc->target[k]);
        rc->target[k] = NULL;
    }
}

static SDL_Texture *target(render_ctx *rc, int k)
{
    if (!rc->target[k]) {
        rc->target[k] = SDL_CreateTexture(rc->paint.r, SDL_PIXELFORMAT_ARGB8888,
                                          SDL_TEXTUREACCESS_TARGET, rc->out_w, rc->out_h);
        if (rc->target[k])
            SDL_SetTextureBlendMode(rc->target[k], SDL_BLENDMODE_BLEND);
        else
            paint_report(&rc->paint, "create a transition's picture");
        rc->target_state[k].settled = false;
    }
    return rc->target[k];
}

/* Draws slide `index` into transition target k — unless the target holds
 * that slide already and nothing on it moved: a still slide's picture does
 * not change during a fade, so only the blend is redone. */
static frame_status draw_to(render_ctx *rc, int k, size_t index, long long t_ms)
{
    if (rc->target_state[k].settled && rc->target_state[k].slide == index && !rc->no_caching)
        return (frame_status){0};
    SDL_Texture *prev = SDL_GetRenderTarget(rc->paint.r);
    SDL_SetRenderTarget(rc->paint.r, rc->target[k]);
    frame_status st = render_draw_slide(rc, index, t_ms);
    SDL_SetRenderTarget(rc->paint.r, prev);
    rc->target_state[k].slide = index;
    rc->target_state[k].settled = !frame_status_changing(st);
    return st;
}


/* When the target still shows the last frame of the same still slide
 * (same overlay, no transition), repaints only the moving boxes' extents:
 * each rectangle from the slide's still layer, then the boxes and the
 * overlay clipped to it. False when a whole frame is needed. */
static bool draw_partial(render_ctx *rc, const player_view *v, const render_overlay *o,
                         frame_status *out)
{
    if (!rc->partial || rc->no_caching || !rc->shown.valid || v->transitioning ||
        v->to != rc->shown.slide || (o && o->staff_text) || (o && o->paused) != rc->shown.paused ||
        render_bar_chapter(v, o) != rc->shown.chapter || (o ? o->chapters : NULL) != rc->shown.table)
        return false;
    const slide_layout *l = render_layout(rc, v->to);
    still_layer *layer = lru_find(&rc->layers, layer_is, &v->to);
    if (!l || !layer || !layer->valid || !layer->tex)
        return false;
    region_set *ch = &rc->changed;
    regions_clear(ch, rc->out_w, rc->out_h);
    if (rc->shown.settled) {
        *out = (frame_status){0};
        return true; /* the screen already shows this frame */
    }
    for (size_t k = 0; k < l->n; k++) {
        if (!boxes_moves(&l->boxes[k]))
            continue;
        if (l->boxes[k].kind == LBOX_IMAGE)
            return false; /* a drifting photo fills its box: a whole frame */
        SDL_Rect e = boxes_screen_extent(&rc->boxes, &l->boxes[k]);
        regions_add(ch, (region_rect){e.x, e.y, e.w, e.h});
    }
    if (ch->full)
        return false;
    frame_status st = {0};
    for (int i = 0; i < ch->n; i++) {
        SDL_Rect r = {ch->r[i].x, ch->r[i].y, ch->r[i].w, ch->r[i].h};
        SDL_RenderSetClipRect(rc->paint.r, &r);
        SDL_RenderCopy(rc->paint.r, layer->tex, &r, &r);
        for (size_t k = 0; k < l->n; k++) {
            if (boxes_in_still_layer(l, k))
                continue;
            SDL_Rect e = boxes_screen_extent(&rc->boxes, &l->boxes[k]), both;
            if (SDL_IntersectRect(&e, &r, &both))
                st = frame_status_join(st, boxes_paint(&rc->boxes, &l->boxes[k], v->to,
                                                       v->to_elapsed_ms));
        }
        render_draw_overlay(rc, v, o);
        SDL_RenderSetClipRect(rc->paint.r, NULL);
    }
    /* A box outside every rectangle is one that does not move: its status
     * adds nothing. */
    rc->shown.settled = !frame_status_changing(st);
    *out = st;
    return true;
}

frame_status render_frame(render_ctx *rc, const player_view *v, const render_overlay *o)
{
    frame_status st = {0};
    if (rc->no_caching)
        painter_forget(&rc->paint);
    images_pump(rc->images);
    if (draw_partial(rc, v, o, &st))
        return st;
    regions_clear(&rc->changed, rc->out_w, rc->out_h);
    regions_add_full(&rc->changed);
    rc->shown.valid = false;
    SDL_SetRenderDrawColor(rc->paint.r, 0, 0, 0, 255);
    SDL_RenderClear(rc->paint.r);
    if (rc->d->n_slides == 0 || v->to >= rc->d->n_slides)
        return st;
    if (v->transitioning && render_compose_fade(rc, v, &st)) {
        release_targets(rc);
        render_draw_overlay(rc, v, o);
        return st;
    }
    SDL_Texture *ta = v->transitioning ? target(rc, 0) : NULL;
    SDL_Texture *tb = v->transitioning ? target(rc, 1) : NULL;
    if (!v->transitioning || !ta || !tb || v->from >= rc->d->n_slides) {
        st = render_draw_slide(rc, v->to, v->to_elapsed_ms);
        if (!v->transitioning)
            release_targets(rc); /* full-screen pictures only while a transition needs them */
        still_layer *layer = lru_find(&rc->layers, layer_is, &v->to);
        rc->shown.valid = !v->transitioning && !rc->no_caching && !(o && o->staff_text) && layer &&
                          layer->valid;
        rc->shown.slide = v->to;
        rc->shown.paused = o && o->paused;
        rc->shown.chapter = render_bar_chapter(v, o);
        rc->shown.table = o ? o->chapters : NULL;
        rc->shown.settled = !frame_status_changing(st);
    } else {
        st = frame_status_join(draw_to(rc, 0, v->from, v->from_elapsed_ms),
                               draw_to(rc, 1, v->to, v->to_elapsed_ms));
        st.moving = true; /* the transition itself */
        compose_copy copies[COMPOSE_MAX_COPIES];
        size_t n = compositor_plan(v->transition, v->progress, v->direction, rc->out_w, rc->out_h,
                                   copies);
        for (size_t k = 0; k < n; k++) {
            const compose_copy *c = &copies[k];
            SDL_Rect src = {c->src_x, c->src_y, c->src_w, c->src_h};
            SDL_FRect dst = {c->x, c->y, c->w, c->h};
            paint_copy(&rc->paint, c->layer == COMPOSE_FROM ? ta : tb, c->alpha,
                       c->whole ? NULL : &src, &dst);
        }
    }
    render_draw_overlay(rc, v, o);
    return st;
}
