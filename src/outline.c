/*
 * outline.c - the home screen: collection titles, section rows with
 * 「すべて開く」, questions that open to their answers in place.  See
 * browser_int.h for the model (items, the view as an item position).
 *
 * Layout of a row: column 0 is the selection gutter ('>' on the selected
 * item's head rows), the rest is the item's line at width w - 1.
 */
#include <stdlib.h>
#include <string.h>

#include "browser_int.h"
#include "doc.h"
#include "i18n.h"
#include "render.h"
#include "search.h"
#include "width.h"
#include "xalloc.h"

int
outline_view_h(const struct browser *b)
{
	return b->h - 1 > 1 ? b->h - 1 : 1;
}

static int
content_w(const struct browser *b)
{
	return b->w - 1 > 1 ? b->w - 1 : 1;
}

void
outline_init(struct browser *b)
{
	const struct doc *d = b->d;
	size_t c, s, e, n = 0;

	b->nitems = d->ncolls + d->nsecs + d->nentries;
	b->items = xcalloc(b->nitems ? b->nitems : 1, sizeof *b->items);
	b->sec_item = xcalloc(d->nsecs ? d->nsecs : 1, sizeof *b->sec_item);
	b->ent_item =
	    xcalloc(d->nentries ? d->nentries : 1, sizeof *b->ent_item);
	b->sec_open = xcalloc(d->nsecs ? d->nsecs : 1, 1);
	b->ent_open = xcalloc(d->nentries ? d->nentries : 1, 1);
	for (c = 0; c < d->ncolls; c++) {
		b->items[n].kind = ITEM_TITLE;
		b->items[n++].idx = (uint32_t)c;
		for (s = d->colls[c].first;
		     s < d->colls[c].first + d->colls[c].n; s++) {
			b->sec_item[s] = n;
			b->items[n].kind = ITEM_SECTION;
			b->items[n++].idx = (uint32_t)s;
			for (e = d->secs[s].first;
			     e < d->secs[s].first + d->secs[s].n; e++) {
				b->ent_item[e] = n;
				b->items[n].kind = ITEM_ENTRY;
				b->items[n++].idx = (uint32_t)e;
			}
		}
	}
	b->nitems = n;
	outline_reset(b);
}

/* The start state of the web page: sections open, answers closed. */
void
outline_reset(struct browser *b)
{
	memset(b->sec_open, 1, b->d->nsecs);
	memset(b->ent_open, 0, b->d->nentries);
	b->top.item = 0;
	b->top.line = 0;
	b->sel = outline_first_selectable(b);
	if (b->sel == NO_ITEM)
		b->sel = 0;
}

int
outline_item_visible(const struct browser *b, size_t i)
{
	const struct item *it = &b->items[i];

	switch (it->kind) {
	case ITEM_SECTION:
		return !b->s.f.on || b->s.f.sechits[it->idx] > 0;
	case ITEM_ENTRY:
		if (b->s.f.on && !b->s.f.is_hit[it->idx])
			return 0;
		return b->sec_open[b->d->entries[it->idx].section];
	default:
		return 1;
	}
}

int
outline_item_selectable(const struct browser *b, size_t i)
{
	return b->items[i].kind != ITEM_TITLE && outline_item_visible(b, i);
}

size_t
outline_next_visible(const struct browser *b, size_t i)
{
	for (i = i == NO_ITEM ? 0 : i + 1; i < b->nitems; i++)
		if (outline_item_visible(b, i))
			return i;
	return NO_ITEM;
}

size_t
outline_prev_visible(const struct browser *b, size_t i)
{
	while (i-- > 0)
		if (outline_item_visible(b, i))
			return i;
	return NO_ITEM;
}

static size_t
next_selectable(const struct browser *b, size_t i)
{
	while ((i = outline_next_visible(b, i)) != NO_ITEM)
		if (b->items[i].kind != ITEM_TITLE)
			return i;
	return NO_ITEM;
}

static size_t
prev_selectable(const struct browser *b, size_t i)
{
	while ((i = outline_prev_visible(b, i)) != NO_ITEM)
		if (b->items[i].kind != ITEM_TITLE)
			return i;
	return NO_ITEM;
}

size_t
outline_first_selectable(const struct browser *b)
{
	return next_selectable(b, NO_ITEM);
}

int
outline_sec_all_open(const struct browser *b, uint32_t sec)
{
	const struct section *s = &b->d->secs[sec];
	uint32_t e;

	for (e = s->first; e < s->first + s->n; e++)
		if (!b->ent_open[e])
			return 0;
	return s->n > 0;
}

static const char *
marker(const struct browser *b, int open)
{
	if (b->o.ascii)
		return open ? "- " : "+ ";
	return open ? "\xe2\x96\xbc " : "\xe2\x96\xb6 "; /* ▼ ▶ */
}

/* A string of spaces as wide as s (for hanging indents). */
static char *
blanks_like(const struct browser *b, const char *s)
{
	int n = rows_width(s, b->o.ambiguous);
	char *p = xmalloc((size_t)n + 1);

	memset(p, ' ', (size_t)n);
	p[n] = '\0';
	return p;
}

/* The text before the first section or question (an intro: a
 * pseudo-entry of the doc), rendered like an answer, indented. */
static void
intro_lines(struct browser *b, const struct entry *intro, int indent, int cw,
    struct slines *out)
{
	struct slines ls = {0};
	struct render_opts ro;
	size_t i;

	if (intro == NULL)
		return;
	if (cw - indent < 8)
		indent = 0;
	ro = browser_ropts(b, cw - indent);
	render_answer(intro, &ro, NULL, &ls);
	for (i = 0; i < ls.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ls.v[i]);
	}
	slines_free(&ls);
}

static void
title_lines(struct browser *b, uint32_t c, int cw, struct slines *out)
{
	const struct collection *col = &b->d->colls[c];
	struct render_opts ro = browser_ropts(b, cw);

	if (c > 0)
		slines_push(out);
	render_plain(col->title, strlen(col->title), "", "", 0,
	    AT_HEADING | AT_STRONG, &ro, NULL, out);
	if (col->intro != NULL && !b->s.f.on) {
		slines_push(out);
		intro_lines(b, col->intro, 0, cw, out);
	}
	slines_push(out);
}

static void
section_lines(
    struct browser *b, uint32_t s, int cw, struct slines *out, struct geom *g)
{
	const struct section *sec = &b->d->secs[s];
	const char *mk = marker(b, b->sec_open[s]);
	const char *label =
	    outline_sec_all_open(b, s) ? _("Collapse all") : _("Expand all");
	char *count = xasprintf(
	    _("(%u)"), (unsigned)(b->s.f.on ? b->s.f.sechits[s] : sec->n));
	char *rest = blanks_like(b, mk);
	int lw = rows_width(label, b->o.ambiguous),
	    mw = rows_width(mk, b->o.ambiguous);
	int avail = cw - lw - 1, narrow = avail < mw + 10;
	size_t first = out->n;
	struct render_opts ro;
	struct sline *l;

	/* The name wraps; the count stays whole, after it or on a line of
	 * its own (a count split as "（2" / "件）" reads badly). */
	ro = browser_ropts(b, narrow ? cw : avail);
	render_plain(sec->title, strlen(sec->title), mk, rest, AT_CHROME,
	    AT_HEADING | AT_STRONG, &ro, NULL, out);
	{
		int cwid = rows_width(count, b->o.ambiguous) + 1;

		l = &out->v[out->n - 1];
		if (l->width + cwid > ro.width) {
			l = slines_push(out);
			sline_append(l, rest, strlen(rest), 0, mw);
		} else {
			sline_pad(l, 1, 0);
			cwid--;
		}
		sline_append(l, count, strlen(count), AT_DIM, cwid);
	}
	if (!narrow) {
		l = &out->v[first];
		sline_pad(l, avail - l->width, 0);
		sline_pad(l, 1, 0);
		g->label_line = 0;
	} else {
		/* Too narrow for both: the label gets a row of its own. */
		l = slines_push(out);
		sline_pad(l, cw - lw > 0 ? cw - lw : 0, 0);
		g->label_line = (int)(out->n - first - 1);
	}
	g->lx0 = l->width;
	sline_append(l, label, strlen(label), AT_LINK, lw);
	g->lx1 = l->width;
	g->head = (int)(out->n - first);
	if (b->sec_open[s] && sec->intro != NULL && !b->s.f.on)
		intro_lines(b, sec->intro, 2, cw, out);
	free(count);
	free(rest);
}

/*
 * A one-line excerpt of the answer around its first hit, for an entry
 * whose hits are all in its (closed) answer: the hit starts a third of the
 * way in, on its own line of the answer text, highlighted.
 */
static void
snippet_line(struct browser *b, const struct entry *a,
    const struct search_hits *h, int indent, int cw, struct slines *out)
{
	const char *t = a->text;
	uint32_t hs = h->a[0].start, s = hs, e = hs, lim;
	struct hl_range *r;
	struct hl_set hl;
	struct render_opts ro = browser_ropts(b, cw - indent);
	struct slines tmp = {0};
	const char *dots = b->o.ascii ? "..." : "\xe2\x80\xa6"; /* … */
	int budget = (cw - indent) / 3, wsum = 0;
	size_t i, n = 0;

	/* Back a third of the width, not past the start of the block. */
	while (s > 0 && t[s - 1] != '\n') {
		uint32_t p = s - 1;

		while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--;
		wsum += width_str(t + p, s - p, b->o.ambiguous);
		if (wsum > budget)
			break;
		s = p;
	}
	lim = a->text_len;
	while (e < lim && t[e] != '\n')
		e++;
	r = xcalloc(h->na, sizeof *r);
	for (i = 0; i < h->na; i++) {
		if (h->a[i].start < s || h->a[i].end > e)
			continue;
		r[n].start = h->a[i].start - s;
		r[n].end = h->a[i].end - s;
		n++;
	}
	hl.v = r;
	hl.n = n;
	{
		char *pre = xasprintf("%*s%s", indent, "", s > 0 ? dots : "");

		render_plain(
		    t + s, e - s, pre, pre, AT_DIM, AT_DIM, &ro, &hl, &tmp);
		free(pre);
	}
	if (tmp.n > 0) {
		struct sline *l = slines_push(out);

		sline_copy(l, &tmp.v[0]);
	}
	slines_free(&tmp);
	free(r);
}

static void
entry_lines(
    struct browser *b, uint32_t e, int cw, struct slines *out, struct geom *g)
{
	const struct entry *en = &b->d->entries[e];
	const struct entry *an = doc_entry_answer(b->d, en);
	char *mk = xasprintf("  %s", marker(b, b->ent_open[e]));
	char *rest = blanks_like(b, mk);
	struct render_opts ro = browser_ropts(b, cw);
	struct search_hits h;
	struct hl_set qhl, ahl;
	int hits = searchui_entry_hits(b, e, &h);
	int indent = cw > 8 ? 4 : 0;
	size_t first = out->n, i;

	qhl.v = h.q;
	qhl.n = h.nq;
	ahl.v = h.a;
	ahl.n = h.na;
	render_plain(en->question, en->question_len, mk, rest, AT_CHROME,
	    AT_HEADING, &ro, hits ? &qhl : NULL, out);
	g->head = (int)(out->n - first);
	if (b->ent_open[e]) {
		struct slines ans = {0};

		ro = browser_ropts(b, cw - indent);
		render_answer(an, &ro, hits ? &ahl : NULL, &ans);
		for (i = 0; i < ans.n; i++) {
			struct sline *l = slines_push(out);

			sline_pad(l, indent, 0);
			sline_copy(l, &ans.v[i]);
		}
		slines_free(&ans);
		slines_push(out); /* a blank line ends the answer */
	} else if (hits && h.nq == 0 && h.na > 0) {
		snippet_line(b, an, &h, indent, cw, out);
	}
	search_hits_free(&h);
	free(mk);
	free(rest);
}

/* Appends the lines of item i at content width cw. */
static void
item_lines(struct browser *b, size_t i, struct slines *out, struct geom *g)
{
	const struct item *it = &b->items[i];
	int cw = content_w(b);

	g->head = 0;
	g->label_line = -1;
	g->lx0 = g->lx1 = -1;
	switch (it->kind) {
	case ITEM_TITLE:
		title_lines(b, it->idx, cw, out);
		break;
	case ITEM_SECTION:
		section_lines(b, it->idx, cw, out, g);
		break;
	default:
		entry_lines(b, it->idx, cw, out, g);
		break;
	}
}

/* What an item's lines depend on besides the width and the query: a
 * height cached under another signature is stale. */
static uint32_t
item_sig(const struct browser *b, size_t i)
{
	const struct item *it = &b->items[i];
	uint32_t f = b->s.f.on ? 1 : 0;

	switch (it->kind) {
	case ITEM_ENTRY:
		return f | (uint32_t)b->ent_open[it->idx] << 1 |
		       (uint32_t)(f && b->s.f.is_hit[it->idx]) << 2;
	case ITEM_SECTION:
		return f | (uint32_t)b->sec_open[it->idx] << 1 |
		       (uint32_t)outline_sec_all_open(b, it->idx) << 2 |
		       (f ? b->s.f.sechits[it->idx] << 3 : 0);
	default:
		return f;
	}
}

/*
 * Lines of item i at the current width, and its head rows.  Scrolling asks
 * for the same heights many times per key; an answer of thousands of lines
 * would be laid out each time, so heights are cached by item, width, state
 * signature and query generation.
 */
static const struct slines *
item_cached(struct browser *b, size_t i, struct geom *g)
{
	struct lslot *c = &b->lcache[i % LCACHE_SLOTS];
	uint32_t sig = item_sig(b, i);

	if (!(c->valid && c->item == i && c->w == b->w && c->sig == sig &&
	        c->qgen == b->s.f.gen)) {
		slines_clear(&c->ls);
		item_lines(b, i, &c->ls, &c->g);
		c->valid = 1;
		c->item = i;
		c->w = b->w;
		c->sig = sig;
		c->qgen = b->s.f.gen;
	}
	*g = c->g;
	return &c->ls;
}

void
outline_free(struct browser *b)
{
	size_t k;

	for (k = 0; k < LCACHE_SLOTS; k++)
		slines_free(&b->lcache[k].ls);
}

static int
item_height(struct browser *b, size_t i, int *head)
{
	struct hslot *c = &b->hcache[i % HCACHE_SLOTS];
	uint32_t sig = item_sig(b, i);
	struct geom g;
	int n;

	if (!(c->valid && c->item == i && c->w == b->w && c->sig == sig &&
	        c->qgen == b->s.f.gen)) {
		const struct slines *ls = item_cached(b, i, &g);

		n = ls->n > 0 ? (int)ls->n : 1;
		c->valid = 1;
		c->item = i;
		c->w = b->w;
		c->sig = sig;
		c->qgen = b->s.f.gen;
		c->height = n;
		c->head = g.head < n ? (g.head > 0 ? g.head : 1) : n;
	}
	if (head != NULL)
		*head = c->head;
	return c->height;
}

/* Moves p back n lines (not before the first line); returns lines moved. */
static int
pos_back(struct browser *b, struct pos *p, int n)
{
	int moved = 0;

	while (n > 0) {
		size_t q;

		if (p->line > 0) {
			int d = p->line < n ? p->line : n;

			p->line -= d;
			n -= d;
			moved += d;
			continue;
		}
		q = outline_prev_visible(b, p->item);
		if (q == NO_ITEM)
			break;
		p->item = q;
		p->line = item_height(b, q, NULL) - 1;
		n--;
		moved++;
	}
	return moved;
}

/* Lines from p to the end, counting at most limit. */
static int
lines_from(struct browser *b, struct pos p, int limit)
{
	int acc = item_height(b, p.item, NULL) - p.line;
	size_t i = p.item;

	while (acc < limit && (i = outline_next_visible(b, i)) != NO_ITEM)
		acc += item_height(b, i, NULL);
	return acc;
}

/* Scrolls the view down at most n lines, never past the last screenful;
 * returns the lines scrolled. */
static int
scroll_down(struct browser *b, int n)
{
	int vh = outline_view_h(b);
	int avail = lines_from(b, b->top, vh + n) - vh;
	int done = 0;

	if (avail <= 0)
		return 0;
	if (n > avail)
		n = avail;
	while (n > 0) {
		int left = item_height(b, b->top.item, NULL) - b->top.line;

		if (n < left) {
			b->top.line += n;
			done += n;
			break;
		}
		n -= left;
		done += left;
		{
			size_t nx = outline_next_visible(b, b->top.item);

			if (nx == NO_ITEM) /* avail said there is more */
				break;
			b->top.item = nx;
			b->top.line = 0;
		}
	}
	return done;
}

/* Row of the first line of item i relative to the view: negative above,
 * >= view height when below (capped). */
static int
item_row(struct browser *b, size_t i)
{
	int vh = outline_view_h(b), acc;
	size_t j;

	if (i < b->top.item)
		return -1000000;
	if (i == b->top.item)
		return -b->top.line;
	acc = item_height(b, b->top.item, NULL) - b->top.line;
	j = b->top.item;
	while (acc < vh && (j = outline_next_visible(b, j)) != NO_ITEM && j < i)
		acc += item_height(b, j, NULL);
	return acc < vh ? acc : vh;
}

/* Makes top a visible item and a line inside it, and fills the screen when
 * there is enough content below (after a close near the end). */
void
outline_fix(struct browser *b)
{
	int h, vh = outline_view_h(b), have;

	if (b->nitems == 0)
		return;
	if (b->sel >= b->nitems || !outline_item_selectable(b, b->sel)) {
		size_t s = b->sel < b->nitems ? b->sel : 0;
		size_t p = s;

		/* The nearest selectable item above, else below. */
		while (p != NO_ITEM && !outline_item_selectable(b, p))
			p = p == 0 ? NO_ITEM : p - 1;
		if (p == NO_ITEM)
			p = next_selectable(b, s);
		b->sel = p != NO_ITEM ? p : 0;
	}
	if (!outline_item_visible(b, b->top.item)) {
		size_t p = outline_prev_visible(b, b->top.item);

		b->top.item =
		    p != NO_ITEM ? p : outline_next_visible(b, NO_ITEM);
		b->top.line = 0;
		if (b->top.item == NO_ITEM) {
			b->top.item = 0;
			return;
		}
	}
	h = item_height(b, b->top.item, NULL);
	if (b->top.line >= h)
		b->top.line = h - 1;
	have = lines_from(b, b->top, vh);
	if (have < vh)
		pos_back(b, &b->top, vh - have);
}

/* Scrolls so that the head rows of sel are on screen, with the collection
 * title above it when the selection is the first row under it. */
void
outline_ensure_head(struct browser *b)
{
	int vh = outline_view_h(b), head, r;
	size_t p;

	outline_fix(b);
	item_height(b, b->sel, &head);
	r = item_row(b, b->sel);
	if (r < 0 || head > vh) {
		b->top.item = b->sel;
		b->top.line = 0;
		p = outline_prev_visible(b, b->sel);
		while (p != NO_ITEM && b->items[p].kind == ITEM_TITLE) {
			int used = item_row(b, b->sel);

			if (item_height(b, p, NULL) + used + head > vh)
				break;
			b->top.item = p;
			p = outline_prev_visible(b, p);
		}
	} else if (r + head > vh) {
		struct pos q = {b->sel, 0};

		pos_back(b, &q, vh - head);
		b->top = q;
	}
	outline_fix(b);
}

/* After opening sel: show as much of it as fits, head first. */
void
outline_ensure_fits(struct browser *b)
{
	int vh = outline_view_h(b), r, h;

	outline_ensure_head(b);
	r = item_row(b, b->sel);
	h = item_height(b, b->sel, NULL);
	if (r >= 0 && r + h > vh)
		scroll_down(b, r + h - vh < r ? r + h - vh : r);
}

/* After the view scrolled: keep sel if any of it shows, else the first
 * item that starts on screen. */
static void
sel_follow_view(struct browser *b)
{
	int vh = outline_view_h(b), r, h;
	size_t i;

	r = item_row(b, b->sel);
	h = item_height(b, b->sel, NULL);
	if (r < vh && r + h > 0)
		return;
	for (i = b->top.item; i != NO_ITEM; i = outline_next_visible(b, i)) {
		r = item_row(b, i);
		if (r >= vh)
			break;
		if (r >= 0 && outline_item_selectable(b, i)) {
			b->sel = i;
			return;
		}
	}
	if (outline_item_selectable(b, b->top.item))
		b->sel = b->top.item;
	else if ((i = next_selectable(b, b->top.item)) != NO_ITEM)
		b->sel = i;
}

void
outline_select(struct browser *b, size_t item)
{
	const struct item *it = &b->items[item];

	if (it->kind == ITEM_ENTRY)
		b->sec_open[b->d->entries[it->idx].section] = 1;
	b->sel = item;
	outline_ensure_head(b);
}

/* j/k: move to the next item, but first scroll through the rest of a
 * selected answer that is taller than what shows (as vim does in folds). */
void
outline_move(struct browser *b, int dir)
{
	int vh = outline_view_h(b), r, h;
	size_t n;

	outline_fix(b);
	r = item_row(b, b->sel);
	h = item_height(b, b->sel, NULL);
	if (dir > 0 && r + h > vh && r < vh) {
		scroll_down(b, 1);
		return;
	}
	if (dir < 0 && r < 0 && r + h > 0) {
		pos_back(b, &b->top, 1);
		return;
	}
	n = dir > 0 ? next_selectable(b, b->sel) : prev_selectable(b, b->sel);
	if (n == NO_ITEM) {
		if (dir < 0)
			outline_ensure_head(b); /* show the title again */
		return;
	}
	b->sel = n;
	outline_ensure_head(b);
}

void
outline_scroll(struct browser *b, int lines)
{
	outline_fix(b);
	if (lines > 0)
		scroll_down(b, lines);
	else
		pos_back(b, &b->top, -lines);
	sel_follow_view(b);
}

void
outline_page(struct browser *b, int dir)
{
	int vh = outline_view_h(b), moved;

	outline_fix(b);
	if (dir > 0)
		moved = scroll_down(b, vh);
	else
		moved = pos_back(b, &b->top, vh);
	if (moved == 0) {
		outline_edge(b, dir > 0);
		return;
	}
	sel_follow_view(b);
}

void
outline_edge(struct browser *b, int end)
{
	size_t i;
	int vh = outline_view_h(b);

	if (!end) {
		b->sel = outline_first_selectable(b);
		b->top.item = 0;
		b->top.line = 0;
		outline_fix(b);
		return;
	}
	/* The last screenful, and the last item whose head shows on it. */
	i = outline_prev_visible(b, b->nitems);
	if (i == NO_ITEM)
		return;
	b->top.item = i;
	b->top.line = item_height(b, i, NULL) - 1;
	pos_back(b, &b->top, vh - 1);
	i = prev_selectable(b, b->nitems);
	if (i != NO_ITEM)
		b->sel = i;
	outline_fix(b);
	sel_follow_view(b);
}

/* Enter (enter != 0) opens, and on what is already open, opens the
 * pager; Right/l only opens (on an open section: its first question). */
void
outline_open(struct browser *b, int enter)
{
	const struct item *it = &b->items[b->sel];

	outline_fix(b);
	if (it->kind == ITEM_SECTION) {
		if (!b->sec_open[it->idx]) {
			b->sec_open[it->idx] = 1;
			outline_ensure_fits(b);
		} else if (enter) {
			pager_open(b, PV_SECTION, it->idx);
		} else {
			size_t n = next_selectable(b, b->sel);

			if (n != NO_ITEM && b->items[n].kind == ITEM_ENTRY) {
				b->sel = n;
				outline_ensure_head(b);
			}
		}
		return;
	}
	if (it->kind != ITEM_ENTRY)
		return;
	if (!b->ent_open[it->idx]) {
		b->ent_open[it->idx] = 1;
		outline_ensure_fits(b);
	} else if (enter) {
		pager_open(b, PV_ENTRY, it->idx);
	}
}

void
outline_close(struct browser *b)
{
	const struct item *it = &b->items[b->sel];

	outline_fix(b);
	if (it->kind == ITEM_ENTRY) {
		if (b->ent_open[it->idx])
			b->ent_open[it->idx] = 0;
		else
			b->sel = b->sec_item[b->d->entries[it->idx].section];
	} else if (it->kind == ITEM_SECTION) {
		b->sec_open[it->idx] = 0;
	}
	outline_ensure_head(b);
}

/* 「すべて開く」: opens every answer of the section (and the section);
 * 「すべて閉じる」 closes them. */
void
outline_toggle_section_all(struct browser *b, uint32_t sec)
{
	const struct section *s = &b->d->secs[sec];
	int open = !outline_sec_all_open(b, sec);

	memset(b->ent_open + s->first, open, s->n);
	if (open)
		b->sec_open[sec] = 1;
	outline_ensure_head(b);
}

void
outline_toggle_all(struct browser *b)
{
	size_t i;
	int all = 1;

	for (i = 0; i < b->d->nentries && all; i++)
		all = b->ent_open[i];
	for (i = 0; i < b->d->nsecs && all; i++)
		all = b->sec_open[i];
	memset(b->ent_open, !all, b->d->nentries);
	memset(b->sec_open, !all, b->d->nsecs);
	if (all && b->items[b->sel].kind == ITEM_ENTRY)
		b->sel =
		    b->sec_item[b->d->entries[b->items[b->sel].idx].section];
	outline_ensure_head(b);
	rows_msg_set(
	    &b->msg, "%s", all ? _("Everything closed") : _("Everything open"));
}

void
outline_next_section(struct browser *b, int dir)
{
	size_t i = b->sel;

	for (;;) {
		i = dir > 0 ? next_selectable(b, i) : prev_selectable(b, i);
		if (i == NO_ITEM) {
			rows_msg_set(&b->msg, "%s",
			    dir > 0 ? _("No more sections")
			            : _("No previous section"));
			return;
		}
		if (b->items[i].kind == ITEM_SECTION)
			break;
	}
	/* The section goes to the top of the screen, its questions below
	 * it (at the end, outline_fix fills the screen again). */
	b->sel = i;
	b->top.item = i;
	b->top.line = 0;
	outline_ensure_head(b);
}

void
outline_click(struct browser *b, int x, int y)
{
	const struct rowinfo *r;
	const struct item *it;

	if (y < 0 || y >= b->nrows || b->rows == NULL)
		return;
	r = &b->rows[y];
	if (r->item == NO_ITEM || b->items[r->item].kind == ITEM_TITLE)
		return;
	it = &b->items[r->item];
	b->sel = r->item;
	if (it->kind == ITEM_SECTION) {
		if (r->lx0 >= 0 && x >= r->lx0 && x < r->lx1)
			outline_toggle_section_all(b, it->idx);
		else {
			b->sec_open[it->idx] = !b->sec_open[it->idx];
			outline_ensure_head(b);
		}
		return;
	}
	/* A question row toggles; a click in the answer only selects. */
	{
		int head;

		item_height(b, r->item, &head);
		if (r->line < head) {
			b->ent_open[it->idx] = !b->ent_open[it->idx];
			if (b->ent_open[it->idx])
				outline_ensure_fits(b);
			else
				outline_ensure_head(b);
			return;
		}
	}
	outline_fix(b);
}

/* Jumps (g, G, Tab, n, ...) remember where they left; Backspace returns.
 * The oldest are dropped past JUMPS_MAX. */
#define JUMPS_MAX 100

void
outline_jump_push(struct browser *b)
{
	if (b->njumps == JUMPS_MAX) {
		memmove(
		    b->jumps, b->jumps + 1, (JUMPS_MAX - 1) * sizeof *b->jumps);
		b->njumps--;
	}
	if (b->njumps == b->capjumps) {
		b->capjumps = b->capjumps ? b->capjumps * 2 : 8;
		b->jumps =
		    xreallocarray(b->jumps, b->capjumps, sizeof *b->jumps);
	}
	b->jumps[b->njumps].sel = b->sel;
	b->jumps[b->njumps].top = b->top;
	b->njumps++;
}

void
outline_jump_back(struct browser *b)
{
	if (b->njumps == 0) {
		rows_msg_set(&b->msg, "%s", _("Nothing to go back to"));
		return;
	}
	b->njumps--;
	b->sel = b->jumps[b->njumps].sel;
	b->top = b->jumps[b->njumps].top;
	outline_fix(b);
	outline_ensure_head(b);
}

static const char *
outline_hints(const struct browser *b)
{
	if (b->o.kiosk)
		return _("Type to search  Up/Down: move  Enter: open  ?: help");
	return _("j/k: move  Enter: open  a: all  /: search  ?: help  q: quit");
}

/* The status row: the search field while typing (its tail when it is wider
 * than the room, with the hardware cursor at its end), else a message or
 * the key hints, and the hit count at the right. */
static void
outline_status(struct browser *b, struct screen *scr)
{
	const struct bsearch *s = &b->s;
	char *right = NULL, *left;
	int w = b->w;

	if (s->f.on)
		right = xasprintf(_("%lu matches"), (unsigned long)s->f.nhits);
	if (s->active) {
		searchui_status(b, scr, s->f.q, right);
		free(right);
		return;
	} else if (b->msg.text != NULL) {
		left = xstrdup(b->msg.text);
	} else if (s->f.on) {
		left = xasprintf(
		    "/%s  %s", s->f.q, _("n/N: next/previous hit  Esc: clear"));
	} else {
		const char *hint = outline_hints(b);

		/* A hint cut short says less than a short hint. */
		if (rows_width(hint, b->o.ambiguous) > w)
			hint = b->o.kiosk ? _("Type to search  ?: help")
			                  : _("/: search  ?: help  q: quit");
		left = xstrdup(hint);
	}
	rows_status(slines_push(&scr->rows), left, right, w, b->o.ambiguous);
	free(left);
	free(right);
}

void
outline_render(struct browser *b, struct screen *scr)
{
	int vh = b->h - 1, row = 0, w = b->w, skip;
	size_t i;
	int resized = b->laid_w != b->w || b->laid_h != b->h;

	if (b->nitems > 0) {
		outline_fix(b);
		if (resized) {
			outline_ensure_head(b);
		} else {
			int r = item_row(b, b->sel);

			if (r >= vh || r + item_height(b, b->sel, NULL) <= 0)
				outline_ensure_head(b);
		}
	}
	b->laid_w = b->w;
	b->laid_h = b->h;
	free(b->rows);
	b->rows = xcalloc((size_t)b->h, sizeof *b->rows);
	b->nrows = b->h;
	for (row = 0; row < b->h; row++) {
		b->rows[row].item = NO_ITEM;
		b->rows[row].lx0 = b->rows[row].lx1 = -1;
	}
	scr->cursor_y = 0;
	scr->cursor_x = 0;
	row = 0;
	i = b->nitems > 0 ? b->top.item : NO_ITEM;
	skip = b->top.line;
	while (row < vh && i != NO_ITEM) {
		struct geom g;
		const struct slines *ls = item_cached(b, i, &g);
		int l;

		for (l = skip; l < (int)ls->n && row < vh; l++, row++) {
			struct sline *dst = slines_push(&scr->rows);
			int marked = i == b->sel && l < g.head;
			uint16_t at = marked ? AT_SELECTED : 0;

			if (marked)
				sline_append(
				    dst, ">", 1, AT_SELECTED | AT_CHROME, 1);
			else
				sline_pad(dst, 1, 0);
			rows_fit(dst, &ls->v[l], w - 1, b->o.ambiguous, at);
			b->rows[row].item = i;
			b->rows[row].line = l;
			if (l == g.label_line) {
				b->rows[row].lx0 = g.lx0 + 1;
				b->rows[row].lx1 =
				    g.lx1 + 1 < w ? g.lx1 + 1 : w;
			}
			if (i == b->sel && (l == skip || l == 0) &&
			    scr->cursor_y == 0)
				scr->cursor_y = row;
		}
		skip = 0;
		i = outline_next_visible(b, i);
	}
	if (b->s.f.on && b->s.f.nhits == 0 && row < vh) {
		struct sline t = {0};
		char *m = xasprintf(_("No match for %s"), b->s.f.q);

		sline_pad(&t, 2, 0);
		sline_append(
		    &t, m, strlen(m), AT_DIM, rows_width(m, b->o.ambiguous));
		rows_fit(slines_push(&scr->rows), &t, w, b->o.ambiguous, 0);
		sline_free(&t);
		free(m);
		row++;
	}
	for (; row < vh; row++)
		sline_pad(slines_push(&scr->rows), w, 0);
	outline_status(b, scr);
}
