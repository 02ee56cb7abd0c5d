#!/bin/bash
# Slide schedules from the outside: `--check --date` lists what the show
# plays at a moment and why the rest does not, `--render --date` draws just
# those, and the live show (on its own Xvfb) brings a slide in and takes it
# out at its boundaries, saying so in the play log.
# Usage: bash tests/schedule_cli.sh /path/to/kiosk   (cwd: the repository root)
set -u
unset LC_ALL LC_MESSAGES
kiosk=${1:?usage: schedule_cli.sh /path/to/kiosk}
tmp=$(mktemp -d)
KIOSK_PID=
cleanup() {
    [ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null && wait "$KIOSK_PID" 2>/dev/null
    stop_display
    rm -rf "$tmp"
}
. tests/display.bash
trap cleanup EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

write() {
    mkdir -p "$(dirname "$1/$2")"
    printf '%s' "$3" >"$1/$2"
}

deck=$tmp/deck
write "$deck" slides/010-a.json '{"type": "title", "title": "Always"}'
write "$deck" slides/020-fair.json \
    '{"type": "title", "title": "Fair", "schedule": {"from": "2026-06-06", "until": "2026-06-07"}}'
write "$deck" slides/030-lunch.json \
    '{"type": "text", "body": "Lunch", "schedule": {"hours": ["11:30-13:30"]}}'
write "$deck" slides/040-weekend.json \
    '{"type": "text", "body": "Weekend", "schedule": {"days": ["sat", "周日"]}}'

# expect_list NAME WHEN [OPTION...] -- LINE...: --check --date WHEN prints
# exactly these lines on stdout, and exit status 0.
expect_list() {
    local name=$1 when=$2
    shift 2
    local opts=()
    while [ "$1" != "--" ]; do opts+=("$1"); shift; done
    shift
    local status=0
    LANG=C.UTF-8 timeout 120 "$kiosk" --check --date "$when" "${opts[@]}" "$deck" \
        >"$tmp/stdout" 2>"$tmp/stderr" || status=$?
    [ "$status" = 0 ] || fail "$name: expected exit status 0, got $status: $(cat "$tmp/stderr")"
    printf '%s\n' "$@" >"$tmp/want"
    if ! cmp -s "$tmp/want" "$tmp/stdout"; then
        fail "$name: the list differs (- expected, + got):"
        diff -u "$tmp/want" "$tmp/stdout" | sed -n '3,$p' >&2
    fi
}

expect_list "a Monday morning before the fair" 2026-06-01T10:00 -- \
    'At 2026-06-01 10:00 (Monday) the show plays 1 of its 4 slides:' \
    '  shown      slides/010-a.json' \
    '  not shown  slides/020-fair.json: before its first day, 2026-06-06' \
    '  not shown  slides/030-lunch.json: outside its hours, 11:30-13:30' \
    '  not shown  slides/040-weekend.json: not on Monday'
expect_list "the fair's Saturday at noon" 2026-06-06T12:00 -- \
    'At 2026-06-06 12:00 (Saturday) the show plays 4 of its 4 slides:' \
    '  shown      slides/010-a.json' \
    '  shown      slides/020-fair.json' \
    '  shown      slides/030-lunch.json' \
    '  shown      slides/040-weekend.json'
expect_list "after the fair, in Chinese" 2026-06-09T13:30 --messages zh -- \
    '2026-06-09 13:30（周二）播放 1 张幻灯片（共 4 张）：' \
    '  显示      slides/010-a.json' \
    '  不显示    slides/020-fair.json：已过结束日期 2026-06-07' \
    '  不显示    slides/030-lunch.json：不在显示时段 11:30-13:30 内' \
    '  不显示    slides/040-weekend.json：周二不显示'

# Every slide scheduled, none on: everything plays, and the list says so.
allsched=$tmp/allsched
write "$allsched" slides/010-a.json \
    '{"type": "title", "title": "A", "schedule": {"days": "sat"}}'
write "$allsched" slides/020-b.json \
    '{"type": "title", "title": "B", "schedule": {"hours": "09:00-10:00"}}'
LANG=C.UTF-8 "$kiosk" --check --date 2026-06-01T12:00 "$allsched" >"$tmp/stdout" 2>/dev/null
printf '%s\n' "No slide's schedule is on then, so every slide plays:" \
    '  shown      slides/010-a.json' '  shown      slides/020-b.json' >"$tmp/want"
cmp -s "$tmp/want" "$tmp/stdout" || fail "none on: expected every slide, got: $(cat "$tmp/stdout")"

# --render --date: the slides shown then, under their own numbers; an
# earlier picture of a slide not shown now is removed.
out=$tmp/render
"$kiosk" --render "$out" --size 320x180 "$deck" 2>/dev/null || fail "--render: failed"
"$kiosk" --render "$out" --size 320x180 --date 2026-06-02T12:00 "$deck" 2>/dev/null ||
    fail "--render --date: failed"
got=$(cd "$out" && ls | tr '\n' ' ')
[ "$got" = "001.png 003.png " ] || fail "--render --date on a Tuesday noon: expected 001.png 003.png, got $got"

status=0
"$kiosk" --date 2026-06-01 "$deck" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--date without --check or --render: expected exit status 2, got $status"
status=0
"$kiosk" --check --date 2026-06-31 "$deck" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--date 2026-06-31: expected exit status 2, got $status"

# ---- the live show: a slide on from 6 s after the start for 5 s ------------------
if ! command -v Xvfb >/dev/null || ! start_display 640x360; then
    fail "cannot start Xvfb (tools/install-deps installs it)"
else
    software_rendering_under_sanitizers "$kiosk"
    # A second of each slide; the show starts well within the first 6 s.
    read -r on off <<<"$(python3 -c '
import datetime
n = datetime.datetime.now()
a, b = n + datetime.timedelta(seconds=6), n + datetime.timedelta(seconds=11)
print(a.strftime("%H:%M:%S"), b.strftime("%H:%M:%S") if b.date() == a.date() else "24:00")')"
    live=$tmp/live
    write "$live" slides/deck.json '{"duration": 1, "transition": "none"}'
    write "$live" slides/010-a.json '{"type": "title", "title": "A"}'
    write "$live" slides/020-b.json '{"type": "title", "title": "B"}'
    write "$live" slides/030-soon.json "{\"type\": \"title\", \"title\": \"Soon\",
        \"schedule\": {\"hours\": \"$on-$off\"}}"
    "$kiosk" --windowed --size 320x180 --exit-after 15 --log "$tmp/play.log" "$live" \
        >"$tmp/live.out" 2>"$tmp/live.err" &
    KIOSK_PID=$!
    wait "$KIOSK_PID" || fail "the live show exited with $?: $(cat "$tmp/live.err")"
    KIOSK_PID=
    python3 - "$tmp/play.log" <<'PY' || fail "the live show's schedule (play log above)"
import json, sys
events = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
sched = [e for e in events if e["event"] == "schedule"]
msgs = [e.get("message") for e in sched]
want = ["off: slides/030-soon.json", "on: slides/030-soon.json", "off: slides/030-soon.json"]
ok = msgs == want
shows = [e for e in events if e["event"] == "show" and e.get("file") == "slides/030-soon.json"]
if len(sched) == 3:
    t_on, t_off = sched[1]["time"], sched[2]["time"]
    ok = ok and shows and all(t_on <= e["time"] <= t_off for e in shows)
else:
    ok = False
if not ok:
    print("expected schedule events", want, "and shows of 030 between them; got", msgs,
          [e["time"] for e in shows], file=sys.stderr)
    print(open(sys.argv[1], encoding="utf-8").read(), file=sys.stderr)
    sys.exit(1)
PY
    stop_display
fi

if [ "$failures" -gt 0 ]; then
    echo "schedule_cli: $failures failed" >&2
    exit 1
fi
echo "schedule_cli: all passed"
