/*
 * pager.c - the pager view; see pager.h.
 */
#include "pager.h"
#include "pagerint.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "help.h"
#include "i18n.h"
#include "render.h"
#include "rows.h"
#include "romaji.h"
#include "search.h"
#include "width.h"
#include "xalloc.h"

struct pager *
pager_new(const struct view_env *env)
{
	struct pager *p = xcalloc(1, sizeof *p);

	p->e = env;
	return p;
}

static void
pager_free(void *v)
{
	struct pager *p = v;

	page_free(&p->page);
	free(p->hist);
	free(p->q);
	search_query_free(p->sq);
	free(p);
}

struct playout {
	int nhead, rule, body_y, vh;
};

static struct playout
pager_layout(const struct pager *p, const struct page *pg)
{
	struct playout L;
	int h = p->e->h;
	int cap = (h - 1) / 3 > 1 ? (h - 1) / 3 : 1;

	L.nhead = (int)pg->head.n < cap ? (int)pg->head.n : cap;
	L.rule = h >= 8;
	L.body_y = L.nhead + L.rule;
	L.vh = h - L.body_y - 1;
	if (L.vh < 1)
		L.vh = 1;
	return L;
}

static int
max_top(const struct pager *p, const struct page *pg)
{
	int m = (int)pg->body.n - pager_layout(p, pg).vh;

	return m > 0 ? m : 0;
}

/* The top within the page at the current size; a window (pagerint.h)
 * slid to cover the screen and its margins first. */
static void
pager_clamp(struct pager *p)
{
	struct page *pg = page_get(p);
	int m;

	page_fit(p, pg, pager_layout(p, pg).vh);
	m = max_top(p, pg);

	if (p->pv.top > m)
		p->pv.top = m;
	if (p->pv.top < 0)
		p->pv.top = 0;
	if (p->pv.link >= (int)pg->nlinks)
		p->pv.link = -1;
}

/* Another page inside the pager (a link, the help): Backspace comes back. */
static void
pager_go(struct pager *p, uint8_t kind, uint32_t idx)
{
	if (p->nhist == p->caphist) {
		p->caphist = p->caphist ? p->caphist * 2 : 8;
		p->hist = xreallocarray(p->hist, p->caphist, sizeof *p->hist);
	}
	p->hist[p->nhist++] = p->pv;
	p->pv.kind = kind;
	p->pv.idx = idx;
	p->pv.top = 0;
	p->pv.link = -1;
	p->pv.hit = -1;
	p->pv.u0 = 0;
}

static void
query_set(struct pager *p, const char *q, size_t n)
{
	if (n + 1 > p->qcap) {
		p->qcap = n + 64;
		p->q = xrealloc(p->q, p->qcap);
	}
	memcpy(p->q, q, n);
	p->q[n] = '\0';
	p->qlen = n;
}

static void pager_next_hit(
    struct pager *p, int dir, int from_top, struct intent *out);

/* The query changed: new highlights, and (while typing: jump) the view
 * moves to the first hit at or after where the search started; out takes
 * the message of a jump and may be NULL without one. */
static void
pager_requery(struct pager *p, int jump, struct intent *out)
{
	struct search_query *sq = search_query_new_alts(p->q ? p->q : "",
	    p->qlen, p->e->romaji != NULL ? romaji_alts : NULL, p->e->romaji);

	search_query_free(p->sq);
	p->sq = NULL;
	if (search_query_nterms(sq) > 0)
		p->sq = sq;
	else
		search_query_free(sq);
	p->gen++;
	if (jump) {
		p->pv.u0 = p->edit_u0;
		p->pv.top = p->edit_top;
		if (p->sq != NULL)
			pager_next_hit(p, 1, 1, out);
	}
}

/* No query: the pager's highlights go with the page it was opened on. */
static void
pager_query_reset(struct pager *p)
{
	search_query_free(p->sq);
	p->sq = NULL;
	if (p->q != NULL)
		p->q[0] = '\0';
	p->qlen = 0;
	p->gen++;
}

/* The n-th body line with a hit (or the last there is) goes to the top,
 * as n would put it: `p` opens at the hit the outline showed.  In a
 * window, counted from its first unit's first line (intent.unit). */
static void
pager_goto_hitn(struct pager *p, uint32_t n)
{
	const struct page *pg = page_get(p);
	int i, last = -1;

	for (i = 0; i < (int)pg->body.n; i++)
		if (sline_has_attr(&pg->body.v[i], AT_HIGHLIGHT)) {
			last = i;
			if (n-- == 0)
				break;
		}
	if (last >= 0) {
		p->pv.hit = last;
		p->pv.top = last;
	}
}

/* Opened from the outline: a fresh history, and the outline's filter (if
 * any) as the query, so that its hits stay highlighted. */
static void
pager_enter(void *v, const struct intent *in)
{
	struct pager *p = v;

	p->nhist = 0;
	pager_query_reset(p);
	if (in->query != NULL) {
		query_set(p, in->query, strlen(in->query));
		pager_requery(p, 0, NULL);
	}
	p->pv.kind = in->page;
	p->pv.idx = in->idx;
	p->pv.top = 0;
	p->pv.link = -1;
	p->pv.hit = -1;
	/* a long answer: the window starts at the unit asked for (page_get
	 * keeps it inside the answer; any other page starts at 0) */
	p->pv.u0 = in->page == PAGE_ENTRY ? in->unit : 0;
	if (in->at_hit && p->sq != NULL)
		pager_goto_hitn(p, in->hitn);
}

static void
pager_leave(void *v)
{
	struct pager *p = v;

	p->nhist = 0;
	pager_query_reset(p);
}

static unsigned
pager_keys(const void *v)
{
	const struct pager *p = v;

	return p->pv.kind == PAGE_HELP ? MB_HELP : MB_PAGER;
}

static void
pager_back(void *v, struct intent *out)
{
	struct pager *p = v;

	if (p->nhist == 0) {
		out->kind = INTENT_LEAVE;
		return;
	}
	p->pv = p->hist[--p->nhist];
	pager_clamp(p);
}

static void
pager_scroll(void *v, int lines, struct intent *out)
{
	struct pager *p = v;

	(void)out;
	pager_clamp(p);
	p->pv.top += lines;
	pager_clamp(p);
}

static void
pager_move(void *v, int dir, struct intent *out)
{
	pager_scroll(v, dir, out);
}

static void
pager_page(void *v, int dir, struct intent *out)
{
	struct pager *p = v;
	const struct page *pg = page_get(p);

	pager_scroll(p, dir * pager_layout(p, pg).vh, out);
}

static void
pager_edge(void *v, int end, struct intent *out)
{
	struct pager *p = v;

	(void)out;
	/* A window goes to the answer's first or last unit (it stays
	 * where it is when it holds that one already). */
	if (page_get(p)->win)
		page_jump(p, end ? p->page.units.n - 1 : 0);
	/* The last screenful: settle clamps it at the current size. */
	p->pv.top = end ? INT_MAX / 2 : 0;
}

/* After every event: the top within the page at the current size. */
static void
pager_settle(void *v)
{
	pager_clamp(v);
}

static void
pager_next_entry(struct pager *p, int dir, struct intent *out)
{
	const struct page *pg = page_get(p);
	size_t i;

	pager_clamp(p);
	if (p->pv.kind == PAGE_ENTRY) {
		long n = (long)p->pv.idx + dir;

		if (n < 0 || n >= (long)p->e->d->nentries) {
			rows_msg_set(&out->msg, "%s",
			    dir > 0 ? _("This is the last question")
			            : _("This is the first question"));
			return;
		}
		p->pv.idx = (uint32_t)n;
		p->pv.top = 0;
		p->pv.link = -1;
		p->pv.hit = -1;
		p->pv.u0 = 0;
		return;
	}
	if (p->pv.kind != PAGE_SECTION || pg->nmarks == 0)
		return;
	if (dir > 0) {
		for (i = 0; i < pg->nmarks; i++)
			if (pg->marks[i] > p->pv.top)
				break;
		if (i == pg->nmarks || p->pv.top >= max_top(p, pg)) {
			rows_msg_set(
			    &out->msg, "%s", _("This is the last question"));
			return;
		}
		p->pv.top = pg->marks[i];
	} else {
		for (i = pg->nmarks; i-- > 0;)
			if (pg->marks[i] < p->pv.top)
				break;
		if (i == (size_t)-1) {
			rows_msg_set(
			    &out->msg, "%s", _("This is the first question"));
			return;
		}
		p->pv.top = pg->marks[i];
	}
	pager_clamp(p);
}

static void
pager_next_link(struct pager *p, int dir, struct intent *out)
{
	const struct page *pg = page_get(p);
	struct playout L = pager_layout(p, pg);
	int n, i;

	pager_clamp(p);
	n = p->pv.link;
	if (pg->nlinks == 0 && !pg->win) {
		rows_msg_set(&out->msg, "%s", _("No links on this page"));
		return;
	}
	if (n < 0) {
		/* Start from what is on screen. */
		if (dir > 0) {
			for (i = 0; i < (int)pg->nlinks; i++)
				if (pg->links[i].line >= p->pv.top)
					break;
		} else {
			for (i = (int)pg->nlinks - 1; i >= 0; i--)
				if (pg->links[i].line < p->pv.top + L.vh)
					break;
		}
	} else {
		i = n + dir;
	}
	if (i < 0 || i >= (int)pg->nlinks) {
		/* a window: on into the units not laid out */
		if (page_link_beyond(p, dir)) {
			if (dir < 0)
				p->pv.top -= L.vh - 1;
			pager_clamp(p);
			return;
		}
		rows_msg_set(&out->msg, "%s", _("No more links"));
		return;
	}
	p->pv.link = i;
	if (pg->links[i].line < p->pv.top)
		p->pv.top = pg->links[i].line;
	else if (pg->links[i].line >= p->pv.top + L.vh)
		p->pv.top = pg->links[i].line - L.vh + 1;
	pager_clamp(p);
}

/* n/N: the next body line with a hit goes to the top (as in less);
 * from_top: the top line itself counts. */
static void
pager_next_hit(struct pager *p, int dir, int from_top, struct intent *out)
{
	const struct page *pg = page_get(p);
	int vh = pager_layout(p, pg).vh, i, stopped;

	pager_clamp(p);
	if (p->sq == NULL) {
		rows_msg_set(&out->msg, "%s", _("No search hits"));
		return;
	}
	/* Step from the last hit while it is on screen (near the end the
	 * top cannot follow it), else from the top line. */
	if (from_top)
		i = p->pv.top;
	else if (p->pv.hit >= p->pv.top && p->pv.hit < p->pv.top + vh)
		i = p->pv.hit + dir;
	else
		i = p->pv.top + dir;
	for (; i >= 0 && i < (int)pg->body.n; i += dir) {
		if (sline_has_attr(&pg->body.v[i], AT_HIGHLIGHT)) {
			p->pv.hit = i;
			p->pv.top = i;
			pager_clamp(p);
			return;
		}
	}
	/* A window: on into the units not laid out. */
	if (page_hit_beyond(p, dir, &stopped)) {
		pager_clamp(p);
		if (stopped)
			rows_msg_set(&out->msg,
			    dir > 0 ? _("No hit in the next %u MB: n searches "
			                "on from here")
			            : _("No hit in the %u MB before: N "
			                "searches on from here"),
			    PAGE_HIT_BYTES >> 20);
		return;
	}
	rows_msg_set(&out->msg, "%s",
	    dir > 0 ? _("No more hits below") : _("No more hits above"));
}

static void
pager_hit(void *v, int dir, struct intent *out)
{
	pager_next_hit(v, dir, 0, out);
}

static void
follow_href(struct pager *p, const char *href, struct intent *out)
{
	const struct doc *d = p->e->d;
	const struct entry *e;

	if (href == NULL)
		return;
	if (p->pv.kind == PAGE_HELP) {
		return; /* ids of the help FAQ are not the content's */
	}
	if (href[0] != '#') {
		/* Never start a browser: show where it points. */
		rows_msg_set(&out->msg, _("Link: %s"), href);
		return;
	}
	e = doc_entry_by_id(d, href + 1);
	if (e == NULL) {
		/* Sections and entries share one id space. */
		const struct section *sec = doc_section_by_id(d, href + 1);

		if (sec != NULL)
			pager_go(p, PAGE_SECTION, (uint32_t)(sec - d->secs));
		else
			rows_msg_set(
			    &out->msg, _("No entry with id %s"), href + 1);
		return;
	}
	pager_go(p, PAGE_ENTRY, (uint32_t)(e - d->entries));
}

static void
pager_follow(struct pager *p, struct intent *out)
{
	const struct page *pg = page_get(p);

	if (p->pv.link < 0 || p->pv.link >= (int)pg->nlinks) {
		pager_scroll(p, 1, out); /* as less does */
		return;
	}
	follow_href(p, pg->links[p->pv.link].href, out);
}

static void
pager_act(void *v, enum action a, struct intent *out)
{
	struct pager *p = v;

	switch (a) {
	case ACT_HELP:
		pager_go(p, PAGE_HELP, 0);
		break;
	case ACT_LEAVE:
		if (p->pv.kind == PAGE_HELP)
			pager_back(p, out);
		else
			out->kind = INTENT_LEAVE;
		break;
	case ACT_NEXT_ENTRY:
	case ACT_PREV_ENTRY:
		pager_next_entry(p, a == ACT_NEXT_ENTRY ? 1 : -1, out);
		break;
	case ACT_NEXT_LINK:
	case ACT_PREV_LINK:
		pager_next_link(p, a == ACT_NEXT_LINK ? 1 : -1, out);
		break;
	case ACT_FOLLOW:
		pager_follow(p, out);
		break;
	default:
		break;
	}
}

static void
pager_click(void *v, int x, int y, struct intent *out)
{
	struct pager *p = v;
	const struct page *pg = page_get(p);
	struct playout L = pager_layout(p, pg);
	int line = p->pv.top + y - L.body_y;
	size_t i;

	if (y < L.body_y || y >= L.body_y + L.vh || line >= (int)pg->body.n)
		return;
	for (i = 0; i < pg->nlinks; i++) {
		const struct plink *k = &pg->links[i];
		const struct sline *l = &pg->body.v[line];
		int x0, x1;

		if (k->line != line)
			continue;
		x0 = width_str(l->text, k->start, p->e->ambiguous);
		x1 = width_str(l->text, k->end, p->e->ambiguous);
		if (x >= x0 && x < x1) {
			p->pv.link = (int)i;
			follow_href(p, k->href, out);
			return;
		}
	}
}

/* `/` on a page (not the help): the field starts from the page's query. */
static int
pager_search_begin(void *v, const char **q)
{
	struct pager *p = v;

	if (p->pv.kind == PAGE_HELP)
		return 0;
	p->edit_top = p->pv.top;
	p->edit_u0 = p->pv.u0;
	*q = p->q;
	return 1;
}

static void
pager_search_edit(void *v, const char *q, size_t n, struct intent *out)
{
	struct pager *p = v;

	query_set(p, q, n);
	pager_requery(p, 1, out);
}

/* Enter: to the first hit, unless typing already moved there; Esc: the
 * query and the place from before `/`. */
static void
pager_search_end(void *v, int accept, const char *before, struct intent *out)
{
	struct pager *p = v;

	if (accept) {
		if (p->sq != NULL && p->pv.top == p->edit_top &&
		    p->pv.u0 == p->edit_u0)
			pager_next_hit(p, 1, 1, out);
		return;
	}
	query_set(p, before, strlen(before));
	pager_requery(p, 0, out);
	p->pv.u0 = p->edit_u0;
	p->pv.top = p->edit_top;
}

/* Where the screen is: lines and a share of them; in a window, whose
 * line total is unknown, the share of the answer's bytes above the
 * screen's bottom. */
static char *
pager_position(const struct pager *p, const struct page *pg, struct playout L)
{
	int total = (int)pg->body.n, bottom = p->pv.top + L.vh;

	if (bottom >= total && (!pg->win || pg->u1 == pg->units.n))
		return xasprintf("(%s)", _("END"));
	if (pg->win) {
		const struct entry *an = page_answer(p, pg->idx);
		int last = bottom < total ? bottom - 1 : total - 1, s0, s1;
		size_t k = page_unit_at(pg, last);
		uint64_t o0 = answer_unit_offset(an, &pg->units, k);
		uint64_t o1 = answer_unit_offset(an, &pg->units, k + 1), off;
		unsigned pct;

		/* units without text (rules) have no share of it: count
		 * units instead */
		if (o1 <= o0)
			return xasprintf("%u%%",
			    (unsigned)((k + 1) * 100 / pg->units.n) > 99
			        ? 99
			        : (unsigned)((k + 1) * 100 / pg->units.n));
		s0 = pg->ustart[k - pg->u0];
		s1 = pg->ustart[k - pg->u0 + 1];
		off = last >= s1 || s1 <= s0
		          ? o1
		          : o0 + (o1 - o0) * (uint64_t)(last + 1 - s0) /
		                     (uint64_t)(s1 - s0);
		pct = an->text_len > 0 ? (unsigned)(off * 100 / an->text_len)
		                       : 100;
		return xasprintf("%u%%", pct > 99 ? 99 : pct);
	}
	return xasprintf("%d-%d/%d %d%%", p->pv.top + 1, bottom, total,
	    total ? bottom * 100 / total : 100);
}

static void
pager_render(void *v, struct screen *scr, struct view_status *st)
{
	struct pager *p = v;
	const struct view_env *env = p->e;
	const struct page *pg;
	struct playout L;
	int w = env->w, row, i;
	const char *hint;

	pager_clamp(p);
	pg = page_get(p);
	L = pager_layout(p, pg);
	for (i = 0; i < L.nhead; i++) {
		const struct sline *hl = &pg->head.v[i];
		const char *dots = env->ascii ? "..." : "\xe2\x80\xa6"; /* … */
		int dw = rows_width(dots, env->ambiguous);

		/* A title longer than its rows says so with "…". */
		if (i == L.nhead - 1 && (int)pg->head.n > L.nhead && w > dw) {
			struct sline t = {0};

			if (hl->width + dw <= w) {
				sline_copy(&t, hl);
			} else {
				rows_fit(&t, hl, w - dw, env->ambiguous, 0);
				while (t.len > 0 && t.text[t.len - 1] == ' ') {
					t.len--;
					t.width--;
				}
			}
			sline_append(&t, dots, strlen(dots), AT_HEADING, dw);
			rows_fit(slines_push(&scr->rows), &t, w,
			    env->ambiguous, 0);
			sline_free(&t);
			continue;
		}
		rows_fit(slines_push(&scr->rows), hl, w, env->ambiguous, 0);
	}
	if (L.rule) {
		struct sline *l = slines_push(&scr->rows);
		const char *r = env->ascii ? "-" : "\xe2\x94\x80"; /* ─ */
		int rw = rows_width(r, env->ambiguous), x;

		for (x = 0; x + rw <= w; x += rw)
			sline_append(l, r, strlen(r), AT_CHROME, rw);
		sline_pad(l, w - x, 0);
	}
	scr->cursor_y = L.body_y;
	scr->cursor_x = 0;
	for (row = 0; row < L.vh; row++) {
		int line = p->pv.top + row;
		struct sline *dst = slines_push(&scr->rows);

		if (line >= (int)pg->body.n) {
			sline_pad(dst, w, 0);
			continue;
		}
		if (p->pv.link >= 0 && pg->links[p->pv.link].line == line) {
			const struct plink *k = &pg->links[p->pv.link];
			struct sline tmp = {0};
			uint32_t j;

			sline_copy(&tmp, &pg->body.v[line]);
			for (j = k->start; j < k->end && j < tmp.len; j++)
				tmp.attr[j] |= AT_SELECTED;
			rows_fit(dst, &tmp, w, env->ambiguous, 0);
			sline_free(&tmp);
			scr->cursor_y = L.body_y + row;
			scr->cursor_x = width_str(
			    pg->body.v[line].text, k->start, env->ambiguous);
			if (scr->cursor_x >= w)
				scr->cursor_x = w - 1;
		} else {
			rows_fit(dst, &pg->body.v[line], w, env->ambiguous, 0);
		}
	}
	st->right = pager_position(p, pg, L);
	/* Hints that are true here: Tab only where there are links, and
	 * in kiosk mode no printable key (they are search input). */
	if (pg->kind == PAGE_HELP)
		hint = env->kiosk ? _("Esc: back") : _("q: back");
	else if (env->kiosk)
		hint = pg->nlinks > 0 ? _("Type to search  Esc: back  Tab: "
		                          "link  F1: help")
		                      : _("Type to search  Esc: back  F1: help");
	else
		hint = pg->nlinks > 0 ? _("q: back  Tab: link  ]/[: "
		                          "next/previous question  ?: help")
		                      : _("q: back  ]/[: next/previous "
		                          "question  ?: help");
	/* A hint cut short says less than a short hint. */
	if (rows_width(hint, env->ambiguous) +
	        rows_width(st->right, env->ambiguous) + 1 >
	    w)
		hint = pg->kind == PAGE_HELP ? hint
		       : env->kiosk          ? _("Esc: back  F1: help")
		                             : _("q: back  ?: help");
	st->left = xstrdup(hint);
}

const struct view_ops pager_ops = {
    .name = "pager",
    .free = pager_free,
    .enter = pager_enter,
    .leave = pager_leave,
    .reset = pager_leave,
    .keys = pager_keys,
    .settle = pager_settle,
    .move = pager_move,
    .scroll = pager_scroll,
    .page = pager_page,
    .edge = pager_edge,
    .back = pager_back,
    .next_hit = pager_hit,
    .act = pager_act,
    .click = pager_click,
    .search_begin = pager_search_begin,
    .search_edit = pager_search_edit,
    .search_end = pager_search_end,
    .render = pager_render,
};
