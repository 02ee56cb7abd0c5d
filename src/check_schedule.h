/* check_schedule — `kiosk --check --date WHEN`: which slides the show
 * would play at that local moment, and for each one it would not, the
 * part of its schedule that keeps it off. The answer is the live show's
 * own (lineup.h), with the date taken as true: a clock guard is for a
 * clock, not for a date asked about. Pure apart from writing to `out`. */
#ifndef KIOSK_CHECK_SCHEDULE_H
#define KIOSK_CHECK_SCHEDULE_H

#include <stdio.h>

#include "deck.h"
#include "msg.h"

/* Prints the list for deck d at local time t (seconds, civil.h). Returns
 * -1 when memory runs out. */
int check_schedule_print(const deck *d, long long t, msg_lang lang, FILE *out);

#endif
