/*
 * utf8.h - the one UTF-8 decoder of the program: decode or step forward,
 * step back, validate, count, encode.  Bottom layer: it includes nothing
 * of the program, so every module may use it.  less's charset.c
 * (step_char, get_wchar) is the model: one policy for invalid bytes, used
 * by the loader, the wrapper, search and the screen alike.
 *
 * Well-formed is Unicode's table 3-7: no overlong forms (C0, C1, E0 80..9F,
 * F0 80..8F), no surrogates (ED A0..BF), nothing above U+10FFFF (F4 90..,
 * F5..FF).  Anything else is invalid and decodes as one invalid character
 * covering its maximal subpart: the longest start of a well-formed
 * sequence, at least one byte (Unicode chapter 3, "U+FFFD Substitution of
 * Maximal Subparts"; the WHATWG Encoding Standard does the same).  So
 *   E3 81 41    -> U+FFFD 'A'           (one broken character)
 *   ED A0 80    -> U+FFFD U+FFFD U+FFFD (a surrogate: ED alone is the part)
 *   E0 80 AF    -> U+FFFD U+FFFD U+FFFD (an overlong '/')
 *   F0 9F 98 at the end of the text -> U+FFFD
 * This is the rule sanitize_text() applies (one U+FFFD per invalid
 * character), so text measured, wrapped or searched before or after
 * sanitising has the same characters.  libunistring's u8_mbtouc() is not
 * used: it counts E0 80 as one character of two bytes.
 *
 * Guarantees: every step moves at least one byte and never past n, so a
 * loop over any bytes ends; stepping back from a character boundary finds
 * exactly the boundaries that stepping forward finds.  Nothing needs NUL
 * termination; n is the number of bytes that may be read.
 */
#ifndef FAQ_UTF8_H
#define FAQ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode() stores for an invalid character: above U+10FFFF, so
 * it is never a code point (and never equal to a real U+FFFD in the text). */
#define UTF8_BAD 0xFFFFFFFFu
/* What utf8_next() and utf8_prev() return for an invalid character. */
#define UTF8_REPLACEMENT 0xFFFDu

/*
 * The whole rule, out of line: what utf8_decode() answers, for any input.
 * utf8_decode() calls it for all but its fast path; tests/unit/test_utf8.c
 * calls it to pin that fast path.
 */
size_t utf8_decode_rule(const char *s, size_t n, uint32_t *cp);

/*
 * Decodes the character at s[0..n) (n >= 1): returns its length, 1 to 4,
 * and stores its code point in *cp; for an invalid character returns the
 * length of its maximal subpart, 1 to 3, and stores UTF8_BAD.
 *
 * The fast path, inline: ASCII, and the three-byte characters that need no
 * range check (leads E1..EC, EE, EF: kana, kanji, full-width forms), which
 * are nearly all of a Japanese text; the wrapper and the folder call this
 * for every character.  The rest (two and four bytes, E0 and ED, invalid
 * bytes) goes to utf8_decode_rule(), so that this stays small enough for
 * compilers to inline everywhere.
 */
static inline size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xF0) == 0xE0 && s[0] != 0xE0 && s[0] != 0xED && n > 2 &&
	    ((s[1] ^ 0x80) | (s[2] ^ 0x80)) < 0x40) {
		*cp = (uint32_t)(s[0] & 0x0F) << 12 |
		      (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	return utf8_decode_rule(str, n, cp);
}

/*
 * Steps forward: returns the character at s[*i] (*i < n), U+FFFD when it
 * is invalid, and advances *i past it.
 */
static inline uint32_t
utf8_next(const char *s, size_t n, size_t *i)
{
	uint32_t c;

	*i += utf8_decode(s + *i, n - *i, &c);
	return c == UTF8_BAD ? UTF8_REPLACEMENT : c;
}

/*
 * Steps back: moves *i (> start) to the start of the character that ends
 * at *i, never below start, and returns that character (U+FFFD when it is
 * invalid).  The text is read as if it ended at *i.  A character is at
 * most four bytes, so at most three continuation bytes are crossed; when
 * the lead found does not reach *i, the continuation bytes after its
 * character stand alone (as stepping forward reads them), and the last of
 * them is the character before *i.
 */
static inline uint32_t
utf8_prev(const char *s, size_t start, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t end = *i, p = end - 1;
	uint32_t c;

	if (u[p] < 0x80) {
		*i = p;
		return u[p];
	}
	while (p > start && end - p < 4 && (u[p] & 0xC0) == 0x80)
		p--;
	if (p + utf8_decode(s + p, end - p, &c) != end) {
		*i = end - 1;
		return UTF8_REPLACEMENT;
	}
	*i = p;
	return c == UTF8_BAD ? UTF8_REPLACEMENT : c;
}

/*
 * Writes code point c as UTF-8 to out (room for 4 bytes) and returns its
 * length.  A surrogate or a value above U+10FFFF (UTF8_BAD included) is
 * written as U+FFFD, so the output is always well-formed.
 */
static inline size_t
utf8_encode(uint32_t c, char *out)
{
	unsigned char *p = (unsigned char *)out;

	if (c < 0x80) {
		p[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (unsigned char)(0xC0 | c >> 6);
		p[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c - 0xD800 < 0x800 || c > 0x10FFFF)
		c = UTF8_REPLACEMENT;
	if (c < 0x10000) {
		p[0] = (unsigned char)(0xE0 | c >> 12);
		p[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		p[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | c >> 18);
	p[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
	p[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	p[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

/* The length of the longest prefix of s[0..n) that is well-formed UTF-8
 * (n when all of it is). */
size_t utf8_valid_len(const char *s, size_t n);

/* The number of characters in s[0..n) as utf8_next() steps over them (an
 * invalid character counts one, whatever its length). */
size_t utf8_count(const char *s, size_t n);

#endif
