/* deck_bind_kinds — what the binder's two halves share: the handler per
 * field kind (deck_bind_kinds.c) and the machinery they call back into
 * (deck_bind.c). Internal to the binder. */
#ifndef KIOSK_DECK_BIND_KINDS_H
#define KIOSK_DECK_BIND_KINDS_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "deck_bind.h"
#include "deck_format.h"

/* Checks v's shape first and leaves the default in place when it is wrong. */
typedef void bind_handler(deck_loader *L, const field *f, const cJSON *v,
                          const char *path, void *base);
extern bind_handler *const bind_handlers[FIELD_KIND_COUNT];

/* ---- deck_bind.c ---- */

/* JSON paths as the scanner writes them: "items[2].value". A path too long
 * for the buffer is cut; it then finds no position and reports at 1:1. */
void bind_child_path(char *out, size_t cap, const char *parent, const char *key);
void bind_index_path(char *out, size_t cap, const char *parent, int index);
/* The index of name in the NULL-terminated names; -1: not there. */
int bind_name_index(const char *const *names, const char *name);
void *bind_at(void *base, size_t offset);
/* "#rrggbb"; false for anything else. */
bool bind_parse_color(const char *s, deck_rgb *out);
/* A copy of value (NULL: none) into *slot, the old one freed; L->nomem
 * when out of memory. */
void bind_replace_string(deck_loader *L, char **slot, const char *value);
/* Sets the other language's text of the field at `slot` (NULL: none), in
 * the list of the object being read (L->texts); L->nomem when out of memory. */
void bind_other_text(deck_loader *L, char **slot, const char *text, bool written);
void bind_apply_defaults(deck_loader *L, const field_table *t, void *base);
const field *bind_find_row(const field_table *t, const char *key, unsigned type_bit);
/* Reads every key of obj through the table; warns about keys it does not
 * know and reports required keys that are missing (at the object's '{'). */
uint64_t bind_object(deck_loader *L, const field_table *t, const cJSON *obj,
                     const char *path, void *base);

/* ---- deck_bind_schedule.c: the handlers of a slide's schedule ---- */
bind_handler bind_schedule, bind_date, bind_weekdays, bind_hours;

#endif
