#!/bin/bash
# Take-home QR codes: kiosk --render draws every slide of tests/data/decks/qr
# at a landscape and a portrait size, zbarimg reads each code back from the
# PNG, and what it reads must be the slide's "qr" text exactly (a URL,
# Chinese text over two lines, ASCII symbols, one letter; over a photo, on a
# plain background). Then --check on broken "qr" values: each an error at
# its place, the slide left out.
#
# Usage (ctest, from the repository root): bash tests/qr_roundtrip.sh /path/to/kiosk
set -u
kiosk=${1:?usage: qr_roundtrip.sh /path/to/kiosk}
deck=tests/data/decks/qr
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
command -v zbarimg >/dev/null || { echo "qr_roundtrip: zbarimg is missing (zbar-tools; tools/install-deps)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/kiosk-qr.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# The text each slide's code must carry, one file per slide: NNN.want.
python3 - "$deck" "$tmp" <<'PY' || { echo "FAILED: cannot read the deck's qr texts" >&2; exit 1; }
import json, pathlib, sys
deck, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
slides = sorted(p for p in (deck / "slides").glob("*.json") if p.name != "deck.json")
for n, p in enumerate(slides, 1):
    qr = json.loads(p.read_text(encoding="utf-8"))["qr"]
    text = qr if isinstance(qr, str) else qr["text"]
    (out / ("%03d.want" % n)).write_bytes(text.encode("utf-8"))
PY
n_slides=$(ls "$tmp"/*.want | wc -l)

for size in 1920x1080 1080x1920; do
    out=$tmp/$size
    if ! timeout 300 "$kiosk" --render "$out" --size "$size" --at 30 "$deck" >"$out.log" 2>&1; then
        fail "$size: kiosk --render failed: $(cat "$out.log")"
        continue
    fi
    for want in "$tmp"/*.want; do
        name=$(basename "$want" .want)
        png=$out/$name.png
        # --raw: the data alone, with a newline after it; one code a picture.
        zbarimg -q --raw -Sdisable -Sqrcode.enable "$png" >"$out/$name.got" 2>"$out/$name.err"
        status=$?
        if [ "$status" != 0 ]; then
            fail "$size slide $name: zbarimg found no code (status $status)"
            continue
        fi
        if cmp -s <(cat "$want"; printf '\n') "$out/$name.got"; then
            echo "ok: $size slide $name: the code reads back as its text ($(wc -c <"$want") bytes)"
        else
            fail "$size slide $name: the code reads \"$(cat "$out/$name.got")\", expected \"$(cat "$want")\""
        fi
    done
done

# ---- the demo deck's closing slide: the article's title and source line ------------
demo=$tmp/demo
mkdir -p "$demo/slides" "$demo/assets"
cp slides/deck.json slides/210-gratitude.json "$demo/slides/"
cp assets/bg-gorges-dawn.jpg "$demo/assets/"
python3 -c 'import json, sys; sys.stdout.write(json.load(open(sys.argv[1], encoding="utf-8"))["qr"]["text"] + "\n")' \
    slides/210-gratitude.json >"$demo/want"
grep -q "忠县以改革破题" "$demo/want" || fail "the demo's closing slide does not carry the article's title"
for size in 1920x1080 1080x1920; do
    if timeout 300 "$kiosk" --render "$demo/$size" --size "$size" --at 30 "$demo" >"$demo/$size.log" 2>&1 &&
        zbarimg -q --raw -Sdisable -Sqrcode.enable "$demo/$size/001.png" >"$demo/$size.got" 2>/dev/null &&
        cmp -s "$demo/want" "$demo/$size.got"; then
        echo "ok: $size: the demo's closing slide reads back as the article's title and source line"
    else
        fail "$size: the demo's closing slide: expected \"$(cat "$demo/want")\", read \"$(cat "$demo/$size.got" 2>/dev/null)\" $(cat "$demo/$size.log")"
    fi
done

# ---- --check on broken codes ------------------------------------------------
bad=$tmp/bad
mkdir -p "$bad/slides"
cp "$deck/slides/deck.json" "$bad/slides/"
long=$(python3 -c 'print("忠" * 80)')
printf '{"type": "title", "title": "数字", "qr": 42}\n' >"$bad/slides/010-number.json"
printf '{"type": "title", "title": "空", "qr": ""}\n' >"$bad/slides/020-empty.json"
printf '{"type": "title", "title": "长", "qr": {"text": "%s"}}\n' "$long" >"$bad/slides/030-long.json"
printf '{"type": "title", "title": "无文字", "qr": {"caption": "扫码"}}\n' >"$bad/slides/040-no-text.json"
printf '{"type": "title", "title": "拼错", "qr": {"text": "ok", "captoin": "扫码"}}\n' >"$bad/slides/050-typo.json"
printf '{"type": "title", "title": "好", "qr": {"text": "ok", "caption": "扫码"}}\n' >"$bad/slides/060-good.json"
"$kiosk" --check "$bad" >"$tmp/check.out" 2>&1
status=$?
[ "$status" = 1 ] || fail "--check on broken codes exited $status, expected 1"
expect_line() {
    grep -qF -- "$1" "$tmp/check.out" && echo "ok: --check says: $1" || fail "--check did not say: $1"
}
expect_line "slides/010-number.json:1:40: error: qr must be a string or an object {\"text\": ...}"
expect_line "slides/020-empty.json:1:39: error: qr is empty"
expect_line "slides/030-long.json:1:48: error: qr.text holds 240 bytes, more than a QR code readable from the screen carries (213; a Chinese character takes 3)"
expect_line "slides/040-no-text.json:1:41: error: qr is missing the required key \"text\""
expect_line "slides/050-typo.json:1:55: warning: unknown key \"captoin\""
if grep -q "060-good" "$tmp/check.out"; then
    fail "--check reports the good slide: $(grep 060-good "$tmp/check.out")"
fi

if [ "$failures" -gt 0 ]; then
    cat "$tmp/check.out" >&2
    echo "qr_roundtrip: $failures failures" >&2
    exit 1
fi
echo "qr_roundtrip: all checks passed"
