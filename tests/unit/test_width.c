/* test_width.c - the width oracle agrees with what ncursesw draws. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "sanitize.h"
#include "utf8.h"
#include "width.h"

/* Every code point: equal to glibc wcwidth() under C.UTF-8 wherever
 * wcwidth knows the character; 1 or 2 (never 0 or -1) where it does not;
 * controls 1 (width.h). */
static void
test_width_matches_wcwidth(void **state)
{
	uint32_t c;
	long bad = 0;

	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		skip();
	for (c = 0; c < 0x110000; c++) {
		int w, mine;

		if (c >= 0xD800 && c < 0xE000)
			continue;
		w = wcwidth((wchar_t)c);
		mine = width_char(c, 1);
		/* Controls: a one-column placeholder, whatever wcwidth says. */
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			w = 1;
		if (w >= 0 ? mine != w : (mine != 1 && mine != 2)) {
			if (bad++ < 10)
				print_error(
				    "U+%04X: wcwidth %d, width_char %d\n",
				    (unsigned)c, w, mine);
		}
	}
	assert_int_equal(bad, 0);
}

/* The inline fast path of width_char() agrees with the oracle
 * everywhere. */
static void
test_width_fast_path(void **state)
{
	uint32_t c;
	int amb;

	(void)state;
	for (amb = 1; amb <= 2; amb++)
		for (c = 0; c < 0x110000; c++)
			if (width_char(c, amb) != width_char_lookup(c, amb))
				fail_msg("U+%04X ambiguous %d: %d != %d",
				    (unsigned)c, amb, width_char(c, amb),
				    width_char_lookup(c, amb));
}

/* The answer must not depend on the locale the program runs in. */
static void
test_width_locale_independent(void **state)
{
	static const uint32_t cps[] = {'a', 0x3042, 0x203B, 0x2460, 0xFF21,
	    0x0301, 0x3248, 0x1F600, 0x00AD};
	int before[sizeof cps / sizeof cps[0]];
	size_t i;

	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++)
		before[i] = width_char(cps[i], 1);
	setlocale(LC_ALL, "C");
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++)
		assert_int_equal(width_char(cps[i], 1), before[i]);
}

static void
test_width_ambiguous(void **state)
{
	(void)state;
	/* ※ ① ─ → ○ ” are East Asian Ambiguous: 1 by default, 2 on request. */
	assert_int_equal(width_char(0x203B, 1), 1);
	assert_int_equal(width_char(0x203B, 2), 2);
	assert_int_equal(width_char(0x2460, 2), 2);
	assert_int_equal(width_char(0x2500, 2), 2);
	assert_int_equal(width_char(0x2192, 2), 2);
	assert_int_equal(width_char(0x25CB, 2), 2);
	assert_int_equal(width_char(0x201D, 2), 2);
	/* Not ambiguous: stays as it is (uc_width with "EUC-JP" would widen
	 * ¢ and half-width katakana). */
	assert_int_equal(width_char(0x00A2, 2), 1);
	assert_int_equal(width_char(0xFF76, 2), 1);
	assert_int_equal(width_char('a', 2), 1);
	assert_int_equal(width_char(0x3042, 2), 2);
	/* Combining marks stay zero-width, even ambiguous ones. */
	assert_int_equal(width_char(0x0301, 2), 0);
	assert_int_equal(width_char(0x3099, 2), 0);
}

static void
test_width_str(void **state)
{
	const char *s = "AWSアカウント※①";

	(void)state;
	assert_int_equal(width_str(s, strlen(s), 1), 3 + 10 + 2);
	assert_int_equal(width_str(s, strlen(s), 2), 3 + 10 + 4);
	/* か + combining dakuten: one cell pair. */
	assert_int_equal(width_str("\xE3\x81\x8B\xE3\x82\x99", 6, 1), 2);
	/* Half-width ｶﾞ is two cells, as the terminal draws it. */
	assert_int_equal(width_str("ｶﾞ", strlen("ｶﾞ"), 1), 2);
	assert_int_equal(width_str("", 0, 1), 0);
	/* Broken UTF-8 counts as U+FFFD, one column per invalid character
	 * (a maximal subpart, utf8.h), as sanitize_text() replaces it. */
	assert_int_equal(width_str("\xE3\x81", 2, 1), 1);
	/* Controls, should any slip through, are one-column placeholders. */
	assert_int_equal(width_char(0x1B, 1), 1);
	assert_int_equal(width_char(0x9B, 1), 1);
}

/*
 * width_str() reads invalid bytes as sanitize_text() does (utf8.h): a
 * string is as wide before sanitising as after.  It used to count one
 * U+FFFD per byte where sanitize_text() puts one per broken character.
 */
static void
test_width_str_invalid(void **state)
{
	static const char *const bad[] = {"\xE3\x81", "\xE3\x81z",
	    "\xF0\x9F\x98", "\xF0\x9F\x98\xE3\x81\x82", "\xED\xA0\x80",
	    "\xE0\x80\xAF", "\xC0\xAF", "\xF4\x90\x80\x80", "\x80\xBF",
	    "a\xEF\xBF"};
	size_t i, n, cn;
	char *clean;
	int amb;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		n = strlen(bad[i]);
		clean = sanitize_text(bad[i], n, &cn, NULL, NULL);
		for (amb = 1; amb <= 2; amb++)
			if (width_str(bad[i], n, amb) !=
			    width_str(clean, cn, amb))
				fail_msg("case %zu ambiguous %d: %d, "
				         "sanitised %d",
				    i, amb, width_str(bad[i], n, amb),
				    width_str(clean, cn, amb));
		free(clean);
	}
	/* three bytes of a four-byte character: one U+FFFD */
	assert_int_equal(width_str("\xF0\x9F\x98", 3, 1), 1);
	assert_int_equal(width_str("\xF0\x9F\x98", 3, 2), 2);
	/* a surrogate: three invalid bytes, as before */
	assert_int_equal(width_str("\xED\xA0\x80", 3, 1), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_width_matches_wcwidth),
	    cmocka_unit_test(test_width_locale_independent),
	    cmocka_unit_test(test_width_fast_path),
	    cmocka_unit_test(test_width_ambiguous),
	    cmocka_unit_test(test_width_str),
	    cmocka_unit_test(test_width_str_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
