/*
 * md_build.c - the builder behind the Markdown reader; see md_build.h.
 */
#include "md_build.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "utf8.h"
#include "xalloc.h"

/* Line and column of positions ------------------------------------------ */

/* Where the line that starts at start ends: its '\n', or srclen. */
size_t
mb_line_end(const struct parser *p, size_t start)
{
	const char *q = start < p->srclen
	                    ? memchr(p->src + start, '\n', p->srclen - start)
	                    : NULL;

	return q != NULL ? (size_t)(q - p->src) : p->srclen;
}

/*
 * 0-based line of src offset off, and the cursor moved onto it.  Offsets
 * arrive in increasing order but for small steps back, so each line is
 * scanned about once: no index of line starts (4 MB on a 78 MB file),
 * and a 1 MB line costs one memchr, not one per lookup.
 */
size_t
mb_src_line(struct parser *p, size_t off)
{
	size_t i;

	if (off > p->srclen)
		off = p->srclen;
	while (off < p->cur_start) {
		/* back one line: its '\n' is just before cur_start */
		p->cur_end = p->cur_start - 1;
		for (i = p->cur_end; i > 0 && p->src[i - 1] != '\n'; i--)
			;
		p->cur_start = i;
		p->cur_line--;
	}
	while (off > p->cur_end && p->cur_end < p->srclen) {
		p->cur_start = p->cur_end + 1;
		p->cur_end = mb_line_end(p, p->cur_start);
		p->cur_line++;
	}
	return p->cur_line;
}

/*
 * 1-based column (code points) of src offset off.  Counting resumes from
 * the last answer when it was on the same line before off: a 1 MB line
 * full of links stays linear.
 */
uint32_t
mb_src_col(struct parser *p, size_t off)
{
	size_t i, col = 1;

	mb_src_line(p, off);
	i = p->cur_start;
	if (p->cc_off >= i && p->cc_off <= off && p->cc_col > 0) {
		i = p->cc_off;
		col = p->cc_col;
	}
	if (off > p->srclen)
		off = p->srclen;
	if (i < off)
		col += utf8_count(p->src + i, off - i);
	p->cc_off = off;
	p->cc_col = col;
	return (uint32_t)col;
}

/*
 * md4c reads the whole file to find its blocks, then sends their contents
 * in order, while the model grows: the source pages behind that point are
 * let go as it moves on, so that the file and the model are not in memory
 * whole at the same time (37 MB less at the peak on a 78 MB file).  The
 * last MB stays: line and column lookups step back a little.  Dropped
 * pages read as zeros (filemap.h).
 */
void
mb_source_drop(struct parser *p, size_t off)
{
	/* not the text being delivered (off on): it is yet to be copied */
	size_t to = p->last_pos - DROP_LAG < off ? p->last_pos - DROP_LAG : off;

	if (to <= p->dropped)
		return;
	p->drop(p->drop_ctx, p->dropped, to);
	p->dropped = to;
	p->drop_next = p->last_pos + DROP_STEP;
}

/*
 * n bytes for an array of spans: carved from arena slabs at the spans' own
 * alignment (8), not the arena's (16), which wasted 8 bytes on every odd
 * span array (a million spans in a 78 MB FAQ).
 */
static void *
slab_take(struct parser *p, size_t n)
{
	void *v;

	if (n > SLAB_SIZE / 4)
		return arena_alloc(p->arena, n);
	if (p->slab_left < n) {
		p->slab = arena_alloc(p->arena, SLAB_SIZE);
		p->slab_left = SLAB_SIZE;
	}
	v = p->slab;
	p->slab += n;
	p->slab_left -= n;
	return v;
}

/* The pages of the text from tlen to need bytes past it and
 * TEXT_FILL_AHEAD beyond, within the capacity, filled in (md_build.h). */
void
mb_text_fill(struct parser *p, size_t need)
{
	size_t from = p->tfilled > p->bl.tlen ? p->tfilled : p->bl.tlen;
	size_t to = p->bl.tlen + need + TEXT_FILL_AHEAD;

	if (p->bl.tcap < XALLOC_HUGE_MIN) {
		/* small files: the faults are few; no call again before
		 * the text grows */
		p->tfilled = p->bl.tcap;
		return;
	}
	if (to > p->bl.tcap)
		to = p->bl.tcap;
	xalloc_prefault(p->bl.text + from, to - from);
	p->tfilled = to;
}

/* Moves the spans from mark on into the arena. */
const struct span *
mb_spans_take(struct parser *p, size_t mark, uint32_t *n)
{
	struct span *v = NULL;

	*n = (uint32_t)(p->nspans - mark);
	if (*n > 0) {
		v = slab_take(p, *n * sizeof *v);
		memcpy(v, p->spans + mark, *n * sizeof *v);
	}
	p->nspans = mark;
	return v;
}

/* Blocks ----------------------------------------------------------------- */

struct open *
mb_open_push(struct parser *p, uint8_t kind, uint8_t bkind)
{
	struct open *o;

	GROW(p->open, p->nopen, p->opencap, 1);
	o = &p->open[p->nopen++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->b.kind = bkind;
	o->kids = (uint32_t)p->nkids;
	o->spans = (uint32_t)p->nspans;
	o->text = (uint32_t)p->bl.tlen;
	return o;
}

int
mb_is_leaf(const struct open *o)
{
	return o->kind == O_CELL ||
	       (o->kind == O_BLOCK &&
	           (o->b.kind == BLOCK_PARA || o->b.kind == BLOCK_HEADING ||
	               o->b.kind == BLOCK_CODE));
}

/*
 * The line of a block that has no text of its own (a rule, an empty
 * heading or code block): the first line after the last text seen that
 * starts with one of the characters that can open such a block.
 */
uint32_t
mb_guess_line(struct parser *p, const char *openers)
{
	size_t ln = mb_src_line(p, p->last_pos), start = p->cur_start, i, k;

	if (p->last_pos > start) {
		/* that text's own line cannot hold this block */
		start = p->cur_end + 1;
		ln++;
	}
	/* a few lines ahead at most: blank lines, not a scan to the end */
	for (k = 0; openers != NULL && k < 64 && start < p->srclen;
	     k++, ln++, start = mb_line_end(p, start) + 1) {
		for (i = start;
		     i < p->srclen && (p->src[i] == ' ' || p->src[i] == '>');
		     i++)
			;
		if (i < p->srclen && p->src[i] != '\n' &&
		    strchr(openers, p->src[i]) != NULL)
			return (uint32_t)ln + 1;
	}
	return (uint32_t)mb_src_line(p, p->last_pos) + 1;
}

/*
 * Removes a trailing "{#id}" from the heading whose text starts at tstart
 * and whose spans start at smark; returns the id (arena) or NULL.
 */
static const char *
heading_take_id(struct parser *p, size_t tstart, size_t smark)
{
	const char *t = p->bl.text + tstart;
	size_t n = p->bl.tlen - tstart, i, open_at, cut;
	const char *id;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n < 4 || t[n - 1] != '}')
		return NULL;
	for (i = n - 1; i > 0; i--) {
		if (t[i - 1] == '{')
			break;
		if (t[i - 1] == '}' || t[i - 1] == ' ' || t[i - 1] == '\t')
			return NULL;
	}
	if (i == 0 || t[i] != '#' || i + 1 >= n - 1)
		return NULL;
	open_at = i - 1;
	id = arena_strndup(p->arena, t + i + 1, n - 1 - (i + 1));
	cut = open_at;
	while (cut > 0 && (t[cut - 1] == ' ' || t[cut - 1] == '\t'))
		cut--;
	cut += tstart;
	while (p->nspans > smark) {
		struct span *sp = &p->spans[p->nspans - 1];

		if (sp->off >= cut) {
			p->nspans--;
			continue;
		}
		if (sp->off + sp->len > cut)
			sp->len = (uint32_t)(cut - sp->off);
		break;
	}
	p->bl.tlen = cut;
	return id;
}

static void
emit_block(struct parser *p, const struct block *b, size_t text_start,
    uint32_t col, const char *explicit_id, int plain, uint8_t mark)
{
	struct blocks_item *it;

	if (p->nopen > 0 && p->open[p->nopen - 1].kind == O_DOC) {
		if (p->bl.nitems == p->bl.itemscap) {
			size_t c = p->bl.itemscap ? p->bl.itemscap * 2 : 256;

			p->bl.items =
			    xreallocarray(p->bl.items, c, sizeof *p->bl.items);
			p->bl.blk =
			    xreallocarray(p->bl.blk, c, sizeof *p->bl.blk);
			p->bl.itemscap = c;
		}
		p->bl.blk[p->bl.nitems] = *b;
		it = &p->bl.items[p->bl.nitems++];
		it->text_start = (uint32_t)text_start;
		it->col = (uint16_t)(col < UINT16_MAX ? col : UINT16_MAX);
		it->flags = plain ? BLOCKS_PLAIN : 0;
		it->mark = mark;
		it->xid = 0;
		blocks_set_lead(&p->bl, p->bl.nitems - 1);
		if (explicit_id != NULL) {
			GROW(p->bl.xids, p->bl.nxids, p->bl.xidscap, 1);
			p->bl.xids[p->bl.nxids++] = explicit_id;
			it->xid = (uint32_t)p->bl.nxids;
		}
		return;
	}
	GROW(p->kids, p->nkids, p->kidscap, 1);
	p->kids[p->nkids++] = *b;
}

/* Whether the spans from mark on are text only, one run from off to the
 * end of the text (then a heading's plain text is its text in place). */
static int
spans_plain(const struct parser *p, size_t mark, size_t off)
{
	size_t i;

	for (i = mark; i < p->nspans; i++) {
		if (p->spans[i].kind != SPAN_TEXT || p->spans[i].off != off)
			return 0;
		off += p->spans[i].len;
	}
	return off == p->bl.tlen;
}

void
mb_close_top(struct parser *p)
{
	struct open o;
	const char *id = NULL;
	int plain = 0;
	uint32_t col = 0;

	if (p->open[p->nopen - 1].has_html && md_html_inline(p))
		return;
	o = p->open[--p->nopen];
	if (o.has_line && o.fenced && o.b.line > 1)
		o.b.line--; /* the opening fence, not the first line of code */
	else if (!o.has_line)
		o.b.line = mb_guess_line(p, o.kind != O_BLOCK           ? NULL
		                         : o.b.kind == BLOCK_HEADING ? "#"
		                         : o.b.kind == BLOCK_HR      ? "-*_"
		                         : o.b.kind == BLOCK_CODE    ? "`~"
		                                                     : NULL);
	if (o.kind == O_BLOCK &&
	    (p->liq_comment || p->admon || o.m_dropped ||
	        md_markup_maybe(p, &o)) &&
	    md_markup_close(p, &o))
		return;
	switch (o.kind) {
	case O_DOC:
	case O_SKIP:
		return;
	case O_HTML:
		p->in_html = 0;
		md_html_block(p, &o);
		return;
	case O_CELL:
		if (p->cells != NULL && p->row >= 0 && p->col >= 0 &&
		    (uint32_t)p->row < p->trows &&
		    (uint32_t)p->col < p->tcols) {
			struct cell *c = &p->cells[(uint32_t)p->row * p->tcols +
			                           (uint32_t)p->col];

			c->spans = mb_spans_take(p, o.spans, &c->nspans);
		} else {
			/* md4c never sends more cells than columns; if it
			 * did, keep the text as a cell of the last row. */
			p->nspans = o.spans;
		}
		text_put(p, "\n", 1);
		return;
	case O_BLOCK:
		break;
	}
	switch (o.b.kind) {
	case BLOCK_HEADING:
		id = heading_take_id(p, o.text, o.spans);
		if (id == NULL)
			id = p->m_xid;
		p->m_xid = NULL;
		/* FALLTHROUGH */
	case BLOCK_PARA:
		if (o.b.kind == BLOCK_HEADING && p->nopen == 1)
			plain = spans_plain(p, o.spans, o.text);
		o.b.spans = mb_spans_take(p, o.spans, &o.b.nspans);
		if (o.b.kind == BLOCK_HEADING && p->nopen == 1) {
			size_t i;

			mb_src_line(p, o.first_off);
			i = p->cur_start;

			while (i < p->srclen &&
			       (p->src[i] == ' ' || p->src[i] == '\t'))
				i++;
			col = mb_src_col(p, i);
		}
		/* a plain top-level heading ends with NUL, not '\n': it is
		 * then its plain text in place (see blocks.h), written
		 * while the memory is at hand */
		text_put(p, plain ? "" : "\n", 1);
		break;
	case BLOCK_CODE:
		o.b.code_off = o.text;
		o.b.code_len = (uint32_t)(p->bl.tlen - o.text);
		p->in_code = 0;
		text_put(p, "\n", 1);
		break;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		o.b.nchildren = (uint32_t)(p->nkids - o.kids);
		o.b.children = o.b.nchildren
		                   ? arena_memdup(p->arena, p->kids + o.kids,
		                         o.b.nchildren * sizeof *p->kids)
		                   : NULL;
		p->nkids = o.kids;
		p->depth--;
		break;
	case BLOCK_TABLE:
		o.b.cells = p->cells;
		o.b.align = p->align;
		p->cells = NULL;
		p->align = NULL;
		break;
	default:
		break;
	}
	emit_block(p, &o.b, o.text, col, id, plain, o.mark);
}

/* Closes the PARA opened around a tight item's text, if one is open. */
void
mb_close_implicit(struct parser *p)
{
	if (p->nopen > 0 && p->open[p->nopen - 1].implicit)
		mb_close_top(p);
}

/* Reported by load.c once the parse is good (the callbacks add no
 * diagnostics). */
static void
warn_depth(struct parser *p)
{
	if (p->bl.depth_line == 0)
		p->bl.depth_line = mb_guess_line(p, NULL);
}

void
mb_open_container(struct parser *p, uint8_t bkind, unsigned need)
{
	if (p->depth + need > DOC_MAX_DEPTH ||
	    (bkind == BLOCK_ITEM && p->open[p->nopen - 1].kind == O_SKIP)) {
		warn_depth(p);
		mb_open_push(p, O_SKIP, 0);
		return;
	}
	mb_open_push(p, O_BLOCK, bkind);
	p->depth++;
}


struct open *
mb_table_open(struct parser *p, uint32_t ncols, uint32_t nrows)
{
	struct open *o = mb_open_push(p, O_BLOCK, BLOCK_TABLE);
	size_t ncells;

	p->tcols = ncols;
	p->trows = nrows;
	ncells = (size_t)p->tcols * p->trows;
	p->cells =
	    arena_alloc(p->arena, (ncells ? ncells : 1) * sizeof *p->cells);
	memset(p->cells, 0, (ncells ? ncells : 1) * sizeof *p->cells);
	p->align = arena_alloc(p->arena, p->tcols ? p->tcols : 1);
	memset(p->align, 0, p->tcols ? p->tcols : 1);
	o->b.ncols = p->tcols;
	o->b.nrows = p->trows;
	p->row = -1;
	return o;
}

void
mb_cell_open(struct parser *p, int32_t row, int32_t col, uint8_t align)
{
	p->row = row;
	p->col = col;
	if (p->row == 0 && p->col >= 0 && (uint32_t)p->col < p->tcols)
		p->align[p->col] = align;
	mb_open_push(p, O_CELL, 0);
}

void
mb_anchor(struct parser *p, const char *id, size_t n)
{
	struct blocks_anchor *a;

	GROW(p->bl.anchors, p->bl.nanchors, p->bl.anchorscap, 1);
	a = &p->bl.anchors[p->bl.nanchors++];
	a->id = arena_strndup(p->arena, id, n);
	a->item = (uint32_t)p->bl.nitems;
}
