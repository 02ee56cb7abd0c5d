#include "chapters.h"

#include <stdlib.h>
#include <string.h>

bool chapters_is_name(const char *name)
{
    if (!name)
        return false;
    for (const char *p = name; *p;) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
        } else if (strncmp(p, "\xe3\x80\x80", 3) == 0) { /* U+3000 ideographic space */
            p += 3;
        } else {
            return true;
        }
    }
    return false;
}

bool chapters_slide_names(const slide *s)
{
    return s->type != SLIDE_BROKEN && chapters_is_name(s->chapter);
}

bool chapters_any(const deck *d)
{
    for (size_t i = 0; d && i < d->n_slides; i++)
        if (chapters_slide_names(&d->slides[i]))
            return true;
    return false;
}

void chapters_free(chapters *c)
{
    free(c->list);
    free(c->of_slide);
    *c = (chapters){0};
}

int chapters_build(const deck *d, chapters *out)
{
    *out = (chapters){0};
    size_t n = d ? d->n_slides : 0;
    if (n == 0)
        return 0;
    out->list = calloc(n, sizeof *out->list);
    out->of_slide = calloc(n, sizeof *out->of_slide);
    if (!out->list || !out->of_slide) {
        chapters_free(out);
        return -1;
    }
    out->n_slides = n;
    int current = -1;
    for (size_t i = 0; i < n; i++) {
        const slide *s = &d->slides[i];
        if (chapters_slide_names(s)) {
            size_t k = 0;
            while (k < out->n && strcmp(out->list[k].name, s->chapter) != 0)
                k++;
            if (k == out->n)
                out->list[out->n++] = (chapter){.name = s->chapter, .first_slide = i};
            current = (int)k;
        }
        out->of_slide[i] = current;
        if (current >= 0 && s->type != SLIDE_BROKEN)
            out->list[current].n_slides++;
    }
    return 0;
}

int chapters_of_slide(const chapters *c, size_t index)
{
    return index < c->n_slides ? c->of_slide[index] : -1;
}
