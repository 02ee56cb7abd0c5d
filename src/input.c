#include "input.h"

#define STAFF_CORNER_FRACTION 0.12 /* the long-press corner: top-left 12 % */

void input_picture_size(int rotate, int win_w, int win_h, int *out_w, int *out_h)
{
    bool sideways = rotate == 90 || rotate == 270;
    *out_w = sideways ? win_h : win_w;
    *out_h = sideways ? win_w : win_h;
}

void input_to_picture(int rotate, int win_w, int win_h, int wx, int wy, int *px, int *py)
{
    switch (rotate) {
    case 90: *px = wy; *py = win_w - 1 - wx; break;
    case 180: *px = win_w - 1 - wx; *py = win_h - 1 - wy; break;
    case 270: *px = win_h - 1 - wy; *py = wx; break;
    default: *px = wx; *py = wy; break;
    }
}

/* A visitor's touch, for the play log's reports: before what it causes,
 * so a `touch` line comes before the `show` it brings. */
static void log_touch(app *a, const char *cause)
{
    size_t cur = player_current(a->p);
    const slide *s = cur < a->d->n_slides ? &a->d->slides[cur] : NULL;
    app_log(a, "touch", s ? (long)cur + 1 : -1, s ? s->file : NULL, cause, NULL);
}

static void on_tap(app *a, int x, int y, player_ms t)
{
    if (a->staff_open) {
        staff_button b = render_staff_button_at(a->rc, x, y);
        if (b == STAFF_RELOAD)
            app_reload(a);
        else if (b == STAFF_QUIT) /* works even locked: it takes a 3 s press to reach */
            a->quit = true;
        a->staff_open = false;
        a->dirty = true;
        return;
    }
    if (render_language_button_at(a->rc, x, y)) {
        log_touch(a, "language");
        player_toggle_language(a->p, t, PLAYER_CAUSE_BUTTON);
        return;
    }
    /* The bar was drawn from the player's own chapter table (app_loop.c),
     * so the slot's index is the player's chapter index. */
    int ch = render_chapter_at(a->rc, x, y);
    if (ch >= 0) {
        log_touch(a, "chapter");
        player_goto_chapter(a->p, (size_t)ch, t);
        return;
    }
    log_touch(a, "tap");
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
        if (!a->staff_open) {
            log_touch(a, "swipe"); /* settled or sprung back */
            player_release(a->p, g.velocity, t);
        }
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
    if (g.kind != GESTURE_NONE) /* called on every pass of the loop: only a gesture redraws */
        a->dirty = true;
}

void input_tick(app *a, player_ms t)
{
    on_gesture(a, gesture_tick(&a->g, t), t);
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
    case SDLK_l:
        if (deck_bilingual(a->d))
            player_toggle_language(a->p, t, PLAYER_CAUSE_KEY);
        break;
    case SDLK_r: app_reload(a); break;
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

typedef enum { POINTER_DOWN, POINTER_UP, POINTER_MOVE } pointer_phase;

/* A mouse button or a finger at window pixel (wx, wy). */
static void on_pointer(app *a, pointer_phase phase, int wx, int wy, player_ms t)
{
    int x, y;
    input_to_picture(a->o->rotate, a->win_w, a->win_h, wx, wy, &x, &y);
    player_touch(a->p, t);
    if (phase == POINTER_DOWN)
        on_gesture(a, gesture_down(&a->g, x, y, t), t);
    else if (phase == POINTER_UP)
        on_gesture(a, gesture_up(&a->g, x, y, t), t);
    else if (a->g.down)
        on_gesture(a, gesture_move(&a->g, x, y, t), t);
}

void input_handle(app *a, const SDL_Event *e)
{
    player_ms t = app_now(a);
    live_news news = live_event(a->lv, e);
    if (news != LIVE_NOTHING) {
        app_live_event(a, news);
        return;
    }
    switch (e->type) {
    case SDL_QUIT: a->quit = true; break;
    case SDL_KEYDOWN: on_key(a, &e->key, t); break;
    /* Fingers and mouse buttons alike; SDL's mouse events synthesised from
     * touches (which == SDL_TOUCH_MOUSEID) would count every touch twice. */
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            break;
        on_pointer(a, e->type == SDL_MOUSEBUTTONDOWN ? POINTER_DOWN : POINTER_UP, e->button.x,
                   e->button.y, t);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which != SDL_TOUCH_MOUSEID)
            on_pointer(a, POINTER_MOVE, e->motion.x, e->motion.y, t);
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        on_pointer(a,
                   e->type == SDL_FINGERDOWN ? POINTER_DOWN
                   : e->type == SDL_FINGERUP ? POINTER_UP
                                             : POINTER_MOVE,
                   (int)(e->tfinger.x * a->win_w), (int)(e->tfinger.y * a->win_h), t);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            app_resized(a);
        /* Uncovered, resized, shown: the next frame is drawn whole. */
        render_set_partial(a->rc, a->partial);
        a->dirty = true;
        break;
    default: break;
    }
}
