#!/usr/bin/env bash
# The soak test: the real show, on the demo deck, on an accelerated clock
# (KIOSK_TIME_SCALE, a test-only setting: show time runs that many times
# faster), through many slide changes while this script keeps editing the
# deck: a slide rewritten, a slide broken and fixed, a picture that vanishes
# and comes back, SIGHUP. It asserts that every error in the play log is one
# it caused (and each once per change), that the show never stops changing
# slides, that it ends on SIGTERM with status 0 and no sanitizer report (so
# no leak, under an ASan build), and that resident memory stays flat.
#
#   bash tests/soak.sh /path/to/kiosk                        (ctest: 400 changes)
#   SOAK_CHANGES=10000 bash tests/soak.sh build-test/kiosk   (the full soak)
#
# It prints its figures: slide changes, reloads, errors, RSS at start and end.
set -u

KIOSK=${1:?usage: soak.sh /path/to/kiosk}
CHANGES=${SOAK_CHANGES:-400}
SCALE=${SOAK_TIME_SCALE:-200}
STALL_S=30          # no slide change for this long: the show is stuck
RSS_GROWTH_KB=16384 # allowed growth from the warm-up sample to the end

for tool in Xvfb python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "soak: $tool is missing (tools/install-deps)" >&2; exit 1; }
done

TMP=$(mktemp -d /tmp/kiosk-soak.XXXXXX)
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
    echo "---- last lines of the play log" >&2
    tail -n 30 "$LOG" >&2 2>/dev/null
    echo "---- kiosk stderr" >&2
    tail -n 60 "$TMP/stderr" >&2 2>/dev/null
    exit 1
}

# The demo deck, copied so it can be edited.
mkdir -p "$DECK/assets"
cp -r slides fonts "$DECK/"
cp assets/*.jpg assets/*.png "$DECK/assets/"
REWRITTEN=slides/020-upgrade.json
BROKEN=slides/040-fair-shandong.json
PICTURE=assets/port-cranes.jpg
cp "$DECK/$REWRITTEN" "$TMP/rewritten.orig"
cp "$DECK/$BROKEN" "$TMP/broken.orig"
# The errors this script causes: the broken slide, the slides of the picture.
# The vanished picture is also told on its own when the show misses it
# while drawing, before the reload that follows has been applied.
ALLOWED=" $BROKEN $PICTURE $(cd "$DECK" && grep -l "$PICTURE" slides/*.json | tr '\n' ' ')"

shows() {
    local c
    c=$(grep -c '"event": "show"' "$LOG" 2>/dev/null)
    echo "${c:-0}"
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$KIOSK_PID/status" 2>/dev/null; }

start_display 640x360 || fail "no Xvfb"
software_rendering_under_sanitizers "$KIOSK"
# ASan keeps freed memory in quarantine (256 MB by default) before reusing
# it; a small quarantine lets resident memory reach its plateau early.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16"
KIOSK_TIME_SCALE=$SCALE "$KIOSK" --windowed --size 320x180 --log "$LOG" "$DECK" \
    >"$TMP/stdout" 2>"$TMP/stderr" &
KIOSK_PID=$!

WARM_UP=$((CHANGES / 10))
N_SLIDES=$(ls "$DECK/slides" | grep -c '\.json$')
[ "$WARM_UP" -lt $((3 * N_SLIDES)) ] && WARM_UP=$((3 * N_SLIDES))
echo "soak: $CHANGES slide changes at time scale $SCALE"
T0=$(date +%s)
RSS_START=
RSS_MAX=0
step=0 last=0 last_t=$T0 broken=0 vanished=0
while :; do
    sleep 0.3
    kill -0 "$KIOSK_PID" 2>/dev/null || fail "kiosk died after $(shows) slide changes"
    n=$(shows)
    now=$(date +%s)
    if [ "$n" -ne "$last" ]; then
        last=$n last_t=$now
    elif [ $((now - last_t)) -ge $STALL_S ]; then
        fail "no slide change for $STALL_S s at $n"
    fi
    rss=$(rss_kb)
    [ -n "$rss" ] && [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
    # Warm-up: 10 % of the run, and at least three times round the deck, so
    # every picture has been decoded once.
    [ -z "$RSS_START" ] && [ "$n" -ge "$WARM_UP" ] && RSS_START=$rss
    [ "$n" -ge "$CHANGES" ] && break
    # One injection per ~2 % of the run, in turn, and at most one a second:
    # faster, several would fall into one update (debounce.h) and one reload.
    [ "$n" -lt $(((step + 1) * CHANGES / 50)) ] && continue
    [ $((now - ${last_inject:-0})) -lt 1 ] && continue
    last_inject=$now
    case $((step % 4)) in
    0) sed "s/\"title\": \"\([^\"]*\)\"/\"title\": \"\1 ($step)\"/" "$TMP/rewritten.orig" >"$DECK/$REWRITTEN" ;;
    1) if [ $broken -eq 0 ]; then
           printf '{\n  "type": "photo",\n  "image": 7x\n}\n' >"$DECK/$BROKEN"; broken=1
       else
           cp "$TMP/broken.orig" "$DECK/$BROKEN"; broken=0
       fi ;;
    2) if [ $vanished -eq 0 ]; then
           mv "$DECK/$PICTURE" "$TMP/picture"; vanished=1
       else
           mv "$TMP/picture" "$DECK/$PICTURE"; vanished=0
       fi ;;
    3) kill -HUP "$KIOSK_PID" ;;
    esac
    step=$((step + 1))
done
RSS_END=$(rss_kb)
kill -TERM "$KIOSK_PID"
wait "$KIOSK_PID"
STATUS=$?
KIOSK_PID=
T1=$(date +%s)

grep -q "ERROR: \(Address\|Leak\)Sanitizer\|runtime error" "$TMP/stderr" && fail "sanitizer report"
[ "$STATUS" -eq 0 ] || fail "exit status $STATUS"
tail -n 1 "$LOG" | grep -q '"event": "exit", "cause": "SIGTERM"' || fail "no exit event at the end"
N=$(shows)
RELOADS=$(grep -c '"event": "reload"' "$LOG")
ERRORS=$(grep -c '"event": "error"' "$LOG")
# Every error is one this script caused.
grep '"event": "error"' "$LOG" |
    sed -e 's/.*"file": "\([^"]*\)".*/\1/' -e 's/.*"message": "\([^":]*\):1:1: .*/\1/' | sort -u | while read -r f; do
    case "$ALLOWED " in *" $f "*) ;; *) echo "unexpected error about $f" ;; esac
done >"$TMP/unexpected"
[ -s "$TMP/unexpected" ] && fail "$(cat "$TMP/unexpected")"
# Once per change: at most one error per file for each injection (a SIGHUP
# reports the errors standing at that moment again).
[ "$ERRORS" -le $((step * 6)) ] || fail "$ERRORS errors for $step injections: repeated per loop?"
[ "$RELOADS" -ge $((step / 2)) ] || fail "only $RELOADS reloads for $step injections"

echo "soak: $N slide changes in $((T1 - T0)) s, $RELOADS reloads, $ERRORS errors (all injected), $step injections"
echo "soak: RSS ${RSS_START} KiB after warm-up ($WARM_UP changes), ${RSS_END} KiB at the end, ${RSS_MAX} KiB at most"
[ -n "$RSS_START" ] && [ -n "$RSS_END" ] || fail "no RSS samples"
[ "$RSS_END" -le $((RSS_START + RSS_GROWTH_KB)) ] ||
    fail "resident memory grew from $RSS_START to $RSS_END KiB"
echo "soak: passed"
