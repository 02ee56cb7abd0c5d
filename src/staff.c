#include "staff.h"

#include <stdio.h>
#include <string.h>

void staff_paint(painter *p, const deck_theme *theme, int out_w, int out_h, const char *text,
                 staff_hits *hits)
{
    int px = paint_px(p, 26);
    SDL_Rect panel = {paint_px(p, 40), paint_px(p, 40), out_w - paint_px(p, 80),
                      out_h - paint_px(p, 80)};
    paint_fill(p, panel, (SDL_Color){10, 12, 16, 255}, 0.92);
    int y = panel.y + paint_px(p, 24);
    const char *s = text;
    while (*s && y < panel.y + panel.h - px) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), s);
        const paint_text_entry *e =
            *line ? paint_text(p, line, px, false, (SDL_Color){235, 235, 235, 255}) : NULL;
        if (e) {
            SDL_Rect dst = {panel.x + paint_px(p, 24), y, e->w, e->h};
            SDL_RenderSetClipRect(p->r, &panel);
            SDL_RenderCopy(p->r, e->tex, NULL, &dst);
            SDL_RenderSetClipRect(p->r, NULL);
        }
        y += (int)(px * 1.5);
        s = nl ? nl + 1 : s + n;
    }
    /* Two large buttons along the bottom: fingers, not mouse pointers. */
    static const char *const labels[2] = {"重新载入 · Reload", "退出 · Quit"};
    int bh = paint_px(p, 110), gap = paint_px(p, 40);
    int bw = (panel.w - 3 * gap) / 2;
    for (int k = 0; k < 2; k++) {
        SDL_Rect r = {panel.x + gap + k * (bw + gap), panel.y + panel.h - gap - bh, bw, bh};
        hits->button[k] = r;
        paint_fill(p, r, paint_role(theme, k == 0 ? ROLE_ACCENT : ROLE_ERROR), 0.9);
        paint_text_centred(p, labels[k], paint_px(p, 40), true, (SDL_Color){255, 255, 255, 255}, r);
    }
}

staff_button staff_button_at(const staff_hits *hits, int x, int y)
{
    for (int k = 0; k < 2; k++) {
        SDL_Rect r = hits->button[k];
        if (r.w > 0 && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return (staff_button)k;
    }
    return STAFF_NONE;
}
