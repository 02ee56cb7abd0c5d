/* staff — the staff overlay: a dark panel with the show's state (deck,
 * slide, frame rate, errors) and two large buttons, Reload and Quit, for
 * fingers rather than mouse pointers. */
#ifndef KIOSK_STAFF_H
#define KIOSK_STAFF_H

#include <SDL.h>

#include "deck.h"
#include "paint.h"

typedef enum { STAFF_NONE = -1, STAFF_RELOAD, STAFF_QUIT } staff_button;

/* Where the overlay's buttons were drawn; empty while it is closed. */
typedef struct {
    SDL_Rect button[2]; /* STAFF_RELOAD, STAFF_QUIT */
} staff_hits;

/* Paints the overlay with `text` (lines separated by '\n') over an
 * out_w x out_h output and records where its buttons are. */
void staff_paint(painter *p, const deck_theme *theme, int out_w, int out_h, const char *text,
                 staff_hits *hits);

/* The button at output pixel (x, y). */
staff_button staff_button_at(const staff_hits *hits, int x, int y);

#endif
