/* report: sample play logs → the CSV the report prints, plus its count of
 * lines read and damaged lines skipped. Times in the samples are Beijing
 * time (+08:00) unless a row says otherwise. */
#include <limits.h>
#include <stdlib.h>

#include "check.h"
#include "report.h"

typedef struct {
    const char *text;
    size_t len; /* the samples hold NUL bytes: lengths, not strlen */
} log_text;

#define LOG(s) {s, sizeof s - 1}
#define T(hms) "{\"time\": \"2026-06-01T" hms "+08:00\", "

typedef struct {
    const char *name;
    log_text logs[3]; /* read in this order; {NULL} ends */
    const char *from, *until;
    const char *csv;
    long lines, damaged;
    const char *first_damaged;
} row;

#define SLIDES_HEAD "slide,file,shown,seconds_on_screen,swipes_to,swipes_away,chapter_taps\n"
#define HOURS_HEAD "\ndate,hour,touches,sessions,session_seconds\n"

/* A visitor swipes, taps a chapter, pauses, and leaves; the show returns. */
#define VISITOR_LOG                                                                              \
    T("10:00:00") "\"event\": \"start\"}\n"                                                     \
    T("10:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"slides/010.json\", \"cause\": \"start\"}\n" \
    T("10:00:05") "\"event\": \"touch\", \"slide\": 1, \"file\": \"slides/010.json\", \"cause\": \"swipe\"}\n" \
    T("10:00:05") "\"event\": \"show\", \"slide\": 2, \"file\": \"slides/020.json\", \"cause\": \"swipe\"}\n" \
    T("10:00:09") "\"event\": \"touch\", \"slide\": 2, \"cause\": \"chapter\"}\n"                \
    T("10:00:09") "\"event\": \"show\", \"slide\": 3, \"file\": \"slides/030.json\", \"cause\": \"chapter\"}\n" \
    T("10:00:12") "\"event\": \"touch\", \"slide\": 3, \"cause\": \"tap\"}\n"                    \
    T("10:00:12") "\"event\": \"pause\", \"slide\": 3}\n"                                       \
    T("10:01:12") "\"event\": \"idle\", \"slide\": 3}\n"                                        \
    T("10:01:12") "\"event\": \"resume\", \"slide\": 3}\n"                                      \
    T("10:01:12") "\"event\": \"show\", \"slide\": 1, \"file\": \"slides/010.json\", \"cause\": \"idle\"}\n" \
    T("10:01:20") "\"event\": \"exit\"}\n"

static const row ROWS[] = {
    {"the automatic advance alone: seconds from show to show, no visitors",
     {LOG(T("09:00:00") "\"event\": \"start\"}\n"
          T("09:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"a.json\", \"cause\": \"start\"}\n"
          T("09:00:08") "\"event\": \"show\", \"slide\": 2, \"file\": \"b.json\", \"cause\": \"auto\"}\n"
          T("09:00:16") "\"event\": \"show\", \"slide\": 3, \"file\": \"c.json\", \"cause\": \"auto\"}\n"
          T("09:00:20") "\"event\": \"exit\"}\n")},
     NULL, NULL,
     SLIDES_HEAD "1,a.json,1,8,0,0,0\n2,b.json,1,8,0,0,0\n3,c.json,1,4,0,0,0\n" HOURS_HEAD,
     5, 0, ""},

    {"a visitor: swipes to and away, a chapter tap, a session to the idle return",
     {LOG(VISITOR_LOG)}, NULL, NULL,
     SLIDES_HEAD "1,slides/010.json,2,13,0,1,0\n2,slides/020.json,1,4,1,0,0\n"
                 "3,slides/030.json,1,63,0,0,1\n" HOURS_HEAD "2026-06-01,10,3,1,67\n",
     12, 0, ""},

    {"--from/--until: only events inside count, seconds are clipped to the window",
     {LOG(VISITOR_LOG)}, "2026-06-01T10:00:06", "2026-06-01T10:01",
     SLIDES_HEAD "1,slides/010.json,0,0,0,0,0\n2,slides/020.json,0,3,0,0,0\n"
                 "3,slides/030.json,1,51,0,0,1\n" HOURS_HEAD "2026-06-01,10,2,0,0\n",
     12, 0, ""},

    {"a day outside the window counts nothing",
     {LOG(VISITOR_LOG)}, "2026-06-02", "2026-06-02",
     SLIDES_HEAD "1,slides/010.json,0,0,0,0,0\n2,slides/020.json,0,0,0,0,0\n"
                 "3,slides/030.json,0,0,0,0,0\n" HOURS_HEAD,
     12, 0, ""},

    {"damaged lines are skipped and counted; unknown events are not damage",
     {LOG(T("09:00:00") "\"event\": \"start\"}\n"
          T("09:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"a.json\", \"cause\": \"start\"}\n"
          "not json at all\n"
          T("09:00:03") "\"event\": \"show\", \"slide\": \"two\"}\n"
          "[\"time\", \"event\"]\n"
          "{\"time\": \"yesterday\", \"event\": \"show\", \"slide\": 2}\n"
          "{\"event\": \"show\", \"slide\": 2}\n"
          T("09:00:04") "\"event\": \"show\"}\n"
          "\n"
          "   \r\n"
          T("09:00:05") "\"event\": \"schedule\", \"slides\": [1, 2]}\n"
          T("09:00:06") "\"event\": \"show\", \"slide\": 2, \"file\": \"b.json\", \"cause\": \"auto\"}\n"
          "\0\0\0\0\0\0\0\0\n"
          T("09:00:10") "\"event\": \"sh")},
     NULL, NULL,
     SLIDES_HEAD "1,a.json,1,6,0,0,0\n2,b.json,1,0,0,0,0\n" HOURS_HEAD,
     12, 8, "log-1:3"},

    {"rotated pieces given newest first are merged by time",
     {LOG(T("09:00:20") "\"event\": \"show\", \"slide\": 3, \"file\": \"c.json\", \"cause\": \"auto\"}\n"
          T("09:00:25") "\"event\": \"exit\"}\n"),
      LOG(T("09:00:00") "\"event\": \"start\"}\n"
          T("09:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"a.json\", \"cause\": \"start\"}\n"
          T("09:00:10") "\"event\": \"show\", \"slide\": 2, \"file\": \"b.json\", \"cause\": \"auto\"}\n")},
     NULL, NULL,
     SLIDES_HEAD "1,a.json,1,10,0,0,0\n2,b.json,1,10,0,0,0\n3,c.json,1,5,0,0,0\n" HOURS_HEAD,
     5, 0, ""},

    {"a run that died: its slide and session end at its last line, not at the next start",
     {LOG(T("09:00:00") "\"event\": \"start\"}\n"
          T("09:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"a.json\", \"cause\": \"start\"}\n"
          T("09:00:10") "\"event\": \"show\", \"slide\": 2, \"file\": \"b.json\", \"cause\": \"auto\"}\n"
          T("09:00:12") "\"event\": \"touch\", \"slide\": 2, \"cause\": \"tap\"}\n"
          T("09:00:14") "\"event\": \"pause\", \"slide\": 2}\n"
          T("11:00:00") "\"event\": \"start\"}\n"
          T("11:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"a.json\", \"cause\": \"start\"}\n"
          T("11:00:03") "\"event\": \"touch\", \"slide\": 1, \"cause\": \"swipe\"}\n"
          T("11:00:06") "\"event\": \"exit\"}\n")},
     NULL, NULL,
     SLIDES_HEAD "1,a.json,2,16,0,0,0\n2,b.json,1,4,0,0,0\n" HOURS_HEAD
                 "2026-06-01,09,1,1,2\n2026-06-01,11,1,1,3\n",
     9, 0, ""},

    {"sessions per hour: each visitor from the first touch; touches in the hour they happen",
     {LOG(T("09:59:50") "\"event\": \"show\", \"slide\": 1, \"cause\": \"start\"}\n"
          T("09:59:55") "\"event\": \"touch\", \"slide\": 1, \"cause\": \"tap\"}\n"
          T("10:00:05") "\"event\": \"touch\", \"slide\": 1, \"cause\": \"tap\"}\n"
          T("10:01:05") "\"event\": \"idle\", \"slide\": 1}\n"
          T("10:30:00") "\"event\": \"touch\", \"slide\": 1, \"cause\": \"swipe\"}\n"
          T("10:30:00") "\"event\": \"show\", \"slide\": 2, \"cause\": \"swipe\"}\n"
          T("10:31:00") "\"event\": \"idle\", \"slide\": 2}\n"
          T("10:31:00") "\"event\": \"show\", \"slide\": 1, \"cause\": \"idle\"}\n"
          T("10:40:00") "\"event\": \"touch\", \"slide\": 1, \"cause\": \"tap\"}\n"
          T("10:41:00") "\"event\": \"idle\", \"slide\": 1}\n"
          T("10:41:10") "\"event\": \"exit\"}\n")},
     NULL, NULL,
     SLIDES_HEAD "1,#1,2,2420,0,1,0\n2,#2,1,60,1,0,0\n" HOURS_HEAD
                 "2026-06-01,09,1,1,70\n2026-06-01,10,3,2,120\n",
     11, 0, ""},

    {"stamps with other offsets: durations from absolute time, hours as written",
     {LOG("{\"time\": \"2026-06-01T09:00:00+08:00\", \"event\": \"show\", \"slide\": 1, \"cause\": \"start\"}\n"
          "{\"time\": \"2026-06-01T01:00:30Z\", \"event\": \"show\", \"slide\": 2, \"cause\": \"auto\"}\n"
          "{\"time\": \"2026-05-31T20:00:40-05:00\", \"event\": \"touch\", \"slide\": 2}\n"
          "{\"time\": \"2026-06-01T09:00:40+08:00\", \"event\": \"exit\"}\n")},
     NULL, NULL,
     SLIDES_HEAD "1,#1,1,30,0,0,0\n2,#2,1,10,0,0,0\n" HOURS_HEAD "2026-05-31,20,1,1,0\n",
     4, 0, ""},

    {"file names with commas and quotes are quoted for CSV",
     {LOG(T("09:00:00") "\"event\": \"show\", \"slide\": 1, \"file\": \"slides/a,\\\"b\\\".json\"}\n"
          T("09:00:02") "\"event\": \"exit\"}\n")},
     NULL, NULL, SLIDES_HEAD "1,\"slides/a,\"\"b\"\".json\",1,2,0,0,0\n" HOURS_HEAD, 2, 0, ""},

    {"an empty log", {LOG("")}, NULL, NULL, SLIDES_HEAD HOURS_HEAD, 0, 0, ""},
};

/* The CSV of a result, into a string. */
static char *csv_of(const report_result *res)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    report_write_csv(res, f);
    fclose(f);
    return buf;
}

static void check_rows(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        report *rep = report_new();
        for (int k = 0; k < 3 && r->logs[k].text; k++) {
            char name[16];
            snprintf(name, sizeof name, "log-%d", k + 1);
            CHECK(report_feed(rep, r->logs[k].text, r->logs[k].len, name) == 0, "%s: feed", r->name);
        }
        long long from = LLONG_MIN, until = LLONG_MAX;
        if (r->from)
            CHECK(report_parse_bound(r->from, false, &from), "%s: from", r->name);
        if (r->until)
            CHECK(report_parse_bound(r->until, true, &until), "%s: until", r->name);
        const report_result *res = report_compute(rep, from, until);
        CHECK(res != NULL, "%s: compute", r->name);
        if (res) {
            char *csv = csv_of(res);
            CHECK_STR(csv, r->csv, r->name);
            free(csv);
            CHECK(res->lines == r->lines, "%s: expected %ld lines, got %ld", r->name, r->lines,
                  res->lines);
            CHECK(res->damaged == r->damaged, "%s: expected %ld damaged, got %ld", r->name,
                  r->damaged, res->damaged);
            CHECK_STR(res->first_damaged, r->first_damaged, r->name);
        }
        report_free(rep);
    }
}

/* --from / --until spellings. */
static void check_bounds(void)
{
    static const struct {
        const char *s;
        int is_until;
        int ok;
        long long want;
    } B[] = {
        {"2026-06-01", 0, 1, 1780272000},
        {"2026-06-01", 1, 1, 1780272000 + 86400},
        {"2026-06-01T09:30", 1, 1, 1780272000 + 9 * 3600 + 1800},
        {"2026-06-01 09:30:15", 0, 1, 1780272000 + 9 * 3600 + 1815},
        {"2028-02-29", 0, 1, 1835395200},
        {"2026-02-29", 0, 0, 0},
        {"2026-13-01", 0, 0, 0},
        {"2026-06-01T9:30", 0, 0, 0},
        {"2026-06-01T09:30Z", 0, 0, 0},
        {"2026-06-01x", 0, 0, 0},
        {"", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof B / sizeof B[0]; i++) {
        long long got = 0;
        bool ok = report_parse_bound(B[i].s, B[i].is_until, &got);
        CHECK(ok == (B[i].ok != 0) && (!ok || got == B[i].want),
              "bound \"%s\" (until=%d): expected %s %lld, got %s %lld", B[i].s, B[i].is_until,
              B[i].ok ? "ok" : "refused", B[i].want, ok ? "ok" : "refused", got);
    }
}

/* The people's table of the visitor row, exactly. */
static void check_text(void)
{
    report *rep = report_new();
    static const char visitor[] = VISITOR_LOG;
    report_feed(rep, visitor, sizeof visitor - 1, "play.log");
    const report_result *res = report_compute(rep, LLONG_MIN, LLONG_MAX);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    report_write_text(res, f);
    fclose(f);
    CHECK_STR(buf,
              "Play report: 2026-06-01 10:00:00 to 2026-06-01 10:01:20 · 1 log, 12 lines\n"
              "\n"
              "Slides\n"
              "  slide  shown  on screen  swipes to  swipes away  chapter taps  file\n"
              "      1      2    0:00:13          0            1             0  slides/010.json\n"
              "      2      1    0:00:04          1            0             0  slides/020.json\n"
              "      3      1    0:01:03          0            0             1  slides/030.json\n"
              "  total      4    0:01:20          1            1             1\n"
              "\n"
              "Visitors (a session: first touch to idle return)\n"
              "  day         hour   touches  sessions  minutes per session\n"
              "  2026-06-01  10:00        3         1                  1.1\n"
              "  2026-06-01  day          3         1                  1.1\n"
              "  total                    3         1                  1.1\n",
              "text report");
    free(buf);
    report_free(rep);
}

int main(void)
{
    check_rows();
    check_bounds();
    check_text();
    return check_done();
}
