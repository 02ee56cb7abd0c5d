#!/bin/bash
# A deck in two languages from the command line: --dump-layout and --render
# in the deck's language and with --lang en; --check saying which texts miss
# a translation (in both message languages) and fitting text in each
# language; a deck in one language says nothing about translations.
# Usage: bash tests/lang_cli.sh /path/to/kiosk
set -u
kiosk=${1:?usage: lang_cli.sh /path/to/kiosk}
root=$(cd "$(dirname "$0")/.." && pwd)
deck=$root/tests/data/decks/bilingual
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# Rows: the --lang given ("" for none), then lines --dump-layout must print.
while IFS='|' read -r lang want; do
    args=()
    [ -n "$lang" ] && args=(--lang "$lang")
    out=$(timeout 60 "$kiosk" --dump-layout "${args[@]}" "$deck" 2>/dev/null)
    grep -qxF -- "$want" <<<"$out" || fail "--dump-layout ${args[*]}: no line \"$want\" in:
$out"
done <<'ROWS'
|001 title 104px: 携手与共 感恩奋进
zh|003 items[0].growth 30px: ▲ 同比增长 108%
en|001 title 104px: grateful and striving
en|002 body 54px: worked side by side, with close to 1 billion yuan of
en|003 items[0].value 84px: nearly 58.58 bn yuan
en|003 items[0].growth 30px: ▲ year on year 108%
en|003 items[2].label 36px: 只有中文的标签
en|004 qr.caption 26px: Scan to read
zh|005 title 68px: English only
ROWS

# English is set with English rules: no English line is justified (the
# Chinese body's lines are) and none ends in a hyphen.
json=$(timeout 60 "$kiosk" --dump-layout --json --lang en "$deck" 2>/dev/null)
python3 - "$json" <<'PY' || fail "English lines are justified or split inside a word"
import json, sys
d = json.loads(sys.argv[1])
bad = []
for s in d["slides"]:
    for b in s["boxes"]:
        for l in b.get("lines", []):
            if l.get("justified"):
                bad.append(l["text"])
            if l["text"].endswith("-"):
                bad.append(l["text"])
sys.exit(1 if bad else 0)
PY
timeout 60 "$kiosk" --dump-layout --json "$deck" 2>/dev/null | grep -q '"justified":true' ||
    fail "the Chinese body should be justified"

# --render: the English pictures differ from the Chinese ones, and --lang zh
# draws what the deck's default draws.
for lang in "" zh en; do
    timeout 120 "$kiosk" --render "$tmp/out$lang" --size 480x270 ${lang:+--lang $lang} "$deck" \
        2>"$tmp/stderr" || fail "--render ${lang:+--lang $lang} failed: $(cat "$tmp/stderr")"
done
cmp -s "$tmp/out/002.png" "$tmp/outzh/002.png" || fail "--lang zh should draw the deck's default"
cmp -s "$tmp/out/002.png" "$tmp/outen/002.png" && fail "--lang en should draw another picture"

status=0
"$kiosk" --render "$tmp/x" --lang fr "$deck" 2>"$tmp/stderr" || status=$?
[ "$status" = 2 ] || fail "--lang fr: expected exit 2, got $status"

# --check: each missing translation once, at its text, in the messages'
# language; the deck has no errors.
for messages in en zh; do
    status=0
    "$kiosk" --check --messages "$messages" "$deck" 2>"$tmp/check" || status=$?
    [ "$status" = 0 ] || fail "--check --messages $messages: exit $status: $(cat "$tmp/check")"
    if [ "$messages" = en ]; then
        want='slides/030-stats.json:8:15: warning: items[2].label has no English text: the Chinese is shown in its place
slides/030-stats.json:10:11: warning: note has no English text: the Chinese is shown in its place
slides/050-chart.json:4:12: warning: title has no Chinese text: the English is shown in its place'
    else
        want='slides/030-stats.json:8:15: warning: items[2].label 没有英文文字：以中文代替
slides/030-stats.json:10:11: warning: note 没有英文文字：以中文代替
slides/050-chart.json:4:12: warning: title 没有中文文字：以英文代替'
    fi
    got=$(grep -e 'English' -e '英文' -e '中文文字' "$tmp/check")
    [ "$got" = "$want" ] || fail "--check --messages $messages: expected
$want
got
$got"
done

# Text is fitted in each language: an English body too long for its box is
# reported at its "en" text, the Chinese one that fits is not.
mkdir -p "$tmp/long/slides"
python3 - "$tmp/long/slides/010-a.json" <<'PY'
import json, sys
long = " ".join(["Exchanges in culture, education and health care have never stopped."] * 60)
json.dump({"type": "text", "title": {"zh": "标题", "en": "Title"},
           "body": {"zh": "短文。", "en": long}}, open(sys.argv[1], "w"))
PY
"$kiosk" --check --messages en "$tmp/long" 2>"$tmp/check"
grep -q '^slides/010-a.json:1:109: warning: body.en does not fit its box on a 1920x1080 screen' \
    "$tmp/check" || fail "an English body too long: expected a warning at body.en, got $(cat "$tmp/check")"

# A deck written in Chinese only, some texts as {"zh": …}: no word about
# translations.
mkdir -p "$tmp/zh/slides"
printf '%s' '{"type": "title", "title": {"zh": "标题"}, "subtitle": "副标题"}' \
    >"$tmp/zh/slides/010-a.json"
"$kiosk" --check --messages en "$tmp/zh" 2>"$tmp/check" || fail "Chinese-only deck: --check failed"
grep -q 'English' "$tmp/check" && fail "Chinese-only deck: $(cat "$tmp/check")"

if [ "$failures" -gt 0 ]; then
    echo "lang_cli: $failures failed" >&2
    exit 1
fi
echo "lang_cli: all passed"
