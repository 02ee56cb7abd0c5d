/* suggest — "did you mean …?": the known name a misspelt one was most
 * likely meant to be. Every spelling suggestion in kiosk comes from here.
 *
 * Distances are optimal string alignment distances ignoring ASCII case:
 * insertions, deletions, changes and swaps of two neighbours each cost one.
 * A candidate is close enough when at most 1 edit (names under 5 bytes) or
 * 2 edits (longer names) away, and fewer edits than its length. Pure. */
#ifndef KIOSK_SUGGEST_H
#define KIOSK_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

/* Edits that turn a into b; SIZE_MAX for names over 40 bytes. */
size_t suggest_distance(const char *a, const char *b);

/* Looking for the nearest candidate: start with the word as written, offer
 * every candidate in order, then ask for the best. Of equally near
 * candidates the first offered wins; empty candidates never do. */
typedef struct {
    const char *word;
    const char *best; /* NULL until a close-enough candidate was offered */
    size_t best_distance;
} suggest;

void suggest_start(suggest *s, const char *word);
void suggest_offer(suggest *s, const char *candidate);
static inline const char *suggest_best(const suggest *s) { return s->best; }

/* The nearest of a NULL-terminated list of names, or NULL. */
const char *suggest_nearest(const char *word, const char *const *names);

#endif
