/* readfile — a whole file into memory without surprises.
 *
 * Deck files come from staff, USB sticks and sync tools, so a name can turn
 * out to be a folder, a FIFO (whose open would wait forever for a writer),
 * a device, a loop of symbolic links, a file nobody may read or one far too
 * big. readfile_all opens without blocking, reads only regular files, never
 * more than a limit, and says in words what was wrong. Pure: no SDL. */
#ifndef KIOSK_READFILE_H
#define KIOSK_READFILE_H

#include <stddef.h>

typedef enum {
    READFILE_OK = 0,
    READFILE_MISSING,  /* no such file (or a folder on the way is missing) */
    READFILE_NOT_FILE, /* a folder, FIFO, device or socket */
    READFILE_TOO_BIG,  /* more than max_bytes */
    READFILE_DENIED,   /* permission denied */
    READFILE_LOOP,     /* a loop of symbolic links (or too many) */
    READFILE_IO,       /* any other failure to open or read */
    READFILE_NOMEM,
} readfile_status;

/* Reads the regular file at path into a new buffer (NUL-terminated, not
 * counted in *len) the caller frees. On failure *data is NULL and why[0..cap)
 * holds a phrase that can follow the file's name: "does not exist", "is a
 * folder, not a file", "is a FIFO (named pipe), not a file", "cannot be
 * read: permission denied", "is larger than 1024 KiB", "is a loop of
 * symbolic links". */
readfile_status readfile_all(const char *path, size_t max_bytes, unsigned char **data,
                             size_t *len, char *why, size_t cap);

/* What a file that is not a regular file is, from stat's st_mode: "a
 * folder", "a FIFO (named pipe)", "a device", "a socket"; NULL for a
 * regular file. */
const char *readfile_kind(unsigned mode);

#endif
