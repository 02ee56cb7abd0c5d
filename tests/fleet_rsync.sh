#!/usr/bin/env bash
# A screen of a fleet receiving an update by rsync while it plays: kiosk on
# its own Xvfb, a staff copy of the deck rsync'ed into its folder slowly
# (--bwlimit), killed mid-transfer and resumed (--partial --delay-updates),
# and once more the plain way (a temporary .NAME.XXXXXX renamed into place).
# The play log must show only good slides throughout, no error at all, and
# the new content must arrive. docs/fleet.md describes the set-up.
#
#   bash tests/fleet_rsync.sh /path/to/kiosk      (cwd: the repository root)
set -u

KIOSK=${1:?usage: fleet_rsync.sh /path/to/kiosk}
WAIT_S=30

for tool in Xvfb rsync /usr/bin/convert; do
    command -v "$tool" >/dev/null 2>&1 || { echo "fleet_rsync: $tool is missing (tools/install-deps)" >&2; exit 1; }
done

TMP=$(mktemp -d /tmp/kiosk-fleet.XXXXXX)
STAFF=$TMP/staff/deck  # the staff laptop's copy
SCREEN=$TMP/screen/deck # the kiosk PC's deck folder
LOG=$TMP/play.log
KIOSK_PID=
RSYNC_PID=
source tests/display.bash
cleanup() {
    [ -n "$RSYNC_PID" ] && kill "$RSYNC_PID" 2>/dev/null && wait "$RSYNC_PID" 2>/dev/null
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

slide() { # slide NAME TITLE [IMAGE]
    if [ -n "${3:-}" ]; then
        printf '{"type": "photo", "title": "%s", "image": "%s"}\n' "$2" "$3" >"$STAFF/slides/$1.json"
    else
        printf '{"type": "title", "title": "%s"}\n' "$2" >"$STAFF/slides/$1.json"
    fi
}
mkdir -p "$STAFF/slides" "$STAFF/assets" "$(dirname "$SCREEN")"
printf '{"title": "fleet", "duration": 1, "transition": {"type": "fade", "duration": 0.2}}\n' \
    >"$STAFF/slides/deck.json"
slide 010-a "A, first edition"
slide 020-b "B, first edition"
slide 030-c "C, to be removed"
GOOD="slides/010-a.json slides/020-b.json slides/030-c.json slides/040-d.json slides/050-e.json"

LINES=0
mark() { LINES=$(wc -l <"$LOG" 2>/dev/null || echo 0); }
since() { tail -n +"$((LINES + 1))" "$LOG" 2>/dev/null; }
wait_for() { # wait_for PATTERN [COUNT]
    local want=${2:-1} i
    for i in $(seq $((WAIT_S * 20))); do
        [ "$(since | grep -c -- "$1")" -ge "$want" ] && return 0
        kill -0 "$KIOSK_PID" 2>/dev/null || fail "kiosk died waiting for $1"
        sleep 0.05
    done
    fail "no $want× $1 in the play log within $WAIT_S s"
}
# Only good slides on screen, and no error, ever.
only_good() {
    grep -q '"event": "error"' "$LOG" && fail "$1: an error in the play log"
    local f
    for f in $(grep '"event": "show"' "$LOG" | sed 's/.*"file": "\([^"]*\)".*/\1/'); do
        case " $GOOD " in *" $f "*) ;; *) fail "$1: $f was shown" ;; esac
    done
    ok "$1: only good slides shown, no error"
}

rsync -a "$STAFF/" "$SCREEN/" || fail "first copy"
start_display 640x360 || fail "no Xvfb"
software_rendering_under_sanitizers "$KIOSK"
"$KIOSK" --windowed --size 320x180 --log "$LOG" "$SCREEN" >"$TMP/stdout" 2>"$TMP/stderr" &
KIOSK_PID=$!
wait_for '"cause": "start"'
wait_for '"event": "show"' 3

# ---- the second edition: a big new photo, a slide removed, two changed -------------
/usr/bin/convert -size 1400x900 xc: +noise Random -quality 95 "$STAFF/assets/big.jpg" || fail "big.jpg"
slide 010-a "A, second edition"
slide 040-d "D, a new photo" assets/big.jpg
rm "$STAFF/slides/030-c.json"
SIZE_KB=$(($(stat -c %s "$STAFF/assets/big.jpg") / 1024))
echo "fleet: update of ${SIZE_KB} KiB at 200 KiB/s"

# Slow, then killed in the middle: with --delay-updates nothing is in place yet.
mark
rsync -a --delete-after --partial --delay-updates --bwlimit=200 "$STAFF/" "$SCREEN/" \
    2>"$TMP/rsync-killed.err" &
RSYNC_PID=$!
midway=
for i in $(seq 100); do # until rsync's temporary .big.jpg.XXXXXX has grown a little
    [ -n "$(find "$SCREEN" -path '*/.*' -size +100k 2>/dev/null)" ] && midway=1 && break
    sleep 0.1
done
[ -n "$midway" ] || fail "the transfer never got under way"
kill -9 "$RSYNC_PID" 2>/dev/null
wait "$RSYNC_PID" 2>/dev/null
RSYNC_PID=
[ -e "$SCREEN/slides/030-c.json" ] && [ ! -e "$SCREEN/slides/040-d.json" ] ||
    fail "the interrupted transfer changed the deck"
wait_for '"event": "show"' 3
since | grep -q '"event": "reload"' && since | grep '"event": "show"' | grep -q 040-d &&
    fail "the interrupted update was shown"
only_good "interrupted transfer"

# Resumed: the whole update arrives at once.
mark
rsync -a --delete-after --partial --delay-updates --bwlimit=2000 "$STAFF/" "$SCREEN/" ||
    fail "the resumed rsync failed"
wait_for '"event": "reload"'
wait_for '"file": "slides/040-d.json"'
mark
wait_for '"event": "show"' 4
since | grep '"event": "show"' | grep -q 030-c && fail "the removed slide still plays"
only_good "resumed transfer"
ok "the second edition arrived whole: the new photo slide plays, the removed one is gone"

# ---- the third edition the plain way: rsync's own temporary file, renamed --------------
/usr/bin/convert -size 1400x900 xc: +noise Random -quality 90 "$STAFF/assets/big.jpg"
slide 050-e "E, third edition" assets/big.jpg
mark
rsync -a --bwlimit=400 "$STAFF/" "$SCREEN/" || fail "the plain rsync failed"
wait_for '"file": "slides/050-e.json"'
only_good "plain slow transfer"

kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID"
STATUS=$?
KIOSK_PID=
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS"
grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$TMP/stderr" && fail "sanitizer report"
tail -n 1 "$LOG" | grep -q '"event": "exit"' || fail "no exit event"
echo "fleet_rsync: all passed"
