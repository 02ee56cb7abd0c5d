#!/bin/bash
# `kiosk --render DIR`: one DIR/NNN.png per slide, and what an earlier run of
# a longer deck left there removed — only files named the way --render names
# them. Usage: bash tests/render_cli.sh /path/to/kiosk
set -u
kiosk=${1:?usage: render_cli.sh /path/to/kiosk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

deck=$tmp/deck
mkdir -p "$deck/slides" "$tmp/out"
printf '%s' '{"type": "title", "title": "一"}' >"$deck/slides/010-a.json"
printf '%s' '{"type": "title", "title": "二"}' >"$deck/slides/020-b.json"
# An earlier run of a five-slide deck, and files that are not --render's.
for name in 001.png 002.png 003.png 004.png 005.png 1000.png 000.png 0042.png 12.png \
    notes.png 003.png.keep 003.PNG; do
    printf 'old' >"$tmp/out/$name"
done
mkdir "$tmp/out/006.png.d" "$tmp/out/007.png"

status=0
timeout 120 "$kiosk" --render "$tmp/out" --size 320x180 "$deck" 2>"$tmp/stderr" || status=$?
[ "$status" = 0 ] || fail "expected exit status 0, got $status: $(cat "$tmp/stderr")"
got=$(cd "$tmp/out" && LC_ALL=C ls | tr '\n' ' ')
want='000.png 001.png 002.png 003.PNG 003.png.keep 0042.png 006.png.d 007.png 12.png notes.png '
[ "$got" = "$want" ] || fail "files left: expected \"$want\", got \"$got\""
for n in 001 002; do
    [ "$(head -c 4 "$tmp/out/$n.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
        fail "$n.png should be a fresh PNG"
done

if [ "$failures" -gt 0 ]; then
    echo "render_cli: $failures failed" >&2
    exit 1
fi
echo "render_cli: all passed"
