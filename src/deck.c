#include "deck.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "imgprobe.h"
#include "json_pos.h"
#include "utf8.h"

/* A slide file is a few KiB; anything this big is a mistake, not a slide. */
#define DECK_MAX_JSON_BYTES (1u << 20)
/* Upper bound for any time in a deck, in seconds: a day. Keeps ms in an int. */
#define DECK_MAX_SECONDS 86400.0
#define DECK_SETTINGS_FILE "deck.json"
#define DECK_SLIDES_DIR "slides"

_Static_assert(sizeof(transition_type) == sizeof(int) &&
                   sizeof(image_fit) == sizeof(int) &&
                   sizeof(chart_kind) == sizeof(int) &&
                   sizeof(anim_easing) == sizeof(int),
               "enum fields are written through int pointers");

/* ------------------------------------------------------------------------
 * The format, declared once. Each row is one key: its JSON shape, which
 * slide types it belongs to, whether it is required, its range and default,
 * and where the loaded value goes. The loader, the validator and the
 * defaults all read these rows; adding a key is adding a row.
 * ------------------------------------------------------------------------ */

typedef enum {
    FIELD_TYPE,       /* the slide's "type"; read before everything else */
    FIELD_STRING,     /* char * */
    FIELD_SECONDS,    /* int milliseconds, written in seconds */
    FIELD_INT,        /* int; the number must be whole */
    FIELD_NUMBER,     /* double; `has_offset` is a bool set when present */
    FIELD_BOOL,       /* bool */
    FIELD_COLOR,      /* deck_rgb, "#rrggbb" */
    FIELD_IMAGE,      /* char *, a deck-relative path to a PNG/JPEG/WebP */
    FIELD_FONT,       /* char *, a deck font, stored joined with the folder */
    FIELD_BACKGROUND, /* a slide's colour or image background */
    FIELD_ENUM,       /* int, one of `names` */
    FIELD_CHOICE,     /* char *, one of `names`; "" is stored as NULL */
    FIELD_TRANSITION, /* transition_spec: a name or {type, duration} */
    FIELD_SIZE,       /* two ints, [width, height] */
    FIELD_OBJECT,     /* a nested object read by `sub` */
    FIELD_ITEMS,      /* an array of objects read by `sub` */
} field_kind;

typedef struct field field;
typedef struct loader loader;

typedef struct {
    const field *rows;
    size_t n;
    /* Runs after an object was read, for defaults that depend on the source
     * text (decimals "as written"). May be NULL. */
    void (*finish)(loader *L, void *base, const char *path);
} field_table;

#define ALWAYS (~0u)
#define BIT(t) (1u << (t))
#define FIGURES (BIT(SLIDE_STATS) | BIT(SLIDE_CHART))

struct field {
    const char *key;
    field_kind kind;
    unsigned types;       /* slide types the key belongs to; 0: every type */
    unsigned required;    /* slide types that must have it; ALWAYS: every type */
    bool ranged;          /* min/max apply (seconds always have a range) */
    bool min_exclusive;   /* min itself is out of range: "greater than" */
    double min, max;      /* value range; for FIELD_ITEMS the entry count */
    size_t offset;        /* where the value goes, from the object's base */
    size_t has_offset;    /* FIELD_NUMBER: bool set when present; FIELD_ITEMS:
                             the size_t count. 0: none */
    size_t deck_offset;   /* default copied from the deck settings; 0: none */
    double def, def2;     /* numeric default (seconds for FIELD_SECONDS) */
    const char *def_str;  /* string, colour, enum, font or transition default */
    const char *const *names; /* FIELD_ENUM, FIELD_CHOICE, FIELD_TRANSITION */
    const int *values;        /* FIELD_ENUM, FIELD_TRANSITION: value per name */
    int (*parse)(const char *name, int *out); /* FIELD_ENUM alternative */
    const field_table *sub;
};

#define TABLE(rows, finish) {rows, sizeof rows / sizeof rows[0], finish}

static const char *const slide_type_names[] = {"title", "text", "photo", "stats",
                                               "chart", NULL};
static const char *const transition_names[] = {"fade", "push", "wipe", "zoom",
                                               "none", NULL};
static const int transition_values[] = {TRANSITION_FADE, TRANSITION_PUSH,
                                        TRANSITION_WIPE, TRANSITION_ZOOM,
                                        TRANSITION_NONE};
static const char *const fit_names[] = {"cover", "contain", NULL};
static const int fit_values[] = {FIT_COVER, FIT_CONTAIN};
static const char *const chart_names[] = {"bar", "progress", NULL};
static const int chart_values[] = {CHART_BAR, CHART_PROGRESS};
static const char *const easing_names[] = {"linear", "easeOutCubic", "easeOutExpo",
                                           NULL};
static const char *const separator_names[] = {",", " ", "", NULL};

static int parse_easing(const char *name, int *out)
{
    anim_easing e;
    if (anim_easing_from_name(name, &e) != 0)
        return -1;
    *out = (int)e;
    return 0;
}

static const field transition_rows[] = {
    {.key = "type", .kind = FIELD_ENUM, .required = ALWAYS,
     .offset = offsetof(transition_spec, type), .names = transition_names,
     .values = transition_values},
    {.key = "duration", .kind = FIELD_SECONDS, .ranged = true, .min = 0, .max = 60,
     .offset = offsetof(transition_spec, duration_ms)},
};
static const field_table transition_table = TABLE(transition_rows, NULL);

static const field theme_rows[] = {
    {.key = "background", .kind = FIELD_COLOR, .def_str = "#0b1f33",
     .offset = offsetof(deck_theme, background)},
    {.key = "text", .kind = FIELD_COLOR, .def_str = "#f4f1ea",
     .offset = offsetof(deck_theme, text)},
    {.key = "accent", .kind = FIELD_COLOR, .def_str = "#f0a030",
     .offset = offsetof(deck_theme, accent)},
    {.key = "font", .kind = FIELD_FONT, .def_str = "NotoSansCJKsc-Regular.otf",
     .offset = offsetof(deck_theme, font)},
    {.key = "font_bold", .kind = FIELD_FONT, .def_str = "NotoSansCJKsc-Bold.otf",
     .offset = offsetof(deck_theme, font_bold)},
    {.key = "min_text_size", .kind = FIELD_INT, .ranged = true, .min = 8, .max = 400,
     .def = DECK_DEFAULT_MIN_TEXT_PX, .offset = offsetof(deck_theme, min_text_px)},
};
static const field_table theme_table = TABLE(theme_rows, NULL);

static const field settings_rows[] = {
    {.key = "title", .kind = FIELD_STRING, .offset = offsetof(deck, title)},
    {.key = "size", .kind = FIELD_SIZE, .ranged = true, .min = 320, .max = 7680,
     .def = DECK_DEFAULT_WIDTH, .def2 = DECK_DEFAULT_HEIGHT,
     .offset = offsetof(deck, width)},
    {.key = "duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_DURATION_MS / 1000.0, .offset = offsetof(deck, duration_ms)},
    {.key = "transition", .kind = FIELD_TRANSITION, .def_str = "fade",
     .def = DECK_DEFAULT_TRANSITION_MS / 1000.0, .names = transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(deck, transition)},
    {.key = "idle_timeout", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_IDLE_TIMEOUT_MS / 1000.0,
     .offset = offsetof(deck, idle_timeout_ms)},
    {.key = "lock", .kind = FIELD_BOOL, .offset = offsetof(deck, lock)},
    {.key = "count_duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_COUNT_DURATION_MS / 1000.0,
     .offset = offsetof(deck, count_duration_ms)},
    {.key = "theme", .kind = FIELD_OBJECT, .sub = &theme_table,
     .offset = offsetof(deck, theme)},
};
static const field_table settings_table = TABLE(settings_rows, NULL);

static void finish_item(loader *L, void *base, const char *path);

static const field item_rows[] = {
    {.key = "label", .kind = FIELD_STRING, .types = FIGURES, .required = FIGURES,
     .offset = offsetof(stat_item, label)},
    {.key = "value", .kind = FIELD_NUMBER, .types = BIT(SLIDE_STATS),
     .required = BIT(SLIDE_STATS), .offset = offsetof(stat_item, value)},
    {.key = "value", .kind = FIELD_NUMBER, .types = BIT(SLIDE_CHART),
     .required = BIT(SLIDE_CHART), .ranged = true, .min = 0, .max = HUGE_VAL,
     .offset = offsetof(stat_item, value)},
    /* -1: "as written in the source", resolved by finish_item. */
    {.key = "decimals", .kind = FIELD_INT, .types = FIGURES, .ranged = true,
     .min = 0, .max = DECK_MAX_DECIMALS, .def = -1,
     .offset = offsetof(stat_item, decimals)},
    {.key = "prefix", .kind = FIELD_STRING, .types = BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, prefix)},
    {.key = "unit", .kind = FIELD_STRING, .types = FIGURES,
     .offset = offsetof(stat_item, unit)},
    {.key = "growth", .kind = FIELD_NUMBER, .types = FIGURES,
     .offset = offsetof(stat_item, growth), .has_offset = offsetof(stat_item, has_growth)},
    {.key = "growth_label", .kind = FIELD_STRING, .types = BIT(SLIDE_STATS),
     .def_str = "同比增长", .offset = offsetof(stat_item, growth_label)},
    {.key = "icon", .kind = FIELD_IMAGE, .types = BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, icon)},
};
static const field_table item_table = TABLE(item_rows, finish_item);

static const field slide_rows[] = {
    {.key = "type", .kind = FIELD_TYPE, .required = ALWAYS, .names = slide_type_names},
    {.key = "title", .kind = FIELD_STRING, .required = BIT(SLIDE_TITLE),
     .offset = offsetof(slide, title)},
    {.key = "subtitle", .kind = FIELD_STRING, .offset = offsetof(slide, subtitle)},
    {.key = "duration", .kind = FIELD_SECONDS, .offset = offsetof(slide, duration_ms),
     .deck_offset = offsetof(deck, duration_ms)},
    {.key = "transition", .kind = FIELD_TRANSITION, .names = transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(slide, transition), .deck_offset = offsetof(deck, transition)},
    {.key = "background", .kind = FIELD_BACKGROUND},
    {.key = "chapter", .kind = FIELD_STRING, .offset = offsetof(slide, chapter)},
    {.key = "image", .kind = FIELD_IMAGE,
     .types = BIT(SLIDE_TITLE) | BIT(SLIDE_TEXT) | BIT(SLIDE_PHOTO),
     .required = BIT(SLIDE_PHOTO), .offset = offsetof(slide, image)},
    {.key = "body", .kind = FIELD_STRING, .types = BIT(SLIDE_TEXT),
     .required = BIT(SLIDE_TEXT), .offset = offsetof(slide, body)},
    {.key = "caption", .kind = FIELD_STRING, .types = BIT(SLIDE_PHOTO),
     .offset = offsetof(slide, caption)},
    {.key = "fit", .kind = FIELD_ENUM, .types = BIT(SLIDE_PHOTO), .def_str = "cover",
     .names = fit_names, .values = fit_values, .offset = offsetof(slide, fit)},
    {.key = "ken_burns", .kind = FIELD_BOOL, .types = BIT(SLIDE_PHOTO), .def = 1,
     .offset = offsetof(slide, ken_burns)},
    {.key = "kind", .kind = FIELD_ENUM, .types = BIT(SLIDE_CHART), .def_str = "bar",
     .names = chart_names, .values = chart_values, .offset = offsetof(slide, chart)},
    {.key = "items", .kind = FIELD_ITEMS, .types = FIGURES, .required = FIGURES,
     .ranged = true, .min = 1, .max = DECK_MAX_STAT_ITEMS, .sub = &item_table,
     .offset = offsetof(slide, items), .has_offset = offsetof(slide, n_items)},
    {.key = "note", .kind = FIELD_STRING, .types = FIGURES,
     .offset = offsetof(slide, note)},
    {.key = "count_duration", .kind = FIELD_SECONDS, .types = FIGURES,
     .offset = offsetof(slide, count_duration_ms),
     .deck_offset = offsetof(deck, count_duration_ms)},
    {.key = "easing", .kind = FIELD_ENUM, .types = FIGURES, .def_str = "easeOutExpo",
     .names = easing_names, .parse = parse_easing, .offset = offsetof(slide, easing)},
    {.key = "stagger", .kind = FIELD_SECONDS, .types = FIGURES, .ranged = true,
     .min = 0, .max = 60, .def = DECK_DEFAULT_STAGGER_MS / 1000.0,
     .offset = offsetof(slide, stagger_ms)},
    {.key = "separator", .kind = FIELD_CHOICE, .types = FIGURES,
     .names = separator_names, .offset = offsetof(slide, separator)},
};
static const field_table slide_table = TABLE(slide_rows, NULL);

/* ------------------------------------------------------------------------
 * Loading one file.
 * ------------------------------------------------------------------------ */

struct loader {
    const char *dir;          /* the deck folder as given */
    char *dir_real;           /* its realpath, NULL when it has none */
    const char *font_dir;
    const deck *settings;     /* defaults slides inherit; NULL for deck.json */
    const char *file;         /* the file being read, deck-relative */
    const json_pos_index *ix; /* its positions */
    diag_list diags;          /* its diagnostics, sorted when it is done */
    unsigned type_bit;        /* the slide's type as a bit; 0 for deck.json */
    bool nomem;
    bool picture_problem; /* the last check_file failed on a missing or undecodable picture */
};

static void *at(void *base, size_t offset)
{
    return (char *)base + offset;
}

static char *join_path(const char *dir, const char *rel)
{
    char *out = NULL;
    size_t n = strlen(dir);
    const char *sep = n > 0 && dir[n - 1] == '/' ? "" : "/";
    if (asprintf(&out, "%s%s%s", dir, sep, rel) < 0)
        return NULL;
    return out;
}

static void report(loader *L, diag_severity sev, int line, int col,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(loader *L, diag_severity sev, int line, int col,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!diag_addv(&L->diags, sev, L->file, line, col, fmt, ap))
        L->nomem = true;
    va_end(ap);
}

/* Line and column of the value at `path` (or of its key when at_key and it
 * has one); 1:1 when the path is not indexed. */
static void where(const loader *L, const char *path, bool at_key, int *line, int *col)
{
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
    *line = *col = 1;
    if (!e)
        return;
    if (at_key && e->key_line > 0) {
        *line = e->key_line;
        *col = e->key_col;
    } else {
        *line = e->line;
        *col = e->col;
    }
}

#define REPORT_AT(L, sev, path, at_key, ...)                                 \
    do {                                                                     \
        int line_, col_;                                                     \
        where((L), (path), (at_key), &line_, &col_);                         \
        report((L), (sev), line_, col_, __VA_ARGS__);                        \
    } while (0)

/* JSON paths as the scanner writes them: "items[2].value". A path too long
 * for the buffer is cut; it then finds no position and reports at 1:1. */
static void child_path(char *out, size_t cap, const char *parent, const char *key)
{
    if (snprintf(out, cap, "%s%s%s", parent, *parent ? "." : "", key) >= (int)cap)
        out[cap - 1] = '\0';
}

static void index_path(char *out, size_t cap, const char *parent, int index)
{
    if (snprintf(out, cap, "%s[%d]", parent, index) >= (int)cap)
        out[cap - 1] = '\0';
}

/* The first `max_chars` code points of s, for quoting in messages. */
static int quote_len(const char *s, size_t max_chars)
{
    size_t i = 0, n = strlen(s);
    for (size_t chars = 0; i < n && chars < max_chars; chars++) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
    }
    return (int)i;
}

/* "the string \"58.58\"", "the number 12", "true", "an object"... */
static void describe_value(const loader *L, const cJSON *v, const char *path,
                           char *out, size_t cap)
{
    if (cJSON_IsString(v)) {
        const char *s = v->valuestring;
        int n = quote_len(s, 40);
        snprintf(out, cap, "the string \"%.*s\"%s", n, s, s[n] ? "…" : "");
    } else if (cJSON_IsNumber(v)) {
        const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
        if (e && e->literal)
            snprintf(out, cap, "the number %s", e->literal);
        else
            snprintf(out, cap, "the number %g", v->valuedouble);
    } else if (cJSON_IsTrue(v)) {
        snprintf(out, cap, "true");
    } else if (cJSON_IsFalse(v)) {
        snprintf(out, cap, "false");
    } else if (cJSON_IsNull(v)) {
        snprintf(out, cap, "null");
    } else if (cJSON_IsArray(v)) {
        snprintf(out, cap, "an array");
    } else {
        snprintf(out, cap, "an object");
    }
}

static void wrong_type(loader *L, const cJSON *v, const char *path, const char *want)
{
    char got[128];
    describe_value(L, v, path, got, sizeof got);
    REPORT_AT(L, DIAG_ERROR, path, false, "%s must be %s, got %s", path, want, got);
}

/* Optimal string alignment distance, ignoring ASCII case: how many edits
 * (insert, delete, change, swap of neighbours) turn a into b. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 40 || nb > 40)
        return SIZE_MAX;
    size_t d[41][41];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                cb == tolower((unsigned char)a[i - 2]) && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[na][nb];
}

/* Whether a typo of `want` could plausibly produce `got`. */
static bool close_enough(const char *got, const char *want)
{
    size_t dist = edit_distance(got, want);
    size_t len = strlen(want);
    return dist <= (len >= 5 ? 2u : 1u) && dist < len;
}

static bool row_applies(const field *f, unsigned type_bit)
{
    return f->types == 0 || type_bit == 0 || (f->types & type_bit);
}

static const field *find_row(const field_table *t, const char *key, unsigned type_bit)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->rows[i].key, key) == 0 && row_applies(&t->rows[i], type_bit))
            return &t->rows[i];
    return NULL;
}

static int name_index(const char *const *names, const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

static const char *nearest_name(const char *const *names, const char *name)
{
    const char *best = NULL;
    size_t best_dist = SIZE_MAX;
    for (int i = 0; names[i]; i++) {
        size_t dist = edit_distance(name, names[i]);
        if (*names[i] && close_enough(name, names[i]) && dist < best_dist) {
            best = names[i];
            best_dist = dist;
        }
    }
    return best;
}

/* "fade, push, wipe" or, quoted, "\",\", \" \", \"\"". */
static void list_names(const char *const *names, bool quoted, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; names[i] && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s%s%s", i ? ", " : "",
                              quoted ? "\"" : "", names[i], quoted ? "\"" : "");
}

static bool parse_color(const char *s, deck_rgb *out)
{
    if (strlen(s) != 7 || s[0] != '#')
        return false;
    for (int i = 1; i < 7; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    unsigned long v = strtoul(s + 1, NULL, 16);
    out->r = (unsigned char)(v >> 16);
    out->g = (unsigned char)(v >> 8);
    out->b = (unsigned char)v;
    return true;
}

static bool replace_string(loader *L, char **slot, const char *value)
{
    char *copy = value ? strdup(value) : NULL;
    if (value && !copy) {
        L->nomem = true;
        return false;
    }
    free(*slot);
    *slot = copy;
    return true;
}

/* Checks a number against the row's range; reports and returns false when
 * it is out. `whole` asks for an integer. */
static bool check_range(loader *L, const field *f, double v, const char *path,
                        bool whole)
{
    double min = f->min, max = f->max;
    bool exclusive = f->min_exclusive;
    if (f->kind == FIELD_SECONDS && !f->ranged) {
        min = 0;
        max = DECK_MAX_SECONDS;
        exclusive = true;
    } else if (!f->ranged) {
        min = -HUGE_VAL;
        max = HUGE_VAL;
    }
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
    char got[64];
    if (e && e->literal)
        snprintf(got, sizeof got, "%s", e->literal);
    else
        snprintf(got, sizeof got, "%g", v);
    if (whole) {
        if (v != floor(v) || v < min || v > max) {
            REPORT_AT(L, DIAG_ERROR, path, false,
                      "%s must be a whole number from %g to %g, got %s", path, min,
                      max, got);
            return false;
        }
        return true;
    }
    if (exclusive ? !(v > min) : !(v >= min)) {
        REPORT_AT(L, DIAG_ERROR, path, false, "%s must be %s %g, got %s", path,
                  exclusive ? "greater than" : "at least", min, got);
        return false;
    }
    if (v > max) {
        REPORT_AT(L, DIAG_ERROR, path, false, "%s must be at most %g, got %s", path,
                  max, got);
        return false;
    }
    return true;
}

static bool check_file(loader *L, const char *path, const char *rel, bool image);
/* After a failed check_file: a picture that is missing or does not decode
 * inside the deck is an error, but it costs only the picture — the slide
 * plays with a placeholder naming the file — so the error is marked local
 * and the path kept. A path leading outside the deck is never kept. */
static bool keep_missing_picture(loader *L)
{
    if (!L->picture_problem || L->diags.n == 0)
        return false;
    L->diags.items[L->diags.n - 1].local = true;
    return true;
}

/* Checks a deck-relative path to a file: inside the deck, present, and
 * (for images) a PNG, JPEG or WebP whose header parses. */
static bool check_file(loader *L, const char *path, const char *rel, bool image)
{
    L->picture_problem = false;
    int line, col;
    where(L, path, false, &line, &col);
    if (!*rel) {
        report(L, DIAG_ERROR, line, col, "%s must not be empty", path);
        return false;
    }
    if (rel[0] == '/') {
        report(L, DIAG_ERROR, line, col,
               "%s \"%s\" is an absolute path; give a path inside the deck folder, "
               "like \"assets/photo.jpg\"",
               path, rel);
        return false;
    }
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            report(L, DIAG_ERROR, line, col, "%s \"%s\" leads outside the deck folder",
                   path, rel);
            return false;
        }
        p += n;
        p += *p == '/';
    }
    char *full = join_path(L->dir, rel);
    if (!full) {
        L->nomem = true;
        return false;
    }
    bool ok = false;
    struct stat st;
    char *real = NULL;
    if (stat(full, &st) != 0) {
        L->picture_problem = image;
        if (errno == ENOENT || errno == ENOTDIR)
            report(L, DIAG_ERROR, line, col, "%s \"%s\" does not exist", path, rel);
        else
            report(L, DIAG_ERROR, line, col, "%s \"%s\" cannot be read: %s", path, rel,
                   strerror(errno));
        goto done;
    }
    real = realpath(full, NULL);
    size_t n = L->dir_real ? strlen(L->dir_real) : 0;
    if (!real || !L->dir_real || strncmp(real, L->dir_real, n) != 0 ||
        (real[n] != '/' && !(n == 1 && L->dir_real[0] == '/'))) {
        report(L, DIAG_ERROR, line, col,
               "%s \"%s\" leads outside the deck folder through a symbolic link", path,
               rel);
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        report(L, DIAG_ERROR, line, col, "%s \"%s\" is not a file", path, rel);
        goto done;
    }
    if (image) {
        imgprobe_info info;
        imgprobe_status s = imgprobe_file(full, &info);
        L->picture_problem = s != IMGPROBE_OK;
        if (s == IMGPROBE_NOT_IMAGE) {
            report(L, DIAG_ERROR, line, col, "%s \"%s\" is not a PNG, JPEG or WebP image",
                   path, rel);
            goto done;
        }
        if (s == IMGPROBE_BAD_HEADER) {
            report(L, DIAG_ERROR, line, col,
                   "%s \"%s\" is a damaged %s image (its header does not parse)", path,
                   rel, imgprobe_format_name(info.format));
            goto done;
        }
        if (s != IMGPROBE_OK) {
            report(L, DIAG_ERROR, line, col, "%s \"%s\" cannot be read", path, rel);
            goto done;
        }
    } else {
        FILE *f = fopen(full, "rb");
        unsigned char magic[4] = {0};
        size_t got = f ? fread(magic, 1, sizeof magic, f) : 0;
        if (f)
            fclose(f);
        bool font = got == 4 && (memcmp(magic, "\0\1\0\0", 4) == 0 ||
                                 memcmp(magic, "OTTO", 4) == 0 ||
                                 memcmp(magic, "true", 4) == 0 ||
                                 memcmp(magic, "ttcf", 4) == 0);
        if (!f) {
            report(L, DIAG_ERROR, line, col, "%s \"%s\" cannot be read", path, rel);
            goto done;
        }
        if (!font) {
            report(L, DIAG_ERROR, line, col,
                   "%s \"%s\" is not a TrueType or OpenType font", path, rel);
            goto done;
        }
    }
    ok = true;
done:
    free(real);
    free(full);
    return ok;
}

static void apply_defaults(loader *L, const field_table *t, void *base);
static uint64_t load_object(loader *L, const field_table *t, const cJSON *obj,
                            const char *path, void *base);

static void load_items(loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    if (!cJSON_IsArray(v)) {
        wrong_type(L, v, path, "an array");
        return;
    }
    int n = cJSON_GetArraySize(v);
    if (n < f->min || n > f->max) {
        REPORT_AT(L, DIAG_ERROR, path, false, "%s must have %g to %g entries, got %d",
                  path, f->min, f->max, n);
        return; /* the slide is broken; its entries need no further reading */
    }
    stat_item *items = calloc((size_t)n, sizeof *items);
    if (!items) {
        L->nomem = true;
        return;
    }
    stat_item **slot = at(base, f->offset);
    *slot = items;
    *(size_t *)at(base, f->has_offset) = (size_t)n;
    int i = 0;
    for (const cJSON *el = v->child; el; el = el->next, i++) {
        char sub[256];
        index_path(sub, sizeof sub, path, i);
        apply_defaults(L, f->sub, &items[i]);
        if (!cJSON_IsObject(el)) {
            wrong_type(L, el, sub, "an object");
            continue;
        }
        load_object(L, f->sub, el, sub, &items[i]);
    }
}

static void load_transition(loader *L, const field *f, const cJSON *v,
                            const char *path, void *base)
{
    transition_spec *spec = at(base, f->offset);
    if (cJSON_IsObject(v)) {
        load_object(L, f->sub, v, path, spec);
    } else if (cJSON_IsString(v)) {
        int i = name_index(f->names, v->valuestring);
        if (i < 0) {
            char names[128];
            list_names(f->names, false, names, sizeof names);
            const char *near = nearest_name(f->names, v->valuestring);
            REPORT_AT(L, DIAG_ERROR, path, false, "%s must be one of %s; got \"%s\"%s%s%s",
                      path, names, v->valuestring, near ? " — did you mean \"" : "",
                      near ? near : "", near ? "\"?" : "");
            return;
        }
        spec->type = (transition_type)f->values[i];
    } else {
        wrong_type(L, v, path, "a transition name (fade, push, wipe, zoom, none) or "
                               "an object {\"type\": ..., \"duration\": ...}");
        return;
    }
    if (spec->type == TRANSITION_NONE)
        spec->duration_ms = 0;
}

static void load_field(loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    switch (f->kind) {
    case FIELD_TYPE:
        return; /* read first, by load_slide */
    case FIELD_STRING:
        if (!cJSON_IsString(v)) {
            wrong_type(L, v, path, "a string");
            return;
        }
        replace_string(L, at(base, f->offset), v->valuestring);
        return;
    case FIELD_SECONDS:
    case FIELD_INT:
    case FIELD_NUMBER: {
        if (!cJSON_IsNumber(v)) {
            wrong_type(L, v, path, "a number");
            return;
        }
        double x = v->valuedouble;
        if (!check_range(L, f, x, path, f->kind == FIELD_INT))
            return;
        if (f->kind == FIELD_SECONDS)
            *(int *)at(base, f->offset) = (int)lround(x * 1000.0);
        else if (f->kind == FIELD_INT)
            *(int *)at(base, f->offset) = (int)x;
        else
            *(double *)at(base, f->offset) = x;
        if (f->has_offset)
            *(bool *)at(base, f->has_offset) = true;
        return;
    }
    case FIELD_BOOL:
        if (!cJSON_IsBool(v)) {
            wrong_type(L, v, path, "true or false");
            return;
        }
        *(bool *)at(base, f->offset) = cJSON_IsTrue(v);
        return;
    case FIELD_COLOR:
        if (!cJSON_IsString(v)) {
            wrong_type(L, v, path, "a colour \"#rrggbb\"");
            return;
        }
        if (!parse_color(v->valuestring, at(base, f->offset)))
            REPORT_AT(L, DIAG_ERROR, path, false,
                      "%s must be a colour \"#rrggbb\", got \"%s\"", path, v->valuestring);
        return;
    case FIELD_IMAGE:
        if (!cJSON_IsString(v)) {
            wrong_type(L, v, path, "an image path");
            return;
        }
        if (check_file(L, path, v->valuestring, true) || keep_missing_picture(L))
            replace_string(L, at(base, f->offset), v->valuestring);
        return;
    case FIELD_FONT:
        if (!cJSON_IsString(v)) {
            wrong_type(L, v, path, "a font path");
            return;
        }
        if (check_file(L, path, v->valuestring, false)) {
            char *full = join_path(L->dir, v->valuestring);
            if (!full) {
                L->nomem = true;
                return;
            }
            char **slot = at(base, f->offset);
            free(*slot);
            *slot = full;
        }
        return;
    case FIELD_BACKGROUND: {
        slide *s = base;
        if (!cJSON_IsString(v)) {
            wrong_type(L, v, path, "a colour \"#rrggbb\" or an image path");
            return;
        }
        if (v->valuestring[0] == '#') {
            if (parse_color(v->valuestring, &s->background_color))
                s->has_background_color = true;
            else
                REPORT_AT(L, DIAG_ERROR, path, false,
                          "%s must be a colour \"#rrggbb\" or an image path, got \"%s\"",
                          path, v->valuestring);
        } else if (check_file(L, path, v->valuestring, true) || keep_missing_picture(L)) {
            replace_string(L, &s->background_image, v->valuestring);
        }
        return;
    }
    case FIELD_ENUM:
    case FIELD_CHOICE: {
        bool quoted = f->kind == FIELD_CHOICE;
        char names[128];
        list_names(f->names, quoted, names, sizeof names);
        if (!cJSON_IsString(v)) {
            char want[160];
            snprintf(want, sizeof want, "one of %s", names);
            wrong_type(L, v, path, want);
            return;
        }
        int i = name_index(f->names, v->valuestring);
        if (i < 0) {
            const char *near = nearest_name(f->names, v->valuestring);
            REPORT_AT(L, DIAG_ERROR, path, false, "%s must be one of %s; got \"%s\"%s%s%s",
                      path, names, v->valuestring, near ? " — did you mean \"" : "",
                      near ? near : "", near ? "\"?" : "");
            return;
        }
        if (quoted) {
            replace_string(L, at(base, f->offset), *v->valuestring ? v->valuestring : NULL);
        } else if (f->parse) {
            f->parse(v->valuestring, at(base, f->offset));
        } else {
            *(int *)at(base, f->offset) = f->values[i];
        }
        return;
    }
    case FIELD_TRANSITION:
        load_transition(L, f, v, path, base);
        return;
    case FIELD_SIZE: {
        if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2) {
            wrong_type(L, v, path, "an array [width, height]");
            return;
        }
        int wh[2];
        int i = 0;
        bool ok = true;
        for (const cJSON *el = v->child; el; el = el->next, i++) {
            char sub[256];
            index_path(sub, sizeof sub, path, i);
            if (!cJSON_IsNumber(el)) {
                wrong_type(L, el, sub, "a number");
                ok = false;
            } else if (!check_range(L, f, el->valuedouble, sub, true)) {
                ok = false;
            } else {
                wh[i] = (int)el->valuedouble;
            }
        }
        if (ok)
            memcpy(at(base, f->offset), wh, sizeof wh);
        return;
    }
    case FIELD_OBJECT:
        if (!cJSON_IsObject(v)) {
            wrong_type(L, v, path, "an object");
            return;
        }
        load_object(L, f->sub, v, path, at(base, f->offset));
        return;
    case FIELD_ITEMS:
        load_items(L, f, v, path, base);
        return;
    }
}

static void apply_defaults(loader *L, const field_table *t, void *base)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        void *slot = at(base, f->offset);
        switch (f->kind) {
        case FIELD_STRING:
        case FIELD_CHOICE:
            if (f->def_str)
                replace_string(L, slot, f->def_str);
            break;
        case FIELD_SECONDS:
            *(int *)slot = (int)lround(f->def * 1000.0);
            break;
        case FIELD_INT:
            *(int *)slot = (int)f->def;
            break;
        case FIELD_NUMBER:
            *(double *)slot = f->def;
            break;
        case FIELD_BOOL:
            *(bool *)slot = f->def != 0;
            break;
        case FIELD_COLOR:
            if (f->def_str)
                parse_color(f->def_str, slot);
            break;
        case FIELD_FONT:
            if (f->def_str) {
                char *full = join_path(L->font_dir, f->def_str);
                if (!full) {
                    L->nomem = true;
                    break;
                }
                free(*(char **)slot);
                *(char **)slot = full;
            }
            break;
        case FIELD_ENUM:
            if (f->def_str) {
                int k = name_index(f->names, f->def_str);
                if (f->parse)
                    f->parse(f->def_str, slot);
                else if (k >= 0)
                    *(int *)slot = f->values[k];
            }
            break;
        case FIELD_TRANSITION:
            if (f->def_str) {
                transition_spec *spec = slot;
                spec->type = (transition_type)f->values[name_index(f->names, f->def_str)];
                spec->duration_ms = (int)lround(f->def * 1000.0);
            }
            break;
        case FIELD_SIZE:
            ((int *)slot)[0] = (int)f->def;
            ((int *)slot)[1] = (int)f->def2;
            break;
        case FIELD_OBJECT:
            apply_defaults(L, f->sub, slot);
            break;
        case FIELD_TYPE:
        case FIELD_IMAGE:
        case FIELD_BACKGROUND:
        case FIELD_ITEMS:
            break;
        }
        if (f->deck_offset && L->settings) {
            const void *from = (const char *)L->settings + f->deck_offset;
            if (f->kind == FIELD_SECONDS)
                memcpy(slot, from, sizeof(int));
            else if (f->kind == FIELD_TRANSITION)
                memcpy(slot, from, sizeof(transition_spec));
        }
    }
}

/* Reads every key of obj through the table; warns about keys it does not
 * know and reports required keys that are missing (at the object's '{'). */
static uint64_t load_object(loader *L, const field_table *t, const cJSON *obj,
                            const char *path, void *base)
{
    uint64_t present = 0;
    for (const cJSON *v = obj->child; v; v = v->next) {
        const char *key = v->string;
        /* Editors read "$schema" to offer completion; it is not a setting. */
        if (!*path && strcmp(key, "$schema") == 0)
            continue;
        char sub[256];
        child_path(sub, sizeof sub, path, key);
        bool duplicate = false;
        for (const cJSON *prev = obj->child; prev != v; prev = prev->next)
            duplicate |= strcmp(prev->string, key) == 0;
        if (duplicate) {
            /* The index finds the first one; this one's key is the next
             * entry with the same path after it. */
            int line = 1, col = 1, seen = 0;
            for (size_t i = 0; L->ix && i < L->ix->n; i++) {
                if (strcmp(L->ix->entries[i].path, sub) == 0 && seen++ > 0) {
                    line = L->ix->entries[i].key_line;
                    col = L->ix->entries[i].key_col;
                    break;
                }
            }
            report(L, DIAG_WARNING, line, col,
                   "duplicate key \"%s\"; only the first one is used", sub);
            continue;
        }
        const field *f = find_row(t, key, L->type_bit);
        if (!f) {
            const char *in = *path ? " in " : "";
            const field *other = NULL;
            for (size_t i = 0; i < t->n && !other; i++)
                if (strcmp(t->rows[i].key, key) == 0)
                    other = &t->rows[i];
            if (other) {
                char owners[96] = "";
                size_t n = 0;
                for (int k = 0; slide_type_names[k]; k++)
                    if (other->types & BIT(k))
                        n += (size_t)snprintf(owners + n, sizeof owners - n, "%s%s",
                                              n ? ", " : "", slide_type_names[k]);
                REPORT_AT(L, DIAG_WARNING, sub, true,
                          "key \"%s\"%s%s is not used by %s slides (only by: %s)", key, in,
                          path, slide_type_names[__builtin_ctz(L->type_bit)], owners);
                continue;
            }
            const char *near = NULL;
            size_t best = SIZE_MAX;
            for (size_t i = 0; i < t->n; i++) {
                const field *r = &t->rows[i];
                size_t dist = edit_distance(key, r->key);
                if (row_applies(r, L->type_bit) && close_enough(key, r->key) &&
                    dist < best) {
                    near = r->key;
                    best = dist;
                }
            }
            if (near)
                REPORT_AT(L, DIAG_WARNING, sub, true,
                          "unknown key \"%s\"%s%s — did you mean \"%s\"?", key, in, path,
                          near);
            else
                REPORT_AT(L, DIAG_WARNING, sub, true, "unknown key \"%s\"%s%s", key, in,
                          path);
            continue;
        }
        present |= UINT64_C(1) << (f - t->rows);
        load_field(L, f, v, sub, base);
    }
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        bool needed = f->required == ALWAYS ||
                      (L->type_bit && (f->required & L->type_bit));
        if (!needed || !row_applies(f, L->type_bit) || (present & (UINT64_C(1) << i)))
            continue;
        if (*path)
            REPORT_AT(L, DIAG_ERROR, path, false, "%s is missing the required key \"%s\"",
                      path, f->key);
        else
            REPORT_AT(L, DIAG_ERROR, path, false, "missing the required key \"%s\"",
                      f->key);
    }
    if (t->finish)
        t->finish(L, base, path);
    return present;
}

/* Decimals as the number is written: 58.58 → 2, 1.50 → 2, 10 → 0, 1.5e-2 → 3. */
static int decimals_as_written(const char *literal)
{
    const char *dot = strchr(literal, '.');
    const char *exp = strpbrk(literal, "eE");
    long frac = 0;
    if (dot)
        frac = (long)((exp ? exp : literal + strlen(literal)) - dot - 1);
    if (exp)
        frac -= strtol(exp + 1, NULL, 10);
    return frac < 0 ? 0 : frac > INT_MAX ? INT_MAX : (int)frac;
}

static void finish_item(loader *L, void *base, const char *path)
{
    stat_item *item = base;
    if (item->decimals >= 0)
        return;
    item->decimals = 0;
    char sub[256];
    child_path(sub, sizeof sub, path, "value");
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, sub) : NULL;
    if (!e || !e->literal)
        return;
    int written = decimals_as_written(e->literal);
    if (written > DECK_MAX_DECIMALS) {
        REPORT_AT(L, DIAG_WARNING, sub, false,
                  "%s is written with %d decimals; only %d are shown (set \"decimals\" "
                  "to say so)",
                  sub, written, DECK_MAX_DECIMALS);
        written = DECK_MAX_DECIMALS;
    }
    item->decimals = written;
}

/* Reads a JSON file into a cJSON tree and its position index. Returns the
 * root object, or NULL after reporting why not. */
static cJSON *read_json(loader *L, json_pos_index *ix)
{
    char *full = join_path(L->dir, L->file);
    if (!full) {
        L->nomem = true;
        return NULL;
    }
    cJSON *root = NULL;
    char *text = NULL;
    FILE *f = fopen(full, "rb");
    if (!f) {
        report(L, DIAG_ERROR, 1, 1, "cannot be read: %s", strerror(errno));
        goto done;
    }
    text = malloc(DECK_MAX_JSON_BYTES + 1);
    if (!text) {
        L->nomem = true;
        goto done;
    }
    size_t len = fread(text, 1, DECK_MAX_JSON_BYTES + 1, f);
    if (ferror(f)) {
        report(L, DIAG_ERROR, 1, 1, "cannot be read: %s", strerror(errno));
        goto done;
    }
    if (len > DECK_MAX_JSON_BYTES) {
        report(L, DIAG_ERROR, 1, 1, "is larger than %u KiB; a slide file should be small",
               DECK_MAX_JSON_BYTES >> 10);
        goto done;
    }
    int st = json_pos_scan(text, len, ix);
    if (st == JSON_POS_NOMEM) {
        L->nomem = true;
        goto done;
    }
    if (st == JSON_POS_SYNTAX) {
        report(L, DIAG_ERROR, ix->error_line, ix->error_col, "%s", ix->error);
        goto done;
    }
    L->ix = ix;
    /* The scanner has accepted it, so cJSON failing means memory ran out. */
    root = cJSON_ParseWithLength(text + ix->body_offset, len - ix->body_offset);
    if (!root) {
        L->nomem = true;
        goto done;
    }
    if (!cJSON_IsObject(root)) {
        char got[128];
        describe_value(L, root, "", got, sizeof got);
        report(L, DIAG_ERROR, ix->n ? ix->entries[0].line : 1,
               ix->n ? ix->entries[0].col : 1,
               "the file must hold one JSON object { ... }, got %s", got);
        cJSON_Delete(root);
        root = NULL;
    }
done:
    if (f)
        fclose(f);
    free(text);
    free(full);
    return root;
}

/* Sorts a file's diagnostics by position (keeping the order of equals) and
 * moves them to `out`. */
static int by_position(const void *a, const void *b)
{
    const diag *x = *(const diag *const *)a, *y = *(const diag *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x < y ? -1 : x > y;
}

static void flush_diags(loader *L, diag_list *out, char **first_error)
{
    diag **order = malloc((L->diags.n ? L->diags.n : 1) * sizeof *order);
    if (!order) {
        L->nomem = true;
        diag_list_clear(&L->diags);
        return;
    }
    for (size_t i = 0; i < L->diags.n; i++)
        order[i] = &L->diags.items[i];
    qsort(order, L->diags.n, sizeof *order, by_position);
    for (size_t i = 0; i < L->diags.n; i++) {
        const diag *d = order[i];
        size_t before = out->n;
        diag_add(out, d->severity, d->path, d->line, d->col, "%s", d->message);
        if (out->n > before)
            out->items[before].local = d->local;
        if (first_error && !*first_error && d->severity == DIAG_ERROR && !d->local &&
            asprintf(first_error, "%s:%d:%d: %s", d->path, d->line, d->col,
                     d->message) < 0) {
            *first_error = NULL;
            L->nomem = true;
        }
    }
    free(order);
    diag_list_clear(&L->diags);
}

static void load_slide(loader *L, slide *s)
{
    json_pos_index ix = {0};
    L->ix = NULL;
    L->type_bit = 0;
    s->type = SLIDE_BROKEN;
    cJSON *root = read_json(L, &ix);
    if (!root)
        goto done;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (!type) {
        REPORT_AT(L, DIAG_ERROR, "", false, "missing the required key \"type\"");
        goto done;
    }
    if (!cJSON_IsString(type)) {
        wrong_type(L, type, "type", "a string");
        goto done;
    }
    int t = name_index(slide_type_names, type->valuestring);
    if (t < 0) {
        char names[128];
        list_names(slide_type_names, false, names, sizeof names);
        REPORT_AT(L, DIAG_ERROR, "type", false, "unknown slide type \"%s\"; known types: %s",
                  type->valuestring, names);
        goto done;
    }
    L->type_bit = BIT(t);
    apply_defaults(L, &slide_table, s);
    load_object(L, &slide_table, root, "", s);
    s->type = (slide_type)t;
done:
    cJSON_Delete(root);
    json_pos_free(&ix);
    L->ix = NULL;
}

static void load_settings(loader *L, deck *d)
{
    json_pos_index ix = {0};
    L->ix = NULL;
    L->type_bit = 0;
    cJSON *root = read_json(L, &ix);
    if (root)
        load_object(L, &settings_table, root, "", d);
    cJSON_Delete(root);
    json_pos_free(&ix);
    L->ix = NULL;
}

static bool is_slide_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '_' && name[0] != '.' && n > 5 &&
           strcmp(name + n - 5, ".json") == 0 && strcmp(name, DECK_SETTINGS_FILE) != 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The slide files of slides/, sorted by byte order of their names. */
static int list_slides(const char *slides_dir, char ***names_out, size_t *n_out)
{
    DIR *dh = opendir(slides_dir);
    if (!dh)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (!is_slide_name(de->d_name))
            continue;
        char *full = join_path(slides_dir, de->d_name);
        struct stat st;
        bool regular = full && stat(full, &st) == 0 && S_ISREG(st.st_mode);
        free(full);
        if (!regular)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(names, cap * sizeof *grown);
            if (!grown) {
                rc = -2;
                break;
            }
            names = grown;
        }
        if (!(names[n] = strdup(de->d_name))) {
            rc = -2;
            break;
        }
        n++;
    }
    closedir(dh);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    *names_out = names;
    *n_out = n;
    return rc;
}

deck *deck_load(const char *dir, const char *font_dir, diag_list *diags)
{
    deck *d = calloc(1, sizeof *d);
    loader L = {.dir = dir, .font_dir = font_dir ? font_dir : "fonts"};
    char **names = NULL;
    size_t n_names = 0;
    char *slides_dir = NULL;
    char *settings_path = NULL;
    diag_list settings_diags = {0};
    bool settings_flushed = true;
    if (!d || !(d->dir = strdup(dir)))
        goto fail;
    apply_defaults(&L, &settings_table, d);
    if (L.nomem)
        goto fail;

    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, dir, 1, 1, "the deck folder does not exist");
        return d;
    }
    L.dir_real = realpath(dir, NULL);
    slides_dir = join_path(dir, DECK_SLIDES_DIR);
    settings_path = join_path(dir, DECK_SLIDES_DIR "/" DECK_SETTINGS_FILE);
    if (!slides_dir || !settings_path)
        goto fail;
    if (stat(slides_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1,
                 "the deck has no slides/ folder");
        goto done;
    }

    if (stat(settings_path, &st) == 0) {
        L.file = DECK_SLIDES_DIR "/" DECK_SETTINGS_FILE;
        load_settings(&L, d);
        /* Held back so that every file's diagnostics come in name order. */
        settings_diags = L.diags;
        L.diags = (diag_list){0};
        settings_flushed = false;
    }
    L.settings = d;

    int rc = list_slides(slides_dir, &names, &n_names);
    if (rc == -2)
        goto fail;
    if (rc != 0) {
        diag_add(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1,
                 "the slides/ folder cannot be read: %s", strerror(errno));
        goto done;
    }
    if (n_names == 0)
        diag_add(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1,
                 "the deck has no slides (each slides/*.json file but deck.json is one slide)");
    d->slides = calloc(n_names ? n_names : 1, sizeof *d->slides);
    if (!d->slides)
        goto fail;
    for (size_t i = 0; i < n_names; i++) {
        if (!settings_flushed && strcmp(names[i], DECK_SETTINGS_FILE) > 0) {
            L.diags = settings_diags;
            settings_diags = (diag_list){0};
            flush_diags(&L, diags, NULL);
            settings_flushed = true;
        }
        slide *s = &d->slides[d->n_slides++];
        if (asprintf(&s->file, DECK_SLIDES_DIR "/%s", names[i]) < 0) {
            s->file = NULL;
            goto fail;
        }
        L.file = s->file;
        load_slide(&L, s);
        char *error = NULL;
        flush_diags(&L, diags, &error);
        if (error) {
            s->type = SLIDE_BROKEN;
            s->error = error;
        }
        if (L.nomem)
            goto fail;
    }
done:
    if (!settings_flushed) {
        L.diags = settings_diags;
        settings_diags = (diag_list){0};
        flush_diags(&L, diags, NULL);
    }
    if (!L.nomem)
        goto out;
fail:
    diag_list_clear(&settings_diags);
    diag_list_clear(&L.diags);
    deck_free(d);
    d = NULL;
out:
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    free(names);
    free(slides_dir);
    free(settings_path);
    free(L.dir_real);
    return d;
}

static void slide_clear(slide *s)
{
    free(s->file);
    free(s->title);
    free(s->subtitle);
    free(s->body);
    free(s->caption);
    free(s->note);
    free(s->chapter);
    free(s->image);
    free(s->background_image);
    free(s->separator);
    free(s->error);
    for (size_t i = 0; i < s->n_items; i++) {
        stat_item *it = &s->items[i];
        free(it->label);
        free(it->prefix);
        free(it->unit);
        free(it->growth_label);
        free(it->icon);
    }
    free(s->items);
}

void deck_free(deck *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_slides; i++)
        slide_clear(&d->slides[i]);
    free(d->slides);
    free(d->dir);
    free(d->title);
    free(d->theme.font);
    free(d->theme.font_bold);
    free(d);
}

char *deck_path(const deck *d, const char *relative)
{
    return join_path(d->dir, relative);
}

const char *deck_slide_type_name(slide_type t)
{
    if (t == SLIDE_BROKEN)
        return "broken";
    return (unsigned)t < sizeof slide_type_names / sizeof *slide_type_names - 1
               ? slide_type_names[t]
               : "unknown";
}

const char *deck_transition_name(transition_type t)
{
    return (unsigned)t < sizeof transition_names / sizeof *transition_names - 1
               ? transition_names[t]
               : "unknown";
}

size_t deck_playable_count(const deck *d)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->n_slides; i++)
        n += d->slides[i].type != SLIDE_BROKEN;
    return n;
}
