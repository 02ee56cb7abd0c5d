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
MSG(CHECK_FONTS_UNOPENABLE,
    "the theme's fonts cannot be opened",
    "主题的字体无法打开")
MSG(CHECK_SUMMARY,
    "%s: %zu slide%s, %zu error%s, %zu warning%s",
    "%s：%zu 张幻灯片%.0s，%zu 个错误%.0s，%zu 个警告%.0s")
MSG(CHECK_STRICT,
    "--strict: warnings count as errors",
    "--strict：警告也算作错误")
