/* imgprobe — what kind of image a file is and how big, from its header alone.
 *
 * Checks the magic bytes and parses just enough of the header to trust it:
 * PNG (signature + IHDR), JPEG (markers up to the first SOFn frame header)
 * and WebP (RIFF container with a VP8, VP8L or VP8X chunk). Nothing is
 * decoded, so checking a deck of large photos stays fast, and a header
 * claiming a huge size can be refused before any pixel memory is taken.
 * imgprobe_whole also walks the rest of the file's structure (chunks and
 * checksums, markers up to the end of the image), which finds files cut
 * short that decoders accept silently. Pure: no SDL. */
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
    int components;    /* JPEG: colour components of the frame (1 grey, 3
                          YCbCr, 4 CMYK or YCCK); 0 for other formats */
    int adobe;         /* JPEG: 1 when an Adobe APP14 marker precedes the
                          frame header (its CMYK is then stored inverted) */
} imgprobe_info;

typedef enum {
    IMGPROBE_OK = 0,
    IMGPROBE_NOT_IMAGE = -1, /* magic bytes match no known format */
    IMGPROBE_BAD_HEADER = -2, /* the magic matched but the header is broken */
    IMGPROBE_NEED_MORE = -3, /* the buffer ends before the size was found */
    IMGPROBE_IO = -4,        /* imgprobe_file only: cannot open or read */
    IMGPROBE_DAMAGED = -5,   /* imgprobe_whole: the header parses but the rest
                                of the file is cut short or corrupt */
} imgprobe_status;

/* Probes the first len bytes of a file. On IMGPROBE_OK fills *info; on
 * IMGPROBE_BAD_HEADER and IMGPROBE_NEED_MORE info->format says what the
 * magic bytes claimed. */
imgprobe_status imgprobe_buffer(const unsigned char *data, size_t len,
                                imgprobe_info *info);

/* Probes a file, reading only as much of it as the header needs. A file that
 * ends before its size was found is IMGPROBE_BAD_HEADER. */
imgprobe_status imgprobe_file(const char *path, imgprobe_info *info);

/* Probes the header like imgprobe_buffer, then checks that data[0..len) is
 * the whole file: a PNG's chunks end with IEND, each with a correct CRC and
 * at least one IDAT; a JPEG's markers reach EOI after some scan data; a
 * WebP's RIFF size fits. IMGPROBE_DAMAGED says why in why[0..cap) ("it is
 * cut short before its IEND chunk"), a phrase to follow the file's name.
 * A buffer the header probe cannot finish is IMGPROBE_BAD_HEADER. */
imgprobe_status imgprobe_whole(const unsigned char *data, size_t len,
                               imgprobe_info *info, char *why, size_t cap);

/* 0 when the picture fits max_pixels (<= 0: no limit); otherwise -1 with
 * a phrase in why[0..cap) that can follow the file's name: "is 30000x30000
 * pixels (900.0 megapixels), more than the limit of 40 megapixels; ...". */
int imgprobe_check_limit(const imgprobe_info *info, long long max_pixels, char *why,
                         size_t cap);

/* Everything that can be said of a whole picture file without decoding
 * it, in the order a reader cares: empty, not a picture, a broken header,
 * over max_pixels, cut short or with a bad checksum. 0, or -1 with a phrase
 * in why[0..cap) that can follow the file's name. */
int imgprobe_vet(const unsigned char *data, size_t len, long long max_pixels,
                 imgprobe_info *info, char *why, size_t cap);

/* The pixel count a probe found, without overflow. */
long long imgprobe_pixels(const imgprobe_info *info);

/* "PNG", "JPEG", "WebP" or "unknown". */
const char *imgprobe_format_name(imgprobe_format f);

#endif
