#include "layout_json.h"

#include <math.h>
#include <string.h>

#include "figures.h"

void layout_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static const char *kind_name(layout_box_kind k)
{
    switch (k) {
    case LBOX_IMAGE: return "image";
    case LBOX_SHADE: return "shade";
    case LBOX_FILL: return "fill";
    case LBOX_TEXT: return "text";
    case LBOX_FIGURE: return "figure";
    case LBOX_BADGE: return "badge";
    case LBOX_BAR: return "bar";
    case LBOX_QR: return "qr";
    }
    return "other";
}

static const char *align_name(layout_align a)
{
    return a == ALIGN_CENTER ? "center" : a == ALIGN_RIGHT ? "right" : "left";
}

/* Canvas pixels to two decimals: enough for tests, stable in print. */
static double r2(double v)
{
    double r = round(v * 100) / 100;
    return r == 0 ? 0 : r; /* no "-0" */
}

static void write_lines(FILE *out, const layout_box *b)
{
    const text_block *tb = &b->text;
    fprintf(out, ",\"line_height\":%g,\"lines\":[", r2(tb->line_height));
    for (size_t i = 0; i < tb->n_lines; i++) {
        const text_line *ln = &tb->lines[i];
        fprintf(out, "%s{\"text\":", i ? "," : "");
        layout_json_string(out, ln->text);
        fprintf(out,
                ",\"x\":%g,\"y\":%g,\"width\":%g,\"paragraph_start\":%s,\"justified\":%s,"
                "\"runs\":[",
                r2(b->x + ln->x), r2(b->y + text_line_top(tb, i)), r2(ln->width),
                ln->paragraph_start ? "true" : "false", ln->justified ? "true" : "false");
        for (size_t k = 0; k < ln->n_runs; k++) {
            char piece[1024];
            size_t len = ln->runs[k].len < sizeof piece - 1 ? ln->runs[k].len : sizeof piece - 1;
            memcpy(piece, ln->text + ln->runs[k].start, len);
            piece[len] = '\0';
            fprintf(out, "%s{\"text\":", k ? "," : "");
            layout_json_string(out, piece);
            fprintf(out, ",\"x\":%g}", r2(b->x + ln->x + ln->runs[k].x));
        }
        fprintf(out, "]}");
    }
    fprintf(out, "]");
}

void layout_json_slide(FILE *out, size_t index, const slide *s, const slide_layout *l,
                       long long t_ms, int first)
{
    fprintf(out, "%s\n{\"slide\":%zu,\"file\":", first ? "" : ",", index + 1);
    layout_json_string(out, s->file);
    fprintf(out, ",\"canvas\":{\"w\":%g,\"h\":%g},\"boxes\":[", r2(l->w), r2(l->h));
    for (size_t k = 0; k < l->n; k++) {
        const layout_box *b = &l->boxes[k];
        fprintf(out, "%s\n  {\"kind\":\"%s\",\"field\":", k ? "," : "", kind_name(b->kind));
        layout_json_string(out, b->field);
        fprintf(out, ",\"x\":%g,\"y\":%g,\"w\":%g,\"h\":%g", r2(b->x), r2(b->y), r2(b->w),
                r2(b->h));
        if (b->kind == LBOX_TEXT) {
            fprintf(out, ",\"font_px\":%d,\"align\":\"%s\",\"bold\":%s,\"truncated\":%s",
                    b->text.px, align_name(b->align), b->bold ? "true" : "false",
                    b->text.truncated ? "true" : "false");
            write_lines(out, b);
        } else if (b->kind == LBOX_FIGURE || b->kind == LBOX_BAR || b->kind == LBOX_BADGE) {
            const stat_item *it = &s->items[b->item];
            char text[160];
            if (b->kind == LBOX_BADGE) {
                layout_badge_text(text, sizeof text, it);
            } else {
                char num[64];
                figures_text(num, sizeof num, it, s->separator, s->easing,
                               figures_progress(s, b->item, t_ms));
                snprintf(text, sizeof text, "%s%s%s", it->prefix ? it->prefix : "", num,
                         it->unit ? it->unit : "");
            }
            fprintf(out, ",\"font_px\":%d,\"small_px\":%d,\"text\":", b->px, b->small_px);
            layout_json_string(out, text);
        } else if (b->kind == LBOX_IMAGE) {
            fprintf(out, ",\"image\":");
            layout_json_string(out, b->image);
        } else if (b->kind == LBOX_QR) {
            fprintf(out, ",\"text\":");
            layout_json_string(out, b->qr_text);
        } else {
            fprintf(out, ",\"alpha\":%g", r2(b->alpha));
        }
        fprintf(out, "}");
    }
    fprintf(out, "]}");
}

void layout_json_chapter_bar(FILE *out, const chapter_bar *cb)
{
    if (!cb) {
        fprintf(out, "null");
        return;
    }
    fprintf(out, "{\"h\":%g,\"px\":%d,\"rows\":%d,\"slots\":[", r2(cb->h), cb->px, cb->rows);
    for (size_t k = 0; k < cb->n; k++) {
        const chapter_slot *sl = &cb->slots[k];
        fprintf(out, "%s{\"text\":", k ? "," : "");
        layout_json_string(out, sl->text);
        fprintf(out, ",\"x\":%g,\"y\":%g,\"w\":%g,\"h\":%g,\"text_w\":%g,\"cut\":%s}",
                r2(sl->x), r2(sl->y), r2(sl->w), r2(sl->h), r2(sl->text_w),
                sl->cut ? "true" : "false");
    }
    fprintf(out, "]}");
}
