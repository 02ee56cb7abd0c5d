#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* A copy of s with every control character written as an escape (\n, \t,
 * \r, else \u00XX), so that what a file name or a decoded JSON string holds
 * cannot break a diagnostic over two lines. */
static char *dup_escaped(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += *p < 0x20 || *p == 0x7F ? 6 : 1;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x20 && *p != 0x7F) {
            *o++ = (char)*p;
            continue;
        }
        const char *short_form = *p == '\n' ? "\\n" : *p == '\t' ? "\\t" : *p == '\r' ? "\\r" : NULL;
        if (short_form)
            o += sprintf(o, "%s", short_form);
        else
            o += sprintf(o, "\\u%04X", *p);
    }
    *o = '\0';
    return out;
}

static bool add_formatted(diag_list *list, diag_severity sev, const char *path, int line,
                          int col, int id, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));

static bool add_formatted(diag_list *list, diag_severity sev, const char *path, int line,
                          int col, int id, const char *fmt, va_list ap)
{
    diag *items = grow_array(list->items, &list->cap, list->n + 1, sizeof *items, 16);
    if (!items)
        return false;
    list->items = items;
    char *raw = NULL;
    if (vasprintf(&raw, fmt, ap) < 0)
        raw = NULL;
    diag *d = &list->items[list->n];
    d->path = dup_escaped(path ? path : "");
    d->message = raw ? dup_escaped(raw) : NULL;
    free(raw);
    if (!d->path || !d->message) {
        free(d->path);
        free(d->message);
        return false;
    }
    d->line = line > 0 ? line : 1;
    d->col = col > 0 ? col : 1;
    d->severity = sev;
    d->local = false;
    d->id = id;
    list->n++;
    return true;
}

bool diag_addv(diag_list *list, diag_severity sev, const char *path, int line, int col,
               const char *fmt, va_list ap)
{
    return add_formatted(list, sev, path, line, col, -1, fmt, ap);
}

/* The formats come from the message table, not from the call: the compiler
 * cannot check their arguments, test_msg checks that both languages of a
 * row take the same ones. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
bool diag_msgv(diag_list *list, diag_severity sev, const char *path, int line, int col,
               msg_id id, va_list ap)
{
    return add_formatted(list, sev, path, line, col, (int)id, msg_text(list->lang, id), ap);
}

void msg_format(char *buf, size_t cap, msg_lang lang, msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    vsnprintf(buf, cap, msg_text(lang, id), ap);
    va_end(ap);
}
#pragma GCC diagnostic pop

bool diag_msg(diag_list *list, diag_severity sev, const char *path, int line, int col,
              msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    bool ok = diag_msgv(list, sev, path, line, col, id, ap);
    va_end(ap);
    return ok;
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
