/*
 * width.h - display width of characters and strings, the one width oracle
 * of the program.  It matches what ncursesw draws (glibc wcwidth) for every
 * character, independently of the current locale, except that with
 * ambiguous == 2 East Asian Ambiguous characters (※ ○ ① ─ → ”) count 2,
 * for terminals set to draw them wide (--ambiguous=2).
 */
#ifndef FAQ_WIDTH_H
#define FAQ_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns of code point c: 0 (combining, zero width), 1 or 2.  Controls,
 * which sanitised text does not contain, count 1 (they show as a
 * placeholder). */
int width_char(uint32_t c, int ambiguous);
/* Columns of the UTF-8 string s[0..n) (sum over code points). */
int width_str(const char *s, size_t n, int ambiguous);

#endif
