#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "chapters.h"
#include "figures.h"
#include "grow.h"

/* Text styles in canvas pixels at a 1080-pixel short side (scaled by u). */
typedef struct {
    double max_px, min_px, spacing, gap;
    bool bold;
    int max_lines;
    bool justify; /* running text: 两端对齐, last line flush start */
    bool balance; /* headings and labels: lines of similar length */
} style_row;

enum { ST_COVER_TITLE, ST_COVER_SUB, ST_TITLE, ST_SUBTITLE, ST_BODY, ST_CAPTION,
       ST_PHOTO_TITLE, ST_LABEL, ST_NOTE, ST_CHART_LABEL, ST_ERROR_HEAD, ST_ERROR_TEXT,
       ST_QR_CAPTION };

/* min_px 0: the theme's min_text_size. Headings keep a larger minimum of
 * their own so a long title never shrinks to body size. */
static const style_row STYLES[] = {
    [ST_COVER_TITLE] = {104, 56, 1.25, 0, true, 3, false, true},
    [ST_COVER_SUB] = {46, 0, 1.45, 0.3, false, 3, false, true},
    [ST_TITLE] = {68, 44, 1.3, 0, true, 2, false, true},
    [ST_SUBTITLE] = {40, 0, 1.4, 0, false, 2, false, true},
    [ST_BODY] = {54, 0, 1.65, 0.55, false, 0, true, false},
    [ST_CAPTION] = {38, 0, 1.45, 0, false, 3, true, false},
    [ST_PHOTO_TITLE] = {56, 36, 1.3, 0, true, 2, false, true},
    [ST_LABEL] = {36, 0, 1.35, 0, false, 2, false, true},
    [ST_NOTE] = {28, 0, 1.4, 0, false, 2, true, false},
    [ST_CHART_LABEL] = {34, 0, 1.3, 0, false, 2, false, true},
    [ST_ERROR_HEAD] = {56, 36, 1.3, 0, true, 2, false, true},
    [ST_ERROR_TEXT] = {34, 0, 1.5, 0.4, false, 0, false, false},
    [ST_QR_CAPTION] = {26, 20, 1.3, 0, false, 2, false, true},
};

typedef struct {
    const deck *d;
    const slide *s;
    const layout_measurer *m;
    slide_layout *l;
    double u; /* canvas units per design pixel at 1080 */
    int failed;
    double qr_w, qr_h; /* the QR card; 0 when the slide has none */
} ctx;

void layout_canvas(const deck *d, int screen_w, int screen_h, double *canvas_w,
                   double *canvas_h, double *scale)
{
    double bw = d->width, bh = d->height;
    if ((screen_w < screen_h) != (bw < bh)) { /* turn the design to the screen */
        double t = bw;
        bw = bh;
        bh = t;
    }
    double s = fmin(screen_w / bw, screen_h / bh);
    *scale = s;
    *canvas_w = screen_w / s;
    *canvas_h = screen_h / s;
}

static layout_box *add_box(ctx *c, layout_box_kind kind, const char *field,
                           double x, double y, double w, double h)
{
    slide_layout *l = c->l;
    layout_box *grown = grow_array(l->boxes, &l->cap, l->n + 1, sizeof *grown, 16);
    if (!grown) {
        c->failed = 1;
        return NULL;
    }
    l->boxes = grown;
    layout_box *b = &l->boxes[l->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    snprintf(b->field, sizeof b->field, "%s", field ? field : "");
    b->x = x, b->y = y, b->w = w, b->h = h;
    b->alpha = 1;
    b->role = ROLE_TEXT;
    return b;
}

static int min_px_for(ctx *c, const style_row *st)
{
    /* The theme's minimum is in design pixels, like the canvas. */
    double min = c->d->theme.min_text_px;
    if (st->min_px > 0 && st->min_px * c->u > min)
        min = st->min_px * c->u;
    if (min > st->max_px * c->u)
        min = st->max_px * c->u;
    return (int)lround(min);
}

/* Fits `text` into the box and adds it; returns the height used (0 for no
 * text). The box keeps its position; its height becomes the text's. */
static double add_text(ctx *c, int style, const char *field, const char *text,
                       double x, double y, double w, double h, layout_align align,
                       layout_role role)
{
    if (!text || !*text || c->failed)
        return 0;
    const style_row *st = &STYLES[style];
    text_style ts = {
        .max_px = (int)lround(st->max_px * c->u),
        .min_px = min_px_for(c, st),
        .line_spacing = st->spacing,
        .paragraph_gap = st->gap,
        .bold = st->bold,
        .max_lines = st->max_lines,
        .justify = st->justify && align == ALIGN_LEFT,
        .balance = st->balance,
    };
    if (ts.min_px > ts.max_px)
        ts.min_px = ts.max_px;
    layout_box *b = add_box(c, LBOX_TEXT, field, x, y, w, h);
    if (!b)
        return 0;
    if (text_fit(text, &ts, w, h, c->m->measure, c->m->ctx, &b->text) != 0) {
        c->failed = 1;
        return 0;
    }
    b->align = align;
    b->bold = st->bold;
    b->role = role;
    b->h = b->text.height;
    for (size_t i = 0; i < b->text.n_lines; i++) {
        text_line *ln = &b->text.lines[i];
        ln->x = align == ALIGN_CENTER ? (w - ln->width) / 2
              : align == ALIGN_RIGHT  ? w - ln->width
                                      : 0;
    }
    return b->h;
}

/* A flat rectangle (LBOX_FILL) or a gradient (LBOX_SHADE) of a colour role. */
static void add_tint(ctx *c, layout_box_kind kind, double x, double y, double w, double h,
                     layout_role role, double alpha, bool dark_top)
{
    layout_box *b = add_box(c, kind, "", x, y, w, h);
    if (b) {
        b->role = role;
        b->alpha = alpha;
        b->dark_top = dark_top;
    }
}

static void add_fill(ctx *c, double x, double y, double w, double h, layout_role role,
                     double alpha)
{
    add_tint(c, LBOX_FILL, x, y, w, h, role, alpha, false);
}

static void add_shade(ctx *c, double x, double y, double w, double h, double alpha,
                      bool dark_top)
{
    add_tint(c, LBOX_SHADE, x, y, w, h, ROLE_DARK, alpha, dark_top);
}

static layout_placeholder placeholder_for(const ctx *c, double x, double y, double w, double h);

static void add_image(ctx *c, const char *field, const char *path, double x, double y,
                      double w, double h, image_fit fit, bool ken_burns)
{
    layout_box *b = add_box(c, LBOX_IMAGE, field, x, y, w, h);
    if (b) {
        b->image = path;
        b->fit = fit;
        b->ken_burns = ken_burns;
        b->placeholder = placeholder_for(c, x, y, w, h);
    }
}

/* Height a block of text would take, without adding it. */
static double text_height(ctx *c, int style, const char *text, double w, double h)
{
    if (!text || !*text)
        return 0;
    size_t n = c->l->n;
    double used = add_text(c, style, "", text, 0, 0, w, h, ALIGN_LEFT, ROLE_TEXT);
    if (c->l->n > n) { /* take the probe back out, quietly */
        text_block_free(&c->l->boxes[n].text);
        c->l->n = n;
    }
    return used;
}

size_t layout_badge_text(char *buf, size_t cap, const stat_item *it)
{
    char num[32];
    snprintf(num, sizeof num, "%.6g", fabs(it->growth));
    const char *label = it->growth_label ? it->growth_label : "";
    /* The badge shows the size of the change; a fall under the default
     * label would read as a rise, so the default turns to "同比下降". */
    if (it->growth < 0 && strcmp(label, LAYOUT_GROWTH_LABEL) == 0)
        label = LAYOUT_FALL_LABEL;
    int n = snprintf(buf, cap, "%s %s %s%%", it->growth < 0 ? "▼" : "▲", label, num);
    return n < 0 ? 0 : (size_t)n;
}

/* ---- figures and badges on the output's pixel grid ------------------------ */

#define FIGURE_GAP 0.08 /* between a figure's pieces, of its size (two after an icon) */
#define BADGE_PAD 0.7   /* a badge's text from its pill's ends, of the text size */
#define BADGE_H 1.7     /* a badge's pill height, of the text size */

int layout_out_px(double canvas_px, double scale)
{
    int px = (int)lround(canvas_px * scale);
    return px < 1 ? 1 : px;
}

static double grid_scale(const ctx *c)
{
    return c->m->scale > 0 ? c->m->scale : 1;
}

/* Canvas pixels to whole output pixels, and back. */
static int to_out(const ctx *c, double canvas)
{
    return (int)lround(canvas * grid_scale(c));
}

static double from_out(const ctx *c, int out)
{
    return out / grid_scale(c);
}

/* The width of bold text at a canvas size, in whole output pixels. */
static int out_width(const ctx *c, const char *s, size_t len, int px)
{
    return (int)lround(c->m->measure(c->m->ctx, s, len, px, true) * grid_scale(c));
}

/* A canvas rectangle from whole output pixels. */
static layout_rect out_rect(const ctx *c, int x, int y, int w, int h)
{
    return (layout_rect){from_out(c, x), from_out(c, y), from_out(c, w), from_out(c, h)};
}

/* The frame and caption of a picture that cannot be shown in the box
 * (x, y, w, h): a 120 x 90 frame a little above the middle, the caption
 * 24 px under it. */
static layout_placeholder placeholder_for(const ctx *c, double x, double y, double w, double h)
{
    double s = grid_scale(c);
    int x0 = to_out(c, x), y0 = to_out(c, y);
    int bw = to_out(c, x + w) - x0, bh = to_out(c, y + h) - y0;
    layout_rect frame = out_rect(c, x0 + bw / 2 - layout_out_px(60, s),
                                 y0 + bh / 2 - layout_out_px(90, s), layout_out_px(120, s),
                                 layout_out_px(90, s));
    return (layout_placeholder){frame, frame.y + frame.h + from_out(c, layout_out_px(24, s)), 28};
}

/* The pause mark in the top-right corner, in whole multiples of one
 * output pixel per canvas pixel. */
static void place_pause_mark(const ctx *c, slide_layout *l)
{
    int u = layout_out_px(1, grid_scale(c));
    int x = to_out(c, l->w) - 80 * u, y = 40 * u;
    l->pause_panel = out_rect(c, x - 14 * u, y - 12 * u, 52 * u, 60 * u);
    l->pause_bar[0] = out_rect(c, x, y, 8 * u, 36 * u);
    l->pause_bar[1] = out_rect(c, x + 16 * u, y, 8 * u, 36 * u);
}

/* The chapter bar's band and slots: the band's width shared equally in
 * whole output pixels. Returns -1 when memory runs out. */
static int place_chapter_bar(const ctx *c, slide_layout *l)
{
    chapters table;
    if (chapters_build(c->d, &table) != 0)
        return -1;
    int status = 0;
    if (table.n > 0) {
        /* the names fitted (chapter_bar.h): one row or two, perhaps smaller
         * or shortened; the bar is as high as its rows */
        chapter_bar *fit = &l->chapter_fit;
        status = layout_chapter_bar(&table, l->w, l->h, c->m, fit);
        double s = grid_scale(c);
        int x0 = to_out(c, 0), y0 = to_out(c, l->h - fit->h);
        int bw = to_out(c, l->w) - x0, bh = to_out(c, l->h) - y0;
        l->chapter_band = out_rect(c, x0, y0, bw, bh);
        l->chapter_px = fit->px;
        l->chapter_slots = status == 0 ? calloc(table.n, sizeof *l->chapter_slots) : NULL;
        if (!l->chapter_slots) {
            status = -1;
        } else {
            l->n_chapter_slots = table.n;
            for (size_t k = 0; k < table.n && k < fit->n; k++) {
                const chapter_slot *sl = &fit->slots[k];
                int x = to_out(c, sl->x), y = to_out(c, sl->y);
                int w = to_out(c, sl->x + sl->w) - x, h = to_out(c, sl->y + sl->h) - y;
                l->chapter_slots[k] = (layout_chapter_slot){
                    sl->text, out_rect(c, x, y, w, h),
                    out_rect(c, x + w / 4, y, w / 2, layout_out_px(4, s)), sl->cut};
            }
        }
    }
    chapters_free(&table);
    return status;
}

static bool present(const char *s)
{
    return s && *s;
}

/* The pieces of item it's figure at size px (prefix and unit at small_px),
 * its left edge at output pixel x0: [icon] prefix number unit. */
static layout_figure figure_at(const ctx *c, const stat_item *it, const char *sep, int px,
                               int small_px, int x0)
{
    static const char CHARS[] = LAYOUT_FIGURE_CHARS;
    int fpx = layout_out_px(px, grid_scale(c));
    int gap = (int)lround(fpx * FIGURE_GAP);
    char final[64];
    figures_final_text(final, sizeof final, it, sep);
    int number = 0, zero = out_width(c, "0", 1, px);
    for (const char *p = final; *p; p++) {
        bool digit = *p >= '0' && *p <= '9';
        number += digit || !strchr(CHARS, *p) ? zero : out_width(c, p, 1, px);
    }
    int icon = it->icon ? (int)lround(fpx * LAYOUT_ICON_SCALE) : 0;
    int pre = present(it->prefix) ? out_width(c, it->prefix, strlen(it->prefix), small_px) : 0;
    int unit = present(it->unit) ? out_width(c, it->unit, strlen(it->unit), small_px) : 0;
    layout_figure f = {.x = from_out(c, x0)};
    int x = x0;
    if (icon) {
        f.icon = (layout_span){from_out(c, x), from_out(c, icon)};
        x += icon + 2 * gap;
    }
    if (present(it->prefix)) {
        f.prefix = (layout_span){from_out(c, x), from_out(c, pre)};
        x += pre + gap;
    }
    f.number = (layout_span){from_out(c, x), from_out(c, number)};
    x += number;
    if (present(it->unit)) {
        f.unit = (layout_span){from_out(c, x + gap), from_out(c, unit)};
        x += gap + unit;
    }
    f.w = from_out(c, x - x0);
    return f;
}

/* A figure's full width as figure_at places it. */
static double figure_width(const ctx *c, const stat_item *it, const char *sep, int px, int small_px)
{
    return figure_at(c, it, sep, px, small_px, 0).w;
}

/* The room a figure asks for while its size is chosen: its widest moment
 * (digits as '0') measured as one run of text, in canvas units. Sizes and
 * bar lengths are chosen with this measure; figure_at then places the
 * pieces on the pixel grid inside that room. */
static double figure_room(const ctx *c, const stat_item *it, const char *sep, int px, int small_px)
{
    char num[64];
    anim_format_number(num, sizeof num, it->value, it->decimals, sep);
    for (char *p = num; *p; p++)
        if (*p >= '1' && *p <= '9')
            *p = '0';
    double w = c->m->measure(c->m->ctx, num, strlen(num), px, true);
    double gap = px * FIGURE_GAP;
    if (it->prefix)
        w += c->m->measure(c->m->ctx, it->prefix, strlen(it->prefix), small_px, true) + gap;
    if (it->unit)
        w += c->m->measure(c->m->ctx, it->unit, strlen(it->unit), small_px, true) + gap;
    if (it->icon)
        w += px * LAYOUT_ICON_SCALE + 2 * gap;
    return w;
}

/* The room a badge's pill asks for, likewise. */
static double badge_room(const ctx *c, const stat_item *it, int px)
{
    char text[160];
    layout_badge_text(text, sizeof text, it);
    return c->m->measure(c->m->ctx, text, strlen(text), px, true) + 2 * BADGE_PAD * px;
}

/* Item it's growth badge at text size px (canvas), its left edge, centre
 * or right edge at x as align says, its top at y. */
static layout_pill badge_pill(const ctx *c, const stat_item *it, int px, double x, double y,
                              layout_align align)
{
    char text[160];
    layout_badge_text(text, sizeof text, it);
    int bpx = layout_out_px(px, grid_scale(c));
    int pad = (int)lround(bpx * BADGE_PAD), h = (int)lround(bpx * BADGE_H);
    int w = out_width(c, text, strlen(text), px) + 2 * pad;
    int left = to_out(c, x);
    if (align == ALIGN_CENTER)
        left -= w / 2;
    else if (align == ALIGN_RIGHT)
        left -= w;
    return (layout_pill){from_out(c, left), from_out(c, to_out(c, y)), from_out(c, w),
                         from_out(c, h), from_out(c, left + pad), px,
                         it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT};
}

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
    return text_height(c, ST_QR_CAPTION, c->s->qr.caption, side - 2 * pad, 80 * c->u);
}

static void qr_measure(ctx *c)
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
static void add_qr(ctx *c)
{
    if (c->qr_w <= 0)
        return;
    slide_layout *l = c->l;
    double m = LAYOUT_MARGIN * c->u, pad = 12 * c->u, side = c->qr_w;
    double bottom = l->has_chapter_bar ? l->chapter_bar_h : 0;
    double x = l->w - m - side, y = l->h - bottom - m / 2 - c->qr_h;
    layout_box *b = add_box(c, LBOX_QR, "qr", x, y, side, c->qr_h);
    if (!b)
        return;
    b->qr_text = c->s->qr.text;
    add_text(c, ST_QR_CAPTION, "qr.caption", c->s->qr.caption, x + pad, y + side - pad / 2,
             side - 2 * pad, c->qr_h - side, ALIGN_CENTER, ROLE_DARK);
}

/* The accent rule above a heading. */
static void add_rule(ctx *c, double x, double y)
{
    add_fill(c, x, y, 96 * c->u, 8 * c->u, ROLE_ACCENT, 1);
}

static void layout_title(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    bool portrait = l->h > l->w;
    if (s->image) {
        add_image(c, "image", s->image, 0, 0, l->w, l->h, FIT_COVER, true);
        add_shade(c, 0, l->h * 0.25, l->w, l->h * 0.75, 0.78, false);
    }
    double w = portrait ? a.w : fmin(a.w, l->w * 0.72);
    double title_h = text_height(c, ST_COVER_TITLE, s->title, w, a.h * 0.55);
    double gap = 36 * c->u;
    double sub_h = text_height(c, ST_COVER_SUB, s->subtitle, w, a.h * 0.3);
    double rule = 8 * c->u + 40 * c->u;
    double total = rule + title_h + (sub_h > 0 ? gap + sub_h : 0);
    /* Over a photo the words sit low, where the shade is; alone, centred. */
    double y = s->image ? a.y + a.h - total : a.y + (a.h - total) / 2;
    add_rule(c, a.x, y);
    y += rule;
    y += add_text(c, ST_COVER_TITLE, "title", s->title, a.x, y, w, a.h * 0.55, ALIGN_LEFT,
                  ROLE_TEXT);
    if (sub_h > 0)
        add_text(c, ST_COVER_SUB, "subtitle", s->subtitle, a.x, y + gap, w, a.h * 0.3,
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
    y += add_text(c, ST_TITLE, "title", s->title, a.x, y, max_w, a.h * 0.3, ALIGN_LEFT,
                  ROLE_TEXT);
    if (s->subtitle)
        y += 12 * c->u + add_text(c, ST_SUBTITLE, "subtitle", s->subtitle, a.x, y + 12 * c->u,
                                  max_w, a.h * 0.2, ALIGN_LEFT, ROLE_MUTED);
    return y - a.y + 44 * c->u;
}

static void layout_text(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    bool portrait = l->h > l->w;
    if (s->image && portrait) {
        double ih = l->h * 0.38;
        add_image(c, "image", s->image, 0, 0, l->w, ih, FIT_COVER, false);
        a.y = ih + 64 * c->u;
        a.h -= ih + 64 * c->u - LAYOUT_MARGIN * c->u;
    } else if (s->image) {
        double ix = l->w * 0.56;
        add_image(c, "image", s->image, ix, 0, l->w - ix, l->h - (l->has_chapter_bar ? l->chapter_bar_h : 0),
                  FIT_COVER, false);
        a.w = ix - 2 * a.x + 24 * c->u;
    }
    /* A comfortable measure: about 30 Chinese characters a line. */
    double w = fmin(a.w, 1440 * c->u);
    double used = add_heading(c, a, w);
    area body = {a.x, a.y + used, w, a.h - used};
    add_text(c, ST_BODY, "body", s->body, body.x, body.y, body.w, body.h, ALIGN_LEFT, ROLE_TEXT);
}

static void layout_photo(ctx *c)
{
    const slide *s = c->s;
    slide_layout *l = c->l;
    area a = content_area(c);
    double bottom = l->has_chapter_bar ? l->chapter_bar_h : 0;
    if (s->fit == FIT_CONTAIN) {
        /* The whole picture must show: it stays clear of the chapter bar
         * and of the caption, which sits under it on the background. */
        double cap_h = s->caption ? text_height(c, ST_CAPTION, s->caption,
                                                fmin(a.w, 1500 * c->u), l->h * 0.25)
                                  : 0;
        double reserve = bottom + (cap_h > 0 ? cap_h + a.y * 1.2 : 0);
        double title_h = s->title ? text_height(c, ST_PHOTO_TITLE, s->title,
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
        add_image(c, "image", s->image, 0, title_h, image_w, l->h - reserve - title_h,
                  FIT_CONTAIN, s->ken_burns);
    } else {
        add_image(c, "image", s->image, 0, 0, l->w, l->h, s->fit, s->ken_burns);
    }
    bool over_photo = s->fit == FIT_COVER; /* words over the picture need a shade */
    if (s->title) {
        if (over_photo)
            add_shade(c, 0, 0, l->w, l->h * 0.3, 0.7, true);
        add_text(c, ST_PHOTO_TITLE, "title", s->title, a.x, a.y * 0.8, fmin(a.w, 1500 * c->u),
                 l->h * 0.2, ALIGN_LEFT, ROLE_TEXT);
    }
    if (s->caption) {
        double w = fmin(a.w, 1500 * c->u);
        double h = text_height(c, ST_CAPTION, s->caption, w, l->h * 0.25);
        double y = a.y + a.h + a.y * 0.25 - h; /* a little into the margin */
        /* Dark enough under the words whatever the photo is: the shade
         * starts well above them and is near its darkest at their top. */
        double top = y - l->h * 0.2;
        if (over_photo) {
            add_shade(c, 0, top, l->w, (y - top) * 1.25, 0.86, false);
            add_fill(c, 0, top + (y - top) * 1.25, l->w, l->h - top - (y - top) * 1.25,
                     ROLE_DARK, 0.86);
        }
        add_fill(c, a.x, y + 4 * c->u, 6 * c->u, h - 8 * c->u, ROLE_ACCENT, 1);
        add_text(c, ST_CAPTION, "caption", s->caption, a.x + 30 * c->u, y, w - 30 * c->u,
                 l->h * 0.25, ALIGN_LEFT, ROLE_TEXT);
    }
}

static double add_note(ctx *c, area a)
{
    if (!c->s->note)
        return 0;
    double h = text_height(c, ST_NOTE, c->s->note, a.w, a.h * 0.15);
    add_text(c, ST_NOTE, "note", c->s->note, a.x, a.y + a.h - h, a.w, h + 1, ALIGN_LEFT,
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
               figure_room(c, &s->items[i], s->separator, px, (int)lround(px * 0.42)) > cw * 0.9)
            px -= 2;
    return px;
}

static void layout_stats(ctx *c)
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
    if (small_px < min_px_for(c, &STYLES[ST_LABEL]) * 0.8)
        small_px = (int)lround(min_px_for(c, &STYLES[ST_LABEL]) * 0.8);
    size_t placed = 0;
    for (int r = 0; r < rows; r++) {
        /* A short last row is centred under the full ones. */
        int in_row = (int)fmin(cols, (double)(s->n_items - placed));
        double row_x = g.x + (g.w - (in_row * cw + (in_row - 1) * gap)) / 2;
        for (int k = 0; k < in_row; k++, placed++) {
            const stat_item *it = &s->items[placed];
            double x = row_x + k * (cw + gap), y = g.y + r * (ch + gap);
            char field[40];
            add_fill(c, x, y, cw, ch, ROLE_PANEL, 0.07);
            add_fill(c, x, y, cw, 5 * c->u, ROLE_ACCENT, 0.9);
            /* Figure, label, badge stacked and centred in the cell. */
            double fig_h = px * 1.2;
            snprintf(field, sizeof field, "items[%zu].label", placed);
            double lab_h = text_height(c, ST_LABEL, it->label, cw * 0.88, label_h);
            double block = fig_h + 14 * c->u + lab_h + (any_growth ? 18 * c->u + badge_h : 0);
            double top = y + (ch - block) / 2;
            snprintf(field, sizeof field, "items[%zu].value", placed);
            layout_box *f = add_box(c, LBOX_FIGURE, field, x, top, cw, fig_h);
            if (!f)
                return;
            f->item = placed;
            f->px = px;
            f->small_px = small_px;
            f->baseline = top + px * 0.95;
            f->role = ROLE_ACCENT;
            f->align = ALIGN_CENTER;
            /* centred on its final width, so nothing moves while it counts */
            int total = to_out(c, figure_width(c, it, s->separator, px, small_px));
            f->figure = figure_at(c, it, s->separator, px, small_px,
                                  to_out(c, x + cw / 2) - total / 2);
            snprintf(field, sizeof field, "items[%zu].label", placed);
            double ly = top + fig_h + 14 * c->u;
            add_text(c, ST_LABEL, field, it->label, x + cw * 0.06, ly, cw * 0.88, label_h,
                     ALIGN_CENTER, ROLE_TEXT);
            if (it->has_growth) {
                snprintf(field, sizeof field, "items[%zu].growth", placed);
                layout_box *b = add_box(c, LBOX_BADGE, field, x, ly + lab_h + 18 * c->u, cw,
                                        badge_h);
                if (!b)
                    return;
                b->item = placed;
                b->px = (int)lround(30 * c->u);
                b->role = it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT;
                b->align = ALIGN_CENTER;
                b->pill = badge_pill(c, it, b->px, x + cw / 2, b->y, ALIGN_CENTER);
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

static void layout_chart(ctx *c)
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
        double w = figure_room(c, it, s->separator, tip_px, small_px);
        if (it->has_growth) { /* the badge and the gaps around it */
            badge_w[i] = badge_room(c, it, tip_badge_px(tip_px));
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
            double lh = text_height(c, ST_CHART_LABEL, it->label, lw, row_h * 0.4);
            by = y + lh + 10 * c->u + (row_h - lh - 10 * c->u - bar_h) / 2;
            label_top = by - lh - 10 * c->u;
            add_text(c, ST_CHART_LABEL, field, it->label, g.x, label_top, lw, row_h * 0.4,
                     ALIGN_LEFT, ROLE_TEXT);
        } else {
            double lh = text_height(c, ST_CHART_LABEL, it->label, label_w, row_h * 0.95);
            add_text(c, ST_CHART_LABEL, field, it->label, g.x, y + (row_h - lh) / 2, label_w,
                     row_h * 0.95, ALIGN_RIGHT, ROLE_TEXT);
        }
        double track_w = g.x + g.w - bx - tip_w - 24 * c->u;
        if (s->chart == CHART_PROGRESS)
            add_fill(c, bx, by, track_w, bar_h, ROLE_PANEL, 0.12);
        snprintf(field, sizeof field, "items[%zu].value", i);
        layout_box *b = add_box(c, LBOX_BAR, field, bx, by, track_w, bar_h);
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
        b->figure = figure_at(c, it, s->separator, tip_px, small_px, to_out(c, tip_x));
        if (it->has_growth) {
            int bpx = tip_badge_px(tip_px);
            b->pill = portrait ? badge_pill(c, it, bpx, g.x + g.w, label_top, ALIGN_RIGHT)
                               : badge_pill(c, it, bpx, tip_x + b->figure.w + TIP_GAP,
                                            by + (bar_h - bpx * BADGE_H) / 2, ALIGN_LEFT);
            b->has_pill = true;
        }
    }
}

static void layout_broken(ctx *c)
{
    const slide *s = c->s;
    area a = content_area(c);
    add_fill(c, 0, 0, c->l->w, c->l->h, ROLE_ERROR, 0.22);
    add_fill(c, a.x, a.y, 12 * c->u, a.h, ROLE_ERROR, 1);
    double x = a.x + 48 * c->u, w = a.w - 48 * c->u;
    double y = a.y;
    y += add_text(c, ST_ERROR_HEAD, "error", "这张幻灯片有错误 · This slide has an error", x, y, w,
                  a.h * 0.3, ALIGN_LEFT, ROLE_TEXT);
    y += 32 * c->u;
    y += add_text(c, ST_ERROR_TEXT, "file", s->file, x, y, w, a.h * 0.15, ALIGN_LEFT,
                  ROLE_ACCENT);
    y += 24 * c->u;
    add_text(c, ST_ERROR_TEXT, "message", s->error ? s->error : "unknown error", x, y, w,
             a.y + a.h - y, ALIGN_LEFT, ROLE_TEXT);
}

int layout_slide(const deck *d, const slide *s, double canvas_w, double canvas_h,
                 const layout_measurer *m, slide_layout *out)
{
    memset(out, 0, sizeof *out);
    out->w = canvas_w;
    out->h = canvas_h;
    ctx c = {d, s, m, out, fmin(canvas_w, canvas_h) / 1080.0, 0, 0, 0};
    out->has_chapter_bar = chapters_any(d);
    out->chapter_bar_h = 0;
    place_pause_mark(&c, out);
    if (place_chapter_bar(&c, out) != 0)
        c.failed = 1;
    out->chapter_bar_h = out->chapter_fit.h; /* one row, or two when the names need them */
    if (s->background_image)
        add_image(&c, "background", s->background_image, 0, 0, canvas_w, canvas_h, FIT_COVER,
                  false);
    qr_measure(&c);
    switch (s->type) {
    case SLIDE_TITLE: layout_title(&c); break;
    case SLIDE_TEXT: layout_text(&c); break;
    case SLIDE_PHOTO: layout_photo(&c); break;
    case SLIDE_STATS: layout_stats(&c); break;
    case SLIDE_CHART: layout_chart(&c); break;
    case SLIDE_BROKEN: layout_broken(&c); break;
    }
    add_qr(&c);
    if (c.failed) {
        layout_free(out);
        return -1;
    }
    return 0;
}

void layout_free(slide_layout *l)
{
    for (size_t i = 0; i < l->n; i++)
        text_block_free(&l->boxes[i].text);
    free(l->boxes);
    free(l->chapter_slots);
    chapter_bar_free(&l->chapter_fit);
    memset(l, 0, sizeof *l);
}

int layout_chapter_bar(const chapters *table, double canvas_w, double canvas_h,
                       const layout_measurer *m, chapter_bar *out)
{
    memset(out, 0, sizeof *out);
    if (!table || table->n == 0)
        return 0;
    double u = fmin(canvas_w, canvas_h) / 1080.0;
    const char **names = malloc(table->n * sizeof *names);
    if (!names)
        return -1;
    for (size_t k = 0; k < table->n; k++)
        names[k] = table->list[k].name;
    int rc = chapter_bar_fit(names, table->n, canvas_w, LAYOUT_CHAPTER_BAR_H * u,
                             (int)lround(LAYOUT_CHAPTER_PX * u),
                             (int)lround(LAYOUT_CHAPTER_MIN_PX * u), m->measure, m->ctx, out);
    free(names);
    for (size_t k = 0; rc == 0 && k < out->n; k++)
        out->slots[k].y += canvas_h - out->h;
    return rc;
}
