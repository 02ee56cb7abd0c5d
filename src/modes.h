/* modes — what kiosk does besides playing: check a deck, render its slides
 * to PNG, dump its layout. Each returns the process exit status. */
#ifndef KIOSK_MODES_H
#define KIOSK_MODES_H

#include "options.h"

/* The deck folder to use: the one given, or the demo deck. */
const char *modes_deck_dir(const kiosk_options *o);

int mode_check(const kiosk_options *o);
int mode_render(const kiosk_options *o);
int mode_dump_layout(const kiosk_options *o);

/* --report LOG... (report_mode.c): the play logs' tables on stdout. */
int mode_report(const kiosk_options *o);

/* The live show (app.c). */
int mode_play(const kiosk_options *o);

#endif
