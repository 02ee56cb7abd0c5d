/* deck — loading a deck folder: deck.json, then every slide file in name
 * order, each file's diagnostics sorted by position; and freeing it. The
 * format is declared in deck_format.c, read through deck_bind.c; which files
 * a deck may use is deck_files.c. */
#include "deck.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "deck_bind.h"
#include "deck_files.h"
#include "deck_format.h"
#include "deck_lang.h"
#include "deck_merge.h"
#include "json_pos.h"
#include "readfile.h"

/* A slide file is a few KiB; anything this big is a mistake, not a slide. */
#define DECK_MAX_JSON_BYTES (1u << 20)

/* Reads a JSON file into a cJSON tree and its position index. Returns the
 * root object, or NULL after reporting why not. */
static cJSON *read_json(deck_loader *L, json_pos_index *ix)
{
    char *full = deck_files_join(L->dir, L->file);
    if (!full) {
        L->nomem = true;
        return NULL;
    }
    cJSON *root = NULL;
    unsigned char *bytes = NULL;
    size_t len = 0;
    char why[200];
    readfile_status rs =
        readfile_all(full, DECK_MAX_JSON_BYTES, &bytes, &len, why, sizeof why);
    char *text = (char *)bytes;
    if (rs == READFILE_NOMEM) {
        L->nomem = true;
        goto done;
    }
    if (rs != READFILE_OK) {
        struct stat ls;
        if (rs == READFILE_MISSING && lstat(full, &ls) == 0 && S_ISLNK(ls.st_mode))
            report_add(L, DIAG_ERROR, 1, 1, MSG_FILE_DANGLING_LINK);
        else if (rs == READFILE_TOO_BIG)
            report_add(L, DIAG_ERROR, 1, 1, MSG_FILE_TOO_BIG_WHY, why);
        else
            report_add(L, DIAG_ERROR, 1, 1, MSG_FILE_READ_FAILED, why);
        goto done;
    }
    ix->lang = L->diags.lang;
    int st = json_pos_scan(text, len, ix);
    if (st == JSON_POS_NOMEM) {
        L->nomem = true;
        goto done;
    }
    if (st == JSON_POS_SYNTAX) {
        /* Already in the loader's language: the scanner wrote it from the table. */
        diag_add(&L->diags, DIAG_ERROR, L->file, ix->error_line, ix->error_col, "%s", ix->error);
        if (L->diags.n)
            L->diags.items[L->diags.n - 1].id = (int)ix->error_id;
        goto done;
    }
    L->ix = ix;
    /* The scanner has accepted it, so cJSON failing means memory ran out. */
    root = cJSON_ParseWithLength(text + ix->body_offset, len - ix->body_offset);
    if (!root) {
        L->nomem = true;
        goto done;
    }
    if (!cJSON_IsObject(root)) {
        char got[128];
        report_describe(L, root, "", got, sizeof got);
        report_add(L, DIAG_ERROR, ix->n ? ix->entries[0].line : 1,
               ix->n ? ix->entries[0].col : 1,
               MSG_FILE_NOT_OBJECT, got);
        cJSON_Delete(root);
        root = NULL;
    }
done:
    free(text);
    free(full);
    return root;
}

/* Sorts a file's diagnostics by position (keeping the order of equals) and
 * moves them to `out`. */
static int by_position(const void *a, const void *b)
{
    const diag *x = *(const diag *const *)a, *y = *(const diag *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x < y ? -1 : x > y;
}

static void flush_diags(deck_loader *L, diag_list *out, char **first_error)
{
    diag **order = malloc((L->diags.n ? L->diags.n : 1) * sizeof *order);
    if (!order) {
        L->nomem = true;
        diag_list_clear(&L->diags);
        return;
    }
    for (size_t i = 0; i < L->diags.n; i++)
        order[i] = &L->diags.items[i];
    qsort(order, L->diags.n, sizeof *order, by_position);
    for (size_t i = 0; i < L->diags.n; i++) {
        const diag *d = order[i];
        size_t before = out->n;
        diag_add(out, d->severity, d->path, d->line, d->col, "%s", d->message);
        if (out->n > before) {
            out->items[before].local = d->local;
            out->items[before].id = d->id;
        }
        if (first_error && !*first_error && d->severity == DIAG_ERROR && !d->local &&
            asprintf(first_error, "%s:%d:%d: %s", d->path, d->line, d->col,
                     d->message) < 0) {
            *first_error = NULL;
            L->nomem = true;
        }
    }
    free(order);
    diag_list_clear(&L->diags);
}

/* Reads one file (L->file) into `base` through `bind`, with its positions
 * indexed for the messages. */
static void load_file(deck_loader *L, void *base,
                      void (*bind)(deck_loader *L, const cJSON *root, void *base))
{
    json_pos_index ix = {0};
    L->ix = NULL;
    L->type_bit = 0;
    cJSON *root = read_json(L, &ix);
    if (root)
        bind(L, root, base);
    cJSON_Delete(root);
    json_pos_free(&ix);
    L->ix = NULL;
}

static void bind_slide_file(deck_loader *L, const cJSON *root, void *s)
{
    bind_slide(L, root, s);
}

static void bind_settings_file(deck_loader *L, const cJSON *root, void *d)
{
    bind_settings(L, root, d);
}

/* Moves deck.json's held-back diagnostics to `out`. */
static void flush_settings(deck_loader *L, diag_list *settings_diags, diag_list *out)
{
    L->diags = *settings_diags;
    *settings_diags = (diag_list){0};
    flush_diags(L, out, NULL);
}

/* deck.json where it is not read: in the deck folder itself (it belongs in
 * slides/), or in slides/ spelt with capitals ("Deck.json"). */
static void warn_misplaced_settings(const char *dir, const char *slides_dir, diag_list *diags)
{
    const char *where[2] = {dir, slides_dir};
    for (int k = 0; k < 2; k++) {
        DIR *dh = opendir(where[k]);
        struct dirent *de;
        while (dh && (de = readdir(dh))) {
            if (strcasecmp(de->d_name, DECK_SETTINGS_FILE) != 0)
                continue;
            if (k == 0) {
                diag_msg(diags, DIAG_WARNING, de->d_name, 1, 1, MSG_DECK_SETTINGS_IN_ROOT);
            } else if (strcmp(de->d_name, DECK_SETTINGS_FILE) != 0) {
                char path[300];
                snprintf(path, sizeof path, DECK_SLIDES_DIR "/%s", de->d_name);
                diag_msg(diags, DIAG_WARNING, path, 1, 1, MSG_DECK_SETTINGS_CASE, path);
            }
        }
        if (dh)
            closedir(dh);
    }
}

/* A deck written in one language has no translations to miss: the warnings
 * the binder wrote for texts without one are dropped (from index `from`). */
static void drop_translation_warnings(diag_list *diags, size_t from)
{
    size_t kept = from;
    for (size_t i = from; i < diags->n; i++) {
        if (diags->items[i].id == (int)MSG_TEXT_NO_TRANSLATION) {
            free(diags->items[i].path);
            free(diags->items[i].message);
        } else {
            diags->items[kept++] = diags->items[i];
        }
    }
    diags->n = kept;
}

/* Every way out passes through `done`, which frees what was built so far;
 * only running out of memory (L.nomem) costs the whole deck. */
deck *deck_load(const char *dir, const char *font_dir, diag_list *diags)
{
    return deck_load_keeping(dir, font_dir, NULL, diags);
}

deck *deck_load_keeping(const char *dir, const char *font_dir, const deck *last_good,
                        diag_list *diags)
{
    deck *d = calloc(1, sizeof *d);
    deck_loader L = {.dir = dir, .font_dir = font_dir ? font_dir : "fonts",
                     .diags = {.lang = diags->lang}};
    size_t first_diag = diags->n;
    char **names = NULL;
    size_t n_names = 0;
    char *slides_dir = NULL;
    char *settings_path = NULL;
    diag_list settings_diags = {0};
    bool settings_held = false;
    struct stat st;
    if (!d || !(d->dir = strdup(dir))) {
        L.nomem = true;
        goto done;
    }
    bind_settings_defaults(&L, d);
    if (L.nomem)
        goto done;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_msg(diags, DIAG_ERROR, dir, 1, 1, MSG_DECK_NO_FOLDER);
        goto done;
    }
    L.dir_real = realpath(dir, NULL);
    slides_dir = deck_files_join(dir, DECK_SLIDES_DIR);
    settings_path = deck_files_join(dir, DECK_SLIDES_DIR "/" DECK_SETTINGS_FILE);
    if (!slides_dir || !settings_path) {
        L.nomem = true;
        goto done;
    }
    if (stat(slides_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_msg(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1, MSG_DECK_NO_SLIDES_FOLDER);
        warn_misplaced_settings(dir, slides_dir, diags);
        goto done;
    }
    warn_misplaced_settings(dir, slides_dir, diags);

    if (stat(settings_path, &st) == 0) {
        L.file = DECK_SLIDES_DIR "/" DECK_SETTINGS_FILE;
        load_file(&L, d, bind_settings_file);
        if (last_good && diag_count(&L.diags, DIAG_ERROR) > 0 &&
            deck_settings_copy(d, last_good) != 0) {
            L.nomem = true;
            goto done;
        }
        /* Held back so that every file's diagnostics come in name order. */
        settings_diags = L.diags;
        L.diags = (diag_list){.lang = diags->lang};
        settings_held = true;
    }
    L.settings = d;

    int rc = deck_files_list_slides(slides_dir, &names, &n_names);
    if (rc == -2) {
        L.nomem = true;
        goto done;
    }
    if (rc != 0) {
        diag_msg(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1, MSG_DECK_SLIDES_UNREADABLE,
                 strerror(errno));
        goto done;
    }
    if (n_names == 0)
        diag_msg(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1, MSG_DECK_NO_SLIDES);
    if (n_names > DECK_MAX_SLIDES) {
        diag_msg(diags, DIAG_ERROR, DECK_SLIDES_DIR "/", 1, 1, MSG_DECK_TOO_MANY_SLIDES,
                 n_names, DECK_MAX_SLIDES, DECK_MAX_SLIDES);
        for (size_t i = DECK_MAX_SLIDES; i < n_names; i++)
            free(names[i]);
        n_names = DECK_MAX_SLIDES;
    }
    d->slides = calloc(n_names ? n_names : 1, sizeof *d->slides);
    if (!d->slides) {
        L.nomem = true;
        goto done;
    }
    for (size_t i = 0; i < n_names && !L.nomem; i++) {
        if (settings_held && strcmp(names[i], DECK_SETTINGS_FILE) > 0) {
            flush_settings(&L, &settings_diags, diags);
            settings_held = false;
        }
        slide *s = &d->slides[d->n_slides++];
        if (asprintf(&s->file, DECK_SLIDES_DIR "/%s", names[i]) < 0) {
            s->file = NULL;
            L.nomem = true;
            break;
        }
        L.file = s->file;
        s->type = SLIDE_BROKEN;
        load_file(&L, s, bind_slide_file);
        char *error = NULL;
        flush_diags(&L, diags, &error);
        if (error) {
            s->type = SLIDE_BROKEN;
            s->error = error;
        }
    }
done:
    if (settings_held && !L.nomem)
        flush_settings(&L, &settings_diags, diags);
    if (d && !L.nomem) {
        if (!deck_bilingual(d))
            drop_translation_warnings(diags, first_diag);
        deck_show_language(d, d->language);
    }
    diag_list_clear(&settings_diags);
    diag_list_clear(&L.diags);
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    free(names);
    free(slides_dir);
    free(settings_path);
    free(L.dir_real);
    if (L.nomem) {
        deck_free(d);
        d = NULL;
    }
    return d;
}

static void slide_clear(slide *s)
{
    free(s->file);
    free(s->error);
    format_free(&format_slide_table, s);
    deck_translations_free(&s->other);
}

void deck_free(deck *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_slides; i++)
        slide_clear(&d->slides[i]);
    free(d->slides);
    free(d->dir);
    format_free(&format_settings_table, d);
    deck_translations_free(&d->other);
    free(d);
}

char *deck_path(const deck *d, const char *relative)
{
    return deck_files_join(d->dir, relative);
}

const char *deck_slide_type_name(slide_type t)
{
    if (t == SLIDE_BROKEN)
        return "broken";
    return (unsigned)t < FORMAT_SLIDE_TYPES
               ? format_slide_type_names[t]
               : "unknown";
}

const char *deck_transition_name(transition_type t)
{
    return (unsigned)t < FORMAT_TRANSITIONS
               ? format_transition_names[t]
               : "unknown";
}

double deck_item_full_scale(const slide *s, const stat_item *it)
{
    if (it->has_max)
        return it->max;
    if (s->type == SLIDE_CHART && s->chart == CHART_PROGRESS && it->unit &&
        strcmp(it->unit, "%") == 0)
        return 100;
    return 0;
}

long long deck_max_image_pixels(const deck *d)
{
    return llround(d->max_image_megapixels * 1e6);
}

size_t deck_playable_count(const deck *d)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->n_slides; i++)
        n += d->slides[i].type != SLIDE_BROKEN;
    return n;
}
