#ifndef KIOSK_PLAYER_STATE_H
#define KIOSK_PLAYER_STATE_H

/* The player's inside, shared by player.c (the state machine: timers,
 * moves, idle return, events, decks) and player_motion.c (transition
 * pictures, drags, the view). Nothing else includes this header. */

#include <limits.h>

#include "chapters.h"
#include "player.h"

#define NO_SINCE LLONG_MIN /* a slide not yet entered: elapsed stays 0 */

typedef struct {
    bool active;
    size_t from, to;
    player_ms from_since, to_since; /* entry-animation clocks of both */
    transition_type type;
    player_ms start_ms, duration_ms;
    double p0, p1;     /* picture at start and end; p1 is 0 or 1 */
    bool from_rest;    /* started at 0: the type's own curve, else ease-out */
    bool release;      /* a released drag: durations from the release rule */
    player_ms full_ms; /* duration of a whole 0..1 run */
    bool hurried;
    int direction;
} transition_state;

typedef enum { DRAG_NONE, DRAG_WAIT, DRAG_ACTIVE } drag_state;

struct player {
    const deck *d;
    bool has_slide;
    size_t first; /* first playable slide: where idle returns */
    size_t cur;
    player_ms cur_since;
    transition_state tr;

    bool has_pending; /* a move waiting for a hurried transition */
    size_t pending;
    int pending_direction;
    player_cause pending_cause;

    /* Automatic advance: `remaining_ms` of the slide's duration are left,
     * counting from timer_start_ms while running (which may be in the
     * future: the end of the transition). -1: never advances. */
    bool paused;
    bool timer_running;
    player_ms timer_start_ms, remaining_ms;

    player_ms last_input_ms;
    bool visitor_moved; /* idle return has something to undo */
    bool visitor_here;  /* input since the last IDLE event */

    drag_state drag;
    double drag_dx, drag_offset;

    chapters chapters; /* built from d by chapters_build */
    bool *on; /* per slide of d: on by its schedule (player_set_on); NULL: all */
    deck_lang lang;    /* the language the texts should show */

    player_event events[PLAYER_EVENT_QUEUE];
    size_t event_head, event_count;
};

/* ---- player.c ---- */

/* A visitor's input at now: ticks up to now, restarts the idle clock. */
void player_input(player *p, player_ms now);
/* The playable slide `step` places after i (+1 or -1), looping; i itself
 * when it is the only one. */
size_t player_neighbour(const player *p, size_t i, int step);
/* A visitor's step to the neighbour of where the player is heading. */
void player_visitor_step(player *p, int step, player_ms now, player_cause cause);
/* Slide i became the current one at `t`: its entry animation counts from
 * `since`, its duration from `settle_at`. */
void player_become_current(player *p, size_t i, player_ms t, player_ms since,
                           player_ms settle_at, player_cause cause);
void player_timer_stop(player *p, player_ms now);
/* Runs the timer from `from` (now, or the end of a running transition). */
void player_timer_run(player *p, player_ms from);
/* When the current slide advances on its own; LLONG_MAX: never. */
player_ms player_advance_at(const player *p);

/* ---- player_motion.c ---- */

/* The picture's progress (0: `from`, 1: `to`) at t. */
double player_transition_progress(const transition_state *tr, player_ms t);
/* How long the running picture takes to cover `distance` of a 0..1 run. */
player_ms player_transition_run_ms(const transition_state *tr, double distance);
player_ms player_transition_end(const transition_state *tr);
/* An interrupted transition finishes within PLAYER_HURRY_MS from where
 * its picture is at t; once. */
void player_transition_hurry(transition_state *tr, player_ms t);

#endif
