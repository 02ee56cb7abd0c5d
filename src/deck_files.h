/* deck_files — which files a deck may use: the slide files of slides/, and
 * pictures and fonts named by a deck-relative path.
 *
 * A path a deck names must stay inside the deck folder (no absolute path, no
 * "..", no symbolic link out of it), name a regular file, and be what it
 * claims from its header: a PNG, JPEG or WebP picture, or a TrueType or
 * OpenType font. This module says what is wrong; deck_bind words it. Pure:
 * no SDL, no diagnostics. */
#ifndef KIOSK_DECK_FILES_H
#define KIOSK_DECK_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "imgprobe.h"

#define DECK_SLIDES_DIR "slides"
#define DECK_SETTINGS_FILE "deck.json" /* inside slides/ */

/* dir + "/" + rel, newly allocated (NULL when memory runs out). */
char *deck_files_join(const char *dir, const char *rel);

typedef enum { DECK_FILE_IMAGE, DECK_FILE_FONT } deck_file_kind;

typedef enum {
    DECK_FILE_OK,
    DECK_FILE_EMPTY,           /* "" */
    DECK_FILE_ABSOLUTE,        /* starts with '/' */
    DECK_FILE_PARENT,          /* has a ".." part */
    DECK_FILE_MISSING,         /* stat: ENOENT or ENOTDIR */
    DECK_FILE_UNREADABLE,      /* stat failed otherwise; `err` says why */
    DECK_FILE_LINK_OUTSIDE,    /* resolves outside the deck folder */
    DECK_FILE_NOT_REGULAR,     /* a folder, a FIFO, a device, ...; `kind` */
    DECK_FILE_LOOP,            /* a loop of symbolic links */
    DECK_FILE_EMPTY_FILE,      /* a picture of 0 bytes */
    DECK_FILE_TOO_MANY_PIXELS, /* a picture over the limit; `info` */
    DECK_FILE_NOT_IMAGE,       /* no known picture magic */
    DECK_FILE_BAD_IMAGE,       /* picture magic, broken header; `format` */
    DECK_FILE_IMAGE_UNREADABLE,/* the picture's header cannot be read */
    DECK_FILE_FONT_UNREADABLE, /* the font cannot be opened */
    DECK_FILE_NOT_FONT,        /* no TrueType / OpenType magic */
    DECK_FILE_NOMEM,
} deck_file_status;

typedef struct {
    int err;                /* DECK_FILE_UNREADABLE and *_UNREADABLE: errno */
    imgprobe_format format; /* DECK_FILE_BAD_IMAGE: what the magic claimed */
    const char *kind;       /* DECK_FILE_NOT_REGULAR: "a folder", "a FIFO (named pipe)" */
    imgprobe_info info;     /* DECK_FILE_TOO_MANY_PIXELS: the header's size */
    long long max_pixels;   /* DECK_FILE_TOO_MANY_PIXELS: the limit */
} deck_file_detail;

/* Checks `rel` inside the deck folder `dir`, whose realpath is `dir_real`
 * (NULL when it has none: then nothing is inside). Checks in this order and
 * stops at the first problem: empty, absolute, "..", exists, inside through
 * links, regular file, header; a picture's header must claim at most
 * max_pixels (<= 0: no limit). Never opens anything but a regular file, so
 * a FIFO cannot block it. */
deck_file_status deck_files_check(const char *dir, const char *dir_real, const char *rel,
                                  deck_file_kind kind, long long max_pixels,
                                  deck_file_detail *detail);

/* For a path that does not exist: the deck-relative path of what was most
 * likely meant, each part that does not exist replaced by the nearest
 * name in its folder (a name differing only in case first: "assets/hall.jpg"
 * → "assets/Hall.JPG"); newly allocated, or NULL when nothing is near. */
char *deck_files_nearest(const char *dir, const char *rel);

/* Whether a slide can still play with a placeholder for this picture: it is
 * missing or does not decode, but its path stays inside the deck. */
bool deck_files_placeholder_ok(deck_file_status s);

/* Slide file names: *.json but deck.json (in any case: "Deck.json" is a
 * misspelt settings file, not a slide), not starting with '_' or '.'. */
bool deck_files_is_slide_name(const char *name);

/* The slide files of `slides_dir` (every entry with a slide name, whatever
 * it is: a folder, FIFO or broken link named 010.json is reported when it is
 * read, not skipped in silence), sorted by the byte order
 * of their names; the caller frees each name and the array. Returns 0, -1
 * when the folder cannot be opened (errno says why), -2 when memory ran out
 * (what was listed so far is still returned for freeing). */
int deck_files_list_slides(const char *slides_dir, char ***names_out, size_t *n_out);

#endif
