/* The message table: MSG(ID, English, Chinese). No include guard: msg.h and
 * msg.c each include it once with their own MSG(). Both texts are printf
 * formats with the same conversions in the same order; a Chinese text that
 * has nothing to say for an English plural ending swallows it with %.0s.
 * Each message says where the mistake is and what to type instead. */

/* ---- the JSON syntax of a file (json_pos) -------------------------------- */
MSG(JSON_INVALID_UTF8,
    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
    "不是 UTF-8 编码（字节 0x%02X）；请把文件另存为 UTF-8 编码")
MSG(JSON_UTF16,
    "the file is saved as UTF-16 (%s); save it as UTF-8 instead (in the editor's \"Save As\", "
    "encoding UTF-8)",
    "文件是 UTF-16 编码（%s）；请在编辑器的“另存为”里选择 UTF-8 编码重新保存")
MSG(WORD_UTF16_BOM, "with a byte order mark", "带字节顺序标记")
MSG(WORD_UTF16_NO_BOM, "no byte order mark", "无字节顺序标记")
MSG(JSON_CONTROL_CHAR,
    "control character U+%04X in a string; write it as an escape",
    "文字中有控制字符 U+%04X；请改写成转义形式")
MSG(JSON_BAD_ESCAPE,
    "invalid escape: '\\' followed by %s",
    "无效的转义：“\\”后面是 %s")
MSG(JSON_BACKSLASH_PATH,
    "\"\\%s\" is not an escape: in JSON a '\\' starts an escape; write paths with '/', "
    "like \"%s\"",
    "“\\%s”不是有效的转义：JSON 里的“\\”表示转义；路径请用“/”分隔，写成 \"%s\"")
MSG(JSON_U_HEX,
    "invalid escape: \\u needs four hex digits",
    "无效的转义：\\u 后面要有四位十六进制数字")
MSG(JSON_SURROGATE,
    "invalid escape: \\u%04X is half of a surrogate pair",
    "无效的转义：\\u%04X 只是代理对的一半")
MSG(JSON_NUL,
    "\\u0000 is not allowed in a string",
    "文字中不能有 \\u0000")
MSG(JSON_UNTERMINATED,
    "unterminated string (a string ends on the line it starts; write \\n for a line break)",
    "文字缺少结尾的引号（一段文字要在同一行内结束；换行请写 \\n）")
MSG(JSON_EARLY_QUOTE,
    "this '\"' ends the text early; inside a text write the quote as \\\" or use the "
    "Chinese quotes “ ”",
    "这个“\"”提前结束了文字；文字里的引号请写成 \\\" 或改用中文引号“ ”")
MSG(JSON_BAD_NUMBER,
    "invalid number \"%s\"",
    "无效的数字 \"%s\"")
MSG(JSON_THOUSANDS,
    "%s is written with a thousands separator, which JSON does not allow; write %s (the "
    "show adds separators itself, see \"separator\")",
    "%s 中的千位分隔符 JSON 不允许；请写成 %s（放映时会自动加分隔符，见 \"separator\"）")
MSG(JSON_EOF_IN_OBJECT,
    "the file ends inside the object opened at line %d, column %d",
    "文件在第 %d 行第 %d 列开始的对象 { } 里就结束了，缺少“}”")
MSG(JSON_EOF_IN_ARRAY,
    "the file ends inside the array opened at line %d, column %d",
    "文件在第 %d 行第 %d 列开始的数组 [ ] 里就结束了，缺少“]”")
MSG(JSON_TRAILING_COMMA_OBJECT,
    "trailing comma before '}'",
    "“}”前面多了一个逗号；请删除它")
MSG(JSON_TRAILING_COMMA_ARRAY,
    "trailing comma before ']'",
    "“]”前面多了一个逗号；请删除它")
MSG(JSON_EXPECTED_KEY,
    "expected a key in double quotes, got %s",
    "这里应是用双引号括起的键名，却是 %s")
MSG(JSON_EXPECTED_COLON,
    "expected ':' after the key \"%s\", got %s",
    "键名 \"%s\" 后面应是“:”，却是 %s")
MSG(JSON_EXPECTED_COMMA_OBJECT,
    "expected ',' or '}' after a value",
    "值的后面应是“,”或“}”")
MSG(JSON_EXPECTED_COMMA_ARRAY,
    "expected ',' or ']' after a value",
    "值的后面应是“,”或“]”")
MSG(JSON_TOO_DEEP,
    "nested deeper than %d levels",
    "嵌套超过了 %d 层")
MSG(JSON_EXPECTED_VALUE_EOF,
    "expected a value, got the end of the file",
    "这里应有一个值，文件却结束了")
MSG(JSON_BARE_WORD,
    "expected a value, got %.*s (text must be in double quotes)",
    "这里应有一个值，却是 %.*s（文字要用英文双引号括起来）")
MSG(JSON_SINGLE_QUOTES,
    "strings must be in double quotes, not single quotes",
    "文字要用英文双引号括起来，不能用单引号")
MSG(JSON_EXPECTED_VALUE,
    "expected a value, got %s",
    "这里应有一个值，却是 %s")
MSG(JSON_AFTER_END,
    "unexpected %s after the end of the JSON value",
    "JSON 内容结束后还有多余的 %s")
MSG(JSON_COMMENT,
    "JSON files cannot hold comments; delete the %s comment",
    "JSON 文件里不能写注释；请删除这段 %s 注释")
MSG(JSON_FULLWIDTH,
    "%s '%s' (U+%04X) is used as JSON punctuation; type the ASCII '%s' instead",
    "%s“%s”（U+%04X）被当作 JSON 符号；请改成英文半角的“%s”")
MSG(WORD_END_OF_FILE, "the end of the file", "文件结尾")
MSG(WORD_FW_COMMA, "the full-width comma", "全角逗号")
MSG(WORD_FW_COLON, "the full-width colon", "全角冒号")
MSG(WORD_CN_QUOTE, "the Chinese quote", "中文引号")
MSG(WORD_FW_QUOTE, "the full-width quote", "全角引号")
MSG(WORD_FW_BRACKET, "the full-width bracket", "全角方括号")
MSG(WORD_FW_BRACE, "the full-width brace", "全角花括号")
MSG(WORD_FW_SPACE, "the full-width space", "全角空格")

/* ---- what only drawing finds (--check, modes.c) ---------------------------- */
MSG(CHECK_NO_GLYPH,
    "no available font has the character \"%s\" (U+%04X) in %s",
    "没有任何可用字体能显示字符“%s”（U+%04X），它在 %s 中")
MSG(CHECK_TEXT_CUT,
    "%s does not fit its box on a %s screen even at %d px and is cut short with \"…\"; "
    "shorten the text",
    "%s 在 %s 的屏幕上缩到 %d 像素仍放不下，末尾被截成“…”；请删减文字")
MSG(CHECK_CHAPTER_CUT,
    "the chapter name \"%s\" is too long for the chapter bar on a %s screen and is shown as \"%s\"; "
    "shorten it",
    "章节名 \"%s\" 太长，在 %s 的屏幕上章节栏放不下，显示为 \"%s\"；请缩短")
MSG(CHECK_PICTURE_SMALL,
    "%s \"%s\" is %dx%d pixels but is shown at %dx%d on a %s screen, so it looks blurred; use a "
    "picture at least that large",
    "%s \"%s\" 只有 %dx%d 像素，却要显示为 %dx%d（%s 的屏幕），会发虚；请换一张至少这么大的图片")
MSG(CHECK_FONTS_UNOPENABLE,
    "the theme's fonts cannot be opened",
    "主题的字体无法打开")
MSG(CHECK_SUMMARY,
    "%s: %zu slide%s, %zu error%s, %zu warning%s",
    "%s：%zu 张幻灯片%.0s，%zu 个错误%.0s，%zu 个警告%.0s")
MSG(CHECK_STRICT,
    "--strict: warnings count as errors",
    "--strict：警告也算作错误")

/* ---- reading a deck (deck.c, deck_bind.c, deck_report.c) ------------------- */
MSG(DECK_NO_FOLDER, "the deck folder does not exist", "演示文稿文件夹不存在")
MSG(DECK_NO_SLIDES_FOLDER, "the deck has no slides/ folder", "演示文稿里没有 slides/ 文件夹")
MSG(DECK_SLIDES_UNREADABLE,
    "the slides/ folder cannot be read: %s",
    "slides/ 文件夹无法读取：%s")
MSG(DECK_NO_SLIDES,
    "the deck has no slides (each slides/*.json file but deck.json is one slide)",
    "演示文稿里没有幻灯片（slides/ 里除 deck.json 外的每个 .json 文件是一张幻灯片）")
MSG(DECK_SETTINGS_IN_ROOT,
    "deck.json belongs in the slides/ folder; here it is not read: move it to slides/deck.json",
    "deck.json 应放在 slides/ 文件夹里，放在这里不会被读取：请移到 slides/deck.json")
MSG(DECK_SETTINGS_CASE,
    "the deck settings file must be named deck.json in small letters; rename %s to deck.json",
    "演示文稿设置文件必须叫 deck.json（小写）；请把 %s 改名为 deck.json")
MSG(FILE_UNREADABLE, "cannot be read: %s", "无法读取：%s")
MSG(FILE_TOO_LARGE,
    "is larger than %u KiB; a slide file should be small",
    "超过 %u KiB；幻灯片文件应该很小")
MSG(FILE_NOT_OBJECT,
    "the file must hold one JSON object { ... }, got %s",
    "文件里应是一个 JSON 对象 { ... }，却是 %s")
MSG(VALUE_WRONG_TYPE, "%s must be %s, got %s", "%s 应是 %s，却是 %s")
MSG(VALUE_WHOLE_RANGE,
    "%s must be a whole number from %g to %g, got %s",
    "%s 应是 %g 到 %g 之间的整数，却是 %s")
MSG(VALUE_GREATER_THAN, "%s must be greater than %g, got %s", "%s 应大于 %g，却是 %s")
MSG(VALUE_AT_LEAST, "%s must be at least %g, got %s", "%s 应不小于 %g，却是 %s")
MSG(VALUE_AT_MOST, "%s must be at most %g, got %s", "%s 应不大于 %g，却是 %s")
MSG(VALUE_OVER_MAX,
    "%s is %s, more than its maximum %s; the bar is drawn full (raise \"max\" or lower the value)",
    "%s 是 %s，超过了最大值 %s；进度条会画满（请调大 \"max\" 或改小数值）")
MSG(VALUE_BAD_COLOUR,
    "%s must be a colour \"#rrggbb\", got \"%s\"",
    "%s 应是颜色 \"#rrggbb\"，却是 \"%s\"")
MSG(VALUE_BAD_BACKGROUND,
    "%s must be a colour \"#rrggbb\" or an image path, got \"%s\"",
    "%s 应是颜色 \"#rrggbb\" 或图片路径，却是 \"%s\"")
MSG(VALUE_ENTRIES,
    "%s must have %g to %g entries, got %d",
    "%s 应有 %g 到 %g 项，却有 %d 项")
MSG(VALUE_DECIMALS,
    "%s is written with %d decimals; only %d are shown (set \"%s\" to say so)",
    "%s 写了 %d 位小数，只显示 %d 位（如确实如此，请设置 \"%s\"）")
MSG(VALUE_BAD_NAME,
    "%s must be one of %s; got \"%s\"",
    "%s 应是 %s 之一，却是 \"%s\"")
MSG(VALUE_BAD_NAME_NEAR,
    "%s must be one of %s; got \"%s\" — did you mean \"%s\"?",
    "%s 应是 %s 之一，却是 \"%s\"，是不是想写 \"%s\"？")
MSG(CHAPTER_EMPTY,
    "chapter is empty or only spaces: the chapter bar shows no slot for it and this slide "
    "stays in the chapter before it (leave the key out to say so)",
    "chapter 为空或只有空格：章节栏不会为它留位置，这张幻灯片仍属于前一个章节（如本意如此，请删去这个键）")
MSG(KEY_MISSING_IN, "%s is missing the required key \"%s\"", "%s 缺少必需的键 \"%s\"")
MSG(KEY_MISSING, "missing the required key \"%s\"", "缺少必需的键 \"%s\"")
MSG(TYPE_UNKNOWN,
    "unknown slide type \"%s\"; known types: %s",
    "未知的幻灯片类型 \"%s\"；可用的类型：%s")
MSG(KEY_DUPLICATE,
    "duplicate key \"%s\"; only the first one is used",
    "键 \"%s\" 重复了；只有第一个有效")
MSG(KEY_OTHER_TYPE,
    "key \"%s\"%s is not used by %s slides (only by: %s)",
    "键 \"%s\"%s 对 %s 类型的幻灯片无效（只用于：%s）")
MSG(KEY_UNKNOWN_NEAR,
    "unknown key \"%s\"%s — did you mean \"%s\"?",
    "未知的键 \"%s\"%s，是不是想写 \"%s\"？")
MSG(KEY_UNKNOWN, "unknown key \"%s\"%s", "未知的键 \"%s\"%s")
MSG(WORD_IN_PATH, " in %s", "（在 %s 中）")
MSG(FILE_EMPTY,
    "%s must not be empty%s",
    "%s 不能为空%s")
MSG(FILE_ABSOLUTE,
    "%s \"%s\" is an absolute path; give a path inside the deck folder, like \"assets/photo.jpg\"%s",
    "%s \"%s\" 是绝对路径；请写演示文稿文件夹里的路径，例如 \"assets/photo.jpg\"%s")
MSG(FILE_PARENT,
    "%s \"%s\" leads outside the deck folder%s",
    "%s \"%s\" 指向了演示文稿文件夹之外%s")
MSG(FILE_MISSING,
    "%s \"%s\" does not exist%s",
    "%s \"%s\" 不存在%s")
MSG(FILE_MISSING_NEAR,
    "%s \"%s\" does not exist — did you mean %s?%s",
    "%s \"%s\" 不存在，是不是想写 %s？%s")
MSG(FILE_BACKSLASH,
    "%s \"%s\" has a backslash, which JSON reads as an escape; write paths with '/': \"%s\"%s",
    "%s \"%s\" 里有反斜杠“\\”，JSON 会把它当作转义；路径请用“/”分隔：\"%s\"%s")
MSG(FILE_CANNOT_READ_WHY,
    "%s \"%s\" cannot be read: %s%s",
    "%s \"%s\" 无法读取：%s%s")
MSG(FILE_LINK_OUTSIDE,
    "%s \"%s\" leads outside the deck folder through a symbolic link%s",
    "%s \"%s\" 通过符号链接指向了演示文稿文件夹之外%s")
MSG(FILE_NOT_REGULAR,
    "%s \"%s\" is %s, not a file%s",
    "%s \"%s\" 是%s，不是文件%s")
MSG(FILE_NOT_IMAGE,
    "%s \"%s\" is not a PNG, JPEG or WebP image%s",
    "%s \"%s\" 不是 PNG、JPEG 或 WebP 图片%s")
MSG(FILE_BAD_IMAGE,
    "%s \"%s\" is a damaged %s image (its header does not parse)%s",
    "%s \"%s\" 是损坏的 %s 图片（文件头无法解析）%s")
MSG(FILE_CANNOT_READ,
    "%s \"%s\" cannot be read%s",
    "%s \"%s\" 无法读取%s")
MSG(FILE_NOT_FONT,
    "%s \"%s\" is not a TrueType or OpenType font%s",
    "%s \"%s\" 不是 TrueType 或 OpenType 字体%s")
MSG(FILE_LOOP,
    "%s \"%s\" is a loop of symbolic links%s",
    "%s \"%s\" 是循环的符号链接%s")
MSG(FILE_EMPTY_FILE,
    "%s \"%s\" is an empty file (0 bytes)%s",
    "%s \"%s\" 是空文件（0 字节）%s")
MSG(FILE_TOO_MANY_PIXELS,
    "%s \"%s\" %s%s",
    "%s \"%s\"：%s%s")
MSG(WORD_FONT_FALLBACK,
    "; the shipped font %s is used instead",
    "；改用随附的字体 %s")
MSG(FILE_DANGLING_LINK,
    "is a symbolic link to nothing (its target does not exist)",
    "是指向不存在文件的符号链接")
MSG(FILE_TOO_BIG_WHY,
    "%s; a slide file should be small",
    "%s；幻灯片文件应当很小")
MSG(FILE_READ_FAILED, "%s", "无法读取：%s")
MSG(VALUE_CHECK_FAILED, "%s %s", "%s：%s")
MSG(TEXT_TOO_LONG,
    "%s is %zu characters long, more than the %d a slide can show; shorten it",
    "%s 有 %zu 个字，超过了一页能显示的 %d 个；请删减")
MSG(TEXT_LANG_EMPTY,
    "%s is an empty object: write the text, \"…\", or both languages, {\"zh\": \"…\", \"en\": \"…\"}",
    "%s 是空对象：请写出文字 \"…\"，或两种语言 {\"zh\": \"…\", \"en\": \"…\"}")
MSG(TEXT_LANG_UNKNOWN,
    "%s has the key \"%s\": a text in two languages has the keys \"zh\" (Chinese) and \"en\" (English)",
    "%s 中有键 \"%s\"：双语文字只有 \"zh\"（中文）和 \"en\"（英文）两个键")
MSG(TEXT_NO_TRANSLATION,
    "%s has no %s text: the %s is shown in its place",
    "%s 没有%s文字：以%s代替")
MSG(NUMBER_TOO_LARGE,
    "%s %s is too large; kiosk shows numbers up to 1000000000000000 (10^15)",
    "%s 的数值 %s 太大；kiosk 能显示的数最大为 1000000000000000（10^15）")
MSG(DECK_TOO_MANY_SLIDES,
    "the deck has %zu slide files, more than the %d kiosk plays; the first %d in name order are played",
    "演示文稿有 %zu 个幻灯片文件，超过了 kiosk 能播放的 %d 个；按文件名顺序播放前 %d 个")
MSG(WORD_THE_STRING, "the string \"%.*s\"%s", "文字 \"%.*s\"%s")
MSG(WORD_THE_NUMBER, "the number %s", "数字 %s")
MSG(WORD_AN_ARRAY, "an array", "数组")
MSG(WORD_AN_OBJECT, "an object", "对象")
MSG(WORD_A_STRING, "a string", "文字（字符串）")
MSG(WORD_A_NUMBER, "a number", "数字")
MSG(WORD_A_TEXT, "a string or {\"zh\": \"…\", \"en\": \"…\"}", "文字或 {\"zh\": \"…\", \"en\": \"…\"}")
MSG(WORD_LANG_ZH, "Chinese", "中文")
MSG(WORD_LANG_EN, "English", "英文")
MSG(WORD_TRUE_OR_FALSE, "true or false", "true 或 false")
MSG(WORD_A_COLOUR, "a colour \"#rrggbb\"", "颜色 \"#rrggbb\"")
MSG(WORD_AN_IMAGE_PATH, "an image path", "图片路径")
MSG(WORD_A_FONT_PATH, "a font path", "字体路径")
MSG(WORD_COLOUR_OR_IMAGE, "a colour \"#rrggbb\" or an image path", "颜色 \"#rrggbb\" 或图片路径")
MSG(WORD_ONE_OF, "one of %s", "%s 之一")
MSG(WORD_A_TRANSITION,
    "a transition name (fade, push, wipe, zoom, none) or an object {\"type\": ..., \"duration\": ...}",
    "过渡效果名（fade、push、wipe、zoom、none）或对象 {\"type\": ..., \"duration\": ...}")
MSG(WORD_A_SIZE, "an array [width, height]", "数组 [宽, 高]")
MSG(WORD_AN_ARRAY_WANT, "an array", "数组")
MSG(WORD_AN_OBJECT_WANT, "an object", "对象")
MSG(WORD_STRING_OR_OBJECT, "a string or an object {\"%s\": ...}", "文字或对象 {\"%s\": …}")

/* ---- a slide's schedule (deck_bind_kinds.c) -------------------------------- */
MSG(SCHEDULE_BAD_DATE,
    "%s must be a date \"YYYY-MM-DD\", like \"2026-06-01\"; got \"%s\"",
    "%s 应是日期 \"YYYY-MM-DD\"，例如 \"2026-06-01\"，却是 \"%s\"")
MSG(SCHEDULE_UNTIL_BEFORE_FROM,
    "schedule.until \"%s\" is before schedule.from \"%s\", so the slide would never be shown; "
    "swap them",
    "schedule.until \"%s\" 早于 schedule.from \"%s\"，这张幻灯片永远不会显示；请把两个日期对调")
MSG(SCHEDULE_BAD_DAY,
    "%s must be a weekday (%s); got \"%s\"",
    "%s 应是星期几（%s），却是 \"%s\"")
MSG(SCHEDULE_BAD_DAY_NEAR,
    "%s must be a weekday (%s); got \"%s\" — did you mean \"%s\"?",
    "%s 应是星期几（%s），却是 \"%s\"，是不是想写 \"%s\"？")
MSG(SCHEDULE_DAY_TWICE,
    "%s names %s a second time; once is enough",
    "%s 又写了一次 %s；写一次就够了")
MSG(SCHEDULE_HOURS_SHAPE,
    "%s must be a range of hours \"HH:MM-HH:MM\", like \"09:00-12:00\"; got \"%s\"",
    "%s 应是时段 \"HH:MM-HH:MM\"，例如 \"09:00-12:00\"，却是 \"%s\"")
MSG(SCHEDULE_HOURS_CLOCK,
    "%s: \"%.*s\" is not a time of day (00:00 to 23:59, and 24:00 to end a range)",
    "%s：\"%.*s\" 不是有效的时刻（00:00 到 23:59，时段结尾可写 24:00）")
MSG(SCHEDULE_HOURS_EMPTY,
    "%s \"%s\" ends where it starts, so it is never on",
    "%s \"%s\" 的开始和结束是同一时刻，这个时段永远不会显示")
MSG(SCHEDULE_HOURS_BACKWARDS,
    "%s \"%s\" ends before it starts; a range cannot pass midnight: write two, \"%s-24:00\" "
    "and \"00:00-%s\"",
    "%s \"%s\" 的结束早于开始；一个时段不能跨过午夜：请写成两个，\"%s-24:00\" 和 \"00:00-%s\"")
MSG(SCHEDULE_NEVER_ON,
    "the schedule is never on: no day from \"from\" to \"until\" is one of its \"days\", so "
    "the slide is never shown",
    "这个时间表永远不会生效：从 \"from\" 到 \"until\" 之间没有一天是 \"days\" 里的星期，这张幻灯片永远不会显示")
MSG(WORD_A_DATE, "a date \"YYYY-MM-DD\"", "日期 \"YYYY-MM-DD\"")
MSG(WORD_WEEKDAYS, "a weekday or an array of weekdays", "星期几，或星期几的数组")
MSG(WORD_HOURS, "a range of hours \"HH:MM-HH:MM\" or an array of them",
    "时段 \"HH:MM-HH:MM\"，或时段的数组")

/* ---- --check --date: the slides shown at a moment (check_schedule.c) ------- */
MSG(CHECK_AT_HEAD,
    "At %s (%s) the show plays %zu of its %zu slides:",
    "%s（%s）播放 %zu 张幻灯片（共 %zu 张）：")
MSG(CHECK_AT_NONE_ON,
    "No slide's schedule is on then, so every slide plays:",
    "此时没有一张幻灯片的时间表生效，因此全部播放：")
MSG(CHECK_AT_SHOWN, "  shown      %s", "  显示      %s")
MSG(CHECK_AT_BEFORE,
    "  not shown  %s: before its first day, %s",
    "  不显示    %s：还没到开始日期 %s")
MSG(CHECK_AT_AFTER,
    "  not shown  %s: after its last day, %s",
    "  不显示    %s：已过结束日期 %s")
MSG(CHECK_AT_DAY,
    "  not shown  %s: not on %s",
    "  不显示    %s：%s不显示")
MSG(CHECK_AT_HOURS,
    "  not shown  %s: outside its hours, %s",
    "  不显示    %s：不在显示时段 %s 内")
MSG(CHECK_AT_BROKEN,
    "  not shown  %s: it has errors",
    "  不显示    %s：有错误")
MSG(WORD_DAY_MON, "Monday", "周一")
MSG(WORD_DAY_TUE, "Tuesday", "周二")
MSG(WORD_DAY_WED, "Wednesday", "周三")
MSG(WORD_DAY_THU, "Thursday", "周四")
MSG(WORD_DAY_FRI, "Friday", "周五")
MSG(WORD_DAY_SAT, "Saturday", "周六")
MSG(WORD_DAY_SUN, "Sunday", "周日")
