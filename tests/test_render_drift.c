/* A drifting (Ken Burns) cover photo's slide: its still layer holds the
 * photo as it stands when the drift ends, so the frames after the drift and
 * the fade out of the slide draw no photo. Every frame must be the picture
 * drawn with no layer at all (caching off), during the drift and after it,
 * and the fade out blended from the layers the picture the targets give. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "deck.h"
#include "render.h"

#define OUT_W 960
#define OUT_H 540
#define FRAME_DIFF 2 /* the same drawing either way: rounding only */
#define FADE_DIFF 6  /* SDL's blend of targets vs blend.h (test_render_partial) */
#define DURATION_MS 2000

static const char DECK_JSON[] = "{\"title\": \"drift\", \"duration\": 2}\n";
static const char PHOTO_JSON[] = "{\"type\": \"photo\", \"image\": \"assets/p.jpg\", \"fit\": \"cover\", "
                                 "\"ken_burns\": true, \"caption\": \"一张照片\"}\n";
static const char STATS_JSON[] = "{\"type\": \"stats\", \"title\": \"两个数字\", \"items\": ["
                                 "{\"label\": \"一\", \"value\": 58.58, \"unit\": \"亿元\"},"
                                 "{\"label\": \"二\", \"value\": 200, \"unit\": \"个\"}]}\n";

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fputs(text, f) >= 0;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

/* A picture with detail everywhere, so a moved or rescaled copy shows. */
static int write_photo(const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1200, 800, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    for (int y = 0; y < s->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++)
            row[x] = 0xff000000u | (Uint32)(x * 255 / s->w) << 16 | (Uint32)(y * 255 / s->h) << 8 |
                     (Uint32)(((x / 30 + y / 30) & 1) * 150 + 50);
    }
    int rc = IMG_SaveJPG(s, path, 90);
    SDL_FreeSurface(s);
    return rc;
}

static int max_diff(SDL_Surface *a, SDL_Surface *b, int *at_x, int *at_y)
{
    int worst = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
        for (int x = 0; x < a->w; x++)
            for (int sh = 0; sh < 24 && ra[x] != rb[x]; sh += 8) {
                int d = abs((int)((ra[x] >> sh) & 255) - (int)((rb[x] >> sh) & 255));
                if (d > worst) {
                    worst = d;
                    *at_x = x;
                    *at_y = y;
                }
            }
    }
    return worst;
}

int main(void)
{
    char dir[] = "/tmp/kiosk-drift.XXXXXX";
    char path[600];
    diag_list diags = {0};
    deck *d = NULL;
    SDL_Surface *sa = NULL, *sb = NULL;
    SDL_Renderer *ra = NULL, *rb = NULL;
    render_ctx *ca = NULL, *cb = NULL;
    if (!mkdtemp(dir)) {
        CHECK(0, "cannot make a temporary deck folder");
        return check_done();
    }
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        CHECK(0, "cannot start SDL / SDL_ttf: %s", SDL_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG);
    snprintf(path, sizeof path, "%s/slides", dir);
    bool written = mkdir(path, 0700) == 0;
    snprintf(path, sizeof path, "%s/assets", dir);
    written = written && mkdir(path, 0700) == 0;
    snprintf(path, sizeof path, "%s/assets/p.jpg", dir);
    written = written && write_photo(path) == 0;
    snprintf(path, sizeof path, "%s/slides/deck.json", dir);
    written = written && write_file(path, DECK_JSON) == 0;
    snprintf(path, sizeof path, "%s/slides/010-photo.json", dir);
    written = written && write_file(path, PHOTO_JSON) == 0;
    snprintf(path, sizeof path, "%s/slides/020-stats.json", dir);
    written = written && write_file(path, STATS_JSON) == 0;
    CHECK(written, "cannot write the temporary deck in %s", dir);
    if (!written)
        goto done;
    d = deck_load(dir, KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d && deck_playable_count(d) == 2, "deck: expected 2 playable slides");
    if (!d || deck_playable_count(d) != 2)
        goto done;
    sa = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    sb = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    ra = sa ? SDL_CreateSoftwareRenderer(sa) : NULL;
    rb = sb ? SDL_CreateSoftwareRenderer(sb) : NULL;
    const char *err = NULL;
    ca = ra ? render_new(ra, d, OUT_W, OUT_H, false, &err) : NULL;
    cb = rb ? render_new(rb, d, OUT_W, OUT_H, false, &err) : NULL;
    if (!ca || !cb) {
        CHECK(0, "cannot start rendering: %s", err ? err : SDL_GetError());
        goto done;
    }
    render_set_caching(cb, false); /* no layer: every box drawn every frame */

    static const long long AT[] = {0, 700, DURATION_MS - 1, DURATION_MS, DURATION_MS + 500};
    for (size_t i = 0; i < sizeof AT / sizeof AT[0]; i++) {
        player_view v = {.to = 0, .to_elapsed_ms = AT[i]};
        frame_status st = render_frame(ca, &v, NULL);
        SDL_RenderFlush(ra);
        render_frame(cb, &v, NULL);
        SDL_RenderFlush(rb);
        int x = 0, y = 0, diff = max_diff(sa, sb, &x, &y);
        CHECK(diff <= FRAME_DIFF,
              "the photo slide at %lld ms: drawn through its layer it differs by %d at (%d, %d) "
              "from the picture drawn with no layer", AT[i], diff, x, y);
        CHECK(st.moving == (AT[i] < DURATION_MS), "the photo slide at %lld ms: expected moving %d",
              AT[i], AT[i] < DURATION_MS);
    }

    /* The fade out of the photo after its drift, onto the counting slide:
     * blended from the layers, then through the targets. */
    render_ctx *cc = render_new(rb, d, OUT_W, OUT_H, false, &err);
    CHECK(cc != NULL, "cannot start rendering: %s", err ? err : SDL_GetError());
    render_set_screen(ca, sa);
    static const double PROGRESS[] = {0.05, 0.5, 0.95};
    for (size_t i = 0; cc && i < sizeof PROGRESS / sizeof PROGRESS[0]; i++) {
        long long t = (long long)(PROGRESS[i] * 800);
        player_view fade = {.to = 1, .to_elapsed_ms = t, .transitioning = true, .from = 0,
                            .from_elapsed_ms = DURATION_MS + t, .transition = TRANSITION_FADE,
                            .progress = PROGRESS[i], .direction = 1};
        render_frame(ca, &fade, NULL);
        SDL_RenderFlush(ra);
        render_frame(cc, &fade, NULL);
        SDL_RenderFlush(rb);
        int x = 0, y = 0, diff = max_diff(sa, sb, &x, &y);
        CHECK(diff <= FADE_DIFF,
              "the fade out of the photo at %.2f: blended from the layers it differs by %d at "
              "(%d, %d) from the targets' composition", PROGRESS[i], diff, x, y);
    }
    render_free(cc);

done:
    render_free(ca);
    render_free(cb);
    if (ra)
        SDL_DestroyRenderer(ra);
    if (rb)
        SDL_DestroyRenderer(rb);
    SDL_FreeSurface(sa);
    SDL_FreeSurface(sb);
    deck_free(d);
    diag_list_clear(&diags);
    static const char *const files[] = {"slides/deck.json", "slides/010-photo.json",
                                        "slides/020-stats.json", "assets/p.jpg", "slides", "assets"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        if (unlink(path) != 0)
            rmdir(path);
    }
    rmdir(dir);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return check_done();
}
