#include "chapter_bar.h"

#include <stdlib.h>
#include <string.h>

#include "text_chars.h"
#include "utf8.h"

#define CHAPTER_BAR_PAD_EM 0.7 /* room on each side of a name, in its em */
#define CHAPTER_ELLIPSIS "\xE2\x80\xA6"

typedef struct {
    const char *const *names;
    size_t n;
    double bar_w, row_h;
    text_measure_fn measure;
    void *ctx;
} job;

static double width(const job *j, const char *s, size_t len, int px)
{
    return len ? j->measure(j->ctx, s, len, px, true) : 0;
}

void chapter_bar_free(chapter_bar *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        free(b->slots[i].text);
    free(b->slots);
    memset(b, 0, sizeof *b);
}

/* The longest start of name that fits max_w with "…" after it; NULL when
 * fewer than CHAPTER_BAR_MIN_CHARS characters would be left (and allow).
 * *w gets the width. */
static char *shorten(const job *j, const char *name, double max_w, int px, bool allow_short,
                     double *w)
{
    size_t len = strlen(name);
    char *buf = malloc(len + sizeof CHAPTER_ELLIPSIS);
    if (!buf)
        return NULL;
    for (size_t keep = len; keep > 0; keep = text_char_before(name, keep)) {
        uint32_t last;
        text_char_at(name, keep, text_char_before(name, keep), &last);
        if (text_in_set("，、：；。,:;. 　", last))
            continue; /* never "开篇：…" */
        memcpy(buf, name, keep);
        memcpy(buf + keep, CHAPTER_ELLIPSIS, sizeof CHAPTER_ELLIPSIS);
        *w = width(j, buf, strlen(buf), px);
        if (*w <= max_w) {
            if (utf8_length(name, keep) < CHAPTER_BAR_MIN_CHARS && !allow_short)
                break;
            return buf;
        }
    }
    if (allow_short) { /* nothing fits: the ellipsis alone says a name is there */
        memcpy(buf, CHAPTER_ELLIPSIS, sizeof CHAPTER_ELLIPSIS);
        *w = width(j, buf, strlen(buf), px);
        return buf;
    }
    free(buf);
    return NULL;
}

/* Lays out row r, names [from, to), at px: equal cells when every name
 * fits one (as the bar always looked); else, when the names fit whole,
 * slots as wide as each name plus an equal share of what is left; else,
 * with shorten_ok, equal cells and the names that overflow theirs
 * shortened. Returns 1 placed, 0 does not fit, -1 when memory runs out. */
static int place_row(const job *j, chapter_bar *b, size_t from, size_t to, int px, int r,
                     bool shorten_ok, bool last_resort)
{
    size_t k = to - from;
    double pad = CHAPTER_BAR_PAD_EM * px, cell = j->bar_w / (double)k, total = 0;
    bool all_in_cells = true;
    for (size_t i = from; i < to; i++) {
        double w = width(j, j->names[i], strlen(j->names[i]), px) + 2 * pad;
        total += w;
        all_in_cells &= w <= cell;
    }
    bool whole = total <= j->bar_w;
    if (!whole && !shorten_ok)
        return 0;
    double extra = (j->bar_w - total) / (double)k, x = 0;
    for (size_t i = from; i < to; i++) {
        chapter_slot *s = &b->slots[i];
        double nat = width(j, j->names[i], strlen(j->names[i]), px);
        s->w = all_in_cells || !whole ? cell : nat + 2 * pad + extra;
        s->x = x;
        s->y = r * j->row_h;
        s->h = j->row_h;
        x += s->w;
        free(s->text);
        s->cut = nat + 2 * pad > s->w + 1e-6;
        s->text = s->cut ? shorten(j, j->names[i], s->w - 2 * pad, px, last_resort, &s->text_w)
                         : strdup(j->names[i]);
        if (!s->cut)
            s->text_w = nat;
        if (!s->text)
            return last_resort || !s->cut ? -1 : 0;
    }
    return 1;
}

/* All rows at px; see place_row for the result. */
static int place(const job *j, chapter_bar *b, int rows, int px, bool shorten_ok,
                 bool last_resort)
{
    size_t per_row = (j->n + (size_t)rows - 1) / (size_t)rows;
    for (int r = 0; r < rows; r++) {
        size_t from = (size_t)r * per_row, to = from + per_row < j->n ? from + per_row : j->n;
        if (from >= to)
            continue;
        int rc = place_row(j, b, from, to, px, r, shorten_ok, last_resort);
        if (rc <= 0)
            return rc;
    }
    b->px = px;
    b->rows = rows;
    b->h = rows * j->row_h;
    b->any_cut = false;
    for (size_t i = 0; i < b->n; i++)
        b->any_cut |= b->slots[i].cut;
    return 1;
}

int chapter_bar_fit(const char *const *names, size_t n, double bar_w, double row_h, int max_px,
                    int min_px, text_measure_fn measure, void *ctx, chapter_bar *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return 0;
    out->slots = calloc(n, sizeof *out->slots);
    if (!out->slots)
        return -1;
    out->n = n;
    if (min_px > max_px)
        min_px = max_px;
    job j = {names, n, bar_w, row_h, measure, ctx};
    for (int rows = 1; rows <= 2; rows++) {
        if (rows == 2 && n < 2)
            break;
        for (int px = max_px; px >= min_px; px--) {
            int rc = place(&j, out, rows, px, false, false);
            if (rc != 0)
                return rc < 0 ? (chapter_bar_free(out), -1) : 0;
        }
        int rc = place(&j, out, rows, min_px, true, rows == 2);
        if (rc != 0)
            return rc < 0 ? (chapter_bar_free(out), -1) : 0;
    }
    /* one name too long for the whole bar */
    int rc = place(&j, out, 1, min_px, true, true);
    if (rc < 0)
        chapter_bar_free(out);
    return rc < 0 ? -1 : 0;
}
