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
#include "outline_links.h"
#include "outline_search.h"
#include "outline_status.h"
#include "render.h"
#include "rows.h"
#include "search.h"
#include "width.h"
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
	o->hit_item = NO_ITEM;
	o->link_item = NO_ITEM;
	filter_init(&o->f, env->d, env->ix, env->romaji);
	o->best = env->order_best;
	filter_set_best(&o->f, o->best);
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
	free(o->rows);
	free(o->jumps);
	free(o);
}

/* Any key ends the start (see outline_settle), and drops the link Tab
 * focused (Tab, Shift-Tab and Enter keep it: outline_act). */
static void
outline_edits_end(struct outline *o)
{
	o->at_start = 0;
	o->link_item = NO_ITEM;
}

/* Kiosk home: the next visitor sees nothing of the last one. */
static void
outline_reset(void *v)
{
	struct outline *o = v;

	outline_edits_end(o);
	o->njumps = 0;
	filter_reset(&o->f);
	/* Best first, the items were the last visitor's hits: the
	 * document again, in the order the next visitor starts with. */
	if (o->flat)
		outline_layout_flat(o, NULL, 0);
	o->best = o->e->order_best;
	filter_set_best(&o->f, o->best);
	o->auto_set = 0;
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
void
outline_want_pager(
    const struct outline *o, uint8_t kind, uint32_t idx, struct intent *out)
{
	out->kind = INTENT_PAGER;
	out->page = kind;
	out->idx = idx;
	out->query = o->f.on ? o->f.q : NULL;
}

/* `p` on an entry under a search: the pager opens at the hit the outline
 * shows (the one n went to, else the first), counted in hit lines of the
 * answer. */
static void
want_pager_at_hit(struct outline *o, uint32_t e, struct intent *out)
{
	int head, line = -1;
	uint32_t k = 0;
	struct search_hits h;
	int any = filter_entry_hits(&o->f, e, &h) && h.na > 0;

	search_hits_free(&h);
	outline_want_pager(o, PAGE_ENTRY, e, out);
	if (!any)
		return;
	outline_item_height(o, o->sel, &head);
	if (o->hit_item != NO_ITEM && o->hit_item > o->sel &&
	    o->hit_item <= outline_extent_end(o, o->sel) && o->hit_line >= 0) {
		/* in a part of a long answer: the pager's window starts at
		 * that unit, the hit counted from there (view.h) */
		out->unit = o->items[o->hit_item].part;
		out->at_hit = 1;
		out->hitn = (uint32_t)outline_hit_rank(
		    o, o->hit_item, 0, o->hit_line);
		return;
	}
	if (o->hit_item == o->sel && o->hit_line >= 0) {
		if (o->hit_line < head)
			return; /* the hit is in the question: the top */
		line = o->hit_line;
	}
	if (o->ent_open[e] && line >= 0)
		k = (uint32_t)outline_hit_rank(o, o->sel, head, line);
	out->at_hit = 1;
	out->hitn = k;
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
		outline_want_pager(o, PAGE_SECTION, (uint32_t)(sec - d->secs), out);
		return 0;
	}
	if (e == NULL)
		return -1;
	outline_select(o, o->ent_item[e - d->entries]);
	outline_want_pager(o, PAGE_ENTRY, (uint32_t)(e - d->entries), out);
	return 0;
}

/* j/k: move to the next item, but first scroll through the rest of a
 * selected answer that is taller than what shows (as vim does in folds). */
static void
outline_move(void *v, int dir, struct intent *out)
{
	struct outline *o = v;
	int above, shows;
	size_t n;

	outline_edits_end(o);
	(void)out;
	outline_fix(o);
	/* (a long answer's parts are its question's: outline_layout.h) */
	above = outline_item_row(o, o->sel) < 0;
	shows = outline_extent_shows(o, o->sel);
	if (dir > 0 && shows && outline_extent_below(o, o->sel)) {
		outline_scroll_down(o, 1);
		return;
	}
	if (dir < 0 && shows && above) {
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
			outline_want_pager(o, PAGE_SECTION, it->idx, out);
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
		outline_show_answer_hit(o);
	} else if (enter) {
		outline_want_pager(o, PAGE_ENTRY, it->idx, out);
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
		else if (!o->flat) /* best first has no section rows */
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
	if (all && !o->flat && o->items[o->sel].kind == ITEM_ENTRY)
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
	 * it (at the end, outline_fix fills the screen again); Backspace
	 * comes back. */
	outline_jump_push(o);
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
	/* (a row of a long answer's part selects its question) */
	o->sel = outline_owner(o, r->item);
	if (it->kind == ITEM_SECTION) {
		int head;

		outline_item_height(o, r->item, &head);
		if (r->lx0 >= 0 && x >= r->lx0 && x < r->lx1)
			outline_toggle_section_all(o, it->idx);
		else if (r->line < head)
			outline_open(o, 1, out); /* as Enter does */
		return;
	}
	/* A question row toggles; a click on a link in the answer follows
	 * it, as Tab and Enter do; elsewhere in the answer it only
	 * selects. */
	{
		int head;
		struct geom g;
		const struct slines *ls = outline_item_lines(o, r->item, &g);

		outline_item_height(o, r->item, &head);
		if (it->kind == ITEM_PART)
			head = 0; /* no question rows: all answer */
		if (r->line >= head && r->line < (int)ls->n) {
			const struct sline *l = &ls->v[r->line];
			size_t k;

			for (k = 0; k < l->nlinks; k++) {
				int x0 = 1 + width_str(l->text, l->links[k].start,
				                 o->e->ambiguous);
				int x1 = 1 + width_str(l->text, l->links[k].end,
				                 o->e->ambiguous);

				if (x >= x0 && x < x1) {
					outline_link_follow(o, l->links[k].href, out);
					return;
				}
			}
		}
		if (r->line < head) {
			o->ent_open[it->idx] = !o->ent_open[it->idx];
			if (o->ent_open[it->idx]) {
				outline_ensure_fits(o);
				outline_show_answer_hit(o);
			} else
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

void
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

/* Tab/Shift-Tab: the next (previous) link on screen, in an open answer
 * or an introduction, as w3m's Tab; past the last (first) one, or with
 * none on screen, the next (previous) section as before. */
static void
outline_next_link(struct outline *o, size_t keep_item, int keep_line,
    int keep_k, int dir, struct intent *out)
{
	struct olink *l;
	size_t n;
	int cur, i;

	outline_fix(o);
	n = outline_screen_links(o, &l);
	o->link_item = keep_item;
	o->link_line = keep_line;
	o->link_k = keep_k;
	cur = outline_link_focused(o, l, n);
	if (cur < 0)
		i = dir > 0 ? 0 : (int)n - 1;
	else
		i = cur + dir;
	o->link_item = NO_ITEM;
	if (n == 0 || i < 0 || i >= (int)n) {
		free(l);
		outline_next_section(o, dir, out);
		return;
	}
	o->link_item = l[i].item;
	o->link_line = l[i].line;
	o->link_k = l[i].k;
	/* The question the link belongs to is the selection. */
	if (outline_item_selectable(o, l[i].item))
		o->sel = l[i].item;
	free(l);
}

static void
outline_act(void *v, enum action a, struct intent *out)
{
	struct outline *o = v;
	const struct item *it = &o->items[o->sel];
	int was_start = o->at_start;
	size_t link_item = o->link_item;
	int link_line = o->link_line, link_k = o->link_k;

	outline_edits_end(o);
	if (a == ACT_ENTER && link_item != NO_ITEM) {
		struct olink *l;
		size_t n = outline_screen_links(o, &l);
		int k;

		o->link_item = link_item;
		o->link_line = link_line;
		o->link_k = link_k;
		k = outline_link_focused(o, l, n);
		if (k >= 0) {
			outline_link_follow(o, l[k].href, out);
			/* Still on screen after an external link: the
			 * focus stays for the next Tab. */
			if (out->kind != INTENT_NONE || l[k].href[0] == '#')
				o->link_item = NO_ITEM;
			free(l);
			return;
		}
		o->link_item = NO_ITEM;
		free(l);
	}
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
		outline_next_link(o, link_item, link_line, link_k,
		    a == ACT_NEXT_SECTION ? 1 : -1, out);
		break;
	case ACT_PAGER:
		if (it->kind == ITEM_SECTION)
			outline_want_pager(o, PAGE_SECTION, it->idx, out);
		else
			want_pager_at_hit(o, it->idx, out);
		break;
	case ACT_HELP:
		outline_want_pager(o, PAGE_HELP, 0, out);
		break;
	case ACT_ESC:
		/* Kiosk --allow-quit: Esc on the untouched start screen is the
		 * way out a visitor finds without reading (Ctrl-D too). */
		if (!o->f.on && was_start && o->e->kiosk && o->e->allow_quit)
			out->kind = INTENT_QUIT;
		outline_clear(o);
		break;
	case ACT_ORDER:
		o->best = !o->best;
		filter_set_best(&o->f, o->best);
		outline_sync(o);
		rows_msg_set(&out->msg, "%s",
		    o->best ? _("Search results: best first")
		            : _("Search results: in document order"));
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
	int vh = outline_view_h(o), line;

	if (resized)
		o->link_item = NO_ITEM;
	if (o->at_start) {
		outline_settle_start(o);
	} else if (o->nitems > 0) {
		outline_fix(o);
		if (resized && o->hit_item != NO_ITEM &&
		    o->hit_item >= o->sel &&
		    o->hit_item <= outline_extent_end(o, o->sel) &&
		    o->hit_line >= 0 &&
		    (line = outline_hit_nth(o, o->hit_item, 0, o->hit_rank)) >=
		        0) {
			/* the hit n went to stays on screen: its line moved
			 * with the width, its rank among the hits did not */
			o->hit_line = line;
			outline_show_item_line(o, o->hit_item, line);
		} else if (resized && o->top.item > o->sel &&
		           o->top.item <= outline_extent_end(o, o->sel)) {
			/* deep in a long answer: the place is kept */
		} else if (resized) {
			int head;

			outline_ensure_head(o);
			/* a tall question keeps its open answer in view */
			if (outline_item_height(o, o->sel, &head) > head &&
			    head >= vh)
				outline_show_answer_start(o);
		} else {
			if (!outline_extent_shows(o, o->sel))
				outline_ensure_head(o);
		}
	}
	if (o->link_item != NO_ITEM) {
		struct olink *l;
		size_t n = outline_screen_links(o, &l);

		if (outline_link_focused(o, l, n) < 0)
			o->link_item = NO_ITEM;
		free(l);
	}
	o->laid_w = o->e->w;
	o->laid_h = o->e->h;
}

static void
outline_render(void *v, struct screen *scr, struct view_status *st)
{
	struct outline *o = v;
	const struct view_env *env = o->e;
	int vh = env->h - 1, row = 0, w = env->w, link_y = -1, link_x = 0;
	int chain = -1; /* the line a focused link may wrap onto */
	size_t nlinks;
	struct olink *links;
	struct screen_walk sw;

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
	outline_walk_start(o, &sw, vh);
	while (outline_walk_next(o, &sw)) {
		size_t i = sw.item;
		int l = sw.line;
		const struct slines *ls = sw.ls;
		const struct geom *g = &sw.g;

		row = sw.row;
		struct sline *dst = slines_push(&scr->rows);
		int marked = i == o->sel && l < g->head;
		uint16_t at = marked ? AT_SELECTED : 0;

		if (marked)
			sline_append(dst, ">", 1, AT_SELECTED | AT_CHROME, 1);
		else
			sline_pad(dst, 1, 0);
		int focused = i == o->link_item && l == o->link_line &&
		              o->link_k < (int)ls->v[l].nlinks;
		/* the focused link's part wrapped onto this line */
		int wrapped = i == o->link_item && l > o->link_line &&
		              chain == l &&
		              outline_link_continues(&ls->v[l - 1], &ls->v[l]);

		if (focused || wrapped) {
			/* The link Tab focused, as the pager shows
			 * its selected link; the cursor on it. */
			const struct sline_link *k =
			    &ls->v[l].links[focused ? o->link_k : 0];
			struct sline t = {0};
			uint32_t j;

			sline_copy(&t, &ls->v[l]);
			for (j = k->start; j < k->end && j < t.len; j++)
				t.attr[j] |= AT_SELECTED;
			rows_fit(dst, &t, w - 1, env->ambiguous, at);
			sline_free(&t);
			if (focused) {
				link_y = row;
				link_x = 1 + width_str(ls->v[l].text, k->start,
				                 env->ambiguous);
			}
			if (focused ? o->link_k + 1 == (int)ls->v[l].nlinks
			            : ls->v[l].nlinks == 1)
				chain = l + 1;
		} else {
			rows_fit(dst, &ls->v[l], w - 1, env->ambiguous, at);
		}
		o->rows[row].item = i;
		o->rows[row].line = l;
		if (l == g->label_line) {
			o->rows[row].lx0 = g->lx0 + 1;
			o->rows[row].lx1 = g->lx1 + 1 < w ? g->lx1 + 1 : w;
		}
		/* the item's first line on screen */
		if (i == o->sel && (row == 0 || l == 0) && scr->cursor_y == 0)
			scr->cursor_y = row;
	}
	row = sw.row + 1; /* the rows filled */
	if (o->f.on && o->f.nhits == 0 && row < vh) {
		/* Wrapped, not cut mid-word: the query is the visitor's. */
		struct slines t = {0};
		struct render_opts ro = view_ropts(env, w);
		char *m = xasprintf(_("No match for %s"), o->f.q);
		size_t k;

		render_plain(
		    m, strlen(m), "  ", "  ", 0, AT_DIM, &ro, NULL, &t);
		for (k = 0; k < t.n && row < vh; k++, row++)
			rows_fit(slines_push(&scr->rows), &t.v[k], w,
			    env->ambiguous, 0);
		slines_free(&t);
		free(m);
	}
	for (; row < vh; row++)
		sline_pad(slines_push(&scr->rows), w, 0);
	if (link_y >= 0) {
		scr->cursor_y = link_y;
		scr->cursor_x = link_x < w ? link_x : w - 1;
	}
	nlinks = outline_screen_links(o, &links);
	outline_status(o, st, links, nlinks);
	free(links);
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
