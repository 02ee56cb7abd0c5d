/* text — breaking a block of text into lines and fitting it into a box.
 *
 * Line-break opportunities follow Unicode UAX #14 (libunibreak) tightened by
 * the CLREQ prohibitions: no line starts with closing punctuation
 * (，。、；：！？）》」』”’… and the like) and no line ends with an opening one
 * (（《「『“‘); a figure stays with its prefix and unit (近10亿元, 58.58亿元,
 * 108%); Latin words are never split unless a single word is wider than the
 * box. "\n" in the text starts a new paragraph.
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

typedef struct {
    char *text;           /* owned; the line as drawn (may end with "…") */
    double width;         /* measured width of text */
    bool paragraph_start; /* first line of a paragraph */
} text_line;

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
} text_style;

/* Breaks utf8 into lines no wider than max_width at size px. Always succeeds
 * for non-NULL input (returns 0); -1 only when memory runs out. The result is
 * written to *out, which the caller frees with text_block_free. */
int text_break(const char *utf8, int px, bool bold, double line_spacing,
               double paragraph_gap, double max_width, text_measure_fn measure,
               void *ctx, text_block *out);

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
