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

#include "chapter_bar.h"
#include "chapters.h"
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
    LBOX_QR,       /* a light card with the slide's QR code (qr_text) in its
                      top w x w square; its caption is a text box on it */
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

/* A rectangle on the canvas. */
typedef struct {
    double x, y, w, h;
} layout_rect;

/* What an image box shows while its picture cannot be shown: a frame
 * standing for a picture, and under it a caption line with the file's
 * name (centred, or from the box's left edge when it is wider). */
typedef struct {
    layout_rect frame;
    double caption_y; /* top of the caption line */
    int caption_px;
} layout_placeholder;

typedef struct {
    const char *name; /* as shown (perhaps shortened with "…"): owned by the layout's chapter_fit */
    layout_rect slot, mark;
    bool cut;         /* shortened to fit */
} layout_chapter_slot;

/* A piece of a figure on its baseline: left edge and width, canvas pixels;
 * w 0 when the figure has no such piece. */
typedef struct {
    double x, w;
} layout_span;

/* A figure's pieces, on the output's pixel grid. The counting number is
 * drawn right-aligned in `number`, a slot as wide as the final text, so
 * the last digit stays put while it counts. The icon is a square of side
 * icon.w, its bottom on the baseline. */
typedef struct {
    layout_span icon, prefix, number, unit;
    double x, w; /* from the first piece's left edge to the last one's right */
} layout_figure;

/* A growth badge: a pill with its text, on the output's pixel grid. */
typedef struct {
    double x, y, w, h; /* the pill */
    double text_x;     /* where its text starts */
    int px;            /* its text size */
    layout_role role;
} layout_pill;

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
    /* LBOX_QR */
    const char *qr_text; /* borrowed from the slide */
    image_fit fit;
    bool ken_burns;
    layout_placeholder placeholder;
    /* LBOX_FIGURE / LBOX_BADGE / LBOX_BAR */
    size_t item;
    int px;       /* figure (or badge, or tip figure) size */
    int small_px; /* prefix and unit size */
    double baseline; /* LBOX_FIGURE: y of the baseline */
    double fraction; /* LBOX_BAR: final length as a fraction of w */
    bool dark_top;   /* LBOX_SHADE: darkest at the top instead of the bottom */
    /* LBOX_FIGURE: its pieces. LBOX_BAR: the figure at the bar's tip when
     * the bar has its full length (it rides the tip while the bar grows). */
    layout_figure figure;
    /* LBOX_BADGE, and LBOX_BAR with a growth (after the tip figure, or on
     * a narrow screen at the end of the label's line). */
    layout_pill pill;
    bool has_pill;
    /* The canvas area the box may paint: for a bar, beyond its track to
     * the end of its tip figure's room. */
    double reach_w;
} layout_box;

typedef struct {
    double w, h;       /* the layout canvas */
    layout_box *boxes; /* in drawing order */
    size_t n, cap;
    bool has_chapter_bar;
    double chapter_bar_h;
    /* The pause mark, shown while the show is paused: two bars on a dark
     * panel in the top-right corner. */
    layout_rect pause_panel, pause_bar[2];
    /* The 中/EN button, in a bilingual deck (deck_bilingual) unless
     * deck.json's language_button is "none": a dark pill, and the slot of
     * each language's label ("中", "EN"); the language shown is lit. */
    bool has_lang_button;
    layout_rect lang_panel, lang_label[DECK_N_LANGS];
    double lang_px; /* the labels' size, canvas pixels */
    /* The chapter bar along the bottom: its band and one slot per chapter
     * of the deck's chapter table (chapters.h), in its order; the name is
     * centred in the slot, the mark over the current chapter's slot. */
    layout_rect chapter_band;
    layout_chapter_slot *chapter_slots;
    size_t n_chapter_slots;
    double chapter_px; /* the names' size, canvas pixels */
    chapter_bar chapter_fit; /* owned: the names fitted (chapter_bar.h) */
} slide_layout;

typedef struct {
    text_measure_fn measure;
    void *ctx;
    /* Output pixels per canvas pixel. Figures and badges are placed on the
     * output's pixel grid, so the picture shows them exactly where the
     * layout put them. 0: the canvas is the output. */
    double scale;
} layout_measurer;

/* A size in canvas pixels as whole output pixels (at least 1). */
int layout_out_px(double canvas_px, double scale);

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

/* The chapter bar of a canvas_w x canvas_h canvas: the table's names
 * fitted (chapter_bar.h: design size, smaller to LAYOUT_CHAPTER_MIN_PX,
 * shortened with "…", two rows), slots in canvas pixels with the bar's top
 * at canvas_h - out->h. Every slide's layout leaves out->h for it. Returns
 * 0, -1 when memory runs out. */
int layout_chapter_bar(const chapters *table, double canvas_w, double canvas_h,
                       const layout_measurer *m, chapter_bar *out);

/* The growth badge's text: "▲ 同比增长 108%", "▼ 同比下降 5%" (a negative
 * growth with the default label reads "同比下降"). */
#define LAYOUT_GROWTH_LABEL "同比增长"
#define LAYOUT_FALL_LABEL "同比下降"
size_t layout_badge_text(char *buf, size_t cap, const stat_item *it);

/* Design sizes (canvas pixels at a 1080-pixel short side). */
#define LAYOUT_MARGIN 96
#define LAYOUT_CHAPTER_BAR_H 56 /* one row */
#define LAYOUT_CHAPTER_PX 24
#define LAYOUT_CHAPTER_MIN_PX 18 /* the floor before names are shortened */
#define LAYOUT_TIP_BADGE_SCALE 0.6 /* a chart badge's size against its figure */
#define LAYOUT_ICON_SCALE 0.9 /* a figure's icon: a square this many times its size */
/* The take-home QR code: a square this wide (quiet zone included) on a card
 * in the bottom-right corner, which the slide's own content keeps clear of
 * (a column on a landscape canvas, a band on a portrait one). */
#define LAYOUT_QR_SIDE 240
#define LAYOUT_QR_GAP 40 /* between the card and the content */

/* The characters a figure is drawn with (from a digit atlas). A digit
 * takes the width of '0', the others their own, a byte outside the set the
 * width of '0'. */
#define LAYOUT_FIGURE_CHARS "0123456789.,- "

#endif
