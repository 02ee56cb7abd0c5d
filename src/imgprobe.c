#include "imgprobe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* JPEG keeps EXIF thumbnails and ICC profiles before the frame header, so the
 * size can sit a few hundred KiB in; never read more than this looking. */
#define IMGPROBE_MAX_READ_BYTES (64u << 20)
#define IMGPROBE_FIRST_READ_BYTES (64u << 10)

static uint32_t be16(const unsigned char *p) { return (uint32_t)p[0] << 8 | p[1]; }
static uint32_t le16(const unsigned char *p) { return (uint32_t)p[1] << 8 | p[0]; }
static uint32_t le24(const unsigned char *p) { return le16(p) | (uint32_t)p[2] << 16; }

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p) { return le16(p) | le16(p + 2) << 16; }

static imgprobe_status set_size(imgprobe_info *info, uint32_t w, uint32_t h)
{
    if (w == 0 || h == 0 || w > INT32_MAX || h > INT32_MAX)
        return IMGPROBE_BAD_HEADER;
    info->width = (int)w;
    info->height = (int)h;
    return IMGPROBE_OK;
}

static imgprobe_status probe_png(const unsigned char *d, size_t len, imgprobe_info *info)
{
    if (len < 26)
        return IMGPROBE_NEED_MORE;
    if (be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
        return IMGPROBE_BAD_HEADER;
    unsigned depth = d[24], colour = d[25];
    if (colour != 0 && colour != 2 && colour != 3 && colour != 4 && colour != 6)
        return IMGPROBE_BAD_HEADER;
    if (depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16)
        return IMGPROBE_BAD_HEADER;
    return set_size(info, be32(d + 16), be32(d + 20));
}

static imgprobe_status probe_jpeg(const unsigned char *d, size_t len, imgprobe_info *info)
{
    size_t i = 2;
    for (;;) {
        if (i >= len)
            return IMGPROBE_NEED_MORE;
        if (d[i] != 0xFF)
            return IMGPROBE_BAD_HEADER;
        while (i < len && d[i] == 0xFF) /* fill bytes */
            i++;
        if (i >= len)
            return IMGPROBE_NEED_MORE;
        unsigned marker = d[i++];
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue; /* standalone markers carry no length */
        if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA || marker == 0x00)
            return IMGPROBE_BAD_HEADER; /* image data before any frame header */
        if (i + 2 > len)
            return IMGPROBE_NEED_MORE;
        uint32_t seglen = be16(d + i);
        if (seglen < 2)
            return IMGPROBE_BAD_HEADER;
        int is_sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 &&
                     marker != 0xC8 && marker != 0xCC;
        if (is_sof) {
            if (seglen < 8)
                return IMGPROBE_BAD_HEADER;
            if (i + 7 > len)
                return IMGPROBE_NEED_MORE;
            return set_size(info, be16(d + i + 5), be16(d + i + 3));
        }
        i += seglen;
    }
}

static imgprobe_status probe_webp(const unsigned char *d, size_t len, imgprobe_info *info)
{
    if (len < 30)
        return IMGPROBE_NEED_MORE;
    const unsigned char *chunk = d + 12, *data = d + 20;
    if (memcmp(chunk, "VP8 ", 4) == 0) {
        if (data[0] & 1) /* the first frame must be a key frame */
            return IMGPROBE_BAD_HEADER;
        if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A)
            return IMGPROBE_BAD_HEADER;
        return set_size(info, le16(data + 6) & 0x3FFF, le16(data + 8) & 0x3FFF);
    }
    if (memcmp(chunk, "VP8L", 4) == 0) {
        if (data[0] != 0x2F)
            return IMGPROBE_BAD_HEADER;
        uint32_t bits = le32(data + 1);
        return set_size(info, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (memcmp(chunk, "VP8X", 4) == 0)
        return set_size(info, le24(data + 4) + 1, le24(data + 7) + 1);
    return IMGPROBE_BAD_HEADER;
}

imgprobe_status imgprobe_buffer(const unsigned char *data, size_t len,
                                imgprobe_info *info)
{
    info->format = IMGPROBE_UNKNOWN;
    info->width = info->height = 0;
    if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
        info->format = IMGPROBE_PNG;
        return probe_png(data, len, info);
    }
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        info->format = IMGPROBE_JPEG;
        return probe_jpeg(data, len, info);
    }
    if (len >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0) {
        info->format = IMGPROBE_WEBP;
        return probe_webp(data, len, info);
    }
    return IMGPROBE_NOT_IMAGE;
}

imgprobe_status imgprobe_file(const char *path, imgprobe_info *info)
{
    info->format = IMGPROBE_UNKNOWN;
    info->width = info->height = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return IMGPROBE_IO;
    imgprobe_status st = IMGPROBE_IO;
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        size_t want = cap ? cap * 2 : IMGPROBE_FIRST_READ_BYTES;
        unsigned char *grown = realloc(buf, want);
        if (!grown) {
            st = IMGPROBE_IO;
            break;
        }
        buf = grown;
        cap = want;
        len += fread(buf + len, 1, cap - len, f);
        if (ferror(f)) {
            st = IMGPROBE_IO;
            break;
        }
        st = imgprobe_buffer(buf, len, info);
        if (st != IMGPROBE_NEED_MORE)
            break;
        if (len < cap || cap >= IMGPROBE_MAX_READ_BYTES) {
            st = IMGPROBE_BAD_HEADER; /* the file ends inside its header */
            break;
        }
    }
    free(buf);
    fclose(f);
    return st;
}

const char *imgprobe_format_name(imgprobe_format f)
{
    switch (f) {
    case IMGPROBE_PNG:
        return "PNG";
    case IMGPROBE_JPEG:
        return "JPEG";
    case IMGPROBE_WEBP:
        return "WebP";
    default:
        return "unknown";
    }
}
