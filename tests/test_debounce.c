/* debounce: scripts of changes with times → when the update is complete. */
#include "check.h"
#include "debounce.h"

typedef struct {
    long long t;
    const char *path; /* NULL: note_all */
    debounce_kind kind;
} step;

typedef struct {
    const char *name;
    step steps[8];
    long long due; /* expected debounce_due_ms after the steps */
    size_t n_paths;
    bool all;
} row;

#define Q DEBOUNCE_QUIET_MS
#define S DEBOUNCE_STALL_MS

static const row ROWS[] = {
    {"nothing pending", {{-1, NULL, 0}}, -1, 0, false},
    {"one complete change: quiet after it",
     {{100, "slides/a.json", DEBOUNCE_CHANGED}, {-1, NULL, 0}}, 100 + Q, 1, false},
    {"a write in progress waits for its close",
     {{100, "slides/a.json", DEBOUNCE_WRITING}, {-1, NULL, 0}}, 100 + S, 1, false},
    {"closed: quiet after the close",
     {{100, "slides/a.json", DEBOUNCE_WRITING}, {900, "slides/a.json", DEBOUNCE_CLOSED}, {-1, NULL, 0}},
     900 + Q, 1, false},
    {"one file still being written holds the whole batch",
     {{100, "slides/a.json", DEBOUNCE_CLOSED}, {150, "assets/b.jpg", DEBOUNCE_WRITING}, {-1, NULL, 0}},
     150 + S, 2, false},
    {"each change restarts the quiet period",
     {{100, "slides/a.json", DEBOUNCE_CHANGED}, {300, "slides/b.json", DEBOUNCE_CHANGED},
      {600, "slides/a.json", DEBOUNCE_CHANGED}, {-1, NULL, 0}},
     600 + Q, 2, false},
    {"everything: a re-armed folder",
     {{100, NULL, DEBOUNCE_CHANGED}, {-1, NULL, 0}}, 100 + Q, 0, true},
    {"a folder that never stops changing is still reloaded",
     {{0, "a", DEBOUNCE_WRITING}, {5000, "a", DEBOUNCE_WRITING}, {10000, "a", DEBOUNCE_WRITING},
      {15000, "a", DEBOUNCE_WRITING}, {20000, "a", DEBOUNCE_WRITING}, {25000, "a", DEBOUNCE_WRITING},
      {29000, "a", DEBOUNCE_WRITING}, {-1, NULL, 0}},
     DEBOUNCE_MAX_MS, 1, false},
};

int main(void)
{
    for (size_t r = 0; r < sizeof ROWS / sizeof *ROWS; r++) {
        const row *w = &ROWS[r];
        debounce b = {0};
        for (const step *s = w->steps; s->t >= 0; s++) {
            if (s->path)
                debounce_note(&b, s->path, s->kind, s->t);
            else
                debounce_note_all(&b, s->t);
        }
        long long due = debounce_due_ms(&b);
        CHECK(due == w->due, "%s: expected due at %lld, got %lld", w->name, w->due, due);
        CHECK(b.n == w->n_paths, "%s: expected %zu paths, got %zu", w->name, w->n_paths, b.n);
        CHECK(b.all == w->all, "%s: expected all=%d", w->name, w->all);
        if (due >= 0) {
            CHECK(!debounce_due(&b, due - 1), "%s: due 1 ms early", w->name);
            CHECK(debounce_due(&b, due), "%s: not due at %lld", w->name, due);
        }
        debounce taken = {0};
        debounce_take(&b, &taken);
        CHECK(!b.pending && b.n == 0 && debounce_due_ms(&b) == -1, "%s: take leaves it empty",
              w->name);
        CHECK(taken.n == w->n_paths, "%s: take moves the paths", w->name);
        debounce_clear(&taken);
        debounce_clear(&b);
    }
    return check_done();
}
