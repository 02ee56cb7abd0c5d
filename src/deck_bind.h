/* deck_bind — the binder: JSON values into the deck model, through the rows
 * of deck_format. One handler per field kind checks a value's shape and
 * range, reports what is wrong at its line and column, and stores it.
 *
 * Internal to the deck loader (deck.c); not part of the deck contract. */
#ifndef KIOSK_DECK_BIND_H
#define KIOSK_DECK_BIND_H

#include <cjson/cJSON.h>

#include "deck.h"
#include "deck_report.h"

/* Sets every settings key to its default. */
void bind_settings_defaults(deck_loader *L, deck *d);

/* Reads deck.json's object into d (defaults already set). */
void bind_settings(deck_loader *L, const cJSON *root, deck *d);

/* Reads a slide file's object into s: its type first, then the defaults for
 * that type (from L->settings where the deck sets them), then every key.
 * Leaves s->type SLIDE_BROKEN when the type is missing or unknown. */
void bind_slide(deck_loader *L, const cJSON *root, slide *s);

#endif
