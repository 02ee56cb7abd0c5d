/* kiosk — an offline, full-screen slide player for touch screens.
 * The options are parsed here; each mode lives in its own module. */
#include <stdio.h>

#include "deck_schema.h"
#include "modes.h"
#include "options.h"

int main(int argc, char **argv)
{
    kiosk_options o;
    char err[512];
    if (options_parse(argc, argv, &o, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    switch (o.mode) {
    case MODE_HELP: options_help(stdout); return 0;
    case MODE_VERSION: printf("kiosk %s\n", KIOSK_VERSION); return 0;
    case MODE_CHECK: return mode_check(&o);
    case MODE_RENDER: return mode_render(&o);
    case MODE_DUMP_LAYOUT: return mode_dump_layout(&o);
    case MODE_REPORT: return mode_report(&o);
    case MODE_PRINT_SCHEMA:
        return deck_schema_print(o.schema_settings ? DECK_SCHEMA_SETTINGS : DECK_SCHEMA_SLIDES,
                                 stdout) == 0 ? 0 : 1;
    case MODE_PLAY: break;
    }
    return mode_play(&o);
}
