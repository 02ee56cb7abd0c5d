/* kiosk-bench, second part: frame times as the live show draws them —
 * partial frames on a surface that keeps its pixels, like the software
 * window surface — per slide type (a Ken Burns photo included), per
 * transition, and the change onto a slide whose photo is a 6000x4000 JPEG
 * made at bench time. Mean, 99th percentile and worst, in milliseconds. */
#include "bench_frames.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "render.h"

#define FRAME_MS (1000.0 / 60)
#define TRANSITION_FRAMES 48 /* 0.8 s at 60 Hz */
#define BIG_W 6000
#define BIG_H 4000

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: on a machine shared with other work, the wall
 * clock also counts the time others had the core. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_sum; /* of the frames timed since the last print_stats */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* mean, p99, max of ms[0..n) (sorted in place) */
static void print_stats(const char *what, const char *name, double *ms, int n)
{
    if (n <= 0)
        return;
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += ms[i];
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    int p99 = (int)ceil(0.99 * n) - 1;
    printf("%-12s %-38s %4d %8.2f %8.2f %8.2f %8.2f\n", what, name, n, sum / n,
           ms[p99 < 0 ? 0 : p99], ms[n - 1], cpu_sum / n);
    cpu_sum = 0;
}

/* Draws one frame of v and presents it; its time in ms. */
static double frame(SDL_Renderer *r, render_ctx *rc, const player_view *v)
{
    render_overlay ov = {.current_chapter = -1};
    double t0 = now_ms(), c0 = cpu_ms();
    render_frame(rc, v, &ov);
    SDL_RenderPresent(r);
    cpu_sum += cpu_ms() - c0;
    return now_ms() - t0;
}

static long first_of(const deck *d, slide_type t)
{
    for (size_t i = 0; i < d->n_slides; i++)
        if (d->slides[i].type == t)
            return (long)i;
    return -1;
}

int bench_frames(SDL_Renderer *r, SDL_Surface *screen, const deck *d, int frames, int out_w,
                 int out_h)
{
    const char *err = NULL;
    render_ctx *rc = render_new(r, d, out_w, out_h, false, &err);
    double *ms = calloc((size_t)(frames > TRANSITION_FRAMES ? frames : TRANSITION_FRAMES),
                        sizeof *ms);
    if (!rc || !ms) {
        fprintf(stderr, "kiosk-bench: %s\n", err ? err : "out of memory");
        render_free(rc);
        free(ms);
        return -1;
    }
    printf("\nlive frames, ms: whole frames (every frame drawn and presented in full, as\n"
           "before partial frames) and partial ones (on a surface that keeps its pixels,\n"
           "like the software window surface); mean, p99 and max on the wall clock,\n"
           "cpu: this thread's CPU time per frame\n");
    printf("%-12s %-38s %4s %8s %8s %8s %8s\n", "", "", "n", "mean", "p99", "max", "cpu");
    static const slide_type types[] = {SLIDE_TITLE, SLIDE_TEXT, SLIDE_PHOTO, SLIDE_STATS,
                                       SLIDE_CHART};
    for (int partial = 0; partial <= 1; partial++) {
        render_set_partial(rc, partial);
        for (size_t k = 0; k < sizeof types / sizeof types[0]; k++) {
            long i = first_of(d, types[k]);
            if (i < 0)
                continue;
            /* Frame 0 (layout, pictures, the still layer) is left out: these
             * are the frames of a slide already on screen. */
            frame(r, rc, &(player_view){.to = (size_t)i, .slide_remaining_ms = -1});
            cpu_sum = 0;
            for (int f = 1; f <= frames; f++)
                ms[f - 1] = frame(r, rc,
                                  &(player_view){.to = (size_t)i,
                                                 .to_elapsed_ms = (player_ms)(f * FRAME_MS + 0.5),
                                                 .slide_remaining_ms = -1});
            char name[80];
            snprintf(name, sizeof name, "%s %s%s", partial ? "partial" : "whole", d->slides[i].file,
                     d->slides[i].type == SLIDE_PHOTO && d->slides[i].ken_burns ? " (KB)" : "");
            print_stats(deck_slide_type_name(types[k]), name, ms, frames);
        }
    }
    render_set_partial(rc, true);
    /* Transitions between the first title and the first stats slide (or
     * the first two slides), the figures counting as they come in. */
    long a = first_of(d, SLIDE_TITLE), b = first_of(d, SLIDE_STATS);
    if (a < 0 || b < 0) {
        a = 0;
        b = d->n_slides > 1 ? 1 : 0;
    }
    static const transition_type trans[] = {TRANSITION_FADE, TRANSITION_PUSH, TRANSITION_WIPE,
                                            TRANSITION_ZOOM};
    /* Through two full-screen targets (GPU renderers, --rotate), then
     * straight from the still layers into the screen (the live show's
     * software renderer; only fades have that way so far). */
    for (size_t k = 0; k < 2 * sizeof trans / sizeof trans[0]; k++) {
        bool direct = k >= sizeof trans / sizeof trans[0];
        transition_type type = trans[k % (sizeof trans / sizeof trans[0])];
        render_set_screen(rc, direct ? screen : NULL);
        frame(r, rc, &(player_view){.to = (size_t)a, .to_elapsed_ms = 10000});
        cpu_sum = 0;
        for (int f = 0; f < TRANSITION_FRAMES; f++) {
            player_ms t = (player_ms)(f * FRAME_MS + 0.5);
            player_view v = {.to = (size_t)b, .to_elapsed_ms = t, .transitioning = true,
                             .from = (size_t)a, .from_elapsed_ms = 10000 + t,
                             .transition = type, .progress = (f + 1.0) / TRANSITION_FRAMES,
                             .direction = 1, .slide_remaining_ms = -1};
            ms[f] = frame(r, rc, &v);
        }
        char name[80];
        snprintf(name, sizeof name, "%s (slide %ld to %ld)%s", deck_transition_name(type), a + 1,
                 b + 1, direct ? " direct" : "");
        print_stats("transition", name, ms, TRANSITION_FRAMES);
    }
    render_free(rc);
    free(ms);
    return 0;
}

/* A 6000x4000 picture with detail everywhere (a plain one would flatter the
 * decoder), saved as a JPEG into dir/assets/big.jpg. */
static int make_big_jpeg(const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, BIG_W, BIG_H, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    unsigned seed = 12345;
    for (int y = 0; y < BIG_H; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < BIG_W; x++) {
            seed = seed * 1103515245u + 12345u;
            unsigned n = (seed >> 16) & 31;
            unsigned rr = (unsigned)(x * 255 / BIG_W), gg = (unsigned)(y * 255 / BIG_H);
            unsigned bb = (unsigned)(((x / 40 + y / 40) & 1) * 120 + 60);
            row[x] = 0xFF000000u | ((rr + n) & 255) << 16 | ((gg + n) & 255) << 8 | bb;
        }
    }
    int rc = IMG_SaveJPG(s, path, 88);
    SDL_FreeSurface(s);
    return rc;
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

int bench_big_jpeg(SDL_Renderer *r, const char *font_dir, int out_w, int out_h)
{
    char dir[] = "/tmp/kiosk-bench.XXXXXX", path[512];
    if (!mkdtemp(dir))
        return -1;
    int status = -1;
    deck *d = NULL;
    diag_list diags = {0};
    snprintf(path, sizeof path, "%s/slides", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/assets", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/assets/big.jpg", dir);
    double t_make = now_ms();
    if (make_big_jpeg(path) != 0)
        goto done;
    t_make = now_ms() - t_make;
    snprintf(path, sizeof path, "%s/slides/deck.json", dir);
    write_text(path, "{\"title\": \"bench\"}\n");
    snprintf(path, sizeof path, "%s/slides/010-title.json", dir);
    write_text(path, "{\"type\": \"title\", \"title\": \"六千乘四千\"}\n");
    snprintf(path, sizeof path, "%s/slides/020-photo.json", dir);
    write_text(path, "{\"type\": \"photo\", \"image\": \"assets/big.jpg\", \"fit\": \"cover\"}\n");
    d = deck_load(dir, font_dir, &diags);
    if (!d || d->n_slides != 2)
        goto done;
    printf("\nthe change onto a slide with a %dx%d JPEG (made in %.0f ms), ms\n", BIG_W, BIG_H,
           t_make);
    /* --render's way: the picture decoded inside the first frame. */
    const char *err = NULL;
    render_ctx *rc = render_new(r, d, out_w, out_h, false, &err);
    if (!rc)
        goto done;
    frame(r, rc, &(player_view){.to = 0});
    double c0 = cpu_ms(), wall = frame(r, rc, &(player_view){.to = 1});
    printf("  first frame, decoding inline (--render): %.1f (cpu %.1f)\n", wall, cpu_ms() - c0);
    render_free(rc);
    /* The live show's way: a worker decodes, frames go on meanwhile. */
    rc = render_new(r, d, out_w, out_h, true, &err);
    if (!rc)
        goto done;
    frame(r, rc, &(player_view){.to = 0});
    double t0 = now_ms(), worst = 0;
    int n = 0;
    for (;; n++) {
        player_ms t = (player_ms)(n * FRAME_MS);
        player_view v = {.to = 1, .to_elapsed_ms = t, .transitioning = t < 800, .from = 0,
                         .from_elapsed_ms = 10000 + t, .transition = TRANSITION_FADE,
                         .progress = t < 800 ? t / 800.0 : 1, .direction = 1};
        double ms = frame(r, rc, &v);
        if (ms > worst)
            worst = ms;
        if (!render_images_busy(rc) && n > 0 && t >= 800)
            break;
        if (now_ms() - t0 > 60000)
            break;
    }
    printf("  fade onto it, decoding on the worker: picture after %.1f; worst of its %d frames %.1f\n",
           now_ms() - t0, n + 1, worst);
    render_free(rc);
    status = 0;
done:
    deck_free(d);
    diag_list_clear(&diags);
    static const char *const files[] = {"slides/deck.json", "slides/010-title.json",
                                        "slides/020-photo.json", "assets/big.jpg", "slides",
                                        "assets", ""};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    return status;
}
