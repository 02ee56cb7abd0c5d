/* input — SDL events to player actions. Keys map to next, previous, pause,
 * reload and quit; mouse buttons and fingers take one path through the
 * gesture recogniser (taps, drags, long presses); --rotate is undone here,
 * so everything after sees picture pixels. */
#ifndef KIOSK_INPUT_H
#define KIOSK_INPUT_H

#include <SDL.h>

#include "app.h"

/* The picture's size on a win_w x win_h window turned by rotate degrees. */
void input_picture_size(int rotate, int win_w, int win_h, int *out_w, int *out_h);

/* Window pixels to picture pixels, undoing a turn of rotate degrees. */
void input_to_picture(int rotate, int win_w, int win_h, int wx, int wy, int *px, int *py);

/* Acts on one event. */
void input_handle(app *a, const SDL_Event *e);

/* Gestures that fire by time alone (a long press held still). */
void input_tick(app *a, player_ms t);

#endif
