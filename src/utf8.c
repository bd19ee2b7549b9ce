/* utf8.c - whole-string questions about UTF-8; see utf8.h. */
#include "utf8.h"

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
