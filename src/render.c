#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim.h"
#include "images.h"
#include "utf8.h"

#define TEXT_CACHE_MAX 768     /* rasterised lines kept */
#define DIGIT_ATLAS_MAX 24     /* (size, colour) digit sets kept */
#define KEN_BURNS_ZOOM 0.08    /* a photo grows by 8 % over its slide */
#define KEN_BURNS_OVERSCAN 1.1 /* decoded this much larger, so zoom stays sharp */
#define BADGE_FADE_MS 350      /* a growth badge fades in after its figure lands */
#define MAX_CHAPTERS 16

typedef struct {
    char *text;
    int px;
    bool bold;
    Uint32 rgb;
    SDL_Texture *tex;
    int w, h;
    unsigned long last_use;
} text_entry;

/* Digits and number punctuation at one size and colour, each in a cell as
 * wide as '0' so figures are tabular and do not jitter while counting. */
typedef struct {
    int px;
    Uint32 rgb;
    SDL_Texture *glyph[16]; /* "0123456789.,- " */
    int w[16], h;
    int cell; /* advance of a digit */
    int ascent;
    unsigned long last_use;
} digit_atlas;

static const char ATLAS_CHARS[] = "0123456789.,- ";

typedef struct {
    bool valid;
    slide_layout layout;
} layout_slot;

struct render_ctx {
    SDL_Renderer *r;
    const deck *d;
    int out_w, out_h;
    double canvas_w, canvas_h, scale;
    font_set *fonts;
    image_cache *images;
    layout_slot *layouts;
    size_t n_layouts;
    text_entry text[TEXT_CACHE_MAX];
    int n_text;
    digit_atlas atlas[DIGIT_ATLAS_MAX];
    int n_atlas;
    unsigned long clock;
    SDL_Texture *target[2]; /* off-screen slides for transitions */
    /* What does not move on an animated slide (background, panels, labels),
     * drawn once: a counting frame then costs one copy and the figures. */
    struct {
        SDL_Texture *tex;
        size_t slide;
        bool valid;
        unsigned long last_use;
    } layer[2];
    bool moving;            /* something in this frame still moves */
    bool no_caching;        /* benchmarks: rasterise text every frame */
    /* chapters, in order of first appearance */
    const char *chapter_name[MAX_CHAPTERS];
    size_t n_chapters;
    SDL_Rect chapter_rect[MAX_CHAPTERS];
    SDL_Rect staff_rect[2]; /* reload, quit; empty when the overlay is closed */
};

/* ---- measuring through the fonts, in canvas units ----------------------- */

static double measure(void *ctx, const char *s, size_t len, int px, bool bold)
{
    render_ctx *rc = ctx;
    int screen_px = (int)lround(px * rc->scale);
    if (screen_px < 1)
        screen_px = 1;
    return fonts_width(rc->fonts, s, len, screen_px, bold) / rc->scale;
}

static int spx(const render_ctx *rc, double canvas_px)
{
    int p = (int)lround(canvas_px * rc->scale);
    return p < 1 ? 1 : p;
}

static SDL_Rect to_screen(const render_ctx *rc, double x, double y, double w, double h)
{
    int x0 = (int)lround(x * rc->scale), y0 = (int)lround(y * rc->scale);
    int x1 = (int)lround((x + w) * rc->scale), y1 = (int)lround((y + h) * rc->scale);
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* ---- caches --------------------------------------------------------------- */

static void drop_text_cache(render_ctx *rc)
{
    for (int i = 0; i < rc->n_text; i++) {
        free(rc->text[i].text);
        SDL_DestroyTexture(rc->text[i].tex);
    }
    rc->n_text = 0;
    for (int i = 0; i < rc->n_atlas; i++)
        for (int k = 0; k < 16; k++)
            if (rc->atlas[i].glyph[k])
                SDL_DestroyTexture(rc->atlas[i].glyph[k]);
    rc->n_atlas = 0;
}

static void drop_layouts(render_ctx *rc)
{
    for (size_t i = 0; i < rc->n_layouts; i++)
        if (rc->layouts[i].valid)
            layout_free(&rc->layouts[i].layout);
    free(rc->layouts);
    rc->layouts = NULL;
    rc->n_layouts = 0;
}

static Uint32 pack(SDL_Color c)
{
    return ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
}

/* A texture of one line of text at a screen pixel size; owned by the cache. */
static text_entry *text_texture(render_ctx *rc, const char *s, int px, bool bold, SDL_Color col)
{
    Uint32 rgb = pack(col);
    rc->clock++;
    for (int i = 0; i < rc->n_text; i++) {
        text_entry *e = &rc->text[i];
        if (e->px == px && e->bold == bold && e->rgb == rgb && strcmp(e->text, s) == 0) {
            e->last_use = rc->clock;
            return e;
        }
    }
    SDL_Surface *surf = fonts_render(rc->fonts, s, px, bold, col);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(rc->r, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    int slot = rc->n_text;
    if (slot == TEXT_CACHE_MAX) {
        slot = 0;
        for (int i = 1; i < rc->n_text; i++)
            if (rc->text[i].last_use < rc->text[slot].last_use)
                slot = i;
        free(rc->text[slot].text);
        SDL_DestroyTexture(rc->text[slot].tex);
    } else {
        rc->n_text++;
    }
    rc->text[slot] = (text_entry){strdup(s), px, bold, rgb, tex, w, h, rc->clock};
    if (!rc->text[slot].text) {
        SDL_DestroyTexture(tex);
        rc->text[slot] = rc->text[--rc->n_text];
        return NULL;
    }
    return &rc->text[slot];
}

static digit_atlas *atlas_for(render_ctx *rc, int px, SDL_Color col)
{
    Uint32 rgb = pack(col);
    rc->clock++;
    for (int i = 0; i < rc->n_atlas; i++)
        if (rc->atlas[i].px == px && rc->atlas[i].rgb == rgb) {
            rc->atlas[i].last_use = rc->clock;
            return &rc->atlas[i];
        }
    int slot = rc->n_atlas;
    if (slot == DIGIT_ATLAS_MAX) {
        slot = 0;
        for (int i = 1; i < rc->n_atlas; i++)
            if (rc->atlas[i].last_use < rc->atlas[slot].last_use)
                slot = i;
        for (int k = 0; k < 16; k++)
            if (rc->atlas[slot].glyph[k])
                SDL_DestroyTexture(rc->atlas[slot].glyph[k]);
    } else {
        rc->n_atlas++;
    }
    digit_atlas *a = &rc->atlas[slot];
    memset(a, 0, sizeof *a);
    a->px = px;
    a->rgb = rgb;
    a->last_use = rc->clock;
    a->ascent = fonts_ascent(rc->fonts, px, true);
    a->cell = fonts_width(rc->fonts, "0", 1, px, true);
    for (int k = 0; ATLAS_CHARS[k]; k++) {
        char one[2] = {ATLAS_CHARS[k], 0};
        a->w[k] = fonts_width(rc->fonts, one, 1, px, true);
        SDL_Surface *s = ATLAS_CHARS[k] == ' ' ? NULL : fonts_render(rc->fonts, one, px, true, col);
        if (s) {
            a->glyph[k] = SDL_CreateTextureFromSurface(rc->r, s);
            if (a->glyph[k])
                SDL_SetTextureBlendMode(a->glyph[k], SDL_BLENDMODE_BLEND);
            a->h = s->h;
            SDL_FreeSurface(s);
        }
    }
    return a;
}

/* Advance of one figure character: digits take the '0' cell. */
static int atlas_advance(const digit_atlas *a, char ch)
{
    if (ch >= '0' && ch <= '9')
        return a->cell;
    const char *p = strchr(ATLAS_CHARS, ch);
    return p ? a->w[p - ATLAS_CHARS] : a->cell;
}

static int atlas_width(const digit_atlas *a, const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += atlas_advance(a, *s);
    return w;
}

/* Draws s with its baseline at y, starting at x; returns the width. */
static int atlas_draw(render_ctx *rc, const digit_atlas *a, const char *s, int x, int baseline,
                      Uint8 alpha)
{
    int x0 = x;
    int top = baseline - a->ascent - FONTS_RENDER_PAD(a->px);
    for (; *s; s++) {
        const char *p = strchr(ATLAS_CHARS, *s);
        int adv = atlas_advance(a, *s);
        if (p && a->glyph[p - ATLAS_CHARS]) {
            SDL_Texture *t = a->glyph[p - ATLAS_CHARS];
            int gw = a->w[p - ATLAS_CHARS];
            int tw, th;
            SDL_QueryTexture(t, NULL, NULL, &tw, &th);
            SDL_SetTextureAlphaMod(t, alpha);
            SDL_Rect dst = {x + (adv - gw) / 2, top, tw, th};
            SDL_RenderCopy(rc->r, t, NULL, &dst);
        }
        x += adv;
    }
    return x - x0;
}

/* ---- colours --------------------------------------------------------------- */

static SDL_Color rgb(deck_rgb c)
{
    return (SDL_Color){c.r, c.g, c.b, 255};
}

static SDL_Color mix(SDL_Color a, SDL_Color b, double t)
{
    return (SDL_Color){(Uint8)lround(a.r + (b.r - a.r) * t), (Uint8)lround(a.g + (b.g - a.g) * t),
                       (Uint8)lround(a.b + (b.b - a.b) * t), 255};
}

static SDL_Color role_color(const render_ctx *rc, layout_role role)
{
    const deck_theme *t = &rc->d->theme;
    switch (role) {
    case ROLE_TEXT: return rgb(t->text);
    case ROLE_MUTED: return mix(rgb(t->text), rgb(t->background), 0.3);
    case ROLE_ACCENT: return rgb(t->accent);
    case ROLE_PANEL: return rgb(t->text);
    case ROLE_DARK: return (SDL_Color){0, 0, 0, 255};
    case ROLE_ERROR: return (SDL_Color){214, 64, 52, 255};
    case ROLE_NEGATIVE: return (SDL_Color){92, 170, 230, 255};
    }
    return rgb(t->text);
}

/* ---- life cycle -------------------------------------------------------------- */

static void find_chapters(render_ctx *rc)
{
    rc->n_chapters = 0;
    for (size_t i = 0; i < rc->d->n_slides; i++) {
        const char *c = rc->d->slides[i].chapter;
        if (!c || rc->d->slides[i].type == SLIDE_BROKEN)
            continue;
        bool seen = false;
        for (size_t k = 0; k < rc->n_chapters; k++)
            seen |= strcmp(rc->chapter_name[k], c) == 0;
        if (!seen && rc->n_chapters < MAX_CHAPTERS)
            rc->chapter_name[rc->n_chapters++] = c;
    }
}

static void size_changed(render_ctx *rc)
{
    drop_layouts(rc);
    drop_text_cache(rc);
    for (int i = 0; i < 2; i++) {
        if (rc->target[i])
            SDL_DestroyTexture(rc->target[i]);
        rc->target[i] = NULL;
        if (rc->layer[i].tex)
            SDL_DestroyTexture(rc->layer[i].tex);
        rc->layer[i].tex = NULL;
        rc->layer[i].valid = false;
    }
    layout_canvas(rc->d, rc->out_w, rc->out_h, &rc->canvas_w, &rc->canvas_h, &rc->scale);
    rc->layouts = calloc(rc->d->n_slides ? rc->d->n_slides : 1, sizeof *rc->layouts);
    rc->n_layouts = rc->layouts ? rc->d->n_slides : 0;
    find_chapters(rc);
}

render_ctx *render_new(SDL_Renderer *r, const deck *d, int out_w, int out_h,
                       bool threaded_images, const char **err)
{
    render_ctx *rc = calloc(1, sizeof *rc);
    if (!rc) {
        *err = "out of memory";
        return NULL;
    }
    rc->r = r;
    rc->d = d;
    rc->out_w = out_w;
    rc->out_h = out_h;
    rc->fonts = fonts_new(d->theme.font, d->theme.font_bold,
                          KIOSK_FONT_DIR "/" DECK_FONT_REGULAR, KIOSK_FONT_DIR "/" DECK_FONT_BOLD,
                          err);
    rc->images = images_new(r, d->dir, threaded_images);
    if (!rc->fonts || !rc->images) {
        if (rc->fonts)
            *err = "cannot start the image decoder";
        render_free(rc);
        return NULL;
    }
    size_changed(rc);
    return rc;
}

void render_free(render_ctx *rc)
{
    if (!rc)
        return;
    drop_layouts(rc);
    drop_text_cache(rc);
    for (int i = 0; i < 2; i++) {
        if (rc->target[i])
            SDL_DestroyTexture(rc->target[i]);
        if (rc->layer[i].tex)
            SDL_DestroyTexture(rc->layer[i].tex);
    }
    images_free(rc->images);
    fonts_free(rc->fonts);
    free(rc);
}

void render_set_deck(render_ctx *rc, const deck *d)
{
    rc->d = d;
    images_forget(rc->images);
    size_changed(rc);
}

void render_resize(render_ctx *rc, int out_w, int out_h)
{
    if (out_w == rc->out_w && out_h == rc->out_h)
        return;
    rc->out_w = out_w;
    rc->out_h = out_h;
    size_changed(rc);
}

double render_scale(const render_ctx *rc)
{
    return rc->scale;
}

font_set *render_fonts(render_ctx *rc)
{
    return rc->fonts;
}

void render_set_caching(render_ctx *rc, bool on)
{
    rc->no_caching = !on;
}

bool render_images_busy(render_ctx *rc)
{
    return images_busy(rc->images);
}

bool render_pump_images(render_ctx *rc)
{
    return images_pump(rc->images);
}

const slide_layout *render_layout(render_ctx *rc, size_t i)
{
    if (i >= rc->n_layouts)
        return NULL;
    layout_slot *slot = &rc->layouts[i];
    if (!slot->valid) {
        layout_measurer m = {measure, rc};
        if (layout_slide(rc->d, &rc->d->slides[i], rc->canvas_w, rc->canvas_h, &m,
                         &slot->layout) != 0)
            return NULL;
        slot->valid = true;
    }
    return &slot->layout;
}

/* An image box's picture from the cache, asked for at the size it is drawn,
 * so drawing and prefetching share one cache entry. *box is its place on
 * the output; NULL (with *st) unless the picture is ready. */
static SDL_Texture *box_picture(render_ctx *rc, const layout_box *b, SDL_Rect *box,
                                image_status *st)
{
    *box = to_screen(rc, b->x, b->y, b->w, b->h);
    *st = IMAGE_FAILED;
    if (box->w <= 0 || box->h <= 0)
        return NULL;
    return images_get(rc->images, b->image, box->w, box->h, b->fit,
                      b->ken_burns ? KEN_BURNS_OVERSCAN : 1.0, st);
}

void render_prefetch(render_ctx *rc, size_t i)
{
    const slide_layout *l = render_layout(rc, i);
    for (size_t k = 0; l && k < l->n; k++) {
        SDL_Rect box;
        image_status st;
        if (l->boxes[k].kind == LBOX_IMAGE)
            box_picture(rc, &l->boxes[k], &box, &st);
    }
}

/* ---- drawing boxes ---------------------------------------------------------- */

static void fill(render_ctx *rc, SDL_Rect r, SDL_Color c, double alpha)
{
    SDL_SetRenderDrawBlendMode(rc->r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(rc->r, c.r, c.g, c.b, (Uint8)lround(fmax(0, fmin(1, alpha)) * 255));
    SDL_RenderFillRect(rc->r, &r);
}

/* A vertical gradient, drawn as rows (the software renderer has no
 * gradient primitive); steps of 2 px are invisible at these slopes. */
static void shade(render_ctx *rc, SDL_Rect r, SDL_Color c, double alpha, bool dark_top)
{
    SDL_SetRenderDrawBlendMode(rc->r, SDL_BLENDMODE_BLEND);
    for (int y = 0; y < r.h; y += 2) {
        double t = (y + 1.0) / r.h;
        if (dark_top)
            t = 1 - t;
        double a = alpha * t * t * (3 - 2 * t); /* smoothstep: no visible edge */
        SDL_SetRenderDrawColor(rc->r, c.r, c.g, c.b, (Uint8)lround(a * 255));
        SDL_Rect row = {r.x, r.y + y, r.w, y + 2 <= r.h ? 2 : 1};
        SDL_RenderFillRect(rc->r, &row);
    }
}

static void draw_text(render_ctx *rc, const layout_box *b)
{
    const text_block *tb = &b->text;
    SDL_Color col = role_color(rc, b->role);
    int px = spx(rc, tb->px);
    int ascent = fonts_ascent(rc->fonts, px, b->bold);
    int height = fonts_height(rc->fonts, px, b->bold);
    for (size_t i = 0; i < tb->n_lines; i++) {
        const text_line *ln = &tb->lines[i];
        double y = b->y + text_line_top(tb, i);
        if (ln->text && *ln->text) {
            text_entry *e = text_texture(rc, ln->text, px, b->bold, col);
            if (e) {
                double x = b->x;
                if (b->align == ALIGN_CENTER)
                    x += (b->w - ln->width) / 2;
                else if (b->align == ALIGN_RIGHT)
                    x += b->w - ln->width;
                /* The glyphs sit centred in the line's box. */
                int line_top = (int)lround(y * rc->scale);
                int line_h = (int)lround(tb->line_height * rc->scale);
                int baseline = line_top + (line_h - height) / 2 + ascent;
                SDL_Rect dst = {(int)lround(x * rc->scale),
                                baseline - ascent - FONTS_RENDER_PAD(px), e->w, e->h};
                SDL_SetTextureAlphaMod(e->tex, 255);
                SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
            }
        }
    }
}

/* A tidy stand-in for a picture that cannot be shown: a quiet panel with
 * the file's name, never a black hole or a stretched texture. */
static void draw_placeholder(render_ctx *rc, SDL_Rect r, const char *path, bool pending)
{
    SDL_Color bg = rgb(rc->d->theme.background);
    SDL_Color fg = rgb(rc->d->theme.text);
    fill(rc, r, mix(bg, fg, 0.08), 1);
    if (pending)
        return; /* decoding: the panel alone, the picture arrives in a moment */
    SDL_Rect frame = {r.x + r.w / 2 - spx(rc, 60), r.y + r.h / 2 - spx(rc, 90), spx(rc, 120),
                      spx(rc, 90)};
    fill(rc, frame, mix(bg, fg, 0.25), 1);
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    char line[512];
    snprintf(line, sizeof line, "图片无法显示 · %s", name);
    text_entry *e = text_texture(rc, line, spx(rc, 28), false, mix(fg, bg, 0.35));
    if (e) {
        SDL_Rect dst = {r.x + (r.w - e->w) / 2, frame.y + frame.h + spx(rc, 24), e->w, e->h};
        if (dst.w > r.w) /* a long name: keep its start visible, clipped */
            dst.x = r.x;
        SDL_Rect clip = r;
        SDL_RenderSetClipRect(rc->r, &clip);
        SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
        SDL_RenderSetClipRect(rc->r, NULL);
    }
}

static void draw_image(render_ctx *rc, const layout_box *b, size_t slide_index, long long t_ms,
                       long long duration_ms)
{
    SDL_Rect box;
    image_status st;
    SDL_Texture *t = box_picture(rc, b, &box, &st);
    if (box.w <= 0 || box.h <= 0)
        return;
    if (!t) {
        draw_placeholder(rc, box, b->image, st == IMAGE_PENDING);
        if (st == IMAGE_PENDING)
            rc->moving = true;
        return;
    }
    int iw, ih;
    SDL_QueryTexture(t, NULL, NULL, &iw, &ih);
    double s = b->fit == FIT_COVER ? fmax((double)box.w / iw, (double)box.h / ih)
                                   : fmin((double)box.w / iw, (double)box.h / ih);
    double zoom = 1, pan_x = 0, pan_y = 0;
    if (b->ken_burns) {
        /* A slow drift: zoom in over the slide's duration, panning in a
         * direction that alternates from slide to slide. */
        double p = duration_ms > 0 ? fmin(1.0, (double)t_ms / duration_ms) : 0;
        double e = p * p * (3 - 2 * p) * 0.3 + p * 0.7; /* gentle start and end */
        zoom = 1 + KEN_BURNS_ZOOM * e;
        int dir = (int)(slide_index % 4);
        pan_x = (dir & 1 ? 1 : -1) * (e - 0.5) * 0.06;
        pan_y = (dir & 2 ? 1 : -1) * (e - 0.5) * 0.04;
        rc->moving = true;
    }
    double dw = iw * s * zoom, dh = ih * s * zoom;
    SDL_FRect dst = {(float)(box.x + (box.w - dw) / 2 + pan_x * box.w),
                     (float)(box.y + (box.h - dh) / 2 + pan_y * box.h), (float)dw, (float)dh};
    if (b->fit == FIT_COVER) {
        /* Never let the pan show an edge. */
        if (dst.x > box.x)
            dst.x = (float)box.x;
        if (dst.y > box.y)
            dst.y = (float)box.y;
        if (dst.x + dst.w < box.x + box.w)
            dst.x = (float)(box.x + box.w - dst.w);
        if (dst.y + dst.h < box.y + box.h)
            dst.y = (float)(box.y + box.h - dst.h);
    }
    SDL_RenderSetClipRect(rc->r, &box);
    SDL_SetTextureAlphaMod(t, 255);
    SDL_RenderCopyF(rc->r, t, NULL, &dst);
    SDL_RenderSetClipRect(rc->r, NULL);
}

/* prefix + number + unit on one baseline, centred on the figure's final
 * width so nothing moves while the number counts. */
/* Returns the figure's full width in output pixels. */
static int draw_figure(render_ctx *rc, const layout_box *b, const slide *s, long long t_ms,
                       double x_start, bool centred)
{
    const stat_item *it = &s->items[b->item];
    int px = spx(rc, b->px), small = spx(rc, b->small_px);
    SDL_Color col = role_color(rc, ROLE_ACCENT);
    SDL_Color unit_col = role_color(rc, ROLE_TEXT);
    digit_atlas *a = atlas_for(rc, px, col);
    char final[64], now[64];
    anim_final_text(final, sizeof final, it, s->separator);
    double prog = anim_item_progress(s, b->item, t_ms);
    anim_item_text(now, sizeof now, it, s->separator, s->easing, prog);
    if (prog < 1)
        rc->moving = true;
    int slot_w = atlas_width(a, final);
    int gap = (int)lround(px * 0.08);
    text_entry *pre = it->prefix ? text_texture(rc, it->prefix, small, true, unit_col) : NULL;
    text_entry *unit = it->unit ? text_texture(rc, it->unit, small, true, unit_col) : NULL;
    int pre_w = pre ? fonts_width(rc->fonts, it->prefix, strlen(it->prefix), small, true) : 0;
    int unit_w = unit ? fonts_width(rc->fonts, it->unit, strlen(it->unit), small, true) : 0;
    int icon = it->icon ? (int)lround(px * LAYOUT_ICON_SCALE) : 0;
    int total = slot_w + (pre ? pre_w + gap : 0) + (unit ? unit_w + gap : 0) +
                (icon ? icon + 2 * gap : 0);
    int x = centred ? (int)lround((b->x + b->w / 2) * rc->scale) - total / 2
                    : (int)lround(x_start * rc->scale);
    int baseline = (int)lround(b->baseline * rc->scale);
    int small_ascent = fonts_ascent(rc->fonts, small, true);
    if (icon) { /* beside the figure, its bottom on the baseline */
        image_status st;
        SDL_Rect box = {x, baseline - icon, icon, icon};
        SDL_Texture *t = images_get(rc->images, it->icon, icon, icon, FIT_CONTAIN, 1.0, &st);
        if (t) {
            int iw, ih;
            SDL_QueryTexture(t, NULL, NULL, &iw, &ih);
            double k = fmin((double)icon / iw, (double)icon / ih);
            SDL_Rect dst = {box.x + (icon - (int)(iw * k)) / 2, box.y + (icon - (int)(ih * k)) / 2,
                            (int)(iw * k), (int)(ih * k)};
            SDL_SetTextureAlphaMod(t, 255);
            SDL_RenderCopy(rc->r, t, NULL, &dst);
        } else if (st == IMAGE_PENDING) {
            rc->moving = true;
        }
        x += icon + 2 * gap;
    }
    if (pre) {
        SDL_Rect d = {x, baseline - small_ascent - FONTS_RENDER_PAD(small), pre->w, pre->h};
        SDL_RenderCopy(rc->r, pre->tex, NULL, &d);
        x += pre_w + gap;
    }
    /* Right-aligned in its slot: the last digit stays put, like an odometer. */
    atlas_draw(rc, a, now, x + slot_w - atlas_width(a, now), baseline, 255);
    x += slot_w + gap;
    if (unit) {
        SDL_Rect d = {x, baseline - small_ascent - FONTS_RENDER_PAD(small), unit->w, unit->h};
        SDL_RenderCopy(rc->r, unit->tex, NULL, &d);
    }
    return total;
}

/* "▲ 同比增长 108%" in a pill, fading in once its figure has landed. */

/* x_canvas is the badge's centre, left or right edge as `align` says. */
static void draw_badge(render_ctx *rc, const layout_box *b, const slide *s, long long t_ms,
                       double x_canvas, double y_canvas, layout_align align)
{
    const stat_item *it = &s->items[b->item];
    if (!anim_item_landed(s, b->item, t_ms))
        return;
    long long since = t_ms - (long long)(b->item * (size_t)s->stagger_ms) - s->count_duration_ms;
    double a = since >= BADGE_FADE_MS ? 1.0 : fmax(0, (double)since / BADGE_FADE_MS);
    if (a < 1)
        rc->moving = true;
    char text[160];
    layout_badge_text(text, sizeof text, it);
    int px = spx(rc, b->px);
    SDL_Color pill = role_color(rc, b->role);
    SDL_Color ink = rgb(rc->d->theme.background);
    text_entry *e = text_texture(rc, text, px, true, ink);
    if (!e)
        return;
    int tw = fonts_width(rc->fonts, text, strlen(text), px, true);
    int pad_x = (int)lround(px * 0.7), h = (int)lround(px * 1.7);
    int w = tw + 2 * pad_x;
    int x = (int)lround(x_canvas * rc->scale);
    if (align == ALIGN_CENTER)
        x -= w / 2;
    else if (align == ALIGN_RIGHT)
        x -= w;
    int y = (int)lround(y_canvas * rc->scale);
    /* Slides up a little as it fades in. */
    y += (int)lround((1 - a) * px * 0.5);
    SDL_Rect body = {x + h / 2, y, w - h, h};
    fill(rc, body, pill, a);
    /* Rounded ends: discs drawn as rows. */
    SDL_SetRenderDrawColor(rc->r, pill.r, pill.g, pill.b, (Uint8)lround(a * 255));
    for (int row = 0; row < h; row++) {
        double dy = row + 0.5 - h / 2.0;
        int half = (int)lround(sqrt(fmax(0, h * h / 4.0 - dy * dy)));
        /* The caps start exactly where the body ends: with an odd height
         * x + w - h / 2 would leave a one-pixel gap. */
        SDL_Rect l = {body.x - half, y + row, half, 1};
        SDL_Rect r = {body.x + body.w, y + row, half, 1};
        SDL_RenderFillRect(rc->r, &l);
        SDL_RenderFillRect(rc->r, &r);
    }
    int height = fonts_height(rc->fonts, px, true);
    SDL_Rect dst = {x + pad_x, y + (h - height) / 2 - FONTS_RENDER_PAD(px), e->w, e->h};
    SDL_SetTextureAlphaMod(e->tex, (Uint8)lround(a * 255));
    SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
}

static void draw_bar(render_ctx *rc, const layout_box *b, const slide *s, long long t_ms)
{
    double prog = anim_item_progress(s, b->item, t_ms);
    double eased = anim_ease(s->easing, prog);
    if (prog < 1)
        rc->moving = true;
    double len = b->w * b->fraction * eased;
    SDL_Rect bar = to_screen(rc, b->x, b->y, len, b->h);
    if (bar.w < 1 && b->fraction > 0 && prog > 0)
        bar.w = 1;
    SDL_Color acc = role_color(rc, ROLE_ACCENT);
    fill(rc, bar, acc, 1);
    /* a lighter cap gives the bar an end */
    SDL_Rect cap = {bar.x + bar.w - spx(rc, 6), bar.y, spx(rc, 6), bar.h};
    if (bar.w > spx(rc, 12))
        fill(rc, cap, mix(acc, (SDL_Color){255, 255, 255, 255}, 0.35), 1);
    /* The figure rides at the tip, centred on the bar. */
    double tip_x = b->x + len + 20; /* canvas px after the bar's end */
    int fig_w = draw_figure(rc, b, s, t_ms, tip_x, false);
    const stat_item *it = &s->items[b->item];
    if (it->has_growth) {
        /* Drawn once the figure has landed, so the bar is at full length. */
        layout_box badge = *b;
        badge.px = (int)lround(b->px * LAYOUT_TIP_BADGE_SCALE);
        badge.role = it->growth < 0 ? ROLE_NEGATIVE : ROLE_ACCENT;
        double bh = badge.px * 1.7;
        if (b->badge_right > 0)
            draw_badge(rc, &badge, s, t_ms, b->badge_right, b->badge_top, ALIGN_RIGHT);
        else
            draw_badge(rc, &badge, s, t_ms, tip_x + fig_w / rc->scale + 20,
                       b->y + (b->h - bh) / 2, ALIGN_LEFT);
    }
}

static void draw_background(render_ctx *rc, const slide *s)
{
    SDL_Color bg = s->has_background_color ? rgb(s->background_color) : rgb(rc->d->theme.background);
    SDL_SetRenderDrawBlendMode(rc->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(rc->r, bg.r, bg.g, bg.b, 255);
    SDL_RenderFillRect(rc->r, NULL);
    /* Depth: a soft darkening toward the bottom of plain backgrounds. */
    shade(rc, (SDL_Rect){0, rc->out_h / 3, rc->out_w, rc->out_h - rc->out_h / 3},
          (SDL_Color){0, 0, 0, 255}, 0.28, false);
}

static bool box_moves(const layout_box *b)
{
    return b->kind == LBOX_FIGURE || b->kind == LBOX_BADGE || b->kind == LBOX_BAR ||
           (b->kind == LBOX_IMAGE && b->ken_burns);
}

/* The canvas area a box may paint; a bar also paints its figure and badge
 * past its end. */
static void box_extent(const layout_box *b, double *x0, double *y0, double *x1, double *y1)
{
    *x0 = b->x;
    *y0 = b->y;
    *x1 = b->x + b->w + (b->kind == LBOX_BAR ? b->label_w + 40 : 0);
    *y1 = b->y + b->h;
}

/* A still box belongs in the slide's still layer when no moving box drawn
 * before it overlaps it: then drawing it early changes nothing. */
static bool box_in_layer(const slide_layout *l, size_t k)
{
    if (box_moves(&l->boxes[k]))
        return false;
    double ax0, ay0, ax1, ay1;
    box_extent(&l->boxes[k], &ax0, &ay0, &ax1, &ay1);
    for (size_t j = 0; j < k; j++) {
        if (!box_moves(&l->boxes[j]))
            continue;
        double bx0, by0, bx1, by1;
        box_extent(&l->boxes[j], &bx0, &by0, &bx1, &by1);
        if (ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1)
            return false;
    }
    return true;
}

static void draw_box(render_ctx *rc, const layout_box *b, size_t i, long long t_ms)
{
    const slide *s = &rc->d->slides[i];
    switch (b->kind) {
    case LBOX_IMAGE: draw_image(rc, b, i, t_ms, s->duration_ms); break;
    case LBOX_SHADE:
        shade(rc, to_screen(rc, b->x, b->y, b->w, b->h), role_color(rc, b->role), b->alpha,
              b->dark_top);
        break;
    case LBOX_FILL:
        fill(rc, to_screen(rc, b->x, b->y, b->w, b->h), role_color(rc, b->role), b->alpha);
        break;
    case LBOX_TEXT: draw_text(rc, b); break;
    case LBOX_FIGURE: draw_figure(rc, b, s, t_ms, b->x, true); break; /* width unused */
    case LBOX_BADGE: draw_badge(rc, b, s, t_ms, b->x + b->w / 2, b->y, ALIGN_CENTER); break;
    case LBOX_BAR: draw_bar(rc, b, s, t_ms); break;
    }
}

/* The still layer of slide i, drawn if needed; NULL when it cannot be kept
 * (no target textures, or a picture in it is still decoding). */
static SDL_Texture *still_layer(render_ctx *rc, size_t i, const slide_layout *l)
{
    int slot = -1;
    for (int k = 0; k < 2; k++)
        if (rc->layer[k].valid && rc->layer[k].slide == i)
            slot = k;
    rc->clock++;
    if (slot >= 0) {
        rc->layer[slot].last_use = rc->clock;
        return rc->layer[slot].tex;
    }
    slot = rc->layer[0].last_use <= rc->layer[1].last_use ? 0 : 1;
    if (!rc->layer[slot].tex) {
        rc->layer[slot].tex = SDL_CreateTexture(rc->r, SDL_PIXELFORMAT_ARGB8888,
                                                SDL_TEXTUREACCESS_TARGET, rc->out_w, rc->out_h);
        if (!rc->layer[slot].tex)
            return NULL;
        SDL_SetTextureBlendMode(rc->layer[slot].tex, SDL_BLENDMODE_NONE);
    }
    SDL_Texture *prev = SDL_GetRenderTarget(rc->r);
    if (SDL_SetRenderTarget(rc->r, rc->layer[slot].tex) != 0)
        return NULL;
    bool was_moving = rc->moving;
    rc->moving = false;
    draw_background(rc, &rc->d->slides[i]);
    for (size_t k = 0; k < l->n; k++)
        if (box_in_layer(l, k))
            draw_box(rc, &l->boxes[k], i, 0);
    bool pending = rc->moving; /* only a picture still decoding moves here */
    rc->moving = was_moving || pending;
    SDL_SetRenderTarget(rc->r, prev);
    rc->layer[slot].slide = i;
    rc->layer[slot].valid = !pending;
    rc->layer[slot].last_use = rc->clock;
    return rc->layer[slot].tex;
}

/* Draws slide i as it looks t_ms after it appeared. */
static void draw_slide(render_ctx *rc, size_t i, long long t_ms)
{
    const slide *s = &rc->d->slides[i];
    const slide_layout *l = render_layout(rc, i);
    if (!l) {
        draw_background(rc, s);
        return;
    }
    /* Every slide goes through its layer: a counting slide redraws only its
     * figures, and a transition composes two cached pictures. */
    SDL_Texture *layer = rc->no_caching ? NULL : still_layer(rc, i, l);
    if (layer) {
        SDL_RenderCopy(rc->r, layer, NULL, NULL);
        for (size_t k = 0; k < l->n; k++)
            if (!box_in_layer(l, k))
                draw_box(rc, &l->boxes[k], i, t_ms);
        return;
    }
    draw_background(rc, s);
    for (size_t k = 0; k < l->n; k++)
        draw_box(rc, &l->boxes[k], i, t_ms);
}

/* ---- chapters and overlay ----------------------------------------------------- */

static int chapter_of(const render_ctx *rc, size_t index)
{
    const char *name = NULL;
    for (size_t i = 0; i <= index && i < rc->d->n_slides; i++)
        if (rc->d->slides[i].chapter)
            name = rc->d->slides[i].chapter;
    for (size_t k = 0; name && k < rc->n_chapters; k++)
        if (strcmp(rc->chapter_name[k], name) == 0)
            return (int)k;
    return -1;
}

static void draw_chapter_bar(render_ctx *rc, int current)
{
    if (rc->n_chapters == 0)
        return;
    double h = LAYOUT_CHAPTER_BAR_H * fmin(rc->canvas_w, rc->canvas_h) / 1080.0;
    SDL_Rect bar = to_screen(rc, 0, rc->canvas_h - h, rc->canvas_w, h);
    fill(rc, bar, (SDL_Color){0, 0, 0, 255}, 0.45);
    int px = spx(rc, 24 * fmin(rc->canvas_w, rc->canvas_h) / 1080.0);
    int cell = bar.w / (int)rc->n_chapters;
    for (size_t k = 0; k < rc->n_chapters; k++) {
        bool on = (int)k == current;
        SDL_Color col = on ? role_color(rc, ROLE_ACCENT) : role_color(rc, ROLE_MUTED);
        SDL_Rect r = {bar.x + (int)k * cell, bar.y, cell, bar.h};
        rc->chapter_rect[k] = r;
        text_entry *e = text_texture(rc, rc->chapter_name[k], px, on, col);
        if (e) {
            int w = fonts_width(rc->fonts, rc->chapter_name[k], strlen(rc->chapter_name[k]), px, on);
            int height = fonts_height(rc->fonts, px, on);
            SDL_Rect dst = {r.x + (r.w - w) / 2, r.y + (r.h - height) / 2 - FONTS_RENDER_PAD(px),
                            e->w, e->h};
            SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
        }
        if (on)
            fill(rc, (SDL_Rect){r.x + r.w / 4, r.y, r.w / 2, spx(rc, 4)}, col, 1);
    }
}

int render_chapter_at(render_ctx *rc, int x, int y)
{
    for (size_t k = 0; k < rc->n_chapters; k++) {
        SDL_Rect r = rc->chapter_rect[k];
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h && r.w > 0)
            return (int)k;
    }
    return -1;
}

static void draw_overlay(render_ctx *rc, const player_view *v, const render_overlay *o)
{
    draw_chapter_bar(rc, o && o->current_chapter >= 0 ? o->current_chapter : chapter_of(rc, v->to));
    if (o && o->paused) {
        /* Two small bars in the top-right corner: present, not shouting. */
        int u = spx(rc, 1);
        int x = rc->out_w - 80 * u, y = 40 * u;
        fill(rc, (SDL_Rect){x - 14 * u, y - 12 * u, 52 * u, 60 * u}, (SDL_Color){0, 0, 0, 255}, 0.35);
        fill(rc, (SDL_Rect){x, y, 8 * u, 36 * u}, role_color(rc, ROLE_TEXT), 0.85);
        fill(rc, (SDL_Rect){x + 16 * u, y, 8 * u, 36 * u}, role_color(rc, ROLE_TEXT), 0.85);
    }
    rc->staff_rect[0] = rc->staff_rect[1] = (SDL_Rect){0, 0, 0, 0};
    if (o && o->staff_text) {
        int px = spx(rc, 26);
        SDL_Rect panel = {spx(rc, 40), spx(rc, 40), rc->out_w - spx(rc, 80), rc->out_h - spx(rc, 80)};
        fill(rc, panel, (SDL_Color){10, 12, 16, 255}, 0.92);
        int y = panel.y + spx(rc, 24);
        const char *p = o->staff_text;
        while (*p && y < panel.y + panel.h - px) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), p);
            text_entry *e = *line ? text_texture(rc, line, px, false, (SDL_Color){235, 235, 235, 255}) : NULL;
            if (e) {
                SDL_Rect dst = {panel.x + spx(rc, 24), y, e->w, e->h};
                SDL_RenderSetClipRect(rc->r, &panel);
                SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
                SDL_RenderSetClipRect(rc->r, NULL);
            }
            y += (int)(px * 1.5);
            p = nl ? nl + 1 : p + n;
        }
        /* Two large buttons along the bottom: fingers, not mouse pointers. */
        static const char *const labels[2] = {"重新载入 · Reload", "退出 · Quit"};
        int bh = spx(rc, 110), gap = spx(rc, 40);
        int bw = (panel.w - 3 * gap) / 2;
        for (int k = 0; k < 2; k++) {
            SDL_Rect r = {panel.x + gap + k * (bw + gap), panel.y + panel.h - gap - bh, bw, bh};
            rc->staff_rect[k] = r;
            fill(rc, r, k == 0 ? role_color(rc, ROLE_ACCENT) : role_color(rc, ROLE_ERROR), 0.9);
            int bpx = spx(rc, 40);
            text_entry *e = text_texture(rc, labels[k], bpx, true, (SDL_Color){255, 255, 255, 255});
            if (e) {
                int w = fonts_width(rc->fonts, labels[k], strlen(labels[k]), bpx, true);
                int h = fonts_height(rc->fonts, bpx, true);
                SDL_Rect dst = {r.x + (r.w - w) / 2, r.y + (r.h - h) / 2 - FONTS_RENDER_PAD(bpx),
                                e->w, e->h};
                SDL_RenderCopy(rc->r, e->tex, NULL, &dst);
            }
        }
    }
}

staff_button render_staff_button_at(const render_ctx *rc, int x, int y)
{
    for (int k = 0; k < 2; k++) {
        SDL_Rect r = rc->staff_rect[k];
        if (r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return (staff_button)k;
    }
    return STAFF_NONE;
}

/* ---- frames and transitions --------------------------------------------------- */

static SDL_Texture *target(render_ctx *rc, int k)
{
    if (!rc->target[k]) {
        rc->target[k] = SDL_CreateTexture(rc->r, SDL_PIXELFORMAT_ARGB8888,
                                          SDL_TEXTUREACCESS_TARGET, rc->out_w, rc->out_h);
        if (rc->target[k])
            SDL_SetTextureBlendMode(rc->target[k], SDL_BLENDMODE_BLEND);
    }
    return rc->target[k];
}

static void draw_to(render_ctx *rc, SDL_Texture *t, size_t index, long long t_ms)
{
    SDL_Texture *prev = SDL_GetRenderTarget(rc->r);
    SDL_SetRenderTarget(rc->r, t);
    draw_slide(rc, index, t_ms);
    SDL_SetRenderTarget(rc->r, prev);
}

static void copy(render_ctx *rc, SDL_Texture *t, double alpha, const SDL_Rect *src,
                 const SDL_FRect *dst)
{
    SDL_SetTextureAlphaMod(t, (Uint8)lround(fmax(0, fmin(1, alpha)) * 255));
    SDL_RenderCopyF(rc->r, t, src, dst);
}

bool render_frame(render_ctx *rc, const player_view *v, const render_overlay *o)
{
    rc->moving = false;
    if (rc->no_caching)
        drop_text_cache(rc);
    images_pump(rc->images);
    SDL_SetRenderDrawColor(rc->r, 0, 0, 0, 255);
    SDL_RenderClear(rc->r);
    if (rc->d->n_slides == 0 || v->to >= rc->d->n_slides)
        return false;
    SDL_Texture *ta = v->transitioning ? target(rc, 0) : NULL;
    SDL_Texture *tb = v->transitioning ? target(rc, 1) : NULL;
    if (!v->transitioning || !ta || !tb || v->from >= rc->d->n_slides) {
        draw_slide(rc, v->to, v->to_elapsed_ms);
    } else {
        rc->moving = true;
        draw_to(rc, ta, v->from, v->from_elapsed_ms);
        draw_to(rc, tb, v->to, v->to_elapsed_ms);
        double p = fmax(0, fmin(1, v->progress));
        float W = (float)rc->out_w, H = (float)rc->out_h;
        int dir = v->direction < 0 ? -1 : 1;
        switch (v->transition) {
        case TRANSITION_PUSH: {
            SDL_FRect a = {(float)(-dir * p * W), 0, W, H};
            SDL_FRect b = {(float)(dir * (1 - p) * W), 0, W, H};
            copy(rc, ta, 1, NULL, &a);
            copy(rc, tb, 1, NULL, &b);
            break;
        }
        case TRANSITION_WIPE: {
            /* The new slide is uncovered from the side it comes from. */
            int edge = (int)lround(p * W);
            SDL_FRect full = {0, 0, W, H};
            copy(rc, ta, 1, NULL, &full);
            SDL_Rect src = dir > 0 ? (SDL_Rect){rc->out_w - edge, 0, edge, rc->out_h}
                                   : (SDL_Rect){0, 0, edge, rc->out_h};
            SDL_FRect dst = {(float)src.x, 0, (float)src.w, H};
            if (src.w > 0)
                copy(rc, tb, 1, &src, &dst);
            break;
        }
        case TRANSITION_ZOOM: {
            double sa = 1 + 0.08 * p, sb = 0.92 + 0.08 * p;
            SDL_FRect a = {(float)(W * (1 - sa) / 2), (float)(H * (1 - sa) / 2), (float)(W * sa),
                           (float)(H * sa)};
            SDL_FRect b = {(float)(W * (1 - sb) / 2), (float)(H * (1 - sb) / 2), (float)(W * sb),
                           (float)(H * sb)};
            copy(rc, ta, 1, NULL, &a);
            copy(rc, tb, p, NULL, &b);
            break;
        }
        case TRANSITION_NONE:
        case TRANSITION_FADE:
        default: {
            SDL_FRect full = {0, 0, W, H};
            copy(rc, ta, 1, NULL, &full);
            copy(rc, tb, v->transition == TRANSITION_NONE ? 1 : p, NULL, &full);
            break;
        }
        }
    }
    draw_overlay(rc, v, o);
    return rc->moving;
}
