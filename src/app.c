/* The live show: a window, the player, input, the play log. Everything the
 * screen shows is drawn by render_frame from (deck, player view, overlay). */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anim.h"
#include "deck.h"
#include "gesture.h"
#include "modes.h"
#include "player.h"
#include "playlog.h"
#include "render.h"

#define IDLE_FRAME_MS 16          /* frame pacing when the renderer cannot vsync */
#define MAX_SLEEP_MS 1000         /* wake at least this often */
#define STAFF_CORNER_FRACTION 0.12 /* the long-press corner: top-left 12 % */
#define WINDOWED_DEFAULT_W 1280
#define WINDOWED_DEFAULT_H 720

typedef struct {
    const kiosk_options *o;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *rotated; /* the picture before --rotate turns it */
    int out_w, out_h;     /* the picture's size (rotated dimensions) */
    int win_w, win_h;
    bool vsync;
    deck *d;
    diag_list diags;
    player *p;
    render_ctx *rc;
    playlog *log;
    gesture g;
    bool staff_open;
    bool quit;
    bool dirty;
    Uint64 t0;
    unsigned frames;
    Uint64 fps_since;
    double fps;
} app;

static player_ms now_ms(const app *a)
{
    return (player_ms)(SDL_GetTicks64() - a->t0);
}

static void log_event(app *a, const char *event, long number, const char *file,
                      const char *cause, const char *message)
{
    playlog_write(a->log, stdout, time(NULL), event, number, file, cause, message);
}

static void log_errors(app *a)
{
    char buf[2048];
    for (size_t i = 0; i < a->diags.n; i++) {
        if (a->diags.items[i].severity != DIAG_ERROR)
            continue;
        diag_format(&a->diags.items[i], buf, sizeof buf);
        log_event(a, "error", -1, a->diags.items[i].path, NULL, buf);
    }
}

static void drain_events(app *a)
{
    player_event ev;
    while (player_poll_event(a->p, &ev)) {
        const slide *s = ev.slide < a->d->n_slides ? &a->d->slides[ev.slide] : NULL;
        const char *name = ev.type == PLAYER_EVENT_SHOW    ? "show"
                           : ev.type == PLAYER_EVENT_PAUSE ? "pause"
                                                           : "resume";
        log_event(a, name, (long)ev.slide + 1, s ? s->file : NULL,
                  ev.type == PLAYER_EVENT_SHOW ? player_cause_name(ev.cause) : NULL, NULL);
        a->dirty = true;
    }
}

/* Reloads the deck from disk. A deck with nothing playable is refused and
 * the show goes on with what it had. */
static void reload(app *a)
{
    diag_list diags = {0};
    deck *d = deck_load(modes_deck_dir(a->o), KIOSK_FONT_DIR, &diags);
    if (!d || deck_playable_count(d) == 0) {
        log_event(a, "error", -1, NULL, NULL, "reload refused: the deck has no playable slide");
        deck_free(d);
        diag_list_clear(&diags);
        return;
    }
    diag_list_clear(&a->diags);
    a->diags = diags;
    log_event(a, "reload", -1, NULL, NULL, NULL);
    log_errors(a);
    render_set_deck(a->rc, d);
    player_set_deck(a->p, d, now_ms(a));
    deck_free(a->d);
    a->d = d;
    a->dirty = true;
}

/* Window pixels to picture pixels, undoing --rotate. */
static void to_picture(const app *a, int wx, int wy, int *px, int *py)
{
    switch (a->o->rotate) {
    case 90: *px = wy; *py = a->win_w - 1 - wx; break;
    case 180: *px = a->win_w - 1 - wx; *py = a->win_h - 1 - wy; break;
    case 270: *px = a->win_h - 1 - wy; *py = wx; break;
    default: *px = wx; *py = wy; break;
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
                     s ? s->file : "-", a->fps, diag_count(&a->diags, DIAG_ERROR),
                     diag_count(&a->diags, DIAG_WARNING));
    char line[2048];
    for (size_t i = 0; i < a->diags.n && i < 12 && n > 0 && (size_t)n < cap; i++) {
        diag_format(&a->diags.items[i], line, sizeof line);
        n += snprintf(buf + n, cap - (size_t)n, "%s\n", line);
    }
    if (n > 0 && (size_t)n < cap)
        snprintf(buf + n, cap - (size_t)n, "\n轻触其他地方关闭 · Tap anywhere else to close");
}

static void on_tap(app *a, int x, int y, player_ms t)
{
    if (a->staff_open) {
        staff_button b = render_staff_button_at(a->rc, x, y);
        if (b == STAFF_RELOAD)
            reload(a);
        else if (b == STAFF_QUIT) /* works even locked: it takes a 3 s press to reach */
            a->quit = true;
        a->staff_open = false;
        a->dirty = true;
        return;
    }
    int ch = render_chapter_at(a->rc, x, y);
    if (ch >= 0) {
        player_goto_chapter(a->p, (size_t)ch, t);
        return;
    }
    player_toggle_pause(a->p, t);
}

static void on_gesture(app *a, gesture_action g, player_ms t)
{
    switch (g.kind) {
    case GESTURE_NONE: break;
    case GESTURE_DRAG:
        if (!a->staff_open)
            player_drag(a->p, g.dx_fraction, t);
        break;
    case GESTURE_RELEASE:
        if (!a->staff_open)
            player_release(a->p, g.velocity, t);
        break;
    case GESTURE_TAP: on_tap(a, g.x, g.y, t); break;
    case GESTURE_LONG_PRESS:
        if (a->staff_open ||
            (g.x < a->out_w * STAFF_CORNER_FRACTION && g.y < a->out_h * STAFF_CORNER_FRACTION)) {
            a->staff_open = !a->staff_open;
            a->g.long_fired = true; /* the lift that follows is no tap */
        }
        break;
    }
    a->dirty = true;
}

static void on_key(app *a, const SDL_KeyboardEvent *k, player_ms t)
{
    player_touch(a->p, t);
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    switch (k->keysym.sym) {
    case SDLK_RIGHT:
    case SDLK_PAGEDOWN:
    case SDLK_SPACE: player_next(a->p, t, PLAYER_CAUSE_KEY); break;
    case SDLK_LEFT:
    case SDLK_PAGEUP: player_prev(a->p, t, PLAYER_CAUSE_KEY); break;
    case SDLK_p: player_toggle_pause(a->p, t); break;
    case SDLK_r: reload(a); break;
    case SDLK_ESCAPE:
        if (a->staff_open)
            a->staff_open = false;
        else if (!a->d->lock)
            a->quit = true;
        break;
    case SDLK_q:
        if (ctrl && !a->d->lock)
            a->quit = true;
        break;
    default: break;
    }
    a->dirty = true;
}

static void handle(app *a, const SDL_Event *e)
{
    player_ms t = now_ms(a);
    int x, y;
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_KEYDOWN: on_key(a, &e->key, t); break;
    /* Fingers and mouse buttons alike; SDL's mouse events synthesised from
     * touches (which == SDL_TOUCH_MOUSEID) would count every touch twice. */
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION: {
        if (e->type == SDL_MOUSEMOTION ? e->motion.which == SDL_TOUCH_MOUSEID
                                       : e->button.which == SDL_TOUCH_MOUSEID)
            break;
        if (e->type != SDL_MOUSEMOTION && e->button.button != SDL_BUTTON_LEFT)
            break;
        int wx = e->type == SDL_MOUSEMOTION ? e->motion.x : e->button.x;
        int wy = e->type == SDL_MOUSEMOTION ? e->motion.y : e->button.y;
        to_picture(a, wx, wy, &x, &y);
        player_touch(a->p, t);
        if (e->type == SDL_MOUSEBUTTONDOWN)
            on_gesture(a, gesture_down(&a->g, x, y, t), t);
        else if (e->type == SDL_MOUSEBUTTONUP)
            on_gesture(a, gesture_up(&a->g, x, y, t), t);
        else if (a->g.down)
            on_gesture(a, gesture_move(&a->g, x, y, t), t);
        break;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        to_picture(a, (int)(e->tfinger.x * a->win_w), (int)(e->tfinger.y * a->win_h), &x, &y);
        player_touch(a->p, t);
        if (e->type == SDL_FINGERDOWN)
            on_gesture(a, gesture_down(&a->g, x, y, t), t);
        else if (e->type == SDL_FINGERUP)
            on_gesture(a, gesture_up(&a->g, x, y, t), t);
        else
            on_gesture(a, gesture_move(&a->g, x, y, t), t);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            SDL_GetRendererOutputSize(a->ren, &a->win_w, &a->win_h);
            bool sideways = a->o->rotate == 90 || a->o->rotate == 270;
            a->out_w = sideways ? a->win_h : a->win_w;
            a->out_h = sideways ? a->win_w : a->win_h;
            if (a->rotated) {
                SDL_DestroyTexture(a->rotated);
                a->rotated = NULL;
            }
            render_resize(a->rc, a->out_w, a->out_h);
            gesture_init(&a->g, a->out_w, a->out_h);
        }
        a->dirty = true;
        break;
    default: break;
    }
}

/* The slides a visitor or the timer can bring next: their photos decode
 * while this one shows. */
static void prefetch_neighbours(app *a)
{
    size_t n = a->d->n_slides, cur = player_current(a->p);
    if (n == 0)
        return;
    for (size_t step = 1; step < n; step++) { /* next playable */
        size_t i = (cur + step) % n;
        if (a->d->slides[i].type != SLIDE_BROKEN) {
            render_prefetch(a->rc, i);
            break;
        }
    }
    for (size_t step = 1; step < n; step++) { /* previous playable */
        size_t i = (cur + n - step) % n;
        if (a->d->slides[i].type != SLIDE_BROKEN) {
            render_prefetch(a->rc, i);
            break;
        }
    }
    render_prefetch(a->rc, 0); /* where idle returns to */
}

static bool draw(app *a)
{
    player_ms t = now_ms(a);
    player_view v = player_view_at(a->p, t);
    char staff[4096];
    if (a->staff_open)
        staff_text(a, staff, sizeof staff);
    render_overlay ov = {
        .paused = v.paused,
        .current_chapter = player_current_chapter(a->p),
        .staff_text = a->staff_open ? staff : NULL,
    };
    bool moving;
    if (a->o->rotate) {
        if (!a->rotated)
            a->rotated = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888,
                                           SDL_TEXTUREACCESS_TARGET, a->out_w, a->out_h);
        SDL_SetRenderTarget(a->ren, a->rotated);
        moving = render_frame(a->rc, &v, &ov);
        SDL_SetRenderTarget(a->ren, NULL);
        SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 255);
        SDL_RenderClear(a->ren);
        SDL_Rect dst = {(a->win_w - a->out_w) / 2, (a->win_h - a->out_h) / 2, a->out_w, a->out_h};
        SDL_RenderCopyEx(a->ren, a->rotated, NULL, &dst, a->o->rotate, NULL, SDL_FLIP_NONE);
    } else {
        moving = render_frame(a->rc, &v, &ov);
    }
    SDL_RenderPresent(a->ren);
    a->frames++;
    Uint64 now = SDL_GetTicks64();
    if (now - a->fps_since >= 1000) {
        a->fps = a->frames * 1000.0 / (double)(now - a->fps_since);
        a->frames = 0;
        a->fps_since = now;
    }
    /* Counting figures and the like: the renderer knows they still move. */
    if (!v.transitioning && v.to < a->d->n_slides) {
        long long settle = anim_slide_settle_ms(&a->d->slides[v.to]);
        if (v.to_elapsed_ms < settle + 400)
            moving = true;
    }
    return moving;
}

static int open_window(app *a)
{
    const kiosk_options *o = a->o;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int w = o->width ? o->width : WINDOWED_DEFAULT_W, h = o->height ? o->height : WINDOWED_DEFAULT_H;
    if (!o->windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        /* Ask for the screen's own size too: without a window manager (a
         * bare X server on a kiosk) the window keeps the size it asked for. */
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && !o->width) {
            w = mode.w;
            h = mode.h;
        }
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    a->win = SDL_CreateWindow(a->d->title ? a->d->title : "kiosk", SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!a->win) {
        fprintf(stderr, "kiosk: cannot open a window: %s\n", SDL_GetError());
        return -1;
    }
    a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC |
                                                SDL_RENDERER_TARGETTEXTURE);
    if (!a->ren) /* no GPU: SDL's software renderer draws the same picture */
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    if (!a->ren) {
        fprintf(stderr, "kiosk: cannot create a renderer: %s\n", SDL_GetError());
        return -1;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(a->ren, &info) == 0)
        a->vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    SDL_GetRendererOutputSize(a->ren, &a->win_w, &a->win_h);
    bool sideways = o->rotate == 90 || o->rotate == 270;
    a->out_w = sideways ? a->win_h : a->win_w;
    a->out_h = sideways ? a->win_w : a->win_h;
    return 0;
}

int mode_play(const kiosk_options *o)
{
    app a = {.o = o, .dirty = true};
    int status = 1;
    a.log = playlog_open(o->log_file);
    if (o->log_file && !a.log) {
        fprintf(stderr, "kiosk: cannot open the log %s\n", o->log_file);
        return 1;
    }
    a.d = deck_load(modes_deck_dir(o), KIOSK_FONT_DIR, &a.diags);
    if (!a.d)
        goto done;
    diag_print(&a.diags, stderr);
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "kiosk: cannot start SDL: %s\n", SDL_GetError());
        goto done;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk: cannot start the font renderer: %s\n", TTF_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    if (open_window(&a) != 0)
        goto done;
    const char *err = NULL;
    a.rc = render_new(a.ren, a.d, a.out_w, a.out_h, true, &err);
    if (!a.rc) {
        fprintf(stderr, "kiosk: %s\n", err ? err : "cannot start rendering");
        goto done;
    }
    gesture_init(&a.g, a.out_w, a.out_h);
    a.t0 = SDL_GetTicks64();
    a.fps_since = a.t0;
    log_event(&a, "start", -1, NULL, NULL, NULL);
    log_errors(&a);
    a.p = player_new(a.d, 0);
    if (!a.p)
        goto done;
    if (deck_playable_count(a.d) == 0)
        log_event(&a, "error", -1, NULL, NULL, "the deck has no playable slide");
    player_ms exit_at = o->exit_after_s >= 0 ? (player_ms)(o->exit_after_s * 1000) : LLONG_MAX;
    bool moving = true;
    while (!a.quit) {
        player_ms t = now_ms(&a);
        if (t >= exit_at)
            break;
        /* Sleep until the nearest thing that will change, unless something
         * moves on screen now. */
        player_ms wake = player_next_deadline(a.p, t);
        long long lp = gesture_deadline(&a.g);
        if (lp >= 0 && lp < wake)
            wake = lp;
        if (exit_at < wake)
            wake = exit_at;
        SDL_Event e;
        if (moving || a.dirty || render_images_busy(a.rc)) {
            while (SDL_PollEvent(&e))
                handle(&a, &e);
        } else {
            long long wait = wake - t;
            if (wait > MAX_SLEEP_MS)
                wait = MAX_SLEEP_MS;
            if (wait < 0)
                wait = 0;
            if (SDL_WaitEventTimeout(&e, (int)wait)) {
                handle(&a, &e);
                while (SDL_PollEvent(&e))
                    handle(&a, &e);
            }
        }
        t = now_ms(&a);
        on_gesture(&a, gesture_tick(&a.g, t), t);
        player_tick(a.p, t);
        drain_events(&a);
        if (render_pump_images(a.rc))
            a.dirty = true;
        if (moving || a.dirty || player_next_deadline(a.p, t) <= t) {
            Uint64 f0 = SDL_GetTicks64();
            moving = draw(&a);
            a.dirty = false;
            prefetch_neighbours(&a);
            if (!a.vsync) { /* pace frames ourselves */
                Uint64 spent = SDL_GetTicks64() - f0;
                if (spent < IDLE_FRAME_MS)
                    SDL_Delay((Uint32)(IDLE_FRAME_MS - spent));
            }
        }
    }
    drain_events(&a);
    log_event(&a, "exit", -1, NULL, NULL, NULL);
    status = 0;
done:
    player_free(a.p);
    render_free(a.rc);
    if (a.rotated)
        SDL_DestroyTexture(a.rotated);
    if (a.ren)
        SDL_DestroyRenderer(a.ren);
    if (a.win)
        SDL_DestroyWindow(a.win);
    if (TTF_WasInit())
        TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    deck_free(a.d);
    diag_list_clear(&a.diags);
    playlog_close(a.log);
    return status;
}
