/*
 * i18n.h - UI strings through gettext.  Message ids are English; the
 * Japanese catalogue is po/ja.po.  The UI language is chosen once at start
 * (--lang, else the content's lang, else the locale) and does not depend on
 * the locale's LC_MESSAGES, so `--dump` output is the same everywhere.
 */
#ifndef FAQ_I18N_H
#define FAQ_I18N_H

#include <stddef.h>

/* Selects "ja" or "en" (anything else is English).  Safe to call again. */
void i18n_init(const char *lang);
/* The translation of msgid in the selected language; never NULL, static
 * (owned by the catalogue). */
const char *i18n_text(const char *msgid);
/* The selected language: "ja" or "en". */
const char *i18n_lang(void);
/*
 * The language a text is written in, from the share of kana, kanji and
 * hangul among its letters: "ja" (kana, or kanji with kana), "zh" (kanji
 * without kana), "ko" (hangul), else "" (Latin or too little to say).
 * Reads s[0..n) only; static strings.
 */
const char *i18n_guess_lang(const char *s, size_t n);

#define _(s) i18n_text(s)

/* ngettext's job for the two languages there are: English "1 match" /
 * "2 matches"; Japanese has one form, the catalogue's translation of the
 * plural msgid. */
const char *i18n_ntext(const char *singular, const char *plural,
    unsigned long n);
/* Marks a string for extraction without translating it here. */
#define N_(s) (s)

#endif
