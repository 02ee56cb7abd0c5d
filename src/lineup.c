#include "lineup.h"

#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "schedule.h"

#ifndef KIOSK_BUILD_DAY
#define KIOSK_BUILD_DAY 0 /* unknown: every clock is believed */
#endif

long long lineup_build_day(void)
{
    return KIOSK_BUILD_DAY;
}

bool lineup_clock_believable(long long t, long long build_day)
{
    return civil_floor_div(t, SCHEDULE_DAY_S) >= build_day - 1;
}

static bool playable(const slide *s)
{
    return s->type != SLIDE_BROKEN;
}

int lineup_at(lineup *l, const deck *d, long long t, long long build_day)
{
    lineup_free(l);
    size_t n = d ? d->n_slides : 0;
    l->on = calloc(n ? n : 1, sizeof *l->on);
    if (!l->on)
        return -1;
    l->n = n;
    l->state = LINEUP_SCHEDULES;
    l->next_change = SCHEDULE_NEVER;
    if (!lineup_clock_believable(t, build_day)) {
        l->state = LINEUP_CLOCK_WRONG;
        l->next_change = (build_day - 1) * SCHEDULE_DAY_S;
    } else {
        for (size_t i = 0; i < n; i++) {
            const slide *s = &d->slides[i];
            if (!playable(s))
                continue;
            l->on[i] = schedule_on(&s->schedule, t);
            long long c = schedule_next_change(&s->schedule, t);
            if (c < l->next_change)
                l->next_change = c;
        }
    }
    l->n_on = 0;
    for (size_t i = 0; i < n; i++)
        l->n_on += l->on[i];
    if (l->n_on == 0) {
        if (l->state == LINEUP_SCHEDULES)
            l->state = LINEUP_NONE_ON;
        for (size_t i = 0; i < n; i++) {
            l->on[i] = playable(&d->slides[i]);
            l->n_on += l->on[i];
        }
    }
    return 0;
}

bool lineup_same(const lineup *a, const lineup *b)
{
    return a->n == b->n && a->state == b->state &&
           (a->n == 0 || memcmp(a->on, b->on, a->n * sizeof *a->on) == 0);
}

void lineup_free(lineup *l)
{
    free(l->on);
    *l = (lineup){0};
}
