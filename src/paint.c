#include "paint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text_paint.h"

static const char DIGIT_CHARS[] = PAINT_DIGIT_CHARS;

static Uint32 pack(SDL_Color c)
{
    return ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
}

static void release_text(void *entry, void *ctx)
{
    paint_text_entry *e = entry;
    free(e->text);
    SDL_DestroyTexture(e->tex);
}

static void release_digits(void *entry, void *ctx)
{
    paint_digits *a = entry;
    for (int k = 0; k < 16; k++)
        if (a->glyph[k])
            SDL_DestroyTexture(a->glyph[k]);
}

int painter_init(painter *p, SDL_Renderer *r, font_set *fonts)
{
    *p = (painter){.r = r, .fonts = fonts, .scale = 1};
    if (lru_init(&p->text, PAINT_TEXT_CACHE_MAX, sizeof(paint_text_entry), release_text, NULL) != 0 ||
        lru_init(&p->digits, PAINT_DIGIT_ATLAS_MAX, sizeof(paint_digits), release_digits, NULL) != 0) {
        painter_free(p);
        return -1;
    }
    return 0;
}

void painter_free(painter *p)
{
    lru_free(&p->text);
    lru_free(&p->digits);
}

void painter_forget(painter *p)
{
    lru_clear(&p->text);
    lru_clear(&p->digits);
}

void paint_report(painter *p, const char *what)
{
    if (p->reported)
        return;
    p->reported = true;
    fprintf(stderr, "kiosk: cannot %s (%s); drawing goes on without it\n", what, SDL_GetError());
}

/* ---- geometry ---------------------------------------------------------------- */

int paint_px(const painter *p, double canvas_px)
{
    return layout_out_px(canvas_px, p->scale);
}

SDL_Rect paint_rect(const painter *p, double x, double y, double w, double h)
{
    int x0 = (int)lround(x * p->scale), y0 = (int)lround(y * p->scale);
    int x1 = (int)lround((x + w) * p->scale), y1 = (int)lround((y + h) * p->scale);
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* ---- colours ----------------------------------------------------------------- */

SDL_Color paint_rgb(deck_rgb c)
{
    return (SDL_Color){c.r, c.g, c.b, 255};
}

SDL_Color paint_mix(SDL_Color a, SDL_Color b, double t)
{
    return (SDL_Color){(Uint8)lround(a.r + (b.r - a.r) * t), (Uint8)lround(a.g + (b.g - a.g) * t),
                       (Uint8)lround(a.b + (b.b - a.b) * t), 255};
}

SDL_Color paint_role(const deck_theme *t, layout_role role)
{
    switch (role) {
    case ROLE_TEXT: return paint_rgb(t->text);
    case ROLE_MUTED: return paint_mix(paint_rgb(t->text), paint_rgb(t->background), 0.3);
    case ROLE_ACCENT: return paint_rgb(t->accent);
    case ROLE_PANEL: return paint_rgb(t->text);
    case ROLE_DARK: return (SDL_Color){0, 0, 0, 255};
    case ROLE_ERROR: return (SDL_Color){214, 64, 52, 255};
    case ROLE_NEGATIVE: return (SDL_Color){92, 170, 230, 255};
    }
    return paint_rgb(t->text);
}

/* ---- shapes ------------------------------------------------------------------ */

static Uint8 alpha_byte(double alpha)
{
    return (Uint8)lround(fmax(0, fmin(1, alpha)) * 255);
}

void paint_fill(painter *p, SDL_Rect r, SDL_Color c, double alpha)
{
    SDL_SetRenderDrawBlendMode(p->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(p->r, c.r, c.g, c.b, alpha_byte(alpha));
    SDL_RenderFillRect(p->r, &r);
}

/* Drawn as rows (the software renderer has no gradient primitive); steps
 * of 2 px are invisible at these slopes. */
void paint_shade(painter *p, SDL_Rect r, SDL_Color c, double alpha, bool dark_top)
{
    SDL_SetRenderDrawBlendMode(p->r, SDL_BLENDMODE_BLEND);
    for (int y = 0; y < r.h; y += 2) {
        double t = (y + 1.0) / r.h;
        if (dark_top)
            t = 1 - t;
        double a = alpha * t * t * (3 - 2 * t); /* smoothstep: no visible edge */
        SDL_SetRenderDrawColor(p->r, c.r, c.g, c.b, (Uint8)lround(a * 255));
        SDL_Rect row = {r.x, r.y + y, r.w, y + 2 <= r.h ? 2 : 1};
        SDL_RenderFillRect(p->r, &row);
    }
}

void paint_copy(painter *p, SDL_Texture *t, double alpha, const SDL_Rect *src,
                const SDL_FRect *dst)
{
    SDL_SetTextureAlphaMod(t, alpha_byte(alpha));
    SDL_RenderCopyF(p->r, t, src, dst);
}

/* ---- text -------------------------------------------------------------------- */

typedef struct {
    const char *text;
    int px;
    bool bold;
    Uint32 rgb;
} text_key;

static bool text_matches(const void *entry, const void *key)
{
    const paint_text_entry *e = entry;
    const text_key *k = key;
    return e->px == k->px && e->bold == k->bold && e->rgb == k->rgb && strcmp(e->text, k->text) == 0;
}

/* The cached picture named s: the plain text s, or with ln, text_paint_key's
 * name for ln's runs. */
static const paint_text_entry *cached_text(painter *p, const char *s, const text_line *ln,
                                           int px, bool bold, SDL_Color col)
{
    text_key key = {s, px, bold, pack(col)};
    paint_text_entry *e = lru_find(&p->text, text_matches, &key);
    if (e)
        return e;
    int left;
    SDL_Surface *surf = ln ? text_paint_line(p->fonts, ln, px, bold, col, p->scale, &left)
                           : fonts_render(p->fonts, s, px, bold, col);
    (void)left; /* paint_text_line knows it from the runs */
    if (!surf) {
        if (*s) /* an empty text has no picture, and that is no failure */
            paint_report(p, "rasterise a line of text");
        return NULL;
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(p->r, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) {
        paint_report(p, "create a texture for a line of text");
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    char *copy = strdup(s);
    if (!copy) {
        paint_report(p, "keep a line of text: out of memory");
        SDL_DestroyTexture(tex);
        return NULL;
    }
    bool evicted;
    e = lru_claim(&p->text, &evicted);
    if (!e) {
        free(copy);
        SDL_DestroyTexture(tex);
        return NULL;
    }
    if (evicted)
        release_text(e, NULL);
    *e = (paint_text_entry){copy, px, bold, key.rgb, tex, w, h};
    return e;
}

const paint_text_entry *paint_text(painter *p, const char *s, int px, bool bold, SDL_Color col)
{
    return cached_text(p, s, NULL, px, bold, col);
}

const paint_text_entry *paint_text_line(painter *p, const text_line *ln, int px, bool bold,
                                        SDL_Color col, int *left)
{
    *left = 0;
    if (text_paint_plain(ln))
        return cached_text(p, ln->text, NULL, px, bold, col);
    for (size_t k = 0; k < ln->n_runs; k++)
        *left = (int)fmin(*left, lround(ln->runs[k].x * p->scale));
    char *key = text_paint_key(ln, p->scale);
    const paint_text_entry *e = key ? cached_text(p, key, ln, px, bold, col) : NULL;
    free(key);
    return e;
}

void paint_text_centred(painter *p, const char *s, int px, bool bold, SDL_Color col, SDL_Rect r)
{
    const paint_text_entry *e = paint_text(p, s, px, bold, col);
    if (!e)
        return;
    int w = fonts_width(p->fonts, s, strlen(s), px, bold);
    int height = fonts_height(p->fonts, px, bold);
    SDL_Rect dst = {r.x + (r.w - w) / 2, r.y + (r.h - height) / 2 - FONTS_RENDER_PAD(px), e->w,
                    e->h};
    SDL_RenderCopy(p->r, e->tex, NULL, &dst);
}

/* ---- figures ----------------------------------------------------------------- */

typedef struct {
    int px;
    Uint32 rgb;
} digits_key;

static bool digits_match(const void *entry, const void *key)
{
    const paint_digits *a = entry;
    const digits_key *k = key;
    return a->px == k->px && a->rgb == k->rgb;
}

const paint_digits *paint_digits_for(painter *p, int px, SDL_Color col)
{
    digits_key key = {px, pack(col)};
    paint_digits *a = lru_find(&p->digits, digits_match, &key);
    if (a)
        return a;
    bool evicted;
    a = lru_claim(&p->digits, &evicted);
    if (!a)
        return NULL;
    if (evicted)
        release_digits(a, NULL);
    memset(a, 0, sizeof *a);
    a->px = px;
    a->rgb = key.rgb;
    a->ascent = fonts_ascent(p->fonts, px, true);
    a->cell = fonts_width(p->fonts, "0", 1, px, true);
    for (int k = 0; DIGIT_CHARS[k]; k++) {
        char one[2] = {DIGIT_CHARS[k], 0};
        a->w[k] = fonts_width(p->fonts, one, 1, px, true);
        SDL_Surface *s = DIGIT_CHARS[k] == ' ' ? NULL : fonts_render(p->fonts, one, px, true, col);
        if (s) {
            a->glyph[k] = SDL_CreateTextureFromSurface(p->r, s);
            if (a->glyph[k])
                SDL_SetTextureBlendMode(a->glyph[k], SDL_BLENDMODE_BLEND);
            else
                paint_report(p, "create a texture for a digit");
            a->h = s->h;
            SDL_FreeSurface(s);
        }
    }
    return a;
}

/* Advance of one figure character: digits take the '0' cell. */
static int digit_advance(const paint_digits *a, char ch)
{
    if (ch >= '0' && ch <= '9')
        return a->cell;
    const char *p = strchr(DIGIT_CHARS, ch);
    return p ? a->w[p - DIGIT_CHARS] : a->cell;
}

int paint_digits_width(const paint_digits *a, const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += digit_advance(a, *s);
    return w;
}

int paint_digits_draw(painter *p, const paint_digits *a, const char *s, int x, int baseline,
                      Uint8 alpha)
{
    int x0 = x;
    int top = baseline - a->ascent - FONTS_RENDER_PAD(a->px);
    for (; *s; s++) {
        const char *c = strchr(DIGIT_CHARS, *s);
        int adv = digit_advance(a, *s);
        if (c && a->glyph[c - DIGIT_CHARS]) {
            SDL_Texture *t = a->glyph[c - DIGIT_CHARS];
            int gw = a->w[c - DIGIT_CHARS];
            int tw, th;
            SDL_QueryTexture(t, NULL, NULL, &tw, &th);
            SDL_SetTextureAlphaMod(t, alpha);
            SDL_Rect dst = {x + (adv - gw) / 2, top, tw, th};
            SDL_RenderCopy(p->r, t, NULL, &dst);
        }
        x += adv;
    }
    return x - x0;
}
