/* The fade's pixel loop: weights from opacities, and bytes blended with
 * the rounding blend.h promises (ends exact, opaque stays opaque). */
#include "blend.h"
#include "check.h"

typedef struct {
    double opacity;
    unsigned want;
} weight_row;

static const weight_row WEIGHTS[] = {
    {-0.5, 0}, {0, 0}, {0.5, 128}, {0.25, 64}, {1.0 / 3, 85}, {1, 256}, {2, 256},
};

typedef struct {
    uint8_t dst, src;
    unsigned t;
    uint8_t want;
} byte_row;

static const byte_row BYTES[] = {
    {10, 200, 0, 10},           /* weight 0 keeps dst */
    {10, 200, BLEND_ONE, 200},  /* weight one gives src exactly */
    {0, 255, 128, 128},         /* (0 * 128 + 255 * 128 + 128) / 256 = 128.0 */
    {255, 0, 128, 128},         /* symmetric: (255 * 128 + 128) / 256 */
    {255, 255, 77, 255},        /* opaque alpha stays opaque at any weight */
    {100, 100, 200, 100},       /* equal pictures are unchanged */
    {0, 255, 1, 1},             /* (255 + 128) / 256: rounded, not cut */
    {0, 100, 64, 25},           /* (6400 + 128) / 256 = 25.5 → 25 */
    {40, 240, 192, 190},        /* (40 * 64 + 240 * 192 + 128) / 256 = 190.5 → 190 */
};

int main(void)
{
    for (size_t i = 0; i < sizeof WEIGHTS / sizeof WEIGHTS[0]; i++) {
        unsigned got = blend_weight(WEIGHTS[i].opacity);
        CHECK(got == WEIGHTS[i].want, "weight row %zu (opacity %.3f): expected %u, got %u", i,
              WEIGHTS[i].opacity, WEIGHTS[i].want, got);
    }
    /* Each row as a run of 37 bytes (an odd length: the loop's tail after
     * its SIMD steps), every byte checked. */
    for (size_t i = 0; i < sizeof BYTES / sizeof BYTES[0]; i++) {
        uint8_t dst[37], src[37];
        for (int k = 0; k < 37; k++) {
            dst[k] = BYTES[i].dst;
            src[k] = BYTES[i].src;
        }
        blend_bytes(dst, src, sizeof dst, BYTES[i].t);
        int bad = -1;
        for (int k = 0; k < 37 && bad < 0; k++)
            if (dst[k] != BYTES[i].want)
                bad = k;
        CHECK(bad < 0, "byte row %zu (%u over %u, weight %u): expected %u, got %u at byte %d", i,
              BYTES[i].src, BYTES[i].dst, BYTES[i].t, BYTES[i].want, bad < 0 ? 0 : dst[bad], bad);
    }
    return check_done();
}
