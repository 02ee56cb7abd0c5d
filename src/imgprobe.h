/* imgprobe — what kind of image a file is and how big, from its header alone.
 *
 * Checks the magic bytes and parses just enough of the header to trust it:
 * PNG (signature + IHDR), JPEG (markers up to the first SOFn frame header)
 * and WebP (RIFF container with a VP8, VP8L or VP8X chunk). Nothing is
 * decoded, so checking a deck of large photos stays fast. Pure: no SDL. */
#ifndef KIOSK_IMGPROBE_H
#define KIOSK_IMGPROBE_H

#include <stddef.h>

typedef enum {
    IMGPROBE_UNKNOWN, /* not an image format kiosk reads */
    IMGPROBE_PNG,
    IMGPROBE_JPEG,
    IMGPROBE_WEBP,
} imgprobe_format;

typedef struct {
    imgprobe_format format;
    int width, height; /* pixels, > 0 when the probe succeeds */
} imgprobe_info;

typedef enum {
    IMGPROBE_OK = 0,
    IMGPROBE_NOT_IMAGE = -1, /* magic bytes match no known format */
    IMGPROBE_BAD_HEADER = -2, /* the magic matched but the header is broken */
    IMGPROBE_NEED_MORE = -3, /* the buffer ends before the size was found */
    IMGPROBE_IO = -4,        /* imgprobe_file only: cannot open or read */
} imgprobe_status;

/* Probes the first len bytes of a file. On IMGPROBE_OK fills *info; on
 * IMGPROBE_BAD_HEADER and IMGPROBE_NEED_MORE info->format says what the
 * magic bytes claimed. */
imgprobe_status imgprobe_buffer(const unsigned char *data, size_t len,
                                imgprobe_info *info);

/* Probes a file, reading only as much of it as the header needs. A file that
 * ends before its size was found is IMGPROBE_BAD_HEADER. */
imgprobe_status imgprobe_file(const char *path, imgprobe_info *info);

/* "PNG", "JPEG", "WebP" or "unknown". */
const char *imgprobe_format_name(imgprobe_format f);

#endif
