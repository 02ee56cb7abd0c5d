/* datadir: an executable whose bindir has the installed demo deck beside it
 * (../share/kiosk/demo with a slides/ folder) plays that deck; any other
 * executable — a build tree, a half-installed tree — plays the fallback. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "datadir.h"

typedef struct {
    const char *name;
    const char *make[4]; /* folders to create under the scratch root, NULL-ended */
    const char *exe_dir; /* relative to the scratch root; NULL: unknown */
    int installed;
    const char *want; /* relative to the scratch root, or the fallback itself */
} row;

#define FALLBACK "/src/kiosk"

static const row ROWS[] = {
    {"installed layout", {"usr/bin", "usr/share/kiosk/demo/slides", NULL}, "usr/bin", 1,
     "usr/share/kiosk/demo"},
    {"relocated prefix", {"opt/k/bin", "opt/k/share/kiosk/demo/slides", NULL}, "opt/k/bin", 1,
     "opt/k/share/kiosk/demo"},
    {"build tree: no share beside it", {"build", NULL}, "build", 0, FALLBACK},
    {"demo folder without slides", {"usr/bin", "usr/share/kiosk/demo/fonts", NULL}, "usr/bin", 0,
     FALLBACK},
    {"executable folder unknown", {NULL}, NULL, 0, FALLBACK},
};

int main(void)
{
    char root_tmpl[] = "/tmp/kiosk-datadir.XXXXXX";
    char *root = mkdtemp(root_tmpl);
    CHECK(root != NULL, "mkdtemp failed");
    if (!root)
        return check_done();
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *r = &ROWS[i];
        char sub[1024], cmd[8192];
        snprintf(sub, sizeof sub, "%s/%zu", root, i);
        for (int k = 0; r->make[k]; k++) {
            snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s'", sub, r->make[k]);
            CHECK(system(cmd) == 0, "%s: %s", r->name, cmd);
        }
        char exe[4096], want[4096], got[4096];
        snprintf(exe, sizeof exe, "%s/%s", sub, r->exe_dir ? r->exe_dir : "");
        if (r->installed)
            snprintf(want, sizeof want, "%s/%s", sub, r->want);
        else
            snprintf(want, sizeof want, "%s", r->want);
        bool installed = datadir_resolve(got, sizeof got, r->exe_dir ? exe : NULL,
                                         "../share/kiosk/demo", "slides", FALLBACK);
        CHECK(installed == (r->installed != 0), "%s: expected installed=%d, got %d", r->name,
              r->installed, installed);
        CHECK_STR(got, want, r->name);
    }
    /* The fallback also covers a path too long for the caller's buffer. */
    char small[8];
    CHECK(!datadir_resolve(small, sizeof small, root, "x", "y", "fb") && strcmp(small, "fb") == 0,
          "a small buffer: expected the fallback \"fb\", got \"%s\"", small);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0, "%s", cmd);
    return check_done();
}
