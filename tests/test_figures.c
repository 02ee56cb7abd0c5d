/* figures: when each figure counts and lands, when its badge fades in, and
 * when a slide has settled — the one answer the renderer, --render and the
 * live show share. */
#include <math.h>

#include "check.h"
#include "figures.h"

static void test_progress(void)
{
    stat_item items[3] = {{.value = 58.58, .decimals = 2},
                          {.value = 108, .decimals = 0},
                          {.value = 2500, .decimals = 0}};
    slide s = {.type = SLIDE_STATS, .items = items, .n_items = 3,
               .count_duration_ms = 2000, .stagger_ms = 150,
               .easing = EASE_OUT_EXPO};
    static const struct {
        size_t item;
        long long elapsed_ms;
        double progress;
        bool landed;
    } rows[] = {
        {0, 0, 0.0, false},     {0, 1000, 0.5, false},  {0, 1999, 0.9995, false},
        {0, 2000, 1.0, true},   {0, 99999, 1.0, true},  {1, 149, 0.0, false},
        {1, 150, 0.0, false},   {1, 1150, 0.5, false},  {1, 2149, 0.9995, false},
        {1, 2150, 1.0, true},   {2, 2000, 0.85, false}, {2, 2300, 1.0, true},
        {0, -50, 0.0, false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        double p = figures_progress(&s, rows[i].item, rows[i].elapsed_ms);
        CHECK(fabs(p - rows[i].progress) < 1e-9, "progress row %zu: expected %g, got %g", i,
              rows[i].progress, p);
        bool landed = figures_landed(&s, rows[i].item, rows[i].elapsed_ms);
        CHECK(landed == rows[i].landed, "progress row %zu: landed expected %d", i,
              rows[i].landed);
    }
    slide instant = s;
    instant.count_duration_ms = 0;
    CHECK(figures_landed(&instant, 0, 0) && !figures_landed(&instant, 1, 149),
          "zero count duration: figures land when they start");
}

/* Badges: invisible until their own figure lands, opaque FIGURES_BADGE_FADE_MS
 * later, never less opaque as time goes on. */
static void test_badges(void)
{
    stat_item items[2] = {{.value = 10, .has_growth = true, .growth = 5},
                          {.value = 20, .has_growth = true, .growth = -3}};
    slide s = {.type = SLIDE_STATS, .items = items, .n_items = 2,
               .count_duration_ms = 1000, .stagger_ms = 200};
    for (size_t item = 0; item < 2; item++) {
        long long landed = (long long)item * 200 + 1000;
        CHECK(figures_badge_alpha(&s, item, landed - 1) == 0,
              "badge %zu: visible before its figure lands", item);
        CHECK(figures_badge_alpha(&s, item, landed + FIGURES_BADGE_FADE_MS) == 1,
              "badge %zu: not opaque %d ms after landing", item, FIGURES_BADGE_FADE_MS);
        double mid = figures_badge_alpha(&s, item, landed + FIGURES_BADGE_FADE_MS / 2);
        CHECK(mid > 0 && mid < 1, "badge %zu: half-way through its fade it shows %g", item, mid);
        double prev = 0;
        bool monotone = true;
        for (long long t = landed - 50; t <= landed + FIGURES_BADGE_FADE_MS + 50; t += 5) {
            double a = figures_badge_alpha(&s, item, t);
            monotone &= a >= prev && a >= 0 && a <= 1;
            prev = a;
        }
        CHECK(monotone, "badge %zu: its opacity must only grow, within 0..1", item);
    }
}

/* Settled: nothing of the slide changes from then on, and something still
 * changed just before (so it is the earliest such moment). */
static void test_settled(void)
{
    stat_item plain[3] = {{.value = 1}, {.value = 2}, {.value = 3}};
    stat_item grown[3] = {{.value = 1}, {.value = 2, .has_growth = true}, {.value = 3}};
    stat_item last_grown[2] = {{.value = 1}, {.value = 2, .has_growth = true}};
    const struct {
        const char *name;
        slide_type type;
        stat_item *items;
        size_t n;
        long long count_ms, stagger_ms, settled;
    } rows[] = {
        {"three figures, no badge", SLIDE_STATS, plain, 3, 2000, 150, 2300},
        {"a badge on the middle figure", SLIDE_STATS, grown, 3, 2000, 150, 2150 + FIGURES_BADGE_FADE_MS},
        {"a badge on the last bar", SLIDE_CHART, last_grown, 2, 1000, 400, 1400 + FIGURES_BADGE_FADE_MS},
        {"no count at all", SLIDE_STATS, plain, 3, 0, 0, 0},
        {"no figures", SLIDE_STATS, NULL, 0, 2000, 150, 0},
        {"a photo", SLIDE_PHOTO, NULL, 0, 2000, 150, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        slide s = {.type = rows[i].type, .items = rows[i].items, .n_items = rows[i].n,
                   .count_duration_ms = rows[i].count_ms, .stagger_ms = rows[i].stagger_ms};
        long long got = figures_settled_ms(&s);
        CHECK(got == rows[i].settled, "%s: settled expected %lld ms, got %lld", rows[i].name,
              rows[i].settled, got);
        bool still_after = true, moving_before = rows[i].settled == 0;
        for (size_t k = 0; k < s.n_items; k++) {
            still_after &= figures_progress(&s, k, got) == 1;
            if (s.items[k].has_growth)
                still_after &= figures_badge_alpha(&s, k, got) == 1;
            moving_before |= figures_progress(&s, k, got - 1) < 1 ||
                             (s.items[k].has_growth && figures_badge_alpha(&s, k, got - 1) < 1);
        }
        CHECK(still_after, "%s: something still changes at the settled time", rows[i].name);
        CHECK(moving_before, "%s: nothing changed just before the settled time", rows[i].name);
    }
}

static void test_text(void)
{
    stat_item it = {.value = 2500, .decimals = 0};
    char buf[32];
    figures_final_text(buf, sizeof buf, &it, ",");
    CHECK_STR(buf, "2,500", "final text");
    figures_text(buf, sizeof buf, &it, ",", EASE_LINEAR, 1.0);
    CHECK_STR(buf, "2,500", "text at t = 1");
    figures_text(buf, sizeof buf, &it, ",", EASE_LINEAR, 0.0);
    CHECK_STR(buf, "0", "text at t = 0");
}

int main(void)
{
    test_progress();
    test_badges();
    test_settled();
    test_text();
    return check_done();
}
