/* lineup — which slides of a deck are on at a local time, and when that
 * next changes: the slides' schedules (schedule.h) over a whole deck, with
 * the two fallbacks a kiosk needs so that its screen is never empty.
 *
 *   - A slide without a schedule is always on; a broken slide never is.
 *   - When no playable slide is on at that moment (every slide has a
 *     schedule and none is on now), every playable slide plays.
 *   - When the clock cannot be right (more than a day before the day this
 *     kiosk was built: a PC without a battery-backed clock that lost its
 *     time), schedules are ignored and every playable slide plays.
 *
 * Times are local wall-clock seconds (civil.h). Pure: the clock is the
 * caller's, so a test walks a week in a millisecond. */
#ifndef KIOSK_LINEUP_H
#define KIOSK_LINEUP_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef enum {
    LINEUP_SCHEDULES,   /* each slide's schedule decides */
    LINEUP_NONE_ON,     /* no slide is on now: every playable slide plays */
    LINEUP_CLOCK_WRONG, /* the clock is before the build: every playable slide plays */
} lineup_state;

typedef struct {
    bool *on;       /* per deck slide: whether the player may show it */
    size_t n;       /* the deck's slides */
    size_t n_on;
    lineup_state state;
    /* The next local moment at which this lineup may change (a schedule's
     * boundary, or the clock becoming believable); SCHEDULE_NEVER: none. */
    long long next_change;
} lineup;

/* The day this kiosk was built (days since 1970-01-01, from the commit
 * date or SOURCE_DATE_EPOCH at configure time). */
long long lineup_build_day(void);

/* Whether a clock that says local time t can be believed, for a build of
 * build_day: not more than a day before it (a day of slack for the time
 * zones between the build's UTC date and the kiosk's). */
bool lineup_clock_believable(long long t, long long build_day);

/* Works out the lineup of d at local time t into *l (emptied first; free
 * with lineup_free). Returns -1 when memory runs out. */
int lineup_at(lineup *l, const deck *d, long long t, long long build_day);

/* Whether a and b put the same slides on (a deck of the same slides). */
bool lineup_same(const lineup *a, const lineup *b);

void lineup_free(lineup *l);

#endif
