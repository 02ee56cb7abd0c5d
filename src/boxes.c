#include "boxes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "anim.h"

#define KEN_BURNS_ZOOM 0.08    /* a photo grows by 8 % over its slide */
#define KEN_BURNS_OVERSCAN 1.1 /* decoded this much larger, so zoom stays sharp */
#define BADGE_FADE_MS 350      /* a growth badge fades in after its figure lands */

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
static void paint_placeholder(box_painter *bp, SDL_Rect r, const char *path, bool pending)
{
    painter *p = bp->p;
    SDL_Color bg = paint_rgb(bp->d->theme.background);
    SDL_Color fg = paint_rgb(bp->d->theme.text);
    paint_fill(p, r, paint_mix(bg, fg, 0.08), 1);
    if (pending)
        return; /* decoding: the panel alone, the picture arrives in a moment */
    SDL_Rect frame = {r.x + r.w / 2 - paint_px(p, 60), r.y + r.h / 2 - paint_px(p, 90),
                      paint_px(p, 120), paint_px(p, 90)};
    paint_fill(p, frame, paint_mix(bg, fg, 0.25), 1);
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    char line[512];
    snprintf(line, sizeof line, "图片无法显示 · %s", name);
    const paint_text_entry *e = paint_text(p, line, paint_px(p, 28), false, paint_mix(fg, bg, 0.35));
    if (e) {
        SDL_Rect dst = {r.x + (r.w - e->w) / 2, frame.y + frame.h + paint_px(p, 24), e->w, e->h};
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
        paint_placeholder(bp, box, b->image, st == IMAGE_PENDING);
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
    return (frame_status){.moving = b->ken_burns};
}

/* prefix + number + unit on one baseline, centred on the figure's final
 * width so nothing moves while the number counts. Returns the figure's full
 * width in output pixels; *st says whether it counts or its icon is still
 * decoding. */
static int paint_figure(box_painter *bp, const layout_box *b, const slide *s, long long t_ms,
                        double x_start, bool centred, frame_status *st)
{
    painter *p = bp->p;
    const stat_item *it = &s->items[b->item];
    int px = paint_px(p, b->px), small = paint_px(p, b->small_px);
    SDL_Color col = role(bp, ROLE_ACCENT);
    SDL_Color unit_col = role(bp, ROLE_TEXT);
    const paint_digits *a = paint_digits_for(p, px, col);
    char final[64], now[64];
    anim_final_text(final, sizeof final, it, s->separator);
    double prog = anim_item_progress(s, b->item, t_ms);
    anim_item_text(now, sizeof now, it, s->separator, s->easing, prog);
    if (prog < 1)
        st->moving = true;
    if (!a)
        return 0;
    int slot_w = paint_digits_width(a, final);
    int gap = (int)lround(px * 0.08);
    const paint_text_entry *pre = it->prefix ? paint_text(p, it->prefix, small, true, unit_col) : NULL;
    SDL_Texture *pre_tex = pre ? pre->tex : NULL;
    int pre_tw = pre ? pre->w : 0, pre_th = pre ? pre->h : 0;
    const paint_text_entry *unit = it->unit ? paint_text(p, it->unit, small, true, unit_col) : NULL;
    int pre_w = pre ? fonts_width(p->fonts, it->prefix, strlen(it->prefix), small, true) : 0;
    int unit_w = unit ? fonts_width(p->fonts, it->unit, strlen(it->unit), small, true) : 0;
    int icon = it->icon ? (int)lround(px * LAYOUT_ICON_SCALE) : 0;
    int total = slot_w + (pre ? pre_w + gap : 0) + (unit ? unit_w + gap : 0) +
                (icon ? icon + 2 * gap : 0);
    int x = centred ? (int)lround((b->x + b->w / 2) * p->scale) - total / 2
                    : (int)lround(x_start * p->scale);
    int baseline = (int)lround(b->baseline * p->scale);
    int small_ascent = fonts_ascent(p->fonts, small, true);
    if (icon) { /* beside the figure, its bottom on the baseline */
        image_status ist;
        SDL_Rect box = {x, baseline - icon, icon, icon};
        SDL_Texture *t = images_get(bp->images, it->icon, icon, icon, FIT_CONTAIN, 1.0, &ist);
        if (t) {
            int iw, ih;
            SDL_QueryTexture(t, NULL, NULL, &iw, &ih);
            double k = fmin((double)icon / iw, (double)icon / ih);
            SDL_Rect dst = {box.x + (icon - (int)(iw * k)) / 2, box.y + (icon - (int)(ih * k)) / 2,
                            (int)(iw * k), (int)(ih * k)};
            SDL_SetTextureAlphaMod(t, 255);
            SDL_RenderCopy(p->r, t, NULL, &dst);
        } else if (ist == IMAGE_PENDING) {
            st->decoding = true;
        }
        x += icon + 2 * gap;
    }
    if (pre) {
        SDL_Rect d = {x, baseline - small_ascent - FONTS_RENDER_PAD(small), pre_tw, pre_th};
        SDL_RenderCopy(p->r, pre_tex, NULL, &d);
        x += pre_w + gap;
    }
    /* Right-aligned in its slot: the last digit stays put, like an odometer. */
    paint_digits_draw(p, a, now, x + slot_w - paint_digits_width(a, now), baseline, 255);
    x += slot_w + gap;
    if (unit) {
        SDL_Rect d = {x, baseline - small_ascent - FONTS_RENDER_PAD(small), unit->w, unit->h};
        SDL_RenderCopy(p->r, unit->tex, NULL, &d);
    }
    return total;
}

/* "▲ 同比增长 108%" in a pill, fading in once its figure has landed.
 * x_canvas is the badge's centre, left or right edge as `align` says.
 * It moves while it fades in. */
static frame_status paint_badge(box_painter *bp, const layout_box *b, const slide *s, long long t_ms,
                        double x_canvas, double y_canvas, layout_align align)
{
    painter *p = bp->p;
    const stat_item *it = &s->items[b->item];
    if (!anim_item_landed(s, b->item, t_ms))
        return (frame_status){0};
    long long since = t_ms - (long long)(b->item * (size_t)s->stagger_ms) - s->count_duration_ms;
    double a = since >= BADGE_FADE_MS ? 1.0 : fmax(0, (double)since / BADGE_FADE_MS);
    frame_status st = {.moving = a < 1};
    char text[160];
    layout_badge_text(text, sizeof text, it);
    int px = paint_px(p, b->px);
    SDL_Color pill = role(bp, b->role);
    SDL_Color ink = paint_rgb(bp->d->theme.background);
    const paint_text_entry *e = paint_text(p, text, px, true, ink);
    if (!e)
        return st;
    int tw = fonts_width(p->fonts, text, strlen(text), px, true);
    int pad_x = (int)lround(px * 0.7), h = (int)lround(px * 1.7);
    int w = tw + 2 * pad_x;
    int x = (int)lround(x_canvas * p->scale);
    if (align == ALIGN_CENTER)
        x -= w / 2;
    else if (align == ALIGN_RIGHT)
        x -= w;
    int y = (int)lround(y_canvas * p->scale);
    /* Slides up a little as it fades in. */
    y += (int)lround((1 - a) * px * 0.5);
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
        SDL_Rect r = {body.x + body.w, y + row, half, 1};
        SDL_RenderFillRect(p->r, &l);
        SDL_RenderFillRect(p->r, &r);
    }
    int height = fonts_height(p->fonts, px, true);
    SDL_Rect dst = {x + pad_x, y + (h - height) / 2 - FONTS_RENDER_PAD(px), e->w, e->h};
    SDL_SetTextureAlphaMod(e->tex, (Uint8)lround(a * 255));
    SDL_RenderCopy(p->r, e->tex, NULL, &dst);
    return st;
}

static frame_status paint_bar(box_painter *bp, const layout_box *b, const slide *s, long long t_ms)
{
    painter *p = bp->p;
    double prog = anim_item_progress(s, b->item, t_ms);
    double eased = anim_ease(s->easing, prog);
    frame_status st = {.moving = prog < 1};
    double len = b->w * b->fraction * eased;
    SDL_Rect bar = paint_rect(p, b->x, b->y, len, b->h);
    if (bar.w < 1 && b->fraction > 0 && prog > 0)
        bar.w = 1;
    SDL_Color acc = role(bp, ROLE_ACCENT);
    paint_fill(p, bar, acc, 1);
    /* a lighter cap gives the bar an end */
    SDL_Rect cap = {bar.x + bar.w - paint_px(p, 6), bar.y, paint_px(p, 6), bar.h};
    if (bar.w > paint_px(p, 12))
        paint_fill(p, cap, paint_mix(acc, (SDL_Color){255, 255, 255, 255}, 0.35), 1);
    /* The figure rides at the tip, centred on the bar. */
    double tip_x = b->x + len + 20; /* canvas px after the bar's end */
    int fig_w = paint_figure(bp, b, s, t_ms, tip_x, false, &st);
    const stat_item *it = &s->items[b->item];
    if (it->has_growth) {
        /* Drawn once the figure has landed, so the bar is at full length. */
        layout_box badge = *b;
        badge.px = (int)lround(b->px * LAYOUT_TIP_BADGE_SCALE);
        badge.role = it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT;
        double bh = badge.px * 1.7;
        if (b->badge_right > 0)
            st = frame_status_join(
                st, paint_badge(bp, &badge, s, t_ms, b->badge_right, b->badge_top, ALIGN_RIGHT));
        else
            st = frame_status_join(st, paint_badge(bp, &badge, s, t_ms,
                                                           tip_x + fig_w / p->scale + 20,
                                                           b->y + (b->h - bh) / 2, ALIGN_LEFT));
    }
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
    case LBOX_FIGURE: paint_figure(bp, b, s, t_ms, b->x, true, &st); return st;
    case LBOX_BADGE:
        return paint_badge(bp, b, s, t_ms, b->x + b->w / 2, b->y, ALIGN_CENTER);
    case LBOX_BAR: return paint_bar(bp, b, s, t_ms);
    }
    return st;
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
    *x1 = b->x + b->w + (b->kind == LBOX_BAR ? b->label_w + 40 : 0);
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
