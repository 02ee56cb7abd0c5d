/* kiosk-bench's live-show figures (bench_frames.c). */
#ifndef KIOSK_BENCH_FRAMES_H
#define KIOSK_BENCH_FRAMES_H

#include <SDL.h>

#include "deck.h"

/* Frame time mean / p99 / max per slide type (the first slide of each type
 * in d, `frames` frames 1/60 s apart) and per transition. 0, or -1. */
int bench_frames(SDL_Renderer *r, SDL_Surface *screen, const deck *d, int frames, int out_w,
                 int out_h);

/* The change onto a slide whose photo is a 6000x4000 JPEG generated now. */
int bench_big_jpeg(SDL_Renderer *r, const char *font_dir, int out_w, int out_h);

#endif
