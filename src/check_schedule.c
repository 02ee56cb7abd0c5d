#include "check_schedule.h"

#include <stdarg.h>
#include <string.h>

#include "civil.h"
#include "lineup.h"
#include "schedule.h"

static void date_text(long long day, char *out, size_t cap)
{
    int y, m, d;
    civil_date(day, &y, &m, &d);
    snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}

/* "11:30-13:30, 18:00-24:00". */
static void hours_text(const schedule *s, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < s->n_hours && len < cap; i++) {
        char a[16], b[16];
        schedule_clock_text(s->hours[i].start_s, a, sizeof a);
        schedule_clock_text(s->hours[i].end_s, b, sizeof b);
        int n = snprintf(out + len, cap - len, "%s%s-%s", i ? ", " : "", a, b);
        len += n > 0 ? (size_t)n : 0;
    }
}

static void line(FILE *out, msg_lang lang, msg_id id, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, id);
    vsnprintf(buf, sizeof buf, msg_text(lang, id), ap);
    va_end(ap);
    fprintf(out, "%s\n", buf);
}

int check_schedule_print(const deck *d, long long t, msg_lang lang, FILE *out)
{
    lineup l = {0};
    /* Build day 0: the date asked about is believed. */
    if (lineup_at(&l, d, t, 0) != 0)
        return -1;
    long long day = civil_floor_div(t, SCHEDULE_DAY_S);
    char when[96], date[48];
    date_text(day, date, sizeof date);
    long long sec = t - day * SCHEDULE_DAY_S;
    snprintf(when, sizeof when, "%s %02d:%02d", date, (int)(sec / 3600), (int)(sec / 60 % 60));
    const char *weekday = msg_text(lang, (msg_id)(MSG_WORD_DAY_MON + civil_weekday(day)));
    if (l.state == LINEUP_NONE_ON)
        line(out, lang, MSG_CHECK_AT_NONE_ON);
    else
        line(out, lang, MSG_CHECK_AT_HEAD, when, weekday, l.n_on, d->n_slides);
    for (size_t i = 0; i < d->n_slides; i++) {
        const slide *s = &d->slides[i];
        const schedule *sc = &s->schedule;
        char what[160];
        if (l.on[i]) {
            line(out, lang, MSG_CHECK_AT_SHOWN, s->file);
            continue;
        }
        switch (s->type == SLIDE_BROKEN ? SCHEDULE_IS_ON : schedule_why_off(sc, t)) {
        case SCHEDULE_IS_ON: /* off while on: only a broken slide */
            line(out, lang, MSG_CHECK_AT_BROKEN, s->file);
            break;
        case SCHEDULE_BEFORE_FROM:
            date_text(sc->from_day, what, sizeof what);
            line(out, lang, MSG_CHECK_AT_BEFORE, s->file, what);
            break;
        case SCHEDULE_AFTER_UNTIL:
            date_text(sc->until_day, what, sizeof what);
            line(out, lang, MSG_CHECK_AT_AFTER, s->file, what);
            break;
        case SCHEDULE_OFF_DAY:
            line(out, lang, MSG_CHECK_AT_DAY, s->file, weekday);
            break;
        case SCHEDULE_OFF_HOURS:
            hours_text(sc, what, sizeof what);
            line(out, lang, MSG_CHECK_AT_HOURS, s->file, what);
            break;
        }
    }
    lineup_free(&l);
    return 0;
}
