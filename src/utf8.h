/* utf8 — decoding UTF-8 strictly (no overlongs, no surrogates, nothing past
 * U+10FFFF). Pure. */
#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s[0..len). Returns the number of bytes used
 * (1..4) and stores the code point in *cp, or returns 0 for an invalid or
 * truncated sequence (then *cp is U+FFFD). len must be > 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Returns the byte offset of the first invalid sequence in s[0..len), or
 * len when all of it is valid UTF-8. */
size_t utf8_first_invalid(const char *s, size_t len);

/* Number of code points in s[0..len) (an invalid byte counts as one). */
size_t utf8_length(const char *s, size_t len);

/* Encodes cp into out (at least 4 bytes); returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
