#!/bin/bash
# `kiosk --check DECK`: every problem on stderr as PATH:LINE:COL: error|warning:
# MESSAGE; exit 0 when there is no error, 1 when there is one, 2 on a usage
# error. Usage: bash tests/check_cli.sh /path/to/kiosk
set -u
# The language of the messages comes from the locale; each row sets its own.
unset LC_ALL LC_MESSAGES
kiosk=${1:?usage: check_cli.sh /path/to/kiosk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# write DECK PATH CONTENT: one file of a test deck.
write() {
    mkdir -p "$(dirname "$1/$2")"
    printf '%s' "$3" >"$1/$2"
}

# expect NAME STATUS DECK [LINE...]: runs --check on DECK and wants exactly
# STATUS and exactly the given diagnostic lines, in that order. The options
# in the array `opts` (and the environment) are passed on; the messages are
# English unless a row asks otherwise.
opts=()
expect() {
    local name=$1 want_status=$2 dir=$3
    shift 3
    local status=0
    env LANG="${LANG_FOR_ROW:-C.UTF-8}" ${LC_ALL_FOR_ROW:+LC_ALL="$LC_ALL_FOR_ROW"} \
        timeout 120 "$kiosk" --check "${opts[@]}" "$dir" 2>"$tmp/stderr" >"$tmp/stdout" ||
        status=$?
    [ "$status" = "$want_status" ] || fail "$name: expected exit status $want_status, got $status"
    grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|warning): ' "$tmp/stderr" >"$tmp/got" || true
    if [ $# -gt 0 ]; then printf '%s\n' "$@" >"$tmp/want"; else : >"$tmp/want"; fi
    if ! cmp -s "$tmp/want" "$tmp/got"; then
        fail "$name: diagnostics differ (- expected, + got):"
        diff -u "$tmp/want" "$tmp/got" | sed -n '3,$p' >&2
        echo "--- full stderr:" >&2
        cat "$tmp/stderr" >&2
    fi
}

title='{"type": "title", "title": "Hello"}'

clean=$tmp/clean
write "$clean" slides/010-a.json "$title"
write "$clean" slides/_off.json '{broken'
expect "clean deck" 0 "$clean"

warned=$tmp/warned
write "$warned" slides/010-a.json '{"type": "title", "title": "Hello", "titel": 1}'
expect "warnings only" 0 "$warned" \
    'slides/010-a.json:1:37: warning: unknown key "titel" — did you mean "title"?'

broken=$tmp/broken
write "$broken" slides/010-a.json "$title"
write "$broken" slides/020-b.json $'{\n  "type": "title"\n  "title": "B"\n}\n'
write "$broken" slides/030-c.json '{"type": "stat", "items": []}'
write "$broken" slides/040-d.json '{"type": "photo", "image": "assets/none.jpg"}'
write "$broken" slides/050-e.json \
    '{"type": "stats", "items": [{"label": "a", "value": "58.58"}, {"value": 1}]}'
expect "broken slides" 1 "$broken" \
    "slides/020-b.json:3:3: error: expected ',' or '}' after a value" \
    'slides/030-c.json:1:10: error: unknown slide type "stat"; known types: title, text, photo, stats, chart' \
    'slides/040-d.json:1:28: error: image "assets/none.jpg" does not exist' \
    'slides/050-e.json:1:53: error: items[0].value must be a number, got the string "58.58"' \
    'slides/050-e.json:1:63: error: items[1] is missing the required key "label"'

empty=$tmp/empty
mkdir -p "$empty/slides"
expect "no slides" 1 "$empty" \
    'slides/:1:1: error: the deck has no slides (each slides/*.json file but deck.json is one slide)'

expect "missing deck folder" 1 "$tmp/nowhere" \
    "$tmp/nowhere:1:1: error: the deck folder does not exist"

# ---- messages a person editing by hand understands -------------------------
hand=$tmp/hand
write "$hand" slides/010-comma.json $'{\n  "type": "title"，\n  "title": "A"\n}\n'
write "$hand" slides/020-quote.json '{"type": "title", "title": "他说"你好""}'
write "$hand" slides/030-comment.json $'// the opening slide\n{"type": "title", "title": "A"}\n'
write "$hand" slides/040-number.json \
    '{"type": "stats", "items": [{"label": "游客", "value": 1,350}]}'
write "$hand" slides/050-path.json '{"type": "photo", "image": "assets\hall.jpg"}'
printf '\xff\xfe{\0}\0' >"$hand/slides/060-utf16.json"
expect "hand-editing mistakes" 1 "$hand" \
    "slides/010-comma.json:2:18: error: the full-width comma '，' (U+FF0C) is used as JSON punctuation; type the ASCII ',' instead" \
    "slides/020-quote.json:1:31: error: this '\"' ends the text early; inside a text write the quote as \\\" or use the Chinese quotes “ ”" \
    'slides/030-comment.json:1:1: error: JSON files cannot hold comments; delete the // comment' \
    'slides/040-number.json:1:54: error: 1,350 is written with a thousands separator, which JSON does not allow; write 1350 (the show adds separators itself, see "separator")' \
    "slides/050-path.json:1:35: error: \"\\h\" is not an escape: in JSON a '\\' starts an escape; write paths with '/', like \"assets/hall.jpg\"" \
    "slides/060-utf16.json:1:1: error: the file is saved as UTF-16 (with a byte order mark); save it as UTF-8 instead (in the editor's \"Save As\", encoding UTF-8)"

# The same in Chinese: from --messages, or from the locale; --messages wins,
# and LC_ALL comes before LANG.
zh_hand=(
    "slides/010-comma.json:2:18: error: 全角逗号“，”（U+FF0C）被当作 JSON 符号；请改成英文半角的“,”"
    "slides/020-quote.json:1:31: error: 这个“\"”提前结束了文字；文字里的引号请写成 \\\" 或改用中文引号“ ”"
    'slides/030-comment.json:1:1: error: JSON 文件里不能写注释；请删除这段 // 注释'
    'slides/040-number.json:1:54: error: 1,350 中的千位分隔符 JSON 不允许；请写成 1350（放映时会自动加分隔符，见 "separator"）'
    'slides/050-path.json:1:35: error: “\h”不是有效的转义：JSON 里的“\”表示转义；路径请用“/”分隔，写成 "assets/hall.jpg"'
    'slides/060-utf16.json:1:1: error: 文件是 UTF-16 编码（带字节顺序标记）；请在编辑器的“另存为”里选择 UTF-8 编码重新保存'
)
opts=(--messages zh)
expect "--messages zh" 1 "$hand" "${zh_hand[@]}"
grep -qx "$hand：6 张幻灯片，6 个错误，0 个警告" "$tmp/stderr" ||
    fail "--messages zh: expected the summary in Chinese, got: $(tail -1 "$tmp/stderr")"
opts=()
LANG_FOR_ROW=zh_CN.UTF-8 expect "LANG=zh_CN.UTF-8" 1 "$hand" "${zh_hand[@]}"
opts=(--messages en)
LANG_FOR_ROW=zh_CN.UTF-8 expect "--messages en beats LANG" 1 "$hand" \
    "slides/010-comma.json:2:18: error: the full-width comma '，' (U+FF0C) is used as JSON punctuation; type the ASCII ',' instead" \
    "slides/020-quote.json:1:31: error: this '\"' ends the text early; inside a text write the quote as \\\" or use the Chinese quotes “ ”" \
    'slides/030-comment.json:1:1: error: JSON files cannot hold comments; delete the // comment' \
    'slides/040-number.json:1:54: error: 1,350 is written with a thousands separator, which JSON does not allow; write 1350 (the show adds separators itself, see "separator")' \
    "slides/050-path.json:1:35: error: \"\\h\" is not an escape: in JSON a '\\' starts an escape; write paths with '/', like \"assets/hall.jpg\"" \
    "slides/060-utf16.json:1:1: error: the file is saved as UTF-16 (with a byte order mark); save it as UTF-8 instead (in the editor's \"Save As\", encoding UTF-8)"
opts=()
LC_ALL_FOR_ROW=zh_CN.UTF-8 expect "LC_ALL=zh_CN.UTF-8 beats LANG=C" 1 "$hand" "${zh_hand[@]}"

# Pictures named a little wrong: a name differing only in case, a near miss
# (of the folder too), and a backslash that JSON read as a line break.
near=$tmp/near
mkdir -p "$near/assets/Photos"
cp "$KIOSK_TEST_DATA/pixel.jpg" "$near/assets/Hall.JPG"
cp "$KIOSK_TEST_DATA/pixel.png" "$near/assets/Photos/river.png"
write "$near" slides/010-case.json '{"type": "photo", "image": "assets/hall.jpg"}'
write "$near" slides/020-typo.json '{"type": "photo", "image": "assets/photos/rivr.png"}'
write "$near" slides/030-far.json '{"type": "photo", "image": "assets/zzz.webp"}'
write "$near" slides/040-newline.json '{"type": "photo", "image": "assets\new.jpg"}'
expect "pictures named a little wrong" 1 "$near" \
    'slides/010-case.json:1:28: error: image "assets/hall.jpg" does not exist — did you mean assets/Hall.JPG?' \
    'slides/020-typo.json:1:28: error: image "assets/photos/rivr.png" does not exist — did you mean assets/Photos/river.png?' \
    'slides/030-far.json:1:28: error: image "assets/zzz.webp" does not exist' \
    "slides/040-newline.json:1:28: error: image \"assets\\new.jpg\" has a backslash, which JSON reads as an escape; write paths with '/': \"assets/new.jpg\""
opts=(--messages zh)
expect "pictures named a little wrong, in Chinese" 1 "$near" \
    'slides/010-case.json:1:28: error: image "assets/hall.jpg" 不存在，是不是想写 assets/Hall.JPG？' \
    'slides/020-typo.json:1:28: error: image "assets/photos/rivr.png" 不存在，是不是想写 assets/Photos/river.png？' \
    'slides/030-far.json:1:28: error: image "assets/zzz.webp" 不存在' \
    'slides/040-newline.json:1:28: error: image "assets\new.jpg" 里有反斜杠“\”，JSON 会把它当作转义；路径请用“/”分隔："assets/new.jpg"'
expect "the loader's own messages in Chinese" 1 "$broken" \
    "slides/020-b.json:3:3: error: 值的后面应是“,”或“}”" \
    'slides/030-c.json:1:10: error: 未知的幻灯片类型 "stat"；可用的类型：title, text, photo, stats, chart' \
    'slides/040-d.json:1:28: error: image "assets/none.jpg" 不存在' \
    'slides/050-e.json:1:53: error: items[0].value 应是 数字，却是 文字 "58.58"' \
    'slides/050-e.json:1:63: error: items[1] 缺少必需的键 "label"'
expect "a typo in a key, in Chinese" 0 "$warned" \
    'slides/010-a.json:1:37: warning: 未知的键 "titel"，是不是想写 "title"？'
opts=()

# deck.json where it is not read; a progress value past its full scale
# (100 for "%", or its "max"); a chapter with an empty name.
placed=$tmp/placed
write "$placed" deck.json '{"duration": 5}'
write "$placed" slides/Deck.json '{"duration": 5}'
write "$placed" slides/010-progress.json \
    '{"type": "chart", "kind": "progress", "items": [{"label": "a", "value": 120, "unit": "%"}, {"label": "b", "value": 12.5, "max": 10}, {"label": "c", "value": 9, "max": 10}]}'
write "$placed" slides/020-chapter.json '{"type": "title", "title": "A", "chapter": " "}'
expect "settings in the wrong place, values past their maximum, an empty chapter" 0 "$placed" \
    'deck.json:1:1: warning: deck.json belongs in the slides/ folder; here it is not read: move it to slides/deck.json' \
    'slides/010-progress.json:1:73: warning: items[0].value is 120, more than its maximum 100; the bar is drawn full (raise "max" or lower the value)' \
    'slides/010-progress.json:1:116: warning: items[1].value is 12.5, more than its maximum 10; the bar is drawn full (raise "max" or lower the value)' \
    'slides/020-chapter.json:1:44: warning: chapter is empty or only spaces: the chapter bar shows no slot for it and this slide stays in the chapter before it (leave the key out to say so)' \
    'slides/Deck.json:1:1: warning: the deck settings file must be named deck.json in small letters; rename slides/Deck.json to deck.json'
opts=(--messages zh)
expect "the same warnings in Chinese" 0 "$placed" \
    'deck.json:1:1: warning: deck.json 应放在 slides/ 文件夹里，放在这里不会被读取：请移到 slides/deck.json' \
    'slides/010-progress.json:1:73: warning: items[0].value 是 120，超过了最大值 100；进度条会画满（请调大 "max" 或改小数值）' \
    'slides/010-progress.json:1:116: warning: items[1].value 是 12.5，超过了最大值 10；进度条会画满（请调大 "max" 或改小数值）' \
    'slides/020-chapter.json:1:44: warning: chapter 为空或只有空格：章节栏不会为它留位置，这张幻灯片仍属于前一个章节（如本意如此，请删去这个键）' \
    'slides/Deck.json:1:1: warning: 演示文稿设置文件必须叫 deck.json（小写）；请把 slides/Deck.json 改名为 deck.json'
opts=()

# A picture with fewer pixels than it fills: its size and the size shown.
small=$tmp/small
mkdir -p "$small/assets"
cp "$KIOSK_TEST_DATA/pixel.png" "$small/assets/dot.png"
write "$small" slides/010-photo.json '{"type": "photo", "image": "assets/dot.png"}'
expect "a picture smaller than it is shown" 0 "$small" \
    'slides/010-photo.json:1:28: warning: image "assets/dot.png" is 4x3 pixels but is shown at 1920x1440 on a 1920x1080 screen, so it looks blurred; use a picture at least that large'
opts=(--messages zh)
expect "a picture smaller than it is shown, in Chinese" 0 "$small" \
    'slides/010-photo.json:1:28: warning: image "assets/dot.png" 只有 4x3 像素，却要显示为 1920x1440（1920x1080 的屏幕），会发虚；请换一张至少这么大的图片'
opts=()

# The deck.json example of docs/deck-format.md works when copied into a new
# deck that has nothing else but one slide.
example=$tmp/example
write "$example" slides/010-a.json "$title"
awk '/^`slides\/deck.json`/ { found = 1 } found && /^```$/ && inside { exit }
     found && inside { print } found && /^```json$/ { inside = 1 }' docs/deck-format.md \
    >"$example/slides/deck.json"
[ -s "$example/slides/deck.json" ] || fail "no deck.json example found in docs/deck-format.md"
expect "the documented deck.json in a new deck" 0 "$example"

# Schedules: good ones say nothing; every mistake at its line and column,
# a wrong time at the time itself, in both languages.
scheduled=$tmp/scheduled
write "$scheduled" slides/010-a.json "$title"
write "$scheduled" slides/020-fair.json '{"type": "title", "title": "Fair",
 "schedule": {"from": "2026-06-01", "until": "2026-06-07", "days": ["sat", "周日"]}}'
write "$scheduled" slides/030-lunch.json '{"type": "text", "body": "Lunch",
 "schedule": {"hours": ["11:30-13:30", "18:00-24:00"], "days": "Friday"}}'
expect "good schedules" 0 "$scheduled"

bad_schedule=$tmp/bad_schedule
write "$bad_schedule" slides/010-a.json "$title"
write "$bad_schedule" slides/020-b.json '{"type": "title", "title": "B",
 "schedule": {"from": "2026-06-03", "until": "2026-06-01", "days": ["sat", "mnday", "sat"],
   "hours": ["09:00-12:00", "25:00-26:00", "09:00 - 24:30", "22:00-02:00", "12:00-12:00", "9-12"]}}'
write "$bad_schedule" slides/030-c.json '{"type": "text", "body": "x",
 "schedule": {"from": "2026-06-01", "until": "2026-06-01", "days": "sun", "frm": 1}}'
write "$bad_schedule" slides/040-d.json '{"type": "text", "body": "x",
 "schedule": {"from": "2026-13-01", "until": 5, "days": 3, "hours": []}}'
write "$bad_schedule" slides/050-e.json '{"type": "text", "body": "x", "schedule": "weekends"}'
expect "bad schedules" 1 "$bad_schedule" \
    'slides/020-b.json:2:46: error: schedule.until "2026-06-01" is before schedule.from "2026-06-03", so the slide would never be shown; swap them' \
    'slides/020-b.json:2:76: error: schedule.days[1] must be a weekday (mon, tue, wed, thu, fri, sat, sun, 周一, 周二, 周三, 周四, 周五, 周六, 周日); got "mnday" — did you mean "monday"?' \
    'slides/020-b.json:2:85: warning: schedule.days[2] names "sat" a second time; once is enough' \
    'slides/020-b.json:3:30: error: schedule.hours[1]: "25:00" is not a time of day (00:00 to 23:59, and 24:00 to end a range)' \
    'slides/020-b.json:3:53: error: schedule.hours[2]: "24:30" is not a time of day (00:00 to 23:59, and 24:00 to end a range)' \
    'slides/020-b.json:3:61: error: schedule.hours[3] "22:00-02:00" ends before it starts; a range cannot pass midnight: write two, "22:00-24:00" and "00:00-02:00"' \
    'slides/020-b.json:3:76: error: schedule.hours[4] "12:00-12:00" ends where it starts, so it is never on' \
    'slides/020-b.json:3:91: error: schedule.hours[5] must be a range of hours "HH:MM-HH:MM", like "09:00-12:00"; got "9-12"' \
    'slides/030-c.json:2:14: warning: the schedule is never on: no day from "from" to "until" is one of its "days", so the slide is never shown' \
    'slides/030-c.json:2:75: warning: unknown key "frm" in schedule — did you mean "from"?' \
    'slides/040-d.json:2:23: error: schedule.from must be a date "YYYY-MM-DD", like "2026-06-01"; got "2026-13-01"' \
    'slides/040-d.json:2:46: error: schedule.until must be a date "YYYY-MM-DD", got the number 5' \
    'slides/040-d.json:2:57: error: schedule.days must be a weekday or an array of weekdays, got the number 3' \
    'slides/040-d.json:2:69: error: schedule.hours must have 1 to 8 entries, got 0' \
    'slides/050-e.json:1:43: error: schedule must be an object, got the string "weekends"'
opts=(--messages zh)
zh_schedule=$tmp/zh_schedule
write "$zh_schedule" slides/010-a.json '{"type": "title", "title": "A",
 "schedule": {"days": ["周八"], "hours": "12:00-25:00"}}'
expect "schedule messages in Chinese" 1 "$zh_schedule" \
    'slides/010-a.json:2:24: error: schedule.days[0] 应是星期几（mon, tue, wed, thu, fri, sat, sun, 周一, 周二, 周三, 周四, 周五, 周六, 周日），却是 "周八"，是不是想写 "周六"？' \
    'slides/010-a.json:2:47: error: schedule.hours："25:00" 不是有效的时刻（00:00 到 23:59，时段结尾可写 24:00）'
opts=()

# --strict: a warning fails the check, said as an error.
opts=(--strict)
expect "--strict" 1 "$warned" \
    'slides/010-a.json:1:37: error: unknown key "titel" — did you mean "title"?'
grep -qx -- '--strict: warnings count as errors' "$tmp/stderr" ||
    fail "--strict: expected the line saying warnings count as errors"
expect "--strict on a clean deck" 0 "$clean"
opts=()

status=0
timeout 60 "$kiosk" --check "$clean" "$broken" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "two decks: expected exit status 2 (usage), got $status"
status=0
timeout 60 "$kiosk" --check --no-such-option "$clean" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "unknown option: expected exit status 2 (usage), got $status"

if [ "$failures" -gt 0 ]; then
    echo "check_cli: $failures failed" >&2
    exit 1
fi
echo "check_cli: all passed"
