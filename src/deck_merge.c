#include "deck_merge.h"

#include <stdlib.h>
#include <string.h>

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool rgb_eq(deck_rgb a, deck_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static bool item_equal(const stat_item *a, const stat_item *b)
{
    return str_eq(a->label, b->label) && a->value == b->value &&
           a->decimals == b->decimals && str_eq(a->prefix, b->prefix) &&
           str_eq(a->unit, b->unit) && a->has_growth == b->has_growth &&
           (!a->has_growth || a->growth == b->growth) &&
           str_eq(a->growth_label, b->growth_label) && str_eq(a->icon, b->icon);
}

/* Every field of struct slide (deck.h); a field added there belongs here. */
bool deck_slide_equal(const slide *a, const slide *b)
{
    if (!str_eq(a->file, b->file) || a->type != b->type || !str_eq(a->title, b->title) ||
        !str_eq(a->subtitle, b->subtitle) || !str_eq(a->body, b->body) ||
        !str_eq(a->caption, b->caption) || !str_eq(a->note, b->note) ||
        !str_eq(a->chapter, b->chapter) || !str_eq(a->image, b->image) ||
        a->has_background_color != b->has_background_color ||
        (a->has_background_color && !rgb_eq(a->background_color, b->background_color)) ||
        !str_eq(a->background_image, b->background_image) || a->duration_ms != b->duration_ms ||
        a->transition.type != b->transition.type ||
        a->transition.duration_ms != b->transition.duration_ms || a->fit != b->fit ||
        a->ken_burns != b->ken_burns || a->n_items != b->n_items ||
        a->count_duration_ms != b->count_duration_ms || a->stagger_ms != b->stagger_ms ||
        a->easing != b->easing || !str_eq(a->separator, b->separator) ||
        a->chart != b->chart || !str_eq(a->error, b->error))
        return false;
    for (size_t i = 0; i < a->n_items; i++)
        if (!item_equal(&a->items[i], &b->items[i]))
            return false;
    return true;
}

bool deck_settings_equal(const deck *a, const deck *b)
{
    return str_eq(a->title, b->title) && a->width == b->width && a->height == b->height &&
           a->duration_ms == b->duration_ms && a->transition.type == b->transition.type &&
           a->transition.duration_ms == b->transition.duration_ms &&
           a->idle_timeout_ms == b->idle_timeout_ms &&
           a->count_duration_ms == b->count_duration_ms && a->lock == b->lock &&
           rgb_eq(a->theme.background, b->theme.background) &&
           rgb_eq(a->theme.text, b->theme.text) && rgb_eq(a->theme.accent, b->theme.accent) &&
           str_eq(a->theme.font, b->theme.font) && str_eq(a->theme.font_bold, b->theme.font_bold) &&
           a->theme.min_text_px == b->theme.min_text_px;
}

static int dup_or_null(char **out, const char *s)
{
    *out = NULL;
    if (s && !(*out = strdup(s)))
        return -1;
    return 0;
}

/* The settings of struct deck (deck.h) but dir and the slides. */
int deck_settings_copy(deck *dst, const deck *src)
{
    char *title = NULL, *font = NULL, *font_bold = NULL;
    if (dup_or_null(&title, src->title) || dup_or_null(&font, src->theme.font) ||
        dup_or_null(&font_bold, src->theme.font_bold)) {
        free(title);
        free(font);
        return -1;
    }
    free(dst->title);
    free(dst->theme.font);
    free(dst->theme.font_bold);
    dst->title = title;
    dst->width = src->width;
    dst->height = src->height;
    dst->duration_ms = src->duration_ms;
    dst->transition = src->transition;
    dst->idle_timeout_ms = src->idle_timeout_ms;
    dst->count_duration_ms = src->count_duration_ms;
    dst->lock = src->lock;
    dst->theme = src->theme;
    dst->theme.font = font;
    dst->theme.font_bold = font_bold;
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
