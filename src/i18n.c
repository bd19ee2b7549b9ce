/*
 * i18n.c - UI strings; see i18n.h.
 *
 * gettext picks the catalogue from LANGUAGE only when the LC_MESSAGES
 * locale is not "C" (glibc ignores LANGUAGE under "C"), and the locale a
 * visitor's SSH client asks for may not exist here.  So the language is
 * forced: LC_MESSAGES is set to C.UTF-8 when it would be "C", LANGUAGE to
 * the chosen language, and the result is checked on a string we know the
 * catalogue translates.  When gettext still cannot deliver (no C.UTF-8
 * locale, a libc without LANGUAGE), the compiled .mo file is read directly,
 * so that `--lang ja` always shows Japanese.
 *
 * The state is process-wide by nature (one UI language per process), kept
 * in one struct.
 */
#include "i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"
#include "xalloc.h"

#ifndef FAQ_LOCALEDIR
#define FAQ_LOCALEDIR "/usr/local/share/locale"
#endif

#define I18N_DOMAIN "faq"
/* A message id that every catalogue translates: used to check that the
 * catalogue is really in use. */
#define I18N_PROBE "Expand all"

/* A .mo file read into memory (the fallback path). */
struct mo_file {
	char *buf;
	size_t len;
	uint32_t n, orig, trans;
	int swap;
};

static struct {
	char lang[3];    /* "ja" or "en" */
	int use_gettext; /* dgettext delivers the catalogue */
	struct mo_file mo;
	int have_mo;
} i18n = {"en", 0, {NULL, 0, 0, 0, 0, 0}, 0};

extern int _nl_msg_cat_cntr; /* glibc: bump to drop gettext's cache */

static uint32_t
mo_u32(const struct mo_file *m, size_t off)
{
	uint32_t v;

	memcpy(&v, m->buf + off, 4);
	if (m->swap)
		v = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) |
		    (v << 24);
	return v;
}

/* The string of table entry i (orig or trans), or NULL if out of bounds. */
static const char *
mo_string(const struct mo_file *m, uint32_t table, uint32_t i)
{
	size_t at = (size_t)table + (size_t)i * 8;
	uint32_t len, off;

	if (at + 8 > m->len)
		return NULL;
	len = mo_u32(m, at);
	off = mo_u32(m, at + 4);
	if ((size_t)off + len >= m->len || m->buf[off + len] != '\0')
		return NULL;
	return m->buf + off;
}

static int
mo_load(struct mo_file *m, const char *path)
{
	FILE *fp = fopen(path, "rb");
	long size;
	uint32_t magic;

	memset(m, 0, sizeof *m);
	if (fp == NULL)
		return -1;
	if (fseek(fp, 0, SEEK_END) == -1 || (size = ftell(fp)) < 28 ||
	    size > 16L * 1024 * 1024 || fseek(fp, 0, SEEK_SET) == -1) {
		fclose(fp);
		return -1;
	}
	m->buf = xmalloc((size_t)size);
	m->len = (size_t)size;
	if (fread(m->buf, 1, m->len, fp) != m->len) {
		fclose(fp);
		goto bad;
	}
	fclose(fp);
	memcpy(&magic, m->buf, 4);
	if (magic == 0x950412deU)
		m->swap = 0;
	else if (magic == 0xde120495U)
		m->swap = 1;
	else
		goto bad;
	m->n = mo_u32(m, 8);
	m->orig = mo_u32(m, 12);
	m->trans = mo_u32(m, 16);
	if ((size_t)m->orig + (size_t)m->n * 8 > m->len ||
	    (size_t)m->trans + (size_t)m->n * 8 > m->len)
		goto bad;
	return 0;
bad:
	free(m->buf);
	memset(m, 0, sizeof *m);
	return -1;
}

/* msgfmt sorts the original strings, so a binary search finds msgid. */
static const char *
mo_lookup(const struct mo_file *m, const char *msgid)
{
	uint32_t lo = 0, hi = m->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *s = mo_string(m, m->orig, mid);
		int c;

		if (s == NULL)
			return NULL;
		c = strcmp(msgid, s);
		if (c == 0) {
			const char *t = mo_string(m, m->trans, mid);

			return t != NULL && *t != '\0' ? t : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int
readable(const char *dir, const char *lang)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, lang,
	        I18N_DOMAIN) >= (int)sizeof path)
		return 0;
	return access(path, R_OK) == 0;
}

/*
 * The catalogue directory: next to an uninstalled binary first (./faq ->
 * build/locale; build/tests/x -> build/locale; build-asan/faq-asan and
 * build-asan/tests/x -> build/locale), then the installed FAQ_LOCALEDIR.
 * Writes into dir.
 */
static int
find_localedir(const char *lang, char *dir, size_t size)
{
	static const char *const rel[] = {"/build/locale", "/../locale",
	    "/locale", "/../build/locale", "/../../build/locale"};
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t i;

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				if (snprintf(dir, size, "%s%s", exe, rel[i]) <
				        (int)size &&
				    readable(dir, lang))
					return 0;
			}
		}
	}
	if (snprintf(dir, size, "%s", FAQ_LOCALEDIR) < (int)size &&
	    readable(dir, lang))
		return 0;
	return -1;
}

void
i18n_init(const char *lang)
{
	char dir[PATH_MAX], path[PATH_MAX + 32];
	const char *cur;

	free(i18n.mo.buf);
	memset(&i18n.mo, 0, sizeof i18n.mo);
	i18n.have_mo = 0;
	i18n.use_gettext = 0;
	if (lang == NULL || strcmp(lang, "ja") != 0) {
		strcpy(i18n.lang, "en");
		return;
	}
	strcpy(i18n.lang, "ja");
	if (find_localedir("ja", dir, sizeof dir) == -1)
		return; /* no catalogue anywhere: English text */

	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	cur = setlocale(LC_MESSAGES, NULL);
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", "ja", 1);
	++_nl_msg_cat_cntr;
	if (strcmp(dgettext(I18N_DOMAIN, I18N_PROBE), I18N_PROBE) != 0) {
		i18n.use_gettext = 1;
		return;
	}
	snprintf(
	    path, sizeof path, "%s/ja/LC_MESSAGES/%s.mo", dir, I18N_DOMAIN);
	if (mo_load(&i18n.mo, path) == 0)
		i18n.have_mo = 1;
}

const char *
i18n_text(const char *msgid)
{
	const char *t;

	if (strcmp(i18n.lang, "ja") != 0 || *msgid == '\0')
		return msgid;
	if (i18n.use_gettext)
		return dgettext(I18N_DOMAIN, msgid);
	if (i18n.have_mo && (t = mo_lookup(&i18n.mo, msgid)) != NULL)
		return t;
	return msgid;
}

const char *
i18n_ntext(const char *singular, const char *plural, unsigned long n)
{
	if (strcmp(i18n.lang, "en") == 0)
		return n == 1 ? singular : plural;
	return i18n_text(plural);
}

const char *
i18n_lang(void)
{
	return i18n.lang;
}

const char *
i18n_guess_lang(const char *s, size_t n)
{
	size_t i = 0, kana = 0, kanji = 0, hangul = 0, latin = 0, all;
	uint32_t c;

	while (i < n) {
		c = utf8_next(s, n, &i);
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			latin++;
		else if ((c >= 0x3040 && c <= 0x30FF) ||
		         (c >= 0xFF66 && c <= 0xFF9F))
			kana++;
		else if ((c >= 0x4E00 && c <= 0x9FFF) ||
		         (c >= 0x3400 && c <= 0x4DBF))
			kanji++;
		else if ((c >= 0xAC00 && c <= 0xD7AF) ||
		         (c >= 0x1100 && c <= 0x11FF) ||
		         (c >= 0x3130 && c <= 0x318F))
			hangul++;
	}
	/* a CJK character says about as much as a word of 4 letters */
	all = latin / 4 + kana + kanji + hangul;
	if (all < 20)
		return "";
	if (5 * hangul >= all)
		return "ko";
	if (5 * (kana + kanji) >= all)
		return 20 * kana >= kanji ? "ja" : "zh";
	return "";
}
