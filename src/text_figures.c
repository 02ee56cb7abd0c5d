/* text_figures — quantities kept on one line.
 *
 * An expression is [qualifier] number [units] { (date part | range) number
 * [units] } [/unit] [attributive noun], where a number is either digits
 * (with "." or "," only between two digits: 58.58, 5,500) or a run of
 * Chinese numerals (四, 十四五, 二〇二五). A lone Chinese numeral counts only
 * with a unit after it or 第 before it, since 一 and 万 also live inside
 * ordinary words (统一, 万众). A long run of numerals is not a number. */
#include "text_figures.h"

#include "text_chars.h"

/* How many unit words may follow one another after a figure (万 余 人次). */
#define FIGURE_UNIT_CHAIN_MAX 3
/* Chinese numerals in a row that still read as one number (一万二千五百). */
#define FIGURE_CN_RUN_MAX 6
/* Ideographs after 四大 / 万吨级 that the numeral describes (四大港口). */
#define FIGURE_ATTRIBUTIVE_NOUN 2

/* Qualifiers that stay with the figure after them: 近10亿元, 第3届. */
static const char FIGURE_PREFIXES[] = "近约超逾共达第计仅破每前";

static const char CN_NUMERALS[] = "〇零一二两三四五六七八九十百千万亿";

/* Between two numbers of one range or size: 3-5年, 10%～20%, 3至5天,
 * 1920×1080. */
static const char RANGE_SIGNS[] = "-–—~～至到×";

/* Unit and measure words after a number; the longest match wins. 大, 级
 * (四大, 万吨级) describe the noun after them, which stays too. */
static const char *const UNIT_WORDS[] = {
    "亿元", "万元", "元", "美元", "万美元", "亿美元", "亿", "万", "千", "百", "十",
    "余人次", "万人次", "人次", "余人", "万人", "人", "名", "位", "户",
    "余个品种", "个品种", "品种", "种", "款", "余个", "多个", "个", "个月",
    "余家", "家", "类", "项", "大项", "届", "次", "场", "批", "期", "轮",
    "万吨", "吨", "千克", "公斤", "克", "斤",
    "万立方米", "立方米", "万平方米", "平方米", "平方公里", "公里", "千米", "米",
    "公顷", "万亩", "亩", "千瓦", "万千瓦", "千瓦时", "万千瓦时",
    "年", "周年", "月", "日", "号", "天", "周", "小时", "分钟", "秒", "岁",
    "座", "所", "条", "辆", "艘", "台", "套", "件", "份", "张", "本", "篇",
    "株", "头", "只", "层", "栋", "间", "部", "倍", "成", "余", "多",
    "地", "省", "市", "县", "区", "国", "方", "大", "级", "星", "线", "路",
    "%", "％", "‰", "℃", "°",
};

static const char *const ATTRIBUTIVE_UNITS[] = {"大", "级"};

/* Length in bytes of the longest unit word at s[i..n), or 0; *word gets it. */
static size_t match_unit(const char *s, size_t n, size_t i, const char **word)
{
    size_t best = 0;
    for (size_t u = 0; u < sizeof UNIT_WORDS / sizeof UNIT_WORDS[0]; u++) {
        size_t len = strlen(UNIT_WORDS[u]);
        if (len > best && len <= n - i && memcmp(s + i, UNIT_WORDS[u], len) == 0) {
            best = len;
            *word = UNIT_WORDS[u];
        }
    }
    return best;
}

/* End of the number at s[i], or i when none starts there. *cn_chars gets
 * the count of Chinese numerals (0 for digits). */
static size_t number_end(const char *s, size_t n, size_t i, size_t *cn_chars)
{
    uint32_t cp;
    *cn_chars = 0;
    if (i >= n)
        return i;
    text_char_at(s, n, i, &cp);
    size_t end = i;
    if (text_is_digit(cp)) {
        while (end < n) {
            uint32_t c;
            size_t k = text_char_at(s, n, end, &c);
            if (text_is_digit(c)) {
                end += k;
                continue;
            }
            if ((c == '.' || c == ',') && end + k < n) {
                uint32_t next;
                text_char_at(s, n, end + k, &next);
                if (text_is_digit(next)) {
                    end += k;
                    continue;
                }
            }
            break;
        }
        return end;
    }
    while (end < n) {
        uint32_t c;
        size_t k = text_char_at(s, n, end, &c);
        if (!text_in_set(CN_NUMERALS, c))
            break;
        end += k;
        ++*cn_chars;
    }
    return *cn_chars > FIGURE_CN_RUN_MAX ? i : end;
}

/* Units after a number at s[end..n): the end of the chain; *last gets the
 * last unit word (NULL: none). */
static size_t units_end(const char *s, size_t n, size_t end, const char **last)
{
    *last = NULL;
    for (int chain = 0; chain < FIGURE_UNIT_CHAIN_MAX && end < n; chain++) {
        const char *w = NULL;
        size_t u = match_unit(s, n, end, &w);
        if (!u)
            break;
        end += u;
        *last = w;
    }
    return end;
}

static bool is_word(const char *w, const char *want)
{
    return w && strcmp(w, want) == 0;
}

/* The end of the expression whose number starts at i (after any prefix),
 * or i when there is none to keep together. */
static size_t expression_end(const char *s, size_t n, size_t i, bool has_prefix)
{
    size_t cn;
    size_t end = number_end(s, n, i, &cn);
    if (end == i)
        return i;
    const char *unit;
    size_t after = units_end(s, n, end, &unit);
    if (cn == 1 && !unit && !has_prefix)
        return i; /* 一 in 统一, 万 in 万众 */
    end = after;
    for (;;) {
        size_t next = end, ncn;
        uint32_t c = 0;
        if (end < n)
            text_char_at(s, n, end, &c);
        bool date = is_word(unit, "年") || is_word(unit, "月");
        if (!date && end < n && text_in_set(RANGE_SIGNS, c))
            next = end + text_char_at(s, n, end, &c);
        else if (!date)
            break;
        size_t num = number_end(s, n, next, &ncn);
        if (num == next || (cn == 0) != (ncn == 0))
            break; /* 2025年 then words; digits and numerals do not mix */
        end = units_end(s, n, num, &unit);
    }
    if (end + 1 < n && s[end] == '/') {
        const char *w;
        size_t u = match_unit(s, n, end + 1, &w);
        if (u)
            end += 1 + u;
    }
    for (size_t a = 0; a < sizeof ATTRIBUTIVE_UNITS / sizeof *ATTRIBUTIVE_UNITS; a++) {
        if (!is_word(unit, ATTRIBUTIVE_UNITS[a]))
            continue;
        for (int k = 0; k < FIGURE_ATTRIBUTIVE_NOUN && end < n; k++) {
            uint32_t c;
            size_t ck = text_char_at(s, n, end, &c);
            if (!text_is_ideograph(c) || text_in_set(CN_NUMERALS, c))
                break;
            end += ck;
        }
    }
    return end;
}

void text_mark_figures(const char *s, size_t n, bool *inside)
{
    size_t i = 0, prev = 0; /* prev: start of the character before i */
    bool has_prev = false;
    while (i < n) {
        uint32_t cp;
        size_t k = text_char_at(s, n, i, &cp);
        if (!text_is_digit(cp) && !text_in_set(CN_NUMERALS, cp)) {
            prev = i;
            has_prev = true;
            i += k;
            continue;
        }
        bool has_prefix = false;
        if (has_prev) {
            uint32_t before;
            text_char_at(s, n, prev, &before);
            has_prefix = text_in_set(FIGURE_PREFIXES, before);
        }
        size_t end = expression_end(s, n, i, has_prefix);
        if (end == i) {
            prev = i;
            has_prev = true;
            i += k;
            continue;
        }
        for (size_t p = (has_prefix ? prev : i) + 1; p < end; p++)
            inside[p] = true;
        prev = text_char_before(s, end);
        i = end;
    }
}
