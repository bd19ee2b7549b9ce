/*
 * widthcheck.c - end-to-end helper that measures captured screens with the
 * program's own width function (width.h), so the tests agree with what the
 * browser thinks a line is wide.
 *
 *   widthcheck check W [AMB] < screen   every line valid UTF-8, free of
 *                                       control characters and at most W
 *                                       columns wide; exit 1 otherwise
 *   widthcheck find NEEDLE [AMB] < screen
 *                                       "X Y": the cell where NEEDLE first
 *                                       starts (0-based); exit 1 if absent
 *   widthcheck width [AMB] < text       the widest line's width
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "width.h"

/* 0 when s[0..n) is UTF-8 without C0/C1 controls (tab included: a screen
 * has none), else the 1-based byte offset of the first bad byte. */
static size_t
bad_offset(const unsigned char *s, size_t n)
{
	size_t i = 0, len, k;
	unsigned long c;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				return i + 1;
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			len = 2, c &= 0x1f;
		else if ((c & 0xf0) == 0xe0)
			len = 3, c &= 0x0f;
		else if ((c & 0xf8) == 0xf0)
			len = 4, c &= 0x07;
		else
			return i + 1;
		if (i + len > n)
			return i + 1;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i + 1;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
		    (len == 4 && c < 0x10000) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff) || (c >= 0x80 && c < 0xa0))
			return i + 1;
		i += len;
	}
	return 0;
}

/* Reads one line without its '\n' into *buf; returns its length or -1. */
static long
read_line(char **buf, size_t *cap)
{
	ssize_t n = getline(buf, cap, stdin);

	if (n < 0)
		return -1;
	if (n > 0 && (*buf)[n - 1] == '\n')
		(*buf)[--n] = '\0';
	return (long)n;
}

int
main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	long n;
	int y = 0, fail = 0, amb, widest = 0;

	if (argc >= 3 && strcmp(argv[1], "check") == 0) {
		int w = atoi(argv[2]);

		amb = argc > 3 ? atoi(argv[3]) : 1;
		while ((n = read_line(&line, &cap)) >= 0) {
			size_t bad =
			    bad_offset((unsigned char *)line, (size_t)n);
			int lw;

			y++;
			if (bad != 0) {
				printf("line %d: invalid UTF-8 or a control "
				       "character at byte %zu\n",
				    y, bad);
				fail = 1;
				continue;
			}
			lw = width_str(line, (size_t)n, amb);
			if (lw > w) {
				printf("line %d: %d columns, wider than %d\n",
				    y, lw, w);
				fail = 1;
			}
		}
		free(line);
		return fail;
	}
	if (argc >= 3 && strcmp(argv[1], "find") == 0) {
		amb = argc > 3 ? atoi(argv[3]) : 1;
		while ((n = read_line(&line, &cap)) >= 0) {
			char *p = strstr(line, argv[2]);

			if (p != NULL) {
				printf("%d %d\n",
				    width_str(line, (size_t)(p - line), amb),
				    y);
				free(line);
				return 0;
			}
			y++;
		}
		free(line);
		return 1;
	}
	if (argc >= 2 && strcmp(argv[1], "width") == 0) {
		amb = argc > 2 ? atoi(argv[2]) : 1;
		while ((n = read_line(&line, &cap)) >= 0) {
			int lw = width_str(line, (size_t)n, amb);

			if (lw > widest)
				widest = lw;
		}
		free(line);
		printf("%d\n", widest);
		return 0;
	}
	fprintf(stderr, "usage: widthcheck check W [AMB] | find NEEDLE [AMB] | "
	                "width [AMB]\n");
	return 2;
}
