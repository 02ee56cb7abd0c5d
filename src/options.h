/* options — the command line, declared as a table (name, argument, help)
 * and parsed into one struct. Pure: no SDL. */
#ifndef KIOSK_OPTIONS_H
#define KIOSK_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "msg.h"

typedef enum {
    MODE_PLAY, MODE_CHECK, MODE_RENDER, MODE_DUMP_LAYOUT, MODE_REPORT, MODE_PRINT_SCHEMA,
    MODE_VERSION, MODE_HELP
} kiosk_mode;

typedef struct {
    kiosk_mode mode;
    const char *deck_dir;   /* NULL: the demo deck */
    const char *render_dir; /* --render */
    double at_s;            /* --at; < 0 when not given */
    int width, height;      /* --size; 0 when not given */
    bool windowed;
    double exit_after_s;    /* --exit-after; < 0 when not given */
    int rotate;             /* 0, 90, 180, 270 */
    const char *log_file;   /* --log */
    char **logs;            /* --report: the LOG files (into argv) */
    int n_logs;
    bool csv;               /* --csv */
    long long from_s, until_s; /* --from / --until as local seconds (report.h);
                                  LLONG_MIN / LLONG_MAX when not given */
    bool has_date;          /* --date given ... */
    long long date_s;       /* ... as local seconds: the moment --check and
                               --render ask schedules about */
    bool json;              /* --json: --dump-layout prints JSON */
    bool schema_settings;   /* --print-schema settings (else slides) */
    bool strict;            /* --strict: --check counts warnings as errors */
    bool messages_given;    /* --messages was given ... */
    msg_lang messages;      /* ... and named this language */
    int show_lang;          /* --lang: the deck_lang of the slides' texts; -1: the deck's */
} kiosk_options;

/* Parses argv. Arguments that are not options move to the front of argv
 * (after argv[0]) in their order, as GNU getopt does: the deck, or
 * --report's log files. Returns 0 on success; on a usage error returns 2 and writes
 * a one-line message to err (without a newline). */
int options_parse(int argc, char **argv, kiosk_options *o, char *err, size_t err_cap);

/* The language of diagnostics: --messages, else the locale's (LC_ALL,
 * LC_MESSAGES, LANG from the environment). */
msg_lang options_messages_lang(const kiosk_options *o);

/* Writes the --help text. */
void options_help(FILE *out);

#endif
