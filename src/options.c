#include "options.h"

#include "deck.h"
#include "report.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    ARG_NONE, ARG_PATH, ARG_SECONDS, ARG_SIZE, ARG_ROTATION, ARG_TIME, ARG_SCHEMA, ARG_LANG
} arg_kind;

typedef struct {
    const char *name;
    arg_kind arg;
    const char *metavar;
    const char *help;
} option_row;

static const option_row OPTIONS[] = {
    {"--check", ARG_NONE, NULL, "check the deck and every file it names; report problems as PATH:LINE:COL"},
    {"--strict", ARG_NONE, NULL, "with --check: count warnings as errors (exit 1), e.g. in CI"},
    {"--messages", ARG_LANG, "en|zh", "language of --check messages (default: from LANG)"},
    {"--render", ARG_PATH, "DIR", "draw every slide to DIR/NNN.png without a display"},
    {"--dump-layout", ARG_NONE, NULL, "print each slide's text lines as broken, with font sizes"},
    {"--lang", ARG_LANG, "zh|en", "with --render/--dump-layout: the language of the slides' texts (default: the deck's)"},
    {"--json", ARG_NONE, NULL, "with --dump-layout: every box and line with its geometry, as JSON"},
    {"--date", ARG_TIME, "WHEN", "with --check/--render: the slides shown at this local time (2026-06-01T10:00)"},
    {"--at", ARG_SECONDS, "SECONDS", "with --render/--dump-layout: the moment after each slide appears"},
    {"--size", ARG_SIZE, "WxH", "output size in pixels (window, or --render images)"},
    {"--windowed", ARG_NONE, NULL, "play in a window instead of full screen"},
    {"--rotate", ARG_ROTATION, "DEG", "turn the picture (and touch) 90, 180 or 270 degrees"},
    {"--log", ARG_PATH, "FILE", "also append the play log to FILE"},
    {"--exit-after", ARG_SECONDS, "SECONDS", "quit cleanly after that long"},
    {"--report", ARG_NONE, NULL, "kiosk --report LOG...: what the play logs say was shown and touched"},
    {"--csv", ARG_NONE, NULL, "with --report: CSV for a spreadsheet"},
    {"--from", ARG_TIME, "WHEN", "with --report: from this local date or time (2026-06-01[T09:00])"},
    {"--until", ARG_TIME, "WHEN", "with --report: up to this date (inclusive) or time"},
    {"--print-schema", ARG_SCHEMA, "WHICH", "print the JSON Schema of a slide file (slides) or of deck.json (settings)"},
    {"--version", ARG_NONE, NULL, "print the version"},
    {"--help", ARG_NONE, NULL, "print this help"},
};

#define N_OPTIONS (sizeof OPTIONS / sizeof OPTIONS[0])

void options_help(FILE *out)
{
    fprintf(out, "usage: kiosk [OPTIONS] [DECK]\n"
                 "       kiosk --report [--csv] [--from WHEN] [--until WHEN] LOG...\n"
                 "Plays the slide deck in folder DECK (default: the demo deck) full screen.\n\n");
    for (size_t i = 0; i < N_OPTIONS; i++) {
        char left[40];
        snprintf(left, sizeof left, "%s%s%s", OPTIONS[i].name, OPTIONS[i].metavar ? " " : "",
                 OPTIONS[i].metavar ? OPTIONS[i].metavar : "");
        fprintf(out, "  %-24s %s\n", left, OPTIONS[i].help);
    }
}

static int parse_seconds(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v) || v < 0)
        return -1;
    *out = v;
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X'))
        return -1;
    const char *rest = end + 1;
    long b = strtol(rest, &end, 10);
    if (end == rest || *end || a < 64 || b < 64 || a > 16384 || b > 16384)
        return -1;
    *w = (int)a;
    *h = (int)b;
    return 0;
}

msg_lang options_messages_lang(const kiosk_options *o)
{
    if (o->messages_given)
        return o->messages;
    return msg_lang_from_locale(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
}

int options_parse(int argc, char **argv, kiosk_options *o, char *err, size_t err_cap)
{
    memset(o, 0, sizeof *o);
    o->mode = MODE_PLAY;
    o->at_s = -1;
    o->show_lang = -1;
    o->exit_after_s = -1;
    o->from_s = LLONG_MIN;
    o->until_s = LLONG_MAX;
    bool report_only = false; /* --csv, --from or --until given */
    int n_positional = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            /* To the front: argv[1 .. i-1] past the earlier ones were all
             * options, already read. */
            memmove(&argv[n_positional + 2], &argv[n_positional + 1],
                    (size_t)(i - n_positional - 1) * sizeof *argv);
            argv[++n_positional] = a;
            continue;
        }
        /* --name=value is accepted as well as --name value. */
        char name[32];
        const char *value = NULL;
        const char *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        snprintf(name, sizeof name, "%.*s", (int)(n < 31 ? n : 31), a);
        const option_row *row = NULL;
        for (size_t k = 0; k < N_OPTIONS; k++)
            if (strcmp(OPTIONS[k].name, name) == 0)
                row = &OPTIONS[k];
        if (!row) {
            snprintf(err, err_cap, "kiosk: unknown option \"%s\" (see kiosk --help)", a);
            return 2;
        }
        if (row->arg != ARG_NONE) {
            if (eq)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                snprintf(err, err_cap, "kiosk: %s needs a value (%s)", row->name, row->metavar);
                return 2;
            }
        } else if (eq) {
            snprintf(err, err_cap, "kiosk: %s takes no value", row->name);
            return 2;
        }
        int bad = 0;
        if (!strcmp(name, "--check"))
            o->mode = MODE_CHECK;
        else if (!strcmp(name, "--render"))
            o->mode = MODE_RENDER, o->render_dir = value;
        else if (!strcmp(name, "--dump-layout"))
            o->mode = MODE_DUMP_LAYOUT;
        else if (!strcmp(name, "--json"))
            o->json = true;
        else if (!strcmp(name, "--strict"))
            o->strict = true;
        else if (!strcmp(name, "--messages")) {
            bad = msg_lang_from_name(value, &o->messages) != 0;
            o->messages_given = true;
        }
        else if (!strcmp(name, "--lang")) {
            o->show_lang = deck_lang_from_name(value);
            bad = o->show_lang < 0;
        } else if (!strcmp(name, "--date")) {
            bad = !report_parse_bound(value, false, &o->date_s);
            o->has_date = true;
        } else if (!strcmp(name, "--at"))
            bad = parse_seconds(value, &o->at_s);
        else if (!strcmp(name, "--size"))
            bad = parse_size(value, &o->width, &o->height);
        else if (!strcmp(name, "--windowed"))
            o->windowed = true;
        else if (!strcmp(name, "--rotate")) {
            char *end;
            long r = strtol(value, &end, 10);
            /* strtol reads "" as 0: an empty value is no rotation given. */
            bad = end == value || *end || !(r == 0 || r == 90 || r == 180 || r == 270);
            o->rotate = (int)r;
        } else if (!strcmp(name, "--log"))
            o->log_file = value;
        else if (!strcmp(name, "--exit-after"))
            bad = parse_seconds(value, &o->exit_after_s);
        else if (!strcmp(name, "--report"))
            o->mode = MODE_REPORT;
        else if (!strcmp(name, "--csv")) {
            o->csv = report_only = true;
        } else if (!strcmp(name, "--from")) {
            bad = !report_parse_bound(value, false, &o->from_s);
            report_only = true;
        } else if (!strcmp(name, "--until")) {
            bad = !report_parse_bound(value, true, &o->until_s);
            report_only = true;
        } else if (!strcmp(name, "--print-schema")) {
            o->mode = MODE_PRINT_SCHEMA;
            o->schema_settings = !strcmp(value, "settings");
            bad = !o->schema_settings && strcmp(value, "slides") != 0;
        } else if (!strcmp(name, "--version"))
            o->mode = MODE_VERSION;
        else if (!strcmp(name, "--help"))
            o->mode = MODE_HELP;
        if (bad) {
            const char *want = row->arg == ARG_SIZE       ? "WxH, e.g. 1920x1080"
                               : row->arg == ARG_ROTATION ? "0, 90, 180 or 270"
                               : row->arg == ARG_TIME     ? "YYYY-MM-DD or YYYY-MM-DDTHH:MM"
                               : row->arg == ARG_SCHEMA   ? "slides or settings"
                               : row->arg == ARG_LANG     ? "en or zh"
                                                          : "a number of seconds >= 0";
            snprintf(err, err_cap, "kiosk: %s \"%s\" is not valid: expected %s", row->name, value, want);
            return 2;
        }
    }
    if (o->mode == MODE_REPORT) {
        o->logs = argv + 1;
        o->n_logs = n_positional;
        if (n_positional == 0) {
            snprintf(err, err_cap, "kiosk: --report needs at least one log file");
            return 2;
        }
        if (o->from_s >= o->until_s) {
            snprintf(err, err_cap, "kiosk: --from must come before --until");
            return 2;
        }
        return 0;
    }
    if (report_only) {
        snprintf(err, err_cap, "kiosk: --csv, --from and --until work only with --report");
        return 2;
    }
    if (n_positional > 1) {
        snprintf(err, err_cap, "kiosk: more than one deck given (\"%s\" and \"%s\")", argv[1],
                 argv[2]);
        return 2;
    }
    if (o->has_date && o->mode != MODE_CHECK && o->mode != MODE_RENDER) {
        snprintf(err, err_cap, "kiosk: --date works only with --check or --render");
        return 2;
    }
    o->deck_dir = n_positional ? argv[1] : NULL;
    if (o->mode == MODE_RENDER && (!o->render_dir || !*o->render_dir)) {
        snprintf(err, err_cap, "kiosk: --render needs a folder");
        return 2;
    }
    return 0;
}
