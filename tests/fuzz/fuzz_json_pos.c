/* libFuzzer target: the strict JSON scanner on any bytes. It must stop at
 * the first syntax error or index every value, never read out of bounds,
 * never recurse without limit, and free everything it took. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "json_pos.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_pos_index ix = {0};
    int st = json_pos_scan((const char *)data, size, &ix);
    if (st == JSON_POS_OK) {
        /* Every recorded path must be found again, and lead to itself. */
        for (size_t i = 0; i < ix.n; i++) {
            const json_pos_entry *e = json_pos_find(&ix, ix.entries[i].path);
            if (!e || strcmp(e->path, ix.entries[i].path) != 0 || e->line < 1 || e->col < 1)
                __builtin_trap();
        }
    } else if (st == JSON_POS_SYNTAX && (ix.error_line < 1 || ix.error_col < 1 || !ix.error[0])) {
        __builtin_trap();
    }
    json_pos_free(&ix);
    return 0;
}
