/* kiosk-bench — how long a frame takes while figures count up.
 *
 *   kiosk-bench [DECK] [FRAMES]
 *
 * Picks the deck's busiest stats slide and busiest chart slide (most items),
 * and for each draws FRAMES frames (default 240) at 1920x1080 with SDL's
 * software renderer on a surface — no display, no vsync — at moments 1/60 s
 * apart from the slide's appearance, i.e. through the count-up. Each run is
 * made twice with a fresh renderer: with text caching on (the live show)
 * and off (every line and digit rasterised anew each frame, the "before").
 * Prints the first frame (layout, picture decoding, cold caches) on its
 * own, then the average and the worst of the other frames, in milliseconds:
 * the first would otherwise always be the worst and hide the steady cost.
 * Then bench_frames.c: the live show's frames per slide type and per
 * transition, and the change onto a slide with a 6000x4000 JPEG. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_frames.h"
#include "chapters.h"
#include "deck.h"
#include "modes.h"
#include "render.h"

#define BENCH_W 1920
#define BENCH_H 1080
#define BENCH_DEFAULT_FRAMES 240
#define BENCH_FRAME_MS (1000.0 / 60) /* the moments step like a 60 Hz screen */

typedef struct {
    double first_ms, avg_ms, worst_ms;
} bench_result;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The slide of type `type` with the most items, or -1. */
static long busiest(const deck *d, slide_type type)
{
    long best = -1;
    for (size_t i = 0; i < d->n_slides; i++)
        if (d->slides[i].type == type &&
            (best < 0 || d->slides[i].n_items > d->slides[best].n_items))
            best = (long)i;
    return best;
}

/* Draws `frames` frames of slide i on a fresh renderer context. Returns 0,
 * or -1 when the context cannot be made. */
static int run(SDL_Renderer *r, const deck *d, size_t i, int frames, bool caching,
               bench_result *out)
{
    const char *err = NULL;
    render_ctx *rc = render_new(r, d, BENCH_W, BENCH_H, false, &err);
    if (!rc) {
        fprintf(stderr, "kiosk-bench: %s\n", err ? err : "cannot start rendering");
        return -1;
    }
    render_set_caching(rc, caching);
    chapters table;
    if (chapters_build(d, &table) != 0) {
        fprintf(stderr, "kiosk-bench: out of memory\n");
        render_free(rc);
        return -1;
    }
    render_overlay ov = {.chapters = &table, .current_chapter = -1};
    double sum = 0, worst = 0;
    for (int f = 0; f < frames; f++) {
        player_view v = {.to = i, .from = i,
                         .to_elapsed_ms = (player_ms)(f * BENCH_FRAME_MS + 0.5),
                         .slide_remaining_ms = -1};
        double t0 = now_ms();
        render_frame(rc, &v, &ov);
        SDL_RenderPresent(r);
        double ms = now_ms() - t0;
        if (f == 0) {
            out->first_ms = ms;
            continue;
        }
        sum += ms;
        if (ms > worst)
            worst = ms;
    }
    out->avg_ms = frames > 1 ? sum / (frames - 1) : 0;
    out->worst_ms = worst;
    chapters_free(&table);
    render_free(rc);
    return 0;
}

int main(int argc, char **argv)
{
    kiosk_options o = {.deck_dir = argc > 1 ? argv[1] : NULL};
    int frames = argc > 2 ? atoi(argv[2]) : BENCH_DEFAULT_FRAMES;
    if (argc > 3 || frames < 2) {
        fprintf(stderr, "usage: kiosk-bench [DECK] [FRAMES]\n");
        return 2;
    }
    /* The shipped fonts: in a build tree they are the demo deck's fonts/. */
    kiosk_options demo = {0};
    char font_dir[4096];
    snprintf(font_dir, sizeof font_dir, "%s/fonts", modes_deck_dir(&demo));

    int status = 1;
    SDL_Surface *surface = NULL;
    SDL_Renderer *r = NULL;
    diag_list diags = {0};
    deck *d = deck_load(modes_deck_dir(&o), font_dir, &diags);
    diag_list_clear(&diags);
    if (!d)
        goto fail;
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk-bench: %s\n", TTF_GetError());
        goto fail;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    surface = SDL_CreateRGBSurfaceWithFormat(0, BENCH_W, BENCH_H, 32, SDL_PIXELFORMAT_ARGB8888);
    r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        fprintf(stderr, "kiosk-bench: no software renderer: %s\n", SDL_GetError());
        goto fail;
    }

    printf("deck %s, %dx%d, %d frames 1/60 s apart, software renderer\n", modes_deck_dir(&o),
           BENCH_W, BENCH_H, frames);
    printf("%-40s %-8s %9s %9s %9s\n", "slide", "caching", "first ms", "avg ms", "worst ms");
    const slide_type types[] = {SLIDE_STATS, SLIDE_CHART};
    bool any = false;
    for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
        long i = busiest(d, types[k]);
        if (i < 0)
            continue;
        any = true;
        char name[64];
        snprintf(name, sizeof name, "%s (%zu items)", d->slides[i].file,
                 d->slides[i].n_items);
        for (int caching = 1; caching >= 0; caching--) {
            bench_result res = {0};
            if (run(r, d, (size_t)i, frames, caching, &res) != 0)
                goto fail;
            printf("%-40s %-8s %9.2f %9.2f %9.2f\n", name, caching ? "on" : "off",
                   res.first_ms, res.avg_ms, res.worst_ms);
        }
    }
    if (!any)
        fprintf(stderr, "kiosk-bench: the deck has no stats or chart slide\n");
    if (bench_frames(r, surface, d, frames, BENCH_W, BENCH_H) != 0 ||
        bench_big_jpeg(r, font_dir, BENCH_W, BENCH_H) != 0)
        goto fail;
    status = any ? 0 : 1;
fail:
    if (r)
        SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    TTF_Quit();
    IMG_Quit();
    deck_free(d);
    return status;
}
