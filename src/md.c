/*
 * md.c - Markdown to a flat list of top-level blocks; see md.h.
 *
 * md4c's callbacks build the blocks of the file into a flat list of
 * top-level blocks (blocks.h), with every span's text appended to one
 * text buffer for the file.  No text is copied twice and nothing is
 * quadratic.
 *
 * Block trees are built without recursion: finished children wait on one
 * stack (kids) and are copied into the arena when their container closes;
 * spans likewise.  Container nesting is capped at DOC_MAX_DEPTH.
 *
 * The callbacks touch nothing shared, so that split.c can run two parses
 * at once: they allocate from the parser's own arena and keep links and
 * the depth warning in the block list.
 */
#include "md.h"

#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "slug.h"
#include "utf8.h"
#include "xalloc.h"

/* Span arrays are carved from slabs of this size (see slab_take()). */
#define SLAB_SIZE (64 * 1024)

enum open_kind {
	O_DOC,   /* the document */
	O_BLOCK, /* a model block: b.kind says which */
	O_SKIP,  /* THEAD, TBODY, TR, or a container flattened for depth */
	O_CELL,  /* TH or TD */
};

struct open {
	uint8_t kind;       /* enum open_kind */
	uint8_t implicit;   /* a PARA opened around a tight list item's text */
	uint8_t has_line;   /* b.line is known */
	uint8_t fenced;     /* a fenced code block: it starts a line earlier */
	uint32_t kids;      /* its children start here on p->kids */
	uint32_t spans;     /* its spans start here on p->spans */
	uint32_t text;      /* its text starts here in p->bl.text */
	uint32_t first_off; /* src offset of its first text, once has_line */
	struct block b;
};

struct parser {
	/* What the md4c callbacks allocate from: the doc's arena, or an
	 * arena of the parse's own when it runs on another thread. */
	struct arena *arena;

	const char *src; /* the sanitised file */
	size_t srclen;
	/* what md4c's callbacks have gone past is dropped from memory
	 * when drop is not NULL (see source_drop()) */
	void (*drop)(void *ctx, size_t from, size_t to);
	void *drop_ctx;
	size_t dropped, drop_next;
	/* the line cursor (see src_line()): 0-based line number, where the
	 * line starts and where its '\n' is (srclen for the last line) */
	size_t cur_line, cur_start, cur_end;
	size_t cc_off, cc_col; /* column cache, see src_col() */

	/* what the parse builds: the top-level blocks and all span and
	 * code text of the file */
	struct blocks bl;

	struct span *spans;
	size_t nspans, spanscap;
	struct block *kids;
	size_t nkids, kidscap;
	struct open *open;
	size_t nopen, opencap;

	unsigned depth; /* open model containers */
	int em, strong, del, codespan, in_code;
	const char *href;
	int link_pending; /* a #link whose position is still unknown */
	size_t last_pos;  /* src offset just after the last text seen */

	/* the table being filled */
	struct cell *cells;
	uint8_t *align;
	uint32_t tcols, trows;
	int32_t row, col;

	char *slab; /* see slab_take() */
	size_t slab_left;
};

#define GROW(p, n, cap, need)                                                  \
	do {                                                                   \
		if ((n) + (need) > (cap)) {                                    \
			size_t c_ = (cap) ? (cap) : 16;                        \
			while (c_ < (n) + (need))                              \
				c_ += c_ / 2 + 16;                             \
			(p) = xreallocarray((p), c_, sizeof *(p));             \
			(cap) = c_;                                            \
		}                                                              \
	} while (0)

/* Line and column of positions ------------------------------------------ */

/* Where the line that starts at start ends: its '\n', or srclen. */
static size_t
line_end(const struct parser *p, size_t start)
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
static size_t
src_line(struct parser *p, size_t off)
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
		p->cur_end = line_end(p, p->cur_start);
		p->cur_line++;
	}
	return p->cur_line;
}

/*
 * 1-based column (code points) of src offset off.  Counting resumes from
 * the last answer when it was on the same line before off: a 1 MB line
 * full of links stays linear.
 */
static uint32_t
src_col(struct parser *p, size_t off)
{
	size_t i, col = 1;

	src_line(p, off);
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
#define DROP_STEP (4u << 20)
#define DROP_LAG (1u << 20)

static void
source_drop(struct parser *p, size_t off)
{
	/* not the text being delivered (off on): it is yet to be copied */
	size_t to = p->last_pos - DROP_LAG < off ? p->last_pos - DROP_LAG : off;

	if (to <= p->dropped)
		return;

	p->drop(p->drop_ctx, p->dropped, to);
	p->dropped = to;
	p->drop_next = p->last_pos + DROP_STEP;
}

/* Text buffer and spans -------------------------------------------------- */

static void
text_put(struct parser *p, const char *s, size_t n)
{
	if (p->bl.tcap - p->bl.tlen < n) {
		size_t c = p->bl.tcap ? p->bl.tcap : 4096;

		while (c - p->bl.tlen < n)
			c += c / 2 + 4096;
		p->bl.text = xrealloc(p->bl.text, c);
		p->bl.tcap = c;
	}
	memcpy(p->bl.text + p->bl.tlen, s, n);
	p->bl.tlen += n;
}

static uint8_t
cur_style(const struct parser *p)
{
	uint8_t st = 0;

	if (p->em)
		st |= STYLE_EM;
	if (p->strong)
		st |= STYLE_STRONG;
	if (p->codespan)
		st |= STYLE_CODE;
	if (p->href != NULL)
		st |= STYLE_LINK;
	if (p->del)
		st |= STYLE_DEL;
	return st;
}

/* The innermost open leaf's first span; spans after it are the leaf's. */
static size_t
leaf_span_mark(const struct parser *p)
{
	return p->nopen ? p->open[p->nopen - 1].spans : 0;
}

static void
span_text(struct parser *p, const char *s, size_t n)
{
	uint8_t st = cur_style(p);
	struct span *last;

	if (n == 0)
		return;
	if (p->nspans > leaf_span_mark(p)) {
		last = &p->spans[p->nspans - 1];
		if (last->kind == SPAN_TEXT && last->style == st &&
		    last->href == p->href &&
		    last->off + last->len == p->bl.tlen) {
			text_put(p, s, n);
			last->len += (uint32_t)n;
			return;
		}
	}
	GROW(p->spans, p->nspans, p->spanscap, 1);
	last = &p->spans[p->nspans++];
	last->off = (uint32_t)p->bl.tlen;
	last->len = (uint32_t)n;
	last->kind = SPAN_TEXT;
	last->style = st;
	last->href = p->href;
	text_put(p, s, n);
}

static void
span_break(struct parser *p, uint8_t kind)
{
	struct span *sp;

	GROW(p->spans, p->nspans, p->spanscap, 1);
	sp = &p->spans[p->nspans++];
	sp->off = (uint32_t)p->bl.tlen;
	sp->len = 0;
	sp->kind = kind;
	sp->style = cur_style(p);
	sp->href = p->href;
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

/* Moves the spans from mark on into the arena. */
static const struct span *
spans_take(struct parser *p, size_t mark, uint32_t *n)
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

static struct open *
open_push(struct parser *p, uint8_t kind, uint8_t bkind)
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

static int
is_leaf(const struct open *o)
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
static uint32_t
guess_line(struct parser *p, const char *openers)
{
	size_t ln = src_line(p, p->last_pos), start = p->cur_start, i, k;

	if (p->last_pos > start) {
		/* that text's own line cannot hold this block */
		start = p->cur_end + 1;
		ln++;
	}
	/* a few lines ahead at most: blank lines, not a scan to the end */
	for (k = 0; openers != NULL && k < 64 && start < p->srclen;
	     k++, ln++, start = line_end(p, start) + 1) {
		for (i = start;
		     i < p->srclen && (p->src[i] == ' ' || p->src[i] == '>');
		     i++)
			;
		if (i < p->srclen && p->src[i] != '\n' &&
		    strchr(openers, p->src[i]) != NULL)
			return (uint32_t)ln + 1;
	}
	return (uint32_t)src_line(p, p->last_pos) + 1;
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
    uint32_t col, const char *explicit_id, int plain)
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

static void
close_top(struct parser *p)
{
	struct open o = p->open[--p->nopen];
	const char *id = NULL;
	int plain = 0;
	uint32_t col = 0;

	if (o.has_line && o.fenced && o.b.line > 1)
		o.b.line--; /* the opening fence, not the first line of code */
	else if (!o.has_line)
		o.b.line = guess_line(p, o.kind != O_BLOCK           ? NULL
		                         : o.b.kind == BLOCK_HEADING ? "#"
		                         : o.b.kind == BLOCK_HR      ? "-*_"
		                         : o.b.kind == BLOCK_CODE    ? "`~"
		                                                     : NULL);
	switch (o.kind) {
	case O_DOC:
	case O_SKIP:
		return;
	case O_CELL:
		if (p->cells != NULL && p->row >= 0 && p->col >= 0 &&
		    (uint32_t)p->row < p->trows &&
		    (uint32_t)p->col < p->tcols) {
			struct cell *c = &p->cells[(uint32_t)p->row * p->tcols +
			                           (uint32_t)p->col];

			c->spans = spans_take(p, o.spans, &c->nspans);
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
		/* FALLTHROUGH */
	case BLOCK_PARA:
		if (o.b.kind == BLOCK_HEADING && p->nopen == 1)
			plain = spans_plain(p, o.spans, o.text);
		o.b.spans = spans_take(p, o.spans, &o.b.nspans);
		if (o.b.kind == BLOCK_HEADING && p->nopen == 1) {
			size_t i;

			src_line(p, o.first_off);
			i = p->cur_start;

			while (i < p->srclen &&
			       (p->src[i] == ' ' || p->src[i] == '\t'))
				i++;
			col = src_col(p, i);
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
	emit_block(p, &o.b, o.text, col, id, plain);
}

/* Closes the PARA opened around a tight item's text, if one is open. */
static void
close_implicit(struct parser *p)
{
	if (p->nopen > 0 && p->open[p->nopen - 1].implicit)
		close_top(p);
}

/* Reported by load.c once the parse is good (the callbacks add no
 * diagnostics). */
static void
warn_depth(struct parser *p)
{
	if (p->bl.depth_line == 0)
		p->bl.depth_line = guess_line(p, NULL);
}

static void
open_container(struct parser *p, uint8_t bkind, unsigned need)
{
	if (p->depth + need > DOC_MAX_DEPTH ||
	    (bkind == BLOCK_ITEM && p->open[p->nopen - 1].kind == O_SKIP)) {
		warn_depth(p);
		open_push(p, O_SKIP, 0);
		return;
	}
	open_push(p, O_BLOCK, bkind);
	p->depth++;
}

static int
cb_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;
	struct open *o;

	close_implicit(p);
	switch (type) {
	case MD_BLOCK_DOC:
		open_push(p, O_DOC, 0);
		break;
	case MD_BLOCK_QUOTE:
		open_container(p, BLOCK_QUOTE, 1);
		break;
	case MD_BLOCK_UL:
		open_container(p, BLOCK_LIST, 2);
		o = &p->open[p->nopen - 1];
		o->b.tight = ((MD_BLOCK_UL_DETAIL *)detail)->is_tight != 0;
		break;
	case MD_BLOCK_OL:
		open_container(p, BLOCK_LIST, 2);
		o = &p->open[p->nopen - 1];
		o->b.ordered = 1;
		o->b.tight = ((MD_BLOCK_OL_DETAIL *)detail)->is_tight != 0;
		o->b.start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
		break;
	case MD_BLOCK_LI:
		open_container(p, BLOCK_ITEM, 1);
		break;
	case MD_BLOCK_HR:
		open_push(p, O_BLOCK, BLOCK_HR);
		break;
	case MD_BLOCK_H:
		o = open_push(p, O_BLOCK, BLOCK_HEADING);
		o->b.level = (uint8_t)((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_CODE:
	case MD_BLOCK_HTML: /* not sent with MD_FLAG_NOHTML; verbatim if so */
		o = open_push(p, O_BLOCK, BLOCK_CODE);
		o->fenced = type == MD_BLOCK_CODE &&
		            ((MD_BLOCK_CODE_DETAIL *)detail)->fence_char != 0;
		p->in_code = 1;
		break;
	case MD_BLOCK_P:
		open_push(p, O_BLOCK, BLOCK_PARA);
		break;
	case MD_BLOCK_TABLE: {
		MD_BLOCK_TABLE_DETAIL *t = detail;
		size_t ncells;

		o = open_push(p, O_BLOCK, BLOCK_TABLE);
		p->tcols = t->col_count;
		p->trows = t->head_row_count + t->body_row_count;
		ncells = (size_t)p->tcols * p->trows;
		p->cells = arena_alloc(
		    p->arena, (ncells ? ncells : 1) * sizeof *p->cells);
		memset(p->cells, 0, (ncells ? ncells : 1) * sizeof *p->cells);
		p->align = arena_alloc(p->arena, p->tcols ? p->tcols : 1);
		memset(p->align, 0, p->tcols ? p->tcols : 1);
		o->b.ncols = p->tcols;
		o->b.nrows = p->trows;
		p->row = -1;
		break;
	}
	case MD_BLOCK_THEAD:
	case MD_BLOCK_TBODY:
		open_push(p, O_SKIP, 0);
		break;
	case MD_BLOCK_TR:
		p->row++;
		p->col = -1;
		open_push(p, O_SKIP, 0);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		p->col++;
		if (p->row == 0 && p->col >= 0 && (uint32_t)p->col < p->tcols)
			p->align[p->col] =
			    (uint8_t)((MD_BLOCK_TD_DETAIL *)detail)->align;
		open_push(p, O_CELL, 0);
		break;
	}
	return 0;
}

static int
cb_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	(void)type;
	(void)detail;
	close_implicit(p);
	if (p->nopen > 0)
		close_top(p);
	return 0;
}

/*
 * Decodes an md4c attribute (a link target) into an arena string.  A
 * decoded reference is never longer than its source ("&ne;" is 4 bytes,
 * U+2260 3), so only a NUL (1 byte, U+FFFD 3) needs room of its own.
 */
static const char *
attr_string(struct parser *p, const MD_ATTRIBUTE *a)
{
	size_t k = 0, i, beg, end, m, need = a->size;
	char buf[8], *out;

	for (i = 0; a->substr_offsets[i] < a->size; i++)
		if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			need += 2 * (a->substr_offsets[i + 1] -
			                a->substr_offsets[i]);
	out = arena_alloc(p->arena, need + 1);
	for (i = 0; a->substr_offsets[i] < a->size; i++) {
		beg = a->substr_offsets[i];
		end = a->substr_offsets[i + 1];
		if (a->substr_types[i] == MD_TEXT_ENTITY &&
		    (m = slug_decode_entity(a->text + beg, end - beg, buf)) >
		        0) {
			memcpy(out + k, buf, m);
			k += m;
		} else if (a->substr_types[i] == MD_TEXT_NULLCHAR) {
			for (m = beg; m < end; m++, k += 3)
				memcpy(out + k, "\xef\xbf\xbd", 3);
		} else {
			memcpy(out + k, a->text + beg, end - beg);
			k += end - beg;
		}
	}
	out[k] = '\0';
	return out;
}

static void
link_record(struct parser *p, size_t off)
{
	struct blocks_link *l;

	if (off > 0 && off <= p->srclen && p->src[off - 1] == '[')
		off--;
	GROW(p->bl.links, p->bl.nlinks, p->bl.linkscap, 1);
	l = &p->bl.links[p->bl.nlinks++];
	l->col = src_col(p, off);
	l->line = (uint32_t)p->cur_line + 1;
	l->href = p->href;
	p->link_pending = 0;
}

static int
cb_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	switch (type) {
	case MD_SPAN_EM:
		p->em++;
		break;
	case MD_SPAN_STRONG:
		p->strong++;
		break;
	case MD_SPAN_CODE:
		p->codespan++;
		break;
	case MD_SPAN_DEL:
		p->del++;
		break;
	case MD_SPAN_A:
		p->href = attr_string(p, &((MD_SPAN_A_DETAIL *)detail)->href);
		p->link_pending = p->href[0] == '#';
		break;
	default: /* images: their alt text is shown as text */
		break;
	}
	return 0;
}

static int
cb_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		p->em--;
		break;
	case MD_SPAN_STRONG:
		p->strong--;
		break;
	case MD_SPAN_CODE:
		p->codespan--;
		break;
	case MD_SPAN_DEL:
		p->del--;
		break;
	case MD_SPAN_A:
		if (p->link_pending)
			link_record(p, p->last_pos);
		p->href = NULL;
		break;
	default:
		break;
	}
	return 0;
}

static int
cb_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	struct parser *p = userdata;
	struct open *o;
	size_t off = SIZE_MAX, m;
	char buf[8];
	size_t i;

	if (s >= p->src && s < p->src + p->srclen)
		off = (size_t)(s - p->src);
	if (p->nopen > 0 && !is_leaf(&p->open[p->nopen - 1])) {
		o = open_push(p, O_BLOCK, BLOCK_PARA);
		o->implicit = 1;
	}
	if (off != SIZE_MAX) {
		for (i = p->nopen; i > 0 && !p->open[i - 1].has_line; i--) {
			p->open[i - 1].has_line = 1;
			p->open[i - 1].b.line = (uint32_t)src_line(p, off) + 1;
			p->open[i - 1].first_off = (uint32_t)off;
		}
		if (p->link_pending)
			link_record(p, off);
		p->last_pos = off + n;
		if (p->last_pos >= p->drop_next)
			source_drop(p, off);
	}
	switch (type) {
	case MD_TEXT_NULLCHAR:
		span_text(p, "\xef\xbf\xbd", 3);
		break;
	case MD_TEXT_BR:
		span_break(p, SPAN_HARDBREAK);
		break;
	case MD_TEXT_SOFTBR:
		span_break(p, SPAN_SOFTBREAK);
		break;
	case MD_TEXT_ENTITY:
		m = slug_decode_entity(s, n, buf);
		if (m > 0)
			span_text(p, buf, m);
		else
			span_text(p, s, n);
		break;
	case MD_TEXT_CODE:
		if (p->in_code)
			text_put(p, s, n);
		else
			span_text(p, s, n);
		break;
	default:
		if (p->in_code)
			text_put(p, s, n);
		else
			span_text(p, s, n);
		break;
	}
	return 0;
}

static const MD_PARSER md_parser = {
    0,
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS |
        MD_FLAG_NOHTML,
    cb_enter_block,
    cb_leave_block,
    cb_enter_span,
    cb_leave_span,
    cb_text,
    NULL,
    NULL,
};

int
md_read(struct blocks *bl, struct arena *a, const struct md_src *src, size_t at,
    size_t line, size_t from, size_t to)
{
	struct parser p;
	int rc;

	memset(&p, 0, sizeof p);
	p.arena = a;
	p.src = src->s;
	p.srclen = src->len;
	p.cur_start = at;
	p.cur_line = line;
	p.cur_end = line_end(&p, at);
	p.last_pos = from;
	p.dropped = at;
	p.drop_next = SIZE_MAX;
	if (src->drop != NULL) {
		p.drop = src->drop;
		p.drop_ctx = src->drop_ctx;
		p.drop_next = at + DROP_STEP;
	}
	blocks_init(&p.bl);
	rc = md_parse(p.src + from, (MD_SIZE)(to - from), &md_parser, &p);
	/* an md4c failure leaves blocks open */
	while (p.nopen > 0)
		close_top(&p);
	free(p.spans);
	free(p.kids);
	free(p.open);
	*bl = p.bl;
	return rc;
}
