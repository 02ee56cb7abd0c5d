/* imgprobe_buffer: rows of header bytes → the format, the size, or why not.
 * The headers are written out byte by byte, so each row says exactly what
 * the probe must read. */
#include <string.h>

#include "check.h"
#include "imgprobe.h"

typedef struct {
    const char *name;
    unsigned char bytes[64];
    size_t len;
    imgprobe_status status;
    imgprobe_format format; /* also for BAD_HEADER / NEED_MORE: what the magic said */
    int width, height, components;
} row;

#define PNG_SIG 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a
#define IHDR(w, h) 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, (w) >> 8, (w) & 255, 0, 0, (h) >> 8, (h) & 255

static const row ROWS[] = {
    {"PNG 4x3", {PNG_SIG, IHDR(4, 3), 8, 2, 0, 0, 0}, 8 + 8 + 13, IMGPROBE_OK, IMGPROBE_PNG, 4, 3, 0},
    {"PNG 1920x1080", {PNG_SIG, IHDR(1920, 1080), 8, 6, 0, 0, 0}, 8 + 8 + 13, IMGPROBE_OK,
     IMGPROBE_PNG, 1920, 1080, 0},
    {"PNG cut inside IHDR", {PNG_SIG, IHDR(4, 3)}, 8 + 8 + 4, IMGPROBE_NEED_MORE, IMGPROBE_PNG, 0, 0, 0},
    {"PNG whose first chunk is not IHDR", {PNG_SIG, 0, 0, 0, 13, 'I', 'D', 'A', 'T', 0, 0, 0, 4,
      0, 0, 0, 3, 8, 2, 0, 0, 0}, 8 + 8 + 13, IMGPROBE_BAD_HEADER, IMGPROBE_PNG, 0, 0, 0},
    {"PNG of width 0", {PNG_SIG, IHDR(0, 3), 8, 2, 0, 0, 0}, 8 + 8 + 13, IMGPROBE_BAD_HEADER,
     IMGPROBE_PNG, 0, 0, 0},
    {"JPEG baseline 640x480, 3 components",
     {0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 480 >> 8, 480 & 255, 640 >> 8, 640 & 255, 3, 1, 0x22, 0,
      2, 0x11, 1, 3, 0x11, 1},
     21, IMGPROBE_OK, IMGPROBE_JPEG, 640, 480, 3},
    {"JPEG with an APP0 before a progressive frame",
     {0xff, 0xd8, 0xff, 0xe0, 0, 6, 'J', 'F', 'I', 'F', 0xff, 0xc2, 0, 11, 8, 0, 2, 0, 5, 1, 1,
      0x11, 0},
     23, IMGPROBE_OK, IMGPROBE_JPEG, 5, 2, 1},
    {"JPEG cut before its frame", {0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F'}, 8,
     IMGPROBE_NEED_MORE, IMGPROBE_JPEG, 0, 0, 0},
    {"JPEG with a segment shorter than its length field", {0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0},
     8, IMGPROBE_BAD_HEADER, IMGPROBE_JPEG, 0, 0, 0},
    {"FF D8 without a marker after it", {0xff, 0xd8, 0x12, 0x34, 0, 0, 0, 0}, 8,
     IMGPROBE_NOT_IMAGE, IMGPROBE_UNKNOWN, 0, 0, 0},
    {"WebP lossy (VP8) 4x3",
     {'R', 'I', 'F', 'F', 0x36, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 0x2a, 0, 0, 0,
      0xb0, 0x01, 0x00, 0x9d, 0x01, 0x2a, 4, 0, 3, 0},
     30, IMGPROBE_OK, IMGPROBE_WEBP, 4, 3, 0},
    {"WebP extended (VP8X) 300x200",
     {'R', 'I', 'F', 'F', 0x30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0, 0,
      0, 0, 0, (300 - 1) & 255, (300 - 1) >> 8, 0, (200 - 1) & 255, 0, 0},
     30, IMGPROBE_OK, IMGPROBE_WEBP, 300, 200, 0},
    {"RIFF that is not WebP", {'R', 'I', 'F', 'F', 0x30, 0, 0, 0, 'A', 'V', 'I', ' '}, 12,
     IMGPROBE_NOT_IMAGE, IMGPROBE_UNKNOWN, 0, 0, 0},
    {"a GIF", {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, 10, IMGPROBE_NOT_IMAGE,
     IMGPROBE_UNKNOWN, 0, 0, 0},
    {"text", {'h', 'e', 'l', 'l', 'o'}, 5, IMGPROBE_NOT_IMAGE, IMGPROBE_UNKNOWN, 0, 0, 0},
    {"empty", {0}, 0, IMGPROBE_NOT_IMAGE, IMGPROBE_UNKNOWN, 0, 0, 0},
};

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *t = &ROWS[i];
        imgprobe_info info;
        memset(&info, 0x5a, sizeof info);
        imgprobe_status st = imgprobe_buffer(t->bytes, t->len, &info);
        CHECK(st == t->status, "%s: status expected %d, got %d", t->name, t->status, st);
        if (st != t->status)
            continue;
        if (st == IMGPROBE_OK || st == IMGPROBE_BAD_HEADER || st == IMGPROBE_NEED_MORE)
            CHECK(info.format == t->format,
                  "%s: format expected %s, got %s", t->name, imgprobe_format_name(t->format),
                  imgprobe_format_name(info.format));
        if (st == IMGPROBE_OK) {
            CHECK(info.width == t->width && info.height == t->height,
                  "%s: size expected %dx%d, got %dx%d", t->name, t->width, t->height,
                  info.width, info.height);
            if (t->format == IMGPROBE_JPEG)
                CHECK(info.components == t->components, "%s: components expected %d, got %d",
                      t->name, t->components, info.components);
        }
    }
    CHECK(strcmp(imgprobe_format_name(IMGPROBE_WEBP), "WebP") == 0, "WebP's name");
    return check_done();
}
