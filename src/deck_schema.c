#include "deck_schema.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "deck_format.h"

/* A deck-relative path: not absolute, no ".." part (deck_files.c). */
#define PATH_PATTERN "^(?!/)(?!.*(^|/)\\.\\.(/|$))"
#define COLOR_PATTERN "^#[0-9A-Fa-f]{6}$"
#define BACKGROUND_PATH_PATTERN "^(?!#)(?!/)(?!.*(^|/)\\.\\.(/|$))"
/* The shapes schedule_parse_hours and civil_parse_date read; the values
 * (25:00, 2026-02-30) only the loader refuses. */
#define DATE_PATTERN "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#define CLOCK_PATTERN "[0-9]{2}:[0-9]{2}(:[0-9]{2})?"
#define HOURS_PATTERN "^ *" CLOCK_PATTERN " *- *" CLOCK_PATTERN " *$"

static cJSON *property(const field *f, unsigned type_bit);

static cJSON *names_array(const char *const *names)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && names[i]; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(names[i]));
    return a;
}

/* The range of a number row, as the loader checks it (field_number_range). */
static void add_range(cJSON *o, const field *f)
{
    field_range r;
    if (!field_number_range(f, &r))
        return;
    if (isfinite(r.min))
        cJSON_AddNumberToObject(o, r.min_exclusive ? "exclusiveMinimum" : "minimum", r.min);
    if (isfinite(r.max))
        cJSON_AddNumberToObject(o, "maximum", r.max);
}

/* Properties and required keys of the rows of t that a slide of type_bit
 * (0: every row) reads; `only_typed`: just the rows of some types. */
static void add_rows(cJSON *props, cJSON *required, const field_table *t, unsigned type_bit,
                     bool only_typed)
{
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        if (only_typed ? !(f->types & type_bit) : f->types != 0)
            continue;
        cJSON_AddItemToObject(props, f->key, property(f, type_bit));
        bool needed = f->required == FIELD_ALWAYS || (type_bit && (f->required & type_bit));
        if (needed && required)
            cJSON_AddItemToArray(required, cJSON_CreateString(f->key));
    }
}

/* A closed object of the rows of t that apply to type_bit. */
static cJSON *object_of(const field_table *t, unsigned type_bit)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "object");
    cJSON *required = cJSON_CreateArray();
    cJSON *props = cJSON_CreateObject();
    for (size_t i = 0; i < t->n; i++) {
        const field *f = &t->rows[i];
        if (!field_applies(f, type_bit))
            continue;
        cJSON_AddItemToObject(props, f->key, property(f, type_bit));
        if (f->required == FIELD_ALWAYS || (type_bit && (f->required & type_bit)))
            cJSON_AddItemToArray(required, cJSON_CreateString(f->key));
    }
    if (cJSON_GetArraySize(required) > 0)
        cJSON_AddItemToObject(o, "required", required);
    else
        cJSON_Delete(required);
    cJSON_AddBoolToObject(o, "additionalProperties", false);
    cJSON_AddItemToObject(o, "properties", props);
    return o;
}

static cJSON *property(const field *f, unsigned type_bit)
{
    cJSON *o = cJSON_CreateObject();
    bool has_default = f->deck_offset == 0;
    switch (f->kind) {
    case FIELD_TYPE:
    case FIELD_ENUM:
    case FIELD_CHOICE:
        cJSON_AddStringToObject(o, "type", "string");
        cJSON_AddItemToObject(o, "enum", names_array(f->names));
        if (f->def_str)
            cJSON_AddStringToObject(o, "default", f->def_str);
        else if (f->kind == FIELD_CHOICE)
            cJSON_AddStringToObject(o, "default", "");
        break;
    case FIELD_STRING:
        if (f->not_drawn) {
            cJSON_AddStringToObject(o, "type", "string");
        } else { /* "…" or {"zh": "…", "en": "…"} (deck_bind_kinds.c) */
            cJSON *one = cJSON_AddArrayToObject(o, "oneOf");
            cJSON *str = cJSON_CreateObject();
            cJSON_AddStringToObject(str, "type", "string");
            cJSON_AddItemToArray(one, str);
            cJSON *both = cJSON_CreateObject();
            cJSON_AddStringToObject(both, "type", "object");
            cJSON_AddNumberToObject(both, "minProperties", 1);
            cJSON_AddBoolToObject(both, "additionalProperties", false);
            cJSON *langs = cJSON_AddObjectToObject(both, "properties");
            for (int l = 0; l < DECK_N_LANGS; l++) {
                cJSON *text = cJSON_CreateObject();
                cJSON_AddStringToObject(text, "type", "string");
                cJSON_AddItemToObject(langs, deck_lang_name((deck_lang)l), text);
            }
            cJSON_AddItemToArray(one, both);
        }
        if (f->def_str)
            cJSON_AddStringToObject(o, "default", f->def_str);
        break;
    case FIELD_SECONDS:
    case FIELD_NUMBER:
        cJSON_AddStringToObject(o, "type", "number");
        add_range(o, f);
        if (has_default && f->def != 0)
            cJSON_AddNumberToObject(o, "default", f->def);
        break;
    case FIELD_INT:
    case FIELD_DECIMALS:
        cJSON_AddStringToObject(o, "type", "integer");
        add_range(o, f);
        if (f->kind == FIELD_INT && has_default && f->def != 0)
            cJSON_AddNumberToObject(o, "default", f->def);
        break;
    case FIELD_BOOL:
        cJSON_AddStringToObject(o, "type", "boolean");
        cJSON_AddBoolToObject(o, "default", f->def != 0);
        break;
    case FIELD_COLOR:
        cJSON_AddStringToObject(o, "type", "string");
        cJSON_AddStringToObject(o, "pattern", COLOR_PATTERN);
        if (f->def_str)
            cJSON_AddStringToObject(o, "default", f->def_str);
        break;
    case FIELD_IMAGE:
    case FIELD_FONT:
        cJSON_AddStringToObject(o, "type", "string");
        cJSON_AddNumberToObject(o, "minLength", 1);
        cJSON_AddStringToObject(o, "pattern", PATH_PATTERN);
        break;
    case FIELD_BACKGROUND: {
        cJSON_AddStringToObject(o, "type", "string");
        cJSON_AddNumberToObject(o, "minLength", 1);
        cJSON *any = cJSON_AddArrayToObject(o, "anyOf");
        cJSON *color = cJSON_CreateObject(), *path = cJSON_CreateObject();
        cJSON_AddStringToObject(color, "pattern", COLOR_PATTERN);
        cJSON_AddStringToObject(path, "pattern", BACKGROUND_PATH_PATTERN);
        cJSON_AddItemToArray(any, color);
        cJSON_AddItemToArray(any, path);
        break;
    }
    case FIELD_TRANSITION: {
        cJSON *one = cJSON_AddArrayToObject(o, "oneOf");
        cJSON *name = cJSON_CreateObject();
        cJSON_AddStringToObject(name, "type", "string");
        cJSON_AddItemToObject(name, "enum", names_array(f->names));
        cJSON_AddItemToArray(one, name);
        cJSON_AddItemToArray(one, object_of(f->sub, type_bit));
        if (f->def_str)
            cJSON_AddStringToObject(o, "default", f->def_str);
        break;
    }
    case FIELD_SIZE: {
        cJSON_AddStringToObject(o, "type", "array");
        cJSON *pre = cJSON_AddArrayToObject(o, "prefixItems");
        for (int k = 0; k < 2; k++) {
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "type", "integer");
            add_range(n, f);
            cJSON_AddItemToArray(pre, n);
        }
        cJSON_AddNumberToObject(o, "minItems", 2);
        cJSON_AddNumberToObject(o, "maxItems", 2);
        cJSON *def = cJSON_AddArrayToObject(o, "default");
        cJSON_AddItemToArray(def, cJSON_CreateNumber(f->def));
        cJSON_AddItemToArray(def, cJSON_CreateNumber(f->def2));
        break;
    }
    case FIELD_OBJECT: {
        if (f->shorthand) { /* "qr": "…" stands for {"text": "…"} */
            cJSON *one = cJSON_AddArrayToObject(o, "oneOf");
            cJSON *str = cJSON_CreateObject();
            cJSON_AddStringToObject(str, "type", "string");
            cJSON_AddItemToArray(one, str);
            cJSON_AddItemToArray(one, object_of(f->sub, type_bit));
            break;
        }
        cJSON_Delete(o);
        o = object_of(f->sub, type_bit);
        break;
    }
    case FIELD_SCHEDULE:
        cJSON_Delete(o);
        o = object_of(f->sub, type_bit);
        break;
    case FIELD_DATE:
        cJSON_AddStringToObject(o, "type", "string");
        cJSON_AddStringToObject(o, "pattern", DATE_PATTERN);
        break;
    case FIELD_WEEKDAYS:
    case FIELD_HOURS: { /* one, or an array of them */
        cJSON *one = cJSON_CreateObject();
        cJSON_AddStringToObject(one, "type", "string");
        if (f->kind == FIELD_WEEKDAYS)
            cJSON_AddItemToObject(one, "enum", names_array(f->names));
        else
            cJSON_AddStringToObject(one, "pattern", HOURS_PATTERN);
        cJSON *many = cJSON_CreateObject();
        cJSON_AddStringToObject(many, "type", "array");
        cJSON_AddNumberToObject(many, "minItems", 1);
        if (f->kind == FIELD_HOURS)
            cJSON_AddNumberToObject(many, "maxItems", f->max);
        cJSON_AddItemToObject(many, "items", cJSON_Duplicate(one, true));
        cJSON *any = cJSON_AddArrayToObject(o, "oneOf");
        cJSON_AddItemToArray(any, one);
        cJSON_AddItemToArray(any, many);
        break;
    }
    case FIELD_ITEMS:
        cJSON_AddStringToObject(o, "type", "array");
        cJSON_AddNumberToObject(o, "minItems", f->min);
        cJSON_AddNumberToObject(o, "maxItems", f->max);
        cJSON_AddItemToObject(o, "items", object_of(f->sub, type_bit));
        break;
    }
    if (f->doc)
        cJSON_AddStringToObject(o, "description", f->doc);
    return o;
}

static cJSON *head(const char *id, const char *title, const char *description)
{
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "$schema", "https://json-schema.org/draft/2020-12/schema");
    cJSON_AddStringToObject(s, "$id", id);
    cJSON_AddStringToObject(s, "title", title);
    cJSON_AddStringToObject(s, "description", description);
    cJSON_AddStringToObject(s, "type", "object");
    return s;
}

/* Editors read "$schema" to offer completion; the loader skips it. */
static void add_schema_key(cJSON *props)
{
    cJSON *k = cJSON_CreateObject();
    cJSON_AddStringToObject(k, "type", "string");
    cJSON_AddItemToObject(props, "$schema", k);
}

static cJSON *slides_schema(void)
{
    cJSON *s = head("https://kiosk.invalid/deck.schema.json", "kiosk slide",
                    "One slide of a kiosk deck: slides/NNN-name.json. 一页幻灯片。");
    cJSON *required = cJSON_AddArrayToObject(s, "required");
    cJSON *props = cJSON_AddObjectToObject(s, "properties");
    add_schema_key(props);
    add_rows(props, required, &format_slide_table, 0, false);
    /* One branch per slide type: the keys that type reads besides the
     * common ones, and the ones it requires. */
    cJSON *all = cJSON_AddArrayToObject(s, "allOf");
    for (int t = 0; t < FORMAT_SLIDE_TYPES; t++) {
        cJSON *branch = cJSON_CreateObject();
        cJSON *when = cJSON_AddObjectToObject(branch, "if");
        cJSON *type = cJSON_AddObjectToObject(cJSON_AddObjectToObject(when, "properties"),
                                              "type");
        cJSON_AddStringToObject(type, "const", format_slide_type_names[t]);
        cJSON *when_required = cJSON_AddArrayToObject(when, "required");
        cJSON_AddItemToArray(when_required, cJSON_CreateString("type"));
        cJSON *then = cJSON_AddObjectToObject(branch, "then");
        cJSON *then_props = cJSON_AddObjectToObject(then, "properties");
        cJSON *then_required = cJSON_CreateArray();
        add_rows(then_props, then_required, &format_slide_table, FIELD_BIT(t), true);
        /* Common keys some types require (a title slide's title). */
        for (size_t i = 0; i < format_slide_table.n; i++) {
            const field *f = &format_slide_table.rows[i];
            if (f->types == 0 && f->required != FIELD_ALWAYS && (f->required & FIELD_BIT(t)))
                cJSON_AddItemToArray(then_required, cJSON_CreateString(f->key));
        }
        if (cJSON_GetArraySize(then_required) > 0)
            cJSON_AddItemToObject(then, "required", then_required);
        else
            cJSON_Delete(then_required);
        cJSON_AddItemToArray(all, branch);
    }
    /* A key no branch reads (a typo, another type's key) is refused, as
     * --check warns about it. */
    cJSON_AddBoolToObject(s, "unevaluatedProperties", false);
    return s;
}

static cJSON *settings_schema(void)
{
    cJSON *s = head("https://kiosk.invalid/deck-settings.schema.json", "kiosk deck settings",
                    "slides/deck.json: settings for the whole deck. 整套演示的设置。");
    cJSON_AddBoolToObject(s, "additionalProperties", false);
    cJSON *props = cJSON_AddObjectToObject(s, "properties");
    add_schema_key(props);
    add_rows(props, NULL, &format_settings_table, 0, false);
    return s;
}

int deck_schema_print(deck_schema which, FILE *out)
{
    cJSON *s = which == DECK_SCHEMA_SETTINGS ? settings_schema() : slides_schema();
    char *text = s ? cJSON_Print(s) : NULL;
    cJSON_Delete(s);
    if (!text)
        return -1;
    int rc = fputs(text, out) >= 0 && fputc('\n', out) != EOF ? 0 : -1;
    cJSON_free(text);
    return rc;
}
