/* The live show's side of slide schedules: which slides are on now by the
 * local wall clock (lineup.h), handed to the player when that changes, the
 * change in the play log, and the next boundary as one of the loop's
 * wake-up deadlines, so the show re-evaluates exactly then and never
 * polls. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "civil.h"
#include "schedule.h"

/* A wall clock that moved this much more or less than the monotonic one
 * was set (by hand, or NTP at last reaching a PC that booted in 2000). */
#define CLOCK_SET_MS 2000

/* Local wall-clock milliseconds since 1970-01-01 (civil.h's local time). */
static long long local_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    time_t wall = ts.tv_sec;
    long long offset_s = localtime_r(&wall, &tm) ? tm.tm_gmtoff : 0;
    return ((long long)ts.tv_sec + offset_s) * 1000 + ts.tv_nsec / 1000000;
}

/* "YYYY-MM-DD HH:MM" of local seconds t. */
static void stamp_text(long long t, char *out, size_t cap)
{
    long long day = civil_floor_div(t, SCHEDULE_DAY_S);
    int y, m, d;
    civil_date(day, &y, &m, &d);
    long long sec = t - day * SCHEDULE_DAY_S;
    snprintf(out, cap, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(sec / 3600), (int)(sec / 60 % 60));
}

/* The files of the slides that came on (came_on) or went off between the
 * lineup before (NULL: all on) and now, ", " between, cut with "…" when
 * buf is full; returns the length written. */
static size_t list_files(char *buf, size_t cap, const deck *d, const lineup *now,
                         const lineup *before, bool came_on)
{
    bool first = true;
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->n_slides && len < cap; i++) {
        bool was = before ? before->on[i] : true;
        if (now->on[i] == was || now->on[i] != came_on)
            continue;
        int n = snprintf(buf + len, cap - len, "%s%s", first ? "" : ", ", d->slides[i].file);
        first = false;
        len += n > 0 ? (size_t)n : 0;
    }
    if (len >= cap && cap > 4)
        memcpy(buf + cap - 4, "…", 4);
    return len < cap ? len : cap - 1;
}

static void log_schedule(app *a, const char *message, bool warn)
{
    app_log(a, "schedule", -1, NULL, NULL, message);
    if (warn)
        fprintf(stderr, "kiosk: warning: %s\n", message);
}

/* What changed between the lineup before (NULL: another deck; all on) and
 * now, in the play log; a fallback's warning once, when it begins
 * (was: the state before, -1 for none). */
static void tell(app *a, const lineup *before, int was, long long local_s)
{
    const lineup *now = &a->lineup;
    char msg[1024];
    if (now->state == LINEUP_CLOCK_WRONG) {
        if (was == LINEUP_CLOCK_WRONG)
            return;
        char when[64], built[64]; /* "YYYY-MM-DD HH:MM" with room for any int */
        stamp_text(local_s, when, sizeof when);
        stamp_text(lineup_build_day() * SCHEDULE_DAY_S, built, sizeof built);
        snprintf(msg, sizeof msg,
                 "the clock says %s, before this kiosk was built (%.10s): schedules are "
                 "ignored and every slide plays until the clock is set",
                 when, built);
        log_schedule(a, msg, true);
        return;
    }
    if (now->state == LINEUP_NONE_ON) {
        if (was == LINEUP_NONE_ON)
            return;
        snprintf(msg, sizeof msg, "no slide's schedule is on now: every slide plays");
        log_schedule(a, msg, true);
        return;
    }
    /* Back from a fallback, every slide played: what is off now is news. */
    if (was != LINEUP_SCHEDULES)
        before = NULL;
    char on[480], off[480];
    size_t n_on = list_files(on, sizeof on, a->d, now, before, true);
    size_t n_off = list_files(off, sizeof off, a->d, now, before, false);
    if (n_on == 0 && n_off == 0)
        return; /* nothing changed */
    snprintf(msg, sizeof msg, "%s%s%s%s%s", n_on ? "on: " : "", n_on ? on : "",
             n_on && n_off ? "; " : "", n_off ? "off: " : "", n_off ? off : "");
    log_schedule(a, msg, false);
}

void app_schedule_update(app *a, player_ms now)
{
    long long mono_ms = (long long)SDL_GetTicks64();
    long long local_ms = local_now_ms();
    long long local_s = civil_floor_div(local_ms, 1000);
    bool same_deck = a->lineup_deck == a->d && a->lineup.on;
    long long drift = (local_ms - a->lineup_local_ms) - (mono_ms - a->lineup_mono_ms);
    if (same_deck && local_s < a->lineup.next_change && drift < CLOCK_SET_MS &&
        drift > -CLOCK_SET_MS)
        return;
    lineup next = {0};
    if (lineup_at(&next, a->d, local_s, lineup_build_day()) != 0)
        return; /* out of memory: the show goes on with what it had */
    lineup before = a->lineup;
    a->lineup = next;
    a->lineup_deck = a->d;
    a->lineup_local_ms = local_ms;
    a->lineup_mono_ms = mono_ms;
    if (!same_deck || !lineup_same(&before, &next)) {
        tell(a, same_deck ? &before : NULL, before.on ? (int)before.state : -1, local_s);
        player_set_on(a->p, next.on, now);
        a->dirty = true;
    }
    lineup_free(&before);
}

player_ms app_schedule_deadline(const app *a, player_ms now)
{
    if (!a->lineup.on || a->lineup.next_change == SCHEDULE_NEVER)
        return LLONG_MAX;
    long long wait_ms = a->lineup.next_change * 1000 - local_now_ms();
    if (wait_ms < 0)
        wait_ms = 0;
    return now + (player_ms)((double)wait_ms * a->time_scale) + 1;
}

void app_schedule_note(const app *a, char *buf, size_t cap)
{
    const lineup *l = &a->lineup;
    if (!l->on || cap == 0) {
        if (cap)
            buf[0] = '\0';
        return;
    }
    switch (l->state) {
    case LINEUP_CLOCK_WRONG:
        snprintf(buf, cap, "时钟不对，忽略时间表 · The clock is before this build: schedules are "
                           "ignored, every slide plays\n");
        break;
    case LINEUP_NONE_ON:
        snprintf(buf, cap, "此刻没有按时间表显示的页面 · No slide's schedule is on now: every "
                           "slide plays\n");
        break;
    case LINEUP_SCHEDULES: /* a deck without schedules is not told about them */
        if (l->n_on < deck_playable_count(a->d))
            snprintf(buf, cap, "按时间表显示 · By their schedules %zu of %zu slides play now\n",
                     l->n_on, deck_playable_count(a->d));
        else
            buf[0] = '\0';
        break;
    }
}
