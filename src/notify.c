#include "notify.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void notify_open(notify *n, long long now_ms)
{
    memset(n, 0, sizeof *n);
    n->fd = -1;
    const char *sock = getenv("NOTIFY_SOCKET");
    if (!sock || (sock[0] != '/' && sock[0] != '@') || strlen(sock) >= sizeof n->path)
        return;
    strcpy(n->path, sock);
    n->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    const char *usec = getenv("WATCHDOG_USEC"), *pid = getenv("WATCHDOG_PID");
    char *end = NULL;
    long long us = usec ? strtoll(usec, &end, 10) : 0;
    bool for_us = !pid || strtol(pid, NULL, 10) == (long)getpid();
    if (usec && end && *end == '\0' && us > 0 && for_us) {
        n->interval_ms = us / 2000; /* ping at half the timeout, as systemd advises */
        if (n->interval_ms < 1)
            n->interval_ms = 1;
        n->next_ms = now_ms + n->interval_ms;
    }
}

bool notify_send(notify *n, const char *state)
{
    if (n->fd < 0)
        return false;
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    size_t len = strlen(n->path);
    memcpy(addr.sun_path, n->path, len);
    if (addr.sun_path[0] == '@')
        addr.sun_path[0] = '\0'; /* abstract: the name is not NUL-terminated */
    socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len +
                                 (n->path[0] == '/' ? 1 : 0));
    ssize_t sent;
    do
        sent = sendto(n->fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&addr, alen);
    while (sent < 0 && errno == EINTR);
    return sent == (ssize_t)strlen(state);
}

long long notify_tick(notify *n, long long now_ms)
{
    if (n->fd < 0 || n->interval_ms <= 0)
        return LLONG_MAX;
    if (now_ms >= n->next_ms) {
        notify_send(n, "WATCHDOG=1");
        n->next_ms = now_ms + n->interval_ms;
    }
    return n->next_ms;
}

void notify_close(notify *n)
{
    if (n->fd >= 0)
        close(n->fd);
    n->fd = -1;
}
