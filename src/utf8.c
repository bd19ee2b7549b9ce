/* utf8.c - the decoder's whole rule, and whole-string questions; see
 * utf8.h. */
#include "utf8.h"

/* Unicode's table 3-7, one lead byte at a time: the range of the second
 * byte depends on the lead, every later byte is 80..BF.  An invalid
 * character ends before the first byte that is out of range or missing. */
size_t
utf8_decode_rule(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned b = s[0], lo, hi;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	*cp = UTF8_BAD;
	if (b - 0xE0 < 0x10) {
		lo = b == 0xE0 ? 0xA0 : 0x80; /* E0 80..9F: overlong */
		hi = b == 0xED ? 0x9F : 0xBF; /* ED A0..BF: surrogates */
		if (n < 2 || s[1] < lo || s[1] > hi)
			return 1;
		if (n < 3 || (s[2] ^ 0x80) > 0x3F)
			return 2;
		*cp = (uint32_t)(b & 0x0F) << 12 |
		      (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	if (b - 0xC2 < 0x1E) { /* C0, C1: overlong */
		if (n < 2 || (s[1] ^ 0x80) > 0x3F)
			return 1;
		*cp = (uint32_t)(b & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (b - 0xF0 < 5) {
		lo = b == 0xF0 ? 0x90 : 0x80; /* F0 80..8F: overlong */
		hi = b == 0xF4 ? 0x8F : 0xBF; /* F4 90..: above U+10FFFF */
		if (n < 2 || s[1] < lo || s[1] > hi)
			return 1;
		if (n < 3 || (s[2] ^ 0x80) > 0x3F)
			return 2;
		if (n < 4 || (s[3] ^ 0x80) > 0x3F)
			return 3;
		*cp = (uint32_t)(b & 0x07) << 18 |
		      (uint32_t)(s[1] & 0x3F) << 12 |
		      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
		return 4;
	}
	return 1; /* a continuation byte, C0, C1 or F5..FF */
}

size_t
utf8_valid_len(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t c;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &c);
		if (c == UTF8_BAD)
			break;
		i += k;
	}
	return i;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		(void)utf8_next(s, n, &i);
		k++;
	}
	return k;
}
