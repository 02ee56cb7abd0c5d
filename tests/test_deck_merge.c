/* deck_merge: (deck on screen, new load) → the deck shown, row by row.
 * Decks are written as "file:title" for a good slide and "file!" for a
 * broken one, e.g. "a:A b! c:C". */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "deck_format.h"
#include "deck_merge.h"

static deck *make(const char *spec)
{
    if (!spec)
        return NULL;
    deck *d = calloc(1, sizeof *d);
    d->slides = calloc(16, sizeof *d->slides);
    d->dir = strdup("deck");
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        slide *s = &d->slides[d->n_slides++];
        char *colon = strchr(tok, ':');
        size_t n = colon ? (size_t)(colon - tok) : strlen(tok) - 1;
        char file[64];
        snprintf(file, sizeof file, "slides/%.*s.json", (int)n, tok);
        s->file = strdup(file);
        if (colon) {
            s->type = SLIDE_TITLE;
            s->title = strdup(colon + 1);
        } else {
            s->type = SLIDE_BROKEN;
            s->error = strdup("broken");
        }
    }
    return d;
}

/* The merged deck written back in the same notation. */
static void describe(const deck *d, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < d->n_slides && n < cap; i++) {
        const slide *s = &d->slides[i];
        const char *f = s->file;
        if (strncmp(f, "slides/", 7) == 0)
            f += 7;
        int len = (int)strcspn(f, ".");
        if (deck_is_placeholder(s))
            n += (size_t)snprintf(out + n, cap - n, "%s(placeholder)", i ? " " : "");
        else
            n += (size_t)snprintf(out + n, cap - n, "%s%.*s%s%s", i ? " " : "", len, f,
                                  s->type == SLIDE_BROKEN ? "!" : ":",
                                  s->type == SLIDE_BROKEN ? "" : s->title);
    }
}

typedef struct {
    const char *name;
    const char *shown; /* NULL: the first load */
    const char *loaded;
    const char *want;
    deck_merge_counts counts;
} merge_row;

static const merge_row MERGE_ROWS[] = {
    {"first load: broken slides are left out", NULL, "a:A b! c:C", "a:A c:C", {2, 0, 1, false}},
    {"a changed slide is taken", "a:A b:B", "a:A b:B2", "a:A b:B2", {2, 0, 0, false}},
    {"a slide that became broken keeps its last good version", "a:A b:B c:C", "a:A b! c:C",
     "a:A b:B c:C", {2, 1, 0, false}},
    {"a fixed slide takes effect", "a:A b:B", "a:A b:B3", "a:A b:B3", {2, 0, 0, false}},
    {"an added slide takes its place by name", "a:A c:C", "a:A b:B c:C", "a:A b:B c:C",
     {3, 0, 0, false}},
    {"an added broken slide never had a good version", "a:A", "a:A b!", "a:A", {1, 0, 1, false}},
    {"a removed slide is gone", "a:A b:B c:C", "a:A c:C", "a:A c:C", {2, 0, 0, false}},
    {"a renamed slide is the new name", "a:A b:B", "a:A d:B", "a:A d:B", {2, 0, 0, false}},
    {"renamed and broken: no good version under the new name", "a:A b:B", "a:A d!", "a:A",
     {1, 0, 1, false}},
    {"nothing valid at start: the built-in slide", NULL, "a! b!", "(placeholder)", {0, 0, 2, true}},
    {"empty folder: the built-in slide", "a:A", "", "(placeholder)", {0, 0, 0, true}},
    {"all broken, all with good versions: the show goes on", "a:A b:B", "a! b!", "a:A b:B",
     {0, 2, 0, false}},
    {"content after the built-in slide replaces it", "", "a:A", "a:A", {1, 0, 0, false}},
};

static void test_merge(void)
{
    for (size_t r = 0; r < sizeof MERGE_ROWS / sizeof *MERGE_ROWS; r++) {
        const merge_row *w = &MERGE_ROWS[r];
        deck *shown = make(w->shown);
        if (shown && shown->n_slides == 0)
            deck_add_placeholder(shown); /* "" as shown: the built-in slide was on */
        deck *loaded = make(w->loaded);
        deck_merge_counts c;
        deck *m = deck_merge(shown, loaded, &c);
        char got[256];
        describe(m, got, sizeof got);
        CHECK_STR(got, w->want, w->name);
        CHECK(c.taken == w->counts.taken && c.kept == w->counts.kept &&
                  c.left_out == w->counts.left_out && c.placeholder == w->counts.placeholder,
              "%s: expected counts %zu/%zu/%zu/%d, got %zu/%zu/%zu/%d", w->name, w->counts.taken,
              w->counts.kept, w->counts.left_out, w->counts.placeholder, c.taken, c.kept,
              c.left_out, c.placeholder);
        CHECK(deck_playable_count(m) > 0, "%s: something to show", w->name);
        deck_free(shown); /* what was not moved */
        deck_free(m);
    }
}

static void test_equal(void)
{
    deck *a = make("a:A b:B"), *b = make("a:A b:B");
    CHECK(deck_slide_equal(&a->slides[0], &b->slides[0]), "same slide: equal");
    CHECK(!deck_slide_equal(&a->slides[0], &b->slides[1]), "other file: differs");
    free(b->slides[0].title);
    b->slides[0].title = strdup("A2");
    CHECK(!deck_slide_equal(&a->slides[0], &b->slides[0]), "other title: differs");
    b->slides[1].duration_ms = 5;
    CHECK(!deck_slide_equal(&a->slides[1], &b->slides[1]), "other duration: differs");
    CHECK(deck_settings_equal(a, b), "default settings: equal");
    a->theme.font = strdup("fonts/x.otf");
    CHECK(!deck_settings_equal(a, b), "another font: differs");
    a->title = strdup("Hall");
    a->duration_ms = 7000;
    CHECK(deck_settings_copy(b, a) == 0 && deck_settings_equal(a, b), "copied settings: equal");
    CHECK(b->title != a->title && strcmp(b->title, "Hall") == 0, "the copy owns its strings");
    deck_free(a);
    deck_free(b);
}

/* Changes the value row f keeps at base into another valid one. */
static void mutate(const field *f, void *base)
{
    char *at = (char *)base + f->offset;
    switch (f->kind) {
    case FIELD_STRING:
    case FIELD_CHOICE:
    case FIELD_IMAGE:
    case FIELD_FONT: {
        char **slot = (char **)at;
        free(*slot);
        *slot = strdup("changed");
        break;
    }
    case FIELD_BACKGROUND:
        ((slide *)base)->has_background_color = true;
        ((slide *)base)->background_color.g = 9;
        break;
    case FIELD_SECONDS:
    case FIELD_INT:
    case FIELD_DECIMALS:
    case FIELD_ENUM:
        *(int *)at += 1;
        break;
    case FIELD_NUMBER:
        if (f->has_offset)
            *(bool *)((char *)base + f->has_offset) = true;
        *(double *)at += 1;
        break;
    case FIELD_BOOL:
        *(bool *)at = !*(bool *)at;
        break;
    case FIELD_COLOR:
        ((deck_rgb *)at)->b ^= 1;
        break;
    case FIELD_TRANSITION:
        ((transition_spec *)at)->duration_ms += 1;
        break;
    case FIELD_SIZE:
        ((int *)at)[1] += 1;
        break;
    case FIELD_DATE:
        *(bool *)((char *)base + f->has_offset) = true;
        *(long long *)at += 1;
        break;
    case FIELD_WEEKDAYS:
        *(unsigned *)at ^= 1;
        break;
    case FIELD_HOURS:
        *(size_t *)((char *)base + f->has_offset) = 1;
        ((schedule_hours *)at)[0] = (schedule_hours){3600, 7200};
        break;
    case FIELD_TYPE:
    case FIELD_OBJECT:
    case FIELD_SCHEDULE:
    case FIELD_ITEMS:
        break; /* walked by the caller */
    }
}

/* Every row of t, nested rows included, changed one at a time in a fresh
 * object (built by `make_one` for each row), must make `equal`
 * (deck_slide_equal, deck_settings_equal) say the two differ: a row the
 * reload's comparison misses would keep an edit off the screen. */
typedef void *(*make_fn)(void);
typedef void (*free_fn)(void *);
typedef bool (*equal_fn)(const void *, const void *);

static void check_rows_compared(const char *what, const field_table *t, make_fn make_one,
                                free_fn free_one, equal_fn equal, size_t depth_offset,
                                bool in_items)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        if (f->kind == FIELD_TYPE)
            continue;
        if (f->kind == FIELD_OBJECT || f->kind == FIELD_SCHEDULE || f->kind == FIELD_ITEMS) {
            check_rows_compared(what, f->sub, make_one, free_one, equal,
                                f->kind != FIELD_ITEMS ? depth_offset + f->offset : 0,
                                f->kind == FIELD_ITEMS);
            continue;
        }
        void *a = make_one(), *b = make_one();
        CHECK(equal(a, b), "%s: two fresh copies are equal", what);
        void *target = in_items ? (void *)&((slide *)b)->items[0] : (char *)b + depth_offset;
        mutate(f, target);
        CHECK(!equal(a, b), "%s: a change of \"%s\" is noticed", what, f->key);
        free_one(a);
        free_one(b);
    }
}

static void *make_slide(void)
{
    deck *d = make("a:A");
    slide *s = malloc(sizeof *s);
    *s = d->slides[0];
    d->n_slides = 0;
    deck_free(d);
    s->n_items = 1;
    s->items = calloc(1, sizeof *s->items);
    s->items[0].label = strdup("label");
    return s;
}

static void free_slide(void *p)
{
    slide *s = p;
    format_free(&format_slide_table, s);
    free(s->file);
    free(s->error);
    free(s);
}

static void *make_settings(void)
{
    return make("a:A");
}

static void free_settings(void *p)
{
    deck_free(p);
}

static bool slides_equal(const void *a, const void *b)
{
    return deck_slide_equal(a, b);
}

static bool settings_equal(const void *a, const void *b)
{
    return deck_settings_equal(a, b);
}

static void test_every_row_compared(void)
{
    check_rows_compared("slide", &format_slide_table, make_slide, free_slide, slides_equal, 0,
                        false);
    check_rows_compared("deck.json", &format_settings_table, make_settings, free_settings,
                        settings_equal, 0, false);
}

static void test_settings_copy_is_whole(void)
{
    deck *a = make("a:A"), *b = make("b:B");
    a->title = strdup("Hall");
    a->theme.font = strdup("fonts/x.otf");
    a->max_image_megapixels = 12;
    a->lock = true;
    CHECK(deck_settings_copy(b, a) == 0, "copy succeeds");
    CHECK(deck_settings_equal(a, b), "every setting copied, the pixel limit included");
    CHECK(b->theme.font != a->theme.font, "the copy owns its font path");
    CHECK(b->n_slides == 1 && strcmp(b->slides[0].title, "B") == 0, "the slides stay dst's");
    CHECK(strcmp(b->dir, "deck") == 0 && b->dir != a->dir, "the folder stays dst's");
    deck_free(a);
    deck_free(b);
}

typedef struct {
    const char *name;
    diag d;
    const char *changed; /* one path or NULL */
    bool all, want;
} report_row;

static void test_report(void)
{
    diag before_items[] = {
        {.path = "slides/b.json", .line = 3, .col = 7, .severity = DIAG_ERROR, .message = "bad"},
    };
    diag_list before = {before_items, 1, 1, MSG_EN};
    const report_row rows[] = {
        {"new error: reported", {"slides/c.json", 1, 1, DIAG_ERROR, false, "bad", -1}, NULL, false, true},
        {"same error, file untouched: not again", {"slides/b.json", 3, 7, DIAG_ERROR, false, "bad", -1},
         NULL, false, false},
        {"same error, file saved again: reported", {"slides/b.json", 3, 7, DIAG_ERROR, false, "bad", -1},
         "slides/b.json", false, true},
        {"error moved within the file: reported", {"slides/b.json", 4, 1, DIAG_ERROR, false, "bad", -1},
         NULL, false, true},
        {"staff asked for a reload: everything", {"slides/b.json", 3, 7, DIAG_ERROR, false, "bad", -1},
         NULL, true, true},
        {"warnings are for --check", {"slides/c.json", 1, 1, DIAG_WARNING, false, "hm", -1}, NULL, true,
         false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *changed[1] = {rows[i].changed};
        bool got = deck_merge_should_report(&rows[i].d, &before, changed, rows[i].changed ? 1 : 0,
                                            rows[i].all);
        CHECK(got == rows[i].want, "%s: expected %d", rows[i].name, rows[i].want);
    }
}

int main(void)
{
    test_merge();
    test_equal();
    test_every_row_compared();
    test_settings_copy_is_whole();
    test_report();
    return check_done();
}
