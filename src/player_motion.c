/* Where the pictures are: a transition's progress and how long its runs
 * take, a finger's drag and what its release does, and the view that
 * reports both. The timers and the moves are player.c's. */
#include <math.h>

#include "anim.h"
#include "player_state.h"

/* ---- transitions -------------------------------------------------------- */

double player_transition_progress(const transition_state *tr, player_ms t)
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
player_ms player_transition_run_ms(const transition_state *tr, double distance)
{
    if (tr->release)
        return PLAYER_RELEASE_MIN_MS +
               (player_ms)llround(PLAYER_RELEASE_SPAN_MS * distance);
    return (player_ms)llround((double)tr->full_ms * distance);
}

player_ms player_transition_end(const transition_state *tr)
{
    return tr->start_ms + tr->duration_ms;
}

void player_transition_hurry(transition_state *tr, player_ms t)
{
    if (tr->hurried || player_transition_end(tr) - t <= PLAYER_HURRY_MS)
        return;
    tr->p0 = player_transition_progress(tr, t);
    tr->start_ms = t;
    tr->duration_ms = PLAYER_HURRY_MS;
    tr->from_rest = false;
    tr->hurried = true;
}

/* ---- drags ------------------------------------------------------------- */

void player_drag(player *p, double dx, player_ms now)
{
    player_input(p, now);
    if (!p->has_slide)
        return;
    if (!isfinite(dx))
        dx = 0.0;
    if (p->drag == DRAG_NONE) {
        player_timer_stop(p, now);
        if (p->tr.active) {
            /* Hurry the running transition; the drag starts after it. */
            player_transition_hurry(&p->tr, now);
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
    player_input(p, now);
    if (!p->has_slide || p->drag == DRAG_NONE)
        return;
    bool was_active = p->drag == DRAG_ACTIVE && !p->tr.active;
    double e = drag_travel(p);
    p->drag = DRAG_NONE;
    if (!isfinite(velocity))
        velocity = 0.0;
    bool fast = fabs(velocity) >= PLAYER_FLICK_FRACTION_PER_S;

    if (!was_active || e == 0.0) {
        player_timer_run(p, p->tr.active ? player_transition_end(&p->tr) : now);
        if (fast) /* a flick with nothing dragged yet: still a swipe */
            player_visitor_step(p, velocity < 0 ? +1 : -1, now, PLAYER_CAUSE_SWIPE);
        return;
    }
    int direction = e < 0 ? +1 : -1;
    size_t other = player_neighbour(p, p->cur, direction);
    if (other == p->cur) {
        player_timer_run(p, now);
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
    p->tr.duration_ms = player_transition_run_ms(&p->tr, settle ? 1.0 - fabs(e) : fabs(e));
    if (settle) {
        p->visitor_moved = true;
        p->tr.to_since = now;
        player_become_current(p, other, now, now, player_transition_end(&p->tr),
                       PLAYER_CAUSE_SWIPE);
    } else {
        player_timer_run(p, player_transition_end(&p->tr));
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
        v.progress = player_transition_progress(&p->tr, now);
        v.direction = p->tr.direction;
    } else if (p->drag == DRAG_ACTIVE && drag_travel(p) != 0.0) {
        double e = drag_travel(p);
        int direction = e < 0 ? +1 : -1;
        size_t other = player_neighbour(p, p->cur, direction);
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
            player_ms left = player_advance_at(p) - now;
            v.slide_remaining_ms = left > 0 ? left : 0;
        } else {
            v.slide_remaining_ms = p->remaining_ms;
        }
    }
    return v;
}
