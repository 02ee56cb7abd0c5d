/* Chapters: one table, drawn and jumped to alike.
 *
 * Each row is an awkward deck written to a temporary folder and loaded for
 * real. The chapter table must come out as the row says (names, first slide,
 * slides per chapter, each slide's chapter), --check must warn at every
 * empty name, and then the chapter bar is drawn headless from the player's
 * table: scanning the bar finds exactly one slot per chapter, left to right,
 * and a tap in the middle of slot k jumps to chapter k's first slide, after
 * which slot k — and only slot k — is drawn highlighted. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chapters.h"
#include "check.h"
#include "deck.h"
#include "player.h"
#include "render.h"

#define OUT_W 960
#define OUT_H 540
#define MAX_SLIDES 8

typedef struct {
    char kind;           /* 'S' a slide that plays, 'B' a broken one */
    const char *chapter; /* NULL: no "chapter" key */
} slide_row;

typedef struct {
    const char *name;
    slide_row slides[MAX_SLIDES]; /* ends at kind 0 */
    const char *names[MAX_SLIDES];  /* the chapters; ends at NULL */
    size_t first[MAX_SLIDES];
    size_t count[MAX_SLIDES];
    int of_slide[MAX_SLIDES];
    size_t empty_warnings; /* --check warnings about an empty chapter */
} row;

static const row ROWS[] = {
    {"an empty name between two (the reported bug)",
     {{'S', "甲"}, {'S', ""}, {'S', "乙"}, {'S', "丙"}},
     {"甲", "乙", "丙"}, {0, 2, 3}, {2, 1, 1}, {0, 0, 1, 2}, 1},
    {"names of spaces only",
     {{'S', "甲"}, {'S', " "}, {'S', "\xe3\x80\x80"}, {'S', "乙"}},
     {"甲", "乙"}, {0, 3}, {3, 1}, {0, 0, 0, 1}, 2},
    {"broken slides name no chapter",
     {{'S', "甲"}, {'B', "乙"}, {'S', "乙"}, {'B', "丙"}, {'S', NULL}},
     {"甲", "乙"}, {0, 2}, {1, 2}, {0, 0, 1, 1, 1}, 0},
    {"a chapter of one slide",
     {{'S', "甲"}, {'S', "甲"}, {'S', "乙"}, {'S', "丙"}, {'S', NULL}},
     {"甲", "乙", "丙"}, {0, 2, 3}, {2, 1, 2}, {0, 0, 1, 2, 2}, 0},
    {"no chapters at all",
     {{'S', NULL}, {'S', NULL}, {'B', NULL}},
     {NULL}, {0}, {0}, {-1, -1, -1}, 0},
    {"only an empty name and a broken slide's name",
     {{'S', ""}, {'B', "甲"}, {'S', NULL}},
     {NULL}, {0}, {0}, {-1, -1, -1}, 1},
    {"slides before the first chapter, and a name coming back",
     {{'S', NULL}, {'S', "甲"}, {'S', "乙"}, {'S', "甲"}},
     {"甲", "乙"}, {1, 2}, {2, 1}, {-1, 0, 1, 0}, 0},
};

static int write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int ok = fputs(text, f) >= 0;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

/* Writes the row's deck into dir/slides; returns the number of slides. */
static size_t write_deck(const char *dir, const row *t)
{
    char slides[512];
    snprintf(slides, sizeof slides, "%s/slides", dir);
    if (mkdir(slides, 0700) != 0)
        return 0;
    size_t n = 0;
    for (; n < MAX_SLIDES && t->slides[n].kind; n++) {
        const slide_row *s = &t->slides[n];
        char name[32], json[256], key[96] = "";
        snprintf(name, sizeof name, "%03zu.json", n + 1);
        if (s->chapter)
            snprintf(key, sizeof key, ",\n \"chapter\": \"%s\"", s->chapter);
        snprintf(json, sizeof json, "{\"type\": \"%s\", \"title\": \"第 %zu 页\"%s}\n",
                 s->kind == 'B' ? "no-such-type" : "title", n + 1, key);
        if (write_file(slides, name, json) != 0)
            return 0;
    }
    return n;
}

static void remove_deck(const char *dir, size_t n)
{
    char path[512];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/slides/%03zu.json", dir, i + 1);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/slides", dir);
    rmdir(path);
    rmdir(dir);
}

static void check_table(const row *t, const deck *d, const diag_list *diags)
{
    chapters c;
    CHECK(chapters_build(d, &c) == 0, "%s: the table could not be built", t->name);
    size_t want_n = 0;
    while (want_n < MAX_SLIDES && t->names[want_n])
        want_n++;
    CHECK(c.n == want_n, "%s: expected %zu chapters, got %zu", t->name, want_n, c.n);
    CHECK(chapters_any(d) == (want_n > 0), "%s: chapters_any disagrees with the table",
          t->name);
    for (size_t k = 0; k < c.n && k < want_n; k++) {
        CHECK_STR(c.list[k].name, t->names[k], t->name);
        CHECK(c.list[k].first_slide == t->first[k],
              "%s: chapter %zu starts at slide %zu, expected %zu", t->name, k,
              c.list[k].first_slide, t->first[k]);
        CHECK(c.list[k].n_slides == t->count[k], "%s: chapter %zu has %zu slides, expected %zu",
              t->name, k, c.list[k].n_slides, t->count[k]);
    }
    for (size_t i = 0; i < d->n_slides; i++)
        CHECK(chapters_of_slide(&c, i) == t->of_slide[i],
              "%s: slide %zu is in chapter %d, expected %d", t->name, i,
              chapters_of_slide(&c, i), t->of_slide[i]);
    chapters_free(&c);

    /* Every empty name is warned about at its value: line 2, after the key. */
    size_t warnings = 0;
    for (size_t i = 0; i < diags->n; i++) {
        const diag *g = &diags->items[i];
        if (g->severity != DIAG_WARNING || !strstr(g->message, "chapter is empty"))
            continue;
        warnings++;
        CHECK(g->line == 2 && g->col == 13, "%s: %s: empty chapter warned at %d:%d, expected 2:13",
              t->name, g->path, g->line, g->col);
    }
    CHECK(warnings == t->empty_warnings, "%s: expected %zu empty-chapter warnings, got %zu",
          t->name, t->empty_warnings, warnings);
}

/* Whether the highlight line at the top of a slot is drawn at (x, y): the
 * theme's accent (#f0a030), not the bar's dark shade. */
static bool highlighted(SDL_Surface *s, int x, int y)
{
    Uint32 px;
    memcpy(&px, (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)x * 4,
           sizeof px);
    Uint8 r, g, b;
    SDL_GetRGB(px, s->format, &r, &g, &b);
    return r > 180 && g > 110 && b < 110;
}

static void check_bar(const row *t, const deck *d, SDL_Renderer *r, SDL_Surface *surface)
{
    const char *err = NULL;
    render_ctx *rc = render_new(r, d, OUT_W, OUT_H, false, &err);
    player *p = player_new(d, 0);
    if (!rc || !p) {
        CHECK(0, "%s: cannot start rendering or playing: %s", t->name, err ? err : "memory");
        goto done;
    }
    player_ms now = 0;
    size_t n = player_chapter_count(p);
    for (size_t round = 0; round <= n; round++) {
        /* round 0: the slide the show starts on; round k: after tapping slot k-1. */
        now += 10000;
        player_tick(p, now);
        player_view v = player_view_at(p, now);
        render_overlay ov = {.chapters = player_chapters(p),
                             .current_chapter = player_current_chapter(p)};
        render_frame(rc, &v, &ov);
        SDL_RenderPresent(r);

        /* The slots along the bar's middle line, left to right. */
        int y_mid = OUT_H - 8;
        size_t slots = 0;
        int slot_from[MAX_SLIDES] = {0}, slot_to[MAX_SLIDES] = {0};
        int last = -1;
        for (int x = 0; x < OUT_W; x++) {
            int k = render_chapter_at(rc, x, y_mid);
            if (k >= 0 && k != last) {
                CHECK(k == (int)slots, "%s: at x=%d slot %d follows %zu slots", t->name, x, k,
                      slots);
                if (slots < MAX_SLIDES)
                    slot_from[slots] = x;
                slots++;
            }
            if (k >= 0 && k < MAX_SLIDES)
                slot_to[k] = x;
            last = k;
        }
        CHECK(slots == n, "%s: the bar shows %zu slots, the player knows %zu chapters",
              t->name, slots, n);
        if (slots != n || n > MAX_SLIDES)
            break;
        if (n == 0) {
            CHECK(render_chapter_at(rc, OUT_W / 2, y_mid) < 0,
                  "%s: no chapters, yet a tap finds a slot", t->name);
            break;
        }
        int top = y_mid;
        while (top > 0 && render_chapter_at(rc, slot_from[0], top - 1) >= 0)
            top--;
        int current = player_current_chapter(p);
        for (size_t k = 0; k < n; k++) {
            int x = (slot_from[k] + slot_to[k]) / 2;
            bool on = highlighted(surface, x, top + 1);
            CHECK(on == ((int)k == current),
                  "%s, round %zu: slot %zu is %s but the player's chapter is %d", t->name,
                  round, k, on ? "highlighted" : "plain", current);
        }
        if (round == n)
            break;
        /* Tap the middle of slot `round`. */
        int x = (slot_from[round] + slot_to[round]) / 2;
        int k = render_chapter_at(rc, x, y_mid);
        CHECK(k == (int)round, "%s: the middle of slot %zu is slot %d", t->name, round, k);
        if (k < 0)
            break;
        player_goto_chapter(p, (size_t)k, now);
        size_t at = player_current(p);
        CHECK(at == t->first[k], "%s: slot %d (%s) jumps to slide %zu, expected %zu",
              t->name, k, t->names[k], at, t->first[k]);
        CHECK(player_current_chapter(p) == k, "%s: after slot %d the player is in chapter %d",
              t->name, k, player_current_chapter(p));
        CHECK_STR(d->slides[at].chapter, t->names[k], t->name);
    }
done:
    player_free(p);
    render_free(rc);
}

int main(void)
{
    SDL_Surface *surface = NULL;
    SDL_Renderer *r = NULL;
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        CHECK(0, "cannot start SDL / SDL_ttf: %s", SDL_GetError());
        goto done;
    }
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
    surface = SDL_CreateRGBSurfaceWithFormat(0, OUT_W, OUT_H, 32, SDL_PIXELFORMAT_ARGB8888);
    r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r) {
        CHECK(0, "cannot create a software renderer: %s", SDL_GetError());
        goto done;
    }
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) {
        const row *t = &ROWS[i];
        char dir[] = "/tmp/kiosk-chapters.XXXXXX";
        if (!mkdtemp(dir)) {
            CHECK(0, "cannot make a temporary deck folder");
            continue;
        }
        size_t n = write_deck(dir, t);
        diag_list diags = {0};
        deck *d = n ? deck_load(dir, KIOSK_SOURCE_DIR "/fonts", &diags) : NULL;
        CHECK(d && d->n_slides == n, "%s: the deck did not load", t->name);
        if (d && d->n_slides == n) {
            check_table(t, d, &diags);
            check_bar(t, d, r, surface);
        }
        deck_free(d);
        diag_list_clear(&diags);
        remove_deck(dir, n);
    }
done:
    if (r)
        SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    if (TTF_WasInit())
        TTF_Quit();
    IMG_Quit();
    SDL_Quit();
    return check_done();
}
