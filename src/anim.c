#include "anim.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define ANIM_MAX_DECIMALS 9

/* A count of more visible steps than this cruises at constant speed and
 * eases only over its last COUNT_LANDING_STEPS steps (a step is one unit of
 * the last shown digit). */
#define COUNT_LANDING_STEPS 300.0
/* Share of the count's time given to that eased landing. */
#define COUNT_LANDING_SHARE 0.4

static const double pow10_table[ANIM_MAX_DECIMALS + 1] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
};

static double clamp01(double t)
{
    if (!(t > 0.0)) /* also catches NaN */
        return 0.0;
    return t < 1.0 ? t : 1.0;
}

static int clamp_decimals(int decimals)
{
    if (decimals < 0)
        return 0;
    return decimals > ANIM_MAX_DECIMALS ? ANIM_MAX_DECIMALS : decimals;
}

/* easeOutExpo's raw curve 1 - 2^(-10t) stops at 1 - 2^-10; dividing by that
 * stretches it to end at exactly 1. */
#define EXPO_END (1.0 - 1.0 / 1024.0)

double anim_ease(anim_easing easing, double t)
{
    t = clamp01(t);
    if (t == 1.0)
        return 1.0;
    switch (easing) {
    case EASE_OUT_CUBIC: {
        double u = 1.0 - t;
        return 1.0 - u * u * u;
    }
    case EASE_OUT_EXPO:
        return (1.0 - exp2(-10.0 * t)) / EXPO_END;
    case EASE_LINEAR:
    default:
        return t;
    }
}

/* Slope of the curve at t = 0, in progress per unit of t. */
static double ease_start_slope(anim_easing easing)
{
    switch (easing) {
    case EASE_OUT_CUBIC:
        return 3.0;
    case EASE_OUT_EXPO:
        return 10.0 * M_LN2 / EXPO_END;
    case EASE_LINEAR:
    default:
        return 1.0;
    }
}

double anim_ease_in_out(double t)
{
    t = clamp01(t);
    if (t < 0.5)
        return 4.0 * t * t * t;
    double u = 2.0 - 2.0 * t;
    return 1.0 - u * u * u / 2.0;
}

/* Rounds x >= 0 (a value already multiplied by 10^decimals) half away from
 * zero as the decimal it was written as: 0.285 * 100 is 28.4999999999999964
 * in binary, and a few ulps of slack make it 29 like the written 0.285. */
static double round_scaled(double x)
{
    return floor(x + 0.5 + x * 4.0 * DBL_EPSILON);
}

/* Count-up curve. A plain eased count of a large number races: easeOutExpo
 * takes 200000 from 0 to 194000 in the first half and then spends a second
 * crawling through the last few thousand, its low digits a blur while the
 * leading ones sit still, and it lands at hundreds of units per second.
 * What a visitor reads is the last digits settling, so the ease belongs to
 * the last few hundred visible steps whatever the magnitude:
 *
 *  - the count cruises linearly from 0 to |target| - L, L being
 *    COUNT_LANDING_STEPS units of the last shown digit, in the first
 *    1 - COUNT_LANDING_SHARE of the time,
 *  - then eases over L in the rest, so the final digits come to rest at the
 *    same pace for 2500 as for 200000.
 *
 * The split is used only when the cruise is at least as fast as the landing
 * starts (|target| - L) / (1 - f) >= L * slope(0) / f, so the count never
 * speeds up at the handover; below that the whole range is simply eased.
 * Linear counts never split (they do not crawl). */
static double count_magnitude(double magnitude, double unit,
                              anim_easing easing, double t)
{
    double landing = COUNT_LANDING_STEPS * unit;
    double f = COUNT_LANDING_SHARE;
    double slope = ease_start_slope(easing);
    if (easing == EASE_LINEAR || magnitude < landing * (1.0 + slope * (1.0 - f) / f))
        return magnitude * anim_ease(easing, t);
    double cruise = magnitude - landing;
    if (t < 1.0 - f)
        return cruise * t / (1.0 - f);
    double landed = cruise + landing * anim_ease(easing, (t - (1.0 - f)) / f);
    return landed < magnitude ? landed : magnitude;
}

double anim_count_value(double target, int decimals, anim_easing easing,
                        double t)
{
    t = clamp01(t);
    if (t == 1.0 || !isfinite(target))
        return target;
    decimals = clamp_decimals(decimals);
    double scale = pow10_table[decimals];
    double magnitude = fabs(target);
    double raw = count_magnitude(magnitude, 1.0 / scale, easing, t);
    double shown = round_scaled(raw * scale) / scale;
    /* A target with more places than shown can round above itself; the
     * count must not pass the value it lands on. */
    if (shown > magnitude)
        shown = magnitude;
    if (shown == 0.0)
        return 0.0; /* never -0 */
    return target < 0 ? -shown : shown;
}

/* Appends to a bounded buffer, counting what would have been written. */
typedef struct {
    char *buf;
    size_t cap, len;
} text_out;

static void out_bytes(text_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->buf[o->len] = s[i];
}

static void out_finish(text_out *o)
{
    if (o->cap)
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

size_t anim_format_number(char *buf, size_t cap, double value, int decimals,
                          const char *separator)
{
    decimals = clamp_decimals(decimals);
    double scaled = round_scaled(fabs(value) * pow10_table[decimals]);
    if (!isfinite(value) || scaled >= 9e18) {
        /* Beyond integer arithmetic: no figure on a slide gets here. */
        int n = snprintf(buf, cap, "%.*f", decimals, value);
        return n < 0 ? 0 : (size_t)n;
    }
    unsigned long long n = (unsigned long long)scaled;
    unsigned long long unit = (unsigned long long)pow10_table[decimals];
    char digits[32];
    int int_len = snprintf(digits, sizeof digits, "%llu", n / unit);
    size_t sep_len = separator ? strlen(separator) : 0;

    text_out o = {buf, cap, 0};
    if (n != 0 && value < 0)
        out_bytes(&o, "-", 1);
    for (int i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            out_bytes(&o, separator, sep_len);
        out_bytes(&o, &digits[i], 1);
    }
    if (decimals > 0) {
        char frac[32];
        snprintf(frac, sizeof frac, ".%0*llu", decimals, n % unit);
        out_bytes(&o, frac, strlen(frac));
    }
    out_finish(&o);
    return o.len;
}
