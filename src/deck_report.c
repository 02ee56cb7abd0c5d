#include "deck_report.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck_format.h"
#include "suggest.h"
#include "utf8.h"

void report_add(deck_loader *L, diag_severity sev, int line, int col, msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    if (!diag_msgv(&L->diags, sev, L->file, line, col, id, ap))
        L->nomem = true;
    va_end(ap);
}

const char *report_word(const deck_loader *L, msg_id id)
{
    return msg_text(L->diags.lang, id);
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
        msg_format(out, cap, L->diags.lang, MSG_WORD_THE_STRING, n, s, s[n] ? "…" : "");
    } else if (cJSON_IsNumber(v)) {
        char num[64];
        report_number_text(L, path, v->valuedouble, num, sizeof num);
        msg_format(out, cap, L->diags.lang, MSG_WORD_THE_NUMBER, num);
    } else if (cJSON_IsTrue(v)) {
        snprintf(out, cap, "true");
    } else if (cJSON_IsFalse(v)) {
        snprintf(out, cap, "false");
    } else if (cJSON_IsNull(v)) {
        snprintf(out, cap, "null");
    } else if (cJSON_IsArray(v)) {
        snprintf(out, cap, "%s", report_word(L, MSG_WORD_AN_ARRAY));
    } else {
        snprintf(out, cap, "%s", report_word(L, MSG_WORD_AN_OBJECT));
    }
}

void report_wrong_type(deck_loader *L, const cJSON *v, const char *path, const char *want)
{
    char got[128];
    report_describe(L, v, path, got, sizeof got);
    REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_WRONG_TYPE, path, want, got);
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
    if (near)
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_BAD_NAME_NEAR, path, list, got, near);
    else
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_BAD_NAME, path, list, got);
}

/* A path that does not exist. A backslash in it (typed "assets\\new.jpg",
 * which JSON reads as "assets", a line break, "ew.jpg") is the likely cause
 * and is said first, as typed, with the path written with '/'; otherwise
 * the nearest existing name is offered. */
static void report_missing(deck_loader *L, diag_severity sev, int line, int col, const char *path,
                           const char *rel, const char *then)
{
    static const char escaped[] = "\n\t\r\b\f\\";
    static const char letter[] = "ntrbf\\";
    if (strpbrk(rel, escaped)) {
        char typed[512], fixed[512];
        size_t t = 0, f = 0;
        for (const char *p = rel; *p && t + 3 < sizeof typed && f + 2 < sizeof fixed; p++) {
            const char *e = strchr(escaped, *p);
            if (e) {
                typed[t++] = '\\';
                typed[t++] = letter[e - escaped];
                fixed[f++] = '/';
                if (*p != '\\')
                    fixed[f++] = letter[e - escaped];
            } else {
                typed[t++] = *p;
                fixed[f++] = *p;
            }
        }
        typed[t] = fixed[f] = '\0';
        report_add(L, sev, line, col, MSG_FILE_BACKSLASH, path, typed, fixed, then);
        return;
    }
    char *near = deck_files_nearest(L->dir, rel);
    if (near)
        report_add(L, sev, line, col, MSG_FILE_MISSING_NEAR, path, rel, near, then);
    else
        report_add(L, sev, line, col, MSG_FILE_MISSING, path, rel, then);
    free(near);
}

/* Reports why a path a deck names cannot be used, at the path's value,
 * with `then` (what happens instead) after the reason. */
void report_file_as(deck_loader *L, diag_severity sev, const char *path, const char *rel,
                    deck_file_status s, const deck_file_detail *detail, const char *then)
{
    int line, col;
    report_where(L, path, false, &line, &col);
    switch (s) {
    case DECK_FILE_OK:
        return;
    case DECK_FILE_NOMEM:
        L->nomem = true;
        return;
    case DECK_FILE_EMPTY:
        report_add(L, sev, line, col, MSG_FILE_EMPTY, path, then);
        return;
    case DECK_FILE_ABSOLUTE:
        report_add(L, sev, line, col, MSG_FILE_ABSOLUTE, path, rel, then);
        return;
    case DECK_FILE_PARENT:
        report_add(L, sev, line, col, MSG_FILE_PARENT, path, rel, then);
        return;
    case DECK_FILE_MISSING:
        report_missing(L, sev, line, col, path, rel, then);
        return;
    case DECK_FILE_UNREADABLE:
        report_add(L, sev, line, col, MSG_FILE_CANNOT_READ_WHY, path, rel,
                   strerror(detail->err), then);
        return;
    case DECK_FILE_LINK_OUTSIDE:
        report_add(L, sev, line, col, MSG_FILE_LINK_OUTSIDE, path, rel, then);
        return;
    case DECK_FILE_NOT_REGULAR:
        report_add(L, sev, line, col, MSG_FILE_NOT_REGULAR, path, rel,
                   detail->kind ? detail->kind : "?", then);
        return;
    case DECK_FILE_LOOP:
        report_add(L, sev, line, col, MSG_FILE_LOOP, path, rel, then);
        return;
    case DECK_FILE_EMPTY_FILE:
        report_add(L, sev, line, col, MSG_FILE_EMPTY_FILE, path, rel, then);
        return;
    case DECK_FILE_TOO_MANY_PIXELS: {
        char limit[200];
        imgprobe_check_limit(&detail->info, detail->max_pixels, limit, sizeof limit);
        report_add(L, sev, line, col, MSG_FILE_TOO_MANY_PIXELS, path, rel, limit, then);
        return;
    }
    case DECK_FILE_NOT_IMAGE:
        report_add(L, sev, line, col, MSG_FILE_NOT_IMAGE, path, rel, then);
        return;
    case DECK_FILE_BAD_IMAGE:
        report_add(L, sev, line, col, MSG_FILE_BAD_IMAGE, path, rel,
                   imgprobe_format_name(detail->format), then);
        return;
    case DECK_FILE_IMAGE_UNREADABLE:
    case DECK_FILE_FONT_UNREADABLE:
        if (detail->err)
            report_add(L, sev, line, col, MSG_FILE_CANNOT_READ_WHY, path, rel,
                       strerror(detail->err), then);
        else
            report_add(L, sev, line, col, MSG_FILE_CANNOT_READ, path, rel, then);
        return;
    case DECK_FILE_NOT_FONT:
        report_add(L, sev, line, col, MSG_FILE_NOT_FONT, path, rel, then);
        return;
    }
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
    report_add(L, DIAG_WARNING, line, col, MSG_KEY_DUPLICATE, sub);
}

/* A key no row of this slide type reads: another type's key, or a typo. */
void report_unknown_key(deck_loader *L, const field_table *t, const char *key,
                               const char *path, const char *sub)
{
    char in[300] = "";
    if (*path)
        msg_format(in, sizeof in, L->diags.lang, MSG_WORD_IN_PATH, path);
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
        REPORT_AT(L, DIAG_WARNING, sub, true, MSG_KEY_OTHER_TYPE, key, in,
                  format_slide_type_names[__builtin_ctz(L->type_bit)], owners);
        return;
    }
    suggest s;
    suggest_start(&s, key);
    for (size_t i = 0; i < t->n; i++)
        if (field_applies(&t->rows[i], L->type_bit))
            suggest_offer(&s, t->rows[i].key);
    if (suggest_best(&s))
        REPORT_AT(L, DIAG_WARNING, sub, true, MSG_KEY_UNKNOWN_NEAR, key, in, suggest_best(&s));
    else
        REPORT_AT(L, DIAG_WARNING, sub, true, MSG_KEY_UNKNOWN, key, in);
}
