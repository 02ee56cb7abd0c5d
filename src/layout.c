#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "chapters.h"
#include "figures.h"
#include "grow.h"
#include "layout_build.h"

/* min_px 0: the theme's min_text_size. Headings keep a larger minimum of
 * their own so a long title never shrinks to body size. */
const style_row lay_styles[] = {
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

layout_box *lay_add_box(ctx *c, layout_box_kind kind, const char *field,
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

int lay_min_px_for(ctx *c, const style_row *st)
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
double lay_add_text(ctx *c, int style, const char *field, const char *text,
                    double x, double y, double w, double h, layout_align align,
                    layout_role role)
{
    if (!text || !*text || c->failed)
        return 0;
    const style_row *st = &lay_styles[style];
    text_style ts = {
        .max_px = (int)lround(st->max_px * c->u),
        .min_px = lay_min_px_for(c, st),
        .line_spacing = st->spacing,
        .paragraph_gap = st->gap,
        .bold = st->bold,
        .max_lines = st->max_lines,
        .justify = st->justify && align == ALIGN_LEFT,
        .balance = st->balance,
    };
    if (ts.min_px > ts.max_px)
        ts.min_px = ts.max_px;
    layout_box *b = lay_add_box(c, LBOX_TEXT, field, x, y, w, h);
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
    layout_box *b = lay_add_box(c, kind, "", x, y, w, h);
    if (b) {
        b->role = role;
        b->alpha = alpha;
        b->dark_top = dark_top;
    }
}

void lay_add_fill(ctx *c, double x, double y, double w, double h, layout_role role,
                  double alpha)
{
    add_tint(c, LBOX_FILL, x, y, w, h, role, alpha, false);
}

void lay_add_shade(ctx *c, double x, double y, double w, double h, double alpha,
                   bool dark_top)
{
    add_tint(c, LBOX_SHADE, x, y, w, h, ROLE_DARK, alpha, dark_top);
}

static layout_placeholder placeholder_for(const ctx *c, double x, double y, double w, double h);

void lay_add_image(ctx *c, const char *field, const char *path, double x, double y,
                   double w, double h, image_fit fit, bool ken_burns)
{
    layout_box *b = lay_add_box(c, LBOX_IMAGE, field, x, y, w, h);
    if (b) {
        b->image = path;
        b->fit = fit;
        b->ken_burns = ken_burns;
        b->placeholder = placeholder_for(c, x, y, w, h);
    }
}

/* Height a block of text would take, without adding it. */
double lay_text_height(ctx *c, int style, const char *text, double w, double h)
{
    if (!text || !*text)
        return 0;
    size_t n = c->l->n;
    double used = lay_add_text(c, style, "", text, 0, 0, w, h, ALIGN_LEFT, ROLE_TEXT);
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
int lay_to_out(const ctx *c, double canvas)
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
    int x0 = lay_to_out(c, x), y0 = lay_to_out(c, y);
    int bw = lay_to_out(c, x + w) - x0, bh = lay_to_out(c, y + h) - y0;
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
    int x = lay_to_out(c, l->w) - 80 * u, y = 40 * u;
    l->pause_panel = out_rect(c, x - 14 * u, y - 12 * u, 52 * u, 60 * u);
    l->pause_bar[0] = out_rect(c, x, y, 8 * u, 36 * u);
    l->pause_bar[1] = out_rect(c, x + 16 * u, y, 8 * u, 36 * u);
}

/* The 中/EN button of a bilingual deck: a dark pill of two 56-pixel slots
 * ("中", "EN"), in the corner deck.json names. Top right, it sits left of
 * the pause mark; bottom left, above the chapter bar. On the output's grid,
 * like the pause mark. Placed after the chapter bar. */
static void place_language_button(const ctx *c, slide_layout *l)
{
    if (c->d->language_button == LANG_BUTTON_NONE || !deck_bilingual(c->d))
        return;
    int u = layout_out_px(1, grid_scale(c));
    int slot = 56 * u, pad = 8 * u, h = 60 * u, w = 2 * slot + 2 * pad;
    int x = 42 * u, y = 28 * u;
    if (c->d->language_button == LANG_BUTTON_TOP_RIGHT)
        x = lay_to_out(c, l->pause_panel.x) - 16 * u - w;
    else if (c->d->language_button == LANG_BUTTON_BOTTOM_LEFT)
        y = lay_to_out(c, l->h - l->chapter_fit.h) - 28 * u - h;
    l->has_lang_button = true;
    l->lang_panel = out_rect(c, x, y, w, h);
    for (int k = 0; k < DECK_N_LANGS; k++)
        l->lang_label[k] = out_rect(c, x + pad + k * slot, y, slot, h);
    l->lang_px = from_out(c, 26 * u);
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
        int x0 = lay_to_out(c, 0), y0 = lay_to_out(c, l->h - fit->h);
        int bw = lay_to_out(c, l->w) - x0, bh = lay_to_out(c, l->h) - y0;
        l->chapter_band = out_rect(c, x0, y0, bw, bh);
        l->chapter_px = fit->px;
        l->chapter_slots = status == 0 ? calloc(table.n, sizeof *l->chapter_slots) : NULL;
        if (!l->chapter_slots) {
            status = -1;
        } else {
            l->n_chapter_slots = table.n;
            for (size_t k = 0; k < table.n && k < fit->n; k++) {
                const chapter_slot *sl = &fit->slots[k];
                int x = lay_to_out(c, sl->x), y = lay_to_out(c, sl->y);
                int w = lay_to_out(c, sl->x + sl->w) - x, h = lay_to_out(c, sl->y + sl->h) - y;
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
layout_figure lay_figure_at(const ctx *c, const stat_item *it, const char *sep, int px,
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
double lay_figure_width(const ctx *c, const stat_item *it, const char *sep, int px, int small_px)
{
    return lay_figure_at(c, it, sep, px, small_px, 0).w;
}

/* The room a figure asks for while its size is chosen: its widest moment
 * (digits as '0') measured as one run of text, in canvas units. Sizes and
 * bar lengths are chosen with this measure; figure_at then places the
 * pieces on the pixel grid inside that room. */
double lay_figure_room(const ctx *c, const stat_item *it, const char *sep, int px, int small_px)
{
    char num[64];
    anim_format_number(num, sizeof num, it->value, it->decimals, sep);
    for (char *p = num; *p; p++)
        if (*p >= '1' && *p <= '9')
            *p = '0';
    double w = c->m->measure(c->m->ctx, num, strlen(num), px, true);
    double gap = px * FIGURE_GAP;
    /* As figure_at: an empty prefix or unit ("" in one language of a
     * translated text) is no piece, so it asks for no gap either. */
    if (present(it->prefix))
        w += c->m->measure(c->m->ctx, it->prefix, strlen(it->prefix), small_px, true) + gap;
    if (present(it->unit))
        w += c->m->measure(c->m->ctx, it->unit, strlen(it->unit), small_px, true) + gap;
    if (it->icon)
        w += px * LAYOUT_ICON_SCALE + 2 * gap;
    return w;
}

/* The room a badge's pill asks for, likewise. */
double lay_badge_room(const ctx *c, const stat_item *it, int px)
{
    char text[160];
    layout_badge_text(text, sizeof text, it);
    return c->m->measure(c->m->ctx, text, strlen(text), px, true) + 2 * BADGE_PAD * px;
}

/* Item it's growth badge at text size px (canvas), its left edge, centre
 * or right edge at x as align says, its top at y. */
layout_pill lay_badge_pill(const ctx *c, const stat_item *it, int px, double x, double y,
                           layout_align align)
{
    char text[160];
    layout_badge_text(text, sizeof text, it);
    int bpx = layout_out_px(px, grid_scale(c));
    int pad = (int)lround(bpx * BADGE_PAD), h = (int)lround(bpx * BADGE_H);
    int w = out_width(c, text, strlen(text), px) + 2 * pad;
    int left = lay_to_out(c, x);
    if (align == ALIGN_CENTER)
        left -= w / 2;
    else if (align == ALIGN_RIGHT)
        left -= w;
    return (layout_pill){from_out(c, left), from_out(c, lay_to_out(c, y)), from_out(c, w),
                         from_out(c, h), from_out(c, left + pad), px,
                         it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT};
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
    place_language_button(&c, out);
    if (s->background_image)
        lay_add_image(&c, "background", s->background_image, 0, 0, canvas_w, canvas_h, FIT_COVER,
                  false);
    lay_qr_measure(&c);
    switch (s->type) {
    case SLIDE_TITLE: lay_title(&c); break;
    case SLIDE_TEXT: lay_text(&c); break;
    case SLIDE_PHOTO: lay_photo(&c); break;
    case SLIDE_STATS: lay_stats(&c); break;
    case SLIDE_CHART: lay_chart(&c); break;
    case SLIDE_BROKEN: lay_broken(&c); break;
    }
    lay_add_qr(&c);
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
