/* chapters — a deck's chapters, worked out in one place.
 *
 * The chapter bar's slots, the player's chapter jumps, the layout's room
 * for the bar and --check all read this table, so they cannot disagree:
 *
 *   - A chapter is named by the "chapter" key of a slide that can be shown.
 *     A broken slide names no chapter (the show skips it).
 *   - A name that is empty or only spaces ("", " ", "　") names no chapter:
 *     the slide belongs to the chapter before it, like a slide without the
 *     key. --check warns about such a name.
 *   - Chapters come in the order their names first appear; a name that comes
 *     back later (甲, 乙, 甲) is the same chapter, and the chapter starts at
 *     its first slide.
 *   - Every slide belongs to the chapter named last at or before it; slides
 *     before the first chapter belong to none (-1).
 *   - A chapter's slide count counts the slides that can be shown.
 *
 * Names are borrowed from the deck: a table lives no longer than its deck.
 * Pure: no SDL. */
#ifndef KIOSK_CHAPTERS_H
#define KIOSK_CHAPTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef struct {
    const char *name;   /* borrowed from the deck */
    size_t first_slide; /* deck index of its first slide */
    size_t n_slides;    /* slides in it that can be shown */
} chapter;

typedef struct chapters {
    chapter *list; /* in order of first appearance */
    size_t n;
    int *of_slide; /* per deck slide: its chapter, -1 before the first */
    size_t n_slides;
} chapters;

/* Whether `name` (a slide's "chapter", NULL when absent) names a chapter:
 * present and not empty or only spaces. */
bool chapters_is_name(const char *name);

/* Whether slide s starts or continues a chapter by its own name. */
bool chapters_slide_names(const slide *s);

/* Whether the deck has any chapter, i.e. shows a chapter bar. The same
 * answer as chapters_build(d).n > 0, without building. */
bool chapters_any(const deck *d);

/* Builds the table for deck d (NULL: no slides). Returns 0, or -1 when
 * memory runs out (out is then empty). Free with chapters_free. */
int chapters_build(const deck *d, chapters *out);

/* Frees the table and empties it; safe on an empty or zeroed table. */
void chapters_free(chapters *c);

/* The chapter of deck slide `index`, -1 before the first chapter or when
 * `index` is out of range. */
int chapters_of_slide(const chapters *c, size_t index);

#endif
