#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by CMake: the source tree's deck and fonts, and the installed demo
 * deck relative to the installed executable's folder (bindir → datadir). */
#ifndef KIOSK_DEMO_DECK
#error "KIOSK_DEMO_DECK must be defined by the build"
#endif
#ifndef KIOSK_FONT_DIR
#error "KIOSK_FONT_DIR must be defined by the build"
#endif
#ifndef KIOSK_INSTALLED_DEMO_REL
#define KIOSK_INSTALLED_DEMO_REL "../share/kiosk/demo"
#endif

bool datadir_resolve(char *out, size_t cap, const char *exe_dir,
                     const char *installed_rel, const char *marker,
                     const char *fallback)
{
    char joined[PATH_MAX], probe[PATH_MAX], canonical[PATH_MAX];
    struct stat st;
    if (exe_dir) {
        int n = snprintf(joined, sizeof joined, "%s/%s", exe_dir, installed_rel);
        int m = snprintf(probe, sizeof probe, "%s/%s", joined, marker);
        /* realpath: the staff overlay and messages show /usr/share/kiosk/demo,
         * not /usr/bin/../share/kiosk/demo. */
        if (n > 0 && (size_t)n < sizeof joined && m > 0 && (size_t)m < sizeof probe &&
            stat(probe, &st) == 0 && realpath(joined, canonical) && strlen(canonical) < cap) {
            memcpy(out, canonical, strlen(canonical) + 1);
            return true;
        }
    }
    snprintf(out, cap, "%s", fallback);
    return false;
}

/* The folder of the running executable. /proc/self/exe names the file
 * itself, symlinks resolved, so a /usr/local/bin/kiosk symlink into
 * /opt/kiosk/bin still finds /opt/kiosk/share. */
static bool exe_dir(char *buf, size_t cap)
{
    ssize_t n = readlink("/proc/self/exe", buf, cap - 1);
    if (n <= 0 || (size_t)n >= cap - 1)
        return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

static char demo_deck[PATH_MAX];
static char font_dir[PATH_MAX + sizeof "/fonts"];

static void resolve_once(void)
{
    if (demo_deck[0])
        return;
    char dir[PATH_MAX];
    bool have = exe_dir(dir, sizeof dir);
    if (have && datadir_resolve(demo_deck, sizeof demo_deck, dir, KIOSK_INSTALLED_DEMO_REL,
                                "slides", KIOSK_DEMO_DECK)) {
        snprintf(font_dir, sizeof font_dir, "%s/fonts", demo_deck);
        return;
    }
    snprintf(demo_deck, sizeof demo_deck, "%s", KIOSK_DEMO_DECK);
    snprintf(font_dir, sizeof font_dir, "%s", KIOSK_FONT_DIR);
}

const char *datadir_demo_deck(void)
{
    resolve_once();
    return demo_deck;
}

const char *datadir_font_dir(void)
{
    resolve_once();
    return font_dir;
}
