/*
 * dump.c - the screen as text for `--dump`; see dump.h.
 *
 * Text: exactly s->h lines, trailing spaces stripped (the screen rows are
 * exactly w columns; stripping keeps golden files free of invisible
 * differences).
 *
 * Attributes (attrs != 0): after each text line, one line that marks, cell
 * by cell under the text, what a colour-blind reader of the dump needs to
 * see: 'H' a search hit, 'S' the selection, 'L' a link, 'X' struck text,
 * '_' the status line;
 * a space otherwise (stripped at the end as well, so rows with nothing
 * marked give an empty line).  A wide character marks both of its cells.
 * So the attribute dump is exactly 2 * h lines.
 */
#include "dump.h"

#include <string.h>


#include "utf8.h"
#include "width.h"

static char
attr_mark(uint16_t a)
{
	if (a & AT_HIGHLIGHT)
		return 'H';
	if (a & AT_SELECTED)
		return 'S';
	if (a & AT_LINK)
		return 'L';
	if (a & AT_DEL)
		return 'X';
	if (a & AT_STATUS)
		return '_';
	return ' ';
}

static void
put_stripped(FILE *fp, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	fwrite(s, 1, n, fp);
	fputc('\n', fp);
}

static void
dump_attrs(FILE *fp, const struct sline *l)
{
	char buf[1024];
	size_t i = 0, n = 0;

	while (i < l->len) {
		size_t at = i;
		uint32_t c = utf8_next(l->text, l->len, &i);
		/* The cells the terminal draws: ambiguous characters narrow,
		 * as the text line above shows them. */
		int w = width_char(c, 1), k;

		for (k = 0; k < w; k++) {
			if (n == sizeof buf) {
				fwrite(buf, 1, n, fp);
				n = 0;
			}
			buf[n++] = attr_mark(l->attr[at]);
		}
	}
	/* put_stripped needs the whole line; flush the head first. */
	if (n == sizeof buf) {
		fwrite(buf, 1, n, fp);
		n = 0;
	}
	put_stripped(fp, buf, n);
}

void
dump_screen(FILE *fp, const struct screen *s, int attrs)
{
	size_t y;

	for (y = 0; y < s->rows.n; y++) {
		const struct sline *l = &s->rows.v[y];

		put_stripped(fp, l->text, l->len);
		if (attrs)
			dump_attrs(fp, l);
	}
	/* A screen is exactly h rows; never print fewer. */
	for (; (int)y < s->h; y++) {
		fputc('\n', fp);
		if (attrs)
			fputc('\n', fp);
	}
}
