/* test_utf8.c - the one decoder against the maximal-subpart rule written out
 * from its definition, libunistring on valid text, and stepping back
 * against stepping forward. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include <unistr.h>

#include "utf8.h"

/* Whether s[0..k) is exactly one well-formed character, by the bit
 * patterns and the three rules (shortest form, no surrogate, at most
 * U+10FFFF) rather than by utf8.h's table of byte ranges. */
static int
ref_whole(const unsigned char *s, size_t k, uint32_t *cp)
{
	static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t len, i;
	uint32_t v;

	if (s[0] < 0x80)
		len = 1, v = s[0];
	else if ((s[0] & 0xE0) == 0xC0)
		len = 2, v = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, v = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, v = s[0] & 0x07;
	else
		return 0;
	if (len != k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return 1;
}

/* Whether s[0..k) (k >= 2) is the start of some well-formed character:
 * tried with the lowest and the highest continuation byte for the rest
 * (the limits of the rules fall on multiples of 64, so no byte after the
 * second decides). */
static int
ref_start(const unsigned char *s, size_t k)
{
	unsigned char buf[4];
	size_t len, j;
	unsigned fill;
	uint32_t cp;

	for (len = k + 1; len <= 4; len++)
		for (fill = 0x80; fill <= 0xBF; fill += 0x3F) {
			memcpy(buf, s, k);
			for (j = k; j < len; j++)
				buf[j] = (unsigned char)fill;
			if (ref_whole(buf, len, &cp))
				return 1;
		}
	return 0;
}

/* The rule of utf8.h from its definition. */
static size_t
ref_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t k;

	for (k = 1; k <= 4 && k <= n; k++)
		if (ref_whole(s, k, cp))
			return k;
	*cp = UTF8_BAD;
	for (k = n < 3 ? n : 3; k > 1; k--)
		if (ref_start(s, k))
			return k;
	return 1;
}

static void
check_like_ref(const unsigned char *s, size_t n)
{
	uint32_t got, rule, want;
	size_t gl = utf8_decode((const char *)s, n, &got);
	size_t rl = utf8_decode_rule((const char *)s, n, &rule);
	size_t wl = ref_decode(s, n, &want);

	if (gl != wl || got != want || rl != wl || rule != want)
		fail_msg("%02X %02X %02X %02X (n %zu): utf8_decode %zu U+%04X, "
		         "utf8_decode_rule %zu U+%04X, definition %zu U+%04X",
		    s[0], n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0,
		    n, gl, (unsigned)got, rl, (unsigned)rule, wl,
		    (unsigned)want);
}

/* Every first and second byte, the third and fourth from each class of
 * bytes, every length the text may end at. */
static void
test_decode_matches_rule(void **state)
{
	static const unsigned char tail3[] = {
	    0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xE3, 0xFF};
	static const unsigned char tail4[] = {0x41, 0x80, 0xBF, 0xC2, 0xF4};
	unsigned char s[4];
	unsigned b0, b1;
	size_t i, j, n;

	(void)state;
	for (b0 = 0; b0 < 256; b0++)
		for (b1 = 0; b1 < 256; b1++)
			for (i = 0; i < sizeof tail3; i++)
				for (j = 0; j < sizeof tail4; j++) {
					s[0] = (unsigned char)b0;
					s[1] = (unsigned char)b1;
					s[2] = tail3[i];
					s[3] = tail4[j];
					for (n = 1; n <= 4; n++)
						check_like_ref(s, n);
				}
}

/* The inline fast path of utf8_decode() (ASCII, three bytes without a
 * range check) reads every string of three bytes, cut at every length, as
 * the whole rule does; utf8_next() steps as utf8_decode() reads. */
static void
test_fast_path_matches_rule(void **state)
{
	char s[4] = {'x'};
	uint32_t want, got, next;
	unsigned b;
	size_t n, i, len;

	(void)state;
	for (b = 0; b < 1u << 24; b++) {
		s[1] = (char)(b >> 16);
		s[2] = (char)(b >> 8);
		s[3] = (char)b;
		for (n = 2; n <= 4; n++) {
			len = utf8_decode_rule(s + 1, n - 1, &want);
			i = 1;
			next = utf8_next(s, n, &i);
			if (utf8_decode(s + 1, n - 1, &got) != len ||
			    got != want || i != 1 + len ||
			    next != (want == UTF8_BAD ? 0xFFFD : want))
				fail_msg("%06X (n %zu): utf8_decode U+%04X, "
				         "utf8_next %zu U+%04X, rule %zu "
				         "U+%04X",
				    b, n - 1, (unsigned)got, i - 1,
				    (unsigned)next, len, (unsigned)want);
		}
	}
}

struct example {
	const char *s;
	size_t lens[8]; /* the characters utf8_next() steps over, 0-ended */
	uint32_t cps[8];
};

/* utf8.h's examples and the cases the old decoders of the program read
 * differently: overlongs, surrogates, truncation, above U+10FFFF. */
static void
test_decode_examples(void **state)
{
	static const struct example ex[] = {
	    {"\xE3\x81\x41", {2, 1}, {0xFFFD, 'A'}},
	    {"\xED\xA0\x80", {1, 1, 1}, {0xFFFD, 0xFFFD, 0xFFFD}},
	    {"\xED\x9F\xBF", {3}, {0xD7FF}},
	    {"\xEE\x80\x80", {3}, {0xE000}},
	    {"\xE0\x80\xAF", {1, 1, 1}, {0xFFFD, 0xFFFD, 0xFFFD}},
	    {"\xE0\xA0\x80", {3}, {0x800}},
	    {"\xC0\xAF", {1, 1}, {0xFFFD, 0xFFFD}},
	    {"\xC1\xBF", {1, 1}, {0xFFFD, 0xFFFD}},
	    {"\xC2\x80", {2}, {0x80}},
	    {"\xF0\x80\x80\xAF", {1, 1, 1, 1},
	        {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},
	    {"\xF0\x90\x80\x80", {4}, {0x10000}},
	    {"\xF0\x9F\x98", {3}, {0xFFFD}},
	    {"\xF0\x9F\x98\x80", {4}, {0x1F600}},
	    {"\xF4\x8F\xBF\xBF", {4}, {0x10FFFF}},
	    {"\xF4\x90\x80\x80", {1, 1, 1, 1},
	        {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},
	    {"\xF5\x80\x80\x80", {1, 1, 1, 1},
	        {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},
	    {"\xFF\xFE", {1, 1}, {0xFFFD, 0xFFFD}},
	    {"\x80\xBF", {1, 1}, {0xFFFD, 0xFFFD}},
	    {"\xE3\x81\x82\x80", {3, 1}, {0x3042, 0xFFFD}},
	    {"\xEF\xBF\xBD", {3}, {0xFFFD}}, /* a real U+FFFD */
	    {"\xE3\xE3\x81\x82", {1, 3}, {0xFFFD, 0x3042}},
	};
	size_t e, i, k, start, n;
	uint32_t c;

	(void)state;
	for (e = 0; e < sizeof ex / sizeof ex[0]; e++) {
		n = strlen(ex[e].s);
		i = 0;
		for (k = 0; ex[e].lens[k] != 0; k++) {
			start = i;
			c = utf8_next(ex[e].s, n, &i);
			if (i - start != ex[e].lens[k] || c != ex[e].cps[k])
				fail_msg(
				    "example %zu, character %zu: %zu bytes "
				    "U+%04X",
				    e, k, i - start, (unsigned)c);
		}
		assert_int_equal(i, n);
		assert_int_equal(utf8_count(ex[e].s, n), k);
	}
	/* the sentinel tells an invalid character from a real U+FFFD */
	assert_int_equal(utf8_decode("\xEF\xBF\xBD", 3, &c), 3);
	assert_int_equal(c, 0xFFFD);
	assert_int_equal(utf8_decode("\xEF\xBF", 2, &c), 2);
	assert_int_equal(c, UTF8_BAD);
}

/* On well-formed text, every code point: libunistring decodes and encodes
 * the same. */
static void
test_valid_like_libunistring(void **state)
{
	uint8_t lib[8];
	char mine[4];
	uint32_t c, got;
	ucs4_t uc;
	int ln;

	(void)state;
	for (c = 0; c < 0x110000; c++) {
		if (c >= 0xD800 && c < 0xE000)
			continue;
		ln = u8_uctomb(lib, c, sizeof lib);
		assert_int_equal(utf8_encode(c, mine), (size_t)ln);
		assert_memory_equal(mine, lib, (size_t)ln);
		assert_int_equal(utf8_decode(mine, (size_t)ln, &got), ln);
		assert_int_equal(got, c);
		assert_int_equal(u8_mbtouc(&uc, lib, (size_t)ln), ln);
		assert_int_equal(uc, c);
	}
	/* what is not a code point is written as U+FFFD */
	assert_int_equal(utf8_encode(0xD800, mine), 3);
	assert_memory_equal(mine, "\xEF\xBF\xBD", 3);
	assert_int_equal(utf8_encode(0x110000, mine), 3);
	assert_memory_equal(mine, "\xEF\xBF\xBD", 3);
	assert_int_equal(utf8_encode(UTF8_BAD, mine), 3);
}

/* Random bytes, biased to leads, continuations and the edges of the
 * rules: stepping back from the end finds exactly the boundaries of
 * stepping forward, with the same characters; the valid prefix is where
 * libunistring's u8_check() stops. */
static void
test_back_matches_forward(void **state)
{
	static const unsigned char pool[] = {'a', ' ', 0x7F, 0x80, 0x81, 0x8F,
	    0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE3, 0xED,
	    0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xE3, 0x81, 0x82};
	unsigned seed = 9;
	char buf[64];
	size_t bound[65];
	uint32_t cps[65];
	size_t it, n, i, k, nb;
	const uint8_t *bad;

	(void)state;
	for (it = 0; it < 200000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % sizeof buf;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (char)pool[(seed >> 16) % sizeof pool];
		}
		nb = 0;
		for (i = 0; i < n;) {
			bound[nb] = i;
			cps[nb++] = utf8_next(buf, n, &i);
		}
		assert_int_equal(utf8_count(buf, n), nb);
		for (i = n, k = nb; i > 0;) {
			uint32_t c = utf8_prev(buf, 0, &i);

			assert_true(k > 0);
			k--;
			if (i != bound[k] || c != cps[k])
				fail_msg("iteration %zu: back to %zu U+%04X, "
				         "forward %zu U+%04X",
				    it, i, (unsigned)c, bound[k],
				    (unsigned)cps[k]);
		}
		assert_int_equal(k, 0);
		bad = u8_check((const uint8_t *)buf, n);
		assert_int_equal(utf8_valid_len(buf, n),
		    bad == NULL ? n : (size_t)(bad - (const uint8_t *)buf));
	}
}

/* Stepping back stops at start, and reads the text as if it ended at the
 * position it steps back from. */
static void
test_prev_limits(void **state)
{
	const char *s = "\xE3\x81\x82\xE3\x81\x84";
	size_t i;

	(void)state;
	i = 6;
	assert_int_equal(utf8_prev(s, 0, &i), 0x3044);
	assert_int_equal(i, 3);
	i = 5; /* inside い: its first two bytes, cut */
	assert_int_equal(utf8_prev(s, 0, &i), 0xFFFD);
	assert_int_equal(i, 3);
	i = 6; /* start inside い: its continuations stand alone */
	assert_int_equal(utf8_prev(s, 4, &i), 0xFFFD);
	assert_int_equal(i, 5);
	i = 2;
	assert_int_equal(utf8_prev(s, 0, &i), 0xFFFD);
	assert_int_equal(i, 0);
	/* four continuation bytes: the last stands alone */
	i = 5;
	assert_int_equal(utf8_prev("\xE3\x80\x80\x80\x80", 0, &i), 0xFFFD);
	assert_int_equal(i, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode_matches_rule),
	    cmocka_unit_test(test_fast_path_matches_rule),
	    cmocka_unit_test(test_decode_examples),
	    cmocka_unit_test(test_valid_like_libunistring),
	    cmocka_unit_test(test_back_matches_forward),
	    cmocka_unit_test(test_prev_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
