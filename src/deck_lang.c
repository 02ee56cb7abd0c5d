/* The side lists of a deck in two languages: deck_lang.h. */
#include "deck_lang.h"

#include <stdlib.h>
#include <string.h>

static const char *const lang_names[DECK_N_LANGS] = {"zh", "en"};

const char *deck_lang_name(deck_lang lang)
{
    return (unsigned)lang < DECK_N_LANGS ? lang_names[lang] : "?";
}

int deck_lang_from_name(const char *name)
{
    for (int i = 0; i < DECK_N_LANGS; i++)
        if (strcmp(name, lang_names[i]) == 0)
            return i;
    return -1;
}

static deck_other_text *find(const deck_translations *t, int item, size_t offset)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->list[i].item == item && t->list[i].offset == offset)
            return &t->list[i];
    return NULL;
}

int deck_translations_set(deck_translations *t, int item, size_t offset, const char *text,
                          bool written)
{
    deck_other_text *e = find(t, item, offset);
    if (!text) {
        if (e) {
            free(e->text);
            *e = t->list[--t->n];
        }
        return 0;
    }
    char *copy = strdup(text);
    if (!copy)
        return -1;
    if (!e) {
        deck_other_text *grown = realloc(t->list, (t->n + 1) * sizeof *grown);
        if (!grown) {
            free(copy);
            return -1;
        }
        t->list = grown;
        e = &t->list[t->n++];
        *e = (deck_other_text){.item = item, .offset = offset};
    }
    free(e->text);
    e->text = copy;
    e->written = written;
    return 0;
}

void deck_translations_free(deck_translations *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->list[i].text);
    free(t->list);
    t->list = NULL;
    t->n = 0;
}

int deck_translations_copy(deck_translations *dst, const deck_translations *src)
{
    deck_translations copy = {.shown = src->shown};
    if (src->n) {
        copy.list = calloc(src->n, sizeof *copy.list);
        if (!copy.list)
            return -1;
    }
    for (size_t i = 0; i < src->n; i++) {
        copy.list[i] = src->list[i];
        copy.list[i].text = strdup(src->list[i].text);
        copy.n = i + 1;
        if (!copy.list[i].text) {
            copy.n = i;
            deck_translations_free(&copy);
            return -1;
        }
    }
    deck_translations_free(dst);
    *dst = copy;
    return 0;
}

bool deck_translations_written(const deck_translations *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->list[i].written)
            return true;
    return false;
}

const char *deck_translations_text_in(const deck_translations *t, int item, size_t offset,
                                      const char *shown, deck_lang lang)
{
    if (lang == t->shown)
        return shown;
    const deck_other_text *e = find(t, item, offset);
    return e ? e->text : shown;
}

/* The field an entry is about, in the object whose texts t holds. */
static char **slot_of(void *base, stat_item *items, const deck_other_text *e)
{
    char *at = e->item < 0 ? (char *)base : (char *)&items[e->item];
    return (char **)(at + e->offset);
}

static void show(deck_translations *t, void *base, stat_item *items, deck_lang lang)
{
    if (t->shown == lang)
        return;
    for (size_t i = 0; i < t->n; i++) {
        char **slot = slot_of(base, items, &t->list[i]);
        char *was = *slot;
        *slot = t->list[i].text;
        t->list[i].text = was;
    }
    t->shown = lang;
}

void deck_show_language(deck *d, deck_lang lang)
{
    show(&d->other, d, NULL, lang);
    for (size_t i = 0; i < d->n_slides; i++)
        show(&d->slides[i].other, &d->slides[i], d->slides[i].items, lang);
}

bool deck_bilingual(const deck *d)
{
    if (deck_translations_written(&d->other))
        return true;
    for (size_t i = 0; i < d->n_slides; i++)
        if (deck_translations_written(&d->slides[i].other))
            return true;
    return false;
}

const char *deck_slide_text_in(const slide *s, int item, size_t offset, deck_lang lang)
{
    const char *at = item < 0 ? (const char *)s : (const char *)&s->items[item];
    const char *shown = *(char *const *)(at + offset);
    return deck_translations_text_in(&s->other, item, offset, shown, lang);
}

const char *deck_title_in(const deck *d, deck_lang lang)
{
    return deck_translations_text_in(&d->other, -1, offsetof(deck, title), d->title, lang);
}

bool deck_translations_equal(const deck_translations *a, const deck_translations *b)
{
    if (a->shown != b->shown || a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++) {
        const deck_other_text *e = &a->list[i];
        const deck_other_text *o = find(b, e->item, e->offset);
        if (!o || o->written != e->written || strcmp(o->text, e->text) != 0)
            return false;
    }
    return true;
}

/* A copy of the side list's entries, the texts still the original's. */
static int share_list(deck_translations *t)
{
    if (!t->n) {
        t->list = NULL;
        return 0;
    }
    deck_other_text *copy = malloc(t->n * sizeof *copy);
    if (!copy)
        return -1;
    memcpy(copy, t->list, t->n * sizeof *copy);
    t->list = copy;
    return 0;
}

int deck_slide_view(const slide *s, deck_lang lang, slide *view)
{
    *view = *s;
    view->items = NULL;
    if (s->n_items) {
        view->items = malloc(s->n_items * sizeof *view->items);
        if (!view->items)
            return -1;
        memcpy(view->items, s->items, s->n_items * sizeof *view->items);
    }
    if (share_list(&view->other) != 0) {
        free(view->items);
        return -1;
    }
    show(&view->other, view, view->items, lang);
    return 0;
}

void deck_slide_view_free(slide *view)
{
    free(view->items);
    free(view->other.list);
}

int deck_settings_view(const deck *d, deck_lang lang, deck *view)
{
    *view = *d;
    if (share_list(&view->other) != 0)
        return -1;
    show(&view->other, view, NULL, lang);
    return 0;
}

void deck_settings_view_free(deck *view)
{
    free(view->other.list);
}
