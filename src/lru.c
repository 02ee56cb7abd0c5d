#include "lru.h"

#include <stdlib.h>
#include <string.h>

int lru_init(lru_cache *c, size_t cap, size_t entry_size, lru_release_fn release, void *ctx)
{
    *c = (lru_cache){.entry_size = entry_size, .release = release, .ctx = ctx};
    c->entries = calloc(cap ? cap : 1, entry_size);
    c->stamp = calloc(cap ? cap : 1, sizeof *c->stamp);
    if (!c->entries || !c->stamp) {
        free(c->entries);
        free(c->stamp);
        c->entries = NULL;
        c->stamp = NULL;
        return -1;
    }
    c->cap = cap;
    return 0;
}

void *lru_at(lru_cache *c, size_t i)
{
    return c->entries + i * c->entry_size;
}

size_t lru_count(const lru_cache *c)
{
    return c->n;
}

void lru_clear(lru_cache *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->release)
            c->release(lru_at(c, i), c->ctx);
    if (c->entries)
        memset(c->entries, 0, c->cap * c->entry_size);
    c->n = 0;
}

void lru_free(lru_cache *c)
{
    lru_clear(c);
    free(c->entries);
    free(c->stamp);
    *c = (lru_cache){0};
}

void *lru_find(lru_cache *c, lru_match_fn match, const void *key)
{
    c->clock++;
    for (size_t i = 0; i < c->n; i++)
        if (match(lru_at(c, i), key)) {
            c->stamp[i] = c->clock;
            return lru_at(c, i);
        }
    return NULL;
}

void *lru_claim(lru_cache *c, bool *evicted)
{
    *evicted = false;
    if (c->cap == 0)
        return NULL;
    c->clock++;
    size_t slot = c->n;
    if (c->n == c->cap) {
        slot = 0;
        for (size_t i = 1; i < c->n; i++)
            if (c->stamp[i] < c->stamp[slot])
                slot = i;
        *evicted = true;
    } else {
        c->n++;
    }
    c->stamp[slot] = c->clock;
    return lru_at(c, slot);
}
