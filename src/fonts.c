#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "readfile.h"
#include "utf8.h"

#define FONTS_MAX_FACES 96    /* (file, size) pairs kept open */
#define FONTS_MAX_FALLBACKS 8 /* distinct fallback files */
#define FONTS_MAX_FILE_BYTES (64u << 20) /* Noto CJK's whole collection is 30 MB */

typedef struct {
    int file; /* index into files[] */
    int px;
    TTF_Font *font;
    unsigned long last_use;
} face_entry;

struct font_set {
    char *files[2 + FONTS_MAX_FALLBACKS]; /* 0 regular, 1 bold, then fallbacks */
    int index[2 + FONTS_MAX_FALLBACKS];   /* face in a collection (.ttc) */
    /* The regular and bold files read whole: every size opens from memory,
     * so a file that vanishes or changes on disk while the show runs costs
     * nothing. Fallbacks (system fonts) open from their paths. */
    unsigned char *data[2];
    size_t size[2];
    char warning[2][600]; /* what fonts_new replaced, "" when nothing */
    int n_files;
    face_entry faces[FONTS_MAX_FACES];
    int n_faces;
    unsigned long clock;
    /* Code points already looked up in fontconfig: cp -> file index, -1 none. */
    struct { uint32_t cp; bool bold; int file; } *lookups;
    size_t n_lookups, cap_lookups;
};

static TTF_Font *face(font_set *fs, int file, int px)
{
    if (px < 1)
        px = 1;
    fs->clock++;
    for (int i = 0; i < fs->n_faces; i++) {
        if (fs->faces[i].file == file && fs->faces[i].px == px) {
            fs->faces[i].last_use = fs->clock;
            return fs->faces[i].font;
        }
    }
    TTF_Font *font;
    if (file < 2) {
        SDL_RWops *rw = SDL_RWFromConstMem(fs->data[file], (int)fs->size[file]);
        font = rw ? TTF_OpenFontIndexRW(rw, 1, px, 0) : NULL;
    } else {
        font = TTF_OpenFontIndex(fs->files[file], px, fs->index[file]);
    }
    if (!font)
        return NULL;
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    int slot = fs->n_faces;
    if (slot == FONTS_MAX_FACES) { /* evict the least recently used */
        slot = 0;
        for (int i = 1; i < fs->n_faces; i++)
            if (fs->faces[i].last_use < fs->faces[slot].last_use)
                slot = i;
        TTF_CloseFont(fs->faces[slot].font);
    } else {
        fs->n_faces++;
    }
    fs->faces[slot] = (face_entry){file, px, font, fs->clock};
    return font;
}

static bool file_opens(const char *path, int index)
{
    TTF_Font *f = path ? TTF_OpenFontIndex(path, 12, index) : NULL;
    if (f)
        TTF_CloseFont(f);
    return f != NULL;
}

/* Reads a font file whole and checks FreeType takes it. 0, or -1 with a
 * phrase that can follow the file's name. */
static int read_font(const char *path, unsigned char **data, size_t *size, char *why,
                     size_t cap)
{
    if (readfile_all(path, FONTS_MAX_FILE_BYTES, data, size, why, cap) != READFILE_OK)
        return -1;
    SDL_RWops *rw = SDL_RWFromConstMem(*data, (int)*size);
    TTF_Font *f = rw ? TTF_OpenFontIndexRW(rw, 1, 12, 0) : NULL;
    if (f) {
        TTF_CloseFont(f);
        return 0;
    }
    snprintf(why, cap, "is not a font FreeType can read (%s)", TTF_GetError());
    free(*data);
    *data = NULL;
    *size = 0;
    return -1;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

font_set *fonts_new(const char *regular_path, const char *bold_path,
                    const char *shipped_regular, const char *shipped_bold, const char **err)
{
    font_set *fs = calloc(1, sizeof *fs);
    if (!fs) {
        *err = "out of memory";
        return NULL;
    }
    const char *wanted[2] = {regular_path, bold_path};
    const char *shipped[2] = {shipped_regular, shipped_bold};
    const char *used[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        char why[300] = "is not given";
        if (wanted[k] && read_font(wanted[k], &fs->data[k], &fs->size[k], why, sizeof why) == 0) {
            used[k] = wanted[k];
            continue;
        }
        char why_shipped[300];
        if (shipped[k] && (!wanted[k] || strcmp(shipped[k], wanted[k]) != 0) &&
            read_font(shipped[k], &fs->data[k], &fs->size[k], why_shipped,
                      sizeof why_shipped) == 0) {
            used[k] = shipped[k];
            snprintf(fs->warning[k], sizeof fs->warning[k],
                     "the %s font %s %s; the shipped font %s is used instead",
                     k ? "bold" : "regular", wanted[k] ? wanted[k] : "(none)", why,
                     base_name(shipped[k]));
        }
    }
    /* One face can stand in for the other rather than have no text. */
    for (int k = 0; k < 2; k++) {
        if (used[k] || !used[1 - k])
            continue;
        fs->data[k] = malloc(fs->size[1 - k]);
        if (!fs->data[k])
            break;
        memcpy(fs->data[k], fs->data[1 - k], fs->size[1 - k]);
        fs->size[k] = fs->size[1 - k];
        used[k] = used[1 - k];
        snprintf(fs->warning[k], sizeof fs->warning[k],
                 "the %s font %s cannot be used; the %s face stands in", k ? "bold" : "regular",
                 wanted[k] ? wanted[k] : "(none)", k ? "regular" : "bold");
    }
    if (!used[0] || !used[1]) {
        *err = "cannot open the theme's fonts, nor the shipped ones";
        fonts_free(fs);
        return NULL;
    }
    fs->files[0] = strdup(used[0]);
    fs->files[1] = strdup(used[1]);
    fs->n_files = 2;
    if (!fs->files[0] || !fs->files[1]) {
        *err = "out of memory";
        fonts_free(fs);
        return NULL;
    }
    return fs;
}

const char *fonts_warning(const font_set *fs, int k)
{
    return fs && k >= 0 && k < 2 && fs->warning[k][0] ? fs->warning[k] : NULL;
}

void fonts_free(font_set *fs)
{
    if (!fs)
        return;
    for (int i = 0; i < fs->n_faces; i++)
        TTF_CloseFont(fs->faces[i].font);
    for (int i = 0; i < fs->n_files; i++)
        free(fs->files[i]);
    free(fs->data[0]);
    free(fs->data[1]);
    free(fs->lookups);
    free(fs);
}

/* Asks fontconfig for a file with a glyph for cp; the answer (or its
 * absence) is remembered, so each code point costs one query per run. */
static int fallback_file(font_set *fs, uint32_t cp, bool bold)
{
    for (size_t i = 0; i < fs->n_lookups; i++)
        if (fs->lookups[i].cp == cp && fs->lookups[i].bold == bold)
            return fs->lookups[i].file;
    int found = -1;
    FcPattern *pat = FcPatternCreate();
    FcCharSet *cs = FcCharSetCreate();
    if (pat && cs && FcCharSetAddChar(cs, cp)) {
        FcPatternAddCharSet(pat, FC_CHARSET, cs);
        FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern *match = FcFontMatch(NULL, pat, &res);
        FcChar8 *file = NULL;
        FcCharSet *mcs = NULL;
        int index = 0;
        if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetCharSet(match, FC_CHARSET, 0, &mcs) == FcResultMatch &&
            FcCharSetHasChar(mcs, cp)) {
            /* A collection (Noto CJK's .ttc) holds one face per region; the
             * match names the Simplified Chinese one asked for by FC_LANG. */
            if (FcPatternGetInteger(match, FC_INDEX, 0, &index) != FcResultMatch)
                index = 0;
            for (int i = 0; i < fs->n_files; i++)
                if (strcmp(fs->files[i], (const char *)file) == 0 && fs->index[i] == index)
                    found = i;
            if (found < 0 && fs->n_files < 2 + FONTS_MAX_FALLBACKS &&
                file_opens((const char *)file, index)) {
                fs->files[fs->n_files] = strdup((const char *)file);
                fs->index[fs->n_files] = index;
                if (fs->files[fs->n_files])
                    found = fs->n_files++;
            }
        }
        if (match)
            FcPatternDestroy(match);
    }
    if (cs)
        FcCharSetDestroy(cs);
    if (pat)
        FcPatternDestroy(pat);
    void *grown = grow_array(fs->lookups, &fs->cap_lookups, fs->n_lookups + 1,
                             sizeof *fs->lookups, 32);
    if (!grown)
        return found;
    fs->lookups = grown;
    fs->lookups[fs->n_lookups].cp = cp;
    fs->lookups[fs->n_lookups].bold = bold;
    fs->lookups[fs->n_lookups].file = found;
    fs->n_lookups++;
    return found;
}

/* Index of the file that draws cp: the wanted weight, the other weight, a
 * fontconfig fallback; -1 when nothing has it. Control characters and
 * spaces always belong to the primary face. */
static int file_for(font_set *fs, uint32_t cp, bool bold)
{
    int first = bold ? 1 : 0;
    TTF_Font *f = face(fs, first, 16);
    if (cp < 0x21 || (f && TTF_GlyphIsProvided32(f, cp)))
        return first;
    f = face(fs, 1 - first, 16);
    if (f && TTF_GlyphIsProvided32(f, cp))
        return 1 - first;
    return fallback_file(fs, cp, bold);
}

TTF_Font *fonts_face_for(font_set *fs, uint32_t cp, int px, bool bold)
{
    int file = file_for(fs, cp, bold);
    return face(fs, file < 0 ? (bold ? 1 : 0) : file, px);
}

bool fonts_has_glyph(font_set *fs, uint32_t cp)
{
    return file_for(fs, cp, false) >= 0;
}

/* Calls fn for each run of characters drawn by one file. */
typedef void (*run_fn)(void *ctx, int file, const char *s, size_t len);

static void for_each_run(font_set *fs, const char *utf8, size_t len, bool bold,
                         run_fn fn, void *ctx)
{
    size_t start = 0, i = 0;
    int run_file = -2;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(utf8 + i, len - i, &cp);
        if (n == 0)
            n = 1;
        int file = file_for(fs, cp, bold);
        if (file < 0)
            file = bold ? 1 : 0; /* drawn as the primary face's missing glyph */
        if (file != run_file && i > start) {
            fn(ctx, run_file, utf8 + start, i - start);
            start = i;
        }
        run_file = file;
        i += n;
    }
    if (i > start)
        fn(ctx, run_file, utf8 + start, i - start);
}

typedef struct {
    font_set *fs;
    int px;
    int width;
    SDL_Color color;
    SDL_Surface *out;
    int baseline;
} run_ctx;

static char *dup_run(const char *s, size_t len)
{
    char *t = malloc(len + 1);
    if (t) {
        memcpy(t, s, len);
        t[len] = 0;
    }
    return t;
}

static void measure_run(void *ctx, int file, const char *s, size_t len)
{
    run_ctx *rc = ctx;
    TTF_Font *f = face(rc->fs, file, rc->px);
    char *t = dup_run(s, len);
    int w = 0, h = 0;
    if (f && t && TTF_SizeUTF8(f, t, &w, &h) == 0)
        rc->width += w;
    free(t);
}

int fonts_width(font_set *fs, const char *utf8, size_t len, int px, bool bold)
{
    run_ctx rc = {.fs = fs, .px = px};
    for_each_run(fs, utf8, len, bold, measure_run, &rc);
    return rc.width;
}

int fonts_ascent(font_set *fs, int px, bool bold)
{
    TTF_Font *f = face(fs, bold ? 1 : 0, px);
    return f ? TTF_FontAscent(f) : px;
}

int fonts_height(font_set *fs, int px, bool bold)
{
    TTF_Font *f = face(fs, bold ? 1 : 0, px);
    return f ? TTF_FontAscent(f) - TTF_FontDescent(f) : px;
}

static void draw_run(void *ctx, int file, const char *s, size_t len)
{
    run_ctx *rc = ctx;
    TTF_Font *f = face(rc->fs, file, rc->px);
    char *t = dup_run(s, len);
    SDL_Surface *run = (f && t) ? TTF_RenderUTF8_Blended(f, t, rc->color) : NULL;
    free(t);
    if (!run)
        return;
    /* Runs from different fonts share the primary face's baseline. */
    SDL_SetSurfaceBlendMode(run, SDL_BLENDMODE_NONE);
    SDL_Rect dst = {rc->width, rc->baseline - TTF_FontAscent(f), run->w, run->h};
    SDL_BlitSurface(run, NULL, rc->out, &dst);
    rc->width += run->w;
    SDL_FreeSurface(run);
}

SDL_Surface *fonts_render(font_set *fs, const char *utf8, int px, bool bold,
                          SDL_Color color)
{
    size_t len = strlen(utf8);
    int w = fonts_width(fs, utf8, len, px, bold);
    if (w <= 0)
        return NULL;
    /* Room above and below the primary face for taller fallback glyphs. */
    int ascent = fonts_ascent(fs, px, bold);
    int height = fonts_height(fs, px, bold);
    int pad = FONTS_RENDER_PAD(px);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w + 2, height + 2 * pad, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    if (!out)
        return NULL;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, color.r, color.g, color.b, 0));
    run_ctx rc = {.fs = fs, .px = px, .color = color, .out = out, .baseline = ascent + pad};
    for_each_run(fs, utf8, len, bold, draw_run, &rc);
    return out;
}
