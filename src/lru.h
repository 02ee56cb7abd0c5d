/* lru — a fixed number of entries, the least recently used one making way
 * for a new one. The entries are the caller's structs, stored in the cache;
 * what they own (textures, strings) the caller releases, through the
 * release callback or when lru_claim hands back an evicted entry.
 * Used by the renderer's text, digit-atlas and still-layer caches. Pure. */
#ifndef KIOSK_LRU_H
#define KIOSK_LRU_H

#include <stdbool.h>
#include <stddef.h>

typedef void (*lru_release_fn)(void *entry, void *ctx);
typedef bool (*lru_match_fn)(const void *entry, const void *key);

typedef struct {
    size_t entry_size;
    size_t cap, n;
    unsigned char *entries; /* cap * entry_size */
    unsigned long *stamp;   /* last use of each entry */
    unsigned long clock;
    lru_release_fn release;
    void *ctx;
} lru_cache;

/* Room for cap entries of entry_size bytes. Returns 0, or -1 when memory
 * runs out (the cache is then empty with no room: lru_claim returns NULL). */
int lru_init(lru_cache *c, size_t cap, size_t entry_size, lru_release_fn release, void *ctx);

/* Releases every entry and the cache's memory; safe on a zeroed cache. */
void lru_free(lru_cache *c);

/* Releases every entry; the room stays. */
void lru_clear(lru_cache *c);

/* The first entry that matches key, marked most recently used; NULL when
 * none does. */
void *lru_find(lru_cache *c, lru_match_fn match, const void *key);

/* The slot for a new entry, marked most recently used. While there is room
 * it is a fresh, zeroed slot and *evicted is false; when the cache is full
 * it is the least recently used entry's slot, still holding that entry, and
 * *evicted is true: the caller releases or reuses what it owns and
 * overwrites it. NULL when the cache has no room at all. */
void *lru_claim(lru_cache *c, bool *evicted);

size_t lru_count(const lru_cache *c);
void *lru_at(lru_cache *c, size_t i);

#endif
