/* debounce — gathers the changes of one update to a deck folder and says
 * when it is complete: nothing has moved for DEBOUNCE_QUIET_MS and no file is
 * still being written. A file being written (created, modified, not yet
 * closed) holds the batch back until it is closed, so it is read once, whole;
 * a writer silent for DEBOUNCE_STALL_MS counts as finished, and no batch waits
 * longer than DEBOUNCE_MAX_MS (a folder that never stops changing is still
 * reloaded now and then; a half-written slide is then only a broken version
 * that keeps its last good one).
 *
 * Pure: the time (milliseconds on any monotonic clock) is an argument. */
#ifndef KIOSK_DEBOUNCE_H
#define KIOSK_DEBOUNCE_H

#include <stdbool.h>
#include <stddef.h>

#define DEBOUNCE_QUIET_MS 400
#define DEBOUNCE_STALL_MS 5000
#define DEBOUNCE_MAX_MS 30000

typedef enum {
    DEBOUNCE_CHANGED, /* created, removed, renamed, attributes: complete */
    DEBOUNCE_WRITING, /* opened for writing or written to: not yet complete */
    DEBOUNCE_CLOSED,  /* the writer closed it: complete */
} debounce_kind;

typedef struct {
    char **paths;    /* deck-relative, each once */
    bool *writing;   /* per path */
    size_t n, cap;
    bool all;        /* everything may have changed (a folder re-armed, a
                        notification queue overflowed, staff asked) */
    bool pending;
    long long first_ms, last_ms;
    bool nomem;      /* a path could not be kept: treated as `all` */
} debounce;

/* Notes a change to deck-relative `path` at now_ms. */
void debounce_note(debounce *b, const char *path, debounce_kind kind, long long now_ms);

/* Notes that anything may have changed. */
void debounce_note_all(debounce *b, long long now_ms);

/* The moment the batch is complete, or -1 when nothing is pending. */
long long debounce_due_ms(const debounce *b);

/* True when something is pending and complete at now_ms. */
bool debounce_due(const debounce *b, long long now_ms);

/* Moves the batch to *out (which must be empty or cleared) and empties b. */
void debounce_take(debounce *b, debounce *out);

/* Frees the paths and empties the batch. */
void debounce_clear(debounce *b);

#endif
