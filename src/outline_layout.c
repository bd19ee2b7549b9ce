/*
 * outline_layout.c - the outline's items, their lines and where the view
 * stands; see outline_layout.h.  The keys, the search and the drawing are
 * outline.c's.
 *
 * Layout of a row: column 0 is the selection gutter ('>' on the selected
 * item's head rows), the rest is the item's line at width w - 1.
 */
#include "outline_layout.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "render.h"
#include "rows.h"
#include "search.h"
#include "utf8.h"
#include "width.h"
#include "xalloc.h"

static void outline_layout_items(struct outline *o);

int
outline_view_h(const struct outline *o)
{
	return o->e->h - 1 > 1 ? o->e->h - 1 : 1;
}

int
outline_content_w(const struct outline *o)
{
	int w = o->e->w - 1 > 1 ? o->e->w - 1 : 1;

	/* --max-width: the rows, 「すべて開く」 included, end there. */
	return o->e->max_width > 0 && w > o->e->max_width ? o->e->max_width
	                                                  : w;
}

/* Forgets every laid-out item: the items were rebuilt. */
static void
caches_clear(struct outline *o)
{
	size_t k;

	for (k = 0; k < LCACHE_SLOTS; k++)
		o->lcache[k].valid = 0;
	for (k = 0; k < HCACHE_SLOTS; k++)
		o->hcache[k].valid = 0;
}

void
outline_layout_flat(struct outline *o, const uint32_t *order, size_t n)
{
	const struct doc *d = o->e->d;
	size_t i;

	caches_clear(o);
	o->njumps = 0; /* their items are gone */
	if (order == NULL) {
		o->flat = 0;
		outline_layout_items(o);
		return;
	}
	o->flat = 1;
	for (i = 0; i < d->nsecs; i++)
		o->sec_item[i] = NO_ITEM;
	for (i = 0; i < d->nentries; i++)
		o->ent_item[i] = NO_ITEM;
	o->nitems = 0;
	for (i = 0; i < n; i++)
		outline_add_entry(o, order[i]);
}

void
outline_layout_init(struct outline *o)
{
	const struct doc *d = o->e->d;
	size_t n = d->ncolls + d->nsecs + d->nentries + outline_find_long(o);

	o->items = xcalloc(n ? n : 1, sizeof *o->items);
	o->sec_item = xcalloc(d->nsecs ? d->nsecs : 1, sizeof *o->sec_item);
	o->ent_item =
	    xcalloc(d->nentries ? d->nentries : 1, sizeof *o->ent_item);
	o->sec_open = xcalloc(d->nsecs ? d->nsecs : 1, 1);
	o->ent_open = xcalloc(d->nentries ? d->nentries : 1, 1);
	outline_layout_items(o);
}

/* The items in document order. */
static void
outline_layout_items(struct outline *o)
{
	const struct doc *d = o->e->d;
	size_t c, s, e;

	o->nitems = 0;
	for (c = 0; c < d->ncolls; c++) {
		o->items[o->nitems].kind = ITEM_TITLE;
		o->items[o->nitems++].idx = (uint32_t)c;
		for (s = d->colls[c].first;
		     s < d->colls[c].first + d->colls[c].n; s++) {
			o->sec_item[s] = o->nitems;
			o->items[o->nitems].kind = ITEM_SECTION;
			o->items[o->nitems++].idx = (uint32_t)s;
			for (e = d->secs[s].first;
			     e < d->secs[s].first + d->secs[s].n; e++)
				outline_add_entry(o, (uint32_t)e);
		}
	}
}

int
outline_item_visible(const struct outline *o, size_t i)
{
	const struct item *it = &o->items[i];

	switch (it->kind) {
	case ITEM_SECTION:
		return !o->f.on || o->f.sechits[it->idx] > 0;
	case ITEM_PART: /* while the answer is open and its question shows */
	case ITEM_ENTRY:
		if (it->kind == ITEM_PART && !o->ent_open[it->idx])
			return 0;
		if (o->f.on && !o->f.is_hit[it->idx])
			return 0;
		return o->flat || o->sec_open[o->e->d->entries[it->idx].section];
	default:
		return 1;
	}
}

int
outline_item_selectable(const struct outline *o, size_t i)
{
	return o->items[i].kind != ITEM_PART && outline_item_visible(o, i);
}

size_t
outline_next_visible(const struct outline *o, size_t i)
{
	for (i = i == NO_ITEM ? 0 : i + 1; i < o->nitems; i++)
		if (outline_item_visible(o, i))
			return i;
	return NO_ITEM;
}

size_t
outline_prev_visible(const struct outline *o, size_t i)
{
	while (i-- > 0)
		if (outline_item_visible(o, i))
			return i;
	return NO_ITEM;
}

size_t
outline_next_selectable(const struct outline *o, size_t i)
{
	do
		i = outline_next_visible(o, i);
	while (i != NO_ITEM && o->items[i].kind == ITEM_PART);
	return i;
}

size_t
outline_prev_selectable(const struct outline *o, size_t i)
{
	do
		i = outline_prev_visible(o, i);
	while (i != NO_ITEM && o->items[i].kind == ITEM_PART);
	return i;
}

size_t
outline_first_selectable(const struct outline *o)
{
	return outline_next_selectable(o, NO_ITEM);
}

int
outline_sec_all_open(const struct outline *o, uint32_t sec)
{
	const struct section *s = &o->e->d->secs[sec];
	uint32_t e;

	for (e = s->first; e < s->first + s->n; e++)
		if (!o->ent_open[e])
			return 0;
	return s->n > 0;
}

static const char *
marker(const struct outline *o, int open)
{
	if (o->e->ascii)
		return open ? "- " : "+ ";
	return open ? "\xe2\x96\xbc " : "\xe2\x96\xb6 "; /* ▼ ▶ */
}

/* A string of spaces as wide as s (for hanging indents). */
static char *
blanks_like(const struct outline *o, const char *s)
{
	int n = rows_width(s, o->e->ambiguous);
	char *p = xmalloc((size_t)n + 1);

	memset(p, ' ', (size_t)n);
	p[n] = '\0';
	return p;
}

/* The filter's hits in s[0..n) (a title, an introduction), or none. */
static struct hl_range *
ctx_hits(const struct outline *o, const char *s, size_t n, struct hl_set *hl)
{
	size_t nr = 0;
	struct hl_range *r = NULL;

	if (o->f.on && o->f.sq != NULL)
		r = search_text_hits(o->f.sq, s, n, &nr);
	hl->v = r;
	hl->n = nr;
	return r;
}

/* The text before the first section or question (an intro: a
 * pseudo-entry of the doc), rendered like an answer, indented.  While the
 * outline filters, only an intro with hits shows, highlighted. */
static void
intro_lines(struct outline *o, const struct entry *intro, int indent, int cw,
    struct slines *out)
{
	struct slines ls = {0};
	struct render_opts ro;
	struct hl_set hl;
	struct hl_range *r;
	size_t i;

	if (intro == NULL)
		return;
	r = ctx_hits(o, intro->text, intro->text_len, &hl);
	if (o->f.on && r == NULL)
		return;
	if (cw - indent < 8)
		indent = 0;
	ro = view_ropts(o->e, cw - indent);
	render_answer(intro, &ro, r != NULL ? &hl : NULL, &ls);
	for (i = 0; i < ls.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ls.v[i]);
	}
	slines_free(&ls);
	free(r);
}

static void
title_lines(struct outline *o, uint32_t c, int cw, struct slines *out)
{
	const struct collection *col = &o->e->d->colls[c];
	struct render_opts ro = view_ropts(o->e, cw);
	struct hl_set hl;
	struct hl_range *r = ctx_hits(o, col->title, strlen(col->title), &hl);

	if (c > 0)
		slines_push(out);
	render_plain(col->title, strlen(col->title), "", "", 0,
	    AT_HEADING | AT_STRONG, &ro, r != NULL ? &hl : NULL, out);
	free(r);
	/* A collection's intro stays hidden while filtering (search.h). */
	if (col->intro != NULL && !o->f.on) {
		slines_push(out);
		intro_lines(o, col->intro, 0, cw, out);
	}
	slines_push(out);
}

static void
section_lines(
    struct outline *o, uint32_t s, int cw, struct slines *out, struct geom *g)
{
	const struct section *sec = &o->e->d->secs[s];
	const char *mk = marker(o, o->sec_open[s]);
	const char *label =
	    outline_sec_all_open(o, s) ? _("Collapse all") : _("Expand all");
	char *count = xasprintf(
	    _("(%u)"), (unsigned)(o->f.on ? o->f.sechits[s] : sec->n));
	char *rest = blanks_like(o, mk);
	int lw = rows_width(label, o->e->ambiguous),
	    mw = rows_width(mk, o->e->ambiguous);
	int avail = cw - lw - 1, narrow = avail < mw + 10;
	size_t first = out->n;
	struct render_opts ro;
	struct sline *l;

	/* No questions: nothing to count or open, so no 「(0) すべて開く」
	 * that would do nothing. */
	if (sec->n == 0) {
		ro = view_ropts(o->e, cw);
		render_plain(sec->title, strlen(sec->title), mk, rest,
		    AT_CHROME, AT_HEADING | AT_STRONG, &ro, NULL, out);
		g->head = (int)(out->n - first);
		if (o->sec_open[s] && sec->intro != NULL && !o->f.on)
			intro_lines(o, sec->intro, 2, cw, out);
		free(count);
		free(rest);
		return;
	}
	/* The name wraps; the count stays whole, after it or on a line of
	 * its own (a count split as "（2" / "件）" reads badly). */
	ro = view_ropts(o->e, narrow ? cw : avail);
	{
		struct hl_set hl;
		struct hl_range *r =
		    ctx_hits(o, sec->title, strlen(sec->title), &hl);

		render_plain(sec->title, strlen(sec->title), mk, rest,
		    AT_CHROME, AT_HEADING | AT_STRONG, &ro,
		    r != NULL ? &hl : NULL, out);
		free(r);
	}
	{
		int cwid = rows_width(count, o->e->ambiguous) + 1;

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
	if (o->sec_open[s] && sec->intro != NULL)
		intro_lines(o, sec->intro, 2, cw, out);
	free(count);
	free(rest);
}

/*
 * A one-line excerpt of the answer around its hit of the rarest term
 * (search.h: "aws 請求書" shows 請求書, not the first AWS), for an entry
 * whose hits are all in its (closed) answer: the hit starts a third of the
 * way in, on its own line of the answer text, highlighted.
 */
static void
snippet_line(struct outline *o, const struct entry *a,
    const struct search_hits *h, int indent, int cw, struct slines *out)
{
	const char *t = a->text;
	uint32_t hs = h->a[h->a_rare].start, s = hs, e = hs, lim;
	struct hl_range *r;
	struct hl_set hl;
	struct render_opts ro = view_ropts(o->e, cw - indent);
	struct slines tmp = {0};
	const char *dots = o->e->ascii ? "..." : "\xe2\x80\xa6"; /* … */
	int budget = (cw - indent) / 3, wsum = 0;
	size_t n = 0;

	/* Back a third of the width, not past the start of the block. */
	while (s > 0 && t[s - 1] != '\n') {
		size_t p = s;

		utf8_prev(t, 0, &p);
		wsum += width_str(t + p, s - p, o->e->ambiguous);
		if (wsum > budget)
			break;
		s = p;
	}
	/* To the end of the line, but no further than one screen line can
	 * hold (16 bytes a column leave room for marks): a 5 MB one-line
	 * answer is not searched whole for a snippet. */
	lim = a->text_len;
	if (lim - s > (uint32_t)cw * 16 + 64) {
		lim = s + (uint32_t)cw * 16 + 64;
		while (lim > hs && (t[lim] & 0xC0) == 0x80)
			lim--;
	}
	while (e < lim && t[e] != '\n')
		e++;
	/* the hits of the line itself (h has only the rare term's) */
	r = search_text_hits(o->f.sq, t + s, e - s, &n);
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
    struct outline *o, uint32_t e, int cw, struct slines *out, struct geom *g)
{
	const struct entry *en = &o->e->d->entries[e];
	const struct entry *an = doc_entry_answer(o->e->d, en);
	char *mk = xasprintf("  %s", marker(o, o->ent_open[e]));
	char *rest = blanks_like(o, mk);
	struct render_opts ro = view_ropts(o->e, cw);
	struct search_hits h;
	struct hl_set qhl;
	int hits = filter_entry_hits(&o->f, e, &h);
	int indent = cw > 8 ? 4 : 0;
	size_t first = out->n;

	qhl.v = h.q;
	qhl.n = h.nq;
	render_plain(en->question, en->question_len, mk, rest, AT_CHROME,
	    AT_HEADING, &ro, hits ? &qhl : NULL, out);
	g->head = (int)(out->n - first);
	if (o->ent_open[e] && o->ent_long[e] != 0) {
		/* the answer is the parts' (part_lines) */
	} else if (o->ent_open[e]) {
		struct slines ans = {0};
		/* the answer's hits as far as it is laid out */
		struct hl_lazy *lz = hits ? filter_answer_hits(&o->f, e) : NULL;

		ro = view_ropts(o->e, cw - indent);
		render_answer_lazy(an, &ro, lz, &ans);
		search_lazy_free(lz);
		outline_append_indented(out, &ans, indent);
		slines_free(&ans);
		slines_push(out); /* a blank line ends the answer */
	} else if (hits && o->f.on && h.nq == 0 && h.na > 0) {
		snippet_line(o, an, &h, indent, cw, out);
	}
	search_hits_free(&h);
	free(mk);
	free(rest);
}

/* Appends the lines of item i at content width cw. */
static void
item_lines(struct outline *o, size_t i, struct slines *out, struct geom *g)
{
	const struct item *it = &o->items[i];
	int cw = outline_content_w(o);

	g->head = 0;
	g->label_line = -1;
	g->lx0 = g->lx1 = -1;
	switch (it->kind) {
	case ITEM_TITLE:
		title_lines(o, it->idx, cw, out);
		break;
	case ITEM_SECTION:
		section_lines(o, it->idx, cw, out, g);
		break;
	case ITEM_PART:
		outline_part_lines(o, it, cw, out);
		break;
	default:
		entry_lines(o, it->idx, cw, out, g);
		break;
	}
}

/* What an item's lines depend on besides the width and the query: a
 * height cached under another signature is stale. */
static uint32_t
item_sig(const struct outline *o, size_t i)
{
	const struct item *it = &o->items[i];
	uint32_t f = o->f.on ? 1 : 0;

	switch (it->kind) {
	case ITEM_ENTRY:
	case ITEM_PART:
		return f | (uint32_t)o->ent_open[it->idx] << 1 |
		       (uint32_t)(f && o->f.is_hit[it->idx]) << 2;
	case ITEM_SECTION:
		return f | (uint32_t)o->sec_open[it->idx] << 1 |
		       (uint32_t)outline_sec_all_open(o, it->idx) << 2 |
		       (f ? o->f.sechits[it->idx] << 3 : 0);
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
const struct slines *
outline_item_lines(struct outline *o, size_t i, struct geom *g)
{
	struct lslot *c = &o->lcache[i % LCACHE_SLOTS];
	uint32_t sig = item_sig(o, i);

	if (!(c->valid && c->item == i && c->w == o->e->w && c->sig == sig &&
	        c->gen == o->f.gen)) {
		slines_clear(&c->ls);
		item_lines(o, i, &c->ls, &c->g);
		c->valid = 1;
		c->item = i;
		c->w = o->e->w;
		c->sig = sig;
		c->gen = o->f.gen;
	}
	*g = c->g;
	return &c->ls;
}

void
outline_layout_free(struct outline *o)
{
	size_t k;

	for (k = 0; k < LCACHE_SLOTS; k++)
		slines_free(&o->lcache[k].ls);
	for (k = 0; k < o->nlongs; k++)
		answer_units_free(&o->longs[k].u);
	free(o->longs);
	free(o->ent_long);
	free(o->items);
	free(o->sec_item);
	free(o->ent_item);
	free(o->sec_open);
	free(o->ent_open);
}

int
outline_item_height(struct outline *o, size_t i, int *head)
{
	struct hslot *c = &o->hcache[i % HCACHE_SLOTS];
	uint32_t sig = item_sig(o, i);
	struct geom g;
	int n;

	if (!(c->valid && c->item == i && c->w == o->e->w && c->sig == sig &&
	        c->gen == o->f.gen)) {
		const struct slines *ls = outline_item_lines(o, i, &g);

		n = ls->n > 0 ? (int)ls->n : 1;
		c->valid = 1;
		c->item = i;
		c->w = o->e->w;
		c->sig = sig;
		c->gen = o->f.gen;
		c->height = n;
		c->head = g.head < n ? (g.head > 0 ? g.head : 1) : n;
	}
	if (head != NULL)
		*head = c->head;
	return c->height;
}

/* Moves p back n lines (not before the first line); returns lines moved. */
int
outline_pos_back(struct outline *o, struct pos *p, int n)
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
		q = outline_prev_visible(o, p->item);
		if (q == NO_ITEM)
			break;
		p->item = q;
		p->line = outline_item_height(o, q, NULL) - 1;
		n--;
		moved++;
	}
	return moved;
}

/* Lines from p to the end, counting at most limit. */
static int
lines_from(struct outline *o, struct pos p, int limit)
{
	int acc = outline_item_height(o, p.item, NULL) - p.line;
	size_t i = p.item;

	while (acc < limit && (i = outline_next_visible(o, i)) != NO_ITEM)
		acc += outline_item_height(o, i, NULL);
	return acc;
}

/* Scrolls the view down at most n lines, never past the last screenful;
 * returns the lines scrolled. */
int
outline_scroll_down(struct outline *o, int n)
{
	int vh = outline_view_h(o);
	int avail = lines_from(o, o->top, vh + n) - vh;
	int done = 0;

	if (avail <= 0)
		return 0;
	if (n > avail)
		n = avail;
	while (n > 0) {
		int left =
		    outline_item_height(o, o->top.item, NULL) - o->top.line;

		if (n < left) {
			o->top.line += n;
			done += n;
			break;
		}
		n -= left;
		done += left;
		{
			size_t nx = outline_next_visible(o, o->top.item);

			if (nx == NO_ITEM) /* avail said there is more */
				break;
			o->top.item = nx;
			o->top.line = 0;
		}
	}
	return done;
}

/* Row of the first line of item i relative to the view: negative above,
 * >= view height when below (capped). */
int
outline_item_row(struct outline *o, size_t i)
{
	int vh = outline_view_h(o), acc;
	size_t j;

	if (i < o->top.item)
		return -1000000;
	if (i == o->top.item)
		return -o->top.line;
	acc = outline_item_height(o, o->top.item, NULL) - o->top.line;
	j = o->top.item;
	while (acc < vh && (j = outline_next_visible(o, j)) != NO_ITEM && j < i)
		acc += outline_item_height(o, j, NULL);
	return acc < vh ? acc : vh;
}

/* Makes top a visible item and a line inside it, and fills the screen when
 * there is enough content below (after a close near the end). */
void
outline_fix(struct outline *o)
{
	int h, vh = outline_view_h(o), have;

	if (o->nitems == 0)
		return;
	if (o->sel >= o->nitems || !outline_item_selectable(o, o->sel)) {
		size_t s = o->sel < o->nitems ? o->sel : 0;
		size_t p = s;

		/* The nearest selectable item above, else below. */
		while (p != NO_ITEM && !outline_item_selectable(o, p))
			p = p == 0 ? NO_ITEM : p - 1;
		if (p == NO_ITEM)
			p = outline_next_selectable(o, s);
		o->sel = p != NO_ITEM ? p : 0;
	}
	if (!outline_item_visible(o, o->top.item)) {
		size_t p = outline_prev_visible(o, o->top.item);

		o->top.item =
		    p != NO_ITEM ? p : outline_next_visible(o, NO_ITEM);
		o->top.line = 0;
		if (o->top.item == NO_ITEM) {
			o->top.item = 0;
			return;
		}
	}
	h = outline_item_height(o, o->top.item, NULL);
	if (o->top.line >= h)
		o->top.line = h - 1;
	have = lines_from(o, o->top, vh);
	if (have < vh)
		outline_pos_back(o, &o->top, vh - have);
}

/* Scrolls so that the head rows of sel are on screen, with the collection
 * title above it when the selection is the first row under it. */
void
outline_ensure_head(struct outline *o)
{
	int vh = outline_view_h(o), head, r;
	size_t p;

	outline_fix(o);
	outline_item_height(o, o->sel, &head);
	r = outline_item_row(o, o->sel);
	if (r < 0 || head > vh) {
		o->top.item = o->sel;
		o->top.line = 0;
		p = outline_prev_visible(o, o->sel);
		while (p != NO_ITEM && o->items[p].kind == ITEM_TITLE) {
			int used = outline_item_row(o, o->sel);

			if (outline_item_height(o, p, NULL) + used + head > vh)
				break;
			o->top.item = p;
			p = outline_prev_visible(o, p);
		}
	} else if (r + head > vh) {
		struct pos q = {o->sel, 0};

		outline_pos_back(o, &q, vh - head);
		o->top = q;
	}
	outline_fix(o);
}

/* After opening sel: show as much of it as fits, head first.  A head
 * (question) as tall as the screen would hide the whole answer below it:
 * then the view scrolls on until the answer's first lines (up to half the
 * screen) show under the end of the question. */
void
outline_ensure_fits(struct outline *o)
{
	int vh = outline_view_h(o), r, h;

	outline_ensure_head(o);
	r = outline_item_row(o, o->sel);
	h = outline_extent_height(o, o->sel, vh + 1);
	if (r >= 0 && r + h > vh)
		outline_scroll_down(o, r + h - vh < r ? r + h - vh : r);
	outline_show_answer_start(o);
}

void
outline_show_answer_start(struct outline *o)
{
	int vh = outline_view_h(o), r, h, head, want;

	r = outline_item_row(o, o->sel);
	outline_item_height(o, o->sel, &head);
	h = outline_extent_height(o, o->sel, head + vh);
	want = h - head < vh / 2 ? h - head : vh / 2;
	if (want < 1 && h > head)
		want = 1;
	if (want > 0 && r > -1000000 && r + head + want > vh)
		outline_scroll_down(o, r + head + want - vh);
}

int
outline_extent_shows(struct outline *o, size_t i)
{
	int vh = outline_view_h(o), r = outline_item_row(o, i);

	if (r >= vh)
		return 0;
	if (r + outline_item_height(o, i, NULL) > 0)
		return 1;
	/* above the top: it shows when the top is one of its parts */
	return o->top.item > i && o->top.item <= outline_extent_end(o, i);
}


int
outline_extent_height(struct outline *o, size_t i, int cap)
{
	size_t end = outline_extent_end(o, i), k;
	int h = outline_item_height(o, i, NULL);

	for (k = i + 1; k <= end && h < cap; k++)
		h += outline_item_height(o, k, NULL);
	return h;
}

int
outline_extent_below(struct outline *o, size_t i)
{
	int vh = outline_view_h(o);
	size_t end = outline_extent_end(o, i);
	int r = outline_item_row(o, end);

	return r >= vh || r + outline_item_height(o, end, NULL) > vh;
}

/* After the view scrolled: keep sel if any of it shows, else the first
 * item that starts on screen. */
void
outline_follow_view(struct outline *o)
{
	int vh = outline_view_h(o), r;
	size_t i;

	if (outline_extent_shows(o, o->sel))
		return;
	for (i = o->top.item; i != NO_ITEM; i = outline_next_visible(o, i)) {
		r = outline_item_row(o, i);
		if (r >= vh)
			break;
		if (r >= 0 && outline_item_selectable(o, i)) {
			o->sel = i;
			return;
		}
	}
	/* None starts on screen.  Inside a long answer's parts: they are
	 * its question's, which is selected (never a part). */
	if (o->items[o->top.item].kind == ITEM_PART)
		o->sel = outline_owner(o, o->top.item);
	else if (outline_item_selectable(o, o->top.item))
		o->sel = o->top.item;
	else if ((i = outline_next_selectable(o, o->top.item)) != NO_ITEM)
		o->sel = i;
}

void
outline_walk_start(struct outline *o, struct screen_walk *w, int vh)
{
	memset(w, 0, sizeof *w);
	w->vh = vh;
	w->row = -1;
	w->item = o->nitems > 0 ? o->top.item : NO_ITEM;
	w->line = o->top.line - 1;
	if (w->item != NO_ITEM)
		w->ls = outline_item_lines(o, w->item, &w->g);
}

int
outline_walk_next(struct outline *o, struct screen_walk *w)
{
	if (w->item == NO_ITEM || w->row + 1 >= w->vh)
		return 0;
	w->line++;
	while (w->line >= (int)w->ls->n) {
		w->item = outline_next_visible(o, w->item);
		if (w->item == NO_ITEM)
			return 0;
		w->ls = outline_item_lines(o, w->item, &w->g);
		w->line = 0;
	}
	w->row++;
	return 1;
}
