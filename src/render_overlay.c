/* What lies over the slides: the chapter bar, the pause mark, the 中/EN
 * button and the staff overlay, drawn where the layout placed them, and
 * which of them a tap at a pixel falls on. */
#include "render.h"

#include <stdint.h>

#include "boxes.h"
#include "paint.h"
#include "render_internal.h"
#include "staff.h"

/* Whether pixel (x, y) of the output falls in box b of the canvas. */
static bool hits(const painter *p, const layout_rect *b, int x, int y)
{
    SDL_Rect r = paint_rect(p, b->x, b->y, b->w, b->h);
    return r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* The chapter bar as slide i's layout places it, chapter `current`
 * highlighted. */
static void draw_chapter_bar(render_ctx *rc, size_t i, int current)
{
    rc->chapter_bar_slide = SIZE_MAX;
    const slide_layout *l = render_layout(rc, i);
    if (!l || l->n_chapter_slots == 0)
        return;
    rc->chapter_bar_slide = i;
    painter *p = &rc->paint;
    const layout_rect *band = &l->chapter_band;
    paint_fill(p, paint_rect(p, band->x, band->y, band->w, band->h), (SDL_Color){0, 0, 0, 255},
               0.45);
    int px = paint_px(p, l->chapter_px);
    for (size_t k = 0; k < l->n_chapter_slots; k++) {
        const layout_chapter_slot *cs = &l->chapter_slots[k];
        bool on = (int)k == current;
        SDL_Color col = paint_role(&rc->d->theme, on ? ROLE_ACCENT : ROLE_MUTED);
        paint_text_centred(p, cs->name, px, on, col,
                           paint_rect(p, cs->slot.x, cs->slot.y, cs->slot.w, cs->slot.h));
        if (on)
            paint_fill(p, paint_rect(p, cs->mark.x, cs->mark.y, cs->mark.w, cs->mark.h), col, 1);
    }
}

int render_chapter_at(render_ctx *rc, int x, int y)
{
    const slide_layout *l =
        rc->chapter_bar_slide == SIZE_MAX ? NULL : render_layout(rc, rc->chapter_bar_slide);
    for (size_t k = 0; l && k < l->n_chapter_slots; k++) {
        if (hits(&rc->paint, &l->chapter_slots[k].slot, x, y))
            return (int)k;
    }
    return -1;
}

bool render_language_button_at(render_ctx *rc, int x, int y)
{
    const slide_layout *l =
        rc->lang_button_slide == SIZE_MAX ? NULL : render_layout(rc, rc->lang_button_slide);
    return l && l->has_lang_button && hits(&rc->paint, &l->lang_panel, x, y);
}

/* The chapter the bar highlights for view v; -1 none. */
int render_bar_chapter(const player_view *v, const render_overlay *o)
{
    const chapters *table = o ? o->chapters : NULL;
    return o && o->current_chapter >= 0 ? o->current_chapter
           : table                       ? chapters_of_slide(table, v->to)
                                         : -1;
}

void render_draw_overlay(render_ctx *rc, const player_view *v, const render_overlay *o)
{
    painter *p = &rc->paint;
    const chapters *table = o ? o->chapters : NULL;
    int current = render_bar_chapter(v, o);
    if (table && table->n > 0)
        draw_chapter_bar(rc, v->to, current);
    else
        rc->chapter_bar_slide = SIZE_MAX;
    const slide_layout *l = o && o->paused ? render_layout(rc, v->to) : NULL;
    if (l) { /* present, not shouting */
        SDL_Color ink = paint_role(&rc->d->theme, ROLE_TEXT);
        const layout_rect *r = &l->pause_panel;
        paint_fill(p, paint_rect(p, r->x, r->y, r->w, r->h), (SDL_Color){0, 0, 0, 255}, 0.35);
        for (int k = 0; k < 2; k++) {
            r = &l->pause_bar[k];
            paint_fill(p, paint_rect(p, r->x, r->y, r->w, r->h), ink, 0.85);
        }
    }
    const slide_layout *lv = render_layout(rc, v->to);
    rc->lang_button_slide = lv && lv->has_lang_button ? v->to : SIZE_MAX;
    if (lv)
        boxes_paint_language_button(&rc->boxes, lv);
    rc->staff = (staff_hits){0};
    if (o && o->staff_text)
        staff_paint(p, &rc->d->theme, rc->out_w, rc->out_h, o->staff_text, &rc->staff);
}

staff_button render_staff_button_at(const render_ctx *rc, int x, int y)
{
    return staff_button_at(&rc->staff, x, y);
}
