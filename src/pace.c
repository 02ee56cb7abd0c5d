#include "pace.h"

void pace_init(pace *p, double refresh_hz, bool vsync_claimed)
{
    *p = (pace){0};
    p->period_ms = 1000.0 / (refresh_hz > 0 ? refresh_hz : PACE_DEFAULT_HZ);
    p->vsync_claimed = vsync_claimed;
    p->decided = !vsync_claimed;
    p->vsync_blocks = false;
    p->min_interval_ms = 1e9;
    p->last_present_ms = -1;
    p->next_due_ms = -1;
}

bool pace_by_clock(const pace *p)
{
    return !p->vsync_claimed || (p->decided && !p->vsync_blocks);
}

void pace_presented(pace *p, double end_ms, bool back_to_back)
{
    if (!p->decided && back_to_back && p->last_present_ms >= 0) {
        double dt = end_ms - p->last_present_ms;
        if (dt < p->min_interval_ms)
            p->min_interval_ms = dt;
        if (++p->probes >= PACE_PROBE_FRAMES) {
            p->decided = true;
            p->vsync_blocks = p->min_interval_ms >= PACE_VSYNC_MIN_FRACTION * p->period_ms;
        }
    }
    p->last_present_ms = end_ms;
}

void pace_still(pace *p)
{
    p->last_present_ms = -1;
    p->next_due_ms = -1;
}

double pace_wait_ms(pace *p, double now_ms)
{
    if (!pace_by_clock(p))
        return 0; /* probing, or the display waits for us inside present */
    if (p->next_due_ms < 0 || now_ms - p->next_due_ms > p->period_ms) {
        p->next_due_ms = now_ms + p->period_ms; /* draw now; the grid starts here */
        return 0;
    }
    double wait = p->next_due_ms - now_ms;
    if (wait > 0)
        return wait;
    p->next_due_ms += p->period_ms;
    return 0;
}
