/* The message table: every row has both languages, taking the same printf
 * arguments in the same order (the compiler cannot check a format that
 * comes from a table), on one line; and the locale rows pick the language
 * POSIX would. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "json_pos.h"
#include "msg.h"

/* The arguments a format takes, one letter group per conversion: "d s *s
 * zu". Flags, widths and precisions do not change the argument's type, but
 * a '*' takes an int of its own. */
static void conversions(const char *fmt, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        char spec[16];
        size_t k = 0;
        while (*p && strchr("-+ #0123456789.*", *p)) {
            if (*p == '*' && k < sizeof spec - 1)
                spec[k++] = '*';
            p++;
        }
        while (*p && strchr("hlqjzt", *p) && k < sizeof spec - 1)
            spec[k++] = *p++;
        if (k < sizeof spec - 1)
            spec[k++] = *p ? *p : '?';
        spec[k] = '\0';
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? " " : "", spec);
        if (!*p)
            break;
    }
}

static void check_table(void)
{
    for (int id = 0; id < MSG_COUNT; id++) {
        const char *en = msg_text(MSG_EN, (msg_id)id), *zh = msg_text(MSG_ZH, (msg_id)id);
        CHECK(en && *en && zh && *zh, "%s: both texts must be written", msg_name((msg_id)id));
        char a[128], b[128];
        conversions(en, a, sizeof a);
        conversions(zh, b, sizeof b);
        CHECK(strcmp(a, b) == 0, "%s: English takes \"%s\", Chinese takes \"%s\"",
              msg_name((msg_id)id), a, b);
        CHECK(!strchr(en, '\n') && !strchr(zh, '\n'), "%s: a message is one line",
              msg_name((msg_id)id));
        CHECK(strcmp(en, zh) != 0, "%s: the Chinese text is the English one",
              msg_name((msg_id)id));
    }
}

static void check_locale(void)
{
    static const struct {
        const char *lc_all, *lc_messages, *lang;
        msg_lang want;
    } rows[] = {
        {NULL, NULL, NULL, MSG_EN},
        {NULL, NULL, "zh_CN.UTF-8", MSG_ZH},
        {NULL, NULL, "zh_TW.UTF-8", MSG_ZH},
        {NULL, NULL, "zh", MSG_ZH},
        {NULL, NULL, "en_US.UTF-8", MSG_EN},
        {NULL, NULL, "C.UTF-8", MSG_EN},
        {NULL, NULL, "zu_ZA.UTF-8", MSG_EN},
        {NULL, "zh_CN.UTF-8", "en_US.UTF-8", MSG_ZH},
        {"zh_CN.UTF-8", "en_US.UTF-8", "en_US.UTF-8", MSG_ZH},
        {"C", "zh_CN.UTF-8", "zh_CN.UTF-8", MSG_EN},
        {"", "", "zh_CN.UTF-8", MSG_ZH},
        {"", "en_GB.UTF-8", "zh_CN.UTF-8", MSG_EN},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        msg_lang got = msg_lang_from_locale(rows[i].lc_all, rows[i].lc_messages, rows[i].lang);
        CHECK(got == rows[i].want, "locale row %zu (LC_ALL=%s LC_MESSAGES=%s LANG=%s): expected %d, got %d",
              i, rows[i].lc_all ? rows[i].lc_all : "-",
              rows[i].lc_messages ? rows[i].lc_messages : "-", rows[i].lang ? rows[i].lang : "-",
              rows[i].want, got);
    }
    msg_lang l = MSG_EN;
    CHECK(msg_lang_from_name("zh", &l) == 0 && l == MSG_ZH, "\"zh\" names Chinese");
    CHECK(msg_lang_from_name("en", &l) == 0 && l == MSG_EN, "\"en\" names English");
    CHECK(msg_lang_from_name("zh_CN", &l) != 0, "\"zh_CN\" is not a --messages value");
}

/* A diagnostic is one line whatever a file name or a decoded string holds. */
static void check_escaping(void)
{
    diag_list list = {.lang = MSG_ZH};
    diag_add(&list, DIAG_ERROR, "slides/a\nb.json", 2, 3, "image \"%s\" does not exist",
             "assets\new.jpg\t\x01");
    diag_msg(&list, DIAG_WARNING, "slides/x.json", 1, 1, MSG_JSON_NUL);
    char buf[512];
    diag_format(&list.items[0], buf, sizeof buf);
    CHECK_STR(buf, "slides/a\\nb.json:2:3: error: image \"assets\\new.jpg\\t\\u0001\" does not exist",
              "control characters escaped");
    diag_format(&list.items[1], buf, sizeof buf);
    CHECK_STR(buf, "slides/x.json:1:1: warning: 文字中不能有 \\u0000", "diag_msg in the list's language");
    CHECK(list.items[1].id == MSG_JSON_NUL && list.items[0].id == -1, "ids kept");
    diag_list_clear(&list);
}

/* Syntax mistakes people make editing JSON by hand: the text of a file (its
 * length given for those holding NULs), and the exact "LINE:COL: message"
 * in English and in Chinese. */
static const struct {
    const char *name;
    const char *text;
    size_t len; /* 0: strlen */
    const char *en, *zh;
} SYNTAX_ROWS[] = {
    {"full-width comma", "{\"type\": \"title\"，\"title\": \"A\"}", 0,
     "1:17: the full-width comma '，' (U+FF0C) is used as JSON punctuation; type the ASCII ',' "
     "instead",
     "1:17: 全角逗号“，”（U+FF0C）被当作 JSON 符号；请改成英文半角的“,”"},
    {"full-width colon", "{\n  \"type\"： \"title\"}", 0,
     "2:9: the full-width colon '：' (U+FF1A) is used as JSON punctuation; type the ASCII ':' "
     "instead",
     "2:9: 全角冒号“：”（U+FF1A）被当作 JSON 符号；请改成英文半角的“:”"},
    {"Chinese quotes around a key", "{“type”: \"title\"}", 0,
     "1:2: the Chinese quote '“' (U+201C) is used as JSON punctuation; type the ASCII '\"' "
     "instead",
     "1:2: 中文引号““”（U+201C）被当作 JSON 符号；请改成英文半角的“\"”"},
    {"Chinese quotes around a value", "{\"type\": “title”}", 0,
     "1:10: the Chinese quote '“' (U+201C) is used as JSON punctuation; type the ASCII '\"' "
     "instead",
     "1:10: 中文引号““”（U+201C）被当作 JSON 符号；请改成英文半角的“\"”"},
    {"ASCII quote inside a text", "{\"title\": \"他说\"你好\"\", \"type\": \"title\"}", 0,
     "1:14: this '\"' ends the text early; inside a text write the quote as \\\" or use the "
     "Chinese quotes “ ”",
     "1:14: 这个“\"”提前结束了文字；文字里的引号请写成 \\\" 或改用中文引号“ ”"},
    {"ASCII quote inside a text, last key", "{\"type\": \"title\",\n \"title\": \"A \"B\" C\"}", 0,
     "2:14: this '\"' ends the text early; inside a text write the quote as \\\" or use the "
     "Chinese quotes “ ”",
     "2:14: 这个“\"”提前结束了文字；文字里的引号请写成 \\\" 或改用中文引号“ ”"},
    {"line comment", "{\"type\": \"title\", // the opening\n \"title\": \"A\"}", 0,
     "1:19: JSON files cannot hold comments; delete the // comment",
     "1:19: JSON 文件里不能写注释；请删除这段 // 注释"},
    {"block comment before a value", "{\"type\": /* slide */ \"title\"}", 0,
     "1:10: JSON files cannot hold comments; delete the /* */ comment",
     "1:10: JSON 文件里不能写注释；请删除这段 /* */ 注释"},
    {"comment after the object", "{\"type\": \"title\"}\n// end\n", 0,
     "2:1: JSON files cannot hold comments; delete the // comment",
     "2:1: JSON 文件里不能写注释；请删除这段 // 注释"},
    {"thousands separator", "{\"label\": \"a\", \"value\": 1,350, \"unit\": \"人\"}", 0,
     "1:25: 1,350 is written with a thousands separator, which JSON does not allow; write 1350 "
     "(the show adds separators itself, see \"separator\")",
     "1:25: 1,350 中的千位分隔符 JSON 不允许；请写成 1350（放映时会自动加分隔符，见 \"separator\"）"},
    {"thousands separators twice", "{\"value\": 12,345,678.5}", 0,
     "1:11: 12,345,678.5 is written with a thousands separator, which JSON does not allow; write "
     "12345678.5 (the show adds separators itself, see \"separator\")",
     "1:11: 12,345,678.5 中的千位分隔符 JSON 不允许；请写成 12345678.5（放映时会自动加分隔符，见 "
     "\"separator\"）"},
    {"backslash path", "{\"image\": \"assets\\photos\\hall.jpg\"}", 0,
     "1:18: \"\\p\" is not an escape: in JSON a '\\' starts an escape; write paths with '/', "
     "like \"assets/photos/hall.jpg\"",
     "1:18: “\\p”不是有效的转义：JSON 里的“\\”表示转义；路径请用“/”分隔，写成 "
     "\"assets/photos/hall.jpg\""},
    {"UTF-16 with a byte order mark", "\xFF\xFE{\0}\0", 6,
     "1:1: the file is saved as UTF-16 (with a byte order mark); save it as UTF-8 instead (in "
     "the editor's \"Save As\", encoding UTF-8)",
     "1:1: 文件是 UTF-16 编码（带字节顺序标记）；请在编辑器的“另存为”里选择 UTF-8 编码重新保存"},
    {"UTF-16 without one", "\0{\0}", 4,
     "1:1: the file is saved as UTF-16 (no byte order mark); save it as UTF-8 instead (in the "
     "editor's \"Save As\", encoding UTF-8)",
     "1:1: 文件是 UTF-16 编码（无字节顺序标记）；请在编辑器的“另存为”里选择 UTF-8 编码重新保存"},
    {"missing comma stays as it was", "{\"type\": \"title\" \"title\": \"A\"}", 0,
     "1:18: expected ',' or '}' after a value", "1:18: 值的后面应是“,”或“}”"},
    {"an array of numbers is not 1,350", "{\"size\": [1920,1080]}", 0, NULL, NULL},
    {"other invalid escapes stay as they were", "{\"a\": \"x\\ y\"}", 0,
     "1:9: invalid escape: '\\' followed by U+0020", "1:9: 无效的转义：“\\”后面是 U+0020"},
    {"the end of the file, in Chinese too", "{\"a\": ", 0,
     "1:7: expected a value, got the end of the file", "1:7: 这里应有一个值，文件却结束了"},
};

static void check_syntax_rows(void)
{
    for (size_t r = 0; r < sizeof SYNTAX_ROWS / sizeof SYNTAX_ROWS[0]; r++) {
        for (int lang = 0; lang < MSG_N_LANGS; lang++) {
            const char *want = lang == MSG_EN ? SYNTAX_ROWS[r].en : SYNTAX_ROWS[r].zh;
            const char *t = SYNTAX_ROWS[r].text;
            size_t len = SYNTAX_ROWS[r].len ? SYNTAX_ROWS[r].len : strlen(t);
            json_pos_index ix = {.lang = (msg_lang)lang};
            int st = json_pos_scan(t, len, &ix);
            char got[700] = "";
            if (st == JSON_POS_SYNTAX)
                snprintf(got, sizeof got, "%d:%d: %s", ix.error_line, ix.error_col, ix.error);
            char ctx[128];
            snprintf(ctx, sizeof ctx, "syntax row \"%s\" (%s)", SYNTAX_ROWS[r].name,
                     lang == MSG_EN ? "en" : "zh");
            CHECK_STR(st == JSON_POS_SYNTAX ? got : NULL, want, ctx);
            json_pos_free(&ix);
        }
    }
}

int main(void)
{
    check_syntax_rows();
    check_table();
    check_locale();
    check_escaping();
    return check_done();
}
