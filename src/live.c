#include "live.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The signal handler's only way to the thread: a process has one set of
 * handlers, so the pipe they write to is process-wide too. */
static int signal_pipe[2] = {-1, -1};

struct live {
    watch *w;
    SDL_Thread *thread;
    SDL_mutex *lock;
    Uint32 event_type;  /* SDL_RegisterEvents: code 0 update, 1 quit */
    int stop_pipe[2];
    debounce gathering; /* the thread's */
    debounce ready;     /* complete, waiting for the main thread; under lock */
    bool missing;       /* under lock */
    int quit_signal;    /* under lock */
    watch_backend backend;
};

static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (signal_pipe[1] >= 0 && write(signal_pipe[1], &b, 1) < 0) {
        /* the pipe is full: a signal of each kind is already on its way */
    }
    errno = saved;
}

static void push(live *l, int code)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = l->event_type;
    e.user.code = code;
    if (SDL_PushEvent(&e) < 0)
        fprintf(stderr, "kiosk: cannot wake the show: %s\n", SDL_GetError());
}

/* Hands the gathered batch to the main thread, merged into any batch it has
 * not taken yet; wakes it with event `code` (0 update, 2 hangup). */
static void hand_over(live *l, int code)
{
    SDL_LockMutex(l->lock);
    if (!l->ready.pending) {
        debounce_take(&l->gathering, &l->ready);
    } else {
        for (size_t i = 0; i < l->gathering.n; i++)
            debounce_note(&l->ready, l->gathering.paths[i], DEBOUNCE_CHANGED, l->gathering.last_ms);
        if (l->gathering.all)
            debounce_note_all(&l->ready, l->gathering.last_ms);
        debounce_clear(&l->gathering);
    }
    l->missing = watch_deck_missing(l->w);
    SDL_UnlockMutex(l->lock);
    push(l, code);
}

static int run(void *arg)
{
    live *l = arg;
    for (;;) {
        long long now = mono_ms();
        long long wake = debounce_due_ms(&l->gathering);
        long long w_next = watch_next_ms(l->w, now);
        if (w_next >= 0 && (wake < 0 || w_next < wake))
            wake = w_next;
        int timeout = wake < 0 ? -1 : wake <= now ? 0 : (int)(wake - now);
        struct pollfd fds[3] = {
            {l->stop_pipe[0], POLLIN, 0},
            {signal_pipe[0], POLLIN, 0},
            {watch_fd(l->w), POLLIN, 0},
        };
        int n = poll(fds, fds[2].fd >= 0 ? 3 : 2, timeout);
        if (n < 0 && errno != EINTR) {
            fprintf(stderr, "kiosk: the folder watcher stopped: %s\n", strerror(errno));
            return 1;
        }
        if (fds[0].revents)
            return 0;
        now = mono_ms();
        if (fds[1].revents & POLLIN) {
            unsigned char sigs[16];
            ssize_t got = read(signal_pipe[0], sigs, sizeof sigs);
            for (ssize_t i = 0; i < got; i++) {
                if (sigs[i] == SIGHUP) {
                    /* Staff asked: now, not after a quiet period. */
                    debounce_note_all(&l->gathering, now);
                    hand_over(l, 2);
                } else {
                    SDL_LockMutex(l->lock);
                    l->quit_signal = sigs[i];
                    SDL_UnlockMutex(l->lock);
                    push(l, 1);
                }
            }
        }
        watch_process(l->w, now, &l->gathering);
        if (debounce_due(&l->gathering, now))
            hand_over(l, 0);
    }
}

static void set_handlers(void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

int live_catch_signals(void)
{
    if (signal_pipe[0] < 0 && pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        fprintf(stderr, "kiosk: cannot catch signals: %s\n", strerror(errno));
        return -1;
    }
    set_handlers(on_signal);
    return 0;
}

live *live_start(const char *dir, bool force_poll)
{
    live *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->stop_pipe[0] = l->stop_pipe[1] = -1;
    if (live_catch_signals() != 0)
        goto fail;
    if (pipe2(l->stop_pipe, O_CLOEXEC) != 0)
        goto fail;
    l->event_type = SDL_RegisterEvents(1);
    l->lock = SDL_CreateMutex();
    l->w = watch_new(dir, force_poll, mono_ms());
    if (l->event_type == (Uint32)-1 || !l->lock || !l->w)
        goto fail;
    l->backend = watch_backend_of(l->w);
    l->missing = watch_deck_missing(l->w);
    l->thread = SDL_CreateThread(run, "kiosk-watch", l);
    if (!l->thread)
        goto fail;
    return l;
fail:
    fprintf(stderr, "kiosk: cannot watch the deck folder (%s); changes need a reload (R)\n",
            SDL_GetError()[0] ? SDL_GetError() : strerror(errno));
    live_stop(l);
    return NULL;
}

void live_stop(live *l)
{
    if (!l)
        return;
    if (l->thread) {
        if (write(l->stop_pipe[1], "x", 1) < 0)
            fprintf(stderr, "kiosk: cannot stop the folder watcher: %s\n", strerror(errno));
        SDL_WaitThread(l->thread, NULL);
    }
    set_handlers(SIG_DFL);
    for (int i = 0; i < 2; i++)
        if (l->stop_pipe[i] >= 0)
            close(l->stop_pipe[i]);
    watch_free(l->w);
    debounce_clear(&l->gathering);
    debounce_clear(&l->ready);
    if (l->lock)
        SDL_DestroyMutex(l->lock);
    free(l);
}

live_news live_event(const live *l, const SDL_Event *e)
{
    if (!l || e->type != l->event_type)
        return LIVE_NOTHING;
    return e->user.code == 0 ? LIVE_UPDATE : e->user.code == 2 ? LIVE_HANGUP : LIVE_QUIT;
}

bool live_take_update(live *l, debounce *out)
{
    SDL_LockMutex(l->lock);
    bool any = l->ready.pending;
    if (any)
        debounce_take(&l->ready, out);
    SDL_UnlockMutex(l->lock);
    return any;
}

const char *live_quit_signal(const live *l)
{
    int sig = 0;
    if (l) {
        SDL_LockMutex(l->lock);
        sig = l->quit_signal;
        SDL_UnlockMutex(l->lock);
    }
    return sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : NULL;
}

bool live_deck_missing(live *l)
{
    SDL_LockMutex(l->lock);
    bool m = l->missing;
    SDL_UnlockMutex(l->lock);
    return m;
}

watch_backend live_backend(live *l)
{
    return l->backend;
}
