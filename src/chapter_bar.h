/* chapter_bar — the chapter names fitted into the bar at the bottom of
 * the screen, so every name shows whole or plainly shortened, never cut at
 * the screen's edge nor over its neighbour. In this order, the first that
 * fits: the names at the design size; smaller, down to a floor; at the
 * floor, names that do not fit their equal share shortened with "…" (each
 * keeping at least CHAPTER_BAR_MIN_CHARS characters); two rows, shrinking
 * and then shortening again. Widths through text.h's callback. Pure. */
#ifndef KIOSK_CHAPTER_BAR_H
#define KIOSK_CHAPTER_BAR_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

#define CHAPTER_BAR_MIN_CHARS 4 /* a shortened name keeps this many before "…" */

typedef struct {
    double x, y, w, h; /* the slot (a touch target), from the bar's top-left */
    char *text;        /* owned: the name as shown, perhaps ending in "…" */
    double text_w;     /* its width at the bar's px */
    bool cut;          /* shortened */
} chapter_slot;

typedef struct {
    chapter_slot *slots; /* owned, one per name, in order */
    size_t n;
    int px;      /* the names' size */
    int rows;    /* 1 or 2 */
    double h;    /* the bar's height: rows * row_h */
    bool any_cut;
} chapter_bar;

/* Fits names[0..n) into a bar bar_w wide whose rows are row_h high, at
 * max_px or smaller down to min_px (bold: the current chapter is drawn
 * bold, so every name is measured bold). Returns 0, -1 when memory runs
 * out. n == 0 gives an empty bar of height 0. */
int chapter_bar_fit(const char *const *names, size_t n, double bar_w, double row_h, int max_px,
                    int min_px, text_measure_fn measure, void *ctx, chapter_bar *out);

void chapter_bar_free(chapter_bar *b);

#endif
