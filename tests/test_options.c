/* options: argv rows → the parsed options, summed up in one line that lists
 * only what differs from the defaults, or status 2 with the exact one-line
 * message main() prints. */
#include <limits.h>
#include <stdlib.h>

#include "check.h"
#include "options.h"

#define MAX_ARGS 10

typedef struct {
    const char *args[MAX_ARGS]; /* after argv[0]; ends at NULL */
    int status;
    const char *want; /* status 0: the summary; status 2: the message */
} row;

static const row ROWS[] = {
    /* What parses. */
    {{NULL}, 0, "mode=play"},
    {{"decks/museum"}, 0, "mode=play deck=decks/museum"},
    {{"--windowed", "--size", "1280x720", "--exit-after", "40", "--log", "/tmp/p.log", "d"}, 0,
     "mode=play deck=d size=1280x720 windowed exit-after=40 log=/tmp/p.log"},
    {{"--size=1920X1080", "--rotate=270", "--exit-after=0.5"}, 0,
     "mode=play size=1920x1080 rotate=270 exit-after=0.5"},
    {{"--rotate", "0"}, 0, "mode=play"},
    {{"--rotate", "90"}, 0, "mode=play rotate=90"},
    {{"--rotate", "180"}, 0, "mode=play rotate=180"},
    {{"--size", "64x64"}, 0, "mode=play size=64x64"},
    {{"--size", "16384x16384"}, 0, "mode=play size=16384x16384"},
    {{"--check", "deck"}, 0, "mode=check deck=deck"},
    {{"--check", "--strict", "deck"}, 0, "mode=check deck=deck strict"},
    {{"--check", "--messages", "zh"}, 0, "mode=check messages=zh"},
    {{"--check", "--messages=en"}, 0, "mode=check messages=en"},
    {{"deck", "--check"}, 0, "mode=check deck=deck"},
    {{"--render", "out", "--at", "2.5", "--size", "640x360"}, 0,
     "mode=render render=out at=2.5 size=640x360"},
    {{"--render=out", "--at=0"}, 0, "mode=render render=out at=0"},
    {{"--dump-layout", "--at", "3"}, 0, "mode=dump-layout at=3"},
    {{"--dump-layout", "--json"}, 0, "mode=dump-layout json"},
    {{"--print-schema", "slides"}, 0, "mode=print-schema"},
    {{"--print-schema=settings"}, 0, "mode=print-schema settings"},
    {{"--version"}, 0, "mode=version"},
    {{"--help"}, 0, "mode=help"},
    {{"-"}, 0, "mode=play deck=-"},
    /* --report: every argument that is no option is a log, in order. 2026-06-01 00:00 is
     * 20605 days after 1970-01-01: 1780272000 local seconds. */
    {{"--report", "a.log", "b.log"}, 0, "mode=report a.log b.log"},
    {{"a.log", "--csv", "b.log", "--report", "-"}, 0, "mode=report a.log b.log - csv"},
    {{"--report", "--from", "2026-06-01", "--until", "2026-06-01", "p.log"}, 0,
     "mode=report p.log from=1780272000 until=1780358400"},
    {{"--report", "--from=2026-06-01T09:30", "--until", "2026-06-01 18:00:30", "p.log"}, 0,
     "mode=report p.log from=1780306200 until=1780336830"},

    /* Usage errors: status 2 and one line that says what was wrong. */
    {{"--fullscreen"}, 2, "kiosk: unknown option \"--fullscreen\" (see kiosk --help)"},
    {{"-w"}, 2, "kiosk: unknown option \"-w\" (see kiosk --help)"},
    {{"--sizes=1x1"}, 2, "kiosk: unknown option \"--sizes=1x1\" (see kiosk --help)"},
    {{"--"}, 2, "kiosk: unknown option \"--\" (see kiosk --help)"},
    {{"--size"}, 2, "kiosk: --size needs a value (WxH)"},
    {{"--print-schema"}, 2, "kiosk: --print-schema needs a value (WHICH)"},
    {{"--print-schema", "deck"}, 2,
     "kiosk: --print-schema \"deck\" is not valid: expected slides or settings"},
    {{"--windowed", "--log"}, 2, "kiosk: --log needs a value (FILE)"},
    {{"--render"}, 2, "kiosk: --render needs a value (DIR)"},
    {{"--rotate"}, 2, "kiosk: --rotate needs a value (DEG)"},
    {{"--exit-after"}, 2, "kiosk: --exit-after needs a value (SECONDS)"},
    {{"--render="}, 2, "kiosk: --render needs a folder"},
    {{"--windowed=yes"}, 2, "kiosk: --windowed takes no value"},
    {{"--size", "1280"}, 2,
     "kiosk: --size \"1280\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "1280x"}, 2,
     "kiosk: --size \"1280x\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "x720"}, 2, "kiosk: --size \"x720\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "1280x720px"}, 2,
     "kiosk: --size \"1280x720px\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "63x720"}, 2,
     "kiosk: --size \"63x720\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "1280x16385"}, 2,
     "kiosk: --size \"1280x16385\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--size", "1280x-720"}, 2,
     "kiosk: --size \"1280x-720\" is not valid: expected WxH, e.g. 1920x1080"},
    {{"--rotate", "45"}, 2, "kiosk: --rotate \"45\" is not valid: expected 0, 90, 180 or 270"},
    {{"--rotate", "-90"}, 2, "kiosk: --rotate \"-90\" is not valid: expected 0, 90, 180 or 270"},
    {{"--rotate", "90deg"}, 2,
     "kiosk: --rotate \"90deg\" is not valid: expected 0, 90, 180 or 270"},
    {{"--rotate", ""}, 2, "kiosk: --rotate \"\" is not valid: expected 0, 90, 180 or 270"},
    {{"--rotate="}, 2, "kiosk: --rotate \"\" is not valid: expected 0, 90, 180 or 270"},
    {{"--exit-after", "-1"}, 2,
     "kiosk: --exit-after \"-1\" is not valid: expected a number of seconds >= 0"},
    {{"--exit-after", "soon"}, 2,
     "kiosk: --exit-after \"soon\" is not valid: expected a number of seconds >= 0"},
    {{"--at", "inf"}, 2, "kiosk: --at \"inf\" is not valid: expected a number of seconds >= 0"},
    {{"--at", "nan"}, 2, "kiosk: --at \"nan\" is not valid: expected a number of seconds >= 0"},
    {{"--at", ""}, 2, "kiosk: --at \"\" is not valid: expected a number of seconds >= 0"},
    {{"--report"}, 2, "kiosk: --report needs at least one log file"},
    {{"--csv", "p.log"}, 2, "kiosk: --csv, --from and --until work only with --report"},
    {{"--from", "2026-06-01"}, 2, "kiosk: --csv, --from and --until work only with --report"},
    {{"--report", "--from", "2026-06-31", "p.log"}, 2,
     "kiosk: --from \"2026-06-31\" is not valid: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"},
    {{"--report", "--until", "2026-06-01T24:00", "p.log"}, 2,
     "kiosk: --until \"2026-06-01T24:00\" is not valid: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"},
    {{"--report", "--until", "tomorrow", "p.log"}, 2,
     "kiosk: --until \"tomorrow\" is not valid: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"},
    {{"--report", "--from", "2026-06-02", "--until", "2026-06-01", "p.log"}, 2,
     "kiosk: --from must come before --until"},
    {{"--messages", "fr"}, 2, "kiosk: --messages \"fr\" is not valid: expected en or zh"},
    {{"--messages"}, 2, "kiosk: --messages needs a value (en|zh)"},
    {{"--strict=yes"}, 2, "kiosk: --strict takes no value"},
    {{"deck-a", "deck-b"}, 2, "kiosk: more than one deck given (\"deck-a\" and \"deck-b\")"},
    {{"deck-a", "--windowed", "deck-b"}, 2,
     "kiosk: more than one deck given (\"deck-a\" and \"deck-b\")"},
};

static const char *mode_name(kiosk_mode m)
{
    switch (m) {
    case MODE_PLAY: return "play";
    case MODE_CHECK: return "check";
    case MODE_RENDER: return "render";
    case MODE_DUMP_LAYOUT: return "dump-layout";
    case MODE_REPORT: return "report";
    case MODE_PRINT_SCHEMA: return "print-schema";
    case MODE_VERSION: return "version";
    case MODE_HELP: return "help";
    }
    return "?";
}

/* Every field, defaults left out. */
static void summarise(const kiosk_options *o, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "mode=%s", mode_name(o->mode));
#define ADD(...) \
    if (n < cap) \
    n += (size_t)snprintf(buf + n, cap - n, __VA_ARGS__)
    if (o->deck_dir)
        ADD(" deck=%s", o->deck_dir);
    if (o->render_dir)
        ADD(" render=%s", o->render_dir);
    if (o->at_s != -1)
        ADD(" at=%g", o->at_s);
    if (o->width || o->height)
        ADD(" size=%dx%d", o->width, o->height);
    if (o->windowed)
        ADD(" windowed");
    if (o->rotate)
        ADD(" rotate=%d", o->rotate);
    if (o->exit_after_s != -1)
        ADD(" exit-after=%g", o->exit_after_s);
    if (o->log_file)
        ADD(" log=%s", o->log_file);
    for (int k = 0; k < o->n_logs; k++)
        ADD(" %s", o->logs[k]);
    if (o->csv)
        ADD(" csv");
    if (o->from_s != LLONG_MIN)
        ADD(" from=%lld", o->from_s);
    if (o->until_s != LLONG_MAX)
        ADD(" until=%lld", o->until_s);
    if (o->json)
        ADD(" json");
    if (o->schema_settings)
        ADD(" settings");
    if (o->strict)
        ADD(" strict");
    if (o->messages_given)
        ADD(" messages=%s", o->messages == MSG_ZH ? "zh" : "en");
#undef ADD
}

int main(void)
{
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        /* options_parse takes a writable argv, as main() gets it. */
        char storage[MAX_ARGS + 1][64];
        char *argv[MAX_ARGS + 2];
        int argc = 0;
        snprintf(storage[0], sizeof storage[0], "kiosk");
        argv[argc++] = storage[0];
        char line[512] = "";
        for (size_t k = 0; k < MAX_ARGS && r->args[k]; k++) {
            snprintf(storage[argc], sizeof storage[argc], "%s", r->args[k]);
            argv[argc] = storage[argc];
            argc++;
            snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", k ? " " : "",
                     r->args[k]);
        }
        argv[argc] = NULL;

        kiosk_options o;
        char err[512] = "";
        int status = options_parse(argc, argv, &o, err, sizeof err);
        CHECK(status == r->status, "row %zu (kiosk %s): expected status %d, got %d (%s)", i, line,
              r->status, status, err);
        if (status != r->status)
            continue;
        char label[600];
        snprintf(label, sizeof label, "row %zu (kiosk %s)", i, line);
        if (status == 0) {
            char got[512];
            summarise(&o, got, sizeof got);
            CHECK_STR(got, r->want, label);
        } else {
            CHECK_STR(err, r->want, label);
            CHECK(strchr(err, '\n') == NULL, "row %zu (kiosk %s): the message must be one line",
                  i, line);
        }
    }

    /* The help lists every option, each on its own line. */
    static const char *const names[] = {"--check", "--strict", "--messages en|zh", "--render DIR",
                                        "--dump-layout", "--json",
                                        "--at SECONDS", "--size WxH", "--windowed",
                                        "--rotate DEG", "--log FILE", "--exit-after SECONDS",
                                        "--print-schema WHICH", "--version", "--help"};
    char *help = NULL;
    size_t help_len = 0;
    FILE *f = open_memstream(&help, &help_len);
    CHECK(f != NULL, "open_memstream failed");
    if (f) {
        options_help(f);
        fclose(f);
        CHECK(help && strncmp(help, "usage: kiosk [OPTIONS] [DECK]\n", 30) == 0,
              "help: expected it to start with the usage line, got \"%.40s\"", help ? help : "");
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            char needle[64];
            snprintf(needle, sizeof needle, "\n  %s ", names[k]);
            CHECK(help && strstr(help, needle), "help: expected a line for \"%s\"", names[k]);
        }
    }
    free(help);
    return check_done();
}
