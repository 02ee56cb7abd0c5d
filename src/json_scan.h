/* json_scan — the JSON scanner's state, shared by the scanner
 * (json_pos.c) and the explanations of its syntax errors (json_explain.c).
 * Private to those two files. */
#ifndef KIOSK_JSON_SCAN_H
#define KIOSK_JSON_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "json_pos.h"
#include "msg.h"

/* A growable byte string, always NUL-terminated once anything is in it. */
typedef struct {
    char *p;
    size_t n, cap;
} strbuf;

typedef struct {
    const char *s; /* the text after any BOM */
    size_t len, i;
    /* Line/column of byte offset `at`; moves forward as positions are asked
     * for, which is almost always in increasing order. */
    size_t at;
    int line, col;
    json_pos_index *ix;
    int status;
    strbuf path;
    strbuf key;
    /* The value read last, for explaining what follows it: its kind, where
     * it starts, and where it ends (for a string: just after its closing
     * quote). */
    json_pos_kind last_kind;
    size_t last_start, last_end;
} scanner;

/* Line and column of byte offset off, columns in code points. */
void json_scan_position(scanner *sc, size_t off, int *line, int *col);
/* Records the first syntax error, message `id` of the table at off, with
 * its arguments; returns the scanner's status. */
int json_scan_fail(scanner *sc, size_t off, msg_id id, ...);
/* The character at off for a message: "'}'", "the end of the file",
 * "'、' (U+3001)". */
void json_scan_describe(const scanner *sc, size_t off, char *out, size_t cap);
/* Where the scanner wanted punctuation or a value: a named mistake (a
 * comment, full-width punctuation) fails with its name and returns true. */
bool json_scan_explain(scanner *sc, size_t off);
/* After a string value, a '"' later on the line: the string was ended early
 * by a quote meant as text. Fails pointing at it and returns true. */
bool json_scan_explain_early_quote(scanner *sc, size_t off);
/* A number followed at once by ',' and digits (1,350): fails naming it and
 * what to write; returns true. */
bool json_scan_explain_thousands(scanner *sc, size_t comma);
/* "\\p" in the string opened at `open`, a Windows path: fails naming the
 * escape and the string written with '/'. */
int json_scan_fail_backslash_path(scanner *sc, size_t open, size_t esc);

#endif
