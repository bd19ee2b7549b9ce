/*
 * outline_search.c - the outline's search; see outline_search.h (the view
 * is outline.c, the layout outline_layout.c).
 */
#include "outline_search.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "filter.h"
#include "i18n.h"
#include "rows.h"
#include "search.h"
#include "xalloc.h"

/* Goes to hit line `line` of item (the selected entry or one of its
 * parts), on screen. */
static void
goto_hit(struct outline *o, size_t item, int line)
{
	o->hit_item = item;
	o->hit_line = line;
	o->hit_rank = outline_hit_rank(o, item, 0, line);
	outline_show_item_line(o, item, line);
}

/* An answer just opened under a search: its first hit shows (the head
 * may scroll away in a long answer), and n goes on from there. */
void
outline_show_answer_hit(struct outline *o)
{
	int head, line;
	size_t item = o->sel;

	if (!o->f.on)
		return;
	outline_item_height(o, o->sel, &head);
	line = head;
	if (outline_ext_hit(o, o->sel, &item, &line, 1))
		goto_hit(o, item, line);
}


/*
 * The search filter.  Two snapshots: the pristine view (open/closed state,
 * selection, scroll) taken when a filter starts from an unfiltered
 * outline, restored when the filter goes away; and the selection and
 * scroll from before the current `/`, restored by Esc while typing.
 */

/* The item that is id (kind and index into the doc) in the items as they
 * are now, or NO_ITEM: the items are rebuilt when the results go best
 * first, so a selection to come back to is kept by what it is. */
static size_t
item_find(const struct outline *o, struct item id)
{
	size_t i;

	switch (id.kind) {
	case ITEM_ENTRY:
		return o->ent_item[id.idx];
	case ITEM_SECTION:
		return o->sec_item[id.idx];
	default:
		for (i = 0; i < o->nitems; i++)
			if (o->items[i].kind == ITEM_TITLE &&
			    o->items[i].idx == id.idx)
				return i;
		return NO_ITEM;
	}
}

static int
same_item(struct item a, struct item b)
{
	return a.kind == b.kind && a.idx == b.idx;
}

/* The items for the filter: best first, the hits in their ranked order
 * (no titles, no sections); else the document with the sections that
 * hold hits open. */
static void
follow_layout(struct outline *o)
{
	const struct doc *d = o->e->d;
	size_t i, n;
	const uint32_t *order = filter_nav_hits(&o->f, &n);

	/* (with no hit at all, the document: an outline of no items would
	 * take no key, not even the Backspace that brings the hits back) */
	if (o->best && o->f.on && n > 0 && n == o->f.nhits) {
		outline_layout_flat(o, order, n);
		return;
	}
	if (o->flat)
		outline_layout_flat(o, NULL, 0);
	for (i = 0; i < o->f.nhits; i++)
		o->sec_open[d->entries[o->f.hits[i]].section] = 1;
}

/*
 * The outline follows what a search did to the filter: the sections with
 * hits open, the view from the top, and the selection on the anchor (the
 * item selected before the filter, or the one the visitor moved to since)
 * when it shows, else on the first hit.  The selection depends on the
 * anchor and the hits alone, not on the searches in between: a terminal
 * searches for whatever was typed when it draws, after any key of a query
 * typed or pasted, --dump once for the whole query (view.h, one model,
 * drawn or not).
 */
static void
outline_follow(struct outline *o, enum filter_change c)
{
	const struct doc *d = o->e->d;
	size_t s;

	switch (c) {
	case FILTER_NONE:
		return;
	case FILTER_ENDED:
		/* Exactly the view from before the filter: a query typed and
		 * erased between two draws never showed a filter at all. */
		if (o->flat)
			outline_layout_flat(o, NULL, 0);
		memcpy(o->sec_open, o->save_sec, d->nsecs);
		memcpy(o->ent_open, o->save_ent, d->nentries);
		o->sel = o->save.sel;
		o->top = o->save.top;
		o->hit_item = o->save_hit_item;
		o->hit_line = o->save_hit_line;
		o->hit_rank = o->save_hit_rank;
		outline_fix(o);
		return;
	case FILTER_STARTED:
		if (o->save_sec == NULL) {
			o->save_sec = xcalloc(d->nsecs ? d->nsecs : 1, 1);
			o->save_ent = xcalloc(d->nentries ? d->nentries : 1, 1);
		}
		memcpy(o->save_sec, o->sec_open, d->nsecs);
		memcpy(o->save_ent, o->ent_open, d->nentries);
		o->save.sel = o->sel;
		o->save.top = o->top;
		o->save_hit_item = o->hit_item;
		o->save_hit_line = o->hit_line;
		o->save_hit_rank = o->hit_rank;
		o->anchor = o->items[o->sel];
		break;
	case FILTER_CHANGED:
		/* The visitor moved since the last search: that is the
		 * place to keep now. */
		if (o->nitems > 0 &&
		    (!o->auto_set || !same_item(o->items[o->sel], o->auto_sel)))
			o->anchor = o->items[o->sel];
		break;
	}
	o->hit_item = NO_ITEM;
	follow_layout(o);
	o->auto_set = 0;
	if (o->nitems == 0)
		return;
	s = item_find(o, o->anchor);
	if (s != NO_ITEM &&
	    (!outline_item_selectable(o, s) ||
	        (o->f.nhits > 0 && o->items[s].kind == ITEM_TITLE)))
		s = NO_ITEM;
	if (s == NO_ITEM && o->f.nhits > 0)
		s = o->flat ? 0 : o->ent_item[o->f.hits[0]];
	if (s == NO_ITEM)
		s = outline_first_selectable(o);
	o->sel = s != NO_ITEM ? s : 0;
	o->top.item = 0;
	o->top.line = 0;
	outline_ensure_head(o);
	o->auto_set = 1;
	o->auto_sel = o->items[o->sel];
}

void
outline_sync(void *v)
{
	struct outline *o = v;

	outline_follow(o, filter_sync(&o->f));
}

/*
 * Esc on a filtered outline: the filter goes and the open state from
 * before it comes back, but the selection stays on the entry the visitor
 * moved to (open if it was, its hit on screen), and the search is kept
 * for n/N, as less keeps its pattern.
 */
void
outline_clear(struct outline *o)
{
	const struct item *it = &o->items[o->sel];
	size_t sel = o->sel;
	int was_open = it->kind == ITEM_ENTRY && o->ent_open[it->idx];
	int hit_line = o->hit_line;
	/* the hit may be in one of the entry's parts: kept as an offset */
	size_t hit_off = o->hit_item - o->sel;
	int at_hit = o->hit_item != NO_ITEM && o->hit_item >= o->sel &&
	             o->hit_item <= outline_extent_end(o, o->sel);
	uint32_t ent = it->kind == ITEM_ENTRY ? it->idx : UINT32_MAX;

	if (!o->f.on) {
		filter_unkeep(&o->f);
		return;
	}
	filter_keep(&o->f);
	outline_follow(o, FILTER_ENDED);
	/* (best first, the items were rebuilt: find the entry again) */
	if (ent != UINT32_MAX)
		sel = o->ent_item[ent];
	o->sel = sel;
	it = &o->items[sel];
	if (it->kind == ITEM_ENTRY) {
		o->sec_open[o->e->d->entries[it->idx].section] = 1;
		o->ent_open[it->idx] = (uint8_t)was_open;
	}
	outline_ensure_head(o);
	if (at_hit && hit_line >= 0) {
		o->hit_item = sel + hit_off;
		o->hit_line = hit_line;
		outline_show_item_line(o, o->hit_item, hit_line);
	}
}

int
outline_search_begin(void *v, const char **q)
{
	struct outline *o = v;

	o->at_start = 0; /* a search ends the start view */
	o->edit.sel = o->sel;
	o->edit.top = o->top;
	*q = filter_query(&o->f);
	return 1;
}

/*
 * Typing only sets the query: the search runs at the next sync.  But a
 * query erased to nothing ends the filter at once: a terminal that drew
 * while it was empty showed the outline from before the filter, and the
 * next query starts a filter from there, so without a draw it must too
 * (one model, drawn or not).  Ending a filter searches nothing.
 */
void
outline_search_edit(void *v, const char *q, size_t n, struct intent *out)
{
	struct outline *o = v;

	o->at_start = 0; /* a search ends the start view */
	(void)out;
	filter_set_query(&o->f, q, n);
	if (filter_query_blank(&o->f))
		outline_sync(o);
}

/* Enter: keep the filter and move into the results.  Esc: the query and
 * the place from before `/`. */
void
outline_search_end(void *v, int accept, const char *before, struct intent *out)
{
	struct outline *o = v;

	o->at_start = 0; /* a search ends the start view */
	if (accept) {
		if (o->f.on && o->f.nhits > 0) {
			/* the first row: best first, the best hit */
			o->sel = o->flat ? 0 : o->ent_item[o->f.hits[0]];
			outline_ensure_head(o);
			/* the visitor chose it: the next search (o, best
			 * first) keeps it while it is a hit */
			o->anchor = o->items[o->sel];
			/* n goes to its first hit line */
			o->hit_item = o->sel;
			o->hit_line = -1;
		} else if (o->f.on) {
			rows_msg_set(&out->msg, _("No match for %s"), o->f.q);
		}
		return;
	}
	filter_set_query(&o->f, before, strlen(before));
	outline_sync(o);
	if (o->f.on) {
		o->sel = o->edit.sel;
		o->top = o->edit.top;
		outline_fix(o);
	}
}

/* Opens entry e's answer when a hit is in it (the lines then hold it). */
static void
open_for_hits(struct outline *o, uint32_t e)
{
	struct search_hits h;

	if (filter_entry_hits(&o->f, e, &h) && h.na > 0 && !o->ent_open[e]) {
		o->ent_open[e] = 1;
		outline_ensure_head(o);
	}
	search_hits_free(&h);
}

/*
 * n/N, as in less: the next line with a hit, first inside the selected
 * entry (its answer opened), then in the next entry with hits, whose
 * answer opens when the hit is in it; the view scrolls so that the line
 * shows, even deep in a long answer.  Only going past the last hit (or
 * before the first) wraps, and only then says so.
 */
void
outline_next_hit(void *v, int dir, struct intent *out)
{
	struct outline *o = v;
	const struct item *it = &o->items[o->sel];
	size_t k, cur = 0, nh;
	const uint32_t *hits = filter_nav_hits(&o->f, &nh);
	long at = -1, n;
	int line, from;
	uint32_t pivot;

	o->at_start = 0; /* a search ends the start view */
	if (nh == 0) {
		rows_msg_set(&out->msg, "%s", _("No search hits"));
		return;
	}
	if (it->kind == ITEM_ENTRY) {
		for (k = 0; k < nh; k++)
			if (hits[k] == it->idx)
				at = (long)k;
	}
	if (at >= 0) {
		/* Inside the entry first (after Enter: from its top); the
		 * hit n went to may be in one of its parts. */
		int in = o->hit_item != NO_ITEM && o->hit_item >= o->sel &&
		         o->hit_item <= outline_extent_end(o, o->sel);
		size_t item = in ? o->hit_item : o->sel;

		open_for_hits(o, it->idx);
		from = in ? o->hit_line + dir : dir > 0 ? 0 : -1;
		if (from >= 0 || dir > 0 || (in && item > o->sel)) {
			if (from < 0) { /* from the part before */
				item--;
				from = outline_item_height(o, item, NULL) - 1;
			}
			line = outline_ext_hit(o, o->sel, &item, &from, dir)
			           ? from
			           : -1;
			if (!in && dir > 0 && line >= 0) {
				/* an entry n did not bring us to: the next */
				line = -1;
			}
			if (line >= 0) {
				goto_hit(o, item, line);
				rows_msg_set(&out->msg, "%zu/%zu",
				    (size_t)at + 1, nh);
				return;
			}
		}
		n = at + dir;
		if (n < 0 || n >= (long)nh) {
			rows_msg_set(
			    &out->msg, "%s", _("Search wrapped around"));
			n = n < 0 ? (long)nh - 1 : 0;
		}
		cur = (size_t)n;
	} else {
		/* From a section row or an entry without hits: the first
		 * hit below (or above) it. */
		pivot = it->kind == ITEM_SECTION ? o->e->d->secs[it->idx].first
		        : it->kind == ITEM_ENTRY ? it->idx
		                                 : 0;
		for (k = 0; k < nh && hits[k] < pivot; k++)
			;
		if (dir < 0)
			k = k > 0 ? k - 1 : nh;
		if (k >= nh) {
			rows_msg_set(
			    &out->msg, "%s", _("Search wrapped around"));
			k = dir > 0 ? 0 : nh - 1;
		}
		cur = k;
	}
	o->sec_open[o->e->d->entries[hits[cur]].section] = 1;
	o->sel = o->ent_item[hits[cur]];
	open_for_hits(o, hits[cur]);
	outline_ensure_head(o);
	{
		size_t item = dir > 0 ? o->sel : outline_extent_end(o, o->sel);

		line = dir > 0 ? 0 : outline_item_height(o, item, NULL) - 1;
		if (!outline_ext_hit(o, o->sel, &item, &line, dir)) {
			item = o->sel;
			line = 0;
		}
		goto_hit(o, item, line);
	}
	if (out->msg.text == NULL)
		rows_msg_set(&out->msg, "%zu/%zu", cur + 1, nh);
}

