/* msg — every text --check says, in English and Chinese, from one table.
 *
 * Each message is one row of msg_texts.h: an id, its English text and its
 * Chinese text, both printf formats taking the same arguments in the same
 * order (a test checks that the conversions match). Code names a message by
 * its id and never writes its words; the language is chosen once, from
 * --messages or the locale, and travels with the diagnostics list. Pure. */
#ifndef KIOSK_MSG_H
#define KIOSK_MSG_H

typedef enum { MSG_EN, MSG_ZH, MSG_N_LANGS } msg_lang;

typedef enum {
#define MSG(id, en, zh) MSG_##id,
#include "msg_texts.h"
#undef MSG
    MSG_COUNT
} msg_id;

/* The printf format of message `id` in `lang`; never NULL. */
const char *msg_text(msg_lang lang, msg_id id);

/* The id's name as written in the table ("JSON_UTF16"), for tests. */
const char *msg_name(msg_id id);

/* "en" or "zh" → *out and 0; anything else -1. */
int msg_lang_from_name(const char *name, msg_lang *out);

/* The language of the locale, as POSIX picks the messages category: the
 * first of LC_ALL, LC_MESSAGES, LANG that is set and not empty; Chinese when
 * it names Chinese ("zh_CN.UTF-8", "zh_TW", "zh"), English otherwise (and
 * when none is set). Arguments may be NULL. */
msg_lang msg_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang);

#endif
