/* pace — when the live show draws its next frame: one per display refresh
 * while something moves, none while nothing does.
 *
 * A renderer that claims vsync may still not wait for the display (Xvfb,
 * the software renderer, some drivers), and then a loop that trusts it
 * draws flat out. So the first PACE_PROBE_FRAMES frames drawn back to back
 * decide it by measurement: if presents came no faster than about one per
 * refresh, the display paces us; otherwise frames are timed by the clock on
 * a grid one refresh apart. Pure: times are milliseconds on any monotonic
 * clock, passed in. */
#ifndef KIOSK_PACE_H
#define KIOSK_PACE_H

#include <stdbool.h>

#define PACE_PROBE_FRAMES 8       /* back-to-back frames that decide about vsync */
#define PACE_DEFAULT_HZ 60.0      /* when the display does not say */
#define PACE_VSYNC_MIN_FRACTION 0.85 /* presents this close to a refresh apart: vsync waits */

typedef struct {
    double period_ms;   /* one refresh */
    bool vsync_claimed; /* the renderer says it syncs */
    bool decided;
    bool vsync_blocks;  /* decided: presents wait for the display */
    int probes;         /* back-to-back intervals seen */
    double min_interval_ms;
    double last_present_ms; /* < 0: none yet, or the last one ended a still spell */
    double next_due_ms;     /* clock pacing: the grid's next slot */
} pace;

/* refresh_hz <= 0: PACE_DEFAULT_HZ. A renderer without vsync needs no
 * probing: it is paced by the clock from the first frame. */
void pace_init(pace *p, double refresh_hz, bool vsync_claimed);

/* A frame was presented at end_ms; `back_to_back` when it was drawn right
 * after the previous one, without waiting (only those tell about vsync). */
void pace_presented(pace *p, double end_ms, bool back_to_back);

/* Nothing moved for a while: the next frame starts a new grid. */
void pace_still(pace *p);

/* While something moves: how long to wait from now_ms before drawing the
 * next frame (0: draw now). A frame late by more than a refresh is drawn at
 * once and the grid restarts there, so a slow frame never causes a burst. */
double pace_wait_ms(pace *p, double now_ms);

/* True when pacing is by the clock (decided, or no vsync claimed). */
bool pace_by_clock(const pace *p);

#endif
