/* lineup and the player together: which slides are on at a local time,
 * the fallbacks, and the show a player gives when it is handed the lineup
 * at each boundary, walked over a weekend on an injected clock.
 * 2026-06-06 is a Saturday, 2026-06-08 a Monday. */
#include <limits.h>
#include <stdlib.h>

#include "check.h"
#include "civil.h"
#include "lineup.h"
#include "player.h"
#include "schedule.h"

/* "YYYY-MM-DDTHH:MM:SS" → local seconds. */
static long long at(const char *stamp)
{
    long long days = 0, secs = 0;
    if (!civil_parse_date(stamp, &days) || stamp[10] != 'T' ||
        !civil_parse_clock(stamp + 11, false, &secs))
        abort();
    return days * SCHEDULE_DAY_S + secs;
}

/* A schedule from words: dates "" for none, days and hours comma lists. */
static schedule make(const char *from, const char *until, const char *days, const char *hours)
{
    schedule s = {.set = true};
    if (*from)
        s.has_from = civil_parse_date(from, &s.from_day) == 10;
    if (*until)
        s.has_until = civil_parse_date(until, &s.until_day) == 10;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", days);
    for (char *w = strtok(buf, ","); w; w = strtok(NULL, ","))
        s.days |= 1u << schedule_parse_day(w);
    snprintf(buf, sizeof buf, "%s", hours);
    for (char *w = strtok(buf, ","); w; w = strtok(NULL, ",")) {
        size_t bad;
        if (schedule_parse_hours(w, &s.hours[s.n_hours++], &bad) != SCHEDULE_HOURS_OK)
            abort();
    }
    return s;
}

/* The weekend deck: 0 always; 1 a lunchtime notice (11:30:00-11:30:20);
 * 2 the fair's own slide (Saturday and Sunday only); 3 weekdays only;
 * 4 broken. Each slide stays 10 s, no transitions. */
enum { ALWAYS, LUNCH, FAIR, WEEKDAYS, BROKEN, N_SLIDES };

static deck *weekend_deck(void)
{
    deck *d = calloc(1, sizeof *d);
    d->slides = calloc(N_SLIDES, sizeof *d->slides);
    d->n_slides = N_SLIDES;
    d->idle_timeout_ms = 60000;
    static char *const files[] = {"slides/010-a.json", "slides/020-lunch.json",
                                  "slides/030-fair.json", "slides/040-week.json",
                                  "slides/050-broken.json"};
    for (size_t i = 0; i < N_SLIDES; i++) {
        d->slides[i].file = files[i];
        d->slides[i].type = i == BROKEN ? SLIDE_BROKEN : SLIDE_TEXT;
        d->slides[i].duration_ms = 10000;
        d->slides[i].transition.type = TRANSITION_NONE;
    }
    d->slides[LUNCH].schedule = make("", "", "", "11:30:00-11:30:20");
    d->slides[FAIR].schedule = make("2026-06-06", "2026-06-07", "", "");
    d->slides[WEEKDAYS].schedule = make("", "", "mon,tue,wed,thu,fri", "");
    return d;
}

static void free_deck(deck *d)
{
    free(d->slides);
    free(d);
}

/* ---- which slides are on -------------------------------------------------- */

static void test_lineup_rows(void)
{
    deck *d = weekend_deck();
    long long build = civil_days(2026, 5, 1);
    static const struct {
        const char *when;
        const char *on; /* one character per slide: 1 on, 0 off */
        lineup_state state;
        const char *next; /* the next boundary, "" for none */
    } rows[] = {
        {"2026-06-06T11:29:45", "10100", LINEUP_SCHEDULES, "2026-06-06T11:30:00"},
        {"2026-06-06T11:30:00", "11100", LINEUP_SCHEDULES, "2026-06-06T11:30:20"},
        {"2026-06-06T11:30:20", "10100", LINEUP_SCHEDULES, "2026-06-07T11:30:00"},
        {"2026-06-07T23:59:59", "10100", LINEUP_SCHEDULES, "2026-06-08T00:00:00"},
        {"2026-06-08T00:00:00", "10010", LINEUP_SCHEDULES, "2026-06-08T11:30:00"},
        /* A clock more than a day before the build: everything plays, and
         * the next look is when the clock could be right. */
        {"2000-01-01T00:03:00", "11110", LINEUP_CLOCK_WRONG, "2026-04-30T00:00:00"},
        {"2026-04-29T23:59:59", "11110", LINEUP_CLOCK_WRONG, "2026-04-30T00:00:00"},
        {"2026-04-30T00:00:00", "10010", LINEUP_SCHEDULES, "2026-04-30T11:30:00"},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        lineup l = {0};
        CHECK(lineup_at(&l, d, at(rows[r].when), build) == 0, "%s: out of memory", rows[r].when);
        char got[N_SLIDES + 1] = {0};
        for (size_t i = 0; i < N_SLIDES; i++)
            got[i] = l.on[i] ? '1' : '0';
        CHECK_STR(got, rows[r].on, rows[r].when);
        CHECK(l.state == rows[r].state, "%s: expected state %d, got %d", rows[r].when,
              rows[r].state, l.state);
        long long next = *rows[r].next ? at(rows[r].next) : SCHEDULE_NEVER;
        CHECK(l.next_change == next, "%s: expected the next change at %lld, got %lld",
              rows[r].when, next, l.next_change);
        lineup_free(&l);
    }

    /* Every slide scheduled and none on: every playable slide plays. */
    d->slides[ALWAYS].schedule = make("2026-07-01", "", "", "");
    lineup l = {0};
    lineup_at(&l, d, at("2026-06-08T12:00:00"), build);
    CHECK(l.on[WEEKDAYS] && l.state == LINEUP_SCHEDULES, "Monday noon: the weekday slide plays");
    lineup_at(&l, d, at("2026-06-13T12:00:00"), build);
    CHECK(l.state == LINEUP_NONE_ON && l.n_on == 4 && !l.on[BROKEN],
          "a Saturday after the fair: expected every playable slide on, got state %d, %zu on",
          l.state, l.n_on);
    CHECK(l.next_change == at("2026-06-14T11:30:00"),
          "a Saturday after the fair: the next change is Sunday's lunch, got %lld",
          l.next_change);
    lineup_free(&l);

    /* A build of unknown day believes every clock. */
    CHECK(lineup_clock_believable(0, 0), "build day 0 believes 1970");
    CHECK(!lineup_clock_believable(at("2026-01-01T00:00:00"), build), "January is before May");
    free_deck(d);
}

/* ---- the player handed the lineup at each boundary ------------------------ */

typedef struct {
    player_ms t;
    size_t slide;
    player_cause cause;
} shown;

/* Walks the show from local time `start` for `span_s` seconds the way the
 * live loop does: sleeps until the nearest of the player's deadline and the
 * lineup's next change, ticks, and hands the player a new lineup when a
 * boundary came. Records every SHOW; returns how many times the lineup was
 * worked out again (each one a wake-up at a boundary). */
static size_t walk(const deck *d, long long start, long long span_s, shown *out, size_t cap,
                   size_t *n_out)
{
    long long build = civil_days(2026, 5, 1);
    lineup l = {0};
    lineup_at(&l, d, start, build);
    player *p = player_new(d, 0);
    player_set_on(p, l.on, 0);
    size_t n = 0, looks = 0;
    player_ms t = 0, end = span_s * 1000;
    for (;;) {
        player_event ev;
        while (player_poll_event(p, &ev))
            if (ev.type == PLAYER_EVENT_SHOW && n < cap)
                out[n++] = (shown){ev.time_ms, ev.slide, ev.cause};
        player_ms wake = player_next_deadline(p, t);
        player_ms turn = (l.next_change - start) * 1000;
        if (l.next_change != SCHEDULE_NEVER && turn < wake)
            wake = turn;
        if (wake > end)
            break;
        /* As the live loop: a boundary first, then what else is due, so a
         * slide advancing at the very moment its successor goes off skips it. */
        t = wake;
        long long local = start + t / 1000;
        if (local >= l.next_change) {
            lineup_at(&l, d, local, build);
            player_set_on(p, l.on, t);
            looks++;
        }
        player_tick(p, t);
    }
    player_free(p);
    lineup_free(&l);
    *n_out = n;
    return looks;
}

static void test_walk_weekend(void)
{
    deck *d = weekend_deck();
    long long start = at("2026-06-06T11:29:45");
    long long span = at("2026-06-08T00:01:00") - start;
    static shown log[20000];
    size_t n;
    size_t looks = walk(d, start, span, log, sizeof log / sizeof log[0], &n);

    /* The first minute, event by event: the lunchtime notice comes in at
     * 11:30:00, and when it goes off at 11:30:20 while on screen the show
     * moves on at once. */
    static const shown first[] = {
        {0, ALWAYS, PLAYER_CAUSE_START},     {10000, FAIR, PLAYER_CAUSE_AUTO},
        {20000, ALWAYS, PLAYER_CAUSE_AUTO},  {30000, LUNCH, PLAYER_CAUSE_AUTO},
        {35000, FAIR, PLAYER_CAUSE_SCHEDULE}, {45000, ALWAYS, PLAYER_CAUSE_AUTO},
        {55000, FAIR, PLAYER_CAUSE_AUTO},    {65000, ALWAYS, PLAYER_CAUSE_AUTO},
    };
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++) {
        CHECK(i < n && log[i].t == first[i].t && log[i].slide == first[i].slide &&
                  log[i].cause == first[i].cause,
              "show %zu: expected slide %zu at %lld (cause %s), got slide %zu at %lld (%s)", i,
              first[i].slide, first[i].t, player_cause_name(first[i].cause),
              i < n ? log[i].slide : 99, i < n ? log[i].t : -1,
              i < n ? player_cause_name(log[i].cause) : "-");
    }

    /* Over the whole weekend every slide shown was on when it came. */
    size_t bad = 0, per_slide[N_SLIDES] = {0};
    long long first_weekday = -1, last_fair = -1;
    for (size_t i = 0; i < n; i++) {
        long long local = start + log[i].t / 1000;
        bad += !schedule_on(&d->slides[log[i].slide].schedule, local);
        per_slide[log[i].slide]++;
        if (log[i].slide == WEEKDAYS && first_weekday < 0)
            first_weekday = local;
        if (log[i].slide == FAIR)
            last_fair = local;
    }
    CHECK(bad == 0, "%zu slides were shown while off", bad);
    CHECK(per_slide[LUNCH] == 2, "the lunchtime notice: expected 2 shows (its 20 s a day), got %zu",
          per_slide[LUNCH]);
    CHECK(per_slide[BROKEN] == 0, "the broken slide was shown %zu times", per_slide[BROKEN]);
    CHECK(last_fair < at("2026-06-08T00:00:00"), "the fair's slide was shown on Monday");
    CHECK(first_weekday >= at("2026-06-08T00:00:00") &&
              first_weekday <= at("2026-06-08T00:00:20"),
          "the weekday slide: expected first at Monday 00:00 within two slides, got %lld",
          first_weekday);
    /* No polling: the lineup was looked at once per boundary — 11:30:00
     * and 11:30:20 on both days, and Monday midnight. */
    CHECK(looks == 5, "expected 5 looks at the schedules, got %zu", looks);
    free_deck(d);
}

/* Idle return and chapter jumps go to slides that are on. */
static void test_navigation(void)
{
    deck *d = weekend_deck();
    d->slides[ALWAYS].chapter = "Intro";
    d->slides[LUNCH].chapter = "Food"; /* off: the chapter starts at its next slide */
    d->slides[WEEKDAYS].chapter = "Week";
    d->slides[ALWAYS].schedule = make("", "", "", "08:00-20:00");
    long long build = civil_days(2026, 5, 1);
    lineup l = {0};
    lineup_at(&l, d, at("2026-06-06T07:00:00"), build); /* Saturday before opening */
    player *p = player_new(d, 0);
    player_set_on(p, l.on, 0);
    CHECK(player_current(p) == FAIR, "07:00: expected the fair's slide first, got %zu",
          player_current(p));
    /* Food's first slide is off: its jump lands on the fair's slide that
     * continues the chapter; Week has nothing on and does nothing. */
    player_next(p, 1000, PLAYER_CAUSE_KEY);
    CHECK(player_current(p) == FAIR, "only one slide on: next stays, got %zu", player_current(p));
    CHECK(player_goto_chapter(p, 1, 2000) == 0 && player_current(p) == FAIR,
          "Food: expected the fair's slide, got %zu", player_current(p));
    CHECK(player_goto_chapter(p, 2, 3000) == -1, "Week on a Saturday: expected no jump");
    CHECK(player_goto(p, ALWAYS, 3000, PLAYER_CAUSE_KEY) == -1, "a slide that is off: no jump");
    /* 08:00: the intro is on and is where idle return goes. */
    lineup_at(&l, d, at("2026-06-06T08:00:00"), build);
    player_set_on(p, l.on, 3605000); /* halfway through the fair's slide */
    player_toggle_pause(p, 3605001); /* a visitor stops on it */
    player_tick(p, 3605001 + 60000);
    player_event ev;
    bool idle_to_intro = false;
    while (player_poll_event(p, &ev))
        idle_to_intro |= ev.type == PLAYER_EVENT_SHOW && ev.cause == PLAYER_CAUSE_IDLE &&
                         ev.slide == ALWAYS;
    CHECK(idle_to_intro, "idle return after 08:00: expected the intro");
    /* A mask with nothing on is taken as all on: the screen never empties. */
    bool none[N_SLIDES] = {false};
    player_set_on(p, none, 3700000);
    player_next(p, 3700001, PLAYER_CAUSE_KEY);
    CHECK(player_current(p) != BROKEN, "all off: next still avoids the broken slide");
    player_free(p);
    lineup_free(&l);
    free_deck(d);
}

int main(void)
{
    test_lineup_rows();
    test_walk_weekend();
    test_navigation();
    return check_done();
}
