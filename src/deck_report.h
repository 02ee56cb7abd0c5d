/* deck_report — the deck loader's state and how it says what is wrong: at
 * which line and column (from json_pos), quoting the value as written, with
 * a suggestion for a misspelt name.
 *
 * Internal to the deck loader (deck.c, deck_bind.c); not part of the deck
 * contract. Pure: no SDL. */
#ifndef KIOSK_DECK_REPORT_H
#define KIOSK_DECK_REPORT_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "deck.h"
#include "deck_files.h"
#include "diag.h"
#include "json_pos.h"

/* The state of loading one deck, one file at a time. */
typedef struct {
    const char *dir;          /* the deck folder as given */
    char *dir_real;           /* its realpath, NULL when it has none */
    const char *font_dir;
    const deck *settings;     /* defaults slides inherit; NULL for deck.json */
    const char *file;         /* the file being read, deck-relative */
    const json_pos_index *ix; /* its positions; NULL before it parsed */
    diag_list diags;          /* its diagnostics, sorted when it is done */
    unsigned type_bit;        /* the slide's type as a bit; 0 for deck.json */
    /* Where a text's other language goes: the list of the object being read
     * (the slide, or the deck for deck.json), and what its field offsets
     * count from: that object (text_item -1) or items[text_item]. */
    deck_translations *texts;
    void *text_base;
    int text_item;
    bool nomem;
} deck_loader;

/* Adds message `id` of the table (msg_texts.h), with the arguments its
 * texts take, about the current file; sets nomem when it cannot. */
void report_add(deck_loader *L, diag_severity sev, int line, int col, msg_id id, ...);

/* The text of message `id` in the loader's language: a piece for a message
 * ("a string", "an object"). */
const char *report_word(const deck_loader *L, msg_id id);

/* Line and column of the value at JSON path `path` (or of its key when
 * at_key and it has one); 1:1 when the path is not indexed. */
void report_where(const deck_loader *L, const char *path, bool at_key, int *line, int *col);

#define REPORT_AT(L, sev, path, at_key, ...)                                 \
    do {                                                                     \
        int line_, col_;                                                     \
        report_where((L), (path), (at_key), &line_, &col_);                  \
        report_add((L), (sev), line_, col_, __VA_ARGS__);                    \
    } while (0)

/* The number at `path` as written in the file, or %g of v. */
void report_number_text(const deck_loader *L, const char *path, double v, char *out,
                        size_t cap);

/* "the string \"58.58\"", "the number 12", "true", "an object"... */
void report_describe(const deck_loader *L, const cJSON *v, const char *path, char *out,
                     size_t cap);

/* "PATH must be WANT, got WHAT-IT-IS" at the value; `want` is already in
 * the loader's language (report_word). */
void report_wrong_type(deck_loader *L, const cJSON *v, const char *path, const char *want);

/* "fade, push, wipe" or, quoted, "\",\", \" \", \"\"". */
void report_list_names(const char *const *names, bool quoted, char *out, size_t cap);

/* "PATH must be one of …; got \"GOT\" — did you mean …?" at the value. */
void report_unknown_name(deck_loader *L, const char *const *names, const char *got,
                         const char *path, bool quoted);

/* Why the file `rel` named at `path` cannot be used (nothing for OK). */
/* The same with a severity and a tail saying what happens instead. */
void report_file_as(deck_loader *L, diag_severity sev, const char *path, const char *rel,
                    deck_file_status s, const deck_file_detail *detail, const char *then);
void report_file(deck_loader *L, const char *path, const char *rel, deck_file_status s,
                 const deck_file_detail *detail);

/* "duplicate key …" at the second copy's key (JSON path `sub`). */
void report_duplicate(deck_loader *L, const char *key, const char *sub);

/* A key in the object at `path` that no row of table `t` reads for this
 * slide type: another type's key, a typo ("did you mean …?"), or unknown. */
typedef struct field_table field_table;
void report_unknown_key(deck_loader *L, const field_table *t, const char *key,
                        const char *path, const char *sub);

#endif
