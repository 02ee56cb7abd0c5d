#include "text_lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text_chars.h"


static int push_end(line_ends *le, size_t e)
{
    size_t *ne = grow_array(le->ends, &le->cap, le->n + 1, sizeof *ne, 8);
    if (!ne)
        return -1;
    le->ends = ne;
    le->ends[le->n++] = e;
    return 0;
}

/* Greedy filling at width w: each line takes as many atoms as fit, at least
 * one (a box narrower than one character still makes progress). */
int text_lines_fill(const text_atoms *at, double w, line_ends *le)
{
    le->n = 0;
    size_t i = 0;
    while (i < at->n) {
        if (text_visible_end(at, i, at->n) == i)
            break; /* only spaces left */
        size_t best = 0;
        for (size_t j = i + 1; j <= at->n; j++) {
            if (j < at->n && !at->a[j].line_start)
                continue;
            if (text_visible_end(at, i, j) == i)
                continue; /* leading indent: not a line by itself */
            if (!text_line_fits(at, i, j, w))
                break;
            best = j;
        }
        /* Nothing fits whole (a word or figure wider than the box): as many
         * of its atoms as fit, at least one, as a last resort. */
        for (size_t j = i + 1; best == 0 && j <= at->n; j++)
            if (j == at->n || !text_line_fits(at, i, j + 1, w))
                best = j;
        if (push_end(le, best) < 0)
            return -1;
        i = best;
    }
    return 0;
}

/* Ideographs in atoms [i, j) and whether any Western text is there. */
static size_t ideographs(const text_atoms *at, size_t i, size_t j, bool *western)
{
    size_t count = 0;
    *western = false;
    for (size_t k = i; k < j; k++) {
        count += at->a[k].kind == TEXT_ATOM_HAN;
        *western |= at->a[k].kind == TEXT_ATOM_WESTERN;
    }
    return count;
}

/* How much each gap of line [i, j) would grow to fill width w, in px. */
static double looseness(const text_atoms *at, size_t i, size_t j, double w)
{
    size_t gaps = text_line_gaps(at, i, j);
    return (w - text_line_width(at, i, j)) / (double)(gaps ? gaps : 1);
}

/* Spacing the line above may take on (em per gap) to give a last line of
 * three characters company; one or two are always rescued when they can be. */
#define TEXT_COMPANY_LOOSE_EM 0.3

/* A last line of fewer than TEXT_LAST_LINE_MIN_CHARS ideographs looks
 * stranded on a panel: move the break before it back, opportunity by
 * opportunity, while the line above stays at least as wide as the last and
 * the last still fits, until it has enough (past three, only while the line
 * above does not grow loose). */
void text_lines_avoid_short_last(const text_atoms *at, double w, line_ends *le)
{
    if (le->n < 2)
        return;
    size_t prev_start = le->n > 2 ? le->ends[le->n - 3] : 0;
    size_t end = le->ends[le->n - 1];
    bool western;
    size_t have = ideographs(at, le->ends[le->n - 2], end, &western);
    if (have >= TEXT_LAST_LINE_MIN_CHARS || western)
        return;
    for (size_t q = le->ends[le->n - 2]; q-- > prev_start + 1;) {
        if (!at->a[q].line_start)
            continue;
        double last_w = text_line_width(at, q, end);
        if (!text_line_fits(at, q, end, w) || text_line_width(at, prev_start, q) < last_w ||
            (have >= 3 && looseness(at, prev_start, q, w) > TEXT_COMPANY_LOOSE_EM * at->px))
            return;
        le->ends[le->n - 2] = q;
        have = ideographs(at, q, end, &western);
        if (have >= TEXT_LAST_LINE_MIN_CHARS)
            return;
    }
}

/* A paragraph of Western text only (no ideograph, fullwidth form or kana):
 * an English panel, set as one is set. */
bool text_lines_western(const text_atoms *at)
{
    bool western;
    return ideographs(at, 0, at->n, &western) == 0 && western;
}

/* Where a word starts: a line may start there, after a space. */
static bool word_start(const text_atoms *at, size_t q)
{
    return q > 0 && at->a[q].line_start && at->a[q - 1].kind == TEXT_ATOM_SPACE;
}

/* A last line of one word strands it (a runt): the word before it moves
 * down too, when the last line still fits and the line above keeps at
 * least half the measure (else the runt would only move up a line). A word
 * cut at characters because it is wider than the box stays as it was. */
void text_lines_avoid_runt(const text_atoms *at, double w, line_ends *le)
{
    if (le->n < 2)
        return;
    size_t prev_start = le->n > 2 ? le->ends[le->n - 3] : 0;
    size_t end = le->ends[le->n - 1];
    size_t last = le->ends[le->n - 2];
    if (!word_start(at, last))
        return;
    for (size_t k = last + 1; k < text_visible_end(at, last, end); k++)
        if (word_start(at, k))
            return; /* two words or more already */
    for (size_t q = last; q-- > prev_start + 1;) {
        if (!word_start(at, q))
            continue;
        if (text_line_fits(at, q, end, w) && text_line_width(at, prev_start, q) >= w / 2)
            le->ends[le->n - 2] = q;
        return;
    }
}

/* Balancing: the breaks that give the paragraph its number of lines with
 * the least sum of squared line widths, so a title's lines come out of
 * similar length; a break that is not at a phrase boundary (a space, a
 * closing mark, before an opening one) costs as much as TEXT_BALANCE_WORD_EM
 * of room, so 一场推介会|忠县好物集中亮相 beats an even split inside 忠县. */
#define TEXT_BALANCE_WORD_EM 3.0
#define TEXT_BALANCE_MAX_ATOMS 400 /* longer paragraphs are not headings */

static bool phrase_break(const text_atoms *at, size_t q)
{
    text_atom_kind before = at->a[q - 1].kind;
    return before == TEXT_ATOM_SPACE || before == TEXT_ATOM_CLOSE ||
           at->a[q].kind == TEXT_ATOM_OPEN;
}

int text_lines_balance(const text_atoms *at, double w, line_ends *le)
{
    size_t lines = le->n, n = at->n;
    if (lines < 2 || n > TEXT_BALANCE_MAX_ATOMS)
        return 0;
    /* cost[m * (n + 1) + j]: atoms [0, j) set in m lines; from: its last break */
    double *cost = malloc((lines + 1) * (n + 1) * sizeof *cost);
    size_t *from = malloc((lines + 1) * (n + 1) * sizeof *from);
    if (!cost || !from) {
        free(cost);
        free(from);
        return -1;
    }
    double word = TEXT_BALANCE_WORD_EM * at->px;
    for (size_t k = 0; k < (lines + 1) * (n + 1); k++)
        cost[k] = INFINITY;
    cost[0] = 0;
    for (size_t m = 1; m <= lines; m++)
        for (size_t j = 1; j <= n; j++) {
            if (j < n && !at->a[j].line_start)
                continue;
            for (size_t i = j; i-- > 0;) {
                double prev = cost[(m - 1) * (n + 1) + i];
                if (i > 0 && !at->a[i].line_start)
                    continue;
                double lw = text_line_width(at, i, j);
                if (!text_line_fits(at, i, j, w))
                    break;
                if (prev == INFINITY || text_visible_end(at, i, j) == i)
                    continue;
                /* With the number of lines fixed, the sum of squared widths
                 * is least when they are equal; room left (w - lw) would
                 * favour lines whose end mark is not compressed. */
                double c = prev + lw * lw + (j < n && !phrase_break(at, j) ? word * word : 0);
                if (c < cost[m * (n + 1) + j]) {
                    cost[m * (n + 1) + j] = c;
                    from[m * (n + 1) + j] = i;
                }
            }
        }
    if (cost[lines * (n + 1) + n] < INFINITY) {
        size_t j = n;
        for (size_t m = lines; m > 0; m--) {
            le->ends[m - 1] = j;
            j = from[m * (n + 1) + j];
        }
    }
    free(cost);
    free(from);
    return 0;
}

/* Justified text: the breaks of the whole paragraph chosen at once (after
 * Knuth and Plass) instead of line by line, so no line has to gap out far
 * because a long figure starts the next. Each line costs a little, each
 * line but the last its stretch per gap (in em) squared, and a short last
 * line much more. When no set of breaks fits, the greedy lines stay. */
#define TEXT_FIT_LINE_COST 1.0
#define TEXT_FIT_STRETCH_COST 1000.0
#define TEXT_FIT_SQUEEZE_COST 100.0 /* every squeezable mark at half width */
#define TEXT_FIT_SHORT_LAST_COST 200.0 /* three ideographs */
#define TEXT_FIT_ORPHAN_COST 5000.0    /* one or two */

static double last_line_cost(const text_atoms *at, size_t i, size_t j)
{
    bool western;
    size_t count = ideographs(at, i, j, &western);
    if (i == 0 || western || count >= TEXT_LAST_LINE_MIN_CHARS)
        return 0;
    return count < 3 ? TEXT_FIT_ORPHAN_COST : TEXT_FIT_SHORT_LAST_COST;
}

int text_lines_total_fit(const text_atoms *at, double w, line_ends *le)
{
    size_t n = at->n;
    double *cost = malloc((n + 1) * sizeof *cost);
    size_t *from = malloc((n + 1) * sizeof *from);
    if (!cost || !from) {
        free(cost);
        free(from);
        return -1;
    }
    double em = at->px;
    for (size_t k = 0; k <= n; k++)
        cost[k] = INFINITY;
    cost[0] = 0;
    for (size_t j = 1; j <= n; j++) {
        if (j < n && !at->a[j].line_start)
            continue;
        for (size_t i = j; i-- > 0;) {
            if (i > 0 && !at->a[i].line_start)
                continue;
            double lw = text_line_width(at, i, j);
            if (!text_line_fits(at, i, j, w))
                break;
            if (cost[i] == INFINITY || text_visible_end(at, i, j) == i)
                continue;
            double c = cost[i] + TEXT_FIT_LINE_COST;
            if (lw > w) { /* squeezed: the share of each mark's blank half it takes */
                double r = (lw - w) / text_line_squeeze(at, i, j);
                c += TEXT_FIT_SQUEEZE_COST * r * r;
            } else if (j < n) {
                size_t gaps = text_line_gaps(at, i, j);
                double r = (w - lw) / ((gaps ? gaps : 1) * em);
                c += TEXT_FIT_STRETCH_COST * r * r;
            }
            if (j == n)
                c += last_line_cost(at, i, j);
            if (c < cost[j]) {
                cost[j] = c;
                from[j] = i;
            }
        }
    }
    int rc = 0;
    if (cost[n] < INFINITY) {
        size_t lines = 0;
        for (size_t j = n; j > 0; j = from[j])
            lines++;
        le->n = 0;
        for (size_t k = 0; k < lines; k++)
            if (push_end(le, 0) < 0)
                rc = -1;
        size_t k = lines;
        for (size_t j = n; rc == 0 && j > 0; j = from[j])
            le->ends[--k] = j;
    }
    free(cost);
    free(from);
    return rc;
}
