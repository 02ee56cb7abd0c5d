/* qr: texts → QR codes (version, size, the finder pattern, the limits), and
 * the layout of a slide that carries one: on every slide type of
 * tests/data/decks/qr and on landscape, portrait and laptop canvases, the
 * card sits in the bottom-right corner above the chapter bar, and no text,
 * figure, badge or bar of the slide's own touches it. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "deck.h"
#include "layout.h"
#include "qr.h"

static void check_encoding(void)
{
    char at_limit[214], over[215];
    memset(at_limit, 'a', sizeof at_limit - 1);
    at_limit[sizeof at_limit - 1] = '\0';
    memset(over, 'a', sizeof over - 1);
    over[sizeof over - 1] = '\0';
    static const char chinese[] = "忠县以改革破题 续写新时代“鲁沈”帮扶情\n"
                                  "张亚飞 龙搏腾宇 罗兴华 图片由忠县水利局提供";
    const struct {
        const char *name, *text;
        int version; /* 0: refused */
        const char *why;
    } rows[] = {
        {"one letter", "M", 1, NULL},
        {"a URL", "https://example.org/zhongxian/2024?from=kiosk&lang=zh", 4, NULL},
        {"the demo's title and source line", chinese, 7, NULL},
        {"213 bytes: the most a version-10 code at level M holds", at_limit, 10, NULL},
        {"214 bytes", over, 0,
         "holds 214 bytes, more than a QR code readable from the screen carries (213; a "
         "Chinese character takes 3)"},
        {"empty", "", 0, "is empty"},
        {"NULL", NULL, 0, "is empty"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        qr_code q;
        char why[256] = "";
        int rc = qr_encode(rows[i].text, &q, why, sizeof why);
        if (!rows[i].version) {
            CHECK(rc == -1 && q.dark == NULL, "%s: expected a refusal, got version %d",
                  rows[i].name, q.version);
            CHECK_STR(why, rows[i].why, rows[i].name);
            CHECK(!qr_text_ok(rows[i].text, why, sizeof why), "%s: qr_text_ok", rows[i].name);
            continue;
        }
        CHECK(rc == 0, "%s: refused: %s", rows[i].name, why);
        if (rc != 0)
            continue;
        CHECK(q.version == rows[i].version, "%s: expected version %d, got %d", rows[i].name,
              rows[i].version, q.version);
        CHECK(q.width == 17 + 4 * q.version, "%s: expected %d modules, got %d", rows[i].name,
              17 + 4 * q.version, q.width);
        /* The top-left finder: a dark 7x7 ring, a light ring, a dark 3x3 core,
         * and the light separator after it. */
        static const char finder[8][9] = {"DDDDDDDL", "DLLLLLDL", "DLDDDLDL", "DLDDDLDL",
                                          "DLDDDLDL", "DLLLLLDL", "DDDDDDDL", "LLLLLLLL"};
        int wrong = 0;
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
                wrong += q.dark[y * q.width + x] != (finder[y][x] == 'D');
        CHECK(wrong == 0, "%s: %d modules of the finder pattern are wrong", rows[i].name, wrong);
        CHECK(qr_text_ok(rows[i].text, why, sizeof why), "%s: qr_text_ok: %s", rows[i].name, why);
        qr_free(&q);
        qr_free(&q); /* twice is safe */
    }
}

/* Every character as wide as half its size per byte: a crude but fixed font. */
static double fake_measure(void *ctx, const char *s, size_t len, int px, bool bold)
{
    return (double)len * px / 2.0;
}

static bool overlaps(const layout_box *a, const layout_box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void check_layout(void)
{
    diag_list diags = {0};
    deck *d = deck_load(KIOSK_TEST_DATA "/decks/qr", KIOSK_SOURCE_DIR "/fonts", &diags);
    CHECK(d && diag_count(&diags, DIAG_ERROR) == 0, "the qr deck should load without errors");
    if (!d)
        return;
    const int screens[][2] = {{1920, 1080}, {1080, 1920}, {1366, 768}, {768, 1366}};
    for (size_t k = 0; k < sizeof screens / sizeof screens[0]; k++) {
        double cw, ch, scale;
        layout_canvas(d, screens[k][0], screens[k][1], &cw, &ch, &scale);
        layout_measurer m = {fake_measure, NULL, scale};
        for (size_t i = 0; i < d->n_slides; i++) {
            const slide *s = &d->slides[i];
            slide_layout l;
            char where[128];
            snprintf(where, sizeof where, "%dx%d %s", screens[k][0], screens[k][1], s->file);
            CHECK(layout_slide(d, s, cw, ch, &m, &l) == 0, "%s: layout failed", where);
            const layout_box *card = NULL;
            int cards = 0;
            for (size_t b = 0; b < l.n; b++)
                if (l.boxes[b].kind == LBOX_QR)
                    card = &l.boxes[b], cards++;
            CHECK(cards == 1, "%s: expected one QR card, got %d", where, cards);
            if (card) {
                double u = (cw < ch ? cw : ch) / 1080.0;
                double right = cw - LAYOUT_MARGIN * u, bottom = ch - l.chapter_bar_h;
                CHECK(card->x + card->w > right - 0.01 && card->x + card->w < right + 0.01,
                      "%s: the card's right edge is at %.1f, expected %.1f", where,
                      card->x + card->w, right);
                CHECK(card->y + card->h <= bottom && card->y > ch / 2,
                      "%s: the card (y %.1f to %.1f) is not low, above the bar at %.1f", where,
                      card->y, card->y + card->h, bottom);
                CHECK(card->h >= card->w, "%s: the card is shorter than its code", where);
                CHECK_STR(card->qr_text, s->qr.text, where);
                for (size_t b = 0; b < l.n; b++) {
                    const layout_box *o = &l.boxes[b];
                    /* A contained photo must show whole: content too. */
                    bool content = o->kind == LBOX_TEXT || o->kind == LBOX_FIGURE ||
                                   o->kind == LBOX_BADGE || o->kind == LBOX_BAR ||
                                   (o->kind == LBOX_IMAGE && o->fit == FIT_CONTAIN);
                    if (!content || strcmp(o->field, "qr.caption") == 0)
                        continue;
                    CHECK(!overlaps(o, card), "%s: box %s (%.0f,%.0f %.0fx%.0f) overlaps the card",
                          where, o->field, o->x, o->y, o->w, o->h);
                }
            }
            layout_free(&l);
        }
    }
    deck_free(d);
    diag_list_clear(&diags);
}

int main(void)
{
    check_encoding();
    check_layout();
    return check_done();
}
