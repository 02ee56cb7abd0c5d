/* deck_merge — the deck a running show plays after its folder changed.
 *
 * A reload never makes the show worse: each slide file is taken from the
 * new load when it is good, and keeps its last good version when it became
 * broken; a file that never had a good version is left out; a removed file
 * is gone. When nothing playable is left, a calm built-in slide saying
 * "内容更新中 / Content is being updated" stands in, so the screen is never
 * black. Which errors to report after a reload is decided here too, so a
 * broken file is reported once per change, not once per reload or loop.
 *
 * Slides are matched by file name (slides/NNN-name.json). Pure: no SDL. */
#ifndef KIOSK_DECK_MERGE_H
#define KIOSK_DECK_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "diag.h"

/* The file name of the built-in slide: never a real slide file. */
#define DECK_MERGE_PLACEHOLDER_FILE "(kiosk: content is being updated)"
#define DECK_MERGE_PLACEHOLDER_TITLE "内容更新中"
#define DECK_MERGE_PLACEHOLDER_SUBTITLE "Content is being updated"

typedef struct {
    size_t taken;   /* good slides taken from the new load */
    size_t kept;    /* broken in the new load, shown in their last good version */
    size_t left_out; /* broken with no good version to keep */
    bool placeholder; /* nothing playable: the built-in slide stands in */
} deck_merge_counts;

/* Builds the deck to show from `loaded` (a fresh deck_load) and `shown` (the
 * deck on screen, or NULL at start). Good slides of `loaded` and the last good
 * versions from `shown` are moved, not copied: afterwards `shown` holds only
 * what was dropped and is still the caller's to free with deck_free; `loaded`
 * is consumed (freed or reused as the result). Settings are the loaded ones:
 * the loader already keeps the last good settings when deck.json is broken
 * (deck_settings_copy). Returns NULL only when memory runs out (both inputs
 * are then untouched apart from `loaded` being freed). */
deck *deck_merge(deck *shown, deck *loaded, deck_merge_counts *counts);

/* Index in d of the slide from `file`, or (size_t)-1. */
size_t deck_merge_find(const deck *d, const char *file);

/* True when slides a and b would draw the same: every field equal. */
bool deck_slide_equal(const slide *a, const slide *b);

/* True when the settings that shape every slide (canvas, theme, fonts) are
 * equal. */
bool deck_settings_equal(const deck *a, const deck *b);

/* Replaces dst's settings (every row of deck.json, the title in both
 * languages) with copies of src's. Returns -1 (dst unchanged) when memory
 * runs out. */
int deck_settings_copy(deck *dst, const deck *src);

/* Appends the built-in "内容更新中 / Content is being updated" slide: a title
 * slide that never advances, in the deck's theme. Returns -1 when memory
 * runs out. */
int deck_add_placeholder(deck *d);

/* True when s is the built-in slide. */
bool deck_is_placeholder(const slide *s);

/* Whether diagnostic `d` of a new load should be reported: it is an error
 * (warnings are for --check) and either it was not among the errors of the
 * previous load (`before`) or its file is one of the `changed` paths
 * (n_changed of them; all_changed: every file changed, e.g. a reload asked
 * for by staff). Once per change: an unchanged broken file is not reported
 * again by later reloads, and a file broken, fixed and broken again is. */
bool deck_merge_should_report(const diag *d, const diag_list *before,
                              const char *const *changed, size_t n_changed,
                              bool all_changed);

#endif
