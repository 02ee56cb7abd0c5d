/* The deck format's rows: deck_format.h says what each column means. */
#include "deck_format.h"

#include <math.h>

#include "qr.h"
#include "schedule.h"

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
static const char *const language_names[] = {"zh", "en", NULL};
static const int language_values[] = {DECK_LANG_ZH, DECK_LANG_EN};
static const char *const button_names[] = {"top-right", "top-left", "bottom-left", "none", NULL};
static const int button_values[] = {LANG_BUTTON_TOP_RIGHT, LANG_BUTTON_TOP_LEFT,
                                    LANG_BUTTON_BOTTOM_LEFT, LANG_BUTTON_NONE};

static const field transition_rows[] = {
    {.key = "type", .kind = FIELD_ENUM, .required = FIELD_ALWAYS,
     .offset = offsetof(transition_spec, type), .names = format_transition_names,
     .values = transition_values,
     .doc = "fade 淡入, push 推入, wipe 擦除, zoom 缩放, none 直接切换"},
    {.key = "duration", .kind = FIELD_SECONDS, .ranged = true, .min = 0, .max = 60,
     .offset = offsetof(transition_spec, duration_ms),
     .doc = "Seconds. 过渡时长（秒）。"},
};
static const field_table transition_table = TABLE(transition_rows);

static const field theme_rows[] = {
    {.key = "background", .kind = FIELD_COLOR, .def_str = "#0b1f33",
     .offset = offsetof(deck_theme, background),
     .doc = "Background colour. 背景色。"},
    {.key = "text", .kind = FIELD_COLOR, .def_str = "#f4f1ea",
     .offset = offsetof(deck_theme, text),
     .doc = "Text colour. 文字颜色。"},
    {.key = "accent", .kind = FIELD_COLOR, .def_str = "#f0a030",
     .offset = offsetof(deck_theme, accent),
     .doc = "Accent colour for figures and badges. 强调色。"},
    {.key = "font", .kind = FIELD_FONT, .def_str = DECK_FONT_REGULAR,
     .offset = offsetof(deck_theme, font),
     .doc = "Regular font inside the deck, e.g. fonts/x.otf (default: the shipped Noto Sans CJK SC). 常规字体。"},
    {.key = "font_bold", .kind = FIELD_FONT, .def_str = DECK_FONT_BOLD,
     .offset = offsetof(deck_theme, font_bold),
     .doc = "Bold font inside the deck. 粗体字体。"},
    {.key = "min_text_size", .kind = FIELD_INT, .ranged = true, .min = 8, .max = 400,
     .def = DECK_DEFAULT_MIN_TEXT_PX, .offset = offsetof(deck_theme, min_text_px),
     .doc = "Smallest text size in pixels before text is cut with \"…\". 最小字号。"},
};
static const field_table theme_table = TABLE(theme_rows);

static const field settings_rows[] = {
    {.key = "title", .kind = FIELD_STRING, .offset = offsetof(deck, title),
     .doc = "Name of the deck. 演示名称。"},
    {.key = "language", .kind = FIELD_ENUM, .def_str = "zh", .names = language_names,
     .values = language_values, .offset = offsetof(deck, language),
     .doc = "The language shown at start and after the idle return: zh 中文, en English. "
            "Any text may be written {\"zh\": \"…\", \"en\": \"…\"}. 默认语言。"},
    {.key = "language_button", .kind = FIELD_ENUM, .def_str = "top-right",
     .names = button_names, .values = button_values,
     .offset = offsetof(deck, language_button),
     .doc = "Where the 中/EN button sits in a deck with texts in both languages; none: no "
            "button. 中/EN 切换按钮的位置。"},
    {.key = "size", .kind = FIELD_SIZE, .ranged = true, .min = 320, .max = 7680,
     .def = DECK_DEFAULT_WIDTH, .def2 = DECK_DEFAULT_HEIGHT,
     .offset = offsetof(deck, width),
     .doc = "[width, height] of the design canvas in pixels. 设计画布尺寸。"},
    {.key = "duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_DURATION_MS / 1000.0, .offset = offsetof(deck, duration_ms),
     .doc = "Default seconds per slide. 每页默认停留秒数。"},
    {.key = "transition", .kind = FIELD_TRANSITION, .def_str = "fade",
     .def = DECK_DEFAULT_TRANSITION_MS / 1000.0, .names = format_transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(deck, transition),
     .doc = "How this slide comes in: a name, or {\"type\": name, \"duration\": seconds}. 进入本页的过渡效果。"},
    {.key = "idle_timeout", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_IDLE_TIMEOUT_MS / 1000.0,
     .offset = offsetof(deck, idle_timeout_ms),
     .doc = "Seconds without a touch before returning to the first slide. 无人触摸多少秒后回到首页。"},
    {.key = "lock", .kind = FIELD_BOOL, .offset = offsetof(deck, lock),
     .doc = "true disables the quit keys. 锁定，禁用退出键。"},
    {.key = "count_duration", .kind = FIELD_SECONDS,
     .def = DECK_DEFAULT_COUNT_DURATION_MS / 1000.0,
     .offset = offsetof(deck, count_duration_ms),
     .doc = "Default seconds of the count-up. 数字滚动默认时长。"},
    {.key = "theme", .kind = FIELD_OBJECT, .sub = &theme_table,
     .offset = offsetof(deck, theme),
     .doc = "Colours and fonts. 颜色与字体。"},
    {.key = "max_image_megapixels", .kind = FIELD_NUMBER, .ranged = true,
     .min_exclusive = true, .min = 0, .max = 1000, .def = DECK_DEFAULT_MAX_IMAGE_MEGAPIXELS,
     .offset = offsetof(deck, max_image_megapixels),
     .doc = "A picture with more megapixels is refused from its header, before it is decoded. 图片像素上限（百万像素），超过则拒绝解码。"},
};
const field_table format_settings_table = TABLE(settings_rows);

static const field item_rows[] = {
    {.key = "label", .kind = FIELD_STRING, .types = FIELD_FIGURES, .required = FIELD_FIGURES,
     .offset = offsetof(stat_item, label),
     .doc = "What the figure counts. 指标名称。"},
    {.key = "value", .kind = FIELD_NUMBER, .types = FIELD_BIT(SLIDE_STATS),
     .required = FIELD_BIT(SLIDE_STATS), .offset = offsetof(stat_item, value),
     .doc = "The figure, e.g. 58.58. 数值。"},
    {.key = "value", .kind = FIELD_NUMBER, .types = FIELD_BIT(SLIDE_CHART),
     .required = FIELD_BIT(SLIDE_CHART), .ranged = true, .min = 0, .max = HUGE_VAL,
     .offset = offsetof(stat_item, value),
     .doc = "Bar value (not negative). 数值（不小于 0）。"},
    /* -1: "as written in the source" (58.58 → 2). */
    {.key = "decimals", .kind = FIELD_DECIMALS, .literal_of = "value",
     .types = FIELD_FIGURES, .ranged = true,
     .min = 0, .max = DECK_MAX_DECIMALS, .def = -1,
     .offset = offsetof(stat_item, decimals),
     .doc = "Decimals shown (default: as written, 58.58 → 2). 显示的小数位数（默认与书写一致）。"},
    {.key = "prefix", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, prefix),
     .doc = "Before the number, e.g. \"近\". 数字前缀。"},
    {.key = "unit", .kind = FIELD_STRING, .types = FIELD_FIGURES,
     .offset = offsetof(stat_item, unit),
     .doc = "After the number, e.g. \"亿元\", \"%\". 单位。"},
    {.key = "growth", .kind = FIELD_NUMBER, .types = FIELD_FIGURES,
     .offset = offsetof(stat_item, growth), .has_offset = offsetof(stat_item, has_growth),
     .doc = "Percent change shown as a badge, e.g. 108. 增长百分比。"},
    {.key = "max", .kind = FIELD_NUMBER, .types = FIELD_BIT(SLIDE_CHART), .ranged = true,
     .min_exclusive = true, .min = 0, .max = HUGE_VAL, .offset = offsetof(stat_item, max),
     .has_offset = offsetof(stat_item, has_max),
     .doc = "The value of a full bar (default: 100 for a progress item in %, else the largest "
            "value). 满格对应的数值（默认：单位为 % 的进度条为 100，否则为最大的数值）。"},
    {.key = "growth_label", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_STATS),
     .def_str = "同比增长", .def_en = "year on year", .offset = offsetof(stat_item, growth_label),
     .shown_if = offsetof(stat_item, has_growth),
     .doc = "Badge text before the growth. 增长标签文字。"},
    {.key = "icon", .kind = FIELD_IMAGE, .types = FIELD_BIT(SLIDE_STATS),
     .offset = offsetof(stat_item, icon),
     .doc = "Path of a PNG, JPEG or WebP image inside the deck folder, e.g. \"assets/photo.jpg\". 图片路径（相对于演示文件夹）。"},
};
static const field_table item_table = TABLE(item_rows);

static const field qr_rows[] = {
    {.key = "text", .kind = FIELD_STRING, .required = FIELD_ALWAYS, .check = qr_text_ok,
     .not_drawn = true, .offset = offsetof(slide_qr, text),
     .doc = "What the code carries: a URL or any text. 二维码的内容：网址或文字。"},
    {.key = "caption", .kind = FIELD_STRING, .offset = offsetof(slide_qr, caption),
     .doc = "A line under the code, e.g. 扫码阅读全文. 二维码下方的说明。"},
};
static const field_table qr_table = TABLE(qr_rows);

static const field schedule_rows[] = {
    {.key = "from", .kind = FIELD_DATE, .offset = offsetof(schedule, from_day),
     .has_offset = offsetof(schedule, has_from),
     .doc = "First day shown, \"YYYY-MM-DD\" (inclusive). 开始日期（含当天）。"},
    {.key = "until", .kind = FIELD_DATE, .offset = offsetof(schedule, until_day),
     .has_offset = offsetof(schedule, has_until),
     .doc = "Last day shown, \"YYYY-MM-DD\" (inclusive). 结束日期（含当天）。"},
    {.key = "days", .kind = FIELD_WEEKDAYS, .offset = offsetof(schedule, days),
     .names = schedule_day_all_names,
     .doc = "Weekdays shown: a name or a list, e.g. [\"sat\", \"sun\"] or [\"周六\", \"周日\"] "
            "(default: every day). 星期几显示。"},
    {.key = "hours", .kind = FIELD_HOURS, .ranged = true, .min = 1, .max = SCHEDULE_MAX_HOURS,
     .offset = offsetof(schedule, hours), .has_offset = offsetof(schedule, n_hours),
     .doc = "Hours of the day shown: \"HH:MM-HH:MM\" or a list of them, e.g. \"11:30-13:30\" "
            "(the end is not included; default: all day). 每天显示的时段。"},
};
static const field_table schedule_table = TABLE(schedule_rows);

static const field slide_rows[] = {
    {.key = "type", .kind = FIELD_TYPE, .required = FIELD_ALWAYS, .names = format_slide_type_names,
     .doc = "title 封面, text 文字, photo 照片, stats 数字, chart 图表"},
    {.key = "title", .kind = FIELD_STRING, .required = FIELD_BIT(SLIDE_TITLE),
     .offset = offsetof(slide, title),
     .doc = "Heading. 标题。"},
    {.key = "subtitle", .kind = FIELD_STRING, .offset = offsetof(slide, subtitle),
     .doc = "Line under the heading. 副标题。"},
    {.key = "duration", .kind = FIELD_SECONDS, .offset = offsetof(slide, duration_ms),
     .deck_offset = offsetof(deck, duration_ms),
     .doc = "Seconds this slide stays (default: the deck's, 8). 停留秒数。"},
    {.key = "transition", .kind = FIELD_TRANSITION, .names = format_transition_names,
     .values = transition_values, .sub = &transition_table,
     .offset = offsetof(slide, transition), .deck_offset = offsetof(deck, transition),
     .doc = "How this slide comes in: a name, or {\"type\": name, \"duration\": seconds}. 进入本页的过渡效果。"},
    {.key = "background", .kind = FIELD_BACKGROUND,
     .offset = offsetof(slide, background_image),
     .doc = "\"#rrggbb\" colour or an image path. 背景颜色或背景图片。"},
    {.key = "chapter", .kind = FIELD_STRING, .offset = offsetof(slide, chapter),
     .doc = "Chapter name for jumping between parts. 所属章节。"},
    {.key = "image", .kind = FIELD_IMAGE,
     .types = FIELD_BIT(SLIDE_TITLE) | FIELD_BIT(SLIDE_TEXT) | FIELD_BIT(SLIDE_PHOTO),
     .required = FIELD_BIT(SLIDE_PHOTO), .offset = offsetof(slide, image),
     .doc = "Path of a PNG, JPEG or WebP image inside the deck folder, e.g. \"assets/photo.jpg\". 图片路径（相对于演示文件夹）。"},
    {.key = "body", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_TEXT),
     .required = FIELD_BIT(SLIDE_TEXT), .offset = offsetof(slide, body),
     .doc = "Text; \"\\n\" starts a paragraph. 正文，\\n 分段。"},
    {.key = "caption", .kind = FIELD_STRING, .types = FIELD_BIT(SLIDE_PHOTO),
     .offset = offsetof(slide, caption),
     .doc = "Caption. 图片说明。"},
    {.key = "fit", .kind = FIELD_ENUM, .types = FIELD_BIT(SLIDE_PHOTO), .def_str = "cover",
     .names = fit_names, .values = fit_values, .offset = offsetof(slide, fit),
     .doc = "cover fills the screen (cropping); contain shows it whole. 铺满或完整显示。"},
    {.key = "ken_burns", .kind = FIELD_BOOL, .types = FIELD_BIT(SLIDE_PHOTO), .def = 1,
     .offset = offsetof(slide, ken_burns),
     .doc = "Slow pan and zoom. 缓慢推拉效果。"},
    {.key = "kind", .kind = FIELD_ENUM, .types = FIELD_BIT(SLIDE_CHART), .def_str = "bar",
     .names = chart_names, .values = chart_values, .offset = offsetof(slide, chart),
     .doc = "bar 柱状, progress 进度条"},
    {.key = "items", .kind = FIELD_ITEMS, .types = FIELD_FIGURES, .required = FIELD_FIGURES,
     .ranged = true, .min = 1, .max = DECK_MAX_STAT_ITEMS, .sub = &item_table,
     .offset = offsetof(slide, items), .has_offset = offsetof(slide, n_items),
     .doc = "1 to 8 figures. 1 至 8 个数字。"},
    {.key = "note", .kind = FIELD_STRING, .types = FIELD_FIGURES,
     .offset = offsetof(slide, note),
     .doc = "Source line under the figures. 数据来源说明。"},
    {.key = "count_duration", .kind = FIELD_SECONDS, .types = FIELD_FIGURES,
     .offset = offsetof(slide, count_duration_ms),
     .deck_offset = offsetof(deck, count_duration_ms),
     .doc = "Seconds the numbers take to count up (default: the deck's, 2). 数字滚动时长（秒）。"},
    {.key = "easing", .kind = FIELD_ENUM, .types = FIELD_FIGURES, .def_str = "easeOutExpo",
     .names = easing_names, .values = easing_values, .offset = offsetof(slide, easing),
     .doc = "Curve of the count-up. 滚动缓动曲线。"},
    {.key = "stagger", .kind = FIELD_SECONDS, .types = FIELD_FIGURES, .ranged = true,
     .min = 0, .max = 60, .def = DECK_DEFAULT_STAGGER_MS / 1000.0,
     .offset = offsetof(slide, stagger_ms),
     .doc = "Seconds between one figure starting and the next. 相邻数字开始滚动的间隔（秒）。"},
    {.key = "separator", .kind = FIELD_CHOICE, .types = FIELD_FIGURES,
     .names = separator_names, .offset = offsetof(slide, separator),
     .doc = "Digit grouping: \",\" gives 12,345; \" \" gives 12 345; \"\" none. 千位分隔符。"},
    {.key = "qr", .kind = FIELD_OBJECT, .sub = &qr_table, .shorthand = "text",
     .offset = offsetof(slide, qr),
     .doc = "A take-home QR code in the bottom-right corner: a URL or any text (at most 213 bytes of UTF-8), or {\"text\": ..., \"caption\": ...}. 右下角的二维码：网址或文字，可加说明。"},
    {.key = "schedule", .kind = FIELD_SCHEDULE, .sub = &schedule_table,
     .offset = offsetof(slide, schedule),
     .doc = "When the slide is shown, on the local clock: {\"from\", \"until\", \"days\", \"hours\"}, each optional; outside it the slide is skipped. 播放时间表：日期、星期、时段，之外不显示。"},
};
const field_table format_slide_table = TABLE(slide_rows);
