/* schedule — when a slide is shown: a window of dates, weekdays and hours of
 * the day, on the local wall clock.
 *
 * Times are local wall-clock seconds since 1970-01-01 00:00 (civil.h), so
 * no time zone database is involved; the caller turns its clock into that.
 * Every part of a schedule may be left out: no dates means every date, no
 * weekdays every weekday, no hours the whole day. Dates are inclusive;
 * an hours range is half-open, "09:00-12:00" is on from 09:00:00 until
 * 11:59:59 and off at 12:00:00, so ranges that touch make one stretch.
 *
 * A schedule is a plain value (no pointers): copying it copies it. Pure. */
#ifndef KIOSK_SCHEDULE_H
#define KIOSK_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

/* More hours ranges than this in one schedule is a mistake. */
#define SCHEDULE_MAX_HOURS 8
/* "no change ever": the answer of schedule_next_change for a schedule
 * whose visibility never changes again. */
#define SCHEDULE_NEVER 0x7fffffffffffffffLL
#define SCHEDULE_DAY_S 86400LL

typedef struct {
    int start_s, end_s; /* seconds since midnight, 0 <= start < end <= 86400 */
} schedule_hours;

typedef struct {
    bool set;                       /* false: always shown */
    bool has_from, has_until;
    long long from_day, until_day;  /* days since 1970-01-01, both inclusive */
    unsigned days;                  /* bit 0 Monday .. bit 6 Sunday; 0: every day */
    size_t n_hours;                 /* 0: the whole day */
    schedule_hours hours[SCHEDULE_MAX_HOURS];
} schedule;

/* Whether a and b say the same (every part that is set equal). */
bool schedule_equal(const schedule *a, const schedule *b);

/* Whether a slide with schedule s is shown at local time t. An unset
 * schedule is always on. */
bool schedule_on(const schedule *s, long long t);

/* The first moment after t at which schedule_on(s, ·) differs from
 * schedule_on(s, t); SCHEDULE_NEVER when it never will (no schedule, or
 * past its last date, or on at every hour of every day from t on). */
long long schedule_next_change(const schedule *s, long long t);

/* Why s is off at local time t: the first part of it that rules t out, in
 * the order schedule_on tests them; SCHEDULE_IS_ON when it is on. */
typedef enum {
    SCHEDULE_IS_ON,
    SCHEDULE_BEFORE_FROM, /* a day before "from" */
    SCHEDULE_AFTER_UNTIL, /* a day after "until" */
    SCHEDULE_OFF_DAY,     /* a weekday not in "days" */
    SCHEDULE_OFF_HOURS,   /* outside every range of "hours" */
} schedule_why;
schedule_why schedule_why_off(const schedule *s, long long t);

/* "09:30", or "09:30:15" when the seconds are not 0, "24:00" for the end
 * of the day: a time of day in seconds as a deck writes it. */
void schedule_clock_text(int secs, char *out, size_t cap);

/* Whether s is on at some moment at all (false: its dates hold none of its
 * weekdays, or its last date is before its first). */
bool schedule_ever_on(const schedule *s);

/* Weekday names as a deck writes them: "mon" .. "sun" and any longer
 * prefix of the English name ("thurs", "Thursday"; ASCII case ignored),
 * 周一 .. 周日, 星期一 .. 星期日, and 周天 / 星期天 for Sunday. Returns 0
 * (Monday) .. 6, or -1 for anything else. */
int schedule_parse_day(const char *name);

/* The weekday name a misspelt one was most likely meant to be ("mnday" →
 * "monday", "周八" → none), or NULL. */
const char *schedule_suggest_day(const char *name);

/* The names a message lists: "mon", .., "sun", "周一", .., "周日", NULL. */
extern const char *const schedule_day_names[];
/* Every whole name schedule_parse_day takes, in small letters (the schema's
 * list): "mon", "monday", .., "周一", "星期一", .., "周天", "星期天", NULL. */
extern const char *const schedule_day_all_names[];

typedef enum {
    SCHEDULE_HOURS_OK,
    SCHEDULE_HOURS_SHAPE,     /* not "HH:MM-HH:MM" */
    SCHEDULE_HOURS_CLOCK,     /* a time that is not a time of day: 25:00, 09:60 */
    SCHEDULE_HOURS_EMPTY,     /* starts where it ends */
    SCHEDULE_HOURS_BACKWARDS, /* ends before it starts (would pass midnight) */
} schedule_hours_status;

/* One hours range "HH:MM-HH:MM" (spaces around '-' allowed, seconds
 * "HH:MM:SS" too); "24:00" may end a range. On OK, EMPTY and BACKWARDS sets
 * *out to the two times as read; on CLOCK *bad_at is the offset in s of the
 * time that is wrong. */
schedule_hours_status schedule_parse_hours(const char *s, schedule_hours *out, size_t *bad_at);

#endif
