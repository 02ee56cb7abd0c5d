/* deck_format — the deck format, declared once.
 *
 * Each row is one key: its JSON shape (kind), which slide types it belongs
 * to, whether it is required, its range and default, and where the loaded
 * value goes. The binder (deck_bind), the defaults and the messages all read
 * these rows; adding a key is adding a row in deck_format.c. Pure data. */
#ifndef KIOSK_DECK_FORMAT_H
#define KIOSK_DECK_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef enum {
    FIELD_TYPE,       /* the slide's "type"; read before everything else */
    FIELD_STRING,     /* char *: a text, "…" or {"zh": "…", "en": "…"} (the
                         other language in the object's deck_translations);
                         a plain string when not_drawn */
    FIELD_SECONDS,    /* int milliseconds, written in seconds */
    FIELD_INT,        /* int; the number must be whole */
    FIELD_DECIMALS,   /* int like FIELD_INT; left at -1 it becomes the number
                         of decimals `literal_of` is written with */
    FIELD_NUMBER,     /* double; `has_offset` is a bool set when present */
    FIELD_BOOL,       /* bool */
    FIELD_COLOR,      /* deck_rgb, "#rrggbb" */
    FIELD_IMAGE,      /* char *, a deck-relative path to a PNG/JPEG/WebP */
    FIELD_FONT,       /* char *, a deck font, stored joined with the folder */
    FIELD_BACKGROUND, /* char *, a slide's background image; or its colour,
                         in background_color */
    FIELD_ENUM,       /* int, one of `names` */
    FIELD_CHOICE,     /* char *, one of `names`; "" is stored as NULL */
    FIELD_TRANSITION, /* transition_spec: a name or {type, duration} */
    FIELD_SIZE,       /* two ints, [width, height] */
    FIELD_OBJECT,     /* a nested object read by `sub` */
    FIELD_ITEMS,      /* an array of objects read by `sub` */
    FIELD_SCHEDULE,   /* schedule (schedule.h): an object read by `sub`,
                         then checked as a whole */
    FIELD_DATE,       /* long long days, "YYYY-MM-DD"; `has_offset` a bool */
    FIELD_WEEKDAYS,   /* unsigned weekday bits, a name or an array of names */
    FIELD_HOURS,      /* schedule_hours[], "HH:MM-HH:MM" or an array of them;
                         `has_offset` the size_t count, max the most */
} field_kind;

#define FIELD_KIND_COUNT (FIELD_HOURS + 1)

typedef struct field field;

typedef struct field_table {
    const field *rows;
    size_t n;
} field_table;

#define FIELD_ALWAYS (~0u)
#define FIELD_BIT(t) (1u << (t))
#define FIELD_FIGURES (FIELD_BIT(SLIDE_STATS) | FIELD_BIT(SLIDE_CHART))

struct field {
    const char *key;
    field_kind kind;
    unsigned types;       /* slide types the key belongs to; 0: every type */
    unsigned required;    /* slide types that must have it; FIELD_ALWAYS: every type */
    bool ranged;          /* min/max apply (seconds always have a range) */
    bool min_exclusive;   /* min itself is out of range: "greater than" */
    double min, max;      /* value range; for FIELD_ITEMS the entry count */
    size_t offset;        /* where the value goes, from the object's base */
    size_t has_offset;    /* FIELD_NUMBER: bool set when present; FIELD_ITEMS:
                             the size_t count. 0: none */
    size_t deck_offset;   /* default copied from the deck settings; 0: none */
    double def, def2;     /* numeric default (seconds for FIELD_SECONDS) */
    const char *def_str;  /* string, colour, enum, font or transition default */
    const char *def_en;   /* FIELD_STRING: the default's English, NULL: the same */
    const char *const *names; /* FIELD_ENUM, FIELD_CHOICE, FIELD_TRANSITION */
    const int *values;        /* FIELD_ENUM, FIELD_TRANSITION: value per name */
    const char *literal_of;   /* FIELD_DECIMALS: the sibling key it counts */
    size_t shown_if;          /* FIELD_STRING: a bool the text is shown with
                                 (deck_slide_texts); 0: always shown */
    const field_table *sub;
    const char *doc;          /* the schema's description: English. 中文。 */
    /* FIELD_OBJECT: a string may stand for the object, as its key
     * `shorthand` ("qr": "…" is {"text": "…"}). NULL: objects only. */
    const char *shorthand;
    /* FIELD_STRING that is data, never drawn as text (a QR code's text):
     * left out of the slide's texts, and one string in every language. */
    bool not_drawn;
    /* FIELD_STRING: a further test of the value; false, with the reason
     * ("holds 400 bytes, …"), makes it an error. */
    bool (*check)(const char *value, char *why, size_t why_cap);
};

/* Whether row f is read for a slide of type bit `type_bit` (0: deck.json). */
static inline bool field_applies(const field *f, unsigned type_bit)
{
    return f->types == 0 || type_bit == 0 || (f->types & type_bit);
}

/* slides/deck.json, and every other slide file. */
extern const field_table format_settings_table;
extern const field_table format_slide_table;

/* NULL-terminated, in enum order: slide_type (without SLIDE_BROKEN) and
 * transition_type. */
extern const char *const format_slide_type_names[];
extern const char *const format_transition_names[];

/* Number of slide types a file can name (SLIDE_BROKEN is not one). */
#define FORMAT_SLIDE_TYPES SLIDE_BROKEN
#define FORMAT_TRANSITIONS (TRANSITION_NONE + 1)

/* Upper bound for any time in a deck, in seconds: a day. Keeps ms in an int. */
#define FORMAT_MAX_SECONDS 86400.0

/* Walking the rows (deck_fields.c). */

/* The range a number row's values lie in, as the loader checks it and the
 * schema states it (seconds always have one); false: any number. */
typedef struct {
    double min, max;
    bool min_exclusive;
} field_range;
bool field_number_range(const field *f, field_range *out);

/* Frees every string and array the rows of t own in the object at base,
 * nested objects and items included, and sets the pointers to NULL. */
void format_free(const field_table *t, void *base);

/* Whether the objects at a and b hold the same values in every row of t,
 * nested objects and items included: what a reload compares. Kinds are
 * listed one by one, so a new kind does not compile until it is compared. */
bool format_equal(const field_table *t, const void *a, const void *b);

/* The object at base was copied byte for byte from another: gives it its
 * own copy of every string and array the rows of t own. -1 when memory runs
 * out; then the object owns nothing (every such pointer NULL). */
int format_dup(const field_table *t, void *base);

#endif
