/* deck_schema — the JSON Schemas (draft 2020-12) of a slide file and of
 * deck.json, written from the rows of deck_format, so an editor's completion
 * and checking know exactly the keys, types, ranges and defaults the loader
 * does. `kiosk --print-schema slides|settings` prints them; the files in
 * docs/ are that output (tests/schema.sh compares). Pure: no SDL. */
#ifndef KIOSK_DECK_SCHEMA_H
#define KIOSK_DECK_SCHEMA_H

#include <stdio.h>

typedef enum { DECK_SCHEMA_SLIDES, DECK_SCHEMA_SETTINGS } deck_schema;

/* Writes the schema as indented JSON with a final newline. Returns 0, or -1
 * when memory runs out or writing fails. */
int deck_schema_print(deck_schema which, FILE *out);

#endif
