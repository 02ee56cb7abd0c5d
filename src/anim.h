/* anim — easing curves, count-up values and number formatting: pure maths
 * that knows nothing of decks or slides (a slide's figure timing is in
 * figures.h). Pure: no SDL, times are arguments. */
#ifndef KIOSK_ANIM_H
#define KIOSK_ANIM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { EASE_LINEAR, EASE_OUT_CUBIC, EASE_OUT_EXPO } anim_easing;

/* Maps progress t (clamped to [0, 1]) through the curve. Guarantees
 * anim_ease(e, 0) == 0 and anim_ease(e, 1) == 1 exactly, monotone between. */
double anim_ease(anim_easing easing, double t);

/* The curves' names in a deck ("easeOutExpo") are rows of the deck format:
 * deck_easing_name (deck.h). */

/* Symmetric cubic ease-in-out on t clamped to [0, 1]; exact at both ends. */
double anim_ease_in_out(double t);

/* The value a counting figure shows at linear progress t (clamped to
 * [0, 1]) on its way from 0 to `target`: rounded to `decimals` places,
 * monotone (non-decreasing for target >= 0, non-increasing below), never
 * -0, and exactly `target` (the double given) from t = 1 on. Long counts
 * cruise at constant speed and ease only their last few hundred visible
 * steps (see anim.c). */
double anim_count_value(double target, int decimals, anim_easing easing,
                        double t);

/* Writes `value` with exactly `decimals` (0..9) places into buf (always
 * NUL-terminated when cap > 0), grouping the integer digits by three with
 * `separator` (NULL or "" for none): 2500 with "," → "2,500". Rounds half
 * away from zero on the decimal value as written (58.58 → "58.58"), never
 * prints "-0". Returns the length the full text needs, like snprintf. */
size_t anim_format_number(char *buf, size_t cap, double value, int decimals,
                          const char *separator);

#endif /* KIOSK_ANIM_H */
