/* deck — what to show: a deck folder loaded into memory.
 *
 * A deck folder holds slides/ (deck.json with settings, every other *.json
 * one slide, in file-name order; names starting with '_' or '.' are skipped),
 * assets/ (images) and fonts/. Every path in the model is relative to the
 * deck folder and has been checked to stay inside it.
 *
 * Ownership: a deck owns every string and array reachable from it; deck_free
 * releases all of it. Times are in milliseconds, sizes in design-canvas
 * pixels. Pure: no SDL. */
#ifndef KIOSK_DECK_H
#define KIOSK_DECK_H

#include <stdbool.h>
#include <stddef.h>

#include "anim.h"
#include "diag.h"
#include "schedule.h"

#define DECK_DEFAULT_WIDTH 1920
#define DECK_DEFAULT_HEIGHT 1080
#define DECK_DEFAULT_DURATION_MS 8000
#define DECK_DEFAULT_IDLE_TIMEOUT_MS 60000
#define DECK_DEFAULT_TRANSITION_MS 800
#define DECK_DEFAULT_COUNT_DURATION_MS 2000
#define DECK_DEFAULT_STAGGER_MS 150
#define DECK_DEFAULT_MIN_TEXT_PX 28 /* text shrinks to this before "…" */
/* A picture with more pixels is refused from its header, before decoding:
 * 40 megapixels decode to 160 MB, a header claiming 30000x30000 to 3.6 GB. */
#define DECK_DEFAULT_MAX_IMAGE_MEGAPIXELS 40
/* More slide files than this is a mistake (a copied photo folder, a sync
 * gone wrong): the first ones in name order are played, with an error. */
#define DECK_MAX_SLIDES 1000
/* A text longer than this cannot be read on a screen; it is refused rather
 * than laid out (a megabyte of text would stall the line breaker). */
#define DECK_MAX_TEXT_CHARS 5000
/* Figures are exact up to 2^53; beyond 10^15 a count-up is not a figure. */
#define DECK_MAX_FIGURE 1e15
/* The shipped fonts (in the program's font folder): the theme's default,
 * and what stands in for a deck font that cannot be used. */
#define DECK_FONT_REGULAR "NotoSansCJKsc-Regular.otf"
#define DECK_FONT_BOLD "NotoSansCJKsc-Bold.otf"
#define DECK_MAX_STAT_ITEMS 8
#define DECK_MAX_DECIMALS 4

typedef struct { unsigned char r, g, b; } deck_rgb;

/* The languages a text may be written in: {"zh": "…", "en": "…"}. */
typedef enum { DECK_LANG_ZH, DECK_LANG_EN, DECK_N_LANGS } deck_lang;

/* Where the 中/EN button sits; LANG_BUTTON_NONE: no button. */
typedef enum {
    LANG_BUTTON_TOP_RIGHT,
    LANG_BUTTON_TOP_LEFT,
    LANG_BUTTON_BOTTOM_LEFT,
    LANG_BUTTON_NONE,
} lang_button_place;

/* The other language's text of one text field. A text field of the model
 * holds the text of the language shown; the other one waits here, found by
 * where the field is: `offset` bytes into the slide (or the deck), or into
 * items[item]. A field with no entry reads the same in both languages. */
typedef struct {
    int item;      /* -1: a field of the slide or deck itself */
    size_t offset; /* of the field's char * */
    char *text;    /* owned */
    bool written;  /* in the file; false for a default (growth_label's) */
} deck_other_text;

typedef struct {
    deck_other_text *list; /* owned, n of them */
    size_t n;
    deck_lang shown; /* the language the fields hold */
} deck_translations;

typedef enum {
    TRANSITION_FADE,
    TRANSITION_PUSH,
    TRANSITION_WIPE,
    TRANSITION_ZOOM,
    TRANSITION_NONE,
} transition_type;

typedef struct {
    transition_type type;
    int duration_ms;
} transition_spec;

typedef enum {
    SLIDE_TITLE,
    SLIDE_TEXT,
    SLIDE_PHOTO,
    SLIDE_STATS,
    SLIDE_CHART,
    SLIDE_BROKEN, /* the file had errors; `error` says the first one */
} slide_type;

typedef enum { FIT_COVER, FIT_CONTAIN } image_fit;
typedef enum { CHART_BAR, CHART_PROGRESS } chart_kind;

/* One figure of a stats or chart slide: prefix + value + unit, e.g. 近 10 亿元. */
typedef struct stat_item {
    char *label;        /* required */
    double value;       /* required */
    int decimals;       /* 0..4; default: as written in the JSON (58.58 → 2) */
    char *prefix;       /* NULL if absent, e.g. "近" */
    char *unit;         /* NULL if absent, e.g. "亿元", "%" */
    bool has_growth;
    double growth;      /* percent change, e.g. 108 */
    char *growth_label; /* never NULL once loaded; default "同比增长" */
    char *icon;         /* image path or NULL */
    bool has_max;
    double max;         /* chart items: the value of a full bar, > 0 */
} stat_item;

/* A take-home QR code in a corner of the slide: `text` (a URL or any text)
 * encoded as it is, `caption` a line under it (扫码阅读全文). */
typedef struct {
    char *text;    /* NULL: the slide has no code */
    char *caption; /* NULL if absent */
} slide_qr;

typedef struct slide {
    char *file; /* "slides/010-cover.json" */
    slide_type type;
    char *title, *subtitle, *body, *caption, *note, *chapter; /* NULL if absent */
    char *image;            /* photo / side photo / title background, or NULL */
    bool has_background_color;
    deck_rgb background_color;
    char *background_image; /* `background` given as an image path, or NULL */
    int duration_ms;        /* resolved: slide's own or the deck default */
    transition_spec transition; /* resolved: transition INTO this slide */
    image_fit fit;          /* photo */
    bool ken_burns;         /* photo, default true */
    stat_item *items;       /* stats and chart */
    size_t n_items;
    int count_duration_ms;  /* stats/chart: resolved, default from the deck */
    int stagger_ms;         /* stats/chart */
    anim_easing easing;     /* stats/chart, default EASE_OUT_EXPO */
    char *separator;        /* digit grouping ("," or " "), NULL for none */
    chart_kind chart;       /* chart */
    slide_qr qr;            /* any type */
    deck_translations other; /* the texts of the language not shown */
    schedule schedule;      /* any type: when it is shown; unset: always */
    char *error;            /* SLIDE_BROKEN: "PATH:LINE:COL: MESSAGE" */
} slide;

typedef struct {
    deck_rgb background, text, accent;
    char *font, *font_bold; /* resolved paths a program can open: the deck's
                               own (deck dir joined) or the shipped fonts */
    int min_text_px;
} deck_theme;

typedef struct {
    char *dir;   /* the deck folder as given */
    char *title; /* NULL if absent */
    int width, height;
    int duration_ms;
    transition_spec transition;
    int idle_timeout_ms;
    int count_duration_ms;
    bool lock; /* quit keys disabled */
    double max_image_megapixels; /* a picture with more is refused from its header */
    deck_lang language;          /* the default: shown at start and after the idle return */
    lang_button_place language_button;
    deck_translations other;     /* the title's other language */
    deck_theme theme;
    slide *slides; /* in file-name order, broken ones included as SLIDE_BROKEN */
    size_t n_slides;
} deck;

/* Loads the deck folder `dir`, appending every problem found to `diags`
 * (errors and warnings, paths relative to `dir`). A slide file with an error
 * becomes a SLIDE_BROKEN slide and costs nothing else. Returns NULL only when
 * memory runs out; a missing folder or an empty deck returns a deck with an
 * error in `diags`. `font_dir` is where the shipped fonts live. */
deck *deck_load(const char *dir, const char *font_dir, diag_list *diags);

/* The same for a running show: when deck.json has an error, the settings of
 * `last_good` (the deck on screen) are used instead of the defaults, and the
 * slides are read with them, so a broken deck.json changes nothing on
 * screen. last_good NULL: as deck_load. */
deck *deck_load_keeping(const char *dir, const char *font_dir, const deck *last_good,
                        diag_list *diags);

/* Frees the deck and everything it owns. deck_free(NULL) is a no-op. */
void deck_free(deck *d);

/* Joins the deck folder and a deck-relative path into a newly allocated
 * string the caller frees. */
char *deck_path(const deck *d, const char *relative);

/* Names for messages and the dump: "title", "fade", "easeOutExpo", ... */
const char *deck_slide_type_name(slide_type t);
const char *deck_transition_name(transition_type t);
const char *deck_easing_name(anim_easing e);

/* Calls fn for every text slide s shows, in the order of the format's keys,
 * with the JSON path it comes from ("title", "items[2].unit"): what the
 * fonts must cover. A growth label counts only when its growth is shown. */
typedef void (*deck_text_fn)(void *ctx, const char *field, const char *text);
void deck_slide_texts(const slide *s, deck_text_fn fn, void *ctx);

/* Brings every text of d to `lang` (the deck's title and every slide's
 * texts, each slide on its own, so slides kept from an older load follow
 * too): a text missing in `lang` stays in the other language. Pure; no
 * allocation, so it cannot fail. */
void deck_show_language(deck *d, deck_lang lang);

/* The language d's texts show now. */
static inline deck_lang deck_language_shown(const deck *d)
{
    return d->other.shown;
}

/* True when some text of d, written in its files, differs between the
 * languages: a deck written in one language is not bilingual, so it shows
 * no 中/EN button and --check says nothing about translations. */
bool deck_bilingual(const deck *d);

/* The text a field of s shows in `lang`: the field `offset` bytes into s
 * (item -1) or into s->items[item]; NULL when the field is empty. */
const char *deck_slide_text_in(const slide *s, int item, size_t offset, deck_lang lang);
/* The deck's title in `lang`; NULL when it has none. */
const char *deck_title_in(const deck *d, deck_lang lang);

/* "zh", "en"; and back (-1: neither). */
const char *deck_lang_name(deck_lang lang);
int deck_lang_from_name(const char *name);

/* The value a full bar of chart item `it` stands for: its "max" when given,
 * else 100 for a progress item in "%"; 0 when neither (bars are then
 * scaled to the largest value of the slide). */
double deck_item_full_scale(const slide *s, const stat_item *it);

/* The deck's picture limit in pixels (max_image_megapixels). */
long long deck_max_image_pixels(const deck *d);

/* Number of slides a player can show (not SLIDE_BROKEN). */
size_t deck_playable_count(const deck *d);

#endif
