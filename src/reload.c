#include "reload.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "figures.h"
#include "deck_merge.h"

/* What a picture or font file was when last looked at: a file replaced or
 * rewritten differs in one of these. */
typedef struct {
    char *path; /* deck-relative (pictures) or as the theme names it (fonts) */
    long long size, mtime_ns;
    unsigned long long ino;
    bool exists;
} stamp;

typedef struct {
    stamp *items;
    size_t n, cap;
} stamps;

struct reload {
    char *dir, *font_dir;
    reload_out out;
    deck *shown;
    diag_list diags;
    stamps shown_stamps;
    deck *pending;
    diag_list pending_diags;
    bool missing_reported;
    bool placeholder_reported;
};

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* ---- stamps ------------------------------------------------------------- */

static void stamps_clear(stamps *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i].path);
    free(s->items);
    memset(s, 0, sizeof *s);
}

static stamp take_stamp(const char *dir, const char *path)
{
    stamp t = {0};
    char *full = NULL;
    struct stat st;
    if (path[0] == '/' ? (full = strdup(path)) != NULL : asprintf(&full, "%s/%s", dir, path) >= 0) {
        if (stat(full, &st) == 0) {
            t.exists = true;
            t.size = (long long)st.st_size;
            t.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
            t.ino = (unsigned long long)st.st_ino;
        }
        free(full);
    }
    return t;
}

static void stamps_add(stamps *s, const char *dir, const char *path)
{
    if (!path)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->items[i].path, path) == 0)
            return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        stamp *grown = realloc(s->items, cap * sizeof *grown);
        if (!grown)
            return; /* unstamped: counts as changed next time */
        s->items = grown;
        s->cap = cap;
    }
    stamp t = take_stamp(dir, path);
    if (!(t.path = strdup(path)))
        return;
    s->items[s->n++] = t;
}

/* The files a slide draws from. */
static void stamp_slide(stamps *s, const char *dir, const slide *sl)
{
    stamps_add(s, dir, sl->image);
    stamps_add(s, dir, sl->background_image);
    for (size_t i = 0; i < sl->n_items; i++)
        stamps_add(s, dir, sl->items[i].icon);
}

static void stamp_deck(stamps *s, const deck *d)
{
    stamps_add(s, d->dir, d->theme.font);
    stamps_add(s, d->dir, d->theme.font_bold);
    for (size_t i = 0; i < d->n_slides; i++)
        stamp_slide(s, d->dir, &d->slides[i]);
}

static const stamp *find_stamp(const stamps *s, const char *path)
{
    for (size_t i = 0; path && i < s->n; i++)
        if (strcmp(s->items[i].path, path) == 0)
            return &s->items[i];
    return NULL;
}

/* True when `path` is not now what it was when `before` was taken. */
static bool file_changed(const stamps *before, const char *dir, const char *path)
{
    if (!path)
        return false;
    const stamp *b = find_stamp(before, path);
    stamp now = take_stamp(dir, path);
    return !b || b->exists != now.exists || b->size != now.size ||
           b->mtime_ns != now.mtime_ns || b->ino != now.ino;
}

static bool slide_files_changed(const stamps *before, const char *dir, const slide *s)
{
    if (file_changed(before, dir, s->image) || file_changed(before, dir, s->background_image))
        return true;
    for (size_t i = 0; i < s->n_items; i++)
        if (file_changed(before, dir, s->items[i].icon))
            return true;
    return false;
}

/* ---- reporting ---------------------------------------------------------- */

static void report_error(reload *r, const diag *d)
{
    char line[2048];
    diag_format(d, line, sizeof line);
    if (r->out.err)
        fprintf(r->out.err, "%s\n", line);
    playlog_write_error(r->out.log, r->out.log_also, time(NULL), d->path, d->line, d->col,
                        d->message);
}

static void report_message(reload *r, const char *file, const char *message)
{
    if (r->out.err)
        fprintf(r->out.err, "kiosk: %s%s%s\n", file ? file : "", file ? ": " : "", message);
    playlog_write_error(r->out.log, r->out.log_also, time(NULL), file, 0, 0, message);
}

/* Errors of a new load that are news: once per change of their file. */
static void report_new(reload *r, const diag_list *now, const debounce *changes)
{
    for (size_t i = 0; i < now->n; i++)
        if (deck_merge_should_report(&now->items[i], &r->diags,
                                     changes ? (const char *const *)changes->paths : NULL,
                                     changes ? changes->n : 0, !changes || changes->all))
            report_error(r, &now->items[i]);
}

static void placeholder_news(reload *r, const deck *d)
{
    bool on = d->n_slides == 1 && deck_is_placeholder(&d->slides[0]);
    if (on && !r->placeholder_reported)
        report_message(r, NULL,
                       "the deck has no playable slide: showing " DECK_MERGE_PLACEHOLDER_TITLE
                       " / " DECK_MERGE_PLACEHOLDER_SUBTITLE);
    r->placeholder_reported = on;
}

/* ---- the contract ------------------------------------------------------- */

reload *reload_new(const char *dir, const char *font_dir, reload_out out)
{
    reload *r = calloc(1, sizeof *r);
    if (!r || !(r->dir = strdup(dir)) || !(r->font_dir = strdup(font_dir)))
        goto fail;
    r->out = out;
    diag_list diags = {.lang = out.lang};
    deck *loaded = deck_load(dir, font_dir, &diags);
    if (!loaded) {
        diag_list_clear(&diags);
        goto fail;
    }
    r->diags = diags;
    r->shown = deck_merge(NULL, loaded, NULL);
    if (!r->shown)
        goto fail;
    stamp_deck(&r->shown_stamps, r->shown);
    return r;
fail:
    reload_free(r);
    return NULL;
}

void reload_report_first(reload *r)
{
    if (r->out.err)
        diag_print(&r->diags, r->out.err);
    for (size_t i = 0; i < r->diags.n; i++) {
        const diag *d = &r->diags.items[i];
        if (d->severity == DIAG_ERROR)
            playlog_write_error(r->out.log, r->out.log_also, time(NULL), d->path, d->line,
                                d->col, d->message);
    }
    FILE *err = r->out.err;
    r->out.err = NULL; /* printed above with the warnings */
    placeholder_news(r, r->shown);
    r->out.err = err;
}

void reload_free(reload *r)
{
    if (!r)
        return;
    deck_free(r->shown);
    deck_free(r->pending);
    diag_list_clear(&r->diags);
    diag_list_clear(&r->pending_diags);
    stamps_clear(&r->shown_stamps);
    free(r->dir);
    free(r->font_dir);
    free(r);
}

const deck *reload_deck(const reload *r)
{
    return r->shown;
}

const diag_list *reload_diags(const reload *r)
{
    return &r->diags;
}

bool reload_pending(const reload *r)
{
    return r->pending != NULL;
}

void reload_load(reload *r, const debounce *changes, bool deck_missing)
{
    struct stat st;
    char *slides = NULL;
    /* A folder without slides/ is the moment between a delete and its
     * re-creation, or a stick being changed: not a deck to show. */
    if (!deck_missing && asprintf(&slides, "%s/slides", r->dir) >= 0)
        deck_missing = stat(slides, &st) != 0 || !S_ISDIR(st.st_mode);
    free(slides);
    if (deck_missing) {
        if (!r->missing_reported)
            report_message(r, r->dir,
                           "the deck folder is missing; the show goes on with what it has "
                           "until it is back");
        r->missing_reported = true;
        return;
    }
    r->missing_reported = false;
    diag_list diags = {.lang = r->out.lang};
    /* Against the pending update if one waits: its settings are the newest
     * good ones. */
    deck *loaded = deck_load_keeping(r->dir, r->font_dir, r->shown, &diags);
    if (!loaded) {
        diag_list_clear(&diags);
        report_message(r, NULL, "out of memory reading the deck; the show goes on");
        return;
    }
    report_new(r, &diags, changes);
    /* Once reported, an error is known: the next load compares with it. */
    diag_list_clear(&r->diags);
    r->diags = diags;
    deck_free(r->pending);
    r->pending = loaded;
}

/* Whether the slide on screen would look different after the update. */
static bool current_changes(const reload *r, size_t cur)
{
    if (cur >= r->shown->n_slides)
        return true;
    const slide *now = &r->shown->slides[cur];
    if (!deck_settings_equal(r->shown, r->pending) ||
        file_changed(&r->shown_stamps, r->shown->dir, r->shown->theme.font) ||
        file_changed(&r->shown_stamps, r->shown->dir, r->shown->theme.font_bold))
        return true;
    size_t k = deck_merge_find(r->pending, now->file);
    if (k == (size_t)-1)
        return true; /* removed, or the built-in slide giving way */
    const slide *next = &r->pending->slides[k];
    if (next->type != SLIDE_BROKEN && !deck_slide_equal(now, next))
        return true;
    return slide_files_changed(&r->shown_stamps, r->shown->dir, now);
}

bool reload_is_calm(const reload *r, const player_view *v, bool finger_down)
{
    if (!r->pending || finger_down || v->transitioning)
        return false;
    if (!current_changes(r, v->to))
        return true;
    /* The slide on screen changes: not while its figures are counting. */
    return v->to >= r->shown->n_slides ||
           v->to_elapsed_ms >= figures_settled_ms(&r->shown->slides[v->to]);
}

/* Where the show goes on in the merged deck: the same file, else the next
 * file by name (the order slides play in), else the first. */
static size_t successor(const deck *d, const char *file)
{
    size_t k = deck_merge_find(d, file);
    if (k != (size_t)-1)
        return k;
    for (size_t i = 0; file && i < d->n_slides; i++)
        if (d->slides[i].file && strcmp(d->slides[i].file, file) > 0)
            return i;
    return 0;
}

bool reload_apply(reload *r, render_ctx *rc, player *p, player_ms now_ms)
{
    if (!r->pending)
        return false;
    size_t cur = player_current(p);
    bool same = !current_changes(r, cur);
    char *cur_file = cur < r->shown->n_slides && r->shown->slides[cur].file
                         ? strdup(r->shown->slides[cur].file)
                         : NULL;
    deck *old = r->shown;
    deck_merge_counts counts;
    deck *merged = deck_merge(old, r->pending, &counts);
    r->pending = NULL;
    if (!merged) {
        free(cur_file);
        report_message(r, NULL, "out of memory merging the deck; the show goes on");
        return false;
    }
    /* Loaded in the deck's default language; shown in the visitor's. */
    deck_show_language(merged, player_language(p));
    stamps now = {0};
    stamp_deck(&now, merged);
    bool fonts_changed = !str_eq(old->theme.font, merged->theme.font) ||
                         !str_eq(old->theme.font_bold, merged->theme.font_bold);
    render_set_deck(rc, merged);
    for (size_t i = 0; i < now.n; i++) {
        const stamp *b = find_stamp(&r->shown_stamps, now.items[i].path);
        if (!b || (b->exists == now.items[i].exists && b->size == now.items[i].size &&
                   b->mtime_ns == now.items[i].mtime_ns && b->ino == now.items[i].ino))
            continue;
        if (str_eq(now.items[i].path, merged->theme.font) ||
            str_eq(now.items[i].path, merged->theme.font_bold))
            fonts_changed = true;
        else
            render_refresh_file(rc, now.items[i].path);
    }
    const char *font_err = NULL;
    if (fonts_changed && render_reopen_fonts(rc, &font_err) != 0)
        report_message(r, merged->theme.font, font_err ? font_err : "cannot open the fonts");
    player_replace_deck(p, merged, successor(merged, cur_file), same, now_ms);
    free(cur_file);
    deck_free(old);
    r->shown = merged;
    stamps_clear(&r->shown_stamps);
    r->shown_stamps = now;
    char msg[160];
    snprintf(msg, sizeof msg, "%zu slides; %zu in their last good version, %zu left out",
             deck_playable_count(merged) - (counts.placeholder ? 1 : 0), counts.kept,
             counts.left_out);
    playlog_write(r->out.log, r->out.log_also, time(NULL), "reload", -1, NULL, NULL, msg);
    placeholder_news(r, merged);
    return true;
}

void reload_show_language(reload *r, render_ctx *rc, player *p)
{
    deck_lang lang = player_language(p);
    if (!r->shown || deck_language_shown(r->shown) == lang)
        return;
    deck_show_language(r->shown, lang);
    if (player_texts_changed(p) != 0)
        report_message(r, NULL, "out of memory rebuilding the chapter bar");
    render_set_deck(rc, r->shown); /* every layout and text line was of the other language */
}
