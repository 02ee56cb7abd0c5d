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
#include "deck_bind_kinds.h"
#include "deck_format.h"
#include "deck_lang.h"

/* JSON paths as the scanner writes them: "items[2].value". A path too long
 * for the buffer is cut; it then finds no position and reports at 1:1. */
void bind_child_path(char *out, size_t cap, const char *parent, const char *key)
{
    if (snprintf(out, cap, "%s%s%s", parent, *parent ? "." : "", key) >= (int)cap)
        out[cap - 1] = '\0';
}

void bind_index_path(char *out, size_t cap, const char *parent, int index)
{
    if (snprintf(out, cap, "%s[%d]", parent, index) >= (int)cap)
        out[cap - 1] = '\0';
}

int bind_name_index(const char *const *names, const char *name)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------------------------------
 * Storing values.
 * ------------------------------------------------------------------------ */

void *bind_at(void *base, size_t offset)
{
    return (char *)base + offset;
}

bool bind_parse_color(const char *s, deck_rgb *out)
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

void bind_replace_string(deck_loader *L, char **slot, const char *value)
{
    char *copy = value ? strdup(value) : NULL;
    if (value && !copy) {
        L->nomem = true;
        return;
    }
    free(*slot);
    *slot = copy;
}

void bind_other_text(deck_loader *L, char **slot, const char *text, bool written)
{
    if (!L->texts)
        return;
    size_t offset = (size_t)((char *)slot - (char *)L->text_base);
    if (deck_translations_set(L->texts, L->text_item, offset, text, written) != 0)
        L->nomem = true;
}

/* ------------------------------------------------------------------------
 * Defaults, objects, and the two kinds of file.
 * ------------------------------------------------------------------------ */

void bind_apply_defaults(deck_loader *L, const field_table *t, void *base)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        void *slot = bind_at(base, f->offset);
        switch (f->kind) {
        case FIELD_STRING:
        case FIELD_CHOICE:
            if (f->def_str)
                bind_replace_string(L, slot, f->def_str);
            if (f->def_en)
                bind_other_text(L, slot, f->def_en, false);
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
                bind_parse_color(f->def_str, slot);
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
                int k = bind_name_index(f->names, f->def_str);
                if (k >= 0)
                    *(int *)slot = f->values[k];
            }
            break;
        case FIELD_TRANSITION:
            if (f->def_str) {
                transition_spec *spec = slot;
                spec->type = (transition_type)f->values[bind_name_index(f->names, f->def_str)];
                spec->duration_ms = (int)lround(f->def * 1000.0);
            }
            break;
        case FIELD_SIZE:
            ((int *)slot)[0] = (int)f->def;
            ((int *)slot)[1] = (int)f->def2;
            break;
        case FIELD_OBJECT:
            bind_apply_defaults(L, f->sub, slot);
            break;
        case FIELD_SCHEDULE:
            *(schedule *)slot = (schedule){0}; /* unset: always shown */
            break;
        case FIELD_TYPE:
        case FIELD_IMAGE:
        case FIELD_BACKGROUND:
        case FIELD_ITEMS:
        case FIELD_DATE:
        case FIELD_WEEKDAYS:
        case FIELD_HOURS:
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

const field *bind_find_row(const field_table *t, const char *key, unsigned type_bit)
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
    int *decimals = bind_at(base, f->offset);
    if (*decimals >= 0)
        return;
    *decimals = 0;
    char sub[256];
    bind_child_path(sub, sizeof sub, path, f->literal_of);
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
uint64_t bind_object(deck_loader *L, const field_table *t, const cJSON *obj,
                     const char *path, void *base)
{
    uint64_t present = 0;
    for (const cJSON *v = obj->child; v; v = v->next) {
        const char *key = v->string;
        /* Editors read "$schema" to offer completion; it is not a setting. */
        if (!*path && strcmp(key, "$schema") == 0)
            continue;
        char sub[256];
        bind_child_path(sub, sizeof sub, path, key);
        bool duplicate = false;
        for (const cJSON *prev = obj->child; prev != v; prev = prev->next)
            duplicate |= strcmp(prev->string, key) == 0;
        if (duplicate) {
            report_duplicate(L, key, sub);
            continue;
        }
        const field *f = bind_find_row(t, key, L->type_bit);
        if (!f) {
            report_unknown_key(L, t, key, path, sub);
            continue;
        }
        present |= UINT64_C(1) << (f - t->rows);
        bind_handlers[f->kind](L, f, v, sub, base);
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

/* A file's texts: Chinese in the fields, English beside them, until the
 * loader shows the deck's language. */
static void texts_of(deck_loader *L, deck_translations *t, void *base)
{
    t->shown = DECK_LANG_ZH;
    L->texts = t;
    L->text_base = base;
    L->text_item = -1;
}

void bind_settings_defaults(deck_loader *L, deck *d)
{
    texts_of(L, &d->other, d);
    bind_apply_defaults(L, &format_settings_table, d);
}

void bind_settings(deck_loader *L, const cJSON *root, deck *d)
{
    L->type_bit = 0;
    texts_of(L, &d->other, d);
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
    int t = bind_name_index(format_slide_type_names, type->valuestring);
    if (t < 0) {
        char names[128];
        report_list_names(format_slide_type_names, false, names, sizeof names);
        REPORT_AT(L, DIAG_ERROR, "type", false, MSG_TYPE_UNKNOWN, type->valuestring, names);
        return;
    }
    L->type_bit = FIELD_BIT(t);
    texts_of(L, &s->other, s);
    bind_apply_defaults(L, &format_slide_table, s);
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
