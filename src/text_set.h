/* text_set — how wide a line of Chinese text is and where each of its
 * characters goes, following CLREQ:
 *   - punctuation width adjustment: a full-width mark is one em with ink on
 *     one half (Noto Sans CJK SC, GB style: opening brackets and quotes on
 *     the right half, closing ones and ，。、；：！？ on the left). An opening
 *     mark at a line's start and a closing one at its end lose their blank
 *     half, so the ink is flush with the margins; of two marks in a row the
 *     blank half between them goes, so each pair takes at most 1.5 em
 *     (”， ”“ ：“ ”（);
 *   - mixed text: Western letters and digits next to an ideograph are set a
 *     quarter em apart from it (no space character needed);
 *   - justification (两端对齐): the remaining width is shared equally by the
 *     gaps between characters, none inside a Latin word or a figure with its
 *     unit.
 * A paragraph is cut into atoms (one ideograph or mark, or one piece of
 * Western text between break opportunities), measured once each; a line is
 * a range of atoms. Pure. */
#ifndef KIOSK_TEXT_SET_H
#define KIOSK_TEXT_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

typedef enum {
    TEXT_ATOM_HAN,     /* an ideograph, fullwidth form or kana */
    TEXT_ATOM_OPEN,    /* an opening bracket or quote */
    TEXT_ATOM_CLOSE,   /* a closing bracket or quote, or ，。、；：！？ */
    TEXT_ATOM_WESTERN, /* letters and digits (and what sticks to them) */
    TEXT_ATOM_SPACE,
    TEXT_ATOM_OTHER,   /* other marks: — … · and the like */
} text_atom_kind;

typedef struct {
    size_t start, end; /* bytes of the paragraph */
    double w;          /* natural advance */
    text_atom_kind kind;
    bool half_blank;   /* a full-em mark whose blank half may be taken away */
    bool glued;        /* no justification space between it and the atom before */
    bool line_start;   /* a line may start with it */
    double trim_left, trim_right; /* removed between two marks in a row */
    double gap_before; /* the quarter em after an ideograph, or before one */
} text_atom;

typedef struct {
    text_atom *a;
    size_t n;
    int px;
} text_atoms;

/* Which half of cp's em is blank in a GB-style CJK font: -1 the left half
 * (opening marks), +1 the right half (closing marks), 0 neither. */
int text_blank_half(uint32_t cp);

/* Cuts the paragraph s[0..n) into atoms and measures them at px. breakable
 * and in_figure (n + 1 entries) say where a line may start and which
 * boundaries are inside a figure. An atom wider than max_width is cut into
 * characters, the last resort for breaking it. Returns 0, -1 when memory
 * runs out. */
int text_atoms_build(const char *s, size_t n, const bool *breakable,
                     const bool *in_figure, int px, bool bold, double max_width,
                     text_measure_fn measure, void *ctx, text_atoms *out);
void text_atoms_free(text_atoms *at);

/* The last atom of [i, j) that is not a space, plus one (i when none). */
size_t text_visible_end(const text_atoms *at, size_t i, size_t j);

/* Width of a line of atoms [i, j) (trailing spaces not counted), with the
 * punctuation adjustment at its two ends and the mixed-text gaps. */
double text_line_width(const text_atoms *at, size_t i, size_t j);

/* Gaps in a line of atoms [i, j) that justification may widen. */
size_t text_line_gaps(const text_atoms *at, size_t i, size_t j);

/* How much narrower line [i, j) can be set by taking the blank half of
 * its closing marks inside the line (，、。：；！？ and closing brackets that
 * have it still): CLREQ's squeezing, tried before a word moves down. */
double text_line_squeeze(const text_atoms *at, size_t i, size_t j);

/* Whether line [i, j) fits max_w, squeezed if need be. */
bool text_line_fits(const text_atoms *at, size_t i, size_t j, double max_w);

/* Sets line l from atoms [i, j) of paragraph s: its text, runs and width.
 * A line wider than max_w is squeezed into it. With justify and more than
 * one gap, the gaps share the width left to max_w, unless each would have
 * to grow by more than TEXT_JUSTIFY_MAX_EM (then the line stays flush
 * start). Returns 0, -1 when memory runs out. */
#define TEXT_JUSTIFY_MAX_EM 0.6
int text_set_line(const char *s, const text_atoms *at, size_t i, size_t j, double max_w,
                  bool justify, text_line *l);

#endif
