/*
 * rows.c - fitting styled lines to screen rows, the status row and the
 * message line; see rows.h.
 */
#include "rows.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


#include "utf8.h"
#include "width.h"
#include "xalloc.h"

void
screen_free(struct screen *s)
{
	slines_free(&s->rows);
}

void
rows_fit(struct sline *dst, const struct sline *src, int w, int ambiguous,
    uint16_t or_attr)
{
	size_t base = dst->len, i = 0, j;
	int used = 0;

	while (i < src->len) {
		size_t next = i;
		int cw = width_char(utf8_next(src->text, src->len, &next),
		    ambiguous);

		if (used + cw > w)
			break;
		sline_append(dst, src->text + i, next - i,
		    (uint16_t)(src->attr[i] | or_attr), cw);
		used += cw;
		i = next;
	}
	for (j = 0; j < src->nlinks; j++) {
		size_t s = src->links[j].start, e = src->links[j].end;

		if (s >= i)
			continue;
		sline_add_link(
		    dst, base + s, base + (e < i ? e : i), src->links[j].href);
	}
	/* The selection is a bar across the whole row. */
	sline_pad(dst, w - used, or_attr);
}

char *
rows_one_line(const char *s)
{
	char *r = xstrdup(s), *p;

	for (p = r; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	return r;
}

void
rows_status(struct sline *dst, const char *left_in, const char *right_in,
    int w, int ambiguous)
{
	struct sline l = {0}, r = {0};
	/* A section title or a message may come from the content. */
	char *left = rows_one_line(left_in);
	char *right = right_in != NULL ? rows_one_line(right_in) : NULL;
	int rw = right ? width_str(right, strlen(right), ambiguous) : 0;
	int lw;

	if (right != NULL && rw <= w) {
		sline_append(&r, right, strlen(right), AT_STATUS, rw);
	} else if (right != NULL) {
		sline_append(&r, right, strlen(right), AT_STATUS, rw);
		rows_fit(dst, &r, w, ambiguous, 0);
		sline_free(&r);
		free(left);
		free(right);
		return;
	}
	lw = w - rw - (rw > 0 ? 1 : 0);
	if (lw > 0) {
		size_t n = strlen(left);
		const char *p;

		/* Key hints are separated by two spaces: a left text that
		 * does not fit ends after the last whole one that does
		 * ("q: back", not "q: back  ?: he"). */
		if (width_str(left, n, ambiguous) > lw) {
			for (p = strstr(left, "  "); p != NULL;
			     p = strstr(p + 2, "  ")) {
				if (width_str(left, (size_t)(p - left),
				        ambiguous) > lw)
					break;
				n = (size_t)(p - left);
			}
		}
		sline_append(&l, left, n, AT_STATUS,
		    width_str(left, n, ambiguous));
		rows_fit(dst, &l, lw, ambiguous, AT_STATUS);
		if (rw > 0)
			sline_pad(dst, 1, AT_STATUS);
	} else {
		sline_pad(dst, w - rw, AT_STATUS);
	}
	if (rw > 0)
		sline_copy(dst, &r);
	sline_free(&l);
	sline_free(&r);
	free(left);
	free(right);
}

int
rows_width(const char *s, int ambiguous)
{
	return width_str(s, strlen(s), ambiguous);
}

void
rows_msg_set(struct rows_msg *m, const char *fmt, ...)
{
	va_list ap;

	free(m->text);
	va_start(ap, fmt);
	m->text = xvasprintf(fmt, ap);
	va_end(ap);
}

void
rows_msg_move(struct rows_msg *dst, struct rows_msg *src)
{
	if (src->text == NULL)
		return;
	free(dst->text);
	dst->text = src->text;
	src->text = NULL;
}

void
rows_msg_clear(struct rows_msg *m)
{
	free(m->text);
	m->text = NULL;
}
