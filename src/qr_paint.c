#include "qr_paint.h"

#include <stdlib.h>

#include "qr.h"

static void set_colour(SDL_Renderer *r, unsigned rgb)
{
    SDL_SetRenderDrawColor(r, (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255);
}

int qr_paint(SDL_Renderer *r, SDL_Rect card, SDL_Rect square, const char *text)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    set_colour(r, QR_PAINT_LIGHT);
    SDL_RenderFillRect(r, &card);
    qr_code q;
    char why[200];
    if (qr_encode(text, &q, why, sizeof why) != 0)
        return 0;
    int n = q.width + 2 * QR_QUIET_MODULES;
    int side = square.w < square.h ? square.w : square.h;
    int module = side / n;
    if (module < 1)
        module = 1;
    int x0 = square.x + (square.w - module * n) / 2 + QR_QUIET_MODULES * module;
    int y0 = square.y + (square.h - module * n) / 2 + QR_QUIET_MODULES * module;
    /* One rectangle per run of dark modules in a row: a few hundred
     * rectangles in one call. */
    SDL_Rect *runs = malloc((size_t)q.width * (size_t)q.width * sizeof *runs);
    int n_runs = 0;
    for (int y = 0; runs && y < q.width; y++) {
        for (int x = 0; x < q.width;) {
            if (!q.dark[y * q.width + x]) {
                x++;
                continue;
            }
            int start = x;
            while (x < q.width && q.dark[y * q.width + x])
                x++;
            runs[n_runs++] = (SDL_Rect){x0 + start * module, y0 + y * module,
                                        (x - start) * module, module};
        }
    }
    set_colour(r, QR_PAINT_DARK);
    if (runs)
        SDL_RenderFillRects(r, runs, n_runs);
    free(runs);
    qr_free(&q);
    return runs ? module : 0;
}
