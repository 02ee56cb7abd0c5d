/* text_chars — the character classes shared by the text modules (text,
 * text_figures, text_set): small inline helpers over valid UTF-8. Pure. */
#ifndef KIOSK_TEXT_CHARS_H
#define KIOSK_TEXT_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Decodes the character at s[i] (the text is sanitized, so it is valid). */
static inline size_t text_char_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t k = utf8_decode(s + i, n - i, cp);
    return k ? k : 1;
}

static inline size_t text_char_before(const char *s, size_t i)
{
    do {
        i--;
    } while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* Whether cp is one of the characters of the UTF-8 string set. */
static inline bool text_in_set(const char *set, uint32_t cp)
{
    size_t n = strlen(set);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += text_char_at(set, n, i, &c);
        if (c == cp)
            return true;
    }
    return false;
}

static inline bool text_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x200B;
}

static inline bool text_is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static inline bool text_is_ideograph(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3007 /* 〇 */;
}

/* Letters and digits of proportional Western text (Latin, Greek,
 * Cyrillic), which sit a quarter em apart from ideographs. Fullwidth forms
 * are set like ideographs and are not Western here. */
static inline bool text_is_western(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp <= 0x4FF);
}

#endif
