#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *readfile_kind(unsigned mode)
{
    if (S_ISREG(mode))
        return NULL;
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

static readfile_status too_big(size_t max_bytes, char *why, size_t cap)
{
    if (max_bytes >= (1u << 20) && max_bytes % (1u << 20) == 0)
        snprintf(why, cap, "is larger than %zu MiB", max_bytes >> 20);
    else
        snprintf(why, cap, "is larger than %zu KiB", (max_bytes + 1023) >> 10);
    return READFILE_TOO_BIG;
}

static readfile_status from_errno(int err, char *why, size_t cap)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        snprintf(why, cap, "does not exist");
        return READFILE_MISSING;
    case EACCES:
    case EPERM:
        snprintf(why, cap, "cannot be read: permission denied");
        return READFILE_DENIED;
    case ELOOP:
        snprintf(why, cap, "is a loop of symbolic links");
        return READFILE_LOOP;
    case ENOMEM:
        snprintf(why, cap, "cannot be read: out of memory");
        return READFILE_NOMEM;
    default:
        snprintf(why, cap, "cannot be read: %s", strerror(err));
        return READFILE_IO;
    }
}

readfile_status readfile_all(const char *path, size_t max_bytes, unsigned char **data,
                             size_t *len, char *why, size_t cap)
{
    char scratch[8];
    if (!cap) {
        why = scratch;
        cap = sizeof scratch;
    }
    why[0] = '\0';
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer, and the show with it. It does not affect regular files. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return from_errno(errno, why, cap);
    readfile_status st = READFILE_OK;
    unsigned char *buf = NULL;
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        st = from_errno(errno, why, cap);
        goto done;
    }
    const char *kind = readfile_kind((unsigned)sb.st_mode);
    if (kind) {
        snprintf(why, cap, "is %s, not a file", kind);
        st = READFILE_NOT_FILE;
        goto done;
    }
    if ((unsigned long long)sb.st_size > max_bytes) {
        st = too_big(max_bytes, why, cap);
        goto done;
    }
    /* The file may grow while it is read: take at most max_bytes + 1 and
     * call one byte more too big. */
    size_t want = (size_t)sb.st_size + 1, n = 0;
    buf = malloc(want + 1);
    if (!buf) {
        st = from_errno(ENOMEM, why, cap);
        goto done;
    }
    for (;;) {
        if (n == want) {
            if (want > max_bytes)
                break;
            size_t grown_size = want * 2 > max_bytes + 1 ? max_bytes + 1 : want * 2;
            unsigned char *grown = realloc(buf, grown_size + 1);
            if (!grown) {
                st = from_errno(ENOMEM, why, cap);
                goto done;
            }
            buf = grown;
            want = grown_size;
        }
        ssize_t got = read(fd, buf + n, want - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            st = from_errno(errno, why, cap);
            goto done;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (n > max_bytes) {
        st = too_big(max_bytes, why, cap);
        goto done;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
done:
    free(buf);
    close(fd);
    return st;
}
