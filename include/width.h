/*
 * width.h - display width of characters and strings, the one width oracle
 * of the program.  It matches what ncursesw draws (glibc wcwidth) for every
 * character, independently of the current locale, except that with
 * ambiguous == 2 East Asian Ambiguous characters (※ ○ ① ─ → ”) count 2,
 * for terminals set to draw them wide (--ambiguous=2).
 *
 * width_char() answers the common characters of Japanese text inline (its
 * fast path) and asks width_char_lookup(), the whole oracle, for the rest:
 * the wrapper asks for every code point of every paragraph on every
 * redraw.  tests/unit/test_width.c checks that both agree on every code
 * point, for both ambiguous widths.
 */
#ifndef FAQ_WIDTH_H
#define FAQ_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns of code point c: 0 (combining, zero width), 1 or 2, from the
 * tables; what width_char() returns for every c. */
int width_char_lookup(uint32_t c, int ambiguous);

/* Columns of code point c: 0 (combining, zero width), 1 or 2.  Controls,
 * which sanitised text does not contain, count 1 (they show as a
 * placeholder); so do values that are no code point (surrogates, above
 * U+10FFFF). */
static inline int
width_char(uint32_t c, int ambiguous)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c >= 0x3000 && c <= 0x9FFF) {
		/* CJK punctuation (not the marks U+302A..302F), kana,
		 * kanji */
		if (c >= 0x4E00 || c <= 0x3029 ||
		    (c >= 0x3030 && c <= 0x303E) ||
		    (c >= 0x3041 && c <= 0x3096) ||
		    (c >= 0x30A1 && c <= 0x30FF))
			return 2;
	} else if (c >= 0xFF01 && c <= 0xFF60) {
		return 2; /* full-width forms */
	} else if (c >= 0xFF61 && c <= 0xFF9F) {
		return 1; /* half-width kana, never ambiguous */
	}
	return width_char_lookup(c, ambiguous);
}

/* Columns of the UTF-8 string s[0..n) (sum over the characters utf8.h
 * reads: an invalid one is a U+FFFD). */
int width_str(const char *s, size_t n, int ambiguous);

#endif
