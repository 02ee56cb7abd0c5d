/* player — the show's state machine: which slide, since when, transitions,
 * drags, pause, idle return and chapter jumps.
 *
 * Pure: every function takes the current time (milliseconds on any monotonic
 * clock) as an argument, so a test can play a day of the show in a
 * millisecond. The player never draws; player_view says what to draw at a
 * moment, and the renderer draws exactly that. Broken slides (SLIDE_BROKEN)
 * are never shown; the player only moves between playable slides. */
#ifndef KIOSK_PLAYER_H
#define KIOSK_PLAYER_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

typedef long long player_ms;

typedef enum {
    PLAYER_CAUSE_START,
    PLAYER_CAUSE_AUTO,
    PLAYER_CAUSE_SWIPE,
    PLAYER_CAUSE_KEY,
    PLAYER_CAUSE_CHAPTER,
    PLAYER_CAUSE_IDLE,
    PLAYER_CAUSE_RELOAD,
} player_cause;

typedef enum {
    PLAYER_EVENT_SHOW,   /* a slide became the current one */
    PLAYER_EVENT_PAUSE,
    PLAYER_EVENT_RESUME,
} player_event_type;

typedef struct {
    player_event_type type;
    size_t slide; /* index into deck->slides */
    player_cause cause;
    player_ms time_ms;
} player_event;

/* What to draw at one moment: slide `to`, or — while `transitioning` — the
 * outgoing slide `from` giving way to `to` at `progress`. A drag is a PUSH
 * transition whose progress follows the finger. */
typedef struct {
    size_t to;                 /* incoming / current slide */
    player_ms to_elapsed_ms;   /* since `to` appeared: its entry animations */
    bool transitioning;
    size_t from;               /* outgoing slide, valid when transitioning */
    player_ms from_elapsed_ms;
    transition_type transition;
    double progress;           /* 0 (all `from`) .. 1 (all `to`), eased */
    int direction;             /* +1 moving forward, -1 back: push direction */
    bool paused;
    player_ms slide_remaining_ms; /* until the automatic advance; -1 when paused */
} player_view;

typedef struct player player;

/* Creates a player showing the first playable slide at now_ms and queues a
 * SHOW event with cause START. The deck must outlive the player (or be
 * replaced with player_set_deck). Returns NULL when memory runs out. */
player *player_new(const deck *d, player_ms now_ms);

/* Frees the player. player_free(NULL) is a no-op. */
void player_free(player *p);

#endif
