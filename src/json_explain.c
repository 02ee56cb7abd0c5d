/* json_explain — where a JSON syntax error is and how to say it to the
 * person who typed it: the line and column, the character named, and the
 * mistakes people really make (comments, full-width punctuation, a '"'
 * inside a text, 1,350 as a number, a Windows path) named with the fix.
 * The scanner (json_pos.c) calls these; json_scan.h is their contract. */
#include "json_scan.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Line and column of byte offset `off`, columns in code points. */
void json_scan_position(scanner *sc, size_t off, int *line, int *col)
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

/* Records the first syntax error: message `id` of the table, at off. The
 * format is the table's; test_msg checks that its texts take the same
 * arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int json_scan_fail(scanner *sc, size_t off, msg_id id, ...)
{
    if (sc->status != JSON_POS_OK)
        return sc->status;
    json_scan_position(sc, off, &sc->ix->error_line, &sc->ix->error_col);
    va_list ap;
    va_start(ap, id);
    vsnprintf(sc->ix->error, sizeof sc->ix->error, msg_text(sc->ix->lang, id), ap);
    va_end(ap);
    sc->ix->error_id = id;
    sc->status = JSON_POS_SYNTAX;
    return sc->status;
}
#pragma GCC diagnostic pop

/* Describes the character at off for a message: "'}'", "the end of the
 * file", "U+3001 '、'". */
void json_scan_describe(const scanner *sc, size_t off, char *out, size_t cap)
{
    if (off >= sc->len) {
        snprintf(out, cap, "%s", msg_text(sc->ix->lang, MSG_WORD_END_OF_FILE));
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

/* Full-width and Chinese punctuation that people type for JSON's own, with
 * the ASCII character meant. */
static const struct {
    uint32_t cp;
    msg_id name;
    const char *ascii;
} LOOKALIKES[] = {
    {0xFF0C, MSG_WORD_FW_COMMA, ","},   {0x3001, MSG_WORD_FW_COMMA, ","},
    {0xFF1A, MSG_WORD_FW_COLON, ":"},   {0x201C, MSG_WORD_CN_QUOTE, "\""},
    {0x201D, MSG_WORD_CN_QUOTE, "\""}, {0xFF02, MSG_WORD_FW_QUOTE, "\""},
    {0xFF3B, MSG_WORD_FW_BRACKET, "["}, {0xFF3D, MSG_WORD_FW_BRACKET, "]"},
    {0xFF5B, MSG_WORD_FW_BRACE, "{"},   {0xFF5D, MSG_WORD_FW_BRACE, "}"},
    {0x3000, MSG_WORD_FW_SPACE, " "},
};

/* When the character at off, where the scanner wanted JSON punctuation or a
 * value, is a mistake with a name (a comment, a full-width comma...), fails
 * with that name and returns true. */
bool json_scan_explain(scanner *sc, size_t off)
{
    if (off >= sc->len)
        return false;
    if (sc->s[off] == '/' && off + 1 < sc->len && (sc->s[off + 1] == '/' || sc->s[off + 1] == '*')) {
        json_scan_fail(sc, off, MSG_JSON_COMMENT, sc->s[off + 1] == '/' ? "//" : "/* */");
        return true;
    }
    uint32_t cp;
    size_t n = utf8_decode(sc->s + off, sc->len - off, &cp);
    for (size_t k = 0; n > 0 && k < sizeof LOOKALIKES / sizeof LOOKALIKES[0]; k++) {
        if (LOOKALIKES[k].cp != cp)
            continue;
        char ch[8];
        snprintf(ch, sizeof ch, "%.*s", (int)n, sc->s + off);
        json_scan_fail(sc, off, MSG_JSON_FULLWIDTH, msg_text(sc->ix->lang, LOOKALIKES[k].name), ch,
             (unsigned)cp, LOOKALIKES[k].ascii);
        return true;
    }
    return false;
}

/* After a string value, something other than ',' or a closing bracket:
 * when another '"' follows on the same line, the string was most likely
 * ended early by a '"' meant as part of the text ("他说"你好""). Points at
 * that quote. */
bool json_scan_explain_early_quote(scanner *sc, size_t off)
{
    if (sc->last_kind != JSON_POS_STRING || sc->last_end == 0 || off >= sc->len ||
        sc->s[off] == '"')
        return false;
    for (size_t i = off; i < sc->len && sc->s[i] != '\n' && sc->s[i] != '\r'; i++) {
        if (sc->s[i] == '"') {
            json_scan_fail(sc, sc->last_end - 1, MSG_JSON_EARLY_QUOTE);
            return true;
        }
    }
    return false;
}

/* In an object, a number followed at once by ',' and digits: 1,350 meant
 * as one number. Fails naming it and what to write; returns true. */
bool json_scan_explain_thousands(scanner *sc, size_t comma)
{
    if (sc->last_kind != JSON_POS_NUMBER || sc->last_end != comma || comma + 1 >= sc->len ||
        !(sc->s[comma + 1] >= '0' && sc->s[comma + 1] <= '9'))
        return false;
    char written[48], meant[48];
    size_t w = 0, m = 0;
    for (size_t i = sc->last_start; i < sc->len && w + 1 < sizeof written; i++) {
        char c = sc->s[i];
        if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-'))
            break;
        if (c == ',' && !(i + 1 < sc->len && sc->s[i + 1] >= '0' && sc->s[i + 1] <= '9'))
            break;
        written[w++] = c;
        if (c != ',')
            meant[m++] = c;
    }
    written[w] = meant[m] = '\0';
    json_scan_fail(sc, sc->last_start, MSG_JSON_THOUSANDS, written, meant);
    return true;
}

/* "\\p" in the string opened at `open`: a Windows path, almost always.
 * Fails naming the escape and the string as it should be written, each
 * backslash a '/'. */
int json_scan_fail_backslash_path(scanner *sc, size_t open, size_t esc)
{
    char fixed[128];
    size_t n = 0;
    for (size_t i = open + 1; i < sc->len && n + 1 < sizeof fixed; i++) {
        char c = sc->s[i];
        if (c == '"' || c == '\n' || c == '\r')
            break;
        if (c == '\\') {
            if (i + 1 < sc->len && sc->s[i + 1] == '\\')
                i++;
            c = '/';
        }
        fixed[n++] = c;
    }
    fixed[n] = '\0';
    char typed[2] = {sc->s[esc + 1], '\0'};
    return json_scan_fail(sc, esc, MSG_JSON_BACKSLASH_PATH, typed, fixed);
}

