/*
 * outline.c - the outline view: its items and their lines, where the view
 * stands, its keys, its search filter and its screen; see outline.h.
 *
 * Model.  The outline is a flat array of items (a collection title, a
 * section row, a question) in document order.  Which items show depends on
 * the open/closed state and the search filter; an item's lines depend on
 * the width.  The view is a position (item, line within it) of the first
 * row, so a resize or an open/close never needs a global line count, and
 * drawing costs only what is on screen.
 *
 * Invariants after every operation: sel is a selectable (section or
 * question), visible item, or 0 when there is none; top.item is a visible
 * item and top.line < its height at the current width; some line of sel is
 * on screen.
 *
 * Layout of a row: column 0 is the selection gutter ('>' on the selected
 * item's head rows), the rest is the item's line at width w - 1.
 */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "filter.h"
#include "i18n.h"
#include "render.h"
#include "rows.h"
#include "search.h"
#include "sline.h"
#include "width.h"
#include "xalloc.h"

#define NO_ITEM ((size_t)-1)

enum item_kind { ITEM_TITLE, ITEM_SECTION, ITEM_ENTRY };

struct item {
	uint8_t kind; /* enum item_kind */
	uint32_t idx; /* into doc->colls, doc->secs or doc->entries */
};

struct pos {
	size_t item;
	int line;
};

/* What one screen row of the last render showed (for the mouse). */
struct rowinfo {
	size_t item; /* NO_ITEM: blank or status */
	int line;    /* line within the item */
	int lx0, lx1; /* columns of the すべて開く label on this row, or -1 */
};

/* A place to come back to (Backspace after a jump; Esc after `/`). */
struct jump {
	size_t sel;
	struct pos top;
};

/* Where an item's lines are: how many head rows (the ones the selection
 * marks) and which line holds the すべて開く label, at which columns. */
struct geom {
	int head;
	int label_line, lx0, lx1;
};

/* The laid-out lines of an item, for the few items on screen: a long open
 * answer is laid out once, not on every key. */
struct lslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned gen;
	struct slines ls;
	struct geom g;
};

#define LCACHE_SLOTS 8

/* A cached item height. */
struct hslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned gen;
	int height, head;
};

#define HCACHE_SLOTS 128

struct outline {
	const struct view_env *e;

	struct item *items;
	size_t nitems;
	size_t *sec_item, *ent_item; /* item index of each section / entry */
	uint8_t *sec_open, *ent_open;

	size_t sel;
	struct pos top;
	int laid_w, laid_h; /* the size of the last render */

	struct rowinfo *rows; /* of the last render; NULL when hidden */
	int nrows;
	struct hslot hcache[HCACHE_SLOTS];
	struct lslot lcache[LCACHE_SLOTS];

	struct jump *jumps; /* where jumps came from, oldest first */
	size_t njumps, capjumps;

	struct filter f; /* the search filter (issue 5) */
	/* The view before the filter started, restored when it ends. */
	uint8_t *save_sec, *save_ent;
	struct jump save;
	/* The place before the current `/`, for Esc. */
	struct jump edit;
};

static int
outline_view_h(const struct outline *o)
{
	return o->e->h - 1 > 1 ? o->e->h - 1 : 1;
}

static int
outline_content_w(const struct outline *o)
{
	return o->e->w - 1 > 1 ? o->e->w - 1 : 1;
}

static void
outline_layout_init(struct outline *o)
{
	const struct doc *d = o->e->d;
	size_t c, s, e, n = 0;

	o->nitems = d->ncolls + d->nsecs + d->nentries;
	o->items = xcalloc(o->nitems ? o->nitems : 1, sizeof *o->items);
	o->sec_item = xcalloc(d->nsecs ? d->nsecs : 1, sizeof *o->sec_item);
	o->ent_item =
	    xcalloc(d->nentries ? d->nentries : 1, sizeof *o->ent_item);
	o->sec_open = xcalloc(d->nsecs ? d->nsecs : 1, 1);
	o->ent_open = xcalloc(d->nentries ? d->nentries : 1, 1);
	for (c = 0; c < d->ncolls; c++) {
		o->items[n].kind = ITEM_TITLE;
		o->items[n++].idx = (uint32_t)c;
		for (s = d->colls[c].first;
		     s < d->colls[c].first + d->colls[c].n; s++) {
			o->sec_item[s] = n;
			o->items[n].kind = ITEM_SECTION;
			o->items[n++].idx = (uint32_t)s;
			for (e = d->secs[s].first;
			     e < d->secs[s].first + d->secs[s].n; e++) {
				o->ent_item[e] = n;
				o->items[n].kind = ITEM_ENTRY;
				o->items[n++].idx = (uint32_t)e;
			}
		}
	}
	o->nitems = n;
}

static int
outline_item_visible(const struct outline *o, size_t i)
{
	const struct item *it = &o->items[i];

	switch (it->kind) {
	case ITEM_SECTION:
		return !o->f.on || o->f.sechits[it->idx] > 0;
	case ITEM_ENTRY:
		if (o->f.on && !o->f.is_hit[it->idx])
			return 0;
		return o->sec_open[o->e->d->entries[it->idx].section];
	default:
		return 1;
	}
}

static int
outline_item_selectable(const struct outline *o, size_t i)
{
	return o->items[i].kind != ITEM_TITLE && outline_item_visible(o, i);
}

static size_t
outline_next_visible(const struct outline *o, size_t i)
{
	for (i = i == NO_ITEM ? 0 : i + 1; i < o->nitems; i++)
		if (outline_item_visible(o, i))
			return i;
	return NO_ITEM;
}

static size_t
outline_prev_visible(const struct outline *o, size_t i)
{
	while (i-- > 0)
		if (outline_item_visible(o, i))
			return i;
	return NO_ITEM;
}

static size_t
outline_next_selectable(const struct outline *o, size_t i)
{
	while ((i = outline_next_visible(o, i)) != NO_ITEM)
		if (o->items[i].kind != ITEM_TITLE)
			return i;
	return NO_ITEM;
}

static size_t
outline_prev_selectable(const struct outline *o, size_t i)
{
	while ((i = outline_prev_visible(o, i)) != NO_ITEM)
		if (o->items[i].kind != ITEM_TITLE)
			return i;
	return NO_ITEM;
}

static size_t
outline_first_selectable(const struct outline *o)
{
	return outline_next_selectable(o, NO_ITEM);
}

static int
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

/* The text before the first section or question (an intro: a
 * pseudo-entry of the doc), rendered like an answer, indented. */
static void
intro_lines(struct outline *o, const struct entry *intro, int indent, int cw,
    struct slines *out)
{
	struct slines ls = {0};
	struct render_opts ro;
	size_t i;

	if (intro == NULL)
		return;
	if (cw - indent < 8)
		indent = 0;
	ro = view_ropts(o->e, cw - indent);
	render_answer(intro, &ro, NULL, &ls);
	for (i = 0; i < ls.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ls.v[i]);
	}
	slines_free(&ls);
}

static void
title_lines(struct outline *o, uint32_t c, int cw, struct slines *out)
{
	const struct collection *col = &o->e->d->colls[c];
	struct render_opts ro = view_ropts(o->e, cw);

	if (c > 0)
		slines_push(out);
	render_plain(col->title, strlen(col->title), "", "", 0,
	    AT_HEADING | AT_STRONG, &ro, NULL, out);
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

	/* The name wraps; the count stays whole, after it or on a line of
	 * its own (a count split as "（2" / "件）" reads badly). */
	ro = view_ropts(o->e, narrow ? cw : avail);
	render_plain(sec->title, strlen(sec->title), mk, rest, AT_CHROME,
	    AT_HEADING | AT_STRONG, &ro, NULL, out);
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
	if (o->sec_open[s] && sec->intro != NULL && !o->f.on)
		intro_lines(o, sec->intro, 2, cw, out);
	free(count);
	free(rest);
}

/*
 * A one-line excerpt of the answer around its first hit, for an entry
 * whose hits are all in its (closed) answer: the hit starts a third of the
 * way in, on its own line of the answer text, highlighted.
 */
static void
snippet_line(struct outline *o, const struct entry *a,
    const struct search_hits *h, int indent, int cw, struct slines *out)
{
	const char *t = a->text;
	uint32_t hs = h->a[0].start, s = hs, e = hs, lim;
	struct hl_range *r;
	struct hl_set hl;
	struct render_opts ro = view_ropts(o->e, cw - indent);
	struct slines tmp = {0};
	const char *dots = o->e->ascii ? "..." : "\xe2\x80\xa6"; /* … */
	int budget = (cw - indent) / 3, wsum = 0;
	size_t i, n = 0;

	/* Back a third of the width, not past the start of the block. */
	while (s > 0 && t[s - 1] != '\n') {
		uint32_t p = s - 1;

		while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--;
		wsum += width_str(t + p, s - p, o->e->ambiguous);
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
    struct outline *o, uint32_t e, int cw, struct slines *out, struct geom *g)
{
	const struct entry *en = &o->e->d->entries[e];
	const struct entry *an = doc_entry_answer(o->e->d, en);
	char *mk = xasprintf("  %s", marker(o, o->ent_open[e]));
	char *rest = blanks_like(o, mk);
	struct render_opts ro = view_ropts(o->e, cw);
	struct search_hits h;
	struct hl_set qhl, ahl;
	int hits = filter_entry_hits(&o->f, e, &h);
	int indent = cw > 8 ? 4 : 0;
	size_t first = out->n, i;

	qhl.v = h.q;
	qhl.n = h.nq;
	ahl.v = h.a;
	ahl.n = h.na;
	render_plain(en->question, en->question_len, mk, rest, AT_CHROME,
	    AT_HEADING, &ro, hits ? &qhl : NULL, out);
	g->head = (int)(out->n - first);
	if (o->ent_open[e]) {
		struct slines ans = {0};

		ro = view_ropts(o->e, cw - indent);
		render_answer(an, &ro, hits ? &ahl : NULL, &ans);
		for (i = 0; i < ans.n; i++) {
			struct sline *l = slines_push(out);

			sline_pad(l, indent, 0);
			sline_copy(l, &ans.v[i]);
		}
		slines_free(&ans);
		slines_push(out); /* a blank line ends the answer */
	} else if (hits && h.nq == 0 && h.na > 0) {
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
static const struct slines *
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

static void
outline_layout_free(struct outline *o)
{
	size_t k;

	for (k = 0; k < LCACHE_SLOTS; k++)
		slines_free(&o->lcache[k].ls);
	free(o->items);
	free(o->sec_item);
	free(o->ent_item);
	free(o->sec_open);
	free(o->ent_open);
}

static int
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
static int
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
static int
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
static int
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
static void
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
static void
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

/* After opening sel: show as much of it as fits, head first. */
static void
outline_ensure_fits(struct outline *o)
{
	int vh = outline_view_h(o), r, h;

	outline_ensure_head(o);
	r = outline_item_row(o, o->sel);
	h = outline_item_height(o, o->sel, NULL);
	if (r >= 0 && r + h > vh)
		outline_scroll_down(o, r + h - vh < r ? r + h - vh : r);
}

/* After the view scrolled: keep sel if any of it shows, else the first
 * item that starts on screen. */
static void
outline_follow_view(struct outline *o)
{
	int vh = outline_view_h(o), r, h;
	size_t i;

	r = outline_item_row(o, o->sel);
	h = outline_item_height(o, o->sel, NULL);
	if (r < vh && r + h > 0)
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
	if (outline_item_selectable(o, o->top.item))
		o->sel = o->top.item;
	else if ((i = outline_next_selectable(o, o->top.item)) != NO_ITEM)
		o->sel = i;
}

/* The start state of the web page: sections open, answers closed. */
static void
outline_start(struct outline *o)
{
	memset(o->sec_open, 1, o->e->d->nsecs);
	memset(o->ent_open, 0, o->e->d->nentries);
	o->top.item = 0;
	o->top.line = 0;
	o->sel = outline_first_selectable(o);
	if (o->sel == NO_ITEM)
		o->sel = 0;
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
	free(o->rows);
	free(o->jumps);
	free(o);
}

/* Kiosk home: the next visitor sees nothing of the last one. */
static void
outline_reset(void *v)
{
	struct outline *o = v;

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

	(void)out;
	if (y < 0 || y >= o->nrows || o->rows == NULL)
		return;
	r = &o->rows[y];
	if (r->item == NO_ITEM || o->items[r->item].kind == ITEM_TITLE)
		return;
	it = &o->items[r->item];
	o->sel = r->item;
	if (it->kind == ITEM_SECTION) {
		if (r->lx0 >= 0 && x >= r->lx0 && x < r->lx1)
			outline_toggle_section_all(o, it->idx);
		else {
			o->sec_open[it->idx] = !o->sec_open[it->idx];
			outline_ensure_head(o);
		}
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
	for (i = 0; i < o->f.nhits; i++)
		o->sec_open[d->entries[o->f.hits[i]].section] = 1;
	if (o->f.nhits > 0 && !outline_item_selectable(o, o->sel))
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
	filter_set_query(&o->f, q, n);
}

/* Enter: keep the filter and move into the results.  Esc: the query and
 * the place from before `/`. */
static void
outline_search_end(void *v, int accept, const char *before, struct intent *out)
{
	struct outline *o = v;

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

	switch (a) {
	case ACT_ENTER:
	case ACT_OPEN:
	case ACT_CLOSE:
	case ACT_SECTION_ALL:
	case ACT_PAGER:
		/* Nothing to act on (a search without hits). */
		if (!outline_item_selectable(o, o->sel))
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
		outline_clear(o);
		break;
	default:
		break;
	}
}

static const char *
outline_hints(const struct outline *o)
{
	if (o->e->kiosk)
		return _("Type to search  Up/Down: move  Enter: open  ?: help");
	return _("j/k: move  Enter: open  a: all  /: search  ?: help  q: quit");
}

/* The status row: the filter or the key hints, and the hit count at the
 * right. */
static void
outline_status(const struct outline *o, struct view_status *st)
{
	if (o->f.on) {
		st->right =
		    xasprintf(_("%lu matches"), (unsigned long)o->f.nhits);
		st->left = xasprintf(
		    "/%s  %s", o->f.q, _("n/N: next/previous hit  Esc: clear"));
	} else {
		const char *hint = outline_hints(o);

		/* A hint cut short says less than a short hint. */
		if (rows_width(hint, o->e->ambiguous) > o->e->w)
			hint = o->e->kiosk ? _("Type to search  ?: help")
			                   : _("/: search  ?: help  q: quit");
		st->left = xstrdup(hint);
	}
}

static void
outline_render(void *v, struct screen *scr, struct view_status *st)
{
	struct outline *o = v;
	const struct view_env *env = o->e;
	int vh = env->h - 1, row = 0, w = env->w, skip;
	size_t i;
	int resized = o->laid_w != env->w || o->laid_h != env->h;

	if (o->nitems > 0) {
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
	o->laid_w = env->w;
	o->laid_h = env->h;
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
