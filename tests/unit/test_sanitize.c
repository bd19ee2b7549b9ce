/* test_sanitize.c - every cleaning rule of sanitize.h, with the offsets it
 * reports. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "sanitize.h"
#include "utf8.h"

#define FFFD "\xef\xbf\xbd"

struct reports {
	size_t off[16];
	const char *what[16];
	size_t n;
};

static void
collect(void *ctx, size_t off, const char *what)
{
	struct reports *r = ctx;

	if (r->n < 16) {
		r->off[r->n] = off;
		r->what[r->n] = what;
	}
	r->n++;
}

/* Sanitises s[0..n), checks the result is want, returns the reports. */
static struct reports
check_n(const char *s, size_t n, const char *want)
{
	struct reports r;
	size_t outlen = 12345;
	char *out;

	memset(&r, 0, sizeof r);
	out = sanitize_text(s, n, &outlen, collect, &r);
	assert_non_null(out);
	assert_string_equal(out, want);
	assert_int_equal(outlen, strlen(want));
	assert_true(outlen <= 3 * n + 1);
	free(out);
	return r;
}

static struct reports
check(const char *s, const char *want)
{
	return check_n(s, strlen(s), want);
}

static void
test_clean_text_unchanged(void **state)
{
	struct reports r;
	const char *s = "請求書は\tコンソールで。\nAWS ａｂｃ "
	                "👨‍👩‍👧 "
	                "e\xcc\x81";

	(void)state;
	r = check(s, s);
	assert_int_equal(r.n, 0);
	assert_int_equal(sanitize_clean_len(s, strlen(s)), strlen(s));
	r = check("", "");
	assert_int_equal(r.n, 0);
}

static void
test_invalid_utf8(void **state)
{
	struct reports r;

	(void)state;
	/* a lone continuation byte */
	r = check("a\x80z", "a" FFFD "z");
	assert_int_equal(r.n, 1);
	assert_int_equal(r.off[0], 1);
	assert_string_equal(r.what[0], "invalid UTF-8");
	/* overlong encodings of '/' */
	r = check("\xc0\xaf|\xe0\x80\xaf|\xf0\x80\x80\xaf",
	    FFFD FFFD "|" FFFD FFFD FFFD "|" FFFD FFFD FFFD FFFD);
	assert_int_equal(r.off[0], 0);
	/* a surrogate half (U+D800) */
	r = check("x\xed\xa0\x80y", "x" FFFD FFFD FFFD "y");
	assert_int_equal(r.off[0], 1);
	/* above U+10FFFF, and bytes that never occur */
	r = check("\xf4\x90\x80\x80\xf5\xff", FFFD FFFD FFFD FFFD FFFD FFFD);
	/* truncated in the middle and at the end: one U+FFFD per broken
	 * character */
	r = check("\xe3\x81z\xe3\x81", FFFD "z" FFFD);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.off[0], 0);
	assert_int_equal(r.off[1], 3);
}

static void
test_nul(void **state)
{
	struct reports r;

	(void)state;
	r = check_n("a\0b\0", 4, "a" FFFD "b" FFFD);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.off[0], 1);
	assert_int_equal(r.off[1], 3);
	assert_string_equal(r.what[0], "NUL byte");
}

static void
test_line_endings(void **state)
{
	struct reports r;

	(void)state;
	r = check("a\r\nb\rc\n\r\n", "a\nb\nc\n\n");
	assert_int_equal(r.n, 0);
	r = check("\r", "\n");
	assert_int_equal(r.n, 0);
}

static void
test_csi(void **state)
{
	struct reports r;

	(void)state;
	r = check("\x1b[31mred\x1b[0m plain \x1b[?1049h", "red plain ");
	assert_int_equal(r.n, 3);
	assert_int_equal(r.off[0], 0);
	assert_int_equal(r.off[1], 8);
	assert_string_equal(r.what[0], "escape sequence removed");
	/* cut short at the end of the text */
	r = check("x\x1b[12", "x");
	assert_int_equal(r.n, 1);
	assert_string_equal(r.what[0], "unterminated escape sequence removed");
	/* a malformed CSI ends where a byte cannot belong to it: the rest
	 * is kept */
	r = check("\x1b[1;\xe3\x81\x82!", "\xe3\x81\x82!");
	assert_int_equal(r.n, 1);
}

static void
test_strings(void **state)
{
	struct reports r;

	(void)state;
	/* OSC ended by BEL and by ST (ESC \) */
	r = check("\x1b]0;title\x07"
	          "after",
	    "after");
	assert_int_equal(r.n, 1);
	r = check("\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\", "link");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.off[1], 23);
	/* OSC 52 (clipboard) */
	r = check("a\x1b]52;c;SGVsbG8=\x07z", "az");
	/* DCS, APC, PM, SOS */
	r = check("1\x1bPq#0;2;0;0;0\x1b\\2\x1b_apc\x1b\\3\x1b^pm\x1b\\4"
	          "\x1bXsos\x1b\\5",
	    "12345");
	assert_int_equal(r.n, 4);
	/* other escapes: ESC c (reset), ESC ( B, ESC 7 */
	r = check("a\x1b"
	          "cb\x1b(Bc\x1b"
	          "7d",
	    "abcd");
	assert_int_equal(r.n, 3);
}

static void
test_unterminated(void **state)
{
	struct reports r;

	(void)state;
	/* an unterminated string ends at the end of its line; the next
	 * line is kept, and so is the line break */
	r = check("a\x1b]0;no end\nnext line", "a\nnext line");
	assert_int_equal(r.n, 1);
	assert_int_equal(r.off[0], 1);
	assert_string_equal(r.what[0], "unterminated escape sequence removed");
	r = check("a\x1bPdcs\r\nb", "a\nb");
	r = check("x\x1b]2;at the end", "x");
	assert_int_equal(r.n, 1);
}

static void
test_c1_forms(void **state)
{
	struct reports r;

	(void)state;
	/* U+009B CSI */
	r = check("\xc2\x9b"
	          "31mX",
	    "X");
	assert_int_equal(r.n, 1);
	assert_string_equal(r.what[0], "escape sequence removed");
	/* U+009D OSC to U+009C ST, and to BEL */
	r = check("\xc2\x9d"
	          "0;t\xc2\x9cY\xc2\x9d"
	          "0;u\x07Z",
	    "YZ");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.off[1], 8);
	/* U+0090 DCS, U+009E PM, U+009F APC, U+0098 SOS */
	r = check("1\xc2\x90q\xc2\x9c"
	          "2\xc2\x9ep\xc2\x9c"
	          "3\xc2\x9f"
	          "a\xc2\x9c"
	          "4\xc2\x98s\xc2\x9c"
	          "5",
	    "12345");
	assert_int_equal(r.n, 4);
	/* unterminated C1 string */
	r = check("\xc2\x9dtitle\nok", "\nok");
	assert_int_equal(r.n, 1);
}

static void
test_placeholders(void **state)
{
	struct reports r;

	(void)state;
	/* C0 other than LF and TAB; DEL; a lone ESC */
	r = check("a\x01"
	          "b\x07"
	          "c\x7f"
	          "d\x1b",
	    "a" FFFD "b" FFFD "c" FFFD "d" FFFD);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.off[0], 1);
	assert_string_equal(r.what[0], "control character");
	/* C1 that is not an introducer (U+0085 NEL), U+2028, U+2029 */
	r = check("\xc2\x85|\xe2\x80\xa8|\xe2\x80\xa9", FFFD "|" FFFD "|" FFFD);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.off[1], 3);
	/* bidi controls: U+202A..202E, U+2066..2069 */
	r = check("\xe2\x80\xaa\xe2\x80\xae\xe2\x81\xa6\xe2\x81\xa9ok",
	    FFFD FFFD FFFD FFFD "ok");
	assert_int_equal(r.n, 4);
	assert_string_equal(r.what[0], "bidirectional control character");
	/* neighbours that are fine stay: U+2027, U+202F, U+2065 */
	r = check("\xe2\x80\xa7\xe2\x80\xaf", "\xe2\x80\xa7\xe2\x80\xaf");
	assert_int_equal(r.n, 0);
	/* the bidi marks LRM, RLM and ALM turn text around as the controls
	 * do and are as invisible: they passed the cleaner */
	r = check("a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d",
	    "a" FFFD "b" FFFD "c" FFFD "d");
	assert_int_equal(r.n, 3);
	assert_string_equal(r.what[2], "bidirectional control character");
	/* the deprecated format characters U+206A..206F (shaping and digit
	 * switches): invisible, shown */
	r = check("\xe2\x81\xaa\xe2\x81\xafx", FFFD FFFD "x");
	assert_int_equal(r.n, 2);
	assert_string_equal(r.what[0], "invisible format character");
	/* format characters that join what is around them stay: ZWJ in an
	 * emoji sequence, ZWNJ, ZWSP, WJ, the soft hyphen, a flag's tags */
	r = check("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	          "\xe2\x80\x8c\xe2\x80\x8b\xe2\x81\xa0\xc2\xad"
	          "\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf",
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8c\xe2\x80\x8b\xe2\x81\xa0\xc2\xad"
	    "\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf");
	assert_int_equal(r.n, 0);
}

static void
test_clean_len(void **state)
{
	(void)state;
	assert_int_equal(sanitize_clean_len("abc\x1b[m", 6), 3);
	assert_int_equal(sanitize_clean_len("あ\r\n", 5), 3);
	assert_int_equal(sanitize_clean_len("\xe3\x81", 2), 0);
	assert_int_equal(sanitize_clean_len("\xe2\x80\xae", 3), 0);
	assert_int_equal(sanitize_clean_len("ab\xe2\x80\x8f", 5), 2);
	assert_int_equal(sanitize_clean_len("\xd8\x9c", 2), 0);
}

/* Every byte value, many times: the result is valid UTF-8 with no C0
 * except LF and TAB, no DEL and no C1. */
static void
test_binary(void **state)
{
	size_t n = 256 * 64, i, outlen;
	char *in = malloc(n), *out;
	const uint8_t *p;
	ucs4_t uc;
	struct reports r;

	(void)state;
	for (i = 0; i < n; i++)
		in[i] = (char)(i % 256);
	memset(&r, 0, sizeof r);
	out = sanitize_text(in, n, &outlen, collect, &r);
	assert_true(outlen <= 3 * n + 1);
	assert_true(r.n > 0);
	assert_null(u8_check((const uint8_t *)out, outlen));
	for (p = (const uint8_t *)out; p < (const uint8_t *)out + outlen;) {
		int len = u8_mbtouc(&uc, p, outlen);

		assert_true(uc >= 0x20 || uc == '\n' || uc == '\t');
		assert_false(uc >= 0x7f && uc <= 0x9f);
		p += len;
	}
	free(in);
	free(out);
}

/*
 * sanitize_clean_len() checks 16 bytes at a time where it can: a bad byte
 * at any offset, and a cut at any byte, must end the clean prefix exactly
 * where the character before them ends, whether that falls inside a block,
 * on its edge or in the bytes after the last whole block.
 */
static void
test_clean_len_every_offset(void **state)
{
	static const char *const pieces[] = {"AWS ", "請求書", "\t", "は", "\n",
	    "ｸﾚｼﾞｯﾄ", "é", "→", "👨‍👩‍👧", "、", "ab", "ＡＢ"};
	static const char *const bad[] = {"\0", "\x1b", "\x7f", "\r", "\x80",
	    "\xe3\x81", "\xc2\x85", "\xe2\x80\xa8", "\xe0\x80\x80",
	    "\xed\xa0\x80", "\xef\xbf", "\xf5\x80", "\x01"};
	char base[600], buf[700];
	size_t n = 0, cut, p, b, k, blen, start;
	unsigned seed = 1;

	(void)state;
	while (n < 500) {
		const char *pc;

		seed = seed * 1103515245u + 12345u;
		pc = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
		memcpy(base + n, pc, strlen(pc));
		n += strlen(pc);
	}
	assert_int_equal(sanitize_clean_len(base, n), n);
	/* a cut inside a character keeps the characters before it */
	for (cut = 0; cut <= n; cut++) {
		for (start = cut;
		     start > 0 && ((unsigned char)base[start] & 0xC0) == 0x80;
		     start--)
			;
		if (cut == n)
			start = n;
		assert_int_equal(sanitize_clean_len(base, cut), start);
	}
	/* a bad sequence at every character boundary */
	for (b = 0; b < sizeof bad / sizeof bad[0]; b++) {
		blen = b == 0 ? 1 : strlen(bad[b]);
		for (p = 0; p < n; p++) {
			if (((unsigned char)base[p] & 0xC0) == 0x80)
				continue;
			memcpy(buf, base, p);
			memcpy(buf + p, bad[b], blen);
			memcpy(buf + p + blen, base + p, n - p);
			k = sanitize_clean_len(buf, n + blen);
			if (k != p)
				fail_msg("bad sequence %zu at %zu: clean up to "
				         "%zu",
				    b, p, k);
		}
	}
}

/* sanitize.h's placeholder rule, restated for the reference below. */
static int
shown_as_placeholder(uint32_t c)
{
	return (c < 0x20 && c != '\n' && c != '\t') ||
	       (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
	       (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x200E || c == 0x200F || c == 0x061C ||
	       (c >= 0x206A && c <= 0x206F);
}

/*
 * The fast path of sanitize_clean_len() (byte classes, runs of ASCII and
 * of three-byte characters) and sanitize_text() read characters exactly
 * as utf8.h does: on random bytes biased to leads, continuations,
 * overlongs, surrogates, truncation and values above U+10FFFF, the clean
 * prefix ends at the first character that utf8_decode() finds invalid or
 * that needs a placeholder, and every invalid character (a maximal
 * subpart) becomes one U+FFFD.  No ESC or CR: they have rules of their
 * own.
 */
static void
test_fast_path_matches_utf8(void **state)
{
	static const unsigned char pool[] = {'a', ' ', '\n', '\t', 0x01, 0x7F,
	    0x80, 0x81, 0x85, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xBF, 0xC0, 0xC1,
	    0xC2, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3, 0xE3, 0xE3, 0xEC, 0xED, 0xEE,
	    0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x81, 0x82, 0x82};
	unsigned seed = 5;
	char buf[80], want[3 * 80 + 1];
	size_t it, n, i, k, clean, wn, outlen;
	uint32_t c;
	char *out;
	int skip;

	(void)state;
	for (it = 0; it < 100000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof buf;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (char)pool[(seed >> 16) % sizeof pool];
		}
		clean = n;
		wn = 0;
		skip = 0;
		for (i = 0; i < n; i += k) {
			k = utf8_decode(buf + i, n - i, &c);
			if (c == 0x90 || c == 0x98 || c == 0x9B || c == 0x9D ||
			    c == 0x9E || c == 0x9F)
				skip =
				    1; /* a C1 escape: removed, not replaced */
			if (c == UTF8_BAD || shown_as_placeholder(c)) {
				if (clean == n)
					clean = i;
				memcpy(want + wn, "\xef\xbf\xbd", 3);
				wn += 3;
			} else {
				memcpy(want + wn, buf + i, k);
				wn += k;
			}
		}
		if (skip)
			continue;
		assert_int_equal(sanitize_clean_len(buf, n), clean);
		out = sanitize_text(buf, n, &outlen, NULL, NULL);
		if (outlen != wn || memcmp(out, want, wn) != 0)
			fail_msg("iteration %zu: sanitize_text differs from "
			         "utf8_decode()",
			    it);
		free(out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clean_text_unchanged),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_nul),
	    cmocka_unit_test(test_line_endings),
	    cmocka_unit_test(test_csi),
	    cmocka_unit_test(test_strings),
	    cmocka_unit_test(test_unterminated),
	    cmocka_unit_test(test_c1_forms),
	    cmocka_unit_test(test_placeholders),
	    cmocka_unit_test(test_clean_len),
	    cmocka_unit_test(test_clean_len_every_offset),
	    cmocka_unit_test(test_binary),
	    cmocka_unit_test(test_fast_path_matches_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
