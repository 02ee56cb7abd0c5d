/* A fade composed straight from two slides' still layers into the software
 * renderer's surface, with no full-screen picture in between (render.h,
 * render_set_screen). */
#include <stdlib.h>
#include <string.h>

#include "blend.h"
#include "render_internal.h"

/* Where slide l's boxes outside its still layer paint: what a frame draws
 * over the layer. */
static void off_layer_extents(render_ctx *rc, size_t i, const slide_layout *l, long long t_ms,
                              region_set *out)
{
    regions_clear(out, rc->out_w, rc->out_h);
    for (size_t k = 0; k < l->n; k++) {
        if (render_in_layer(rc, i, l, k, t_ms))
            continue;
        SDL_Rect e = boxes_screen_extent(&rc->boxes, &l->boxes[k]);
        regions_add(out, (region_rect){e.x, e.y, e.w, e.h});
    }
}

static long long extents_area(const region_set *s)
{
    return s->full ? (long long)s->screen_w * s->screen_h : regions_area(s);
}

static Uint8 *screen_at(const render_ctx *rc, int x, int y)
{
    return (Uint8 *)rc->screen->pixels + (size_t)y * (size_t)rc->screen->pitch + (size_t)x * 4;
}

/* Blends rectangle r of layer tex into the same rectangle of the screen
 * with weight t (blend.h). SDL cannot lock a target texture: its pixels
 * are read back a few rows at a time, so no full-screen copy is made. */
static bool blend_layer(render_ctx *rc, SDL_Texture *tex, SDL_Rect r, unsigned t)
{
    SDL_Renderer *ren = rc->paint.r;
    if (!rc->chunk && !(rc->chunk = malloc((size_t)rc->out_w * 4 * BLEND_CHUNK_ROWS)))
        return false;
    if (SDL_SetRenderTarget(ren, tex) != 0) /* finishes the drawing queued for the screen */
        return false;
    bool ok = true;
    for (int y = r.y; ok && y < r.y + r.h; y += BLEND_CHUNK_ROWS) {
        SDL_Rect part = {r.x, y, r.w, r.y + r.h - y < BLEND_CHUNK_ROWS ? r.y + r.h - y : BLEND_CHUNK_ROWS};
        ok = SDL_RenderReadPixels(ren, &part, SDL_PIXELFORMAT_ARGB8888, rc->chunk, r.w * 4) == 0;
        for (int row = 0; ok && row < part.h; row++)
            blend_bytes(screen_at(rc, r.x, y + row), rc->chunk + (size_t)row * (size_t)r.w * 4,
                        (size_t)r.w * 4, t);
    }
    SDL_SetRenderTarget(ren, NULL);
    return ok;
}

/* Copies rectangle r of the screen to the saved pixels at `at`. */
static void save_rect(render_ctx *rc, SDL_Rect r, size_t at)
{
    for (int row = 0; row < r.h; row++)
        memcpy(rc->saved + at + (size_t)row * (size_t)r.w * 4, screen_at(rc, r.x, r.y + row),
               (size_t)r.w * 4);
}

/* A fade composed straight into the screen surface, with no full-screen
 * picture in between: the slide with more moving parts (the base) is drawn
 * as usual; the other one's still layer is blended over it; where that
 * one has boxes outside its layer (counting figures), those rectangles are
 * drawn whole and blended with the base saved from under them. False when
 * it cannot be done this way (no screen surface, a target set, both slides
 * moving over most of the screen): the caller composes through targets. */
bool render_compose_fade(render_ctx *rc, const player_view *v, frame_status *out)
{
    SDL_Renderer *ren = rc->paint.r;
    if (!rc->screen || rc->no_caching || v->transition != TRANSITION_FADE ||
        SDL_GetRenderTarget(ren) != NULL || v->from >= rc->d->n_slides)
        return false;
    const slide_layout *la = render_layout(rc, v->from), *lb = render_layout(rc, v->to);
    frame_status st = {0};
    SDL_Texture *ta = la ? render_layer_of(rc, v->from, la, &st) : NULL;
    SDL_Texture *tb = lb ? render_layer_of(rc, v->to, lb, &st) : NULL;
    if (!ta || !tb)
        return false;
    region_set ea, eb;
    off_layer_extents(rc, v->from, la, v->from_elapsed_ms, &ea);
    off_layer_extents(rc, v->to, lb, v->to_elapsed_ms, &eb);
    bool over_to = extents_area(&eb) <= extents_area(&ea); /* the incoming slide goes over */
    const region_set *eo = over_to ? &eb : &ea;
    if (eo->full)
        return false;
    size_t base = over_to ? v->from : v->to, over = over_to ? v->to : v->from;
    long long base_ms = over_to ? v->from_elapsed_ms : v->to_elapsed_ms;
    long long over_ms = over_to ? v->to_elapsed_ms : v->from_elapsed_ms;
    const slide_layout *lo = over_to ? lb : la;
    SDL_Texture *to = over_to ? tb : ta;
    unsigned t = blend_weight(over_to ? v->progress : 1 - v->progress);
    size_t need = (size_t)regions_area(eo) * 4;
    if (need > rc->saved_cap) {
        Uint8 *grown = realloc(rc->saved, need);
        if (!grown)
            return false;
        rc->saved = grown;
        rc->saved_cap = need;
    }
    st = frame_status_join(st, render_draw_slide(rc, base, base_ms));
    SDL_RenderFlush(ren);
    size_t at = 0;
    for (int i = 0; i < eo->n; i++) {
        SDL_Rect r = {eo->r[i].x, eo->r[i].y, eo->r[i].w, eo->r[i].h};
        save_rect(rc, r, at);
        at += (size_t)r.w * (size_t)r.h * 4;
    }
    if (!blend_layer(rc, to, (SDL_Rect){0, 0, rc->out_w, rc->out_h}, t))
        return false;
    /* The over slide's moving rectangles: drawn whole, then the base saved
     * from under them blended back with the base's weight. */
    at = 0;
    for (int i = 0; i < eo->n; i++) {
        SDL_Rect r = {eo->r[i].x, eo->r[i].y, eo->r[i].w, eo->r[i].h};
        SDL_RenderSetClipRect(ren, &r);
        SDL_RenderCopy(ren, to, &r, &r);
        for (size_t k = 0; k < lo->n; k++) {
            if (render_in_layer(rc, over, lo, k, over_ms))
                continue;
            SDL_Rect e = boxes_screen_extent(&rc->boxes, &lo->boxes[k]), both;
            if (SDL_IntersectRect(&e, &r, &both))
                st = frame_status_join(st, boxes_paint(&rc->boxes, &lo->boxes[k], over, over_ms));
        }
        SDL_RenderSetClipRect(ren, NULL);
        SDL_RenderFlush(ren);
        for (int row = 0; row < r.h; row++)
            blend_bytes(screen_at(rc, r.x, r.y + row), rc->saved + at + (size_t)row * (size_t)r.w * 4,
                        (size_t)r.w * 4, BLEND_ONE - t);
        at += (size_t)r.w * (size_t)r.h * 4;
    }
    st.moving = true; /* the fade itself */
    *out = st;
    return true;
}
