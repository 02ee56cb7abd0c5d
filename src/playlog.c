#include "playlog.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct playlog {
    FILE *file;          /* NULL when logging only to `also` */
    char *path;          /* the name it was opened by */
    bool reopen_failing; /* said once until a reopen works again */
};

playlog *playlog_open(const char *file_or_null)
{
    playlog *log = calloc(1, sizeof *log);
    if (!log)
        return NULL;
    if (file_or_null) {
        log->path = strdup(file_or_null);
        if (!log->path)
            goto fail;
        log->file = fopen(file_or_null, "a");
        if (!log->file)
            goto fail;
    }
    return log;
fail:
    playlog_close(log);
    return NULL;
}

void playlog_close(playlog *log)
{
    if (!log)
        return;
    int saved = errno; /* playlog_open's failure reports fopen's errno */
    if (log->file)
        fclose(log->file);
    free(log->path);
    free(log);
    errno = saved;
}

int playlog_reopen(playlog *log)
{
    if (!log || !log->path)
        return 0;
    FILE *f = fopen(log->path, "a");
    if (!f) {
        int err = errno;
        if (!log->reopen_failing)
            fprintf(stderr, "kiosk: cannot reopen the log %s: %s; writing on to the file it was\n",
                    log->path, strerror(err));
        log->reopen_failing = true;
        errno = err;
        return -1;
    }
    if (log->file)
        fclose(log->file);
    log->file = f;
    log->reopen_failing = false;
    return 0;
}

/* logrotate moves the file away (or deletes it) and expects the writer to
 * start a new one under the same name: checked before every line, which
 * costs one stat() per line — a few a minute. */
static void follow_rotation(playlog *log)
{
    struct stat named, open_one;
    if (!log || !log->file)
        return;
    if (stat(log->path, &named) == 0 && fstat(fileno(log->file), &open_one) == 0 &&
        named.st_dev == open_one.st_dev && named.st_ino == open_one.st_ino)
        return;
    playlog_reopen(log);
}

/* A bounded writer that counts what it would have written. */
typedef struct {
    char *buf;
    size_t cap, len;
} line_out;

static void put(line_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->buf[o->len] = s[i];
}

static void put_str(line_out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* A JSON string: quotes, backslashes and control characters escaped; other
 * bytes (UTF-8 included) pass through as they are. */
static void put_json_string(line_out *o, const char *s)
{
    put(o, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        char esc[8];
        switch (*c) {
        case '"': put_str(o, "\\\""); break;
        case '\\': put_str(o, "\\\\"); break;
        case '\n': put_str(o, "\\n"); break;
        case '\r': put_str(o, "\\r"); break;
        case '\t': put_str(o, "\\t"); break;
        case '\b': put_str(o, "\\b"); break;
        case '\f': put_str(o, "\\f"); break;
        default:
            if (*c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *c);
                put_str(o, esc);
            } else {
                put(o, (const char *)c, 1);
            }
        }
    }
    put(o, "\"", 1);
}

static void put_field(line_out *o, const char *key, const char *value)
{
    if (!value)
        return;
    put(o, ", ", 2);
    put_json_string(o, key);
    put(o, ": ", 2);
    put_json_string(o, value);
}

/* ISO 8601 local time with the offset written +HH:MM (strftime's %z has
 * no colon). */
static void format_time(char *buf, size_t cap, time_t wall)
{
    struct tm tm;
    if (!localtime_r(&wall, &tm)) {
        snprintf(buf, cap, "%lld", (long long)wall);
        return;
    }
    char date[32];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    long offset_min = tm.tm_gmtoff / 60;
    char sign = offset_min < 0 ? '-' : '+';
    if (offset_min < 0)
        offset_min = -offset_min;
    snprintf(buf, cap, "%s%c%02ld:%02ld", date, sign, offset_min / 60,
             offset_min % 60);
}

/* One line; line and col <= 0 are left out. */
static size_t format_line(char *buf, size_t cap, time_t wall, const char *event, long slide,
                          const char *file, int line, int col, const char *cause,
                          const char *message)
{
    line_out o = {buf, cap, 0};
    char when[64];
    format_time(when, sizeof when, wall);
    put_str(&o, "{\"time\": ");
    put_json_string(&o, when);
    put_field(&o, "event", event ? event : "?");
    if (slide >= 0) {
        char number[32];
        snprintf(number, sizeof number, ", \"slide\": %ld", slide);
        put_str(&o, number);
    }
    put_field(&o, "file", file);
    if (line > 0 && col > 0) {
        char where[64];
        snprintf(where, sizeof where, ", \"line\": %d, \"column\": %d", line, col);
        put_str(&o, where);
    }
    put_field(&o, "cause", cause);
    put_field(&o, "message", message);
    put(&o, "}", 1);
    if (cap)
        buf[o.len < cap ? o.len : cap - 1] = '\0';
    return o.len;
}

size_t playlog_format(char *buf, size_t cap, time_t wall, const char *event,
                      long slide, const char *file, const char *cause,
                      const char *message)
{
    return format_line(buf, cap, wall, event, slide, file, 0, 0, cause, message);
}

size_t playlog_format_error(char *buf, size_t cap, time_t wall, const char *file, int line,
                            int col, const char *message)
{
    return format_line(buf, cap, wall, "error", -1, file, line, col, NULL, message);
}

static void write_line(playlog *log, FILE *also, time_t wall, const char *event, long slide,
                       const char *file, int line_no, int col, const char *cause,
                       const char *message)
{
    char stack[1024];
    char *line = stack;
    size_t n = format_line(stack, sizeof stack, wall, event, slide, file, line_no, col, cause,
                           message);
    if (n >= sizeof stack) {
        line = malloc(n + 1);
        if (!line)
            return;
        format_line(line, n + 1, wall, event, slide, file, line_no, col, cause, message);
    }
    /* One fwrite per line: appends from several writers do not interleave
     * within a line. */
    line[n] = '\n';
    follow_rotation(log);
    FILE *outs[2] = {log ? log->file : NULL, also};
    for (int i = 0; i < 2; i++) {
        if (!outs[i])
            continue;
        fwrite(line, 1, n + 1, outs[i]);
        fflush(outs[i]);
    }
    if (line != stack)
        free(line);
}

void playlog_write(playlog *log, FILE *also, time_t wall, const char *event,
                   long slide, const char *file, const char *cause,
                   const char *message)
{
    write_line(log, also, wall, event, slide, file, 0, 0, cause, message);
}

void playlog_write_error(playlog *log, FILE *also, time_t wall, const char *file, int line,
                         int col, const char *message)
{
    write_line(log, also, wall, "error", -1, file, line, col, NULL, message);
}
