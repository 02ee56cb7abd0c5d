#include "deck_merge.h"

#include "deck_format.h"
#include "deck_lang.h"

#include <stdlib.h>
#include <string.h>

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* What the rows do not hold (the file, the type, a broken slide's error),
 * then every row and the other language's texts. Slides showing different
 * languages (one kept from before a switch) are compared in a's: b is
 * viewed in it; out of memory, they count as different, which only costs a
 * redraw. */
bool deck_slide_equal(const slide *a, const slide *b)
{
    if (!str_eq(a->file, b->file) || a->type != b->type || !str_eq(a->error, b->error))
        return false;
    if (a->other.shown == b->other.shown)
        return format_equal(&format_slide_table, a, b) &&
               deck_translations_equal(&a->other, &b->other);
    slide view;
    if (deck_slide_view(b, a->other.shown, &view) != 0)
        return false;
    bool same = format_equal(&format_slide_table, a, &view) &&
                deck_translations_equal(&a->other, &view.other);
    deck_slide_view_free(&view);
    return same;
}

bool deck_settings_equal(const deck *a, const deck *b)
{
    if (a->other.shown == b->other.shown)
        return format_equal(&format_settings_table, a, b) &&
               deck_translations_equal(&a->other, &b->other);
    deck view;
    if (deck_settings_view(b, a->other.shown, &view) != 0)
        return false;
    bool same = format_equal(&format_settings_table, a, &view) &&
                deck_translations_equal(&a->other, &view.other);
    deck_settings_view_free(&view);
    return same;
}

int deck_settings_copy(deck *dst, const deck *src)
{
    deck copy = *src;
    copy.other = (deck_translations){0};
    if (deck_translations_copy(&copy.other, &src->other) != 0)
        return -1;
    if (format_dup(&format_settings_table, &copy)) {
        deck_translations_free(&copy.other);
        return -1;
    }
    format_free(&format_settings_table, dst);
    deck_translations_free(&dst->other);
    copy.dir = dst->dir;
    copy.slides = dst->slides;
    copy.n_slides = dst->n_slides;
    *dst = copy;
    return 0;
}

size_t deck_merge_find(const deck *d, const char *file)
{
    for (size_t i = 0; d && file && i < d->n_slides; i++)
        if (d->slides[i].file && strcmp(d->slides[i].file, file) == 0)
            return i;
    return (size_t)-1;
}

bool deck_is_placeholder(const slide *s)
{
    return s->file && strcmp(s->file, DECK_MERGE_PLACEHOLDER_FILE) == 0;
}

int deck_add_placeholder(deck *d)
{
    slide *grown = realloc(d->slides, (d->n_slides + 1) * sizeof *grown);
    if (!grown)
        return -1;
    d->slides = grown;
    slide *s = &d->slides[d->n_slides];
    memset(s, 0, sizeof *s);
    s->type = SLIDE_TITLE;
    s->file = strdup(DECK_MERGE_PLACEHOLDER_FILE);
    s->title = strdup(DECK_MERGE_PLACEHOLDER_TITLE);
    s->subtitle = strdup(DECK_MERGE_PLACEHOLDER_SUBTITLE);
    if (!s->file || !s->title || !s->subtitle) {
        free(s->file);
        free(s->title);
        free(s->subtitle);
        return -1;
    }
    s->duration_ms = 0; /* stays until real content arrives */
    s->transition = (transition_spec){TRANSITION_FADE, DECK_DEFAULT_TRANSITION_MS};
    s->fit = FIT_COVER;
    s->easing = EASE_OUT_EXPO;
    d->n_slides++;
    return 0;
}

deck *deck_merge(deck *shown, deck *loaded, deck_merge_counts *counts)
{
    deck_merge_counts c = {0};
    size_t n = 0, n_drop = 0;
    /* Everything is allocated before anything moves, so running out of
     * memory leaves `shown` as it was. Dropped slides go to `discard`, which
     * deck_free clears like any deck (slide_clear is the loader's). */
    slide *out = calloc(loaded->n_slides + 1, sizeof *out);
    deck *discard = calloc(1, sizeof *discard);
    if (discard)
        discard->slides = calloc(loaded->n_slides + 1, sizeof *discard->slides);
    if (!out || !discard || !discard->slides) {
        free(out);
        deck_free(discard);
        deck_free(loaded);
        return NULL;
    }
    for (size_t i = 0; i < loaded->n_slides; i++) {
        slide *s = &loaded->slides[i];
        size_t k = s->type == SLIDE_BROKEN ? deck_merge_find(shown, s->file) : (size_t)-1;
        if (s->type != SLIDE_BROKEN) {
            out[n++] = *s;
            c.taken++;
        } else if (k != (size_t)-1 && shown->slides[k].type != SLIDE_BROKEN &&
                   !deck_is_placeholder(&shown->slides[k])) {
            out[n++] = shown->slides[k];
            memset(&shown->slides[k], 0, sizeof shown->slides[k]);
            discard->slides[n_drop++] = *s;
            c.kept++;
        } else {
            discard->slides[n_drop++] = *s;
            c.left_out++;
        }
    }
    discard->n_slides = n_drop;
    deck_free(discard);
    free(loaded->slides);
    loaded->slides = out;
    loaded->n_slides = n;
    if (n == 0) {
        if (deck_add_placeholder(loaded) != 0) {
            deck_free(loaded);
            return NULL;
        }
        c.placeholder = true;
    }
    if (counts)
        *counts = c;
    return loaded;
}

static bool same_diag(const diag *a, const diag *b)
{
    return a->severity == b->severity && a->line == b->line && a->col == b->col &&
           str_eq(a->path, b->path) && str_eq(a->message, b->message);
}

bool deck_merge_should_report(const diag *d, const diag_list *before,
                              const char *const *changed, size_t n_changed,
                              bool all_changed)
{
    if (d->severity != DIAG_ERROR)
        return false;
    if (all_changed)
        return true;
    for (size_t i = 0; i < n_changed; i++)
        if (str_eq(changed[i], d->path))
            return true;
    for (size_t i = 0; before && i < before->n; i++)
        if (same_diag(&before->items[i], d))
            return false;
    return true;
}
