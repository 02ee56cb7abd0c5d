/* notify: the sd_notify datagrams a service manager receives, on a socket
 * of our own, with the watchdog driven by a clock passed in. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "notify.h"

/* The next datagram waiting on fd, "" when there is none. */
static const char *next_datagram(int fd)
{
    static char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf - 1, MSG_DONTWAIT);
    buf[n > 0 ? n : 0] = '\0';
    return buf;
}

static int listen_on(const char *name, bool abstract)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, name);
    if (abstract)
        a.sun_path[0] = '\0';
    socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(name) + !abstract);
    CHECK(bind(fd, (struct sockaddr *)&a, len) == 0, "bind %s", name);
    return fd;
}

int main(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/kiosk-notify-%ld", (long)getpid());
    unlink(path);
    int fd = listen_on(path, false);

    /* Nobody to tell: every call is a no-op. */
    unsetenv("NOTIFY_SOCKET");
    notify n;
    notify_open(&n, 0);
    CHECK(!notify_send(&n, "READY=1"), "no NOTIFY_SOCKET: nothing is sent");
    CHECK(notify_tick(&n, 100000) > 1000000000LL, "no NOTIFY_SOCKET: no watchdog deadline");
    notify_close(&n);

    /* A watchdog of 2 s: a ping every second, counted from open. */
    setenv("NOTIFY_SOCKET", path, 1);
    setenv("WATCHDOG_USEC", "2000000", 1);
    unsetenv("WATCHDOG_PID");
    notify_open(&n, 5000);
    CHECK(notify_send(&n, "READY=1"), "READY=1 is sent");
    CHECK_STR(next_datagram(fd), "READY=1", "the manager reads READY=1");
    struct {
        long long now_ms, next_ms;
        const char *datagram;
    } rows[] = {
        {5000, 6000, ""},           /* just opened: the first ping is due in 1 s */
        {5999, 6000, ""},
        {6000, 7000, "WATCHDOG=1"}, /* due */
        {6500, 7000, ""},           /* not again before the next second */
        {9000, 10000, "WATCHDOG=1"}, /* late (a long frame): one ping, then 1 s on */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        long long next = notify_tick(&n, rows[i].now_ms);
        CHECK(next == rows[i].next_ms, "row %zu: next ping expected at %lld, got %lld", i,
              rows[i].next_ms, next);
        char label[32];
        snprintf(label, sizeof label, "row %zu", i);
        CHECK_STR(next_datagram(fd), rows[i].datagram, label);
    }
    notify_close(&n);

    /* A watchdog meant for another process (WATCHDOG_PID) is not ours. */
    setenv("WATCHDOG_PID", "1", 1);
    notify_open(&n, 0);
    CHECK(notify_tick(&n, 10000000) > 1000000000LL, "someone else's watchdog is ignored");
    CHECK_STR(next_datagram(fd), "", "and nothing is sent for it");
    notify_close(&n);
    unsetenv("WATCHDOG_PID");
    unsetenv("WATCHDOG_USEC");

    /* The abstract namespace ("@name"), as some managers use. */
    char abstract[64];
    snprintf(abstract, sizeof abstract, "@kiosk-notify-%ld", (long)getpid());
    int afd = listen_on(abstract, true);
    setenv("NOTIFY_SOCKET", abstract, 1);
    notify_open(&n, 0);
    CHECK(notify_send(&n, "STOPPING=1"), "STOPPING=1 is sent to an abstract socket");
    CHECK_STR(next_datagram(afd), "STOPPING=1", "the abstract socket reads it");
    notify_close(&n);
    close(afd);
    close(fd);
    unlink(path);
    return check_done();
}
