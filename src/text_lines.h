/* text_lines — where a paragraph's lines end: greedy filling, a short last
 * line given company, a runt avoided, headings balanced, justified text
 * broken as a whole. Internal to text.c; pure. */
#ifndef KIOSK_TEXT_LINES_H
#define KIOSK_TEXT_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "text_set.h"

/* Where each line of a paragraph starts, as atom indices; ends[k] is the
 * start of line k + 1 (the last is n). */
typedef struct {
    size_t *ends;
    size_t n, cap;
} line_ends;

/* Greedy filling at width w: each line takes as many atoms as fit, at least
 * one (a box narrower than one character still makes progress). */
int text_lines_fill(const text_atoms *at, double w, line_ends *le);
/* A last line of fewer than TEXT_LAST_LINE_MIN_CHARS ideographs looks
 * stranded on a panel: move the break before it back, opportunity by
 * opportunity, while the line above stays at least as wide as the last and
 * the last still fits, until it has enough (past three, only while the line
 * above does not grow loose). */
void text_lines_avoid_short_last(const text_atoms *at, double w, line_ends *le);
/* A paragraph of Western text only (no ideograph, fullwidth form or kana):
 * an English panel, set as one is set. */
bool text_lines_western(const text_atoms *at);
/* A last line of one word strands it (a runt): the word before it moves
 * down too, when the last line still fits and the line above keeps at
 * least half the measure (else the runt would only move up a line). A word
 * cut at characters because it is wider than the box stays as it was. */
void text_lines_avoid_runt(const text_atoms *at, double w, line_ends *le);
int text_lines_balance(const text_atoms *at, double w, line_ends *le);
int text_lines_total_fit(const text_atoms *at, double w, line_ends *le);

#endif
