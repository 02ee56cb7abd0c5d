/* datadir — where the program's own files are: the demo deck played when
 * no deck is given, and the fonts shipped with the program.
 *
 * An installed kiosk (cmake --install, the .deb) finds them relative to its
 * own executable (/usr/bin/kiosk → /usr/share/kiosk/demo), so a package
 * unpacked anywhere — a scratch root in a test, /opt/kiosk — plays its own
 * files. A binary in a build tree has no such neighbour and plays the source
 * tree it was built from. No SDL. */
#ifndef KIOSK_DATADIR_H
#define KIOSK_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

/* The demo deck folder. The string lives as long as the program. */
const char *datadir_demo_deck(void);

/* The shipped fonts (the demo deck's fonts/). Lives as long as the program. */
const char *datadir_font_dir(void);

/* The rule behind both, for tests: when the folder `exe_dir`/`installed_rel`
 * holds `marker` (a relative path), writes that folder to out and returns
 * true; otherwise writes `fallback` and returns false. Returns false with
 * out = fallback as well when the joined path does not fit in cap. */
bool datadir_resolve(char *out, size_t cap, const char *exe_dir,
                     const char *installed_rel, const char *marker,
                     const char *fallback);

#endif
