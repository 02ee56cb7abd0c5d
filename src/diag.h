/* diag — diagnostics about a deck: where (file, line, column), how bad, what.
 *
 * Printed as "PATH:LINE:COL: error: MESSAGE", the form editors and CI parse.
 * PATH is relative to the deck folder. LINE and COL are 1-based; COL counts
 * Unicode characters (not bytes) from the start of the line, so it matches
 * what an editor shows for Chinese text. A diagnostic about a whole file uses
 * line 1, column 1. Pure: no SDL. */
#ifndef KIOSK_DIAG_H
#define KIOSK_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "msg.h"

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_severity;

typedef struct {
    char *path;    /* owned; relative to the deck folder */
    int line, col; /* 1-based */
    diag_severity severity;
    bool local;    /* an error that costs a piece of a slide (a picture shown
                      as a placeholder), not the whole slide */
    char *message; /* owned; one line: control characters are escaped */
    int id;        /* the msg_id it was written from; -1 for none */
} diag;

typedef struct {
    diag *items; /* owned array of n items */
    size_t n, cap;
    msg_lang lang; /* the language messages are written in; MSG_EN when zeroed */
} diag_list;

/* Appends a diagnostic; the message is printf-formatted. Control
 * characters in the path and message (a "\n" read from a file name) are
 * written as escapes, so a diagnostic is always one line. Never fails visibly:
 * on allocation failure the diagnostic is dropped. */
void diag_add(diag_list *list, diag_severity sev, const char *path, int line,
              int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The same with a va_list; returns false when memory ran out and the
 * diagnostic was dropped. */
bool diag_addv(diag_list *list, diag_severity sev, const char *path, int line, int col,
               const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/* Appends message `id` of the table, in the list's language, formatted with
 * the arguments its texts take. Returns false when memory ran out and the
 * diagnostic was dropped. */
bool diag_msg(diag_list *list, diag_severity sev, const char *path, int line, int col,
              msg_id id, ...);
bool diag_msgv(diag_list *list, diag_severity sev, const char *path, int line, int col,
               msg_id id, va_list ap);

/* Message `id` in `lang` formatted into buf (cut to fit), for pieces of a
 * message ("the end of the file") and for text outside a list. */
void msg_format(char *buf, size_t cap, msg_lang lang, msg_id id, ...);

/* Number of diagnostics of the given severity. */
size_t diag_count(const diag_list *list, diag_severity sev);

/* Writes every diagnostic, one per line, in the order they were added. */
void diag_print(const diag_list *list, FILE *out);

/* Formats one diagnostic as "PATH:LINE:COL: error: MESSAGE" into buf. */
void diag_format(const diag *d, char *buf, size_t cap);

/* Frees the items and resets the list to empty (keeping its language); the
 * list itself is not freed. */
void diag_list_clear(diag_list *list);

#endif
