/* layout_build — what the layout's two halves share: the machinery that
 * adds boxes and places figures on the output's grid (layout.c) and one
 * function per slide type (layout_slides.c). Internal to the layout. */
#ifndef KIOSK_LAYOUT_BUILD_H
#define KIOSK_LAYOUT_BUILD_H

#include "layout.h"

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

typedef struct {
    const deck *d;
    const slide *s;
    const layout_measurer *m;
    slide_layout *l;
    double u; /* canvas units per design pixel at 1080 */
    int failed;
    double qr_w, qr_h; /* the QR card; 0 when the slide has none */
} ctx;

/* ---- layout.c ---- */

extern const style_row lay_styles[]; /* by ST_ */
#define BADGE_H 1.7 /* a badge's pill height, of the text size */

layout_box *lay_add_box(ctx *c, layout_box_kind kind, const char *field,
                        double x, double y, double w, double h);
void lay_add_fill(ctx *c, double x, double y, double w, double h, layout_role role,
                  double alpha);
void lay_add_image(ctx *c, const char *field, const char *path, double x, double y,
                   double w, double h, image_fit fit, bool ken_burns);
void lay_add_shade(ctx *c, double x, double y, double w, double h, double alpha,
                   bool dark_top);
double lay_add_text(ctx *c, int style, const char *field, const char *text,
                    double x, double y, double w, double h, layout_align align,
                    layout_role role);
layout_pill lay_badge_pill(const ctx *c, const stat_item *it, int px, double x, double y,
                           layout_align align);
double lay_badge_room(const ctx *c, const stat_item *it, int px);
layout_figure lay_figure_at(const ctx *c, const stat_item *it, const char *sep, int px,
                            int small_px, int x0);
double lay_figure_room(const ctx *c, const stat_item *it, const char *sep, int px, int small_px);
double lay_figure_width(const ctx *c, const stat_item *it, const char *sep, int px, int small_px);
int lay_min_px_for(ctx *c, const style_row *st);
double lay_text_height(ctx *c, int style, const char *text, double w, double h);
int lay_to_out(const ctx *c, double canvas);

/* ---- layout_slides.c ---- */

void lay_add_qr(ctx *c);
void lay_broken(ctx *c);
void lay_chart(ctx *c);
void lay_photo(ctx *c);
void lay_stats(ctx *c);
void lay_text(ctx *c);
void lay_title(ctx *c);
void lay_qr_measure(ctx *c);

#endif
