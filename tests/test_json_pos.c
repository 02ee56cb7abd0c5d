/* json_pos: where a syntax error is, and where every value is.
 *
 * Rows of (JSON text, the status, for a syntax error its line and column,
 * and for good text some paths with the line, column, key position and
 * literal they must have). Columns count characters, not bytes. */
#include <string.h>

#include "check.h"
#include "json_pos.h"

typedef struct {
    const char *path;
    int line, col, key_line, key_col;
    const char *literal; /* numbers; NULL otherwise */
} where;

typedef struct {
    const char *name;
    const char *text;
    int status;
    int error_line, error_col; /* JSON_POS_SYNTAX */
    where at[4];               /* ends at path NULL */
} row;

static const row ROWS[] = {
    {"root object and a key", "{\"a\": 1}", JSON_POS_OK, 0, 0,
     {{"", 1, 1, 0, 0, NULL}, {"a", 1, 7, 1, 2, "1"}}},
    {"numbers keep how they were written", "{\"v\": 58.580, \"e\": -1.5e-2}", JSON_POS_OK, 0, 0,
     {{"v", 1, 7, 1, 2, "58.580"}, {"e", 1, 20, 1, 15, "-1.5e-2"}}},
    {"array paths", "{\"items\": [{\"value\": 1}, {\"value\": 2}]}", JSON_POS_OK, 0, 0,
     {{"items", 1, 11, 1, 2, NULL}, {"items[1]", 1, 26, 0, 0, NULL},
      {"items[1].value", 1, 36, 1, 27, "2"}}},
    {"columns count characters", "{\"标题\": \"数说成效\", \"x\": 1}", JSON_POS_OK, 0, 0,
     {{"标题", 1, 8, 1, 2, NULL}, {"x", 1, 21, 1, 16, "1"}}},
    {"lines: LF, CRLF and a lone CR", "{\n\"a\": 1,\r\n\"b\": 2,\r\"c\": 3}", JSON_POS_OK, 0, 0,
     {{"a", 2, 6, 2, 1, "1"}, {"b", 3, 6, 3, 1, "2"}, {"c", 4, 6, 4, 1, "3"}}},
    {"a byte order mark takes no column", "\xef\xbb\xbf{\"a\": true}", JSON_POS_OK, 0, 0,
     {{"a", 1, 7, 1, 2, NULL}}},
    {"trailing comma, at the comma", "{\"a\": 1,}", JSON_POS_SYNTAX, 1, 8, {{NULL}}},
    {"single quotes", "{'a': 1}", JSON_POS_SYNTAX, 1, 2, {{NULL}}},
    {"a comment", "{\"a\": 1 // no\n}", JSON_POS_SYNTAX, 1, 9, {{NULL}}},
    {"missing colon on line 2", "{\n  \"a\" 1}", JSON_POS_SYNTAX, 2, 7, {{NULL}}},
    {"invalid UTF-8 in a string", "{\"a\": \"\xff\"}", JSON_POS_SYNTAX, 1, 8, {{NULL}}},
    {"unclosed object", "{\"a\": 1", JSON_POS_SYNTAX, 1, 8, {{NULL}}},
    {"leading zero, at the number", "{\"a\": 01}", JSON_POS_SYNTAX, 1, 7, {{NULL}}},
};

/* Nesting deeper than JSON_POS_MAX_DEPTH is refused, not recursed into. */
static void test_depth(void)
{
    char deep[2 * (JSON_POS_MAX_DEPTH + 2) + 1];
    size_t n = 0;
    for (int i = 0; i < JSON_POS_MAX_DEPTH + 2; i++)
        deep[n++] = '[';
    for (int i = 0; i < JSON_POS_MAX_DEPTH + 2; i++)
        deep[n++] = ']';
    deep[n] = '\0';
    json_pos_index ix = {0};
    CHECK(json_pos_scan(deep, n, &ix) == JSON_POS_SYNTAX, "nesting %d deep was accepted",
          JSON_POS_MAX_DEPTH + 2);
    json_pos_free(&ix);
}

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *t = &ROWS[i];
        json_pos_index ix = {0};
        int st = json_pos_scan(t->text, strlen(t->text), &ix);
        CHECK(st == t->status, "%s: status expected %d, got %d (%s)", t->name, t->status, st,
              st == JSON_POS_SYNTAX ? ix.error : "");
        if (st == JSON_POS_SYNTAX && t->status == JSON_POS_SYNTAX)
            CHECK(ix.error_line == t->error_line && ix.error_col == t->error_col && ix.error[0],
                  "%s: error expected at %d:%d, got %d:%d (%s)", t->name, t->error_line,
                  t->error_col, ix.error_line, ix.error_col, ix.error);
        for (size_t k = 0; k < 4 && t->at[k].path; k++) {
            const where *w = &t->at[k];
            const json_pos_entry *e = json_pos_find(&ix, w->path);
            CHECK(e != NULL, "%s: no entry for \"%s\"", t->name, w->path);
            if (!e)
                continue;
            CHECK(e->line == w->line && e->col == w->col && e->key_line == w->key_line &&
                      e->key_col == w->key_col,
                  "%s: \"%s\" expected at %d:%d (key %d:%d), got %d:%d (key %d:%d)", t->name,
                  w->path, w->line, w->col, w->key_line, w->key_col, e->line, e->col,
                  e->key_line, e->key_col);
            CHECK_STR(e->literal, w->literal, t->name);
        }
        json_pos_free(&ix);
    }
    test_depth();
    return check_done();
}
