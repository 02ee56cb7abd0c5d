#include "report.h"

#include "civil.h"
#include "grow.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    EV_START, EV_SHOW, EV_TOUCH, EV_IDLE, EV_EXIT, EV_OTHER,
} event_kind;

typedef enum { CAUSE_NONE, CAUSE_SWIPE, CAUSE_CHAPTER, CAUSE_IDLE, CAUSE_OTHER } event_cause;

typedef struct {
    long long abs_s;   /* seconds since the epoch, UTC */
    long long local_s; /* the same moment on the local wall clock */
    event_kind kind;
    event_cause cause;
    long slide;        /* 1-based; 0 when the line had none */
    char *file;        /* owned; NULL when the line had none */
    size_t source;     /* index into report.sources */
    long long piece_first_s; /* abs_s of its source's first event */
    size_t seq;        /* order of reading */
} event;

typedef struct {
    char *name;
    long long first_abs_s; /* of its earliest event: orders rotated pieces */
} source;

struct report {
    event *ev;
    size_t n_ev, cap_ev;
    source *sources;
    size_t n_sources, cap_sources;
    long lines, damaged;
    char first_damaged[256];
    report_result res; /* the last report_compute */
};

bool report_parse_bound(const char *s, bool is_until, long long *local_s)
{
    long long days, secs;
    if (!s)
        return false;
    int n = civil_parse_date(s, &days);
    if (!n)
        return false;
    if (s[n] == '\0') {
        *local_s = (days + (is_until ? 1 : 0)) * 86400;
        return true;
    }
    if (s[n] != 'T' && s[n] != ' ')
        return false;
    int c = civil_parse_clock(s + n + 1, false, &secs);
    if (!c || s[n + 1 + c] != '\0')
        return false;
    *local_s = days * 86400 + secs;
    return true;
}

/* ---- reading -------------------------------------------------------------- */

report *report_new(void)
{
    return calloc(1, sizeof(report));
}

static void result_clear(report_result *res)
{
    for (size_t i = 0; i < res->n_slides; i++)
        free(res->slides[i].file);
    free(res->slides);
    free(res->hours);
    memset(res, 0, sizeof *res);
}

void report_free(report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_ev; i++)
        free(r->ev[i].file);
    free(r->ev);
    for (size_t i = 0; i < r->n_sources; i++)
        free(r->sources[i].name);
    free(r->sources);
    result_clear(&r->res);
    free(r);
}

static event_kind kind_of(const char *name)
{
    static const struct {
        const char *name;
        event_kind kind;
    } KINDS[] = {
        {"start", EV_START}, {"show", EV_SHOW}, {"touch", EV_TOUCH},
        {"idle", EV_IDLE},   {"exit", EV_EXIT},
    };
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].name, name) == 0)
            return KINDS[i].kind;
    return EV_OTHER;
}

static event_cause cause_of(const char *name)
{
    if (!name)
        return CAUSE_NONE;
    if (strcmp(name, "swipe") == 0)
        return CAUSE_SWIPE;
    if (strcmp(name, "chapter") == 0)
        return CAUSE_CHAPTER;
    if (strcmp(name, "idle") == 0)
        return CAUSE_IDLE;
    return CAUSE_OTHER;
}

static void count_damaged(report *r, const char *src, long line_no)
{
    if (r->damaged++ == 0)
        snprintf(r->first_damaged, sizeof r->first_damaged, "%s:%ld", src, line_no);
}

/* One line → an event; false when the line is damaged. A show names a
 * slide by number (and, from kiosk, by file); a touch may. */
static bool parse_line(const char *line, size_t len, event *ev, bool *oom)
{
    memset(ev, 0, sizeof *ev);
    if (memchr(line, '\0', len))
        return false; /* zeros from a file system that lost the tail */
    cJSON *o = cJSON_ParseWithLength(line, len);
    if (!o) {
        *oom = false;
        return false;
    }
    bool ok = false;
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "time");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(o, "event");
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, "slide");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, "file");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "cause");
    if (!cJSON_IsObject(o) || !cJSON_IsString(t) || !cJSON_IsString(e) ||
        !civil_parse_stamp(t->valuestring, &ev->local_s, &ev->abs_s))
        goto done;
    if (n && !(cJSON_IsNumber(n) && n->valuedouble >= 1 && n->valuedouble < 1e9 &&
               n->valuedouble == (double)(long)n->valuedouble))
        goto done;
    if ((f && !cJSON_IsString(f)) || (c && !cJSON_IsString(c)))
        goto done;
    ev->kind = kind_of(e->valuestring);
    ev->cause = cause_of(c ? c->valuestring : NULL);
    ev->slide = n ? (long)n->valuedouble : 0;
    if (ev->kind == EV_SHOW && !ev->slide)
        goto done; /* a show must say what it showed */
    if (f && ev->kind != EV_OTHER) {
        ev->file = strdup(f->valuestring);
        if (!ev->file) {
            *oom = true;
            goto done;
        }
    }
    ok = true;
done:
    cJSON_Delete(o);
    return ok;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

int report_feed(report *r, const char *text, size_t len, const char *name)
{
    source *sources = grow_array(r->sources, &r->cap_sources, r->n_sources + 1, sizeof *sources, 4);
    if (!sources)
        return -1;
    r->sources = sources;
    source *src = &r->sources[r->n_sources];
    src->name = strdup(name ? name : "-");
    if (!src->name)
        return -1;
    src->first_abs_s = LLONG_MAX;
    size_t src_index = r->n_sources++;
    long line_no = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *line = text + pos;
        size_t n = end - pos;
        pos = end + 1;
        line_no++;
        if (blank(line, n))
            continue;
        r->lines++;
        event ev;
        bool oom = false;
        if (!parse_line(line, n, &ev, &oom)) {
            if (oom)
                return -1;
            count_damaged(r, src->name, line_no);
            continue;
        }
        event *grown = grow_array(r->ev, &r->cap_ev, r->n_ev + 1, sizeof *grown, 256);
        if (!grown) {
            free(ev.file);
            return -1;
        }
        r->ev = grown;
        ev.source = src_index;
        ev.seq = r->n_ev;
        if (ev.abs_s < src->first_abs_s)
            src->first_abs_s = ev.abs_s;
        r->ev[r->n_ev++] = ev;
    }
    return 0;
}

int report_read_file(report *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            char *grown = grow_array(buf, &cap, len + 1, 1, 65536);
            if (!grown) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return -1;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int err = ferror(f) ? errno : 0;
    fclose(f);
    int status = err ? -1 : report_feed(r, buf, len, path);
    free(buf);
    if (err)
        errno = err;
    return status;
}

/* ---- counting -------------------------------------------------------------- */

/* Events in time order; rotated pieces given out of order still line up
 * (pieces by their first event, then reading order within a second). */
static int by_time(const void *pa, const void *pb)
{
    const event *a = *(event *const *)pa, *b = *(event *const *)pb;
    if (a->abs_s != b->abs_s)
        return a->abs_s < b->abs_s ? -1 : 1;
    if (a->piece_first_s != b->piece_first_s)
        return a->piece_first_s < b->piece_first_s ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

typedef struct {
    report_result *res;
    size_t cap_slides, cap_hours;
    long long from_s, until_s;
    bool oom;
    long cur;                  /* slide on screen, -1 for none */
    long long cur_abs, cur_local;
    bool in_session;
    long long session_abs, session_local;
    bool session_counted;      /* it began within the window */
} counter;

static bool in_window(const counter *c, long long local_s)
{
    return local_s >= c->from_s && local_s < c->until_s;
}

/* The slide named by a show: by file, or by number when the log named no
 * file. -1 when memory runs out. */
static long slide_index(counter *c, const event *e)
{
    char key[32];
    const char *name = e->file;
    if (!name) {
        snprintf(key, sizeof key, "#%ld", e->slide);
        name = key;
    }
    report_result *res = c->res;
    for (size_t i = 0; i < res->n_slides; i++)
        if (strcmp(res->slides[i].file, name) == 0) {
            res->slides[i].number = e->slide;
            return (long)i;
        }
    report_slide *grown =
        grow_array(res->slides, &c->cap_slides, res->n_slides + 1, sizeof *grown, 32);
    if (!grown)
        return -1;
    res->slides = grown;
    report_slide *s = &res->slides[res->n_slides];
    memset(s, 0, sizeof *s);
    s->file = strdup(name);
    if (!s->file)
        return -1;
    s->number = e->slide;
    return (long)res->n_slides++;
}

/* The row of the local hour holding local_s, created in time order. */
static report_hour *hour_row(counter *c, long long local_s)
{
    report_result *res = c->res;
    long long key = civil_floor_div(local_s, 3600);
    size_t lo = 0, hi = res->n_hours;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        report_hour *h = &res->hours[mid];
        long long k = civil_days(h->year, h->month, h->day) * 24 + h->hour;
        if (k == key)
            return h;
        if (k < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    report_hour *grown = grow_array(res->hours, &c->cap_hours, res->n_hours + 1, sizeof *grown, 64);
    if (!grown)
        return NULL;
    res->hours = grown;
    memmove(&res->hours[lo + 1], &res->hours[lo], (res->n_hours - lo) * sizeof *res->hours);
    res->n_hours++;
    report_hour *h = &res->hours[lo];
    memset(h, 0, sizeof *h);
    civil_date(civil_floor_div(key, 24), &h->year, &h->month, &h->day);
    h->hour = (int)(key - civil_floor_div(key, 24) * 24);
    return h;
}

/* The slide on screen leaves it at abs_s: its seconds within the window. */
static void end_show(counter *c, long long abs_s)
{
    if (c->cur < 0)
        return;
    long long a = c->cur_local, b = c->cur_local + (abs_s - c->cur_abs);
    if (a < c->from_s)
        a = c->from_s;
    if (b > c->until_s)
        b = c->until_s;
    if (b > a)
        c->res->slides[c->cur].seconds += b - a;
    c->cur = -1;
}

static void end_session(counter *c, long long abs_s)
{
    if (!c->in_session)
        return;
    if (c->session_counted) {
        report_hour *h = hour_row(c, c->session_local); /* exists: its first touch made it */
        if (h)
            h->session_seconds += abs_s - c->session_abs;
        else
            c->oom = true;
    }
    c->in_session = false;
}

static void count_event(counter *c, const event *e, long long last_abs)
{
    bool counted = in_window(c, e->local_s);
    report_result *res = c->res;
    if (counted) {
        if (e->local_s < res->first_s)
            res->first_s = e->local_s;
        if (e->local_s > res->last_s)
            res->last_s = e->local_s;
    }
    switch (e->kind) {
    case EV_START: /* the run before ended without a word: its last sign of life */
        end_show(c, last_abs);
        end_session(c, last_abs);
        break;
    case EV_EXIT:
        end_show(c, e->abs_s);
        end_session(c, e->abs_s);
        break;
    case EV_SHOW: {
        long before = c->cur;
        end_show(c, e->abs_s);
        long s = slide_index(c, e);
        if (s < 0) {
            c->oom = true;
            return;
        }
        if (counted) {
            res->slides[s].shown++;
            if (e->cause == CAUSE_SWIPE) {
                res->slides[s].swipes_to++;
                if (before >= 0)
                    res->slides[before].swipes_away++;
            } else if (e->cause == CAUSE_CHAPTER) {
                res->slides[s].chapter_taps++;
            }
        }
        c->cur = s;
        c->cur_abs = e->abs_s;
        c->cur_local = e->local_s;
        if (e->cause == CAUSE_IDLE)
            end_session(c, e->abs_s);
        break;
    }
    case EV_TOUCH:
        if (counted) {
            report_hour *h = hour_row(c, e->local_s);
            if (!h) {
                c->oom = true;
                return;
            }
            h->touches++;
        }
        if (!c->in_session) {
            c->in_session = true;
            c->session_abs = e->abs_s;
            c->session_local = e->local_s;
            c->session_counted = counted;
            if (counted)
                hour_row(c, e->local_s)->sessions++; /* exists: the touch made it */
        }
        break;
    case EV_IDLE: end_session(c, e->abs_s); break;
    case EV_OTHER: break;
    }
}

static int by_number(const void *pa, const void *pb)
{
    const report_slide *a = pa, *b = pb;
    if (a->number != b->number)
        return a->number < b->number ? -1 : 1;
    return strcmp(a->file, b->file);
}

const report_result *report_compute(report *r, long long from_s, long long until_s)
{
    result_clear(&r->res);
    report_result *res = &r->res;
    res->n_files = r->n_sources;
    res->lines = r->lines;
    res->damaged = r->damaged;
    snprintf(res->first_damaged, sizeof res->first_damaged, "%s", r->first_damaged);
    res->first_s = LLONG_MAX;
    res->last_s = LLONG_MIN;
    event **order = malloc((r->n_ev ? r->n_ev : 1) * sizeof *order);
    if (!order)
        return NULL;
    for (size_t i = 0; i < r->n_ev; i++) {
        r->ev[i].piece_first_s = r->sources[r->ev[i].source].first_abs_s;
        order[i] = &r->ev[i];
    }
    qsort(order, r->n_ev, sizeof *order, by_time);
    counter c = {.res = res, .from_s = from_s, .until_s = until_s, .cur = -1};
    long long last_abs = r->n_ev ? order[0]->abs_s : 0;
    for (size_t i = 0; i < r->n_ev && !c.oom; i++) {
        count_event(&c, order[i], last_abs);
        last_abs = order[i]->abs_s;
    }
    end_show(&c, last_abs);
    end_session(&c, last_abs);
    free(order);
    if (c.oom)
        return NULL;
    if (res->n_slides)
        qsort(res->slides, res->n_slides, sizeof *res->slides, by_number);
    return res;
}
