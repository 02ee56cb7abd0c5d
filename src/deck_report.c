#include "deck_report.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "deck_format.h"
#include "suggest.h"
#include "utf8.h"

void report_add(deck_loader *L, diag_severity sev, int line, int col, const char *fmt,
                 ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!diag_addv(&L->diags, sev, L->file, line, col, fmt, ap))
        L->nomem = true;
    va_end(ap);
}

void report_where(const deck_loader *L, const char *path, bool at_key, int *line, int *col)
{
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
    *line = *col = 1;
    if (!e)
        return;
    if (at_key && e->key_line > 0) {
        *line = e->key_line;
        *col = e->key_col;
    } else {
        *line = e->line;
        *col = e->col;
    }
}

/* The first `max_chars` code points of s, for quoting in messages. */
static int quote_len(const char *s, size_t max_chars)
{
    size_t i = 0, n = strlen(s);
    for (size_t chars = 0; i < n && chars < max_chars; chars++) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
    }
    return (int)i;
}

void report_number_text(const deck_loader *L, const char *path, double v, char *out,
                        size_t cap)
{
    const json_pos_entry *e = L->ix ? json_pos_find(L->ix, path) : NULL;
    if (e && e->literal)
        snprintf(out, cap, "%s", e->literal);
    else
        snprintf(out, cap, "%g", v);
}

void report_describe(const deck_loader *L, const cJSON *v, const char *path,
                         char *out, size_t cap)
{
    if (cJSON_IsString(v)) {
        const char *s = v->valuestring;
        int n = quote_len(s, 40);
        snprintf(out, cap, "the string \"%.*s\"%s", n, s, s[n] ? "…" : "");
    } else if (cJSON_IsNumber(v)) {
        char num[64];
        report_number_text(L, path, v->valuedouble, num, sizeof num);
        snprintf(out, cap, "the number %s", num);
    } else if (cJSON_IsTrue(v)) {
        snprintf(out, cap, "true");
    } else if (cJSON_IsFalse(v)) {
        snprintf(out, cap, "false");
    } else if (cJSON_IsNull(v)) {
        snprintf(out, cap, "null");
    } else if (cJSON_IsArray(v)) {
        snprintf(out, cap, "an array");
    } else {
        snprintf(out, cap, "an object");
    }
}

void report_wrong_type(deck_loader *L, const cJSON *v, const char *path, const char *want)
{
    char got[128];
    report_describe(L, v, path, got, sizeof got);
    REPORT_AT(L, DIAG_ERROR, path, false, "%s must be %s, got %s", path, want, got);
}

/* "fade, push, wipe" or, quoted, "\",\", \" \", \"\"". */
void report_list_names(const char *const *names, bool quoted, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; names[i] && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s%s%s", i ? ", " : "",
                              quoted ? "\"" : "", names[i], quoted ? "\"" : "");
}

void report_unknown_name(deck_loader *L, const char *const *names, const char *got,
                         const char *path, bool quoted)
{
    char list[128];
    report_list_names(names, quoted, list, sizeof list);
    const char *near = suggest_nearest(got, names);
    REPORT_AT(L, DIAG_ERROR, path, false, "%s must be one of %s; got \"%s\"%s%s%s", path,
              list, got, near ? " — did you mean \"" : "", near ? near : "",
              near ? "\"?" : "");
}

/* Reports why a path a deck names cannot be used, at the path's value,
 * with `then` (what happens instead) after the reason. */
void report_file_as(deck_loader *L, diag_severity sev, const char *path, const char *rel,
                    deck_file_status s, const deck_file_detail *detail, const char *then)
{
    int line, col;
    report_where(L, path, false, &line, &col);
    char why[300];
    switch (s) {
    case DECK_FILE_OK:
        return;
    case DECK_FILE_NOMEM:
        L->nomem = true;
        return;
    case DECK_FILE_EMPTY:
        report_add(L, sev, line, col, "%s must not be empty%s", path, then);
        return;
    case DECK_FILE_ABSOLUTE:
        snprintf(why, sizeof why, "is an absolute path; give a path inside the deck folder, "
                                  "like \"assets/photo.jpg\"");
        break;
    case DECK_FILE_PARENT:
        snprintf(why, sizeof why, "leads outside the deck folder");
        break;
    case DECK_FILE_MISSING:
        snprintf(why, sizeof why, "does not exist");
        break;
    case DECK_FILE_UNREADABLE:
        snprintf(why, sizeof why, "cannot be read: %s", strerror(detail->err));
        break;
    case DECK_FILE_LINK_OUTSIDE:
        snprintf(why, sizeof why, "leads outside the deck folder through a symbolic link");
        break;
    case DECK_FILE_NOT_REGULAR:
        snprintf(why, sizeof why, "is %s, not a file", detail->kind ? detail->kind : "not a file");
        break;
    case DECK_FILE_LOOP:
        snprintf(why, sizeof why, "is a loop of symbolic links");
        break;
    case DECK_FILE_EMPTY_FILE:
        snprintf(why, sizeof why, "is an empty file (0 bytes)");
        break;
    case DECK_FILE_TOO_MANY_PIXELS: {
        char limit[200];
        imgprobe_check_limit(&detail->info, detail->max_pixels, limit, sizeof limit);
        snprintf(why, sizeof why, "%s", limit);
        break;
    }
    case DECK_FILE_NOT_IMAGE:
        snprintf(why, sizeof why, "is not a PNG, JPEG or WebP image");
        break;
    case DECK_FILE_BAD_IMAGE:
        snprintf(why, sizeof why, "is a damaged %s image (its header does not parse)",
                 imgprobe_format_name(detail->format));
        break;
    case DECK_FILE_IMAGE_UNREADABLE:
    case DECK_FILE_FONT_UNREADABLE:
        if (detail->err)
            snprintf(why, sizeof why, "cannot be read: %s", strerror(detail->err));
        else
            snprintf(why, sizeof why, "cannot be read");
        break;
    case DECK_FILE_NOT_FONT:
        snprintf(why, sizeof why, "is not a TrueType or OpenType font");
        break;
    default:
        snprintf(why, sizeof why, "cannot be used");
        break;
    }
    report_add(L, sev, line, col, "%s \"%s\" %s%s", path, rel, why, then);
}

void report_file(deck_loader *L, const char *path, const char *rel, deck_file_status s,
                 const deck_file_detail *detail)
{
    report_file_as(L, DIAG_ERROR, path, rel, s, detail, "");
}

/* A second copy of a key: the index finds the first one; this one's key is
 * the next entry with the same path after it. */
void report_duplicate(deck_loader *L, const char *key, const char *sub)
{
    int line = 1, col = 1, seen = 0;
    for (size_t i = 0; L->ix && i < L->ix->n; i++) {
        if (strcmp(L->ix->entries[i].path, sub) == 0 && seen++ > 0) {
            line = L->ix->entries[i].key_line;
            col = L->ix->entries[i].key_col;
            break;
        }
    }
    report_add(L, DIAG_WARNING, line, col,
               "duplicate key \"%s\"; only the first one is used", sub);
}

/* A key no row of this slide type reads: another type's key, or a typo. */
void report_unknown_key(deck_loader *L, const field_table *t, const char *key,
                               const char *path, const char *sub)
{
    const char *in = *path ? " in " : "";
    const field *other = NULL;
    for (size_t i = 0; i < t->n && !other; i++)
        if (strcmp(t->rows[i].key, key) == 0)
            other = &t->rows[i];
    if (other) {
        char owners[96] = "";
        size_t n = 0;
        for (int k = 0; format_slide_type_names[k]; k++)
            if (other->types & FIELD_BIT(k))
                n += (size_t)snprintf(owners + n, sizeof owners - n, "%s%s",
                                      n ? ", " : "", format_slide_type_names[k]);
        REPORT_AT(L, DIAG_WARNING, sub, true,
                  "key \"%s\"%s%s is not used by %s slides (only by: %s)", key, in, path,
                  format_slide_type_names[__builtin_ctz(L->type_bit)], owners);
        return;
    }
    suggest s;
    suggest_start(&s, key);
    for (size_t i = 0; i < t->n; i++)
        if (field_applies(&t->rows[i], L->type_bit))
            suggest_offer(&s, t->rows[i].key);
    if (suggest_best(&s))
        REPORT_AT(L, DIAG_WARNING, sub, true,
                  "unknown key \"%s\"%s%s — did you mean \"%s\"?", key, in, path,
                  suggest_best(&s));
    else
        REPORT_AT(L, DIAG_WARNING, sub, true, "unknown key \"%s\"%s%s", key, in, path);
}
