#!/usr/bin/env bash
# The live show end to end: kiosk in a window on its own Xvfb, driven with
# xdotool like a visitor would, judged by its play log.
#
#   bash tests/e2e_player.sh /path/to/kiosk      (cwd: the repository root)
#
# The deck tests/data/decks/e2e has long durations (30 s) on the slides the
# script drives, so nothing advances by itself while it swipes and taps; its
# last slide lasts 1.5 s to show the automatic advance, and the idle timeout
# is 4 s. Its first slide's title is written in Chinese and English, so the
# 中/EN button shows (top right). Every action is followed by waiting for its log line, and the
# events are checked one by one in order, so an event that comes early, late
# or twice fails at the step where it happens.
set -u

KIOSK=${1:?usage: e2e_player.sh /path/to/kiosk}
DECK=tests/data/decks/e2e
EVENT_WAIT_S=10 # for one expected log line; generous for sanitizer builds

for tool in Xvfb xdotool python3 /usr/bin/import /usr/bin/convert; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "e2e_player: $tool is missing (tools/install-deps installs it)" >&2
        exit 1
    fi
done

TMP=$(mktemp -d /tmp/kiosk-e2e.XXXXXX)
XVFB_PID=
KIOSK_PID=
cleanup() {
    [ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    [ -n "$KIOSK_PID" ] && wait "$KIOSK_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && wait "$XVFB_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

# Leaks inside X11, fontconfig and SDL are not kiosk's (ctest sets this too).
: "${LSAN_OPTIONS:=suppressions=$PWD/tests/lsan.supp}"
export LSAN_OPTIONS

fail() {
    echo "FAIL: $*" >&2
    echo "---- play log ($TMP/play.log)" >&2
    cat "$TMP/play.log" >&2 2>/dev/null
    echo "---- kiosk stdout" >&2
    cat "$TMP/stdout" >&2 2>/dev/null
    echo "---- kiosk stderr" >&2
    cat "$TMP/stderr" >&2 2>/dev/null
    exit 1
}

# ---- a display of our own ------------------------------------------------------
start_xvfb() {
    local n
    for n in 90 91 92 93 94 95 96 97 98 99; do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
        XVFB_PID=$!
        local i
        for i in $(seq 100); do # up to 5 s
            # Up, and ours: the lock names the server that won display :n.
            if [ -S "/tmp/.X11-unix/X$n" ] &&
                [ "$(tr -d ' ' <"/tmp/.X$n-lock" 2>/dev/null)" = "$XVFB_PID" ]; then
                DISPLAY=":$n"
                export DISPLAY
                return 0
            fi
            kill -0 "$XVFB_PID" 2>/dev/null || break # lost a race for :n
            sleep 0.05
        done
        kill "$XVFB_PID" 2>/dev/null
        wait "$XVFB_PID" 2>/dev/null
        XVFB_PID=
    done
    return 1
}
start_xvfb || fail "no Xvfb display could be started on :90..:99"
echo "e2e: Xvfb on $DISPLAY"

# ---- the show ------------------------------------------------------------------
# Under a sanitizer build, draw without OpenGL: Mesa's driver leaks a little
# and SDL unloads it at exit, so LeakSanitizer sees leaks from an unknown
# module that no suppression can name. Other builds take SDL's default path.
if ldd "$KIOSK" 2>/dev/null | grep -q libasan; then
    export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
    echo "e2e: sanitizer build, software rendering"
fi
SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$KIOSK" --windowed --size 1280x720 \
    --exit-after 40 --log "$TMP/play.log" "$DECK" >"$TMP/stdout" 2>"$TMP/stderr" &
KIOSK_PID=$!

WID=$(timeout 20 xdotool search --sync --onlyvisible --name '^kiosk e2e$' 2>/dev/null | head -n 1)
[ -n "$WID" ] || fail "kiosk's window did not appear within 20 s"
echo "e2e: window $WID"
xdotool windowfocus "$WID" 2>/dev/null

# The show's events, one per line as "event slide cause", ignoring the
# error/reload lines this deck should not produce anyway.
events() {
    python3 - "$1" <<'EOF'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except ValueError as e:
        sys.exit("line %d is not JSON (%s): %s" % (n, e, line.rstrip()))
    if not isinstance(o, dict) or "event" not in o or "time" not in o:
        sys.exit("line %d is not an event object: %s" % (n, line.rstrip()))
    if o["event"] in ("start", "show", "pause", "resume", "language", "exit"):
        print(o["event"], o.get("slide", "-"), o.get("cause", "-"))
EOF
}

EXPECTED=()
# expect EVENT SLIDE CAUSE: waits for the next event in the log and checks it.
expect() {
    local want="$1 $2 $3" k=${#EXPECTED[@]} got i
    EXPECTED+=("$want")
    for i in $(seq $((EVENT_WAIT_S * 20))); do
        got=$(events "$TMP/play.log" 2>/dev/null | sed -n "$((k + 1))p")
        [ -n "$got" ] && break
        kill -0 "$KIOSK_PID" 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$got" ] || fail "event $((k + 1)): expected \"$want\", got nothing within ${EVENT_WAIT_S} s"
    [ "$got" = "$want" ] || fail "event $((k + 1)): expected \"$want\", got \"$got\""
    echo "ok: event $((k + 1)) is \"$want\""
}

# A finger dragged across the window from x0 to x1 at height y, in steps.
drag() {
    local x0=$1 x1=$2 y=$3 steps=10 s
    xdotool mousemove --window "$WID" "$x0" "$y"
    xdotool mousedown 1
    for s in $(seq 1 $steps); do
        sleep 0.03
        xdotool mousemove --window "$WID" $((x0 + (x1 - x0) * s / steps)) "$y"
    done
    sleep 0.03
    xdotool mouseup 1
}

tap() {
    xdotool mousemove --window "$WID" 640 300 click 1
}

# The 中/EN button at 1280x720 (a 1920x1080 canvas at 2/3): 128 x 60 pixels
# ending 16 pixels left of the pause mark's panel, 28 from the top.
tap_language() {
    xdotool mousemove --window "$WID" 1106 58 click 1
}

expect start - -
expect show 1 start

# A screenshot of the real screen: the slide must be drawn, not a blank window.
sleep 0.5
/usr/bin/import -window root "$TMP/shot.png" 2>"$TMP/import.log" ||
    fail "import could not take a screenshot: $(cat "$TMP/import.log")"
COLOURS=$(/usr/bin/convert "$TMP/shot.png" -format %k info:)
[ "${COLOURS:-0}" -gt 50 ] || fail "the screenshot has only ${COLOURS:-0} distinct colours: blank?"
echo "ok: the screenshot has $COLOURS distinct colours (> 50)"

drag 1000 300 300 # leftwards: pulls in the next slide
expect show 2 swipe
drag 300 1000 300 # rightwards: back
expect show 1 swipe
tap
expect pause 1 -
tap
expect resume 1 -
# The 中/EN button: the texts switch to English, and the screen shows it.
sleep 0.5
/usr/bin/import -window root "$TMP/zh.png" 2>"$TMP/import.log" || fail "no screenshot"
tap_language
expect language 1 button
sleep 0.5
/usr/bin/import -window root "$TMP/en.png" 2>"$TMP/import.log" || fail "no screenshot"
DIFF=$(/usr/bin/compare -metric AE "$TMP/zh.png" "$TMP/en.png" null: 2>&1)
[ "${DIFF%% *}" -gt 1000 ] 2>/dev/null || fail "the screen did not change after the 中/EN tap ($DIFF pixels differ)"
echo "ok: the 中/EN tap changed $DIFF pixels"
python3 -c '
import json, sys
langs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
langs = [o for o in langs if o["event"] == "language"]
sys.exit(0 if langs and langs[-1].get("message") == "en" else 1)' "$TMP/play.log" ||
    fail "the language event should say en"
xdotool key --clearmodifiers Right
LAST_INPUT_MS=$(date +%s%3N)
expect show 2 key
# No input for the deck's idle_timeout (4 s): back to the first slide in
# the deck's language, and not before.
expect language 2 idle
expect show 1 idle
IDLE_AFTER_MS=$(($(date +%s%3N) - LAST_INPUT_MS))
[ "$IDLE_AFTER_MS" -ge 3900 ] || fail "the idle return came ${IDLE_AFTER_MS} ms after the last key, expected >= 4000"
echo "ok: the idle return came ${IDLE_AFTER_MS} ms after the last key (idle_timeout 4 s)"
# The last slide (1.5 s) advances by itself, looping to the first.
xdotool key --clearmodifiers Left
expect show 4 key
expect show 1 auto
xdotool key --clearmodifiers Escape
expect exit - -

for i in $(seq 200); do # up to 10 s to shut down
    kill -0 "$KIOSK_PID" 2>/dev/null || break
    sleep 0.05
done
kill -0 "$KIOSK_PID" 2>/dev/null && fail "kiosk did not quit within 10 s of Escape"
wait "$KIOSK_PID"
STATUS=$?
KIOSK_PID=
[ "$STATUS" -eq 0 ] || fail "kiosk exited with status $STATUS (sanitizer report in stderr?)"
echo "ok: kiosk quit on Escape with status 0"

# The whole sequence, in the log file and on stdout alike, every line JSON.
WANT=$(printf '%s\n' "${EXPECTED[@]}")
for f in play.log stdout; do
    GOT=$(events "$TMP/$f") || fail "$f: $GOT"
    [ "$GOT" = "$WANT" ] || fail "$f: expected the events
$WANT
got
$GOT"
    echo "ok: $f holds the ${#EXPECTED[@]} events in order, one JSON object per line"
done
# The visitor's touches and the moment they left, for reports: each swipe
# and tap logged before what it caused, then an idle event before the idle
# return. (The pointer moving before the first drag, and the keys, may
# bring idle events of their own: input, but no touch.)
TOUCHES=$(python3 -c '
import json, sys
events = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for o in events:
    if o["event"] == "touch":
        print(o["event"], o.get("slide", "-"), o.get("cause", "-"))
last_touch = max(i for i, o in enumerate(events) if o["event"] == "touch")
back = next(i for i, o in enumerate(events) if o["event"] == "show" and o.get("cause") == "idle")
between = [o for o in events[last_touch:back] if o["event"] == "idle"]
print("idle before the idle return:", len(between), between[0].get("slide") if between else "-")
' "$TMP/play.log")
WANT_TOUCHES="touch 1 swipe
touch 2 swipe
touch 1 tap
touch 1 tap
touch 1 language
idle before the idle return: 1 2"
[ "$TOUCHES" = "$WANT_TOUCHES" ] || fail "touch and idle events: expected
$WANT_TOUCHES
got
$TOUCHES"
echo "ok: the log holds the visitor's 5 touches and an idle event before the idle return"
# ... and the report counts them: 5 touches, 1 session, 2 swipes to.
"$KIOSK" --report --csv "$TMP/play.log" >"$TMP/report.csv" 2>"$TMP/report.err" ||
    fail "kiosk --report failed: $(cat "$TMP/report.err")"
SUMS=$(awk -F, '/^slide,/ {t = "s"; next} /^date,/ {t = "h"; next}
    t == "s" && NF == 7 {to += $5}
    t == "h" && NF == 5 {touches += $3; sessions += $4}
    END {print touches, sessions, to}' "$TMP/report.csv")
[ "$SUMS" = "5 1 2" ] || fail "the report of the e2e log: expected 5 touches, 1 session, 2 swipes to; got $SUMS
$(cat "$TMP/report.csv")"
echo "ok: kiosk --report counts 5 touches, 1 session and 2 swipes in the e2e log"
echo "e2e_player: all checks passed"
