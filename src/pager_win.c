/*
 * pager_win.c - the window of a long answer's entry page: the units laid
 * out, slid over the answer as the screen moves, so that a key costs the
 * units it brings into view and never the whole answer; see pagerint.h.
 */
#include "pagerint.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "render.h"
#include "render_units.h"
#include "search.h"
#include "xalloc.h"

const struct entry *
page_answer(const struct pager *p, uint32_t idx)
{
	return doc_entry_answer(p->e->d, &p->e->d->entries[idx]);
}

int
page_margin(int vh)
{
	return 2 * vh > 100 ? 2 * vh : 100;
}

/* The lines of unit k of the page's answer, indented, appended to out. */
static void
unit_lines(struct pager *p, struct page *pg, size_t k, struct slines *out)
{
	const struct entry *an = page_answer(p, pg->idx);
	struct render_opts ro = view_ropts(p->e, pg->w - pg->indent);
	struct hl_lazy *lz = NULL;
	struct slines ans = {0};
	size_t i;

	ro.notes = &pg->notes;
	if (p->sq != NULL && p->e->ix != NULL) {
		lz = search_answer_lazy(p->e->ix, p->sq, pg->idx);
		/* hits from a little before the unit: one that starts
		 * there and ends inside it is highlighted too */
		search_lazy_skip(lz, answer_unit_offset(an, &pg->units, k));
	}
	render_units(an, &pg->units, k, k + 1, &ro, lz, &ans);
	search_lazy_free(lz);
	for (i = 0; i < ans.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, pg->indent, 0);
		sline_copy(l, &ans.v[i]);
	}
	slines_free(&ans);
}

/* What follows the answer: a blank line and the numbered links (as w3m
 * and lynx list them), all of the whole answer's. */
void
page_notes_lines(const struct view_env *env, const struct link_notes *notes,
    int w, int indent, struct slines *out)
{
	struct render_opts plain = view_ropts(env, w - indent);
	struct slines ls = {0};
	size_t i;

	if (notes->n == 0)
		return;
	slines_push(&ls);
	for (i = 0; i < notes->n; i++) {
		char *u = xasprintf("[%zu] %s", i + 1, notes->href[i]);

		render_plain(
		    u, strlen(u), "", "    ", 0, AT_DIM, &plain, NULL, &ls);
		free(u);
	}
	for (i = 0; i < ls.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ls.v[i]);
	}
	slines_free(&ls);
}

/* The links of the body, again (after lines came or went). */
void
page_links(struct page *pg)
{
	size_t i, j;

	pg->nlinks = 0;
	for (i = 0; i < pg->body.n; i++) {
		const struct sline *l = &pg->body.v[i];

		for (j = 0; j < l->nlinks; j++) {
			pg->links = xreallocarray(
			    pg->links, pg->nlinks + 1, sizeof *pg->links);
			pg->links[pg->nlinks].line = (int)i;
			pg->links[pg->nlinks].start = l->links[j].start;
			pg->links[pg->nlinks].end = l->links[j].end;
			pg->links[pg->nlinks].href = l->links[j].href;
			pg->nlinks++;
		}
	}
}

/* How many links the body lines [a, b) hold. */
static int
links_in(const struct page *pg, int a, int b)
{
	int n = 0, i;

	for (i = a; i < b && i < (int)pg->body.n; i++)
		n += (int)pg->body.v[i].nlinks;
	return n;
}

/* d lines (holding nl links) came (d > 0) or went (d < 0) before the
 * lines the pager's stored numbers point to. */
static void
pv_shift(struct pager *p, int d, int nl)
{
	p->pv.top += d;
	if (p->pv.hit >= 0) {
		p->pv.hit += d;
		if (p->pv.hit < 0)
			p->pv.hit = -1;
	}
	if (p->pv.link >= 0) {
		p->pv.link += nl;
		if (p->pv.link < 0)
			p->pv.link = -1;
	}
}

/* Appends unit u1 (and the tail after the last). */
static void
win_append(struct pager *p, struct page *pg)
{
	unit_lines(p, pg, pg->u1, &pg->body);
	pg->u1++;
	pg->ustart =
	    xreallocarray(pg->ustart, pg->u1 - pg->u0 + 1, sizeof *pg->ustart);
	pg->ustart[pg->u1 - pg->u0] = (int)pg->body.n;
	if (pg->u1 == pg->units.n) {
		page_notes_lines(
		    p->e, &pg->notes, pg->w, pg->indent, &pg->body);
		pg->tail = (int)pg->body.n - pg->ustart[pg->u1 - pg->u0];
	}
}

/* Puts unit u0 - 1 before the window's lines. */
static void
win_prepend(struct pager *p, struct page *pg)
{
	struct slines add = {0};
	size_t i, n;
	int d;

	unit_lines(p, pg, pg->u0 - 1, &add);
	n = pg->body.n + add.n;
	if (n > pg->body.cap) {
		pg->body.cap = n + n / 2;
		pg->body.v =
		    xreallocarray(pg->body.v, pg->body.cap, sizeof *pg->body.v);
	}
	memmove(
	    pg->body.v + add.n, pg->body.v, pg->body.n * sizeof *pg->body.v);
	memcpy(pg->body.v, add.v, add.n * sizeof *add.v);
	pg->body.n = n;
	free(add.v); /* the lines themselves moved into the body */
	d = (int)add.n;
	pg->u0--;
	pg->ustart =
	    xreallocarray(pg->ustart, pg->u1 - pg->u0 + 1, sizeof *pg->ustart);
	memmove(
	    pg->ustart + 1, pg->ustart, (pg->u1 - pg->u0) * sizeof *pg->ustart);
	pg->ustart[0] = 0;
	for (i = 1; i <= pg->u1 - pg->u0; i++)
		pg->ustart[i] += d;
	page_links(pg);
	pv_shift(p, d, links_in(pg, 0, d));
	p->pv.u0 = (uint32_t)pg->u0;
}

/* Drops unit u0's lines. */
static void
win_drop_front(struct pager *p, struct page *pg)
{
	int d = pg->ustart[1], nl = links_in(pg, 0, d), i;
	size_t k;

	for (i = 0; i < d; i++)
		sline_free(&pg->body.v[i]);
	memmove(pg->body.v, pg->body.v + d,
	    (pg->body.n - (size_t)d) * sizeof *pg->body.v);
	pg->body.n -= (size_t)d;
	pg->u0++;
	for (k = 0; k <= pg->u1 - pg->u0; k++)
		pg->ustart[k] = pg->ustart[k + 1] - d;
	page_links(pg);
	pv_shift(p, -d, -nl);
	p->pv.u0 = (uint32_t)pg->u0;
}

/* Drops the last unit's lines (and the tail). */
static void
win_drop_back(struct pager *p, struct page *pg)
{
	int from = pg->ustart[pg->u1 - 1 - pg->u0];
	size_t i;

	if (p->pv.link >= 0 && p->pv.link >= links_in(pg, 0, from))
		p->pv.link = -1;
	if (p->pv.hit >= from)
		p->pv.hit = -1;
	for (i = (size_t)from; i < pg->body.n; i++)
		sline_free(&pg->body.v[i]);
	pg->body.n = (size_t)from;
	pg->u1--;
	pg->tail = 0;
	page_links(pg);
}

void
page_win_layout(struct pager *p, struct page *pg, size_t from, size_t to)
{
	slines_free(&pg->body);
	pg->u0 = pg->u1 = from < pg->units.n ? from : pg->units.n - 1;
	pg->ustart = xreallocarray(pg->ustart, 1, sizeof *pg->ustart);
	pg->ustart[0] = 0;
	pg->tail = 0;
	do
		win_append(p, pg);
	while (pg->u1 < to && pg->u1 < pg->units.n);
	page_links(pg);
	p->pv.u0 = (uint32_t)pg->u0;
}

size_t
page_unit_at(const struct page *pg, int i)
{
	size_t lo = 0, hi = pg->u1 - pg->u0;

	/* the last start at or before i */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (pg->ustart[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return pg->u0 + lo;
}

void
page_fit(struct pager *p, struct page *pg, int vh)
{
	int m = page_margin(vh), max;

	if (!pg->win)
		return;
	/* From far off (End asks for the end whatever it is) to the
	 * answer's last screen, or to the window's last line (a hit or a
	 * link there goes to the top once the units below are laid out). */
	if (pg->u1 == pg->units.n && p->pv.top > (int)pg->body.n - vh)
		p->pv.top = (int)pg->body.n - vh;
	if (p->pv.top > (int)pg->body.n - 1)
		p->pv.top = (int)pg->body.n - 1;
	if (p->pv.top < -m)
		p->pv.top = -m;
	while (p->pv.top < m && pg->u0 > 0)
		win_prepend(p, pg);
	if ((int)pg->body.n - (p->pv.top + vh) < m && pg->u1 < pg->units.n) {
		while ((int)pg->body.n - (p->pv.top + vh) < m &&
		       pg->u1 < pg->units.n)
			win_append(p, pg);
		page_links(pg);
	}
	max = (int)pg->body.n - vh;
	if (p->pv.top > max)
		p->pv.top = max;
	if (p->pv.top < 0)
		p->pv.top = 0;
	/* What is far away goes: a window of a few screens, wherever the
	 * reader is in a 50 MB answer. */
	while (pg->u1 - pg->u0 > 1 && pg->ustart[1] <= p->pv.top - 4 * m)
		win_drop_front(p, pg);
	while (pg->u1 - pg->u0 > 1 &&
	       pg->ustart[pg->u1 - 1 - pg->u0] >= p->pv.top + vh + 4 * m)
		win_drop_back(p, pg);
}
