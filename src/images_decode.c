/* images_decode — a picture file into upright pixels at the size it is
 * drawn: EXIF orientation, CMYK JPEGs, libjpeg-turbo's scaled decoding,
 * the pixel limit, and area-averaged downscaling. No cache, no thread: the
 * cache and its worker (images.c) call these. */
#include "images.h"

#include <SDL_image.h>
#include <libexif/exif-data.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

#include "readfile.h"

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
 * width and height. Frees src when it returns a new surface; NULL (src
 * freed) when the turned copy cannot be made: a picture shown on its side
 * would look broken, so the caller refuses it like an undecodable one. */
static SDL_Surface *orient(SDL_Surface *src, int o)
{
    if (o == 1)
        return src;
    int w = src->w, h = src->h;
    bool swap = o >= 5;
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, swap ? h : w, swap ? w : h, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!dst) {
        SDL_FreeSurface(src);
        return NULL;
    }
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
            if (!(argb = orient(argb, o)))
                refuse(why, cap, "cannot be turned upright: %s", SDL_GetError());
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
    if (info.format == IMGPROBE_JPEG && !(argb = orient(argb, o)))
        refuse(why, cap, "cannot be turned upright: %s", SDL_GetError());
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
/* Marks an ARGB8888 picture with no transparent pixel as opaque (blend
 * mode NONE): SDL's software renderer then scales it straight into the
 * screen instead of through an intermediate surface and an alpha blend. */
static SDL_Surface *mark_opaque(SDL_Surface *s)
{
    if (!s || s->format->format != SDL_PIXELFORMAT_ARGB8888)
        return s;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        Uint32 all = 0xff000000u;
        for (int x = 0; x < s->w; x++)
            all &= row[x];
        if ((all & 0xff000000u) != 0xff000000u)
            return s;
    }
    SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
    return s;
}

SDL_Surface *images_decode_for_box(const char *file, int box_w, int box_h, image_fit fit,
                                   double overscan, long long max_pixels, char *why,
                                   size_t cap)
{
    SDL_Surface *img = decode_scaled(file, max_pixels, box_w, box_h, fit, overscan, why, cap);
    if (!img)
        return NULL;
    double sx = (double)box_w / img->w, sy = (double)box_h / img->h;
    double s = (fit == FIT_COVER ? fmax(sx, sy) : fmin(sx, sy)) * overscan;
    if (s >= 1.0)
        return mark_opaque(img);
    int w = (int)lround(img->w * s), h = (int)lround(img->h * s);
    SDL_Surface *small = images_resize(img, w < 1 ? 1 : w, h < 1 ? 1 : h);
    SDL_FreeSurface(img);
    if (!small)
        snprintf(why, cap, "cannot be scaled to %dx%d: out of memory", w, h);
    return mark_opaque(small);
}
