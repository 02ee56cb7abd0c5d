/* Images: area-averaged resizing, the synchronous cache, failures. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdlib.h>

#include "check.h"
#include "images.h"

static Uint32 px(SDL_Surface *s, int x, int y)
{
    return *(Uint32 *)((Uint8 *)s->pixels + y * s->pitch + x * 4);
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

    SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    IMG_Quit();
    return check_done();
}
