/* watch — notices changes under a deck folder and notes them in a debounce
 * batch.
 *
 * With inotify it watches the deck folder, every folder under it (slides/,
 * assets/, fonts/ and theirs) and the deck's own name in its parent, so a
 * folder deleted and recreated, moved away and back, or on a USB stick
 * pulled and reinserted is found again: when the deck folder is gone its
 * watches are dropped and re-armed as soon as it is back (tried every
 * WATCH_REARM_MS), and the whole deck counts as changed. Where inotify is
 * unavailable (or KIOSK_WATCH=poll asks for it) the tree is scanned every
 * WATCH_POLL_MS instead and compared with the last scan.
 *
 * Temporary files of sync tools and editors are ignored (watch_ignored_name),
 * so an update in progress wakes nobody. No SDL: the caller waits on
 * watch_fd() and wakes at watch_next_ms(), then calls watch_process. */
#ifndef KIOSK_WATCH_H
#define KIOSK_WATCH_H

#include <stdbool.h>

#include "debounce.h"

#define WATCH_POLL_MS 1000
#define WATCH_REARM_MS 500
#define WATCH_MAX_DEPTH 8      /* folders below the deck folder */
#define WATCH_MAX_FOLDERS 1024

typedef struct watch watch;

typedef enum { WATCH_INOTIFY, WATCH_POLL } watch_backend;

/* Starts watching deck folder `dir` (which need not exist yet) at now_ms.
 * force_poll: scan instead of inotify. Returns NULL only when memory runs
 * out. */
watch *watch_new(const char *dir, bool force_poll, long long now_ms);
void watch_free(watch *w);

watch_backend watch_backend_of(const watch *w);

/* A file descriptor that becomes readable when inotify has news, or -1
 * (poll backend). */
int watch_fd(const watch *w);

/* The next moment watch_process wants to run even when watch_fd() stays
 * quiet (a scan, a re-arm attempt), or -1 for never. */
long long watch_next_ms(const watch *w, long long now_ms);

/* Reads whatever happened (never blocks) and notes it in *b. */
void watch_process(watch *w, long long now_ms, debounce *b);

/* True while the deck folder is missing (gone, moved away, unmounted). */
bool watch_deck_missing(const watch *w);

/* True for names that are never part of a deck update in progress:
 * hidden files (".syncthing.NAME.tmp", rsync's ".NAME.XXXXXX" and
 * ".~tmp~/", vim's ".NAME.swp", emacs' ".#NAME"), backups ("NAME~"),
 * emacs autosaves ("#NAME#"), Syncthing's "~syncthing~NAME.tmp" and vim's
 * write probe "4913". */
bool watch_ignored_name(const char *name);

#endif
