/* Frame pacing: the vsync probe decides by measurement, the clock grid
 * gives one frame per refresh and never a burst after a slow frame. */
#include "check.h"
#include "pace.h"

typedef enum { WAIT, PRESENT, PRESENT_AFTER_WAIT, STILL } step_kind;

typedef struct {
    step_kind kind;
    double t_ms;
    double want; /* WAIT: the wait expected */
} step;

typedef struct {
    const char *name;
    double hz;
    bool vsync_claimed;
    step steps[24];
    bool want_by_clock; /* at the end */
} script;

/* 60 Hz: a refresh is 16.667 ms. */
static const script scripts[] = {
    {"no vsync claimed: a grid from the first frame",
     60, false,
     {{WAIT, 0, 0}, {WAIT, 5, 11.667}, {WAIT, 16.667, 0}, {WAIT, 20, 13.333},
      {WAIT, 33.4, 0}, {WAIT, 34, 16.0}},
     true},
    {"a slow frame is drawn at once and restarts the grid (no burst)",
     60, false,
     {{WAIT, 0, 0}, {WAIT, 16.667, 0}, {WAIT, 80, 0}, {WAIT, 81, 15.667}},
     true},
    {"a late frame within a refresh keeps the grid",
     60, false,
     {{WAIT, 0, 0}, {WAIT, 25, 0}, {WAIT, 26, 7.333}},
     true},
    {"after a still spell the grid starts anew",
     60, false,
     {{WAIT, 0, 0}, {STILL, 1, 0}, {WAIT, 5000.5, 0}, {WAIT, 5001.5, 15.667}},
     true},
    {"vsync claimed and presents come a refresh apart: the display paces",
     60, true,
     {{PRESENT, 0, 0}, {PRESENT, 16.6, 0}, {PRESENT, 33.3, 0}, {PRESENT, 50.0, 0},
      {PRESENT, 66.6, 0}, {PRESENT, 83.3, 0}, {PRESENT, 100.0, 0}, {PRESENT, 116.6, 0},
      {PRESENT, 133.3, 0}, {WAIT, 134, 0}},
     false},
    {"vsync claimed but presents return at once: paced by the clock",
     60, true,
     {{WAIT, 0, 0}, {PRESENT, 2, 0}, {PRESENT, 4, 0}, {PRESENT, 6, 0}, {PRESENT, 8, 0},
      {PRESENT, 10, 0}, {PRESENT, 12, 0}, {PRESENT, 14, 0}, {WAIT, 15, 0}, {PRESENT, 16, 0},
      {PRESENT, 18, 0}, {WAIT, 19, 0}, {WAIT, 20, 15.667}},
     true},
    {"frames that waited for input do not count as probes",
     60, true,
     {{PRESENT, 0, 0}, {PRESENT_AFTER_WAIT, 2, 0}, {PRESENT_AFTER_WAIT, 4, 0},
      {PRESENT_AFTER_WAIT, 6, 0}, {PRESENT_AFTER_WAIT, 8, 0}, {PRESENT_AFTER_WAIT, 10, 0},
      {PRESENT_AFTER_WAIT, 12, 0}, {PRESENT_AFTER_WAIT, 14, 0}, {PRESENT_AFTER_WAIT, 16, 0},
      {WAIT, 17, 0}, {WAIT, 18, 0}},
     false},
    {"a display that says nothing is taken as 60 Hz",
     0, false,
     {{WAIT, 0, 0}, {WAIT, 1, 15.667}},
     true},
    {"120 Hz: half the wait",
     120, false,
     {{WAIT, 0, 0}, {WAIT, 1, 7.333}},
     true},
};

int main(void)
{
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        const script *sc = &scripts[i];
        pace p;
        pace_init(&p, sc->hz, sc->vsync_claimed);
        for (int k = 0; k < 24; k++) {
            const step *st = &sc->steps[k];
            if (k > 0 && st->t_ms == 0 && st->kind == WAIT && st->want == 0)
                break; /* end of the script */
            switch (st->kind) {
            case WAIT: {
                double got = pace_wait_ms(&p, st->t_ms);
                double d = got - st->want;
                CHECK(d > -0.01 && d < 0.01, "%s, step %d at %.1f ms: expected a wait of %.3f, got %.3f",
                      sc->name, k, st->t_ms, st->want, got);
                break;
            }
            case PRESENT: pace_presented(&p, st->t_ms, true); break;
            case PRESENT_AFTER_WAIT: pace_presented(&p, st->t_ms, false); break;
            case STILL: pace_still(&p); break;
            }
        }
        CHECK(pace_by_clock(&p) == sc->want_by_clock, "%s: expected %s pacing at the end", sc->name,
              sc->want_by_clock ? "clock" : "display");
    }
    return check_done();
}
