/* playlog: exact JSON lines for a fixed time and zone, escaping, and lines
 * written to a file. */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "playlog.h"

/* 2026-06-01 01:30:12 UTC = 09:30:12 in Shanghai. */
#define FIXED_TIME ((time_t)1780277412)

static const struct {
    const char *tz;
    const char *event;
    long slide;
    const char *file, *cause, *message;
    const char *want;
} rows[] = {
    {"Asia/Shanghai", "show", 3, "slides/030-port.json", "swipe", NULL,
     "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"show\", "
     "\"slide\": 3, \"file\": \"slides/030-port.json\", \"cause\": \"swipe\"}"},
    {"Asia/Shanghai", "start", -1, NULL, NULL, NULL,
     "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"start\"}"},
    {"Asia/Shanghai", "pause", 2, NULL, "key", NULL,
     "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"pause\", "
     "\"slide\": 2, \"cause\": \"key\"}"},
    {"Asia/Shanghai", "error", 4, "slides/040-x.json", NULL,
     "slides/040-x.json:3:9: expected \"value\"\n\tbad\\path\x01",
     "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"error\", "
     "\"slide\": 4, \"file\": \"slides/040-x.json\", \"message\": "
     "\"slides/040-x.json:3:9: expected \\\"value\\\"\\n\\tbad\\\\path\\u0001\"}"},
    {"Asia/Shanghai", "show", 1, "slides/010-封面.json", "idle", NULL,
     "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"show\", "
     "\"slide\": 1, \"file\": \"slides/010-封面.json\", \"cause\": \"idle\"}"},
    {"UTC0", "exit", -1, NULL, NULL, NULL,
     "{\"time\": \"2026-06-01T01:30:12+00:00\", \"event\": \"exit\"}"},
    /* POSIX zone strings count west as positive: this is UTC-03:30. */
    {"NST3:30", "reload", -1, NULL, "reload", NULL,
     "{\"time\": \"2026-05-31T22:00:12-03:30\", \"event\": \"reload\", "
     "\"cause\": \"reload\"}"},
};

static void test_format(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        setenv("TZ", rows[i].tz, 1);
        tzset();
        char buf[512];
        size_t n = playlog_format(buf, sizeof buf, FIXED_TIME, rows[i].event,
                                  rows[i].slide, rows[i].file, rows[i].cause,
                                  rows[i].message);
        char row[32];
        snprintf(row, sizeof row, "playlog row %zu", i);
        CHECK_STR(buf, rows[i].want, row);
        CHECK(n == strlen(rows[i].want), "%s: length %zu, expected %zu", row,
              n, strlen(rows[i].want));
    }
    setenv("TZ", "Asia/Shanghai", 1);
    tzset();
    char small[10];
    size_t n = playlog_format(small, sizeof small, FIXED_TIME, "start", -1,
                              NULL, NULL, NULL);
    CHECK(n == strlen(rows[1].want), "truncated: length %zu, expected %zu", n,
          strlen(rows[1].want));
    CHECK_STR(small, "{\"time\": ", "truncated line");

    /* An error about a place in a file: file, line, column, message. */
    char buf[512];
    n = playlog_format_error(buf, sizeof buf, FIXED_TIME, "slides/030-fair.json", 12, 18,
                             "items[2].value must be a number");
    const char *want = "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"error\", "
                       "\"file\": \"slides/030-fair.json\", \"line\": 12, \"column\": 18, "
                       "\"message\": \"items[2].value must be a number\"}";
    CHECK_STR(buf, want, "error with a place");
    CHECK(n == strlen(want), "error with a place: length %zu, expected %zu", n, strlen(want));
    playlog_format_error(buf, sizeof buf, FIXED_TIME, NULL, 0, 0, "the deck folder is missing");
    CHECK_STR(buf,
              "{\"time\": \"2026-06-01T09:30:12+08:00\", \"event\": \"error\", "
              "\"message\": \"the deck folder is missing\"}",
              "error about no place");
}

static void test_file(void)
{
    char path[] = "/tmp/kiosk-playlog-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp failed");
    if (fd < 0)
        return;
    close(fd);
    FILE *f = fopen(path, "w");
    fputs("earlier line\n", f); /* the log appends, never truncates */
    fclose(f);

    playlog *log = playlog_open(path);
    CHECK(log != NULL, "playlog_open(%s) failed", path);
    if (log) {
        playlog_write(log, NULL, FIXED_TIME, "show", 3, "slides/030-port.json",
                      "swipe", NULL);
        /* Flushed at once: readable before the log is closed. */
        FILE *peek = fopen(path, "r");
        char line[512] = "";
        fgets(line, sizeof line, peek);
        fgets(line, sizeof line, peek);
        fclose(peek);
        CHECK_STR(line, "{\"time\": \"2026-06-01T09:30:12+08:00\", "
                        "\"event\": \"show\", \"slide\": 3, \"file\": "
                        "\"slides/030-port.json\", \"cause\": \"swipe\"}\n",
                  "line in file before close");
        /* A line longer than the writer's stack buffer. */
        char long_message[3000];
        memset(long_message, 'x', sizeof long_message - 1);
        long_message[sizeof long_message - 1] = '\0';
        playlog_write(log, NULL, FIXED_TIME, "error", -1, NULL, NULL,
                      long_message);
        playlog_close(log);

        f = fopen(path, "r");
        int lines = 0;
        size_t longest = 0, len = 0;
        for (int c; (c = fgetc(f)) != EOF;) {
            if (c == '\n') {
                lines++;
                longest = len > longest ? len : longest;
                len = 0;
            } else {
                len++;
            }
        }
        fclose(f);
        CHECK(lines == 3, "expected 3 lines in the file, got %d", lines);
        size_t want = strlen("{\"time\": \"2026-06-01T09:30:12+08:00\", "
                             "\"event\": \"error\", \"message\": \"\"}") +
                      sizeof long_message - 1;
        CHECK(longest == want, "long line: expected %zu bytes, got %zu", want,
              longest);
    }
    unlink(path);

    CHECK(playlog_open("/nonexistent-dir/kiosk.log") == NULL,
          "opening a log in a missing folder should fail");
    playlog_close(NULL);
    playlog_write(NULL, NULL, FIXED_TIME, "exit", -1, NULL, NULL, NULL);
}

/* The number of lines in a file, and its last line (newline kept). */
static int read_lines(const char *path, char *last, size_t cap)
{
    FILE *f = fopen(path, "r");
    int n = 0;
    last[0] = '\0';
    if (!f)
        return -1;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        n++;
        snprintf(last, cap, "%s", line);
    }
    fclose(f);
    return n;
}

/* logrotate's create mode: the file is renamed (or removed) under the
 * running show; the next line starts a new file under the old name. */
static void test_rotation(void)
{
    char dir[] = "/tmp/kiosk-rotate-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
    char path[64], moved[72], last[512];
    snprintf(path, sizeof path, "%s/play.log", dir);
    snprintf(moved, sizeof moved, "%s/play.log.1", dir);
    playlog *log = playlog_open(path);
    CHECK(log != NULL, "playlog_open(%s) failed", path);
    if (!log)
        return;
    playlog_write(log, NULL, FIXED_TIME, "start", -1, NULL, NULL, NULL);
    CHECK(rename(path, moved) == 0, "rename failed");
    playlog_write(log, NULL, FIXED_TIME + 1, "show", 1, NULL, "start", NULL);
    CHECK(read_lines(moved, last, sizeof last) == 1, "the moved file keeps 1 line");
    CHECK(read_lines(path, last, sizeof last) == 1, "a new file under the old name holds 1 line");
    CHECK_STR(last, "{\"time\": \"2026-06-01T09:30:13+08:00\", \"event\": \"show\", \"slide\": 1, "
                    "\"cause\": \"start\"}\n", "the first line after the rotation");
    /* Removed rather than renamed (logrotate without rotate count). */
    CHECK(unlink(path) == 0, "unlink failed");
    playlog_write(log, NULL, FIXED_TIME + 2, "exit", -1, NULL, NULL, NULL);
    CHECK(read_lines(path, last, sizeof last) == 1, "after a removal: a new file with 1 line");
    /* SIGHUP's reopen: the same file when nothing moved, lines appended. */
    CHECK(playlog_reopen(log) == 0, "playlog_reopen failed");
    playlog_write(log, NULL, FIXED_TIME + 3, "start", -1, NULL, NULL, NULL);
    CHECK(read_lines(path, last, sizeof last) == 2, "a reopen appends: 2 lines");
    /* The folder gone: the reopen fails, and lines go on to the file it had. */
    CHECK(unlink(path) == 0 && unlink(moved) == 0 && rmdir(dir) == 0, "cleanup failed");
    CHECK(playlog_reopen(log) == -1, "a reopen in a removed folder should fail");
    playlog_close(log);
    CHECK(playlog_reopen(NULL) == 0, "playlog_reopen(NULL) is a no-op");
}

int main(void)
{
    test_format();
    test_file();
    test_rotation();
    return check_done();
}
