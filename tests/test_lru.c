/* The least-recently-used cache: scripts of finds and claims on a cache of
 * three, the entry evicted at each step, and that releasing reaches every
 * entry exactly once. */
#include "check.h"
#include "lru.h"

typedef struct {
    int key;
    int *released; /* counts releases of this entry */
} entry;

static void release(void *e, void *ctx)
{
    entry *en = e;
    (*(int *)ctx)++;
    if (en->released)
        (*en->released)++;
}

static bool same_key(const void *e, const void *key)
{
    return ((const entry *)e)->key == *(const int *)key;
}

/* One step: 'f' finds key (want: found or not), 'c' claims a slot for key
 * (want: the key evicted, or 0 when there was room). */
typedef struct {
    char op;
    int key;
    int want;
} step;

typedef struct {
    const char *name;
    step steps[10]; /* ends at op 0 */
} script;

static const script SCRIPTS[] = {
    {"fills, then evicts the oldest", {{'c', 1, 0}, {'c', 2, 0}, {'c', 3, 0}, {'c', 4, 1}, {'c', 5, 2}}},
    {"a find makes an entry young", {{'c', 1, 0}, {'c', 2, 0}, {'c', 3, 0}, {'f', 1, 1}, {'c', 4, 2}, {'c', 5, 3}, {'c', 6, 1}}},
    {"a miss changes nothing", {{'c', 1, 0}, {'c', 2, 0}, {'c', 3, 0}, {'f', 9, 0}, {'c', 4, 1}, {'f', 1, 0}, {'f', 4, 1}}},
    {"an evicted key is gone", {{'c', 1, 0}, {'c', 2, 0}, {'c', 3, 0}, {'c', 4, 1}, {'f', 1, 0}, {'f', 2, 1}, {'f', 3, 1}, {'f', 4, 1}}},
};

int main(void)
{
    for (size_t i = 0; i < sizeof SCRIPTS / sizeof SCRIPTS[0]; i++) {
        const script *sc = &SCRIPTS[i];
        int releases = 0;
        lru_cache c;
        CHECK(lru_init(&c, 3, sizeof(entry), release, &releases) == 0, "%s: init", sc->name);
        for (size_t k = 0; sc->steps[k].op; k++) {
            const step *s = &sc->steps[k];
            if (s->op == 'f') {
                entry *e = lru_find(&c, same_key, &s->key);
                CHECK((e != NULL) == (s->want != 0) && (!e || e->key == s->key),
                      "%s step %zu: find %d: expected %s", sc->name, k, s->key,
                      s->want ? "found" : "missing");
            } else {
                bool evicted;
                entry *e = lru_claim(&c, &evicted);
                CHECK(e != NULL, "%s step %zu: claim returned NULL", sc->name, k);
                if (!e)
                    break;
                int gone = evicted ? e->key : 0;
                CHECK(gone == s->want, "%s step %zu: claim for %d: expected to evict %d, evicted %d",
                      sc->name, k, s->key, s->want, gone);
                CHECK(evicted || e->key == 0, "%s step %zu: a fresh slot must be zeroed", sc->name, k);
                *e = (entry){s->key, NULL};
            }
        }
        CHECK(lru_count(&c) == 3, "%s: expected 3 entries, got %zu", sc->name, lru_count(&c));
        lru_free(&c);
        CHECK(releases == 3, "%s: expected 3 releases at free, got %d", sc->name, releases);
    }

    /* Clearing releases each entry once and leaves the room for new ones. */
    int releases = 0, first = 0;
    lru_cache c;
    lru_init(&c, 2, sizeof(entry), release, &releases);
    bool evicted;
    *(entry *)lru_claim(&c, &evicted) = (entry){1, &first};
    *(entry *)lru_claim(&c, &evicted) = (entry){2, NULL};
    lru_clear(&c);
    CHECK(releases == 2 && first == 1 && lru_count(&c) == 0,
          "clear: expected 2 releases (1 of the first entry), 0 entries; got %d, %d, %zu", releases,
          first, lru_count(&c));
    entry *e = lru_claim(&c, &evicted);
    CHECK(e && !evicted && e->key == 0, "after clear: expected a fresh zeroed slot");
    lru_free(&c);
    CHECK(releases == 3, "free after clear: expected 3 releases in all, got %d", releases);

    /* No room: claims fail instead of writing anywhere. */
    lru_cache none;
    lru_init(&none, 0, sizeof(entry), release, &releases);
    CHECK(lru_claim(&none, &evicted) == NULL, "a cache of 0 entries: claim must return NULL");
    lru_free(&none);
    return check_done();
}
