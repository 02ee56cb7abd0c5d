/* playlog — what the show did, as JSON lines: one object per line, e.g.
 *   {"time": "2026-06-01T09:30:12+08:00", "event": "show", "slide": 3,
 *    "file": "slides/030-port.json", "cause": "swipe"}
 * Events: start, show, pause, resume, reload, error, schedule, exit. Times are local
 * with a numeric offset. Pure apart from writing to the FILEs given. */
#ifndef KIOSK_PLAYLOG_H
#define KIOSK_PLAYLOG_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

typedef struct playlog playlog;

/* Opens a log appending to `file`, or a log that only writes where
 * playlog_write's `also` says when file is NULL. Returns NULL (errno set)
 * when the file cannot be opened or memory runs out. */
playlog *playlog_open(const char *file_or_null);

/* Formats one line (without the newline) into buf, always NUL-terminated
 * when cap > 0; returns the length the full line needs, like snprintf.
 * `slide` is 1-based, < 0 leaves it out; NULL strings are left out. */
size_t playlog_format(char *buf, size_t cap, time_t wall, const char *event,
                      long slide, const char *file, const char *cause,
                      const char *message);

/* Writes one line to the log's file and to `also` (stdout, or NULL), and
 * flushes both so `tail -f` sees it at once. When the file at the log's
 * name is no longer the one open (rotated), reopens it first. log may be NULL (then only
 * `also` is written). */
void playlog_write(playlog *log, FILE *also, time_t wall, const char *event,
                   long slide, const char *file, const char *cause,
                   const char *message);

/* Opens the log's file anew under its name: after logrotate moved it away
 * (playlog_write notices that by itself before each line) or on SIGHUP. On
 * failure (-1, errno set, reported once on stderr) the log goes on writing
 * to the file it had. A log without a file: 0, nothing to do. */
int playlog_reopen(playlog *log);

/* An `error` event about a place in a deck file, e.g.
 *   {"time": "…", "event": "error", "file": "slides/030-fair.json",
 *    "line": 12, "column": 18, "message": "items[2].value must be a number …"}
 * line and col <= 0 are left out (an error about no place in particular). */
size_t playlog_format_error(char *buf, size_t cap, time_t wall, const char *file, int line,
                            int col, const char *message);
void playlog_write_error(playlog *log, FILE *also, time_t wall, const char *file, int line,
                         int col, const char *message);

/* Closes the file. playlog_close(NULL) is a no-op. */
void playlog_close(playlog *log);

#endif
