/* Line breaking and fitting, measured with a fixed-advance fake: every
 * ASCII character is half an em wide, everything else (ideographs, fullwidth
 * and CJK punctuation) a full em. So at px = 10 "一二三" is 30 wide and
 * "58.58亿元" is 45. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text.h"
#include "utf8.h"

#define PX 10

static int measure_calls;

static double fake_measure(void *ctx, const char *s, size_t len, int px,
                           bool bold)
{
    (void)ctx;
    (void)bold;
    measure_calls++;
    double w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        i += k ? k : 1;
        w += cp < 0x80 ? 0.5 * px : px;
    }
    return w;
}

/* Lines joined by "|", into buf. */
static const char *joined(const text_block *b, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < b->n_lines; i++) {
        if (i)
            strncat(buf, "|", size - strlen(buf) - 1);
        strncat(buf, b->lines[i].text, size - strlen(buf) - 1);
    }
    return buf;
}

/* The rules as CLREQ states them, kept apart from text.c's own tables so
 * the test does not merely agree with itself. */
static const char *const CLOSING[] = {
    "，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’",
    "…", "—", "％", "‰", "·", "〕", "】", "〉", ",", ".", ";", ":", "!", "?", ")",
};
static const char *const OPENING[] = {
    "（", "《", "「", "『", "“", "‘", "〔", "【", "〈", "(",
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool starts_with_any(const char *s, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(s, set[i], strlen(set[i])) == 0)
            return true;
    return false;
}

static bool ends_with_any(const char *s, const char *const *set, size_t n)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(set[i]);
        if (len >= k && strcmp(s + len - k, set[i]) == 0)
            return true;
    }
    return false;
}

static void test_break_table(void)
{
    static const struct {
        const char *text;
        double width;
        const char *want; /* lines joined by "|" */
    } rows[] = {
        {"", 100, ""},
        {"   ", 100, ""},
        {"甲乙丙丁戊", 30, "甲乙丙|丁戊"},
        /* greedy would leave "丁" alone on the last line */
        {"甲乙丙丁", 30, "甲乙|丙丁"},
        /* three on the last line get company only when the line above
         * would not grow loose (here it would: 2 px a gap on 5 gaps) */
        {"甲乙丙丁戊己庚辛壬癸", 80, "甲乙丙丁戊己庚|辛壬癸"},
        {"甲乙丙丁戊己", 40, "甲乙丙|丁戊己"},
        /* figures keep their qualifier and unit */
        {"全年营业额达58.58亿元", 80, "全年营业额|达58.58亿元"},
        {"营收近10亿元", 45, "营收|近10亿元"},
        {"年接待200余人次", 60, "年接待|200余人次"},
        {"规模达120万立方米/年", 90, "规模|达120万立方米/年"},
        {"同比增长108%", 50, "同比增长|108%"},
        {"共有5500余人次参观", 60, "共有|5500余人次|参观"},
        {"涵盖4大项15类100余个品种", 60, "涵盖4大项|15类|100余个品种"},
        {"投资近10亿元建设", 70, "投资近10亿元|建设"},
        /* a figure is a quarter em apart from ideographs: 近 10 亿元 is 45 */
        {"投资近10亿元建设", 60, "投资|近10亿元|建设"},
        {"投资近10亿元建设", 50, "投资|近10亿元|建设"},
        /* Latin words whole, spaces at a line end dropped */
        {"欢迎来到Exhibition展区", 60, "欢迎来到|Exhibition|展区"},
        {"Hello world 你好", 40, "Hello|world|你好"},
        {"Hello   ", 100, "Hello"},
        /* a word wider than the box is cut at characters, as a last resort */
        {"Supercalifragilistic", 40, "Supercal|ifragili|stic"},
        {"甲乙丙Supercalifragilistic", 40, "甲乙丙|Supercal|ifragili|stic"},
        /* ellipsis and dash pairs stay whole and never start a line */
        {"甲乙丙……丁戊", 40, "甲乙|丙……|丁戊"},
        {"甲乙丙——丁戊", 40, "甲乙|丙——|丁戊"},
        /* paragraphs; empty ones and "\r\n" are not lines */
        {"甲乙\n丙丁", 100, "甲乙|丙丁"},
        {"甲乙\n\n\n丙丁\n", 100, "甲乙|丙丁"},
        {"甲乙\r\n丙丁", 100, "甲乙|丙丁"},
        {"\n  \n", 100, ""},
        /* 第 and the unit words chain: 第30届, 30多年, 12个月 */
        {"这是第30届博览会", 40, "这是|第30届|博览会"},
        {"携手走过30多年历程", 40, "携手走过|30多年|历程"},
        /* an ideographic-space indent stays; tabs are spaces */
        {"\xE3\x80\x80\xE3\x80\x80本次展览", 60, "\xE3\x80\x80\xE3\x80\x80本次展览"},
        {"Hello\tworld", 30, "Hello|world"},
        /* bad UTF-8 is shown as U+FFFD, not dropped or overrun */
        {"a\xFF" "b", 100, "a\xEF\xBF\xBD" "b"},
        /* quantities stay whole: Chinese numerals with their measure word
         * (and the noun 四大 / 万吨级 describe), 第一, dates, ranges */
        {"沿线四大港口联动", 40, "沿线|四大港口|联动"},
        {"鲁渝沈三地协作", 30, "鲁渝沈|三地|协作"},
        {"长江上游万吨级码头", 50, "长江上游|万吨级码头"},
        {"这是第一次", 30, "这是|第一次"},
        {"时间为10月18日上午", 60, "时间为|10月18日|上午"},
        {"于2025年5月14日开幕", 80, "于|2025年5月14日|开幕"},
        {"增幅为10%～20%", 50, "增幅为|10%～20%"},
        {"画布为1920×1080像素", 70, "画布为|1920×1080|像素"},
        /* ... but 一 inside a word is no number */
        {"统一规划统一建设", 40, "统一规划|统一建设"},
        /* a box narrower than one character still makes progress */
        {"甲乙", 5, "甲|乙"},
        /* Western text: a last line of one word takes the word before it,
         * when that fits and the line above keeps half the measure */
        {"one two three four", 70, "one two|three four"},
        {"one two three fourteen", 70, "one two|three fourteen"},
        {"one two three fourteenth", 70, "one two three|fourteenth"},
        {"one two three four five", 60, "one two|three four|five"},
        {"one two three four five", 50, "one two|three|four five"},
        /* ... and a word cut at characters is left as it is */
        {"Supercalifragilistic", 40, "Supercal|ifragili|stic"},
    };
    for (size_t r = 0; r < COUNT(rows); r++) {
        text_block b;
        int rc = text_break(rows[r].text, PX, false, 1.5, 0.5, rows[r].width,
                            fake_measure, NULL, &b);
        char buf[512], what[64];
        snprintf(what, sizeof what, "break row %zu", r);
        CHECK(rc == 0, "%s: expected 0, got %d", what, rc);
        CHECK_STR(joined(&b, buf, sizeof buf), rows[r].want, what);
        for (size_t i = 0; i < b.n_lines; i++)
            CHECK(b.lines[i].width <= rows[r].width || strlen(b.lines[i].text) <= 3,
                  "%s line %zu: expected width <= %g, got %g", what, i, rows[r].width,
                  b.lines[i].width);
        text_block_free(&b);
    }
}

/* Where each run of a line goes ("x:text" joined by " "), line by line. */
static const char *placed(const text_block *b, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < b->n_lines; i++) {
        const text_line *l = &b->lines[i];
        if (i)
            strncat(buf, "|", size - strlen(buf) - 1);
        for (size_t k = 0; k < l->n_runs; k++) {
            char piece[128];
            snprintf(piece, sizeof piece, "%s%g:%.*s", k ? " " : "", l->runs[k].x,
                     (int)l->runs[k].len, l->text + l->runs[k].start);
            strncat(buf, piece, size - strlen(buf) - 1);
        }
    }
    return buf;
}

/* CLREQ's punctuation widths, the mixed-text gap and justification, at
 * px 10 with every mark a full em: the runs and their x. */
static void test_set_table(void)
{
    static const struct {
        const char *text;
        double width;
        bool justify;
        const char *want; /* runs "x:text", lines joined by "|" */
        double want_width; /* of the first line */
    } rows[] = {
        /* an opening mark at a line start: half width, ink on the margin */
        {"“甲乙”丙", 100, false, "-5:“甲乙”丙", 45},
        /* a closing mark at a line end loses its blank half */
        {"甲乙，", 100, false, "0:甲乙，", 25},
        /* two marks in a row take 1.5 em: ”， ”“ ：“ ”（ */
        {"甲”，乙", 100, false, "0:甲” 15:，乙", 35},
        {"甲”“乙", 100, false, "0:甲” 15:“乙", 35},
        {"甲：“乙", 100, false, "0:甲： 15:“乙", 35},
        {"甲”（乙", 100, false, "0:甲” 15:（乙", 35},
        /* three in a row: each pair at most 1.5 em */
        {"甲）”，乙", 100, false, "0:甲） 15:” 20:，乙", 40},
        /* a quarter em between ideographs and Western letters or digits */
        {"甲AB乙", 100, false, "0:甲 12.5:AB 25:乙", 35},
        {"共3天", 100, false, "0:共 12.5:3 20:天", 30},
        /* justified: the width left is shared by the gaps, none inside a
         * figure with its unit; the last line stays flush start */
        {"甲乙丙丁戊己", 40, true, "0:甲 15:乙 30:丙|0:丁戊己", 40},
        {"近10亿元甲乙丙丁戊", 70, true, "0:近 12.5:10 25:亿元 47.5:甲 60:乙|0:丙丁戊", 70},
        /* ... nor before a closing mark or after an opening one */
        {"甲，“乙”丙丁戊己庚辛", 70, true, "0:甲， 16.6667:“乙” 48.3333:丙 60:丁|0:戊己庚辛", 70},
        /* squeezed before a character moves down: a mark inside the line
         * gives up its blank half (CLREQ) */
        {"甲乙，丙丁", 45, false, "0:甲乙， 25:丙丁", 45},
        /* a quantity in Chinese numerals takes the line's spacing */
        {"甲乙万吨级码头丙丁戊", 90, true, "0:甲 13.3333:乙 26.6667:万 40:吨 53.3333:级 66.6667:码 80:头|0:丙丁戊", 90},
        /* a line that would have to gap out too far stays flush start */
        {"甲乙WWWWWWWWWW丙", 60, true, "0:甲乙|0:WWWWWWWWWW|0:丙", 20},
        /* a Western paragraph is set ragged even where the style justifies:
         * its words keep their spaces */
        {"one two three four", 70, true, "0:one two|0:three four", 35},
        /* one ideograph makes it Chinese text, justified */
        {"one two 甲 three", 70, true, "0:one 20:  30:two 50:  60:甲|0:three", 70},
    };
    for (size_t r = 0; r < COUNT(rows); r++) {
        text_style st = {PX, PX, 1.5, 0, false, 0, rows[r].justify, false};
        text_block b;
        int rc = text_fit(rows[r].text, &st, rows[r].width, 1000, fake_measure, NULL, &b);
        char buf[512], what[64];
        snprintf(what, sizeof what, "set row %zu", r);
        CHECK(rc == 0, "%s: expected 0, got %d", what, rc);
        CHECK_STR(placed(&b, buf, sizeof buf), rows[r].want, what);
        CHECK(b.n_lines > 0 && b.lines[0].width == rows[r].want_width,
              "%s: expected the first line %g wide, got %g", what, rows[r].want_width,
              b.n_lines ? b.lines[0].width : -1);
        text_block_free(&b);
    }
}

/* Balanced headings: lines of similar length, broken at a phrase
 * boundary when there is one, never a short widow. */
static void test_balance_table(void)
{
    static const struct {
        const char *text;
        double width;
        const char *want;
    } rows[] = {
        /* greedy: 甲乙丙丁戊己庚|辛 */
        {"甲乙丙丁戊己庚辛", 70, "甲乙丙丁|戊己庚辛"},
        /* a space is the place to break, even if the halves differ */
        {"甲乙丙丁戊 己庚辛壬癸子丑", 90, "甲乙丙丁戊|己庚辛壬癸子丑"},
        /* one line stays one line */
        {"甲乙丙", 70, "甲乙丙"},
    };
    for (size_t r = 0; r < COUNT(rows); r++) {
        text_style st = {PX, PX, 1.3, 0, true, 2, false, true};
        text_block b;
        text_fit(rows[r].text, &st, rows[r].width, 1000, fake_measure, NULL, &b);
        char buf[256], what[64];
        snprintf(what, sizeof what, "balance row %zu", r);
        CHECK_STR(joined(&b, buf, sizeof buf), rows[r].want, what);
        text_block_free(&b);
    }
}

/* Every closing mark X in "甲乙丙X丁戊己" at width 30: greedy would end the
 * first line after 丙 and start the second with X; instead 丙 moves down. */
static void test_no_line_starts_with_closing(void)
{
    for (size_t i = 0; i < COUNT(CLOSING); i++) {
        char text[64], want[64], buf[256], what[64];
        snprintf(text, sizeof text, "甲乙丙%s丁戊己", CLOSING[i]);
        snprintf(want, sizeof want, "甲乙|丙%s丁|戊己", CLOSING[i]);
        snprintf(what, sizeof what, "closing \"%s\"", CLOSING[i]);
        text_block b;
        text_break(text, PX, false, 1.5, 0, 30, fake_measure, NULL, &b);
        CHECK_STR(joined(&b, buf, sizeof buf), want, what);
        text_block_free(&b);
    }
}

/* Every opening mark X in "甲乙X丙丁戊己" at width 30: greedy would end the
 * first line with X; instead X moves down with 丙. */
static void test_no_line_ends_with_opening(void)
{
    for (size_t i = 0; i < COUNT(OPENING); i++) {
        char text[64], want[64], buf[256], what[64];
        snprintf(text, sizeof text, "甲乙%s丙丁戊己", OPENING[i]);
        snprintf(want, sizeof want, "甲乙|%s丙丁|戊己", OPENING[i]);
        snprintf(what, sizeof what, "opening \"%s\"", OPENING[i]);
        text_block b;
        text_break(text, PX, false, 1.5, 0, 30, fake_measure, NULL, &b);
        CHECK_STR(joined(&b, buf, sizeof buf), want, what);
        text_block_free(&b);
    }
}

static void test_paragraph_geometry(void)
{
    text_block b;
    /* px 10, spacing 1.5, gap 0.5: lines 15 apart, paragraphs 5 more */
    text_break("甲乙丙丁戊己\n\n庚辛", PX, false, 1.5, 0.5, 30, fake_measure,
               NULL, &b);
    char buf[128];
    CHECK_STR(joined(&b, buf, sizeof buf), "甲乙丙|丁戊己|庚辛", "geometry");
    CHECK(b.n_lines == 3, "geometry: expected 3 lines, got %zu", b.n_lines);
    if (b.n_lines == 3) {
        CHECK(b.lines[0].paragraph_start && !b.lines[1].paragraph_start &&
                  b.lines[2].paragraph_start,
              "geometry: expected paragraph starts 1,0,1, got %d,%d,%d",
              b.lines[0].paragraph_start, b.lines[1].paragraph_start,
              b.lines[2].paragraph_start);
        CHECK(text_line_top(&b, 1) == 15.0,
              "geometry: expected line 1 at 15, got %g", text_line_top(&b, 1));
        CHECK(text_line_top(&b, 2) == 35.0,
              "geometry: expected line 2 at 35, got %g", text_line_top(&b, 2));
    }
    CHECK(b.height == 50.0, "geometry: expected height 50, got %g", b.height);
    CHECK(b.width == 30.0, "geometry: expected width 30, got %g", b.width);
    CHECK(b.line_height == 15.0, "geometry: expected line height 15, got %g",
          b.line_height);
    text_block_free(&b);
    text_block_free(&b); /* zeroed: a second free is harmless */

    text_break("", PX, false, 1.5, 0.5, 30, fake_measure, NULL, &b);
    CHECK(b.n_lines == 0 && b.height == 0 && b.width == 0,
          "empty: expected no lines and no size, got %zu lines %gx%g",
          b.n_lines, b.width, b.height);
    text_block_free(&b);
}

static void test_fit_table(void)
{
    static const struct {
        const char *text;
        int max_px, min_px, max_lines;
        double box_w, box_h;
        int want_px;
        bool want_shrunk, want_truncated;
        const char *want;
    } rows[] = {
        /* fits at once */
        {"甲乙丙丁戊", 10, 10, 0, 100, 20, 10, false, false, "甲乙丙丁戊"},
        /* 20, 18, ... 12 px take two lines (too tall); 10 px takes one */
        {"甲乙丙丁戊己庚辛壬癸", 20, 10, 0, 100, 20, 10, true, false,
         "甲乙丙丁戊己庚辛壬癸"},
        /* steps are 4% once that is more than 2 px: 100, 96, 92 ... */
        {"甲乙丙丁戊己庚辛壬癸", 100, 10, 0, 920, 150, 92, true, false,
         "甲乙丙丁戊己庚辛壬癸"},
        /* three lines at 10 px, room for two: cut the second with "…" */
        {"甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸", 20,
         10, 0, 100, 20, 10, true, true, "甲乙丙丁戊己庚辛壬癸|甲乙丙丁戊己庚辛壬…"},
        /* max_lines limits even when the box is tall */
        {"甲乙丙丁戊己庚辛壬癸甲乙丙", 10, 10, 1, 100, 1000, 10, false, true,
         "甲乙丙丁戊己庚辛壬…"},
        /* never "（…" or "，…" at the cut */
        {"甲乙丙丁戊己庚辛（壬癸甲乙丙", 10, 10, 1, 100, 1000, 10, false, true,
         "甲乙丙丁戊己庚辛…"},
        {"甲乙丙丁戊己庚辛壬，癸甲乙丙丁", 10, 10, 1, 100, 1000, 10, false, true,
         "甲乙丙丁戊己庚辛壬…"},
        /* a cut at a paragraph end still shows that text follows */
        {"甲乙丙\n丁戊己", 10, 10, 1, 100, 1000, 10, false, true, "甲乙丙…"},
        /* spaces only: nothing to draw, nothing cut */
        {"  ", 20, 10, 0, 100, 20, 20, false, false, ""},
    };
    for (size_t r = 0; r < COUNT(rows); r++) {
        text_style st = {rows[r].max_px, rows[r].min_px, 1.0, 0.5, false,
                         rows[r].max_lines, false, false};
        text_block b;
        int rc = text_fit(rows[r].text, &st, rows[r].box_w, rows[r].box_h,
                          fake_measure, NULL, &b);
        char buf[512], what[64];
        snprintf(what, sizeof what, "fit row %zu", r);
        CHECK(rc == 0, "%s: expected 0, got %d", what, rc);
        CHECK_STR(joined(&b, buf, sizeof buf), rows[r].want, what);
        CHECK(b.px == rows[r].want_px, "%s: expected px %d, got %d", what,
              rows[r].want_px, b.px);
        CHECK(b.shrunk == rows[r].want_shrunk, "%s: expected shrunk %d, got %d",
              what, rows[r].want_shrunk, b.shrunk);
        CHECK(b.truncated == rows[r].want_truncated,
              "%s: expected truncated %d, got %d", what,
              rows[r].want_truncated, b.truncated);
        CHECK(b.width <= rows[r].box_w,
              "%s: expected width <= %g, got %g", what, rows[r].box_w, b.width);
        CHECK(b.n_lines == 0 || b.height <= rows[r].box_h,
              "%s: expected height <= %g, got %g", what, rows[r].box_h,
              b.height);
        text_block_free(&b);
    }
}

/* A paragraph of the kind the panels carry, broken at every width from
 * the widest unbreakable piece up: each line obeys the rules and fits. */
static const char EXHIBITION[] =
    "本次展览以“山海相连·同心共富”为主题，分为4大项15类，共展出100余个品种"
    "的特色产品。开幕首日即接待观众5500余人次，同比增长108%；全年签约项目"
    "总额达58.58亿元，其中近10亿元投向港口与物流（含120万立方米/年的砂石"
    "码头）。Shandong Pavilion 展区还设置了互动体验区……欢迎您留言、拍照、"
    "分享！";

static const char *const GLUED[] = {
    "4大项", "15类", "100余个品种", "5500余人次", "108%", "达58.58亿元",
    "近10亿元", "120万立方米/年", "Shandong", "Pavilion", "……",
};

static void test_rules_hold_at_every_width(void)
{
    size_t text_len = strlen(EXHIBITION);
    for (int width = 80; width <= 600; width += 3) {
        text_block b;
        if (text_break(EXHIBITION, PX, false, 1.5, 0, width, fake_measure,
                       NULL, &b) != 0) {
            CHECK(0, "width %d: text_break failed", width);
            continue;
        }
        /* the lines, spaces aside, are the text again in order; note where
         * each line ends so splits inside glued runs can be found */
        char joined_text[sizeof EXHIBITION];
        size_t ends[256], n_ends = 0, pos = 0;
        bool ok = true;
        for (size_t i = 0; i < b.n_lines; i++) {
            const char *t = b.lines[i].text;
            CHECK(b.lines[i].width <= width,
                  "width %d line %zu \"%s\": %g is too wide", width, i, t,
                  b.lines[i].width);
            CHECK(t[0] != '\0', "width %d line %zu is empty", width, i);
            if (i > 0)
                CHECK(!starts_with_any(t, CLOSING, COUNT(CLOSING)),
                      "width %d line %zu \"%s\" starts with a closing mark",
                      width, i, t);
            if (i + 1 < b.n_lines)
                CHECK(!ends_with_any(t, OPENING, COUNT(OPENING)),
                      "width %d line %zu \"%s\" ends with an opening mark",
                      width, i, t);
            size_t len = strlen(t);
            if (pos + len >= sizeof joined_text || n_ends >= COUNT(ends)) {
                ok = false;
                break;
            }
            memcpy(joined_text + pos, t, len);
            pos += len;
            /* the space dropped at this line's end, if the text had one */
            if (pos < text_len && EXHIBITION[pos] == ' ' &&
                i + 1 < b.n_lines)
                joined_text[pos++] = ' ';
            ends[n_ends++] = pos;
        }
        joined_text[pos] = '\0';
        CHECK(ok && strcmp(joined_text, EXHIBITION) == 0,
              "width %d: lines do not give back the text: \"%s\"", width,
              joined_text);
        for (size_t g = 0; g < COUNT(GLUED); g++) {
            const char *at = strstr(EXHIBITION, GLUED[g]);
            size_t from = (size_t)(at - EXHIBITION);
            size_t to = from + strlen(GLUED[g]);
            for (size_t e = 0; e + 1 < n_ends; e++)
                CHECK(!(ends[e] > from && ends[e] < to),
                      "width %d: \"%s\" split after byte %zu", width,
                      GLUED[g], ends[e] - from);
        }
        text_block_free(&b);
    }
}

/* text_fit never reports a block larger than its box unless it says so. */
static void test_fit_stays_in_box(void)
{
    text_style st = {48, 16, 1.4, 0.6, true, 0, false, false};
    for (double w = 200; w <= 900; w += 70) {
        for (double h = 40; h <= 400; h += 60) {
            text_block b;
            int rc = text_fit(EXHIBITION, &st, w, h, fake_measure, NULL, &b);
            CHECK(rc == 0, "box %gx%g: expected 0, got %d", w, h, rc);
            CHECK(b.px >= st.min_px && b.px <= st.max_px,
                  "box %gx%g: px %d outside %d..%d", w, h, b.px, st.min_px,
                  st.max_px);
            CHECK(b.width <= w, "box %gx%g: width %g", w, h, b.width);
            CHECK(b.height <= h || b.n_lines == 1,
                  "box %gx%g: height %g", w, h, b.height);
            if (b.truncated) {
                const char *last = b.lines[b.n_lines - 1].text;
                CHECK(b.px == st.min_px,
                      "box %gx%g: cut at %d px, not at min", w, h, b.px);
                CHECK(ends_with_any(last, (const char *const[]){"…"}, 1),
                      "box %gx%g: cut line \"%s\" lacks …", w, h, last);
            }
            text_block_free(&b);
        }
    }
}

int main(void)
{
    test_break_table();
    test_no_line_starts_with_closing();
    test_no_line_ends_with_opening();
    test_paragraph_geometry();
    test_set_table();
    test_balance_table();
    test_fit_table();
    test_rules_hold_at_every_width();
    test_fit_stays_in_box();
    CHECK(measure_calls > 0, "expected the measurer to be used");
    return check_done();
}
