/* player: whole scripts of (time, action) steps against a hand-built deck,
 * each step checking the current slide, the picture and the events it
 * caused; then a day of playback. The clock is injected: no sleeping. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "player.h"

/* ---- decks built by hand ------------------------------------------------ */

typedef struct {
    slide_type type;
    const char *chapter;
    int duration_ms;
    transition_type transition;
    int transition_ms;
} slide_row;

/* DECK_MAIN: 0 Intro, 1 (Intro), 2 broken, 3 Port, 4 Fair, 5 Port again. */
static const slide_row main_rows[] = {
    {SLIDE_TITLE, "Intro", 5000, TRANSITION_FADE, 800},
    {SLIDE_TEXT, NULL, 5000, TRANSITION_FADE, 800},
    {SLIDE_BROKEN, "Broken", 5000, TRANSITION_FADE, 800},
    {SLIDE_STATS, "Port", 6000, TRANSITION_PUSH, 600},
    {SLIDE_PHOTO, "Fair", 4000, TRANSITION_NONE, 0},
    {SLIDE_TEXT, "Port", 5000, TRANSITION_WIPE, 1000},
};
/* DECK_SHORT: what a reload might leave. */
static const slide_row short_rows[] = {
    {SLIDE_TITLE, NULL, 5000, TRANSITION_FADE, 800},
    {SLIDE_BROKEN, NULL, 5000, TRANSITION_FADE, 800},
    {SLIDE_TEXT, NULL, 5000, TRANSITION_FADE, 800},
};

enum { DECK_MAIN, DECK_LONG, DECK_SHORT, DECK_COUNT };

static deck *make_deck(int kind)
{
    const slide_row *rows = kind == DECK_SHORT ? short_rows : main_rows;
    size_t n = kind == DECK_SHORT ? sizeof short_rows / sizeof *short_rows
                                  : sizeof main_rows / sizeof *main_rows;
    deck *d = calloc(1, sizeof *d);
    d->slides = calloc(n, sizeof *d->slides);
    d->n_slides = n;
    d->idle_timeout_ms = 60000;
    for (size_t i = 0; i < n; i++) {
        slide *s = &d->slides[i];
        s->type = rows[i].type;
        s->chapter = (char *)rows[i].chapter; /* static; never freed */
        /* DECK_LONG: slides stay long enough for idle to come first. */
        s->duration_ms = kind == DECK_LONG ? 100000 : rows[i].duration_ms;
        s->transition.type = rows[i].transition;
        s->transition.duration_ms = rows[i].transition_ms;
    }
    return d;
}

static void free_deck(deck *d)
{
    if (d)
        free(d->slides);
    free(d);
}

/* ---- scripts ------------------------------------------------------------ */

typedef enum {
    TICK, NEXT_KEY, PREV_KEY, NEXT_SWIPE, PAUSE, TOUCH, DRAG, RELEASE,
    GOTO, CHAPTER, RELOAD, LANGUAGE,
} action;

#define X (-1)          /* do not check this field */
#define XP NAN          /* do not check progress */
#define NONE LLONG_MAX  /* deadline: nothing scheduled */

typedef struct {
    player_ms t;
    action act;
    double arg;
    int cur;          /* player_current */
    int transitioning;
    int paused;
    const char *events; /* drained after the step; "" = none, NULL = skip */
    double progress;
    player_ms to_elapsed_ms;
    player_ms deadline;
} step;

typedef struct {
    const char *name;
    int deck;
    step steps[16];
} script;

#define END {-1, TICK, 0, X, X, X, NULL, XP, X, X}

static const script scripts[] = {
    {"auto-advance skips the broken slide and loops", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", 1.0, 0, 5000},
        {4999, TICK, 0, 0, 0, 0, "", XP, 4999, 5000},
        {5000, TICK, 0, 1, 1, 0, "show:1:auto@5000", 0.0, 0, 5000},
        {5400, TICK, 0, 1, 1, 0, "", 0.5, 400, 5400},
        {5800, TICK, 0, 1, 0, 0, "", 1.0, 800, 10800},
        {10800, TICK, 0, 3, 1, 0, "show:3:auto@10800", XP, 0, X},
        {11100, TICK, 0, 3, 1, 0, "", XP, 300, X}, /* curve: test_settle_contract */
        {17400, TICK, 0, 4, 0, 0, "show:4:auto@17400", XP, 0, 21400},
        {21400, TICK, 0, 5, 1, 0, "show:5:auto@21400", XP, 0, X},
        {27400, TICK, 0, 0, 1, 0, "show:0:auto@27400", XP, 0, X},
        {28200, TICK, 0, 0, 0, 0, "", XP, 800, 33200},
        END}},
    {"a late tick replays what was due at its own time", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {27500, TICK, 0, 0, 1, 0,
         "show:1:auto@5000 show:3:auto@10800 show:4:auto@17400 "
         "show:5:auto@21400 show:0:auto@27400", XP, 100, 27500},
        END}},
    {"pause keeps the remaining time", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 5000},
        {2000, PAUSE, 0, 0, 0, 1, "pause:0:key@2000", XP, X, 62000},
        {30000, TICK, 0, 0, 0, 1, "", XP, 30000, 62000},
        {31000, PAUSE, 0, 0, 0, 0, "resume:0:key@31000", XP, X, 34000},
        {33999, TICK, 0, 0, 0, 0, "", XP, X, 34000},
        {34000, TICK, 0, 1, 1, 0, "show:1:auto@34000", XP, X, X},
        END}},
    {"a swipe while paused moves and stays paused; idle resumes", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, PAUSE, 0, 0, 0, 1, "pause:0:key@1000", XP, X, 61000},
        {2000, NEXT_SWIPE, 0, 1, 1, 1, "show:1:swipe@2000", XP, X, 2000},
        {20000, TICK, 0, 1, 0, 1, "", XP, 18000, 62000},
        {62000, TICK, 0, 0, 1, 0, "idle:1:idle@62000 resume:1:idle@62000 show:0:idle@62000",
         XP, 0, 62000},
        {62800, TICK, 0, 0, 0, 0, "", XP, X, 67800},
        END}},
    {"idle returns only after the timeout, counted from the last input",
     DECK_LONG, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 100000},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, X, 1000},
        {30000, TOUCH, 0, 1, 0, 0, "", XP, X, 90000},
        {89999, TICK, 0, 1, 0, 0, "", XP, X, 90000},
        {90000, TICK, 0, 0, 1, 0, "idle:1:idle@90000 show:0:idle@90000", XP, 0, 90000},
        /* Nothing left to undo: no second idle return. */
        {190799, TICK, 0, 0, 0, 0, "", XP, X, 190800},
        {190800, TICK, 0, 1, 1, 0, "show:1:auto@190800", XP, X, X},
        END}},
    {"no idle return when the visitor changed nothing, but the visitor's end is told",
     DECK_LONG, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 100000},
        /* One wake-up at the timeout, for the IDLE event a report needs. */
        {1000, TOUCH, 0, 0, 0, 0, "", XP, X, 61000},
        {70000, TICK, 0, 0, 0, 0, "idle:0:idle@61000", XP, 70000, 100000},
        /* Told once per visitor: the next comes after the next input. */
        {80000, TOUCH, 0, 0, 0, 0, "", XP, X, 100000},
        {140000, TICK, 0, 1, 0, 0, "show:1:auto@100000 idle:1:idle@140000", XP, X, X},
        END}},
    {"the 中/EN button: the idle return switches back to the default", DECK_LONG, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 100000},
        /* A switch is something to undo: the idle return is due. */
        {1000, LANGUAGE, 0, 0, 0, 0, "language:0:button@1000=en", XP, X, 61000},
        {30000, LANGUAGE, 0, 0, 0, 0, "language:0:button@30000=zh", XP, X, 90000},
        {31000, LANGUAGE, 0, 0, 0, 0, "language:0:button@31000=en", XP, X, 91000},
        {90999, TICK, 0, 0, 0, 0, "", XP, X, 91000},
        /* On the first slide already: the language alone goes back. */
        {91000, TICK, 0, 0, 0, 0, "idle:0:idle@91000 language:0:idle@91000=zh", XP, X, 100000},
        {100000, TICK, 0, 1, 1, 0, "show:1:auto@100000", XP, X, X},
        END}},
    {"a visitor who switched language and moved on: idle undoes both", DECK_LONG, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 100000},
        {1000, LANGUAGE, 0, 0, 0, 0, "language:0:button@1000=en", XP, X, 61000},
        {2000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@2000", XP, X, 2000},
        {62000, TICK, 0, 0, 1, 0,
         "idle:1:idle@62000 language:1:idle@62000=zh show:0:idle@62000", XP, 0, 62000},
        END}},
    {"a drag follows the finger and settles from where it left", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, DRAG, -0.1, 0, 1, 0, "", 0.1, 0, NONE},
        {1100, DRAG, -0.4, 0, 1, 0, "", 0.4, 0, NONE},
        {1200, RELEASE, 0.0, 1, 1, 0, "show:1:swipe@1200", 0.4, 0, 1200},
        /* Landed within the longest release there is (test_settle_contract
         * holds it to the distance left). */
        {1200 + PLAYER_RELEASE_MIN_MS + PLAYER_RELEASE_SPAN_MS, TICK, 0, 1, 0, 0, "", 1.0, X, X},
        END}},
    {"a short drag springs back and the slide keeps its time", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, 5000},
        {1000, DRAG, 0.1, 0, 1, 0, "", 0.1, X, NONE},
        {1100, RELEASE, 0.1, 0, 1, 0, "", 0.1, X, 1100},
        {1360, TICK, 0, 0, 0, 0, "", 1.0, 1360, 5360},
        END}},
    {"a flick settles, a flick back springs back", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, DRAG, -0.1, 0, 1, 0, "", 0.1, X, X},
        {1050, RELEASE, -1.5, 1, 1, 0, "show:1:swipe@1050", 0.1, X, X},
        {2000, DRAG, -0.4, 1, 1, 0, "", 0.4, X, X},
        {2050, RELEASE, 1.5, 1, 1, 0, "", 0.4, X, X},
        {3000, TICK, 0, 1, 0, 0, "", XP, X, X},
        END}},
    {"keys loop at both ends", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, PREV_KEY, 0, 5, 1, 0, "show:5:key@1000", 0.0, X, X},
        {3000, NEXT_KEY, 0, 0, 1, 0, "show:0:key@3000", XP, X, X},
        {5000, GOTO, 2, 0, 0, 0, "", XP, X, X}, /* broken: refused */
        {6000, GOTO, 4, 4, 0, 0, "show:4:key@6000", XP, 0, X},
        END}},
    {"chapter jump", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, CHAPTER, 2, 4, 0, 0, "show:4:chapter@1000", XP, 0, 5000},
        {2000, CHAPTER, 1, 3, 1, 0, "show:3:chapter@2000", XP, X, X},
        {3000, CHAPTER, 7, 3, 0, 0, "", XP, X, X},
        END}},
    {"re-entering a slide restarts its entry animation", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {900, TICK, 0, 0, 0, 0, "", XP, 900, X},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, 0, X},
        {3000, PREV_KEY, 0, 0, 1, 0, "show:0:key@3000", XP, 0, X},
        {3400, TICK, 0, 0, 1, 0, "", 0.5, 400, X},
        END}},
    {"next during a transition finishes it quickly, then moves on",
     DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, X, X},
        /* Fade at u = 0.4: eased 0.256; the picture stays where it was. */
        {1320, NEXT_KEY, 0, 3, 1, 0, "", 0.256, X, 1320},
        {1469, TICK, 0, 3, 1, 0, "", XP, X, X},
        {1470, TICK, 0, 3, 1, 0, "show:3:key@1470", 0.0, 0, X},
        {2070, TICK, 0, 3, 0, 0, "", XP, 600, 8070},
        END}},
    {"back during a transition reverses it in place", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, X, X},
        {1400, PREV_KEY, 0, 0, 1, 0, "show:0:key@1400", 0.5, X, 1400},
        {1799, TICK, 0, 0, 1, 0, "", XP, X, X},
        /* Slide 0 never left the screen: its animation was not restarted. */
        {1800, TICK, 0, 0, 0, 0, "", 1.0, 1800, 6800},
        END}},
    {"reload keeps the position", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, X, X},
        {2000, RELOAD, DECK_MAIN, 1, 0, 0, "show:1:reload@2000", XP, 0, 7000},
        {3000, GOTO, 5, 5, 1, 0, "show:5:key@3000", XP, X, X},
        /* Slide 5 is gone: the last slide of the shorter deck. */
        {4000, RELOAD, DECK_SHORT, 2, 0, 0, "show:2:reload@4000", XP, 0, 9000},
        END}},
    {"reload onto a broken slide goes to the next playable", DECK_MAIN, {
        {0, TICK, 0, 0, 0, 0, "show:0:start@0", XP, X, X},
        {1000, NEXT_KEY, 0, 1, 1, 0, "show:1:key@1000", XP, X, X},
        {2000, RELOAD, DECK_SHORT, 2, 0, 0, "show:2:reload@2000", XP, X, X},
        END}},
};

static const char *event_name(player_event_type t)
{
    switch (t) {
    case PLAYER_EVENT_SHOW: return "show";
    case PLAYER_EVENT_PAUSE: return "pause";
    case PLAYER_EVENT_RESUME: return "resume";
    case PLAYER_EVENT_IDLE: return "idle";
    case PLAYER_EVENT_LANGUAGE: return "language";
    }
    return "?";
}

static void drain_events(player *p, char *buf, size_t cap)
{
    buf[0] = '\0';
    player_event ev;
    size_t len = 0;
    while (player_poll_event(p, &ev)) {
        int n = snprintf(buf + len, cap - len, "%s%s:%zu:%s@%lld%s%s",
                         len ? " " : "", event_name(ev.type), ev.slide,
                         player_cause_name(ev.cause), ev.time_ms,
                         ev.type == PLAYER_EVENT_LANGUAGE ? "=" : "",
                         ev.type == PLAYER_EVENT_LANGUAGE ? deck_lang_name(ev.language) : "");
        if (n > 0 && (size_t)n < cap - len)
            len += (size_t)n;
    }
}

static void perform(player *p, const step *s, deck *const *decks)
{
    switch (s->act) {
    case TICK: player_tick(p, s->t); break;
    case NEXT_KEY: player_next(p, s->t, PLAYER_CAUSE_KEY); break;
    case PREV_KEY: player_prev(p, s->t, PLAYER_CAUSE_KEY); break;
    case NEXT_SWIPE: player_next(p, s->t, PLAYER_CAUSE_SWIPE); break;
    case PAUSE: player_toggle_pause(p, s->t); break;
    case TOUCH: player_touch(p, s->t); break;
    case DRAG: player_drag(p, s->arg, s->t); break;
    case RELEASE: player_release(p, s->arg, s->t); break;
    case GOTO: player_goto(p, (size_t)s->arg, s->t, PLAYER_CAUSE_KEY); break;
    case CHAPTER: player_goto_chapter(p, (size_t)s->arg, s->t); break;
    case RELOAD: player_set_deck(p, decks[(int)s->arg], s->t); break;
    case LANGUAGE: player_toggle_language(p, s->t, PLAYER_CAUSE_BUTTON); break;
    }
}

static void run_scripts(void)
{
    deck *decks[DECK_COUNT];
    for (int k = 0; k < DECK_COUNT; k++)
        decks[k] = make_deck(k);
    for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++) {
        const script *sc = &scripts[i];
        player *p = player_new(decks[sc->deck], 0);
        for (size_t k = 0; k < 16 && sc->steps[k].t >= 0; k++) {
            const step *s = &sc->steps[k];
            perform(p, s, decks);
            player_view v = player_view_at(p, s->t);
            char events[512];
            drain_events(p, events, sizeof events);
            player_ms deadline = player_next_deadline(p, s->t);
            const char *name = sc->name;
            if (s->cur != X)
                CHECK((int)player_current(p) == s->cur,
                      "%s, t=%lld: current expected %d, got %zu", name, s->t,
                      s->cur, player_current(p));
            if (s->transitioning != X)
                CHECK(v.transitioning == s->transitioning,
                      "%s, t=%lld: transitioning expected %d, got %d", name,
                      s->t, s->transitioning, v.transitioning);
            if (s->paused != X)
                CHECK(v.paused == s->paused && player_paused(p) == s->paused,
                      "%s, t=%lld: paused expected %d, got %d", name, s->t,
                      s->paused, v.paused);
            if (s->events) {
                char row[160];
                snprintf(row, sizeof row, "%s, t=%lld: events", name, s->t);
                CHECK_STR(events, s->events, row);
            }
            if (!isnan(s->progress))
                CHECK(fabs(v.progress - s->progress) < 1e-9,
                      "%s, t=%lld: progress expected %g, got %.12g", name,
                      s->t, s->progress, v.progress);
            if (s->to_elapsed_ms != X)
                CHECK(v.to_elapsed_ms == s->to_elapsed_ms,
                      "%s, t=%lld: to_elapsed expected %lld, got %lld", name,
                      s->t, s->to_elapsed_ms, v.to_elapsed_ms);
            if (s->deadline != X)
                CHECK(deadline == s->deadline,
                      "%s, t=%lld: deadline expected %lld, got %lld", name,
                      s->t, s->deadline, deadline);
            CHECK(v.progress >= 0.0 && v.progress <= 1.0,
                  "%s, t=%lld: progress %g out of [0,1]", name, s->t,
                  v.progress);
        }
        player_free(p);
    }
    for (int k = 0; k < DECK_COUNT; k++)
        free_deck(decks[k]);
}

/* ---- views in detail ---------------------------------------------------- */

/* The picture is continuous: sampled every millisecond through drags,
 * releases and interruptions, the (from, to, progress) mix never jumps. */
static double picture_of(const player_view *v, size_t slide_index)
{
    /* Weight of one slide in the picture. */
    if (!v->transitioning)
        return v->to == slide_index ? 1.0 : 0.0;
    double w = 0.0;
    if (v->to == slide_index)
        w += v->progress;
    if (v->from == slide_index)
        w += 1.0 - v->progress;
    return w;
}

static void test_continuity(void)
{
    deck *d = make_deck(DECK_MAIN);
    player *p = player_new(d, 0);
    static const struct {
        player_ms t;
        action act;
        double arg;
    } inputs[] = {
        {1000, NEXT_KEY, 0},   {1320, NEXT_KEY, 0},  {1330, NEXT_KEY, 0},
        {3000, PREV_KEY, 0},   {3300, PREV_KEY, 0},  {3500, NEXT_KEY, 0},
        {6000, DRAG, -0.05},   {6050, DRAG, -0.15},  {6080, DRAG, -0.25},
        {6100, RELEASE, -2.0},
        {6200, PREV_KEY, 0},   {7000, DRAG, 0.1},    {7100, RELEASE, 0.0},
        {7150, NEXT_KEY, 0},   {9000, DRAG, -0.05},  {9001, DRAG, -0.06},
    };
    size_t next_input = 0;
    player_view before = player_view_at(p, 0);
    double worst = 0.0;
    player_ms worst_t = 0;
    for (player_ms t = 1; t <= 12000; t++) {
        step s = {.t = t};
        while (next_input < sizeof inputs / sizeof *inputs &&
               inputs[next_input].t == t) {
            s.act = inputs[next_input].act;
            s.arg = inputs[next_input].arg;
            perform(p, &s, NULL);
            next_input++;
        }
        player_view now = player_view_at(p, t);
        for (size_t k = 0; k < d->n_slides; k++) {
            double jump = fabs(picture_of(&now, k) - picture_of(&before, k));
            /* Transitions that switch without animation jump by design. */
            bool instant = now.to == 4 && !now.transitioning && before.to != 4;
            if (!instant && jump > worst) {
                worst = jump;
                worst_t = t;
            }
        }
        before = now;
    }
    /* 1 ms of a 150 ms hurry or a drag step can move the mix a little;
     * a flash would move it by far more. The largest allowed step is the
     * finger's own (0.1 between two drag reports). */
    CHECK(worst <= 0.1 + 1e-9, "picture jumped by %g at t=%lld", worst,
          worst_t);
    player_event ev;
    while (player_poll_event(p, &ev))
        ;
    player_free(p);
    free_deck(d);
}

static void test_chapters(void)
{
    deck *d = make_deck(DECK_MAIN);
    player *p = player_new(d, 0);
    CHECK(player_chapter_count(p) == 3, "chapters: expected 3, got %zu",
          player_chapter_count(p));
    static const struct {
        const char *name;
        size_t first;
    } want[] = {{"Intro", 0}, {"Port", 3}, {"Fair", 4}};
    for (size_t i = 0; i < 3; i++) {
        CHECK_STR(player_chapter_name(p, i), want[i].name, "chapter name");
        CHECK(player_chapter_first_slide(p, i) == want[i].first,
              "chapter %zu: first slide expected %zu, got %zu", i,
              want[i].first, player_chapter_first_slide(p, i));
    }
    CHECK(player_chapter_name(p, 3) == NULL, "chapter 3 should not exist");
    /* Slide -> chapter: 1 inherits Intro, 5 is Port again. */
    static const int slide_chapter[][2] = {{0, 0}, {1, 0}, {3, 1}, {4, 2},
                                           {5, 1}};
    for (size_t i = 0; i < 5; i++) {
        player_goto(p, (size_t)slide_chapter[i][0], 1000 * (player_ms)(i + 1),
                    PLAYER_CAUSE_KEY);
        player_tick(p, 1000 * (player_ms)(i + 1) + 999);
        CHECK(player_current_chapter(p) == slide_chapter[i][1],
              "slide %d: chapter expected %d, got %d", slide_chapter[i][0],
              slide_chapter[i][1], player_current_chapter(p));
    }
    player_free(p);

    /* A slide before the first chapter belongs to none. */
    d->slides[0].chapter = NULL;
    p = player_new(d, 0);
    CHECK(player_current_chapter(p) == -1, "no chapter yet: expected -1, got %d",
          player_current_chapter(p));
    CHECK(player_chapter_first_slide(p, 0) == 3, "first chapter now at 3");
    player_free(p);
    free_deck(d);
}

static void test_edges(void)
{
    static const struct {
        player_cause cause;
        const char *name;
    } names[] = {
        {PLAYER_CAUSE_START, "start"}, {PLAYER_CAUSE_AUTO, "auto"},
        {PLAYER_CAUSE_SWIPE, "swipe"}, {PLAYER_CAUSE_KEY, "key"},
        {PLAYER_CAUSE_CHAPTER, "chapter"}, {PLAYER_CAUSE_IDLE, "idle"},
        {PLAYER_CAUSE_RELOAD, "reload"}, {PLAYER_CAUSE_BUTTON, "button"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        CHECK_STR(player_cause_name(names[i].cause), names[i].name,
                  "cause name");

    /* Only broken slides: nothing to show, nothing scheduled, no crash. */
    deck *d = make_deck(DECK_SHORT);
    d->slides[0].type = d->slides[2].type = SLIDE_BROKEN;
    player *p = player_new(d, 0);
    player_next(p, 10, PLAYER_CAUSE_KEY);
    player_drag(p, -0.5, 20);
    player_release(p, 0, 30);
    player_toggle_pause(p, 40);
    player_view v = player_view_at(p, 50);
    player_event ev;
    CHECK(!player_poll_event(p, &ev), "no events without playable slides");
    CHECK(!v.transitioning, "nothing to transition");
    CHECK(player_next_deadline(p, 50) == LLONG_MAX, "nothing scheduled");
    player_free(p);

    /* One playable slide: it stays, without a storm of events. */
    d->slides[2].type = SLIDE_TEXT;
    p = player_new(d, 0);
    player_tick(p, 60000);
    int shows = 0;
    while (player_poll_event(p, &ev))
        shows += ev.type == PLAYER_EVENT_SHOW;
    CHECK(shows == 1 && player_current(p) == 2,
          "single slide: expected 1 show on slide 2, got %d on %zu", shows,
          player_current(p));
    player_free(p);
    player_free(NULL);
    free_deck(d);

    /* A slide without a duration stays until the visitor moves on. */
    d = make_deck(DECK_MAIN);
    d->slides[0].duration_ms = 0;
    p = player_new(d, 0);
    CHECK(player_next_deadline(p, 0) == LLONG_MAX, "no duration: no deadline");
    v = player_view_at(p, 1000000);
    CHECK(v.to == 0 && v.slide_remaining_ms == -1,
          "no duration: expected slide 0 forever, remaining -1");
    player_free(p);
    free_deck(d);
}

/* ---- a day ---------------------------------------------------------------- */

/* The show as a plain list: the times and slides a day of playback should
 * bring, computed without the player. */
static size_t expected_day(const deck *d, player_ms end, player_ms *times,
                           size_t *slides, size_t cap)
{
    size_t n = 0, cur = 0;
    player_ms advance = d->slides[0].duration_ms;
    times[n] = 0;
    slides[n++] = 0;
    while (n < cap) {
        size_t next = cur;
        do
            next = (next + 1) % d->n_slides;
        while (d->slides[next].type == SLIDE_BROKEN);
        if (advance > end)
            break;
        times[n] = advance;
        slides[n++] = next;
        const slide *s = &d->slides[next];
        int tr = s->transition.type == TRANSITION_NONE ? 0
                                                       : s->transition.duration_ms;
        advance += tr + s->duration_ms;
        cur = next;
    }
    return n;
}

static void test_day(player_ms tick_every_ms)
{
    const player_ms day_ms = 24LL * 3600 * 1000;
    deck *d = make_deck(DECK_MAIN);
    size_t cap = 20000;
    player_ms *times = calloc(cap, sizeof *times);
    size_t *slides = calloc(cap, sizeof *slides);
    size_t want = expected_day(d, day_ms, times, slides, cap);

    player *p = player_new(d, 0);
    size_t got = 0, mismatches = 0, bad_views = 0;
    player_ms now = 0;
    while (now <= day_ms) {
        player_view v = player_view_at(p, now);
        if (v.progress < 0 || v.progress > 1 || d->slides[v.to].type == SLIDE_BROKEN ||
            (v.transitioning && d->slides[v.from].type == SLIDE_BROKEN))
            bad_views++;
        player_event ev;
        while (player_poll_event(p, &ev)) {
            if (ev.type != PLAYER_EVENT_SHOW)
                continue;
            if (got < want && (ev.slide != slides[got] || ev.time_ms != times[got]))
                mismatches++;
            got++;
        }
        if (tick_every_ms > 0) {
            now += tick_every_ms;
        } else {
            /* Sleep until the player's deadline, 16 ms frames while it
             * animates: how the main loop drives it. */
            player_ms next = player_next_deadline(p, now);
            now = next > now ? next : now + 16;
        }
    }
    CHECK(got == want, "day (tick %lld): expected %zu shows, got %zu",
          tick_every_ms, want, got);
    CHECK(mismatches == 0, "day (tick %lld): %zu shows at the wrong time/slide",
          tick_every_ms, mismatches);
    CHECK(bad_views == 0, "day (tick %lld): %zu impossible views",
          tick_every_ms, bad_views);
    CHECK(want > 3000, "a day of 28.2 s loops has over 3000 shows, model has %zu",
          want);
    player_free(p);
    free(times);
    free(slides);
    free_deck(d);
}

/* What to prefetch: the next and previous playable slides and where idle
 * returns, each once, never the slide on screen nor a broken one. */
static void test_upcoming(void)
{
    static const struct {
        int kind;
        int broken_first; /* also break slide 0: idle returns to slide 1 */
        size_t goto_slide;
        size_t n;
        size_t want[PLAYER_UPCOMING_MAX];
    } rows[] = {
        /* MAIN: 0 1 [2 broken] 3 4 5 */
        {DECK_MAIN, 0, 0, 2, {1, 5}},       /* on the idle slide: it is not repeated */
        {DECK_MAIN, 0, 1, 3, {3, 0, 0}},    /* next skips the broken slide; prev is idle's */
        {DECK_MAIN, 0, 3, 3, {4, 1, 0}},
        {DECK_MAIN, 0, 5, 2, {0, 4}},       /* looping forward lands on idle's slide */
        {DECK_MAIN, 1, 3, 3, {4, 1, 1}},    /* slide 0 broken: idle goes to 1, not 0 */
        /* SHORT: 0 [1 broken] 2: next and previous are the same slide */
        {DECK_SHORT, 0, 2, 1, {0}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        deck *d = make_deck(rows[i].kind);
        if (rows[i].broken_first)
            d->slides[0].type = SLIDE_BROKEN;
        player *p = player_new(d, 0);
        player_goto(p, rows[i].goto_slide, 0, PLAYER_CAUSE_KEY);
        size_t got[PLAYER_UPCOMING_MAX];
        size_t n = player_upcoming(p, got);
        size_t want_n = rows[i].n;
        /* rows list a slide twice where it is both: count it once */
        size_t uniq[PLAYER_UPCOMING_MAX], un = 0;
        for (size_t k = 0; k < want_n; k++) {
            bool dup = false;
            for (size_t j = 0; j < un; j++)
                dup |= uniq[j] == rows[i].want[k];
            if (!dup)
                uniq[un++] = rows[i].want[k];
        }
        bool same = n == un;
        for (size_t k = 0; same && k < n; k++)
            same = got[k] == uniq[k];
        CHECK(same, "upcoming row %zu (on slide %zu): expected %zu slides, got %zu (%zu %zu %zu)", i,
              player_current(p), un, n, n > 0 ? got[0] : 99, n > 1 ? got[1] : 99, n > 2 ? got[2] : 99);
        player_free(p);
        free_deck(d);
    }
}

/* What a transition promises, whatever its curve: from where it starts, the
 * picture only moves toward its end, lands exactly on it, and does so within
 * the stated duration — the slide's transition for an automatic advance, and
 * PLAYER_RELEASE_MIN_MS + PLAYER_RELEASE_SPAN_MS * (distance left) for a
 * released drag. Ease-out curves run ahead of a straight line. */
static void check_settles(player *p, player_ms start, double from, player_ms within_ms,
                          const char *what)
{
    double prev = from;
    player_ms landed = -1;
    int backwards = 0;
    bool ahead_of_line = true;
    for (player_ms t = start; t <= start + within_ms + 50; t += 5) {
        player_tick(p, t);
        player_view v = player_view_at(p, t);
        double at = v.transitioning ? v.progress : 1.0;
        if (at < prev - 1e-12)
            backwards++;
        double line = from + (1.0 - from) * (double)(t - start) / (double)within_ms;
        if (t > start && t < start + within_ms && at < line - 1e-9)
            ahead_of_line = false;
        prev = at;
        if (landed < 0 && !v.transitioning) {
            landed = t - start;
            CHECK(v.progress == 1.0 || !v.transitioning, "%s: did not land exactly", what);
        }
    }
    CHECK(backwards == 0, "%s: the picture moved back %d times", what, backwards);
    CHECK(landed >= 0 && landed <= within_ms, "%s: landed after %lld ms, promised within %lld",
          what, landed, within_ms);
    CHECK(ahead_of_line, "%s: an ease-out fell behind a straight line", what);
}

static void test_settle_contract(void)
{
    deck *d = make_deck(DECK_MAIN);
    /* Automatic advance into slide 3: its own transition's duration. */
    player *p = player_new(d, 0);
    player_tick(p, 10800);
    CHECK(player_current(p) == 3, "auto-advance: expected slide 3, got %zu", player_current(p));
    check_settles(p, 10800, 0.0, d->slides[3].transition.duration_ms, "auto-advance push");
    player_free(p);
    /* A drag released 0.4 of the way: the rest within the release rule. */
    p = player_new(d, 0);
    player_drag(p, -0.1, 1000);
    player_drag(p, -0.4, 1100);
    player_release(p, 0.0, 1200);
    player_ms promise = PLAYER_RELEASE_MIN_MS + (player_ms)(PLAYER_RELEASE_SPAN_MS * 0.6 + 0.5);
    check_settles(p, 1200, 0.4, promise, "released drag");
    player_free(p);
    free_deck(d);
}

/* A deck that changed on disk: the unchanged slide on screen goes on as it
 * was; a changed one is replaced in place and announced. */
static void test_replace_deck(void)
{
    deck *a = make_deck(DECK_MAIN), *b = make_deck(DECK_SHORT);
    char ev[512];
    player *p = player_new(a, 0);
    player_tick(p, 3000); /* slide 0, settled, 3 s in */
    drain_events(p, ev, sizeof ev);
    player_view before = player_view_at(p, 3000);
    CHECK(player_replace_deck(p, b, 2, true, 3000) == 0, "replace: chapters built");
    player_view after = player_view_at(p, 3000);
    drain_events(p, ev, sizeof ev);
    CHECK(player_current(p) == 2, "unchanged slide at its new index: got %zu", player_current(p));
    CHECK(after.to_elapsed_ms == before.to_elapsed_ms && !after.transitioning,
          "unchanged slide: its animations go on (elapsed %lld, was %lld)", after.to_elapsed_ms,
          before.to_elapsed_ms);
    CHECK_STR(ev, "", "unchanged slide: no event");
    CHECK(player_replace_deck(p, a, 0, false, 4000) == 0, "replace again");
    drain_events(p, ev, sizeof ev);
    CHECK_STR(ev, "show:0:reload@4000", "changed slide: replaced in place");
    CHECK(player_view_at(p, 4000).to_elapsed_ms == 0, "changed slide: entry animation anew");
    /* During a transition the slide on screen is not the same picture. */
    player_next(p, 5000, PLAYER_CAUSE_KEY);
    drain_events(p, ev, sizeof ev);
    CHECK(player_replace_deck(p, b, 2, true, 5100) == 0 && !player_view_at(p, 5100).transitioning,
          "mid-transition: replaced, transition ended");
    drain_events(p, ev, sizeof ev);
    CHECK_STR(ev, "show:2:reload@5100", "mid-transition: announced");
    player_free(p);
    free_deck(a);
    free_deck(b);
}

int main(void)
{
    test_upcoming();
    test_replace_deck();
    run_scripts();
    test_continuity();
    test_settle_contract();
    test_chapters();
    test_edges();
    test_day(0);     /* deadline-driven */
    test_day(997);   /* a coarse, irregular-looking tick: events queue up */
    return check_done();
}
