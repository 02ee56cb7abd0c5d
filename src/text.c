/* text — line breaking (UAX #14 + CLREQ + quantities kept whole) and fitting.
 *
 * A paragraph is broken in three passes over a per-byte table breakable[],
 * where breakable[i] means "a line may start at byte i":
 *   1. libunibreak's UAX #14 opportunities (language "zh", which makes the
 *      curly quotes open and close as Chinese expects);
 *   2. CLREQ: no opportunity before a closing or middle mark, none after an
 *      opening one;
 *   3. quantities (text_figures.h): none inside 近10亿元, 四大港口, 10月18日.
 * The paragraph is then cut into measured atoms (text_set.h) and filled
 * greedily, each candidate line's width counting the punctuation adjustment
 * and mixed-text gaps; then a short last line gets company from the line
 * above, a balanced style evens its lines out, and each line is set. */
#include "text.h"

#include <linebreak.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text_chars.h"
#include "text_figures.h"
#include "text_lines.h"
#include "text_set.h"
#include "utf8.h"

/* text_fit shrinks by the larger of these per attempt. */
#define TEXT_FIT_STEP_MIN_PX 2
#define TEXT_FIT_STEP_FRACTION 0.04
/* Widths are doubles from a measurer; allow for rounding in comparisons. */
#define TEXT_WIDTH_SLACK_PX 1e-6
#define TEXT_ELLIPSIS "\xE2\x80\xA6" /* U+2026 … */

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

/* Fills breakable[0..n] and in_figure[0..n] for one paragraph; brks is
 * scratch of n bytes. */
static void find_breaks(const char *s, size_t n, char *brks, bool *breakable,
                        bool *in_figure)
{
    set_linebreaks_utf8((const utf8_t *)s, n, "zh", brks);
    memset(breakable, 0, n + 1);
    memset(in_figure, 0, n + 1);
    for (size_t i = 1; i < n; i++)
        breakable[i] = brks[i - 1] == LINEBREAK_ALLOWBREAK ||
                       brks[i - 1] == LINEBREAK_MUSTBREAK;

    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = text_char_at(s, n, i, &cp);
        if (text_in_set(NO_LINE_START, cp))
            breakable[i] = false;
        if (text_in_set(NO_LINE_END, cp)) {
            /* also past spaces after it, so "（ " cannot end a line */
            size_t j = i + k;
            breakable[j] = false;
            while (j < n) {
                uint32_t c;
                size_t ck = text_char_at(s, n, j, &c);
                if (!text_is_space(c))
                    break;
                j += ck;
                breakable[j] = false;
            }
        }
        i += k;
    }
    text_mark_figures(s, n, in_figure);
    for (size_t i = 0; i <= n; i++)
        breakable[i] = breakable[i] && !in_figure[i];
    breakable[0] = false;
}

static int push_line(text_block *b, size_t *cap)
{
    text_line *nl = grow_array(b->lines, cap, b->n_lines + 1, sizeof *nl, 8);
    if (!nl)
        return -1;
    b->lines = nl;
    memset(&b->lines[b->n_lines++], 0, sizeof *b->lines);
    return 0;
}

static int break_paragraph(const measurer *m, const text_style *st, const char *s,
                           size_t n, text_block *b, size_t *cap)
{
    if (n == 0)
        return 0;
    int rc = -1;
    char *brks = malloc(n);
    bool *breakable = malloc(n + 1), *in_figure = malloc(n + 1);
    text_atoms at = {0};
    line_ends le = {0};
    if (!brks || !breakable || !in_figure)
        goto fail;
    find_breaks(s, n, brks, breakable, in_figure);
    if (text_atoms_build(s, n, breakable, in_figure, m->px, m->bold, m->max_width,
                         m->measure, m->ctx, &at) < 0)
        goto fail;
    if (text_visible_end(&at, 0, at.n) == 0) {
        rc = 0; /* only spaces: no line, no gap */
        goto fail;
    }
    /* Without hyphenation a justified Western measure of 30 to 50 letters
     * opens wide gaps between words: Western paragraphs are set flush start,
     * ragged, as panels in English are. */
    bool western = text_lines_western(&at);
    bool justified = st->justify && !western;
    if (text_lines_fill(&at, m->max_width, &le) < 0 || (st->balance && text_lines_balance(&at, m->max_width, &le) < 0) ||
        (justified && text_lines_total_fit(&at, m->max_width, &le) < 0))
        goto fail;
    if (!justified)
        text_lines_avoid_short_last(&at, m->max_width, &le);
    if (western && !st->balance)
        text_lines_avoid_runt(&at, m->max_width, &le);
    for (size_t k = 0, i = 0; k < le.n; i = le.ends[k++]) {
        if (push_line(b, cap) < 0)
            goto fail;
        text_line *l = &b->lines[b->n_lines - 1];
        l->paragraph_start = k == 0;
        bool justify = justified && k + 1 < le.n;
        if (text_set_line(s, &at, i, le.ends[k], m->max_width, justify, l) < 0)
            goto fail;
    }
    rc = 0;
fail:
    free(brks);
    free(breakable);
    free(in_figure);
    free(le.ends);
    text_atoms_free(&at);
    return rc;
}

int text_break_styled(const char *utf8, int px, const text_style *st, double max_width,
                      text_measure_fn measure, void *ctx, text_block *out)
{
    memset(out, 0, sizeof *out);
    out->px = px;
    out->line_height = px * st->line_spacing;
    out->paragraph_gap = px * st->paragraph_gap;
    pthread_once(&unibreak_once, unibreak_init);

    size_t len = 0;
    char *text = sanitize(utf8 ? utf8 : "", &len);
    if (!text)
        return -1;
    measurer m = {px, st->bold, max_width, measure, ctx};
    size_t cap = 0, paragraphs = 0;
    for (size_t start = 0; start <= len;) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t before = out->n_lines;
        if (break_paragraph(&m, st, text + start, end - start, out, &cap) < 0)
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

int text_break(const char *utf8, int px, bool bold, double line_spacing,
               double paragraph_gap, double max_width, text_measure_fn measure,
               void *ctx, text_block *out)
{
    text_style st = {.max_px = px, .min_px = px, .line_spacing = line_spacing,
                     .paragraph_gap = paragraph_gap, .bold = bold};
    return text_break_styled(utf8, px, &st, max_width, measure, ctx, out);
}

void text_block_free(text_block *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n_lines; i++) {
        free(b->lines[i].text);
        free(b->lines[i].runs);
    }
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

/* Sets s[0..len) as one line, flush start; *w gets its width. */
static int set_one_line(const measurer *m, const char *s, size_t len, text_line *l,
                        double *w)
{
    int rc = -1;
    bool *none = calloc(len + 1, sizeof *none);
    text_atoms at = {0};
    if (!none || text_atoms_build(s, len, none, none, m->px, m->bold, INFINITY, m->measure,
                                  m->ctx, &at) < 0)
        goto done;
    *w = text_line_width(&at, 0, at.n);
    rc = l ? text_set_line(s, &at, 0, at.n, INFINITY, false, l) : 0;
done:
    free(none);
    text_atoms_free(&at);
    return rc;
}

/* Ends line l with "…", dropping characters from its end until it fits. */
static int end_with_ellipsis(const measurer *m, text_line *l)
{
    size_t len = strlen(l->text);
    char *buf = malloc(len + sizeof TEXT_ELLIPSIS);
    if (!buf)
        return -1;
    memcpy(buf, l->text, len);
    for (;;) {
        /* never "（…" or "，…": drop spaces and such marks first */
        while (len > 0) {
            size_t k = text_char_before(buf, len);
            uint32_t cp;
            text_char_at(buf, len, k, &cp);
            if (!text_is_space(cp) && !text_in_set(NO_LINE_END, cp) &&
                !text_in_set(NO_BEFORE_ELLIPSIS, cp))
                break;
            len = k;
        }
        memcpy(buf + len, TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS);
        double w;
        if (set_one_line(m, buf, len + sizeof TEXT_ELLIPSIS - 1, NULL, &w) < 0)
            break;
        if (len == 0 || fits_width(m, w))
            break;
        len = text_char_before(buf, len);
    }
    double w;
    int rc = set_one_line(m, buf, strlen(buf), l, &w);
    free(buf);
    return rc;
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
    for (size_t i = keep; i < b->n_lines; i++) {
        free(b->lines[i].text);
        free(b->lines[i].runs);
    }
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
        if (text_break_styled(utf8, px, style, box_w, measure, ctx, out) < 0)
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
