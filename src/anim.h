/* anim — easing curves, count-up values and number formatting. Pure: no SDL,
 * times are arguments. */
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

/* The figure functions read a slide's timing and items (deck.h). Declared
 * through the struct tags so this header and deck.h need not include each
 * other in a loop; C11 allows the typedefs to be repeated there. */
typedef struct slide slide;
typedef struct stat_item stat_item;

/* A stats/chart slide's figure timing, from the slide's count_duration_ms,
 * stagger_ms and easing (deck.h). Figure `item` starts counting at
 * item * stagger_ms after the slide appeared (elapsed_ms) and counts for
 * count_duration_ms. */

/* Linear progress of figure `item` in [0, 1] at elapsed_ms. */
double anim_item_progress(const slide *s, size_t item,
                          long long elapsed_ms);

/* True once figure `item` shows its final value: its growth badge appears
 * from then on. */
bool anim_item_landed(const slide *s, size_t item,
                      long long elapsed_ms);

/* Milliseconds after the slide appeared when every entry animation has
 * finished; 0 for slides without figures (a photo's Ken Burns drift is
 * continuous and never "finishes"). */
long long anim_slide_settle_ms(const slide *s);

/* The figure's number (no prefix or unit) at linear progress t, formatted
 * with its decimals and `separator`. Returns the length like snprintf. */
size_t anim_item_text(char *buf, size_t cap, const stat_item *it,
                      const char *separator, anim_easing easing, double t);

/* The figure's final text (t = 1): the renderer centres the figure on this
 * width, and draws digits in fixed-width slots, so a counting number never
 * shifts sideways. */
size_t anim_final_text(char *buf, size_t cap, const stat_item *it,
                       const char *separator);

#endif /* KIOSK_ANIM_H */
