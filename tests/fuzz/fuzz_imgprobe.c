/* libFuzzer target: the picture header probe and the whole-file check on
 * any bytes. A size must be positive when the probe succeeds, a refusal
 * must say why, and no input may read past its end. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "imgprobe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes, so ASan sees any read past the end. */
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    imgprobe_info info;
    if (imgprobe_buffer(copy, size, &info) == IMGPROBE_OK && (info.width < 1 || info.height < 1))
        __builtin_trap();
    char why[200];
    imgprobe_status st = imgprobe_whole(copy, size, &info, why, sizeof why);
    if (st == IMGPROBE_DAMAGED && !why[0])
        __builtin_trap();
    if (imgprobe_vet(copy, size, 40000000LL, &info, why, sizeof why) != 0 && !why[0])
        __builtin_trap();
    free(copy);
    return 0;
}
