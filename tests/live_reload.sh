#!/usr/bin/env bash
# Live reload end to end: kiosk plays a scratch deck on its own Xvfb while
# this script edits, breaks, fixes, adds, removes and renames its files,
# drops sync tools' temporary files into it, deletes and recreates it, and
# sends it signals. Each step waits for its play-log line and checks what is
# on screen (the colour of the slide's background) and that the show went on.
#
#   bash tests/live_reload.sh /path/to/kiosk      (cwd: the repository root)
set -u

KIOSK=${1:?usage: live_reload.sh /path/to/kiosk}
WAIT_S=20 # for one expected log line; generous for sanitizer builds

for tool in Xvfb import python3 /usr/bin/convert; do
    command -v "$tool" >/dev/null 2>&1 || { echo "live_reload: $tool is missing (tools/install-deps)" >&2; exit 1; }
done

TMP=$(mktemp -d /tmp/kiosk-live.XXXXXX)
DECK=$TMP/deck
LOG=$TMP/play.log
KIOSK_PID=
source tests/display.bash
cleanup() {
    [ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null && wait "$KIOSK_PID" 2>/dev/null
    stop_display
    rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "---- play log" >&2
    cat "$LOG" >&2 2>/dev/null
    echo "---- kiosk stderr" >&2
    cat "$TMP/stderr" >&2 2>/dev/null
    exit 1
}
ok() { echo "ok: $*"; }

# ---- the deck --------------------------------------------------------------------
RED="192 48 32" YELLOW="224 192 32" PURPLE="128 32 192" GREEN="32 160 64" THEME="16 32 48"
slide() { # slide NAME COLOUR-HEX TITLE
    printf '{\n  "type": "title",\n  "title": "%s",\n  "background": "%s"\n}\n' "$3" "$2" >"$DECK/slides/$1.json"
}
settings() { # settings DURATION-S
    printf '{"title": "live", "duration": %s, "transition": {"type": "fade", "duration": 0.2},\n "theme": {"background": "#102030"}}\n' "$1" >"$DECK/slides/deck.json"
}
mkdir -p "$DECK/slides" "$DECK/assets"
settings 600
slide 010-a "#c03020" "A"
slide 020-b "#20a040" "B"
slide 030-c "#2040c0" "C"

# ---- the log -------------------------------------------------------------------------
lines() { wc -l <"$LOG" 2>/dev/null || echo 0; }
MARK=0
mark() { MARK=$(lines); }
since() { tail -n +"$((MARK + 1))" "$LOG" 2>/dev/null; }
# wait_for PATTERN [COUNT]: COUNT lines since the mark match PATTERN.
wait_for() {
    local want=${2:-1} i
    for i in $(seq $((WAIT_S * 20))); do
        [ "$(since | grep -c -- "$1")" -ge "$want" ] && return 0
        kill -0 "$KIOSK_PID" 2>/dev/null || fail "kiosk died waiting for $1"
        sleep 0.05
    done
    fail "no $want× $1 in the play log within $WAIT_S s"
}
count() { since | grep -c -- "$1"; }
SHOWS='"event": "show"'

# The slide's background at a point inside the 320x180 window centred on the
# 640x360 screen; waits (up to 5 s) for a transition to finish.
expect_colour() {
    local got i
    for i in $(seq 50); do
        got=$(pixel_at 170 100)
        near_colour "$got" "$1" && return 0
        sleep 0.1
    done
    fail "$2: expected colour $1 on screen, got $got"
}

start_display 640x360 || fail "no Xvfb"
software_rendering_under_sanitizers "$KIOSK"
start_kiosk() {
    "$KIOSK" --windowed --size 320x180 --log "$LOG" "$DECK" >"$TMP/stdout" 2>"$TMP/stderr" &
    KIOSK_PID=$!
}
stop_kiosk() { # stop_kiosk SIGNAL
    kill -"$1" "$KIOSK_PID"
    local i
    for i in $(seq 200); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$KIOSK_PID" 2>/dev/null && fail "kiosk still running 10 s after SIG$1"
    wait "$KIOSK_PID"
    local status=$?
    KIOSK_PID=
    [ "$status" -eq 0 ] || fail "SIG$1: exit status $status (sanitizer report in stderr?)"
    grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$TMP/stderr" && fail "sanitizer report"
    tail -n 1 "$LOG" | grep -q "\"event\": \"exit\", \"cause\": \"SIG$1\"" ||
        fail "SIG$1: the last log line is not an exit event: $(tail -n 1 "$LOG")"
    ok "SIG$1 ends the show with an exit event and status 0"
}

start_kiosk
wait_for '"event": "show", "slide": 1, "file": "slides/010-a.json", "cause": "start"'
expect_colour "$RED" "start"
ok "the show starts on slide 1"

# ---- a changed slide on screen is replaced in place -----------------------------------
mark
slide 010-a "#e0c020" "A, yellow"
wait_for '"event": "reload"'
wait_for '"file": "slides/010-a.json", "cause": "reload"'
expect_colour "$YELLOW" "changed slide on screen"
[ "$(count '"event": "error"')" -eq 0 ] || fail "errors after a good edit"
ok "a changed slide on screen is replaced in place"

# ---- a slide that becomes invalid keeps its last good version --------------------------
mark
printf '{\n  "type": "title",\n  "title": 12x\n}\n' >"$DECK/slides/010-a.json"
wait_for '"event": "error", "file": "slides/010-a.json", "line": 3, "column": 12, "message": "invalid number'
wait_for '"event": "reload"'
grep -q 'slides/010-a.json:3:12: error: invalid number' "$TMP/stderr" || fail "the error is not on stderr"
sleep 0.5
expect_colour "$YELLOW" "broken slide"
[ "$(count "$SHOWS")" -eq 0 ] || fail "the broken slide was replaced on screen: $(since | grep "$SHOWS")"
ok "a broken slide: error with file, line, column; its last good version stays on screen"

# Another file changing does not repeat the error: once per change.
mark
slide 040-d "#20a0a0" "D"
wait_for '"event": "reload"'
[ "$(count '"event": "error"')" -eq 0 ] || fail "the unchanged broken file was reported again: $(since)"
ok "an unchanged broken file is not reported again"

# Fixed: takes effect on the next reload.
mark
slide 010-a "#8020c0" "A, purple"
wait_for '"event": "reload"'
expect_colour "$PURPLE" "fixed slide"
[ "$(count '"event": "error"')" -eq 0 ] || fail "errors after the fix"
ok "a fixed slide takes effect"

# ---- sync tools' and editors' temporary files wake nobody --------------------------------
mark
for f in .syncthing.050-e.json.tmp .050-e.json.Qx81aZ .050-e.json.swp 050-e.json~ '#050-e.json#' .#050-e.json 4913; do
    echo '{"type": "title", "title": 5x' >"$DECK/slides/$f"
done
mkdir "$DECK/slides/.~tmp~" && echo '{broken' >"$DECK/slides/.~tmp~/050-e.json"
slide 020-b "#30b050" "B2"
wait_for '"event": "reload"'
sleep 1
[ "$(count '"event": "reload"')" -eq 1 ] || fail "temporary files caused reloads: $(since)"
[ "$(count '"event": "error"')" -eq 0 ] || fail "temporary files were read: $(since)"
rm -rf "$DECK/slides/.~tmp~" "$DECK/slides/".syncthing.* "$DECK/slides/".050* "$DECK/slides/050-e.json~" \
    "$DECK/slides/#050-e.json#" "$DECK/slides/.#050-e.json" "$DECK/slides/4913"
ok "temporary files are ignored: one reload for one real change"

# ---- a half-written file is read once, whole -----------------------------------------------
mark
python3 - "$DECK/slides/060-f.json" <<'EOF'
import sys, time
with open(sys.argv[1], "w") as f:
    f.write('{\n  "type": "title",\n  "title": "F, written slowly",\n')
    f.flush()
    time.sleep(1.5)  # longer than the quiet period: the open file holds the update
    f.write('  "background": "#a02060"\n}\n')
EOF
wait_for '"event": "reload"'
[ "$(count '"event": "error"')" -eq 0 ] || fail "a half-written file was read: $(since)"
ok "a file written slowly is read once, whole"

# ---- deck.json: a live change, then broken: the last good settings stay -----------------------
mark
settings 1
wait_for '"event": "reload"'
wait_for "$SHOWS" 4
ok "a deck.json change applies: slides advance every second now"
mark
echo '{"duration": 1, "theme": {' >"$DECK/slides/deck.json"
wait_for '"event": "error", "file": "slides/deck.json"'
wait_for '"event": "reload"'
mark
wait_for "$SHOWS" 6 # at 8 s a slide (the default) this would take 48 s
ok "deck.json broken: reported, the last good settings stay"
settings 1

# ---- added broken, removed and renamed slides ----------------------------------------------------
mark
printf '{"type": "title", "title": "never good", "duration": "x"}\n' >"$DECK/slides/070-g.json"
rm "$DECK/slides/030-c.json"
mv "$DECK/slides/020-b.json" "$DECK/slides/025-b.json"
wait_for '"event": "error", "file": "slides/070-g.json"'
wait_for '"event": "reload"'
mark
wait_for "$SHOWS" 12
since | grep "$SHOWS" | grep -q 'slides/070-g.json' && fail "a slide with no good version was shown"
since | grep "$SHOWS" | grep -q 'slides/030-c.json' && fail "a removed slide was shown"
since | grep "$SHOWS" | grep -q 'slides/020-b.json' && fail "a renamed slide was shown under its old name"
since | grep "$SHOWS" | grep -q 'slides/025-b.json' || fail "a renamed slide was not shown under its new name"
[ "$(count '"event": "error"')" -eq 0 ] || fail "errors repeated while the slides loop: $(since | grep error)"
ok "added broken slide left out and reported once; removed gone; renamed under its new name"
rm "$DECK/slides/070-g.json"

# ---- a picture that vanishes and comes back ---------------------------------------------------------
/usr/bin/convert -size 64x64 xc:'#ff8000' "$DECK/assets/p.png"
mark
printf '{"type": "photo", "image": "assets/p.png", "caption": "P"}\n' >"$DECK/slides/080-p.json"
wait_for '"event": "reload"'
mark
rm "$DECK/assets/p.png"
wait_for '"event": "error", "file": "slides/080-p.json"'
wait_for '"event": "reload"'
mark
wait_for "$SHOWS" 5
ok "a vanished picture is reported and the show goes on"
/usr/bin/convert -size 64x64 xc:'#ff8000' "$DECK/assets/p.png"
mark
wait_for '"event": "reload"'
[ "$(count '"event": "error"')" -eq 0 ] || fail "the restored picture still errs: $(since)"
ok "the picture back: no error"

# ---- the deck folder moved away and back, deleted and recreated ------------------------------------
mark
mv "$DECK" "$DECK.away"
wait_for '"event": "error", "file": "'"$DECK"'", "message": "the deck folder is missing'
mark
wait_for "$SHOWS" 3
ok "deck folder moved away: reported once, the show goes on"
mv "$DECK.away" "$DECK"
mark
wait_for '"event": "reload"'
mark
slide 090-h "#606060" "H"
wait_for '"event": "reload"'
ok "deck folder moved back: watched again"
cp -r "$DECK" "$TMP/copy"
mark
rm -rf "$DECK"
wait_for '"event": "error", "file": "'"$DECK"'", "message": "the deck folder is missing'
cp -r "$TMP/copy" "$DECK"
wait_for '"event": "reload"'
mark
wait_for "$SHOWS" 3
since | grep "$SHOWS" | grep -vq 'slides/' && fail "something but slides shown"
ok "deck folder deleted and recreated: the show goes on"

# ---- nothing valid: the calm built-in screen ----------------------------------------------------------------
settings 600
mark
wait_for '"event": "reload"'
mkdir "$TMP/kept" && mv "$DECK/slides/"0*.json "$TMP/kept/"
mark
wait_for '"message": "the deck has no playable slide: showing 内容更新中 / Content is being updated"'
wait_for '"file": "(kiosk: content is being updated)", "cause": "reload"'
expect_colour "$THEME" "the built-in screen"
ok "no slide left: 内容更新中 / Content is being updated, in the theme's colour"
mark
slide 010-a "#20a040" "A again"
wait_for '"event": "show", "slide": 1, "file": "slides/010-a.json", "cause": "reload"'
expect_colour "$GREEN" "content back"
ok "content back: the built-in screen gives way"

# ---- signals -----------------------------------------------------------------------------------------------
mark
kill -HUP "$KIOSK_PID"
wait_for '"event": "reload"'
kill -0 "$KIOSK_PID" || fail "SIGHUP killed the show"
ok "SIGHUP reloads"
stop_kiosk TERM

# ---- the poll backend, and SIGINT ----------------------------------------------------------------------------
KIOSK_WATCH=poll start_kiosk
mark
wait_for '"cause": "start"'
slide 010-a "#c03020" "A red"
wait_for '"event": "reload"'
expect_colour "$RED" "poll backend"
ok "without inotify, a scan notices the change"
stop_kiosk INT
echo "live_reload: all passed"
