/* anim — easing curves, count-up values and number formatting. Pure: no SDL,
 * times are arguments. */
#ifndef KIOSK_ANIM_H
#define KIOSK_ANIM_H

#include <stddef.h>

typedef enum { EASE_LINEAR, EASE_OUT_CUBIC, EASE_OUT_EXPO } anim_easing;

/* Maps progress t (clamped to [0, 1]) through the curve. Guarantees
 * anim_ease(e, 0) == 0 and anim_ease(e, 1) == 1 exactly, monotone between. */
double anim_ease(anim_easing easing, double t);

/* Looks up an easing by its deck name ("linear", "easeOutCubic",
 * "easeOutExpo"); returns 0 and sets *out on success, -1 if unknown. */
int anim_easing_from_name(const char *name, anim_easing *out);

#endif
