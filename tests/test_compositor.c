/* The transition compositor without SDL: for each transition, progress and
 * direction, the exact copies of the outgoing (F) and incoming (T) slides on
 * a 200x100 output. Then, for every transition, the contract at the ends:
 * at 0 the outgoing slide fills the screen and the incoming one is not
 * visible; at 1 the incoming slide fills the screen, opaque, on top. */
#include <math.h>

#include "check.h"
#include "compositor.h"

#define W 200
#define H 100

typedef struct {
    char layer; /* 'F' or 'T' */
    int src_w;  /* 0: the whole picture; else src is (src_x, 0, src_w, H) */
    int src_x;
    float x, y, w, h;
    double alpha;
} want_copy;

typedef struct {
    transition_type type;
    double progress;
    int direction;
    size_t n;
    want_copy copies[COMPOSE_MAX_COPIES];
} row;

static const row ROWS[] = {
    {TRANSITION_FADE, 0.25, +1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 0, 0, 0, 0, W, H, 0.25}}},
    {TRANSITION_FADE, 0.25, -1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 0, 0, 0, 0, W, H, 0.25}}},
    /* Progress outside 0..1 is clamped. */
    {TRANSITION_FADE, 1.7, +1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 0, 0, 0, 0, W, H, 1}}},
    {TRANSITION_FADE, -0.3, +1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 0, 0, 0, 0, W, H, 0}}},
    /* A cut: the incoming slide at once, whatever the progress. */
    {TRANSITION_NONE, 0.1, +1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 0, 0, 0, 0, W, H, 1}}},
    /* Push: forward the outgoing slide leaves to the left, back to the right. */
    {TRANSITION_PUSH, 0.25, +1, 2, {{'F', 0, 0, -50, 0, W, H, 1}, {'T', 0, 0, 150, 0, W, H, 1}}},
    {TRANSITION_PUSH, 0.25, -1, 2, {{'F', 0, 0, 50, 0, W, H, 1}, {'T', 0, 0, -150, 0, W, H, 1}}},
    /* Any direction that is not back is forward. */
    {TRANSITION_PUSH, 0.5, 0, 2, {{'F', 0, 0, -100, 0, W, H, 1}, {'T', 0, 0, 100, 0, W, H, 1}}},
    /* Wipe: the incoming slide's own pixels uncovered from the side it
     * comes from, nothing of it before it starts. */
    {TRANSITION_WIPE, 0.25, +1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 50, 150, 150, 0, 50, H, 1}}},
    {TRANSITION_WIPE, 0.25, -1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', 50, 0, 0, 0, 50, H, 1}}},
    {TRANSITION_WIPE, 0.0, +1, 1, {{'F', 0, 0, 0, 0, W, H, 1}}},
    {TRANSITION_WIPE, 1.0, -1, 2, {{'F', 0, 0, 0, 0, W, H, 1}, {'T', W, 0, 0, 0, W, H, 1}}},
    /* Zoom: the outgoing slide grows to 104 % at half-way, the incoming one
     * from 92 % to 96 % fading in, both centred. */
    {TRANSITION_ZOOM, 0.5, +1, 2,
     {{'F', 0, 0, -4, -2, 208, 104, 1}, {'T', 0, 0, 4, 2, 192, 96, 0.5}}},
};

static bool near(double a, double b)
{
    return fabs(a - b) < 1e-3;
}

static void check_row(size_t i, const row *t)
{
    compose_copy got[COMPOSE_MAX_COPIES];
    size_t n = compositor_plan(t->type, t->progress, t->direction, W, H, got);
    const char *name = deck_transition_name(t->type);
    CHECK(n == t->n, "row %zu (%s %.2f): expected %zu copies, got %zu", i, name, t->progress, t->n, n);
    for (size_t k = 0; k < n && k < t->n; k++) {
        const want_copy *w = &t->copies[k];
        const compose_copy *c = &got[k];
        CHECK(c->layer == (w->layer == 'F' ? COMPOSE_FROM : COMPOSE_TO),
              "row %zu (%s) copy %zu: expected slide %c", i, name, k, w->layer);
        CHECK(c->whole == (w->src_w == 0), "row %zu (%s) copy %zu: expected %s picture", i, name, k,
              w->src_w ? "part of the" : "the whole");
        if (w->src_w)
            CHECK(c->src_x == w->src_x && c->src_y == 0 && c->src_w == w->src_w && c->src_h == H,
                  "row %zu (%s) copy %zu: expected source (%d,0 %dx%d), got (%d,%d %dx%d)", i, name,
                  k, w->src_x, w->src_w, H, c->src_x, c->src_y, c->src_w, c->src_h);
        CHECK(near(c->x, w->x) && near(c->y, w->y) && near(c->w, w->w) && near(c->h, w->h),
              "row %zu (%s) copy %zu: expected (%g,%g %gx%g), got (%g,%g %gx%g)", i, name, k,
              w->x, w->y, w->w, w->h, c->x, c->y, c->w, c->h);
        CHECK(near(c->alpha, w->alpha), "row %zu (%s) copy %zu: expected alpha %g, got %g", i,
              name, k, w->alpha, c->alpha);
    }
}

static bool covers_screen(const compose_copy *c)
{
    return c->x <= 0 && c->y <= 0 && c->x + c->w >= W && c->y + c->h >= H;
}

static bool invisible(const compose_copy *c)
{
    return c->alpha <= 0 || c->x >= W || c->x + c->w <= 0 || c->w <= 0;
}

/* The ends of every transition, both directions. */
static void check_ends(transition_type type, int dir)
{
    compose_copy c[COMPOSE_MAX_COPIES];
    const char *name = deck_transition_name(type);
    size_t n = compositor_plan(type, 1.0, dir, W, H, c);
    CHECK(n >= 1 && c[n - 1].layer == COMPOSE_TO && covers_screen(&c[n - 1]) && c[n - 1].alpha == 1,
          "%s %+d at 1: expected the incoming slide on top over the whole screen, opaque", name, dir);
    if (type == TRANSITION_NONE)
        return; /* a cut shows the incoming slide from the start */
    n = compositor_plan(type, 0.0, dir, W, H, c);
    bool from_fills = false, to_hidden = true;
    for (size_t k = 0; k < n; k++) {
        if (c[k].layer == COMPOSE_FROM)
            from_fills |= covers_screen(&c[k]) && c[k].alpha == 1;
        else
            to_hidden &= invisible(&c[k]);
    }
    CHECK(from_fills && to_hidden,
          "%s %+d at 0: expected only the outgoing slide, filling the screen", name, dir);
}

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++)
        check_row(i, &ROWS[i]);
    static const transition_type ALL[] = {TRANSITION_FADE, TRANSITION_PUSH, TRANSITION_WIPE,
                                          TRANSITION_ZOOM, TRANSITION_NONE};
    for (size_t i = 0; i < sizeof ALL / sizeof ALL[0]; i++) {
        check_ends(ALL[i], +1);
        check_ends(ALL[i], -1);
    }
    return check_done();
}
