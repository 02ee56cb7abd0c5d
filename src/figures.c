#include "figures.h"

#include "anim.h"

static long long start_ms(const slide *s, size_t item)
{
    return (long long)item * (s->stagger_ms > 0 ? s->stagger_ms : 0);
}

static long long count_ms(const slide *s)
{
    return s->count_duration_ms > 0 ? s->count_duration_ms : 0;
}

double figures_progress(const slide *s, size_t item, long long elapsed_ms)
{
    long long run_ms = elapsed_ms - start_ms(s, item);
    if (run_ms < 0)
        return 0.0;
    if (s->count_duration_ms <= 0)
        return 1.0;
    double p = (double)run_ms / s->count_duration_ms;
    return p > 1.0 ? 1.0 : p;
}

bool figures_landed(const slide *s, size_t item, long long elapsed_ms)
{
    return figures_progress(s, item, elapsed_ms) >= 1.0;
}

double figures_badge_alpha(const slide *s, size_t item, long long elapsed_ms)
{
    if (!figures_landed(s, item, elapsed_ms))
        return 0.0;
    long long since = elapsed_ms - start_ms(s, item) - count_ms(s);
    if (since >= FIGURES_BADGE_FADE_MS)
        return 1.0;
    return since > 0 ? (double)since / FIGURES_BADGE_FADE_MS : 0.0;
}

long long figures_settled_ms(const slide *s)
{
    if ((s->type != SLIDE_STATS && s->type != SLIDE_CHART) || s->n_items == 0)
        return 0;
    long long settled = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        long long landed = start_ms(s, i) + count_ms(s);
        long long done = landed + (s->items[i].has_growth ? FIGURES_BADGE_FADE_MS : 0);
        if (done > settled)
            settled = done;
    }
    return settled;
}

size_t figures_text(char *buf, size_t cap, const stat_item *it, const char *separator,
                    anim_easing easing, double t)
{
    double value = anim_count_value(it->value, it->decimals, easing, t);
    return anim_format_number(buf, cap, value, it->decimals, separator);
}

size_t figures_final_text(char *buf, size_t cap, const stat_item *it, const char *separator)
{
    return anim_format_number(buf, cap, it->value, it->decimals, separator);
}
