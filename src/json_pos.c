#include "json_pos.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "json_scan.h"
#include "utf8.h"

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

static int nomem(scanner *sc)
{
    sc->status = JSON_POS_NOMEM;
    return sc->status;
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
            return json_scan_fail(sc, sc->i, MSG_JSON_CONTROL_CHAR, c);
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
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9'))
                return json_scan_fail_backslash_path(sc, start, esc);
            char what[32];
            json_scan_describe(sc, esc + 1, what, sizeof what);
            return json_scan_fail(sc, esc, MSG_JSON_BAD_ESCAPE, what);
        }
        uint32_t cp;
        if (esc + 6 > sc->len || hex4(sc->s + esc + 2, &cp) != 0)
            return json_scan_fail(sc, esc, MSG_JSON_U_HEX);
        sc->i = esc + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (sc->i + 6 <= sc->len && sc->s[sc->i] == '\\' &&
                sc->s[sc->i + 1] == 'u' && hex4(sc->s + sc->i + 2, &low) == 0 &&
                low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                sc->i += 6;
            } else {
                return json_scan_fail(sc, esc, MSG_JSON_SURROGATE, (unsigned)cp);
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return json_scan_fail(sc, esc, MSG_JSON_SURROGATE, (unsigned)cp);
        } else if (cp == 0) {
            /* Valid JSON, but C strings (and cJSON) would cut the text here. */
            return json_scan_fail(sc, esc, MSG_JSON_NUL);
        }
        char enc[4];
        size_t n = utf8_encode(cp, enc);
        if (into && !buf_append(into, enc, n))
            return nomem(sc);
    }
    return json_scan_fail(sc, start, MSG_JSON_UNTERMINATED);
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
        char literal[48];
        snprintf(literal, sizeof literal, "%.*s", (int)(end - start), s + start);
        return json_scan_fail(sc, start, MSG_JSON_BAD_NUMBER, literal);
    }
    sc->i = i;
    return JSON_POS_OK;
}

static int scan_value(scanner *sc, int depth, int key_line, int key_col);

static int open_error(scanner *sc, msg_id what, size_t open_off)
{
    int line, col;
    json_scan_position(sc, open_off, &line, &col);
    return json_scan_fail(sc, sc->len, what, line, col);
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
            return open_error(sc, MSG_JSON_EOF_IN_OBJECT, open);
        char c = sc->s[sc->i];
        if (c != '"') {
            if (c == '}' && after_comma)
                return json_scan_fail(sc, comma, MSG_JSON_TRAILING_COMMA_OBJECT);
            if (after_comma && json_scan_explain_thousands(sc, comma))
                return sc->status;
            if (json_scan_explain(sc, sc->i))
                return sc->status;
            char what[32];
            json_scan_describe(sc, sc->i, what, sizeof what);
            return json_scan_fail(sc, sc->i, MSG_JSON_EXPECTED_KEY, what);
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
                return open_error(sc, MSG_JSON_EOF_IN_OBJECT, open);
            if (json_scan_explain(sc, sc->i))
                return sc->status;
            char what[32];
            json_scan_describe(sc, sc->i, what, sizeof what);
            return json_scan_fail(sc, sc->i, MSG_JSON_EXPECTED_COLON, sc->key.p, what);
        }
        sc->i++;
        if ((base > 0 && !buf_append(&sc->path, ".", 1)) ||
            !buf_append(&sc->path, sc->key.p, sc->key.n))
            return nomem(sc);
        int key_line, key_col;
        json_scan_position(sc, key_off, &key_line, &key_col);
        if (scan_value(sc, depth + 1, key_line, key_col) != JSON_POS_OK)
            return sc->status;
        buf_truncate(&sc->path, base);
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, MSG_JSON_EOF_IN_OBJECT, open);
        c = sc->s[sc->i];
        if (c == '}') {
            sc->i++;
            return JSON_POS_OK;
        }
        if (c != ',') {
            if (json_scan_explain(sc, sc->i) || json_scan_explain_early_quote(sc, sc->i))
                return sc->status;
            return json_scan_fail(sc, sc->i, MSG_JSON_EXPECTED_COMMA_OBJECT);
        }
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
            return open_error(sc, MSG_JSON_EOF_IN_ARRAY, open);
        if (sc->s[sc->i] == ']' && index > 0)
            return json_scan_fail(sc, comma, MSG_JSON_TRAILING_COMMA_ARRAY);
        char sub[32];
        int n = snprintf(sub, sizeof sub, "[%zu]", index);
        if (!buf_append(&sc->path, sub, (size_t)n))
            return nomem(sc);
        if (scan_value(sc, depth + 1, 0, 0) != JSON_POS_OK)
            return sc->status;
        buf_truncate(&sc->path, base);
        skip_ws(sc);
        if (sc->i >= sc->len)
            return open_error(sc, MSG_JSON_EOF_IN_ARRAY, open);
        char c = sc->s[sc->i];
        if (c == ']') {
            sc->i++;
            return JSON_POS_OK;
        }
        if (c != ',') {
            if (json_scan_explain(sc, sc->i) || json_scan_explain_early_quote(sc, sc->i))
                return sc->status;
            return json_scan_fail(sc, sc->i, MSG_JSON_EXPECTED_COMMA_ARRAY);
        }
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
    json_scan_position(sc, sc->i, &e->line, &e->col);
    e->key_line = key_line;
    e->key_col = key_col;
    ix->n++;
    return e;
}

static int scan_value(scanner *sc, int depth, int key_line, int key_col)
{
    skip_ws(sc);
    if (depth > JSON_POS_MAX_DEPTH)
        return json_scan_fail(sc, sc->i, MSG_JSON_TOO_DEEP, JSON_POS_MAX_DEPTH);
    if (sc->i >= sc->len)
        return json_scan_fail(sc, sc->i, MSG_JSON_EXPECTED_VALUE_EOF);
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
        return json_scan_fail(sc, start, MSG_JSON_BARE_WORD,
                    (int)(word - start > 40 ? 40 : word - start), sc->s + start);
    } else if (c == '\'') {
        return json_scan_fail(sc, start, MSG_JSON_SINGLE_QUOTES);
    } else {
        if (json_scan_explain(sc, start))
            return sc->status;
        char what[32];
        json_scan_describe(sc, start, what, sizeof what);
        return json_scan_fail(sc, start, MSG_JSON_EXPECTED_VALUE, what);
    }
    size_t index = sc->ix->n;
    if (!add_entry(sc, kind, key_line, key_col))
        return nomem(sc);
    int rc;
    switch (kind) {
    case JSON_POS_OBJECT:
        rc = scan_object(sc, depth);
        break;
    case JSON_POS_ARRAY:
        rc = scan_array(sc, depth);
        break;
    case JSON_POS_STRING:
        rc = scan_string(sc, NULL);
        break;
    case JSON_POS_NUMBER:
        if (scan_number(sc) != JSON_POS_OK)
            return sc->status;
        sc->ix->entries[index].literal = strndup(sc->s + start, sc->i - start);
        rc = sc->ix->entries[index].literal ? JSON_POS_OK : nomem(sc);
        break;
    default:
        sc->i = word;
        rc = JSON_POS_OK;
        break;
    }
    sc->last_kind = kind;
    sc->last_start = start;
    sc->last_end = sc->i;
    return rc;
}

int json_pos_scan(const char *text, size_t len, json_pos_index *ix)
{
    scanner sc = {.s = text, .len = len, .line = 1, .col = 1, .ix = ix};
    ix->body_offset = 0;
    /* UTF-16 (Notepad's "Unicode"): a byte order mark, or a NUL beside each
     * ASCII character of the first one. */
    bool bom16 = len >= 2 && ((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE);
    bom16 |= len >= 2 && ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF);
    if (bom16 || (len >= 2 && (text[0] == 0) != (text[1] == 0))) {
        json_scan_fail(&sc, 0, MSG_JSON_UTF16,
             msg_text(ix->lang, bom16 ? MSG_WORD_UTF16_BOM : MSG_WORD_UTF16_NO_BOM));
        goto done;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        ix->body_offset = 3;
        sc.s += 3;
        sc.len -= 3;
    }
    size_t bad = utf8_first_invalid(sc.s, sc.len);
    if (bad < sc.len) {
        json_scan_fail(&sc, bad, MSG_JSON_INVALID_UTF8, (unsigned char)sc.s[bad]);
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
        if (!json_scan_explain(&sc, sc.i)) {
            char what[32];
            json_scan_describe(&sc, sc.i, what, sizeof what);
            json_scan_fail(&sc, sc.i, MSG_JSON_AFTER_END, what);
        }
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
    msg_lang lang = ix->lang;
    memset(ix, 0, sizeof *ix);
    ix->lang = lang;
}
