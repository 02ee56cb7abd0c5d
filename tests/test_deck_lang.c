/* A deck in two languages (tests/data/decks/bilingual): what each text shows
 * in each language, a missing translation falling back to the other
 * language, swapping there and back, and a reload noticing a changed
 * translation. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "deck.h"
#include "deck_lang.h"
#include "deck_merge.h"

#define DECK_DIR KIOSK_TEST_DATA "/decks/bilingual"

typedef struct {
    size_t slide;
    int item; /* -1: a field of the slide */
    size_t offset;
    const char *name;
    const char *zh, *en;
} text_row;

static const text_row rows[] = {
    {0, -1, offsetof(slide, title), "title", "携手与共 感恩奋进",
     "Hand in hand, grateful and striving"},
    {0, -1, offsetof(slide, chapter), "chapter", "封面", "Cover"},
    {2, 0, offsetof(stat_item, label), "items[0].label", "合作资金", "Joint funds"},
    {2, 0, offsetof(stat_item, prefix), "items[0].prefix", "近", "nearly "},
    /* The default badge label has its English too. */
    {2, 0, offsetof(stat_item, growth_label), "items[0].growth_label", "同比增长",
     "year on year"},
    {2, 1, offsetof(stat_item, growth_label), "items[1].growth_label", "比上年",
     "on last year"},
    /* Missing translations: the other language stands in. */
    {2, 2, offsetof(stat_item, label), "items[2].label", "只有中文的标签", "只有中文的标签"},
    {2, -1, offsetof(slide, note), "note", "数据来源：忠县", "数据来源：忠县"},
    {4, -1, offsetof(slide, title), "title", "English only", "English only"},
    /* One string in every language. */
    {2, 2, offsetof(stat_item, unit), "items[2].unit", "%", "%"},
    {3, -1, offsetof(slide, qr.caption), "qr.caption", "扫码阅读全文",
     "Scan to read the article"},
};

static const char *shown(const deck *d, const text_row *r)
{
    const slide *s = &d->slides[r->slide];
    const char *base = r->item < 0 ? (const char *)s : (const char *)&s->items[r->item];
    return *(char *const *)(base + r->offset);
}

static void check_texts(const deck *d, deck_lang lang, const char *when)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const text_row *r = &rows[i];
        char ctx[160];
        snprintf(ctx, sizeof ctx, "%s: slide %zu %s", when, r->slide + 1, r->name);
        const char *want = lang == DECK_LANG_ZH ? r->zh : r->en;
        CHECK_STR(shown(d, r), want, ctx);
        /* The other language is read without swapping. */
        CHECK_STR(deck_slide_text_in(&d->slides[r->slide], r->item, r->offset, DECK_LANG_ZH),
                  r->zh, ctx);
        CHECK_STR(deck_slide_text_in(&d->slides[r->slide], r->item, r->offset, DECK_LANG_EN),
                  r->en, ctx);
    }
    CHECK_STR(d->title, lang == DECK_LANG_ZH ? "双语测试" : "Bilingual test", when);
}

static void check_swaps(void)
{
    diag_list diags = {0};
    deck *d = deck_load(DECK_DIR, KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d != NULL, "the bilingual deck loads");
    if (!d)
        return;
    CHECK(diag_count(&diags, DIAG_ERROR) == 0, "no errors");
    CHECK(deck_bilingual(d), "the deck is bilingual");
    CHECK(d->language == DECK_LANG_ZH && d->language_button == LANG_BUTTON_TOP_RIGHT,
          "language zh, button top-right");
    check_texts(d, DECK_LANG_ZH, "as loaded");
    deck_show_language(d, DECK_LANG_EN);
    check_texts(d, DECK_LANG_EN, "in English");
    deck_show_language(d, DECK_LANG_EN);
    check_texts(d, DECK_LANG_EN, "in English twice");
    deck_show_language(d, DECK_LANG_ZH);
    check_texts(d, DECK_LANG_ZH, "back in Chinese");

    /* A reload compares both languages, whichever each deck shows. */
    diag_list again_diags = {0};
    deck *again = deck_load(DECK_DIR, KIOSK_SOURCE_DIR "/fonts", &again_diags);
    CHECK(again != NULL, "the deck loads again");
    if (again) {
        deck_show_language(again, DECK_LANG_EN);
        for (size_t i = 0; i < d->n_slides; i++)
            CHECK(deck_slide_equal(&d->slides[i], &again->slides[i]),
                  "slide %zu: the same in another language is equal", i + 1);
        CHECK(deck_settings_equal(d, again), "settings in another language: equal");
        /* A changed translation is a change. */
        slide *s = &again->slides[0];
        free(s->title);
        s->title = strdup("Hand in hand");
        CHECK(!deck_slide_equal(&d->slides[0], s), "a changed English title differs");
        deck *copy = calloc(1, sizeof *copy);
        CHECK(copy && deck_settings_copy(copy, again) == 0, "settings copy");
        if (copy) {
            CHECK(deck_settings_equal(copy, d), "copied settings in English: equal");
            deck_show_language(copy, DECK_LANG_ZH);
            CHECK_STR(copy->title, "双语测试", "the copied title back in Chinese");
            deck_free(copy);
        }
        deck_free(again);
    }
    diag_list_clear(&again_diags);
    deck_free(d);
    diag_list_clear(&diags);
}

/* The side list itself: set, replace, remove, copy. */
static void check_translations(void)
{
    deck_translations t = {0}, c = {0};
    CHECK(deck_translations_set(&t, -1, 8, "a", true) == 0, "set");
    CHECK(deck_translations_set(&t, 0, 8, "b", false) == 0, "set in an item");
    CHECK(deck_translations_set(&t, -1, 8, "c", true) == 0 && t.n == 2, "replace keeps two");
    CHECK_STR(deck_translations_text_in(&t, -1, 8, "x", DECK_LANG_EN), "c", "replaced");
    CHECK_STR(deck_translations_text_in(&t, -1, 8, "x", DECK_LANG_ZH), "x", "shown language");
    CHECK_STR(deck_translations_text_in(&t, 1, 8, "x", DECK_LANG_EN), "x", "no entry");
    CHECK(deck_translations_written(&t), "written");
    CHECK(deck_translations_copy(&c, &t) == 0 && c.n == 2, "copy");
    CHECK(deck_translations_set(&t, -1, 8, NULL, true) == 0 && t.n == 1, "remove");
    CHECK(!deck_translations_written(&t), "only a default left: not written");
    CHECK_STR(deck_translations_text_in(&c, 0, 8, "x", DECK_LANG_EN), "b", "the copy keeps it");
    deck_translations_free(&t);
    deck_translations_free(&c);
    CHECK(deck_lang_from_name("en") == DECK_LANG_EN && deck_lang_from_name("fr") < 0 &&
              strcmp(deck_lang_name(DECK_LANG_ZH), "zh") == 0,
          "language names");
}

int main(void)
{
    check_swaps();
    check_translations();
    return check_done();
}
