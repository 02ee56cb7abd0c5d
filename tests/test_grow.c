/* grow_array: room for what is asked, doubling, and nothing lost on failure. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "grow.h"

static const struct {
    size_t cap, need, first;
    size_t want_cap;
} ROWS[] = {
    {0, 1, 16, 16},    /* an empty array starts at `first` */
    {0, 40, 16, 64},   /* ... doubling until the need fits */
    {16, 16, 16, 16},  /* room already: unchanged */
    {16, 17, 16, 32},  /* one more: doubles */
    {32, 200, 8, 256}, /* far more: doubles until it fits */
    {0, 3, 0, 4},      /* no `first`: from 1 */
};

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        size_t cap = ROWS[i].cap;
        int *items = cap ? calloc(cap, sizeof *items) : NULL;
        for (size_t k = 0; k < cap; k++)
            items[k] = (int)k;
        int *grown = grow_array(items, &cap, ROWS[i].need, sizeof *grown, ROWS[i].first);
        CHECK(grown != NULL, "row %zu: grow failed", i);
        if (!grown) {
            free(items);
            continue;
        }
        CHECK(cap == ROWS[i].want_cap, "row %zu: capacity expected %zu, got %zu", i,
              ROWS[i].want_cap, cap);
        bool kept = true;
        for (size_t k = 0; k < ROWS[i].cap; k++)
            kept &= grown[k] == (int)k;
        CHECK(kept, "row %zu: the elements were not kept", i);
        grown[cap - 1] = 1; /* the whole capacity is usable (ASan watches) */
        free(grown);
    }

    /* A size that would overflow fails and leaves the array and its
     * capacity as they were. */
    size_t cap = 4;
    char *items = malloc(4);
    CHECK(grow_array(items, &cap, SIZE_MAX / 2 + 2, 1, 4) == NULL,
          "a need beyond SIZE_MAX must fail");
    CHECK(cap == 4, "a failed grow changed the capacity to %zu", cap);
    CHECK(grow_array(items, &cap, 8, SIZE_MAX / 4, 4) == NULL,
          "an element size that overflows must fail");
    CHECK(cap == 4, "a failed grow changed the capacity to %zu", cap);
    free(items);
    return check_done();
}
