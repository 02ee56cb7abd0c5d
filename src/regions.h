/* regions — the parts of the screen a frame changes.
 *
 * A frame step adds the screen rectangles of what moves (a counting figure,
 * a growing bar, the paused mark); the painter repaints only those and the
 * presenter sends only those to the screen. Overlapping or touching
 * rectangles merge; past REGIONS_MAX, or when the rectangles cover more than
 * REGIONS_FULL_FRACTION of the screen, the set becomes the whole screen
 * (one big copy is cheaper than many that add up to it). Pure. */
#ifndef KIOSK_REGIONS_H
#define KIOSK_REGIONS_H

#include <stdbool.h>

#define REGIONS_MAX 16
#define REGIONS_FULL_FRACTION 0.6

typedef struct {
    int x, y, w, h;
} region_rect;

typedef struct {
    int screen_w, screen_h;
    bool full;
    int n;
    region_rect r[REGIONS_MAX];
} region_set;

/* An empty set on a screen_w x screen_h screen. */
void regions_clear(region_set *s, int screen_w, int screen_h);

/* Adds a rectangle, clipped to the screen (an empty one adds nothing). */
void regions_add(region_set *s, region_rect r);

/* The whole screen changes (a fade, a push, a zoom, a new slide). */
void regions_add_full(region_set *s);

bool regions_empty(const region_set *s);

/* Pixels covered (the rectangles never overlap). */
long long regions_area(const region_set *s);

/* The smallest rectangle holding both; either may be empty (w or h <= 0). */
region_rect regions_union(region_rect a, region_rect b);

#endif
