#include "boxes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "anim.h"
#include "figures.h"
#include "qr_paint.h"

#define KEN_BURNS_ZOOM 0.08    /* a photo grows by 8 % over its slide */
#define KEN_BURNS_OVERSCAN 1.1 /* decoded this much larger, so zoom stays sharp */

static SDL_Color role(const box_painter *bp, layout_role r)
{
    return paint_role(&bp->d->theme, r);
}

static void paint_lines(box_painter *bp, const layout_box *b)
{
    painter *p = bp->p;
    const text_block *tb = &b->text;
    SDL_Color col = role(bp, b->role);
    int px = paint_px(p, tb->px);
    int ascent = fonts_ascent(p->fonts, px, b->bold);
    int height = fonts_height(p->fonts, px, b->bold);
    for (size_t i = 0; i < tb->n_lines; i++) {
        const text_line *ln = &tb->lines[i];
        double y = b->y + text_line_top(tb, i);
        if (ln->text && *ln->text) {
            /* Punctuation-adjusted and justified lines are their runs at
             * the layout's positions, painted as one picture. */
            int left;
            const paint_text_entry *e = paint_text_line(p, ln, px, b->bold, col, &left);
            if (e) {
                /* The glyphs sit centred in the line's box. */
                int line_top = (int)lround(y * p->scale);
                int line_h = (int)lround(tb->line_height * p->scale);
                int baseline = line_top + (line_h - height) / 2 + ascent;
                SDL_Rect dst = {(int)lround((b->x + ln->x) * p->scale) + left,
                                baseline - ascent - FONTS_RENDER_PAD(px), e->w, e->h};
                SDL_SetTextureAlphaMod(e->tex, 255);
                SDL_RenderCopy(p->r, e->tex, NULL, &dst);
            }
        }
    }
}

/* A tidy stand-in for a picture that cannot be shown: a quiet panel with
 * the file's name, never a black hole or a stretched texture. */
static void paint_placeholder(box_painter *bp, SDL_Rect r, const layout_placeholder *ph,
                              const char *path, bool pending)
{
    painter *p = bp->p;
    SDL_Color bg = paint_rgb(bp->d->theme.background);
    SDL_Color fg = paint_rgb(bp->d->theme.text);
    paint_fill(p, r, paint_mix(bg, fg, 0.08), 1);
    if (pending)
        return; /* decoding: the panel alone, the picture arrives in a moment */
    const layout_rect *f = &ph->frame;
    paint_fill(p, paint_rect(p, f->x, f->y, f->w, f->h), paint_mix(bg, fg, 0.25), 1);
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    char line[512];
    snprintf(line, sizeof line, "图片无法显示 · %s", name);
    const paint_text_entry *e =
        paint_text(p, line, paint_px(p, ph->caption_px), false, paint_mix(fg, bg, 0.35));
    if (e) {
        SDL_Rect dst = {r.x + (r.w - e->w) / 2, (int)lround(ph->caption_y * p->scale), e->w, e->h};
        if (dst.w > r.w) /* a long name: keep its start visible, clipped */
            dst.x = r.x;
        SDL_Rect clip = r;
        SDL_RenderSetClipRect(p->r, &clip);
        SDL_RenderCopy(p->r, e->tex, NULL, &dst);
        SDL_RenderSetClipRect(p->r, NULL);
    }
}

SDL_Texture *boxes_picture(box_painter *bp, const layout_box *b, SDL_Rect *out, image_status *st)
{
    *out = paint_rect(bp->p, b->x, b->y, b->w, b->h);
    *st = IMAGE_FAILED;
    if (out->w <= 0 || out->h <= 0)
        return NULL;
    return images_get(bp->images, b->image, out->w, out->h, b->fit,
                      b->ken_burns ? KEN_BURNS_OVERSCAN : 1.0, st);
}

static frame_status paint_picture(box_painter *bp, const layout_box *b, size_t slide_index, long long t_ms,
                          long long duration_ms)
{
    SDL_Rect box;
    image_status st;
    SDL_Texture *t = boxes_picture(bp, b, &box, &st);
    if (box.w <= 0 || box.h <= 0)
        return (frame_status){0};
    if (!t) {
        paint_placeholder(bp, box, &b->placeholder, b->image, st == IMAGE_PENDING);
        return (frame_status){.decoding = st == IMAGE_PENDING};
    }
    int iw, ih;
    SDL_QueryTexture(t, NULL, NULL, &iw, &ih);
    double s = b->fit == FIT_COVER ? fmax((double)box.w / iw, (double)box.h / ih)
                                   : fmin((double)box.w / iw, (double)box.h / ih);
    double zoom = 1, pan_x = 0, pan_y = 0;
    if (b->ken_burns) {
        /* A slow drift: zoom in over the slide's duration, panning in a
         * direction that alternates from slide to slide. */
        double p = duration_ms > 0 ? fmin(1.0, (double)t_ms / duration_ms) : 0;
        double e = p * p * (3 - 2 * p) * 0.3 + p * 0.7; /* gentle start and end */
        zoom = 1 + KEN_BURNS_ZOOM * e;
        int dir = (int)(slide_index % 4);
        pan_x = (dir & 1 ? 1 : -1) * (e - 0.5) * 0.06;
        pan_y = (dir & 2 ? 1 : -1) * (e - 0.5) * 0.04;
    }
    double dw = iw * s * zoom, dh = ih * s * zoom;
    SDL_FRect dst = {(float)(box.x + (box.w - dw) / 2 + pan_x * box.w),
                     (float)(box.y + (box.h - dh) / 2 + pan_y * box.h), (float)dw, (float)dh};
    if (b->fit == FIT_COVER) {
        /* Never let the pan show an edge. */
        if (dst.x > box.x)
            dst.x = (float)box.x;
        if (dst.y > box.y)
            dst.y = (float)box.y;
        if (dst.x + dst.w < box.x + box.w)
            dst.x = (float)(box.x + box.w - dst.w);
        if (dst.y + dst.h < box.y + box.h)
            dst.y = (float)(box.y + box.h - dst.h);
    }
    SDL_RenderSetClipRect(bp->p->r, &box);
    SDL_SetTextureAlphaMod(t, 255);
    SDL_RenderCopyF(bp->p->r, t, NULL, &dst);
    SDL_RenderSetClipRect(bp->p->r, NULL);
    /* the drift ends with the slide's time: no redraws after it */
    return (frame_status){.moving = b->ken_burns && t_ms < duration_ms};
}

/* prefix + number + unit (and icon) on one baseline, each where the layout
 * put it; dx shifts the whole figure (riding a growing bar's tip). *st
 * says whether it counts or its icon is still decoding. */
static void paint_figure(box_painter *bp, const layout_box *b, const slide *s, long long t_ms,
                         int dx, frame_status *st)
{
    painter *p = bp->p;
    const stat_item *it = &s->items[b->item];
    const layout_figure *f = &b->figure;
    int px = paint_px(p, b->px), small = paint_px(p, b->small_px);
    SDL_Color unit_col = role(bp, ROLE_TEXT);
    double prog = figures_progress(s, b->item, t_ms);
    if (prog < 1)
        st->moving = true;
    int baseline = (int)lround(b->baseline * p->scale);
    if (f->icon.w > 0) { /* a square, its bottom on the baseline */
        SDL_Rect box = paint_rect(p, f->icon.x, 0, f->icon.w, 0);
        box.x += dx;
        box.h = box.w;
        box.y = baseline - box.h;
        image_status ist;
        SDL_Texture *t = images_get(bp->images, it->icon, box.w, box.h, FIT_CONTAIN, 1.0, &ist);
        if (t) {
            int iw, ih;
            SDL_QueryTexture(t, NULL, NULL, &iw, &ih);
            double k = fmin((double)box.w / iw, (double)box.h / ih);
            SDL_Rect dst = {box.x + (box.w - (int)(iw * k)) / 2, box.y + (box.h - (int)(ih * k)) / 2,
                            (int)(iw * k), (int)(ih * k)};
            SDL_SetTextureAlphaMod(t, 255);
            SDL_RenderCopy(p->r, t, NULL, &dst);
        } else if (ist == IMAGE_PENDING) {
            st->decoding = true;
        }
    }
    int small_top = baseline - fonts_ascent(p->fonts, small, true) - FONTS_RENDER_PAD(small);
    const layout_span *side[2] = {&f->prefix, &f->unit};
    const char *side_text[2] = {it->prefix, it->unit};
    for (int k = 0; k < 2; k++) {
        if (side[k]->w <= 0)
            continue;
        const paint_text_entry *e = paint_text(p, side_text[k], small, true, unit_col);
        if (e) {
            SDL_Rect d = {(int)lround(side[k]->x * p->scale) + dx, small_top, e->w, e->h};
            SDL_RenderCopy(p->r, e->tex, NULL, &d);
        }
    }
    const paint_digits *a = paint_digits_for(p, px, role(bp, ROLE_ACCENT));
    if (a) {
        /* Right-aligned in its slot: the last digit stays put, like an odometer. */
        char now[64];
        figures_text(now, sizeof now, it, s->separator, s->easing, prog);
        SDL_Rect slot = paint_rect(p, f->number.x, 0, f->number.w, 0);
        paint_digits_draw(p, a, now, slot.x + dx + slot.w - paint_digits_width(a, now), baseline,
                          255);
    }
}

/* "▲ 同比增长 108%" in its pill, fading in once its figure has landed. */
static frame_status paint_badge(box_painter *bp, const layout_pill *pl, const slide *s,
                                size_t item, long long t_ms)
{
    painter *p = bp->p;
    const stat_item *it = &s->items[item];
    if (!figures_landed(s, item, t_ms))
        return (frame_status){0};
    double a = figures_badge_alpha(s, item, t_ms);
    frame_status st = {.moving = a < 1};
    char text[160];
    layout_badge_text(text, sizeof text, it);
    int px = paint_px(p, pl->px);
    SDL_Color pill = role(bp, pl->role);
    SDL_Color ink = paint_rgb(bp->d->theme.background);
    const paint_text_entry *e = paint_text(p, text, px, true, ink);
    if (!e)
        return st;
    SDL_Rect r = paint_rect(p, pl->x, pl->y, pl->w, pl->h);
    int x = r.x, w = r.w, h = r.h;
    /* Slides up a little as it fades in. */
    int y = r.y + (int)lround((1 - a) * px * 0.5);
    SDL_Rect body = {x + h / 2, y, w - h, h};
    paint_fill(p, body, pill, a);
    /* Rounded ends: discs drawn as rows. */
    SDL_SetRenderDrawColor(p->r, pill.r, pill.g, pill.b, (Uint8)lround(a * 255));
    for (int row = 0; row < h; row++) {
        double dy = row + 0.5 - h / 2.0;
        int half = (int)lround(sqrt(fmax(0, h * h / 4.0 - dy * dy)));
        /* The caps start exactly where the body ends: with an odd height
         * x + w - h / 2 would leave a one-pixel gap. */
        SDL_Rect l = {body.x - half, y + row, half, 1};
        SDL_Rect rr = {body.x + body.w, y + row, half, 1};
        SDL_RenderFillRect(p->r, &l);
        SDL_RenderFillRect(p->r, &rr);
    }
    int height = fonts_height(p->fonts, px, true);
    SDL_Rect dst = {(int)lround(pl->text_x * p->scale), y + (h - height) / 2 - FONTS_RENDER_PAD(px),
                    e->w, e->h};
    SDL_SetTextureAlphaMod(e->tex, (Uint8)lround(a * 255));
    SDL_RenderCopy(p->r, e->tex, NULL, &dst);
    return st;
}

static frame_status paint_bar(box_painter *bp, const layout_box *b, const slide *s, long long t_ms)
{
    painter *p = bp->p;
    double prog = figures_progress(s, b->item, t_ms);
    double eased = anim_ease(s->easing, prog);
    frame_status st = {.moving = prog < 1};
    double full = b->w * b->fraction;
    double len = full * eased;
    SDL_Rect bar = paint_rect(p, b->x, b->y, len, b->h);
    if (bar.w < 1 && b->fraction > 0 && prog > 0)
        bar.w = 1;
    SDL_Color acc = role(bp, ROLE_ACCENT);
    paint_fill(p, bar, acc, 1);
    /* a lighter cap gives the bar an end */
    SDL_Rect cap = {bar.x + bar.w - paint_px(p, 6), bar.y, paint_px(p, 6), bar.h};
    if (bar.w > paint_px(p, 12))
        paint_fill(p, cap, paint_mix(acc, (SDL_Color){255, 255, 255, 255}, 0.35), 1);
    /* The figure rides at the tip: laid out at full length, shifted by
     * what the bar still lacks. */
    int dx = (int)lround((b->figure.x - (full - len)) * p->scale) -
             (int)lround(b->figure.x * p->scale);
    paint_figure(bp, b, s, t_ms, dx, &st);
    /* Drawn once the figure has landed, so the bar is at full length. */
    if (b->has_pill)
        st = frame_status_join(st, paint_badge(bp, &b->pill, s, b->item, t_ms));
    return st;
}

void boxes_paint_background(box_painter *bp, const slide *s)
{
    SDL_Color bg = s->has_background_color ? paint_rgb(s->background_color)
                                           : paint_rgb(bp->d->theme.background);
    SDL_SetRenderDrawBlendMode(bp->p->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(bp->p->r, bg.r, bg.g, bg.b, 255);
    SDL_RenderFillRect(bp->p->r, NULL);
    /* Depth: a soft darkening toward the bottom of plain backgrounds. */
    paint_shade(bp->p, (SDL_Rect){0, bp->out_h / 3, bp->out_w, bp->out_h - bp->out_h / 3},
                (SDL_Color){0, 0, 0, 255}, 0.28, false);
}

frame_status boxes_paint(box_painter *bp, const layout_box *b, size_t i, long long t_ms)
{
    const slide *s = &bp->d->slides[i];
    frame_status st = {0};
    switch (b->kind) {
    case LBOX_IMAGE: return paint_picture(bp, b, i, t_ms, s->duration_ms);
    case LBOX_SHADE:
        paint_shade(bp->p, paint_rect(bp->p, b->x, b->y, b->w, b->h), role(bp, b->role), b->alpha,
                    b->dark_top);
        return st;
    case LBOX_FILL:
        paint_fill(bp->p, paint_rect(bp->p, b->x, b->y, b->w, b->h), role(bp, b->role), b->alpha);
        return st;
    case LBOX_TEXT: paint_lines(bp, b); return st;
    case LBOX_FIGURE: paint_figure(bp, b, s, t_ms, 0, &st); return st;
    case LBOX_BADGE:
        return b->has_pill ? paint_badge(bp, &b->pill, s, b->item, t_ms) : st;
    case LBOX_BAR: return paint_bar(bp, b, s, t_ms);
    case LBOX_QR:
        qr_paint(bp->p->r, paint_rect(bp->p, b->x, b->y, b->w, b->h),
                 paint_rect(bp->p, b->x, b->y, b->w, b->w), b->qr_text);
        return st;
    }
    return st;
}

bool boxes_drift_covers(box_painter *bp, const layout_box *b, image_status *st)
{
    *st = IMAGE_FAILED;
    if (b->kind != LBOX_IMAGE || !b->ken_burns || b->fit != FIT_COVER)
        return false;
    SDL_Rect box;
    SDL_Texture *t = boxes_picture(bp, b, &box, st);
    SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
    return t && SDL_GetTextureBlendMode(t, &mode) == 0 && mode == SDL_BLENDMODE_NONE;
}

void boxes_paint_language_button(box_painter *bp, const slide_layout *l)
{
    static const char *const labels[DECK_N_LANGS] = {"中", "EN"};
    if (!l->has_lang_button)
        return;
    painter *p = bp->p;
    const layout_rect *r = &l->lang_panel;
    paint_fill(p, paint_rect(p, r->x, r->y, r->w, r->h), (SDL_Color){0, 0, 0, 255}, 0.45);
    int px = paint_px(p, l->lang_px);
    for (int k = 0; k < DECK_N_LANGS; k++) {
        bool on = (deck_lang)k == deck_language_shown(bp->d);
        SDL_Color col = paint_role(&bp->d->theme, on ? ROLE_ACCENT : ROLE_MUTED);
        r = &l->lang_label[k];
        paint_text_centred(p, labels[k], px, on, col, paint_rect(p, r->x, r->y, r->w, r->h));
    }
}

bool boxes_moves(const layout_box *b)
{
    return b->kind == LBOX_FIGURE || b->kind == LBOX_BADGE || b->kind == LBOX_BAR ||
           (b->kind == LBOX_IMAGE && b->ken_burns);
}

/* The canvas area a box may paint; a bar also paints its figure and badge
 * past its end. */
static void box_extent(const layout_box *b, double *x0, double *y0, double *x1, double *y1)
{
    *x0 = b->x;
    *y0 = b->y;
    *x1 = b->x + (b->kind == LBOX_BAR ? b->reach_w : b->w);
    *y1 = b->y + b->h;
}

bool boxes_in_still_layer(const slide_layout *l, size_t k)
{
    if (boxes_moves(&l->boxes[k]))
        return false;
    double ax0, ay0, ax1, ay1;
    box_extent(&l->boxes[k], &ax0, &ay0, &ax1, &ay1);
    for (size_t j = 0; j < k; j++) {
        if (!boxes_moves(&l->boxes[j]))
            continue;
        double bx0, by0, bx1, by1;
        box_extent(&l->boxes[j], &bx0, &by0, &bx1, &by1);
        if (ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1)
            return false;
    }
    return true;
}

SDL_Rect boxes_screen_extent(const box_painter *bp, const layout_box *b)
{
    double x0, y0, x1, y1;
    box_extent(b, &x0, &y0, &x1, &y1);
    SDL_Rect r = paint_rect(bp->p, x0, y0, x1 - x0, y1 - y0);
    int m = paint_px(bp->p, 4);
    r.x -= m;
    r.y -= m;
    r.w += 2 * m;
    r.h += 2 * m;
    if (b->kind == LBOX_BAR)
        r.w = bp->out_w - r.x;
    return r;
}
