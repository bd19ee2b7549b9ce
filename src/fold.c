/* fold.c - text folded for matching, with a map back; see fold.h. */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "utf8.h"
#include "xalloc.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Code point sentinels, above U+10FFFF. */
#define FOLD_BAD UTF8_BAD     /* an invalid character (utf8.h) */
#define FOLD_SLOW 0xFFFFFFFEu /* needs the normaliser */
#define FOLD_DROP 0xFFFFFFFDu /* white space: folds to nothing */
#define FOLD_NONE 0xFFFFFFFCu /* end of input */

/* Full-width forms of U+FF61..U+FF9F, as NFKC maps them. */
static const uint16_t fold_halfwidth[0x3F] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, /* FF61 */
    0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, /* FF69 */
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, /* FF71 */
    0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, /* FF79 */
    0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, /* FF81 */
    0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, /* FF89 */
    0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, /* FF91 */
    0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,         /* FF99 */
};

/* Bit c - 0x3000 is set when fold_fast() keeps c or maps it to hiragana
 * (U+3000..U+30FF; generated from fold_fast(), checked by the tests). */
static const uint64_t fold_plain30[4] = {
    0x003f03fffffffffeull,
    0xfffffffffffffffeull,
    0xfffffffe607fffffull,
    0x7fffffffffffffffull,
};

void
fold_init(struct fold *f, int want_map)
{
	memset(f, 0, sizeof *f);
	if (want_map)
		f->map = xmalloc(sizeof *f->map); /* marks "wanted" */
}

void
fold_init_in(struct fold *f, char *buf, size_t cap)
{
	memset(f, 0, sizeof *f);
	f->s = buf;
	f->cap = cap;
	f->borrowed = 1;
}

void
fold_clear(struct fold *f)
{
	f->len = 0;
}

void
fold_free(struct fold *f)
{
	if (!f->borrowed)
		free(f->s);
	free(f->map);
	memset(f, 0, sizeof *f);
}

void
fold_reserve(struct fold *f, size_t extra)
{
	size_t need = f->len + extra, cap;

	if (need <= f->cap)
		return;
	cap = f->cap * 2 > need ? f->cap * 2 : need;
	if (cap < 64)
		cap = 64;
	if (f->borrowed) {
		char *own = xmalloc(cap);

		memcpy(own, f->s, f->len);
		f->s = own;
		f->borrowed = 0;
	} else {
		f->s = xrealloc(f->s, cap);
	}
	if (f->map != NULL)
		f->map = xreallocarray(f->map, cap, sizeof *f->map);
	f->cap = cap;
}

/* Decodes the character at s[i] (i < n) as utf8.h does; an invalid one
 * (its maximal subpart) is FOLD_BAD. */
static inline size_t
fold_decode(const unsigned char *s, size_t n, size_t i, uint32_t *c)
{
	return utf8_decode((const char *)s + i, n - i, c);
}

static inline uint32_t
fold_kana(uint32_t c)
{
	return c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c;
}

/*
 * The fold of c when it needs no normaliser: characters that NFKC and case
 * folding leave alone (or map by a fixed rule) and that never combine with
 * a neighbour.  tests/unit/test_fold.c checks every BMP code point against
 * libunistring, so this table cannot drift silently.
 */
static inline uint32_t
fold_fast(uint32_t c)
{
	if (c < 0x80) {
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			return FOLD_DROP;
		if (c >= 'A' && c <= 'Z')
			return c + 32;
		return c;
	}
	if (c < 0x2190)
		return FOLD_SLOW;
	if (c < 0x3000)
		return (c <= 0x21FF || (c >= 0x2500 && c <= 0x27BF))
		           ? c
		           : FOLD_SLOW;
	if (c <= 0x30FE) {
		if (c == 0x3000)
			return FOLD_DROP;
		if (c <= 0x3029 || (c >= 0x3030 && c <= 0x3035) ||
		    (c >= 0x3041 && c <= 0x3096) || c == 0x309D ||
		    c == 0x309E || c >= 0x30A1)
			return fold_kana(c);
		return FOLD_SLOW;
	}
	if (c >= 0x3400 && c <= 0x9FFF) /* CJK ext. A, Yijing, unified */
		return c;
	if (c >= 0xFF01 && c <= 0xFF5E) {
		c -= 0xFEE0;
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	if (c >= 0xFF61 && c <= 0xFF9F)
		return fold_kana(fold_halfwidth[c - 0xFF61]);
	return FOLD_SLOW;
}

/*
 * Whether c can combine with the character before it under NFKC: marks
 * (ccc != 0), the half-width sound marks, Hangul vowel and final jamo, and
 * the few starters that compose with a preceding starter.
 */
static int
fold_is_joiner(uint32_t c)
{
	if (c < 0x300 || c > 0x10FFFF)
		return 0;
	if (c == 0xFF9E || c == 0xFF9F || c == 0x3099 || c == 0x309A)
		return 1;
	if (fold_fast(c) != FOLD_SLOW)
		return 0;
	if (c >= 0x1161 && c <= 0x11C2)
		return 1;
	switch (c) {
	case 0x0B3E:
	case 0x0BBE:
	case 0x0CC2:
	case 0x0CD5:
	case 0x0CD6:
	case 0x0D3E:
	case 0x0D57:
	case 0x0DCF:
	case 0x0DDF:
	case 0x102E:
	case 0x1B35:
	case 0x110BA:
	case 0x11127:
	case 0x1133E:
	case 0x11357:
	case 0x114B0:
	case 0x114BA:
	case 0x114BD:
	case 0x115AF:
	case 0x11930:
		return 1;
	}
	return uc_combining_class(c) != 0;
}

/* The katakana that ﾞ (mark 0x3099) or ﾟ (0x309A) composes k into, or 0. */
static uint32_t
fold_voice(uint32_t k, uint32_t mark)
{
	int hrow = k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0;

	if (mark == 0x309A)
		return hrow ? k + 2 : 0;
	if (hrow || (k >= 0x30AB && k <= 0x30C1 && (k & 1)) || k == 0x30C4 ||
	    k == 0x30C6 || k == 0x30C8)
		return k + 1;
	if (k == 0x30A6)
		return 0x30F4;
	if (k == 0x30EF)
		return 0x30F7;
	if (k == 0x30F2)
		return 0x30FA;
	return 0;
}

/* Appends code point c mapped to [start, end); room is reserved. */
static inline void
fold_put(struct fold *f, uint32_t c, uint32_t start, uint32_t end)
{
	size_t k, n = utf8_encode(c, f->s + f->len);

	if (f->map != NULL)
		for (k = 0; k < n; k++) {
			f->map[f->len + k].start = start;
			f->map[f->len + k].end = end;
		}
	f->len += n;
}

/* Appends the bytes of an invalid character as they are (fold.h), each
 * mapped to [start, end). */
static void
fold_put_bad(struct fold *f, const unsigned char *p, size_t n, uint32_t start,
    uint32_t end)
{
	size_t k;

	fold_reserve(f, n);
	for (k = 0; k < n; k++) {
		if (f->map != NULL) {
			f->map[f->len].start = start;
			f->map[f->len].end = end;
		}
		f->s[f->len++] = (char)p[k];
	}
}

/* Folds one unit (a character and its marks) with libunistring. */
static void
fold_slow(struct fold *f, const unsigned char *s, size_t n, uint32_t start,
    uint32_t end)
{
	uint8_t stackbuf[128];
	size_t outn = sizeof stackbuf, i, cl;
	uint8_t *out;
	uint32_t c;

	out = u8_casefold(s, n, NULL, UNINORM_NFKC, stackbuf, &outn);
	if (out == NULL) { /* cannot happen on valid input; keep the bytes */
		out = stackbuf;
		outn = n < sizeof stackbuf ? n : sizeof stackbuf;
		memcpy(out, s, outn);
	}
	fold_reserve(f, outn);
	for (i = 0; i < outn; i += cl) {
		cl = fold_decode(out, outn, i, &c);
		if (c == FOLD_BAD) {
			fold_put_bad(f, out + i, cl, start, end);
			continue;
		}
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			continue;
		fold_put(f, fold_kana(c), start, end);
	}
	if (out != stackbuf)
		free(out);
}

/*
 * Whether the character at s[j] certainly does not combine with the one
 * before it; answered from the lead bytes for the common cases.
 */
static inline int
fold_next_safe(const unsigned char *s, size_t n, size_t j)
{
	unsigned b;
	uint32_t c;

	if (j >= n)
		return 1;
	b = s[j];
	if (b < 0xCC || (b >= 0xE4 && b <= 0xE9))
		return 1; /* below U+0300, or U+4000..U+9FFF */
	if (b == 0xE3 && j + 2 < n) {
		/* U+3000..U+3FFF: the marks are U+302A..302F, U+3099/309A */
		if (s[j + 1] == 0x80)
			return s[j + 2] < 0xAA || s[j + 2] > 0xAF;
		if (s[j + 1] == 0x82)
			return s[j + 2] != 0x99 && s[j + 2] != 0x9A;
		return 1;
	}
	/* rare here: the whole rule, out of line, keeps the fast loop that
	 * inlines this function small */
	(void)utf8_decode_rule((const char *)s + j, n - j, &c);
	return !fold_is_joiner(c);
}

int
fold_can_cut(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	if (i == 0 || i >= n)
		return 1;
	return (u[i] & 0xC0) != 0x80 && fold_next_safe(u, n, i);
}

/* Folds the unit at s[i] the careful way; returns where the next starts. */
static size_t
fold_unit(
    struct fold *f, const unsigned char *s, size_t n, size_t i, uint32_t base)
{
	size_t cl, ncl = 0, j, k;
	uint32_t c, nc = FOLD_NONE, fc, x, comp;

	cl = fold_decode(s, n, i, &c);
	j = i + cl;
	if (j < n)
		ncl = fold_decode(s, n, j, &nc);
	if (c == FOLD_BAD) {
		fold_put_bad(
		    f, s + i, cl, base + (uint32_t)i, base + (uint32_t)j);
		return j;
	}
	if (c >= 0xFF61 && c <= 0xFF9D && (nc == 0xFF9E || nc == 0xFF9F)) {
		/* ｶﾞ -> ガ, as NFKC composes it, when nothing follows that
		 * could reorder the marks. */
		comp = fold_voice(
		    fold_halfwidth[c - 0xFF61], nc == 0xFF9E ? 0x3099 : 0x309A);
		k = j + ncl;
		x = FOLD_NONE;
		if (k < n)
			(void)fold_decode(s, n, k, &x);
		if (comp != 0 && !fold_is_joiner(x)) {
			fold_reserve(f, 4);
			fold_put(f, fold_kana(comp), base + (uint32_t)i,
			    base + (uint32_t)k);
			return k;
		}
	} else if ((fc = fold_fast(c)) != FOLD_SLOW && !fold_is_joiner(nc)) {
		fold_reserve(f, 4);
		if (fc != FOLD_DROP)
			fold_put(f, fc, base + (uint32_t)i, base + (uint32_t)j);
		return j;
	}
	/* Slow: c and every mark that may combine with it. */
	k = j;
	while (k < n && fold_is_joiner(nc)) {
		k += ncl;
		if (k < n)
			ncl = fold_decode(s, n, k, &nc);
	}
	fold_slow(f, s + i, k - i, base + (uint32_t)i, base + (uint32_t)k);
	return k;
}

static inline int
fold_is_ws(unsigned b)
{
	return b == ' ' || (b - '\t') <= (unsigned)('\r' - '\t');
}

#if defined(__SSE2__)
/*
 * Whether the 16 bytes at s (s[0] a lead byte; s[16], s[17] readable) are
 * kanji (leads E4..E9), hiragana and the CJK punctuation that fold to
 * themselves (E3 80 81..A9, E3 81 81..BF, E3 82 80..96), and their
 * continuation bytes: text that folds to itself, 16 bytes at a time.
 * Katakana, full-width forms, ASCII and the rest take the paths below.
 */
static inline int
fold_same16(const unsigned char *s)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)s);
	const __m128i v1 = _mm_loadu_si128((const __m128i *)(s + 1));
	const __m128i v2 = _mm_loadu_si128((const __m128i *)(s + 2));
	const __m128i bias = _mm_set1_epi8((char)0x80);
	/* signed compares on bytes - 0x80 are unsigned compares */
	const __m128i x = _mm_sub_epi8(v, bias);
	const __m128i x2 = _mm_sub_epi8(v2, bias);
	__m128i cont, kanji, e3, ok80, ok81, ok82, good;

	cont = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x7F - 0x80)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(0xC0 - 0x80))); /* 80..BF */
	kanji = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0xE3 - 0x80)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(0xEA - 0x80))); /* E4..E9 */
	e3 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3));
	ok80 = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80)),
	    _mm_and_si128(_mm_cmpgt_epi8(x2, _mm_set1_epi8(0x80 - 0x80)),
	        _mm_cmplt_epi8(x2, _mm_set1_epi8(0xAA - 0x80))));
	ok81 = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x81)),
	    _mm_cmpgt_epi8(x2, _mm_set1_epi8(0x80 - 0x80)));
	ok82 = _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x82)),
	    _mm_cmplt_epi8(x2, _mm_set1_epi8(0x97 - 0x80)));
	good = _mm_or_si128(_mm_or_si128(cont, kanji),
	    _mm_and_si128(e3, _mm_or_si128(ok80, _mm_or_si128(ok81, ok82))));
	return _mm_movemask_epi8(good) == 0xFFFF;
}
#endif

/*
 * The fast path of fold_append().  The index folds the whole corpus (78 MB
 * at 100 000 entries) without a map: this loop does ASCII 16 bytes at a
 * time, runs of kanji and hiragana 16 bytes at a time (fold_same16()),
 * other kana and kanji from their bytes, and returns where fold_unit()
 * must take over (a character that needs the normaliser, or is followed by
 * a possible mark).  It reads bytes, not characters: an invalid byte stops
 * it, or, inside a 16-byte block, is copied as it is, which is what
 * fold_unit() does with it.  fold_unit(), which reads with utf8.h, alone
 * gives the same bytes; test_fold.c compares both on random and
 * adversarial bytes (test_random_bytes, test_fast_path_adversarial).
 */
static size_t
fold_run_nomap(struct fold *f, const unsigned char *s, size_t n, size_t i)
{
	char *o = f->s + f->len;
	unsigned b, b1, b2, nb;
	uint32_t c;

	while (i < n) {
		b = s[i];
		if (b < 0x80) {
#if defined(__SSE2__)
			if (i + 16 < n) {
				__m128i v =
				    _mm_loadu_si128((const __m128i *)(s + i));

				if (_mm_movemask_epi8(v) == 0 &&
				    s[i + 16] < 0xCC) {
					__m128i up = _mm_and_si128(
					    _mm_cmpgt_epi8(
					        v, _mm_set1_epi8('A' - 1)),
					    _mm_cmplt_epi8(
					        v, _mm_set1_epi8('Z' + 1)));
					unsigned k, ws;

					v = _mm_add_epi8(
					    v, _mm_and_si128(
					           up, _mm_set1_epi8(32)));
					ws = (unsigned)_mm_movemask_epi8(
					    _mm_cmplt_epi8(
					        v, _mm_set1_epi8(0x21)));
					_mm_storeu_si128((__m128i *)o, v);
					if (ws == 0) {
						o += 16;
					} else { /* squeeze the white space out
						  */
						char *w = o;

						for (k = 0; k < 16; k++) {
							*w = o[k];
							w += !fold_is_ws((
							    unsigned char)o[k]);
						}
						o = w;
					}
					i += 16;
					continue;
				}
			}
#endif
			if (i + 1 < n && s[i + 1] >= 0xCC &&
			    !fold_next_safe(s, n, i + 1))
				break;
			if (!fold_is_ws(b))
				*o++ = (char)(b - 'A' < 26u ? b + 32 : b);
			i++;
			continue;
		}
		/* Kanji and kana: few branches, as they alternate at random. */
		if (b - 0xE3u > 6u || i + 2 >= n)
			break;
#if defined(__SSE2__)
		if (b >= 0xE4 && i + 20 <= n && fold_same16(s + i)) {
			/* 16 bytes that fold to themselves, up to the end of
			 * the character they cut, when no mark follows */
			size_t k = i + 16;

			while (k < n && k < i + 18 && (s[k] & 0xC0) == 0x80)
				k++;
			if (fold_next_safe(s, n, k)) {
				memcpy(o, s + i, k - i);
				o += k - i;
				i = k;
				continue;
			}
		}
#endif
		b1 = s[i + 1];
		b2 = s[i + 2];
		if (((b1 ^ 0x80) | (b2 ^ 0x80)) & 0xC0)
			break;
		c = (uint32_t)(b & 0x0F) << 12 | (b1 & 0x3Fu) << 6 |
		    (b2 & 0x3Fu);
		if (c < 0x3400 &&
		    (c >= 0x3100 ||
		        !(fold_plain30[c >> 6 & 3] >> (c & 63) & 1)))
			break;
		nb = i + 3 < n ? s[i + 3] : 0;
		if (nb >= 0xCC) { /* the next character may be a mark */
			if (nb - 0xE3u > 6u) {
				if (!fold_next_safe(s, n, i + 3))
					break;
			} else if (nb == 0xE3 && i + 4 < n &&
			           (s[i + 4] | 2) == 0x82 &&
			           !fold_next_safe(s, n, i + 3))
				break;
		}
		c -= (uint32_t)(c - 0x30A1u <= 0x30F6u - 0x30A1u) * 0x60;
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		o += 3;
		i += 3;
	}
	f->len = (size_t)(o - f->s);
	return i;
}

/*
 * The same as fold_unit() on each ASCII character followed by another
 * (never a joiner): the loop a mapped fold of Latin text spends its time
 * in (highlighting a 10 MB answer), without a decode or a reserve a byte.
 * Needs room for the run (fold_append reserves n + 16 ahead).
 */
static size_t
fold_run_map(
    struct fold *f, const unsigned char *s, size_t n, size_t i, uint32_t base)
{
	while (i + 1 < n && s[i] < 0x80 && s[i + 1] < 0x80) {
		uint32_t fc = fold_fast(s[i]);

		if (fc == FOLD_SLOW)
			break;
		if (fc != FOLD_DROP) {
			f->s[f->len] = (char)fc;
			f->map[f->len].start = base + (uint32_t)i;
			f->map[f->len].end = base + (uint32_t)i + 1;
			f->len++;
		}
		i++;
	}
	return i;
}

void
fold_append(struct fold *f, const char *str, size_t n, uint32_t base)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	/* The fast loop never makes text longer (and may write 16 bytes
	 * ahead); fold_unit() reserves what it needs. */
	fold_reserve(f, n + 16);
	while (i < n) {
		if (f->map == NULL) {
			i = fold_run_nomap(f, s, n, i);
			if (i >= n)
				break;
		} else {
			i = fold_run_map(f, s, n, i, base);
		}
		i = fold_unit(f, s, n, i, base);
		/* The slow path may lengthen: keep room for the rest. */
		fold_reserve(f, n - i + 16);
	}
}
