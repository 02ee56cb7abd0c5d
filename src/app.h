/* app — the live show's state, shared by its rooms: app.c (start-up, the
 * deck, the play log, shutdown), app_loop.c (sleeping, drawing, presenting)
 * and input.c (SDL events to player actions). Not a public interface: the
 * rest of the program starts the show through mode_play (modes.h). */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <SDL.h>
#include <stdbool.h>

#include "deck.h"
#include "diag.h"
#include "gesture.h"
#include "lineup.h"
#include "live.h"
#include "options.h"
#include "player.h"
#include "playlog.h"
#include "reload.h"
#include "render.h"

typedef struct {
    const kiosk_options *o;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *rotated; /* the picture before --rotate turns it */
    bool rotated_failed;  /* it could not be made: told once, drawn unturned */
    /* Problems of the show itself rather than of the deck (app_show_problem),
     * one per line, kept for the staff overlay. */
    char show_problems[1024];
    int out_w, out_h;     /* the picture's size (rotated dimensions) */
    int win_w, win_h;
    bool vsync;          /* the renderer claims it (pace.h measures whether it holds) */
    bool software;       /* SDL's software renderer on the window surface */
    bool partial;        /* frames repaint and present only what changed */
    char renderer_note[200]; /* which renderer and why, for the start event */
    const deck *d;          /* reload_deck(rl): the deck on screen */
    const diag_list *diags; /* reload_diags(rl): of the last load */
    reload *rl;
    live *lv;               /* NULL when the folder cannot be watched */
    double time_scale;      /* KIOSK_TIME_SCALE (tests): show time runs faster */
    const char *quit_cause; /* the signal that ended the show, or NULL */
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
    lineup lineup;          /* which slides are on now (app_schedule.c) */
    const deck *lineup_deck; /* the deck it was worked out for; NULL after a reload */
    long long lineup_local_ms, lineup_mono_ms; /* the clocks when it was */
} app;

/* Milliseconds since the show started: the player's clock (times
 * KIOSK_TIME_SCALE, which only the soak test sets). */
player_ms app_now(const app *a);

/* One play log line (and stdout). */
void app_log(app *a, const char *event, long number, const char *file, const char *cause,
             const char *message);

/* A problem of the show itself (not of a deck file), told once: on stderr,
 * in the play log as an "error" event, and in the staff overlay for as long
 * as the show runs. */
void app_show_problem(app *a, const char *message);

/* Reads the deck again as if every file changed (key R, the staff
 * overlay's Reload); the update goes in at the next calm moment. */
void app_reload(app *a);

/* A live.h event: an update to read, or a signal to end the show. */
void app_live_event(app *a, live_news news);

/* The update waiting for a calm moment goes in if it may (reload.h);
 * true when it did. */
bool app_apply_update(app *a, player_ms now_ms);

/* The window's size changed: the picture and the renderer follow. */
void app_resized(app *a);

/* Works out which slides are on by their schedules when a boundary has
 * come, the deck changed or the wall clock was set, and tells the player
 * and the play log what changed (app_schedule.c). */
void app_schedule_update(app *a, player_ms now);
/* The player-clock moment of the next schedule boundary; LLONG_MAX: none. */
player_ms app_schedule_deadline(const app *a, player_ms now);
/* A line for the staff overlay about schedules; "" when there is none. */
void app_schedule_note(const app *a, char *buf, size_t cap);

/* Runs the show until it quits or --exit-after passes (app_loop.c). */
void app_loop(app *a);

#endif
