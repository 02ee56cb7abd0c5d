/* Reading deck files safely (readfile) and vetting whole pictures before
 * decoding (imgprobe_whole, imgprobe_vet): rows of damaged files made from
 * the test pictures, each with the phrase a reader is told. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "imgprobe.h"
#include "readfile.h"

static unsigned char *slurp(const char *name, size_t *len)
{
    char path[512], why[200];
    snprintf(path, sizeof path, "%s/%s", KIOSK_TEST_DATA, name);
    unsigned char *data;
    readfile_status st = readfile_all(path, 1u << 20, &data, len, why, sizeof why);
    CHECK(st == READFILE_OK, "%s reads: %s", name, why);
    return data;
}

/* The JPEG's frame header, for patching the size it claims. */
static size_t sof_offset(const unsigned char *d, size_t len)
{
    for (size_t i = 2; i + 4 < len;) {
        unsigned m = d[i + 1];
        if (m >= 0xC0 && m <= 0xC3)
            return i;
        i += 2 + ((size_t)d[i + 2] << 8 | d[i + 3]);
    }
    return 0;
}

/* Where a PNG's chunk of that type starts (its length field); 0 if none. */
static size_t png_chunk(const unsigned char *d, size_t len, const char *type)
{
    for (size_t i = 8; i + 12 <= len;) {
        size_t n = (size_t)d[i] << 24 | (size_t)d[i + 1] << 16 | (size_t)d[i + 2] << 8 | d[i + 3];
        if (memcmp(d + i + 4, type, 4) == 0)
            return i;
        i += 12 + n;
    }
    return 0;
}

static void check_readfile(void)
{
    char dir[] = "/tmp/kiosk-readfile-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "a scratch folder: %s", strerror(errno));
    char ok[600], big[600], fifo[600], loop_a[600], loop_b[600], missing[600];
    snprintf(ok, sizeof ok, "%s/ok.json", dir);
    snprintf(big, sizeof big, "%s/big.json", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo.json", dir);
    snprintf(loop_a, sizeof loop_a, "%s/a.json", dir);
    snprintf(loop_b, sizeof loop_b, "%s/b.json", dir);
    snprintf(missing, sizeof missing, "%s/none/x.json", dir);
    FILE *f = fopen(ok, "w");
    fputs("{}", f);
    fclose(f);
    f = fopen(big, "w");
    for (int i = 0; i < 3000; i++)
        fputc(' ', f);
    fclose(f);
    CHECK(mkfifo(fifo, 0600) == 0, "mkfifo: %s", strerror(errno));
    CHECK(symlink("b.json", loop_a) == 0 && symlink("a.json", loop_b) == 0, "symlinks");
    struct {
        const char *path;
        size_t max;
        readfile_status status;
        const char *why;
    } rows[] = {
        {ok, 100, READFILE_OK, ""},
        {big, 2048, READFILE_TOO_BIG, "is larger than 2 KiB"},
        {dir, 100, READFILE_NOT_FILE, "is a folder, not a file"},
        {fifo, 100, READFILE_NOT_FILE, "is a FIFO (named pipe), not a file"},
        {loop_a, 100, READFILE_LOOP, "is a loop of symbolic links"},
        {missing, 100, READFILE_MISSING, "does not exist"},
        {"/dev/null", 100, READFILE_NOT_FILE, "is a device, not a file"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        unsigned char *data;
        size_t len;
        char why[200];
        readfile_status st = readfile_all(rows[i].path, rows[i].max, &data, &len, why, sizeof why);
        CHECK(st == rows[i].status, "readfile row %zu: expected status %d, got %d (%s)", i,
              rows[i].status, st, why);
        char label[64];
        snprintf(label, sizeof label, "readfile row %zu", i);
        CHECK_STR(why, rows[i].why, label);
        CHECK((st == READFILE_OK) == (data != NULL), "readfile row %zu: data only on success", i);
        if (data)
            CHECK(len == 2 && memcmp(data, "{}", 3) == 0, "readfile row %zu: the bytes, NUL-ended", i);
        free(data);
    }
    unlink(ok);
    unlink(big);
    unlink(fifo);
    unlink(loop_a);
    unlink(loop_b);
    rmdir(dir);
}

enum { AS_IS, CUT_HALF, CUT_TAIL, FLIP_BYTE, HUGE_SIZE, EMPTY, DROP_IDAT };

static void check_vet(void)
{
    struct {
        const char *file;
        int damage;
        int status;
        const char *why;
    } rows[] = {
        {"pixel.png", AS_IS, 0, ""},
        {"pixel.jpg", AS_IS, 0, ""},
        {"pixel.webp", AS_IS, 0, ""},
        {"pixel.png", CUT_TAIL, -1, "is a damaged PNG image: it is cut short before its IEND chunk"},
        {"pixel.png", CUT_HALF, -1, "is a damaged PNG image: it is cut short inside its IDAT chunk"},
        {"pixel.png", FLIP_BYTE, -1, "is a damaged PNG image: it has a wrong checksum in its IDAT chunk"},
        {"pixel.png", DROP_IDAT, -1, "is a damaged PNG image: it has no image data (no IDAT chunk)"},
        {"pixel.jpg", CUT_TAIL, -1,
         "is a damaged JPEG image: it is cut short before the end of its image data"},
        {"pixel.jpg", HUGE_SIZE, -1,
         "is 30000x30000 pixels (900.0 megapixels), more than the deck's limit of 40 megapixels "
         "(max_image_megapixels in deck.json); scale it down"},
        {"pixel.webp", CUT_TAIL, -1, "is a damaged WebP image: it is cut short (its RIFF header promises more)"},
        {"pixel.png", EMPTY, -1, "is an empty file (0 bytes)"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t len;
        unsigned char *d = slurp(rows[i].file, &len);
        if (!d)
            continue;
        switch (rows[i].damage) {
        case CUT_HALF: len = png_chunk(d, len, "IDAT") + 12; break;
        case CUT_TAIL: len -= 2; break;
        case FLIP_BYTE: d[png_chunk(d, len, "IDAT") + 9] ^= 0x55; break;
        case EMPTY: len = 0; break;
        case HUGE_SIZE: {
            size_t sof = sof_offset(d, len);
            CHECK(sof > 0, "row %zu: the JPEG has a frame header", i);
            d[sof + 5] = d[sof + 7] = 30000 >> 8;
            d[sof + 6] = d[sof + 8] = 30000 & 255;
            break;
        }
        case DROP_IDAT: {
            size_t idat = png_chunk(d, len, "IDAT"), n = 12 + ((size_t)d[idat + 2] << 8 | d[idat + 3]);
            memmove(d + idat, d + idat + n, len - idat - n);
            len -= n;
            break;
        }
        }
        imgprobe_info info;
        char why[200] = "";
        int st = imgprobe_vet(d, len, 40000000LL, &info, why, sizeof why);
        CHECK(st == rows[i].status, "vet row %zu (%s): expected %d, got %d (%s)", i, rows[i].file,
              rows[i].status, st, why);
        char label[80];
        snprintf(label, sizeof label, "vet row %zu (%s)", i, rows[i].file);
        if (rows[i].status != 0)
            CHECK_STR(why, rows[i].why, label);
        free(d);
    }
}

int main(void)
{
    check_readfile();
    check_vet();
    return check_done();
}
