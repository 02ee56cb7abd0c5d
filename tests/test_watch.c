/* watch: real file operations in a scratch deck folder → the changes noted.
 * inotify queues an event as the system call returns, so reading right
 * after an operation sees it: no waiting. The poll backend is driven by the
 * times passed in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "watch.h"

static char root[256], deck[300], away[400];

static void sh(const char *fmt, const char *arg)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, fmt, arg, arg, arg);
    if (system(cmd) != 0)
        fprintf(stderr, "test_watch: \"%s\" failed\n", cmd);
}

static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", deck, rel);
    FILE *f = fopen(path, "w");
    if (!f) {
        CHECK(0, "cannot write %s", path);
        return;
    }
    fputs(text, f);
    fclose(f);
}

static bool noted(const debounce *b, const char *path)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->paths[i], path) == 0)
            return true;
    return false;
}

static bool writing(const debounce *b, const char *path)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->paths[i], path) == 0)
            return b->writing[i];
    return false;
}

static void fresh_deck(void)
{
    sh("rm -rf '%s' && mkdir -p '%s/slides' '%s/assets'", deck);
    put("slides/010-a.json", "{\"type\": \"title\", \"title\": \"A\"}");
}

/* The sync tools' and editors' temporary files wake nobody. */
static void test_ignored_names(void)
{
    static const struct { const char *name; bool ignored; } rows[] = {
        {"010-a.json", false},           {"deck.json", false},
        {"photo.jpg", false},            {".syncthing.010-a.json.tmp", true},
        {"~syncthing~010-a.json.tmp", true}, {".010-a.json.Xa93kQ", true}, /* rsync */
        {".~tmp~", true},                {".010-a.json.swp", true},
        {"010-a.json~", true},           {"#010-a.json#", true},
        {".#010-a.json", true},          {"4913", true},
        {"#note", false},                {"a~b.json", false},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        CHECK(watch_ignored_name(rows[i].name) == rows[i].ignored, "%s: expected %s", rows[i].name,
              rows[i].ignored ? "ignored" : "watched");
}

static void test_inotify(void)
{
    fresh_deck();
    watch *w = watch_new(deck, false, 0);
    CHECK(w && watch_backend_of(w) == WATCH_INOTIFY, "inotify backend");
    if (!w || watch_backend_of(w) != WATCH_INOTIFY) {
        watch_free(w);
        return;
    }
    CHECK(!watch_deck_missing(w), "deck watched");
    debounce b = {0};

    /* A slide written: being written until closed, then complete. */
    put("slides/020-b.json", "{\"type\": \"title\", \"title\": \"B\"}");
    watch_process(w, 10, &b);
    CHECK(noted(&b, "slides/020-b.json") && !writing(&b, "slides/020-b.json"),
          "written slide: noted and complete after its close");
    CHECK(debounce_due_ms(&b) == 10 + DEBOUNCE_QUIET_MS, "quiet period after the close, got %lld",
          debounce_due_ms(&b));
    debounce_clear(&b);

    /* Temporary files: nothing at all; their rename: the real name. */
    put("slides/.syncthing.030-c.json.tmp", "{}");
    put("slides/.030-c.json.Qx81aZ", "{}");
    put("slides/.030-c.json.swp", "x");
    put("slides/030-c.json~", "x");
    put("slides/#030-c.json#", "x");
    put("slides/4913", "");
    sh("mkdir '%s/slides/.~tmp~'", deck);
    put("slides/.~tmp~/040-d.json", "{}");
    watch_process(w, 20, &b);
    CHECK(!b.pending, "temporary files: nothing noted, got %zu paths (first %s)", b.n,
          b.n ? b.paths[0] : "-");
    sh("mv '%s/slides/.syncthing.030-c.json.tmp' '%s/slides/030-c.json'", deck);
    watch_process(w, 30, &b);
    CHECK(b.n == 1 && noted(&b, "slides/030-c.json") && !b.all,
          "rename of a temporary file: only its real name, got %zu paths", b.n);
    debounce_clear(&b);

    /* Removed and renamed slides, a changed picture. */
    sh("rm '%s/slides/020-b.json'", deck);
    sh("mv '%s/slides/030-c.json' '%s/slides/035-c.json'", deck);
    watch_process(w, 40, &b);
    CHECK(noted(&b, "slides/020-b.json") && noted(&b, "slides/030-c.json") &&
              noted(&b, "slides/035-c.json"),
          "removal and rename noted");
    debounce_clear(&b);

    /* A new folder under assets/ is watched at once. */
    sh("mkdir '%s/assets/photos'", deck);
    watch_process(w, 50, &b);
    CHECK(b.all, "a new folder: everything may be new");
    debounce_clear(&b);
    put("assets/photos/p.jpg", "jpeg");
    watch_process(w, 60, &b);
    CHECK(noted(&b, "assets/photos/p.jpg"), "a file in the new folder noted");
    debounce_clear(&b);

    /* Deleted and recreated (unzip, rsync into a fresh copy). */
    sh("rm -rf '%s'", deck);
    watch_process(w, 70, &b);
    CHECK(b.all && watch_deck_missing(w), "deck deleted: missing, everything changed");
    debounce_clear(&b);
    fresh_deck();
    watch_process(w, 70 + WATCH_REARM_MS, &b);
    CHECK(b.all && !watch_deck_missing(w), "deck recreated: watched again");
    debounce_clear(&b);
    put("slides/050-e.json", "{}");
    watch_process(w, 80 + WATCH_REARM_MS, &b);
    CHECK(noted(&b, "slides/050-e.json"), "a change in the recreated deck noted");
    debounce_clear(&b);

    /* Moved away (the watch would follow it) and back. */
    sh("mv '%s' '%s.away'", deck);
    watch_process(w, 2000, &b);
    CHECK(b.all && watch_deck_missing(w), "deck moved away: missing");
    debounce_clear(&b);
    snprintf(away, sizeof away, "%s.away/slides/060-f.json", deck);
    FILE *f = fopen(away, "w");
    if (f)
        fclose(f);
    watch_process(w, 2000 + WATCH_REARM_MS, &b);
    CHECK(!noted(&b, "slides/060-f.json") && watch_deck_missing(w),
          "a change in the moved-away folder is not the deck's");
    debounce_clear(&b);
    sh("mv '%s.away' '%s'", deck);
    watch_process(w, 3000 + WATCH_REARM_MS, &b);
    CHECK(b.all && !watch_deck_missing(w), "moved back: watched again");
    debounce_clear(&b);
    put("slides/070-g.json", "{}");
    watch_process(w, 3100 + WATCH_REARM_MS, &b);
    CHECK(noted(&b, "slides/070-g.json"), "a change after moving back noted");
    debounce_clear(&b);

    /* Missing from the start, arriving later. */
    watch_free(w);
    sh("rm -rf '%s'", deck);
    w = watch_new(deck, false, 0);
    CHECK(w && watch_deck_missing(w) && watch_next_ms(w, 0) == WATCH_REARM_MS,
          "missing at start: re-arm attempts");
    fresh_deck();
    watch_process(w, WATCH_REARM_MS, &b);
    CHECK(b.all && !watch_deck_missing(w), "deck arriving later is watched");
    debounce_clear(&b);
    watch_free(w);
}

static void test_poll(void)
{
    fresh_deck();
    watch *w = watch_new(deck, true, 0);
    CHECK(w && watch_backend_of(w) == WATCH_POLL && watch_fd(w) == -1, "poll backend");
    if (!w)
        return;
    debounce b = {0};
    CHECK(watch_next_ms(w, 0) == WATCH_POLL_MS, "next scan in %d ms", WATCH_POLL_MS);
    put("slides/020-b.json", "{\"type\": \"title\"}");
    put("slides/.020-b.json.swp", "x");
    watch_process(w, 500, &b);
    CHECK(!b.pending, "no scan before its time");
    watch_process(w, WATCH_POLL_MS, &b);
    CHECK(noted(&b, "slides/020-b.json") && writing(&b, "slides/020-b.json") && b.n == 1,
          "new file seen, being written until a scan sees it still; %zu paths", b.n);
    watch_process(w, 2 * WATCH_POLL_MS, &b);
    CHECK(!writing(&b, "slides/020-b.json"), "still on the next scan: complete");
    CHECK(debounce_due_ms(&b) == 2 * WATCH_POLL_MS + DEBOUNCE_QUIET_MS, "due after the quiet period");
    debounce_clear(&b);
    sh("rm -rf '%s'", deck);
    watch_process(w, 3 * WATCH_POLL_MS, &b);
    CHECK(noted(&b, "slides/010-a.json") && watch_deck_missing(w), "deck gone: its files noted");
    debounce_clear(&b);
    fresh_deck();
    watch_process(w, 4 * WATCH_POLL_MS, &b);
    CHECK(noted(&b, "slides/010-a.json") && !watch_deck_missing(w), "deck back: noted");
    debounce_clear(&b);
    watch_free(w);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/kiosk-test-watch.XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(deck, sizeof deck, "%s/deck", root);
    test_ignored_names();
    test_inotify();
    test_poll();
    sh("rm -rf '%s'", root);
    return check_done();
}
