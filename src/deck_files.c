#include "deck_files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "grow.h"
#include "suggest.h"
#include "readfile.h"

char *deck_files_join(const char *dir, const char *rel)
{
    char *out = NULL;
    size_t n = strlen(dir);
    const char *sep = n > 0 && dir[n - 1] == '/' ? "" : "/";
    if (asprintf(&out, "%s%s%s", dir, sep, rel) < 0)
        return NULL;
    return out;
}

static bool has_parent_part(const char *rel)
{
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return true;
        p += n;
        p += *p == '/';
    }
    return false;
}

/* Whether `real` (a realpath) is `dir_real` itself or below it. */
static bool is_inside(const char *real, const char *dir_real)
{
    size_t n = dir_real ? strlen(dir_real) : 0;
    return real && dir_real && strncmp(real, dir_real, n) == 0 &&
           (real[n] == '/' || (n == 1 && dir_real[0] == '/'));
}

static deck_file_status probe_image(const char *full, off_t size, long long max_pixels,
                                    deck_file_detail *detail)
{
    if (size == 0)
        return DECK_FILE_EMPTY_FILE;
    imgprobe_info info;
    errno = 0;
    imgprobe_status s = imgprobe_file(full, &info);
    detail->err = errno;
    if (s == IMGPROBE_OK) {
        if (max_pixels > 0 && imgprobe_pixels(&info) > max_pixels) {
            detail->info = info;
            detail->max_pixels = max_pixels;
            return DECK_FILE_TOO_MANY_PIXELS;
        }
        return DECK_FILE_OK;
    }
    if (s == IMGPROBE_NOT_IMAGE)
        return DECK_FILE_NOT_IMAGE;
    if (s == IMGPROBE_BAD_HEADER) {
        detail->format = info.format;
        return DECK_FILE_BAD_IMAGE;
    }
    return DECK_FILE_IMAGE_UNREADABLE;
}

/* sfnt version tags: TrueType (1.0 and Apple's "true"), CFF ("OTTO") and
 * font collections ("ttcf"). */
static deck_file_status probe_font(const char *full, deck_file_detail *detail)
{
    FILE *f = fopen(full, "rb");
    if (!f) {
        detail->err = errno;
        return DECK_FILE_FONT_UNREADABLE;
    }
    unsigned char magic[4] = {0};
    size_t got = fread(magic, 1, sizeof magic, f);
    fclose(f);
    bool font = got == 4 && (memcmp(magic, "\0\1\0\0", 4) == 0 ||
                             memcmp(magic, "OTTO", 4) == 0 ||
                             memcmp(magic, "true", 4) == 0 ||
                             memcmp(magic, "ttcf", 4) == 0);
    return font ? DECK_FILE_OK : DECK_FILE_NOT_FONT;
}

deck_file_status deck_files_check(const char *dir, const char *dir_real, const char *rel,
                                  deck_file_kind kind, long long max_pixels,
                                  deck_file_detail *detail)
{
    *detail = (deck_file_detail){0};
    if (!*rel)
        return DECK_FILE_EMPTY;
    if (rel[0] == '/')
        return DECK_FILE_ABSOLUTE;
    if (has_parent_part(rel))
        return DECK_FILE_PARENT;
    char *full = deck_files_join(dir, rel);
    if (!full)
        return DECK_FILE_NOMEM;
    deck_file_status status;
    struct stat st;
    char *real = NULL;
    if (stat(full, &st) != 0) {
        detail->err = errno;
        status = errno == ENOENT || errno == ENOTDIR ? DECK_FILE_MISSING
                 : errno == ELOOP                    ? DECK_FILE_LOOP
                                                     : DECK_FILE_UNREADABLE;
    } else if (real = realpath(full, NULL), !is_inside(real, dir_real)) {
        status = DECK_FILE_LINK_OUTSIDE;
    } else if (!S_ISREG(st.st_mode)) {
        detail->kind = readfile_kind((unsigned)st.st_mode);
        status = DECK_FILE_NOT_REGULAR;
    } else {
        status = kind == DECK_FILE_IMAGE ? probe_image(full, st.st_size, max_pixels, detail)
                                         : probe_font(full, detail);
    }
    free(real);
    free(full);
    return status;
}

/* The name in folder `folder` nearest to `name` (suggest's rule), into out. */
static bool nearest_entry(const char *folder, const char *name, char *out, size_t cap)
{
    DIR *dh = opendir(folder);
    if (!dh)
        return false;
    suggest s;
    suggest_start(&s, name);
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        suggest_offer(&s, de->d_name);
        /* suggest keeps the pointer; readdir's name lasts until the next call. */
        if (suggest_best(&s) == de->d_name && strlen(de->d_name) < cap) {
            snprintf(out, cap, "%s", de->d_name);
            s.best = out;
        }
    }
    closedir(dh);
    return suggest_best(&s) == out;
}

char *deck_files_nearest(const char *dir, const char *rel)
{
    char built[1024] = "", part[256];
    size_t n = 0;
    bool changed = false;
    for (const char *p = rel; *p;) {
        size_t len = strcspn(p, "/");
        if (len == 0 || len >= sizeof part) {
            p += len + (p[len] == '/');
            continue;
        }
        snprintf(part, sizeof part, "%.*s", (int)len, p);
        p += len + (p[len] == '/');
        char probe[1024];
        snprintf(probe, sizeof probe, "%s%s%s", built, n ? "/" : "", part);
        char *full = deck_files_join(dir, probe);
        struct stat st;
        bool exists = full && lstat(full, &st) == 0;
        free(full);
        char near[256];
        if (!exists) {
            char *folder = deck_files_join(dir, n ? built : ".");
            bool found = folder && nearest_entry(folder, part, near, sizeof near);
            free(folder);
            if (!found)
                return NULL;
            snprintf(part, sizeof part, "%s", near);
            changed = true;
        }
        int w = snprintf(built + n, sizeof built - n, "%s%s", n ? "/" : "", part);
        if (w < 0 || (size_t)w >= sizeof built - n)
            return NULL;
        n += (size_t)w;
    }
    return changed ? strdup(built) : NULL;
}

bool deck_files_placeholder_ok(deck_file_status s)
{
    switch (s) {
    case DECK_FILE_MISSING:
    case DECK_FILE_UNREADABLE:
    case DECK_FILE_NOT_IMAGE:
    case DECK_FILE_BAD_IMAGE:
    case DECK_FILE_IMAGE_UNREADABLE:
    case DECK_FILE_EMPTY_FILE:
    case DECK_FILE_TOO_MANY_PIXELS:
    case DECK_FILE_NOT_REGULAR:
    case DECK_FILE_LOOP: /* lexically inside, and leads nowhere: nothing is read */
        return true;
    default:
        return false;
    }
}

bool deck_files_is_slide_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '_' && name[0] != '.' && n > 5 &&
           strcmp(name + n - 5, ".json") == 0 && strcasecmp(name, DECK_SETTINGS_FILE) != 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int deck_files_list_slides(const char *slides_dir, char ***names_out, size_t *n_out)
{
    DIR *dh = opendir(slides_dir);
    if (!dh)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (!deck_files_is_slide_name(de->d_name))
            continue;
        char **grown = grow_array(names, &cap, n + 1, sizeof *grown, 32);
        if (!grown) {
            rc = -2;
            break;
        }
        names = grown;
        if (!(names[n] = strdup(de->d_name))) {
            rc = -2;
            break;
        }
        n++;
    }
    closedir(dh);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    *names_out = names;
    *n_out = n;
    return rc;
}
