/* gesture — a finger (or a mouse button: cheap touch panels arrive as an
 * absolute mouse) turned into taps, horizontal drags and long presses.
 *
 * Pure: positions are in the picture's pixels (after any --rotate), times in
 * milliseconds, both passed in. */
#ifndef KIOSK_GESTURE_H
#define KIOSK_GESTURE_H

#include <stdbool.h>

#define GESTURE_SLOP_FRACTION 0.02  /* of the width: movement still a tap */
#define GESTURE_TAP_MAX_MS 600      /* a longer touch that did not move is no tap */
#define GESTURE_LONG_PRESS_MS 3000  /* staff overlay */
#define GESTURE_VELOCITY_WINDOW_MS 100

typedef enum {
    GESTURE_NONE,
    GESTURE_DRAG,       /* dx_fraction: the finger's offset since it went down */
    GESTURE_RELEASE,    /* the drag ended: dx_fraction and velocity */
    GESTURE_TAP,        /* x, y */
    GESTURE_LONG_PRESS, /* x, y: held still for GESTURE_LONG_PRESS_MS */
} gesture_kind;

typedef struct {
    gesture_kind kind;
    double dx_fraction; /* of the width; negative = moved left */
    double velocity;    /* fraction of the width per second */
    int x, y;
} gesture_action;

typedef struct {
    int width, height;
    bool down, dragging, long_fired;
    int x0, y0, x, y;
    long long t0;
    /* recent samples for the release velocity */
    int sx[8];
    long long st[8];
    int n_samples;
} gesture;

void gesture_init(gesture *g, int width, int height);
gesture_action gesture_down(gesture *g, int x, int y, long long t_ms);
gesture_action gesture_move(gesture *g, int x, int y, long long t_ms);
gesture_action gesture_up(gesture *g, int x, int y, long long t_ms);
/* Fires the long press when it is due. */
gesture_action gesture_tick(gesture *g, long long t_ms);
/* When gesture_tick next has something to say; -1 when nothing is pending. */
long long gesture_deadline(const gesture *g);

#endif
