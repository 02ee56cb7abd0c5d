#!/bin/bash
# The demo deck must carry every figure of the source article exactly: the
# number as written (58.58, not 58.6), its qualifier (近 as a prefix, 余/多 in
# the unit) and its growth percentage. Each row of FIGURES must match one item
# of a stats or chart slide; a missing or altered figure fails the test.
# A text is either a string or {"zh": "…", "en": "…"}: the rows are checked
# against the Chinese, and the English must carry each figure's qualifier and
# size (EN_QUALIFIERS, EN_MAGNITUDES) and the facts of EN_PHRASES.
# Usage: bash tests/demo_figures.sh /path/to/kiosk   (cwd: the repository root)
set -u
kiosk=${1:-}
deck=${DECK_DIR:-.}

check_deck() {
python3 - "$1" <<'PY'
import glob, json, os, sys

deck = sys.argv[1]
# (value as written in the JSON, prefix, unit, growth or None, growth_label or None)
FIGURES = [
    # 2024 "数说成效"
    ("21", None, "次", None, None),
    ("200", None, "余人次", None, None),
    ("15", None, "次", None, None),
    ("800", None, "余人次", None, None),
    ("30", None, "余个", None, None),
    ("58.58", None, "亿元", "108", None),
    ("0.25", None, "亿元", "10", None),
    ("30", None, "亿元", None, None),
    ("9.33", None, "亿元", "408", None),
    ("20", None, "万人次", None, None),
    ("2500", None, "人", None, None),
    ("10", "近", "亿元", None, None),
    # the five years of the "十四五"
    ("1.183", None, "亿元", None, None),
    ("200", None, "余个", None, None),
    ("5500", None, "余人次", None, None),
    ("35", None, "个", None, None),
    ("76", None, "个", None, None),
    ("9.33", None, "亿元", None, None),
    ("11", None, "个", None, None),
    ("0.78", None, "亿元", None, None),
    ("500", None, "多家", None, None),
    # the 2024 fair in Shandong
    ("3", None, "天", None, None),
    ("33", None, "家", None, None),
    ("11", None, "类", None, None),
    ("100", None, "余个", None, None),
    # industrial projects
    ("120", None, "万立方米", None, None),
    ("25", None, "亿元", None, None),
    ("18", None, "亿元", None, None),
    ("300", None, "人", None, None),
    ("15", None, "亿元", None, None),
    ("100", None, "万吨", None, None),
    ("50", None, "多个", None, None),
    ("500", "超过", "亿元", None, None),
    ("4", None, "大项", None, None),
    ("15", None, "类", None, None),
    # the county's economy
    ("594.81", None, "亿元", "6.7", "增速"),
]
# Facts that live in titles and body text rather than in figures.
PHRASES = [
    "2024年6月", "为期3天", "“忠州佳品进山东·同心携手共繁荣”推介会",
    "2025年5月14日", "山东得胜电力股份有限公司",
    "2023年5月31日", "山东省港口集团", "青岛港、日照港、烟台港、渤海湾港",
    "中交重庆新生港", "长江上游万吨级码头", "重庆金沙河集团",
    "“中国橙汁之都”", "“产业协作、消费协作、交通协作”", "30多年",
]
# The English of the same facts (a no-break space counts as a space).
EN_PHRASES = [
    "June 2024", "3 days", "Hand in Hand for Shared Prosperity",
    "14 May 2025", "Shandong Desheng Electric Power Co., Ltd.",
    "31 May 2023", "Shandong Port Group", "Qingdao, Rizhao, Yantai and Bohai Bay",
    "CCCC Chongqing Xinsheng Port", "10,000-tonne-class wharf on the upper Yangtze",
    "Chongqing Jinshahe Group", "\"China's Orange Juice Capital\"",
    "industry, consumption and transport", "Over 30 years", "due to open in 2027",
]
# A qualifier of the Chinese figure (its prefix, or the start of its unit) and
# the English prefix that must stand for it: 近10亿元 is "nearly 10".
EN_QUALIFIERS = [("近", "nearly"), ("超过", "over"), ("余", "over"), ("多", "over")]
# The size a Chinese unit gives the number, and how the English must say it,
# in the unit or the label (or a chart's title, over all its bars): 58.58亿元
# reads 58.58 "(100 million yuan)".
EN_MAGNITUDES = [("亿元", "100 million yuan"), ("万", "10,000")]
CAPTIONS = [
    "忠县和山东省携手开创新边合作及农产品销售新模式",
    "忠县争创中国（重庆）国际农产品加工产业园，打造“中国橙汁之都”",
    "忠县在沈阳市举办推介活动",
    "中交重庆新生港与山东省港口集团开展港港合作实现江海直达",
]

failures = 0
def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)

def zh(v):
    """The Chinese of a text, None when absent or empty."""
    if isinstance(v, dict):
        v = v.get("zh")
    return v or None

def en(v):
    """The English of a text; a plain string stands in both languages."""
    if isinstance(v, dict):
        v = v.get("en")
    return (v or "").replace("\u00a0", " ")

def zh_item(it):
    return {k: zh(v) if k in ("label", "prefix", "unit", "growth_label") else v
            for k, v in it.items()}

def check_english(where, it, heading):
    """The English of one figure keeps the Chinese one's qualifier and size."""
    c_prefix, c_unit = zh(it.get("prefix")) or "", zh(it.get("unit")) or ""
    for word, english in EN_QUALIFIERS:
        if c_prefix == word or c_unit.startswith(word):
            if en(it.get("prefix")) != english:
                fail(f"en {where}: {c_prefix}{it.get('value')}{c_unit} must read {english!r} "
                     f"before the number, got the prefix {en(it.get('prefix'))!r}")
            break
    for size, english in EN_MAGNITUDES:
        if size in c_unit and english not in " ".join((en(it.get("unit")), en(it.get("label")), heading)):
            fail(f"en {where}: {it.get('value')}{c_unit} must say {english!r} in its unit "
                 f"or label, got {en(it.get('unit'))!r} / {en(it.get('label'))!r}")

items, texts, captions, n_slides = [], [], [], 0
en_texts = []
for path in sorted(glob.glob(os.path.join(deck, "slides", "*.json"))):
    name = os.path.basename(path)
    if name.startswith(("_", ".")):
        continue
    try:
        with open(path, encoding="utf-8") as f:
            # Numbers stay as their source text, so 58.58 written as 58.6 fails.
            doc = json.load(f, parse_float=str, parse_int=str)
    except ValueError as e:
        fail(f"{name}: not valid JSON: {e}")
        continue
    if name == "deck.json":
        continue
    n_slides += 1
    for key in ("title", "subtitle", "body", "caption", "note"):
        if zh(doc.get(key)):
            texts.append(zh(doc[key]))
            if isinstance(doc[key], dict):
                en_texts.append(en(doc[key]))
    for key in ("image", "background"):
        v = doc.get(key)
        if isinstance(v, str) and not v.startswith("#") and not os.path.isfile(os.path.join(deck, v)):
            fail(f"{name}: {key} {v!r} does not exist")
    if doc.get("type") == "photo":
        cap = zh(doc.get("caption")) or ""
        captions.append(cap)
        if not cap.endswith("（示意插图）"):
            fail(f"{name}: photo caption must mark the drawing as an illustration, got {cap!r}")
        if isinstance(doc.get("caption"), dict) and not en(doc["caption"]).endswith("(illustration)"):
            fail(f"{name}: the English caption must end in \"(illustration)\", got {en(doc['caption'])!r}")
    if doc.get("type") in ("stats", "chart"):
        for i, it in enumerate(doc.get("items", [])):
            items.append((name, zh_item(it)))
            if isinstance(it.get("label"), dict):
                check_english(f"{name} items[{i}]", it,
                              en(doc.get("title")) if doc["type"] == "chart" else "")

if not 18 <= n_slides <= 30:
    fail(f"expected 18 to 30 slides, got {n_slides}")

for row, (value, prefix, unit, growth, glabel) in enumerate(FIGURES):
    def matches(it):
        return (it.get("value") == value and it.get("prefix") == prefix
                and it.get("unit") == unit and it.get("growth") == growth
                and (glabel is None or it.get("growth_label") == glabel))
    if not any(matches(it) for _, it in items):
        near = [f"{n}: {it.get('prefix') or ''}{it.get('value')}{it.get('unit') or ''}"
                f"{'' if it.get('growth') is None else ' +' + it['growth'] + '%'}"
                for n, it in sorted(items, key=lambda ni: ni[1].get("value") != value)
                if it.get("value") == value or it.get("unit") == unit]
        want = f"{prefix or ''}{value}{unit}" + ("" if growth is None else f" +{growth}%")
        fail(f"row {row}: expected {want!r}, not found; items with that value or unit: {near[:4]}")

alltext = "\n".join(texts)
for phrase in PHRASES:
    if phrase not in alltext:
        fail(f"expected the phrase {phrase!r} somewhere in the slide text, not found")
for cap in CAPTIONS:
    if not any(c.startswith(cap) for c in captions):
        fail(f"expected a photo slide captioned {cap!r}, not found")
if any(en_texts):
    en_all = "\n".join(en_texts)
    for phrase in EN_PHRASES:
        if phrase not in en_all:
            fail(f"en: expected the phrase {phrase!r} somewhere in the English slide text, not found")

print(f"demo_figures: {len(FIGURES)} figures, {len(PHRASES)} phrases, "
      f"{len(EN_PHRASES) if any(en_texts) else 0} English phrases, {n_slides} slides, {failures} failures")
sys.exit(1 if failures else 0)
PY
}

status=0
check_deck "$deck" || status=1

# The checker itself must notice an altered figure and a dropped qualifier.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each case is "SED-SCRIPT|the start of the failure it must cause".
for case in 's/"value": 58.58/"value": 58.6/|FAIL: row' \
            's/"近"/"约"/|FAIL: row' \
            's/"余人次"/"人次"/|FAIL: row' \
            's/"en": "nearly"/"en": "about"/|FAIL: en ' \
            's/100\\u00a0million\\u00a0yuan/yuan/|FAIL: en '; do
  mutation=${case%|*} expect=${case#*|}
  # the English cases need a deck with English to alter
  if [ "$expect" = "FAIL: en " ] && ! grep -q '"en": ' "$deck"/slides/*.json; then continue; fi
  rm -rf "$tmp/deck" && mkdir -p "$tmp/deck" && cp -r "$deck/slides" "$tmp/deck/"
  if [ -d "$deck/assets" ]; then cp -r "$deck/assets" "$tmp/deck/"; fi
  sed -i "$mutation" "$tmp"/deck/slides/*.json
  out=$(check_deck "$tmp/deck")
  if ! printf '%s\n' "$out" | grep -q "^$expect"; then
    echo "FAIL: the figure check missed a deck altered by sed '$mutation'"
    status=1
  fi
done

# Once the program can check decks, the demo deck must pass without a warning.
if [ -n "$kiosk" ] && [ -x "$kiosk" ] && timeout 10 "$kiosk" --help 2>&1 | grep -q -- '--check'; then
  out=$(timeout 60 "$kiosk" --check "$deck" 2>&1); rc=$?
  # Diagnostics read "PATH:LINE:COL: warning: MESSAGE" (see src/diag.h).
  if [ $rc -ne 0 ] || printf '%s\n' "$out" | grep -q ': warning: \|: error: '; then
    echo "FAIL: kiosk --check $deck exited $rc:"
    printf '%s\n' "$out"
    status=1
  fi
fi
exit $status
