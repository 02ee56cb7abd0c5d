/* deck_lang — a deck in two languages: the side lists that hold each text
 * field's other language (deck.h: deck_translations), and swapping them
 * into the fields when the language on screen changes.
 *
 * The binder fills the lists (Chinese in the fields, English beside them);
 * deck_show_language (deck.h) swaps; deck_merge compares and copies. Pure:
 * no SDL. */
#ifndef KIOSK_DECK_LANG_H
#define KIOSK_DECK_LANG_H

#include "deck.h"

/* Sets the other-language text of the field at (item, offset) to a copy of
 * `text`; NULL removes it. `written`: it comes from the file. Returns -1
 * (t unchanged) when memory runs out. */
int deck_translations_set(deck_translations *t, int item, size_t offset, const char *text,
                          bool written);

/* Frees the list; t is left empty (its shown language kept).
 * deck_translations_free on an empty list is a no-op. */
void deck_translations_free(deck_translations *t);

/* dst becomes a copy of src (the old list freed). -1 (dst unchanged) when
 * memory runs out. */
int deck_translations_copy(deck_translations *dst, const deck_translations *src);

/* True when the list has an entry written in a file. */
bool deck_translations_written(const deck_translations *t);

/* The text in `lang` of the field whose shown text is `shown`: the field's
 * own when `lang` is shown or the field has no other text. */
const char *deck_translations_text_in(const deck_translations *t, int item, size_t offset,
                                      const char *shown, deck_lang lang);

/* Same entries (in any order), texts and shown language. */
bool deck_translations_equal(const deck_translations *a, const deck_translations *b);

/* A view of s (or of d's settings) in `lang` without touching it: a copy of
 * the struct with its own items array and side list, swapped to `lang`;
 * the strings are still s's (d's), so the view is only read, and freed
 * with deck_slide_view_free (deck_settings_view_free), which frees those
 * two arrays only. -1 when memory runs out (nothing to free). */
int deck_slide_view(const slide *s, deck_lang lang, slide *view);
void deck_slide_view_free(slide *view);
int deck_settings_view(const deck *d, deck_lang lang, deck *view);
void deck_settings_view_free(deck *view);

#endif
