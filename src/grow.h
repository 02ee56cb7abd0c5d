/* grow — an array that doubles as it fills, written once.
 *
 * Every growing array in kiosk keeps (items, n, cap) and asks grow_array for
 * room before it appends. Pure: no SDL. */
#ifndef KIOSK_GROW_H
#define KIOSK_GROW_H

#include <stddef.h>

/* Returns an array with room for at least `need` elements of `size` bytes:
 * `items` itself when *cap already holds them, otherwise `items` moved to a
 * larger block — `first` elements for an empty array, doubling until `need`
 * fits — with *cap set to the new capacity. On failure (out of memory, or a
 * size that would overflow) returns NULL and leaves `items` and *cap as they
 * were: the caller still owns `items`. Typical use:
 *
 *     T *grown = grow_array(a->items, &a->cap, a->n + 1, sizeof *grown, 16);
 *     if (!grown)
 *         return -1;
 *     a->items = grown;
 */
void *grow_array(void *items, size_t *cap, size_t need, size_t size, size_t first);

#endif
