/* live — the running show's ears: a thread that watches the deck folder
 * (watch.h), waits for each update to be complete (debounce.h) and listens
 * for signals, and wakes the main loop with an SDL event for each. The main
 * loop sleeps in SDL_WaitEventTimeout as before: nothing polls.
 *
 *   SIGHUP            reopen the log file, reload now as if everything changed
 *   SIGTERM, SIGINT   end the show cleanly (an `exit` event, status 0)
 *
 * Signals reach the thread through a self-pipe written by the handler (the
 * only async-signal-safe way out of a handler besides signalfd, which would
 * need every thread, SDL's included, to block the signals first). */
#ifndef KIOSK_LIVE_H
#define KIOSK_LIVE_H

#include <SDL.h>
#include <stdbool.h>

#include "debounce.h"
#include "watch.h"

typedef struct live live;

typedef enum {
    LIVE_NOTHING,
    LIVE_UPDATE, /* a complete update waits: live_take_update */
    LIVE_HANGUP, /* SIGHUP: reopen the log, and an update (all) waits */
    LIVE_QUIT,   /* SIGTERM or SIGINT: live_quit_signal says which */
} live_news;

/* Installs the signal handlers now, before the show is up: a signal that
 * comes early waits in the pipe until live_start's thread reads it. 0, or -1
 * with a message on stderr. */
int live_catch_signals(void);

/* Starts watching deck folder `dir` and installs the signal handlers
 * (SDL's own must be off: SDL_HINT_NO_SIGNAL_HANDLERS). force_poll: scan the
 * folder instead of inotify (KIOSK_WATCH=poll). SDL must be initialised.
 * Returns NULL with a message on stderr when the thread cannot start; the
 * show then runs without live reload. */
live *live_start(const char *dir, bool force_poll);

/* Stops the thread, restores the default signal handlers. NULL is a no-op. */
void live_stop(live *l);

/* What an SDL event means: LIVE_NOTHING for events that are not ours. */
live_news live_event(const live *l, const SDL_Event *e);

/* Moves the waiting update (paths changed, or all) into *out, which must
 * be empty; false when none waits (it was already taken). */
bool live_take_update(live *l, debounce *out);

/* The signal that asked the show to end: "SIGTERM", "SIGINT" or NULL. */
const char *live_quit_signal(const live *l);

/* True while the deck folder is missing (gone, moved away, unmounted). */
bool live_deck_missing(live *l);

watch_backend live_backend(live *l);

#endif
