/* layout_json — a slide's layout as JSON, for tests that check geometry
 * without pixels (`kiosk --dump-layout --json`). Every box with its kind,
 * field, x, y, w, h and font size, and for text every line with its text,
 * x, y (top of the line), width and runs, all in layout canvas pixels.
 * Pure. */
#ifndef KIOSK_LAYOUT_JSON_H
#define KIOSK_LAYOUT_JSON_H

#include <stdio.h>

#include "layout.h"

/* Writes one element of the "slides" array: slide number index + 1, its
 * file, and its boxes; figures show their text at t_ms after the slide
 * appeared. Prefixed with "," unless first. */
void layout_json_slide(FILE *out, size_t index, const slide *s, const slide_layout *l,
                       long long t_ms, int first);

/* The chapter bar as a JSON object: its height, px, rows and each slot
 * (text as shown, x, y, w, h, whether it was shortened). */
void layout_json_chapter_bar(FILE *out, const chapter_bar *cb);

/* A JSON string literal of utf8 (control characters escaped). */
void layout_json_string(FILE *out, const char *utf8);

#endif
