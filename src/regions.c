#include "regions.h"

static bool is_empty(region_rect r)
{
    return r.w <= 0 || r.h <= 0;
}

region_rect regions_union(region_rect a, region_rect b)
{
    if (is_empty(a))
        return b;
    if (is_empty(b))
        return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (region_rect){x0, y0, x1 - x0, y1 - y0};
}

/* Overlapping or sharing an edge. */
static bool touch(region_rect a, region_rect b)
{
    return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

static long long area(region_rect r)
{
    return is_empty(r) ? 0 : (long long)r.w * r.h;
}

void regions_clear(region_set *s, int screen_w, int screen_h)
{
    s->screen_w = screen_w;
    s->screen_h = screen_h;
    s->full = false;
    s->n = 0;
}

void regions_add_full(region_set *s)
{
    s->full = true;
    s->n = 1;
    s->r[0] = (region_rect){0, 0, s->screen_w, s->screen_h};
}

bool regions_empty(const region_set *s)
{
    return s->n == 0;
}

long long regions_area(const region_set *s)
{
    long long a = 0;
    for (int i = 0; i < s->n; i++)
        a += area(s->r[i]);
    return a;
}

static void remove_at(region_set *s, int i)
{
    s->r[i] = s->r[--s->n];
}

void regions_add(region_set *s, region_rect r)
{
    if (s->full)
        return;
    /* clip */
    if (r.x < 0) {
        r.w += r.x;
        r.x = 0;
    }
    if (r.y < 0) {
        r.h += r.y;
        r.y = 0;
    }
    if (r.x + r.w > s->screen_w)
        r.w = s->screen_w - r.x;
    if (r.y + r.h > s->screen_h)
        r.h = s->screen_h - r.y;
    if (is_empty(r))
        return;
    /* Merge with everything it touches, until it touches nothing: the
     * rectangles stay disjoint, so areas add up. */
    for (bool merged = true; merged;) {
        merged = false;
        for (int i = 0; i < s->n; i++) {
            if (touch(s->r[i], r)) {
                r = regions_union(s->r[i], r);
                remove_at(s, i);
                merged = true;
                break;
            }
        }
    }
    if (s->n == REGIONS_MAX) {
        regions_add_full(s);
        return;
    }
    s->r[s->n++] = r;
    if ((double)regions_area(s) > REGIONS_FULL_FRACTION * (double)s->screen_w * s->screen_h)
        regions_add_full(s);
}
