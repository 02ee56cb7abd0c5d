#include "schedule.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "suggest.h"

static bool on_day(const schedule *s, long long day)
{
    if ((s->has_from && day < s->from_day) || (s->has_until && day > s->until_day))
        return false;
    return !s->days || (s->days & (1u << civil_weekday(day)));
}

bool schedule_equal(const schedule *a, const schedule *b)
{
    if (a->set != b->set || a->has_from != b->has_from || a->has_until != b->has_until ||
        (a->has_from && a->from_day != b->from_day) ||
        (a->has_until && a->until_day != b->until_day) || a->days != b->days ||
        a->n_hours != b->n_hours)
        return false;
    for (size_t i = 0; i < a->n_hours; i++)
        if (a->hours[i].start_s != b->hours[i].start_s || a->hours[i].end_s != b->hours[i].end_s)
            return false;
    return true;
}

schedule_why schedule_why_off(const schedule *s, long long t)
{
    if (!s->set)
        return SCHEDULE_IS_ON;
    long long day = civil_floor_div(t, SCHEDULE_DAY_S);
    if (s->has_from && day < s->from_day)
        return SCHEDULE_BEFORE_FROM;
    if (s->has_until && day > s->until_day)
        return SCHEDULE_AFTER_UNTIL;
    if (!on_day(s, day))
        return SCHEDULE_OFF_DAY;
    if (!s->n_hours)
        return SCHEDULE_IS_ON;
    long long sec = t - day * SCHEDULE_DAY_S;
    for (size_t i = 0; i < s->n_hours; i++)
        if (sec >= s->hours[i].start_s && sec < s->hours[i].end_s)
            return SCHEDULE_IS_ON;
    return SCHEDULE_OFF_HOURS;
}

bool schedule_on(const schedule *s, long long t)
{
    return schedule_why_off(s, t) == SCHEDULE_IS_ON;
}

void schedule_clock_text(int secs, char *out, size_t cap)
{
    if (secs % 60)
        snprintf(out, cap, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
    else
        snprintf(out, cap, "%02d:%02d", secs / 3600, secs / 60 % 60);
}

/* The first moment after t, on day `day`, at which the schedule may turn:
 * the day's midnight and every hours range's start and end. -1: none. */
static long long next_candidate(const schedule *s, long long day, long long t)
{
    long long base = day * SCHEDULE_DAY_S, best = -1;
    long long c = base;
    if (c > t)
        best = c;
    for (size_t i = 0; i < s->n_hours; i++) {
        long long ends[2] = {base + s->hours[i].start_s, base + s->hours[i].end_s};
        for (int k = 0; k < 2; k++)
            if (ends[k] > t && (best < 0 || ends[k] < best))
                best = ends[k];
    }
    return best;
}

long long schedule_next_change(const schedule *s, long long t)
{
    if (!s->set)
        return SCHEDULE_NEVER;
    bool now = schedule_on(s, t);
    long long day = civil_floor_div(t, SCHEDULE_DAY_S);
    if (s->has_until && day > s->until_day)
        return SCHEDULE_NEVER;
    if (s->has_from && day < s->from_day) {
        /* Off and unchanging until the first date begins. */
        day = s->from_day;
        t = day * SCHEDULE_DAY_S - 1;
    }
    /* Within the dates the pattern repeats every week: a change, if any,
     * comes within eight days' candidates, or at the end of the last date. */
    long long last = day + 8;
    if (s->has_until && last > s->until_day + 1)
        last = s->until_day + 1;
    for (long long d = day; d <= last; d++) {
        long long c = t;
        while ((c = next_candidate(s, d, c)) >= 0)
            if (schedule_on(s, c) != now)
                return c;
    }
    if (s->has_until && now && s->until_day + 1 > last)
        return (s->until_day + 1) * SCHEDULE_DAY_S;
    return SCHEDULE_NEVER;
}

bool schedule_ever_on(const schedule *s)
{
    if (!s->set)
        return true;
    if (s->has_from && s->has_until && s->until_day < s->from_day)
        return false;
    long long first = s->has_from ? s->from_day : s->has_until ? s->until_day - 6 : 0;
    for (long long d = first; d < first + 7; d++)
        if (on_day(s, d))
            return true; /* every day has hours when any range is given */
    return false;
}

const char *const schedule_day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun",
                                          "周一", "周二", "周三", "周四", "周五", "周六", "周日",
                                          NULL};
static const char *const english_names[] = {"monday", "tuesday", "wednesday", "thursday",
                                            "friday", "saturday", "sunday", NULL};
const char *const schedule_day_all_names[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天",
    "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天", NULL};
static const char *const chinese_digits[] = {"一", "二", "三", "四", "五", "六", "日"};

int schedule_parse_day(const char *name)
{
    size_t n = strlen(name);
    if (n >= 3) {
        for (int d = 0; d < 7; d++) {
            const char *full = english_names[d];
            size_t i = 0;
            while (i < n && full[i] && tolower((unsigned char)name[i]) == full[i])
                i++;
            if (i == n)
                return d;
        }
    }
    const char *rest = strncmp(name, "周", strlen("周")) == 0 ? name + strlen("周")
                       : strncmp(name, "星期", strlen("星期")) == 0 ? name + strlen("星期")
                                                                 : NULL;
    if (!rest)
        return -1;
    for (int d = 0; d < 7; d++)
        if (strcmp(rest, chinese_digits[d]) == 0)
            return d;
    return strcmp(rest, "天") == 0 ? 6 : -1;
}

const char *schedule_suggest_day(const char *name)
{
    const char *near = suggest_nearest(name, english_names);
    return near ? near : suggest_nearest(name, schedule_day_names);
}

/* "HH:MM" or "HH:MM:SS" at s, "24:00" too when it ends a range: the
 * characters read, 0 for no time at all, -1 for a time of the wrong value. */
static int read_clock(const char *s, bool is_end, int *secs)
{
    long long v;
    int n = civil_parse_clock(s, false, &v);
    if (n) {
        *secs = (int)v;
        return n;
    }
    if (is_end && strncmp(s, "24:00", 5) == 0 && !isdigit((unsigned char)s[5]) &&
        (s[5] != ':' || strncmp(s + 5, ":00", 3) == 0)) {
        *secs = (int)SCHEDULE_DAY_S;
        return s[5] == ':' ? 8 : 5;
    }
    /* The shape of a time with digits out of range: 25:00, 9:60. */
    size_t i = 0;
    while (isdigit((unsigned char)s[i]))
        i++;
    if (i < 1 || i > 2 || s[i] != ':' || !isdigit((unsigned char)s[i + 1]) ||
        !isdigit((unsigned char)s[i + 2]))
        return 0;
    return -1;
}

/* One clock time of a range at *p, spaces around it skipped, `sep` (or
 * the end of the text, for '\0') after it; moves *p past them. A time that
 * is there but wrong (25:00) puts its offset in s into *bad_at. */
static schedule_hours_status range_end(const char *s, const char **p, bool is_end, char sep,
                                       int *out, size_t *bad_at)
{
    while (**p == ' ')
        (*p)++;
    int n = read_clock(*p, is_end, out);
    if (n < 0) {
        *bad_at = (size_t)(*p - s);
        return SCHEDULE_HOURS_CLOCK;
    }
    if (n == 0)
        return SCHEDULE_HOURS_SHAPE;
    *p += n;
    while (**p == ' ')
        (*p)++;
    if (**p != sep)
        return SCHEDULE_HOURS_SHAPE;
    if (sep)
        (*p)++;
    return SCHEDULE_HOURS_OK;
}

schedule_hours_status schedule_parse_hours(const char *s, schedule_hours *out, size_t *bad_at)
{
    const char *p = s;
    int start, end;
    schedule_hours_status st = range_end(s, &p, false, '-', &start, bad_at);
    if (st == SCHEDULE_HOURS_OK)
        st = range_end(s, &p, true, '\0', &end, bad_at);
    if (st != SCHEDULE_HOURS_OK)
        return st;
    out->start_s = start;
    out->end_s = end;
    if (end == start)
        return SCHEDULE_HOURS_EMPTY;
    if (end < start)
        return SCHEDULE_HOURS_BACKWARDS;
    return SCHEDULE_HOURS_OK;
}
