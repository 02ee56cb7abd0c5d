/* schedule: whether a slide is on at a moment and when that next changes,
 * on an injected local clock. 2026-06-01 is a Monday, 2026-06-06 a Saturday,
 * 2028-02-29 a Tuesday. Every schedule of the tables is also walked step
 * by step over three weeks around its dates, and each next change checked
 * against the step the walk finds. */
#include <stdlib.h>

#include "check.h"
#include "civil.h"
#include "schedule.h"

/* "YYYY-MM-DDTHH:MM[:SS]" → local seconds; "never" → SCHEDULE_NEVER. */
static long long at(const char *stamp)
{
    if (strcmp(stamp, "never") == 0)
        return SCHEDULE_NEVER;
    long long days = 0, secs = 0;
    if (!civil_parse_date(stamp, &days) || stamp[10] != 'T' ||
        !civil_parse_clock(stamp + 11, false, &secs)) {
        fprintf(stderr, "bad stamp in the table: %s\n", stamp);
        abort();
    }
    return days * SCHEDULE_DAY_S + secs;
}

/* A schedule from the table's words: dates "" for none, days as a comma
 * list ("sat,周日"), hours as a comma list ("09:00-12:00,14:00-18:00"). */
typedef struct {
    const char *from, *until, *days, *hours;
} spec;

static schedule make(spec sp)
{
    schedule s = {.set = true};
    if (*sp.from)
        s.has_from = civil_parse_date(sp.from, &s.from_day) == 10;
    if (*sp.until)
        s.has_until = civil_parse_date(sp.until, &s.until_day) == 10;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", sp.days);
    for (char *w = strtok(buf, ","); w; w = strtok(NULL, ",")) {
        int d = schedule_parse_day(w);
        if (d < 0)
            abort();
        s.days |= 1u << d;
    }
    snprintf(buf, sizeof buf, "%s", sp.hours);
    for (char *w = strtok(buf, ","); w; w = strtok(NULL, ",")) {
        size_t bad;
        if (schedule_parse_hours(w, &s.hours[s.n_hours++], &bad) != SCHEDULE_HOURS_OK)
            abort();
    }
    return s;
}

static const spec NONE = {NULL, NULL, NULL, NULL}; /* no schedule at all */

typedef struct {
    const char *name;
    spec sp;
    const char *when;
    bool on;
    const char *next; /* the next change after `when`, or "never" */
} row;

static const row ROWS[] = {
    {"no schedule: always on, never changes", NONE, "2026-06-01T10:00", true, "never"},

    /* Dates: inclusive at both ends. */
    {"the day before the first date", {"2026-06-01", "2026-06-03", "", ""},
     "2026-05-31T23:59:59", false, "2026-06-01T00:00"},
    {"the first date's first second", {"2026-06-01", "2026-06-03", "", ""},
     "2026-06-01T00:00", true, "2026-06-04T00:00"},
    {"the last date's last second", {"2026-06-01", "2026-06-03", "", ""},
     "2026-06-03T23:59:59", true, "2026-06-04T00:00"},
    {"the day after the last date: over for good", {"2026-06-01", "2026-06-03", "", ""},
     "2026-06-04T00:00", false, "never"},
    {"a month before the first date, with hours: the first date's first hour",
     {"2026-06-01", "", "", "09:00-17:00"}, "2026-05-01T12:00", false, "2026-06-01T09:00"},
    {"from only: on for ever after", {"2026-06-01", "", "", ""},
     "2027-03-01T08:00", true, "never"},
    {"until only: on until the last date ends", {"", "2026-06-03", "", ""},
     "2020-01-01T00:00", true, "2026-06-04T00:00"},
    {"one day, the same date twice", {"2026-06-02", "2026-06-02", "", ""},
     "2026-06-02T12:00", true, "2026-06-03T00:00"},

    /* Hours: half-open ranges. */
    {"a minute before noon", {"", "", "", "12:00-13:00"}, "2026-06-01T11:59", false,
     "2026-06-01T12:00"},
    {"noon itself", {"", "", "", "12:00-13:00"}, "2026-06-01T12:00", true,
     "2026-06-01T13:00"},
    {"the range's last second", {"", "", "", "12:00-13:00"}, "2026-06-01T12:59:59", true,
     "2026-06-01T13:00"},
    {"the range's end is off", {"", "", "", "12:00-13:00"}, "2026-06-01T13:00", false,
     "2026-06-02T12:00"},
    {"ranges that touch are one stretch", {"", "", "", "09:00-12:00,12:00-15:00"},
     "2026-06-01T10:00", true, "2026-06-01T15:00"},
    {"ranges that overlap are one stretch", {"", "", "", "12:00-15:00,09:00-13:00"},
     "2026-06-01T10:00", true, "2026-06-01T15:00"},
    {"between two ranges", {"", "", "", "09:00-12:00,14:00-18:00"}, "2026-06-01T12:30", false,
     "2026-06-01T14:00"},
    {"after the day's last range: tomorrow's first", {"", "", "", "09:00-12:00,14:00-18:00"},
     "2026-06-01T23:00", false, "2026-06-02T09:00"},
    {"ends at 24:00: on at the last second", {"", "", "", "22:00-24:00"},
     "2026-06-01T23:59:59", true, "2026-06-02T00:00"},
    {"24:00 and 00:00 touch across midnight", {"", "", "", "22:00-24:00,00:00-02:00"},
     "2026-06-01T23:00", true, "2026-06-02T02:00"},
    {"00:00-24:00 is the whole day", {"", "", "", "00:00-24:00"}, "2026-06-01T05:00", true,
     "never"},
    {"seconds in a range", {"", "", "", "12:00:30-12:00:45"}, "2026-06-01T12:00:30", true,
     "2026-06-01T12:00:45"},

    /* Weekdays. */
    {"Friday, shown at weekends", {"", "", "sat,sun", ""}, "2026-06-05T10:00", false,
     "2026-06-06T00:00"},
    {"Saturday: on through Sunday", {"", "", "sat,sun", ""}, "2026-06-06T10:00", true,
     "2026-06-08T00:00"},
    {"Chinese names", {"", "", "周六,星期日", ""}, "2026-06-07T23:59:59", true,
     "2026-06-08T00:00"},
    {"every weekday named is every day", {"", "", "mon,tue,wed,thu,fri,sat,sun", ""},
     "2026-06-03T03:00", true, "never"},
    {"every weekday until a date: the date's end", {"", "2030-12-31", "mon,tue,wed,thu,fri,sat,sun", ""},
     "2026-06-03T03:00", true, "2031-01-01T00:00"},
    {"weekend nights across midnight", {"", "", "sat,sun", "22:00-24:00,00:00-02:00"},
     "2026-06-06T23:00", true, "2026-06-07T02:00"},
    {"Sunday night runs out at Monday's midnight", {"", "", "sat,sun", "22:00-24:00,00:00-02:00"},
     "2026-06-07T23:00", true, "2026-06-08T00:00"},
    {"Monday early: next Saturday's first range", {"", "", "sat,sun", "22:00-24:00,00:00-02:00"},
     "2026-06-08T01:00", false, "2026-06-13T00:00"},
    {"a weekday not in the dates: never on", {"2026-06-01", "2026-06-03", "sat", ""},
     "2026-05-20T10:00", false, "never"},

    /* Month and year ends, leap days. */
    {"the last of January to February's first", {"", "", "", "09:00-10:00"},
     "2026-01-31T11:00", false, "2026-02-01T09:00"},
    {"New Year's Eve to New Year's Day", {"", "", "", "09:00-10:00"}, "2026-12-31T11:00", false,
     "2027-01-01T09:00"},
    {"until New Year's Eve: off at midnight", {"", "2026-12-31", "", ""}, "2026-12-31T23:59:59",
     true, "2027-01-01T00:00"},
    {"a leap day alone: the day before", {"2028-02-29", "2028-02-29", "", ""},
     "2028-02-28T23:59", false, "2028-02-29T00:00"},
    {"a leap day alone: on that day", {"2028-02-29", "2028-02-29", "", ""}, "2028-02-29T12:00",
     true, "2028-03-01T00:00"},
    {"Tuesdays from the leap day", {"2028-02-28", "", "tue", ""}, "2028-02-28T12:00", false,
     "2028-02-29T00:00"},
    {"February 28th in a common year to March", {"", "", "", "09:00-10:00"},
     "2027-02-28T12:00", false, "2027-03-01T09:00"},
};

static void test_rows(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        schedule s = r->sp.from ? make(r->sp) : (schedule){0};
        long long t = at(r->when), want = at(r->next);
        CHECK(schedule_on(&s, t) == r->on, "%s: on at %s: expected %d", r->name, r->when,
              r->on);
        long long got = schedule_next_change(&s, t);
        CHECK(got == want, "%s: next change after %s: expected %lld, got %lld (%+lld s)",
              r->name, r->when, want, got, got - want);
    }
}

/* In steps of 15 s over three weeks from a week before each schedule's
 * first date (or 2026-05-25): at every step, the next change is the first
 * later step that differs, or lies beyond the walk. Every boundary in the
 * tables is on that grid. */
#define WALK_STEP_S 15
#define WALK_STEPS (21 * 24 * 3600 / WALK_STEP_S)

static void test_walk(void)
{
    static bool on[WALK_STEPS];
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        if (!r->sp.from)
            continue;
        schedule s = make(r->sp);
        long long start = at("2026-05-25T00:00");
        if (s.has_from)
            start = (s.from_day - 7) * SCHEDULE_DAY_S;
        for (int m = 0; m < WALK_STEPS; m++)
            on[m] = schedule_on(&s, start + m * (long long)WALK_STEP_S);
        int differs = WALK_STEPS; /* first later minute that differs */
        int bad = 0;
        for (int m = WALK_STEPS - 1; m >= 0; m--) {
            if (m + 1 < WALK_STEPS && on[m + 1] != on[m])
                differs = m + 1;
            long long got = schedule_next_change(&s, start + m * (long long)WALK_STEP_S);
            long long want = start + differs * (long long)WALK_STEP_S;
            bool ok = differs < WALK_STEPS ? got == want : got >= want;
            if (!ok && bad++ == 0)
                CHECK(false, "%s: walk step %d: expected %lld, got %lld", r->name, m, want,
                      got);
        }
        CHECK(bad == 0, "%s: %d steps of the walk disagree", r->name, bad);
    }
}

typedef struct {
    const char *text;
    schedule_hours_status status;
    int start_s, end_s;
    size_t bad_at;
} hours_row;

static const hours_row HOURS[] = {
    {"09:00-12:00", SCHEDULE_HOURS_OK, 9 * 3600, 12 * 3600, 0},
    {" 09:00 - 12:00 ", SCHEDULE_HOURS_OK, 9 * 3600, 12 * 3600, 0},
    {"18:00-24:00", SCHEDULE_HOURS_OK, 18 * 3600, 86400, 0},
    {"12:00:30-12:00:45", SCHEDULE_HOURS_OK, 43230, 43245, 0},
    {"00:00-24:00:00", SCHEDULE_HOURS_OK, 0, 86400, 0},
    {"25:00-26:00", SCHEDULE_HOURS_CLOCK, 0, 0, 0},
    {"09:00-25:00", SCHEDULE_HOURS_CLOCK, 0, 0, 6},
    {"09:60-10:00", SCHEDULE_HOURS_CLOCK, 0, 0, 0},
    {"24:00-24:00", SCHEDULE_HOURS_CLOCK, 0, 0, 0},
    {"09:00-24:30", SCHEDULE_HOURS_CLOCK, 0, 0, 6},
    {"9:00-12:00", SCHEDULE_HOURS_CLOCK, 0, 0, 0},
    {"12:00-12:00", SCHEDULE_HOURS_EMPTY, 12 * 3600, 12 * 3600, 0},
    {"22:00-02:00", SCHEDULE_HOURS_BACKWARDS, 22 * 3600, 2 * 3600, 0},
    {"9-12", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
    {"0900-1200", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
    {"09:00", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
    {"09:00-12:00x", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
    {"09:00~12:00", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
    {"", SCHEDULE_HOURS_SHAPE, 0, 0, 0},
};

static void test_hours(void)
{
    for (size_t i = 0; i < sizeof HOURS / sizeof HOURS[0]; i++) {
        const hours_row *r = &HOURS[i];
        schedule_hours h = {-1, -1};
        size_t bad = 0;
        schedule_hours_status st = schedule_parse_hours(r->text, &h, &bad);
        CHECK(st == r->status, "\"%s\": expected status %d, got %d", r->text, r->status, st);
        /* The two times as read come back for the messages too. */
        bool has_times = st == SCHEDULE_HOURS_OK || st == SCHEDULE_HOURS_EMPTY ||
                         st == SCHEDULE_HOURS_BACKWARDS;
        if (st == r->status && has_times)
            CHECK(h.start_s == r->start_s && h.end_s == r->end_s,
                  "\"%s\": expected %d-%d, got %d-%d", r->text, r->start_s, r->end_s,
                  h.start_s, h.end_s);
        if (st == SCHEDULE_HOURS_CLOCK)
            CHECK(bad == r->bad_at, "\"%s\": expected the bad time at %zu, got %zu", r->text,
                  r->bad_at, bad);
    }
}

static void test_days(void)
{
    static const struct {
        const char *name;
        int day;
        const char *suggestion;
    } DAYS[] = {
        {"mon", 0, NULL},      {"Mon", 0, NULL},      {"MONDAY", 0, NULL},
        {"tues", 1, NULL},     {"wed", 2, NULL},      {"thurs", 3, NULL},
        {"thursday", 3, NULL}, {"fri", 4, NULL},      {"sat", 5, NULL},
        {"sun", 6, NULL},      {"周一", 0, NULL},     {"周五", 4, NULL},
        {"周日", 6, NULL},     {"周天", 6, NULL},     {"星期三", 2, NULL},
        {"星期天", 6, NULL},   {"mo", -1, "mon"},     {"monx", -1, "mon"},
        {"mondays", -1, "monday"}, {"mnday", -1, "monday"}, {"frday", -1, "friday"},
        {"周八", -1, "周六"},    {"", -1, NULL},        {"xyz", -1, NULL},
        {"星期", -1, NULL},
    };
    for (size_t i = 0; i < sizeof DAYS / sizeof DAYS[0]; i++) {
        CHECK(schedule_parse_day(DAYS[i].name) == DAYS[i].day, "\"%s\": expected day %d, got %d",
              DAYS[i].name, DAYS[i].day, schedule_parse_day(DAYS[i].name));
        if (DAYS[i].day < 0)
            CHECK_STR(schedule_suggest_day(DAYS[i].name), DAYS[i].suggestion, DAYS[i].name);
    }
}

static void test_calendar(void)
{
    static const struct {
        const char *date;
        int weekday;
    } WEEKDAYS[] = {
        {"1970-01-01", 3}, {"2026-06-01", 0}, {"2026-06-06", 5}, {"2026-06-07", 6},
        {"2028-02-29", 1}, {"2026-12-31", 3}, {"2027-01-01", 4}, {"2000-02-29", 1},
    };
    for (size_t i = 0; i < sizeof WEEKDAYS / sizeof WEEKDAYS[0]; i++) {
        long long d = 0;
        civil_parse_date(WEEKDAYS[i].date, &d);
        CHECK(civil_weekday(d) == WEEKDAYS[i].weekday, "%s: expected weekday %d, got %d",
              WEEKDAYS[i].date, WEEKDAYS[i].weekday, civil_weekday(d));
    }
    CHECK(civil_weekday(-1) == 2, "1969-12-31: expected a Wednesday, got %d", civil_weekday(-1));
    static const int MONTHS[][3] = {{2026, 1, 31}, {2026, 2, 28}, {2028, 2, 29}, {1900, 2, 28},
                                    {2000, 2, 29}, {2026, 4, 30}, {2026, 12, 31}, {2026, 13, 0}};
    for (size_t i = 0; i < sizeof MONTHS / sizeof MONTHS[0]; i++)
        CHECK(civil_days_in_month(MONTHS[i][0], MONTHS[i][1]) == MONTHS[i][2],
              "%d-%02d: expected %d days, got %d", MONTHS[i][0], MONTHS[i][1], MONTHS[i][2],
              civil_days_in_month(MONTHS[i][0], MONTHS[i][1]));
}

static void test_ever_on(void)
{
    static const struct {
        spec sp;
        bool ever;
    } EVER[] = {
        {{"2026-06-01", "2026-06-03", "sat", ""}, false},
        {{"2026-06-01", "2026-06-06", "sat", ""}, true},
        {{"2026-06-03", "2026-06-01", "", ""}, false},
        {{"", "2026-06-01", "周二", ""}, true},
        {{"", "", "sun", "09:00-10:00"}, true},
        {{"2026-06-01", "2026-06-01", "", "09:00-10:00"}, true},
    };
    for (size_t i = 0; i < sizeof EVER / sizeof EVER[0]; i++) {
        schedule s = make(EVER[i].sp);
        CHECK(schedule_ever_on(&s) == EVER[i].ever, "%s..%s on %s: expected ever on %d",
              EVER[i].sp.from, EVER[i].sp.until, EVER[i].sp.days, EVER[i].ever);
    }
}

/* Every name the schema lists is one the loader takes; schedule_equal
 * looks at every part. */
static void test_names_and_equal(void)
{
    for (size_t i = 0; schedule_day_all_names[i]; i++)
        CHECK(schedule_parse_day(schedule_day_all_names[i]) >= 0, "\"%s\" is listed but refused",
              schedule_day_all_names[i]);
    schedule base = {.set = true, .has_from = true, .from_day = 20605, .days = 0x60,
                     .n_hours = 1, .hours = {{9 * 3600, 12 * 3600}}};
    schedule other[5];
    for (int k = 0; k < 5; k++)
        other[k] = base;
    other[0].set = false;
    other[1].from_day++;
    other[2].days = 0x40;
    other[3].hours[0].end_s++;
    other[4].n_hours = 0;
    CHECK(schedule_equal(&base, &base), "a schedule differs from itself");
    for (int k = 0; k < 5; k++)
        CHECK(!schedule_equal(&base, &other[k]), "change %d: expected a difference", k);
}

/* Why a schedule is off: the first part that rules the moment out. */
static void test_why_off(void)
{
    static const struct {
        spec sp;
        const char *when;
        schedule_why why;
    } rows[] = {
        {{"", "", "", ""}, "2026-06-01T10:00", SCHEDULE_IS_ON},
        {{"2026-06-06", "2026-06-07", "sat", "09:00-10:00"}, "2026-06-01T12:00", SCHEDULE_BEFORE_FROM},
        {{"2026-06-06", "2026-06-07", "sat", "09:00-10:00"}, "2026-06-08T09:30", SCHEDULE_AFTER_UNTIL},
        {{"2026-06-06", "2026-06-07", "sat", "09:00-10:00"}, "2026-06-07T09:30", SCHEDULE_OFF_DAY},
        {{"2026-06-06", "2026-06-07", "sat", "09:00-10:00"}, "2026-06-06T10:00", SCHEDULE_OFF_HOURS},
        {{"2026-06-06", "2026-06-07", "sat", "09:00-10:00"}, "2026-06-06T09:59:59", SCHEDULE_IS_ON},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        schedule sc = rows[i].sp.from ? make(rows[i].sp) : (schedule){0};
        schedule_why got = schedule_why_off(&sc, at(rows[i].when));
        CHECK(got == rows[i].why, "row %zu at %s: expected %d, got %d", i, rows[i].when,
              rows[i].why, got);
        CHECK(schedule_on(&sc, at(rows[i].when)) == (got == SCHEDULE_IS_ON),
              "row %zu: schedule_on disagrees", i);
    }
    static const struct {
        int secs;
        const char *text;
    } clocks[] = {{0, "00:00"}, {9 * 3600 + 30 * 60, "09:30"}, {43215, "12:00:15"}, {86400, "24:00"}};
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        char buf[16];
        schedule_clock_text(clocks[i].secs, buf, sizeof buf);
        CHECK_STR(buf, clocks[i].text, "schedule_clock_text");
    }
}

int main(void)
{
    test_names_and_equal();
    test_why_off();
    test_rows();
    test_walk();
    test_hours();
    test_days();
    test_calendar();
    test_ever_on();
    return check_done();
}
