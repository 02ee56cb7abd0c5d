/* Images: area-averaged resizing, the synchronous cache, failures. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "images.h"

static Uint32 px(SDL_Surface *s, int x, int y)
{
    return *(Uint32 *)((Uint8 *)s->pixels + y * s->pitch + x * 4);
}

static void write_png(const char *dir, const char *name, Uint32 argb)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 8, 8, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(s, NULL, argb);
    CHECK(IMG_SavePNG(s, path) == 0, "cannot write %s: %s", path, IMG_GetError());
    SDL_FreeSurface(s);
}

/* The colour a texture draws at the target's centre. */
static Uint32 drawn(SDL_Renderer *r, SDL_Surface *target, SDL_Texture *t)
{
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    if (t)
        SDL_RenderCopy(r, t, NULL, NULL);
    SDL_RenderPresent(r);
    return px(target, 32, 32) | 0xFF000000u;
}

/* A picture that changes on disk: the old one is drawn until the new one is
 * decoded, then the new one; a damaged new version keeps the old. */
static void test_refresh(SDL_Renderer *r, SDL_Surface *target)
{
    char dir[] = "/tmp/kiosk-test-images.XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    for (int threaded = 0; threaded < 2; threaded++) {
        write_png(dir, "p.png", 0xFFFF0000u);
        image_cache *c = images_new(r, dir, threaded);
        image_status st = IMAGE_PENDING;
        SDL_Texture *t = NULL;
        for (int spins = 0; st == IMAGE_PENDING && spins < 1000; spins++) {
            images_pump(c);
            t = images_get(c, "p.png", 64, 64, FIT_COVER, 1.0, &st);
            if (st == IMAGE_PENDING)
                SDL_Delay(5);
        }
        CHECK(drawn(r, target, t) == 0xFFFF0000u, "threaded %d: red at first", threaded);
        write_png(dir, "p.png", 0xFF0000FFu);
        images_refresh(c, "p.png");
        SDL_Texture *during = images_get(c, "p.png", 64, 64, FIT_COVER, 1.0, &st);
        CHECK(during && st == IMAGE_READY, "threaded %d: a picture is drawn during the refresh",
              threaded);
        Uint32 colour = drawn(r, target, during);
        for (int spins = 0; colour != 0xFF0000FFu && spins < 1000; spins++) {
            SDL_Delay(5);
            images_pump(c);
            colour = drawn(r, target, images_get(c, "p.png", 64, 64, FIT_COVER, 1.0, &st));
            CHECK(colour == 0xFFFF0000u || colour == 0xFF0000FFu,
                  "threaded %d: old or new, never a gap: got %08x", threaded, colour);
        }
        CHECK(colour == 0xFF0000FFu, "threaded %d: blue after the refresh", threaded);
        char path[512];
        snprintf(path, sizeof path, "%s/p.png", dir);
        FILE *f = fopen(path, "w");
        fputs("not a picture", f);
        fclose(f);
        images_refresh(c, "p.png");
        for (int spins = 0; images_busy(c) && spins < 1000; spins++) {
            SDL_Delay(5);
            images_pump(c);
        }
        t = images_get(c, "p.png", 64, 64, FIT_COVER, 1.0, &st);
        CHECK(st == IMAGE_READY && drawn(r, target, t) == 0xFF0000FFu,
              "threaded %d: a damaged new version keeps the last good picture", threaded);
        images_free(c);
    }
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0, "rm");
}

int main(void)
{
    /* A 4x4 checkerboard of black and white halves to flat grey at 2x2:
     * nearest-neighbour would keep black or white, area averaging cannot. */
    SDL_Surface *src = SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            *(Uint32 *)((Uint8 *)src->pixels + y * src->pitch + x * 4) =
                ((x + y) & 1) ? 0xFFFFFFFFu : 0xFF000000u;
    SDL_Surface *half = images_resize(src, 2, 2);
    CHECK(half && half->w == 2 && half->h == 2, "resize gives 2x2");
    for (int y = 0; half && y < 2; y++)
        for (int x = 0; x < 2; x++) {
            Uint32 p = px(half, x, y);
            int g = (p >> 8) & 255;
            CHECK(g >= 126 && g <= 129 && (p >> 24) == 255, "(%d,%d): expected grey 127/128, got %08x", x, y, p);
        }
    SDL_FreeSurface(half);
    /* Upscaling keeps the corners' colours. */
    SDL_Surface *big = images_resize(src, 8, 8);
    CHECK(big && px(big, 0, 0) == 0xFF000000u, "enlarged corner stays black, got %08x", big ? px(big, 0, 0) : 0);
    SDL_FreeSurface(big);
    CHECK(images_resize(src, 0, 5) == NULL, "a zero size is refused");
    SDL_FreeSurface(src);

    /* The cache, synchronous (as --render uses it). */
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(target);
    CHECK(r != NULL, "software renderer: %s", SDL_GetError());
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    image_cache *c = images_new(r, KIOSK_TEST_DATA, false);
    image_status st;
    SDL_Texture *t = images_get(c, "pixel.png", 32, 32, FIT_COVER, 1.0, &st);
    CHECK(t && st == IMAGE_READY, "a PNG loads: status %d", st);
    SDL_Texture *again = images_get(c, "pixel.png", 32, 32, FIT_COVER, 1.0, &st);
    CHECK(again == t, "the same request is served from the cache");
    t = images_get(c, "no-such-file.png", 32, 32, FIT_COVER, 1.0, &st);
    CHECK(!t && st == IMAGE_FAILED, "a missing file fails: status %d", st);
    t = images_get(c, "../data/pixel.jpg", 32, 32, FIT_CONTAIN, 1.0, &st);
    CHECK(t && st == IMAGE_READY, "a JPEG loads: status %d", st);
    CHECK(!images_busy(c), "a synchronous cache is never busy");
    images_forget(c);
    images_free(c);

    /* The threaded cache delivers through images_pump. */
    c = images_new(r, KIOSK_TEST_DATA, true);
    t = images_get(c, "pixel.png", 16, 16, FIT_COVER, 1.0, &st);
    int spins = 0;
    while (st == IMAGE_PENDING && spins++ < 500) {
        SDL_Delay(5);
        images_pump(c);
        t = images_get(c, "pixel.png", 16, 16, FIT_COVER, 1.0, &st);
    }
    CHECK(t && st == IMAGE_READY, "the worker decodes it: status %d after %d waits", st, spins);
    images_free(c);
    images_free(NULL);

    /* JPEG scale factors: the smallest m/8 still covering the wanted size. */
    static const struct {
        int sw, sh, ww, wh, m;
    } eighths[] = {
        {4000, 3000, 2112, 1188, 5}, /* 2500x1875: 4/8 (2000x1500) is too narrow */
        {4000, 3000, 2000, 1500, 4}, /* exactly half */
        {4000, 3000, 500, 375, 1},   {4000, 3000, 501, 10, 2},
        {4000, 3000, 4000, 3000, 8}, {100, 100, 300, 300, 8}, /* never enlarged */
        {7, 7, 1, 1, 1},             /* rounds up: 7 * 1/8 -> 1 */
    };
    for (size_t i = 0; i < sizeof eighths / sizeof eighths[0]; i++) {
        int m = images_jpeg_eighths(eighths[i].sw, eighths[i].sh, eighths[i].ww, eighths[i].wh);
        CHECK(m == eighths[i].m, "row %zu: %dx%d for %dx%d: expected %d/8, got %d/8", i,
              eighths[i].sw, eighths[i].sh, eighths[i].ww, eighths[i].wh, eighths[i].m, m);
    }

    /* A large JPEG for a small box arrives at the box's size, through the
     * scaled decoder (and the area-averaging resize after it). */
    SDL_Surface *big_jpeg = SDL_CreateRGBSurfaceWithFormat(0, 1600, 1200, 32,
                                                           SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(big_jpeg, NULL, 0xFF3060C0);
    char jpeg_path[64];
    snprintf(jpeg_path, sizeof jpeg_path, "/tmp/kiosk-test-images-%d.jpg", (int)getpid());
    CHECK(IMG_SaveJPG(big_jpeg, jpeg_path, 90) == 0, "saving a JPEG: %s", SDL_GetError());
    c = images_new(r, "/", false);
    t = images_get(c, jpeg_path + 1, 160, 120, FIT_COVER, 1.0, &st);
    int tw = 0, th = 0;
    Uint32 fmt;
    if (t)
        SDL_QueryTexture(t, &fmt, NULL, &tw, &th);
    CHECK(t && tw == 160 && th == 120, "1600x1200 JPEG for a 160x120 box: got %dx%d", tw, th);
    SDL_Surface *full = images_decode(jpeg_path, 0, NULL, 0);
    CHECK(full && full->w == 1600 && full->h == 1200, "images_decode keeps the full size");
    if (full) {
        Uint32 p = px(full, 800, 600);
        int dr = (int)((p >> 16) & 255) - 0x30, dg = (int)((p >> 8) & 255) - 0x60,
            db = (int)(p & 255) - 0xC0;
        CHECK(abs(dr) < 6 && abs(dg) < 6 && abs(db) < 6,
              "the decoded colour is the saved one in ARGB order: got %08x", (unsigned)p);
    }
    SDL_FreeSurface(full);

    /* The budget: over it, the least recently used picture goes first,
     * never the one just asked for. */
    images_set_budget(c, 320 * 240 * 4 + 100);
    CHECK(images_bytes(c) == 160 * 120 * 4, "one 160x120 picture held: %zu bytes", images_bytes(c));
    t = images_get(c, jpeg_path + 1, 320, 240, FIT_COVER, 1.0, &st);
    CHECK(t && images_bytes(c) == 320 * 240 * 4,
          "the older picture made room for the new one: %zu bytes held", images_bytes(c));
    images_set_budget(c, 1000);
    CHECK(images_bytes(c) == 0, "a budget too small for anything empties the cache: %zu bytes",
          images_bytes(c));
    images_free(c);
    remove(jpeg_path);
    SDL_FreeSurface(big_jpeg);

    test_refresh(r, target);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    IMG_Quit();
    return check_done();
}
