/* test_wrap.c - Japanese line breaking: each gap of TEXT.md, clusters,
 * emergency breaks, tiny widths. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unigbrk.h>

#include "utf8.h"
#include "width.h"
#include "wrap.h"

/* The lines of s wrapped at width, joined with '|', and checked: each
 * line's width is what width_str says. */
static char *
wrapped(const char *s, int width, int amb)
{
	struct wrap_lines wl = {0};
	size_t i, len = 0, n = strlen(s);
	char *out = malloc(2 * n + 64);

	assert_non_null(out);
	wrap_text(s, n, width, amb, &wl);
	for (i = 0; i < wl.n; i++) {
		size_t a = wl.v[i].start, b = wl.v[i].end;

		assert_true(a <= b && b <= n);
		assert_int_equal(wl.v[i].width, width_str(s + a, b - a, amb));
		if (i > 0)
			out[len++] = '|';
		memcpy(out + len, s + a, b - a);
		len += b - a;
	}
	out[len] = '\0';
	wrap_lines_free(&wl);
	return out;
}

/* A hanging indent: the first line has its own width, the others (also
 * after a '\n') the rest's; kinsoku holds on both. */
static void
test_wrap_hang(void **state)
{
	static const char s[] = "1.あいうえおかきくけこ。\nさしすせそ";
	const char *want[] = {
	    "1.あいう", "えお", "かき", "くけ", "こ。", "さし", "すせ", "そ"};
	struct wrap_lines wl = {0};
	size_t i;

	(void)state;
	/* こ。 is kept together, so that line is 4 wide at rest width 4 */
	wrap_text_hang(s, strlen(s), 8, 4, 1, &wl);
	assert_int_equal(wl.n, sizeof want / sizeof want[0]);
	for (i = 0; i < wl.n; i++) {
		assert_int_equal(wl.v[i].end - wl.v[i].start, strlen(want[i]));
		assert_memory_equal(
		    s + wl.v[i].start, want[i], strlen(want[i]));
		assert_true(wl.v[i].width <= (i == 0 ? 8 : 4));
	}
	wrap_lines_free(&wl);
}

static void
expect(const char *s, int width, int amb, const char *want)
{
	char *got = wrapped(s, width, amb);

	assert_string_equal(got, want);
	free(got);
}

/* Like expect() for an input checked at every width in [lo, hi]: no line
 * wider than the width, and the non-space bytes all kept in order. */
static void
check_widths(const char *s, int lo, int hi, int amb)
{
	struct wrap_lines wl = {0};
	size_t n = strlen(s), i;
	int w;

	for (w = lo; w <= hi; w++) {
		char *kept = malloc(n + 1), *want = malloc(n + 1);
		size_t k = 0, m = 0;

		wrap_text(s, n, w, amb, &wl);
		for (i = 0; i < wl.n; i++) {
			size_t b;

			assert_true(wl.v[i].width <= w);
			for (b = wl.v[i].start; b < wl.v[i].end; b++)
				if (s[b] != ' ')
					kept[k++] = s[b];
		}
		for (i = 0; i < n; i++)
			if (s[i] != ' ' && s[i] != '\n')
				want[m++] = s[i];
		kept[k] = want[m] = '\0';
		assert_string_equal(kept, want);
		free(kept);
		free(want);
	}
	wrap_lines_free(&wl);
}

static void
test_wrap_latin(void **state)
{
	(void)state;
	expect("the quick brown fox", 10, 1, "the quick|brown fox");
	/* Spaces at a break are dropped, a space run inside is kept. */
	expect("aaa   bbb", 5, 1, "aaa|bbb");
	expect("aaa  bb", 10, 1, "aaa  bb");
	expect("", 10, 1, "");
	/* A hard break is a new line; an empty line is kept. */
	expect("ab\n\ncd", 10, 1, "ab||cd");
	check_widths("The quick brown fox jumps over the lazy dog.", 1, 50, 1);
}

static void
test_wrap_japanese(void **state)
{
	(void)state;
	/* Unspaced Japanese breaks between any two ideographs or kana. */
	expect("アカウントを作成します", 10, 1, "アカウント|を作成しま|す");
	/* 。 never starts a line: the break moves one character back. */
	expect("作成しました。", 12, 1, "作成しまし|た。");
	/* 「 never ends a line. */
	expect("ああああ「いい」", 10, 1, "ああああ|「いい」");
}

/* ～ (U+FF5E): libunistring allows a break before it; we do not. */
static void
test_wrap_wave_dash(void **state)
{
	(void)state;
	expect("あいうえお～かきくけこ", 10, 1, "あいうえ|お～かきく|けこ");
}

/* Full-width numbers stay whole: １，２８０ / ３．１４ / ＃１２. */
static void
test_wrap_fullwidth_numbers(void **state)
{
	(void)state;
	expect("価格は１，２８０円です", 10, 1, "価格は|１，２８０|円です");
	expect("円周率は３．１４です", 12, 1, "円周率は|３．１４です");
	expect("問題＃１２の件", 8, 1, "問題|＃１２の|件");
	expect("料金は１００％です", 10, 1, "料金は|１００％で|す");
}

/* Runs of ambiguous symbols may break between characters. */
static void
test_wrap_ambiguous_runs(void **state)
{
	(void)state;
	expect("ab ①②③④⑤⑥", 6, 1, "ab ①②③|④⑤⑥");
	expect("ab ※※※※※※", 6, 1, "ab ※※※|※※※");
	expect("ab ──────", 6, 1, "ab ───|───");
	/* The same with ambiguous = 2: each symbol is two columns. */
	expect("①②③④⑤⑥", 6, 2, "①②③|④⑤⑥");
}

static void
test_wrap_kinsoku_everywhere(void **state)
{
	static const char *const texts[] = {
	    "アカウントを作成しました。請求書は「請求ダッシュボード」から"
	    "ダウンロードできます。ちょっと待ってください、ジョブキュー"
	    "（ジョブ）が「完了」になるまで、しばらくお待ちください。",
	    "ユーザー、グループ、ロール・ポリシー『設定』（オプション）。",
	};
	static const char *const nostart[] = {"。", "、", "」", "』", "）",
	    "・", "ー", "ょ", "ゃ", "っ", "ュ", "ョ", "ッ", NULL};
	static const char *const noend[] = {"「", "『", "（", NULL};
	struct wrap_lines wl = {0};
	size_t t, i, k;
	int w;

	(void)state;
	for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t n = strlen(s);

		/* From 6: ちょっ (no break inside) needs 6 columns. */
		for (w = 6; w <= 60; w++) {
			wrap_text(s, n, w, 1, &wl);
			for (i = 0; i < wl.n; i++) {
				const char *a = s + wl.v[i].start;
				size_t len = wl.v[i].end - wl.v[i].start;

				assert_true(wl.v[i].width <= w);
				for (k = 0; nostart[k] != NULL && i > 0; k++)
					if (strncmp(a, nostart[k], 3) == 0)
						fail_msg("width %d line %zu "
						         "starts with %s",
						    w, i, nostart[k]);
				for (k = 0; noend[k] != NULL; k++)
					if (len >= 3 && strncmp(a + len - 3,
					                    noend[k], 3) == 0)
						fail_msg("width %d line %zu "
						         "ends with %s",
						    w, i, noend[k]);
			}
		}
		check_widths(s, 2, 60, 1);
		check_widths(s, 2, 60, 2);
	}
	wrap_lines_free(&wl);
}

/* 24 × ※ is wider than the line: broken at a cluster boundary, never
 * over 20 columns (libunistring alone gives one 24-column line). */
static void
test_wrap_emergency_kome(void **state)
{
	char s[24 * 3 + 1];
	int i;

	(void)state;
	for (i = 0; i < 24; i++)
		memcpy(s + 3 * i, "※", 3);
	s[72] = '\0';
	expect(s, 20, 1, "※※※※※※※※※※※※※※※※※※※※|※※※※");
	expect(s, 20, 2, "※※※※※※※※※※|※※※※※※※※※※|※※※※");
}

/* A 300-character URL at 80 columns: split, nothing lost, fits. */
static void
test_wrap_long_url(void **state)
{
	char url[400], text[500];
	struct wrap_lines wl = {0};
	size_t i, n;
	int len;

	(void)state;
	len = snprintf(url, sizeof url, "https://docs.aws.amazon.com/");
	for (; len < 300; len++)
		url[len] = "abcdefghij0123456789-_/"[len % 23];
	url[len] = '\0';
	n = (size_t)snprintf(text, sizeof text, "詳しくは %s を参照。", url);
	wrap_text(text, n, 80, 1, &wl);
	assert_true(wl.n >= 4);
	for (i = 0; i < wl.n; i++)
		assert_true(wl.v[i].width <= 80);
	wrap_lines_free(&wl);
	check_widths(text, 2, 100, 1);
}

/* Grapheme clusters are never split, whatever the width. */
static void
test_wrap_clusters(void **state)
{
	(void)state;
	/* か + U+3099 (combining dakuten). */
	expect("かか\xE3\x82\x99か", 3, 1, "か|か\xE3\x82\x99|か");
	expect("かか\xE3\x82\x99か", 4, 1, "かか\xE3\x82\x99|か");
	expect("かか\xE3\x82\x99", 2, 1, "か|か\xE3\x82\x99");
	/* Half-width ｶ + ﾞ is one cluster of two columns. */
	expect("ｱｲｶﾞ", 3, 1, "ｱｲ|ｶﾞ");
	/* e + combining acute. */
	expect("cafe\xCC\x81 ok", 4, 1, "cafe\xCC\x81|ok");
	/* A flag is two regional indicators. */
	expect("ab🇯🇵", 3, 1, "ab|🇯🇵");
	expect("🇯🇵🇯🇵", 2, 1, "🇯🇵|🇯🇵");
	/* A ZWJ family: width 6 by the code points, never split. */
	expect("abcd👨‍👩‍👧", 10, 1, "abcd👨‍👩‍👧");
	expect("abcd👨‍👩‍👧", 8, 1, "abcd|👨‍👩‍👧");
	expect("ab👨‍👩‍👧cd", 7, 1, "ab|👨‍👩‍👧|cd");
	check_widths("か\xE3\x82\x99ｶﾞ🇯🇵👨‍👩‍👧e\xCC\x81",
	    6, 30, 1);
	/* A spacing mark (width 1) inside a word wider than the line: the
	 * emergency break still lands between clusters. */
	expect("कििकिकि", 3, 1, "किि|कि|कि");
	expect("किकिकिकि", 3, 1, "कि|कि|कि|कि");
	/* A space followed by a mark is one cluster, and not a space: the
	 * mark must not be dropped with the space at a break. */
	check_widths("あいう　ﾞえお ﾞか ﾞ", 3, 20, 1);
	check_widths("あいう　ﾞえお ﾞか ﾞ", 3, 20, 2);
}

/* Width 1 and 2: a cluster wider than the line is alone on its line (the
 * documented exception); nothing else overflows. */
static void
test_wrap_tiny(void **state)
{
	(void)state;
	expect("abc", 1, 1, "a|b|c");
	expect("あいう", 1, 1, "あ|い|う");
	expect("あいう", 2, 1, "あ|い|う");
	expect("aあb", 2, 1, "a|あ|b");
	expect("a b", 1, 1, "a|b");
	expect("  あ", 1, 1, "あ");
	expect("①②", 1, 2, "①|②");
	check_widths("Aあ①ｶﾞ、。「x」 y", 2, 20, 1);
}

static void
test_wrap_hard(void **state)
{
	struct wrap_lines wl = {0};
	const char *s = "int x = 0;\tあいうえお";
	size_t n = strlen(s);

	(void)state;
	/* Pieces of 7 columns, the last may take 8 (room for a mark). */
	wrap_hard("abcdefghijklmnop", 16, 7, 8, 1, &wl);
	assert_int_equal(wl.n, 3);
	assert_int_equal(wl.v[0].end, 7);
	assert_int_equal(wl.v[1].end, 14);
	assert_int_equal(wl.v[2].end, 16);
	wrap_hard("abcdefgh", 8, 7, 8, 1, &wl);
	assert_int_equal(wl.n, 1);
	/* Wide characters never straddle a piece boundary. */
	wrap_hard("あいうえお", strlen("あいうえお"), 3, 3, 1, &wl);
	assert_int_equal(wl.n, 5);
	assert_int_equal(wl.v[0].width, 2);
	/* Spaces are kept: code keeps every byte. */
	wrap_hard(s, n, 5, 5, 1, &wl);
	assert_int_equal(wl.v[wl.n - 1].end, n);
	assert_int_equal(wl.v[0].end, 5);
	assert_int_equal(wl.v[1].start, 5);
	wrap_lines_free(&wl);
}

static void
test_wrap_softbreak(void **state)
{
	(void)state;
	assert_true(wrap_softbreak_joins(0x3059, 0x3067)); /* す で */
	assert_true(wrap_softbreak_joins(0x3002, 0x4ECA)); /* 。 今 */
	assert_false(wrap_softbreak_joins('a', 'b'));
	assert_false(wrap_softbreak_joins(0x3059, 'A'));
	assert_false(wrap_softbreak_joins('.', 0x3042));
}

/*
 * Bytes that are not UTF-8.  The wrapper gets sanitised text, but reads
 * any bytes as utf8.h does: a truncated four-byte character is one U+FFFD
 * of one column, a stray continuation byte a U+FFFD of its own.  Before
 * utf8.h it counted one U+FFFD per byte (F0 9F 98 was three columns, alone
 * on a line of width 1) and put a stray byte into the cluster before it.
 */
static void
test_wrap_invalid_bytes(void **state)
{
	struct wrap_lines wl = {0};

	(void)state;
	check_widths("\xF0\x9F\x98\xF0\x9F\x98", 1, 4, 1);
	expect("\xF0\x9F\x98\xF0\x9F\x98", 1, 1, "\xF0\x9F\x98|\xF0\x9F\x98");
	expect("\xE3\x81\x82\x80\xE3\x81\x82", 2, 1,
	    "\xE3\x81\x82|\x80|\xE3\x81\x82");
	wrap_hard("\xF0\x9F\x98\xF0\x9F\x98", 6, 1, 1, 1, &wl);
	assert_int_equal(wl.n, 2);
	assert_int_equal(wl.v[0].end, 3);
	assert_int_equal(wl.v[0].width, 1);
	assert_int_equal(wl.v[1].width, 1);
	wrap_lines_free(&wl);
}

/*
 * Checks the lines of s[0..n) at width w against utf8.h: each starts and
 * ends on a character boundary, is as wide as width_str() says, comes
 * after the one before, and is no wider than w unless it is one grapheme
 * cluster (no boundary k inside where libunistring's gb[k] allows a
 * break).  With drop, what no line covers is whole
 * characters that are spaces or '\n'; without, every byte is covered.
 */
static void
check_lines(const char *s, size_t n, const struct wrap_lines *wl, int w,
    const char *gb, int drop)
{
	unsigned char isb[128], cov[128];
	size_t i, k, p;
	uint32_t c;

	memset(isb, 0, sizeof isb);
	memset(cov, 0, sizeof cov);
	for (k = 0; k < n;) {
		isb[k] = 1;
		(void)utf8_next(s, n, &k);
	}
	isb[n] = 1;
	for (i = 0; i < wl->n; i++) {
		size_t a = wl->v[i].start, b = wl->v[i].end;

		assert_true(a <= b && b <= n && isb[a] && isb[b]);
		assert_true(i == 0 || a >= wl->v[i - 1].end);
		assert_int_equal(wl->v[i].width, width_str(s + a, b - a, 1));
		if (wl->v[i].width > w)
			for (k = a + 1; k < b; k++)
				if (isb[k] && gb[k])
					fail_msg("line %zu [%zu, %zu) is %d "
					         "wide at %d, a break at %zu",
					    i, a, b, wl->v[i].width, w, k);
		memset(cov + a, 1, b - a);
	}
	for (k = 0; k < n;) {
		p = k;
		c = utf8_next(s, n, &k);
		if (cov[p])
			continue;
		assert_true(drop);
		assert_true(c == ' ' || c == '\n' || c == 0x3000);
		for (; p < k; p++)
			assert_false(cov[p]);
	}
}

/*
 * Random bytes from the edges of utf8.h's rule (truncations, overlongs,
 * surrogates, stray continuations, above U+10FFFF) with kana, spaces and
 * U+3000: wrap_text() and wrap_hard() step over them as utf8.h does.
 */
static void
test_wrap_random_bytes(void **state)
{
	static const unsigned char pool[] = {'a', 'b', ' ', ' ', '\n', 0x80,
	    0x81, 0x82, 0x98, 0x9F, 0xA0, 0xBF, 0xC2, 0xE0, 0xE3, 0xE3, 0xE3,
	    0xED, 0xF0, 0xF4, 0x90, 0xFF, 0xCC};
	static const int widths[] = {1, 2, 3, 5, 8};
	struct wrap_lines wl = {0};
	char s[64], gb[64];
	unsigned seed = 3;
	size_t it, n, i, j;

	(void)state;
	for (it = 0; it < 20000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % sizeof s;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (char)pool[(seed >> 16) % sizeof pool];
		}
		for (j = 0; j < sizeof widths / sizeof widths[0]; j++) {
			int w = widths[j];

			wrap_text(s, n, w, 1, &wl);
			/* an over-wide line is a cluster alone, found from
			 * its own start */
			for (i = 0; i < wl.n; i++)
				if (wl.v[i].width > w) {
					size_t a = wl.v[i].start;

					u8_grapheme_breaks(
					    (const uint8_t *)s + a,
					    wl.v[i].end - a, gb + a);
				}
			check_lines(s, n, &wl, w, gb, 1);
			if (memchr(s, '\n', n) != NULL)
				continue;
			u8_grapheme_breaks((const uint8_t *)s, n, gb);
			wrap_hard(s, n, w, w, 1, &wl);
			check_lines(s, n, &wl, w, gb, 0);
		}
	}
	wrap_lines_free(&wl);
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Wrapping is linear in the text: runs of characters that are neither
 * ASCII nor CJK (U+FFFD, Cyrillic, emoji with a modifier) once made every
 * line look ahead to the end of the paragraph.  400 000 of each took 20 s
 * and more; linear, they take a few milliseconds (the bound leaves room
 * for a slow shared machine and the sanitizer build). */
static void
test_wrap_linear(void **state)
{
	static const char *const runs[] = {"\xEF\xBF\xBD", "\xD0\x96",
	    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "e\xCC\x81", "\xD0\x96 "};
	size_t r, i, n = 400000;

	(void)state;
	for (r = 0; r < sizeof runs / sizeof runs[0]; r++) {
		size_t k = strlen(runs[r]);
		char *s = malloc(n * k);
		struct wrap_lines wl = {0};
		double t0;

		assert_non_null(s);
		for (i = 0; i < n; i++)
			memcpy(s + i * k, runs[r], k);
		t0 = now();
		wrap_text(s, n * k, 80, 2, &wl);
		assert_true(wl.n >= n / 80);
		assert_true(now() - t0 < 1.5);
		wrap_lines_free(&wl);
		free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_wrap_latin),
	    cmocka_unit_test(test_wrap_hang),
	    cmocka_unit_test(test_wrap_japanese),
	    cmocka_unit_test(test_wrap_wave_dash),
	    cmocka_unit_test(test_wrap_fullwidth_numbers),
	    cmocka_unit_test(test_wrap_ambiguous_runs),
	    cmocka_unit_test(test_wrap_kinsoku_everywhere),
	    cmocka_unit_test(test_wrap_emergency_kome),
	    cmocka_unit_test(test_wrap_long_url),
	    cmocka_unit_test(test_wrap_clusters),
	    cmocka_unit_test(test_wrap_tiny),
	    cmocka_unit_test(test_wrap_hard),
	    cmocka_unit_test(test_wrap_softbreak),
	    cmocka_unit_test(test_wrap_invalid_bytes),
	    cmocka_unit_test(test_wrap_random_bytes),
	    cmocka_unit_test(test_wrap_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
