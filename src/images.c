#include "images.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

typedef struct entry {
    char *key;  /* "path|w|h|fit|overscan" */
    char *path; /* deck-relative, as the deck names it */
    char *file; /* absolute-ish path to open */
    char *why;  /* IMAGE_FAILED: why, a phrase to follow the path */
    int box_w, box_h;
    image_fit fit;
    double overscan;
    image_status status;
    SDL_Surface *decoded; /* handed over by the worker, not yet a texture */
    SDL_Texture *texture;
    size_t bytes;
    unsigned long last_use;
    bool queued;
    bool refreshing; /* the file changed: a new decode is on its way while
                        the old texture is still drawn */
    struct entry *next;
} entry;

struct image_cache {
    SDL_Renderer *renderer;
    char *deck_dir;
    entry *entries;
    unsigned long clock;
    size_t bytes;
    bool threaded;
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    bool quit;
    int in_flight;     /* entries queued or decoding */
    Uint32 done_event; /* pushed when a decode finishes; 0: none */
    size_t budget;     /* texture bytes kept */
    long long max_pixels;
    char **reported; /* paths whose failure images_next_failure has told */
    size_t n_reported, cap_reported;
};

static void entry_free(entry *e)
{
    if (!e)
        return;
    free(e->key);
    free(e->path);
    free(e->file);
    free(e->why);
    if (e->decoded)
        SDL_FreeSurface(e->decoded);
    if (e->texture)
        SDL_DestroyTexture(e->texture);
    free(e);
}

static int worker(void *arg)
{
    image_cache *c = arg;
    SDL_LockMutex(c->lock);
    for (;;) {
        entry *job = NULL;
        for (entry *e = c->entries; e; e = e->next)
            if (e->queued && (!job || e->last_use > job->last_use))
                job = e; /* the most recently wanted picture first */
        if (!job) {
            if (c->quit)
                break;
            SDL_CondWait(c->wake, c->lock);
            continue;
        }
        job->queued = false;
        char *file = strdup(job->file);
        int w = job->box_w, h = job->box_h;
        image_fit fit = job->fit;
        double overscan = job->overscan;
        char *key = strdup(job->key);
        long long max_pixels = c->max_pixels;
        char why[256] = "cannot be decoded: out of memory";
        SDL_UnlockMutex(c->lock);
        SDL_Surface *s =
            file ? images_decode_for_box(file, w, h, fit, overscan, max_pixels, why, sizeof why) : NULL;
        SDL_LockMutex(c->lock);
        /* The entry may have been dropped meanwhile: find it again by key. */
        entry *e = c->entries;
        while (e && !(key && strcmp(e->key, key) == 0))
            e = e->next;
        if (e && e->refreshing) {
            /* A failed new version keeps the old one; a file that changed
             * again while this decode ran is queued once more. */
            e->refreshing = e->queued;
            if (e->decoded)
                SDL_FreeSurface(e->decoded);
            e->decoded = s;
            s = NULL;
        } else if (e && e->status == IMAGE_PENDING) {
            e->decoded = s;
            e->status = s ? IMAGE_PENDING : IMAGE_FAILED;
            if (!s)
                e->why = strdup(why);
            s = NULL;
        }
        if (s)
            SDL_FreeSurface(s);
        c->in_flight--;
        if (c->done_event) { /* a sleeping main loop wakes to upload it */
            SDL_Event ev = {.type = c->done_event};
            SDL_PushEvent(&ev);
        }
        free(file);
        free(key);
    }
    SDL_UnlockMutex(c->lock);
    return 0;
}

image_cache *images_new(SDL_Renderer *r, const char *deck_dir, bool threaded)
{
    image_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->renderer = r;
    c->budget = IMAGES_BUDGET_BYTES;
    c->max_pixels = (long long)DECK_DEFAULT_MAX_IMAGE_MEGAPIXELS * 1000000;
    c->deck_dir = strdup(deck_dir ? deck_dir : ".");
    c->lock = SDL_CreateMutex();
    c->wake = SDL_CreateCond();
    if (!c->deck_dir || !c->lock || !c->wake)
        goto fail;
    if (threaded) {
        Uint32 ev = SDL_RegisterEvents(1);
        c->done_event = ev == (Uint32)-1 ? 0 : ev;
        c->thread = SDL_CreateThread(worker, "kiosk-decode", c);
        c->threaded = c->thread != NULL; /* no thread: decode synchronously */
    }
    return c;
fail:
    images_free(c);
    return NULL;
}

static void forget_reported(image_cache *c)
{
    for (size_t i = 0; i < c->n_reported; i++)
        free(c->reported[i]);
    free(c->reported);
    c->reported = NULL;
    c->n_reported = c->cap_reported = 0;
}

void images_free(image_cache *c)
{
    if (!c)
        return;
    if (c->thread) {
        SDL_LockMutex(c->lock);
        c->quit = true;
        for (entry *e = c->entries; e; e = e->next)
            if (e->queued) {
                e->queued = false;
                c->in_flight--;
            }
        SDL_CondSignal(c->wake);
        SDL_UnlockMutex(c->lock);
        SDL_WaitThread(c->thread, NULL);
    }
    while (c->entries) {
        entry *e = c->entries;
        c->entries = e->next;
        entry_free(e);
    }
    forget_reported(c);
    if (c->wake)
        SDL_DestroyCond(c->wake);
    if (c->lock)
        SDL_DestroyMutex(c->lock);
    free(c->deck_dir);
    free(c);
}

/* Drops least recently used textures until the cache fits its budget. The
 * entry `keep` (in use this frame) is never dropped. Caller holds the lock. */
static void enforce_budget(image_cache *c, entry *keep)
{
    while (c->bytes > c->budget) {
        entry **victim = NULL;
        for (entry **pe = &c->entries; *pe; pe = &(*pe)->next)
            if ((*pe)->texture && *pe != keep &&
                (!victim || (*pe)->last_use < (*victim)->last_use))
                victim = pe;
        if (!victim)
            return;
        entry *e = *victim;
        *victim = e->next;
        c->bytes -= e->bytes;
        entry_free(e);
    }
}

static void upload(image_cache *c, entry *e)
{
    SDL_Texture *t = SDL_CreateTextureFromSurface(c->renderer, e->decoded);
    if (t && e->texture) { /* a refreshed picture replaces the old one */
        SDL_DestroyTexture(e->texture);
        c->bytes -= e->bytes;
        e->texture = NULL;
    }
    if (t) {
        SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
        SDL_GetSurfaceBlendMode(e->decoded, &mode); /* NONE: the decoder found it opaque */
        SDL_SetTextureBlendMode(t, mode == SDL_BLENDMODE_NONE ? mode : SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
        e->texture = t;
        e->bytes = (size_t)e->decoded->w * (size_t)e->decoded->h * 4;
        c->bytes += e->bytes;
        e->status = IMAGE_READY;
    } else if (!e->texture) {
        e->status = IMAGE_FAILED;
        if (asprintf(&e->why, "cannot be drawn: %s", SDL_GetError()) < 0)
            e->why = NULL;
    }
    SDL_FreeSurface(e->decoded);
    e->decoded = NULL;
}

void images_set_budget(image_cache *c, size_t bytes)
{
    SDL_LockMutex(c->lock);
    c->budget = bytes;
    enforce_budget(c, NULL);
    SDL_UnlockMutex(c->lock);
}

size_t images_bytes(image_cache *c)
{
    SDL_LockMutex(c->lock);
    size_t n = c->bytes;
    SDL_UnlockMutex(c->lock);
    return n;
}

bool images_pump(image_cache *c)
{
    bool changed = false;
    SDL_LockMutex(c->lock);
    for (entry *e = c->entries; e; e = e->next) {
        if (e->decoded) {
            upload(c, e);
            changed = true;
        }
    }
    enforce_budget(c, NULL);
    SDL_UnlockMutex(c->lock);
    return changed;
}

bool images_busy(image_cache *c)
{
    SDL_LockMutex(c->lock);
    bool busy = c->in_flight > 0;
    for (entry *e = c->entries; e && !busy; e = e->next)
        busy = e->decoded != NULL;
    SDL_UnlockMutex(c->lock);
    return busy;
}

void images_forget(image_cache *c)
{
    SDL_LockMutex(c->lock);
    entry **pe = &c->entries;
    while (*pe) {
        entry *e = *pe;
        if (e->queued) {
            e->queued = false;
            c->in_flight--;
        } else if (e->status == IMAGE_PENDING && !e->decoded && c->threaded) {
            /* Being decoded now: the worker finds it again by key, so an
             * empty key orphans it and its result is dropped. */
            e->key[0] = '\0';
            e->status = IMAGE_FAILED;
            pe = &e->next;
            continue;
        }
        *pe = e->next;
        c->bytes -= e->bytes;
        entry_free(e);
    }
    forget_reported(c);
    SDL_UnlockMutex(c->lock);
}

void images_set_pixel_limit(image_cache *c, long long max_pixels)
{
    SDL_LockMutex(c->lock);
    c->max_pixels = max_pixels;
    SDL_UnlockMutex(c->lock);
}

bool images_next_failure(image_cache *c, char *path, size_t path_cap, char *why,
                         size_t why_cap)
{
    bool found = false;
    SDL_LockMutex(c->lock);
    for (entry *e = c->entries; e && !found; e = e->next) {
        if (e->status != IMAGE_FAILED || !e->why || !e->key[0])
            continue;
        bool told = false;
        for (size_t i = 0; i < c->n_reported && !told; i++)
            told = strcmp(c->reported[i], e->path) == 0;
        if (told)
            continue;
        char **grown =
            grow_array(c->reported, &c->cap_reported, c->n_reported + 1, sizeof *grown, 8);
        char *copy = strdup(e->path);
        if (grown)
            c->reported = grown;
        if (!grown || !copy) {
            free(copy);
            break;
        }
        c->reported[c->n_reported++] = copy;
        snprintf(path, path_cap, "%s", e->path);
        snprintf(why, why_cap, "%s", e->why);
        found = true;
    }
    SDL_UnlockMutex(c->lock);
    return found;
}

void images_refresh(image_cache *c, const char *path)
{
    size_t n = strlen(path);
    SDL_LockMutex(c->lock);
    for (size_t i = 0; i < c->n_reported; i++) { /* a new file, a new story */
        if (strcmp(c->reported[i], path) == 0) {
            free(c->reported[i]);
            c->reported[i--] = c->reported[--c->n_reported];
        }
    }
    entry **pe = &c->entries;
    while (*pe) {
        entry *e = *pe;
        if (strncmp(e->key, path, n) != 0 || e->key[n] != '|') {
            pe = &e->next;
            continue;
        }
        if (e->texture && e->status == IMAGE_READY) {
            if (!c->threaded) {
                char why[256];
                SDL_Surface *s = images_decode_for_box(e->file, e->box_w, e->box_h, e->fit, e->overscan,
                                                c->max_pixels, why, sizeof why);
                if (s) {
                    if (e->decoded)
                        SDL_FreeSurface(e->decoded);
                    e->decoded = s;
                }
            } else if (!e->queued) {
                e->refreshing = e->queued = true;
                c->in_flight++;
                SDL_CondSignal(c->wake);
            }
            pe = &e->next;
        } else if (e->queued || e->decoded || !c->threaded || e->status == IMAGE_FAILED) {
            /* Not drawn yet, or failed: asked for afresh next time. */
            if (e->queued)
                c->in_flight--;
            *pe = e->next;
            c->bytes -= e->bytes;
            entry_free(e);
        } else { /* being decoded from the old file: orphan it, as images_forget does */
            e->key[0] = '\0';
            e->status = IMAGE_FAILED;
            pe = &e->next;
        }
    }
    SDL_UnlockMutex(c->lock);
}

SDL_Texture *images_get(image_cache *c, const char *path, int box_w, int box_h,
                        image_fit fit, double overscan, image_status *status)
{
    char key[1200];
    /* Sizes are bucketed to 8 px so a resize by a pixel reuses the texture. */
    int bw = (box_w + 7) / 8 * 8, bh = (box_h + 7) / 8 * 8;
    snprintf(key, sizeof key, "%s|%d|%d|%d|%.2f", path, bw, bh, (int)fit, overscan);
    SDL_LockMutex(c->lock);
    c->clock++;
    entry *e = c->entries;
    while (e && strcmp(e->key, key) != 0)
        e = e->next;
    if (!e) {
        e = calloc(1, sizeof *e);
        size_t n = strlen(c->deck_dir) + strlen(path) + 2;
        if (e) {
            e->key = strdup(key);
            e->path = strdup(path);
            e->file = malloc(n);
        }
        if (!e || !e->key || !e->path || !e->file) {
            entry_free(e);
            SDL_UnlockMutex(c->lock);
            *status = IMAGE_FAILED;
            return NULL;
        }
        snprintf(e->file, n, "%s/%s", c->deck_dir, path);
        e->box_w = bw;
        e->box_h = bh;
        e->fit = fit;
        e->overscan = overscan;
        e->status = IMAGE_PENDING;
        e->next = c->entries;
        c->entries = e;
        if (c->threaded) {
            e->queued = true;
            c->in_flight++;
            SDL_CondSignal(c->wake);
        } else {
            char why[256] = "cannot be decoded: out of memory";
            e->decoded =
                images_decode_for_box(e->file, bw, bh, fit, overscan, c->max_pixels, why, sizeof why);
            if (!e->decoded) {
                e->status = IMAGE_FAILED;
                e->why = strdup(why);
            }
        }
    }
    e->last_use = c->clock;
    if (e->decoded)
        upload(c, e);
    enforce_budget(c, e);
    *status = e->status;
    SDL_Texture *t = e->status == IMAGE_READY ? e->texture : NULL;
    SDL_UnlockMutex(c->lock);
    return t;
}
