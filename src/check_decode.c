#include "check_decode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "images.h"
#include "json_pos.h"
#include "readfile.h"

#define CHECK_MAX_JSON_BYTES (1u << 20)

/* Where a field's value is written in a deck file; 1:1 when not found. */
static void locate(const deck *d, const char *file, const char *field, int *line, int *col)
{
    *line = *col = 1;
    char *path = deck_path(d, file);
    unsigned char *text = NULL;
    size_t len = 0;
    if (path && readfile_all(path, CHECK_MAX_JSON_BYTES, &text, &len, NULL, 0) == READFILE_OK) {
        json_pos_index ix = {0};
        if (json_pos_scan((const char *)text, len, &ix) == JSON_POS_OK) {
            const json_pos_entry *e = json_pos_find(&ix, field);
            if (e) {
                *line = e->line;
                *col = e->col;
            }
        }
        json_pos_free(&ix);
    }
    free(text);
    free(path);
}

/* An error at the field already: the loader refused the file. A warning there
 * (a picture smaller than its box) does not stand for a decoding verdict. */
static bool already_reported(const diag_list *diags, const char *file, int line, int col)
{
    for (size_t i = 0; i < diags->n; i++)
        if (diags->items[i].severity == DIAG_ERROR && diags->items[i].line == line &&
            diags->items[i].col == col &&
            strcmp(diags->items[i].path, file) == 0)
            return true;
    return false;
}

typedef struct {
    char *path; /* deck-relative */
    char *why;  /* NULL: decodes */
} verdict;

typedef struct {
    verdict *v;
    size_t n, cap;
} verdicts;

/* Decodes `rel` once per check; the reason it fails, or NULL. */
static const char *decode_once(const deck *d, verdicts *seen, const char *rel)
{
    for (size_t i = 0; i < seen->n; i++)
        if (strcmp(seen->v[i].path, rel) == 0)
            return seen->v[i].why;
    char why[400] = "cannot be decoded";
    char *full = deck_path(d, rel);
    SDL_Surface *s = full ? images_decode(full, deck_max_image_pixels(d), why, sizeof why) : NULL;
    free(full);
    if (s)
        SDL_FreeSurface(s);
    if (seen->n == seen->cap) {
        size_t cap = seen->cap ? seen->cap * 2 : 16;
        verdict *grown = realloc(seen->v, cap * sizeof *grown);
        if (!grown)
            return NULL;
        seen->v = grown;
        seen->cap = cap;
    }
    verdict *v = &seen->v[seen->n];
    v->path = strdup(rel);
    v->why = s ? NULL : strdup(why);
    if (!v->path) {
        free(v->why);
        return NULL;
    }
    seen->n++;
    return v->why;
}

static void check_one(const deck *d, const slide *s, const char *field, const char *rel,
                      verdicts *seen, diag_list *diags)
{
    if (!rel)
        return;
    int line, col;
    locate(d, s->file, field, &line, &col);
    if (already_reported(diags, s->file, line, col))
        return;
    const char *why = decode_once(d, seen, rel);
    if (why) {
        /* `field` is "background" for a background picture and the key
         * itself otherwise, as the loader words it. */
        diag_add(diags, DIAG_ERROR, s->file, line, col, "%s \"%s\" %s", field, rel, why);
    }
}

void check_decode_pictures(const deck *d, diag_list *diags)
{
    verdicts seen = {0};
    for (size_t i = 0; i < d->n_slides; i++) {
        const slide *s = &d->slides[i];
        if (s->type == SLIDE_BROKEN)
            continue;
        check_one(d, s, "image", s->image, &seen, diags);
        check_one(d, s, "background", s->background_image, &seen, diags);
        for (size_t k = 0; k < s->n_items; k++) {
            char field[48];
            snprintf(field, sizeof field, "items[%zu].icon", k);
            check_one(d, s, field, s->items[k].icon, &seen, diags);
        }
    }
    for (size_t i = 0; i < seen.n; i++) {
        free(seen.v[i].path);
        free(seen.v[i].why);
    }
    free(seen.v);
}

void check_decode_fonts(const deck *d, const font_set *fs, diag_list *diags)
{
    static const char *const fields[2] = {"theme.font", "theme.font_bold"};
    for (int k = 0; k < 2; k++) {
        const char *w = fonts_warning(fs, k);
        if (!w)
            continue;
        int line, col;
        locate(d, "slides/deck.json", fields[k], &line, &col);
        diag_add(diags, DIAG_WARNING, "slides/deck.json", line, col, "%s", w);
    }
}
