#include "deck_bind.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapters.h"
#include "deck_files.h"
#include "deck_format.h"

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

static int name_index(const char *const *names, const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* The index of v's name in the row's names; -1 after reporting it unknown. */
static int known_name(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      bool quoted)
{
    int i = name_index(f->names, v->valuestring);
    if (i >= 0)
        return i;
    report_unknown_name(L, f->names, v->valuestring, path, quoted);
    return -1;
}

/* Checks a picture path. A picture that is missing or does not decode
 * inside the deck is an error, but it costs only the picture — the slide
 * plays with a placeholder naming the file — so the error is marked local
 * and the path kept. A path leading outside the deck is never kept. */
static bool picture_usable(deck_loader *L, const char *path, const char *rel)
{
    deck_file_detail detail;
    long long max_pixels = L->settings ? deck_max_image_pixels(L->settings)
                                       : (long long)DECK_DEFAULT_MAX_IMAGE_MEGAPIXELS * 1000000;
    deck_file_status s = deck_files_check(L->dir, L->dir_real, rel, DECK_FILE_IMAGE, max_pixels,
                                          &detail);
    if (s == DECK_FILE_OK)
        return true;
    size_t before = L->diags.n;
    report_file(L, path, rel, s, &detail);
    if (!deck_files_placeholder_ok(s) || L->diags.n == before)
        return false;
    L->diags.items[L->diags.n - 1].local = true;
    return true;
}

/* ------------------------------------------------------------------------
 * Storing values.
 * ------------------------------------------------------------------------ */

static void *at(void *base, size_t offset)
{
    return (char *)base + offset;
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

static void replace_string(deck_loader *L, char **slot, const char *value)
{
    char *copy = value ? strdup(value) : NULL;
    if (value && !copy) {
        L->nomem = true;
        return;
    }
    free(*slot);
    *slot = copy;
}

/* Checks a number against the row's range; reports and returns false when
 * it is out. `whole` asks for an integer. */
static bool check_range(deck_loader *L, const field *f, double v, const char *path,
                        bool whole)
{
    double min = f->min, max = f->max;
    bool exclusive = f->min_exclusive;
    if (f->kind == FIELD_SECONDS && !f->ranged) {
        min = 0;
        max = FORMAT_MAX_SECONDS;
        exclusive = true;
    } else if (!f->ranged) {
        min = -HUGE_VAL;
        max = HUGE_VAL;
    }
    char got[64];
    report_number_text(L, path, v, got, sizeof got);
    if (whole) {
        if (v != floor(v) || v < min || v > max) {
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_WHOLE_RANGE, path, min, max, got);
            return false;
        }
        return true;
    }
    if (exclusive ? !(v > min) : !(v >= min)) {
        REPORT_AT(L, DIAG_ERROR, path, false,
                  exclusive ? MSG_VALUE_GREATER_THAN : MSG_VALUE_AT_LEAST, path, min, got);
        return false;
    }
    if (v > max) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_AT_MOST, path, max, got);
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------------
 * One handler per field kind. Each checks the value's shape first and
 * leaves the default in place when it is wrong.
 * ------------------------------------------------------------------------ */

typedef void bind_handler(deck_loader *L, const field *f, const cJSON *v,
                          const char *path, void *base);

static uint64_t bind_object(deck_loader *L, const field_table *t, const cJSON *obj,
                            const char *path, void *base);
static void apply_defaults(deck_loader *L, const field_table *t, void *base);
static const field *find_row(const field_table *t, const char *key, unsigned type_bit);
static bind_handler *const handlers[FIELD_KIND_COUNT];

static void bind_type(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    /* read first, by bind_slide */
}

static void bind_string(deck_loader *L, const field *f, const cJSON *v, const char *path,
                        void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_STRING));
        return;
    }
    char why[200];
    if (f->check && !f->check(v->valuestring, why, sizeof why)) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_CHECK_FAILED, path, why);
        return;
    }
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)v->valuestring; *p; p++)
        chars += (*p & 0xC0) != 0x80; /* UTF-8 lead bytes: the scanner checked it */
    if (chars > DECK_MAX_TEXT_CHARS) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_TEXT_TOO_LONG, path, chars,
                  DECK_MAX_TEXT_CHARS);
        return;
    }
    replace_string(L, at(base, f->offset), v->valuestring);
}

/* FIELD_SECONDS, FIELD_INT, FIELD_DECIMALS and FIELD_NUMBER. */
static void bind_number(deck_loader *L, const field *f, const cJSON *v, const char *path,
                        void *base)
{
    if (!cJSON_IsNumber(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_NUMBER));
        return;
    }
    double x = v->valuedouble;
    if (!isfinite(x) || (f->kind == FIELD_NUMBER && fabs(x) > DECK_MAX_FIGURE)) {
        const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_NUMBER_TOO_LARGE, path,
                  e && e->literal ? e->literal : "");
        return;
    }
    bool whole = f->kind == FIELD_INT || f->kind == FIELD_DECIMALS;
    if (!check_range(L, f, x, path, whole))
        return;
    if (f->kind == FIELD_SECONDS)
        *(int *)at(base, f->offset) = (int)lround(x * 1000.0);
    else if (whole)
        *(int *)at(base, f->offset) = (int)x;
    else
        *(double *)at(base, f->offset) = x;
    if (f->has_offset)
        *(bool *)at(base, f->has_offset) = true;
}

static void bind_bool(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    if (!cJSON_IsBool(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_TRUE_OR_FALSE));
        return;
    }
    *(bool *)at(base, f->offset) = cJSON_IsTrue(v);
}

static void bind_color(deck_loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_COLOUR));
        return;
    }
    if (!parse_color(v->valuestring, at(base, f->offset)))
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_BAD_COLOUR, path, v->valuestring);
}

static void bind_image(deck_loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_AN_IMAGE_PATH));
        return;
    }
    if (picture_usable(L, path, v->valuestring))
        replace_string(L, at(base, f->offset), v->valuestring);
}

static void bind_font(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_FONT_PATH));
        return;
    }
    deck_file_detail detail;
    deck_file_status s = deck_files_check(L->dir, L->dir_real, v->valuestring,
                                          DECK_FILE_FONT, 0, &detail);
    if (s == DECK_FILE_NOMEM) {
        L->nomem = true;
        return;
    }
    if (s != DECK_FILE_OK) {
        /* The text still needs a face: the default (the shipped font) stays. */
        char then[160];
        snprintf(then, sizeof then, report_word(L, MSG_WORD_FONT_FALLBACK),
                 f->def_str ? f->def_str : DECK_FONT_REGULAR);
        report_file_as(L, DIAG_WARNING, path, v->valuestring, s, &detail, then);
        return;
    }
    char *full = deck_files_join(L->dir, v->valuestring);
    if (!full) {
        L->nomem = true;
        return;
    }
    char **slot = at(base, f->offset);
    free(*slot);
    *slot = full;
}

static void bind_background(deck_loader *L, const field *f, const cJSON *v,
                            const char *path, void *base)
{
    slide *s = base;
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_COLOUR_OR_IMAGE));
        return;
    }
    if (v->valuestring[0] == '#') {
        if (parse_color(v->valuestring, &s->background_color))
            s->has_background_color = true;
        else
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_BAD_BACKGROUND, path,
                      v->valuestring);
    } else if (picture_usable(L, path, v->valuestring)) {
        replace_string(L, at(base, f->offset), v->valuestring);
    }
}

/* FIELD_ENUM and FIELD_CHOICE. */
static void bind_name(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    bool quoted = f->kind == FIELD_CHOICE;
    if (!cJSON_IsString(v)) {
        char names[128], want[160];
        report_list_names(f->names, quoted, names, sizeof names);
        msg_format(want, sizeof want, L->diags.lang, MSG_WORD_ONE_OF, names);
        report_wrong_type(L, v, path, want);
        return;
    }
    int i = known_name(L, f, v, path, quoted);
    if (i < 0)
        return;
    if (quoted)
        replace_string(L, at(base, f->offset), *v->valuestring ? v->valuestring : NULL);
    else
        *(int *)at(base, f->offset) = f->values[i];
}

static void bind_transition(deck_loader *L, const field *f, const cJSON *v,
                            const char *path, void *base)
{
    transition_spec *spec = at(base, f->offset);
    if (cJSON_IsObject(v)) {
        bind_object(L, f->sub, v, path, spec);
    } else if (cJSON_IsString(v)) {
        int i = known_name(L, f, v, path, false);
        if (i < 0)
            return;
        spec->type = (transition_type)f->values[i];
    } else {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_TRANSITION));
        return;
    }
    if (spec->type == TRANSITION_NONE)
        spec->duration_ms = 0;
}

static void bind_size(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_SIZE));
        return;
    }
    int wh[2];
    int i = 0;
    bool ok = true;
    for (const cJSON *el = v->child; el; el = el->next, i++) {
        char sub[256];
        index_path(sub, sizeof sub, path, i);
        if (!cJSON_IsNumber(el)) {
            report_wrong_type(L, el, sub, report_word(L, MSG_WORD_A_NUMBER));
            ok = false;
        } else if (!check_range(L, f, el->valuedouble, sub, true)) {
            ok = false;
        } else {
            wh[i] = (int)el->valuedouble;
        }
    }
    if (ok)
        memcpy(at(base, f->offset), wh, sizeof wh);
}

static void bind_nested(deck_loader *L, const field *f, const cJSON *v, const char *path,
                        void *base)
{
    if (f->shorthand && cJSON_IsString(v)) {
        /* Messages name "qr", where the string is in the file. */
        const field *row = find_row(f->sub, f->shorthand, L->type_bit);
        handlers[row->kind](L, row, v, path, at(base, f->offset));
        return;
    }
    if (!cJSON_IsObject(v)) {
        char want[160];
        if (f->shorthand)
            snprintf(want, sizeof want, report_word(L, MSG_WORD_STRING_OR_OBJECT), f->shorthand);
        report_wrong_type(L, v, path,
                          f->shorthand ? want : report_word(L, MSG_WORD_AN_OBJECT_WANT));
        return;
    }
    bind_object(L, f->sub, v, path, at(base, f->offset));
}

static void bind_items(deck_loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    if (!cJSON_IsArray(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_AN_ARRAY_WANT));
        return;
    }
    int n = cJSON_GetArraySize(v);
    if (n < f->min || n > f->max) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_ENTRIES, path, f->min, f->max, n);
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
            report_wrong_type(L, el, sub, report_word(L, MSG_WORD_AN_OBJECT_WANT));
            continue;
        }
        bind_object(L, f->sub, el, sub, &items[i]);
    }
}

static bind_handler *const handlers[FIELD_KIND_COUNT] = {
    [FIELD_TYPE] = bind_type,         [FIELD_STRING] = bind_string,
    [FIELD_SECONDS] = bind_number,    [FIELD_INT] = bind_number,
    [FIELD_DECIMALS] = bind_number,   [FIELD_NUMBER] = bind_number,
    [FIELD_BOOL] = bind_bool,         [FIELD_COLOR] = bind_color,
    [FIELD_IMAGE] = bind_image,       [FIELD_FONT] = bind_font,
    [FIELD_BACKGROUND] = bind_background, [FIELD_ENUM] = bind_name,
    [FIELD_CHOICE] = bind_name,       [FIELD_TRANSITION] = bind_transition,
    [FIELD_SIZE] = bind_size,         [FIELD_OBJECT] = bind_nested,
    [FIELD_ITEMS] = bind_items,
};

/* ------------------------------------------------------------------------
 * Defaults, objects, and the two kinds of file.
 * ------------------------------------------------------------------------ */

static void apply_defaults(deck_loader *L, const field_table *t, void *base)
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
        case FIELD_DECIMALS:
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
                char *full = deck_files_join(L->font_dir, f->def_str);
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
                if (k >= 0)
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

static const field *find_row(const field_table *t, const char *key, unsigned type_bit)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->rows[i].key, key) == 0 && field_applies(&t->rows[i], type_bit))
            return &t->rows[i];
    return NULL;
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

/* A FIELD_DECIMALS value the file did not set: as `literal_of` is written. */
static void resolve_decimals(deck_loader *L, const field *f, const char *path, void *base)
{
    int *decimals = at(base, f->offset);
    if (*decimals >= 0)
        return;
    *decimals = 0;
    char sub[256];
    child_path(sub, sizeof sub, path, f->literal_of);
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, sub) : NULL;
    if (!e || !e->literal)
        return;
    int written = decimals_as_written(e->literal);
    int most = (int)f->max;
    if (written > most) {
        REPORT_AT(L, DIAG_WARNING, sub, false, MSG_VALUE_DECIMALS, sub, written, most, f->key);
        written = most;
    }
    *decimals = written;
}

/* Reads every key of obj through the table; warns about keys it does not
 * know and reports required keys that are missing (at the object's '{'). */
static uint64_t bind_object(deck_loader *L, const field_table *t, const cJSON *obj,
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
            report_duplicate(L, key, sub);
            continue;
        }
        const field *f = find_row(t, key, L->type_bit);
        if (!f) {
            report_unknown_key(L, t, key, path, sub);
            continue;
        }
        present |= UINT64_C(1) << (f - t->rows);
        handlers[f->kind](L, f, v, sub, base);
    }
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        bool needed = f->required == FIELD_ALWAYS ||
                      (L->type_bit && (f->required & L->type_bit));
        if (!needed || !field_applies(f, L->type_bit) || (present & (UINT64_C(1) << i)))
            continue;
        if (*path)
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_KEY_MISSING_IN, path, f->key);
        else
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_KEY_MISSING, f->key);
    }
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].kind == FIELD_DECIMALS && field_applies(&t->rows[i], L->type_bit))
            resolve_decimals(L, &t->rows[i], path, base);
    return present;
}

void bind_settings_defaults(deck_loader *L, deck *d)
{
    apply_defaults(L, &format_settings_table, d);
}

void bind_settings(deck_loader *L, const cJSON *root, deck *d)
{
    L->type_bit = 0;
    bind_object(L, &format_settings_table, root, "", d);
}

void bind_slide(deck_loader *L, const cJSON *root, slide *s)
{
    L->type_bit = 0;
    s->type = SLIDE_BROKEN;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (!type) {
        REPORT_AT(L, DIAG_ERROR, "", false, MSG_KEY_MISSING, "type");
        return;
    }
    if (!cJSON_IsString(type)) {
        report_wrong_type(L, type, "type", report_word(L, MSG_WORD_A_STRING));
        return;
    }
    int t = name_index(format_slide_type_names, type->valuestring);
    if (t < 0) {
        char names[128];
        report_list_names(format_slide_type_names, false, names, sizeof names);
        REPORT_AT(L, DIAG_ERROR, "type", false, MSG_TYPE_UNKNOWN, type->valuestring, names);
        return;
    }
    L->type_bit = FIELD_BIT(t);
    apply_defaults(L, &format_slide_table, s);
    bind_object(L, &format_slide_table, root, "", s);
    s->type = (slide_type)t;
    /* A value past its full scale draws a full bar: the number is likely a
     * typo, or "max" is. */
    for (size_t i = 0; s->type == SLIDE_CHART && i < s->n_items; i++) {
        const stat_item *it = &s->items[i];
        double full = deck_item_full_scale(s, it);
        if (full <= 0 || !(it->value > full))
            continue;
        char sub[64], got[64], most[64];
        snprintf(sub, sizeof sub, "items[%zu].value", i);
        report_number_text(L, sub, it->value, got, sizeof got);
        snprintf(most, sizeof most, "%g", full);
        REPORT_AT(L, DIAG_WARNING, sub, false, MSG_VALUE_OVER_MAX, sub, got, most);
    }
    if (s->chapter && !chapters_is_name(s->chapter))
        REPORT_AT(L, DIAG_WARNING, "chapter", false, MSG_CHAPTER_EMPTY);
}
