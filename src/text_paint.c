#include "text_paint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool text_paint_plain(const text_line *ln)
{
    return ln->n_runs <= 1 && (ln->n_runs == 0 || ln->runs[0].x == 0);
}

static int run_x(const text_run *r, double scale)
{
    return (int)lround(r->x * scale);
}

SDL_Surface *text_paint_line(font_set *fs, const text_line *ln, int px, bool bold,
                             SDL_Color color, double scale, int *left)
{
    *left = 0;
    if (text_paint_plain(ln))
        return fonts_render(fs, ln->text, px, bold, color);
    size_t n = ln->n_runs;
    SDL_Surface **parts = calloc(n, sizeof *parts);
    char *piece = malloc(strlen(ln->text) + 1);
    SDL_Surface *out = NULL;
    if (!parts || !piece)
        goto done;
    int right = 0, h = 0;
    for (size_t k = 0; k < n; k++) {
        const text_run *r = &ln->runs[k];
        memcpy(piece, ln->text + r->start, r->len);
        piece[r->len] = '\0';
        parts[k] = fonts_render(fs, piece, px, bold, color);
        if (!parts[k])
            continue; /* spaces only: nothing to draw */
        int x = run_x(r, scale);
        if (x < *left)
            *left = x;
        if (x + parts[k]->w > right)
            right = x + parts[k]->w;
        if (parts[k]->h > h)
            h = parts[k]->h;
    }
    if (right - *left <= 0 || h <= 0)
        goto done;
    out = SDL_CreateRGBSurfaceWithFormat(0, right - *left, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        goto done;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, color.r, color.g, color.b, 0));
    for (size_t k = 0; k < n; k++) {
        if (!parts[k])
            continue;
        /* Blended, not copied: a run set half width overlaps its neighbour's
         * blank half, and must not wipe it. */
        SDL_SetSurfaceBlendMode(parts[k], SDL_BLENDMODE_BLEND);
        SDL_Rect dst = {run_x(&ln->runs[k], scale) - *left, 0, parts[k]->w, parts[k]->h};
        SDL_BlitSurface(parts[k], NULL, out, &dst);
    }
done:
    for (size_t k = 0; parts && k < n; k++)
        SDL_FreeSurface(parts[k]);
    free(parts);
    free(piece);
    return out;
}

char *text_paint_key(const text_line *ln, double scale)
{
    size_t len = strlen(ln->text), cap = len + 2 + ln->n_runs * 24;
    char *key = malloc(cap);
    if (!key)
        return NULL;
    memcpy(key, ln->text, len);
    size_t o = len;
    key[o++] = '\x1f'; /* cannot occur in a line: control characters are not drawn */
    for (size_t k = 0; k < ln->n_runs; k++)
        o += (size_t)snprintf(key + o, cap - o, "%zu:%d,", ln->runs[k].start,
                              run_x(&ln->runs[k], scale));
    key[o] = '\0';
    return key;
}
