#include "images.h"

#include <SDL_image.h>
#include <libexif/exif-data.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "grow.h"
#include "readfile.h"

/* ---- decoding ---------------------------------------------------------- */

/* EXIF orientation 1..8 of a JPEG held in memory: the transform that makes
 * the stored pixels upright. 1 when the file has no EXIF or no such tag. */
static int exif_orientation(const unsigned char *data, size_t len)
{
    ExifData *ed = exif_data_new_from_data(data, (unsigned int)len);
    if (!ed)
        return 1;
    int o = 1;
    ExifEntry *e = exif_data_get_entry(ed, EXIF_TAG_ORIENTATION);
    if (e && e->format == EXIF_FORMAT_SHORT && e->size >= 2)
        o = exif_get_short(e->data, exif_data_get_byte_order(ed));
    exif_data_unref(ed);
    return (o >= 1 && o <= 8) ? o : 1;
}

/* Applies EXIF orientation o to an ARGB8888 surface. Orientations 5..8 swap
 * width and height. Frees src when it returns a new surface. */
static SDL_Surface *orient(SDL_Surface *src, int o)
{
    if (o == 1)
        return src;
    int w = src->w, h = src->h;
    bool swap = o >= 5;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!dst)
        return src;
    for (int y = 0; y < h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)src->pixels + y * src->pitch);
        for (int x = 0; x < w; x++) {
            int dx, dy;
            switch (o) {
            case 2: dx = w - 1 - x; dy = y; break;             /* mirror */
            case 3: dx = w - 1 - x; dy = h - 1 - y; break;     /* 180 */
            case 4: dx = x; dy = h - 1 - y; break;             /* flip */
            case 5: dx = y; dy = x; break;                     /* transpose */
            case 6: dx = h - 1 - y; dy = x; break;             /* 90 cw */
            case 7: dx = h - 1 - y; dy = w - 1 - x; break;     /* transverse */
            default: dx = y; dy = w - 1 - x; break;            /* 8: 90 ccw */
            }
            *(Uint32 *)((Uint8 *)dst->pixels + dy * dst->pitch + dx * 4) = row[x];
        }
    }
    SDL_FreeSurface(src);
    return dst;
}

/* SDL_image hands a CMYK JPEG over as libjpeg decoded it: four bytes per
 * pixel, C M Y K in memory order, in a surface that claims to be RGBA. Adobe
 * software (which writes nearly all CMYK JPEGs, marked by APP14) stores the
 * channels inverted. A plain conversion without a colour profile: close
 * enough for a photo, and far better than the raw bytes shown as colours. */
static SDL_Surface *cmyk_to_argb(SDL_Surface *raw, bool adobe)
{
    if (raw->format->BytesPerPixel != 4)
        return NULL;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, raw->w, raw->h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    for (int y = 0; y < raw->h; y++) {
        const Uint8 *p = (const Uint8 *)raw->pixels + y * raw->pitch;
        Uint32 *q = (Uint32 *)((Uint8 *)out->pixels + y * out->pitch);
        for (int x = 0; x < raw->w; x++, p += 4) {
            unsigned c = p[0], m = p[1], ye = p[2], k = p[3];
            if (!adobe) {
                c = 255 - c;
                m = 255 - m;
                ye = 255 - ye;
                k = 255 - k;
            }
            Uint32 r = (c * k + 127) / 255, g = (m * k + 127) / 255, b = (ye * k + 127) / 255;
            q[x] = 0xFF000000u | r << 16 | g << 8 | b;
        }
    }
    return out;
}

static SDL_Surface *refuse(char *why, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static SDL_Surface *refuse(char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cap)
        vsnprintf(why, cap, fmt, ap);
    va_end(ap);
    return NULL;
}

int images_jpeg_eighths(int src_w, int src_h, int want_w, int want_h)
{
    for (int m = 1; m < 8; m++)
        if ((src_w * m + 7) / 8 >= want_w && (src_h * m + 7) / 8 >= want_h)
            return m;
    return 8;
}

/* A JPEG decoded by libjpeg-turbo straight at a reduced size (1/8 .. 8/8,
 * chosen in the DCT, so a 4000x3000 photo for a 1920x1080 box never exists
 * at full size in memory), still at least want_w x want_h after EXIF
 * orientation (0 x 0: full size). NULL when turbojpeg cannot turn it into
 * RGB: the caller falls back to SDL_image. Not yet upright. */
static SDL_Surface *decode_jpeg_scaled(const unsigned char *buf, size_t len, int o,
                                       double want_scale_w, double want_scale_h, image_fit fit,
                                       double overscan)
{
    SDL_Surface *out = NULL;
    tjhandle tj = tjInitDecompress();
    int w, h, subsamp, colorspace;
    if (!tj || tjDecompressHeader3(tj, buf, (unsigned long)len, &w, &h, &subsamp, &colorspace) != 0)
        goto done;
    if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
        goto done;
    int m = 8;
    if (want_scale_w > 0 && want_scale_h > 0) {
        bool swap = o >= 5; /* the box sees the picture turned upright */
        int uw = swap ? h : w, uh = swap ? w : h;
        double sx = want_scale_w / uw, sy = want_scale_h / uh;
        double s = (fit == FIT_COVER ? fmax(sx, sy) : fmin(sx, sy)) * overscan;
        if (s < 1.0) {
            int tw = (int)ceil(uw * s), th = (int)ceil(uh * s);
            m = swap ? images_jpeg_eighths(w, h, th, tw) : images_jpeg_eighths(w, h, tw, th);
        }
    }
    tjscalingfactor f = {m, 8};
    int sw = TJSCALED(w, f), sh = TJSCALED(h, f);
    out = SDL_CreateRGBSurfaceWithFormat(0, sw, sh, 32, SDL_PIXELFORMAT_ARGB8888);
    /* ARGB8888 words are B, G, R, A bytes on a little-endian machine. */
    int pf = SDL_BYTEORDER == SDL_LIL_ENDIAN ? TJPF_BGRA : TJPF_ARGB;
    if (out && tjDecompress2(tj, buf, (unsigned long)len, out->pixels, sw, out->pitch, sh, pf,
                             0) != 0) {
        SDL_FreeSurface(out);
        out = NULL;
    }
done:
    if (tj)
        tjDestroy(tj);
    return out;
}

/* Decodes, upright; a JPEG for a box (want_w > 0) straight at the smallest
 * m/8 of its size that still covers the box after orientation. */
static SDL_Surface *decode_scaled(const char *file, long long max_pixels, double want_w,
                                  double want_h, image_fit fit, double overscan, char *why,
                                  size_t cap)
{
    unsigned char *data;
    size_t len;
    char reason[200];
    if (readfile_all(file, IMAGES_MAX_FILE_BYTES, &data, &len, reason, sizeof reason) !=
        READFILE_OK)
        return refuse(why, cap, "%s", reason);
    SDL_Surface *argb = NULL;
    imgprobe_info info;
    if (imgprobe_vet(data, len, max_pixels, &info, why, cap) != 0)
        goto done;
    int o = info.format == IMGPROBE_JPEG ? exif_orientation(data, len) : 1;
    if (info.format == IMGPROBE_JPEG && info.components != 4) {
        argb = decode_jpeg_scaled(data, len, o, want_w, want_h, fit, overscan);
        if (argb) {
            argb = orient(argb, o);
            goto done;
        }
    }
    SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
    SDL_Surface *raw = rw ? IMG_Load_RW(rw, 1) : NULL;
    if (!raw) {
        refuse(why, cap, "cannot be decoded as %s: %s", imgprobe_format_name(info.format),
               IMG_GetError());
        goto done;
    }
    if (info.format == IMGPROBE_JPEG && info.components == 4)
        argb = cmyk_to_argb(raw, info.adobe);
    else
        argb = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    if (!argb) {
        refuse(why, cap, "cannot be converted for drawing: %s", SDL_GetError());
        goto done;
    }
    if (info.format == IMGPROBE_JPEG)
        argb = orient(argb, o);
done:
    free(data);
    return argb;
}

SDL_Surface *images_decode(const char *file, long long max_pixels, char *why, size_t cap)
{
    return decode_scaled(file, max_pixels, 0, 0, FIT_CONTAIN, 1.0, why, cap);
}

/* Weights of source samples covering one destination sample along an axis:
 * the destination interval [i*scale, (i+1)*scale) in source coordinates. */
typedef struct {
    int first, count;
    float *w;
} axis_span;

static axis_span *axis_spans(int src_n, int dst_n)
{
    axis_span *spans = calloc((size_t)dst_n, sizeof *spans);
    if (!spans)
        return NULL;
    double scale = (double)src_n / dst_n;
    for (int i = 0; i < dst_n; i++) {
        double a = i * scale, b = (i + 1) * scale;
        if (scale < 1) { /* enlarging: a tent between the two nearest samples */
            double c = (i + 0.5) * scale - 0.5;
            int x0 = (int)floor(c);
            double f = c - x0;
            int lo = x0 < 0 ? 0 : x0, hi = x0 + 1 >= src_n ? src_n - 1 : x0 + 1;
            spans[i].first = lo;
            spans[i].count = hi - lo + 1;
            spans[i].w = calloc((size_t)spans[i].count, sizeof(float));
            if (!spans[i].w)
                goto fail;
            if (spans[i].count == 1) {
                spans[i].w[0] = 1;
            } else {
                spans[i].w[0] = (float)(1 - f);
                spans[i].w[1] = (float)f;
            }
            continue;
        }
        int first = (int)floor(a), last = (int)ceil(b) - 1;
        if (last >= src_n)
            last = src_n - 1;
        spans[i].first = first;
        spans[i].count = last - first + 1;
        spans[i].w = calloc((size_t)spans[i].count, sizeof(float));
        if (!spans[i].w)
            goto fail;
        for (int k = 0; k < spans[i].count; k++) {
            double lo = fmax(a, first + k), hi = fmin(b, first + k + 1);
            spans[i].w[k] = (float)((hi - lo) / scale);
        }
    }
    return spans;
fail:
    for (int i = 0; i < dst_n; i++)
        free(spans[i].w);
    free(spans);
    return NULL;
}

static void free_spans(axis_span *s, int n)
{
    if (!s)
        return;
    for (int i = 0; i < n; i++)
        free(s[i].w);
    free(s);
}

/* One source row resampled horizontally to w pixels of 4 float channels. */
static void resize_row(const Uint32 *row, const axis_span *xs, int w, float *out)
{
    for (int x = 0; x < w; x++) {
        float acc[4] = {0, 0, 0, 0};
        for (int k = 0; k < xs[x].count; k++) {
            Uint32 p = row[xs[x].first + k];
            float wt = xs[x].w[k];
            acc[0] += wt * (float)((p >> 24) & 255);
            acc[1] += wt * (float)((p >> 16) & 255);
            acc[2] += wt * (float)((p >> 8) & 255);
            acc[3] += wt * (float)(p & 255);
        }
        memcpy(out + x * 4, acc, sizeof acc);
    }
}

SDL_Surface *images_resize(SDL_Surface *src, int w, int h)
{
    if (w < 1 || h < 1)
        return NULL;
    axis_span *xs = axis_spans(src->w, w), *ys = axis_spans(src->h, h);
    /* Separable: each destination row sums the horizontally resampled source
     * rows under it. Only two rows of floats are held (a whole-picture
     * intermediate was 16 bytes per source row pixel: 100 MB for a 12 MP
     * photo); a source row shared by two destination rows is resampled
     * twice, which costs little next to the memory. */
    float *hrow = malloc((size_t)w * 4 * sizeof(float));
    float *acc = malloc((size_t)w * 4 * sizeof(float));
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!xs || !ys || !hrow || !acc || !dst)
        goto fail;
    for (int y = 0; y < h; y++) {
        memset(acc, 0, (size_t)w * 4 * sizeof(float));
        for (int k = 0; k < ys[y].count; k++) {
            int sy = ys[y].first + k;
            resize_row((const Uint32 *)((const Uint8 *)src->pixels + sy * src->pitch), xs, w, hrow);
            float wt = ys[y].w[k];
            for (int i = 0; i < w * 4; i++)
                acc[i] += wt * hrow[i];
        }
        Uint32 *row = (Uint32 *)((Uint8 *)dst->pixels + y * dst->pitch);
        for (int x = 0; x < w; x++) {
            Uint32 v = 0;
            for (int c = 0; c < 4; c++) {
                float f = acc[x * 4 + c] + 0.5f;
                Uint32 b = f < 0 ? 0 : f > 255 ? 255 : (Uint32)f;
                v = (v << 8) | b;
            }
            row[x] = v;
        }
    }
    free(hrow);
    free(acc);
    free_spans(xs, w);
    free_spans(ys, h);
    return dst;
fail:
    free(hrow);
    free(acc);
    free_spans(xs, w);
    free_spans(ys, h);
    SDL_FreeSurface(dst);
    return NULL;
}

/* Decodes and scales for a box. The result is at most the size it is drawn
 * (times overscan), never larger than needed, never upscaled past 1:1 —
 * enlarging is left to the renderer's linear filter. */
static SDL_Surface *decode_for_box(const char *file, int box_w, int box_h, image_fit fit,
                                   double overscan, long long max_pixels, char *why,
                                   size_t cap)
{
    SDL_Surface *img = decode_scaled(file, max_pixels, box_w, box_h, fit, overscan, why, cap);
    if (!img)
        return NULL;
    double sx = (double)box_w / img->w, sy = (double)box_h / img->h;
    double s = (fit == FIT_COVER ? fmax(sx, sy) : fmin(sx, sy)) * overscan;
    if (s >= 1.0)
        return img;
    int w = (int)lround(img->w * s), h = (int)lround(img->h * s);
    SDL_Surface *small = images_resize(img, w < 1 ? 1 : w, h < 1 ? 1 : h);
    SDL_FreeSurface(img);
    if (!small)
        snprintf(why, cap, "cannot be scaled to %dx%d: out of memory", w, h);
    return small;
}

/* ---- cache and worker -------------------------------------------------- */

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
            file ? decode_for_box(file, w, h, fit, overscan, max_pixels, why, sizeof why) : NULL;
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
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
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
                SDL_Surface *s = decode_for_box(e->file, e->box_w, e->box_h, e->fit, e->overscan,
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
                decode_for_box(e->file, bw, bh, fit, overscan, c->max_pixels, why, sizeof why);
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
