/* images — photos from disk to textures: decoding, EXIF orientation, good
 * downscaling, a decode worker and a memory-budgeted texture cache.
 *
 * Decoding happens on a worker thread when the cache is threaded (the live
 * show), so the main thread never waits on a JPEG; --render uses a
 * synchronous cache. A threaded cache pushes an SDL user event when a
 * decode finishes, so a main loop asleep in SDL_WaitEvent wakes to call
 * images_pump instead of polling. Textures belong to the cache; a pointer returned by
 * images_get stays valid until the next images_get or images_pump call. */
#ifndef KIOSK_IMAGES_H
#define KIOSK_IMAGES_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "imgprobe.h"

#define IMAGES_BUDGET_BYTES (256u << 20) /* texture memory kept, until images_set_budget */
/* A picture file bigger than this is refused unread: 40 megapixels need
 * about 120 MB even as an uncompressed PNG. */
#define IMAGES_MAX_FILE_BYTES (256u << 20)

typedef struct image_cache image_cache;

typedef enum { IMAGE_READY, IMAGE_PENDING, IMAGE_FAILED } image_status;

image_cache *images_new(SDL_Renderer *r, const char *deck_dir, bool threaded);
void images_free(image_cache *c);

/* The picture at deck-relative `path`, decoded at the size it will be drawn
 * in a box of box_w x box_h pixels with `fit`; `overscan` >= 1 asks for that
 * much more resolution (a slow Ken Burns zoom). Sets *status; returns NULL
 * unless IMAGE_READY. A failed file is not retried until images_forget. */
SDL_Texture *images_get(image_cache *c, const char *path, int box_w, int box_h,
                        image_fit fit, double overscan, image_status *status);

/* Keeps at most `bytes` of textures (least recently used dropped first;
 * within images_get the picture asked for stays). A renderer sets it from
 * its screen size: a few screens' worth holds the slides on and next to the
 * screen. */
void images_set_budget(image_cache *c, size_t bytes);

/* Texture bytes held now. */
size_t images_bytes(image_cache *c);

/* Main thread: turns finished decodes into textures. Returns true when
 * something became ready (the frame should be redrawn). */
bool images_pump(image_cache *c);

/* True while any decode is queued or running. */
bool images_busy(image_cache *c);

/* Drops every cached texture and failure (after the deck changed on disk);
 * failures are told again by images_next_failure. */
void images_forget(image_cache *c);

/* Pictures with more pixels fail from their header, before decoding (the
 * deck's max_image_megapixels; <= 0: no limit). Applies to pictures not yet
 * decoded. The default is DECK_DEFAULT_MAX_IMAGE_MEGAPIXELS. */
void images_set_pixel_limit(image_cache *c, long long max_pixels);

/* Tells one picture that failed and was not told yet: its deck-relative
 * path and why ("is a damaged JPEG image: it is cut short ..."); false when
 * there is none. Each path is told once until images_forget, so a show
 * reports a vanished picture once, not once per loop. */
bool images_next_failure(image_cache *c, char *path, size_t path_cap, char *why,
                         size_t why_cap);

/* The file at deck-relative `path` changed on disk: its pictures are
 * decoded again, and until the new version is ready the old one is still
 * drawn (a reload never flashes a placeholder); a new version that fails to
 * decode keeps the old. Pictures not yet drawn are simply asked for again. */
void images_refresh(image_cache *c, const char *path);

/* Decodes a file to an ARGB8888 surface, upright per its EXIF orientation
 * (IMG_Load ignores EXIF), CMYK JPEGs turned into RGB. The file is read
 * whole (never a FIFO or a folder, at most IMAGES_MAX_FILE_BYTES) and vetted
 * by imgprobe_vet before a pixel is decoded. JPEGs are decoded by
 * libjpeg-turbo (CMYK ones by SDL_image). NULL on failure with the reason
 * in why[0..cap), a phrase like imgprobe_vet's. Thread-safe. */
SDL_Surface *images_decode(const char *file, long long max_pixels, char *why, size_t cap);

/* Area-averaging resize of an ARGB8888 surface (sharp, alias-free when
 * shrinking a photo; bilinear-like when enlarging). NULL on failure. */
SDL_Surface *images_resize(SDL_Surface *src, int w, int h);

/* Decodes `file` and scales it for a box of box_w x box_h (times overscan,
 * for a drifting photo): never larger than needed, never enlarged past
 * 1:1 (enlarging is left to the renderer's filter). NULL with the reason in
 * `why` when the file is refused or fails. */
SDL_Surface *images_decode_for_box(const char *file, int box_w, int box_h, image_fit fit,
                                   double overscan, long long max_pixels, char *why,
                                   size_t cap);

/* libjpeg-turbo decodes a JPEG at m/8 of its size, m = 1..8. The smallest
 * m that keeps a src_w x src_h picture at least want_w x want_h, so the
 * area-averaging resize that follows still only shrinks. Pure. */
int images_jpeg_eighths(int src_w, int src_h, int want_w, int want_h);

#endif
