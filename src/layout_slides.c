/* One function per slide type: where a title, a text, a photo, the
 * figures of a stats slide, a chart and an error panel go. The machinery
 * they call (boxes, text, the output's pixel grid) is layout.c's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures.h"
#include "layout_build.h"

/* ---- one function per slide type ---------------------------------------- */

typedef struct {
    double x, y, w, h;
} area;

static area content_area(ctx *c)
{
    double m = LAYOUT_MARGIN * c->u;
    double bottom = c->l->has_chapter_bar ? c->l->chapter_bar_h : 0;
    area a = {m, m, c->l->w - 2 * m, c->l->h - 2 * m - bottom};
    if (c->qr_w > 0) { /* the QR card's corner stays clear */
        if (c->l->h > c->l->w)
            a.h -= c->qr_h + LAYOUT_QR_GAP * c->u - m / 2;
        else
            a.w -= c->qr_w + LAYOUT_QR_GAP * c->u;
    }
    return a;
}

/* The QR card's size, before the slide's content is laid out around it. */
static double qr_caption_h(ctx *c, double side)
{
    double pad = 12 * c->u;
    return lay_text_height(c, ST_QR_CAPTION, c->s->qr.caption, side - 2 * pad, 80 * c->u);
}

void lay_qr_measure(ctx *c)
{
    if (!c->s->qr.text || c->s->type == SLIDE_BROKEN)
        return;
    double side = LAYOUT_QR_SIDE * c->u;
    double cap_h = qr_caption_h(c, side);
    c->qr_w = side;
    c->qr_h = side + (cap_h > 0 ? cap_h + 12 * c->u : 0);
}

/* The card in the bottom-right corner, drawn over everything else: the
 * code on light with its quiet zone, its caption in dark under it. */
void lay_add_qr(ctx *c)
{
    if (c->qr_w <= 0)
        return;
    slide_layout *l = c->l;
    double m = LAYOUT_MARGIN * c->u, pad = 12 * c->u, side = c->qr_w;
    double bottom = l->has_chapter_bar ? l->chapter_bar_h : 0;
    double x = l->w - m - side, y = l->h - bottom - m / 2 - c->qr_h;
    layout_box *b = lay_add_box(c, LBOX_QR, "qr", x, y, side, c->qr_h);
    if (!b)
        return;
    b->qr_text = c->s->qr.text;
    lay_add_text(c, ST_QR_CAPTION, "qr.caption", c->s->qr.caption, x + pad, y + side - pad / 2,
             side - 2 * pad, c->qr_h - side, ALIGN_CENTER, ROLE_DARK);
}

/* The accent rule above a heading. */
static void add_rule(ctx *c, double x, double y)
{
    lay_add_fill(c, x, y, 96 * c->u, 8 * c->u, ROLE_ACCENT, 1);
}

void lay_title(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    bool portrait = l->h > l->w;
    if (s->image) {
        lay_add_image(c, "image", s->image, 0, 0, l->w, l->h, FIT_COVER, true);
        lay_add_shade(c, 0, l->h * 0.25, l->w, l->h * 0.75, 0.78, false);
    }
    double w = portrait ? a.w : fmin(a.w, l->w * 0.72);
    double title_h = lay_text_height(c, ST_COVER_TITLE, s->title, w, a.h * 0.55);
    double gap = 36 * c->u;
    double sub_h = lay_text_height(c, ST_COVER_SUB, s->subtitle, w, a.h * 0.3);
    double rule = 8 * c->u + 40 * c->u;
    double total = rule + title_h + (sub_h > 0 ? gap + sub_h : 0);
    /* Over a photo the words sit low, where the shade is; alone, centred. */
    double y = s->image ? a.y + a.h - total : a.y + (a.h - total) / 2;
    add_rule(c, a.x, y);
    y += rule;
    y += lay_add_text(c, ST_COVER_TITLE, "title", s->title, a.x, y, w, a.h * 0.55, ALIGN_LEFT,
                  ROLE_TEXT);
    if (sub_h > 0)
        lay_add_text(c, ST_COVER_SUB, "subtitle", s->subtitle, a.x, y + gap, w, a.h * 0.3,
                 ALIGN_LEFT, ROLE_MUTED);
}

/* Title (and subtitle) at the top of an area; returns the height used. */
static double add_heading(ctx *c, area a, double max_w)
{
    const slide *s = c->s;
    if (!s->title && !s->subtitle)
        return 0;
    double y = a.y;
    add_rule(c, a.x, y);
    y += 8 * c->u + 28 * c->u;
    y += lay_add_text(c, ST_TITLE, "title", s->title, a.x, y, max_w, a.h * 0.3, ALIGN_LEFT,
                  ROLE_TEXT);
    if (s->subtitle)
        y += 12 * c->u + lay_add_text(c, ST_SUBTITLE, "subtitle", s->subtitle, a.x, y + 12 * c->u,
                                  max_w, a.h * 0.2, ALIGN_LEFT, ROLE_MUTED);
    return y - a.y + 44 * c->u;
}

void lay_text(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    bool portrait = l->h > l->w;
    if (s->image && portrait) {
        double ih = l->h * 0.38;
        lay_add_image(c, "image", s->image, 0, 0, l->w, ih, FIT_COVER, false);
        a.y = ih + 64 * c->u;
        a.h -= ih + 64 * c->u - LAYOUT_MARGIN * c->u;
    } else if (s->image) {
        double ix = l->w * 0.56;
        lay_add_image(c, "image", s->image, ix, 0, l->w - ix, l->h - (l->has_chapter_bar ? l->chapter_bar_h : 0),
                  FIT_COVER, false);
        a.w = ix - 2 * a.x + 24 * c->u;
    }
    /* A comfortable measure: about 30 Chinese characters a line. */
    double w = fmin(a.w, 1440 * c->u);
    double used = add_heading(c, a, w);
    area body = {a.x, a.y + used, w, a.h - used};
    lay_add_text(c, ST_BODY, "body", s->body, body.x, body.y, body.w, body.h, ALIGN_LEFT, ROLE_TEXT);
}

void lay_photo(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    double bottom = l->has_chapter_bar ? l->chapter_bar_h : 0;
    if (s->fit == FIT_CONTAIN) {
        /* The whole picture must show: it stays clear of the chapter bar
         * and of the caption, which sits under it on the background. */
        double cap_h = s->caption ? lay_text_height(c, ST_CAPTION, s->caption,
                                                fmin(a.w, 1500 * c->u), l->h * 0.25)
                                  : 0;
        double reserve = bottom + (cap_h > 0 ? cap_h + a.y * 1.2 : 0);
        double title_h = s->title ? lay_text_height(c, ST_PHOTO_TITLE, s->title,
                                                fmin(a.w, 1500 * c->u), l->h * 0.2) +
                                        a.y * 1.2
                                  : 0;
        /* ... and of the QR card: its band on a portrait screen, its
         * column on a landscape one. */
        double image_w = l->w;
        if (c->qr_w > 0 && l->h > l->w)
            reserve += c->qr_h + LAYOUT_QR_GAP * c->u - a.y / 2;
        else if (c->qr_w > 0)
            image_w -= c->qr_w + LAYOUT_QR_GAP * c->u + LAYOUT_MARGIN * c->u;
        lay_add_image(c, "image", s->image, 0, title_h, image_w, l->h - reserve - title_h,
                  FIT_CONTAIN, s->ken_burns);
    } else {
        lay_add_image(c, "image", s->image, 0, 0, l->w, l->h, s->fit, s->ken_burns);
    }
    bool over_photo = s->fit == FIT_COVER; /* words over the picture need a shade */
    if (s->title) {
        if (over_photo)
            lay_add_shade(c, 0, 0, l->w, l->h * 0.3, 0.7, true);
        lay_add_text(c, ST_PHOTO_TITLE, "title", s->title, a.x, a.y * 0.8, fmin(a.w, 1500 * c->u),
                 l->h * 0.2, ALIGN_LEFT, ROLE_TEXT);
    }
    if (s->caption) {
        double w = fmin(a.w, 1500 * c->u);
        double h = lay_text_height(c, ST_CAPTION, s->caption, w, l->h * 0.25);
        double y = a.y + a.h + a.y * 0.25 - h; /* a little into the margin */
        /* Dark enough under the words whatever the photo is: the shade
         * starts well above them and is near its darkest at their top. */
        double top = y - l->h * 0.2;
        if (over_photo) {
            lay_add_shade(c, 0, top, l->w, (y - top) * 1.25, 0.86, false);
            lay_add_fill(c, 0, top + (y - top) * 1.25, l->w, l->h - top - (y - top) * 1.25,
                     ROLE_DARK, 0.86);
        }
        lay_add_fill(c, a.x, y + 4 * c->u, 6 * c->u, h - 8 * c->u, ROLE_ACCENT, 1);
        lay_add_text(c, ST_CAPTION, "caption", s->caption, a.x + 30 * c->u, y, w - 30 * c->u,
                 l->h * 0.25, ALIGN_LEFT, ROLE_TEXT);
    }
}

static double add_note(ctx *c, area a)
{
    if (!c->s->note)
        return 0;
    double h = lay_text_height(c, ST_NOTE, c->s->note, a.w, a.h * 0.15);
    lay_add_text(c, ST_NOTE, "note", c->s->note, a.x, a.y + a.h - h, a.w, h + 1, ALIGN_LEFT,
             ROLE_MUTED);
    return h + 24 * c->u;
}

/* The largest figure size (one for the whole slide) that a grid of
 * cols x rows cells gives: limited by the cell's height less what sits
 * under the figure, and by the widest figure fitting 90 % of the width. */
static int stats_figure_px(ctx *c, area g, int cols, int rows, double gap, double below_h)
{
    const slide *s = c->s;
    double cw = (g.w - gap * (cols - 1)) / cols;
    double ch = (g.h - gap * (rows - 1)) / rows;
    /* A lone hero figure may be larger than figures sharing a slide. */
    double cap = s->n_items == 1 ? 230 : s->n_items <= 3 ? 180 : 160;
    int px = (int)fmin(cap * c->u, (ch - below_h - 60 * c->u) / 1.25);
    int min_fig = (int)lround(48 * c->u);
    if (px < min_fig)
        return min_fig;
    for (size_t i = 0; i < s->n_items; i++)
        while (px > min_fig &&
               lay_figure_room(c, &s->items[i], s->separator, px, (int)lround(px * 0.42)) > cw * 0.9)
            px -= 2;
    return px;
}

void lay_stats(ctx *c)
{
    const slide *s = c->s;
    area a = content_area(c);
    double used = add_heading(c, a, a.w);
    double note = add_note(c, a);
    area g = {a.x, a.y + used, a.w, a.h - used - note};
    bool any_growth = false;
    for (size_t i = 0; i < s->n_items; i++)
        any_growth |= s->items[i].has_growth;
    double gap = 28 * c->u;
    double label_h = 36 * c->u * 1.35 * 2;
    double badge_h = any_growth ? 30 * c->u * 1.9 : 0;
    /* The grid whose cells let the figures be largest: every shape with no
     * empty row is tried (4 figures: 4x1, 2x2, 1x4 ...). */
    int cols = 1, rows = (int)s->n_items, px = 0;
    for (int k = 1; k <= (int)s->n_items; k++) {
        int r = ((int)s->n_items + k - 1) / k;
        if ((r - 1) * k >= (int)s->n_items || r > 4 || k > 4)
            continue;
        int p = stats_figure_px(c, g, k, r, gap, label_h + badge_h);
        if (p > px) {
            px = p;
            cols = k;
            rows = r;
        }
    }
    double cw = (g.w - gap * (cols - 1)) / cols;
    double ch = (g.h - gap * (rows - 1)) / rows;
    int small_px = (int)lround(px * 0.42);
    if (small_px < lay_min_px_for(c, &lay_styles[ST_LABEL]) * 0.8)
        small_px = (int)lround(lay_min_px_for(c, &lay_styles[ST_LABEL]) * 0.8);
    size_t placed = 0;
    for (int r = 0; r < rows; r++) {
        /* A short last row is centred under the full ones. */
        int in_row = (int)fmin(cols, (double)(s->n_items - placed));
        double row_x = g.x + (g.w - (in_row * cw + (in_row - 1) * gap)) / 2;
        for (int k = 0; k < in_row; k++, placed++) {
            const stat_item *it = &s->items[placed];
            double x = row_x + k * (cw + gap), y = g.y + r * (ch + gap);
            char field[40];
            lay_add_fill(c, x, y, cw, ch, ROLE_PANEL, 0.07);
            lay_add_fill(c, x, y, cw, 5 * c->u, ROLE_ACCENT, 0.9);
            /* Figure, label, badge stacked and centred in the cell. */
            double fig_h = px * 1.2;
            snprintf(field, sizeof field, "items[%zu].label", placed);
            double lab_h = lay_text_height(c, ST_LABEL, it->label, cw * 0.88, label_h);
            double block = fig_h + 14 * c->u + lab_h + (any_growth ? 18 * c->u + badge_h : 0);
            double top = y + (ch - block) / 2;
            snprintf(field, sizeof field, "items[%zu].value", placed);
            layout_box *f = lay_add_box(c, LBOX_FIGURE, field, x, top, cw, fig_h);
            if (!f)
                return;
            f->item = placed;
            f->px = px;
            f->small_px = small_px;
            f->baseline = top + px * 0.95;
            f->role = ROLE_ACCENT;
            f->align = ALIGN_CENTER;
            /* centred on its final width, so nothing moves while it counts */
            int total = lay_to_out(c, lay_figure_width(c, it, s->separator, px, small_px));
            f->figure = lay_figure_at(c, it, s->separator, px, small_px,
                                  lay_to_out(c, x + cw / 2) - total / 2);
            snprintf(field, sizeof field, "items[%zu].label", placed);
            double ly = top + fig_h + 14 * c->u;
            lay_add_text(c, ST_LABEL, field, it->label, x + cw * 0.06, ly, cw * 0.88, label_h,
                     ALIGN_CENTER, ROLE_TEXT);
            if (it->has_growth) {
                snprintf(field, sizeof field, "items[%zu].growth", placed);
                layout_box *b = lay_add_box(c, LBOX_BADGE, field, x, ly + lab_h + 18 * c->u, cw,
                                        badge_h);
                if (!b)
                    return;
                b->item = placed;
                b->px = (int)lround(30 * c->u);
                b->role = it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT;
                b->align = ALIGN_CENTER;
                b->pill = lay_badge_pill(c, it, b->px, x + cw / 2, b->y, ALIGN_CENTER);
                b->has_pill = true;
            }
        }
    }
}

#define TIP_GAP 20 /* canvas px: bar end to figure, figure to badge */

/* A chart badge's text size for a tip figure of size tip_px. */
static int tip_badge_px(int tip_px)
{
    return (int)lround(tip_px * LAYOUT_TIP_BADGE_SCALE);
}

void lay_chart(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    double used = add_heading(c, a, a.w);
    double note = add_note(c, a);
    area g = {a.x, a.y + used, a.w, a.h - used - note};
    bool portrait = l->h > l->w;
    double max = 0;
    for (size_t i = 0; i < s->n_items; i++)
        max = fmax(max, s->items[i].value);
    double row_h = g.h / (double)s->n_items;
    int tip_px = (int)lround(fmin(44 * c->u, row_h * 0.42));
    if (tip_px < 24 * c->u)
        tip_px = (int)lround(24 * c->u);
    int small_px = (int)lround(tip_px * 0.6);
    /* Room at the right for the widest tip figure (and its badge). */
    /* On a narrow screen the badges move up to the labels' lines, so the
     * bars keep most of the width. */
    double tip_w = 0, badge_w[DECK_MAX_STAT_ITEMS] = {0};
    for (size_t i = 0; i < s->n_items && i < DECK_MAX_STAT_ITEMS; i++) {
        const stat_item *it = &s->items[i];
        double w = lay_figure_room(c, it, s->separator, tip_px, small_px);
        if (it->has_growth) { /* the badge and the gaps around it */
            badge_w[i] = lay_badge_room(c, it, tip_badge_px(tip_px));
            if (!portrait)
                w += badge_w[i] + 2 * TIP_GAP;
        }
        tip_w = fmax(tip_w, w + TIP_GAP);
    }
    double label_w = portrait ? 0 : fmin(g.w * 0.3, 480 * c->u);
    for (size_t i = 0; i < s->n_items; i++) {
        const stat_item *it = &s->items[i];
        char field[40];
        double y = g.y + i * row_h;
        double bar_h = fmin(row_h * (portrait ? 0.32 : 0.5), 72 * c->u);
        double bx = g.x + label_w + (label_w > 0 ? 32 * c->u : 0);
        double by = y + (row_h - bar_h) / 2;
        snprintf(field, sizeof field, "items[%zu].label", i);
        double label_top = 0;
        if (portrait) { /* label above its bar, the badge at the line's end */
            double lw = g.w - (badge_w[i] > 0 ? badge_w[i] + 24 * c->u : 0);
            double lh = lay_text_height(c, ST_CHART_LABEL, it->label, lw, row_h * 0.4);
            by = y + lh + 10 * c->u + (row_h - lh - 10 * c->u - bar_h) / 2;
            label_top = by - lh - 10 * c->u;
            lay_add_text(c, ST_CHART_LABEL, field, it->label, g.x, label_top, lw, row_h * 0.4,
                     ALIGN_LEFT, ROLE_TEXT);
        } else {
            double lh = lay_text_height(c, ST_CHART_LABEL, it->label, label_w, row_h * 0.95);
            lay_add_text(c, ST_CHART_LABEL, field, it->label, g.x, y + (row_h - lh) / 2, label_w,
                     row_h * 0.95, ALIGN_RIGHT, ROLE_TEXT);
        }
        double track_w = g.x + g.w - bx - tip_w - 24 * c->u;
        if (s->chart == CHART_PROGRESS)
            lay_add_fill(c, bx, by, track_w, bar_h, ROLE_PANEL, 0.12);
        snprintf(field, sizeof field, "items[%zu].value", i);
        layout_box *b = lay_add_box(c, LBOX_BAR, field, bx, by, track_w, bar_h);
        if (!b)
            return;
        b->item = i;
        b->px = tip_px;
        b->small_px = small_px;
        b->role = ROLE_ACCENT;
        double full = deck_item_full_scale(s, it);
        double denom = full > 0 ? full : max;
        b->fraction = denom > 0 ? fmax(0, fmin(1, it->value / denom)) : 0;
        b->baseline = by + bar_h / 2 + tip_px * 0.36;
        b->reach_w = track_w + tip_w + 2 * TIP_GAP;
        /* At full length the figure follows the bar's end, the badge the
         * figure (or, on a narrow screen, the end of the label's line). */
        double tip_x = bx + track_w * b->fraction + TIP_GAP;
        b->figure = lay_figure_at(c, it, s->separator, tip_px, small_px, lay_to_out(c, tip_x));
        if (it->has_growth) {
            int bpx = tip_badge_px(tip_px);
            b->pill = portrait ? lay_badge_pill(c, it, bpx, g.x + g.w, label_top, ALIGN_RIGHT)
                               : lay_badge_pill(c, it, bpx, tip_x + b->figure.w + TIP_GAP,
                                            by + (bar_h - bpx * BADGE_H) / 2, ALIGN_LEFT);
            b->has_pill = true;
        }
    }
}

void lay_broken(ctx *c)
{
    const slide *s = c->s;
    area a = content_area(c);
    lay_add_fill(c, 0, 0, c->l->w, c->l->h, ROLE_ERROR, 0.22);
    lay_add_fill(c, a.x, a.y, 12 * c->u, a.h, ROLE_ERROR, 1);
    double x = a.x + 48 * c->u, w = a.w - 48 * c->u;
    double y = a.y;
    y += lay_add_text(c, ST_ERROR_HEAD, "error", "这张幻灯片有错误 · This slide has an error", x, y, w,
                  a.h * 0.3, ALIGN_LEFT, ROLE_TEXT);
    y += 32 * c->u;
    y += lay_add_text(c, ST_ERROR_TEXT, "file", s->file, x, y, w, a.h * 0.15, ALIGN_LEFT,
                  ROLE_ACCENT);
    y += 24 * c->u;
    lay_add_text(c, ST_ERROR_TEXT, "message", s->error ? s->error : "unknown error", x, y, w,
             a.y + a.h - y, ALIGN_LEFT, ROLE_TEXT);
}
