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
#include "options.h"
#include "player.h"
#include "playlog.h"
#include "render.h"

typedef struct {
    const kiosk_options *o;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *rotated; /* the picture before --rotate turns it */
    int out_w, out_h;     /* the picture's size (rotated dimensions) */
    int win_w, win_h;
    bool vsync;          /* the renderer claims it (pace.h measures whether it holds) */
    bool software;       /* SDL's software renderer on the window surface */
    bool partial;        /* frames repaint and present only what changed */
    char renderer_note[200]; /* which renderer and why, for the start event */
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

/* Milliseconds since the show started: the player's clock. */
player_ms app_now(const app *a);

/* One play log line (and stdout). */
void app_log(app *a, const char *event, long number, const char *file, const char *cause,
             const char *message);

/* Reloads the deck from disk; a deck with nothing playable is refused and
 * the show goes on with what it had. */
void app_reload(app *a);

/* The window's size changed: the picture and the renderer follow. */
void app_resized(app *a);

/* Runs the show until it quits or --exit-after passes (app_loop.c). */
void app_loop(app *a);

#endif
