/* anim: easing endpoints, count-up values and number formatting. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "deck.h"
#include "check.h"

static const anim_easing all_easings[] = {EASE_LINEAR, EASE_OUT_CUBIC,
                                          EASE_OUT_EXPO};
#define N_EASINGS (sizeof all_easings / sizeof *all_easings)

static void test_easing(void)
{
    for (size_t i = 0; i < N_EASINGS; i++) {
        anim_easing e = all_easings[i];
        const char *name = deck_easing_name(e);
        CHECK(anim_ease(e, 0.0) == 0.0, "%s: ease(0) = %.17g", name,
              anim_ease(e, 0.0));
        CHECK(anim_ease(e, 1.0) == 1.0, "%s: ease(1) = %.17g", name,
              anim_ease(e, 1.0));
        CHECK(anim_ease(e, -3.0) == 0.0 && anim_ease(e, 7.0) == 1.0,
              "%s: out-of-range t not clamped", name);
        double prev = 0.0;
        int bad = -1;
        for (int k = 1; k <= 1000; k++) {
            double v = anim_ease(e, k / 1000.0);
            if (v < prev || v > 1.0)
                bad = k;
            prev = v;
        }
        CHECK(bad < 0, "%s: not monotone in [0,1] at t=%d/1000", name, bad);
        CHECK(strcmp(name, "?") != 0, "easing %d has no name in the deck format", (int)e);
    }
    /* The out-curves start fast and slow down: never behind a straight
     * line, strictly ahead of it in between. */
    for (size_t i = 0; i < N_EASINGS; i++) {
        anim_easing e = all_easings[i];
        if (e == EASE_LINEAR)
            continue;
        bool ahead = true;
        for (int k = 1; k < 1000; k++)
            ahead &= anim_ease(e, k / 1000.0) > k / 1000.0;
        CHECK(ahead, "%s: an ease-out must run ahead of linear", deck_easing_name(e));
    }
    CHECK(anim_ease_in_out(0.0) == 0.0 && anim_ease_in_out(1.0) == 1.0 &&
              fabs(anim_ease_in_out(0.5) - 0.5) < 1e-12,
          "ease-in-out endpoints/midpoint wrong");
}

static const struct {
    double value;
    int decimals;
    const char *separator;
    const char *want;
} format_rows[] = {
    {58.58, 2, NULL, "58.58"},
    {0.25, 2, NULL, "0.25"},
    {1.183, 3, NULL, "1.183"},
    {594.81, 2, NULL, "594.81"},
    {9.33, 2, NULL, "9.33"},
    {2500, 0, NULL, "2500"},
    {2500, 0, ",", "2,500"},
    {2500, 0, " ", "2 500"},
    {200000, 0, ",", "200,000"},
    {1234567.891, 2, ",", "1,234,567.89"},
    {999, 0, ",", "999"},
    {1000, 0, "\xE2\x80\x89", "1\xE2\x80\x89" "000"}, /* thin space */
    {108, 0, NULL, "108"},
    {10, 0, NULL, "10"},
    {0.285, 2, NULL, "0.29"},
    {2.5, 0, NULL, "3"},
    {-2.5, 0, NULL, "-3"},
    {-1234.5, 1, ",", "-1,234.5"},
    {-0.001, 2, NULL, "0.00"},
    {-0.0, 0, NULL, "0"},
    {0, 3, NULL, "0.000"},
    {7, 2, NULL, "7.00"},
    {58.58, 0, NULL, "59"},
};

static void test_format(void)
{
    for (size_t i = 0; i < sizeof format_rows / sizeof *format_rows; i++) {
        char buf[64];
        size_t n = anim_format_number(buf, sizeof buf, format_rows[i].value,
                                      format_rows[i].decimals,
                                      format_rows[i].separator);
        char row[32];
        snprintf(row, sizeof row, "format row %zu", i);
        CHECK_STR(buf, format_rows[i].want, row);
        CHECK(n == strlen(format_rows[i].want), "%s: length %zu, expected %zu",
              row, n, strlen(format_rows[i].want));
    }
    /* Truncation: like snprintf, returns the full length, always NUL-ends. */
    char small[4];
    size_t n = anim_format_number(small, sizeof small, 200000, 0, ",");
    CHECK(n == 7, "truncated format: expected length 7, got %zu", n);
    CHECK_STR(small, "200", "truncated format");
}

/* The figures of the demo deck and the brief's examples. */
static const struct {
    double value;
    int decimals;
    const char *separator;
    const char *final_text;
} count_rows[] = {
    {58.58, 2, NULL, "58.58"},   {0.25, 2, NULL, "0.25"},
    {9.33, 2, NULL, "9.33"},     {1.183, 3, NULL, "1.183"},
    {594.81, 2, NULL, "594.81"}, {2500, 0, ",", "2,500"},
    {200000, 0, ",", "200,000"}, {108, 0, NULL, "108"},
    {10, 0, NULL, "10"},         {-42.5, 1, NULL, "-42.5"},
    {1186.66, 2, " ", "1 186.66"},
};

/* Parses a formatted figure back to a number, dropping separators. */
static double parse_figure(const char *text)
{
    char plain[64];
    size_t n = 0;
    for (const char *s = text; *s && n + 1 < sizeof plain; s++)
        if (*s == '-' || *s == '.' || (*s >= '0' && *s <= '9'))
            plain[n++] = *s;
    plain[n] = '\0';
    return strtod(plain, NULL);
}

/* The text a counting figure shows at progress t. */
static void format_at(char *buf, size_t cap, double value, int decimals, const char *sep,
                      anim_easing e, double t)
{
    anim_format_number(buf, cap, anim_count_value(value, decimals, e, t), decimals, sep);
}

static void test_count(void)
{
    for (size_t i = 0; i < sizeof count_rows / sizeof *count_rows; i++) {
        for (size_t k = 0; k < N_EASINGS; k++) {
            anim_easing e = all_easings[k];
            struct {
                double value;
                int decimals;
            } it = {count_rows[i].value, count_rows[i].decimals};
            const char *sep = count_rows[i].separator;
            char buf[64];
            format_at(buf, sizeof buf, it.value, it.decimals, sep, e, 1.0);
            char row[64];
            snprintf(row, sizeof row, "count row %zu (%s) at t=1", i,
                     deck_easing_name(e));
            CHECK_STR(buf, count_rows[i].final_text, row);
            anim_format_number(buf, sizeof buf, it.value, it.decimals, sep);
            CHECK_STR(buf, count_rows[i].final_text, "final text");
            double at1 = anim_count_value(it.value, it.decimals, e, 1.0);
            CHECK(at1 == it.value, "%s: value %.17g, expected exactly %.17g",
                  row, at1, it.value);
            double at0 = anim_count_value(it.value, it.decimals, e, 0.0);
            CHECK(at0 == 0.0 && !signbit(at0), "row %zu: t=0 gives %g", i,
                  at0);

            /* The shown number only ever moves toward the target, and
             * the text says the same as the value. */
            double sign = it.value < 0 ? -1.0 : 1.0;
            double prev = 0.0;
            int bad_step = -1, negzero_step = -1;
            for (int step = 0; step <= 2000; step++) {
                double t = step / 2000.0;
                format_at(buf, sizeof buf, it.value, it.decimals, sep, e, t);
                double shown = parse_figure(buf);
                if (sign * shown < sign * prev - 1e-9 ||
                    sign * shown > sign * it.value + 1e-9)
                    bad_step = step;
                if (strncmp(buf, "-0", 2) == 0 && shown == 0.0)
                    negzero_step = step;
                prev = shown;
            }
            CHECK(bad_step < 0, "count row %zu (%s): not monotone at step %d",
                  i, deck_easing_name(e), bad_step);
            CHECK(negzero_step < 0, "count row %zu: \"-0\" at step %d", i,
                  negzero_step);
        }
    }
}

/* Large counts ease only their landing: the last stretch moves by at most
 * a few units per frame instead of hundreds. */
static void test_count_landing(void)
{
    const double frame = 1.0 / 120.0; /* 16.7 ms frames of a 2 s count */
    double before = anim_count_value(200000, 0, EASE_OUT_EXPO, 1.0 - frame);
    CHECK(200000 - before <= 3, "200000: last frame jumps by %g (from %g)",
          200000 - before, before);
    double mid = anim_count_value(200000, 0, EASE_OUT_EXPO, 0.3);
    CHECK(fabs(mid - 100000) < 1000,
          "200000 at t=0.3 should cruise near 100000, got %g", mid);
    /* A small figure is eased over its whole range. */
    double small = anim_count_value(108, 0, EASE_OUT_EXPO, 0.5);
    double expected = round(108 * anim_ease(EASE_OUT_EXPO, 0.5));
    CHECK(small == expected, "108 at t=0.5: expected %g, got %g", expected,
          small);
    /* A target with more places than shown never overshoots itself. */
    double v = anim_count_value(58.575, 1, EASE_LINEAR, 0.99999);
    CHECK(v <= 58.575, "58.575 shown with 1 place passed its target: %g", v);
}

int main(void)
{
    test_easing();
    test_format();
    test_count();
    test_count_landing();
    return check_done();
}
