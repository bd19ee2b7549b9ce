/*
 * romaji.c - romaji queries through C/Migemo; see romaji.h.
 */
#include "romaji.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <migemo.h>

#include "twocore.h"
#include "utf8.h"
#include "xalloc.h"

#define ROMAJI_DATA_DIR "/usr/share/cmigemo/utf-8"

struct romaji {
	struct twocore tc;
	int joined;
	migemo *m;
	enum romaji_level level;
};

static const char *
data_dir(void)
{
	const char *d = getenv("FAQ_MIGEMO_DATA");

	return d != NULL && *d != '\0' ? d : ROMAJI_DATA_DIR;
}

char *
romaji_dict_path(void)
{
	const char *d = getenv("FAQ_MIGEMO_DICT");

	if (d != NULL && *d != '\0')
		return xstrdup(d);
	return xasprintf("%s/migemo-dict", data_dir());
}

/* A data file of migemo's (roma2hira.dat...) in the data directory. */
static char *
data_file(const char *name)
{
	return xasprintf("%s/%s", data_dir(), name);
}

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

enum romaji_level
romaji_probe(void)
{
	char *r2h = data_file("roma2hira.dat"), *dict;
	int kana = readable(r2h), full;

	free(r2h);
	if (!kana)
		return ROMAJI_OFF;
	dict = romaji_dict_path();
	full = readable(dict);
	free(dict);
	return full ? ROMAJI_FULL : ROMAJI_KANA;
}

/* Whether s holds hiragana or katakana. */
static int
has_kana(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t c;

	while (i < n) {
		c = utf8_next(s, n, &i);
		if (c >= 0x3041 && c <= 0x30FA)
			return 1;
	}
	return 0;
}

int
romaji_wanted(enum romaji_mode mode, const struct doc *d)
{
	size_t i;

	if (mode != ROMAJI_AUTO)
		return mode == ROMAJI_ALWAYS;
	for (i = 0; i < d->ncolls; i++)
		if (strncmp(d->colls[i].lang, "ja", 2) == 0 ||
		    has_kana(d->colls[i].title, strlen(d->colls[i].title)))
			return 1;
	/* A sample of questions is enough to tell. */
	for (i = 0; i < d->nentries && i < 200; i++)
		if (has_kana(d->entries[i].question, d->entries[i].question_len))
			return 1;
	return 0;
}

/* migemo's characters are UTF-8 code points (without a dictionary it
 * would guess bytes); an ASCII character that means something in its
 * expression is written with a backslash, as romaji_expand() reads it. */
static int
rj_char2int(const unsigned char *in, unsigned int *out)
{
	uint32_t c;
	size_t n = utf8_decode((const char *)in, strnlen((const char *)in, 4), &c);

	if (c == UTF8_BAD)
		c = in[0];
	*out = c;
	return (int)n;
}

static int
rj_int2char(unsigned int in, unsigned char *out)
{
	char b[8];
	size_t n = 0;

	if (in < 0x80 && in != 0 && strchr("()[]|\\.*+?{}^$", (int)in) != NULL)
		b[n++] = '\\';
	n += utf8_encode(in, b + n);
	if (out != NULL)
		memcpy(out, b, n);
	return (int)n;
}

static void *
romaji_load(void *arg)
{
	struct romaji *r = arg;
	enum romaji_level want = romaji_probe();
	char *f, *dict;

	r->level = ROMAJI_OFF;
	if (want == ROMAJI_OFF)
		return NULL;
	r->m = migemo_open(NULL);
	if (r->m == NULL)
		return NULL;
	dict = romaji_dict_path();
	if (want == ROMAJI_FULL &&
	    migemo_load(r->m, MIGEMO_DICTID_MIGEMO, dict) ==
	        MIGEMO_DICTID_MIGEMO)
		r->level = ROMAJI_FULL;
	free(dict);
	f = data_file("roma2hira.dat");
	if (migemo_load(r->m, MIGEMO_DICTID_ROMA2HIRA, f) ==
	        MIGEMO_DICTID_ROMA2HIRA &&
	    r->level == ROMAJI_OFF)
		r->level = ROMAJI_KANA;
	free(f);
	f = data_file("hira2kata.dat");
	migemo_load(r->m, MIGEMO_DICTID_HIRA2KATA, f);
	free(f);
	migemo_setproc_char2int(r->m, rj_char2int);
	migemo_setproc_int2char(r->m, rj_int2char);
	if (r->level == ROMAJI_OFF) {
		migemo_close(r->m);
		r->m = NULL;
	}
	return NULL;
}

struct romaji *
romaji_new(int background)
{
	struct romaji *r = xcalloc(1, sizeof *r);

	/* (not in background: twocore runs the load at the first wait) */
	twocore_start(&r->tc, romaji_load, r, background);
	return r;
}

static void
romaji_wait(struct romaji *r)
{
	if (!r->joined) {
		twocore_join(&r->tc);
		r->joined = 1;
	}
}

enum romaji_level
romaji_level(struct romaji *r)
{
	romaji_wait(r);
	return r->level;
}

void
romaji_free(struct romaji *r)
{
	if (r == NULL)
		return;
	/* A load that was left for the first query and never ran is not
	 * run now just to be freed (quitting waited for it). */
	if (!r->joined && !r->tc.threaded) {
		free(r);
		return;
	}
	romaji_wait(r);
	if (r->m != NULL)
		migemo_close(r->m);
	free(r);
}

/* A growing list of strings, capped. */
struct strlist {
	char **v;
	size_t n, cap, max;
};

static void
sl_add(struct strlist *l, char *s)
{
	if (l->n >= l->max) {
		free(s);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = s;
}

static void
sl_free(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The bytes of the character (or escape) at rx[*i], copied to c. */
static size_t
rx_char(const char *rx, size_t *i, char *c)
{
	size_t n = strlen(rx + *i), k;
	uint32_t cp;

	if (rx[*i] == '\\' && rx[*i + 1] != '\0')
		(*i)++, n--;
	k = utf8_decode(rx + *i, n, &cp);
	memcpy(c, rx + *i, k);
	*i += k;
	return k;
}

static void rx_alt(const char *rx, size_t *i, struct strlist *out, size_t max);

/* Every string of a with every string of b appended (a is replaced). */
static void
sl_product(struct strlist *a, const struct strlist *b, size_t max)
{
	struct strlist r = {NULL, 0, 0, max};
	size_t x, y;

	for (x = 0; x < a->n; x++)
		for (y = 0; y < b->n && r.n < max; y++)
			sl_add(&r, xasprintf("%s%s", a->v[x], b->v[y]));
	sl_free(a);
	*a = r;
}

/* One item: a group, a class or a character. */
static void
rx_item(const char *rx, size_t *i, struct strlist *out, size_t max)
{
	char c[8];
	size_t k;

	out->max = max;
	if (rx[*i] == '(') {
		(*i)++;
		rx_alt(rx, i, out, max);
		if (rx[*i] == ')')
			(*i)++;
		return;
	}
	if (rx[*i] == '[') {
		(*i)++;
		while (rx[*i] != '\0' && rx[*i] != ']') {
			k = rx_char(rx, i, c);
			sl_add(out, xstrndup(c, k));
		}
		if (rx[*i] == ']')
			(*i)++;
		return;
	}
	k = rx_char(rx, i, c);
	sl_add(out, xstrndup(c, k));
}

/* A sequence of items up to '|', ')' or the end. */
static void
rx_seq(const char *rx, size_t *i, struct strlist *out, size_t max)
{
	out->max = max;
	sl_add(out, xstrdup(""));
	while (rx[*i] != '\0' && rx[*i] != '|' && rx[*i] != ')') {
		struct strlist it = {NULL, 0, 0, max};

		rx_item(rx, i, &it, max);
		sl_product(out, &it, max);
		sl_free(&it);
	}
}

/* Sequences separated by '|'. */
static void
rx_alt(const char *rx, size_t *i, struct strlist *out, size_t max)
{
	size_t k;

	out->max = max;
	for (;;) {
		struct strlist s = {NULL, 0, 0, max};

		rx_seq(rx, i, &s, max);
		for (k = 0; k < s.n; k++) {
			sl_add(out, s.v[k]);
			s.v[k] = NULL;
		}
		free(s.v);
		if (rx[*i] != '|')
			break;
		(*i)++;
	}
}

size_t
romaji_expand(const char *rx, size_t max, char ***out)
{
	struct strlist l = {NULL, 0, 0, max};
	size_t i = 0;

	while (rx[i] != '\0') {
		rx_alt(rx, &i, &l, max);
		if (rx[i] != '\0')
			i++; /* a stray ')' */
	}
	*out = l.v;
	return l.n;
}

/* 0: kana only; 1: a word of several characters; 2: one character;
 * 3: letters (the term itself, in some width: search has it already). */
static int
word_class(const char *s)
{
	size_t i = 0, n = strlen(s), nch = 0;
	int kana = 1, letters = 1;
	uint32_t c;

	while (i < n) {
		c = utf8_next(s, n, &i);
		nch++;
		if (!((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF)))
			kana = 0;
		if (!(c < 0x80 || (c >= 0xFF01 && c <= 0xFF5E)))
			letters = 0;
	}
	if (letters)
		return 3;
	if (kana)
		return 0;
	return nch > 1 ? 1 : 2;
}

/* Katakana as hiragana, to tell words that fold alike. */
static char *
kana_key(const char *s)
{
	size_t i = 0, n = strlen(s), o = 0;
	char *k = xmalloc(n + 1);
	uint32_t c;

	while (i < n) {
		c = utf8_next(s, n, &i);
		if (c >= 0x30A1 && c <= 0x30F6)
			c -= 0x60;
		o += utf8_encode(c, k + o);
	}
	k[o] = '\0';
	return k;
}

/* Bytes of the first n characters of s (or all of it). */
static size_t
chars_len(const char *s, size_t n)
{
	size_t i = 0, len = strlen(s);

	while (n-- > 0 && i < len)
		utf8_next(s, len, &i);
	return i;
}

/*
 * The readings an unfinished syllable spells (seik: せいか せいき せいく
 * せいけ せいこ せいっか...) become what they share (せい): a superset,
 * right for a query still being typed, and one needle to scan for instead
 * of ten.  Kana words are grouped by their first ROMAJI_KANA_PREFIX
 * characters (as hiragana); a group of several is replaced by its longest
 * common prefix, unless that is shorter than min characters: the kana the
 * letters typed already spell (quota: くおた and クォータ share only くお,
 * which would match inside しばらくお時間).  Returns the new count (v is
 * compacted, NULLs dropped).
 */
#define ROMAJI_KANA_PREFIX 2
static size_t
collapse_kana(char **v, size_t n, size_t min)
{
	size_t i, j, k, o = 0, pl, lcp, c;
	char *ki, *kj;
	unsigned char *in = xcalloc(n ? n : 1, 1);

	for (i = 0; i < n; i++) {
		if (v[i] == NULL || word_class(v[i]) != 0)
			continue;
		ki = kana_key(v[i]);
		pl = chars_len(ki, ROMAJI_KANA_PREFIX);
		lcp = strlen(ki);
		k = 0;
		memset(in, 0, n);
		for (j = i + 1; j < n; j++) {
			if (v[j] == NULL || word_class(v[j]) != 0)
				continue;
			kj = kana_key(v[j]);
			if (strlen(kj) >= pl && strncmp(ki, kj, pl) == 0) {
				size_t m = 0;

				while (m < lcp && ki[m] == kj[m])
					m++;
				lcp = m;
				in[j] = 1;
				k++;
			}
			free(kj);
		}
		/* back to a character boundary */
		while (lcp > 0 && ((unsigned char)ki[lcp] & 0xC0) == 0x80)
			lcp--;
		for (c = 0, j = 0; j < lcp; j++)
			c += ((unsigned char)ki[j] & 0xC0) != 0x80;
		if (k > 0 && c >= min) {
			for (j = i + 1; j < n; j++)
				if (in[j]) {
					free(v[j]);
					v[j] = NULL;
				}
			free(v[i]);
			v[i] = xstrndup(ki, lcp);
		}
		free(ki);
	}
	free(in);
	for (i = 0; i < n; i++)
		if (v[i] != NULL)
			v[o++] = v[i];
	return o;
}

/* About how many kana the finished syllables of a romaji term spell: one
 * a vowel (ka, kyu, quo's o too: く ぉ).  A floor for collapse_kana(). */
static size_t
romaji_vowels(const char *q)
{
	size_t n = 0;

	for (; *q != '\0'; q++)
		n += strchr("aiueo", *q) != NULL;
	return n;
}

size_t
romaji_alts(void *arg, const char *term, size_t tn, char ***out)
{
	struct romaji *r = arg;
	char q[64], **v, **w, *key, **keys;
	unsigned char *rx;
	size_t i, n, nw = 0, nk = 0, letters = 0, j;
	int cls;

	*out = NULL;
	if (tn >= sizeof q)
		return 0;
	for (i = 0; i < tn; i++) {
		char c = term[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letters++;
		else if (c != '-' && c != '\'')
			return 0;
		/* lower case: migemo reads a capital as a word boundary */
		q[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	q[tn] = '\0';
	if (letters < ROMAJI_MIN_LETTERS || r == NULL)
		return 0;
	romaji_wait(r);
	if (r->m == NULL)
		return 0;
	rx = migemo_query(r->m, (const unsigned char *)q);
	if (rx == NULL)
		return 0;
	n = romaji_expand((const char *)rx, 512, &v);
	migemo_release(r->m, rx);
	n = collapse_kana(v, n, romaji_vowels(q));
	w = xcalloc(ROMAJI_MAX_WORDS + 1, sizeof *w);
	keys = xcalloc(n + 1, sizeof *keys);
	/* kana first, then words, then single characters */
	for (cls = 0; cls < 3; cls++)
		for (i = 0; i < n; i++) {
			if (v[i] == NULL || word_class(v[i]) != cls)
				continue;
			key = kana_key(v[i]);
			for (j = 0; j < nk && strcmp(keys[j], key) != 0; j++)
				;
			if (j < nk || nw == ROMAJI_MAX_WORDS) {
				free(key);
				continue;
			}
			keys[nk++] = key;
			w[nw++] = v[i];
			v[i] = NULL;
		}
	for (i = 0; i < n; i++)
		free(v[i]);
	for (j = 0; j < nk; j++)
		free(keys[j]);
	free(keys);
	free(v);
	if (nw == 0) {
		free(w);
		return 0;
	}
	*out = w;
	return nw;
}
