#!/bin/bash
# The JSON schemas in docs/ accept every slide of the demo deck (and its
# deck.json), and reject slides that kiosk --check rejects, so editors that
# use them agree with the program. Needs python3 with jsonschema
# (python3-jsonschema on Debian). Usage: bash tests/schema.sh [kiosk]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

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

exec "$python" - "$root" <<'EOF'
import json, pathlib, sys
import jsonschema

root = pathlib.Path(sys.argv[1])
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
    ("good settings", settings_v, {"size": [1080, 1920], "duration": 5,
        "theme": {"accent": "#f0a030", "min_text_size": 30}}, True),
    ("settings with a bad colour", settings_v, {"theme": {"accent": "orange"}}, False),
    ("settings with a tiny size", settings_v, {"size": [100, 1080]}, False),
]
for what, validator, doc, should_pass in rows:
    found = errors(validator, doc)
    if should_pass and found:
        fail(f"{what}: expected valid, got: {found[0].message}")
    if not should_pass and not found:
        fail(f"{what}: expected the schema to reject it, but it passed")

if failures:
    print(f"schema.sh: {failures} failed", file=sys.stderr)
    sys.exit(1)
print(f"schema.sh: {checked} demo deck files valid, {len(rows)} rows as expected")
EOF
