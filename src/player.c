#include "player.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "chapters.h"

/* Beyond this many due changes in one tick (a clock jump of weeks) the
 * player stops replaying the past and resynchronises to now. */
#define PLAYER_MAX_CATCH_UP 1000000

#define NO_SINCE LLONG_MIN /* a slide not yet entered: elapsed stays 0 */

typedef struct {
    bool active;
    size_t from, to;
    player_ms from_since, to_since; /* entry-animation clocks of both */
    transition_type type;
    player_ms start_ms, duration_ms;
    double p0, p1;     /* picture at start and end; p1 is 0 or 1 */
    bool from_rest;    /* started at 0: the type's own curve, else ease-out */
    bool release;      /* a released drag: durations from the release rule */
    player_ms full_ms; /* duration of a whole 0..1 run */
    bool hurried;
    int direction;
} transition_state;

typedef enum { DRAG_NONE, DRAG_WAIT, DRAG_ACTIVE } drag_state;

struct player {
    const deck *d;
    bool has_slide;
    size_t first; /* first playable slide: where idle returns */
    size_t cur;
    player_ms cur_since;
    transition_state tr;

    bool has_pending; /* a move waiting for a hurried transition */
    size_t pending;
    int pending_direction;
    player_cause pending_cause;

    /* Automatic advance: `remaining_ms` of the slide's duration are left,
     * counting from timer_start_ms while running (which may be in the
     * future: the end of the transition). -1: never advances. */
    bool paused;
    bool timer_running;
    player_ms timer_start_ms, remaining_ms;

    player_ms last_input_ms;
    bool visitor_moved; /* idle return has something to undo */
    bool visitor_here;  /* input since the last IDLE event */

    drag_state drag;
    double drag_dx, drag_offset;

    chapters chapters; /* built from d by chapters_build */

    player_event events[PLAYER_EVENT_QUEUE];
    size_t event_head, event_count;
};

static const char *const cause_names[] = {
    [PLAYER_CAUSE_START] = "start",     [PLAYER_CAUSE_AUTO] = "auto",
    [PLAYER_CAUSE_SWIPE] = "swipe",     [PLAYER_CAUSE_KEY] = "key",
    [PLAYER_CAUSE_CHAPTER] = "chapter", [PLAYER_CAUSE_IDLE] = "idle",
    [PLAYER_CAUSE_RELOAD] = "reload",
};

const char *player_cause_name(player_cause cause)
{
    if ((size_t)cause < sizeof cause_names / sizeof *cause_names)
        return cause_names[cause];
    return "?";
}

const char *player_event_name(player_event_type type)
{
    switch (type) {
    case PLAYER_EVENT_SHOW: return "show";
    case PLAYER_EVENT_PAUSE: return "pause";
    case PLAYER_EVENT_RESUME: return "resume";
    case PLAYER_EVENT_IDLE: return "idle";
    }
    return "?";
}

static bool playable(const deck *d, size_t i)
{
    return d && i < d->n_slides && d->slides[i].type != SLIDE_BROKEN;
}

/* The playable slide `step` places after i (+1 or -1), looping; i itself
 * when it is the only one. */
static size_t neighbour(const player *p, size_t i, int step)
{
    size_t n = p->d->n_slides;
    for (size_t k = 1; k <= n; k++) {
        size_t j = step > 0 ? (i + k) % n : (i + n - k % n) % n;
        if (playable(p->d, j))
            return j;
    }
    return i;
}

static void push_event(player *p, player_event_type type, size_t index,
                       player_cause cause, player_ms t)
{
    if (p->event_count == PLAYER_EVENT_QUEUE) {
        p->event_head = (p->event_head + 1) % PLAYER_EVENT_QUEUE;
        p->event_count--;
    }
    size_t at = (p->event_head + p->event_count) % PLAYER_EVENT_QUEUE;
    p->events[at] = (player_event){type, index, cause, t};
    p->event_count++;
}

bool player_poll_event(player *p, player_event *ev)
{
    if (!p->event_count)
        return false;
    *ev = p->events[p->event_head];
    p->event_head = (p->event_head + 1) % PLAYER_EVENT_QUEUE;
    p->event_count--;
    return true;
}

/* ---- the slide timer ---------------------------------------------------- */

static bool timer_may_run(const player *p)
{
    return !p->paused && p->drag == DRAG_NONE;
}

static void timer_stop(player *p, player_ms now)
{
    if (!p->timer_running)
        return;
    p->timer_running = false;
    player_ms used = now - p->timer_start_ms;
    if (p->remaining_ms >= 0 && used > 0)
        p->remaining_ms = used < p->remaining_ms ? p->remaining_ms - used : 0;
}

/* Runs the timer from `from` (now, or the end of a running transition). */
static void timer_run(player *p, player_ms from)
{
    if (!timer_may_run(p))
        return;
    p->timer_running = true;
    p->timer_start_ms = from;
}

static player_ms advance_at(const player *p)
{
    if (!p->timer_running || p->remaining_ms < 0)
        return LLONG_MAX;
    return p->timer_start_ms + p->remaining_ms;
}

static player_ms transition_end(const player *p)
{
    return p->tr.start_ms + p->tr.duration_ms;
}

/* Slide i became the current one at `t`: its entry animation counts from
 * `since`, its duration from `settle_at`. */
static void become_current(player *p, size_t i, player_ms t, player_ms since,
                           player_ms settle_at, player_cause cause)
{
    p->cur = i;
    p->cur_since = since;
    int duration_ms = p->d->slides[i].duration_ms;
    p->remaining_ms = duration_ms > 0 ? duration_ms : -1;
    p->timer_running = false;
    timer_run(p, settle_at);
    push_event(p, PLAYER_EVENT_SHOW, i, cause, t);
}

/* ---- transitions -------------------------------------------------------- */

static double transition_progress(const transition_state *tr, player_ms t)
{
    double u = tr->duration_ms > 0
                   ? (double)(t - tr->start_ms) / (double)tr->duration_ms
                   : 1.0;
    double eased;
    if (!tr->from_rest || tr->type == TRANSITION_PUSH)
        eased = anim_ease(EASE_OUT_CUBIC, u);
    else
        eased = anim_ease_in_out(u);
    return tr->p0 + (tr->p1 - tr->p0) * eased;
}

/* How long the running picture takes to cover `distance` of a 0..1 run. */
static player_ms run_ms(const transition_state *tr, double distance)
{
    if (tr->release)
        return PLAYER_RELEASE_MIN_MS +
               (player_ms)llround(PLAYER_RELEASE_SPAN_MS * distance);
    return (player_ms)llround((double)tr->full_ms * distance);
}

/* Moves to slide `target` at time t. The caller has ticked up to t. */
static void move_to(player *p, size_t target, int direction, player_ms t,
                    player_cause cause)
{
    if (!p->has_slide || !playable(p->d, target))
        return;
    if (p->drag == DRAG_ACTIVE)
        p->drag = DRAG_WAIT; /* the finger picks up again from where it is */

    transition_state *tr = &p->tr;
    if (tr->active) {
        double q = transition_progress(tr, t);
        if (target == tr->to || target == tr->from) {
            /* Turn the running picture toward target, from where it is. */
            p->has_pending = false;
            size_t ends_on = tr->p1 == 1.0 ? tr->to : tr->from;
            if (target == ends_on)
                return; /* already heading there */
            double p1 = target == tr->to ? 1.0 : 0.0;
            tr->p0 = q;
            tr->p1 = p1;
            tr->start_ms = t;
            tr->duration_ms = run_ms(tr, fabs(p1 - q));
            tr->from_rest = false;
            tr->hurried = false;
            /* Coming back to a slide still on screen continues its entry
             * animation instead of restarting it under the visitor's eyes. */
            player_ms *since = target == tr->to ? &tr->to_since : &tr->from_since;
            if (*since == NO_SINCE)
                *since = t;
            become_current(p, target, t, *since, transition_end(p), cause);
            return;
        }
        /* A third slide: finish the running picture quickly, then go on. */
        if (!tr->hurried && transition_end(p) - t > PLAYER_HURRY_MS) {
            tr->p0 = q;
            tr->start_ms = t;
            tr->duration_ms = PLAYER_HURRY_MS;
            tr->from_rest = false;
            tr->hurried = true;
        }
        p->has_pending = true;
        p->pending = target;
        p->pending_direction = direction;
        p->pending_cause = cause;
        return;
    }
    if (target == p->cur)
        return;
    const transition_spec *spec = &p->d->slides[target].transition;
    if (spec->type == TRANSITION_NONE || spec->duration_ms <= 0) {
        become_current(p, target, t, t, t, cause);
        return;
    }
    *tr = (transition_state){
        .active = true,
        .from = p->cur,
        .to = target,
        .from_since = p->cur_since,
        .to_since = t,
        .type = spec->type,
        .start_ms = t,
        .duration_ms = spec->duration_ms,
        .p0 = 0.0,
        .p1 = 1.0,
        .from_rest = true,
        .full_ms = spec->duration_ms,
        .direction = direction,
    };
    become_current(p, target, t, t, t + spec->duration_ms, cause);
}

/* ---- time --------------------------------------------------------------- */

static player_ms idle_at(const player *p)
{
    int timeout_ms = p->d ? p->d->idle_timeout_ms : 0;
    if (!p->has_slide || !(p->visitor_moved || p->visitor_here) || timeout_ms <= 0 ||
        p->drag != DRAG_NONE)
        return LLONG_MAX;
    return p->last_input_ms + timeout_ms;
}

static bool idle_has_work(const player *p)
{
    return p->paused || p->cur != p->first || p->tr.active || p->has_pending;
}

static void idle_return(player *p, player_ms t)
{
    p->visitor_moved = false;
    if (p->paused) {
        p->paused = false;
        push_event(p, PLAYER_EVENT_RESUME, p->cur, PLAYER_CAUSE_IDLE, t);
        timer_run(p, p->tr.active ? transition_end(p) : t);
    }
    move_to(p, p->first, -1, t, PLAYER_CAUSE_IDLE);
}

/* Applies the earliest change due at or before now; false when none is. */
static bool step(player *p, player_ms now)
{
    enum { NOTHING, TRANSITION_ENDS, ADVANCE, IDLE } what = NOTHING;
    player_ms when = LLONG_MAX;
    if (p->tr.active) {
        what = TRANSITION_ENDS;
        when = transition_end(p);
    } else if (advance_at(p) != LLONG_MAX) {
        what = ADVANCE;
        when = advance_at(p);
    }
    player_ms idle = idle_at(p);
    if (idle < when) {
        what = IDLE;
        when = idle;
    }
    if (what == NOTHING || when > now)
        return false;

    switch (what) {
    case TRANSITION_ENDS:
        p->tr.active = false;
        if (p->has_pending) {
            p->has_pending = false;
            move_to(p, p->pending, p->pending_direction, when,
                    p->pending_cause);
        }
        break;
    case ADVANCE: {
        size_t next = neighbour(p, p->cur, +1);
        if (next == p->cur) {
            /* A single playable slide: stay, start its time again. */
            int duration_ms = p->d->slides[p->cur].duration_ms;
            p->remaining_ms = duration_ms > 0 ? duration_ms : -1;
            p->timer_start_ms = when;
        } else {
            move_to(p, next, +1, when, PLAYER_CAUSE_AUTO);
        }
        break;
    }
    case IDLE:
        if (p->visitor_here) {
            p->visitor_here = false;
            push_event(p, PLAYER_EVENT_IDLE, p->cur, PLAYER_CAUSE_IDLE, when);
        }
        if (p->visitor_moved && idle_has_work(p))
            idle_return(p, when);
        else
            p->visitor_moved = false;
        break;
    case NOTHING:
        break;
    }
    return true;
}

void player_tick(player *p, player_ms now)
{
    if (!p->has_slide)
        return;
    long steps = 0;
    while (step(p, now)) {
        if (++steps < PLAYER_MAX_CATCH_UP)
            continue;
        /* Resynchronise: the current slide starts its time now. */
        p->tr.active = false;
        p->has_pending = false;
        if (p->timer_running)
            p->timer_start_ms = now;
        p->last_input_ms = now;
        break;
    }
}

player_ms player_next_deadline(const player *p, player_ms now)
{
    if (!p->has_slide)
        return LLONG_MAX;
    if (p->tr.active)
        return now;
    player_ms at = advance_at(p);
    /* A visitor who changed nothing still ends with an IDLE event: one
     * wake-up per visitor. */
    if (((p->visitor_moved && idle_has_work(p)) || p->visitor_here) && idle_at(p) < at)
        at = idle_at(p);
    return at < now ? now : at;
}

/* ---- input -------------------------------------------------------------- */

static void input(player *p, player_ms now)
{
    player_tick(p, now);
    p->last_input_ms = now;
    p->visitor_here = p->has_slide;
}

void player_touch(player *p, player_ms now)
{
    input(p, now);
}

static size_t destination(const player *p)
{
    return p->has_pending ? p->pending : p->cur;
}

static void visitor_step(player *p, int step, player_ms now,
                         player_cause cause)
{
    input(p, now);
    if (!p->has_slide)
        return;
    p->visitor_moved = true;
    move_to(p, neighbour(p, destination(p), step), step, now, cause);
}

void player_next(player *p, player_ms now, player_cause cause)
{
    visitor_step(p, +1, now, cause);
}

void player_prev(player *p, player_ms now, player_cause cause)
{
    visitor_step(p, -1, now, cause);
}

int player_goto(player *p, size_t index, player_ms now, player_cause cause)
{
    if (!p->has_slide || !playable(p->d, index))
        return -1;
    bool visitor = cause == PLAYER_CAUSE_KEY || cause == PLAYER_CAUSE_SWIPE ||
                   cause == PLAYER_CAUSE_CHAPTER;
    if (visitor) {
        input(p, now);
        p->visitor_moved = true;
    } else {
        player_tick(p, now);
    }
    size_t from = destination(p);
    move_to(p, index, index >= from ? +1 : -1, now, cause);
    return 0;
}

void player_toggle_pause(player *p, player_ms now)
{
    input(p, now);
    if (!p->has_slide)
        return;
    p->visitor_moved = true;
    if (p->paused) {
        p->paused = false;
        timer_run(p, p->tr.active ? transition_end(p) : now);
        push_event(p, PLAYER_EVENT_RESUME, p->cur, PLAYER_CAUSE_KEY, now);
    } else {
        timer_stop(p, now);
        p->paused = true;
        push_event(p, PLAYER_EVENT_PAUSE, p->cur, PLAYER_CAUSE_KEY, now);
    }
}

void player_drag(player *p, double dx, player_ms now)
{
    input(p, now);
    if (!p->has_slide)
        return;
    if (!isfinite(dx))
        dx = 0.0;
    if (p->drag == DRAG_NONE) {
        timer_stop(p, now);
        if (p->tr.active) {
            /* Hurry the running transition; the drag starts after it. */
            transition_state *tr = &p->tr;
            if (!tr->hurried && transition_end(p) - now > PLAYER_HURRY_MS) {
                tr->p0 = transition_progress(tr, now);
                tr->start_ms = now;
                tr->duration_ms = PLAYER_HURRY_MS;
                tr->from_rest = false;
                tr->hurried = true;
            }
            p->drag = DRAG_WAIT;
        } else {
            p->drag = DRAG_ACTIVE;
            p->drag_offset = 0.0;
        }
    } else if (p->drag == DRAG_WAIT && !p->tr.active) {
        p->drag = DRAG_ACTIVE;
        p->drag_offset = dx;
    }
    p->drag_dx = dx;
}

/* The finger's travel that moves the picture, in [-1, 1]. */
static double drag_travel(const player *p)
{
    double e = p->drag_dx - p->drag_offset;
    return e < -1.0 ? -1.0 : e > 1.0 ? 1.0 : e;
}

void player_release(player *p, double velocity, player_ms now)
{
    input(p, now);
    if (!p->has_slide || p->drag == DRAG_NONE)
        return;
    bool was_active = p->drag == DRAG_ACTIVE && !p->tr.active;
    double e = drag_travel(p);
    p->drag = DRAG_NONE;
    if (!isfinite(velocity))
        velocity = 0.0;
    bool fast = fabs(velocity) >= PLAYER_FLICK_FRACTION_PER_S;

    if (!was_active || e == 0.0) {
        timer_run(p, p->tr.active ? transition_end(p) : now);
        if (fast) /* a flick with nothing dragged yet: still a swipe */
            visitor_step(p, velocity < 0 ? +1 : -1, now, PLAYER_CAUSE_SWIPE);
        return;
    }
    int direction = e < 0 ? +1 : -1;
    size_t other = neighbour(p, p->cur, direction);
    if (other == p->cur) {
        timer_run(p, now);
        return;
    }
    bool settle = fast ? (velocity < 0) == (e < 0)
                       : fabs(e) > PLAYER_SETTLE_FRACTION;
    p->tr = (transition_state){
        .active = true,
        .from = p->cur,
        .to = other,
        .from_since = p->cur_since,
        .to_since = NO_SINCE,
        .type = TRANSITION_PUSH,
        .start_ms = now,
        .p0 = fabs(e),
        .p1 = settle ? 1.0 : 0.0,
        .release = true,
        .direction = direction,
    };
    p->tr.duration_ms = run_ms(&p->tr, settle ? 1.0 - fabs(e) : fabs(e));
    if (settle) {
        p->visitor_moved = true;
        p->tr.to_since = now;
        become_current(p, other, now, now, transition_end(p),
                       PLAYER_CAUSE_SWIPE);
    } else {
        timer_run(p, transition_end(p));
    }
}

/* ---- the view ----------------------------------------------------------- */

static player_ms elapsed(player_ms since, player_ms now)
{
    if (since == NO_SINCE || now < since)
        return 0;
    return now - since;
}

player_view player_view_at(player *p, player_ms now)
{
    player_tick(p, now);
    player_view v = {.progress = 1.0, .direction = +1, .paused = p->paused,
                     .slide_remaining_ms = -1};
    if (!p->has_slide)
        return v;
    v.to = p->cur;
    v.to_elapsed_ms = elapsed(p->cur_since, now);
    v.transition = p->d->slides[p->cur].transition.type;
    if (p->tr.active) {
        v.transitioning = true;
        v.from = p->tr.from;
        v.to = p->tr.to;
        v.from_elapsed_ms = elapsed(p->tr.from_since, now);
        v.to_elapsed_ms = elapsed(p->tr.to_since, now);
        v.transition = p->tr.type;
        v.progress = transition_progress(&p->tr, now);
        v.direction = p->tr.direction;
    } else if (p->drag == DRAG_ACTIVE && drag_travel(p) != 0.0) {
        double e = drag_travel(p);
        int direction = e < 0 ? +1 : -1;
        size_t other = neighbour(p, p->cur, direction);
        if (other != p->cur) {
            v.transitioning = true;
            v.from = p->cur;
            v.from_elapsed_ms = v.to_elapsed_ms;
            v.to = other;
            v.to_elapsed_ms = 0;
            v.transition = TRANSITION_PUSH;
            v.progress = fabs(e);
            v.direction = direction;
        }
    }
    if (v.progress < 0.0)
        v.progress = 0.0;
    if (v.progress > 1.0)
        v.progress = 1.0;
    if (!p->paused && p->remaining_ms >= 0) {
        if (p->timer_running) {
            player_ms left = advance_at(p) - now;
            v.slide_remaining_ms = left > 0 ? left : 0;
        } else {
            v.slide_remaining_ms = p->remaining_ms;
        }
    }
    return v;
}

size_t player_upcoming(const player *p, size_t out[PLAYER_UPCOMING_MAX])
{
    if (!p->has_slide || !p->d || p->d->n_slides == 0)
        return 0;
    size_t cur = player_current(p);
    size_t candidates[PLAYER_UPCOMING_MAX] = {neighbour(p, cur, +1), neighbour(p, cur, -1),
                                              p->first};
    size_t n = 0;
    for (size_t i = 0; i < PLAYER_UPCOMING_MAX; i++) {
        bool seen = candidates[i] == cur || !playable(p->d, candidates[i]);
        for (size_t k = 0; k < n; k++)
            seen |= out[k] == candidates[i];
        if (!seen)
            out[n++] = candidates[i];
    }
    return n;
}

size_t player_current(const player *p)
{
    return destination(p);
}

bool player_paused(const player *p)
{
    return p->paused;
}

/* ---- chapters ----------------------------------------------------------- */

const chapters *player_chapters(const player *p)
{
    return &p->chapters;
}

size_t player_chapter_count(const player *p)
{
    return p->chapters.n;
}

const char *player_chapter_name(const player *p, size_t i)
{
    return i < p->chapters.n ? p->chapters.list[i].name : NULL;
}

size_t player_chapter_first_slide(const player *p, size_t i)
{
    return i < p->chapters.n ? p->chapters.list[i].first_slide : 0;
}

int player_current_chapter(const player *p)
{
    if (!p->has_slide)
        return -1;
    return chapters_of_slide(&p->chapters, destination(p));
}

int player_goto_chapter(player *p, size_t i, player_ms now)
{
    if (i >= p->chapters.n)
        return -1;
    return player_goto(p, p->chapters.list[i].first_slide, now, PLAYER_CAUSE_CHAPTER);
}

/* ---- life --------------------------------------------------------------- */

int player_set_deck(player *p, const deck *d, player_ms now)
{
    return player_replace_deck(p, d, p->cur, false, now);
}

int player_replace_deck(player *p, const deck *d, size_t keep, bool same_slide, player_ms now)
{
    player_tick(p, now);
    /* The slide on screen did not change: only the deck around it did, and
     * nothing the visitor sees moves. */
    if (same_slide && !p->tr.active && p->drag != DRAG_ACTIVE && playable(d, keep)) {
        p->d = d;
        p->cur = keep;
        p->has_pending = false;
        chapters_free(&p->chapters);
        int status = chapters_build(d, &p->chapters);
        p->has_slide = false;
        for (size_t k = 0; k < d->n_slides && !p->has_slide; k++) {
            if (playable(d, k)) {
                p->first = k;
                p->has_slide = true;
            }
        }
        return status;
    }
    p->d = d;
    p->tr.active = false;
    p->has_pending = false;
    if (p->drag == DRAG_ACTIVE)
        p->drag = DRAG_WAIT;
    chapters_free(&p->chapters);
    int status = chapters_build(d, &p->chapters);

    p->has_slide = false;
    size_t n = d ? d->n_slides : 0;
    for (size_t k = 0; k < n; k++) {
        if (playable(d, k)) {
            p->first = k;
            p->has_slide = true;
            break;
        }
    }
    if (!p->has_slide)
        return status;
    if (keep >= n)
        keep = n - 1;
    if (!playable(d, keep))
        keep = neighbour(p, keep, +1);
    become_current(p, keep, now, now, now, PLAYER_CAUSE_RELOAD);
    return status;
}

player *player_new(const deck *d, player_ms now)
{
    player *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->last_input_ms = now;
    p->d = d;
    if (chapters_build(d, &p->chapters) < 0)
        goto fail;
    size_t n = d ? d->n_slides : 0;
    for (size_t k = 0; k < n && !p->has_slide; k++) {
        if (playable(d, k)) {
            p->first = k;
            p->has_slide = true;
        }
    }
    if (p->has_slide)
        become_current(p, p->first, now, now, now, PLAYER_CAUSE_START);
    return p;
fail:
    player_free(p);
    return NULL;
}

void player_free(player *p)
{
    if (!p)
        return;
    chapters_free(&p->chapters);
    free(p);
}
