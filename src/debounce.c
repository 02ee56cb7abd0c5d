#include "debounce.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

static void touch(debounce *b, long long now_ms)
{
    if (!b->pending)
        b->first_ms = now_ms;
    b->pending = true;
    b->last_ms = now_ms;
}

void debounce_note(debounce *b, const char *path, debounce_kind kind, long long now_ms)
{
    touch(b, now_ms);
    size_t i = 0;
    while (i < b->n && strcmp(b->paths[i], path) != 0)
        i++;
    if (i == b->n) {
        /* Two arrays side by side: each grows to the same capacity. */
        size_t cap_paths = b->cap, cap_writing = b->cap;
        char **paths = grow_array(b->paths, &cap_paths, b->n + 1, sizeof *paths, 16);
        if (paths)
            b->paths = paths;
        bool *writing =
            paths ? grow_array(b->writing, &cap_writing, b->n + 1, sizeof *writing, 16) : NULL;
        if (writing)
            b->writing = writing;
        if (!paths || !writing) {
            b->nomem = b->all = true;
            return;
        }
        b->cap = cap_paths;
        if (!(b->paths[i] = strdup(path))) {
            b->nomem = b->all = true;
            return;
        }
        b->n++;
    }
    b->writing[i] = kind == DEBOUNCE_WRITING;
}

void debounce_note_all(debounce *b, long long now_ms)
{
    touch(b, now_ms);
    b->all = true;
}

long long debounce_due_ms(const debounce *b)
{
    if (!b->pending)
        return -1;
    bool writing = false;
    for (size_t i = 0; i < b->n; i++)
        writing |= b->writing[i];
    long long due = b->last_ms + (writing ? DEBOUNCE_STALL_MS : DEBOUNCE_QUIET_MS);
    long long cap = b->first_ms + DEBOUNCE_MAX_MS;
    return due < cap ? due : cap;
}

bool debounce_due(const debounce *b, long long now_ms)
{
    return b->pending && now_ms >= debounce_due_ms(b);
}

void debounce_take(debounce *b, debounce *out)
{
    *out = *b;
    memset(b, 0, sizeof *b);
}

void debounce_clear(debounce *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->paths[i]);
    free(b->paths);
    free(b->writing);
    memset(b, 0, sizeof *b);
}
