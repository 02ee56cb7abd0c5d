#!/bin/bash
# `kiosk --dump-layout --json`: every box and line with its geometry, so the
# typesetting rules are checked on numbers, not pixels. On the demo deck and
# the deck of hard cases (tests/data/decks/typeset) at 1920x1080, 1366x768
# and 1080x1920:
#   - the JSON is whole: every box has kind, field, x, y, w, h; text boxes
#     a font size and lines with text, x, y, width;
#   - text never leaves its box, nor the canvas;
#   - an opening mark starting a line is set half width: its advance starts
#     half an em left of the line, so its ink is flush with the margin;
#   - running text (body, caption) is justified on every line of a paragraph
#     but the last, which stays flush start;
#   - no paragraph of more than one line ends in a line of one or two
#     ideographs;
#   - a heading of two lines or more is balanced: no line under half the
#     longest;
#   - a numeral never ends a line when its measure word or unit starts the
#     next (四|大港口, 10月|18日, 三|地), nor 万吨级 its noun;
# and exact lines for the hard cases at 1920x1080.
#
# Usage (ctest, from the repository root): bash tests/layout_json.sh /path/to/kiosk
# shellcheck disable=SC1111,SC1112
set -u
kiosk=${1:?usage: layout_json.sh /path/to/kiosk}
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

for deck in . tests/data/decks/typeset; do
    for size in 1920x1080 1366x768 1080x1920; do
        out=$tmp/$(basename "$(cd "$deck" && pwd)")-$size.json
        status=0
        timeout 120 "$kiosk" --dump-layout --json --size "$size" "$deck" >"$out" 2>"$out.err" || status=$?
        if [ "$status" != 0 ]; then
            fail "--dump-layout --json --size $size $deck: exit status $status"
            sed 's/^/    /' "$out.err" >&2
            continue
        fi
        if ! python3 - "$out" "$deck at $size" <<'PY'; then
import json, re, sys

path, label = sys.argv[1], sys.argv[2]
doc = json.load(open(path, encoding="utf-8"))
errors = []
def bad(msg):
    errors.append(f"{label}: {msg}")

OPENING = "（《「『“‘〔【〈〖"
NUMERAL_END = re.compile(r"([0-9〇一二两三四五六七八九十百千万亿]|[0-9]年|[0-9]月)$")
UNIT_START = re.compile(r"^(大|地|级|年|月|日|天|个|家|类|项|亿|万|元|余|%|批|届|次|人|吨)")
SLACK = 0.6  # canvas px: rounding to two decimals, and lround in the painter

def ideographs(s):
    return sum(1 for c in s if "\u3400" <= c <= "\u9fff")

slides = doc.get("slides")
if not slides:
    bad("no slides")
for s in slides or []:
    cw, ch = s["canvas"]["w"], s["canvas"]["h"]
    for b in s["boxes"]:
        for k in ("kind", "field", "x", "y", "w", "h"):
            if k not in b:
                bad(f"slide {s['slide']}: a box lacks {k}: {b}")
        if b.get("kind") != "text":
            continue
        where = f"slide {s['slide']} {b['field']}"
        px = b["font_px"]
        lines = b["lines"]
        for i, ln in enumerate(lines):
            for k in ("text", "x", "y", "width"):
                if k not in ln:
                    bad(f"{where}: a line lacks {k}")
            x0, x1 = ln["x"], ln["x"] + ln["width"]
            if x0 < b["x"] - SLACK or x1 > b["x"] + b["w"] + SLACK or x0 < -SLACK or x1 > cw + SLACK:
                bad(f"{where} line {i} \"{ln['text']}\" leaves its box: {x0:.1f}..{x1:.1f} "
                    f"in {b['x']:.1f}..{b['x'] + b['w']:.1f}")
            if ln["text"][:1] in OPENING and ln["runs"]:
                want = ln["x"] - px / 2
                if abs(ln["runs"][0]["x"] - want) > SLACK:
                    bad(f"{where} line {i} \"{ln['text']}\": opening mark not half width at "
                        f"the line start (advance at {ln['runs'][0]['x']}, expected {want})")
            if i + 1 < len(lines):
                nxt = lines[i + 1]["text"]
                if NUMERAL_END.search(ln["text"]) and UNIT_START.match(nxt):
                    bad(f"{where}: a numeral split from its unit: \"{ln['text']}\" / \"{nxt}\"")
                if ln["text"].endswith("万吨级"):
                    bad(f"{where}: 万吨级 split from its noun: \"{ln['text']}\" / \"{nxt}\"")
        # paragraphs: a line starts one when the one before it ends one
        paras, cur = [], []
        for ln in lines:
            if ln.get("paragraph_start") and cur:
                paras.append(cur)
                cur = []
            cur.append(ln)
        if cur:
            paras.append(cur)
        running = b["field"] in ("body", "caption")
        for p in paras:
            if running and not b.get("truncated"):
                for ln in p[:-1]:
                    if ln["justified"] and abs(ln["width"] - b["w"]) > SLACK:
                        bad(f"{where} \"{ln['text']}\": justified to {ln['width']}, box is {b['w']}")
                if p[-1]["justified"]:
                    bad(f"{where} \"{p[-1]['text']}\": a paragraph's last line is justified")
                # set to the measure: spread (justified), or squeezed into it
                loose = [ln for ln in p[:-1]
                         if not ln["justified"] and abs(ln["width"] - b["w"]) > SLACK]
                if len(p) > 2 and len(loose) * 3 > len(p) - 1:
                    bad(f"{where}: most lines left ragged: {[ln['text'] for ln in loose]}")
            if len(p) > 1 and not b.get("truncated"):
                last = p[-1]["text"]
                if 0 < ideographs(last) < 3 and ideographs(last) == len(last.strip("，。、；：！？”’）》")):
                    bad(f"{where}: a paragraph ends in a short line: \"{last}\"")
        if b["field"] in ("title", "subtitle") and len(lines) > 1:
            widths = [ln["width"] for ln in lines]
            if min(widths) < 0.5 * max(widths):
                bad(f"{where}: unbalanced heading: {[ln['text'] for ln in lines]}")
for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
            fail "rules broken on $deck at $size (above)"
        fi
    done
done

# The chapter bar always fits: seven ordinary names on a portrait screen
# whole and apart, ten long names on a landscape one inside the screen,
# shortened with … (and on two rows in portrait), and --check names each
# shortened chapter at the file of its first slide.
for deck in chapters-seven chapters-long; do
    for size in 1920x1080 1366x768 1080x1920; do
        out=$tmp/$deck-$size.json
        timeout 120 "$kiosk" --dump-layout --json --size "$size" "tests/data/decks/$deck" >"$out" 2>/dev/null ||
            fail "--dump-layout --json --size $size $deck failed"
        python3 - "$out" "$deck at $size" <<'PY' || fail "chapter bar of $deck at $size (above)"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
label = sys.argv[2]
cb = doc["chapter_bar"]
cw = doc["slides"][0]["canvas"]["w"]
errors = []
slots = cb["slots"]
if len(slots) != (7 if "seven" in label else 10):
    errors.append(f"{len(slots)} slots")
for i, s in enumerate(slots):
    if s["x"] < -0.01 or s["x"] + s["w"] > cw + 0.01:
        errors.append(f"slot {i} \"{s['text']}\" leaves the screen: {s['x']}..{s['x'] + s['w']} of {cw}")
    if s["text_w"] > s["w"] + 0.01:
        errors.append(f"slot {i} \"{s['text']}\" is wider than its slot")
    if i and slots[i - 1]["y"] == s["y"] and slots[i - 1]["x"] + slots[i - 1]["w"] > s["x"] + 0.01:
        errors.append(f"slots {i - 1} and {i} overlap")
    if "seven" in label and s["cut"]:
        errors.append(f"an ordinary name is shortened: {s['text']}")
    if s["cut"] and not s["text"].endswith("…"):
        errors.append(f"a shortened name lacks …: {s['text']}")
if "long" in label and "1080x1920" in label and cb["rows"] != 2:
    errors.append(f"ten long names in portrait: expected two rows, got {cb['rows']}")
for e in errors:
    print(f"{label}: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
    done
done
"$kiosk" --check tests/data/decks/chapters-long >"$tmp/check-long.txt" 2>&1
grep -qF 'slides/010-chapter.json:3:14: warning: the chapter name "开篇：对口支援升级迭代" is too long for the chapter bar on a 1920x1080 screen and is shown as "开篇：对口支援升…"; shorten it' "$tmp/check-long.txt" ||
    fail "--check did not warn about the first long chapter name: $(cat "$tmp/check-long.txt")"
[ "$(grep -c 'is too long for the chapter bar' "$tmp/check-long.txt")" = 10 ] ||
    fail "--check: expected one warning per long chapter name (10): $(cat "$tmp/check-long.txt")"
"$kiosk" --check --messages zh tests/data/decks/chapters-long >"$tmp/check-long-zh.txt" 2>&1
grep -qF 'slides/010-chapter.json:3:14: warning: 章节名 "开篇：对口支援升级迭代" 太长，在 1920x1080 的屏幕上章节栏放不下，显示为 "开篇：对口支援升…"；请缩短' "$tmp/check-long-zh.txt" ||
    fail "--check --messages zh: no Chinese warning about the long chapter name: $(cat "$tmp/check-long-zh.txt")"
"$kiosk" --check tests/data/decks/chapters-seven >"$tmp/check-seven.txt" 2>&1
grep -q 'chapter bar' "$tmp/check-seven.txt" && fail "--check warned about ordinary chapter names: $(cat "$tmp/check-seven.txt")"

# Exact lines of the hard cases (the text form stays).
for size in 1920x1080 1080x1920; do
    timeout 120 "$kiosk" --dump-layout --size "$size" tests/data/decks/typeset >"$tmp/typeset-$size.txt" 2>"$tmp/typeset.err" ||
        fail "--dump-layout --size $size of the typeset deck failed"
done
expect() {
    grep -qxF "$2" "$tmp/typeset-$1.txt" || fail "typeset deck at $1: expected the line \"$2\""
}
expect 1920x1080 "002 body 54px: 2025年5月14日签约，10月18日开工，第一批项目投产"
# squeezed: the pause marks inside give up half their width, so the line
# holds its last four characters
expect 1920x1080 "002 body 54px: 中交重庆新生港：长江上游万吨级码头，鲁渝沈三地合作协议"
expect 1080x1920 "002 body 54px: 四大港口携手推进物流通道建设"
expect 1080x1920 "002 body 54px: 万吨级码头，鲁渝沈三地合作协议"
expect 1080x1920 "003 title 104px: 一场推介会"
expect 1080x1920 "003 title 104px: 忠县好物集中亮相"
expect 1080x1920 "003 subtitle 46px: 柑橘、笋竹、粮油……忠县好物走进山东，"
expect 1080x1920 "003 subtitle 46px: 政府搭台、活动为媒、企业唱戏"
expect 1080x1920 "004 title 68px: 近5年 鲁沈帮扶成果"

[ "$failures" = 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "layout_json: all checks passed"
