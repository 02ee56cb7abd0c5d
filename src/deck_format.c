/* The deck format's rows: deck_format.h says what each column means. */
#include "deck_format.h"

#include <math.h>

#define TABLE(rows) {rows, sizeof rows / sizeof rows[0]}

_Static_assert(sizeof(transition_type) == sizeof(int) &&
                   sizeof(image_fit) == sizeof(int) &&
                   sizeof(chart_kind) == sizeof(int) &&
                   sizeof(anim_easing) == sizeof(int),
               "enum fields are written through int pointers");

const char *const format_slide_type_names[] = {"title", "text", "photo", "stats",
                                               "chart", NULL};
const char *const format_transition_names[] = {"fade", "push", "wipe", "zoom",
                                               "none", NULL};
static const int transition_values[] = {TRANSITION_FADE, TRANSITION_PUSH,
                                        TRANSITION_WIPE, TRANSITION_ZOOM,
                                        TRANSITION_NONE};
static const char *const fit_names[] = {"cover", "contain", NULL};
static const int fit_values[] = {FIT_COVER, FIT_CONTAIN};
static const char *const chart_names[] = {"bar", "progress", NULL};
static const int chart_values[] = {CHART_BAR, CHART_PROGRESS};
static const char *const easing_names[] = {"linear", "easeOutCubic", "easeOutExpo",
                                           NULL};
static const int easing_values[] = {EASE_LINEAR, EASE_OUT_CUBIC, EASE_OUT_EXPO};
static const char *const separator_names[] = {",", " ", "", NULL};

static const field transition_rows[] = {
    {.key = "type", .kind = FIELD_ENUM, .required = FIELD_ALWAYS,
     .offset = offsetof(transition_spec, type), .names = format_transition_names,
     .values = transition_values},
    {.key = "duration", .kind = FIELD_SECONDS, .ranged = true, .min = 0, .max = 60,
     .offset = offsetof(transition_spec, duration_ms)},
};
static const field_table transition_table = TABLE(transition_rows);

static const field theme_rows[] = {
    {.key = "background", .kind = FIELD_COLOR, .def_str = "#0b1f33",
     .offset = offsetof(deck_theme, background)},
    {.key = "text", .kind = FIELD_COLOR, .def_str = "#f4f1ea",
     .offset = offsetof(deck_theme, text)},
    {.key = "accent", .kind = FIELD_COLOR, .def_str = "#f0a030",
     .offset = offsetof(deck_theme, accent)},
    {.key = "font", .kind = FIELD_FONT, .def_str = "NotoSansCJKsc-Regular.otf",
     .offset = offsetof(deck_theme, font)},
    {.key = "font_bold", .kind = FIELD_FONT, .def_str = "NotoSansCJKsc-Bold.otf",
     .offset = offsetof(deck_theme, font_bold)},
    {.key = "min_text_size", .kind = FIELD_INT, .ranged = true, .min = 8, .max = 400,
     .def = DECK_DEFAULT_MIN_TEXT_PX, .offset = offsetof(deck_theme, min_text_px)},
};
static const field_table theme_table = TABLE(theme_rows);

static const field settings_rows[] = {
    {.key = "title", .kind = FIELD_STRING, .offset = offsetof(deck, title)},
    {.key = "size", .kind = FIELD_SIZE, .ranged = true, .min = 320, .max = 7680,
     .def = DECK_DEFAULT_WIDTH, .def2 = DECK_DEFAULT_HEIGHT,
     .offset = offsetof(deck, width)},
    {.key = "duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_DURATION_MS / 1000.0, .offset = offsetof(deck, duration_ms)},
    {.key = "transition", .kind = FIELD_TRANSITION, .def_str = "fade",
     .def = DECK_DEFAULT_TRANSITION_MS / 1000.0, .names = format_transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(deck, transition)},
    {.key = "idle_timeout", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_IDLE_TIMEOUT_MS / 1000.0,
     .offset = offsetof(deck, idle_timeout_ms)},
    {.key = "lock", .kind = FIELD_BOOL, .offset = offsetof(deck, lock)},
    {.key = "count_duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_COUNT_DURATION_MS / 1000.0,
     .offset = offsetof(deck, count_duration_ms)},
    {.key = "theme", .kind = FIELD_OBJECT, .sub = &theme_table,
     .offset = offsetof(deck, theme)},
};
const field_table format_settings_table = TABLE(settings_rows);

static const field item_rows[] = {
    {.key = "label", .kind = FIELD_STRING, .types = FIELD_FIGURES, .required = FIELD_FIGURES,
     .offset = offsetof(stat_item, label)},
    {.key = "value", .kind = FIELD_NUMBER, .types = FIELD_BIT(SLIDE_STATS),
     .required = FIELD_BIT(SLIDE_STATS), .offset = offsetof(stat_item, value)},
    {.key = "value", .kind = FIELD_NUMBER, .types = FIELD_BIT(SLIDE_CHART),
     .required = FIELD_BIT(SLIDE_CHART), .ranged = true, .min = 0, .max = HUGE_VAL,
     .offset = offsetof(stat_item, value)},
    /* -1: "as written in the source" (58.58 → 2). */
    {.key = "decimals", .kind = FIELD_DECIMALS, .literal_of = "value",
     .types = FIELD_FIGURES, .ranged = true,
     .min = 0, .max = DECK_MAX_DECIMALS, .def = -1,
     .offset = offsetof(stat_item, decimals)},
    {.key = "prefix", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, prefix)},
    {.key = "unit", .kind = FIELD_STRING, .types = FIELD_FIGURES,
     .offset = offsetof(stat_item, unit)},
    {.key = "growth", .kind = FIELD_NUMBER, .types = FIELD_FIGURES,
     .offset = offsetof(stat_item, growth), .has_offset = offsetof(stat_item, has_growth)},
    {.key = "growth_label", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_STATS),
     .def_str = "同比增长", .offset = offsetof(stat_item, growth_label),
     .shown_if = offsetof(stat_item, has_growth)},
    {.key = "icon", .kind = FIELD_IMAGE, .types = FIELD_BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, icon)},
};
static const field_table item_table = TABLE(item_rows);

static const field slide_rows[] = {
    {.key = "type", .kind = FIELD_TYPE, .required = FIELD_ALWAYS, .names = format_slide_type_names},
    {.key = "title", .kind = FIELD_STRING, .required = FIELD_BIT(SLIDE_TITLE),
     .offset = offsetof(slide, title)},
    {.key = "subtitle", .kind = FIELD_STRING, .offset = offsetof(slide, subtitle)},
    {.key = "duration", .kind = FIELD_SECONDS, .offset = offsetof(slide, duration_ms),
     .deck_offset = offsetof(deck, duration_ms)},
    {.key = "transition", .kind = FIELD_TRANSITION, .names = format_transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(slide, transition), .deck_offset = offsetof(deck, transition)},
    {.key = "background", .kind = FIELD_BACKGROUND,
     .offset = offsetof(slide, background_image)},
    {.key = "chapter", .kind = FIELD_STRING, .offset = offsetof(slide, chapter)},
    {.key = "image", .kind = FIELD_IMAGE,
     .types = FIELD_BIT(SLIDE_TITLE) | FIELD_BIT(SLIDE_TEXT) | FIELD_BIT(SLIDE_PHOTO),
     .required = FIELD_BIT(SLIDE_PHOTO), .offset = offsetof(slide, image)},
    {.key = "body", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_TEXT),
     .required = FIELD_BIT(SLIDE_TEXT), .offset = offsetof(slide, body)},
    {.key = "caption", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_PHOTO),
     .offset = offsetof(slide, caption)},
    {.key = "fit", .kind = FIELD_ENUM, .types = FIELD_BIT(SLIDE_PHOTO), .def_str = "cover",
     .names = fit_names, .values = fit_values, .offset = offsetof(slide, fit)},
    {.key = "ken_burns", .kind = FIELD_BOOL, .types = FIELD_BIT(SLIDE_PHOTO), .def = 1,
     .offset = offsetof(slide, ken_burns)},
    {.key = "kind", .kind = FIELD_ENUM, .types = FIELD_BIT(SLIDE_CHART), .def_str = "bar",
     .names = chart_names, .values = chart_values, .offset = offsetof(slide, chart)},
    {.key = "items", .kind = FIELD_ITEMS, .types = FIELD_FIGURES, .required = FIELD_FIGURES,
     .ranged = true, .min = 1, .max = DECK_MAX_STAT_ITEMS, .sub = &item_table,
     .offset = offsetof(slide, items), .has_offset = offsetof(slide, n_items)},
    {.key = "note", .kind = FIELD_STRING, .types = FIELD_FIGURES,
     .offset = offsetof(slide, note)},
    {.key = "count_duration", .kind = FIELD_SECONDS, .types = FIELD_FIGURES,
     .offset = offsetof(slide, count_duration_ms),
     .deck_offset = offsetof(deck, count_duration_ms)},
    {.key = "easing", .kind = FIELD_ENUM, .types = FIELD_FIGURES, .def_str = "easeOutExpo",
     .names = easing_names, .values = easing_values, .offset = offsetof(slide, easing)},
    {.key = "stagger", .kind = FIELD_SECONDS, .types = FIELD_FIGURES, .ranged = true,
     .min = 0, .max = 60, .def = DECK_DEFAULT_STAGGER_MS / 1000.0,
     .offset = offsetof(slide, stagger_ms)},
    {.key = "separator", .kind = FIELD_CHOICE, .types = FIELD_FIGURES,
     .names = separator_names, .offset = offsetof(slide, separator)},
};
const field_table format_slide_table = TABLE(slide_rows);
