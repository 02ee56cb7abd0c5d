/* The live show's loop: sleep until the next thing that changes, handle
 * input, advance the player, draw and present a frame. While something
 * moves, one frame per display refresh (pace.h: by the display when its
 * vsync really waits, else by the clock); while nothing does, no frames
 * and no wake-ups. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "input.h"
#include "modes.h"
#include "notify.h"
#include "pace.h"


/* Pictures and fonts that failed while drawing: told once each, on stderr
 * and in the play log, as the show goes on without them. */
static void log_problems(app *a)
{
    char buf[2048];
    while (render_next_problem(a->rc, buf, sizeof buf)) {
        /* A picture the loader already reported (it was broken when the
         * deck was read) is not told twice. */
        char quoted[1100];
        const char *end = strstr(buf, ":1:1: ");
        int n = end ? (int)(end - buf) : 0;
        snprintf(quoted, sizeof quoted, "\"%.*s\"", n, buf);
        bool known = false;
        for (size_t i = 0; n > 0 && i < a->diags->n && !known; i++)
            known = strstr(a->diags->items[i].message, quoted) != NULL;
        if (known)
            continue;
        fprintf(stderr, "%s\n", buf);
        app_log(a, "error", -1, NULL, NULL, buf);
    }
}

static void drain_events(app *a)
{
    player_event ev;
    while (player_poll_event(a->p, &ev)) {
        /* The texts follow the player's language before anything draws. */
        bool language = ev.type == PLAYER_EVENT_LANGUAGE;
        if (language)
            reload_show_language(a->rl, a->rc, a->p);
        const slide *s = ev.slide < a->d->n_slides ? &a->d->slides[ev.slide] : NULL;
        app_log(a, player_event_name(ev.type), (long)ev.slide + 1, s ? s->file : NULL,
                ev.type == PLAYER_EVENT_SHOW || language ? player_cause_name(ev.cause) : NULL,
                language ? deck_lang_name(ev.language) : NULL);
        a->dirty = true;
    }
}

static void staff_text(app *a, char *buf, size_t cap)
{
    size_t cur = player_current(a->p);
    const slide *s = cur < a->d->n_slides ? &a->d->slides[cur] : NULL;
    int n = snprintf(buf, cap,
                     "kiosk %s — 工作人员 · Staff\n"
                     "Deck: %s\n"
                     "Slide %zu / %zu: %s\n"
                     "%.0f frames per second · %zu errors, %zu warnings\n",
                     KIOSK_VERSION, modes_deck_dir(a->o), cur + 1, a->d->n_slides,
                     s ? s->file : "-", a->fps, diag_count(a->diags, DIAG_ERROR),
                     diag_count(a->diags, DIAG_WARNING));
    if (n > 0 && (size_t)n < cap)
        n += snprintf(buf + n, cap - (size_t)n, "%s", a->show_problems);
    if (n > 0 && (size_t)n < cap) {
        app_schedule_note(a, buf + n, cap - (size_t)n);
        n += (int)strlen(buf + n);
    }
    char line[2048];
    for (size_t i = 0; i < a->diags->n && i < 12 && n > 0 && (size_t)n < cap; i++) {
        diag_format(&a->diags->items[i], line, sizeof line);
        n += snprintf(buf + n, cap - (size_t)n, "%s\n", line);
    }
    if (n > 0 && (size_t)n < cap)
        snprintf(buf + n, cap - (size_t)n, "\n轻触其他地方关闭 · Tap anywhere else to close");
}

/* The slides a visitor or the timer can bring next: their photos decode
 * while this one shows, and once it stands still the next one's layer is
 * drawn, so the first frame of the fade to it only composes. A slide that
 * never stands still before its time is up (a drifting photo) has it drawn
 * between two of its own frames once its fade in is over: one late frame
 * of a slow drift instead of a late first frame of the fade. */
static void prefetch_upcoming(app *a, bool moving)
{
    size_t next[PLAYER_UPCOMING_MAX];
    size_t n = player_upcoming(a->p, next);
    for (size_t i = 0; i < n; i++)
        render_prefetch(a->rc, next[i]);
    if (n == 0)
        return;
    if (moving) {
        player_view v = player_view_at(a->p, app_now(a));
        if (v.transitioning || !render_moves_to_the_end(a->rc, v.to))
            return;
    }
    render_prepare(a->rc, next[0]);
}

/* Sends the frame to the screen: with partial frames only the rectangles
 * that changed (the window surface updates rectangles: on X11 one
 * XShmPutImage each), none when nothing did. */
static void present(app *a)
{
    const region_set *ch = render_changed(a->rc);
    if (!a->partial || ch->full) {
        SDL_RenderPresent(a->ren);
        return;
    }
    if (ch->n == 0)
        return;
    SDL_Rect rects[REGIONS_MAX];
    for (int i = 0; i < ch->n; i++)
        rects[i] = (SDL_Rect){ch->r[i].x, ch->r[i].y, ch->r[i].w, ch->r[i].h};
    SDL_RenderFlush(a->ren); /* SDL batches drawing: finish it into the surface */
    if (SDL_UpdateWindowSurfaceRects(a->win, rects, ch->n) != 0)
        SDL_RenderPresent(a->ren);
}

/* Draws and presents one frame; returns true while something in it moves. */
static bool draw(app *a)
{
    player_ms t = app_now(a);
    player_view v = player_view_at(a->p, t);
    char staff[4096];
    if (a->staff_open)
        staff_text(a, staff, sizeof staff);
    render_overlay ov = {
        .paused = v.paused,
        .chapters = player_chapters(a->p),
        .current_chapter = player_current_chapter(a->p),
        .staff_text = a->staff_open ? staff : NULL,
    };
    frame_status st;
    if (a->o->rotate && !a->rotated && !a->rotated_failed) {
        a->rotated = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_TARGET, a->out_w, a->out_h);
        if (!a->rotated) {
            /* An unturned show beats a black screen; staff read why. */
            char msg[512];
            snprintf(msg, sizeof msg, "cannot make the %dx%d picture that --rotate turns (%s); "
                     "the show is drawn unturned", a->out_w, a->out_h, SDL_GetError());
            app_show_problem(a, msg);
            a->rotated_failed = true;
        }
    }
    if (a->rotated) {
        SDL_SetRenderTarget(a->ren, a->rotated);
        st = render_frame(a->rc, &v, &ov);
        SDL_SetRenderTarget(a->ren, NULL);
        SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 255);
        SDL_RenderClear(a->ren);
        SDL_Rect dst = {(a->win_w - a->out_w) / 2, (a->win_h - a->out_h) / 2, a->out_w, a->out_h};
        SDL_RenderCopyEx(a->ren, a->rotated, NULL, &dst, a->o->rotate, NULL, SDL_FLIP_NONE);
    } else {
        st = render_frame(a->rc, &v, &ov);
    }
    present(a);
    a->frames++;
    Uint64 now = SDL_GetTicks64();
    if (now - a->fps_since >= 1000) {
        a->fps = a->frames * 1000.0 / (double)(now - a->fps_since);
        a->frames = 0;
        a->fps_since = now;
    }
    /* Counting figures, fading badges, drifts: the frame says whether
     * anything will change. A picture still decoding is no reason to draw:
     * the decoder's event wakes the loop when it is ready (images.h). */
    return st.moving;
}

/* Milliseconds, finer than SDL_GetTicks64: pacing works in fractions. */
static double clock_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static double refresh_hz(const app *a)
{
    SDL_DisplayMode mode;
    int display = SDL_GetWindowDisplayIndex(a->win);
    if (display >= 0 && SDL_GetCurrentDisplayMode(display, &mode) == 0 && mode.refresh_rate > 0)
        return mode.refresh_rate;
    return PACE_DEFAULT_HZ;
}

void app_loop(app *a)
{
    const kiosk_options *o = a->o;
    player_ms exit_at = o->exit_after_s >= 0
                            ? (player_ms)(o->exit_after_s * 1000 * a->time_scale)
                            : LLONG_MAX;
    pace pc;
    pace_init(&pc, refresh_hz(a), a->vsync);
    bool moving = true;
    bool drew_last = false; /* the previous pass drew a frame */
    bool ready_told = false;
    notify nf; /* a service manager's watchdog, when there is one */
    notify_open(&nf, app_now(a));
    while (!a->quit) {
        player_ms t = app_now(a);
        if (t >= exit_at)
            break;
        player_ms ping = notify_tick(&nf, t); /* the watchdog sees the loop turn */
        SDL_Event e;
        bool waited = false;
        if (moving) {
            /* One frame per refresh: until this frame's slot, input only. */
            double w = pace_wait_ms(&pc, clock_ms());
            if (w > 0) {
                if (SDL_WaitEventTimeout(&e, (int)ceil(w)))
                    input_handle(a, &e);
                while (SDL_PollEvent(&e))
                    input_handle(a, &e);
                drew_last = false;
                continue;
            }
            while (SDL_PollEvent(&e))
                input_handle(a, &e);
        } else if (a->dirty) {
            while (SDL_PollEvent(&e))
                input_handle(a, &e);
        } else {
            /* Nothing moves: block until the nearest thing that will change
             * (the player's next deadline, a long press, --exit-after) or
             * input. A finished picture decode arrives as an event. */
            player_ms wake = player_next_deadline(a->p, t);
            long long lp = gesture_deadline(&a->g);
            if (lp >= 0 && lp < wake)
                wake = lp;
            if (exit_at < wake)
                wake = exit_at;
            if (ping < wake)
                wake = ping;
            /* A slide's schedule turning: the show re-evaluates exactly then. */
            player_ms turn = app_schedule_deadline(a, t);
            if (turn < wake)
                wake = turn;
            /* Show time runs time_scale times faster than the wall clock. */
            long long wait = (long long)((double)(wake - t) / a->time_scale);
            if (wait < 0)
                wait = 0;
            /* A deadline beyond SDL's int milliseconds (24 days): wake up
             * then and sleep again. */
            int got = wake == LLONG_MAX ? SDL_WaitEvent(&e)
                                        : SDL_WaitEventTimeout(&e, wait > INT_MAX ? INT_MAX : (int)wait);
            if (got) {
                input_handle(a, &e);
                while (SDL_PollEvent(&e))
                    input_handle(a, &e);
            }
            waited = true;
        }
        t = app_now(a);
        app_schedule_update(a, t); /* a boundary before what else is due now */
        input_tick(a, t);
        player_tick(a->p, t);
        drain_events(a); /* with the deck their slide numbers belong to */
        if (app_apply_update(a, t))
            drain_events(a); /* the new deck's: a slide replaced in place */
        app_schedule_update(a, t); /* the new deck's schedules */
        drain_events(a); /* a slide that went off by its schedule */
        if (render_pump_images(a->rc))
            a->dirty = true;
        log_problems(a);
        if (moving || a->dirty || player_next_deadline(a->p, t) <= t) {
            bool was_moving = moving;
            moving = draw(a);
            a->dirty = false;
            if (!ready_told) { /* the first frame is on screen */
                notify_send(&nf, "READY=1");
                ready_told = true;
            }
            pace_presented(&pc, clock_ms(), drew_last && was_moving && !waited);
            drew_last = true;
            prefetch_upcoming(a, moving);
            if (!moving)
                pace_still(&pc);
        } else {
            drew_last = false;
        }
    }
    drain_events(a);
    notify_send(&nf, "STOPPING=1");
    notify_close(&nf);
}
