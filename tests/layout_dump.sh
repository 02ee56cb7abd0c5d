#!/bin/bash
# `kiosk --dump-layout`: every text line as laid out ("NNN field NNpx: line").
# Checks the line-breaking rules on the golden deck and the demo deck at
# several screen shapes (no closing punctuation at a line start, no opening
# one at a line end, figures never split from their units), one paragraph
# broken exactly as expected, text cut with "…", and the count-up of
# figures over time with --at (monotonic, exact final texts, growth badges
# only once a figure has landed), and an empty prefix or unit taking no room.
#
# Usage (ctest, from the repository root): bash tests/layout_dump.sh /path/to/kiosk
# The CJK quotation marks below are the characters under test.
# shellcheck disable=SC1111,SC1112
set -u
kiosk=${1:?usage: layout_dump.sh /path/to/kiosk}
golden=tests/data/decks/golden
demo=.
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# dump OUT WANT_STATUS DECK [OPTION...]: --dump-layout into OUT. The golden
# deck has broken slides on purpose (status 1); the demo deck has none (0).
dump() {
    local out=$1 want=$2 deck=$3 status=0
    shift 3
    timeout 120 "$kiosk" --dump-layout "$@" "$deck" >"$out" 2>"$out.err" || status=$?
    if [ "$status" != "$want" ]; then
        fail "--dump-layout $* $deck: expected exit status $want, got $status"
        sed 's/^/    /' "$out.err" >&2
    fi
    [ -s "$out" ] || fail "--dump-layout $* $deck printed nothing"
}

# The text of dump lines, without "NNN field NNpx: ".
text_of() { sed -E 's/^[0-9]{3} [^ ]+ [0-9]+px: //'; }

# CLREQ: these never begin a line (closing marks, enumeration comma, the
# ellipsis) ...
no_start='^(，|。|、|；|：|！|？|）|》|」|』|”|’|…)'
# ... and these never end one (opening marks).
no_end='(（|《|「|『|“|‘)$'
# Figures written in running text that must stay on one line.
figures='58.58亿元|108%|近10亿元|120万立方米/年'

# check_breaks DUMP LABEL [NEED_FIGURES]: the rules above on every line;
# with NEED_FIGURES, each figure must also occur whole at least once, so
# the check cannot pass because the text went missing.
check_breaks() {
    local file=$1 label=$2 need=${3:-}
    local bad
    bad=$(paste -d '\t' "$file" <(text_of <"$file") | awk -F '\t' -v re="$no_start" '$2 ~ re { print $1 }')
    [ -z "$bad" ] || fail "$label: lines start with a closing mark:"$'\n'"$bad"
    bad=$(paste -d '\t' "$file" <(text_of <"$file") | awk -F '\t' -v re="$no_end" '$2 ~ re { print $1 }')
    [ -z "$bad" ] || fail "$label: lines end with an opening mark:"$'\n'"$bad"
    # A figure is split when an occurrence in two consecutive lines of one
    # field, joined, starts in the first line and ends in the second.
    bad=$(awk -v figs="$figures" -v need="$need" '
        BEGIN { n = split(figs, F, "|") }
        {
            key = $1 " " $2
            text = $0
            sub(/^[0-9]+ [^ ]+ [0-9]+px: /, "", text)
            if (key == prev_key) {
                s = prev_text text
                cut = length(prev_text)
                for (i = 1; i <= n; i++) {
                    off = 0
                    rest = s
                    while ((p = index(rest, F[i])) > 0) {
                        start = off + p
                        if (start <= cut && start + length(F[i]) - 1 > cut)
                            print "split " F[i] ": [" prev_line "] / [" $0 "]"
                        off += p
                        rest = substr(rest, p + 1)
                    }
                }
            }
            for (i = 1; i <= n; i++)
                if (index(text, F[i]))
                    seen[i] = 1
            prev_key = key
            prev_text = text
            prev_line = $0
        }
        END {
            if (need)
                for (i = 1; i <= n; i++)
                    if (!seen[i])
                        print "no line shows " F[i] " whole"
        }' "$file")
    [ -z "$bad" ] || fail "$label: figures broken from their units:"$'\n'"$bad"
}

# ---- Line-breaking rules at many screen shapes ---------------------------
# Each shape gives another canvas width, so breaks fall elsewhere.
for size in 960x540 540x960 720x960 768x1024 1280x1024 1366x768 2560x1080 600x1024; do
    dump "$tmp/golden-$size" 1 "$golden" --size "$size"
    check_breaks "$tmp/golden-$size" "golden deck at $size" need
    dump "$tmp/demo-$size" 0 "$demo" --size "$size"
    check_breaks "$tmp/demo-$size" "demo deck at $size"
    # The paragraph too long for its box at the smallest size ends in "…".
    last=$(grep '^013 body ' "$tmp/golden-$size" | tail -n 1 | text_of)
    case $last in
    *…) ;;
    *) fail "golden deck at $size: the cut text (slide 013) should end with …, its last line is: $last" ;;
    esac
    n_cut=$(grep -c '…$' "$tmp/golden-$size")
    [ "$n_cut" = 1 ] || fail "golden deck at $size: expected exactly one line cut with …, got $n_cut"
done

# ---- One paragraph broken exactly ---------------------------------------
# Slide 012's paragraph must shrink from 54 to 44 px on a landscape screen
# and to 52 px in portrait; breaks keep 120万立方米/年 whole and put no
# mark at a line start.
expect_lines() {
    local label=$1 file=$2 prefix=$3
    shift 3
    printf '%s\n' "$@" >"$tmp/want"
    grep "^$prefix" "$file" >"$tmp/got"
    if ! cmp -s "$tmp/want" "$tmp/got"; then
        fail "$label: lines differ (- expected, + got):"$'\n'"$(diff -u "$tmp/want" "$tmp/got" | sed -n '3,$p')"
    fi
}
expect_lines "slide 012 at 960x540" "$tmp/golden-960x540" "012 body " \
    "012 body 44px: “十四五”以来，忠县携手山东、沈阳两地，打造产业协作、消费协作、交" \
    "012 body 44px: 通协作的升级版，形成一批有辨识度、有影响力的标志性成果。鲁沈企业" \
    "012 body 44px: 与忠县资源结合，鲁沈总部与忠县基地联动，鲁沈市场与忠县产品对接，" \
    "012 body 44px: 柑橘、笋竹、粮油等特色产品走进山东、火爆沈阳、畅销全国。新型欧松板" \
    "012 body 44px: 项目落地忠县工业园区，分两期建设，年产120万立方米/年，计划总投资" \
    "012 body 44px: 25亿元；港口合作让长江与黄海相连，江海联运的通道越走越宽。三十年" \
    "012 body 44px: 来，三峡移民迁建、产业发展、民生改善，一幕幕感人的故事写在长江两" \
    "012 body 44px: 岸。五年来，地区生产总值稳步增长，城乡面貌焕然一新，群众获得感、幸" \
    "012 body 44px: 福感、安全感持续提升。"
expect_lines "slide 012 at 540x960" "$tmp/golden-540x960" "012 body " \
    "012 body 52px: “十四五”以来，忠县携手山东、沈阳" \
    "012 body 52px: 两地，打造产业协作、消费协作、交" \
    "012 body 52px: 通协作的升级版，形成一批有辨识" \
    "012 body 52px: 度、有影响力的标志性成果。鲁沈企" \
    "012 body 52px: 业与忠县资源结合，鲁沈总部与忠县" \
    "012 body 52px: 基地联动，鲁沈市场与忠县产品对接，" \
    "012 body 52px: 柑橘、笋竹、粮油等特色产品走进山" \
    "012 body 52px: 东、火爆沈阳、畅销全国。新型欧松" \
    "012 body 52px: 板项目落地忠县工业园区，分两期建" \
    "012 body 52px: 设，年产120万立方米/年，计划总投" \
    "012 body 52px: 资25亿元；港口合作让长江与黄海相" \
    "012 body 52px: 连，江海联运的通道越走越宽。三十年" \
    "012 body 52px: 来，三峡移民迁建、产业发展、民生改" \
    "012 body 52px: 善，一幕幕感人的故事写在长江两岸。" \
    "012 body 52px: 五年来，地区生产总值稳步增长，城乡" \
    "012 body 52px: 面貌焕然一新，群众获得感、幸福感、" \
    "012 body 52px: 安全感持续提升。"

# ---- Figures counting up over time --------------------------------------
# Moments (seconds after the slide appears) in order; "settled" is the
# default moment, after every figure has landed and its badge faded in.
moments="0 0.5 1 1.5 2 2.2 3 settled"
for at in $moments; do
    if [ "$at" = settled ]; then
        dump "$tmp/at-$at" 1 "$golden" --size 960x540
    else
        dump "$tmp/at-$at" 1 "$golden" --size 960x540 --at "$at"
    fi
done

# The number in a figure line: prefix and unit dropped, separators removed.
number_of() { text_of | sed -E 's/^[^0-9]*//; s/[^0-9.,].*$//; s/,//g'; }

for key in "008 items[0]" "008 items[1]" "008 items[2]" "008 items[3]" \
    "009 items[0]" "009 items[1]" "009 items[2]" "009 items[3]" \
    "009 items[4]" "009 items[5]" "009 items[6]" "009 items[7]" \
    "010 items[0]" "010 items[3]" "011 items[2]"; do
    prev="" prev_at="" decimals=""
    for at in $moments; do
        line=$(grep -F "$key.value " "$tmp/at-$at")
        if [ -z "$line" ]; then
            fail "$key at $at: no figure line"
            continue
        fi
        v=$(number_of <<<"$line")
        [[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] || { fail "$key at $at: no number in: $line"; continue; }
        # The figure keeps its decimals while counting, so it does not jitter.
        d=${v#*.}
        [ "$d" = "$v" ] && d=""
        if [ -n "$decimals" ] && [ "${#d}" != "$decimals" ]; then
            fail "$key at $at: ${#d} decimals, expected $decimals as before: $line"
        fi
        decimals=${#d}
        if [ "$at" = 0 ] && ! awk -v v="$v" 'BEGIN { exit !(v == 0) }'; then
            fail "$key at 0 s: expected the count to start at 0, got $v"
        fi
        if [ -n "$prev" ] && ! awk -v a="$prev" -v b="$v" 'BEGIN { exit !(b >= a) }'; then
            fail "$key: the figure fell from $prev at $prev_at s to $v at $at s"
        fi
        prev=$v prev_at=$at
    done
done

# Final texts, exactly; 008 groups digits with ",", 009 does not.
expect_lines "stats slide 008 settled" "$tmp/at-settled" "008 items\[[0-9]\]\.\(value\|growth\) " \
    "008 items[0].value 102px: 58.58亿元" \
    "008 items[0].growth 30px: ▲ 同比增长 108%" \
    "008 items[1].value 102px: 0.25亿元" \
    "008 items[1].growth 30px: ▲ 同比增长 10%" \
    "008 items[2].value 102px: 2,500人次" \
    "008 items[2].growth 30px: ▼ 同比下降 5%" \
    "008 items[3].value 102px: 9.33亿元" \
    "008 items[3].growth 30px: ▲ 同比增长 408%"
finals=$(grep -E '^009 items\[[0-9]\]\.value ' "$tmp/at-settled" | text_of | paste -sd ' ')
[ "$finals" = "58.58亿元 0.25亿元 9.33亿元 1.183吨 594.81亿元 2500人次 200000人 近10亿元" ] ||
    fail "stats slide 009 settled: expected 58.58亿元 0.25亿元 9.33亿元 1.183吨 594.81亿元 2500人次 200000人 近10亿元, got $finals"

# Badges: none while counting; at 2.2 s (count 2 s, stagger 0.15 s) items 0
# (landed at 2.0 s) and 1 (2.15 s) show theirs, 2 (2.3 s) and 3 do not yet.
for at in 0 0.5 1 1.5; do
    n=$(grep -c '^008 items\[[0-9]\]\.growth ' "$tmp/at-$at")
    [ "$n" = 0 ] || fail "slide 008 at $at s: expected no growth badge before the figures land, got $n"
done
got=$(grep -oE '^008 items\[[0-9]\]\.growth' "$tmp/at-2.2" | paste -sd ' ')
[ "$got" = "008 items[0].growth 008 items[1].growth" ] ||
    fail "slide 008 at 2.2 s: expected badges of items 0 and 1 only, got: ${got:-none}"

# ---- An empty prefix or unit takes no room --------------------------------
# A text written "" shows nothing, so four figures whose width sets their
# size must come out as large as without it: bare (010, 030), with an empty
# prefix (020) or an empty unit (040) on the widest one.
mkdir -p "$tmp/empty/slides"
head='"type": "stats", "title": "一场推介会 忠县好物集中亮相", "subtitle": "柑橘、笋竹、粮油……忠县好物走进山东", "note": "数据来源：推介会"'
figs='{"label": "会期", "value": 3, "unit": "天"}, {"label": "企业", "value": 33, "unit": "家"}, {"label": "产品", "value": 11, "unit": "类"}'
empty_slide() { printf '{%s, "items": [%s, %s]}\n' "$head" "$figs" "$2" >"$tmp/empty/slides/$1.json"; }
empty_slide 010 '{"label": "品种", "value": 100, "unit": "余个"}'
empty_slide 020 '{"label": "品种", "prefix": "", "value": 100, "unit": "余个"}'
empty_slide 030 '{"label": "品种", "value": 10000}'
empty_slide 040 '{"label": "品种", "value": 10000, "unit": ""}'
dump "$tmp/empty.txt" 0 "$tmp/empty"
size_of() { grep -E "^$1 items\[[0-9]\]\.value " "$tmp/empty.txt" | sed -E 's/^[^ ]+ [^ ]+ ([0-9]+)px:.*/\1/' | paste -sd ' '; }
[ "$(size_of 001)" = "$(size_of 002)" ] ||
    fail "an empty prefix changed the figures' size: $(size_of 001) without it, $(size_of 002) with it"
[ "$(size_of 003)" = "$(size_of 004)" ] ||
    fail "an empty unit changed the figures' size: $(size_of 003) without it, $(size_of 004) with it"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "layout_dump: all checks passed"
