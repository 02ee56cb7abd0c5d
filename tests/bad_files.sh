#!/bin/bash
# Bad files cost only themselves. Decks are generated here, at test time
# (tests/bad_files_gen.py with python3 and ImageMagick): odd and damaged
# pictures, odd slide files, bad fonts. Each row names a file and either the
# exact diagnostic `kiosk --check` gives for it or that it shows correctly;
# then `--render` draws the whole deck and every row is checked in the
# pictures: good pictures in their colour, bad ones as a placeholder, and the
# deck's last slide (a plain title) still drawn. Usage: bad_files.sh KIOSK
set -u
kiosk=$(realpath "${1:?usage: bad_files.sh /path/to/kiosk}")
tmp=$(mktemp -d /tmp/kiosk-bad.XXXXXX)
xvfb_pid=
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}
for tool in python3 /usr/bin/convert /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bad_files: $tool is missing (tools/install-deps)" >&2; exit 1; }
done
: "${LSAN_OPTIONS:=suppressions=$PWD/tests/lsan.supp}"
export LSAN_OPTIONS
python3 tests/bad_files_gen.py "$tmp/gen" || { echo "bad_files: cannot generate the pictures" >&2; exit 1; }

# check DECK: --check into $tmp/check.out (only the diagnostic lines), with
# a timeout that turns a blocked read into a failure.
check() {
    local status=0
    timeout 120 "$kiosk" --check "$1" >/dev/null 2>"$tmp/check.err" || status=$?
    [ "$status" = 124 ] && fail "$1: --check did not finish in 120 s (blocked?)"
    # The test pictures are tiny on purpose: the warning that a picture is
    # smaller than its box is not what this test is about.
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$tmp/check.err" |
        grep -v 'so it looks blurred' >"$tmp/check.out"
    return 0
}
# expect_line NAME LINE: the diagnostic is there, exactly.
expect_line() {
    grep -qxF -- "$2" "$tmp/check.out" ||
        fail "$1: expected the line
  $2
got:
$(sed 's/^/  /' "$tmp/check.out")"
}
# nothing_about NAME FILE: no diagnostic names the slide file.
nothing_about() {
    if grep -q "^$2:" "$tmp/check.out"; then
        fail "$1: expected no diagnostic for $2, got: $(grep "^$2:" "$tmp/check.out")"
    fi
}
# centre PNG: the colour in the middle of a rendered slide, "r g b".
centre() {
    /usr/bin/convert "$1" -format '%[fx:int(255*p{160,90}.r)] %[fx:int(255*p{160,90}.g)] %[fx:int(255*p{160,90}.b)]' info: 2>/dev/null
}
# near "r g b" "r g b": within 6 per channel.
near() {
    local a=($1) b=($2) k
    for k in 0 1 2; do
        local d=$((a[k] - b[k]))
        [ "${d#-}" -le 6 ] || return 1
    done
}

# ---- pictures ----------------------------------------------------------------
# file | expected diagnostic after `image "assets/FILE" ` ("" = shows) | colour
blue="51 102 204"
rows=(
    "plain.png||$blue"
    "deep16.png||$blue"
    "interlaced.png||$blue"
    "palette.png||$blue"
    "grey-alpha.png||128 128 128"
    "metadata.png||$blue"
    "rgb.jpg||$blue"
    "cmyk.jpg||$blue"
    "metadata.jpg||$blue"
    "png-named.jpg||$blue"
    "truncated.png|is a damaged PNG image: it is cut short inside its IDAT chunk|"
    "bad-crc.png|is a damaged PNG image: it has a wrong checksum in its IDAT chunk|"
    "bad-deflate.png|cannot be decoded as PNG: Error reading the PNG file.|"
    "truncated.jpg|is a damaged JPEG image: it is cut short before the end of its image data|"
    "zero.png|is an empty file (0 bytes)|"
    "text.png|is not a PNG, JPEG or WebP image|"
    "huge-header.jpg|is 30000x30000 pixels (900.0 megapixels), more than the deck's limit of 40 megapixels (max_image_megapixels in deck.json); scale it down|"
    "huge-header.png|is 30000x30000 pixels (900.0 megapixels), more than the deck's limit of 40 megapixels (max_image_megapixels in deck.json); scale it down|"
    "pipe.png|is a FIFO (named pipe), not a file|"
    "loop.png|is a loop of symbolic links|"
    "folder.png|is a folder, not a file|"
)
pics=$tmp/pictures
mkdir -p "$pics/slides" "$pics/assets"
cp "$tmp/gen"/* "$pics/assets/"
mkfifo "$pics/assets/pipe.png"
ln -s loop2.png "$pics/assets/loop.png"
ln -s loop.png "$pics/assets/loop2.png"
mkdir "$pics/assets/folder.png"
n=0
for row in "${rows[@]}"; do
    n=$((n + 1))
    file=${row%%|*}
    printf '{"type": "photo", "image": "assets/%s", "fit": "contain", "ken_burns": false}' "$file" \
        >"$pics/slides/$(printf '%03d' "$n")-photo.json"
done
printf '{"type": "title", "title": "还在"}' >"$pics/slides/999-last.json"
check "$pics"
n=0
for row in "${rows[@]}"; do
    n=$((n + 1))
    IFS='|' read -r file message colour <<<"$row"
    slide=slides/$(printf '%03d' "$n")-photo.json
    if [ -n "$message" ]; then
        expect_line "$file" "$slide:1:28: error: image \"assets/$file\" $message"
    else
        nothing_about "$file" "$slide"
    fi
done
nothing_about "the last slide" slides/999-last.json

status=0
timeout 300 "$kiosk" --render "$tmp/out" --size 320x180 "$pics" >/dev/null 2>"$tmp/render.err" ||
    status=$?
[ "$status" = 1 ] || fail "--render of the picture deck: expected exit 1 (it has errors), got $status"
n=0
placeholder=
for row in "${rows[@]}"; do
    n=$((n + 1))
    IFS='|' read -r file message colour <<<"$row"
    png=$tmp/out/$(printf '%03d' "$n").png
    [ -f "$png" ] || { fail "$file: --render drew no $png"; continue; }
    got=$(centre "$png")
    if [ -n "$colour" ]; then
        near "$got" "$colour" || fail "$file: expected the picture's colour ($colour) mid-slide, got ($got)"
    else
        # A placeholder: neither the picture's blue nor black, the same for every bad file.
        near "$got" "$blue" && fail "$file: expected a placeholder, got the picture's colour"
        near "$got" "0 0 0" && fail "$file: expected a placeholder, got black"
        [ -z "$placeholder" ] && placeholder=$got
        near "$got" "$placeholder" || fail "$file: expected the placeholder ($placeholder), got ($got)"
    fi
done
[ -f "$tmp/out/$(printf '%03d' $((n + 1))).png" ] || fail "the slide after the bad pictures was not drawn"

# The pixel limit is the deck's setting.
limit=$tmp/limit
mkdir -p "$limit/slides" "$limit/assets"
cp "$tmp/gen/plain.png" "$limit/assets/"
printf '{"max_image_megapixels": 0.001}' >"$limit/slides/deck.json"
printf '{"type": "photo", "image": "assets/plain.png"}' >"$limit/slides/010-a.json"
check "$limit"
expect_line "max_image_megapixels" \
    "slides/010-a.json:1:28: error: image \"assets/plain.png\" is 64x48 pixels (0.0 megapixels), more than the deck's limit of 0.001 megapixels (max_image_megapixels in deck.json); scale it down"

# A 161-byte JPEG claiming 30000x30000: refused from its header, in little memory.
huge=$tmp/huge
mkdir -p "$huge/slides" "$huge/assets"
cp "$tmp/gen/huge-header.jpg" "$huge/assets/"
printf '{"type": "photo", "image": "assets/huge-header.jpg"}' >"$huge/slides/010-a.json"
printf '{"type": "title", "title": "还在"}' >"$huge/slides/020-b.json"
for mode in --check "--render $tmp/huge-out"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v timeout 120 "$kiosk" $mode "$huge" >/dev/null 2>"$tmp/time.err"
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.err")
    echo "bad_files: kiosk $mode on the 30000x30000 JPEG deck: peak RSS $((kb / 1024)) MB"
    [ "${kb:-999999}" -lt 307200 ] || fail "kiosk $mode on the huge-header deck: peak RSS ${kb} kB, over 300 MB"
    grep -q 'huge-header.jpg" is 30000x30000 pixels' "$tmp/time.err" ||
        fail "kiosk $mode on the huge-header deck: the limit is not reported"
done

# ---- slide files -------------------------------------------------------------
files=$tmp/files
mkdir -p "$files/slides"
title='{"type": "title", "title": "好"}'
deep=$(printf '[%.0s' $(seq 70))1$(printf ']%.0s' $(seq 70))
printf '{"type": "title", "title": %s}' "$deep" >"$files/slides/010-deep.json"
python3 -c 'import json; print(json.dumps({"type": "title", "title": "长" * 6000}, ensure_ascii=False))' \
    >"$files/slides/020-long.json"
printf '{"type": "stats", "items": [{"label": "x", "value": 1e400}]}' >"$files/slides/030-huge-number.json"
printf '{"type": "stats", "items": [{"label": "x", "value": 1e300}]}' >"$files/slides/031-big-number.json"
printf '{"type": "title", "title": "a\0b"}' >"$files/slides/040-nul.json"
printf '{"type": "title", "title": "a\\u0000b"}' >"$files/slides/041-nul-escape.json"
head -c 2000000 /dev/zero | tr '\0' ' ' >"$files/slides/050-big.json"
mkdir "$files/slides/060-folder.json"
mkfifo "$files/slides/070-fifo.json"
ln -s 080-loop.json "$files/slides/081-loop.json"
ln -s 081-loop.json "$files/slides/080-loop.json"
ln -s nowhere.json "$files/slides/090-dangling.json"
printf '%s' "$title" >"$files/slides/100-unreadable.json"
chmod 000 "$files/slides/100-unreadable.json"
printf '%s' "$title" >"$files/slides/999-last.json"
chmod 755 "$tmp" "$files" "$files/slides"
if [ "$(id -u)" = 0 ]; then
    # root reads any file whatever its mode; check as nobody, for whom the
    # mode really fails, when setpriv can switch.
    if command -v setpriv >/dev/null; then
        as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        as_nobody=
        echo "bad_files: running as root without setpriv: the unreadable-file row is skipped"
    fi
else
    as_nobody=env
fi
if [ -n "$as_nobody" ]; then
    status=0
    $as_nobody timeout 120 "$kiosk" --check "$files" >/dev/null 2>"$tmp/check.err" || status=$?
    [ "$status" = 124 ] && fail "--check of the slide files deck did not finish (blocked?)"
    # The test pictures are tiny on purpose: the warning that a picture is
    # smaller than its box is not what this test is about.
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$tmp/check.err" |
        grep -v 'so it looks blurred' >"$tmp/check.out"
    expect_line "unreadable" "slides/100-unreadable.json:1:1: error: cannot be read: permission denied"
else
    check "$files"
fi
expect_line "deep nesting" "slides/010-deep.json:1:92: error: nested deeper than 64 levels"
expect_line "long string" "slides/020-long.json:1:28: error: title is 6000 characters long, more than the 5000 a slide can show; shorten it"
expect_line "huge number" "slides/030-huge-number.json:1:53: error: items[0].value 1e400 is too large; kiosk shows numbers up to 1000000000000000 (10^15)"
expect_line "big number" "slides/031-big-number.json:1:53: error: items[0].value 1e300 is too large; kiosk shows numbers up to 1000000000000000 (10^15)"
expect_line "NUL byte" "slides/040-nul.json:1:30: error: control character U+0000 in a string; write it as an escape"
expect_line "NUL escape" 'slides/041-nul-escape.json:1:30: error: \u0000 is not allowed in a string'
expect_line "big file" "slides/050-big.json:1:1: error: is larger than 1 MiB; a slide file should be small"
expect_line "folder" "slides/060-folder.json:1:1: error: is a folder, not a file"
expect_line "FIFO" "slides/070-fifo.json:1:1: error: is a FIFO (named pipe), not a file"
expect_line "symlink loop" "slides/080-loop.json:1:1: error: is a loop of symbolic links"
expect_line "dangling link" "slides/090-dangling.json:1:1: error: is a symbolic link to nothing (its target does not exist)"
nothing_about "the last slide" slides/999-last.json
status=0
timeout 120 "$kiosk" --render "$tmp/files-out" --size 320x180 "$files" >/dev/null 2>&1 || status=$?
[ "$status" = 1 ] || fail "--render of the slide files deck: expected exit 1, got $status"
[ -f "$tmp/files-out/$(printf '%03d' "$(ls "$files/slides" | wc -l)").png" ] ||
    fail "--render of the slide files deck did not draw its last slide"

# Thousands of files: the first 1000 play, and one error says so.
many=$tmp/many
mkdir -p "$many/slides"
for i in $(seq -w 1 1005); do printf '%s' "$title" >"$many/slides/s$i.json"; done
check "$many"
expect_line "1005 files" "slides/:1:1: error: the deck has 1005 slide files, more than the 1000 kiosk plays; the first 1000 in name order are played"
grep -q ": 1000 slides, " "$tmp/check.err" || fail "1005 files: expected 1000 slides loaded, got $(tail -1 "$tmp/check.err")"

# ---- fonts -------------------------------------------------------------------
fonts=$tmp/fonts
mkdir -p "$fonts/slides" "$fonts/fonts"
printf 'OTTO and then nothing a font would hold' >"$fonts/fonts/corrupt.otf"
printf 'hello' >"$fonts/fonts/text.otf"
printf '{"theme": {"font": "fonts/corrupt.otf", "font_bold": "fonts/text.otf"}}' >"$fonts/slides/deck.json"
printf '%s' "$title" >"$fonts/slides/010-a.json"
check "$fonts"
expect_line "non-font" "slides/deck.json:1:54: warning: theme.font_bold \"fonts/text.otf\" is not a TrueType or OpenType font; the shipped font NotoSansCJKsc-Bold.otf is used instead"
grep -qE '^slides/deck.json:1:20: warning: the regular font .*/fonts/corrupt.otf is not a font FreeType can read \(.*\); the shipped font NotoSansCJKsc-Regular.otf is used instead$' "$tmp/check.out" ||
    fail "corrupt font: expected a warning at 1:20, got: $(cat "$tmp/check.out")"
printf '{"theme": {"font": "fonts/missing.otf"}}' >"$fonts/slides/deck.json"
check "$fonts"
expect_line "missing font" "slides/deck.json:1:20: warning: theme.font \"fonts/missing.otf\" does not exist; the shipped font NotoSansCJKsc-Regular.otf is used instead"
status=0
timeout 120 "$kiosk" --render "$tmp/fonts-out" --size 320x180 "$fonts" >/dev/null 2>&1 || status=$?
[ "$status" = 0 ] || fail "--render with a missing deck font: expected exit 0 (a warning), got $status"
[ -f "$tmp/fonts-out/001.png" ] || fail "--render with a missing deck font drew nothing"

# ---- the live show: a picture vanishing, a deck font vanishing ---------------
if command -v Xvfb >/dev/null; then
    show=$tmp/show
    mkdir -p "$show/slides" "$show/assets" "$show/fonts"
    cp "$tmp/gen/plain.png" "$show/assets/gone.png"
    cp "$tmp/gen/huge-header.jpg" "$show/assets/"
    cp fonts/NotoSansCJKsc-Regular.otf "$show/fonts/deck.otf"
    printf '{"duration": 1, "transition": {"type": "fade", "duration": 0.2}, "theme": {"font": "fonts/deck.otf"}}' \
        >"$show/slides/deck.json"
    for i in 1 2 4; do printf '{"type": "title", "title": "第%s页"}' "$i" >"$show/slides/0${i}0-t.json"; done
    printf '{"type": "photo", "image": "assets/gone.png"}' >"$show/slides/030-gone.json"
    printf '{"type": "photo", "image": "assets/huge-header.jpg"}' >"$show/slides/050-huge.json"
    exec 3>"$tmp/display"
    Xvfb -displayfd 3 -screen 0 640x360x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    exec 3>&-
    for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
    if ldd "$kiosk" | grep -q libasan; then # as e2e_player.sh: Mesa leaks under LSan
        export SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
    fi
    DISPLAY=":$(head -1 "$tmp/display")" /usr/bin/time -v timeout 120 "$kiosk" --windowed \
        --size 640x360 --exit-after 12 --log "$tmp/play.log" "$show" >/dev/null 2>"$tmp/show.err" &
    show_pid=$!
    # Once the show has started, the picture of slide 3 and the deck's font
    # vanish from disk; slide 3 has not been decoded yet (only neighbours are).
    for _ in $(seq 200); do grep -q '"event": "start"' "$tmp/play.log" 2>/dev/null && break; sleep 0.05; done
    rm -f "$show/assets/gone.png" "$show/fonts/deck.otf"
    status=0
    wait "$show_pid" || status=$?
    [ "$status" = 0 ] || fail "the show with vanishing files exits $status: $(grep -v '^ ' "$tmp/show.err" | tail -5)"
    grep -q '"event": "exit"' "$tmp/play.log" || fail "the show with vanishing files has no exit event"
    # Told once: by the reload the deletion sets off (at the slide that
    # names it), or by the drawing that missed it, whichever comes first.
    gone=$(grep '"event": "error"' "$tmp/play.log" |
        grep -c 'image \\"assets/gone.png\\" does not exist\|assets/gone.png:1:1: error: does not exist')
    [ "$gone" = 1 ] || fail "the vanished picture: expected one error event, got $gone: $(grep error "$tmp/play.log")"
    huge_errors=$(grep '"event": "error"' "$tmp/play.log" | grep -c 'huge-header.jpg')
    [ "$huge_errors" = 1 ] ||
        fail "the picture over the pixel limit: expected one error event, got $huge_errors: $(grep error "$tmp/play.log")"
    shows=$(grep -c '"event": "show"' "$tmp/play.log")
    [ "$shows" -ge 6 ] || fail "the show went on for only $shows slide changes"
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/show.err")
    echo "bad_files: the show with a vanished picture and font and the 30000x30000 JPEG: $shows slide changes, peak RSS $((kb / 1024)) MB"
    [ "${kb:-999999}" -lt 307200 ] || fail "the show: peak RSS ${kb} kB, over 300 MB"
else
    fail "Xvfb is missing (tools/install-deps installs it)"
fi

[ "$failures" = 0 ] || { echo "bad_files: $failures failed" >&2; exit 1; }
echo "bad_files: all passed"
