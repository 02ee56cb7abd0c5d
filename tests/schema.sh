#!/bin/bash
# The JSON schemas in docs/ are what `kiosk --print-schema` writes from the
# deck format's rows; they accept every slide of the demo deck (and its
# deck.json); and on the same good and bad slides the schema and the real
# `kiosk --check` agree: the schema refuses exactly the slides --check reports
# a problem with. So editors that use the schemas agree with the program.
# Needs python3 with jsonschema (python3-jsonschema on Debian).
# Usage: bash tests/schema.sh KIOSK
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
kiosk=${1:?usage: schema.sh KIOSK}
kiosk=$(cd "$(dirname "$kiosk")" && pwd)/$(basename "$kiosk")

python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import jsonschema' 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "schema.sh: python3 with jsonschema is missing (sh tools/install-deps)" >&2
    exit 1
fi

exec "$python" - "$root" "$kiosk" <<'EOF'
import json, pathlib, shutil, subprocess, sys, tempfile
import jsonschema

root = pathlib.Path(sys.argv[1])
kiosk = sys.argv[2]
docs = root / "docs"
slide_schema = json.loads((docs / "deck.schema.json").read_text(encoding="utf-8"))
settings_schema = json.loads((docs / "deck-settings.schema.json").read_text(encoding="utf-8"))
for schema in (slide_schema, settings_schema):
    jsonschema.Draft202012Validator.check_schema(schema)
slide_v = jsonschema.Draft202012Validator(slide_schema)
settings_v = jsonschema.Draft202012Validator(settings_schema)

failures = 0
def fail(message):
    global failures
    failures += 1
    print("FAILED: " + message, file=sys.stderr)

# The files in docs/ are the program's own schemas, byte for byte.
for which, name in (("slides", "deck.schema.json"), ("settings", "deck-settings.schema.json")):
    printed = subprocess.run([kiosk, "--print-schema", which], capture_output=True, check=False)
    if printed.returncode != 0:
        fail(f"kiosk --print-schema {which} exited with {printed.returncode}")
    elif printed.stdout != (docs / name).read_bytes():
        fail(f"docs/{name} differs from `kiosk --print-schema {which}`; regenerate it: "
             f"kiosk --print-schema {which} > docs/{name}")

def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))

# Every file of the demo deck the program would load.
checked = 0
for path in sorted((root / "slides").glob("*.json")):
    if path.name.startswith(("_", ".")):
        continue
    doc = json.loads(path.read_text(encoding="utf-8-sig"))
    validator = settings_v if path.name == "deck.json" else slide_v
    for e in errors(validator, doc):
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        fail(f"slides/{path.name}: {where}: {e.message}")
    checked += 1
if checked == 0:
    fail("no slides/*.json found in the demo deck")

# Rows of (what, schema, document, should it pass).
rows = [
    ("good stats slide", slide_v, {"type": "stats", "items": [
        {"label": "合作资金", "value": 58.58, "unit": "亿元", "growth": 108},
        {"label": "帮扶资金", "prefix": "近", "value": 10, "unit": "亿元"}]}, True),
    ("good photo slide", slide_v, {"type": "photo", "image": "assets/a.jpg",
        "fit": "contain", "transition": {"type": "push", "duration": 0.5}}, True),
    ("unknown type", slide_v, {"type": "stat", "items": []}, False),
    ("value written as a string", slide_v,
        {"type": "stats", "items": [{"label": "a", "value": "58.58"}]}, False),
    ("missing required label", slide_v, {"type": "stats", "items": [{"value": 1}]}, False),
    ("nine items", slide_v, {"type": "chart", "items": [
        {"label": str(i), "value": i} for i in range(9)]}, False),
    ("decimals 5", slide_v,
        {"type": "stats", "items": [{"label": "a", "value": 1, "decimals": 5}]}, False),
    ("duration 0", slide_v, {"type": "title", "title": "A", "duration": 0}, False),
    ("misspelt key", slide_v, {"type": "photo", "image": "assets/a.jpg", "captoin": "x"}, False),
    ("key of another type", slide_v, {"type": "title", "title": "A", "items": []}, False),
    ("title slide without title", slide_v, {"type": "title"}, False),
    ("image outside the deck", slide_v, {"type": "photo", "image": "../x.jpg"}, False),
    ("absolute image path", slide_v, {"type": "photo", "image": "/etc/x.jpg"}, False),
    ("bad transition name", slide_v, {"type": "title", "title": "A", "transition": "slide"}, False),
    ("good schedule", slide_v, {"type": "title", "title": "A", "schedule": {
        "from": "2026-06-01", "until": "2026-06-07", "days": ["sat", "周日"],
        "hours": ["09:00-12:00", "14:00 - 24:00"]}}, True),
    ("schedule with one weekday and one range", slide_v, {"type": "text", "body": "x",
        "schedule": {"days": "friday", "hours": "11:30-13:30"}}, True),
    ("schedule date in words", slide_v, {"type": "title", "title": "A",
        "schedule": {"from": "June 1"}}, False),
    ("schedule hours without minutes", slide_v, {"type": "title", "title": "A",
        "schedule": {"hours": "9-12"}}, False),
    ("schedule with an unknown weekday", slide_v, {"type": "title", "title": "A",
        "schedule": {"days": ["mnday"]}}, False),
    ("schedule with a misspelt key", slide_v, {"type": "title", "title": "A",
        "schedule": {"form": "2026-06-01"}}, False),
    ("schedule as a string", slide_v, {"type": "title", "title": "A",
        "schedule": "weekends"}, False),
    ("good settings", settings_v, {"size": [1080, 1920], "duration": 5,
        "theme": {"accent": "#f0a030", "min_text_size": 30}}, True),
    ("settings with a bad colour", settings_v, {"theme": {"accent": "orange"}}, False),
    ("settings with a tiny size", settings_v, {"size": [100, 1080]}, False),
    ("title in two languages", slide_v, {"type": "stats", "title": {"zh": "数说成效",
        "en": "Results in figures"}, "items": [{"label": {"zh": "合作资金", "en": "Joint funds"},
        "value": 58.58, "unit": {"zh": "亿元", "en": " bn yuan"}}]}, True),
    ("title in Chinese only, written as an object", slide_v,
        {"type": "title", "title": {"zh": "标题"}}, True),
    ("text with an empty object", slide_v, {"type": "title", "title": {}}, False),
    ("text in a third language", slide_v,
        {"type": "title", "title": {"zh": "标题", "fr": "Titre"}}, False),
    ("text with a number for a language", slide_v,
        {"type": "title", "title": {"zh": "标题", "en": 3}}, False),
    ("qr text in two languages", slide_v,
        {"type": "title", "title": "A", "qr": {"text": {"zh": "网址", "en": "url"}}}, False),
    ("settings in English with a button", settings_v, {"title": {"zh": "展览", "en": "Exhibition"},
        "language": "en", "language_button": "top-left"}, True),
    ("settings with a third language", settings_v, {"language": "fr"}, False),
]
def check_reports(what, validator, doc):
    """The real kiosk --check on a deck holding just this file: the lines
    it reports (errors and warnings)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-schema.") as tmp:
        deck = pathlib.Path(tmp)
        (deck / "slides").mkdir()
        (deck / "assets").mkdir()
        shutil.copy(root / "tests" / "data" / "pixel.jpg", deck / "assets" / "a.jpg")
        if validator is settings_v:
            (deck / "slides" / "deck.json").write_text(json.dumps(doc, ensure_ascii=False),
                                                       encoding="utf-8")
            slide = {"type": "title", "title": "A"}
        else:
            slide = doc
        (deck / "slides" / "010-row.json").write_text(json.dumps(slide, ensure_ascii=False),
                                                     encoding="utf-8")
        run = subprocess.run([kiosk, "--check", "--messages", "en", str(deck)],
                             capture_output=True, text=True, check=False)
        out = run.stdout + run.stderr
        # The stand-in picture is a few pixels: that it would look blurred
        # is about its pixels, not about the shape the schema describes.
        lines = [l for l in out.splitlines() if (": error: " in l or ": warning: " in l)
                 and "so it looks blurred" not in l]
        if run.returncode not in (0, 1):
            fail(f"{what}: kiosk --check exited with {run.returncode}: {out.strip()}")
        if run.returncode == 1 and not lines:
            fail(f"{what}: kiosk --check failed without saying why: {out.strip()}")
        return lines

for what, validator, doc, should_pass in rows:
    found = errors(validator, doc)
    if should_pass and found:
        fail(f"{what}: expected valid, got: {found[0].message}")
    if not should_pass and not found:
        fail(f"{what}: expected the schema to reject it, but it passed")
    reported = check_reports(what, validator, doc)
    if should_pass and reported:
        fail(f"{what}: the schema accepts it but kiosk --check reports: {reported[0]}")
    if not should_pass and not reported:
        fail(f"{what}: the schema rejects it but kiosk --check reports nothing")

if failures:
    print(f"schema.sh: {failures} failed", file=sys.stderr)
    sys.exit(1)
print(f"schema.sh: {checked} demo deck files valid, {len(rows)} rows as expected")
EOF
