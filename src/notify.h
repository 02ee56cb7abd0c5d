/* notify — telling a service manager (systemd) that the show is up and alive.
 *
 * With NOTIFY_SOCKET in the environment (a unit with Type=notify), kiosk
 * sends "READY=1" once the first frame is on screen, "WATCHDOG=1" every half
 * WATCHDOG_USEC while its main loop runs, and "STOPPING=1" when it ends. A
 * show that hangs stops pinging, and the manager kills and restarts it.
 * This is the sd_notify datagram protocol, a few lines over a Unix socket,
 * so kiosk needs no libsystemd. Without NOTIFY_SOCKET everything here is a
 * no-op. Pure apart from the socket: times are passed in (milliseconds). */
#ifndef KIOSK_NOTIFY_H
#define KIOSK_NOTIFY_H

#include <stdbool.h>

typedef struct {
    int fd;               /* -1: nobody to tell */
    char path[108];       /* the socket; a leading '@' is the abstract namespace */
    long long interval_ms; /* 0: no watchdog; else half of WATCHDOG_USEC */
    long long next_ms;    /* when the next ping is due */
} notify;

/* Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (a watchdog meant for
 * another process is ignored) and opens the socket. now_ms starts the
 * watchdog's count. Never fails visibly: an unusable socket is a no-op. */
void notify_open(notify *n, long long now_ms);

/* Sends one state line ("READY=1"). False when it could not be sent (or
 * there is nobody to tell). */
bool notify_send(notify *n, const char *state);

/* Sends "WATCHDOG=1" when a ping is due at now_ms. Returns when the next
 * one is due, for the main loop's sleep; a far future without a watchdog. */
long long notify_tick(notify *n, long long now_ms);

/* Closes the socket; safe on a notify that was never opened. */
void notify_close(notify *n);

#endif
