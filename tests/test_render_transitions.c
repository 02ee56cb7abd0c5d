/* Transitions as pixels: two slides with clearly different backgrounds (red
 * and blue), rendered headless mid-transition, and sampled where each slide
 * must (or must not) show. Samples are classified by which channel
 * dominates, not by exact values, so the background's darkening toward the
 * bottom and the blending's rounding do not matter. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "deck.h"
#include "render.h"

#define OUT_W 640
#define OUT_H 360

/* The "from" slide is red, the "to" slide blue; a tiny body keeps the text
 * in the top-left corner, away from every sample point. No chapters: no
 * chapter bar along the bottom. */
static const char DECK_JSON[] = "{\"title\": \"transitions\", \"transition\": \"fade\"}\n";
static const char SLIDE_FROM[] = "{\"type\": \"text\", \"body\": \".\", \"background\": \"#d02020\"}\n";
static const char SLIDE_TO[] = "{\"type\": \"text\", \"body\": \".\", \"background\": \"#2040d0\"}\n";

typedef enum { FROM = 'F', TO = 'T', MIX = 'M', OTHER = '?' } seen;

/* Red-dominant is the outgoing slide, blue-dominant the incoming one, both
 * channels in the middle a blend of the two. */
static seen classify(Uint8 r, Uint8 g, Uint8 b)
{
    (void)g;
    if (r > b + 70)
        return FROM;
    if (b > r + 70)
        return TO;
    if (abs((int)r - (int)b) < 45 && r > 60 && b > 60)
        return MIX;
    return OTHER;
}

typedef struct {
    int x, y;
    seen want;
} sample;

typedef struct {
    transition_type type;
    double progress;
    int direction;
    sample samples[4]; /* ends at want == 0 */
} row;

/* Left and right halves at mid height: below the body text, above the
 * bottom's deepest shade. */
#define LEFT(w) {OUT_W / 4, OUT_H / 2, w}
#define RIGHT(w) {OUT_W * 3 / 4, OUT_H / 2, w}
#define CENTRE(w) {OUT_W / 2, OUT_H / 2, w}

static const row ROWS[] = {
    /* Fade: the incoming slide at half opacity over the outgoing one. */
    {TRANSITION_FADE, 0.5, +1, {LEFT(MIX), RIGHT(MIX), CENTRE(MIX)}},
    {TRANSITION_FADE, 0.0, +1, {LEFT(FROM), RIGHT(FROM)}},
    {TRANSITION_FADE, 1.0, +1, {LEFT(TO), RIGHT(TO)}},
    /* Push forward: the outgoing slide leaves to the left, the incoming one
     * follows from the right; backward the other way round. */
    {TRANSITION_PUSH, 0.5, +1, {LEFT(FROM), RIGHT(TO)}},
    {TRANSITION_PUSH, 0.5, -1, {LEFT(TO), RIGHT(FROM)}},
    {TRANSITION_PUSH, 0.25, +1, {{OUT_W / 2, OUT_H / 2, FROM}, {OUT_W - 40, OUT_H / 2, TO}}},
    {TRANSITION_PUSH, 0.0, +1, {LEFT(FROM), RIGHT(FROM)}},
    {TRANSITION_PUSH, 1.0, +1, {LEFT(TO), RIGHT(TO)}},
    /* Wipe: the incoming slide is uncovered from the side it comes from. */
    {TRANSITION_WIPE, 0.5, +1, {LEFT(FROM), RIGHT(TO)}},
    {TRANSITION_WIPE, 0.5, -1, {LEFT(TO), RIGHT(FROM)}},
    {TRANSITION_WIPE, 0.0, +1, {LEFT(FROM), RIGHT(FROM)}},
    {TRANSITION_WIPE, 1.0, +1, {LEFT(TO), RIGHT(TO)}},
    /* Zoom: the incoming slide grows from 92 % at half opacity over the
     * outgoing one, which still fills the edges the incoming one leaves. */
    {TRANSITION_ZOOM, 0.5, +1, {CENTRE(MIX), LEFT(MIX), {3, OUT_H / 2, FROM}, {OUT_W / 2, 3, FROM}}},
    {TRANSITION_ZOOM, 0.0, +1, {CENTRE(FROM), {3, OUT_H / 2, FROM}}},
    {TRANSITION_ZOOM, 1.0, +1, {CENTRE(TO), {3, OUT_H / 2, TO}}},
    /* None is a cut: only the incoming slide, whatever the progress (the
     * player never runs a "none" transition over time). */
    {TRANSITION_NONE, 0.5, +1, {LEFT(TO), RIGHT(TO), CENTRE(TO)}},
    {TRANSITION_NONE, 1.0, +1, {LEFT(TO), RIGHT(TO)}},
};

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

static void remove_deck(const char *dir)
{
    static const char *const files[] = {"deck.json", "010-from.json", "020-to.json"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/slides/%s", dir, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/slides", dir);
    rmdir(path);
    rmdir(dir);
}

static SDL_Color pixel_at(SDL_Surface *s, int x, int y)
{
    const Uint8 *row_bytes = (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch;
    Uint32 px;
    memcpy(&px, row_bytes + (size_t)x * 4, sizeof px);
    SDL_Color c;
    SDL_GetRGBA(px, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

int main(void)
{
    char dir[] = "/tmp/kiosk-transitions.XXXXXX";
    char slides[sizeof dir + 8];
    diag_list diags = {0};
    deck *d = NULL;
    SDL_Surface *surface = NULL;
    SDL_Renderer *r = NULL;
    render_ctx *rc = NULL;
    bool made_dir = false;

    if (!mkdtemp(dir)) {
        CHECK(0, "cannot make a temporary deck folder");
        goto done;
    }
    made_dir = true;
    snprintf(slides, sizeof slides, "%s/slides", dir);
    if (mkdir(slides, 0700) != 0 || write_file(slides, "deck.json", DECK_JSON) != 0 ||
        write_file(slides, "010-from.json", SLIDE_FROM) != 0 ||
        write_file(slides, "020-to.json", SLIDE_TO) != 0) {
        CHECK(0, "cannot write the temporary deck in %s", dir);
        goto done;
    }
    d = deck_load(dir, KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d && d->n_slides == 2 && deck_playable_count(d) == 2,
          "deck: expected 2 playable slides, got %zu", d ? deck_playable_count(d) : 0);
    CHECK(diag_count(&diags, DIAG_ERROR) == 0, "deck: expected no errors, got %zu",
          diag_count(&diags, DIAG_ERROR));
    if (!d || deck_playable_count(d) != 2)
        goto done;

    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        CHECK(0, "cannot start SDL / SDL_ttf: %s", SDL_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    surface = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    const char *err = NULL;
    rc = r ? render_new(r, d, OUT_W, OUT_H, false, &err) : NULL;
    if (!rc) {
        CHECK(0, "cannot start rendering: %s", err ? err : SDL_GetError());
        goto done;
    }

    /* Without a transition each slide shows alone: the colours the rows
     * below tell apart really are the two slides'. */
    for (size_t k = 0; k < 2; k++) {
        player_view v = {.to = k, .to_elapsed_ms = 5000};
        frame_status st = render_frame(rc, &v, NULL);
        CHECK(!st.moving && !st.decoding,
              "slide %zu alone: a still text slide must report a frame that does not change", k + 1);
        SDL_RenderPresent(r);
        SDL_Color c = pixel_at(surface, OUT_W / 2, OUT_H / 2);
        seen got = classify(c.r, c.g, c.b);
        seen want = k == 0 ? FROM : TO;
        CHECK(got == want, "slide %zu alone: expected %c, got %c (rgb %d,%d,%d)", k + 1, want, got,
              c.r, c.g, c.b);
    }

    /* Every row twice: composed through render targets, then with the
     * screen surface known (a fade blended from the still layers). */
    for (size_t i = 0; i < 2 * sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *t = &ROWS[i % (sizeof ROWS / sizeof ROWS[0])];
        render_set_screen(rc, i >= sizeof ROWS / sizeof ROWS[0] ? surface : NULL);
        player_view v = {
            .to = 1,
            .to_elapsed_ms = 5000,
            .transitioning = true,
            .from = 0,
            .from_elapsed_ms = 5000,
            .transition = t->type,
            .progress = t->progress,
            .direction = t->direction,
        };
        bool moving = render_frame(rc, &v, NULL).moving;
        SDL_RenderPresent(r);
        CHECK(moving, "row %zu (%s %.2f): expected a frame mid-transition to report movement", i,
              deck_transition_name(t->type), t->progress);
        for (size_t k = 0; k < 4 && t->samples[k].want; k++) {
            const sample *s = &t->samples[k];
            SDL_Color c = pixel_at(surface, s->x, s->y);
            seen got = classify(c.r, c.g, c.b);
            CHECK(got == s->want,
                  "row %zu (%s, progress %.2f, direction %+d) at (%d,%d): expected %c, got %c "
                  "(rgb %d,%d,%d)",
                  i, deck_transition_name(t->type), t->progress, t->direction, s->x, s->y,
                  s->want, got, c.r, c.g, c.b);
        }
    }

done:
    render_free(rc);
    if (r)
        SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    if (TTF_WasInit())
        TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    deck_free(d);
    diag_list_clear(&diags);
    if (made_dir)
        remove_deck(dir);
    return check_done();
}
