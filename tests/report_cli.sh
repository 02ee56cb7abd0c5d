#!/bin/bash
# kiosk --report on the sample logs in tests/data/logs: a play log rotated
# once (play.log.1 older, play.log newer, its last line cut off by a power
# cut). Checks the CSV exactly, the cut of a day with --from, reading "-",
# the damaged line counted on stderr, and an unreadable log failing without
# hiding the others' report.
#
# Usage (ctest, from the repository root): bash tests/report_cli.sh /path/to/kiosk
set -u
kiosk=${1:?usage: report_cli.sh /path/to/kiosk}
logs=tests/data/logs
tmp=$(mktemp -d /tmp/kiosk-report.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# expect NAME STATUS WANT_STDOUT_FILE -- ARGS...: runs kiosk, compares.
expect() {
    local name=$1 want_status=$2 want=$3 status=0
    shift 4
    "$kiosk" "$@" >"$tmp/out" 2>"$tmp/err" <"${STDIN:-/dev/null}" || status=$?
    [ "$status" = "$want_status" ] || fail "$name: exit status $status, expected $want_status ($(cat "$tmp/err"))"
    if ! diff -u "$want" "$tmp/out" >"$tmp/diff"; then
        fail "$name: output differs from the expected:"
        cat "$tmp/diff" >&2
    else
        echo "ok: $name"
    fi
}

cat >"$tmp/all.csv" <<'CSV'
slide,file,shown,seconds_on_screen,swipes_to,swipes_away,chapter_taps
1,slides/010-cover.json,4,32396,0,0,1
2,slides/020-upgrade.json,2,11,0,1,0
3,slides/030-consumption.json,2,4555,1,0,0

date,hour,touches,sessions,session_seconds
2026-06-01,09,2,1,69
2026-06-02,10,1,1,60
CSV
expect "both pieces, newest named first" 0 "$tmp/all.csv" -- --report --csv "$logs/play.log" "$logs/play.log.1"
grep -qx "kiosk: 1 damaged log line skipped (the first: $logs/play.log:7)" "$tmp/err" ||
    fail "the damaged line is not reported on stderr: $(cat "$tmp/err")"

STDIN=$logs/play.log.1 expect "the older piece from standard input" 0 "$tmp/all.csv" -- \
    --report --csv - "$logs/play.log"

cat >"$tmp/day2.csv" <<'CSV'
slide,file,shown,seconds_on_screen,swipes_to,swipes_away,chapter_taps
1,slides/010-cover.json,2,8,0,0,0
2,slides/020-upgrade.json,1,8,0,0,0
3,slides/030-consumption.json,1,4546,0,0,0

date,hour,touches,sessions,session_seconds
2026-06-02,10,1,1,60
CSV
expect "the second fair day alone" 0 "$tmp/day2.csv" -- --report --csv --from 2026-06-02 "$logs"/play.log*

expect "a log that cannot be read fails, the others are still reported" 1 "$tmp/all.csv" -- \
    --report --csv "$logs/play.log" "$tmp/missing.log" "$logs/play.log.1"
grep -q "cannot read the log $tmp/missing.log" "$tmp/err" || fail "no message for the missing log: $(cat "$tmp/err")"

"$kiosk" --report "$logs"/play.log* >"$tmp/text" 2>/dev/null || fail "the text report failed"
grep -q "^Play report: 2026-06-01 09:00:00 to 2026-06-02 10:16:02 · 2 logs, 19 lines, 1 damaged and skipped" "$tmp/text" ||
    fail "the text report's first line: $(head -1 "$tmp/text")"
grep -qE '^ +3 +2 +1:15:55 +1 +0 +0  slides/030-consumption.json$' "$tmp/text" ||
    fail "the text report's slide 3 line: $(grep 030 "$tmp/text")"

if [ "$failures" -gt 0 ]; then
    echo "report_cli: $failures failures" >&2
    exit 1
fi
echo "report_cli: all checks passed"
