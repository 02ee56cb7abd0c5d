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
