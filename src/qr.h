/* qr — a text as the modules of a QR code, through libqrencode. Pure.
 *
 * Codes are byte mode (the text's UTF-8 as it is, which phone readers and
 * zbar take for UTF-8), error correction level M (15 % of the code may be
 * lost to glare or a finger), and the smallest version that holds the text,
 * at most QR_MAX_VERSION: a bigger code would need modules too small to
 * read from a photo of the screen. */
#ifndef KIOSK_QR_H
#define KIOSK_QR_H

#include <stdbool.h>
#include <stddef.h>

#define QR_MAX_VERSION 10     /* 57 modules a side; about 210 bytes of text */
#define QR_QUIET_MODULES 4    /* the light margin the standard asks for, each side */

typedef struct {
    int width;           /* modules a side, without the quiet zone */
    int version;         /* 1..QR_MAX_VERSION */
    unsigned char *dark; /* width * width, row by row: 1 dark, 0 light */
} qr_code;

/* Encodes text into *out. Returns 0; or -1 with *out zeroed and the reason
 * in why ("is empty", "holds 400 bytes, more than a readable code carries
 * (about 210)", "out of memory"). */
int qr_encode(const char *text, qr_code *out, char *why, size_t why_cap);

/* Whether text can be encoded; the reason as for qr_encode when not. The
 * deck format's check for a slide's qr.text. */
bool qr_text_ok(const char *text, char *why, size_t why_cap);

/* Frees the modules; safe on a zeroed or freed code. */
void qr_free(qr_code *q);

#endif
