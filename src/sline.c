/* sline.c - styled line buffers; see sline.h. */
#include "sline.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void
sline_reserve(struct sline *l, size_t more)
{
	size_t need = l->len + more + 1;
	size_t cap;

	if (need <= l->cap)
		return;
	cap = l->cap ? l->cap : 64;
	while (cap < need)
		cap *= 2;
	l->text = xrealloc(l->text, cap);
	l->attr = xreallocarray(l->attr, cap, sizeof *l->attr);
	l->cap = cap;
}

void
sline_append(struct sline *l, const char *s, size_t n, uint16_t attr, int w)
{
	size_t i;

	sline_reserve(l, n);
	memcpy(l->text + l->len, s, n);
	for (i = 0; i < n; i++)
		l->attr[l->len + i] = attr;
	l->len += n;
	l->text[l->len] = '\0';
	l->width += w;
}

void
sline_pad(struct sline *l, int n, uint16_t attr)
{
	int i;

	if (n <= 0)
		return;
	sline_reserve(l, (size_t)n);
	for (i = 0; i < n; i++) {
		l->text[l->len] = ' ';
		l->attr[l->len] = attr;
		l->len++;
	}
	l->text[l->len] = '\0';
	l->width += n;
}

void
sline_add_link(struct sline *l, size_t start, size_t end, const char *href)
{
	if (l->nlinks == l->linkcap) {
		l->linkcap = l->linkcap ? l->linkcap * 2 : 4;
		l->links =
		    xreallocarray(l->links, l->linkcap, sizeof *l->links);
	}
	l->links[l->nlinks].start = (uint32_t)start;
	l->links[l->nlinks].end = (uint32_t)end;
	l->links[l->nlinks].href = href;
	l->nlinks++;
}

void
sline_reset(struct sline *l)
{
	l->len = 0;
	l->width = 0;
	l->nlinks = 0;
	if (l->text != NULL)
		l->text[0] = '\0';
}

void
sline_free(struct sline *l)
{
	free(l->text);
	free(l->attr);
	free(l->links);
	memset(l, 0, sizeof *l);
}

void
sline_copy(struct sline *dst, const struct sline *src)
{
	size_t base = dst->len, i;

	sline_reserve(dst, src->len);
	memcpy(dst->text + dst->len, src->text, src->len);
	memcpy(dst->attr + dst->len, src->attr, src->len * sizeof *src->attr);
	dst->len += src->len;
	dst->text[dst->len] = '\0';
	dst->width += src->width;
	for (i = 0; i < src->nlinks; i++)
		sline_add_link(dst, base + src->links[i].start,
		    base + src->links[i].end, src->links[i].href);
}

struct sline *
slines_push(struct slines *ls)
{
	struct sline *l;

	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 16;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof *l);
	sline_reserve(l, 0);
	l->text[0] = '\0';
	return l;
}

void
slines_clear(struct slines *ls)
{
	size_t i;

	for (i = 0; i < ls->n; i++)
		sline_free(&ls->v[i]);
	ls->n = 0;
}

void
slines_free(struct slines *ls)
{
	slines_clear(ls);
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

int
sline_has_attr(const struct sline *l, uint16_t attr)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if ((l->attr[i] & attr) == attr)
			return 1;
	return 0;
}
