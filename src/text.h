/* text — breaking a block of text into lines, setting them and fitting the
 * block into a box.
 *
 * Line-break opportunities follow Unicode UAX #14 (libunibreak) tightened by
 * the CLREQ prohibitions: no line starts with closing punctuation
 * (，。、；：！？）》」』”’… and the like) and no line ends with an opening one
 * (（《「『“‘); a quantity stays whole (text_figures.h: 近10亿元, 108%, 四大,
 * 10月18日); Latin words are never split unless a single word is wider than
 * the box. "\n" in the text starts a new paragraph. A paragraph of more
 * than one line never ends in a line of fewer than TEXT_LAST_LINE_MIN_CHARS
 * ideographs when the line above can spare some.
 *
 * A paragraph of Western text only (an English panel: no ideograph,
 * fullwidth form or kana) is never justified, since without hyphenation the
 * gaps between words would open wide; it is set flush start, and its last
 * line is not a single word when the line above can spare one.
 *
 * Each line is set as CLREQ asks (text_set.h): punctuation width adjustment
 * at the line's ends and between adjacent marks, a quarter em between
 * ideographs and Western text, and, when the style says so, justification
 * of every line of a paragraph but its last. Where each piece of a line goes
 * is decided here, in runs; the renderer draws each run at its x.
 *
 * Widths come from a callback, so this module knows nothing of fonts or SDL
 * and tests can measure with a fixed-advance fake. All sizes are in design
 * pixels. Pure. */
#ifndef KIOSK_TEXT_H
#define KIOSK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Width of utf8[0..len) set at font size px (bold or regular). */
typedef double (*text_measure_fn)(void *ctx, const char *utf8, size_t len,
                                  int px, bool bold);

/* A piece of a line drawn at its own x with the font's natural advances. */
typedef struct {
    size_t start, len; /* bytes of the line's text */
    double x;          /* where its first advance starts, from the line's x
                          (negative for a line-start opening mark set half
                          width: its blank half lies outside the margin) */
} text_run;

typedef struct {
    char *text;           /* owned; the line as drawn (may end with "…") */
    double width;         /* from the line's x to the end of its last ink advance */
    double x;             /* the line's left edge from the box's (the layout aligns) */
    bool paragraph_start; /* first line of a paragraph */
    bool justified;       /* spread to the full measure */
    text_run *runs;       /* owned; cover text in order, x increasing */
    size_t n_runs;
} text_line;

/* A paragraph's last line holding fewer ideographs than this gets company
 * from the line above. */
#define TEXT_LAST_LINE_MIN_CHARS 4

typedef struct {
    text_line *lines; /* owned array of n_lines */
    size_t n_lines;
    int px;           /* font size chosen */
    double line_height; /* distance between baselines, px * style spacing */
    double paragraph_gap; /* extra space before each paragraph after the first */
    double width;     /* widest line */
    double height;    /* total height including paragraph gaps */
    bool shrunk;      /* px is below the style's max_px */
    bool truncated;   /* did not fit even at min_px: cut with "…" */
} text_block;

typedef struct {
    int max_px;           /* size to try first */
    int min_px;           /* smallest size before cutting with "…" */
    double line_spacing;  /* baseline distance as a multiple of px, e.g. 1.5 */
    double paragraph_gap; /* extra space between paragraphs, multiple of px */
    bool bold;
    int max_lines;        /* 0: no limit other than the box height */
    bool justify;         /* 两端对齐: every line of a paragraph but the last */
    bool balance;         /* lines of similar length (titles, labels) */
} text_style;

/* Breaks utf8 into lines no wider than max_width at size px, flush start
 * (not justified, not balanced). Always succeeds
 * for non-NULL input (returns 0); -1 only when memory runs out. The result is
 * written to *out, which the caller frees with text_block_free. */
int text_break(const char *utf8, int px, bool bold, double line_spacing,
               double paragraph_gap, double max_width, text_measure_fn measure,
               void *ctx, text_block *out);

/* Breaks and sets utf8 as style says (justify, balance) at size px. */
int text_break_styled(const char *utf8, int px, const text_style *style,
                      double max_width, text_measure_fn measure, void *ctx,
                      text_block *out);

/* Fits utf8 into a box of box_w x box_h: tries style->max_px and shrinks
 * step by step down to style->min_px; if it still does not fit, the last
 * visible line is cut and ends with "…" (truncated = true). Returns 0, or -1
 * when memory runs out. */
int text_fit(const char *utf8, const text_style *style, double box_w,
             double box_h, text_measure_fn measure, void *ctx, text_block *out);

/* Frees what a text_block owns and zeroes it; safe on a zeroed block. */
void text_block_free(text_block *b);

/* Distance in px from the top of the block to the top of line i: i line
 * heights plus b->paragraph_gap (px) for each paragraph started by line i or
 * an earlier one (the first paragraph adds nothing). Consecutive "\n" add no
 * more than one gap; a paragraph of only spaces adds none. */
double text_line_top(const text_block *b, size_t i);

#endif
