/* Partial frames are the same pictures as whole ones: a counting stats
 * slide and a growing bar chart drawn frame after frame with partial frames
 * on, each compared with the same moment drawn whole by a second context.
 * And they are partial: mid-count, the changed rectangles are a part of the
 * screen; once settled, nothing. A slide's layer drawn ahead of its fade
 * leaves the screen alone and gives the same fade. A fade blended straight
 * from the layers into the screen is the same picture as one composed
 * through full-screen targets. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "chapters.h"
#include "deck.h"
#include "render.h"

#define OUT_W 960
#define OUT_H 540
#define MAX_CHANNEL_DIFF 2 /* rounding of blends, should it ever differ */
/* A fade through targets is the less exact one: SDL's blend takes each
 * target pixel's alpha, 253 where text was blended onto the layer, so it
 * lands up to 5 off the exact mix of the two slides, where blend.h's loop
 * lands within 1. */
#define FADE_CHANNEL_DIFF 6

static const char DECK_JSON[] = "{\"title\": \"partial\", \"count_duration\": 1.5}\n";
static const char *const SLIDES[][2] = {
    {"010-stats.json",
     "{\"type\": \"stats\", \"chapter\": \"甲\", \"title\": \"八个数字\", \"stagger\": 0.1, \"items\": ["
     "{\"label\": \"一\", \"value\": 1.183, \"unit\": \"亿元\"}, {\"label\": \"二\", \"value\": 200, \"unit\": \"个\"},"
     "{\"label\": \"三\", \"value\": 5500, \"unit\": \"人次\"}, {\"label\": \"四\", \"value\": 35, \"unit\": \"个\"},"
     "{\"label\": \"五\", \"value\": 76, \"unit\": \"个\"}, {\"label\": \"六\", \"value\": 9.33, \"unit\": \"亿元\"},"
     "{\"label\": \"七\", \"value\": 11, \"unit\": \"个\"}, {\"label\": \"八\", \"value\": 0.78, \"unit\": \"亿元\"}]}\n"},
    {"020-bars.json",
     "{\"type\": \"chart\", \"chapter\": \"乙\", \"title\": \"四根柱\", \"kind\": \"bar\", \"items\": ["
     "{\"label\": \"合作资金\", \"value\": 58.58, \"unit\": \"亿元\", \"growth\": 108},"
     "{\"label\": \"投资\", \"value\": 30, \"unit\": \"亿元\"},"
     "{\"label\": \"合同\", \"value\": 9.33, \"unit\": \"亿元\", \"growth\": 408},"
     "{\"label\": \"援助\", \"value\": 0.25, \"unit\": \"亿元\", \"growth\": -10}]}\n"},
};
#define N_SLIDES (sizeof SLIDES / sizeof SLIDES[0])

static int write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fputs(text, f) >= 0;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

/* The largest channel difference between two surfaces, and where. */
static int max_diff(SDL_Surface *a, SDL_Surface *b, int *at_x, int *at_y)
{
    int worst = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch);
        for (int x = 0; x < a->w; x++) {
            if (ra[x] == rb[x])
                continue;
            for (int sh = 0; sh < 24; sh += 8) {
                int d = abs((int)((ra[x] >> sh) & 255) - (int)((rb[x] >> sh) & 255));
                if (d > worst) {
                    worst = d;
                    *at_x = x;
                    *at_y = y;
                }
            }
        }
    }
    return worst;
}

int main(void)
{
    char dir[] = "/tmp/kiosk-partial.XXXXXX";
    char slides[sizeof dir + 8];
    diag_list diags = {0};
    deck *d = NULL;
    SDL_Surface *sa = NULL, *sb = NULL;
    SDL_Renderer *ra = NULL, *rb = NULL;
    render_ctx *ca = NULL, *cb = NULL;
    if (!mkdtemp(dir)) {
        CHECK(0, "cannot make a temporary deck folder");
        return check_done();
    }
    snprintf(slides, sizeof slides, "%s/slides", dir);
    bool written = mkdir(slides, 0700) == 0 && write_file(slides, "deck.json", DECK_JSON) == 0;
    for (size_t i = 0; i < N_SLIDES && written; i++)
        written = write_file(slides, SLIDES[i][0], SLIDES[i][1]) == 0;
    CHECK(written, "cannot write the temporary deck in %s", dir);
    if (!written)
        goto done;
    d = deck_load(dir, KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d && deck_playable_count(d) == N_SLIDES, "deck: expected %zu playable slides",
          (size_t)N_SLIDES);
    if (!d || deck_playable_count(d) != N_SLIDES)
        goto done;
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        CHECK(0, "cannot start SDL / SDL_ttf: %s", SDL_GetError());
        goto done;
    }
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
    render_set_partial(ca, true);
    chapters table;
    if (chapters_build(d, &table) != 0) {
        CHECK(0, "cannot build the chapter table");
        goto done;
    }

    for (size_t k = 0; k < N_SLIDES; k++) {
        int partial_frames = 0, checked = 0;
        long long biggest = 0;
        bool settled_empty = false;
        for (long long t = 0; t <= 2600; t += 40) {
            player_view v = {.to = k, .to_elapsed_ms = t};
            render_overlay ov = {.chapters = &table, .current_chapter = (int)k};
            frame_status st = render_frame(ca, &v, &ov);
            SDL_RenderFlush(ra);
            const region_set *ch = render_changed(ca);
            if (!ch->full) {
                partial_frames++;
                if (regions_area(ch) > biggest)
                    biggest = regions_area(ch);
                if (!frame_status_changing(st) && ch->n == 0)
                    settled_empty = true;
            }
            render_frame(cb, &v, &ov);
            SDL_RenderFlush(rb);
            int x = 0, y = 0, diff = max_diff(sa, sb, &x, &y);
            CHECK(diff <= MAX_CHANNEL_DIFF,
                  "%s at %lld ms: the partial frame differs from the whole one by %d at (%d, %d)",
                  SLIDES[k][0], t, diff, x, y);
            checked++;
        }
        CHECK(partial_frames >= checked - 2, "%s: expected all frames but the first partial, got %d of %d",
              SLIDES[k][0], partial_frames, checked);
        CHECK(biggest > 0 && biggest < (long long)OUT_W * OUT_H / 2,
              "%s: the changed rectangles should be a part of the screen, at most %lld of %d pixels",
              SLIDES[k][0], biggest, OUT_W * OUT_H);
        CHECK(settled_empty, "%s: once everything landed, a frame should change nothing", SLIDES[k][0]);
    }

    /* A pause mark appearing is a whole frame. */
    player_view v = {.to = 0, .to_elapsed_ms = 5000, .paused = true};
    render_overlay ov = {.chapters = &table, .paused = true, .current_chapter = 0};
    render_frame(ca, &v, &ov);
    CHECK(render_changed(ca)->full, "the pause mark appearing redraws the whole frame");

    /* A layer drawn ahead (render_prepare, between frames of a still slide)
     * is drawn off screen, and the fade that uses it is the picture a layer
     * drawn inside the frame gives. */
    render_ctx *cc = render_new(ra, d, OUT_W, OUT_H, false, &err);
    render_ctx *cd = render_new(rb, d, OUT_W, OUT_H, false, &err);
    CHECK(cc && cd, "cannot start rendering: %s", err ? err : SDL_GetError());
    if (cc && cd) {
        player_view still = {.to = 0, .to_elapsed_ms = 5000};
        render_overlay first = {.chapters = &table, .current_chapter = 0};
        render_frame(cc, &still, &first);
        SDL_RenderFlush(ra);
        SDL_Surface *before = SDL_DuplicateSurface(sa);
        render_prepare(cc, 1);
        SDL_RenderFlush(ra);
        int x = 0, y = 0;
        CHECK(before && max_diff(before, sa, &x, &y) == 0,
              "drawing the next slide's layer ahead changed the screen at (%d, %d)", x, y);
        SDL_FreeSurface(before);
        player_view fade = {.to = 1, .to_elapsed_ms = 400, .transitioning = true, .from = 0,
                            .from_elapsed_ms = 5400, .transition = TRANSITION_FADE,
                            .progress = 0.5, .direction = 1};
        render_frame(cc, &fade, &first);
        SDL_RenderFlush(ra);
        render_frame(cd, &fade, &first);
        SDL_RenderFlush(rb);
        int diff = max_diff(sa, sb, &x, &y);
        CHECK(diff <= MAX_CHANNEL_DIFF,
              "the fade onto a layer drawn ahead differs by %d at (%d, %d) from one drawn in the frame",
              diff, x, y);
    }
    render_free(cc);
    render_free(cd);

    /* A fade blended straight from the still layers into the screen is the
     * picture the two full-screen targets give: one slide still and the
     * other counting, both moving, either way round, early and late. */
    /* On an ARGB8888 picture (--render) and on an RGB888 one (an X11
     * window's surface), each against targets on a picture of its kind. */
    static const struct {
        size_t from, to;
        long long from_ms, to_ms;
        double progress;
    } FADES[] = {
        {0, 1, 5000, 100, 0.1}, {0, 1, 5000, 400, 0.5}, {0, 1, 5000, 700, 0.9},
        {1, 0, 300, 200, 0.3},  {1, 0, 900, 600, 0.75}, {1, 0, 5000, 0, 0.0},
        {0, 1, 250, 5000, 1.0},
    };
    static const Uint32 SCREEN_FORMATS[] = {SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB888};
    for (size_t f = 0; f < sizeof SCREEN_FORMATS / sizeof SCREEN_FORMATS[0]; f++) {
        SDL_Surface *se_s = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SCREEN_FORMATS[f]);
        SDL_Surface *sf_s = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SCREEN_FORMATS[f]);
        SDL_Renderer *re = se_s ? SDL_CreateSoftwareRenderer(se_s) : NULL;
        SDL_Renderer *rf = sf_s ? SDL_CreateSoftwareRenderer(sf_s) : NULL;
        render_ctx *ce = re ? render_new(re, d, OUT_W, OUT_H, false, &err) : NULL;
        render_ctx *cf = rf ? render_new(rf, d, OUT_W, OUT_H, false, &err) : NULL;
        CHECK(ce && cf, "cannot start rendering: %s", err ? err : SDL_GetError());
        if (ce && cf)
            render_set_screen(ce, se_s);
        for (size_t i = 0; ce && cf && i < sizeof FADES / sizeof FADES[0]; i++) {
            player_view fade = {.to = FADES[i].to, .to_elapsed_ms = FADES[i].to_ms,
                                .transitioning = true, .from = FADES[i].from,
                                .from_elapsed_ms = FADES[i].from_ms,
                                .transition = TRANSITION_FADE, .progress = FADES[i].progress,
                                .direction = 1};
            render_overlay fov = {.chapters = &table, .current_chapter = (int)FADES[i].to};
            frame_status se = render_frame(ce, &fade, &fov);
            SDL_RenderFlush(re);
            frame_status sf = render_frame(cf, &fade, &fov);
            SDL_RenderFlush(rf);
            int x = 0, y = 0, diff = max_diff(se_s, sf_s, &x, &y);
            CHECK(diff <= FADE_CHANNEL_DIFF,
                  "%s fade row %zu (slide %zu at %lld ms to %zu at %lld ms, %.2f): blended from "
                  "the layers it differs by %d at (%d, %d) from the targets' composition",
                  SDL_GetPixelFormatName(SCREEN_FORMATS[f]), i, FADES[i].from + 1,
                  FADES[i].from_ms, FADES[i].to + 1, FADES[i].to_ms, FADES[i].progress, diff, x,
                  y);
            CHECK(se.moving && sf.moving && se.decoding == sf.decoding,
                  "fade row %zu: expected both ways to report a moving frame", i);
        }
        render_free(ce);
        render_free(cf);
        if (re)
            SDL_DestroyRenderer(re);
        if (rf)
            SDL_DestroyRenderer(rf);
        SDL_FreeSurface(se_s);
        SDL_FreeSurface(sf_s);
    }
    chapters_free(&table);

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
    for (size_t i = 0; i < N_SLIDES; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", slides, SLIDES[i][0]);
        unlink(path);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/deck.json", slides);
    unlink(path);
    rmdir(slides);
    rmdir(dir);
    TTF_Quit();
    SDL_Quit();
    return check_done();
}
