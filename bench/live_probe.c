/* kiosk-live-probe: watches a program from outside, the way a visitor and
 * the operating system see it (tools/measure-live drives it).
 *
 *   kiosk-live-probe X,Y,W,H[;X,Y,W,H...] SECONDS -- PROGRAM [ARGS...]
 *
 * Starts PROGRAM, then for SECONDS grabs each rectangle of the X root
 * window (MIT-SHM, so one grab is one copy inside the server) in turn, as
 * fast as it can with a 1 ms pause between rounds, and prints one line per
 * rectangle that changed:
 *
 *   F <ms since launch> <rectangle, from 0> <1 if any pixel is not near black>
 *
 * Every 100 ms it also prints what /proc says about the program:
 *
 *   S <ms> <user+system clock ticks, all threads> <PSS KiB> <context switches, all threads>
 *
 * With KIOSK_PROBE_SMAPS=FILE, /proc/PID/smaps is copied to FILE just
 * before the program is stopped.
 *
 * The X server applies each request whole, so a grab never sees half a
 * frame of a program that presents with one PutImage. Times are
 * CLOCK_MONOTONIC from just before fork. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROC_SAMPLE_MS 100
#define GRAB_PAUSE_US 1000
#define NEAR_BLACK 24 /* a channel above this is "something drawn" */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* utime + stime of the whole process (the kernel sums its threads). */
static long long cpu_ticks(pid_t pid)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    if (!p)
        return -1;
    long long ut = 0, st = 0;
    /* after ')': state(3) ... utime is field 14, stime 15 */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lld %lld", &ut, &st) != 2)
        return -1;
    return ut + st;
}

static long pss_kib(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Pss: %ld kB", &kib) == 1)
            break;
    fclose(f);
    return kib;
}

static long long context_switches(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    long long total = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char spath[300], line[256];
        snprintf(spath, sizeof spath, "/proc/%d/task/%s/status", (int)pid, de->d_name);
        FILE *f = fopen(spath, "r");
        if (!f)
            continue;
        long long v;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "voluntary_ctxt_switches: %lld", &v) == 1 ||
                sscanf(line, "nonvoluntary_ctxt_switches: %lld", &v) == 1)
                total += v;
        fclose(f);
    }
    closedir(d);
    return total;
}

typedef struct {
    int x, y, w, h;
    XImage *img;
    XShmSegmentInfo shm;
    uint64_t last;
    bool have_last;
} region;

#define MAX_REGIONS 4

static int region_open(Display *dpy, int scr, region *r)
{
    r->img = XShmCreateImage(dpy, DefaultVisual(dpy, scr), (unsigned)DefaultDepth(dpy, scr),
                             ZPixmap, NULL, &r->shm, (unsigned)r->w, (unsigned)r->h);
    if (!r->img)
        return -1;
    r->shm.shmid = shmget(IPC_PRIVATE, (size_t)r->img->bytes_per_line * r->img->height,
                          IPC_CREAT | 0600);
    if (r->shm.shmid < 0)
        return -1;
    r->shm.shmaddr = r->img->data = shmat(r->shm.shmid, NULL, 0);
    r->shm.readOnly = False;
    if (r->shm.shmaddr == (void *)-1 || !XShmAttach(dpy, &r->shm))
        return -1;
    XSync(dpy, False);
    shmctl(r->shm.shmid, IPC_RMID, NULL); /* freed when both sides detach */
    return 0;
}

/* Grabs the region; returns 1 and sets *drawn when it changed since the
 * last grab, 0 when not, -1 on failure. */
static int region_grab(Display *dpy, Window root, region *r, int *drawn)
{
    if (!XShmGetImage(dpy, root, r->img, r->x, r->y, AllPlanes))
        return -1;
    size_t n = (size_t)r->img->bytes_per_line * r->img->height;
    /* FNV-1a over 64-bit words: any changed pixel changes the hash. */
    uint64_t h = 1469598103934665603ull;
    const uint64_t *wd = (const uint64_t *)r->img->data;
    for (size_t i = 0; i < n / 8; i++)
        h = (h ^ wd[i]) * 1099511628211ull;
    if (r->have_last && h == r->last)
        return 0;
    r->last = h;
    r->have_last = true;
    *drawn = 0;
    for (size_t i = 0; i < n && !*drawn; i++)
        if ((i & 3) != 3 && (unsigned char)r->img->data[i] > NEAR_BLACK)
            *drawn = 1;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: kiosk-live-probe X,Y,W,H[;X,Y,W,H...] SECONDS -- PROGRAM [ARGS...]\n");
        return 2;
    }
    region regions[MAX_REGIONS] = {{0}};
    int n_regions = 0;
    for (const char *p = argv[1]; *p && n_regions < MAX_REGIONS;) {
        region *r = &regions[n_regions++];
        if (sscanf(p, "%d,%d,%d,%d", &r->x, &r->y, &r->w, &r->h) != 4) {
            fprintf(stderr, "kiosk-live-probe: bad region %s\n", p);
            return 2;
        }
        const char *semi = strchr(p, ';');
        p = semi ? semi + 1 : "";
    }
    double seconds = atof(argv[2]);
    Display *dpy = XOpenDisplay(NULL);
    if (!dpy) {
        fprintf(stderr, "kiosk-live-probe: cannot open the display\n");
        return 1;
    }
    if (!XShmQueryExtension(dpy)) {
        fprintf(stderr, "kiosk-live-probe: the X server has no MIT-SHM\n");
        return 1;
    }
    int scr = DefaultScreen(dpy);
    Window root = RootWindow(dpy, scr);
    int sw = DisplayWidth(dpy, scr), sh = DisplayHeight(dpy, scr);
    for (int i = 0; i < n_regions; i++) {
        region *r = &regions[i];
        if (r->x < 0 || r->y < 0 || r->w < 1 || r->h < 1 || r->x + r->w > sw || r->y + r->h > sh) {
            fprintf(stderr, "kiosk-live-probe: region %d is not on the %dx%d screen\n", i, sw, sh);
            return 2;
        }
        if (region_open(dpy, scr, r) != 0) {
            fprintf(stderr, "kiosk-live-probe: cannot share memory with the X server\n");
            return 1;
        }
    }

    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("kiosk-live-probe: fork");
        return 1;
    }
    if (pid == 0) {
        execvp(argv[4], argv + 4);
        perror("kiosk-live-probe: exec");
        _exit(127);
    }
    double next_sample = 0;
    for (;;) {
        double t = now_ms() - t0;
        if (t >= seconds * 1e3)
            break;
        for (int i = 0; i < n_regions; i++) {
            int drawn, changed = region_grab(dpy, root, &regions[i], &drawn);
            if (changed < 0)
                goto out;
            if (changed)
                printf("F %.2f %d %d\n", now_ms() - t0, i, drawn);
        }
        if (t >= next_sample) {
            printf("S %.1f %lld %ld %lld\n", t, cpu_ticks(pid), pss_kib(pid), context_switches(pid));
            next_sample += PROC_SAMPLE_MS;
        }
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            printf("E %.1f %d\n", now_ms() - t0, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
            pid = -1;
            break;
        }
        usleep(GRAB_PAUSE_US);
    }
out:
    /* Where the memory is at the end: the mappings, for the breakdown. */
    const char *smaps_out = getenv("KIOSK_PROBE_SMAPS");
    if (pid > 0 && smaps_out) {
        char path[64], buf[65536];
        snprintf(path, sizeof path, "/proc/%d/smaps", (int)pid);
        FILE *in = fopen(path, "r"), *out = fopen(smaps_out, "w");
        size_t n;
        while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        if (in)
            fclose(in);
        if (out)
            fclose(out);
    }
    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    printf("T %ld\n", sysconf(_SC_CLK_TCK));
    for (int i = 0; i < n_regions; i++) {
        XShmDetach(dpy, &regions[i].shm);
        shmdt(regions[i].shm.shmaddr);
    }
    XCloseDisplay(dpy);
    return 0;
}
