/* text_figures — the stretches of text that name a quantity and must stay on
 * one line: a figure with its qualifier and units (近10亿元, 58.58亿元,
 * 120万立方米/年, 108%), a Chinese numeral with its measure word (四大, 三地,
 * 第一, 万吨级), a date (10月18日, 2025年5月14日) and a range (3-5年,
 * 10%～20%). Pure. */
#ifndef KIOSK_TEXT_FIGURES_H
#define KIOSK_TEXT_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

/* For each such stretch of s[0..n) that starts at byte a and ends at byte
 * b, sets inside[p] = true for every character boundary a < p < b (inside
 * has n + 1 entries and is not cleared first). A line may not start at such
 * a p, and justification adds no space there. s must be valid UTF-8. */
void text_mark_figures(const char *s, size_t n, bool *inside);

#endif
