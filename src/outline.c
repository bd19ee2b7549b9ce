/*
 * outline.c - the outline view: its keys, its search filter and its
 * screen; see outline.h.  What shows and where (items, lines, the view's
 * position) is outline_layout.c's.
 */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "filter.h"
#include "i18n.h"
#include "outline_layout.h"
#include "outline_status.h"
#include "rows.h"
#include "search.h"
#include "xalloc.h"

/* The first section or question, else the first item. */
static size_t
outline_first_row(const struct outline *o)
{
	size_t i;

	for (i = outline_first_selectable(o); i != NO_ITEM;
	     i = outline_next_selectable(o, i))
		if (o->items[i].kind != ITEM_TITLE)
			return i;
	return 0;
}

/* The start state of the web page: sections open, answers closed, the
 * first line at the top. */
static void
outline_start(struct outline *o)
{
	memset(o->sec_open, 1, o->e->d->nsecs);
	memset(o->ent_open, 0, o->e->d->nentries);
	o->top.item = 0;
	o->top.line = 0;
	o->sel = outline_first_row(o);
	o->at_start = 1;
}

/* At the start, at any size: the first line at the top, and the first
 * section selected when its head shows on this first screen, else the
 * title (a long introduction, or a small terminal). */
static void
outline_settle_start(struct outline *o)
{
	int head, r, vh = outline_view_h(o);

	o->top.item = 0;
	o->top.line = 0;
	o->sel = outline_first_row(o);
	if (o->nitems == 0)
		return;
	outline_fix(o);
	outline_item_height(o, o->sel, &head);
	r = outline_item_row(o, o->sel);
	if (r < 0 || r + head > vh)
		o->sel = o->top.item;
}

struct outline *
outline_new(const struct view_env *env, int expand_all)
{
	struct outline *o = xcalloc(1, sizeof *o);

	o->e = env;
	filter_init(&o->f, env->d, env->ix);
	outline_layout_init(o);
	outline_start(o);
	if (expand_all)
		memset(o->ent_open, 1, env->d->nentries);
	return o;
}

static void
outline_free(void *v)
{
	struct outline *o = v;

	outline_layout_free(o);
	filter_free(&o->f);
	free(o->save_sec);
	free(o->save_ent);
	free(o->anchor_sec);
	free(o->rows);
	free(o->jumps);
	free(o);
}

/* A key other than an edit of the query ends a run of edits (and any
 * key, the start). */
static void
outline_edits_end(struct outline *o)
{
	o->edit_run = 0;
	o->at_start = 0;
}

/* Kiosk home: the next visitor sees nothing of the last one. */
static void
outline_reset(void *v)
{
	struct outline *o = v;

	outline_edits_end(o);
	o->njumps = 0;
	filter_reset(&o->f);
	outline_start(o);
}

static unsigned
outline_keys(const void *v)
{
	(void)v;
	return MB_OUTLINE;
}

/* An empty document (no collection at all) has no outline to act on. */
static int
outline_inert(const void *v)
{
	const struct outline *o = v;

	return o->nitems == 0;
}

static void
outline_select(struct outline *o, size_t item)
{
	const struct item *it = &o->items[item];

	if (it->kind == ITEM_ENTRY)
		o->sec_open[o->e->d->entries[it->idx].section] = 1;
	o->sel = item;
	outline_ensure_head(o);
}

/* Asks for the pager at (kind, idx), with the filter while it filters. */
static void
want_pager(
    const struct outline *o, uint8_t kind, uint32_t idx, struct intent *out)
{
	out->kind = INTENT_PAGER;
	out->page = kind;
	out->idx = idx;
	out->query = o->f.on ? o->f.q : NULL;
}

int
outline_open_id(struct outline *o, const char *id, struct intent *out)
{
	const struct doc *d = o->e->d;
	const struct entry *e = doc_entry_by_id(d, id);
	const struct section *sec = doc_section_by_id(d, id);

	o->at_start = 0;
	if (e == NULL && sec != NULL) {
		outline_select(o, o->sec_item[sec - d->secs]);
		want_pager(o, PAGE_SECTION, (uint32_t)(sec - d->secs), out);
		return 0;
	}
	if (e == NULL)
		return -1;
	outline_select(o, o->ent_item[e - d->entries]);
	want_pager(o, PAGE_ENTRY, (uint32_t)(e - d->entries), out);
	return 0;
}

/* j/k: move to the next item, but first scroll through the rest of a
 * selected answer that is taller than what shows (as vim does in folds). */
static void
outline_move(void *v, int dir, struct intent *out)
{
	struct outline *o = v;
	int vh = outline_view_h(o), r, h;
	size_t n;

	outline_edits_end(o);
	(void)out;
	outline_fix(o);
	r = outline_item_row(o, o->sel);
	h = outline_item_height(o, o->sel, NULL);
	if (dir > 0 && r + h > vh && r < vh) {
		outline_scroll_down(o, 1);
		return;
	}
	if (dir < 0 && r < 0 && r + h > 0) {
		outline_pos_back(o, &o->top, 1);
		return;
	}
	n = dir > 0 ? outline_next_selectable(o, o->sel)
	            : outline_prev_selectable(o, o->sel);
	if (n == NO_ITEM) {
		if (dir < 0)
			outline_ensure_head(o); /* show the title again */
		return;
	}
	o->sel = n;
	outline_ensure_head(o);
}

static void
outline_scroll(void *v, int lines, struct intent *out)
{
	struct outline *o = v;

	outline_edits_end(o);
	(void)out;
	outline_fix(o);
	if (lines > 0)
		outline_scroll_down(o, lines);
	else
		outline_pos_back(o, &o->top, -lines);
	outline_follow_view(o);
}

static void
outline_edge(void *v, int end, struct intent *out)
{
	struct outline *o = v;
	size_t i;
	int vh = outline_view_h(o);

	outline_edits_end(o);
	(void)out;
	if (!end) {
		o->sel = outline_first_selectable(o);
		o->top.item = 0;
		o->top.line = 0;
		outline_fix(o);
		return;
	}
	/* The last screenful, and the last item whose head shows on it. */
	i = outline_prev_visible(o, o->nitems);
	if (i == NO_ITEM)
		return;
	o->top.item = i;
	o->top.line = outline_item_height(o, i, NULL) - 1;
	outline_pos_back(o, &o->top, vh - 1);
	i = outline_prev_selectable(o, o->nitems);
	if (i != NO_ITEM)
		o->sel = i;
	outline_fix(o);
	outline_follow_view(o);
}

static void
outline_page(void *v, int dir, struct intent *out)
{
	struct outline *o = v;
	int vh = outline_view_h(o), moved;

	outline_edits_end(o);
	outline_fix(o);
	if (dir > 0)
		moved = outline_scroll_down(o, vh);
	else
		moved = outline_pos_back(o, &o->top, vh);
	if (moved == 0) {
		outline_edge(o, dir > 0, out);
		return;
	}
	outline_follow_view(o);
}

/* Enter (enter != 0) opens, and on what is already open, asks for the
 * pager; Right/l only opens (on an open section: its first question). */
static void
outline_open(struct outline *o, int enter, struct intent *out)
{
	const struct item *it = &o->items[o->sel];

	outline_fix(o);
	if (it->kind == ITEM_SECTION) {
		if (!o->sec_open[it->idx]) {
			o->sec_open[it->idx] = 1;
			outline_ensure_fits(o);
		} else if (enter) {
			want_pager(o, PAGE_SECTION, it->idx, out);
		} else {
			size_t n = outline_next_selectable(o, o->sel);

			if (n != NO_ITEM && o->items[n].kind == ITEM_ENTRY) {
				o->sel = n;
				outline_ensure_head(o);
			}
		}
		return;
	}
	if (it->kind != ITEM_ENTRY)
		return;
	if (!o->ent_open[it->idx]) {
		o->ent_open[it->idx] = 1;
		outline_ensure_fits(o);
	} else if (enter) {
		want_pager(o, PAGE_ENTRY, it->idx, out);
	}
}

static void
outline_close(struct outline *o)
{
	const struct item *it = &o->items[o->sel];

	outline_fix(o);
	if (it->kind == ITEM_ENTRY) {
		if (o->ent_open[it->idx])
			o->ent_open[it->idx] = 0;
		else
			o->sel = o->sec_item[o->e->d->entries[it->idx].section];
	} else if (it->kind == ITEM_SECTION) {
		o->sec_open[it->idx] = 0;
	}
	outline_ensure_head(o);
}

/* 「すべて開く」: opens every answer of the section (and the section);
 * 「すべて閉じる」 closes them. */
static void
outline_toggle_section_all(struct outline *o, uint32_t sec)
{
	const struct section *s = &o->e->d->secs[sec];
	int open = !outline_sec_all_open(o, sec);

	memset(o->ent_open + s->first, open, s->n);
	if (open)
		o->sec_open[sec] = 1;
	outline_ensure_head(o);
}

static void
outline_toggle_all(struct outline *o, struct intent *out)
{
	const struct doc *d = o->e->d;
	size_t i;
	int all = 1;

	for (i = 0; i < d->nentries && all; i++)
		all = o->ent_open[i];
	for (i = 0; i < d->nsecs && all; i++)
		all = o->sec_open[i];
	memset(o->ent_open, !all, d->nentries);
	memset(o->sec_open, !all, d->nsecs);
	if (all && o->items[o->sel].kind == ITEM_ENTRY)
		o->sel = o->sec_item[d->entries[o->items[o->sel].idx].section];
	outline_ensure_head(o);
	rows_msg_set(&out->msg, "%s",
	    all ? _("Everything closed") : _("Everything open"));
}

static void
outline_next_section(struct outline *o, int dir, struct intent *out)
{
	size_t i = o->sel;

	for (;;) {
		i = dir > 0 ? outline_next_selectable(o, i)
		            : outline_prev_selectable(o, i);
		if (i == NO_ITEM) {
			rows_msg_set(&out->msg, "%s",
			    dir > 0 ? _("No more sections")
			            : _("No previous section"));
			return;
		}
		if (o->items[i].kind == ITEM_SECTION)
			break;
	}
	/* The section goes to the top of the screen, its questions below
	 * it (at the end, outline_fix fills the screen again). */
	o->sel = i;
	o->top.item = i;
	o->top.line = 0;
	outline_ensure_head(o);
}

static void
outline_click(void *v, int x, int y, struct intent *out)
{
	struct outline *o = v;
	const struct rowinfo *r;
	const struct item *it;

	outline_edits_end(o);
	(void)out;
	if (y < 0 || y >= o->nrows || o->rows == NULL)
		return;
	r = &o->rows[y];
	if (r->item == NO_ITEM || o->items[r->item].kind == ITEM_TITLE)
		return;
	it = &o->items[r->item];
	o->sel = r->item;
	if (it->kind == ITEM_SECTION) {
		int head;

		outline_item_height(o, r->item, &head);
		if (r->lx0 >= 0 && x >= r->lx0 && x < r->lx1)
			outline_toggle_section_all(o, it->idx);
		else if (r->line < head)
			outline_open(o, 1, out); /* as Enter does */
		return;
	}
	/* A question row toggles; a click in the answer only selects. */
	{
		int head;

		outline_item_height(o, r->item, &head);
		if (r->line < head) {
			o->ent_open[it->idx] = !o->ent_open[it->idx];
			if (o->ent_open[it->idx])
				outline_ensure_fits(o);
			else
				outline_ensure_head(o);
			return;
		}
	}
	outline_fix(o);
}

/* The screen shows something else: a click finds no row of the outline. */
static void
outline_hide(void *v)
{
	struct outline *o = v;

	free(o->rows);
	o->rows = NULL;
	o->nrows = 0;
}

/* Jumps (g, G, Tab, n, ...) remember where they left; Backspace returns.
 * The oldest are dropped past JUMPS_MAX. */
#define JUMPS_MAX 100

static void
outline_jump_push(void *v)
{
	struct outline *o = v;

	if (o->njumps == JUMPS_MAX) {
		memmove(
		    o->jumps, o->jumps + 1, (JUMPS_MAX - 1) * sizeof *o->jumps);
		o->njumps--;
	}
	if (o->njumps == o->capjumps) {
		o->capjumps = o->capjumps ? o->capjumps * 2 : 8;
		o->jumps =
		    xreallocarray(o->jumps, o->capjumps, sizeof *o->jumps);
	}
	o->jumps[o->njumps].sel = o->sel;
	o->jumps[o->njumps].top = o->top;
	o->njumps++;
}

static void
outline_jump_back(void *v, struct intent *out)
{
	struct outline *o = v;

	outline_edits_end(o);
	if (o->njumps == 0) {
		rows_msg_set(&out->msg, "%s", _("Nothing to go back to"));
		return;
	}
	o->njumps--;
	o->sel = o->jumps[o->njumps].sel;
	o->top = o->jumps[o->njumps].top;
	outline_fix(o);
	outline_ensure_head(o);
}

/*
 * The search filter.  Two snapshots: the pristine view (open/closed state,
 * selection, scroll) taken when a filter starts from an unfiltered
 * outline, restored when the filter goes away; and the selection and
 * scroll from before the current `/`, restored by Esc while typing.
 */

/* The outline follows what a search did to the filter: the sections with
 * hits open, the selection on a hit, the view from the top. */
static void
outline_follow(struct outline *o, enum filter_change c)
{
	const struct doc *d = o->e->d;
	size_t i;

	switch (c) {
	case FILTER_NONE:
		return;
	case FILTER_ENDED:
		memcpy(o->sec_open, o->save_sec, d->nsecs);
		memcpy(o->ent_open, o->save_ent, d->nentries);
		o->sel = o->save.sel;
		o->top = o->save.top;
		outline_ensure_head(o);
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
		break;
	case FILTER_CHANGED:
		break;
	}
	if (o->edit_run) {
		/* From where the run of edits began (see outline_layout.h). */
		memcpy(o->sec_open, o->anchor_sec, d->nsecs);
		o->sel = o->anchor_sel;
	}
	for (i = 0; i < o->f.nhits; i++)
		o->sec_open[d->entries[o->f.hits[i]].section] = 1;
	if (o->f.nhits > 0 && (!outline_item_selectable(o, o->sel) ||
	                          o->items[o->sel].kind == ITEM_TITLE))
		o->sel = o->ent_item[o->f.hits[0]];
	o->top.item = 0;
	o->top.line = 0;
	if (o->f.nhits > 0)
		outline_ensure_head(o);
}

static void
outline_sync(void *v)
{
	struct outline *o = v;

	outline_follow(o, filter_sync(&o->f));
}

/* Esc on a filtered outline: the filter goes, the old view comes back. */
static void
outline_clear(struct outline *o)
{
	if (!o->f.on)
		return;
	filter_set_query(&o->f, "", 0);
	outline_sync(o);
}

static int
outline_search_begin(void *v, const char **q)
{
	struct outline *o = v;

	outline_edits_end(o);
	o->edit.sel = o->sel;
	o->edit.top = o->top;
	*q = filter_query(&o->f);
	return 1;
}

/* Typing only sets the query: the search runs at the next sync. */
static void
outline_search_edit(void *v, const char *q, size_t n, struct intent *out)
{
	struct outline *o = v;

	(void)out;
	if (!o->edit_run) {
		const struct doc *d = o->e->d;

		if (o->anchor_sec == NULL)
			o->anchor_sec = xcalloc(d->nsecs ? d->nsecs : 1, 1);
		memcpy(o->anchor_sec, o->sec_open, d->nsecs);
		o->anchor_sel = o->sel;
		o->edit_run = 1;
	}
	filter_set_query(&o->f, q, n);
}

/* Enter: keep the filter and move into the results.  Esc: the query and
 * the place from before `/`. */
static void
outline_search_end(void *v, int accept, const char *before, struct intent *out)
{
	struct outline *o = v;

	outline_edits_end(o);
	if (accept) {
		if (o->f.on && o->f.nhits > 0) {
			o->sel = o->ent_item[o->f.hits[0]];
			outline_ensure_head(o);
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

/* n/N: the next entry with a hit, its answer opened when the hit is in it. */
static void
outline_next_hit(void *v, int dir, struct intent *out)
{
	struct outline *o = v;
	const struct filter *f = &o->f;
	const struct item *it = &o->items[o->sel];
	size_t k, cur = 0;
	long at = -1;
	struct search_hits h;

	outline_edits_end(o);
	if (!f->on || f->nhits == 0) {
		rows_msg_set(&out->msg, "%s", _("No search hits"));
		return;
	}
	if (it->kind == ITEM_ENTRY) {
		for (k = 0; k < f->nhits; k++)
			if (f->hits[k] == it->idx)
				at = (long)k;
	}
	if (at >= 0) {
		long n = at + dir;

		if (n < 0 || n >= (long)f->nhits) {
			rows_msg_set(
			    &out->msg, "%s", _("Search wrapped around"));
			n = n < 0 ? (long)f->nhits - 1 : 0;
		}
		cur = (size_t)n;
	} else {
		/* From a section row: the first hit below (or above) it. */
		uint32_t first =
		    it->kind == ITEM_SECTION ? o->e->d->secs[it->idx].first : 0;

		for (k = 0; k < f->nhits && f->hits[k] < first; k++)
			;
		if (dir < 0)
			k = k > 0 ? k - 1 : f->nhits - 1;
		cur = k < f->nhits ? k : 0;
	}
	o->sel = o->ent_item[f->hits[cur]];
	search_entry_hits(f->ix, f->sq, f->hits[cur], &h);
	if (h.na > 0)
		o->ent_open[f->hits[cur]] = 1;
	search_hits_free(&h);
	outline_ensure_fits(o);
	if (out->msg.text == NULL)
		rows_msg_set(&out->msg, "%zu/%zu", cur + 1, f->nhits);
}

static void
outline_act(void *v, enum action a, struct intent *out)
{
	struct outline *o = v;
	const struct item *it = &o->items[o->sel];
	int was_start = o->at_start;

	outline_edits_end(o);
	switch (a) {
	case ACT_ENTER:
	case ACT_OPEN:
	case ACT_CLOSE:
	case ACT_SECTION_ALL:
	case ACT_PAGER:
		/* Nothing to act on (a search without hits, a title). */
		if (!outline_item_selectable(o, o->sel) ||
		    it->kind == ITEM_TITLE)
			return;
		break;
	default:
		break;
	}
	switch (a) {
	case ACT_ENTER:
	case ACT_OPEN:
		outline_open(o, a == ACT_ENTER, out);
		break;
	case ACT_CLOSE:
		outline_close(o);
		break;
	case ACT_SECTION_ALL:
		outline_toggle_section_all(
		    o, it->kind == ITEM_SECTION
		           ? it->idx
		           : o->e->d->entries[it->idx].section);
		break;
	case ACT_ALL:
		outline_toggle_all(o, out);
		break;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
		outline_next_section(o, a == ACT_NEXT_SECTION ? 1 : -1, out);
		break;
	case ACT_PAGER:
		want_pager(o,
		    it->kind == ITEM_SECTION ? PAGE_SECTION : PAGE_ENTRY,
		    it->idx, out);
		break;
	case ACT_HELP:
		want_pager(o, PAGE_HELP, 0, out);
		break;
	case ACT_ESC:
		/* Kiosk --allow-quit: Esc on the untouched start screen is the
		 * way out a visitor finds without reading (Ctrl-D too). */
		if (!o->f.on && was_start && o->e->kiosk && o->e->allow_quit)
			out->kind = INTENT_QUIT;
		outline_clear(o);
		break;
	default:
		break;
	}
}

/* After every event: a valid top, the selection on screen, and after a
 * resize its head rows in view. */
static void
outline_settle(void *v)
{
	struct outline *o = v;
	int resized = o->laid_w != o->e->w || o->laid_h != o->e->h;
	int vh = outline_view_h(o);

	if (o->at_start) {
		outline_settle_start(o);
	} else if (o->nitems > 0) {
		outline_fix(o);
		if (resized) {
			outline_ensure_head(o);
		} else {
			int r = outline_item_row(o, o->sel);

			if (r >= vh ||
			    r + outline_item_height(o, o->sel, NULL) <= 0)
				outline_ensure_head(o);
		}
	}
	o->laid_w = o->e->w;
	o->laid_h = o->e->h;
}

static void
outline_render(void *v, struct screen *scr, struct view_status *st)
{
	struct outline *o = v;
	const struct view_env *env = o->e;
	int vh = env->h - 1, row = 0, w = env->w, skip;
	size_t i;
	free(o->rows);
	o->rows = xcalloc((size_t)env->h, sizeof *o->rows);
	o->nrows = env->h;
	for (row = 0; row < env->h; row++) {
		o->rows[row].item = NO_ITEM;
		o->rows[row].lx0 = o->rows[row].lx1 = -1;
	}
	scr->cursor_y = 0;
	scr->cursor_x = 0;
	row = 0;
	i = o->nitems > 0 ? o->top.item : NO_ITEM;
	skip = o->top.line;
	while (row < vh && i != NO_ITEM) {
		struct geom g;
		const struct slines *ls = outline_item_lines(o, i, &g);
		int l;

		for (l = skip; l < (int)ls->n && row < vh; l++, row++) {
			struct sline *dst = slines_push(&scr->rows);
			int marked = i == o->sel && l < g.head;
			uint16_t at = marked ? AT_SELECTED : 0;

			if (marked)
				sline_append(
				    dst, ">", 1, AT_SELECTED | AT_CHROME, 1);
			else
				sline_pad(dst, 1, 0);
			rows_fit(dst, &ls->v[l], w - 1, env->ambiguous, at);
			o->rows[row].item = i;
			o->rows[row].line = l;
			if (l == g.label_line) {
				o->rows[row].lx0 = g.lx0 + 1;
				o->rows[row].lx1 =
				    g.lx1 + 1 < w ? g.lx1 + 1 : w;
			}
			if (i == o->sel && (l == skip || l == 0) &&
			    scr->cursor_y == 0)
				scr->cursor_y = row;
		}
		skip = 0;
		i = outline_next_visible(o, i);
	}
	if (o->f.on && o->f.nhits == 0 && row < vh) {
		struct sline t = {0};
		char *m = xasprintf(_("No match for %s"), o->f.q);

		sline_pad(&t, 2, 0);
		sline_append(
		    &t, m, strlen(m), AT_DIM, rows_width(m, env->ambiguous));
		rows_fit(slines_push(&scr->rows), &t, w, env->ambiguous, 0);
		sline_free(&t);
		free(m);
		row++;
	}
	for (; row < vh; row++)
		sline_pad(slines_push(&scr->rows), w, 0);
	outline_status(o, st);
}

const struct view_ops outline_ops = {
    .name = "outline",
    .free = outline_free,
    .reset = outline_reset,
    .keys = outline_keys,
    .inert = outline_inert,
    .sync = outline_sync,
    .settle = outline_settle,
    .jump = outline_jump_push,
    .move = outline_move,
    .scroll = outline_scroll,
    .page = outline_page,
    .edge = outline_edge,
    .back = outline_jump_back,
    .next_hit = outline_next_hit,
    .act = outline_act,
    .click = outline_click,
    .search_begin = outline_search_begin,
    .search_edit = outline_search_edit,
    .search_end = outline_search_end,
    .render = outline_render,
    .hide = outline_hide,
};
