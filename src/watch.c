#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grow.h"

/* What a change inside a watched folder reports. IN_OPEN and IN_ACCESS are
 * left out: the show's own reading of the deck would wake it. */
#define WATCH_DIR_MASK                                                                   \
    (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_CLOSE_WRITE |  \
     IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
#define WATCH_PARENT_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

typedef struct {
    int wd;
    char *rel; /* "" for the deck folder, "slides", "assets/photos" ... */
} watched;

/* One scanned file for the poll backend. */
typedef struct {
    char *rel;
    long long size, mtime_ns;
    unsigned long long ino;
    unsigned mode;
} scanned;

typedef struct {
    scanned *items;
    size_t n, cap;
} scan;

struct watch {
    char *dir;
    char *parent, *base; /* the deck folder's parent and its name there */
    watch_backend backend;
    int fd;              /* inotify */
    watched *w;
    size_t n, cap;
    int parent_wd;
    bool armed;          /* the deck folder is watched */
    long long next_try_ms; /* re-arm or scan */
    scan last;           /* poll backend */
    bool scanned_once;
};

bool watch_ignored_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '.')
        return true;
    if (name[n - 1] == '~')
        return true;
    if (n >= 2 && name[0] == '#' && name[n - 1] == '#')
        return true;
    if (strncmp(name, "~syncthing~", 11) == 0)
        return true;
    return strcmp(name, "4913") == 0;
}

static char *join(const char *a, const char *b)
{
    char *s;
    if (!*a)
        return strdup(b);
    if (asprintf(&s, "%s/%s", a, b) < 0)
        return NULL;
    return s;
}

/* Calls fn for each entry of the folder `rel` under dir that is not a sync
 * tool's or an editor's leftover and that stat() can see, with its path
 * relative to dir (fn copies it to keep it); stops when fn returns false. */
typedef bool (*entry_fn)(void *ctx, const char *child, const struct stat *st);

static void each_entry(const char *dir, const char *rel, entry_fn fn, void *ctx)
{
    char *full = *rel ? join(dir, rel) : strdup(dir);
    DIR *dh = full ? opendir(full) : NULL;
    free(full);
    if (!dh)
        return;
    struct dirent *de;
    bool go = true;
    while (go && (de = readdir(dh))) {
        if (watch_ignored_name(de->d_name))
            continue;
        char *child = join(rel, de->d_name);
        char *child_full = child ? join(dir, child) : NULL;
        struct stat st;
        if (child_full && stat(child_full, &st) == 0)
            go = fn(ctx, child, &st);
        free(child_full);
        free(child);
    }
    closedir(dh);
}

/* ---- inotify ---------------------------------------------------------- */

struct add_ctx {
    watch *w;
    int depth;
};
static bool add_child(void *ctx, const char *child, const struct stat *st);

static void add_dir(watch *w, const char *rel, int depth)
{
    if (w->n >= WATCH_MAX_FOLDERS || depth > WATCH_MAX_DEPTH)
        return;
    char *full = *rel ? join(w->dir, rel) : strdup(w->dir);
    if (!full)
        return;
    int wd = inotify_add_watch(w->fd, full, WATCH_DIR_MASK);
    if (wd < 0) {
        free(full);
        return;
    }
    bool known = false;
    for (size_t i = 0; i < w->n; i++)
        known |= w->w[i].wd == wd;
    if (!known) {
        watched *grown = grow_array(w->w, &w->cap, w->n + 1, sizeof *grown, 16);
        if (!grown) {
            free(full);
            return;
        }
        w->w = grown;
        char *copy = strdup(rel);
        if (!copy) {
            free(full);
            return;
        }
        w->w[w->n++] = (watched){wd, copy};
    }
    free(full);
    if (!*rel)
        w->armed = true;
    struct add_ctx ctx = {w, depth};
    each_entry(w->dir, rel, add_child, &ctx);
}

static bool add_child(void *ctx, const char *child, const struct stat *st)
{
    const struct add_ctx *a = ctx;
    if (S_ISDIR(st->st_mode))
        add_dir(a->w, child, a->depth + 1);
    return true;
}

static void disarm(watch *w)
{
    for (size_t i = 0; i < w->n; i++) {
        inotify_rm_watch(w->fd, w->w[i].wd);
        free(w->w[i].rel);
    }
    w->n = 0;
    w->armed = false;
    if (w->parent_wd >= 0)
        inotify_rm_watch(w->fd, w->parent_wd);
    w->parent_wd = -1;
}

/* (Re)watches the parent and the whole tree; true when the deck is there. */
static bool arm(watch *w)
{
    disarm(w);
    w->parent_wd = inotify_add_watch(w->fd, w->parent, WATCH_PARENT_MASK);
    struct stat st;
    if (stat(w->dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    add_dir(w, "", 0);
    return w->armed;
}

static watched *find_wd(watch *w, int wd)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->w[i].wd == wd)
            return &w->w[i];
    return NULL;
}

static void forget_wd(watch *w, int wd)
{
    for (size_t i = 0; i < w->n; i++) {
        if (w->w[i].wd != wd)
            continue;
        free(w->w[i].rel);
        w->w[i] = w->w[--w->n];
        return;
    }
}

static void lost_deck(watch *w, long long now_ms, debounce *b)
{
    disarm(w);
    w->parent_wd = inotify_add_watch(w->fd, w->parent, WATCH_PARENT_MASK);
    w->next_try_ms = now_ms; /* it may already be back */
    debounce_note_all(b, now_ms);
}

static void on_event(watch *w, const struct inotify_event *ev, long long now_ms, debounce *b)
{
    if (ev->mask & IN_Q_OVERFLOW) { /* events were lost: look at everything */
        lost_deck(w, now_ms, b);
        return;
    }
    if (ev->wd == w->parent_wd && w->parent_wd >= 0) {
        if (ev->len && strcmp(ev->name, w->base) == 0)
            lost_deck(w, now_ms, b); /* the deck's name changed hands */
        return;
    }
    watched *at = find_wd(w, ev->wd);
    if (!at)
        return;
    bool root = !*at->rel;
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT | IN_IGNORED)) {
        /* A watch follows its folder's inode: the deck folder moved away is
         * no longer the deck. */
        if (root)
            lost_deck(w, now_ms, b);
        else if (ev->mask & IN_IGNORED)
            forget_wd(w, ev->wd);
        return;
    }
    if (!ev->len || watch_ignored_name(ev->name))
        return;
    char *rel = join(at->rel, ev->name);
    if (!rel) {
        debounce_note_all(b, now_ms);
        return;
    }
    if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
        /* A folder arrives with files that sent no events of their own. */
        int depth = 1;
        for (const char *c = rel; *c; c++)
            depth += *c == '/';
        add_dir(w, rel, depth);
        debounce_note_all(b, now_ms);
    } else if (ev->mask & IN_ISDIR) {
        debounce_note_all(b, now_ms);
    } else if (ev->mask & IN_MODIFY) {
        debounce_note(b, rel, DEBOUNCE_WRITING, now_ms);
    } else if (ev->mask & IN_CLOSE_WRITE) {
        debounce_note(b, rel, DEBOUNCE_CLOSED, now_ms);
    } else if (ev->mask & IN_CREATE) {
        /* A new regular file is being written until IN_CLOSE_WRITE; a link
         * or a special file is complete as it is. */
        char *full = join(w->dir, rel);
        struct stat st;
        bool file = full && lstat(full, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1;
        free(full);
        debounce_note(b, rel, file ? DEBOUNCE_WRITING : DEBOUNCE_CHANGED, now_ms);
    } else {
        debounce_note(b, rel, DEBOUNCE_CHANGED, now_ms);
    }
    free(rel);
}

static void read_inotify(watch *w, long long now_ms, debounce *b)
{
    _Alignas(struct inotify_event) char buf[16384];
    for (;;) {
        ssize_t len = read(w->fd, buf, sizeof buf);
        if (len <= 0)
            break;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            on_event(w, ev, now_ms, b);
            p += sizeof *ev + ev->len;
        }
    }
}

/* ---- polling ----------------------------------------------------------- */

static void scan_clear(scan *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i].rel);
    free(s->items);
    memset(s, 0, sizeof *s);
}

struct scan_ctx {
    const char *dir;
    int depth;
    scan *s;
};

static void scan_dir(const char *dir, const char *rel, int depth, scan *s);

static bool scan_child(void *ctx, const char *child, const struct stat *st)
{
    const struct scan_ctx *c = ctx;
    if (S_ISDIR(st->st_mode)) { /* its files tell what changed in it */
        scan_dir(c->dir, child, c->depth + 1, c->s);
        return true;
    }
    scan *s = c->s;
    scanned *grown = grow_array(s->items, &s->cap, s->n + 1, sizeof *grown, 64);
    if (!grown)
        return false;
    s->items = grown;
    char *copy = strdup(child);
    if (!copy)
        return false;
    s->items[s->n++] = (scanned){copy, (long long)st->st_size,
                                 (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec,
                                 (unsigned long long)st->st_ino, (unsigned)st->st_mode};
    return true;
}

static void scan_dir(const char *dir, const char *rel, int depth, scan *s)
{
    if (depth > WATCH_MAX_DEPTH)
        return;
    struct scan_ctx ctx = {dir, depth, s};
    each_entry(dir, rel, scan_child, &ctx);
}

static int by_rel(const void *a, const void *b)
{
    return strcmp(((const scanned *)a)->rel, ((const scanned *)b)->rel);
}

static bool same_file(const scanned *a, const scanned *b)
{
    return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ino == b->ino &&
           a->mode == b->mode;
}

/* Compares a scan with the last one: a file that differs is noted as being
 * written; one that was being written and now holds still is complete. */
static void poll_scan(watch *w, long long now_ms, debounce *b)
{
    scan now = {0};
    scan_dir(w->dir, "", 0, &now);
    if (now.n > 1)
        qsort(now.items, now.n, sizeof *now.items, by_rel);
    if (w->scanned_once) {
        size_t i = 0, k = 0;
        while (i < w->last.n || k < now.n) {
            int c = i == w->last.n ? 1 : k == now.n ? -1 : strcmp(w->last.items[i].rel, now.items[k].rel);
            if (c < 0) {
                debounce_note(b, w->last.items[i].rel, DEBOUNCE_CHANGED, now_ms); /* gone */
                i++;
            } else if (c > 0) {
                debounce_note(b, now.items[k].rel, DEBOUNCE_WRITING, now_ms); /* new */
                k++;
            } else {
                if (!same_file(&w->last.items[i], &now.items[k]))
                    debounce_note(b, now.items[k].rel, DEBOUNCE_WRITING, now_ms);
                else
                    for (size_t j = 0; j < b->n; j++)
                        if (b->writing[j] && strcmp(b->paths[j], now.items[k].rel) == 0)
                            debounce_note(b, now.items[k].rel, DEBOUNCE_CLOSED, now_ms);
                i++;
                k++;
            }
        }
    }
    /* Paths that vanished while being written are complete too. */
    for (size_t j = 0; j < b->n; j++) {
        if (!b->writing[j])
            continue;
        scanned key = {.rel = b->paths[j]};
        if (!bsearch(&key, now.items, now.n, sizeof *now.items, by_rel))
            debounce_note(b, b->paths[j], DEBOUNCE_CLOSED, now_ms);
    }
    scan_clear(&w->last);
    w->last = now;
    w->scanned_once = true;
    w->next_try_ms = now_ms + WATCH_POLL_MS;
}

/* ---- the contract ------------------------------------------------------ */

watch *watch_new(const char *dir, bool force_poll, long long now_ms)
{
    watch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = -1;
    w->parent_wd = -1;
    w->dir = strdup(dir);
    if (!w->dir)
        goto fail;
    /* The parent and the name the deck has there: "a/b/deck/" → "a/b", "deck". */
    size_t n = strlen(w->dir);
    while (n > 1 && w->dir[n - 1] == '/')
        w->dir[--n] = '\0';
    char *slash = strrchr(w->dir, '/');
    if (!slash) {
        w->parent = strdup(".");
        w->base = strdup(w->dir);
    } else {
        w->parent = slash == w->dir ? strdup("/") : strndup(w->dir, (size_t)(slash - w->dir));
        w->base = strdup(slash + 1);
    }
    if (!w->parent || !w->base)
        goto fail;
    if (!force_poll)
        w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd >= 0) {
        w->backend = WATCH_INOTIFY;
        if (!arm(w))
            w->next_try_ms = now_ms + WATCH_REARM_MS;
    } else {
        w->backend = WATCH_POLL;
        debounce ignore = {0};
        poll_scan(w, now_ms, &ignore); /* the state to compare with */
        debounce_clear(&ignore);
    }
    return w;
fail:
    watch_free(w);
    return NULL;
}

void watch_free(watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0) {
        disarm(w);
        close(w->fd);
    }
    free(w->w);
    scan_clear(&w->last);
    free(w->dir);
    free(w->parent);
    free(w->base);
    free(w);
}

watch_backend watch_backend_of(const watch *w)
{
    return w->backend;
}

int watch_fd(const watch *w)
{
    return w->backend == WATCH_INOTIFY ? w->fd : -1;
}

bool watch_deck_missing(const watch *w)
{
    if (w->backend == WATCH_INOTIFY)
        return !w->armed;
    struct stat st;
    return stat(w->dir, &st) != 0 || !S_ISDIR(st.st_mode);
}

long long watch_next_ms(const watch *w, long long now_ms)
{
    if (w->backend == WATCH_POLL || !w->armed)
        return w->next_try_ms > now_ms ? w->next_try_ms : now_ms;
    return -1;
}

void watch_process(watch *w, long long now_ms, debounce *b)
{
    if (w->backend == WATCH_POLL) {
        if (now_ms >= w->next_try_ms)
            poll_scan(w, now_ms, b);
        return;
    }
    read_inotify(w, now_ms, b);
    if (!w->armed && now_ms >= w->next_try_ms) {
        if (arm(w))
            debounce_note_all(b, now_ms); /* back: everything may be new */
        else
            w->next_try_ms = now_ms + WATCH_REARM_MS;
    }
}
