/* The live show: start-up (window, renderer, deck, player), the deck and
 * its reloads, the play log, and shutdown. The loop is in app_loop.c, the
 * handling of keys, mouse and fingers in input.c. Everything the screen
 * shows is drawn by render_frame from (deck, player view, overlay). */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "datadir.h"
#include "input.h"
#include "backend.h"
#include "modes.h"

#define WINDOWED_DEFAULT_W 1280
#define WINDOWED_DEFAULT_H 720

player_ms app_now(const app *a)
{
    return (player_ms)((double)(SDL_GetTicks64() - a->t0) * a->time_scale);
}

void app_log(app *a, const char *event, long number, const char *file, const char *cause,
             const char *message)
{
    playlog_write(a->log, stdout, time(NULL), event, number, file, cause, message);
}

void app_show_problem(app *a, const char *message)
{
    fprintf(stderr, "kiosk: %s\n", message);
    app_log(a, "error", -1, NULL, NULL, message);
    size_t n = strlen(a->show_problems);
    if (n + 1 < sizeof a->show_problems)
        snprintf(a->show_problems + n, sizeof a->show_problems - n, "%s\n", message);
}

void app_reload(app *a)
{
    debounce all = {0};
    debounce_note_all(&all, 0);
    reload_load(a->rl, &all, false);
    debounce_clear(&all);
}

void app_live_event(app *a, live_news news)
{
    if (news == LIVE_QUIT) {
        a->quit = true;
        a->quit_cause = live_quit_signal(a->lv);
        return;
    }
    if (news == LIVE_HANGUP)
        playlog_reopen(a->log); /* logrotate's postrotate may send it */
    debounce changes = {0};
    if (live_take_update(a->lv, &changes))
        reload_load(a->rl, &changes, live_deck_missing(a->lv));
    debounce_clear(&changes);
}

bool app_apply_update(app *a, player_ms now_ms)
{
    if (!reload_pending(a->rl))
        return false;
    player_view v = player_view_at(a->p, now_ms);
    if (!reload_is_calm(a->rl, &v, a->g.down))
        return false;
    if (!reload_apply(a->rl, a->rc, a->p, now_ms))
        return false;
    a->d = reload_deck(a->rl);
    a->diags = reload_diags(a->rl);
    /* The player forgot which slides are on (their indices moved); the new
     * deck may even sit where the old one was, so say it is new. */
    a->lineup_deck = NULL;
    a->dirty = true;
    return true;
}

/* The window's real pixels, and the picture's size after --rotate. */
static void measure_window(app *a)
{
    SDL_GetRendererOutputSize(a->ren, &a->win_w, &a->win_h);
    input_picture_size(a->o->rotate, a->win_w, a->win_h, &a->out_w, &a->out_h);
}

void app_resized(app *a)
{
    measure_window(a);
    if (a->rotated) {
        SDL_DestroyTexture(a->rotated);
        a->rotated = NULL;
    }
    render_resize(a->rc, a->out_w, a->out_h);
    if (a->partial)
        render_set_screen(a->rc, SDL_GetWindowSurface(a->win));
    gesture_init(&a->g, a->out_w, a->out_h);
}

/* GL_RENDERER of the OpenGL context the renderer just made current, or
 * NULL when it is no OpenGL renderer. */
static const char *gl_renderer_name(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
        return NULL;
    typedef const unsigned char *(*get_string_fn)(unsigned int);
    get_string_fn get_string = (get_string_fn)SDL_GL_GetProcAddress("glGetString");
    const unsigned char *s = get_string ? get_string(0x1F01 /* GL_RENDERER */) : NULL;
    return (const char *)s;
}

/* A GPU when there is one; SDL's software renderer on the window surface
 * when the only OpenGL is a software rasteriser (cheaper here, and it can
 * present just the changed rectangles: src/backend.h). The choice and why
 * go into a->renderer_note for the start event. */
static int choose_renderer(app *a)
{
    /* Without a GPU device node no GL driver can be a GPU: do not even load
     * Mesa (its llvmpipe and LLVM cost start-up time and 24 MB). An
     * SDL_RENDER_DRIVER set by hand is obeyed as it is. */
    const char *forced = SDL_getenv("SDL_RENDER_DRIVER");
    bool device = access("/dev/dri", F_OK) == 0 || access("/dev/nvidia0", F_OK) == 0;
    const char *gl = NULL;
    char why[160] = "no accelerated renderer";
    if (device || forced) {
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED |
                                                    SDL_RENDERER_PRESENTVSYNC |
                                                    SDL_RENDERER_TARGETTEXTURE);
        gl = a->ren ? gl_renderer_name(a->ren) : NULL;
    } else {
        snprintf(why, sizeof why, "no GPU device: /dev/dri and /dev/nvidia0 are missing");
    }
    if (a->ren && !forced && backend_gl_is_software(gl)) {
        snprintf(why, sizeof why, "OpenGL is %s, a software rasteriser", gl);
        gl = NULL;
        SDL_DestroyRenderer(a->ren);
        a->ren = NULL;
        SDL_GL_UnloadLibrary(); /* Mesa and LLVM out of memory again */
    }
    if (!a->ren) {
        /* The window's own framebuffer (XShm on X11), not a texture of
         * another renderer behind it. */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
    }
    if (!a->ren) {
        fprintf(stderr, "kiosk: cannot create a renderer: %s\n", SDL_GetError());
        return -1;
    }
    SDL_RendererInfo info = {0};
    SDL_GetRendererInfo(a->ren, &info);
    a->vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
    a->software = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    if (a->software)
        snprintf(a->renderer_note, sizeof a->renderer_note, "renderer %s (%s)", info.name, why);
    else
        snprintf(a->renderer_note, sizeof a->renderer_note, "renderer %s%s%s%s", info.name,
                 gl ? " on " : "", gl ? gl : "", a->vsync ? ", vsync claimed" : "");
    return 0;
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
    if (choose_renderer(a) != 0)
        return -1;
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    measure_window(a);
    return 0;
}

/* Everything the show needs, in order; 0, or -1 with the reason printed. */
static int app_init(app *a)
{
#ifdef __GLIBC__
    /* glibc raises its mmap threshold each time a big block is freed, so
     * the next decoded pictures and layers come from heaps that never give
     * memory back: a fixed threshold keeps big buffers mapped, returned to
     * the system when freed. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    const kiosk_options *o = a->o;
    live_catch_signals(); /* SIGTERM while starting up still ends cleanly */
    a->log = playlog_open(o->log_file);
    if (o->log_file && !a->log) {
        fprintf(stderr, "kiosk: cannot open the log %s\n", o->log_file);
        return -1;
    }
    const char *scale = getenv("KIOSK_TIME_SCALE"); /* test-only: the soak test */
    a->time_scale = scale && atof(scale) > 0 ? atof(scale) : 1.0;
    a->rl = reload_new(modes_deck_dir(o), datadir_font_dir(),
                       (reload_out){.log = a->log, .log_also = stdout, .err = stderr,
                                    .lang = options_messages_lang(o)});
    if (!a->rl)
        return -1;
    a->d = reload_deck(a->rl);
    a->diags = reload_diags(a->rl);
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1"); /* ours end the show cleanly (live.h) */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "kiosk: cannot start SDL: %s\n", SDL_GetError());
        return -1;
    }
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk: cannot start the font renderer: %s\n", TTF_GetError());
        return -1;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    if (open_window(a) != 0)
        return -1;
    const char *err = NULL;
    a->rc = render_new(a->ren, a->d, a->out_w, a->out_h, true, &err);
    if (!a->rc) {
        fprintf(stderr, "kiosk: %s\n", err ? err : "cannot start rendering");
        return -1;
    }
    /* SDL's software renderer draws straight into the window's picture,
     * which keeps its pixels: frames can repaint and present just what
     * moved. A turned picture goes through a texture: whole frames. */
    a->partial = a->software && !o->rotate;
    render_set_partial(a->rc, a->partial);
    /* ... and fades are blended straight into that picture. */
    if (a->partial)
        render_set_screen(a->rc, SDL_GetWindowSurface(a->win));
    gesture_init(&a->g, a->out_w, a->out_h);
    a->t0 = SDL_GetTicks64();
    a->fps_since = a->t0;
    app_log(a, "start", -1, NULL, NULL, a->renderer_note);
    reload_report_first(a->rl);
    a->p = player_new(a->d, 0);
    if (!a->p)
        return -1;
    app_schedule_update(a, 0);
    const char *watch_mode = getenv("KIOSK_WATCH"); /* "poll": no inotify */
    a->lv = live_start(modes_deck_dir(o), watch_mode && strcmp(watch_mode, "poll") == 0);
    return 0;
}

/* Undoes app_init, however far it got. */
static void app_teardown(app *a)
{
    live_stop(a->lv);
    player_free(a->p);
    lineup_free(&a->lineup);
    render_free(a->rc);
    if (a->rotated)
        SDL_DestroyTexture(a->rotated);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    if (TTF_WasInit())
        TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    reload_free(a->rl);
    playlog_close(a->log);
}

int mode_play(const kiosk_options *o)
{
    app a = {.o = o, .dirty = true};
    int status = 1;
    if (app_init(&a) == 0) {
        app_loop(&a);
        app_log(&a, "exit", -1, NULL, a.quit_cause, NULL);
        status = 0;
    }
    app_teardown(&a);
    return status;
}
