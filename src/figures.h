/* figures — a stats or chart slide's figures over time: when each one
 * counts and what it shows, when its growth badge fades in, and when the
 * whole slide has settled. This is the one place those times are worked
 * out: the renderer, --render's moment, --dump-layout and the live show's
 * "keep drawing" all ask here.
 *
 * It reads the slide's count_duration_ms, stagger_ms and easing (deck.h)
 * and leaves the curves and number formatting to anim. Pure: no SDL, times
 * are arguments. */
#ifndef KIOSK_FIGURES_H
#define KIOSK_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

#define FIGURES_BADGE_FADE_MS 350 /* a growth badge fades in after its figure lands */

/* Figure `item` starts counting item * stagger_ms after the slide appeared
 * and counts for count_duration_ms. Its linear progress in [0, 1] at
 * elapsed_ms: */
double figures_progress(const slide *s, size_t item, long long elapsed_ms);

/* True once figure `item` shows its final value. */
bool figures_landed(const slide *s, size_t item, long long elapsed_ms);

/* The opacity of figure `item`'s growth badge: 0 until the figure lands,
 * then rising to 1 over FIGURES_BADGE_FADE_MS. */
double figures_badge_alpha(const slide *s, size_t item, long long elapsed_ms);

/* Milliseconds after the slide appeared when every entry animation has
 * finished: the last figure has landed and every badge has faded in. 0 for
 * slides without figures (a photo's Ken Burns drift is continuous and
 * never settles). */
long long figures_settled_ms(const slide *s);

/* The figure's number (no prefix or unit) at linear progress t, formatted
 * with its decimals and `separator`. Returns the length like snprintf. */
size_t figures_text(char *buf, size_t cap, const stat_item *it, const char *separator,
                    anim_easing easing, double t);

/* The figure's final text (t = 1): the layout sizes the figure's number
 * slot on it, so a counting number never shifts sideways. */
size_t figures_final_text(char *buf, size_t cap, const stat_item *it, const char *separator);

#endif
