#include "msg.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *text[MSG_N_LANGS];
} msg_row;

static const msg_row MSGS[MSG_COUNT] = {
#define MSG(id, en, zh) [MSG_##id] = {#id, {en, zh}},
#include "msg_texts.h"
#undef MSG
};

const char *msg_text(msg_lang lang, msg_id id)
{
    if ((unsigned)id >= MSG_COUNT)
        return "?";
    if ((unsigned)lang >= MSG_N_LANGS)
        lang = MSG_EN;
    return MSGS[id].text[lang];
}

const char *msg_name(msg_id id)
{
    return (unsigned)id < MSG_COUNT ? MSGS[id].name : "?";
}

int msg_lang_from_name(const char *name, msg_lang *out)
{
    if (strcmp(name, "en") == 0)
        *out = MSG_EN;
    else if (strcmp(name, "zh") == 0)
        *out = MSG_ZH;
    else
        return -1;
    return 0;
}

msg_lang msg_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *pick[] = {lc_all, lc_messages, lang};
    for (int i = 0; i < 3; i++) {
        const char *v = pick[i];
        if (!v || !*v)
            continue;
        /* "zh", "zh_CN.UTF-8", "zh_TW@…": the language is before '_', '.', '@'. */
        size_t n = strcspn(v, "_.@");
        return n == 2 && strncmp(v, "zh", 2) == 0 ? MSG_ZH : MSG_EN;
    }
    return MSG_EN;
}
