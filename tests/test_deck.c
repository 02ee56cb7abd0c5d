/* Deck loading and `kiosk --check` diagnostics: each row writes a small deck
 * into a temporary folder, loads it and compares the exact diagnostics. */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "deck.h"
#include "imgprobe.h"
#include "json_pos.h"

#define MAX_FILES 10
#define MAX_DIAGS 8

/* A file of a test deck. Content starting with '@' is special: "@png",
 * "@jpg", "@webp" copy a tiny image from tests/data; "@link:TARGET" makes a
 * symbolic link; "@dir" makes an empty folder. */
typedef struct {
    const char *path;
    const char *content;
} deck_file;

typedef struct {
    const char *name;
    deck_file files[MAX_FILES];
    const char *want[MAX_DIAGS]; /* diag_format lines, in order */
} diag_row;

static const char *const TITLE_OK = "{\"type\": \"title\", \"title\": \"Hello\"}\n";

static const diag_row diag_rows[] = {
    {"missing comma",
     {{"slides/010-a.json", "{\n  \"type\": \"title\"\n  \"title\": \"A\"\n}\n"}},
     {"slides/010-a.json:3:3: error: expected ',' or '}' after a value"}},
    {"trailing comma",
     {{"slides/010-a.json", "{\n  \"type\": \"title\",\n  \"title\": \"A\",\n}\n"}},
     {"slides/010-a.json:3:15: error: trailing comma before '}'"}},
    {"trailing comma in an array",
     {{"slides/010-a.json",
       "{\"type\": \"stats\", \"items\": [{\"label\": \"a\", \"value\": 1},]}"}},
     {"slides/010-a.json:1:55: error: trailing comma before ']'"}},
    {"unclosed string",
     {{"slides/010-a.json", "{\n  \"type\": \"title,\n  \"title\": \"A\"\n}\n"}},
     {"slides/010-a.json:2:11: error: unterminated string (a string ends on the line "
      "it starts; write \\n for a line break)"}},
    {"unclosed object",
     {{"slides/010-a.json", "{\n  \"type\": \"title\",\n  \"title\": \"A\"\n"}},
     {"slides/010-a.json:4:1: error: the file ends inside the object opened at line 1, "
      "column 1"}},
    {"bare word",
     {{"slides/010-a.json", "{\"type\": title}"}},
     {"slides/010-a.json:1:10: error: expected a value, got title (text must be in "
      "double quotes)"}},
    {"leading zero",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": \"A\", \"duration\": 08}"}},
     {"slides/010-a.json:1:45: error: invalid number \"08\""}},
    {"empty file", {{"slides/010-a.json", ""}},
     {"slides/010-a.json:1:1: error: expected a value, got the end of the file"}},
    {"root is not an object", {{"slides/010-a.json", "[1, 2]"}},
     {"slides/010-a.json:1:1: error: the file must hold one JSON object { ... }, got an "
      "array"}},
    {"wrong type names its JSON path",
     {{"slides/010-a.json",
       "{\n  \"type\": \"stats\",\n  \"items\": [\n    {\"label\": \"a\", \"value\": 1},\n"
       "    {\"label\": \"b\", \"value\": 2},\n    {\"label\": \"c\", \"value\": \"58.58\"}\n"
       "  ]\n}\n"}},
     {"slides/010-a.json:6:29: error: items[2].value must be a number, got the string "
      "\"58.58\""}},
    {"missing required key in an item, at its '{'",
     {{"slides/010-a.json",
       "{\"type\": \"stats\",\n \"items\": [\n  {\"value\": 200, \"unit\": \"余人次\"}]}"}},
     {"slides/010-a.json:3:3: error: items[0] is missing the required key \"label\""}},
    {"missing required key at top level, at the root '{'",
     {{"slides/010-a.json", "\n  {\"type\": \"title\", \"subtitle\": \"x\"}"}},
     {"slides/010-a.json:2:3: error: missing the required key \"title\""}},
    {"missing type",
     {{"slides/010-a.json", "{\"title\": \"x\"}"}},
     {"slides/010-a.json:1:1: error: missing the required key \"type\""}},
    {"unknown key suggests the nearest",
     {{"assets/a.png", "@png"},
      {"slides/010-a.json",
       "{\"type\": \"photo\", \"image\": \"assets/a.png\",\n \"captoin\": \"x\"}"}},
     {"slides/010-a.json:2:2: warning: unknown key \"captoin\" — did you mean "
      "\"caption\"?"}},
    {"unknown key without a near one, and in an item",
     {{"slides/010-a.json",
       "{\"type\": \"stats\", \"zzz\": 1,\n \"items\": [{\"lable\": \"a\", \"value\": 1, "
       "\"label\": \"b\"}]}"}},
     {"slides/010-a.json:1:19: warning: unknown key \"zzz\"",
      "slides/010-a.json:2:13: warning: unknown key \"lable\" in items[0] — did you mean "
      "\"label\"?"}},
    {"key of another slide type",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": \"A\", \"caption\": \"x\"}"}},
     {"slides/010-a.json:1:33: warning: key \"caption\" is not used by title slides "
      "(only by: photo)"}},
    {"unknown type lists the known ones",
     {{"slides/010-a.json", "{\"type\": \"stat\", \"items\": []}"}},
     {"slides/010-a.json:1:10: error: unknown slide type \"stat\"; known types: title, "
      "text, photo, stats, chart"}},
    {"invalid UTF-8 at its position",
     {{"slides/010-a.json", "{\n  \"type\": \"title\",\n  \"title\": \"中文\xff\"\n}\n"}},
     {"slides/010-a.json:3:15: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"}},
    {"BOM and CRLF accepted, columns in characters",
     {{"slides/010-a.json",
       "\xEF\xBB\xBF{\r\n  \"type\": \"title\",\r\n  \"title\": \"标题\", \"subtitle\": 5\r\n}\r\n"}},
     {"slides/010-a.json:3:30: error: subtitle must be a string or {\"zh\": \"…\", \"en\": \"…\"}, got the number 5"}},
    {"missing image",
     {{"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/missing.jpg\"}"}},
     {"slides/010-a.json:1:28: error: image \"assets/missing.jpg\" does not exist"}},
    {"a file that is not an image",
     {{"assets/notes.txt", "just words"},
      {"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/notes.txt\"}"}},
     {"slides/010-a.json:1:28: error: image \"assets/notes.txt\" is not a PNG, JPEG or "
      "WebP image"}},
    {"an image whose header is cut short",
     {{"assets/cut.png", "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"},
      {"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/cut.png\"}"}},
     {"slides/010-a.json:1:28: error: image \"assets/cut.png\" is a damaged PNG image "
      "(its header does not parse)"}},
    {"absolute path",
     {{"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"/etc/hostname\"}"}},
     {"slides/010-a.json:1:28: error: image \"/etc/hostname\" is an absolute path; give a "
      "path inside the deck folder, like \"assets/photo.jpg\""}},
    {"path with ..",
     {{"assets/a.png", "@png"},
      {"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/../../a.png\"}"}},
     {"slides/010-a.json:1:28: error: image \"assets/../../a.png\" leads outside the deck "
      "folder"}},
    {"symbolic link out of the deck",
     {{"assets/link.png", "@link:" KIOSK_TEST_DATA "/pixel.png"},
      {"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/link.png\"}"}},
     {"slides/010-a.json:1:28: error: image \"assets/link.png\" leads outside the deck "
      "folder through a symbolic link"}},
    {"symbolic link inside the deck is fine",
     {{"assets/a.jpg", "@jpg"},
      {"assets/b.jpg", "@link:a.jpg"},
      {"slides/010-a.json", "{\"type\": \"photo\", \"image\": \"assets/b.jpg\"}"}},
     {NULL}},
    {"duration 0",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": \"A\", \"duration\": 0}"}},
     {"slides/010-a.json:1:45: error: duration must be greater than 0, got 0"}},
    {"decimals 5 and 1.5",
     {{"slides/010-a.json",
       "{\"type\": \"stats\", \"items\": [\n{\"label\": \"a\", \"value\": 1, \"decimals\": 5},\n"
       "{\"label\": \"b\", \"value\": 1, \"decimals\": 1.5}]}"}},
     {"slides/010-a.json:2:40: error: items[0].decimals must be a whole number from 0 to "
      "4, got 5",
      "slides/010-a.json:3:40: error: items[1].decimals must be a whole number from 0 to "
      "4, got 1.5"}},
    {"nine items",
     {{"slides/010-a.json",
       "{\"type\": \"chart\", \"items\": [{\"label\": \"1\", \"value\": 1}, {\"label\": \"2\", "
       "\"value\": 2}, {\"label\": \"3\", \"value\": 3}, {\"label\": \"4\", \"value\": 4}, "
       "{\"label\": \"5\", \"value\": 5}, {\"label\": \"6\", \"value\": 6}, {\"label\": "
       "\"7\", \"value\": 7}, {\"label\": \"8\", \"value\": 8}, {\"label\": \"9\", "
       "\"value\": 9}]}"}},
     {"slides/010-a.json:1:28: error: items must have 1 to 8 entries, got 9"}},
    {"zero items",
     {{"slides/010-a.json", "{\"type\": \"stats\", \"items\": []}"}},
     {"slides/010-a.json:1:28: error: items must have 1 to 8 entries, got 0"}},
    {"more decimals written than shown",
     {{"slides/010-a.json",
       "{\"type\": \"stats\", \"items\": [{\"label\": \"a\", \"value\": 3.14159}]}"}},
     {"slides/010-a.json:1:53: warning: items[0].value is written with 5 decimals; only 4 "
      "are shown (set \"decimals\" to say so)"}},
    {"chart values are not negative",
     {{"slides/010-a.json",
       "{\"type\": \"chart\", \"items\": [{\"label\": \"a\", \"value\": -3}]}"}},
     {"slides/010-a.json:1:53: error: items[0].value must be at least 0, got -3"}},
    {"enum value with a suggestion",
     {{"assets/a.webp", "@webp"},
      {"slides/010-a.json",
       "{\"type\": \"photo\", \"image\": \"assets/a.webp\", \"fit\": \"contian\"}"}},
     {"slides/010-a.json:1:52: error: fit must be one of cover, contain; got \"contian\" "
      "— did you mean \"contain\"?"}},
    {"transition object with a bad duration and an unknown name",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": \"A\",\n \"transition\": {\"type\": \"slide\", "
       "\"duration\": -1}}"}},
     {"slides/010-a.json:2:25: error: transition.type must be one of fade, push, wipe, "
      "zoom, none; got \"slide\"",
      "slides/010-a.json:2:46: error: transition.duration must be at least 0, got -1"}},
    {"background colour",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": \"A\", \"background\": \"#12345\"}"}},
     {"slides/010-a.json:1:47: error: background must be a colour \"#rrggbb\" or an image "
      "path, got \"#12345\""}},
    {"duplicate key",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": \"A\",\n \"title\": \"B\"}"}},
     {"slides/010-a.json:2:2: warning: duplicate key \"title\"; only the first one is "
      "used"}},
    {"no slides",
     {{"slides/_draft.json", TITLE_OK}, {"slides/notes.txt", "x"}},
     {"slides/:1:1: error: the deck has no slides (each slides/*.json file but deck.json "
      "is one slide)"}},
    {"no slides folder", {{"assets/a.png", "@png"}},
     {"slides/:1:1: error: the deck has no slides/ folder"}},
    {"a broken file does not stop the others, in file order",
     {{"slides/030-c.json", "{\"type\": \"title\", \"title\": 3}"},
      {"slides/010-a.json", "{\"type\": \"title\" \"title\": \"A\"}"},
      {"slides/020-b.json", "{\"type\": \"title\", \"title\": \"B\", \"titel\": 1}"},
      {"slides/deck.json", "{\"duration\": \"8\"}"}},
     {"slides/010-a.json:1:18: error: expected ',' or '}' after a value",
      "slides/020-b.json:1:33: warning: unknown key \"titel\" — did you mean \"title\"?",
      "slides/030-c.json:1:28: error: title must be a string or {\"zh\": \"…\", \"en\": \"…\"}, got the number 3",
      "slides/deck.json:1:14: error: duration must be a number, got the string \"8\""}},
    {"diagnostics in position order",
     {{"slides/010-a.json",
       "{\"type\": \"text\",\n \"bodi\": \"x\",\n \"title\": false}"}},
     {"slides/010-a.json:1:1: error: missing the required key \"body\"",
      "slides/010-a.json:2:2: warning: unknown key \"bodi\" — did you mean \"body\"?",
      "slides/010-a.json:3:11: error: title must be a string or {\"zh\": \"…\", \"en\": \"…\"}, got false"}},
    {"deck settings checked",
     {{"slides/010-a.json", TITLE_OK},
      {"slides/deck.json",
       "{\"size\": [100, 1080], \"theme\": {\"accent\": \"orange\", \"font\": "
       "\"fonts/none.otf\"}, \"lock\": 1}"}},
     {"slides/deck.json:1:11: error: size[0] must be a whole number from 320 to 7680, "
      "got 100",
      "slides/deck.json:1:43: error: theme.accent must be a colour \"#rrggbb\", got "
      "\"orange\"",
      "slides/deck.json:1:61: warning: theme.font \"fonts/none.otf\" does not exist; the "
      "shipped font NotoSansCJKsc-Regular.otf is used instead",
      "slides/deck.json:1:88: error: lock must be true or false, got the number 1"}},
    /* Texts in two languages: {"zh": "…", "en": "…"}. */
    {"a text in both languages",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": {\"zh\": \"标题\", \"en\": \"Title\"}}"}},
     {NULL}},
    {"a text as an empty object",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": {}}"}},
     {"slides/010-a.json:1:28: error: title is an empty object: write the text, \"…\", or "
      "both languages, {\"zh\": \"…\", \"en\": \"…\"}"}},
    {"a text in a third language, at its key",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": {\"zh\": \"标题\", \"fr\": \"Titre\"}}"}},
     {"slides/010-a.json:1:41: error: title has the key \"fr\": a text in two languages has "
      "the keys \"zh\" (Chinese) and \"en\" (English)"}},
    {"a language's text that is not a string",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": {\"zh\": \"标题\", \"en\": 3}}"}},
     {"slides/010-a.json:1:47: error: title.en must be a string, got the number 3"}},
    {"a language given twice",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": {\"en\": \"A\", \"en\": \"B\", \"zh\": \"甲\"}}"}},
     {"slides/010-a.json:1:40: warning: duplicate key \"title.en\"; only the first one is used"}},
    {"a text that is neither",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": [\"标题\"]}"}},
     {"slides/010-a.json:1:28: error: title must be a string or {\"zh\": \"…\", \"en\": \"…\"}, "
      "got an array"}},
    {"a QR code's text is data: one string",
     {{"slides/010-a.json",
       "{\"type\": \"title\", \"title\": \"A\", \"qr\": {\"text\": {\"zh\": \"甲\"}}}"}},
     {"slides/010-a.json:1:48: error: qr.text must be a string, got an object"}},
    {"missing translations are said in a bilingual deck",
     {{"slides/010-a.json",
       "{\"type\": \"stats\", \"title\": {\"zh\": \"数字\", \"en\": \"Figures\"},\n"
       " \"items\": [{\"label\": {\"zh\": \"资金\"}, \"value\": 1, \"unit\": \"%\"}],\n"
       " \"note\": \"来源\"}"},
      {"slides/020-b.json", "{\"type\": \"title\", \"title\": {\"en\": \"Only English\"}}"}},
     {"slides/010-a.json:2:22: warning: items[0].label has no English text: the Chinese is "
      "shown in its place",
      "slides/010-a.json:3:10: warning: note has no English text: the Chinese is shown in "
      "its place",
      "slides/020-b.json:1:28: warning: title has no Chinese text: the English is shown in "
      "its place"}},
    {"a deck in one language misses no translation",
     {{"slides/010-a.json", "{\"type\": \"title\", \"title\": {\"zh\": \"标题\"}, "
                            "\"subtitle\": \"副标题\"}"}},
     {NULL}},
    {"the deck's language, and the button's place",
     {{"slides/deck.json", "{\"language\": \"fr\", \"language_button\": \"middle\"}"},
      {"slides/010-a.json", TITLE_OK}},
     {"slides/deck.json:1:14: error: language must be one of zh, en; got \"fr\"",
      "slides/deck.json:1:39: error: language_button must be one of top-right, top-left, "
      "bottom-left, none; got \"middle\""}},
    {"ignored files", {{"slides/010-a.json", TITLE_OK},
                       {"slides/_x.json", "{broken"},
                       {"slides/.x.json", "{broken"},
                       {"slides/x.txt", "{broken"},
                       {"slides/x.json.bak", "{broken"}},
     {NULL}},
};

static char test_root[256];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int make_parents(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return 0;
}

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int rc = in && out ? 0 : -1;
    char buf[4096];
    size_t n;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    if (in)
        fclose(in);
    if (out && fclose(out) != 0)
        rc = -1;
    return rc;
}

/* Writes the files into a fresh folder under test_root; returns its path
 * (static buffer) or NULL. Content with embedded NULs is not needed here,
 * except the cut PNG, whose length is known from its literal. */
static const char *write_deck(const deck_file *files, size_t n_files)
{
    static char dir[512];
    snprintf(dir, sizeof dir, "%s/deck-XXXXXX", test_root);
    if (!mkdtemp(dir))
        return NULL;
    for (size_t i = 0; i < n_files && files[i].path; i++) {
        char full[PATH_MAX];
        snprintf(full, sizeof full, "%s/%s", dir, files[i].path);
        if (make_parents(full) != 0)
            return NULL;
        const char *c = files[i].content;
        int rc = 0;
        if (strcmp(c, "@png") == 0 || strcmp(c, "@jpg") == 0 || strcmp(c, "@webp") == 0) {
            char from[PATH_MAX];
            snprintf(from, sizeof from, "%s/pixel.%s", KIOSK_TEST_DATA, c + 1);
            rc = copy_file(from, full);
        } else if (strncmp(c, "@link:", 6) == 0) {
            rc = symlink(c + 6, full);
        } else if (strcmp(c, "@dir") == 0) {
            rc = mkdir(full, 0755);
        } else {
            FILE *f = fopen(full, "wb");
            /* The cut PNG holds NULs: its length is that of its literal. */
            size_t len = strncmp(c, "\x89PNG", 4) == 0 ? 16 : strlen(c);
            rc = f && fwrite(c, 1, len, f) == len ? 0 : -1;
            if (f)
                fclose(f);
        }
        if (rc != 0)
            return NULL;
    }
    return dir;
}

static void check_diag_rows(void)
{
    for (size_t r = 0; r < sizeof diag_rows / sizeof diag_rows[0]; r++) {
        const diag_row *row = &diag_rows[r];
        const char *dir = write_deck(row->files, MAX_FILES);
        CHECK(dir != NULL, "row \"%s\": could not write the deck", row->name);
        if (!dir)
            continue;
        diag_list diags = {0};
        deck *d = deck_load(dir, KIOSK_SOURCE_DIR "/fonts", &diags);
        CHECK(d != NULL, "row \"%s\": deck_load returned NULL", row->name);
        size_t want_n = 0;
        while (want_n < MAX_DIAGS && row->want[want_n])
            want_n++;
        CHECK(diags.n == want_n, "row \"%s\": expected %zu diagnostics, got %zu", row->name,
              want_n, diags.n);
        char got[2048];
        for (size_t i = 0; i < diags.n || i < want_n; i++) {
            if (i < diags.n)
                diag_format(&diags.items[i], got, sizeof got);
            char ctx[256];
            snprintf(ctx, sizeof ctx, "row \"%s\", diagnostic %zu", row->name, i);
            CHECK_STR(i < diags.n ? got : NULL, i < want_n ? row->want[i] : NULL, ctx);
        }
        /* Every slide with an error is broken and says its first error —
         * except errors about a picture that is missing or does not decode:
         * those cost only the picture, which is kept to draw a placeholder. */
        for (size_t i = 0; d && i < d->n_slides; i++) {
            const slide *s = &d->slides[i];
            const char *first = NULL;
            bool local = false;
            for (size_t k = 0; k < diags.n && !first; k++) {
                if (diags.items[k].severity != DIAG_ERROR ||
                    strcmp(diags.items[k].path, s->file) != 0)
                    continue;
                if (diags.items[k].local)
                    local = true;
                else
                    first = diags.items[k].message;
            }
            if (local && !first)
                CHECK(s->type != SLIDE_BROKEN && (s->image || s->background_image),
                      "row \"%s\": %s: a missing picture keeps the slide and its path",
                      row->name, s->file);
            CHECK((s->type == SLIDE_BROKEN) == (first != NULL),
                  "row \"%s\": %s: broken is %d, but its first error is %s", row->name,
                  s->file, s->type == SLIDE_BROKEN, first ? first : "(none)");
            if (first && s->error)
                CHECK(strstr(s->error, first) && strncmp(s->error, s->file,
                                                         strlen(s->file)) == 0,
                      "row \"%s\": error \"%s\" should be \"%s:L:C: %s\"", row->name,
                      s->error, s->file, first);
        }
        deck_free(d);
        diag_list_clear(&diags);
    }
}

static const char *const DEFAULTS_DECK_STATS =
    "{\"type\": \"stats\", \"title\": \"成果\", \"items\": [\n"
    "  {\"value\": 58.58, \"unit\": \"亿元\", \"growth\": 108, \"label\": \"a\"},\n"
    "  {\"value\": 0.25, \"label\": \"b\"},\n"
    "  {\"prefix\": \"近\", \"value\": 10, \"unit\": \"亿元\", \"label\": \"c\"},\n"
    "  {\"value\": 1.50, \"label\": \"d\"},\n"
    "  {\"value\": 1.5e-2, \"label\": \"e\"},\n"
    "  {\"value\": 3.25, \"decimals\": 0, \"label\": \"f\", \"growth_label\": \"增长\"}\n"
    "]}";

/* Decimals as written, and every default from the format's table. */
static void check_defaults(void)
{
    deck_file files[] = {
        {"slides/010-title.json", TITLE_OK},
        {"slides/020-stats.json", DEFAULTS_DECK_STATS},
        {"assets/a.png", "@png"},
        {"slides/030-photo.json", "{\"type\": \"photo\", \"image\": \"assets/a.png\"}"},
        {"slides/040-chart.json",
         "{\"type\": \"chart\", \"kind\": \"progress\", \"separator\": \",\", \"easing\": "
         "\"linear\", \"items\": [{\"label\": \"x\", \"value\": 50}]}"},
    };
    const char *dir = write_deck(files, sizeof files / sizeof files[0]);
    CHECK(dir != NULL, "defaults: could not write the deck");
    if (!dir)
        return;
    diag_list diags = {0};
    deck *d = deck_load(dir, "/usr/share/kiosk/fonts", &diags);
    CHECK(d && diags.n == 0, "defaults: expected a clean load, got %zu diagnostics",
          diags.n);
    if (!d || d->n_slides != 4) {
        CHECK(false, "defaults: expected 4 slides");
        deck_free(d);
        diag_list_clear(&diags);
        return;
    }
    struct {
        const char *what;
        long got, want;
    } ints[] = {
        {"deck width", d->width, 1920},
        {"deck height", d->height, 1080},
        {"deck duration_ms", d->duration_ms, 8000},
        {"deck transition", d->transition.type, TRANSITION_FADE},
        {"deck transition ms", d->transition.duration_ms, 800},
        {"deck idle_timeout_ms", d->idle_timeout_ms, 60000},
        {"deck count_duration_ms", d->count_duration_ms, 2000},
        {"deck lock", d->lock, 0},
        {"theme min_text_px", d->theme.min_text_px, 28},
        {"theme background", d->theme.background.r << 16 | d->theme.background.g << 8 |
                                 d->theme.background.b, 0x0b1f33},
        {"theme text", d->theme.text.r << 16 | d->theme.text.g << 8 | d->theme.text.b,
         0xf4f1ea},
        {"theme accent", d->theme.accent.r << 16 | d->theme.accent.g << 8 |
                             d->theme.accent.b, 0xf0a030},
        {"playable", (long)deck_playable_count(d), 4},
        {"title type", d->slides[0].type, SLIDE_TITLE},
        {"title duration_ms", d->slides[0].duration_ms, 8000},
        {"title transition", d->slides[0].transition.type, TRANSITION_FADE},
        {"title transition ms", d->slides[0].transition.duration_ms, 800},
        {"stats type", d->slides[1].type, SLIDE_STATS},
        {"stats n_items", (long)d->slides[1].n_items, 6},
        {"58.58 decimals", d->slides[1].items[0].decimals, 2},
        {"0.25 decimals", d->slides[1].items[1].decimals, 2},
        {"10 decimals", d->slides[1].items[2].decimals, 0},
        {"1.50 decimals", d->slides[1].items[3].decimals, 2},
        {"1.5e-2 decimals", d->slides[1].items[4].decimals, 3},
        {"explicit decimals", d->slides[1].items[5].decimals, 0},
        {"growth present", d->slides[1].items[0].has_growth, 1},
        {"growth absent", d->slides[1].items[1].has_growth, 0},
        {"stats count_duration_ms", d->slides[1].count_duration_ms, 2000},
        {"stats stagger_ms", d->slides[1].stagger_ms, 150},
        {"stats easing", d->slides[1].easing, EASE_OUT_EXPO},
        {"photo fit", d->slides[2].fit, FIT_COVER},
        {"photo ken_burns", d->slides[2].ken_burns, 1},
        {"chart kind", d->slides[3].chart, CHART_PROGRESS},
        {"chart easing", d->slides[3].easing, EASE_LINEAR},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        CHECK(ints[i].got == ints[i].want, "defaults: %s: expected %ld, got %ld",
              ints[i].what, ints[i].want, ints[i].got);
    struct {
        const char *what, *got, *want;
    } strs[] = {
        {"font", d->theme.font, "/usr/share/kiosk/fonts/NotoSansCJKsc-Regular.otf"},
        {"font_bold", d->theme.font_bold, "/usr/share/kiosk/fonts/NotoSansCJKsc-Bold.otf"},
        {"title", d->slides[0].title, "Hello"},
        {"subtitle absent", d->slides[0].subtitle, NULL},
        {"file", d->slides[1].file, "slides/020-stats.json"},
        {"prefix", d->slides[1].items[2].prefix, "近"},
        {"unit", d->slides[1].items[2].unit, "亿元"},
        {"growth_label default", d->slides[1].items[0].growth_label, "同比增长"},
        {"growth_label given", d->slides[1].items[5].growth_label, "增长"},
        {"separator default", d->slides[1].separator, NULL},
        {"separator given", d->slides[3].separator, ","},
        {"image", d->slides[2].image, "assets/a.png"},
        {"slide type name", deck_slide_type_name(d->slides[3].type), "chart"},
        {"transition name", deck_transition_name(TRANSITION_WIPE), "wipe"},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        char ctx[128];
        snprintf(ctx, sizeof ctx, "defaults: %s", strs[i].what);
        CHECK_STR(strs[i].got, strs[i].want, ctx);
    }
    CHECK(d->slides[1].items[0].value == 58.58 && d->slides[1].items[0].growth == 108,
          "defaults: expected 58.58 growth 108, got %g growth %g",
          d->slides[1].items[0].value, d->slides[1].items[0].growth);
    char *joined = deck_path(d, "assets/a.png");
    char want[PATH_MAX];
    snprintf(want, sizeof want, "%s/assets/a.png", dir);
    CHECK_STR(joined, want, "defaults: deck_path");
    free(joined);
    deck_free(d);
    diag_list_clear(&diags);
}

/* deck.json values become the defaults of every slide; a slide's own win. */
static void check_settings(void)
{
    deck_file files[] = {
        {"slides/deck.json",
         "{\"title\": \"展\", \"size\": [1080, 1920], \"duration\": 5, \"transition\": "
         "{\"type\": \"push\", \"duration\": 0.5}, \"idle_timeout\": 90, \"lock\": true, "
         "\"count_duration\": 3, \"theme\": {\"accent\": \"#FF0000\", \"font\": "
         "\"fonts/deck.otf\", \"min_text_size\": 30}}"},
        {"fonts/deck.otf", "OTTO and the rest of a font"},
        {"slides/010-a.json", TITLE_OK},
        {"slides/020-b.json",
         "{\"type\": \"title\", \"title\": \"B\", \"duration\": 2.5, \"transition\": "
         "\"wipe\", \"background\": \"#102030\"}"},
        {"slides/030-c.json",
         "{\"type\": \"stats\", \"items\": [{\"label\": \"x\", \"value\": 1}], "
         "\"transition\": \"none\", \"count_duration\": 1.2}"},
    };
    const char *dir = write_deck(files, sizeof files / sizeof files[0]);
    CHECK(dir != NULL, "settings: could not write the deck");
    if (!dir)
        return;
    diag_list diags = {0};
    deck *d = deck_load(dir, "fonts", &diags);
    char first[2048] = "";
    if (diags.n)
        diag_format(&diags.items[0], first, sizeof first);
    CHECK(d && diags.n == 0, "settings: expected a clean load, got %zu: %s", diags.n,
          first);
    if (!d || d->n_slides != 3) {
        CHECK(false, "settings: expected 3 slides");
        deck_free(d);
        diag_list_clear(&diags);
        return;
    }
    struct {
        const char *what;
        long got, want;
    } ints[] = {
        {"width", d->width, 1080},
        {"height", d->height, 1920},
        {"lock", d->lock, 1},
        {"idle", d->idle_timeout_ms, 90000},
        {"min_text_px", d->theme.min_text_px, 30},
        {"accent red", d->theme.accent.r, 255},
        {"a duration", d->slides[0].duration_ms, 5000},
        {"a transition", d->slides[0].transition.type, TRANSITION_PUSH},
        {"a transition ms", d->slides[0].transition.duration_ms, 500},
        {"b duration", d->slides[1].duration_ms, 2500},
        {"b transition", d->slides[1].transition.type, TRANSITION_WIPE},
        {"b transition ms (deck's)", d->slides[1].transition.duration_ms, 500},
        {"b background", d->slides[1].has_background_color &&
                             d->slides[1].background_color.g == 0x20, 1},
        {"c transition", d->slides[2].transition.type, TRANSITION_NONE},
        {"c transition ms", d->slides[2].transition.duration_ms, 0},
        {"c count_duration", d->slides[2].count_duration_ms, 1200},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        CHECK(ints[i].got == ints[i].want, "settings: %s: expected %ld, got %ld",
              ints[i].what, ints[i].want, ints[i].got);
    char want_font[PATH_MAX];
    snprintf(want_font, sizeof want_font, "%s/fonts/deck.otf", dir);
    CHECK_STR(d->theme.font, want_font, "settings: deck font");
    CHECK_STR(d->theme.font_bold, "fonts/NotoSansCJKsc-Bold.otf", "settings: shipped bold");
    CHECK_STR(d->title, "展", "settings: title");
    deck_free(d);
    diag_list_clear(&diags);
}

static void check_missing_folder(void)
{
    diag_list diags = {0};
    char dir[512];
    snprintf(dir, sizeof dir, "%s/no-such-deck", test_root);
    deck *d = deck_load(dir, "fonts", &diags);
    char got[2048] = "", want[PATH_MAX + 64];
    if (diags.n)
        diag_format(&diags.items[0], got, sizeof got);
    snprintf(want, sizeof want, "%s:1:1: error: the deck folder does not exist", dir);
    CHECK(d && diags.n == 1 && d->n_slides == 0,
          "missing folder: expected a deck with no slides and 1 diagnostic, got %zu",
          diags.n);
    CHECK_STR(got, want, "missing folder");
    deck_free(d);
    diag_list_clear(&diags);
    deck_free(NULL);
}

/* The scanner's paths, positions and literals. */
static void check_json_pos(void)
{
    const char *text = "{\"a\": [1, {\"b\": 1.50}],\r\n \"中\": {\"k\": -2e3}}";
    static const struct {
        const char *path;
        int line, col, key_line, key_col;
        const char *literal;
    } rows[] = {
        {"", 1, 1, 0, 0, NULL},
        {"a", 1, 7, 1, 2, NULL},
        {"a[0]", 1, 8, 0, 0, "1"},
        {"a[1]", 1, 11, 0, 0, NULL},
        {"a[1].b", 1, 17, 1, 12, "1.50"},
        {"中", 2, 7, 2, 2, NULL},
        {"中.k", 2, 13, 2, 8, "-2e3"},
    };
    json_pos_index ix = {0};
    int rc = json_pos_scan(text, strlen(text), &ix);
    CHECK(rc == JSON_POS_OK, "json_pos: expected OK, got %d (%s)", rc, ix.error);
    CHECK(ix.n == sizeof rows / sizeof rows[0], "json_pos: expected %zu entries, got %zu",
          sizeof rows / sizeof rows[0], ix.n);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const json_pos_entry *e = json_pos_find(&ix, rows[i].path);
        CHECK(e != NULL, "json_pos: path \"%s\" not found", rows[i].path);
        if (!e)
            continue;
        CHECK(e->line == rows[i].line && e->col == rows[i].col &&
                  e->key_line == rows[i].key_line && e->key_col == rows[i].key_col,
              "json_pos \"%s\": expected %d:%d key %d:%d, got %d:%d key %d:%d",
              rows[i].path, rows[i].line, rows[i].col, rows[i].key_line, rows[i].key_col,
              e->line, e->col, e->key_line, e->key_col);
        char ctx[128];
        snprintf(ctx, sizeof ctx, "json_pos \"%s\" literal", rows[i].path);
        CHECK_STR(e->literal, rows[i].literal, ctx);
    }
    json_pos_free(&ix);

    /* Hostile nesting stops at the limit instead of recursing on. */
    char deep[200];
    memset(deep, '[', sizeof deep);
    rc = json_pos_scan(deep, sizeof deep, &ix);
    CHECK(rc == JSON_POS_SYNTAX && ix.error_col == JSON_POS_MAX_DEPTH + 2,
          "json_pos deep: expected a syntax error at column %d, got rc %d column %d",
          JSON_POS_MAX_DEPTH + 2, rc, ix.error_col);
    json_pos_free(&ix);
}

static void check_imgprobe(void)
{
    static const struct {
        const char *file;
        imgprobe_status status;
        imgprobe_format format;
        int width, height;
    } rows[] = {
        {"pixel.png", IMGPROBE_OK, IMGPROBE_PNG, 4, 3},
        {"pixel.jpg", IMGPROBE_OK, IMGPROBE_JPEG, 4, 3},
        {"pixel.webp", IMGPROBE_OK, IMGPROBE_WEBP, 4, 3},
        {"no-such-file.png", IMGPROBE_IO, IMGPROBE_UNKNOWN, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", KIOSK_TEST_DATA, rows[i].file);
        imgprobe_info info;
        imgprobe_status st = imgprobe_file(path, &info);
        CHECK(st == rows[i].status && info.format == rows[i].format &&
                  info.width == rows[i].width && info.height == rows[i].height,
              "imgprobe %s: expected status %d %s %dx%d, got %d %s %dx%d", rows[i].file,
              rows[i].status, imgprobe_format_name(rows[i].format), rows[i].width,
              rows[i].height, st, imgprobe_format_name(info.format), info.width,
              info.height);
    }
    static const struct {
        const char *what;
        const char *bytes;
        size_t len;
        imgprobe_status status;
    } buffers[] = {
        {"text", "hello, world", 12, IMGPROBE_NOT_IMAGE},
        {"PNG cut in its IHDR", "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0", 18, IMGPROBE_NEED_MORE},
        {"PNG without IHDR", "\x89PNG\r\n\x1a\n\0\0\0\x0dIDAT\0\0\0\1\0\0\0\1\x08\x02", 26,
         IMGPROBE_BAD_HEADER},
        {"JPEG scan before frame", "\xFF\xD8\xFF\xDA\0\x02", 6, IMGPROBE_BAD_HEADER},
        {"JPEG 2x1", "\xFF\xD8\xFF\xC0\0\x0b\x08\0\x01\0\x02\x01\x01\x11\0", 15,
         IMGPROBE_OK},
        {"WebP unknown chunk", "RIFF\0\0\0\0WEBPABCD\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
         30, IMGPROBE_BAD_HEADER},
    };
    for (size_t i = 0; i < sizeof buffers / sizeof buffers[0]; i++) {
        imgprobe_info info;
        imgprobe_status st = imgprobe_buffer((const unsigned char *)buffers[i].bytes,
                                             buffers[i].len, &info);
        CHECK(st == buffers[i].status, "imgprobe %s: expected status %d, got %d",
              buffers[i].what, buffers[i].status, st);
    }
}

int main(void)
{
    snprintf(test_root, sizeof test_root, "/tmp/kiosk-test-deck-XXXXXX");
    if (!mkdtemp(test_root)) {
        perror("mkdtemp");
        return 1;
    }
    check_diag_rows();
    check_defaults();
    check_settings();
    check_missing_folder();
    check_json_pos();
    check_imgprobe();
    remove_tree(test_root);
    return check_done();
}
