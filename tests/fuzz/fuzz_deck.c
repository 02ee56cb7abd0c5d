/* libFuzzer target: the deck loader on any slide file and deck.json.
 *
 * The input is split at the first line "----": what comes before is
 * slides/deck.json (absent when there is no such line), what follows is
 * slides/010-fuzz.json. Both are written into a scratch deck folder that
 * also holds a real picture and font, so paths in the input can name them.
 * The loader must return a deck (it fails only when memory runs out), every
 * diagnostic must have a position, and everything must be freed. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deck.h"

static char deck_dir[64];

static void write_file(const char *name, const uint8_t *data, size_t size)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", deck_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

static void copy_file(const char *from, const char *name)
{
    FILE *f = fopen(from, "rb");
    if (!f)
        return; /* the rows that name it then find it missing */
    static uint8_t buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    write_file(name, buf, n);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* In memory where the system has it: each run writes and reads files. */
    struct stat st;
    const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
    snprintf(deck_dir, sizeof deck_dir, "%s/kiosk-fuzz-deck-%ld", base, (long)getpid());
    char sub[128];
    mkdir(deck_dir, 0700);
    snprintf(sub, sizeof sub, "%s/slides", deck_dir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/assets", deck_dir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/fonts", deck_dir);
    mkdir(sub, 0700);
    copy_file(KIOSK_TEST_DATA "/pixel.png", "assets/a.png");
    copy_file(KIOSK_TEST_DATA "/pixel.jpg", "assets/b.jpg");
    copy_file(KIOSK_TEST_DATA "/pixel.webp", "assets/c.webp");
    write_file("fonts/bad.ttf", (const uint8_t *)"not a font", 10);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *slide = data;
    size_t slide_size = size;
    char settings[256];
    snprintf(settings, sizeof settings, "%s/slides/deck.json", deck_dir);
    unlink(settings);
    for (size_t i = 0; i + 5 <= size; i++) {
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "----\n", 5) == 0) {
            write_file("slides/deck.json", data, i);
            slide = data + i + 5;
            slide_size = size - i - 5;
            break;
        }
    }
    write_file("slides/010-fuzz.json", slide, slide_size);
    diag_list diags = {0};
    deck *d = deck_load(deck_dir, KIOSK_FONT_DIR, &diags);
    if (!d)
        abort(); /* only an exhausted memory may fail, and libFuzzer limits that */
    for (size_t i = 0; i < diags.n; i++)
        if (diags.items[i].line < 1 || diags.items[i].col < 1 || !diags.items[i].message)
            __builtin_trap();
    if (d->n_slides != 1 && diags.n == 0)
        __builtin_trap();
    deck_free(d);
    diag_list_clear(&diags);
    return 0;
}
