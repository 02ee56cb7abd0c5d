#include "gesture.h"

#include <stdlib.h>
#include <string.h>

void gesture_init(gesture *g, int width, int height)
{
    memset(g, 0, sizeof *g);
    g->width = width > 0 ? width : 1;
    g->height = height > 0 ? height : 1;
}

static void sample(gesture *g, int x, long long t)
{
    if (g->n_samples == 8) {
        memmove(g->sx, g->sx + 1, 7 * sizeof g->sx[0]);
        memmove(g->st, g->st + 1, 7 * sizeof g->st[0]);
        g->n_samples--;
    }
    g->sx[g->n_samples] = x;
    g->st[g->n_samples] = t;
    g->n_samples++;
}

static double slop(const gesture *g)
{
    return g->width * GESTURE_SLOP_FRACTION;
}

gesture_action gesture_down(gesture *g, int x, int y, long long t_ms)
{
    g->down = true;
    g->dragging = false;
    g->long_fired = false;
    g->x0 = g->x = x;
    g->y0 = g->y = y;
    g->t0 = t_ms;
    g->n_samples = 0;
    sample(g, x, t_ms);
    return (gesture_action){GESTURE_NONE, 0, 0, x, y};
}

gesture_action gesture_move(gesture *g, int x, int y, long long t_ms)
{
    if (!g->down)
        return (gesture_action){GESTURE_NONE, 0, 0, x, y};
    g->x = x;
    g->y = y;
    sample(g, x, t_ms);
    int dx = x - g->x0, dy = y - g->y0;
    /* A drag starts once the finger has clearly moved sideways; a mostly
     * vertical movement is not a swipe. */
    if (!g->dragging && !g->long_fired && abs(dx) > slop(g) && abs(dx) > abs(dy))
        g->dragging = true;
    if (!g->dragging)
        return (gesture_action){GESTURE_NONE, 0, 0, x, y};
    return (gesture_action){GESTURE_DRAG, (double)dx / g->width, 0, x, y};
}

static double velocity(const gesture *g, long long t_ms)
{
    /* Over the last GESTURE_VELOCITY_WINDOW_MS: the flick, not the whole drag. */
    int first = g->n_samples - 1;
    while (first > 0 && t_ms - g->st[first - 1] <= GESTURE_VELOCITY_WINDOW_MS)
        first--;
    long long dt = g->st[g->n_samples - 1] - g->st[first];
    if (dt <= 0)
        return 0;
    return (double)(g->sx[g->n_samples - 1] - g->sx[first]) / g->width * 1000.0 / (double)dt;
}

gesture_action gesture_up(gesture *g, int x, int y, long long t_ms)
{
    if (!g->down)
        return (gesture_action){GESTURE_NONE, 0, 0, x, y};
    gesture_move(g, x, y, t_ms); /* the lift's position counts for the drag */
    g->down = false;
    if (g->dragging) {
        g->dragging = false;
        return (gesture_action){GESTURE_RELEASE, (double)(x - g->x0) / g->width,
                                velocity(g, t_ms), x, y};
    }
    int dx = x - g->x0, dy = y - g->y0;
    bool still = abs(dx) <= slop(g) && abs(dy) <= slop(g);
    if (!g->long_fired && still && t_ms - g->t0 <= GESTURE_TAP_MAX_MS)
        return (gesture_action){GESTURE_TAP, 0, 0, g->x0, g->y0};
    return (gesture_action){GESTURE_NONE, 0, 0, x, y};
}

gesture_action gesture_tick(gesture *g, long long t_ms)
{
    if (g->down && !g->dragging && !g->long_fired && t_ms - g->t0 >= GESTURE_LONG_PRESS_MS) {
        int dx = g->x - g->x0, dy = g->y - g->y0;
        if (abs(dx) <= slop(g) && abs(dy) <= slop(g)) {
            g->long_fired = true;
            return (gesture_action){GESTURE_LONG_PRESS, 0, 0, g->x0, g->y0};
        }
    }
    return (gesture_action){GESTURE_NONE, 0, 0, g->x, g->y};
}

long long gesture_deadline(const gesture *g)
{
    if (g->down && !g->dragging && !g->long_fired)
        return g->t0 + GESTURE_LONG_PRESS_MS;
    return -1;
}
