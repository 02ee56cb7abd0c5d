/* report — proof of play: what the play logs (playlog.h) say the show did.
 *
 * Per slide: how often it was shown, its seconds on screen, swipes that
 * brought it and swipes that left it, chapter taps that brought it. Per day
 * and hour: visitor touches and visitor sessions (a session runs from the
 * first touch to the moment the visitor is gone: the `idle` event, the idle
 * return, or the show stopping). A line that is not a whole, well-formed
 * event (a truncated last line after a power cut, zeros, a stray edit) is
 * skipped and counted; events this report does not know are ignored.
 *
 * Times are read as the logs wrote them: local wall-clock time with its
 * offset. Days, hours and the --from/--until window are in that local time;
 * durations come from the absolute times, so a log spanning a clock change
 * still adds up. The logs given are one show's: rotated pieces may come in
 * any order, and their events are merged by time.
 *
 * Pure: no SDL, no clock; reading a file is the only I/O. */
#ifndef KIOSK_REPORT_H
#define KIOSK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *file;         /* the slide's file as logged, or "#N" when none was */
    long number;        /* its slide number in the latest show that named it */
    long shown;         /* show events */
    long long seconds;  /* on screen (paused time included) */
    long swipes_to, swipes_away, chapter_taps;
} report_slide;

typedef struct {
    int year, month, day, hour; /* local */
    long touches;
    long sessions;              /* sessions that started in this hour */
    long long session_seconds;  /* their length together */
} report_hour;

typedef struct {
    report_slide *slides; /* in slide-number order */
    size_t n_slides;
    report_hour *hours;   /* in time order; only hours with a touch */
    size_t n_hours;
    size_t n_files;
    long lines;           /* non-blank lines read */
    long damaged;         /* of which skipped as damaged */
    char first_damaged[256]; /* "FILE:LINE" of the first, "" when none */
    long long first_s, last_s; /* local span of the events counted; first_s > last_s when none */
} report_result;

typedef struct report report;

/* A report with nothing read yet. NULL when memory runs out. */
report *report_new(void);
void report_free(report *r);

/* Reads the log lines in text[0..len): complete lines, and a last line
 * without its newline. `source` names them in messages ("play.log"). Each
 * call is one file. Returns -1 when memory runs out. */
int report_feed(report *r, const char *text, size_t len, const char *source);

/* Reads a whole file with report_feed. Returns -1 (errno set) when it
 * cannot be read. */
int report_read_file(report *r, const char *path);

/* Parses a --from / --until bound: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]"
 * (a space instead of T also works), as local seconds since 1970-01-01.
 * A date alone means the start of that day for --from and the end of it
 * for --until (is_until). Returns false when s is none of these. */
bool report_parse_bound(const char *s, bool is_until, long long *local_s);

/* Counts everything read so far within [from_s, until_s) local seconds
 * (LLONG_MIN / LLONG_MAX for no limit). The result is the report's and
 * valid until the next report_compute or report_free. NULL when memory
 * runs out. */
const report_result *report_compute(report *r, long long from_s, long long until_s);

/* The result as aligned tables for people, or as CSV (two tables, a blank
 * line between) for spreadsheets. */
void report_write_text(const report_result *res, FILE *out);
void report_write_csv(const report_result *res, FILE *out);

#endif
