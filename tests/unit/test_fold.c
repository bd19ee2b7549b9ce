/* test_fold.c - folding for search: the table of issue 5, the fast path
 * against libunistring, and the map back to the original bytes. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "utf8.h"

/*
 * The fold of s as a NUL-terminated string the caller frees.  The index
 * folds without a map (a fast loop), highlighting with one (one unit at a
 * time): both must give the same bytes, or hits would not be found again.
 */
static char *
folded(const char *s, size_t n)
{
	struct fold f, g;
	char *r;

	fold_init(&f, 0);
	fold_append(&f, s, n, 0);
	fold_init(&g, 1);
	fold_append(&g, s, n, 0);
	assert_int_equal(f.len, g.len);
	if (f.len > 0)
		assert_memory_equal(f.s, g.s, f.len);
	fold_free(&g);
	r = malloc(f.len + 1);
	assert_non_null(r);
	if (f.len > 0)
		memcpy(r, f.s, f.len);
	r[f.len] = '\0';
	fold_free(&f);
	return r;
}

static void
assert_fold(const char *in, const char *want)
{
	char *got = folded(in, strlen(in));

	if (strcmp(got, want) != 0)
		fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, got, want);
	free(got);
}

/* What fold.h promises, computed the slow way on the whole string. */
static char *
reference(const char *s, size_t n)
{
	size_t outn = 0, i = 0, k = 0;
	uint8_t *out =
	    u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKC, NULL, &outn);
	char *r;
	ucs4_t c;
	int cl;

	assert_non_null(out);
	r = malloc(outn * 2 + 1);
	assert_non_null(r);
	while (i < outn) {
		cl = u8_mbtouc(&c, out + i, outn - i);
		i += (size_t)cl;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			continue;
		if (c >= 0x30A1 && c <= 0x30F6)
			c -= 0x60;
		k += (size_t)u8_uctomb((uint8_t *)r + k, c, 6);
	}
	r[k] = '\0';
	free(out);
	return r;
}

static void
assert_like_reference(const char *s, size_t n)
{
	char *got = folded(s, n), *want = reference(s, n);

	if (strcmp(got, want) != 0) {
		ucs4_t c = 0;

		u8_mbtouc(&c, (const uint8_t *)s, n);
		fail_msg("fold of U+%04X...(%zu bytes) differs from NFKC "
		         "casefold + kana",
		    (unsigned)c, n);
	}
	free(got);
	free(want);
}

static void
test_issue_table(void **state)
{
	(void)state;
	assert_fold("ＡＷＳ", "aws");
	assert_fold("aws", "aws");
	assert_fold("AWS", "aws");
	assert_fold("ｱｶｳﾝﾄ", "あかうんと");
	assert_fold("アカウント", "あかうんと");
	assert_fold("あかうんと", "あかうんと");
	assert_fold("ｸﾚｼﾞｯﾄ", "くれじっと");
	assert_fold("クレジット", "くれじっと");
	assert_fold("せいきゅう", "せいきゅう");
	assert_fold("セイキュウ", "せいきゅう");
	assert_fold("AWS アカウント", "awsあかうんと");
	assert_fold("AWSアカウント", "awsあかうんと");
	assert_fold("ＡＷＳ　Ｏｒｇａｎｉｚａｔｉｏｎｓ", "awsorganizations");
	assert_fold("①", "1");
	assert_fold("Straße", "strasse");
}

static void
test_sound_marks(void **state)
{
	(void)state;
	assert_fold("か\xe3\x82\x99", "が"); /* combining U+3099 */
	assert_fold("ハ\xe3\x82\x9a", "ぱ"); /* combining U+309A */
	assert_fold("ｶﾞ", "が");
	assert_fold("ﾊﾟ", "ぱ");
	assert_fold("ｳﾞ", "ゔ");
	assert_fold("ﾜﾞ", "ヷ"); /* U+30F7 is outside the folded range */
	assert_fold("ｶﾟ", "か\xe3\x82\x9a"); /* no composite: mark kept */
	assert_fold("かﾞ", "が");            /* ﾞ composes after any kana */
	assert_fold("が", "が");
}

static void
test_folds_to_nothing(void **state)
{
	(void)state;
	assert_fold("", "");
	assert_fold("   ", "");
	assert_fold("\xe3\x80\x80\xe3\x80\x80", ""); /* U+3000 */
	assert_fold(" \t\n\xc2\xa0", "");            /* NBSP is a space too */
	/* A lone combining mark is not white space: it stays. */
	assert_fold("\xe3\x82\x99", "\xe3\x82\x99");
}

/* Every BMP code point alone: the fast path agrees with libunistring. */
static void
test_fast_path_matches_library(void **state)
{
	uint8_t buf[8];
	ucs4_t c;
	int n;

	(void)state;
	for (c = 1; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = u8_uctomb(buf, c, sizeof buf);
		assert_true(n > 0);
		assert_like_reference((const char *)buf, (size_t)n);
	}
}

/* Long mixed text, where the fast loop takes 16 ASCII bytes at a time. */
static void
test_long_text_matches_library(void **state)
{
	static const char *const texts[] = {
	    "The Quick\tBrown Fox Jumps Over The Lazy Dog, AWS アカウント",
	    "abcdefghijklmnop\xcc\x81 and abcdefghijklmnopq\xcc\x81",
	    "abcdefghijklmnopか\xe3\x82\x99"
	    "ABCDEFGHIJKLMNOPQRSTｶﾞ①②",
	    "https://console.aws.amazon.com/billing/home#/CHECK/93 から確認",
	    "料金は１，２８０円（税込）からご利用いただけます。ｸﾚｼﾞｯﾄｶｰﾄﾞ",
	    "ＡＷＳ　Ｏｒｇａｎｉｚａｔｉｏｎｓ\n\n  MFA デバイス ㍻ ﬁ Ⅻ ㈱",
	    "0123456789ABCDEF\xe3\x80\xaa\xe3\x82\x99 trailing   ",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		assert_like_reference(texts[i], strlen(texts[i]));
	assert_fold("The Quick\tBrown Fox Jumps Over The Lazy Dog",
	    "thequickbrownfoxjumpsoverthelazydog");
}

/* Common characters followed by every BMP code point: the fast path must
 * see every mark that combines with what came before. */
static void
test_followers_match_library(void **state)
{
	static const char *const bases[] = {
	    "a", "か", "カ", "漢", "ｶ", "Ａ", "\xe3\x80\x80"};
	uint8_t buf[16];
	size_t b, k;
	ucs4_t c;
	int n;

	(void)state;
	for (b = 0; b < sizeof bases / sizeof bases[0]; b++)
		for (c = 1; c < 0x10000; c++) {
			if (c >= 0xD800 && c <= 0xDFFF)
				continue;
			k = strlen(bases[b]);
			memcpy(buf, bases[b], k);
			n = u8_uctomb(buf + k, c, 8);
			assert_like_reference((const char *)buf, k + (size_t)n);
		}
}

/* Pairs where NFKC composes or reorders across characters. */
static void
test_pairs_match_library(void **state)
{
	static const ucs4_t marks[] = {
	    0x3099, 0x309A, 0xFF9E, 0xFF9F, 0x0301, 0x0334, 0x0338};
	uint8_t buf[16];
	ucs4_t c;
	size_t m;
	int n;

	(void)state;
	for (c = 0x20; c < 0x10000; c++) {
		if (!((c < 0x80) || (c >= 0x3041 && c <= 0x30FF) ||
		        (c >= 0xFF01 && c <= 0xFF9F) ||
		        (c >= 0x2190 && c < 0x2200) ||
		        (c >= 0x1100 && c < 0x1200) || c == 0xAC00))
			continue;
		for (m = 0; m < sizeof marks / sizeof marks[0]; m++) {
			n = u8_uctomb(buf, c, 8);
			n += u8_uctomb(buf + n, marks[m], 8);
			assert_like_reference((const char *)buf, (size_t)n);
		}
	}
	/* A high-class mark then a sound mark: NFKC reorders them and
	 * composes the sound mark onto the kana before both. */
	for (c = 0x302A; c <= 0x302F; c++) {
		n = u8_uctomb(buf, 0x304B, 8); /* か */
		n += u8_uctomb(buf + n, c, 8);
		n += u8_uctomb(buf + n, 0x3099, 8);
		assert_like_reference((const char *)buf, (size_t)n);
	}
	assert_like_reference("c\xcc\x81\xcc\xa7", 5); /* c + acute + cedilla */
	/* Hangul L + V + T composes to one syllable. */
	assert_like_reference("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9);
	/* A kana, a low-class mark, then a sound mark (reordering). */
	assert_like_reference("ｶ\xcc\xb4ﾞ", 8);
	assert_like_reference("か\xcc\xb4\xe3\x82\x99", 8);
}

static void
test_map_back(void **state)
{
	struct fold f;
	size_t i;

	(void)state;
	fold_init(&f, 1);
	/* "ｶﾞ" (6 bytes) folds to "が" (3): every byte maps to both. */
	fold_append(&f, "xｶﾞy", strlen("xｶﾞy"), 100);
	assert_int_equal(f.len, 5);
	assert_memory_equal(f.s, "xがy", 5);
	assert_int_equal(f.map[0].start, 100);
	assert_int_equal(f.map[0].end, 101);
	for (i = 1; i < 4; i++) {
		assert_int_equal(f.map[i].start, 101);
		assert_int_equal(f.map[i].end, 107);
	}
	assert_int_equal(f.map[4].start, 107);
	assert_int_equal(f.map[4].end, 108);

	/* Spaces vanish, full-width letters map to their 3 bytes. */
	fold_clear(&f);
	fold_append(&f, "a Ｂ", strlen("a Ｂ"), 0);
	assert_int_equal(f.len, 2);
	assert_memory_equal(f.s, "ab", 2);
	assert_int_equal(f.map[1].start, 2);
	assert_int_equal(f.map[1].end, 5);

	/* A slow unit: e + U+0301 composes; both bytes of é map to 3. */
	fold_clear(&f);
	fold_append(&f, "e\xcc\x81①", 6, 0);
	assert_int_equal(f.len, 3);
	assert_memory_equal(f.s,
	    "\xc3\xa9"
	    "1",
	    3);
	assert_int_equal(f.map[0].start, 0);
	assert_int_equal(f.map[0].end, 3);
	assert_int_equal(f.map[1].end, 3);
	assert_int_equal(f.map[2].start, 3);
	assert_int_equal(f.map[2].end, 6);

	/* Combining kana: か + U+3099 -> が covering both characters. */
	fold_clear(&f);
	fold_append(&f, "か\xe3\x82\x99", 6, 0);
	assert_int_equal(f.len, 3);
	assert_int_equal(f.map[0].start, 0);
	assert_int_equal(f.map[2].end, 6);
	fold_free(&f);
}

/* Random bytes (biased to UTF-8 lead and continuation bytes, marks and
 * half-width kana): no crash, both paths agree, and the map stays inside
 * the input, in order, one range per folded byte. */
static void
test_random_bytes(void **state)
{
	static const unsigned char pool[] = {'a', 'Z', ' ', '\n', 0xE3, 0x81,
	    0x82, 0x83, 0x80, 0x99, 0x9A, 0xA1, 0xEF, 0xBD, 0xBE, 0x9E, 0x9F,
	    0xB6, 0xCC, 0x81, 0xE4, 0xB8, 0x80, 0xF0, 0x9F, 0xC3, 0xFF, 0xE2,
	    0x91, 0xA0};
	unsigned seed = 1;
	unsigned char buf[96];
	struct fold f;
	size_t it, n, i;
	char *r;

	(void)state;
	fold_init(&f, 1);
	for (it = 0; it < 20000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof buf;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = pool[(seed >> 16) % sizeof pool];
		}
		r = folded((const char *)buf, n); /* asserts both paths agree */
		free(r);
		fold_clear(&f);
		fold_append(&f, (const char *)buf, n, 0);
		for (i = 0; i < f.len; i++) {
			assert_true(f.map[i].start < f.map[i].end);
			assert_true(f.map[i].end <= n);
			if (i > 0)
				assert_true(
				    f.map[i].start >= f.map[i - 1].start);
		}
	}
	fold_free(&f);
}

/*
 * Random text of whole characters with long runs of kanji and hiragana,
 * where the fast loop takes 16 bytes at a time, and the characters that
 * must stop it (katakana, marks after a run, U+3000, CJK marks, ASCII,
 * full-width and half-width forms): like the library, and both paths
 * agree.  Then bytes from the run characters alone, valid or not.
 */
static void
test_random_runs_match_library(void **state)
{
	static const char *const chars[] = {"漢", "字", "請", "求", "書", "あ",
	    "か", "は", "ん", "ゔ", "、", "。", "「", "」", "〆", "ゟ", "ー",
	    "カ", "ヴ", "\xe3\x82\x99", "\xe3\x82\x9a", "\xe3\x80\xaa",
	    "\xe3\x80\x80", "\xcc\x81", "a", "Z", " ", "１", "ｶ", "ﾞ", "①",
	    "\xe3\x81\x80", "\xe3\x82\x97", "\xe3\x82\x9b"};
	static const unsigned char bytes[] = {
	    0xE3, 0xE4, 0xE9, 0x80, 0x81, 0x82, 0x96, 0x99, 0xA9, 0xAA, 0xBF};
	unsigned seed = 7;
	char buf[512];
	size_t it, n, i, k, run;
	char *r;

	(void)state;
	for (it = 0; it < 20000; it++) {
		n = 0;
		seed = seed * 1103515245u + 12345u;
		k = 5 + (seed >> 16) % 60;
		for (i = 0; i < k; i++) {
			const char *c;

			seed = seed * 1103515245u + 12345u;
			/* mostly the first 15 (runs that fold to themselves;
			 * か and は compose with a mark after them) */
			run = (seed >> 16) % 4 ? 15
			                       : sizeof chars / sizeof *chars;
			seed = seed * 1103515245u + 12345u;
			c = chars[(seed >> 16) % run];
			memcpy(buf + n, c, strlen(c));
			n += strlen(c);
		}
		assert_like_reference(buf, n);
		for (i = 0; i < 64; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (char)bytes[(seed >> 16) % sizeof bytes];
		}
		r = folded(buf, 64); /* both paths agree on any bytes */
		free(r);
	}
}

static void
test_invalid_bytes_kept(void **state)
{
	char *r;

	(void)state;
	r = folded("A\xff\xe3\x81", 4);
	assert_memory_equal(r, "a\xff\xe3\x81", 4);
	free(r);
}

/*
 * An invalid character is copied whole and maps back to all of its bytes:
 * fold reads bytes as utf8.h does (one maximal subpart, one character),
 * as sanitize_text() replaces them with one U+FFFD.  Before utf8.h each
 * byte was a character of its own, so a hit could end inside E3 81.
 */
static void
test_invalid_map_whole(void **state)
{
	struct fold f;

	(void)state;
	fold_init(&f, 1);
	fold_append(&f, "a\xe3\x81z", 4, 10);
	assert_int_equal(f.len, 4);
	assert_memory_equal(f.s, "a\xe3\x81z", 4);
	assert_int_equal(f.map[1].start, 11);
	assert_int_equal(f.map[1].end, 13);
	assert_int_equal(f.map[2].start, 11);
	assert_int_equal(f.map[2].end, 13);
	assert_int_equal(f.map[3].start, 13);
	/* a surrogate is three invalid characters, as utf8.h reads it */
	fold_clear(&f);
	fold_append(&f, "\xed\xa0\x80", 3, 0);
	assert_int_equal(f.len, 3);
	assert_int_equal(f.map[0].end, 1);
	assert_int_equal(f.map[1].start, 1);
	assert_int_equal(f.map[2].start, 2);
	fold_free(&f);
}

/*
 * The fast paths (ASCII and kanji 16 bytes at a time, kana from their
 * bytes) next to the edges of utf8.h's rule: overlongs, surrogates,
 * truncated characters, F4 90 and above, stray continuation bytes, inside
 * and after long runs.  Both paths give the same bytes (folded()), and
 * every map range starts and ends on a character boundary of utf8.h.
 */
static void
test_fast_path_adversarial(void **state)
{
	static const char *const pieces[] = {"漢字請求書の確認", "あいうえお",
	    "abcdefghijklmnopq", "カタカナ", "\xe3\x82\x99", "\xcc\x81", "ｶﾞ",
	    " ", "\xe0\x80\xaf", "\xe0\xa0", "\xed\xa0\x80", "\xed\x9f\xbf",
	    "\xe3\x81", "\xe4\xb8", "\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xf5",
	    "\xc0\xaf", "\xc1", "\x80", "\xbf\xbf", "\xe3\x80", "\xef\xbf",
	    "\xff"};
	unsigned seed = 11;
	char buf[600];
	unsigned char isb[601];
	struct fold f;
	size_t it, n, i, k, len;
	char *r;

	(void)state;
	fold_init(&f, 1);
	for (it = 0; it < 20000; it++) {
		n = 0;
		seed = seed * 1103515245u + 12345u;
		k = 1 + (seed >> 16) % 24;
		for (i = 0; i < k; i++) {
			const char *pc;

			seed = seed * 1103515245u + 12345u;
			pc = pieces[(seed >> 16) %
			            (sizeof pieces / sizeof pieces[0])];
			len = strlen(pc);
			memcpy(buf + n, pc, len);
			n += len;
		}
		r = folded(buf, n); /* asserts both paths agree */
		free(r);
		memset(isb, 0, n + 1);
		for (i = 0; i < n;) {
			isb[i] = 1;
			(void)utf8_next(buf, n, &i);
		}
		isb[n] = 1;
		fold_clear(&f);
		fold_append(&f, buf, n, 0);
		for (i = 0; i < f.len; i++)
			if (!isb[f.map[i].start] || !isb[f.map[i].end])
				fail_msg("iteration %zu: byte %zu maps to "
				         "[%u, %u)",
				    it, i, (unsigned)f.map[i].start,
				    (unsigned)f.map[i].end);
	}
	fold_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_issue_table),
	    cmocka_unit_test(test_sound_marks),
	    cmocka_unit_test(test_folds_to_nothing),
	    cmocka_unit_test(test_fast_path_matches_library),
	    cmocka_unit_test(test_pairs_match_library),
	    cmocka_unit_test(test_followers_match_library),
	    cmocka_unit_test(test_long_text_matches_library),
	    cmocka_unit_test(test_map_back),
	    cmocka_unit_test(test_invalid_bytes_kept),
	    cmocka_unit_test(test_random_bytes),
	    cmocka_unit_test(test_random_runs_match_library),
	    cmocka_unit_test(test_invalid_map_whole),
	    cmocka_unit_test(test_fast_path_adversarial),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
