/* layout — a slide, its type and the screen's shape turned into positioned
 * boxes on the layout canvas.
 *
 * The layout canvas is the deck's design canvas turned to the screen's
 * orientation (a 1920x1080 deck on a portrait screen is laid out on
 * 1080x1920) and extended in one direction to the screen's aspect ratio, so
 * a layout fills any screen with no black bars and sizes stay legible. All
 * numbers are canvas pixels; the renderer multiplies by one scale factor.
 *
 * Text is broken and fitted here (through text.h's measure callback), so the
 * renderer draws lines exactly as laid out and --dump-layout prints them.
 * Pure: no SDL. */
#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "text.h"

typedef enum {
    LBOX_IMAGE,    /* a picture: image, fit, ken_burns */
    LBOX_SHADE,    /* a vertical gradient from transparent to `alpha` of dark */
    LBOX_FILL,     /* a flat rectangle in `color` at `alpha` */
    LBOX_TEXT,     /* lines of `text` */
    LBOX_FIGURE,   /* items[item]: prefix, counting number, unit on one baseline */
    LBOX_BADGE,    /* items[item]'s growth badge */
    LBOX_BAR,      /* items[item]'s chart bar; its figure is drawn at the tip */
} layout_box_kind;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } layout_align;

/* Colour roles, mapped to the deck's theme by the renderer. */
typedef enum {
    ROLE_TEXT,
    ROLE_MUTED,  /* secondary text: notes, labels */
    ROLE_ACCENT,
    ROLE_PANEL,  /* a faint panel behind figures */
    ROLE_DARK,   /* black, for shades */
    ROLE_ERROR,
    ROLE_NEGATIVE, /* a falling figure's badge */
} layout_role;

typedef struct {
    layout_box_kind kind;
    char field[40]; /* the JSON field shown: "title", "body", "items[2].label" */
    double x, y, w, h;
    layout_role role;
    double alpha; /* 0..1 */
    /* LBOX_TEXT */
    text_block text;
    layout_align align;
    bool bold;
    /* LBOX_IMAGE */
    const char *image; /* borrowed from the slide */
    image_fit fit;
    bool ken_burns;
    /* LBOX_FIGURE / LBOX_BADGE / LBOX_BAR */
    size_t item;
    int px;       /* figure (or badge, or tip figure) size */
    int small_px; /* prefix and unit size */
    double baseline; /* LBOX_FIGURE: y of the baseline */
    double fraction; /* LBOX_BAR: final length as a fraction of w */
    double label_w;  /* LBOX_BAR: width reserved for the tip figure */
    bool dark_top;   /* LBOX_SHADE: darkest at the top instead of the bottom */
    /* LBOX_BAR on a narrow screen: the growth badge sits on the label's
     * line, its right edge at badge_right and top at badge_top; 0: after
     * the figure at the bar's tip. */
    double badge_right, badge_top;
} layout_box;

typedef struct {
    double w, h;       /* the layout canvas */
    layout_box *boxes; /* in drawing order */
    size_t n, cap;
    bool has_chapter_bar;
    double chapter_bar_h;
} slide_layout;

typedef struct {
    text_measure_fn measure;
    void *ctx;
} layout_measurer;

/* The layout canvas for a deck on a screen of screen_w x screen_h pixels,
 * and the scale from canvas to screen pixels. */
void layout_canvas(const deck *d, int screen_w, int screen_h, double *canvas_w,
                   double *canvas_h, double *scale);

/* Lays out slide s of deck d on a canvas_w x canvas_h canvas. Returns 0, or
 * -1 when memory runs out. Text that had to shrink to the minimum and was
 * still cut has text.truncated set in its box. */
int layout_slide(const deck *d, const slide *s, double canvas_w, double canvas_h,
                 const layout_measurer *m, slide_layout *out);

/* Frees the boxes and their text; safe on a zeroed layout. */
void layout_free(slide_layout *l);

/* The growth badge's text: "▲ 同比增长 108%", "▼ 同比下降 5%" (a negative
 * growth with the default label reads "同比下降"). */
#define LAYOUT_GROWTH_LABEL "同比增长"
#define LAYOUT_FALL_LABEL "同比下降"
size_t layout_badge_text(char *buf, size_t cap, const stat_item *it);

/* Design sizes (canvas pixels at a 1080-pixel short side). */
#define LAYOUT_MARGIN 96
#define LAYOUT_CHAPTER_BAR_H 56
#define LAYOUT_TIP_BADGE_SCALE 0.6 /* a chart badge's size against its figure */
#define LAYOUT_ICON_SCALE 0.9 /* a figure's icon: a square this many times its size */

#endif
