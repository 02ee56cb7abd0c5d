#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

bool diag_addv(diag_list *list, diag_severity sev, const char *path, int line, int col,
               const char *fmt, va_list ap)
{
    diag *items = grow_array(list->items, &list->cap, list->n + 1, sizeof *items, 16);
    if (!items)
        return false;
    list->items = items;
    char *message = NULL;
    if (vasprintf(&message, fmt, ap) < 0)
        message = NULL;
    diag *d = &list->items[list->n];
    d->path = dup_or_null(path ? path : "");
    d->message = message;
    if (!d->path || !d->message) {
        free(d->path);
        free(d->message);
        return false;
    }
    d->line = line > 0 ? line : 1;
    d->col = col > 0 ? col : 1;
    d->severity = sev;
    d->local = false;
    list->n++;
    return true;
}

void diag_add(diag_list *list, diag_severity sev, const char *path, int line,
              int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_addv(list, sev, path, line, col, fmt, ap);
    va_end(ap);
}

size_t diag_count(const diag_list *list, diag_severity sev)
{
    size_t count = 0;
    for (size_t i = 0; i < list->n; i++)
        count += list->items[i].severity == sev;
    return count;
}

void diag_format(const diag *d, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s:%d:%d: %s: %s", d->path, d->line, d->col,
             d->severity == DIAG_ERROR ? "error" : "warning", d->message);
}

void diag_print(const diag_list *list, FILE *out)
{
    char buf[2048];
    for (size_t i = 0; i < list->n; i++) {
        diag_format(&list->items[i], buf, sizeof buf);
        fprintf(out, "%s\n", buf);
    }
}

void diag_list_clear(diag_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].message);
    }
    free(list->items);
    list->items = NULL;
    list->n = list->cap = 0;
}
