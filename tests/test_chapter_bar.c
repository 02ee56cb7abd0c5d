/* chapter_bar: names fitted into the bar, measured with a fixed-advance
 * fake (ASCII half an em, everything else one em). Whatever the names and
 * the width, the slots tile the bar without overlap, never leave it, and
 * each shown name fits its slot; the steps come in order: design size,
 * smaller, shortened with "…", two rows. */
#include <stdlib.h>
#include <string.h>

#include "chapter_bar.h"
#include "check.h"
#include "utf8.h"

static double fake_measure(void *ctx, const char *s, size_t len, int px, bool bold)
{
    (void)ctx;
    (void)bold;
    double w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        i += k ? k : 1;
        w += cp < 0x80 ? 0.5 * px : px;
    }
    return w;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const SEVEN[] = {"开篇", "创新消费", "锚定重心", "扬优聚势",
                                    "感恩奋进", "数说成效", "展望未来"};
static const char *const TEN_LONG[] = {
    "开篇：对口支援升级迭代", "创新消费：忠州佳品进山东", "锚定重心：产业协作结硕果",
    "扬优聚势：河港海港优势互补", "感恩奋进：三十年山海情深", "数说成效：近五年帮扶成果",
    "展望未来：共绘发展新蓝图", "交通协作：江海联运通道", "人才交流：干部培训互派",
    "文化交流：山海相连同心共富"};

static void check_bar(const char *what, const chapter_bar *b, size_t n, double bar_w,
                      double row_h)
{
    CHECK(b->n == n, "%s: expected %zu slots, got %zu", what, n, b->n);
    CHECK(b->h == b->rows * row_h, "%s: bar height %g for %d rows", what, b->h, b->rows);
    for (size_t i = 0; i < b->n; i++) {
        const chapter_slot *s = &b->slots[i];
        CHECK(s->x >= -1e-6 && s->x + s->w <= bar_w + 1e-6,
              "%s slot %zu: %g..%g leaves the bar 0..%g", what, i, s->x, s->x + s->w, bar_w);
        CHECK(s->text_w <= s->w + 1e-6, "%s slot %zu \"%s\": %g wide in a slot of %g", what, i,
              s->text, s->text_w, s->w);
        if (i > 0 && b->slots[i - 1].y == s->y)
            CHECK(b->slots[i - 1].x + b->slots[i - 1].w <= s->x + 1e-6,
                  "%s slots %zu and %zu overlap", what, i - 1, i);
    }
}

int main(void)
{
    static const struct {
        const char *what;
        const char *const *names;
        size_t n;
        double bar_w;
        int want_px, want_rows;
        bool want_cut;
    } rows[] = {
        /* the demo deck's six names on a landscape screen: the design size */
        {"six on 1920", SEVEN, 6, 1920, 24, 1, false},
        /* seven on a portrait screen: 7 x (4 em + pads) > 1080 at 24 px,
         * so smaller, whole */
        {"seven on 1080", SEVEN, 7, 1080, 24, 1, false},
        {"seven on 720", SEVEN, 7, 720, 20, 1, false},
        /* ten long names on a landscape screen: at the floor, shortened
         * with … rather than on two rows */
        {"ten long on 1920", TEN_LONG, 10, 1920, 16, 1, true},
        /* four fit whole */
        {"four long on 1920", TEN_LONG, 4, 1920, 24, 1, false},
        /* too narrow to keep three characters of each: two rows */
        {"ten long on 720", TEN_LONG, 10, 720, 16, 2, true},
    };
    for (size_t r = 0; r < COUNT(rows); r++) {
        chapter_bar b;
        int rc = chapter_bar_fit(rows[r].names, rows[r].n, rows[r].bar_w, 56, 24, 16,
                                 fake_measure, NULL, &b);
        CHECK(rc == 0, "%s: expected 0, got %d", rows[r].what, rc);
        check_bar(rows[r].what, &b, rows[r].n, rows[r].bar_w, 56);
        CHECK(b.px == rows[r].want_px, "%s: expected %d px, got %d", rows[r].what,
              rows[r].want_px, b.px);
        CHECK(b.rows == rows[r].want_rows, "%s: expected %d rows, got %d", rows[r].what,
              rows[r].want_rows, b.rows);
        CHECK(b.any_cut == rows[r].want_cut, "%s: expected cut %d, got %d", rows[r].what,
              rows[r].want_cut, b.any_cut);
        for (size_t i = 0; i < b.n; i++)
            if (b.slots[i].cut) {
                size_t len = strlen(b.slots[i].text);
                CHECK(len >= 3 && strcmp(b.slots[i].text + len - 3, "…") == 0,
                      "%s slot %zu: a shortened name ends with …, got \"%s\"", rows[r].what, i,
                      b.slots[i].text);
                CHECK(utf8_length(b.slots[i].text, len) >= CHAPTER_BAR_MIN_CHARS + 1,
                      "%s slot %zu: \"%s\" keeps too little", rows[r].what, i, b.slots[i].text);
            } else {
                CHECK_STR(b.slots[i].text, rows[r].names[i], rows[r].what);
            }
        chapter_bar_free(&b);
    }
    /* every width from very narrow to wide: the invariants hold */
    for (double w = 200; w <= 4000; w += 37) {
        chapter_bar b;
        char what[64];
        snprintf(what, sizeof what, "ten long on %g", w);
        CHECK(chapter_bar_fit(TEN_LONG, 10, w, 56, 24, 16, fake_measure, NULL, &b) == 0,
              "%s: failed", what);
        check_bar(what, &b, 10, w, 56);
        chapter_bar_free(&b);
    }
    chapter_bar empty;
    CHECK(chapter_bar_fit(NULL, 0, 1920, 56, 24, 16, fake_measure, NULL, &empty) == 0 &&
              empty.n == 0 && empty.h == 0,
          "no chapters: an empty bar of height 0");
    chapter_bar_free(&empty);
    return check_done();
}
