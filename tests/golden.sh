#!/bin/bash
# Golden pictures: `kiosk --render` of tests/data/decks/golden/ at a landscape,
# a portrait and a laptop size, each PNG compared with its reference in
# tests/golden/<size>/NNN.png within a tolerance that absorbs anti-aliasing
# and JPEG-decoder rounding but not a moved box, a lost line or a turned
# photo. Also checks that the comparison does reject a wrong picture, so a
# silently broken compare cannot make this test pass.
#
# Usage (ctest, from the repository root): bash tests/golden.sh /path/to/kiosk
# After an intended visual change: tools/update-golden /path/to/kiosk, then
# look at every picture before committing.
set -u
kiosk=${1:?usage: golden.sh /path/to/kiosk}
deck=tests/data/decks/golden
golden=tests/golden
slide_files=("$deck"/slides/[!_.]*.json)
n_slides=$((${#slide_files[@]} - 1)) # deck.json holds the settings
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

# A pixel counts as different when a channel is off by more than FUZZ; a
# picture fails when more than MAX_PER_100K pixels in 100 000 differ. Why so
# few: one changed digit of a 51 px figure (58.58 → 68.58 at 960x540) moves
# only about 360 pixels, 0.07% of the picture, and must still fail. Renders
# are deterministic on one system (0 differ); what the fuzz absorbs is
# another JPEG decoder's or compositor's rounding.
FUZZ=8%
MAX_PER_100K=30

tmp=$(mktemp -d /tmp/kiosk-golden.XXXXXX)
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# render OUT_DIR SIZE [DECK]: draws every slide; the golden deck holds broken
# slides on purpose, so --render must report them with exit status 1.
render() {
    local out=$1 size=$2 dir=${3:-$deck} status=0
    timeout 300 "$kiosk" --render "$out" --size "$size" "$dir" >"$out.log" 2>&1 || status=$?
    if [ "$status" != 1 ]; then
        fail "--render --size $size $dir: expected exit status 1 (the deck has broken slides), got $status"
        sed 's/^/    /' "$out.log" >&2
    fi
}

# within_tolerance REF GOT DIFF: prints how many pixels differ and succeeds
# when GOT is within the tolerance of REF; writes the difference to DIFF.
within_tolerance() {
    local ref=$1 got=$2 diff=$3 ae total want have
    # compare would line up pictures of other sizes as a sub-image search;
    # a picture of the wrong size is simply wrong.
    want=$(/usr/bin/identify -format '%wx%h' "$ref" 2>&1) have=$(/usr/bin/identify -format '%wx%h' "$got" 2>&1)
    if [ "$want" != "$have" ]; then
        echo "size $have, expected $want"
        return 1
    fi
    total=$(( ${want%x*} * ${want#*x} ))
    # compare prints the count on stderr and exits 1 when the pictures differ
    # at all, 2 when it cannot compare them (other sizes, unreadable file).
    ae=$(/usr/bin/compare -metric AE -fuzz "$FUZZ" "$ref" "$got" "$diff" 2>&1 >/dev/null)
    if ! [[ $ae =~ ^[0-9]+$ ]]; then
        echo "cannot compare: $ae"
        return 1
    fi
    awk -v ae="$ae" -v t="$total" 'BEGIN { printf "%d/%d pixels differ (%.3f%%)", ae, t, 100 * ae / t }'
    [ $((ae * 100000)) -le $((MAX_PER_100K * total)) ]
}

for size in 960x540 540x960 1366x768; do
    out=$tmp/$size
    render "$out" "$size"
    for i in $(seq -f %03g 1 "$n_slides"); do
        [ -s "$out/$i.png" ] || fail "$size: $i.png was not written"
    done
    ref_files=("$golden/$size"/*.png)
    [ -e "${ref_files[0]}" ] && refs=${#ref_files[@]} || refs=0
    [ "$refs" -gt 0 ] || fail "$size: no reference pictures in $golden/$size"
    # The two main shapes are covered slide by slide; the laptop panel for a
    # chosen few (see tools/update-golden).
    if [ "$size" != 1366x768 ] && [ "$refs" != "$n_slides" ]; then
        fail "$size: $refs reference pictures for $n_slides slides; run tools/update-golden"
    fi
    for ref in "$golden/$size"/*.png; do
        [ -e "$ref" ] || continue
        name=$(basename "$ref")
        [ -s "$out/$name" ] || continue # reported above
        diff=$tmp/diff-$size-$name
        if figure=$(within_tolerance "$ref" "$out/$name" "$diff"); then
            echo "ok   $size/$name: $figure"
        else
            fail "$size/$name: $figure, more than $MAX_PER_100K in 100000 beyond fuzz $FUZZ; difference picture: $diff, rendered: $out/$name"
        fi
    done
done

# The typesetting references (tools/update-golden): the deck of hard cases
# and three demo slides at 1920x1080, 1366x768 and 1080x1920. Neither deck
# has a broken slide, so --render must succeed.
for size in 1920x1080 1366x768 1080x1920; do
    for set in typeset demo; do
        if [ "$set" = typeset ]; then src=tests/data/decks/typeset; else src=.; fi
        out=$tmp/$set-$size
        mkdir -p "$out"
        timeout 300 "$kiosk" --render "$out" --size "$size" "$src" >"$out.log" 2>&1 ||
            fail "--render --size $size $src failed: $(cat "$out.log")"
        ref_files=("$golden/$set/$size"/*.png)
        [ -e "${ref_files[0]}" ] || fail "$set $size: no reference pictures in $golden/$set/$size"
        for ref in "${ref_files[@]}"; do
            [ -e "$ref" ] || continue
            name=$(basename "$ref")
            if figure=$(within_tolerance "$ref" "$out/$name" "$tmp/diff-$set-$size-$name"); then
                echo "ok   $set/$size/$name: $figure"
            else
                fail "$set/$size/$name: $figure; rendered: $out/$name"
            fi
        done
    done
done

# The comparison must be able to fail. (1) Another slide's picture.
if figure=$(within_tolerance "$golden/960x540/008.png" "$tmp/960x540/009.png" "$tmp/neg1.png"); then
    fail "slide 009 was accepted as slide 008 ($figure): the comparison cannot tell pictures apart"
else
    echo "ok   slide 009 rejected as 008: $figure"
fi
# (2) A different size: 960x544 is not 960x540.
mkdir -p "$tmp/neg2"
timeout 300 "$kiosk" --render "$tmp/neg2" --size 960x544 "$deck" >/dev/null 2>&1
if figure=$(within_tolerance "$golden/960x540/001.png" "$tmp/neg2/001.png" "$tmp/neg2.png"); then
    fail "a 960x544 picture was accepted against the 960x540 reference ($figure)"
else
    echo "ok   960x544 rejected against 960x540: $figure"
fi
# (3) A copy of the deck with one figure changed (58.58 → 68.58 on slide
# 008): that slide must be rejected, and its neighbour still accepted.
cp -r "$deck" "$tmp/deck"
sed -i 's/"value": 58\.58/"value": 68.58/' "$tmp/deck/slides/080-stats-four.json"
grep -q '68\.58' "$tmp/deck/slides/080-stats-four.json" || fail "could not modify the copy of slide 008"
mkdir -p "$tmp/neg3"
render "$tmp/neg3" 960x540 "$tmp/deck"
if figure=$(within_tolerance "$golden/960x540/008.png" "$tmp/neg3/008.png" "$tmp/neg3.png"); then
    fail "slide 008 with 68.58 instead of 58.58 was accepted ($figure)"
else
    echo "ok   modified slide 008 rejected: $figure"
fi
if ! figure=$(within_tolerance "$golden/960x540/007.png" "$tmp/neg3/007.png" "$tmp/neg3-7.png"); then
    fail "unmodified slide 007 of the deck copy was rejected ($figure)"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s); pictures kept in $tmp" >&2
    exit 1
fi
rm -rf "$tmp"
echo "golden: all pictures within tolerance"
