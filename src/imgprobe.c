#include "imgprobe.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grow.h"

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
            if (i + 8 > len)
                return IMGPROBE_NEED_MORE;
            info->components = d[i + 7];
            return set_size(info, be16(d + i + 5), be16(d + i + 3));
        }
        if (marker == 0xEE && seglen >= 7 && i + 7 <= len && memcmp(d + i + 2, "Adobe", 5) == 0)
            info->adobe = 1;
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
    *info = (imgprobe_info){IMGPROBE_UNKNOWN, 0, 0, 0, 0};
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
    *info = (imgprobe_info){IMGPROBE_UNKNOWN, 0, 0, 0, 0};
    /* O_NONBLOCK: a FIFO put in a picture's place must not block the probe. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
        close(fd);
        errno = EINVAL;
        return IMGPROBE_IO;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        return IMGPROBE_IO;
    }
    imgprobe_status st = IMGPROBE_IO;
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        unsigned char *grown = grow_array(buf, &cap, cap + 1, 1, IMGPROBE_FIRST_READ_BYTES);
        if (!grown) {
            st = IMGPROBE_IO;
            break;
        }
        buf = grown;
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

/* ---- the whole file --------------------------------------------------- */

/* The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320), byte-wise. */
static const uint32_t crc_table[256] = {
    0x00000000u, 0x77073096u, 0xee0e612cu, 0x990951bau, 0x076dc419u, 0x706af48fu,
    0xe963a535u, 0x9e6495a3u, 0x0edb8832u, 0x79dcb8a4u, 0xe0d5e91eu, 0x97d2d988u,
    0x09b64c2bu, 0x7eb17cbdu, 0xe7b82d07u, 0x90bf1d91u, 0x1db71064u, 0x6ab020f2u,
    0xf3b97148u, 0x84be41deu, 0x1adad47du, 0x6ddde4ebu, 0xf4d4b551u, 0x83d385c7u,
    0x136c9856u, 0x646ba8c0u, 0xfd62f97au, 0x8a65c9ecu, 0x14015c4fu, 0x63066cd9u,
    0xfa0f3d63u, 0x8d080df5u, 0x3b6e20c8u, 0x4c69105eu, 0xd56041e4u, 0xa2677172u,
    0x3c03e4d1u, 0x4b04d447u, 0xd20d85fdu, 0xa50ab56bu, 0x35b5a8fau, 0x42b2986cu,
    0xdbbbc9d6u, 0xacbcf940u, 0x32d86ce3u, 0x45df5c75u, 0xdcd60dcfu, 0xabd13d59u,
    0x26d930acu, 0x51de003au, 0xc8d75180u, 0xbfd06116u, 0x21b4f4b5u, 0x56b3c423u,
    0xcfba9599u, 0xb8bda50fu, 0x2802b89eu, 0x5f058808u, 0xc60cd9b2u, 0xb10be924u,
    0x2f6f7c87u, 0x58684c11u, 0xc1611dabu, 0xb6662d3du, 0x76dc4190u, 0x01db7106u,
    0x98d220bcu, 0xefd5102au, 0x71b18589u, 0x06b6b51fu, 0x9fbfe4a5u, 0xe8b8d433u,
    0x7807c9a2u, 0x0f00f934u, 0x9609a88eu, 0xe10e9818u, 0x7f6a0dbbu, 0x086d3d2du,
    0x91646c97u, 0xe6635c01u, 0x6b6b51f4u, 0x1c6c6162u, 0x856530d8u, 0xf262004eu,
    0x6c0695edu, 0x1b01a57bu, 0x8208f4c1u, 0xf50fc457u, 0x65b0d9c6u, 0x12b7e950u,
    0x8bbeb8eau, 0xfcb9887cu, 0x62dd1ddfu, 0x15da2d49u, 0x8cd37cf3u, 0xfbd44c65u,
    0x4db26158u, 0x3ab551ceu, 0xa3bc0074u, 0xd4bb30e2u, 0x4adfa541u, 0x3dd895d7u,
    0xa4d1c46du, 0xd3d6f4fbu, 0x4369e96au, 0x346ed9fcu, 0xad678846u, 0xda60b8d0u,
    0x44042d73u, 0x33031de5u, 0xaa0a4c5fu, 0xdd0d7cc9u, 0x5005713cu, 0x270241aau,
    0xbe0b1010u, 0xc90c2086u, 0x5768b525u, 0x206f85b3u, 0xb966d409u, 0xce61e49fu,
    0x5edef90eu, 0x29d9c998u, 0xb0d09822u, 0xc7d7a8b4u, 0x59b33d17u, 0x2eb40d81u,
    0xb7bd5c3bu, 0xc0ba6cadu, 0xedb88320u, 0x9abfb3b6u, 0x03b6e20cu, 0x74b1d29au,
    0xead54739u, 0x9dd277afu, 0x04db2615u, 0x73dc1683u, 0xe3630b12u, 0x94643b84u,
    0x0d6d6a3eu, 0x7a6a5aa8u, 0xe40ecf0bu, 0x9309ff9du, 0x0a00ae27u, 0x7d079eb1u,
    0xf00f9344u, 0x8708a3d2u, 0x1e01f268u, 0x6906c2feu, 0xf762575du, 0x806567cbu,
    0x196c3671u, 0x6e6b06e7u, 0xfed41b76u, 0x89d32be0u, 0x10da7a5au, 0x67dd4accu,
    0xf9b9df6fu, 0x8ebeeff9u, 0x17b7be43u, 0x60b08ed5u, 0xd6d6a3e8u, 0xa1d1937eu,
    0x38d8c2c4u, 0x4fdff252u, 0xd1bb67f1u, 0xa6bc5767u, 0x3fb506ddu, 0x48b2364bu,
    0xd80d2bdau, 0xaf0a1b4cu, 0x36034af6u, 0x41047a60u, 0xdf60efc3u, 0xa867df55u,
    0x316e8eefu, 0x4669be79u, 0xcb61b38cu, 0xbc66831au, 0x256fd2a0u, 0x5268e236u,
    0xcc0c7795u, 0xbb0b4703u, 0x220216b9u, 0x5505262fu, 0xc5ba3bbeu, 0xb2bd0b28u,
    0x2bb45a92u, 0x5cb36a04u, 0xc2d7ffa7u, 0xb5d0cf31u, 0x2cd99e8bu, 0x5bdeae1du,
    0x9b64c2b0u, 0xec63f226u, 0x756aa39cu, 0x026d930au, 0x9c0906a9u, 0xeb0e363fu,
    0x72076785u, 0x05005713u, 0x95bf4a82u, 0xe2b87a14u, 0x7bb12baeu, 0x0cb61b38u,
    0x92d28e9bu, 0xe5d5be0du, 0x7cdcefb7u, 0x0bdbdf21u, 0x86d3d2d4u, 0xf1d4e242u,
    0x68ddb3f8u, 0x1fda836eu, 0x81be16cdu, 0xf6b9265bu, 0x6fb077e1u, 0x18b74777u,
    0x88085ae6u, 0xff0f6a70u, 0x66063bcau, 0x11010b5cu, 0x8f659effu, 0xf862ae69u,
    0x616bffd3u, 0x166ccf45u, 0xa00ae278u, 0xd70dd2eeu, 0x4e048354u, 0x3903b3c2u,
    0xa7672661u, 0xd06016f7u, 0x4969474du, 0x3e6e77dbu, 0xaed16a4au, 0xd9d65adcu,
    0x40df0b66u, 0x37d83bf0u, 0xa9bcae53u, 0xdebb9ec5u, 0x47b2cf7fu, 0x30b5ffe9u,
    0xbdbdf21cu, 0xcabac28au, 0x53b39330u, 0x24b4a3a6u, 0xbad03605u, 0xcdd70693u,
    0x54de5729u, 0x23d967bfu, 0xb3667a2eu, 0xc4614ab8u, 0x5d681b02u, 0x2a6f2b94u,
    0xb40bbe37u, 0xc30c8ea1u, 0x5a05df1bu, 0x2d02ef8du,
};

static uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        crc = crc_table[(crc ^ p[i]) & 255] ^ (crc >> 8);
    return ~crc;
}

static imgprobe_status damaged(char *why, size_t cap, const char *fmt, const char *arg)
{
    if (cap)
        snprintf(why, cap, fmt, arg);
    return IMGPROBE_DAMAGED;
}

static void chunk_name(const unsigned char *p, char out[5])
{
    for (int k = 0; k < 4; k++)
        out[k] = (p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= 'a' && p[k] <= 'z') ? (char)p[k] : '?';
    out[4] = '\0';
}

static imgprobe_status whole_png(const unsigned char *d, size_t len, char *why, size_t cap)
{
    size_t i = 8;
    int idat = 0;
    char name[5];
    for (;;) {
        if (len - i < 12)
            return damaged(why, cap, "is cut short before its IEND chunk%s", "");
        uint32_t n = be32(d + i);
        chunk_name(d + i + 4, name);
        if (n > 0x7FFFFFFFu || n > len - i - 12)
            return damaged(why, cap, "is cut short inside its %s chunk", name);
        if (crc32_of(d + i + 4, 4 + (size_t)n) != be32(d + i + 8 + n))
            return damaged(why, cap, "has a wrong checksum in its %s chunk", name);
        idat |= memcmp(name, "IDAT", 4) == 0;
        i += 12 + (size_t)n;
        if (memcmp(name, "IEND", 4) == 0)
            break;
    }
    if (!idat)
        return damaged(why, cap, "has no image data (no IDAT chunk)%s", "");
    return IMGPROBE_OK;
}

static imgprobe_status whole_jpeg(const unsigned char *d, size_t len, char *why, size_t cap)
{
    const char *short_msg = "is cut short before the end of its image data%s";
    size_t i = 2;
    int scans = 0;
    for (;;) {
        if (i >= len)
            return damaged(why, cap, short_msg, "");
        if (d[i] != 0xFF)
            return damaged(why, cap, "has stray bytes between its markers%s", "");
        while (i < len && d[i] == 0xFF)
            i++;
        if (i >= len)
            return damaged(why, cap, short_msg, "");
        unsigned marker = d[i++];
        if (marker == 0xD9)
            break;
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue;
        if (marker == 0x00 || marker == 0xD8)
            return damaged(why, cap, "has stray bytes between its markers%s", "");
        if (len - i < 2)
            return damaged(why, cap, short_msg, "");
        uint32_t seglen = be16(d + i);
        if (seglen < 2 || seglen > len - i)
            return damaged(why, cap, short_msg, "");
        i += seglen;
        if (marker != 0xDA)
            continue;
        /* Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or
         * a restart marker; anything else is the next marker. */
        scans++;
        for (;;) {
            if (i + 1 >= len)
                return damaged(why, cap, short_msg, "");
            if (d[i] == 0xFF && d[i + 1] != 0x00 && d[i + 1] != 0xFF &&
                !(d[i + 1] >= 0xD0 && d[i + 1] <= 0xD7))
                break;
            i++;
        }
    }
    if (!scans)
        return damaged(why, cap, "has no image data (no scan)%s", "");
    return IMGPROBE_OK;
}

imgprobe_status imgprobe_whole(const unsigned char *data, size_t len,
                               imgprobe_info *info, char *why, size_t cap)
{
    if (cap)
        why[0] = '\0';
    imgprobe_status st = imgprobe_buffer(data, len, info);
    if (st == IMGPROBE_NEED_MORE)
        st = IMGPROBE_BAD_HEADER;
    if (st != IMGPROBE_OK)
        return st;
    switch (info->format) {
    case IMGPROBE_PNG:
        return whole_png(data, len, why, cap);
    case IMGPROBE_JPEG:
        return whole_jpeg(data, len, why, cap);
    case IMGPROBE_WEBP:
        if ((size_t)le32(data + 4) > len - 8)
            return damaged(why, cap, "is cut short (its RIFF header promises more)%s", "");
        return IMGPROBE_OK;
    default:
        return IMGPROBE_NOT_IMAGE;
    }
}

static int say(char *why, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int say(char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (cap)
        vsnprintf(why, cap, fmt, ap);
    va_end(ap);
    return -1;
}

int imgprobe_check_limit(const imgprobe_info *info, long long max_pixels, char *why,
                         size_t cap)
{
    long long pixels = imgprobe_pixels(info);
    if (max_pixels <= 0 || pixels <= max_pixels)
        return 0;
    return say(why, cap,
               "is %dx%d pixels (%.1f megapixels), more than the deck's limit of %g megapixels "
               "(max_image_megapixels in deck.json); "
               "scale it down",
               info->width, info->height, (double)pixels / 1e6, (double)max_pixels / 1e6);
}

int imgprobe_vet(const unsigned char *data, size_t len, long long max_pixels,
                 imgprobe_info *info, char *why, size_t cap)
{
    char detail[160];
    imgprobe_status st = imgprobe_whole(data, len, info, detail, sizeof detail);
    if (len == 0)
        return say(why, cap, "is an empty file (0 bytes)");
    if (st == IMGPROBE_NOT_IMAGE)
        return say(why, cap, "is not a PNG, JPEG or WebP image");
    if (st == IMGPROBE_BAD_HEADER)
        return say(why, cap, "is a damaged %s image (its header does not parse)",
                   imgprobe_format_name(info->format));
    /* The size first: it is known, and nothing has been decoded. */
    if (imgprobe_check_limit(info, max_pixels, why, cap) != 0)
        return -1;
    if (st == IMGPROBE_DAMAGED)
        return say(why, cap, "is a damaged %s image: it %s",
                   imgprobe_format_name(info->format), detail);
    return 0;
}

long long imgprobe_pixels(const imgprobe_info *info)
{
    return (long long)info->width * info->height;
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
