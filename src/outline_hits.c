/*
 * outline_hits.c - the lines of the outline that hold search hits, and
 * bringing one on screen: what n/N, p and a resize use to find a hit
 * again; see outline_layout.h.  Part of outline_layout (LAYERS).
 */
#include "outline_layout.h"

#include "doc.h"
#include "filter.h"
#include "render.h"
#include "render_units.h"
#include "search.h"
#include "sline.h"

/*
 * Whether part item k can hold a hit, from the byte offsets of the hits
 * lz found in the answer's text: a part without one is not laid out, so
 * that n crosses a 10 MB answer in one scan of its text, not a layout of
 * every part.  lz NULL: it may.
 */
static int
part_may_hit(const struct outline *o, size_t k, struct hl_lazy *lz)
{
	const struct item *it = &o->items[k];
	const struct doc *d = o->e->d;
	const struct entry *an;
	const struct answer_units *u;
	size_t a, b, lo = 0, hi;

	if (lz == NULL || it->kind != ITEM_PART)
		return 1;
	an = doc_entry_answer(d, &d->entries[it->idx]);
	u = &o->longs[o->ent_long[it->idx] - 1].u;
	a = answer_unit_offset(an, u, it->part);
	b = answer_unit_offset(an, u, it->part + 1);
	if (lz->known < b)
		lz->more(lz, b);
	hi = lz->set.n;
	while (lo < hi) { /* the first hit that ends after a */
		size_t mid = lo + (hi - lo) / 2;

		if (lz->set.v[mid].end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < lz->set.n && lz->set.v[lo].start < b;
}

int
outline_hit_line(struct outline *o, size_t i, int from, int dir)
{
	struct geom g;
	const struct slines *ls = outline_item_lines(o, i, &g);
	int l;

	for (l = from; l >= 0 && l < (int)ls->n; l += dir)
		if (sline_has_attr(&ls->v[l], AT_HIGHLIGHT))
			return l;
	return -1;
}

int
outline_hit_rank(struct outline *o, size_t i, int from, int line)
{
	int l, k = 0;

	for (l = outline_hit_line(o, i, from, 1); l >= 0 && l < line;
	     l = outline_hit_line(o, i, l + 1, 1))
		k++;
	return k;
}

int
outline_hit_nth(struct outline *o, size_t i, int from, int rank)
{
	int l = outline_hit_line(o, i, from, 1), next;

	while (l >= 0 && rank-- > 0 &&
	       (next = outline_hit_line(o, i, l + 1, 1)) >= 0)
		l = next;
	return l;
}

void
outline_show_line(struct outline *o, int line)
{
	int vh = outline_view_h(o), r, head;

	outline_item_height(o, o->sel, &head);
	if (line < head) {
		outline_ensure_head(o);
		return;
	}
	r = outline_item_row(o, o->sel);
	if (r > -1000000 && r + line >= 0 && r + line < vh)
		return;
	/* The head too when it fits on the same screen. */
	if (line < vh - 1) {
		o->top.item = o->sel;
		o->top.line = 0;
		outline_fix(o);
		return;
	}
	o->top.item = o->sel;
	o->top.line = line;
	outline_pos_back(o, &o->top, vh / 3);
	outline_fix(o);
}

int
outline_ext_hit(
    struct outline *o, size_t sel, size_t *item, int *line, int dir)
{
	size_t end = outline_extent_end(o, sel), k = *item;
	int from = *line, l;

	struct hl_lazy *lz = end != sel
	                         ? filter_answer_hits(&o->f, o->items[sel].idx)
	                         : NULL;

	while (k >= sel && k <= end) {
		if (from >= 0 && part_may_hit(o, k, lz) &&
		    (l = outline_hit_line(o, k, from, dir)) >= 0) {
			*item = k;
			*line = l;
			search_lazy_free(lz);
			return 1;
		}
		if (dir > 0) {
			k++;
			from = 0;
		} else {
			if (k == sel)
				break;
			k--;
			from = part_may_hit(o, k, lz)
			           ? outline_item_height(o, k, NULL) - 1
			           : 0;
		}
	}
	search_lazy_free(lz);
	return 0;
}

void
outline_show_item_line(struct outline *o, size_t item, int line)
{
	int vh = outline_view_h(o), r;

	if (item == o->sel) {
		outline_show_line(o, line);
		return;
	}
	r = outline_item_row(o, item);
	if (r > -1000000 && r + line >= 0 && r + line < vh)
		return;
	o->top.item = item;
	o->top.line = line;
	outline_pos_back(o, &o->top, vh / 3);
	outline_fix(o);
}
