/* report's two outputs: aligned tables for people, CSV for spreadsheets. */
#include <string.h>

#include "civil.h"
#include "report.h"

static void clock_text(char *buf, size_t cap, long long seconds)
{
    snprintf(buf, cap, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

static void stamp_text(char *buf, size_t cap, long long local_s)
{
    int y, m, d;
    long long day = civil_floor_div(local_s, 86400), s = local_s - day * 86400;
    civil_date(day, &y, &m, &d);
    int hms = (int)s; /* 0 .. 86399 */
    snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, hms / 3600, hms / 60 % 60,
             hms % 60);
}

static double minutes_per_session(long long seconds, long sessions)
{
    return sessions ? (double)seconds / 60.0 / (double)sessions : 0.0;
}

static void hours_line(FILE *out, const char *day, const char *hour, long touches, long sessions,
                       long long session_s)
{
    fprintf(out, "  %-10s  %-5s  %7ld  %8ld  %19.1f\n", day, hour, touches, sessions,
            minutes_per_session(session_s, sessions));
}

void report_write_text(const report_result *res, FILE *out)
{
    char a[64], b[64];
    fprintf(out, "Play report: ");
    if (res->first_s <= res->last_s) {
        stamp_text(a, sizeof a, res->first_s);
        stamp_text(b, sizeof b, res->last_s);
        fprintf(out, "%s to %s", a, b);
    } else {
        fprintf(out, "no events");
    }
    fprintf(out, " · %zu log%s, %ld lines", res->n_files, res->n_files == 1 ? "" : "s", res->lines);
    if (res->damaged)
        fprintf(out, ", %ld damaged and skipped (first: %s)", res->damaged, res->first_damaged);
    fprintf(out, "\n\nSlides\n  slide  shown  on screen  swipes to  swipes away  chapter taps  file\n");
    report_slide total = {0};
    for (size_t i = 0; i < res->n_slides; i++) {
        const report_slide *s = &res->slides[i];
        clock_text(a, sizeof a, s->seconds);
        fprintf(out, "  %5ld  %5ld  %9s  %9ld  %11ld  %12ld  %s\n", s->number, s->shown, a,
                s->swipes_to, s->swipes_away, s->chapter_taps, s->file);
        total.shown += s->shown;
        total.seconds += s->seconds;
        total.swipes_to += s->swipes_to;
        total.swipes_away += s->swipes_away;
        total.chapter_taps += s->chapter_taps;
    }
    clock_text(a, sizeof a, total.seconds);
    fprintf(out, "  total  %5ld  %9s  %9ld  %11ld  %12ld\n", total.shown, a, total.swipes_to,
            total.swipes_away, total.chapter_taps);

    fprintf(out, "\nVisitors (a session: first touch to idle return)\n"
                 "  day         hour   touches  sessions  minutes per session\n");
    long all_t = 0, all_s = 0, day_t = 0, day_s = 0;
    long long all_sec = 0, day_sec = 0;
    for (size_t i = 0; i < res->n_hours; i++) {
        const report_hour *h = &res->hours[i];
        char day[16], hour[8];
        snprintf(day, sizeof day, "%04d-%02d-%02d", h->year, h->month, h->day);
        snprintf(hour, sizeof hour, "%02d:00", h->hour);
        hours_line(out, day, hour, h->touches, h->sessions, h->session_seconds);
        day_t += h->touches, day_s += h->sessions, day_sec += h->session_seconds;
        const report_hour *next = i + 1 < res->n_hours ? &res->hours[i + 1] : NULL;
        if (!next || next->year != h->year || next->month != h->month || next->day != h->day) {
            hours_line(out, day, "day", day_t, day_s, day_sec);
            all_t += day_t, all_s += day_s, all_sec += day_sec;
            day_t = day_s = 0;
            day_sec = 0;
        }
    }
    hours_line(out, "total", "", all_t, all_s, all_sec);
}

/* A CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void report_write_csv(const report_result *res, FILE *out)
{
    fprintf(out, "slide,file,shown,seconds_on_screen,swipes_to,swipes_away,chapter_taps\n");
    for (size_t i = 0; i < res->n_slides; i++) {
        const report_slide *s = &res->slides[i];
        fprintf(out, "%ld,", s->number);
        csv_field(out, s->file);
        fprintf(out, ",%ld,%lld,%ld,%ld,%ld\n", s->shown, s->seconds, s->swipes_to,
                s->swipes_away, s->chapter_taps);
    }
    fprintf(out, "\ndate,hour,touches,sessions,session_seconds\n");
    for (size_t i = 0; i < res->n_hours; i++) {
        const report_hour *h = &res->hours[i];
        fprintf(out, "%04d-%02d-%02d,%02d,%ld,%ld,%lld\n", h->year, h->month, h->day, h->hour,
                h->touches, h->sessions, h->session_seconds);
    }
}
