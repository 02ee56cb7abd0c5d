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
    PLAYER_CAUSE_SCHEDULE, /* the slide on screen went off by its schedule */
    PLAYER_CAUSE_BUTTON, /* the 中/EN button */
} player_cause;

typedef enum {
    PLAYER_EVENT_SHOW,   /* a slide became the current one */
    PLAYER_EVENT_PAUSE,
    PLAYER_EVENT_RESUME,
    PLAYER_EVENT_IDLE,   /* the visitor has gone: idle_timeout_ms passed since
                            the last input (cause IDLE), whether or not there
                            is anything to return from; before the idle
                            return's RESUME and SHOW. Ends a visitor session
                            in reports. */
    PLAYER_EVENT_LANGUAGE, /* the texts switched to `language` (cause
                              BUTTON or KEY; IDLE: back to the deck's
                              default, before the idle return's SHOW) */
} player_event_type;

typedef struct {
    player_event_type type;
    size_t slide; /* index into deck->slides */
    player_cause cause;
    player_ms time_ms;
    deck_lang language; /* LANGUAGE: the language now shown */
} player_event;

/* What to draw at one moment: slide `to`, or — while `transitioning` — a
 * mix of `from` and `to` at `progress`. A drag is a PUSH transition from the
 * current slide to its neighbour whose progress follows the finger. Progress
 * can also run back toward 0 (a drag springing back, a transition reversed
 * by the visitor): the renderer just draws the mix it is given. */
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
    player_ms slide_remaining_ms; /* until the automatic advance; -1 when
                                     paused or the slide has no duration */
} player_view;

typedef struct player player;

/* Creates a player showing the first playable slide at now_ms and queues a
 * SHOW event with cause START (a deck without playable slides gives a
 * player that shows nothing and ignores input). The deck must outlive the
 * player (or be replaced with player_set_deck). Returns NULL when memory
 * runs out. */
player *player_new(const deck *d, player_ms now_ms);

/* Frees the player. player_free(NULL) is a no-op. */
void player_free(player *p);

/* Tunables, in one place. */
#define PLAYER_RELEASE_MIN_MS 250  /* a released drag settles or springs back */
#define PLAYER_RELEASE_SPAN_MS 100 /* ... in MIN + SPAN * distance left */
#define PLAYER_HURRY_MS 150        /* an interrupted transition finishes in */
#define PLAYER_SETTLE_FRACTION 0.25 /* a drag past this goes to the neighbour */
#define PLAYER_FLICK_FRACTION_PER_S 0.8 /* ... and so does a faster flick */
#define PLAYER_EVENT_QUEUE 64      /* oldest events are dropped beyond this */

/* Names for the play log: "start", "auto", "swipe", "key", "chapter",
 * "idle", "reload", "schedule", "button". */
const char *player_cause_name(player_cause cause);
/* The play log's event names: "show", "pause", "resume", "idle",
 * "language". */
const char *player_event_name(player_event_type type);

/* Brings the player up to now_ms: ends transitions, advances slides whose
 * duration_ms has passed, returns to the first slide after idle. Everything
 * due is applied at the moment it was due, so a late tick (or a first tick
 * far in the future, as --render --at does) lands on exactly the state a
 * live show would have had. Every function below ticks first itself.
 *
 * Timing: a slide's duration_ms counts from the end of the transition into
 * it; its entry animations (to_elapsed_ms) from the start of that transition.
 * duration_ms <= 0 means the slide never advances by itself. */
void player_tick(player *p, player_ms now_ms);

/* Visitor navigation (cause PLAYER_CAUSE_KEY or PLAYER_CAUSE_SWIPE): the
 * next / previous playable slide, looping at both ends. Also input: resets
 * the idle timer. Works while paused, and the show stays paused.
 *
 * Interrupting a transition never jumps: going back to the slide being left
 * reverses the running transition from the picture on screen; going
 * anywhere else finishes the running one within PLAYER_HURRY_MS and then
 * starts the new one (its SHOW event comes when it starts). Repeated
 * presses during that queue up from the latest destination. */
void player_next(player *p, player_ms now_ms, player_cause cause);
void player_prev(player *p, player_ms now_ms, player_cause cause);

/* Goes to slide `index` with the incoming slide's transition. Returns -1
 * (and does nothing) when index is out of range or a broken slide. Causes
 * KEY, SWIPE and CHAPTER count as visitor input. */
int player_goto(player *p, size_t index, player_ms now_ms, player_cause cause);

/* Pauses or resumes the automatic advance; the slide's remaining time is
 * kept. Queues PAUSE or RESUME (cause KEY). Counts as visitor input. */
void player_toggle_pause(player *p, player_ms now_ms);

/* The language the slides' texts should show: the deck's default
 * (deck.language) at start. The player only decides; whoever owns the deck
 * brings its texts there (deck_show_language) when a LANGUAGE event says
 * it changed, and then calls player_texts_changed. */
deck_lang player_language(const player *p);

/* The visitor switches to the other language (cause BUTTON or KEY): queues
 * LANGUAGE. Counts as input, and the idle return switches back to the
 * deck's default (LANGUAGE with cause IDLE). */
void player_toggle_language(player *p, player_ms now_ms, player_cause cause);

/* The deck's texts changed language in place: the chapter table (which
 * borrows the names) is built again. -1 when memory runs out. */
int player_texts_changed(player *p);

/* Any input at all: resets the idle timer.
 *
 * Idle return: deck->idle_timeout_ms after the last input (touch, drag,
 * key), if the visitor changed something (moved, paused, switched the
 * language) and the show is not already on the first slide, running, in
 * the deck's language, the player resumes (RESUME, cause IDLE), switches
 * back to the default language (LANGUAGE, cause IDLE) and goes to the
 * first playable slide (SHOW, cause IDLE). No
 * idle return while a finger is down. */
void player_touch(player *p, player_ms now_ms);

/* A finger moved by dx_fraction of the canvas width since it went down
 * (negative: to the left, pulling in the next slide). The neighbour follows
 * the finger; the automatic advance waits while a finger is down. A drag
 * that starts during a transition hurries it and takes over from where the
 * finger is when it has finished, so the picture never jumps. */
void player_drag(player *p, double dx_fraction, player_ms now_ms);

/* The finger lifted with velocity (fraction of the width per second, same
 * sign as dx). Past PLAYER_SETTLE_FRACTION, or flicked faster than
 * PLAYER_FLICK_FRACTION_PER_S the same way, the neighbour becomes current
 * (SHOW, cause SWIPE); otherwise the slide springs back. Either way the
 * picture eases out from where the finger left it. */
void player_release(player *p, double velocity_fraction_per_s,
                    player_ms now_ms);

/* What to draw at now_ms (ticks first). */
player_view player_view_at(player *p, player_ms now_ms);

/* When the player next changes by itself: now_ms while anything animates,
 * else the earliest of automatic advance and idle return, LLONG_MAX when
 * nothing is scheduled. Entry animations of the slide (anim.h) are the
 * renderer's to add. */
player_ms player_next_deadline(const player *p, player_ms now_ms);

/* Takes the oldest queued event into *ev; returns false when none is left. */
bool player_poll_event(player *p, player_event *ev);

/* Replaces the deck after a reload. Keeps the slide index when it is still
 * playable (else the next playable one), restarts its entry animation and
 * queues SHOW with cause RELOAD. Cancels transitions; keeps pause. The old
 * deck is not touched, so it may already be freed. Returns -1 when memory
 * for the chapter table runs out (the player then knows no chapters). */
int player_set_deck(player *p, const deck *d, player_ms now_ms);

/* The same for a deck that changed on disk, where slide indices moved:
 * `keep` is the index in d of the slide to be on (the current one under its
 * new index, or where it was). same_slide: that slide did not change, so it
 * stays exactly as it is on screen (its timers and animations go on, no
 * event) — unless a transition or drag runs, when it is replaced like any
 * other. Otherwise as player_set_deck, from `keep`. */
int player_replace_deck(player *p, const deck *d, size_t keep, bool same_slide, player_ms now);

/* Which slides may be shown from now on: on[i] for each slide of the deck
 * (copied; NULL, or a mask with no playable slide on, means all of them).
 * Slides that are off are skipped like broken ones: by the automatic
 * advance, next / previous, idle return (which goes to the first slide
 * that is on) and chapter jumps (to the chapter's first slide that is on).
 * When the slide on screen, or arriving, is off it moves on to the next
 * one that is on (SHOW, cause SCHEDULE). A change due at now_ms itself (an
 * automatic advance) comes after the mask, so it skips what went off. A new deck (player_set_deck,
 * player_replace_deck) starts with all on again. Returns -1 when memory
 * runs out (the mask is then unchanged). */
int player_set_on(player *p, const bool *on, player_ms now);

/* The current slide: the one shown, or arriving, or queued to arrive.
 * Meaningless (0) when the deck has no playable slide. */
size_t player_current(const player *p);

/* The slides that can come on screen next, for prefetching: the next and
 * the previous playable slide and the one idle return goes to, each once,
 * none the current one. Writes up to PLAYER_UPCOMING_MAX indexes to out
 * and returns how many. */
#define PLAYER_UPCOMING_MAX 3
size_t player_upcoming(const player *p, size_t out[PLAYER_UPCOMING_MAX]);
bool player_paused(const player *p);

/* The deck's chapter table (chapters.h), built when the deck was given:
 * the chapter bar draws it, so a slot's index is the index a jump takes. */
typedef struct chapters chapters;
const chapters *player_chapters(const player *p);
/* Shortcuts into that table. */
size_t player_chapter_count(const player *p);
const char *player_chapter_name(const player *p, size_t i);
size_t player_chapter_first_slide(const player *p, size_t i);
/* The current slide's chapter, -1 before the first chapter. */
int player_current_chapter(const player *p);
/* Goes to the first slide of chapter i that is on (cause CHAPTER); -1 if
 * no such chapter, or none of its slides is on. */
int player_goto_chapter(player *p, size_t i, player_ms now_ms);

#endif
