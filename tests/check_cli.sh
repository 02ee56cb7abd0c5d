#!/bin/bash
# `kiosk --check DECK`: every problem on stderr as PATH:LINE:COL: error|warning:
# MESSAGE; exit 0 when there is no error, 1 when there is one, 2 on a usage
# error. Usage: bash tests/check_cli.sh /path/to/kiosk
set -u
kiosk=${1:?usage: check_cli.sh /path/to/kiosk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# write DECK PATH CONTENT: one file of a test deck.
write() {
    mkdir -p "$(dirname "$1/$2")"
    printf '%s' "$3" >"$1/$2"
}

# expect NAME STATUS DECK [LINE...]: runs --check on DECK and wants exactly
# STATUS and exactly the given diagnostic lines, in that order.
expect() {
    local name=$1 want_status=$2 dir=$3
    shift 3
    local status=0
    timeout 120 "$kiosk" --check "$dir" 2>"$tmp/stderr" >"$tmp/stdout" || status=$?
    [ "$status" = "$want_status" ] || fail "$name: expected exit status $want_status, got $status"
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$tmp/stderr" >"$tmp/got" || true
    if [ $# -gt 0 ]; then printf '%s\n' "$@" >"$tmp/want"; else : >"$tmp/want"; fi
    if ! cmp -s "$tmp/want" "$tmp/got"; then
        fail "$name: diagnostics differ (- expected, + got):"
        diff -u "$tmp/want" "$tmp/got" | sed -n '3,$p' >&2
        echo "--- full stderr:" >&2
        cat "$tmp/stderr" >&2
    fi
}

title='{"type": "title", "title": "Hello"}'

clean=$tmp/clean
write "$clean" slides/010-a.json "$title"
write "$clean" slides/_off.json '{broken'
expect "clean deck" 0 "$clean"

warned=$tmp/warned
write "$warned" slides/010-a.json '{"type": "title", "title": "Hello", "titel": 1}'
expect "warnings only" 0 "$warned" \
    'slides/010-a.json:1:37: warning: unknown key "titel" — did you mean "title"?'

broken=$tmp/broken
write "$broken" slides/010-a.json "$title"
write "$broken" slides/020-b.json $'{\n  "type": "title"\n  "title": "B"\n}\n'
write "$broken" slides/030-c.json '{"type": "stat", "items": []}'
write "$broken" slides/040-d.json '{"type": "photo", "image": "assets/none.jpg"}'
write "$broken" slides/050-e.json \
    '{"type": "stats", "items": [{"label": "a", "value": "58.58"}, {"value": 1}]}'
expect "broken slides" 1 "$broken" \
    "slides/020-b.json:3:3: error: expected ',' or '}' after a value" \
    'slides/030-c.json:1:10: error: unknown slide type "stat"; known types: title, text, photo, stats, chart' \
    'slides/040-d.json:1:28: error: image "assets/none.jpg" does not exist' \
    'slides/050-e.json:1:53: error: items[0].value must be a number, got the string "58.58"' \
    'slides/050-e.json:1:63: error: items[1] is missing the required key "label"'

empty=$tmp/empty
mkdir -p "$empty/slides"
expect "no slides" 1 "$empty" \
    'slides/:1:1: error: the deck has no slides (each slides/*.json file but deck.json is one slide)'

expect "missing deck folder" 1 "$tmp/nowhere" \
    "$tmp/nowhere:1:1: error: the deck folder does not exist"

status=0
timeout 60 "$kiosk" --check "$clean" "$broken" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "two decks: expected exit status 2 (usage), got $status"
status=0
timeout 60 "$kiosk" --check --no-such-option "$clean" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "unknown option: expected exit status 2 (usage), got $status"

if [ "$failures" -gt 0 ]; then
    echo "check_cli: $failures failed" >&2
    exit 1
fi
echo "check_cli: all passed"
