/*
 * parse.c - one Markdown buffer to a collection of sections and entries.
 *
 * Two passes.  md4c's callbacks build the blocks of the whole file into a
 * flat list of top-level items (headings and blocks), with every span's
 * text appended to one text buffer for the file.  Then the heading shape
 * of the file decides which headings are the title, sections and
 * questions, and each entry's answer becomes a run of those items: its
 * text is a slice of the file's text buffer, and its spans are rebased to
 * that slice.  No text is copied twice and nothing is quadratic.
 *
 * Block trees are built without recursion: finished children wait on one
 * stack (kids) and are copied into the arena when their container closes;
 * spans likewise.  Container nesting is capped at DOC_MAX_DEPTH.
 *
 * A big file (load.h, split_min) is parsed in two halves at once, on two
 * cores, when it can be cut at a "#" heading that closes every block
 * before it (parse_all()); the halves are joined without copying text, and
 * a cut that turns out wrong is thrown away.  The md4c callbacks therefore
 * touch nothing shared: they allocate from the parser's own arena and keep
 * links and warnings until the parse is known good.
 */
#define _GNU_SOURCE /* memmem (glibc declares it for GNU only) */
#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "arena.h"
#include "docload.h"
#include "filemap.h"
#include "frontmatter.h"
#include "load.h"
#include "sanitize.h"
#include "slug.h"
#include "twocore.h"
#include "xalloc.h"

/* Sanitiser problems reported per file before they are only counted: a
 * binary file has hundreds of thousands, and nobody reads past the first. */
#define MAX_SANITIZE_DIAGS 50

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
	uint32_t text;      /* its text starts here in p->text */
	uint32_t first_off; /* src offset of its first text, once has_line */
	struct block b;
};

/* What the mapping needs to know about a top-level block or heading, next
 * to the block itself in p->blk. */
struct item {
	/* its text starts here in p->text and runs up to the next item's
	 * (text is only ever added inside a block, so nothing lies between) */
	uint32_t text_start;
	uint16_t col; /* headings: column of the '#' (at most 4) */
	/* headings at the top level: its text is its spans' text, and NUL
	 * ends it in the text buffer */
	uint16_t plain;
	uint32_t xid; /* headings: 1 + index of the {#id} in p->xids, or 0 */
};

/* A #id link, kept until the parse is known good (see split_merge()). */
struct plink {
	uint32_t line, col;
	const char *href;
};

struct parser {
	struct doc *d;
	/* What the md4c callbacks allocate from: the doc's arena, or the
	 * second half's own while it is parsed on another thread (the
	 * callbacks touch nothing of the doc's, so that they can). */
	struct arena *arena;
	struct diag_list *diags; /* not touched by the callbacks either */
	const char *name;        /* sanitised, for diagnostics and the title */
	uint32_t coll;

	const char *src; /* the sanitised file */
	size_t srclen;
	/* the file map when src is its bytes: what md4c's callbacks have
	 * gone past is dropped from memory (see source_drop()) */
	const struct filemap *map;
	size_t dropped, drop_next;
	/* the line cursor (see src_line()): 0-based line number, where the
	 * line starts and where its '\n' is (srclen for the last line) */
	size_t cur_line, cur_start, cur_end;
	size_t cc_off, cc_col; /* column cache, see src_col() */

	char *text; /* all span and code text of the file */
	size_t tlen, tcap;
	/* After a split parse (see parse_all()), items from nsplit on have
	 * their text in text2, the second half's buffer, at offsets of their
	 * own: joining the halves copies no text. */
	char *text2;
	size_t t2len, nsplit;
	struct span *spans;
	size_t nspans, spanscap;
	struct block *kids;
	size_t nkids, kidscap;
	struct open *open;
	size_t nopen, opencap;
	/* the top-level blocks and headings of the file, in order: entries
	 * point into blk, which the doc owns in the end */
	struct block *blk;
	struct item *items;
	size_t nitems, itemscap;
	const char **xids; /* the {#id}s of top-level headings */
	size_t nxids, xidscap;

	unsigned depth;      /* open model containers */
	uint32_t depth_line; /* where blocks first nested too deep, or 0 */
	struct plink *links; /* #id links, in order */
	size_t nlinks, linkscap;
	int em, strong, del, codespan, in_code;
	const char *href;
	int link_pending; /* a #link whose position is still unknown */
	size_t last_pos;  /* src offset just after the last text seen */

	/* the table being filled */
	struct cell *cells;
	uint8_t *align;
	uint32_t tcols, trows;
	int32_t row, col;

	struct frontmatter fm;

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
	for (; i < off && i < p->srclen; i++)
		if (((unsigned char)p->src[i] & 0xc0) != 0x80)
			col++;
	p->cc_off = off;
	p->cc_col = col;
	return (uint32_t)col;
}

/*
 * md4c reads the whole file to find its blocks, then sends their contents
 * in order, while the model grows: the source pages behind that point are
 * let go as it moves on, so that the file and the model are not in memory
 * whole at the same time (37 MB less at the peak on a 78 MB file).  The
 * last MB stays: line and column lookups step back a little.
 */
#define DROP_STEP (4u << 20)
#define DROP_LAG (1u << 20)

static void
source_drop(struct parser *p)
{
	size_t to = p->last_pos - DROP_LAG;

	filemap_drop(p->map, p->dropped, to);
	p->dropped = to;
	p->drop_next = p->last_pos + DROP_STEP;
}

/* Text buffer and spans -------------------------------------------------- */

static void
text_put(struct parser *p, const char *s, size_t n)
{
	if (p->tcap - p->tlen < n) {
		size_t c = p->tcap ? p->tcap : 4096;

		while (c - p->tlen < n)
			c += c / 2 + 4096;
		p->text = xrealloc(p->text, c);
		p->tcap = c;
	}
	memcpy(p->text + p->tlen, s, n);
	p->tlen += n;
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
		    last->href == p->href && last->off + last->len == p->tlen) {
			text_put(p, s, n);
			last->len += (uint32_t)n;
			return;
		}
	}
	GROW(p->spans, p->nspans, p->spanscap, 1);
	last = &p->spans[p->nspans++];
	last->off = (uint32_t)p->tlen;
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
	sp->off = (uint32_t)p->tlen;
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
	o->text = (uint32_t)p->tlen;
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
	const char *t = p->text + tstart;
	size_t n = p->tlen - tstart, i, open_at, cut;
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
	p->tlen = cut;
	return id;
}

static void
emit_block(struct parser *p, const struct block *b, size_t text_start,
    uint32_t col, const char *explicit_id, int plain)
{
	struct item *it;

	if (p->nopen > 0 && p->open[p->nopen - 1].kind == O_DOC) {
		if (p->nitems == p->itemscap) {
			size_t c = p->itemscap ? p->itemscap * 2 : 256;

			p->items = xreallocarray(p->items, c, sizeof *p->items);
			p->blk = xreallocarray(p->blk, c, sizeof *p->blk);
			p->itemscap = c;
		}
		p->blk[p->nitems] = *b;
		it = &p->items[p->nitems++];
		it->text_start = (uint32_t)text_start;
		it->col = (uint16_t)(col < UINT16_MAX ? col : UINT16_MAX);
		it->plain = (uint16_t)plain;
		it->xid = 0;
		if (explicit_id != NULL) {
			GROW(p->xids, p->nxids, p->xidscap, 1);
			p->xids[p->nxids++] = explicit_id;
			it->xid = (uint32_t)p->nxids;
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
	return off == p->tlen;
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
		 * then its plain text in place (see plain_text()), written
		 * while the memory is at hand */
		text_put(p, plain ? "" : "\n", 1);
		break;
	case BLOCK_CODE:
		o.b.code_off = o.text;
		o.b.code_len = (uint32_t)(p->tlen - o.text);
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

/* Reported by parse_flush() (the callbacks add no diagnostics). */
static void
warn_depth(struct parser *p)
{
	if (p->depth_line == 0)
		p->depth_line = guess_line(p, NULL);
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
	struct plink *l;

	if (off > 0 && off <= p->srclen && p->src[off - 1] == '[')
		off--;
	GROW(p->links, p->nlinks, p->linkscap, 1);
	l = &p->links[p->nlinks++];
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
			source_drop(p);
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

/* Mapping headings to the title, sections and questions ------------------ */

static int
item_is_heading(const struct parser *p, size_t i)
{
	return p->blk[i].kind == BLOCK_HEADING;
}

/* The text buffer that item i's offsets are into, and its length. */
static char *
item_text(const struct parser *p, size_t i, size_t *len)
{
	if (i >= p->nsplit) {
		*len = p->t2len;
		return p->text2;
	}
	*len = p->tlen;
	return p->text;
}

/* Where heading item i's text ends in its text buffer: at its NUL when
 * plain (the next item's text starts after it). */
static size_t
heading_end(const struct parser *p, size_t item, size_t tlen)
{
	return item + 1 < p->nitems &&
	               (item + 1 < p->nsplit) == (item < p->nsplit)
	           ? p->items[item + 1].text_start - 1
	           : tlen - 1;
}

/* Plain text of heading item i's spans (breaks as spaces): in place in
 * the text buffer when it can be, else an arena copy. */
static const char *
plain_text(struct parser *p, size_t item, uint32_t *len)
{
	const struct block *b = &p->blk[item];
	size_t n = 0, i, tlen;
	char *s, *q, *text = item_text(p, item, &tlen);

	/* A heading of plain text is already in the text buffer, ended by
	 * a NUL where its block separator would be (100 000 questions are
	 * 8 MB): neither its spans nor its text need to be read here, which
	 * were a cache miss each. */
	if (p->items[item].plain) {
		if (len != NULL)
			*len = (uint32_t)(heading_end(p, item, tlen) -
			                  p->items[item].text_start);
		return text + p->items[item].text_start;
	}
	for (i = 0; i < b->nspans; i++)
		n += b->spans[i].kind == SPAN_TEXT ? b->spans[i].len : 1;
	q = s = arena_alloc(p->d->arena, n + 1);
	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].kind == SPAN_TEXT) {
			memcpy(q, text + b->spans[i].off, b->spans[i].len);
			q += b->spans[i].len;
		} else {
			*q++ = ' ';
		}
	}
	*q = '\0';
	if (len != NULL)
		*len = (uint32_t)(q - s);
	return s;
}

/* A heading inside an answer or intro is part of its text: its NUL goes
 * back to the '\n' that separates blocks. */
static void
heading_in_body(struct parser *p, size_t item)
{
	size_t tlen;
	char *text = item_text(p, item, &tlen);

	if (p->items[item].plain)
		text[heading_end(p, item, tlen)] = '\n';
}

/*
 * The question level when front matter does not pin it: going down from
 * ##, the first level at which most headings have text right under them,
 * unless most of its headings also contain headings one level deeper (then
 * it is a level of categories with introductions, and the search goes on).
 * Levels 5 and 6 are never questions.
 */
static int
guess_question_level(const struct parser *p, size_t title)
{
	size_t n[6] = {0}, body[6] = {0}, child[6] = {0};
	size_t i;
	int has_parent[7] = {0};
	int l, lv;

	for (i = 0; i < p->nitems; i++) {
		if (!item_is_heading(p, i) || i == title)
			continue;
		lv = p->blk[i].level;
		if (lv >= 2 && lv <= 4) {
			n[lv]++;
			if (i + 1 < p->nitems && !item_is_heading(p, i + 1))
				body[lv]++;
		}
		/* the nearest open heading one level up gets a child */
		if (lv >= 3 && lv <= 5 && has_parent[lv - 1]) {
			child[lv - 1]++;
			has_parent[lv - 1] = 0; /* count each parent once */
		}
		for (l = lv; l <= 6; l++)
			has_parent[l] = 0;
		has_parent[lv] = 1;
	}
	for (l = 2; l <= 4; l++) {
		if (n[l] == 0 || 2 * body[l] <= n[l])
			continue;
		if (l < 4 && n[l + 1] > 0 && 2 * child[l] > n[l])
			continue;
		return l;
	}
	for (l = 4; l >= 2; l--)
		if (n[l] > 0)
			return l;
	return 3;
}

/* Shifts the offsets of spans and code under b by -base (recursion is
 * bounded by DOC_MAX_DEPTH). */
static void
rebase_blocks(const struct block *v, size_t n, uint32_t base)
{
	size_t i, j, c;

	for (i = 0; i < n; i++) {
		struct block *b = (struct block *)&v[i];

		switch (b->kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			for (j = 0; j < b->nspans; j++)
				((struct span *)b->spans)[j].off -= base;
			break;
		case BLOCK_CODE:
			b->code_off -= base;
			break;
		case BLOCK_TABLE:
			for (c = 0; c < (size_t)b->nrows * b->ncols; c++)
				for (j = 0; j < b->cells[c].nspans; j++)
					((struct span *)b->cells[c].spans)[j]
					    .off -= base;
			break;
		case BLOCK_LIST:
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			rebase_blocks(b->children, b->nchildren, base);
			break;
		default:
			break;
		}
	}
}

/* Makes items[a..b) the answer of e. */
static void
set_body(struct parser *p, struct entry *e, size_t a, size_t b)
{
	struct block *v;
	uint32_t base, n1, n2;
	size_t tlen;
	char *text, *t;

	e->ref = -1;
	if (a >= b) {
		e->text = "";
		return;
	}
	v = p->blk + a;
	e->blocks = v;
	e->nblocks = (uint32_t)(b - a);
	base = p->items[a].text_start;
	text = item_text(p, a, &tlen);
	if (a < p->nsplit && b > p->nsplit) {
		/* an answer across the split (it was at a heading inside
		 * it): the two pieces joined, in the arena */
		n1 = (uint32_t)(p->tlen - base);
		n2 =
		    b < p->nitems ? p->items[b].text_start : (uint32_t)p->t2len;
		t = arena_alloc(p->d->arena, (size_t)n1 + n2 + 1);
		memcpy(t, p->text + base, n1);
		memcpy(t + n1, p->text2, n2);
		t[n1 + n2] = '\0';
		rebase_blocks(v, p->nsplit - a, base);
		rebase_blocks(
		    p->blk + p->nsplit, b - p->nsplit, (uint32_t)0 - n1);
		e->text = t;
		e->text_len = n1 + n2;
		return;
	}
	rebase_blocks(v, b - a, base);
	e->text = text + base;
	e->text_len =
	    (uint32_t)(b < p->nitems && (b < p->nsplit) == (a < p->nsplit)
	                   ? p->items[b].text_start
	                   : tlen) -
	    base;
}

static const struct entry *
make_intro(
    struct parser *p, size_t a, size_t b, const char *title, uint32_t sec)
{
	struct entry *e;

	if (a >= b)
		return NULL;
	e = arena_alloc(p->d->arena, sizeof *e);
	memset(e, 0, sizeof *e);
	e->id = "";
	e->question = title;
	e->question_len = (uint32_t)strlen(title);
	e->section = sec;
	e->line = p->blk[a].line;
	e->col = 1;
	set_body(p, e, a, b);
	return e;
}

static const char *
file_title(struct parser *p)
{
	const char *base = strrchr(p->name, '/');
	size_t n;

	base = base ? base + 1 : p->name;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	return arena_strndup(p->d->arena, base, n);
}

enum owner { OWN_COLL, OWN_SECTION, OWN_ENTRY };

struct mapper {
	size_t title;     /* index of the title heading, or SIZE_MAX */
	int q;            /* question level */
	enum owner owner; /* whose body the pending items are */
	size_t body;      /* first pending item */
	int64_t sec;      /* current section, or -1 */
	int sec_level;    /* its heading level (1 for implicit) */
	const char *stack[7];
	const char *ctitle;
};

static void
flush_body(struct parser *p, struct mapper *m, size_t end)
{
	struct doc *d = p->d;

	switch (m->owner) {
	case OWN_COLL:
		d->colls[p->coll].intro =
		    make_intro(p, m->body, end, d->colls[p->coll].title,
		        m->sec >= 0 ? (uint32_t)m->sec : (uint32_t)d->nsecs);
		break;
	case OWN_SECTION:
		if (m->sec >= 0)
			d->secs[m->sec].intro = make_intro(p, m->body, end,
			    d->secs[m->sec].title, (uint32_t)m->sec);
		break;
	case OWN_ENTRY: {
		struct entry *e = &d->entries[d->nentries - 1];

		set_body(p, e, m->body, end);
		if (e->nblocks == 0)
			diag_add(p->diags, p->name, e->line, e->col,
			    DIAG_WARNING, "empty answer");
		break;
	}
	}
}

/* Ends the current section before a heading of level next (0: the end). */
static void
close_section(struct parser *p, struct mapper *m, int next)
{
	struct section *s;

	if (m->sec < 0)
		return;
	s = &p->d->secs[m->sec];
	if (s->n == 0) {
		if (s->intro == NULL && next > m->sec_level) {
			/* a category whose sub-categories carry its name */
			docload_drop_section(p->d);
		} else {
			diag_add(p->diags, p->name, s->line, 1, DIAG_WARNING,
			    "section has no questions");
		}
	}
	m->sec = -1;
}

static void
open_section(struct parser *p, struct mapper *m, const struct item *it,
    int level, const char *own_title, uint32_t line)
{
	struct doc *d = p->d;
	struct section *s;
	uint32_t i;
	char *title, *q;
	size_t n = 0;
	int l;

	i = docload_add_section(d, it != NULL && it->xid != 0);
	s = &d->secs[i];
	s->collection = p->coll;
	s->first = (uint32_t)d->nentries;
	s->line = line;
	if (it == NULL) {
		s->title = own_title;
	} else {
		/* nested categories: "Billing / Invoices" */
		for (l = 1; l <= level; l++)
			if (m->stack[l] != NULL)
				n += strlen(m->stack[l]) + 3;
		q = title = arena_alloc(d->arena, n + 1);
		for (l = 1; l <= level; l++) {
			if (m->stack[l] == NULL)
				continue;
			if (q != title) {
				memcpy(q, " / ", 3);
				q += 3;
			}
			memcpy(q, m->stack[l], strlen(m->stack[l]));
			q += strlen(m->stack[l]);
		}
		*q = '\0';
		s->title = title;
	}
	s->id = it != NULL && it->xid != 0
	            ? p->xids[it->xid - 1]
	            : slug_make(d->arena, own_title, strlen(own_title));
	m->sec = (int64_t)i;
	m->sec_level = level;
}

static void
map_items(struct parser *p)
{
	struct doc *d = p->d;
	struct collection *c = &d->colls[p->coll];
	struct mapper m;
	size_t i;
	int prev = 0, lv;

	memset(&m, 0, sizeof m);
	m.title = SIZE_MAX;
	m.sec = -1;
	/* The title is a # heading that opens the file; a # heading after
	 * text is a section, so that the text before it is not lost. */
	if (p->nitems > 0 && item_is_heading(p, 0) && p->blk[0].level == 1)
		m.title = 0;
	if (p->fm.title != NULL && p->fm.title[0] != '\0')
		c->title = p->fm.title;
	else if (m.title != SIZE_MAX)
		c->title = plain_text(p, m.title, NULL);
	else
		c->title = file_title(p);
	c->lang = p->fm.lang != NULL ? p->fm.lang : "";
	m.q = p->fm.question_level ? p->fm.question_level
	                           : guess_question_level(p, m.title);
	m.owner = OWN_COLL;
	m.body = 0;
	for (i = 0; i < p->nitems; i++) {
		const struct item *it = &p->items[i];
		const struct block *hb = &p->blk[i];
		const char *txt;
		uint32_t len, k;
		struct entry *e;

		if (!item_is_heading(p, i))
			continue;
		lv = hb->level;
		if (prev > 0 && lv > prev + 1 &&
		    !(prev >= 2 && prev < m.q && lv == m.q))
			diag_add(p->diags, p->name, hb->line, it->col,
			    DIAG_WARNING,
			    "heading level skipped (h%d after h%d)", lv, prev);
		prev = lv;
		if (i == m.title) {
			m.body = i + 1;
			continue;
		}
		if (lv > m.q) { /* a heading inside an answer or intro */
			heading_in_body(p, i);
			continue;
		}
		flush_body(p, &m, i);
		txt = plain_text(p, i, &len);
		if (lv < m.q) {
			close_section(p, &m, lv);
			m.stack[lv] = txt;
			for (k = (uint32_t)lv + 1; k < 7; k++)
				m.stack[k] = NULL;
			open_section(p, &m, it, lv, txt, hb->line);
			m.owner = OWN_SECTION;
			m.body = i + 1;
			continue;
		}
		if (m.sec < 0)
			open_section(p, &m, NULL, 1, c->title, hb->line);
		k = docload_add_entry(d, it->xid != 0);
		e = &d->entries[k];
		e->question = txt;
		e->question_len = len;
		e->line = hb->line;
		e->col = it->col;
		e->section = (uint32_t)m.sec;
		e->ref = -1;
		e->text = "";
		e->id = it->xid != 0 ? p->xids[it->xid - 1]
		                     : slug_make(d->arena, txt, len);
		d->secs[m.sec].n++;
		if (len == 0)
			diag_add(p->diags, p->name, e->line, e->col,
			    DIAG_WARNING, "empty question");
		m.owner = OWN_ENTRY;
		m.body = i + 1;
	}
	flush_body(p, &m, p->nitems);
	close_section(p, &m, 0);
	c = &d->colls[p->coll];
	c->n = (uint32_t)(d->nsecs - c->first);
	if (c->intro != NULL)
		((struct entry *)c->intro)->section =
		    c->n > 0 ? c->first : UINT32_MAX;
	if (c->n == 0 || d->secs[c->first].first == d->nentries)
		diag_add(p->diags, p->name, 0, 0, DIAG_WARNING,
		    p->srclen == 0 ? "empty file" : "no questions found");
}

/* Loading ---------------------------------------------------------------- */

struct san_report {
	size_t *off;
	const char **what;
	size_t n, cap, dropped;
};

static void
san_collect(void *ctx, size_t off, const char *what)
{
	struct san_report *r = ctx;

	if (r->n == MAX_SANITIZE_DIAGS) {
		r->dropped++;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->off = xreallocarray(r->off, r->cap, sizeof *r->off);
		r->what = xreallocarray(r->what, r->cap, sizeof *r->what);
	}
	r->off[r->n] = off;
	r->what[r->n++] = what;
}

/* Turns the sanitiser's byte offsets into line:col of the original bytes
 * (CRLF, CR and LF each end a line; columns count UTF-8 lead bytes). */
static void
san_diags(struct diag_list *diags, const char *name, const char *buf,
    size_t len, const struct san_report *r)
{
	size_t i = 0, k, line = 1, col = 1;

	for (k = 0; k < r->n; k++) {
		for (; i < r->off[k] && i < len; i++) {
			unsigned char ch = (unsigned char)buf[i];

			if (ch == '\n' ||
			    (ch == '\r' &&
			        (i + 1 >= len || buf[i + 1] != '\n'))) {
				line++;
				col = 1;
			} else if ((ch & 0xc0) != 0x80 && ch != '\r') {
				col++;
			}
		}
		diag_add(diags, name, (unsigned)line, (unsigned)col,
		    DIAG_WARNING, "%s", r->what[k]);
	}
	if (r->dropped)
		diag_add(diags, name, 0, 0, DIAG_WARNING,
		    "%zu more problems of this kind not shown", r->dropped);
}

/* Parsing on two cores ------------------------------------------------- */

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

/* p ready to parse src from offset from, which is on 0-based line line. */
static void
parser_init(struct parser *p, struct doc *d, struct arena *a,
    struct diag_list *diags, const char *name, uint32_t coll, const char *src,
    size_t srclen, size_t from, size_t line)
{
	memset(p, 0, sizeof *p);
	p->d = d;
	p->arena = a;
	p->diags = diags;
	p->name = name;
	p->coll = coll;
	p->src = src;
	p->srclen = srclen;
	p->cur_start = from;
	p->cur_line = line;
	p->cur_end = line_end(p, from);
	p->last_pos = from;
	p->dropped = from;
	p->drop_next = SIZE_MAX;
	p->text = xmalloc(4096);
	p->tcap = 4096;
	p->nsplit = SIZE_MAX;
}

/* Frees what the parse built (for a split that did not hold). */
static void
parser_discard(struct parser *p)
{
	free(p->text);
	free(p->spans);
	free(p->kids);
	free(p->open);
	free(p->blk);
	free(p->items);
	free(p->xids);
	free(p->links);
	arena_free(p->arena);
}

/* md4c over src[from..to); closes what an md4c failure leaves open. */
static int
parse_run(struct parser *p, size_t from, size_t to)
{
	int rc = md_parse(p->src + from, (MD_SIZE)(to - from), &md_parser, p);

	while (p->nopen > 0)
		close_top(p);
	return rc;
}

/*
 * Where the second half of src[0..len) may start: a line "# ..." to
 * "###### ..." after a blank line, from the middle on; 0 if none.  Such a
 * line, when it is an ATX heading at the top level, closes every block
 * before it, so the text from there parses the same alone as in the whole
 * (link reference definitions aside, which reach across the file: the
 * caller does not split a file that may have one).  Whether it is at the
 * top level (and not inside a fenced code block, say) is known only from
 * the parse of the first half: see split_agrees().
 */
static size_t
split_point(const char *s, size_t len)
{
	size_t i = len / 2, k;
	const char *q;

	while (i < len && (q = memmem(s + i, len - i, "\n\n#", 3)) != NULL) {
		i = (size_t)(q - s) + 2;
		for (k = i; k < len && k - i < 7 && s[k] == '#'; k++)
			;
		if (k - i <= 6 && k < len &&
		    (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') &&
		    memchr(s + k, '\n', len - k) != NULL)
			return i;
	}
	return 0;
}

/*
 * Whether s[0..n) may hold a link reference definition ("]:" ends the
 * label of every one), and its number of newlines in *lines when lines is
 * not NULL.  One pass, 16 bytes at a time, newlines counted in byte lanes
 * (255 blocks at most before they are added up): 5 ms over 40 MB, where a
 * plain loop took 26 ms for the count and glibc's memmem 30 ms for "]:".
 */
static int
scan_refs_lines(const char *s, size_t n, size_t *lines)
{
	size_t i = 0, nl = 0;
	int refs = 0;

#if defined(__SSE2__)
	const __m128i cnl = _mm_set1_epi8('\n');
	const __m128i cbr = _mm_set1_epi8(']');
	const __m128i cco = _mm_set1_epi8(':');
	__m128i any = _mm_setzero_si128();

	while (i + 17 <= n) {
		__m128i acc = _mm_setzero_si128();
		size_t end = n - 16 - i > 16 * 255 ? i + 16 * 255 : n - 16;
		int64_t x[2];

		for (; i < end; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i w =
			    _mm_loadu_si128((const __m128i *)(s + i + 1));

			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, cnl));
			any = _mm_or_si128(
			    any, _mm_and_si128(_mm_cmpeq_epi8(v, cbr),
			             _mm_cmpeq_epi8(w, cco)));
		}
		_mm_storeu_si128((__m128i *)(void *)x,
		    _mm_sad_epu8(acc, _mm_setzero_si128()));
		nl += (size_t)(x[0] + x[1]);
	}
	refs = _mm_movemask_epi8(any) != 0;
#endif
	for (; i < n; i++) {
		nl += s[i] == '\n';
		if (s[i] == ']' && i + 1 < n && s[i + 1] == ':')
			refs = 1;
	}
	if (lines != NULL)
		*lines = nl;
	return refs;
}

/* One half's share of the checks that decide whether to split. */
struct split_check {
	const char *s;
	size_t n;
	int count; /* count its lines (the first half) */
	int clean, refs;
	size_t lines;
};

static void *
split_check_run(void *arg)
{
	struct split_check *c = arg;

	c->clean = sanitize_clean_len(c->s, c->n) == c->n;
	c->refs = scan_refs_lines(c->s, c->n, c->count ? &c->lines : NULL);
	return NULL;
}

/*
 * Whether buf[0..len) is clean (sanitize_clean_len() of all of it), and,
 * when split is not 0, whether it may be split there: *lines is then the
 * number of lines before split, 0 if it may not.  The two halves are
 * checked at once.
 */
static int
split_checks(const char *buf, size_t len, size_t split, size_t *lines)
{
	struct split_check a = {buf, split, 1, 0, 0, 0};
	struct split_check b = {buf + split, len - split, 0, 0, 0, 0};
	struct twocore tc;

	*lines = 0;
	if (split == 0)
		return sanitize_clean_len(buf, len) == len;
	twocore_start(&tc, split_check_run, &b, 1);
	split_check_run(&a);
	twocore_join(&tc);
	if (!a.refs && !b.refs)
		*lines = a.lines;
	return a.clean && b.clean;
}

struct split_job {
	struct parser p;
	size_t from, to;
	int rc;
	struct twocore tc;
};

static void *
split_parse(void *arg)
{
	struct split_job *j = arg;

	j->rc = parse_run(&j->p, j->from, j->to);
	return NULL;
}

/* Whether the halves meet as they should: a ends with the heading on line
 * (1-based) that b starts with, both at the top level. */
static int
split_agrees(const struct parser *a, const struct parser *b, uint32_t line)
{
	const struct block *x, *y;

	if (a->nitems == 0 || b->nitems == 0)
		return 0;
	x = &a->blk[a->nitems - 1];
	y = &b->blk[0];
	return x->kind == BLOCK_HEADING && y->kind == BLOCK_HEADING &&
	       x->line == line && y->line == line && x->level == y->level;
}

/* Appends b (which starts with a's last item) to a; b is used up.  b's
 * text becomes a's text2, and its offsets stay as they are. */
static void
split_merge(struct parser *a, struct parser *b, uint32_t line)
{
	size_t k;

	a->nitems--;
	a->tlen = a->items[a->nitems].text_start;
	if (a->items[a->nitems].xid != 0)
		a->nxids--;
	while (a->nlinks > 0 && a->links[a->nlinks - 1].line >= line)
		a->nlinks--;
	a->nsplit = a->nitems;
	a->text2 = b->text;
	a->t2len = b->tlen;
	b->text = NULL;
	if (a->nitems + b->nitems > a->itemscap) {
		a->itemscap = a->nitems + b->nitems;
		a->items =
		    xreallocarray(a->items, a->itemscap, sizeof *a->items);
		a->blk = xreallocarray(a->blk, a->itemscap, sizeof *a->blk);
	}
	memcpy(a->blk + a->nitems, b->blk, b->nitems * sizeof *b->blk);
	for (k = 0; k < b->nitems; k++) {
		struct item *it = &a->items[a->nitems + k];

		*it = b->items[k];
		if (it->xid != 0)
			it->xid += (uint32_t)a->nxids;
	}
	a->nitems += b->nitems;
	GROW(a->xids, a->nxids, a->xidscap, b->nxids);
	if (b->nxids > 0)
		memcpy(a->xids + a->nxids, b->xids, b->nxids * sizeof *b->xids);
	a->nxids += b->nxids;
	GROW(a->links, a->nlinks, a->linkscap, b->nlinks);
	if (b->nlinks > 0)
		memcpy(a->links + a->nlinks, b->links,
		    b->nlinks * sizeof *b->links);
	a->nlinks += b->nlinks;
	if (a->depth_line == 0)
		a->depth_line = b->depth_line;
	arena_adopt(a->arena, b->arena);
	b->arena = NULL;
	parser_discard(b);
}

/*
 * Parses src[start..srclen) into p, on two threads when lines says the
 * file may be split at split.  A split that turns out not to hold (the
 * heading there was inside a fenced code block) is thrown away and the
 * file parsed again in one piece.
 */
static int
parse_all(struct parser *p, size_t start, size_t split, size_t lines,
    struct load_stats *stats)
{
	struct split_job *job;
	struct arena *da = p->arena;
	struct parser whole = *p;
	uint32_t line = (uint32_t)lines + 1;
	size_t eol;
	int rc;

	if (lines == 0 || split <= start)
		return parse_run(p, start, p->srclen);
	eol = line_end(p, split) + 1;
	job = xcalloc(1, sizeof *job);
	parser_init(&job->p, p->d, arena_new(), NULL, p->name, p->coll, p->src,
	    p->srclen, split, lines);
	job->from = split;
	job->to = p->srclen;
	if (p->map != NULL) {
		job->p.map = p->map;
		job->p.drop_next = split + DROP_STEP;
	}
	p->arena = arena_new();
	if (job->p.arena == NULL || p->arena == NULL) {
		parser_discard(&job->p);
		free(job);
		arena_free(p->arena);
		p->arena = da;
		return parse_run(p, start, p->srclen);
	}
	twocore_start(&job->tc, split_parse, job, 1);
	rc = parse_run(p, start, eol);
	twocore_join(&job->tc);
	if (split_agrees(p, &job->p, line)) {
		split_merge(p, &job->p, line);
		if (stats != NULL)
			stats->splits_joined++;
		arena_adopt(da, p->arena);
		p->arena = da;
		rc |= job->rc;
	} else {
		parser_discard(&job->p);
		parser_discard(p);
		if (stats != NULL)
			stats->splits_redone++;
		*p = whole;
		p->text = xmalloc(4096);
		rc = parse_run(p, start, p->srclen);
	}
	free(job);
	return rc;
}

/* Hands the links and the depth warning of the parse to the doc. */
static void
parse_flush(struct parser *p)
{
	size_t k;

	if (p->depth_line != 0)
		diag_add(p->diags, p->name, p->depth_line, 1, DIAG_WARNING,
		    "blocks nested deeper than %d levels are flattened",
		    DOC_MAX_DEPTH);
	for (k = 0; k < p->nlinks; k++)
		docload_add_link(p->d, p->coll, p->links[k].line,
		    p->links[k].col, p->links[k].href);
	free(p->links);
	p->links = NULL;
}

void
docload_parse(struct doc *d, const char *name, const char *buf, size_t len,
    struct filemap *own, size_t split_min, struct load_stats *stats,
    struct diag_list *diags)
{
	struct parser p;
	struct san_report rep = {NULL, NULL, 0, 0, 0};
	struct frontmatter fm;
	char *src, *src_alloc = NULL;
	const char *cname;
	size_t srclen, start, split = 0, lines = 0;
	uint32_t ci;

	cname = arena_strndup(d->arena, name, strlen(name));
	ci = docload_add_collection(d);
	d->colls[ci].path = cname;
	d->colls[ci].first = (uint32_t)d->nsecs;
	d->colls[ci].lang = "";

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (len >= split_min)
		split = split_point(buf, len);
	if (split_checks(buf, len, split, &lines)) {
		/* the usual case: parse the bytes as they are, no copy */
		src = (char *)(uintptr_t)buf;
		srclen = len;
	} else {
		/* (the file is parsed in one piece: offsets moved) */
		lines = 0;
		src = src_alloc =
		    sanitize_text(buf, len, &srclen, san_collect, &rep);
		san_diags(diags, cname, buf, len, &rep);
		free(rep.off);
		free(rep.what);
		if (own != NULL)
			filemap_close(own);
		own = NULL;
	}

	if (srclen > 0 && src[srclen - 1] != '\n') {
		/* md4c 0.4.8 reads past the end of input whose last line has
		 * no newline (a link cut short there made it report a text
		 * of 3 GB); a final newline changes no Markdown meaning */
		char *t = xmalloc(srclen + 2);

		memcpy(t, src, srclen);
		t[srclen++] = '\n';
		t[srclen] = '\0';
		free(src_alloc);
		src = src_alloc = t;
		if (own != NULL) {
			filemap_close(own);
			own = NULL;
		}
	}
	start = frontmatter_parse(src, srclen, d->arena, cname, diags, &fm);
	parser_init(&p, d, d->arena, diags, cname, ci, src, srclen, 0, 0);
	p.fm = fm;
	p.last_pos = start;
	if (own != NULL && src == own->data) {
		p.map = own;
		p.drop_next = DROP_STEP;
	}
	if (parse_all(&p, start, split, lines, stats) != 0)
		diag_add(diags, p.name, 0, 0, DIAG_ERROR,
		    "the Markdown parser failed; content may be missing");
	parse_flush(&p);
	if (p.tlen < p.tcap)
		p.text = xrealloc(p.text, p.tlen ? p.tlen : 1);
	if (p.text2 != NULL) {
		p.text2 = xrealloc(p.text2, p.t2len ? p.t2len : 1);
		docload_own(d, p.text2);
	}
	/* entries point into text and blk from map_items() on: shrink first */
	if (p.blk != NULL) {
		if (p.nitems < p.itemscap)
			p.blk = xreallocarray(
			    p.blk, p.nitems ? p.nitems : 1, sizeof *p.blk);
		docload_own(d, p.blk);
	}
	/* the source is done with (positions are lines and columns by now):
	 * let it go before the entries are allocated, for the peak */
	free(p.spans);
	free(p.kids);
	free(p.open);
	if (own != NULL)
		filemap_close(own);
	free(src_alloc);
	p.src = NULL;
	map_items(&p);
	docload_own(d, p.text);
	free(p.items);
	free(p.xids);
}
