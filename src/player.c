/* The player's state machine: the slide timer, moves between slides,
 * idle return, the event queue, chapters and decks. Where the pictures
 * are during a transition or a drag is player_motion.c's. */
#include "player.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "player_state.h"

/* Beyond this many due changes in one tick (a clock jump of weeks) the
 * player stops replaying the past and resynchronises to now. */
#define PLAYER_MAX_CATCH_UP 1000000

static const char *const cause_names[] = {
    [PLAYER_CAUSE_START] = "start",     [PLAYER_CAUSE_AUTO] = "auto",
    [PLAYER_CAUSE_SWIPE] = "swipe",     [PLAYER_CAUSE_KEY] = "key",
    [PLAYER_CAUSE_CHAPTER] = "chapter", [PLAYER_CAUSE_IDLE] = "idle",
    [PLAYER_CAUSE_RELOAD] = "reload",   [PLAYER_CAUSE_SCHEDULE] = "schedule",
    [PLAYER_CAUSE_BUTTON] = "button",
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
    case PLAYER_EVENT_LANGUAGE: return "language";
    }
    return "?";
}

static bool slide_ok(const deck *d, size_t i)
{
    return d && i < d->n_slides && d->slides[i].type != SLIDE_BROKEN;
}

/* A slide the player may show: not broken, and on by the mask of
 * player_set_on. */
static bool playable(const player *p, size_t i)
{
    return slide_ok(p->d, i) && (!p->on || p->on[i]);
}

/* The first slide the player may show: where it starts and idle returns. */
static void find_first(player *p)
{
    p->has_slide = false;
    size_t n = p->d ? p->d->n_slides : 0;
    for (size_t k = 0; k < n && !p->has_slide; k++) {
        if (playable(p, k)) {
            p->first = k;
            p->has_slide = true;
        }
    }
}

size_t player_neighbour(const player *p, size_t i, int step)
{
    size_t n = p->d->n_slides;
    for (size_t k = 1; k <= n; k++) {
        size_t j = step > 0 ? (i + k) % n : (i + n - k % n) % n;
        if (playable(p, j))
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
    p->events[at] = (player_event){type, index, cause, t, p->lang};
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

void player_timer_stop(player *p, player_ms now)
{
    if (!p->timer_running)
        return;
    p->timer_running = false;
    player_ms used = now - p->timer_start_ms;
    if (p->remaining_ms >= 0 && used > 0)
        p->remaining_ms = used < p->remaining_ms ? p->remaining_ms - used : 0;
}

void player_timer_run(player *p, player_ms from)
{
    if (!timer_may_run(p))
        return;
    p->timer_running = true;
    p->timer_start_ms = from;
}

player_ms player_advance_at(const player *p)
{
    if (!p->timer_running || p->remaining_ms < 0)
        return LLONG_MAX;
    return p->timer_start_ms + p->remaining_ms;
}

void player_become_current(player *p, size_t i, player_ms t, player_ms since,
                           player_ms settle_at, player_cause cause)
{
    p->cur = i;
    p->cur_since = since;
    int duration_ms = p->d->slides[i].duration_ms;
    p->remaining_ms = duration_ms > 0 ? duration_ms : -1;
    p->timer_running = false;
    player_timer_run(p, settle_at);
    push_event(p, PLAYER_EVENT_SHOW, i, cause, t);
}

/* ---- moves -------------------------------------------------------------- */

/* Moves to slide `target` at time t. The caller has ticked up to t. */
static void move_to(player *p, size_t target, int direction, player_ms t,
                    player_cause cause)
{
    if (!p->has_slide || !playable(p, target))
        return;
    if (p->drag == DRAG_ACTIVE)
        p->drag = DRAG_WAIT; /* the finger picks up again from where it is */

    transition_state *tr = &p->tr;
    if (tr->active) {
        double q = player_transition_progress(tr, t);
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
            tr->duration_ms = player_transition_run_ms(tr, fabs(p1 - q));
            tr->from_rest = false;
            tr->hurried = false;
            /* Coming back to a slide still on screen continues its entry
             * animation instead of restarting it under the visitor's eyes. */
            player_ms *since = target == tr->to ? &tr->to_since : &tr->from_since;
            if (*since == NO_SINCE)
                *since = t;
            player_become_current(p, target, t, *since, player_transition_end(&p->tr), cause);
            return;
        }
        /* A third slide: finish the running picture quickly, then go on. */
        player_transition_hurry(tr, t);
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
        player_become_current(p, target, t, t, t, cause);
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
    player_become_current(p, target, t, t, t + spec->duration_ms, cause);
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
    return p->paused || p->cur != p->first || p->tr.active || p->has_pending ||
           p->lang != p->d->language;
}

static void switch_language(player *p, deck_lang lang, player_cause cause, player_ms t)
{
    p->lang = lang;
    push_event(p, PLAYER_EVENT_LANGUAGE, p->cur, cause, t); /* carries p->lang */
}

static void idle_return(player *p, player_ms t)
{
    p->visitor_moved = false;
    if (p->paused) {
        p->paused = false;
        push_event(p, PLAYER_EVENT_RESUME, p->cur, PLAYER_CAUSE_IDLE, t);
        player_timer_run(p, p->tr.active ? player_transition_end(&p->tr) : t);
    }
    if (p->lang != p->d->language)
        switch_language(p, p->d->language, PLAYER_CAUSE_IDLE, t);
    move_to(p, p->first, -1, t, PLAYER_CAUSE_IDLE);
}

/* Applies the earliest change due at or before now; false when none is. */
static bool step(player *p, player_ms now)
{
    enum { NOTHING, TRANSITION_ENDS, ADVANCE, IDLE } what = NOTHING;
    player_ms when = LLONG_MAX;
    if (p->tr.active) {
        what = TRANSITION_ENDS;
        when = player_transition_end(&p->tr);
    } else if (player_advance_at(p) != LLONG_MAX) {
        what = ADVANCE;
        when = player_advance_at(p);
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
        size_t next = player_neighbour(p, p->cur, +1);
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
    player_ms at = player_advance_at(p);
    /* A visitor who changed nothing still ends with an IDLE event: one
     * wake-up per visitor. */
    if (((p->visitor_moved && idle_has_work(p)) || p->visitor_here) && idle_at(p) < at)
        at = idle_at(p);
    return at < now ? now : at;
}

/* ---- input -------------------------------------------------------------- */

void player_input(player *p, player_ms now)
{
    player_tick(p, now);
    p->last_input_ms = now;
    p->visitor_here = p->has_slide;
}

void player_touch(player *p, player_ms now)
{
    player_input(p, now);
}

static size_t destination(const player *p)
{
    return p->has_pending ? p->pending : p->cur;
}

void player_visitor_step(player *p, int step, player_ms now,
                         player_cause cause)
{
    player_input(p, now);
    if (!p->has_slide)
        return;
    p->visitor_moved = true;
    move_to(p, player_neighbour(p, destination(p), step), step, now, cause);
}

void player_next(player *p, player_ms now, player_cause cause)
{
    player_visitor_step(p, +1, now, cause);
}

void player_prev(player *p, player_ms now, player_cause cause)
{
    player_visitor_step(p, -1, now, cause);
}

int player_goto(player *p, size_t index, player_ms now, player_cause cause)
{
    if (!p->has_slide || !playable(p, index))
        return -1;
    bool visitor = cause == PLAYER_CAUSE_KEY || cause == PLAYER_CAUSE_SWIPE ||
                   cause == PLAYER_CAUSE_CHAPTER;
    if (visitor) {
        player_input(p, now);
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
    player_input(p, now);
    if (!p->has_slide)
        return;
    p->visitor_moved = true;
    if (p->paused) {
        p->paused = false;
        player_timer_run(p, p->tr.active ? player_transition_end(&p->tr) : now);
        push_event(p, PLAYER_EVENT_RESUME, p->cur, PLAYER_CAUSE_KEY, now);
    } else {
        player_timer_stop(p, now);
        p->paused = true;
        push_event(p, PLAYER_EVENT_PAUSE, p->cur, PLAYER_CAUSE_KEY, now);
    }
}

deck_lang player_language(const player *p)
{
    return p->lang;
}

void player_toggle_language(player *p, player_ms now, player_cause cause)
{
    player_input(p, now);
    if (!p->has_slide)
        return;
    p->visitor_moved = true;
    switch_language(p, p->lang == DECK_LANG_ZH ? DECK_LANG_EN : DECK_LANG_ZH, cause, now);
}

int player_texts_changed(player *p)
{
    chapters_free(&p->chapters);
    return chapters_build(p->d, &p->chapters);
}

/* ---- what comes next ---------------------------------------------------- */

size_t player_upcoming(const player *p, size_t out[PLAYER_UPCOMING_MAX])
{
    if (!p->has_slide || !p->d || p->d->n_slides == 0)
        return 0;
    size_t cur = player_current(p);
    size_t candidates[PLAYER_UPCOMING_MAX] = {player_neighbour(p, cur, +1), player_neighbour(p, cur, -1),
                                              p->first};
    size_t n = 0;
    for (size_t i = 0; i < PLAYER_UPCOMING_MAX; i++) {
        bool seen = candidates[i] == cur || !playable(p, candidates[i]);
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
    if (i >= p->chapters.n || !p->d)
        return -1;
    /* Its first slide that is on now: a chapter's opening slide may be
     * off by its schedule while the rest of the chapter plays. */
    for (size_t k = p->chapters.list[i].first_slide; k < p->d->n_slides; k++)
        if (chapters_of_slide(&p->chapters, k) == (int)i && playable(p, k))
            return player_goto(p, k, now, PLAYER_CAUSE_CHAPTER);
    return -1;
}

int player_set_on(player *p, const bool *on, player_ms now)
{
    /* What falls due at `now` itself (an advance) sees the new mask. */
    player_tick(p, now - 1);
    size_t n = p->d ? p->d->n_slides : 0;
    bool any = false;
    for (size_t k = 0; on && k < n && !any; k++)
        any = on[k] && slide_ok(p->d, k);
    if (!any) {
        free(p->on);
        p->on = NULL;
    } else {
        bool *copy = realloc(p->on, n * sizeof *copy);
        if (!copy)
            return -1;
        memcpy(copy, on, n * sizeof *copy);
        p->on = copy;
    }
    bool had_slide = p->has_slide;
    find_first(p);
    if (!had_slide || !p->has_slide)
        return 0;
    size_t dest = destination(p);
    if (!playable(p, dest))
        move_to(p, player_neighbour(p, dest, +1), +1, now, PLAYER_CAUSE_SCHEDULE);
    return 0;
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
    /* The mask of player_set_on is by the old deck's indices. */
    free(p->on);
    p->on = NULL;
    if (same_slide && !p->tr.active && p->drag != DRAG_ACTIVE && slide_ok(d, keep)) {
        p->d = d;
        p->cur = keep;
        p->has_pending = false;
        chapters_free(&p->chapters);
        int status = chapters_build(d, &p->chapters);
        find_first(p);
        return status;
    }
    p->d = d;
    p->tr.active = false;
    p->has_pending = false;
    if (p->drag == DRAG_ACTIVE)
        p->drag = DRAG_WAIT;
    chapters_free(&p->chapters);
    int status = chapters_build(d, &p->chapters);

    find_first(p);
    if (!p->has_slide)
        return status;
    size_t n = d->n_slides;
    if (keep >= n)
        keep = n - 1;
    if (!playable(p, keep))
        keep = player_neighbour(p, keep, +1);
    player_become_current(p, keep, now, now, now, PLAYER_CAUSE_RELOAD);
    return status;
}

player *player_new(const deck *d, player_ms now)
{
    player *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->last_input_ms = now;
    p->d = d;
    p->lang = d ? d->language : DECK_LANG_ZH;
    if (chapters_build(d, &p->chapters) < 0)
        goto fail;
    find_first(p);
    if (p->has_slide)
        player_become_current(p, p->first, now, now, now, PLAYER_CAUSE_START);
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
    free(p->on);
    free(p);
}
