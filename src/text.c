/* text — line breaking (UAX #14 + CLREQ + figures with units) and fitting.
 *
 * A paragraph is broken in three passes over a per-byte table breakable[],
 * where breakable[i] means "a line may start at byte i":
 *   1. libunibreak's UAX #14 opportunities (language "zh", which makes the
 *      curly quotes open and close as Chinese expects);
 *   2. CLREQ: no opportunity before a closing or middle mark, none after an
 *      opening one;
 *   3. figures: a number keeps its qualifier in front (近10亿元) and its unit
 *      behind (58.58亿元, 120万立方米/年).
 * Lines are then filled greedily, measuring whole candidate lines through the
 * callback (so kerning is counted as the renderer will draw it). */
#include "text.h"

#include <linebreak.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* text_fit shrinks by the larger of these per attempt. */
#define TEXT_FIT_STEP_MIN_PX 2
#define TEXT_FIT_STEP_FRACTION 0.04
/* Widths are doubles from a measurer; allow for rounding in comparisons. */
#define TEXT_WIDTH_SLACK_PX 1e-6
#define TEXT_ELLIPSIS "\xE2\x80\xA6" /* U+2026 … */
/* How many unit words may follow one another after a figure (万 余 人次). */
#define TEXT_UNIT_CHAIN_MAX 3

/* CLREQ: characters no line may start with (closing brackets and quotes,
 * pause and stop marks, ellipsis, dash, interpuncts, trailing signs). */
static const char NO_LINE_START[] =
    "，。、；：！？）》」』”’…—％‰·〕】〉〗〙〛｝］〞｠．｡､・‧"
    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞°℃′″"
    ",.;:!?)]}%";

/* CLREQ: characters no line may end with (opening brackets and quotes, and
 * currency signs that belong to the figure after them). */
static const char NO_LINE_END[] =
    "（《「『“‘〔【〈〖〘〚｛［〝｟﹙﹛﹝"
    "([{¥￥$＄£€";

/* Marks that look wrong right before a closing "…" (besides NO_LINE_END). */
static const char NO_BEFORE_ELLIPSIS[] = "，、；：。,;:.";

/* Qualifiers that stay with the figure after them: 近10亿元, 第3届. */
static const char FIGURE_PREFIXES[] = "近约超逾共达第计仅破每前";

/* Unit words after a figure; up to TEXT_UNIT_CHAIN_MAX chain (万 + 余 + 人次)
 * and one "/unit" may follow (120万立方米/年). The longest match wins. */
static const char *const UNIT_WORDS[] = {
    "亿元", "万元", "元", "美元", "万美元", "亿美元", "亿", "万", "千", "百", "十",
    "余人次", "万人次", "人次", "余人", "万人", "人", "名", "位", "户",
    "余个品种", "个品种", "品种", "种", "款", "余个", "多个", "个", "个月",
    "余家", "家", "类", "项", "大项", "届", "次", "场", "批", "期", "轮",
    "万吨", "吨", "千克", "公斤", "克", "斤",
    "万立方米", "立方米", "万平方米", "平方米", "平方公里", "公里", "千米", "米",
    "公顷", "万亩", "亩", "千瓦", "万千瓦", "千瓦时", "万千瓦时",
    "年", "周年", "月", "日", "天", "周", "小时", "分钟", "秒", "岁",
    "座", "所", "条", "辆", "艘", "台", "套", "件", "份", "张", "本", "篇",
    "株", "头", "只", "层", "栋", "间", "部", "倍", "成", "余", "多",
    "%", "％", "‰", "℃", "°",
};

typedef struct {
    int px;
    bool bold;
    double max_width;
    text_measure_fn measure;
    void *ctx;
} measurer;

static pthread_once_t unibreak_once = PTHREAD_ONCE_INIT;

static void unibreak_init(void)
{
    init_linebreak();
}

/* Decodes the character at s[i] (the text is sanitized, so it is valid). */
static size_t char_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t k = utf8_decode(s + i, n - i, cp);
    return k ? k : 1;
}

static size_t char_start_before(const char *s, size_t i)
{
    do {
        i--;
    } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static bool in_set(const char *set, uint32_t cp)
{
    size_t n = strlen(set);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += char_at(set, n, i, &c);
        if (c == cp)
            return true;
    }
    return false;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x200B;
}

static bool is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool is_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* End of s[start..end) without its trailing spaces. */
static size_t trim_end(const char *s, size_t start, size_t end)
{
    while (end > start) {
        size_t k = char_start_before(s, end);
        uint32_t cp;
        char_at(s, end, k, &cp);
        if (!is_space(cp))
            break;
        end = k;
    }
    return end;
}

static double width_of(const measurer *m, const char *s, size_t len)
{
    return len ? m->measure(m->ctx, s, len, m->px, m->bold) : 0.0;
}

static bool fits_width(const measurer *m, double w)
{
    return w <= m->max_width + TEXT_WIDTH_SLACK_PX;
}

/* A copy of s with invalid UTF-8 replaced by U+FFFD and "\r" dropped (so
 * "\r\n" ends a paragraph like "\n"), and tabs turned into spaces. */
static char *sanitize(const char *s, size_t *out_len)
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1); /* one bad byte grows to 3 */
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            o += utf8_encode(0xFFFD, out + o);
            i++;
            continue;
        }
        if (cp == '\t')
            out[o++] = ' ';
        else if (cp != '\r') {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* Length in bytes of the longest unit word at s[i..n), or 0. */
static size_t match_unit(const char *s, size_t n, size_t i)
{
    size_t best = 0;
    for (size_t u = 0; u < sizeof UNIT_WORDS / sizeof UNIT_WORDS[0]; u++) {
        size_t len = strlen(UNIT_WORDS[u]);
        if (len > best && len <= n - i && memcmp(s + i, UNIT_WORDS[u], len) == 0)
            best = len;
    }
    return best;
}

/* Pass 3: removes the opportunities inside [qualifier] figure [units][/unit]. */
static void glue_figures(const char *s, size_t n, bool *breakable)
{
    size_t i = 0, prev = 0; /* prev: start of the character before i */
    while (i < n) {
        uint32_t cp;
        size_t k = char_at(s, n, i, &cp);
        if (!is_digit(cp)) {
            prev = i;
            i += k;
            continue;
        }
        size_t glue_start = i;
        if (i > 0) {
            uint32_t before;
            char_at(s, n, prev, &before);
            if (in_set(FIGURE_PREFIXES, before))
                glue_start = prev;
        }
        /* digits, with "." or "," only between two digits: 58.58, 5,500 */
        size_t end = i;
        while (end < n) {
            uint32_t c;
            size_t ck = char_at(s, n, end, &c);
            if (is_digit(c)) {
                end += ck;
                continue;
            }
            if ((c == '.' || c == ',') && end + ck < n) {
                uint32_t next;
                char_at(s, n, end + ck, &next);
                if (is_digit(next)) {
                    end += ck;
                    continue;
                }
            }
            break;
        }
        for (int chain = 0; chain < TEXT_UNIT_CHAIN_MAX && end < n; chain++) {
            size_t u = match_unit(s, n, end);
            if (!u)
                break;
            end += u;
        }
        if (end > i && end + 1 < n && s[end] == '/') {
            size_t u = match_unit(s, n, end + 1);
            if (u)
                end += 1 + u;
        }
        for (size_t p = glue_start + 1; p < end; p++)
            breakable[p] = false;
        prev = char_start_before(s, end);
        i = end;
    }
}

/* Fills breakable[0..n] for one paragraph; brks is scratch of n bytes. */
static void find_breaks(const char *s, size_t n, char *brks, bool *breakable)
{
    set_linebreaks_utf8((const utf8_t *)s, n, "zh", brks);
    memset(breakable, 0, n + 1);
    for (size_t i = 1; i < n; i++)
        breakable[i] = brks[i - 1] == LINEBREAK_ALLOWBREAK ||
                       brks[i - 1] == LINEBREAK_MUSTBREAK;

    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = char_at(s, n, i, &cp);
        if (in_set(NO_LINE_START, cp))
            breakable[i] = false;
        if (in_set(NO_LINE_END, cp)) {
            /* also past spaces after it, so "（ " cannot end a line */
            size_t j = i + k;
            breakable[j] = false;
            while (j < n) {
                uint32_t c;
                size_t ck = char_at(s, n, j, &c);
                if (!is_space(c))
                    break;
                j += ck;
                breakable[j] = false;
            }
        }
        i += k;
    }
    glue_figures(s, n, breakable);
    breakable[0] = false;
}

static int set_line(text_line *l, const char *s, size_t len, double width,
                    bool paragraph_start)
{
    char *t = malloc(len + 1);
    if (!t)
        return -1;
    memcpy(t, s, len);
    t[len] = '\0';
    free(l->text);
    l->text = t;
    l->width = width;
    l->paragraph_start = paragraph_start;
    return 0;
}

static int push_line(text_block *b, size_t *cap, const char *s, size_t len,
                     double width, bool paragraph_start)
{
    if (b->n_lines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        text_line *nl = realloc(b->lines, ncap * sizeof *nl);
        if (!nl)
            return -1;
        b->lines = nl;
        *cap = ncap;
    }
    text_line *l = &b->lines[b->n_lines];
    memset(l, 0, sizeof *l);
    if (set_line(l, s, len, width, paragraph_start) < 0)
        return -1;
    b->n_lines++;
    return 0;
}

/* Last resort for a piece wider than the box: as many characters of it as
 * fit, at least one. Returns the end of the line; *w gets its width. */
static size_t force_break(const measurer *m, const char *s, size_t n,
                          size_t start, double *w)
{
    size_t end = start;
    *w = 0;
    while (end < n) {
        uint32_t cp;
        size_t k = char_at(s, n, end, &cp);
        size_t e = trim_end(s, start, end + k);
        double cw = width_of(m, s + start, e - start);
        if (end > start && !fits_width(m, cw))
            break;
        end += k;
        *w = cw;
    }
    return end;
}

/* A paragraph's last line holding one or two ideographs (and perhaps the
 * marks that close them) looks stranded on a panel; pull one more piece down
 * to it when the line above can spare one. */
#define TEXT_ORPHAN_MAX_CHARS 2 /* a last line this short gets company */
#define TEXT_ORPHAN_KEEP_CHARS 6 /* ... from a line above this long, unless it is alone */

static int avoid_orphan(const measurer *m, const char *s, size_t n,
                        const bool *breakable, size_t prev_start,
                        size_t last_start, text_block *b)
{
    size_t visible = 0;
    bool all_ideographs = true;
    for (size_t i = last_start; i < n;) {
        uint32_t cp;
        i += char_at(s, n, i, &cp);
        if (!is_space(cp) && !in_set(NO_LINE_START, cp)) {
            visible++;
            all_ideographs &= is_ideograph(cp);
        }
    }
    if (visible == 0 || visible > TEXT_ORPHAN_MAX_CHARS || !all_ideographs)
        return 0;
    /* the last opportunity strictly inside the line above */
    size_t q = char_start_before(s, last_start);
    while (q > prev_start && !breakable[q])
        q = char_start_before(s, q);
    if (q <= prev_start)
        return 0;
    size_t prev_end = trim_end(s, prev_start, q);
    size_t last_end = trim_end(s, q, n);
    if (prev_end == prev_start)
        return 0;
    /* Two characters are less stranded than one: they get company only from
     * a line long enough not to look short itself afterwards. */
    if (visible > 1 && utf8_length(s + prev_start, prev_end - prev_start) < TEXT_ORPHAN_KEEP_CHARS)
        return 0;
    double last_w = width_of(m, s + q, last_end - q);
    if (!fits_width(m, last_w))
        return 0;
    double prev_w = width_of(m, s + prev_start, prev_end - prev_start);
    text_line *prev = &b->lines[b->n_lines - 2];
    text_line *last = &b->lines[b->n_lines - 1];
    if (set_line(prev, s + prev_start, prev_end - prev_start, prev_w,
                 prev->paragraph_start) < 0 ||
        set_line(last, s + q, last_end - q, last_w, false) < 0)
        return -1;
    return 0;
}

static int break_paragraph(const measurer *m, const char *s, size_t n,
                           text_block *b, size_t *cap)
{
    if (trim_end(s, 0, n) == 0)
        return 0; /* empty or only spaces: no line, no gap */
    int rc = -1;
    char *brks = malloc(n);
    bool *breakable = malloc(n + 1);
    if (!brks || !breakable)
        goto fail;
    find_breaks(s, n, brks, breakable);

    size_t first = b->n_lines, start = 0, prev_start = 0, last_start = 0;
    while (start < n) {
        if (trim_end(s, start, n) == start)
            break; /* only spaces left */
        size_t best = 0;
        double best_w = 0;
        for (size_t e = start + 1; e <= n; e++) {
            if (e < n && !breakable[e])
                continue;
            size_t vis = trim_end(s, start, e);
            if (vis == start)
                continue; /* leading indent: not a line by itself */
            double w = width_of(m, s + start, vis - start);
            if (!fits_width(m, w))
                break;
            best = e;
            best_w = w;
        }
        if (best == 0)
            best = force_break(m, s, n, start, &best_w);
        size_t vis = trim_end(s, start, best);
        if (push_line(b, cap, s + start, vis - start, best_w,
                      b->n_lines == first) < 0)
            goto fail;
        prev_start = last_start;
        last_start = start;
        start = best;
    }
    if (b->n_lines - first >= 2 &&
        avoid_orphan(m, s, n, breakable, prev_start, last_start, b) < 0)
        goto fail;
    rc = 0;
fail:
    free(brks);
    free(breakable);
    return rc;
}

int text_break(const char *utf8, int px, bool bold, double line_spacing,
               double paragraph_gap, double max_width, text_measure_fn measure,
               void *ctx, text_block *out)
{
    memset(out, 0, sizeof *out);
    out->px = px;
    out->line_height = px * line_spacing;
    out->paragraph_gap = px * paragraph_gap;
    pthread_once(&unibreak_once, unibreak_init);

    size_t len = 0;
    char *text = sanitize(utf8 ? utf8 : "", &len);
    if (!text)
        return -1;
    measurer m = {px, bold, max_width, measure, ctx};
    size_t cap = 0, paragraphs = 0;
    for (size_t start = 0; start <= len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t before = out->n_lines;
        if (break_paragraph(&m, text + start, end - start, out, &cap) < 0)
            goto fail;
        if (out->n_lines > before)
            paragraphs++;
        start = end + 1;
    }
    for (size_t i = 0; i < out->n_lines; i++)
        if (out->lines[i].width > out->width)
            out->width = out->lines[i].width;
    out->height = out->n_lines * out->line_height +
                  (paragraphs ? paragraphs - 1 : 0) * out->paragraph_gap;
    free(text);
    return 0;
fail:
    free(text);
    text_block_free(out);
    return -1;
}

void text_block_free(text_block *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_lines; i++)
        free(b->lines[i].text);
    free(b->lines);
    memset(b, 0, sizeof *b);
}

double text_line_top(const text_block *b, size_t i)
{
    size_t gaps = 0;
    for (size_t k = 1; k <= i && k < b->n_lines; k++)
        gaps += b->lines[k].paragraph_start;
    return i * b->line_height + gaps * b->paragraph_gap;
}

static bool block_fits(const text_block *b, const text_style *st, double box_w,
                       double box_h)
{
    return (st->max_lines <= 0 || b->n_lines <= (size_t)st->max_lines) &&
           b->height <= box_h + TEXT_WIDTH_SLACK_PX &&
           b->width <= box_w + TEXT_WIDTH_SLACK_PX;
}

/* Ends line l with "…", dropping characters from its end until it fits. */
static int end_with_ellipsis(const measurer *m, text_line *l)
{
    size_t len = strlen(l->text);
    char *buf = malloc(len + sizeof TEXT_ELLIPSIS);
    if (!buf)
        return -1;
    memcpy(buf, l->text, len);
    double w;
    for (;;) {
        /* never "（…" or "，…": drop spaces and such marks first */
        while (len > 0) {
            size_t k = char_start_before(buf, len);
            uint32_t cp;
            char_at(buf, len, k, &cp);
            if (!is_space(cp) && !in_set(NO_LINE_END, cp) &&
                !in_set(NO_BEFORE_ELLIPSIS, cp))
                break;
            len = k;
        }
        memcpy(buf + len, TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS);
        w = width_of(m, buf, len + sizeof TEXT_ELLIPSIS - 1);
        if (len == 0 || fits_width(m, w))
            break;
        len = char_start_before(buf, len);
    }
    free(l->text);
    l->text = buf;
    l->width = w;
    return 0;
}

/* Keeps the lines of b that fit box_h and max_lines (at least one) and ends
 * the last with "…". Leaves b alone when every line fits. */
static int truncate_block(text_block *b, const text_style *st, double box_w,
                          double box_h, text_measure_fn measure, void *ctx)
{
    size_t keep = 0;
    for (size_t k = 1; k <= b->n_lines; k++) {
        double h = text_line_top(b, k - 1) + b->line_height;
        if (h > box_h + TEXT_WIDTH_SLACK_PX ||
            (st->max_lines > 0 && k > (size_t)st->max_lines))
            break;
        keep = k;
    }
    if (keep == 0)
        keep = 1;
    if (keep >= b->n_lines)
        return 0;
    for (size_t i = keep; i < b->n_lines; i++)
        free(b->lines[i].text);
    b->n_lines = keep;
    b->truncated = true;
    measurer m = {b->px, st->bold, box_w, measure, ctx};
    if (end_with_ellipsis(&m, &b->lines[keep - 1]) < 0)
        return -1;
    b->width = 0;
    size_t gaps = 0;
    for (size_t i = 0; i < b->n_lines; i++) {
        if (b->lines[i].width > b->width)
            b->width = b->lines[i].width;
        gaps += i > 0 && b->lines[i].paragraph_start;
    }
    b->height = b->n_lines * b->line_height + gaps * b->paragraph_gap;
    return 0;
}

int text_fit(const char *utf8, const text_style *style, double box_w,
             double box_h, text_measure_fn measure, void *ctx, text_block *out)
{
    memset(out, 0, sizeof *out);
    int max_px = style->max_px > 0 ? style->max_px : 1;
    int min_px = style->min_px > 0 && style->min_px < max_px ? style->min_px
                                                             : max_px;
    for (int px = max_px;;) {
        if (text_break(utf8, px, style->bold, style->line_spacing,
                       style->paragraph_gap, box_w, measure, ctx, out) < 0)
            return -1;
        out->shrunk = px < style->max_px;
        if (block_fits(out, style, box_w, box_h))
            return 0;
        if (px <= min_px) {
            if (truncate_block(out, style, box_w, box_h, measure, ctx) < 0) {
                text_block_free(out);
                return -1;
            }
            return 0;
        }
        text_block_free(out);
        int step = (int)lround(px * TEXT_FIT_STEP_FRACTION);
        if (step < TEXT_FIT_STEP_MIN_PX)
            step = TEXT_FIT_STEP_MIN_PX;
        px = px - step > min_px ? px - step : min_px;
    }
}
