/* json_pos — a strict JSON scanner that knows where everything is.
 *
 * cJSON builds a good tree but cannot say where a syntax error is, nor where
 * a value sits in the file, nor how a number was written (58.58 and 58.580
 * are the same double). This scanner reads the same text and either stops
 * at the first syntax error with its line, column and a plain message, or
 * records, for every value, its JSON path ("items[2].value"; "" for the
 * root), where the value starts and where its key starts, and the literal
 * text of numbers.
 *
 * Positions are 1-based; a column counts Unicode characters, so it matches
 * what an editor shows for Chinese text. CRLF and a lone CR each end one
 * line. A UTF-8 byte order mark at the start is skipped and takes no column.
 * Invalid UTF-8 anywhere is an error at its position. Strict RFC 8259: no
 * comments, no trailing commas, no single quotes. Nesting deeper than
 * JSON_POS_MAX_DEPTH is an error, so hostile input cannot exhaust the stack.
 *
 * A syntax error is explained the way a person editing by hand needs it: a
 * full-width ，：“ used as JSON punctuation is named with its code point, an
 * ASCII '"' that ends a text early is pointed at, comments, 1,350 written
 * as a number, backslashes in paths and UTF-16 files are each said as such,
 * with what to type instead. Messages come from the message table (msg.h)
 * in the language the caller sets in the index. Pure. */
#ifndef KIOSK_JSON_POS_H
#define KIOSK_JSON_POS_H

#include <stddef.h>

#include "msg.h"

#define JSON_POS_MAX_DEPTH 64

typedef enum {
    JSON_POS_OBJECT,
    JSON_POS_ARRAY,
    JSON_POS_STRING,
    JSON_POS_NUMBER,
    JSON_POS_TRUE,
    JSON_POS_FALSE,
    JSON_POS_NULL,
} json_pos_kind;

typedef struct {
    char *path;              /* owned; "" for the root, "items[2].value" */
    json_pos_kind kind;
    int line, col;           /* where the value starts ('{', '"', digit...) */
    int key_line, key_col;   /* where its key's '"' is; 0 when not in an object */
    char *literal;           /* owned; numbers only: the text as written */
} json_pos_entry;

typedef struct {
    json_pos_entry *entries; /* owned; in document order */
    size_t n, cap;
    size_t body_offset;      /* bytes skipped at the start (a BOM: 3, else 0) */
    msg_lang lang;           /* set by the caller: the language of `error` */
    /* Set when json_pos_scan returns JSON_POS_SYNTAX: */
    int error_line, error_col;
    msg_id error_id;
    char error[512];
} json_pos_index;

enum { JSON_POS_OK = 0, JSON_POS_SYNTAX = -1, JSON_POS_NOMEM = -2 };

/* Scans text[0..len) into *ix (which must be zeroed or freshly freed; its
 * `lang` may be set first).
 * Returns JSON_POS_OK, JSON_POS_SYNTAX (error fields set; entries up to the
 * error are kept) or JSON_POS_NOMEM. Free *ix with json_pos_free in every
 * case. */
int json_pos_scan(const char *text, size_t len, json_pos_index *ix);

/* The entry for a JSON path, or NULL. With duplicate keys, the first one
 * (which is also the one cJSON returns). */
const json_pos_entry *json_pos_find(const json_pos_index *ix, const char *path);

/* Frees what the index owns and zeroes it (but keeps `lang`); json_pos_free on a zeroed index
 * is a no-op. */
void json_pos_free(json_pos_index *ix);

#endif
