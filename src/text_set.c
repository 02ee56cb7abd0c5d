/* text_set — atoms, line widths and positions (see text_set.h). */
#include "text_set.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text_chars.h"

/* The gap between an ideograph and Western letters or digits, in em. */
#define TEXT_MIXED_GAP_EM 0.25
/* A mark counts as full-width (its blank half may go) within this much of
 * one em; a proportional fallback glyph keeps its own width. */
#define TEXT_FULL_EM_TOLERANCE 0.1
/* Two x positions closer than this are one run. */
#define TEXT_RUN_SLACK_PX 1e-6

/* Measured against Noto Sans CJK SC (tests/test_fonts.c checks the ink of
 * each against the font): opening marks carry their ink on the right half,
 * closing marks and the GB-style stops and pauses on the left. */
static const char OPENING_MARKS[] = "（《「『“‘〔【〈〖〘〚［｛｟";
static const char CLOSING_MARKS[] = "）》」』”’〕】〉〗〙〛］｝｠，。、；：！？";

int text_blank_half(uint32_t cp)
{
    if (cp < 0x2000)
        return 0;
    if (text_in_set(OPENING_MARKS, cp))
        return -1;
    if (text_in_set(CLOSING_MARKS, cp))
        return 1;
    return 0;
}

static text_atom_kind kind_of(uint32_t cp)
{
    if (text_is_space(cp))
        return TEXT_ATOM_SPACE;
    int half = text_blank_half(cp);
    if (half < 0)
        return TEXT_ATOM_OPEN;
    if (half > 0)
        return TEXT_ATOM_CLOSE;
    if (text_is_western(cp))
        return TEXT_ATOM_WESTERN;
    if (cp >= 0x2E80 && cp != 0xFFFD)
        return TEXT_ATOM_HAN;
    return TEXT_ATOM_OTHER;
}

/* Western text runs on over ASCII marks and such (108%, U.S., e-mail) up
 * to a space, an ideograph, a CJK mark or a break opportunity. */
static bool continues_western(uint32_t cp)
{
    text_atom_kind k = kind_of(cp);
    return k == TEXT_ATOM_WESTERN || (k == TEXT_ATOM_OTHER && cp < 0x2000);
}

static int push(text_atoms *at, size_t *cap, text_atom a)
{
    text_atom *na = grow_array(at->a, cap, at->n + 1, sizeof *na, 64);
    if (!na)
        return -1;
    at->a = na;
    at->a[at->n++] = a;
    return 0;
}

static bool western_edge(const char *s, size_t at_byte, size_t n)
{
    uint32_t cp;
    text_char_at(s, n, at_byte, &cp);
    return text_is_western(cp);
}

/* The paragraph cut into atoms, before measuring. */
static int cut(const char *s, size_t n, const bool *breakable, text_atoms *at, size_t *cap)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = text_char_at(s, n, i, &cp);
        text_atom a = {.start = i, .end = i + k, .kind = kind_of(cp)};
        if (a.kind == TEXT_ATOM_WESTERN || a.kind == TEXT_ATOM_SPACE ||
            (a.kind == TEXT_ATOM_OTHER && cp < 0x2000)) {
            while (a.end < n && !breakable[a.end]) {
                uint32_t c;
                size_t ck = text_char_at(s, n, a.end, &c);
                bool same = a.kind == TEXT_ATOM_SPACE ? text_is_space(c) : continues_western(c);
                if (!same)
                    break;
                if (a.kind == TEXT_ATOM_OTHER && text_is_western(c))
                    a.kind = TEXT_ATOM_WESTERN;
                a.end += ck;
            }
        }
        if (push(at, cap, a) < 0)
            return -1;
        i = a.end;
    }
    return 0;
}

/* An atom too wide for any line, cut into its characters in place. */
static int split_wide(const char *s, text_atoms *at, size_t *cap, size_t k)
{
    text_atom wide = at->a[k];
    size_t pieces = utf8_length(s + wide.start, wide.end - wide.start);
    if (pieces < 2)
        return 0;
    text_atom *na = grow_array(at->a, cap, at->n + pieces - 1, sizeof *na, 64);
    if (!na)
        return -1;
    at->a = na;
    memmove(&at->a[k + pieces], &at->a[k + 1], (at->n - k - 1) * sizeof *at->a);
    at->n += pieces - 1;
    size_t b = wide.start;
    for (size_t p = 0; p < pieces; p++) {
        uint32_t cp;
        size_t ck = text_char_at(s, wide.end, b, &cp);
        text_atom a = wide;
        a.start = b;
        a.end = b + ck;
        a.line_start = p == 0 && wide.line_start; /* inside: only as a last resort */
        at->a[k + p] = a;
        b += ck;
    }
    return 0;
}

void text_atoms_free(text_atoms *at)
{
    if (!at)
        return;
    free(at->a);
    memset(at, 0, sizeof *at);
}

int text_atoms_build(const char *s, size_t n, const bool *breakable,
                     const bool *in_figure, int px, bool bold, double max_width,
                     text_measure_fn measure, void *ctx, text_atoms *out)
{
    memset(out, 0, sizeof *out);
    out->px = px;
    size_t cap = 0;
    if (cut(s, n, breakable, out, &cap) < 0)
        goto fail;
    for (size_t k = 0; k < out->n; k++) {
        text_atom *a = &out->a[k];
        a->w = measure(ctx, s + a->start, a->end - a->start, px, bold);
        a->line_start = breakable[a->start];
    }
    for (size_t k = 0; k < out->n; k++) {
        text_atom *a = &out->a[k];
        if (a->w <= max_width || a->kind == TEXT_ATOM_SPACE ||
            utf8_length(s + a->start, a->end - a->start) < 2)
            continue;
        size_t before = out->n;
        if (split_wide(s, out, &cap, k) < 0)
            goto fail;
        for (size_t p = k; p <= k + out->n - before; p++) {
            a = &out->a[p];
            a->w = measure(ctx, s + a->start, a->end - a->start, px, bold);
        }
        out->a[k].line_start = breakable[out->a[k].start];
        k += out->n - before;
    }
    double em = px;
    for (size_t k = 0; k < out->n; k++) {
        text_atom *a = &out->a[k];
        a->half_blank = (a->kind == TEXT_ATOM_OPEN || a->kind == TEXT_ATOM_CLOSE) &&
                        fabs(a->w - em) <= TEXT_FULL_EM_TOLERANCE * em;
        if (k == 0)
            continue;
        text_atom *p = &out->a[k - 1];
        bool western_pair = (p->kind == TEXT_ATOM_WESTERN || p->kind == TEXT_ATOM_OTHER) &&
                            (a->kind == TEXT_ATOM_WESTERN || a->kind == TEXT_ATOM_OTHER);
        bool same_mark = p->kind == TEXT_ATOM_OTHER && a->kind == TEXT_ATOM_OTHER &&
                         p->end - p->start == a->end - a->start &&
                         memcmp(s + p->start, s + a->start, a->end - a->start) == 0;
        /* No space inside 58.58亿元, ——, ……, nor between a mark and the
         * character it belongs to (甲， “甲). */
        a->glued = western_pair || same_mark || a->kind == TEXT_ATOM_CLOSE ||
                   p->kind == TEXT_ATOM_OPEN;
        /* Two marks in a row: the blank half between them goes. */
        if (p->half_blank && a->half_blank) {
            if (a->kind == TEXT_ATOM_OPEN)
                a->trim_left = a->w / 2;
            else if (p->kind == TEXT_ATOM_CLOSE)
                p->trim_right = p->w / 2;
        }
        if ((p->kind == TEXT_ATOM_HAN && a->kind == TEXT_ATOM_WESTERN &&
             western_edge(s, a->start, n)) ||
            (p->kind == TEXT_ATOM_WESTERN && a->kind == TEXT_ATOM_HAN &&
             western_edge(s, text_char_before(s, p->end), n)))
            a->gap_before = TEXT_MIXED_GAP_EM * em;
    }
    /* A figure written in digits stays tight with its unit (58.58亿元); one
     * in Chinese numerals (万吨级码头) is ideographs like any other and
     * takes the spacing of the line. */
    for (size_t k = 1; k < out->n;) {
        if (!in_figure[out->a[k].start]) {
            k++;
            continue;
        }
        size_t first = k - 1, end = k;
        bool digits = false;
        while (end < out->n && (end == first || in_figure[out->a[end].start]))
            end++;
        for (size_t q = first; q < end; q++)
            digits |= out->a[q].kind == TEXT_ATOM_WESTERN;
        for (size_t q = first + 1; q < end; q++)
            out->a[q].glued |= digits;
        k = end;
    }
    return 0;
fail:
    text_atoms_free(out);
    return -1;
}

size_t text_visible_end(const text_atoms *at, size_t i, size_t j)
{
    while (j > i && at->a[j - 1].kind == TEXT_ATOM_SPACE)
        j--;
    return j;
}

/* What atom k loses on each side in a line of atoms [i, v). */
static void trims(const text_atoms *at, size_t i, size_t v, size_t k, double *left,
                  double *right)
{
    const text_atom *a = &at->a[k];
    if (k == i)
        *left = a->kind == TEXT_ATOM_OPEN && a->half_blank ? a->w / 2 : 0;
    else
        *left = a->trim_left;
    if (k + 1 == v)
        *right = a->kind == TEXT_ATOM_CLOSE && a->half_blank ? a->w / 2 : 0;
    else
        *right = a->trim_right;
}

double text_line_width(const text_atoms *at, size_t i, size_t j)
{
    size_t v = text_visible_end(at, i, j);
    double w = 0;
    for (size_t k = i; k < v; k++) {
        double left, right;
        trims(at, i, v, k, &left, &right);
        w += at->a[k].w - left - right + (k > i ? at->a[k].gap_before : 0);
    }
    return w;
}

/* Whether atom k of line [i, v) may lose its blank half to squeezing. */
static bool squeezable(const text_atoms *at, size_t i, size_t v, size_t k)
{
    const text_atom *a = &at->a[k];
    return k + 1 < v && k >= i && a->kind == TEXT_ATOM_CLOSE && a->half_blank &&
           a->trim_right == 0;
}

double text_line_squeeze(const text_atoms *at, size_t i, size_t j)
{
    size_t v = text_visible_end(at, i, j);
    double sq = 0;
    for (size_t k = i; k < v; k++)
        if (squeezable(at, i, v, k))
            sq += at->a[k].w / 2;
    return sq;
}

bool text_line_fits(const text_atoms *at, size_t i, size_t j, double max_w)
{
    double w = text_line_width(at, i, j);
    return w <= max_w + TEXT_RUN_SLACK_PX ||
           w - text_line_squeeze(at, i, j) <= max_w + TEXT_RUN_SLACK_PX;
}

size_t text_line_gaps(const text_atoms *at, size_t i, size_t j)
{
    size_t v = text_visible_end(at, i, j), gaps = 0;
    for (size_t k = i + 1; k < v; k++)
        gaps += !at->a[k].glued;
    return gaps;
}

int text_set_line(const char *s, const text_atoms *at, size_t i, size_t j, double max_w,
                  bool justify, text_line *l)
{
    size_t v = text_visible_end(at, i, j);
    size_t from = v > i ? at->a[i].start : 0, to = v > i ? at->a[v - 1].end : 0;
    char *text = malloc(to - from + 1);
    text_run *runs = malloc((v > i ? v - i : 1) * sizeof *runs);
    if (!text || !runs) {
        free(text);
        free(runs);
        return -1;
    }
    memcpy(text, s + from, to - from);
    text[to - from] = '\0';

    double natural = text_line_width(at, i, j), extra = 0, squeeze = 0;
    size_t gaps = text_line_gaps(at, i, j);
    if (justify && max_w > natural && gaps > 0) {
        extra = (max_w - natural) / (double)gaps;
        if (extra > TEXT_JUSTIFY_MAX_EM * at->px)
            extra = 0;
    }
    double can = text_line_squeeze(at, i, j);
    if (natural > max_w && can > 0) /* each squeezable mark gives the same share */
        squeeze = fmin(1, (natural - max_w) / can);
    size_t n_runs = 0;
    double x = 0, run_end = 0;
    for (size_t k = i; k < v; k++) {
        const text_atom *a = &at->a[k];
        double left, right;
        trims(at, i, v, k, &left, &right);
        if (squeezable(at, i, v, k))
            right += squeeze * a->w / 2;
        if (k > i)
            x += a->gap_before + (a->glued ? 0 : extra);
        double ax = x - left; /* where the atom's own advance starts */
        if (n_runs == 0 || fabs(ax - run_end) > TEXT_RUN_SLACK_PX)
            runs[n_runs++] = (text_run){a->start - from, 0, ax};
        text_run *r = &runs[n_runs - 1];
        r->len = a->end - from - r->start;
        run_end = ax + a->w;
        x += a->w - left - right;
    }
    free(l->text);
    free(l->runs);
    l->text = text;
    l->runs = runs;
    l->n_runs = n_runs;
    /* squeezed to max_w exactly, whatever the rounding of the shares */
    l->width = squeeze > 0 && x > max_w ? max_w : x;
    l->justified = extra > 0;
    return 0;
}
