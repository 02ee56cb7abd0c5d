#include "suggest.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#define SUGGEST_MAX_BYTES 40

size_t suggest_distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > SUGGEST_MAX_BYTES || nb > SUGGEST_MAX_BYTES)
        return SIZE_MAX;
    size_t d[SUGGEST_MAX_BYTES + 1][SUGGEST_MAX_BYTES + 1];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                cb == tolower((unsigned char)a[i - 2]) && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[na][nb];
}

void suggest_start(suggest *s, const char *word)
{
    *s = (suggest){.word = word, .best = NULL, .best_distance = SIZE_MAX};
}

void suggest_offer(suggest *s, const char *candidate)
{
    size_t len = strlen(candidate);
    if (len == 0)
        return;
    size_t dist = suggest_distance(s->word, candidate);
    /* A typo of a short name is one slip; a longer one may hold two. */
    bool close = dist <= (len >= 5 ? 2u : 1u) && dist < len;
    if (close && dist < s->best_distance) {
        s->best = candidate;
        s->best_distance = dist;
    }
}

const char *suggest_nearest(const char *word, const char *const *names)
{
    suggest s;
    suggest_start(&s, word);
    for (size_t i = 0; names[i]; i++)
        suggest_offer(&s, names[i]);
    return suggest_best(&s);
}
