#include "modes.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_decode.h"
#include "check_schedule.h"
#include "figures.h"
#include "datadir.h"
#include "deck.h"
#include "grow.h"
#include "imgprobe.h"
#include "json_pos.h"
#include "layout_json.h"
#include "lineup.h"
#include "render.h"
#include "utf8.h"


const char *modes_deck_dir(const kiosk_options *o)
{
    return o->deck_dir ? o->deck_dir : datadir_demo_deck();
}

/* A renderer with no display: SDL's software renderer on a surface. */
typedef struct {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    render_ctx *rc;
    chapters chapters; /* the chapter bar drawn on every slide */
} headless;

static void headless_close(headless *h)
{
    render_free(h->rc);
    chapters_free(&h->chapters);
    if (h->renderer)
        SDL_DestroyRenderer(h->renderer);
    if (h->surface)
        SDL_FreeSurface(h->surface);
    TTF_Quit();
    IMG_Quit();
    memset(h, 0, sizeof *h);
}

static int headless_open(headless *h, const deck *d, int w, int h_px)
{
    memset(h, 0, sizeof *h);
    const char *err = NULL;
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk: cannot start the font renderer: %s\n", TTF_GetError());
        return -1;
    }
    IMG_Init(IMG_INIT_JPG | IMG_INIT_PNG | IMG_INIT_WEBP);
    h->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h_px, 32, SDL_PIXELFORMAT_ARGB8888);
    h->renderer = h->surface ? SDL_CreateSoftwareRenderer(h->surface) : NULL;
    if (!h->renderer) {
        fprintf(stderr, "kiosk: cannot create a %dx%d software renderer: %s\n", w, h_px,
                SDL_GetError());
        headless_close(h);
        return -1;
    }
    h->rc = render_new(h->renderer, d, w, h_px, false, &err);
    if (h->rc) /* the live show's software path: fades blended into the picture */
        render_set_screen(h->rc, h->surface);
    if (!h->rc || chapters_build(d, &h->chapters) != 0) {
        fprintf(stderr, "kiosk: %s\n", err ? err : "cannot start rendering: out of memory");
        headless_close(h);
        return -1;
    }
    return 0;
}

static void output_size(const kiosk_options *o, int *w, int *h)
{
    *w = o->width ? o->width : 1920;
    *h = o->height ? o->height : 1080;
}

/* The moment a slide is drawn at: --at, or once its entry animations end. */
static long long moment_ms(const kiosk_options *o, const slide *s)
{
    if (o->at_s >= 0)
        return (long long)(o->at_s * 1000 + 0.5);
    return figures_settled_ms(s);
}

/* ---- --check ---------------------------------------------------------------- */

/* Where a slide's field is written in its file, for what only drawing finds
 * (text cut short, a character no font has); 1:1 when it cannot be found. */
static void locate(const deck *d, const slide *s, const char *field, int *line, int *col)
{
    *line = *col = 1;
    char *path = deck_path(d, s->file);
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f)
        return;
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        char *t = grow_array(text, &cap, len + 1, 1, 16384);
        if (!t)
            break;
        text = t;
        size_t n = fread(text + len, 1, cap - len, f);
        if (n == 0)
            break;
        len += n;
    }
    fclose(f);
    json_pos_index ix = {0};
    if (text && json_pos_scan(text, len, &ix) == JSON_POS_OK) {
        const json_pos_entry *e = json_pos_find(&ix, field);
        if (e) {
            *line = e->line;
            *col = e->col;
        }
    }
    json_pos_free(&ix);
    free(text);
}

/* The same for a text of a bilingual deck in `lang`: at "title.en" when the
 * file writes the text in both languages, else at "title"; `name` gets the
 * path found, for the message. */
static void locate_text(const deck *d, const slide *s, const char *field, deck_lang lang,
                        char *name, size_t cap, int *line, int *col)
{
    int n = snprintf(name, cap, "%s.%s", field, deck_lang_name(lang));
    if (n > 0 && (size_t)n < cap && deck_bilingual(d)) {
        locate(d, s, name, line, col);
        if (*line != 1 || *col != 1)
            return;
    }
    if (snprintf(name, cap, "%s", field) >= (int)cap)
        name[cap - 1] = '\0';
    locate(d, s, field, line, col);
}

typedef struct {
    char field[64];
    const char *text;
} field_text;

typedef struct {
    field_text *out;
    size_t n, cap;
} text_list;

static void add_text(void *ctx, const char *field, const char *text)
{
    text_list *l = ctx;
    if (l->n == l->cap)
        return;
    snprintf(l->out[l->n].field, sizeof l->out[l->n].field, "%s", field);
    l->out[l->n++].text = text;
}

/* Every piece of text a slide shows, with the JSON path it comes from. */
static size_t slide_texts(const slide *s, field_text *out, size_t cap)
{
    text_list l = {out, 0, cap};
    deck_slide_texts(s, add_text, &l);
    return l.n;
}

/* A text the same in both languages is checked twice: its warning once. */
static void drop_if_repeated(diag_list *diags)
{
    if (diags->n == 0)
        return;
    const diag *last = &diags->items[diags->n - 1];
    for (size_t i = 0; i + 1 < diags->n; i++) {
        const diag *e = &diags->items[i];
        if (e->id == last->id && e->line == last->line && e->col == last->col &&
            strcmp(e->path, last->path) == 0 && strcmp(e->message, last->message) == 0) {
            free(last->path);
            free(last->message);
            diags->n--;
            return;
        }
    }
}

static void check_glyphs(const deck *d, const slide *s, deck_lang lang, font_set *fs,
                         diag_list *diags)
{
    field_text texts[64];
    size_t n = slide_texts(s, texts, 64);
    uint32_t reported[32]; /* each character once per slide */
    size_t n_reported = 0;
    for (size_t k = 0; k < n; k++) {
        const char *t = texts[k].text;
        size_t len = strlen(t);
        for (size_t p = 0; p < len;) {
            uint32_t cp;
            size_t step = utf8_decode(t + p, len - p, &cp);
            p += step ? step : 1;
            if (cp < 0x20 || fonts_has_glyph(fs, cp))
                continue;
            bool seen = false;
            for (size_t r = 0; r < n_reported; r++)
                seen |= reported[r] == cp;
            if (seen)
                continue;
            if (n_reported < 32)
                reported[n_reported++] = cp;
            char ch[5] = {0};
            utf8_encode(cp, ch);
            int line, col;
            char name[96];
            locate_text(d, s, texts[k].field, lang, name, sizeof name, &line, &col);
            diag_msg(diags, DIAG_WARNING, s->file, line, col, MSG_CHECK_NO_GLYPH, ch,
                     (unsigned)cp, name);
            drop_if_repeated(diags);
        }
    }
}

/* Text that did not fit its box even at the theme's smallest size, on a
 * screen of the size named; a field already reported is not repeated. */
static void check_fit(const deck *d, const slide *s, deck_lang lang, const slide_layout *l,
                      const char *screen, diag_list *diags)
{
    for (size_t k = 0; l && k < l->n; k++) {
        const layout_box *b = &l->boxes[k];
        if (b->kind != LBOX_TEXT || !b->text.truncated)
            continue;
        int line, col;
        char name[96];
        locate_text(d, s, b->field, lang, name, sizeof name, &line, &col);
        bool seen = false;
        for (size_t i = 0; i < diags->n && !seen; i++)
            seen = diags->items[i].id == MSG_CHECK_TEXT_CUT &&
                   diags->items[i].line == line && diags->items[i].col == col &&
                   strcmp(diags->items[i].path, s->file) == 0;
        if (seen)
            continue;
        diag_msg(diags, DIAG_WARNING, s->file, line, col, MSG_CHECK_TEXT_CUT, name, screen,
                 b->text.px);
    }
}

/* A picture with fewer pixels than the area it fills is shown enlarged and
 * looks blurred: said once per picture, with its size and the size it is
 * shown at (in the screen's pixels; a tenth over is not worth a word). */
#define PICTURE_ENLARGED_MAX 1.1

static void check_picture_sizes(const deck *d, const slide *s, const slide_layout *l,
                                const char *screen, diag_list *diags)
{
    for (size_t k = 0; l && k < l->n; k++) {
        const layout_box *b = &l->boxes[k];
        if (b->kind != LBOX_IMAGE || !b->image || b->w < 1 || b->h < 1)
            continue;
        char *path = deck_path(d, b->image);
        imgprobe_info info;
        imgprobe_status st = path ? imgprobe_file(path, &info) : IMGPROBE_IO;
        free(path);
        if (st != IMGPROBE_OK)
            continue; /* missing or broken: the loader has said so */
        double sx = b->w / info.width, sy = b->h / info.height;
        double scale = b->fit == FIT_CONTAIN ? fmin(sx, sy) : fmax(sx, sy);
        if (scale <= PICTURE_ENLARGED_MAX)
            continue;
        int line, col;
        locate(d, s, b->field, &line, &col);
        bool seen = false;
        for (size_t i = 0; i < diags->n && !seen; i++)
            seen = diags->items[i].id == MSG_CHECK_PICTURE_SMALL && diags->items[i].line == line &&
                   diags->items[i].col == col && strcmp(diags->items[i].path, s->file) == 0;
        if (seen)
            continue;
        diag_msg(diags, DIAG_WARNING, s->file, line, col, MSG_CHECK_PICTURE_SMALL, b->field,
                 b->image, info.width, info.height, (int)lround(info.width * scale),
                 (int)lround(info.height * scale), screen);
    }
}

/* A chapter name the bar must shorten on a screen of the size named,
 * reported at the "chapter" key of the chapter's first slide, once. */
static void check_chapter_bar(const deck *d, deck_lang lang, const chapters *table,
                              const chapter_bar *cb, const char *screen, diag_list *diags)
{
    for (size_t k = 0; cb && k < cb->n && k < table->n; k++) {
        if (!cb->slots[k].cut)
            continue;
        const slide *s = &d->slides[table->list[k].first_slide];
        int line, col;
        char name[96];
        locate_text(d, s, "chapter", lang, name, sizeof name, &line, &col);
        /* Once, though both screen shapes may cut it. */
        bool seen = false;
        for (size_t i = 0; i < diags->n && !seen; i++)
            seen = diags->items[i].id == (int)MSG_CHECK_CHAPTER_CUT &&
                   diags->items[i].line == line && diags->items[i].col == col &&
                   strcmp(diags->items[i].path, s->file) == 0;
        if (seen)
            continue;
        diag_msg(diags, DIAG_WARNING, s->file, line, col, MSG_CHECK_CHAPTER_CUT,
                 table->list[k].name, screen, cb->slots[k].text);
    }
}

static int diag_order(const diag *x, const diag *y)
{
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->col > y->col) - (x->col < y->col);
}

int mode_check(const kiosk_options *o)
{
    diag_list diags = {.lang = options_messages_lang(o)};
    deck *d = deck_load(modes_deck_dir(o), datadir_font_dir(), &diags);
    if (!d) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    /* What only drawing shows: text cut short, characters no font has, in
     * each language of a bilingual deck. */
    int n_langs = deck_bilingual(d) ? DECK_N_LANGS : 1;
    for (int lang = 0; lang < n_langs && d->n_slides > 0; lang++) {
        if (n_langs > 1)
            deck_show_language(d, (deck_lang)lang);
        /* Text is checked on the design canvas and on a screen turned the
         * other way (a portrait kiosk), since either may be where it plays;
         * --size checks one size instead. */
        int sizes[2][2] = {{o->width ? o->width : d->width, o->height ? o->height : d->height},
                           {d->height, d->width}};
        int n_sizes = o->width ? 1 : 2;
        for (int k = 0; k < n_sizes; k++) {
            headless h;
            if (headless_open(&h, d, sizes[k][0], sizes[k][1]) != 0) {
                diag_msg(&diags, DIAG_ERROR, "slides/deck.json", 1, 1,
                         MSG_CHECK_FONTS_UNOPENABLE);
                lang = n_langs;
                break;
            }
            char screen[48];
            snprintf(screen, sizeof screen, "%dx%d", sizes[k][0], sizes[k][1]);
            const slide_layout *first = render_layout(h.rc, 0);
            check_chapter_bar(d, (deck_lang)lang, &h.chapters, first ? &first->chapter_fit : NULL,
                              screen, &diags);
            for (size_t i = 0; i < d->n_slides; i++) {
                const slide *s = &d->slides[i];
                if (s->type == SLIDE_BROKEN)
                    continue;
                check_fit(d, s, (deck_lang)lang, render_layout(h.rc, i), screen, &diags);
                /* Pictures only on the screen the deck is made for: a
                 * landscape photo covering a portrait screen is a choice
                 * of the design, not a photo too small. */
                if (k == 0 && lang == 0)
                    check_picture_sizes(d, s, render_layout(h.rc, i), screen, &diags);
                if (k == 0)
                    check_glyphs(d, s, (deck_lang)lang, render_fonts(h.rc), &diags);
            }
            if (k == 0 && lang == 0)
                check_decode_fonts(d, render_fonts(h.rc), &diags);
            headless_close(&h);
        }
    }
    /* Every picture decoded whole, as the show would decode it. */
    check_decode_pictures(d, &diags);
    /* The layout's and glyph warnings join the loader's in file and position
     * order. An insertion sort is stable, so diagnostics at one position keep
     * the loader's order (qsort does not promise that). */
    for (size_t i = 1; i < diags.n; i++) {
        diag cur = diags.items[i];
        size_t j = i;
        while (j > 0 && diag_order(&diags.items[j - 1], &cur) > 0) {
            diags.items[j] = diags.items[j - 1];
            j--;
        }
        diags.items[j] = cur;
    }
    /* --strict: a deck kept in git fails CI on a warning too, and says so
     * the way a compiler's -Werror does, each one an error. */
    bool promoted = false;
    for (size_t i = 0; o->strict && i < diags.n; i++) {
        promoted |= diags.items[i].severity == DIAG_WARNING;
        diags.items[i].severity = DIAG_ERROR;
    }
    diag_print(&diags, stderr);
    size_t errors = diag_count(&diags, DIAG_ERROR), warnings = diag_count(&diags, DIAG_WARNING);
    char line[512];
    if (promoted) {
        msg_format(line, sizeof line, diags.lang, MSG_CHECK_STRICT);
        fprintf(stderr, "%s\n", line);
    }
    msg_format(line, sizeof line, diags.lang, MSG_CHECK_SUMMARY, modes_deck_dir(o), d->n_slides,
               d->n_slides == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
               warnings == 1 ? "" : "s");
    fprintf(stderr, "%s\n", line);
    int status = errors ? 1 : 0;
    if (o->has_date && check_schedule_print(d, o->date_s, diags.lang, stdout) != 0) {
        fprintf(stderr, "kiosk: out of memory\n");
        status = 1;
    }
    diag_list_clear(&diags);
    deck_free(d);
    return status;
}

/* ---- --render ------------------------------------------------------------------- */

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    return -1;
}

/* Loads the deck and opens a headless renderer at the output size for
 * --render and --dump-layout, printing the deck's diagnostics; *status
 * becomes 1 when it has errors (its good slides are still drawn). NULL when
 * either fails (said on stderr). */
static deck *open_for_drawing(const kiosk_options *o, headless *hl, int *status)
{
    diag_list diags = {.lang = options_messages_lang(o)};
    deck *d = deck_load(modes_deck_dir(o), datadir_font_dir(), &diags);
    diag_print(&diags, stderr);
    *status = diag_count(&diags, DIAG_ERROR) ? 1 : 0;
    if (d && o->show_lang >= 0)
        deck_show_language(d, (deck_lang)o->show_lang);
    diag_list_clear(&diags);
    int w, h;
    output_size(o, &w, &h);
    if (d && headless_open(hl, d, w, h) != 0) {
        deck_free(d);
        d = NULL;
    }
    return d;
}

/* Removes what an earlier --render of a longer deck left in dir: the files
 * this mode names (exactly "%03zu.png") numbered above n_slides, or of a
 * slide not drawn this time (drawn[k - 1] false; drawn NULL: all were),
 * and only plain files. Nothing else is touched, not even "000.png" or
 * "0042.png". */
static int remove_stale_pngs(const char *dir, size_t n_slides, const bool *drawn)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "kiosk: cannot read %s: %s\n", dir, strerror(errno));
        return 1;
    }
    int status = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        const char *name = de->d_name;
        size_t digits = strspn(name, "0123456789");
        if (digits < 3 || digits > 12 || strcmp(name + digits, ".png") != 0)
            continue;
        size_t k = (size_t)strtoull(name, NULL, 10);
        char own[32];
        snprintf(own, sizeof own, "%03zu.png", k);
        if (k == 0 || (k <= n_slides && (!drawn || drawn[k - 1])) || strcmp(own, name) != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        struct stat st;
        if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (unlink(path) != 0) {
            fprintf(stderr, "kiosk: cannot remove the stale %s: %s\n", path, strerror(errno));
            status = 1;
        }
    }
    closedir(dh);
    return status;
}

int mode_render(const kiosk_options *o)
{
    if (make_dir(o->render_dir) != 0) {
        fprintf(stderr, "kiosk: cannot create %s: %s\n", o->render_dir, strerror(errno));
        return 1;
    }
    int status;
    headless hl;
    deck *d = open_for_drawing(o, &hl, &status);
    if (!d)
        return 1;
    /* --date: only the slides the show plays then, each under its own
     * number, so 003.png is still the third slide file. */
    lineup l = {0};
    if (o->has_date && lineup_at(&l, d, o->date_s, 0) != 0) {
        fprintf(stderr, "kiosk: out of memory\n");
        headless_close(&hl);
        deck_free(d);
        return 1;
    }
    for (size_t i = 0; i < d->n_slides; i++) {
        if (l.on && !l.on[i])
            continue;
        player_view v = {.to = i, .to_elapsed_ms = moment_ms(o, &d->slides[i]), .from = i};
        render_overlay ov = {.chapters = &hl.chapters, .current_chapter = -1};
        render_frame(hl.rc, &v, &ov);
        SDL_RenderPresent(hl.renderer);
        char path[4096];
        snprintf(path, sizeof path, "%s/%03zu.png", o->render_dir, i + 1);
        if (IMG_SavePNG(hl.surface, path) != 0) {
            fprintf(stderr, "kiosk: cannot write %s: %s\n", path, IMG_GetError());
            status = 1;
        }
    }
    if (remove_stale_pngs(o->render_dir, d->n_slides, l.on) != 0)
        status = 1;
    lineup_free(&l);
    headless_close(&hl);
    deck_free(d);
    return status;
}

/* ---- --dump-layout ---------------------------------------------------------------- */

int mode_dump_layout(const kiosk_options *o)
{
    int status;
    headless hl;
    deck *d = open_for_drawing(o, &hl, &status);
    if (!d)
        return 1;
    if (o->json) {
        printf("{\"slides\":[");
        int first = 1;
        for (size_t i = 0; i < d->n_slides; i++) {
            const slide_layout *l = render_layout(hl.rc, i);
            if (l) {
                layout_json_slide(stdout, i, &d->slides[i], l, moment_ms(o, &d->slides[i]), first);
                first = 0;
            }
        }
        printf("\n],\"chapter_bar\":");
        const slide_layout *l0 = d->n_slides ? render_layout(hl.rc, 0) : NULL;
        layout_json_chapter_bar(stdout, l0 && l0->chapter_fit.n ? &l0->chapter_fit : NULL);
        printf("}\n");
    }
    for (size_t i = 0; !o->json && i < d->n_slides; i++) {
        const slide *s = &d->slides[i];
        const slide_layout *l = render_layout(hl.rc, i);
        long long t = moment_ms(o, s);
        for (size_t k = 0; l && k < l->n; k++) {
            const layout_box *b = &l->boxes[k];
            if (b->kind == LBOX_TEXT) {
                for (size_t n = 0; n < b->text.n_lines; n++)
                    printf("%03zu %s %dpx: %s\n", i + 1, b->field, b->text.px, b->text.lines[n].text);
            } else if (b->kind == LBOX_FIGURE || b->kind == LBOX_BAR) {
                const stat_item *it = &s->items[b->item];
                char num[64];
                figures_text(num, sizeof num, it, s->separator, s->easing,
                               figures_progress(s, b->item, t));
                printf("%03zu %s %dpx: %s%s%s\n", i + 1, b->field, b->px,
                       it->prefix ? it->prefix : "", num, it->unit ? it->unit : "");
                /* A chart bar carries its badge itself, after the figure. */
                if (b->kind == LBOX_BAR && it->has_growth && figures_landed(s, b->item, t)) {
                    char badge[160];
                    layout_badge_text(badge, sizeof badge, it);
                    printf("%03zu items[%zu].growth %dpx: %s\n", i + 1, b->item,
                           b->pill.px, badge);
                }
            } else if (b->kind == LBOX_BADGE) {
                const stat_item *it = &s->items[b->item];
                if (figures_landed(s, b->item, t)) {
                    char badge[160];
                    layout_badge_text(badge, sizeof badge, it);
                    printf("%03zu %s %dpx: %s\n", i + 1, b->field, b->px, badge);
                }
            }
        }
    }
    headless_close(&hl);
    deck_free(d);
    return status;
}
