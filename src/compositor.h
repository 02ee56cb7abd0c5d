/* compositor — where the two pictures of a transition go: for a transition
 * type, its progress and direction, the copies of the outgoing and incoming
 * slides (source part, destination rectangle, opacity) in drawing order.
 * Pure rectangle maths, no SDL: the renderer performs the copies. */
#ifndef KIOSK_COMPOSITOR_H
#define KIOSK_COMPOSITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef enum { COMPOSE_FROM, COMPOSE_TO } compose_layer;

typedef struct {
    compose_layer layer;
    bool whole;           /* the whole picture, or only src */
    int src_x, src_y, src_w, src_h; /* output pixels, when !whole */
    float x, y, w, h;     /* destination, output pixels */
    double alpha;         /* 0..1 */
} compose_copy;

#define COMPOSE_MAX_COPIES 2

/* Fills out[] with the copies that make the transition's frame at
 * progress (clamped to 0..1) on an out_w x out_h output; direction > 0
 * moves forward, < 0 back. Returns how many copies there are. */
size_t compositor_plan(transition_type type, double progress, int direction, int out_w, int out_h,
                       compose_copy out[COMPOSE_MAX_COPIES]);

#endif
