/* The binder's handlers of a slide's schedule (FIELD_SCHEDULE and the
 * kinds of its keys): dates, weekdays and hours checked and stored, each
 * mistake said at its line and column, the whole checked last. */
#include <stdio.h>
#include <string.h>

#include "civil.h"
#include "deck_bind_kinds.h"
#include "schedule.h"

void bind_date(deck_loader *L, const field *f, const cJSON *v, const char *path,
               void *base)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_DATE));
        return;
    }
    long long days;
    if (civil_parse_date(v->valuestring, &days) == 0 || v->valuestring[10] != '\0') {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_BAD_DATE, path, v->valuestring);
        return;
    }
    *(long long *)bind_at(base, f->offset) = days;
    *(bool *)bind_at(base, f->has_offset) = true;
}

/* One weekday name at `path` into the bits *days. */
static void bind_weekday(deck_loader *L, const cJSON *v, const char *path, unsigned *days)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_A_STRING));
        return;
    }
    int d = schedule_parse_day(v->valuestring);
    if (d < 0) {
        char names[200];
        report_list_names(schedule_day_names, false, names, sizeof names);
        const char *near = schedule_suggest_day(v->valuestring);
        if (near)
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_BAD_DAY_NEAR, path, names,
                      v->valuestring, near);
        else
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_BAD_DAY, path, names,
                      v->valuestring);
        return;
    }
    if (*days & (1u << d)) {
        char quoted[80];
        snprintf(quoted, sizeof quoted, "\"%s\"", v->valuestring);
        REPORT_AT(L, DIAG_WARNING, path, false, MSG_SCHEDULE_DAY_TWICE, path, quoted);
    }
    *days |= 1u << d;
}

void bind_weekdays(deck_loader *L, const field *f, const cJSON *v, const char *path,
                   void *base)
{
    unsigned days = 0;
    if (cJSON_IsString(v)) {
        bind_weekday(L, v, path, &days);
    } else if (cJSON_IsArray(v)) {
        int n = cJSON_GetArraySize(v);
        if (n < 1) {
            REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_ENTRIES, path, 1.0, 7.0, n);
            return;
        }
        int i = 0;
        for (const cJSON *el = v->child; el; el = el->next, i++) {
            char sub[256];
            bind_index_path(sub, sizeof sub, path, i);
            bind_weekday(L, el, sub, &days);
        }
    } else {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_WEEKDAYS));
        return;
    }
    *(unsigned *)bind_at(base, f->offset) = days;
}

/* One hours range at `path`; false after saying what is wrong with it. */
static bool bind_one_hours(deck_loader *L, const cJSON *v, const char *path, schedule_hours *out)
{
    if (!cJSON_IsString(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_HOURS));
        return false;
    }
    const char *text = v->valuestring;
    size_t bad = 0;
    schedule_hours h;
    switch (schedule_parse_hours(text, &h, &bad)) {
    case SCHEDULE_HOURS_OK:
        *out = h;
        return true;
    case SCHEDULE_HOURS_SHAPE:
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_HOURS_SHAPE, path, text);
        break;
    case SCHEDULE_HOURS_CLOCK: {
        /* At the wrong time itself: one column past the opening quote, and
         * the text before it is ASCII (spaces, digits, ':' and '-'). */
        int line, col;
        report_where(L, path, false, &line, &col);
        int len = (int)strspn(text + bad, "0123456789:");
        report_add(L, DIAG_ERROR, line, col + 1 + (int)bad, MSG_SCHEDULE_HOURS_CLOCK, path, len,
                   text + bad);
        break;
    }
    case SCHEDULE_HOURS_EMPTY:
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_HOURS_EMPTY, path, text);
        break;
    case SCHEDULE_HOURS_BACKWARDS: {
        char start[16], end[16];
        schedule_clock_text(h.start_s, start, sizeof start);
        schedule_clock_text(h.end_s, end, sizeof end);
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_SCHEDULE_HOURS_BACKWARDS, path, text, start, end);
        break;
    }
    }
    return false;
}

void bind_hours(deck_loader *L, const field *f, const cJSON *v, const char *path,
                void *base)
{
    schedule_hours *slot = bind_at(base, f->offset);
    size_t *n_slot = bind_at(base, f->has_offset);
    if (cJSON_IsString(v)) {
        if (bind_one_hours(L, v, path, &slot[0]))
            *n_slot = 1;
        return;
    }
    if (!cJSON_IsArray(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_HOURS));
        return;
    }
    int n = cJSON_GetArraySize(v);
    if (n < f->min || n > f->max) {
        REPORT_AT(L, DIAG_ERROR, path, false, MSG_VALUE_ENTRIES, path, f->min, f->max, n);
        return;
    }
    size_t k = 0;
    int i = 0;
    for (const cJSON *el = v->child; el; el = el->next, i++) {
        char sub[256];
        bind_index_path(sub, sizeof sub, path, i);
        if (bind_one_hours(L, el, sub, &slot[k]))
            k++;
    }
    *n_slot = k;
}

/* The schedule object: its keys through the rows, then what only the whole
 * says (dates the wrong way round, a window with no day in it). */
void bind_schedule(deck_loader *L, const field *f, const cJSON *v, const char *path,
                   void *base)
{
    if (!cJSON_IsObject(v)) {
        report_wrong_type(L, v, path, report_word(L, MSG_WORD_AN_OBJECT_WANT));
        return;
    }
    schedule s = {0};
    bind_object(L, f->sub, v, path, &s);
    s.set = true;
    if (s.has_from && s.has_until && s.until_day < s.from_day) {
        char until_path[256];
        bind_child_path(until_path, sizeof until_path, path, "until");
        REPORT_AT(L, DIAG_ERROR, until_path, false, MSG_SCHEDULE_UNTIL_BEFORE_FROM,
                  cJSON_GetObjectItemCaseSensitive(v, "until")->valuestring,
                  cJSON_GetObjectItemCaseSensitive(v, "from")->valuestring);
    } else if (!schedule_ever_on(&s)) {
        REPORT_AT(L, DIAG_WARNING, path, false, MSG_SCHEDULE_NEVER_ON);
    }
    *(schedule *)bind_at(base, f->offset) = s;
}
