/* blend — one picture faded into another, in place: the pixel loop of a
 * fade composed straight from two slides' still layers (render.c), with no
 * full-screen picture in between. Works on the bytes of 8-bit channels
 * (ARGB8888 rows are 4 bytes a pixel), so an opaque pair stays opaque. Pure. */
#ifndef KIOSK_BLEND_H
#define KIOSK_BLEND_H

#include <stddef.h>
#include <stdint.h>

#define BLEND_ONE 256u /* the weight that takes src whole */

/* The weight of an opacity 0..1 (clamped) in 256ths, rounded. */
unsigned blend_weight(double opacity);

/* dst[i] = (dst[i] * (256 - t) + src[i] * t + 128) / 256 for n bytes: t = 0
 * keeps dst, BLEND_ONE gives src exactly, and 255 stays 255. The two do
 * not overlap. */
void blend_bytes(uint8_t *restrict dst, const uint8_t *restrict src, size_t n, unsigned t);

#endif
