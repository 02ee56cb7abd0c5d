/* The binder's handlers, one per field kind: each checks a value's shape
 * and range, says what is wrong at its line and column, and stores it.
 * The defaults, objects and the two kinds of file are deck_bind.c's. */
#include "deck_bind_kinds.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck_files.h"
#include "deck_lang.h"
#include "text_chars.h"
#include "utf8.h"

/* The index of v's name in the row's names; -1 after reporting it unknown. */
static int known_name(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      bool quoted)
{
    int i = bind_name_index(f->names, v->valuestring);
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

/* Checks a number against the row's range; reports and returns false when
 * it is out. `whole` asks for an integer. */
static bool check_range(deck_loader *L, const field *f, double v, const char *path,
                        bool whole)
{
    field_range r;
    if (!field_number_range(f, &r))
        r = (field_range){-HUGE_VAL, HUGE_VAL, false};
    double min = r.min, max = r.max;
    bool exclusive = r.min_exclusive;
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

static void bind_type(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    /* read first, by bind_slide */
}

/* A text's own checks (the row's test, the length); false after reporting. */
static bool text_ok(deck_loader *L, const field *f, const char *text, const char *path)
{
    char why[200];
    if (f->check && !f->check(text, why, sizeof why)) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_CHECK_FAILED, path, why);
        return false;
    }
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80; /* UTF-8 lead bytes: the scanner checked it */
    if (chars > DECK_MAX_TEXT_CHARS) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_TEXT_TOO_LONG, path, chars,
                  DECK_MAX_TEXT_CHARS);
        return false;
    }
    return true;
}

/* Text with an ideograph in it is Chinese; text without one (a figure's
 * "%", a name in Latin letters) may stand in either language. */
static bool has_ideograph(const char *text)
{
    size_t len = strlen(text);
    for (size_t p = 0; p < len;) {
        uint32_t cp;
        size_t step = utf8_decode(text + p, len - p, &cp);
        if (step == 0)
            return false;
        if (text_is_ideograph(cp))
            return true;
        p += step;
    }
    return false;
}

/* A text with no `missing` version. Said only when the deck turns out to be
 * bilingual: the loader drops these warnings from a deck in one language. */
static void no_translation(deck_loader *L, const char *path, deck_lang missing)
{
    msg_id have = missing == DECK_LANG_EN ? MSG_WORD_LANG_ZH : MSG_WORD_LANG_EN;
    msg_id lacks = missing == DECK_LANG_EN ? MSG_WORD_LANG_EN : MSG_WORD_LANG_ZH;
    REPORT_AT(L, DIAG_WARNING, path, false, MSG_TEXT_NO_TRANSLATION, path,
              report_word(L, lacks), report_word(L, have));
}

/* {"zh": "…", "en": "…"}: the Chinese into the field, the English beside it
 * (deck_lang.h); a language left out falls back to the other. */
static void bind_translated(deck_loader *L, const field *f, const cJSON *v, const char *path,
                            void *base)
{
    if (!v->child) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_TEXT_LANG_EMPTY, path);
        return;
    }
    const char *text[DECK_N_LANGS] = {0};
    bool ok = true;
    for (const cJSON *el = v->child; el; el = el->next) {
        char sub[256];
        bind_child_path(sub, sizeof sub, path, el->string);
        bool duplicate = false;
        for (const cJSON *prev = v->child; prev != el; prev = prev->next)
            duplicate |= strcmp(prev->string, el->string) == 0;
        int lang = deck_lang_from_name(el->string);
        if (duplicate) {
            report_duplicate(L, el->string, sub);
        } else if (lang < 0) {
            REPORT_AT(L, DIAG_ERROR, sub, true, MSG_TEXT_LANG_UNKNOWN, path, el->string);
            ok = false;
        } else if (!cJSON_IsString(el)) {
            report_wrong_type(L, el, sub, report_word(L, MSG_WORD_A_STRING));
            ok = false;
        } else if (!text_ok(L, f, el->valuestring, sub)) {
            ok = false;
        } else {
            text[lang] = el->valuestring;
        }
    }
    if (!ok)
        return;
    char **slot = bind_at(base, f->offset);
    const char *zh = text[DECK_LANG_ZH], *en = text[DECK_LANG_EN];
    bind_replace_string(L, slot, zh ? zh : en);
    bind_other_text(L, slot, zh && en && strcmp(zh, en) != 0 ? en : NULL, true);
    if (!zh || !en)
        no_translation(L, path, zh ? DECK_LANG_EN : DECK_LANG_ZH);
}

static void bind_string(deck_loader *L, const field *f, const cJSON *v, const char *path,
                        void *base)
{
    if (!f->not_drawn && cJSON_IsObject(v)) {
        bind_translated(L, f, v, path, base);
        return;
    }
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path,
                          report_word(L, f->not_drawn ? MSG_WORD_A_STRING : MSG_WORD_A_TEXT));
        return;
    }
    if (!text_ok(L, f, v->valuestring, path))
        return;
    char **slot = bind_at(base, f->offset);
    bind_replace_string(L, slot, v->valuestring);
    if (f->not_drawn)
        return;
    /* One text for both languages (a default's translation no longer applies). */
    bind_other_text(L, slot, NULL, true);
    if (has_ideograph(v->valuestring))
        no_translation(L, path, DECK_LANG_EN);
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
        *(int *)bind_at(base, f->offset) = (int)lround(x * 1000.0);
    else if (whole)
        *(int *)bind_at(base, f->offset) = (int)x;
    else
        *(double *)bind_at(base, f->offset) = x;
    if (f->has_offset)
        *(bool *)bind_at(base, f->has_offset) = true;
}

static void bind_bool(deck_loader *L, const field *f, const cJSON *v, const char *path,
                      void *base)
{
    if (!cJSON_IsBool(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_TRUE_OR_FALSE));
        return;
    }
    *(bool *)bind_at(base, f->offset) = cJSON_IsTrue(v);
}

static void bind_color(deck_loader *L, const field *f, const cJSON *v, const char *path,
                       void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_COLOUR));
        return;
    }
    if (!bind_parse_color(v->valuestring, bind_at(base, f->offset)))
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
        bind_replace_string(L, bind_at(base, f->offset), v->valuestring);
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
    char **slot = bind_at(base, f->offset);
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
        if (bind_parse_color(v->valuestring, &s->background_color))
            s->has_background_color = true;
        else
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_BAD_BACKGROUND, path,
                      v->valuestring);
    } else if (picture_usable(L, path, v->valuestring)) {
        bind_replace_string(L, bind_at(base, f->offset), v->valuestring);
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
        bind_replace_string(L, bind_at(base, f->offset), *v->valuestring ? v->valuestring : NULL);
    else
        *(int *)bind_at(base, f->offset) = f->values[i];
}

static void bind_transition(deck_loader *L, const field *f, const cJSON *v,
                            const char *path, void *base)
{
    transition_spec *spec = bind_at(base, f->offset);
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
        bind_index_path(sub, sizeof sub, path, i);
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
        memcpy(bind_at(base, f->offset), wh, sizeof wh);
}

static void bind_nested(deck_loader *L, const field *f, const cJSON *v, const char *path,
                        void *base)
{
    if (f->shorthand && cJSON_IsString(v)) {
        /* Messages name "qr", where the string is in the file. */
        const field *row = bind_find_row(f->sub, f->shorthand, L->type_bit);
        bind_handlers[row->kind](L, row, v, path, bind_at(base, f->offset));
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
    bind_object(L, f->sub, v, path, bind_at(base, f->offset));
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
    stat_item **slot = bind_at(base, f->offset);
    *slot = items;
    *(size_t *)bind_at(base, f->has_offset) = (size_t)n;
    /* An item's texts are found by its index and their offset in it. */
    void *text_base = L->text_base;
    int i = 0;
    for (const cJSON *el = v->child; el; el = el->next, i++) {
        char sub[256];
        bind_index_path(sub, sizeof sub, path, i);
        L->text_base = &items[i];
        L->text_item = i;
        bind_apply_defaults(L, f->sub, &items[i]);
        if (!cJSON_IsObject(el)) {
            report_wrong_type(L, el, sub, report_word(L, MSG_WORD_AN_OBJECT_WANT));
            continue;
        }
        bind_object(L, f->sub, el, sub, &items[i]);
    }
    L->text_base = text_base;
    L->text_item = -1;
}

bind_handler *const bind_handlers[FIELD_KIND_COUNT] = {
    [FIELD_TYPE] = bind_type,         [FIELD_STRING] = bind_string,
    [FIELD_SECONDS] = bind_number,    [FIELD_INT] = bind_number,
    [FIELD_DECIMALS] = bind_number,   [FIELD_NUMBER] = bind_number,
    [FIELD_BOOL] = bind_bool,         [FIELD_COLOR] = bind_color,
    [FIELD_IMAGE] = bind_image,       [FIELD_FONT] = bind_font,
    [FIELD_BACKGROUND] = bind_background, [FIELD_ENUM] = bind_name,
    [FIELD_CHOICE] = bind_name,       [FIELD_TRANSITION] = bind_transition,
    [FIELD_SIZE] = bind_size,         [FIELD_OBJECT] = bind_nested,
    [FIELD_ITEMS] = bind_items,       [FIELD_SCHEDULE] = bind_schedule,
    [FIELD_DATE] = bind_date,         [FIELD_WEEKDAYS] = bind_weekdays,
    [FIELD_HOURS] = bind_hours,
};
