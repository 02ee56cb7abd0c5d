/* The shipped fonts: every character the demo deck shows is in them (so it
 * renders the same on every machine, with no system font), fallback finds a
 * system face for a character they lack, and measuring behaves. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "deck.h"
#include "fonts.h"
#include "text_set.h"
#include "utf8.h"

static void check_text_covered(TTF_Font *reg, TTF_Font *bold, const char *file,
                               const char *field, const char *t)
{
    if (!t)
        return;
    size_t len = strlen(t);
    for (size_t p = 0; p < len;) {
        uint32_t cp;
        size_t n = utf8_decode(t + p, len - p, &cp);
        p += n ? n : 1;
        if (cp < 0x20)
            continue;
        CHECK(TTF_GlyphIsProvided32(reg, cp) && TTF_GlyphIsProvided32(bold, cp),
              "%s %s: U+%04X is missing from the shipped fonts (run tools/subset-fonts)", file,
              field, (unsigned)cp);
    }
}

/* text_set's table of which half of a mark is blank, against the ink of
 * the shipped faces: the half it takes away must hold no ink, or a line
 * would cut a mark in two. */
static void check_blank_halves(TTF_Font *font, const char *name)
{
    int checked = 0;
    for (uint32_t cp = 0x2000; cp <= 0xFFEF; cp++) {
        int half = text_blank_half(cp);
        if (half == 0 || !TTF_GlyphIsProvided32(font, cp))
            continue;
        int minx, maxx, miny, maxy, adv;
        if (TTF_GlyphMetrics32(font, cp, &minx, &maxx, &miny, &maxy, &adv) != 0)
            continue;
        checked++;
        if (half < 0)
            CHECK(minx >= adv / 2, "%s U+%04X: the left half should be blank, ink starts at %d of %d",
                  name, (unsigned)cp, minx, adv);
        else
            CHECK(maxx <= adv / 2, "%s U+%04X: the right half should be blank, ink ends at %d of %d",
                  name, (unsigned)cp, maxx, adv);
    }
    CHECK(checked >= 20, "%s: expected at least 20 marks with a blank half, checked %d", name,
          checked);
}

int main(void)
{
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    const char *reg_path = KIOSK_SOURCE_DIR "/fonts/NotoSansCJKsc-Regular.otf";
    const char *bold_path = KIOSK_SOURCE_DIR "/fonts/NotoSansCJKsc-Bold.otf";
    TTF_Font *reg = TTF_OpenFont(reg_path, 32), *bold = TTF_OpenFont(bold_path, 32);
    CHECK(reg && bold, "the shipped fonts open: %s", TTF_GetError());
    if (!reg || !bold)
        return check_done();

    check_blank_halves(reg, "regular");
    check_blank_halves(bold, "bold");

    /* 1. The demo deck needs nothing beyond the shipped fonts. */
    diag_list diags = {0};
    deck *d = deck_load(KIOSK_SOURCE_DIR, KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d && d->n_slides >= 18, "the demo deck loads");
    for (size_t i = 0; d && i < d->n_slides; i++) {
        const slide *s = &d->slides[i];
        const char *texts[] = {s->title, s->subtitle, s->body, s->caption, s->note, s->chapter};
        for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
            check_text_covered(reg, bold, s->file, "text", texts[k]);
        for (size_t k = 0; k < s->n_items; k++) {
            check_text_covered(reg, bold, s->file, "label", s->items[k].label);
            check_text_covered(reg, bold, s->file, "prefix", s->items[k].prefix);
            check_text_covered(reg, bold, s->file, "unit", s->items[k].unit);
            check_text_covered(reg, bold, s->file, "growth_label", s->items[k].growth_label);
        }
    }
    /* The renderer's own strings: badges, placeholders, the error panel. */
    check_text_covered(reg, bold, "render", "badge", "▲▼ 同比增长同比下降 0123456789.,-%…");
    check_text_covered(reg, bold, "render", "panel", "这张幻灯片有错误 · This slide has an error 图片无法显示");
    deck_free(d);
    diag_list_clear(&diags);

    /* 2. Fallback: 喆 is outside GB 2312, so not in the subset, but Debian's
     *    full Noto Sans CJK (fonts-noto-cjk) has it. */
    const char *err = NULL;
    font_set *fs = fonts_new(reg_path, bold_path, NULL, NULL, &err);
    CHECK(fs != NULL, "fonts_new: %s", err ? err : "");
    if (fs) {
        CHECK(!TTF_GlyphIsProvided32(reg, 0x5586), "the subset lacks 喆 (the fallback row needs it to)");
        CHECK(fonts_has_glyph(fs, 0x5586), "fallback finds a system font with 喆");
        CHECK(!fonts_has_glyph(fs, 0x10FFFD), "no font has a private-use plane-16 character");
        /* Widths: a CJK character is about one em; a figure string grows. */
        int w1 = fonts_width(fs, "忠", strlen("忠"), 40, false);
        CHECK(w1 >= 36 && w1 <= 44, "忠 at 40 px: expected ~40 px wide, got %d", w1);
        int wa = fonts_width(fs, "58.58", 5, 40, true), wb = fonts_width(fs, "58.58亿元", strlen("58.58亿元"), 40, true);
        CHECK(wb > wa + 70, "units add their width: %d then %d", wa, wb);
        int wf = fonts_width(fs, "喆", strlen("喆"), 40, true);
        CHECK(wf >= 36 && wf <= 44, "a fallback glyph is measured too: got %d", wf);
        SDL_Surface *line = fonts_render(fs, "测试喆 Test 108%", 32, false, (SDL_Color){255, 255, 255, 255});
        CHECK(line && line->w >= fonts_width(fs, "测试喆 Test 108%", strlen("测试喆 Test 108%"), 32, false),
              "a rendered line is as wide as measured");
        SDL_FreeSurface(line);
        CHECK(fonts_render(fs, "", 32, false, (SDL_Color){0, 0, 0, 255}) == NULL,
              "an empty line renders to nothing");
        fonts_free(fs);
    }
    fonts_free(NULL);
    CHECK(fonts_new("/nonexistent.otf", "/nonexistent-bold.otf", NULL, NULL, &err) == NULL && err,
          "missing fonts and no shipped ones are an error with a message");
    /* 3. A deck font that is missing or not a font: the shipped one stands
     *    in, and the warning names the file and the reason. */
    struct {
        const char *regular;
        const char *warning_part; /* NULL: no warning */
    } rows[] = {
        {reg_path, NULL},
        {"/nonexistent.otf", "the regular font /nonexistent.otf does not exist; the shipped font"},
        {KIOSK_SOURCE_DIR "/README.md", "README.md is not a font FreeType can read"},
        {KIOSK_SOURCE_DIR "/fonts", "fonts is a folder, not a file; the shipped font"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        err = NULL;
        fs = fonts_new(rows[i].regular, bold_path, reg_path, bold_path, &err);
        CHECK(fs != NULL, "row %zu: fonts_new falls back, got %s", i, err ? err : "NULL");
        const char *w = fonts_warning(fs, 0);
        if (rows[i].warning_part)
            CHECK(w && strstr(w, rows[i].warning_part), "row %zu: expected a warning with \"%s\", got \"%s\"",
                  i, rows[i].warning_part, w ? w : "(none)");
        else
            CHECK(!w, "row %zu: expected no warning, got \"%s\"", i, w);
        CHECK(!fonts_warning(fs, 1), "row %zu: the bold face is untouched", i);
        CHECK(fs && fonts_width(fs, "忠", strlen("忠"), 40, false) >= 36, "row %zu: text is measured", i);
        fonts_free(fs);
    }
    TTF_CloseFont(reg);
    TTF_CloseFont(bold);
    TTF_Quit();
    return check_done();
}
