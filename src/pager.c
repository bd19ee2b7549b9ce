/*
 * pager.c - one answer, a whole section or the help, full screen: the
 * heading on top, the body scrolled with less-style keys, a position
 * indicator on the status line.  Links to #id can be selected (Tab) and
 * followed (Enter); Backspace walks back through a history of pages.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "browser_int.h"
#include "doc.h"
#include "i18n.h"
#include "render.h"
#include "search.h"
#include "width.h"
#include "xalloc.h"

void
page_free(struct page *p)
{
	slines_free(&p->head);
	slines_free(&p->body);
	free(p->links);
	free(p->marks);
	memset(p, 0, sizeof *p);
}

/* The pager query's hits in entry i (zeroed when there is no query). */
static void
page_hits(struct browser *b, uint32_t i, struct search_hits *h,
    struct hl_set *q, struct hl_set *a)
{
	const struct search_query *sq = searchui_pager_query(b);

	memset(h, 0, sizeof *h);
	if (sq != NULL && b->ix != NULL)
		search_entry_hits(b->ix, sq, i, h);
	q->v = h->q;
	q->n = h->nq;
	a->v = h->a;
	a->n = h->na;
}

static void
page_add_answer(struct browser *b, const struct entry *e, int indent, int w,
    const struct hl_set *hl, struct slines *out)
{
	struct slines ans = {0};
	struct render_opts ro = browser_ropts(b, w - indent);
	size_t i;

	render_answer(doc_entry_answer(b->d, e), &ro, hl, &ans);
	for (i = 0; i < ans.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ans.v[i]);
	}
	slines_free(&ans);
}

/* Lays out the current view at the current width, unless it already is. */
static struct page *
page_get(struct browser *b)
{
	struct page *p = &b->page;
	const struct doc *d = b->d;
	int w = b->w;
	struct render_opts ro = browser_ropts(b, w);
	size_t i, j;

	struct search_hits h;
	struct hl_set qh, ah;

	if (p->valid && p->kind == b->pv.kind && p->idx == b->pv.idx &&
	    p->w == w && p->gen == b->s.pgen)
		return p;
	page_free(p);
	p->valid = 1;
	p->gen = b->s.pgen;
	p->kind = b->pv.kind;
	p->idx = b->pv.idx;
	p->w = w;
	if (p->kind == PV_ENTRY) {
		const struct entry *e = &d->entries[p->idx];

		page_hits(b, p->idx, &h, &qh, &ah);
		render_plain(e->question, e->question_len, "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, &qh, &p->head);
		page_add_answer(b, e, w > 20 ? 1 : 0, w, &ah, &p->body);
		search_hits_free(&h);
	} else if (p->kind == PV_SECTION) {
		const struct section *s = &d->secs[p->idx];
		const char *bullet =
		    b->o.ascii ? "* " : "\xe2\x96\xa0 "; /* ■ */
		char *rest = xstrdup(b->o.ascii ? "  " : "   ");
		uint32_t k;

		if (rows_width(bullet, b->o.ambiguous) == 2)
			rest[2] = '\0';
		render_plain(s->title, strlen(s->title), "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, NULL, &p->head);
		p->marks = xcalloc(s->n ? s->n : 1, sizeof *p->marks);
		for (k = 0; k < s->n; k++) {
			const struct entry *e = &d->entries[s->first + k];

			p->marks[p->nmarks++] = (int)p->body.n;
			page_hits(b, s->first + k, &h, &qh, &ah);
			render_plain(e->question, e->question_len, bullet, rest,
			    AT_CHROME, AT_HEADING | AT_STRONG, &ro, &qh,
			    &p->body);
			page_add_answer(b, e, w > 20 ? 2 : 0, w, &ah, &p->body);
			search_hits_free(&h);
			if (k + 1 < s->n)
				slines_push(&p->body);
		}
		free(rest);
	} else {
		const char *t = _("Keys");

		if (b->help != NULL && b->help->ncolls > 0)
			t = b->help->colls[0].title;
		render_plain(t, strlen(t), "", "", 0, AT_HEADING | AT_STRONG,
		    &ro, NULL, &p->head);
		if (b->help != NULL) {
			const char *k = _("Keys");

			help_doc_lines(b, w, &p->body);
			render_plain(k, strlen(k), "", "", 0,
			    AT_HEADING | AT_STRONG, &ro, NULL, &p->body);
		}
		help_lines(b, w, &p->body);
	}
	for (i = 0; i < p->body.n; i++) {
		const struct sline *l = &p->body.v[i];

		for (j = 0; j < l->nlinks; j++) {
			p->links = xreallocarray(
			    p->links, p->nlinks + 1, sizeof *p->links);
			p->links[p->nlinks].line = (int)i;
			p->links[p->nlinks].start = l->links[j].start;
			p->links[p->nlinks].end = l->links[j].end;
			p->links[p->nlinks].href = l->links[j].href;
			p->nlinks++;
		}
	}
	return p;
}

struct playout {
	int nhead, rule, body_y, vh;
};

static struct playout
pager_layout(struct browser *b, const struct page *p)
{
	struct playout L;
	int cap = (b->h - 1) / 3 > 1 ? (b->h - 1) / 3 : 1;

	L.nhead = (int)p->head.n < cap ? (int)p->head.n : cap;
	L.rule = b->h >= 8;
	L.body_y = L.nhead + L.rule;
	L.vh = b->h - L.body_y - 1;
	if (L.vh < 1)
		L.vh = 1;
	return L;
}

static int
max_top(struct browser *b, const struct page *p)
{
	int m = (int)p->body.n - pager_layout(b, p).vh;

	return m > 0 ? m : 0;
}

static void
pager_clamp(struct browser *b)
{
	const struct page *p = page_get(b);
	int m = max_top(b, p);

	if (b->pv.top > m)
		b->pv.top = m;
	if (b->pv.top < 0)
		b->pv.top = 0;
	if (b->pv.link >= (int)p->nlinks)
		b->pv.link = -1;
}

void
pager_open(struct browser *b, uint8_t kind, uint32_t idx)
{
	if (b->mode == MODE_PAGER) {
		if (b->nhist == b->caphist) {
			b->caphist = b->caphist ? b->caphist * 2 : 8;
			b->hist =
			    xreallocarray(b->hist, b->caphist, sizeof *b->hist);
		}
		b->hist[b->nhist++] = b->pv;
	} else {
		b->nhist = 0;
		searchui_pager_reset(b);
		searchui_pager_inherit(b);
	}
	b->mode = MODE_PAGER;
	b->pv.kind = kind;
	b->pv.idx = idx;
	b->pv.top = 0;
	b->pv.link = -1;
	b->pv.hit = -1;
}

/* Back to the outline exactly as it was left. */
void
pager_close(struct browser *b)
{
	b->mode = MODE_OUTLINE;
	b->nhist = 0;
	searchui_pager_reset(b);
}

void
pager_back(struct browser *b)
{
	if (b->nhist == 0) {
		pager_close(b);
		return;
	}
	b->pv = b->hist[--b->nhist];
	pager_clamp(b);
}

void
pager_scroll(struct browser *b, int lines)
{
	pager_clamp(b);
	b->pv.top += lines;
	pager_clamp(b);
}

void
pager_page(struct browser *b, int dir)
{
	const struct page *p = page_get(b);

	pager_scroll(b, dir * pager_layout(b, p).vh);
}

void
pager_edge(struct browser *b, int end)
{
	/* The end is wherever the last line is at render time: the top is
	 * clamped then, so a resize after G still shows the end. */
	b->pv.top = end ? INT_MAX / 2 : 0;
}

void
pager_next_entry(struct browser *b, int dir)
{
	const struct page *p = page_get(b);
	size_t i;

	pager_clamp(b);
	if (b->pv.kind == PV_ENTRY) {
		long n = (long)b->pv.idx + dir;

		if (n < 0 || n >= (long)b->d->nentries) {
			rows_msg_set(&b->msg, "%s",
			    dir > 0 ? _("This is the last question")
			            : _("This is the first question"));
			return;
		}
		b->pv.idx = (uint32_t)n;
		b->pv.top = 0;
		b->pv.link = -1;
		b->pv.hit = -1;
		return;
	}
	if (b->pv.kind != PV_SECTION || p->nmarks == 0)
		return;
	if (dir > 0) {
		for (i = 0; i < p->nmarks; i++)
			if (p->marks[i] > b->pv.top)
				break;
		if (i == p->nmarks || b->pv.top >= max_top(b, p)) {
			rows_msg_set(
			    &b->msg, "%s", _("This is the last question"));
			return;
		}
		b->pv.top = p->marks[i];
	} else {
		for (i = p->nmarks; i-- > 0;)
			if (p->marks[i] < b->pv.top)
				break;
		if (i == (size_t)-1) {
			rows_msg_set(
			    &b->msg, "%s", _("This is the first question"));
			return;
		}
		b->pv.top = p->marks[i];
	}
	pager_clamp(b);
}

void
pager_next_link(struct browser *b, int dir)
{
	const struct page *p = page_get(b);
	struct playout L = pager_layout(b, p);
	int n = b->pv.link, i;

	pager_clamp(b);
	if (p->nlinks == 0) {
		rows_msg_set(&b->msg, "%s", _("No links on this page"));
		return;
	}
	if (n < 0) {
		/* Start from what is on screen. */
		if (dir > 0) {
			for (i = 0; i < (int)p->nlinks; i++)
				if (p->links[i].line >= b->pv.top)
					break;
		} else {
			for (i = (int)p->nlinks - 1; i >= 0; i--)
				if (p->links[i].line < b->pv.top + L.vh)
					break;
		}
	} else {
		i = n + dir;
	}
	if (i < 0 || i >= (int)p->nlinks) {
		rows_msg_set(&b->msg, "%s", _("No more links"));
		return;
	}
	b->pv.link = i;
	if (p->links[i].line < b->pv.top)
		b->pv.top = p->links[i].line;
	else if (p->links[i].line >= b->pv.top + L.vh)
		b->pv.top = p->links[i].line - L.vh + 1;
	pager_clamp(b);
}

static int
line_has_hit(const struct sline *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (l->attr[i] & AT_HIGHLIGHT)
			return 1;
	return 0;
}

/* n/N: the next body line with a hit goes to the top (as in less);
 * from_top: the top line itself counts. */
void
pager_next_hit(struct browser *b, int dir, int from_top)
{
	const struct page *p = page_get(b);
	int vh = pager_layout(b, p).vh, i;

	pager_clamp(b);
	if (searchui_pager_query(b) == NULL) {
		rows_msg_set(&b->msg, "%s", _("No search hits"));
		return;
	}
	/* Step from the last hit while it is on screen (near the end the
	 * top cannot follow it), else from the top line. */
	if (from_top)
		i = b->pv.top;
	else if (b->pv.hit >= b->pv.top && b->pv.hit < b->pv.top + vh)
		i = b->pv.hit + dir;
	else
		i = b->pv.top + dir;
	for (; i >= 0 && i < (int)p->body.n; i += dir) {
		if (line_has_hit(&p->body.v[i])) {
			b->pv.hit = i;
			b->pv.top = i;
			pager_clamp(b);
			return;
		}
	}
	rows_msg_set(&b->msg, "%s",
	    dir > 0 ? _("No more hits below") : _("No more hits above"));
}

static void
follow_href(struct browser *b, const char *href)
{
	const struct entry *e;

	if (href == NULL)
		return;
	if (b->pv.kind == PV_HELP) {
		return; /* ids of the help FAQ are not the content's */
	}
	if (href[0] != '#') {
		/* Never start a browser: show where it points. */
		rows_msg_set(&b->msg, _("Link: %s"), href);
		return;
	}
	e = doc_entry_by_id(b->d, href + 1);
	if (e == NULL) {
		/* Sections and entries share one id space. */
		const struct section *sec = doc_section_by_id(b->d, href + 1);

		if (sec != NULL)
			pager_open(b, PV_SECTION, (uint32_t)(sec - b->d->secs));
		else
			rows_msg_set(
			    &b->msg, _("No entry with id %s"), href + 1);
		return;
	}
	pager_open(b, PV_ENTRY, (uint32_t)(e - b->d->entries));
}

void
pager_follow(struct browser *b)
{
	const struct page *p = page_get(b);

	if (b->pv.link < 0 || b->pv.link >= (int)p->nlinks) {
		pager_scroll(b, 1); /* as less does */
		return;
	}
	follow_href(b, p->links[b->pv.link].href);
}

void
pager_click(struct browser *b, int x, int y)
{
	const struct page *p = page_get(b);
	struct playout L = pager_layout(b, p);
	int line = b->pv.top + y - L.body_y;
	size_t i;

	if (y < L.body_y || y >= L.body_y + L.vh || line >= (int)p->body.n)
		return;
	for (i = 0; i < p->nlinks; i++) {
		const struct plink *k = &p->links[i];
		const struct sline *l = &p->body.v[line];
		int x0, x1;

		if (k->line != line)
			continue;
		x0 = width_str(l->text, k->start, b->o.ambiguous);
		x1 = width_str(l->text, k->end, b->o.ambiguous);
		if (x >= x0 && x < x1) {
			b->pv.link = (int)i;
			follow_href(b, k->href);
			return;
		}
	}
}

static void
pager_hint(struct browser *b, const struct page *p, struct playout L, char *buf,
    size_t size)
{
	int total = (int)p->body.n, bottom = b->pv.top + L.vh;

	if (bottom >= total)
		snprintf(buf, size, "(%s)", _("END"));
	else
		snprintf(buf, size, "%d-%d/%d %d%%", b->pv.top + 1, bottom,
		    total, total ? bottom * 100 / total : 100);
}

void
pager_render(struct browser *b, struct screen *scr)
{
	const struct page *p;
	struct playout L;
	int w = b->w, row, i;
	char pos[64];

	pager_clamp(b);
	p = page_get(b);
	L = pager_layout(b, p);
	free(b->rows);
	b->rows = NULL;
	b->nrows = 0;
	for (i = 0; i < L.nhead; i++)
		rows_fit(slines_push(&scr->rows), &p->head.v[i], w,
		    b->o.ambiguous, 0);
	if (L.rule) {
		struct sline *l = slines_push(&scr->rows);
		const char *r = b->o.ascii ? "-" : "\xe2\x94\x80"; /* ─ */
		int rw = rows_width(r, b->o.ambiguous), x;

		for (x = 0; x + rw <= w; x += rw)
			sline_append(l, r, strlen(r), AT_CHROME, rw);
		sline_pad(l, w - x, 0);
	}
	scr->cursor_y = L.body_y;
	scr->cursor_x = 0;
	for (row = 0; row < L.vh; row++) {
		int line = b->pv.top + row;
		struct sline *dst = slines_push(&scr->rows);

		if (line >= (int)p->body.n) {
			sline_pad(dst, w, 0);
			continue;
		}
		if (b->pv.link >= 0 && p->links[b->pv.link].line == line) {
			const struct plink *k = &p->links[b->pv.link];
			struct sline tmp = {0};
			uint32_t j;

			sline_copy(&tmp, &p->body.v[line]);
			for (j = k->start; j < k->end && j < tmp.len; j++)
				tmp.attr[j] |= AT_SELECTED;
			rows_fit(dst, &tmp, w, b->o.ambiguous, 0);
			sline_free(&tmp);
			scr->cursor_y = L.body_y + row;
			scr->cursor_x = width_str(
			    p->body.v[line].text, k->start, b->o.ambiguous);
			if (scr->cursor_x >= w)
				scr->cursor_x = w - 1;
		} else {
			rows_fit(dst, &p->body.v[line], w, b->o.ambiguous, 0);
		}
	}
	pager_hint(b, p, L, pos, sizeof pos);
	if (b->s.active && b->s.in_pager) {
		searchui_status(b, scr, b->s.pq ? b->s.pq : "", pos);
		return;
	}
	{
		const char *hint = p->kind == PV_HELP
		                       ? _("q: back")
		                       : _("q: back  Tab: link  ]/[: "
		                           "next/previous question  ?: "
		                           "help");

		/* A hint cut short says less than a short hint. */
		if (rows_width(hint, b->o.ambiguous) +
		        rows_width(pos, b->o.ambiguous) + 1 >
		    w)
			hint = _("q: back  ?: help");
		rows_status(slines_push(&scr->rows),
		    b->msg.text ? b->msg.text : hint, pos, w, b->o.ambiguous);
	}
}
