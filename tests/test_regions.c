/* Changed regions: clipping, merging, turning into the whole screen. */
#include "check.h"
#include "regions.h"

typedef struct {
    const char *name;
    region_rect add[REGIONS_MAX + 2];
    int n_add;
    int want_n;
    bool want_full;
    long long want_area;
} row;

#define R(x, y, w, h) ((region_rect){x, y, w, h})

static const row rows[] = {
    {"nothing added", {{0}}, 0, 0, false, 0},
    {"one figure", {R(100, 100, 200, 80)}, 1, 1, false, 16000},
    {"two apart stay two", {R(0, 0, 10, 10), R(50, 50, 10, 10)}, 2, 2, false, 200},
    {"overlapping merge into their union", {R(0, 0, 10, 10), R(5, 5, 10, 10)}, 2, 1, false, 225},
    {"touching edges merge", {R(0, 0, 10, 10), R(10, 0, 10, 10)}, 2, 1, false, 200},
    {"a merge that reaches a third merges it too",
     {R(0, 0, 10, 10), R(30, 0, 10, 10), R(5, 0, 30, 5)}, 3, 1, false, 400},
    {"clipped to the screen", {R(-10, -10, 20, 20)}, 1, 1, false, 100},
    {"off the screen adds nothing", {R(2000, 0, 10, 10), R(0, 0, 0, 5)}, 2, 0, false, 0},
    {"most of the screen becomes all of it", {R(0, 0, 1920, 700)}, 1, 1, true, 1920LL * 1080},
    {"a little under the threshold stays", {R(0, 0, 1920, 600)}, 1, 1, false, 1920LL * 600},
};

int main(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        region_set s;
        regions_clear(&s, 1920, 1080);
        for (int k = 0; k < rows[i].n_add; k++)
            regions_add(&s, rows[i].add[k]);
        CHECK(s.n == rows[i].want_n, "%s: expected %d rectangles, got %d", rows[i].name,
              rows[i].want_n, s.n);
        CHECK(s.full == rows[i].want_full, "%s: expected full %d, got %d", rows[i].name,
              rows[i].want_full, s.full);
        CHECK(regions_area(&s) == rows[i].want_area, "%s: expected %lld pixels, got %lld",
              rows[i].name, rows[i].want_area, regions_area(&s));
    }

    /* More separate rectangles than the set holds: the whole screen. */
    region_set s;
    regions_clear(&s, 1920, 1080);
    for (int k = 0; k <= REGIONS_MAX; k++)
        regions_add(&s, R(k * 100, 0, 10, 10));
    CHECK(s.full && s.n == 1, "%d separate rectangles: expected the whole screen, got %d (full %d)",
          REGIONS_MAX + 1, s.n, s.full);
    regions_add(&s, R(5, 5, 5, 5));
    CHECK(s.n == 1 && regions_area(&s) == 1920LL * 1080, "adding to a full set keeps it full");
    regions_clear(&s, 1920, 1080);
    CHECK(regions_empty(&s) && !s.full, "cleared: empty");
    region_rect u = regions_union(R(0, 0, 0, 0), R(3, 4, 5, 6));
    CHECK(u.x == 3 && u.y == 4 && u.w == 5 && u.h == 6, "union with an empty rectangle is the other");
    return check_done();
}
