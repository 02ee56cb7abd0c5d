/* qr_paint — a QR code card on the screen: light card, dark modules, each
 * module a whole number of output pixels so the code stays crisp and
 * scannable at any scale (the code shrinks by whole modules rather than
 * blur). SDL. */
#ifndef KIOSK_QR_PAINT_H
#define KIOSK_QR_PAINT_H

#include <SDL.h>

/* Paints `card` light and the code for `text` centred in `square` (output
 * pixels), quiet zone included. Returns the module size in pixels, or 0
 * when the text cannot be encoded (--check reports why; the card then
 * stays blank). */
int qr_paint(SDL_Renderer *r, SDL_Rect card, SDL_Rect square, const char *text);

/* The colours: near-black on white, the contrast scanners want. */
#define QR_PAINT_DARK 0x141414
#define QR_PAINT_LIGHT 0xffffff

#endif
