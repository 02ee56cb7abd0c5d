/* reload — the live show's side of a deck folder that changes while it
 * plays: loads each complete update (live.h), reports its errors once per
 * change, and hands the player and the renderer the merged deck
 * (deck_merge.h) at a calm moment, so nothing broken and no flash is ever
 * seen.
 *
 * A calm moment: no transition, no finger on the glass, and — when the slide
 * on screen itself changed — its entry animations finished. An update that
 * leaves the slide on screen as it was is applied at once and changes
 * nothing visible; pictures whose files changed are decoded again while the
 * old ones are still drawn. A deck folder that is missing (moved away,
 * unmounted, between a delete and its re-creation) is no update: the show
 * goes on with what it has. */
#ifndef KIOSK_RELOAD_H
#define KIOSK_RELOAD_H

#include <stdbool.h>
#include <stdio.h>

#include "debounce.h"
#include "deck.h"
#include "diag.h"
#include "player.h"
#include "playlog.h"
#include "render.h"

typedef struct reload reload;

/* Where errors go: the play log (an `error` event with file, line, column,
 * message) and stderr ("PATH:LINE:COL: error: MESSAGE"). */
typedef struct {
    playlog *log;
    FILE *log_also; /* stdout */
    FILE *err;      /* stderr */
    msg_lang lang;  /* the language of the loader's messages, as --check */
} reload_out;

/* Loads deck folder `dir` for the first time. Returns NULL only when memory
 * runs out. */
reload *reload_new(const char *dir, const char *font_dir, reload_out out);

/* Reports the first load: every diagnostic to stderr, every error to the
 * play log. */
void reload_report_first(reload *r);
void reload_free(reload *r);

/* The deck to show (never without a playable slide: the built-in
 * "内容更新中" slide stands in) and the diagnostics of the last load. Valid
 * until the next reload_apply. */
const deck *reload_deck(const reload *r);
const diag_list *reload_diags(const reload *r);

/* Reads the folder again after `changes` (its paths, or all) and reports the
 * errors that are new or whose file changed. The result waits for
 * reload_apply. deck_missing: the folder is gone for now; nothing is read and
 * the show goes on (reported once until the folder is back). */
void reload_load(reload *r, const debounce *changes, bool deck_missing);

/* True when a loaded update waits to be applied. */
bool reload_pending(const reload *r);

/* True when the waiting update may be applied now: the view `v` of the
 * deck shown is calm (see above). */
bool reload_is_calm(const reload *r, const player_view *v, bool finger_down);

/* Swaps in the waiting update: the renderer drops layouts and refreshes the
 * pictures whose files changed, the player keeps the slide on screen as it
 * is when it did not change, else replaces it in place. Logs a `reload`
 * event. Returns true when it applied something. */
bool reload_apply(reload *r, render_ctx *rc, player *p, player_ms now_ms);

/* Brings the deck on screen to the player's language (after a LANGUAGE
 * event): its texts swapped in place, the player's chapter table rebuilt,
 * the renderer's layouts dropped. Nothing when it already shows it. */
void reload_show_language(reload *r, render_ctx *rc, player *p);

#endif
