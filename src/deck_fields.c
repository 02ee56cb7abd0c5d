/* What the format's rows say beyond loading: which pointers a slide owns,
 * which texts it shows, and the names of its enumerations. Adding a key to
 * deck_format.c is enough for all of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "deck_format.h"

static void *at(void *base, size_t offset)
{
    return (char *)base + offset;
}

static const void *at_const(const void *base, size_t offset)
{
    return (const char *)base + offset;
}

bool field_number_range(const field *f, field_range *out)
{
    if (f->kind == FIELD_SECONDS && !f->ranged) {
        *out = (field_range){0, FORMAT_MAX_SECONDS, true};
        return true;
    }
    *out = (field_range){f->min, f->max, f->min_exclusive};
    return f->ranged;
}

void format_free(const field_table *t, void *base)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        switch (f->kind) {
        case FIELD_STRING:
        case FIELD_CHOICE:
        case FIELD_IMAGE:
        case FIELD_FONT:
        case FIELD_BACKGROUND: {
            /* A key with one row per slide type shares its slot: the first
             * row frees it, the next finds NULL. */
            char **slot = at(base, f->offset);
            free(*slot);
            *slot = NULL;
            break;
        }
        case FIELD_OBJECT:
            format_free(f->sub, at(base, f->offset));
            break;
        case FIELD_ITEMS: {
            stat_item **items = at(base, f->offset);
            size_t *n = at(base, f->has_offset);
            for (size_t k = 0; *items && k < *n; k++)
                format_free(f->sub, &(*items)[k]);
            free(*items);
            *items = NULL;
            *n = 0;
            break;
        }
        default:
            break;
        }
    }
}

/* A later row of the same key and slot (one row per slide type) names a
 * slot an earlier row already handled. */
static bool slot_seen(const field_table *t, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (t->rows[j].offset == t->rows[i].offset && t->rows[j].kind == t->rows[i].kind)
            return true;
    return false;
}

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool rgb_eq(deck_rgb a, deck_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

#define SAME(type, off) (*(const type *)at_const(a, (off)) == *(const type *)at_const(b, (off)))

static bool row_equal(const field *f, const void *a, const void *b)
{
    switch (f->kind) {
    case FIELD_TYPE: /* not stored at an offset: the caller compares types */
        return true;
    case FIELD_STRING:
    case FIELD_CHOICE:
    case FIELD_IMAGE:
    case FIELD_FONT:
        return str_eq(*(char *const *)at_const(a, f->offset), *(char *const *)at_const(b, f->offset));
    case FIELD_BACKGROUND: {
        /* The binder keeps a colour beside the image slot (bind_background). */
        const slide *sa = a, *sb = b;
        return str_eq(sa->background_image, sb->background_image) &&
               sa->has_background_color == sb->has_background_color &&
               (!sa->has_background_color || rgb_eq(sa->background_color, sb->background_color));
    }
    case FIELD_SECONDS:
    case FIELD_INT:
    case FIELD_DECIMALS:
    case FIELD_ENUM:
        return SAME(int, f->offset);
    case FIELD_NUMBER:
        if (f->has_offset && !SAME(bool, f->has_offset))
            return false;
        return (f->has_offset && !*(const bool *)at_const(a, f->has_offset)) ||
               SAME(double, f->offset);
    case FIELD_BOOL:
        return SAME(bool, f->offset);
    case FIELD_COLOR:
        return rgb_eq(*(const deck_rgb *)at_const(a, f->offset),
                      *(const deck_rgb *)at_const(b, f->offset));
    case FIELD_TRANSITION: {
        const transition_spec *ta = at_const(a, f->offset), *tb = at_const(b, f->offset);
        return ta->type == tb->type && ta->duration_ms == tb->duration_ms;
    }
    case FIELD_SIZE:
        return SAME(int, f->offset) && SAME(int, f->offset + sizeof(int));
    case FIELD_OBJECT:
        return format_equal(f->sub, at_const(a, f->offset), at_const(b, f->offset));
    case FIELD_SCHEDULE:
        return schedule_equal(at_const(a, f->offset), at_const(b, f->offset));
    case FIELD_DATE:
        return SAME(bool, f->has_offset) &&
               (!*(const bool *)at_const(a, f->has_offset) || SAME(long long, f->offset));
    case FIELD_WEEKDAYS:
        return SAME(unsigned, f->offset);
    case FIELD_HOURS: {
        if (!SAME(size_t, f->has_offset))
            return false;
        const schedule_hours *ha = at_const(a, f->offset), *hb = at_const(b, f->offset);
        for (size_t k = 0; k < *(const size_t *)at_const(a, f->has_offset); k++)
            if (ha[k].start_s != hb[k].start_s || ha[k].end_s != hb[k].end_s)
                return false;
        return true;
    }
    case FIELD_ITEMS: {
        if (!SAME(size_t, f->has_offset))
            return false;
        const stat_item *ia = *(stat_item *const *)at_const(a, f->offset);
        const stat_item *ib = *(stat_item *const *)at_const(b, f->offset);
        size_t n = *(const size_t *)at_const(a, f->has_offset);
        for (size_t k = 0; k < n; k++)
            if (!format_equal(f->sub, &ia[k], &ib[k]))
                return false;
        return true;
    }
    }
    return false;
}

#undef SAME

bool format_equal(const field_table *t, const void *a, const void *b)
{
    for (size_t i = 0; i < t->n; i++)
        if (!slot_seen(t, i) && !row_equal(&t->rows[i], a, b))
            return false;
    return true;
}

/* Replaces the pointer in *slot by a copy of what it points to; NULL stays
 * NULL. Once `*failed`, only clears the slot, so format_free can free what
 * was copied before. */
static void dup_string(char **slot, bool *failed)
{
    if (*slot && !*failed && !(*slot = strdup(*slot)))
        *failed = true;
    else if (*failed)
        *slot = NULL;
}

static void dup_rows(const field_table *t, void *base, bool *failed)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        if (slot_seen(t, i))
            continue;
        switch (f->kind) {
        case FIELD_STRING:
        case FIELD_CHOICE:
        case FIELD_IMAGE:
        case FIELD_FONT:
        case FIELD_BACKGROUND:
            dup_string(at(base, f->offset), failed);
            break;
        case FIELD_OBJECT:
            dup_rows(f->sub, at(base, f->offset), failed);
            break;
        case FIELD_ITEMS: {
            stat_item **items = at(base, f->offset);
            size_t *n = at(base, f->has_offset);
            stat_item *copy = NULL;
            if (*items && !*failed && (copy = malloc(*n * sizeof *copy)))
                memcpy(copy, *items, *n * sizeof *copy);
            else if (*items && !*failed)
                *failed = true;
            *items = copy;
            if (!copy)
                *n = 0;
            for (size_t k = 0; k < *n; k++)
                dup_rows(f->sub, &copy[k], failed);
            break;
        }
        case FIELD_TYPE:
        case FIELD_SECONDS:
        case FIELD_INT:
        case FIELD_DECIMALS:
        case FIELD_NUMBER:
        case FIELD_BOOL:
        case FIELD_COLOR:
        case FIELD_ENUM:
        case FIELD_TRANSITION:
        case FIELD_SIZE:
        case FIELD_SCHEDULE:
        case FIELD_DATE:
        case FIELD_WEEKDAYS:
        case FIELD_HOURS:
            break; /* plain values: copied with the struct */
        }
    }
}

int format_dup(const field_table *t, void *base)
{
    bool failed = false;
    dup_rows(t, base, &failed);
    if (failed)
        format_free(t, base);
    return failed ? -1 : 0;
}

static void visit_texts(const field_table *t, const void *base, unsigned type_bit,
                        const char *prefix, deck_text_fn fn, void *ctx)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        if (!field_applies(f, type_bit))
            continue;
        /* A key with a row per slide type is read by one of them only. */
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(t->rows[j].key, f->key) == 0 && field_applies(&t->rows[j], type_bit);
        if (seen)
            continue;
        char path[96];
        snprintf(path, sizeof path, "%s%s", prefix, f->key);
        if (f->kind == FIELD_STRING && !f->not_drawn) {
            const char *text = *(char *const *)at_const(base, f->offset);
            if (text && (!f->shown_if || *(const bool *)at_const(base, f->shown_if)))
                fn(ctx, path, text);
        } else if (f->kind == FIELD_OBJECT) {
            char sub[128];
            snprintf(sub, sizeof sub, "%s.", path);
            visit_texts(f->sub, at_const(base, f->offset), type_bit, sub, fn, ctx);
        } else if (f->kind == FIELD_ITEMS) {
            const stat_item *items = *(stat_item *const *)at_const(base, f->offset);
            size_t n = *(const size_t *)at_const(base, f->has_offset);
            for (size_t k = 0; items && k < n; k++) {
                char item[128];
                snprintf(item, sizeof item, "%s[%zu].", path, k);
                visit_texts(f->sub, &items[k], type_bit, item, fn, ctx);
            }
        }
    }
}

void deck_slide_texts(const slide *s, deck_text_fn fn, void *ctx)
{
    if (s->type == SLIDE_BROKEN)
        return;
    visit_texts(&format_slide_table, s, FIELD_BIT(s->type), "", fn, ctx);
}

const char *deck_easing_name(anim_easing e)
{
    for (size_t i = 0; i < format_slide_table.n; i++) {
        const field *f = &format_slide_table.rows[i];
        if (f->kind != FIELD_ENUM || f->offset != offsetof(slide, easing))
            continue;
        for (size_t k = 0; f->names[k]; k++)
            if (f->values[k] == (int)e)
                return f->names[k];
    }
    return "?";
}
