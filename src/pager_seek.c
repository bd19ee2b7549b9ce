/*
 * pager_seek.c - going past the window of a long answer's entry page:
 * End and Home jump it to a unit, n/N and Tab search the units not laid
 * out for the next hit or link, bounded for one key; see pagerint.h.
 * (Laying the window out and sliding it is pager_win.c's.)
 */
#include "pagerint.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "render.h"
#include "render_units.h"
#include "search.h"

void
page_jump(struct pager *p, size_t k)
{
	p->pv.u0 = (uint32_t)k;
	p->pv.top = 0;
	p->pv.hit = -1;
	p->pv.link = -1;
	(void)page_get(p);
}

/* The last unit of [lo, hi) that starts at or before byte b. */
static size_t
unit_of(const struct entry *an, const struct answer_units *u, size_t lo,
    size_t hi, uint32_t b)
{
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (answer_unit_offset(an, u, mid) <= b)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The window from unit k on; the first (dir > 0) or last body line of
 * unit k with a hit goes to the top.  Returns 0 when it has none. */
static int
hit_in_unit(struct pager *p, size_t k, int dir)
{
	struct page *pg;
	int a, b, i;

	page_jump(p, k);
	pg = &p->page;
	a = p->pv.top;
	b = pg->ustart[k - pg->u0 + 1];
	for (i = dir > 0 ? a : b - 1; i >= a && i < b; i += dir)
		if (sline_has_attr(&pg->body.v[i], AT_HIGHLIGHT)) {
			p->pv.top = p->pv.hit = i;
			return 1;
		}
	return 0;
}

/* The first hit (range start) at or after byte a found before byte b,
 * or UINT32_MAX; dir < 0: the last one before b. */
static uint32_t
hit_between(struct pager *p, uint32_t a, uint32_t b, int dir)
{
	struct hl_lazy *lz = search_answer_lazy(p->e->ix, p->sq, p->page.idx);
	uint32_t found = UINT32_MAX;
	size_t i;

	if (lz == NULL)
		return found;
	search_lazy_skip(lz, a);
	if (lz->known < b)
		lz->more(lz, b);
	for (i = 0; i < lz->set.n; i++) {
		uint32_t s = lz->set.v[i].start;

		if (s < a)
			continue;
		if (dir > 0) {
			found = s;
			break;
		}
		if (s < b)
			found = s;
	}
	search_lazy_free(lz);
	return found;
}

int
page_hit_beyond(struct pager *p, int dir, int *stopped)
{
	struct page *pg = page_get(p);
	const struct entry *an = page_answer(p, pg->idx);
	const struct answer_units *u = &pg->units;
	size_t n = u->n, k = dir > 0 ? pg->u1 : pg->u0, k2, budget = 0;

	*stopped = 0;
	if (!pg->win || p->sq == NULL || p->e->ix == NULL)
		return 0;
	/* in chunks of about a megabyte (64 units), nearest first */
	while (dir > 0 ? k < n : k > 0) {
		uint32_t a, b, s;
		size_t h;

		if (budget >= PAGE_HIT_BYTES) {
			/* enough for one key: the search goes on from
			 * here with the next n */
			page_jump(p, k);
			/* n steps from the line after the top: the
			 * unit's first is not searched yet */
			if (dir > 0)
				p->pv.top = -1;
			*stopped = 1;
			return 1;
		}
		k2 =
		    dir > 0 ? (k + 64 < n ? k + 64 : n) : (k > 64 ? k - 64 : 0);
		a = answer_unit_offset(an, u, dir > 0 ? k : k2);
		b = answer_unit_offset(an, u, dir > 0 ? k2 : k);
		budget += b - a;
		s = hit_between(p, a, b, dir);
		if (s == UINT32_MAX) {
			k = k2;
			continue;
		}
		h = unit_of(an, u, dir > 0 ? k : k2, dir > 0 ? n : k, s);
		pg = page_get(p);
		if (hit_in_unit(p, h, dir))
			return 1;
		/* a hit no line shows: on past it */
		k = dir > 0 ? h + 1 : h;
	}
	return 0;
}

int
page_link_beyond(struct pager *p, int dir)
{
	struct page *pg = page_get(p);
	struct pview saved = p->pv;
	size_t n = pg->units.n, k = dir > 0 ? pg->u1 : pg->u0, tries = 0;

	if (!pg->win)
		return 0;
	while ((dir > 0 ? k < n : k > 0) && tries++ < PAGE_LINK_UNITS) {
		size_t u = dir > 0 ? k : k - 1;
		int a, b, j;

		page_jump(p, u);
		pg = &p->page;
		a = p->pv.top;
		b = pg->ustart[u - pg->u0 + 1];
		for (j = dir > 0 ? 0 : (int)pg->nlinks - 1;
		     j >= 0 && j < (int)pg->nlinks; j += dir)
			if (pg->links[j].line >= a && pg->links[j].line < b) {
				p->pv.link = j;
				p->pv.top = pg->links[j].line;
				return 1;
			}
		k = dir > 0 ? u + 1 : u;
	}
	/* none near enough: back to where Tab was pressed */
	p->pv = saved;
	(void)page_get(p);
	return 0;
}
