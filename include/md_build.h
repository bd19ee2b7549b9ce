/*
 * md_build.h - the builder behind the Markdown reader (md.c): the parser
 * state, line and column lookups, the text buffer and spans, and blocks
 * opened and closed into the flat list of top-level blocks (blocks.h).
 *
 * Internal to the md module: included by md.c (md4c's callbacks),
 * md_build.c (the builder), md_html.c (HTML through html.h) and
 * md_markup.c (site generators' markup), and by nothing else.
 *
 * Block trees are built without recursion: finished children wait on one
 * stack (kids) and are copied into the arena when their container closes;
 * spans likewise.  Container nesting is capped at DOC_MAX_DEPTH.
 *
 * The builder touches nothing shared, so that split.c can run two parses
 * at once: it allocates from the parser's own arena and keeps links, ids
 * and the depth warning in the block list.
 *
 * The text functions are inline here: they run once per piece of text md4c
 * sends (tens of millions on a 78 MB file).
 */
#ifndef FAQ_MD_BUILD_H
#define FAQ_MD_BUILD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "blocks.h"
#include "xalloc.h"

struct arena;

/* Span arrays are carved from slabs of this size (see slab_take()). */
#define SLAB_SIZE (64 * 1024)

enum open_kind {
	O_DOC,   /* the document */
	O_BLOCK, /* a model block: b.kind says which */
	O_SKIP,  /* THEAD, TBODY, TR, or a container flattened for depth */
	O_CELL,  /* TH or TD */
	O_HTML,  /* an HTML block: its text waits in p->hbuf (md_html.c) */
};

/*
 * A span of raw inline HTML ("<u>", "</a>"), only between md4c's callbacks
 * and the leaf's close, where md_html_inline() parses the leaf again as
 * HTML; never in a doc.
 */
#define SPAN_RAW 3

struct open {
	uint8_t kind;       /* enum open_kind */
	uint8_t implicit;   /* a PARA opened around a tight list item's text */
	uint8_t has_line;   /* b.line is known */
	uint8_t fenced;     /* a fenced code block: it starts a line earlier */
	uint8_t has_html;   /* a leaf with SPAN_RAW spans */
	uint8_t mark;       /* enum blocks_mark for its item */
	uint8_t m_dropped;  /* a child was dropped as markup (md_markup.c) */
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

	/* HTML (md_html.c): the text of the HTML block being read, and the
	 * last link target copied into the arena, by gumbo's pointer */
	char *hbuf;
	size_t hlen, hcap;
	int in_html;
	int h_flow; /* parsing an HTML block, not a leaf */
	const char *h_src, *h_copy;
	uint32_t h_line;  /* line of the HTML being parsed */
	uint32_t h_off;   /* and its src offset */

	/* site generators' markup (md_markup.c) */
	int liq_comment;  /* inside {% comment %}: blocks are dropped */
	int admon;        /* an admonition just ended: indented code after
	                     it is its body */
	int nested;       /* md_reparse() is running */
	const char *m_xid; /* the id the heading being closed got there */

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
	/* bl.text[0..tfilled) has its page tables filled (see text_put()) */
	size_t tfilled;
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


/*
 * md4c reads the whole file to find its blocks, then sends their contents
 * in order, while the model grows: the source pages behind that point are
 * let go as it moves on, so that the file and the model are not in memory
 * whole at the same time (37 MB less at the peak on a 78 MB file).  The
 * last MB stays: line and column lookups step back a little.
 */
#define DROP_STEP (4u << 20)
#define DROP_LAG (1u << 20)


/* Where the line that starts at start ends: its '\n', or srclen. */
size_t mb_line_end(const struct parser *p, size_t start);
/* 0-based line of src offset off (the cursor moves onto it). */
size_t mb_src_line(struct parser *p, size_t off);
/* 1-based column (code points) of src offset off. */
uint32_t mb_src_col(struct parser *p, size_t off);
/* Lets go of the source behind p->last_pos, but not of the text being
 * delivered from off on (see DROP_STEP). */
void mb_source_drop(struct parser *p, size_t off);
/* Moves the spans from mark on into the arena. */
const struct span *mb_spans_take(struct parser *p, size_t mark, uint32_t *n);
/* Opens a block of kind (enum open_kind) and, for O_BLOCK, bkind. */
struct open *mb_open_push(struct parser *p, uint8_t kind, uint8_t bkind);
/* Whether o holds text directly (a paragraph, heading, code block, cell). */
int mb_is_leaf(const struct open *o);
/* The line of a block that has no text of its own, see md_build.c. */
uint32_t mb_guess_line(struct parser *p, const char *openers);
/* Closes the innermost open block and emits it. */
void mb_close_top(struct parser *p);
/* Closes the PARA opened around a tight item's text, if one is open. */
void mb_close_implicit(struct parser *p);
/* A table of nrows x ncols cells, filled by mb_cell_open() and the
 * cells' text. */
struct open *mb_table_open(struct parser *p, uint32_t ncols, uint32_t nrows);
/* Opens cell (row, col), with its column's alignment when in row 0. */
void mb_cell_open(struct parser *p, int32_t row, int32_t col, uint8_t align);
/* A link target (HTML name= or id=, kramdown, docsify) in the top-level
 * block being built, or the next one when none is open. */
void mb_anchor(struct parser *p, const char *id, size_t n);

/* md_html.c: the HTML block just closed (o), parsed into blocks where it
 * stood; the leaf on top of the stack parsed again with its inline HTML:
 * returns 1 when that closed it (a paragraph, parsed as blocks in its
 * place), 0 when the leaf is still open with its new spans. */
void md_html_block(struct parser *p, const struct open *o);
int md_html_inline(struct parser *p);
/* Text of the HTML block being read; a piece of raw inline HTML. */
void md_html_text(struct parser *p, const char *s, size_t n);
void md_html_raw(struct parser *p, const char *s, size_t n);

/* md_markup.c: whether block o, just popped, may hold markup of a site
 * generator (cheap: a '{', a heading's ':', a "!!!"); and the markup in
 * it handled: returns 1 when the block is gone (dropped, or built again
 * as other blocks), 0 when it is to be emitted (maybe with p->m_xid). */
int md_markup_maybe(const struct parser *p, const struct open *o);
int md_markup_close(struct parser *p, struct open *o);
/* md.c: s[0..n) parsed as Markdown into the open container on top. */
int md_reparse(struct parser *p, const char *s, size_t n);

/* Opens a LIST, ITEM or QUOTE, or a skipped level when need more levels
 * would nest too deep. */
void mb_open_container(struct parser *p, uint8_t bkind, unsigned need);

/* Text buffer and spans -------------------------------------------------- */

/*
 * How far ahead of the text written its pages are filled in: a page fault
 * per 4 KB page of text was a sixth of the load time of a 78 MB file on a
 * virtual machine (where each fault is an exit to the hypervisor), one
 * madvise() per 256 KB is next to nothing.  Resident memory runs at most
 * this far ahead of the text.
 */
#define TEXT_FILL_AHEAD ((size_t)256 << 10)

void mb_text_fill(struct parser *p, size_t need);

static inline void
text_put(struct parser *p, const char *s, size_t n)
{
	if (p->bl.tcap - p->bl.tlen < n) {
		size_t c = p->bl.tcap ? p->bl.tcap : 4096;

		while (c - p->bl.tlen < n)
			c += c / 2 + 4096;
		p->bl.text = xrealloc(p->bl.text, c);
		p->bl.tcap = c;
		/* (moved, maybe to new pages: filled from here again) */
		p->tfilled = p->bl.tlen;
	}
	if (p->bl.tlen + n > p->tfilled)
		mb_text_fill(p, n);
	memcpy(p->bl.text + p->bl.tlen, s, n);
	p->bl.tlen += n;
}

static inline uint8_t
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
static inline size_t
leaf_span_mark(const struct parser *p)
{
	return p->nopen ? p->open[p->nopen - 1].spans : 0;
}

static inline void
span_text_as(struct parser *p, const char *s, size_t n, uint8_t st,
    const char *href)
{
	struct span *last;

	if (n == 0)
		return;
	if (p->nspans > leaf_span_mark(p)) {
		last = &p->spans[p->nspans - 1];
		if (last->kind == SPAN_TEXT && last->style == st &&
		    last->href == href &&
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
	last->href = href;
	text_put(p, s, n);
}

static inline void
span_text(struct parser *p, const char *s, size_t n)
{
	span_text_as(p, s, n, cur_style(p), p->href);
}

static inline void
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


#endif
