#include "json_pos.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "utf8.h"

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
} scanner;

static bool buf_reserve(strbuf *b, size_t extra)
{
    char *p = grow_array(b->p, &b->cap, b->n + extra + 1, 1, 64);
    if (!p)
        return false;
    b->p = p;
    return true;
}

static bool buf_append(strbuf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return false;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return true;
}

static void buf_truncate(strbuf *b, size_t n)
{
    b->n = n;
    if (b->p)
        b->p[n] = '\0';
}

/* Line and column of byte offset `off`, columns in code points. */
static void position(scanner *sc, size_t off, int *line, int *col)
{
    if (off < sc->at) {
        sc->at = 0;
        sc->line = sc->col = 1;
    }
    while (sc->at < off && sc->at < sc->len) {
        unsigned char c = (unsigned char)sc->s[sc->at];
        if (c == '\n') {
            sc->line++;
            sc->col = 1;
        } else if (c == '\r') {
            /* CRLF ends one line: the '\n' will count it. */
            if (!(sc->at + 1 < sc->len && sc->s[sc->at + 1] == '\n')) {
                sc->line++;
                sc->col = 1;
            }
        } else if ((c & 0xC0) != 0x80) {
            sc->col++;
        }
        sc->at++;
    }
    *line = sc->line;
    *col = sc->col;
}

static int fail(scanner *sc, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(scanner *sc, size_t off, const char *fmt, ...)
{
    if (sc->status != JSON_POS_OK)
        return sc->status;
    position(sc, off, &sc->ix->error_line, &sc->ix->error_col);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(sc->ix->error, sizeof sc->ix->error, fmt, ap);
    va_end(ap);
    sc->status = JSON_POS_SYNTAX;
    return sc->status;
}

static int nomem(scanner *sc)
{
    sc->status = JSON_POS_NOMEM;
    return sc->status;
}

/* Describes the character at off for a message: "'}'", "the end of the
 * file", "U+3001 '、'". */
static void describe(const scanner *sc, size_t off, char *out, size_t cap)
{
    if (off >= sc->len) {
        snprintf(out, cap, "the end of the file");
        return;
    }
    unsigned char c = (unsigned char)sc->s[off];
    if (c >= 0x21 && c < 0x7F) {
        snprintf(out, cap, "'%c'", c);
        return;
    }
    uint32_t cp;
    size_t n = utf8_decode(sc->s + off, sc->len - off, &cp);
    if (cp >= 0x80 && n > 0)
        snprintf(out, cap, "'%.*s' (U+%04X)", (int)n, sc->s + off, (unsigned)cp);
    else
        snprintf(out, cap, "U+%04X", (unsigned)cp);
}

static void skip_ws(scanner *sc)
{
    while (sc->i < sc->len) {
        char c = sc->s[sc->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->i++;
    }
}

static int hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return 0;
}

/* Scans a string at sc->i (a '"'); when `into` is given, appends the decoded
 * text to it (used for keys, which become part of paths). */
static int scan_string(scanner *sc, strbuf *into)
{
    size_t start = sc->i++;
    while (sc->i < sc->len) {
        unsigned char c = (unsigned char)sc->s[sc->i];
        if (c == '"') {
            sc->i++;
            return JSON_POS_OK;
        }
        if (c == '\n' || c == '\r')
            break; /* almost always a missing closing quote */
        if (c < 0x20)
            return fail(sc, sc->i,
                        "control character U+%04X in a string; write it as an escape",
                        c);
        if (c != '\\') {
            if (into && !buf_append(into, (const char *)&c, 1))
                return nomem(sc);
            sc->i++;
            continue;
        }
        size_t esc = sc->i;
        if (esc + 1 >= sc->len)
            break;
        char e = sc->s[esc + 1];
        const char *plain = strchr("\"\\/bfnrt", e);
        if (e != '\0' && plain) {
            static const char decoded[] = "\"\\/\b\f\n\r\t";
            char out = decoded[plain - "\"\\/bfnrt"];
            if (into && !buf_append(into, &out, 1))
                return nomem(sc);
            sc->i += 2;
            continue;
        }
        if (e != 'u') {
            char what[32];
            describe(sc, esc + 1, what, sizeof what);
            return fail(sc, esc, "invalid escape: '\\' followed by %s", what);
        }
        uint32_t cp;
        if (esc + 6 > sc->len || hex4(sc->s + esc + 2, &cp) != 0)
            return fail(sc, esc, "invalid escape: \\u needs four hex digits");
        sc->i = esc + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (sc->i + 6 <= sc->len && sc->s[sc->i] == '\\' &&
                sc->s[sc->i + 1] == 'u' && hex4(sc->s + sc->i + 2, &low) == 0 &&
                low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                sc->i += 6;
            } else {
                return fail(sc, esc, "invalid escape: \\u%04X is half of a surrogate pair",
                            (unsigned)cp);
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(sc, esc, "invalid escape: \\u%04X is half of a surrogate pair",
                        (unsigned)cp);
        } else if (cp == 0) {
            /* Valid JSON, but C strings (and cJSON) would cut the text here. */
            return fail(sc, esc, "\\u0000 is not allowed in a string");
        }
        char enc[4];
        size_t n = utf8_encode(cp, enc);
        if (into && !buf_append(into, enc, n))
            return nomem(sc);
    }
    return fail(sc, start,
                "unterminated string (a string ends on the line it starts; "
                "write \\n for a line break)");
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '.' || c == '_' || c == '+' || c == '-';
}

static int scan_number(scanner *sc)
{
    size_t start = sc->i;
    const char *s = sc->s;
    size_t i = sc->i;
    bool ok = true;
    if (i < sc->len && s[i] == '-')
        i++;
    if (i < sc->len && s[i] == '0') {
        i++;
    } else if (i < sc->len && is_digit(s[i])) {
        while (i < sc->len && is_digit(s[i]))
            i++;
    } else {
        ok = false;
    }
    if (ok && i < sc->len && s[i] == '.') {
        i++;
        if (!(i < sc->len && is_digit(s[i])))
            ok = false;
        while (i < sc->len && is_digit(s[i]))
            i++;
    }
    if (ok && i < sc->len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < sc->len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (!(i < sc->len && is_digit(s[i])))
            ok = false;
        while (i < sc->len && is_digit(s[i]))
            i++;
    }
    if (!ok || (i < sc->len && is_word(s[i]))) {
        size_t end = i;
        while (end < sc->len && is_word(s[end]) && end - start < 40)
            end++;
        return fail(sc, start, "invalid number \"%.*s\"", (int)(end - start),
                    s + start);
    }
    sc->i = i;
    return JSON_POS_OK;
}

static int scan_value(scanner *sc, int depth, int key_line, int key_col);

static int open_error(scanner *sc, const char *what, size_t open_off)
{
    int line, col;
    position(sc, open_off, &line, &col);
    return fail(sc, sc->len, "the file ends inside the %s opened at line %d, column %d",
                what, line, col);
}

static int scan_object(scanner *sc, int depth)
{
    size_t open = sc->i++;
    size_t comma = 0;
    bool after_comma = false;
    size_t base = sc->path.n;
    skip_ws(sc);
    if (sc->i < sc->len && sc->s[sc->i] == '}') {
        sc->i++;
        return JSON_POS_OK;
    }
    for (;;) {
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, "object", open);
        char c = sc->s[sc->i];
        if (c != '"') {
            if (c == '}' && after_comma)
                return fail(sc, comma, "trailing comma before '}'");
            char what[32];
            describe(sc, sc->i, what, sizeof what);
            return fail(sc, sc->i, "expected a key in double quotes, got %s", what);
        }
        size_t key_off = sc->i;
        buf_truncate(&sc->key, 0);
        if (!buf_reserve(&sc->key, 0))
            return nomem(sc);
        sc->key.p[0] = '\0';
        if (scan_string(sc, &sc->key) != JSON_POS_OK)
            return sc->status;
        skip_ws(sc);
        if (sc->i >= sc->len || sc->s[sc->i] != ':') {
            if (sc->i >= sc->len)
                return open_error(sc, "object", open);
            char what[32];
            describe(sc, sc->i, what, sizeof what);
            return fail(sc, sc->i, "expected ':' after the key \"%s\", got %s",
                        sc->key.p, what);
        }
        sc->i++;
        if ((base > 0 && !buf_append(&sc->path, ".", 1)) ||
            !buf_append(&sc->path, sc->key.p, sc->key.n))
            return nomem(sc);
        int key_line, key_col;
        position(sc, key_off, &key_line, &key_col);
        if (scan_value(sc, depth + 1, key_line, key_col) != JSON_POS_OK)
            return sc->status;
        buf_truncate(&sc->path, base);
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, "object", open);
        c = sc->s[sc->i];
        if (c == '}') {
            sc->i++;
            return JSON_POS_OK;
        }
        if (c != ',')
            return fail(sc, sc->i, "expected ',' or '}' after a value");
        comma = sc->i++;
        after_comma = true;
    }
}

static int scan_array(scanner *sc, int depth)
{
    size_t open = sc->i++;
    size_t comma = 0;
    size_t base = sc->path.n;
    skip_ws(sc);
    if (sc->i < sc->len && sc->s[sc->i] == ']') {
        sc->i++;
        return JSON_POS_OK;
    }
    for (size_t index = 0;; index++) {
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, "array", open);
        if (sc->s[sc->i] == ']' && index > 0)
            return fail(sc, comma, "trailing comma before ']'");
        char sub[32];
        int n = snprintf(sub, sizeof sub, "[%zu]", index);
        if (!buf_append(&sc->path, sub, (size_t)n))
            return nomem(sc);
        if (scan_value(sc, depth + 1, 0, 0) != JSON_POS_OK)
            return sc->status;
        buf_truncate(&sc->path, base);
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, "array", open);
        char c = sc->s[sc->i];
        if (c == ']') {
            sc->i++;
            return JSON_POS_OK;
        }
        if (c != ',')
            return fail(sc, sc->i, "expected ',' or ']' after a value");
        comma = sc->i++;
    }
}

static json_pos_entry *add_entry(scanner *sc, json_pos_kind kind, int key_line,
                                 int key_col)
{
    json_pos_index *ix = sc->ix;
    json_pos_entry *grown = grow_array(ix->entries, &ix->cap, ix->n + 1, sizeof *grown, 32);
    if (!grown)
        return NULL;
    ix->entries = grown;
    json_pos_entry *e = &ix->entries[ix->n];
    memset(e, 0, sizeof *e);
    e->path = strdup(sc->path.p ? sc->path.p : "");
    if (!e->path)
        return NULL;
    e->kind = kind;
    position(sc, sc->i, &e->line, &e->col);
    e->key_line = key_line;
    e->key_col = key_col;
    ix->n++;
    return e;
}

static int scan_value(scanner *sc, int depth, int key_line, int key_col)
{
    skip_ws(sc);
    if (depth > JSON_POS_MAX_DEPTH)
        return fail(sc, sc->i, "nested deeper than %d levels", JSON_POS_MAX_DEPTH);
    if (sc->i >= sc->len)
        return fail(sc, sc->i, "expected a value, got the end of the file");
    char c = sc->s[sc->i];
    json_pos_kind kind;
    size_t start = sc->i;
    size_t word = start;
    while (word < sc->len && is_word(sc->s[word]))
        word++;
    if (c == '{') {
        kind = JSON_POS_OBJECT;
    } else if (c == '[') {
        kind = JSON_POS_ARRAY;
    } else if (c == '"') {
        kind = JSON_POS_STRING;
    } else if (c == '-' || is_digit(c)) {
        kind = JSON_POS_NUMBER;
    } else if (word - start == 4 && memcmp(sc->s + start, "true", 4) == 0) {
        kind = JSON_POS_TRUE;
    } else if (word - start == 5 && memcmp(sc->s + start, "false", 5) == 0) {
        kind = JSON_POS_FALSE;
    } else if (word - start == 4 && memcmp(sc->s + start, "null", 4) == 0) {
        kind = JSON_POS_NULL;
    } else if (word > start) {
        return fail(sc, start, "expected a value, got %.*s (text must be in double quotes)",
                    (int)(word - start > 40 ? 40 : word - start), sc->s + start);
    } else if (c == '\'') {
        return fail(sc, start, "strings must be in double quotes, not single quotes");
    } else {
        char what[32];
        describe(sc, start, what, sizeof what);
        return fail(sc, start, "expected a value, got %s", what);
    }
    size_t index = sc->ix->n;
    if (!add_entry(sc, kind, key_line, key_col))
        return nomem(sc);
    switch (kind) {
    case JSON_POS_OBJECT:
        return scan_object(sc, depth);
    case JSON_POS_ARRAY:
        return scan_array(sc, depth);
    case JSON_POS_STRING:
        return scan_string(sc, NULL);
    case JSON_POS_NUMBER:
        if (scan_number(sc) != JSON_POS_OK)
            return sc->status;
        sc->ix->entries[index].literal = strndup(sc->s + start, sc->i - start);
        return sc->ix->entries[index].literal ? JSON_POS_OK : nomem(sc);
    default:
        sc->i = word;
        return JSON_POS_OK;
    }
}

int json_pos_scan(const char *text, size_t len, json_pos_index *ix)
{
    scanner sc = {.s = text, .len = len, .line = 1, .col = 1, .ix = ix};
    ix->body_offset = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        ix->body_offset = 3;
        sc.s += 3;
        sc.len -= 3;
    }
    size_t bad = utf8_first_invalid(sc.s, sc.len);
    if (bad < sc.len) {
        fail(&sc, bad, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
             (unsigned char)sc.s[bad]);
        goto done;
    }
    if (!buf_append(&sc.path, "", 0)) {
        nomem(&sc);
        goto done;
    }
    if (scan_value(&sc, 0, 0, 0) != JSON_POS_OK)
        goto done;
    skip_ws(&sc);
    if (sc.i < sc.len) {
        char what[32];
        describe(&sc, sc.i, what, sizeof what);
        fail(&sc, sc.i, "unexpected %s after the end of the JSON value", what);
    }
done:
    free(sc.path.p);
    free(sc.key.p);
    return sc.status;
}

const json_pos_entry *json_pos_find(const json_pos_index *ix, const char *path)
{
    for (size_t i = 0; i < ix->n; i++)
        if (strcmp(ix->entries[i].path, path) == 0)
            return &ix->entries[i];
    return NULL;
}

void json_pos_free(json_pos_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->entries[i].path);
        free(ix->entries[i].literal);
    }
    free(ix->entries);
    memset(ix, 0, sizeof *ix);
}
