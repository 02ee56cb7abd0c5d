/* gesture: pointer scripts (down / move / up / tick, with times) and the
 * action expected after each step. The picture is 1000 x 600 pixels, so the
 * tap slop (GESTURE_SLOP_FRACTION) is 20 px and dx_fraction is dx / 1000. */
#include <math.h>

#include "check.h"
#include "gesture.h"

#define W 1000
#define H 600
#define MAX_STEPS 16

enum { DOWN = 'd', MOVE = 'm', UP = 'u', TICK = 't', DEADLINE = 'D' };

typedef struct {
    char op;
    int x, y;
    long long t_ms; /* DEADLINE: the expected gesture_deadline() */
    gesture_kind want;
    double dx_fraction; /* DRAG and RELEASE */
    double velocity;    /* RELEASE (DRAG: 0) */
} step;

typedef struct {
    const char *name;
    step steps[MAX_STEPS]; /* ends at op == 0 */
} row;

#define NONE GESTURE_NONE
#define TAP GESTURE_TAP
#define LONG GESTURE_LONG_PRESS
/* One step each: down; a move with no action / a drag to dx; up with an
 * action / a release at dx with velocity; a tick; the expected deadline. */
#define D(x, y, t) {DOWN, x, y, t, NONE, 0, 0}
#define M(x, y, t) {MOVE, x, y, t, NONE, 0, 0}
#define MD(x, y, t, dx) {MOVE, x, y, t, GESTURE_DRAG, dx, 0}
#define U(x, y, t, want) {UP, x, y, t, want, 0, 0}
#define UR(x, y, t, dx, v) {UP, x, y, t, GESTURE_RELEASE, dx, v}
#define T(t, want) {TICK, 0, 0, t, want, 0, 0}
#define DL(t) {DEADLINE, 0, 0, t, NONE, 0, 0}

static const row ROWS[] = {
    {"a quick still touch is a tap at the point it went down",
     {D(500, 300, 0), U(505, 302, 120, TAP)}},
    {"jitter within the slop is still a tap",
     {D(500, 300, 0), M(519, 319, 50), U(510, 300, 100, TAP)}},
    {"a touch of exactly GESTURE_TAP_MAX_MS is still a tap",
     {D(500, 300, 1000), U(500, 300, 1600, TAP)}},
    {"a slow still touch is no tap",
     {D(500, 300, 1000), U(500, 300, 1601, NONE)}},
    {"a drag left: starts past the slop, follows the finger, releases leftwards",
     {D(800, 300, 0),
      M(790, 300, 16),
      MD(700, 300, 32, -0.1),
      MD(500, 310, 48, -0.3),
      /* all five samples lie within the last 100 ms: -350 px in 64 ms */
      UR(450, 300, 64, -0.35, -350.0 / W * 1000 / 64)}},
    {"a drag right releases rightwards",
     {D(200, 300, 0),
      MD(260, 290, 20, 0.06),
      MD(500, 280, 40, 0.3),
      UR(600, 280, 80, 0.4, 400.0 / W * 1000 / 80)}},
    {"the release velocity is the last 100 ms: a flick back after a slow drag",
     {D(500, 300, 0),
      MD(800, 300, 100, 0.3),
      MD(700, 300, 300, 0.2),
      MD(600, 300, 350, 0.1),
      /* from (700, 300 ms) to (580, 360 ms) */
      UR(580, 300, 360, 0.08, -120.0 / W * 1000 / 60)}},
    {"a long steady drag keeps only recent samples: 3 px/ms is 3 widths/s",
     {D(100, 300, 0),
      MD(130, 300, 10, 0.03),
      MD(160, 300, 20, 0.06),
      MD(190, 300, 30, 0.09),
      MD(220, 300, 40, 0.12),
      MD(250, 300, 50, 0.15),
      MD(280, 300, 60, 0.18),
      MD(310, 300, 70, 0.21),
      MD(340, 300, 80, 0.24),
      MD(370, 300, 90, 0.27),
      MD(400, 300, 100, 0.30),
      MD(430, 300, 110, 0.33),
      UR(460, 300, 120, 0.36, 3.0)}},
    {"a mostly vertical movement is no drag, and no tap either",
     {D(500, 100, 0),
      M(530, 300, 50),
      M(540, 400, 100),
      U(540, 400, 150, NONE)}},
    {"once a drag has started, vertical drift does not stop it",
     {D(500, 300, 0),
      MD(450, 300, 20, -0.05),
      MD(440, 500, 40, -0.06),
      UR(440, 500, 60, -0.06, -60.0 / W * 1000 / 60)}},
    {"a long press fires once after GESTURE_LONG_PRESS_MS; its lift is no tap",
     {D(50, 50, 100),
      DL(3100),
      T(3099, NONE),
      T(3100, LONG),
      DL(-1),
      T(3500, NONE),
      U(50, 50, 3600, NONE)}},
    {"a long press tolerates jitter within the slop",
     {D(50, 50, 0), M(65, 60, 500), T(3000, LONG)}},
    {"a finger held away from where it went down gives no long press",
     {D(500, 300, 0),
      M(500, 400, 200),
      T(3000, NONE),
      U(500, 400, 3100, NONE)}},
    {"a drag cancels the long press",
     {D(500, 300, 0),
      MD(600, 300, 100, 0.1),
      DL(-1),
      T(3100, NONE),
      UR(600, 300, 3200, 0.1, 0)}},
    {"moves and lifts without a finger down do nothing",
     {DL(-1),
      M(300, 300, 0),
      U(300, 300, 10, NONE),
      T(5000, NONE)}},
    {"a second touch starts afresh after a drag",
     {D(500, 300, 0),
      MD(300, 300, 50, -0.2),
      UR(300, 300, 100, -0.2, -200.0 / W * 1000 / 100),
      D(700, 200, 1000),
      U(700, 200, 1100, TAP)}},
};

static const char *kind_name(gesture_kind k)
{
    switch (k) {
    case GESTURE_NONE: return "none";
    case GESTURE_DRAG: return "drag";
    case GESTURE_RELEASE: return "release";
    case GESTURE_TAP: return "tap";
    case GESTURE_LONG_PRESS: return "long press";
    }
    return "?";
}

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        gesture g;
        gesture_init(&g, W, H);
        int down_x = 0, down_y = 0;
        for (size_t k = 0; k < MAX_STEPS && r->steps[k].op; k++) {
            const step *s = &r->steps[k];
            if (s->op == DEADLINE) {
                long long got = gesture_deadline(&g);
                CHECK(got == s->t_ms, "row %zu (%s) step %zu: expected deadline %lld, got %lld", i,
                      r->name, k, s->t_ms, got);
                continue;
            }
            gesture_action a;
            switch (s->op) {
            case DOWN:
                down_x = s->x, down_y = s->y;
                a = gesture_down(&g, s->x, s->y, s->t_ms);
                break;
            case MOVE: a = gesture_move(&g, s->x, s->y, s->t_ms); break;
            case UP: a = gesture_up(&g, s->x, s->y, s->t_ms); break;
            default: a = gesture_tick(&g, s->t_ms); break;
            }
            CHECK(a.kind == s->want, "row %zu (%s) step %zu (%c at %lld ms): expected %s, got %s", i,
                  r->name, k, s->op, s->t_ms, kind_name(s->want), kind_name(a.kind));
            if (a.kind != s->want)
                continue;
            if (a.kind == GESTURE_DRAG || a.kind == GESTURE_RELEASE) {
                CHECK(fabs(a.dx_fraction - s->dx_fraction) < 1e-9,
                      "row %zu (%s) step %zu: expected dx_fraction %.4f, got %.4f", i, r->name, k,
                      s->dx_fraction, a.dx_fraction);
                CHECK(fabs(a.velocity - s->velocity) < 1e-9,
                      "row %zu (%s) step %zu: expected velocity %.4f, got %.4f", i, r->name, k,
                      s->velocity, a.velocity);
            }
            if (a.kind == GESTURE_TAP || a.kind == GESTURE_LONG_PRESS)
                CHECK(a.x == down_x && a.y == down_y,
                      "row %zu (%s) step %zu: expected it at (%d,%d), got (%d,%d)", i, r->name, k,
                      down_x, down_y, a.x, a.y);
        }
    }
    return check_done();
}
