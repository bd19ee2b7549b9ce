/*
 * blocks.h - the top-level blocks of one file and their text: what a
 * reader builds (md.c, Markdown) and shape.c turns into sections and
 * questions.
 *
 * Internal to the loader: included by blocks.c, the readers (md.c),
 * split.c, shape.c and load.c, and by nothing outside load.h's list.
 *
 * A reader appends, in document order, each top-level block (struct
 * block, doc.h: headings, paragraphs, lists, ...) to blk and what shape.c
 * needs besides to items, and the text of every span and code block to
 * the text buffer, a block's text after the previous block's.  Blocks
 * nested in lists, quotes and tables, span arrays and strings live in an
 * arena that the list's creator holds; the arrays here are the list's.
 *
 * Invariants:
 * - items[i] describes blk[i]; item i's text starts at items[i].text_start
 *   and runs up to item i+1's (text is only added inside a block);
 * - offsets in the spans and code blocks of blk[i] are into the same
 *   buffer as items[i].text_start, until blocks_body() rebases them;
 * - a top-level heading whose text is plain (BLOCKS_PLAIN in
 *   items[i].flags) ends with a NUL in the text buffer, not the '\n'
 *   that ends other blocks, so that its text is a C string in place.
 *
 * Two lists parsed apart can be joined (blocks_join(), for split.c): the
 * blocks become one array but their text stays in two buffers, so that no
 * text is copied.  Which buffer a block's text is in is blocks.c's alone:
 * read text only through blocks_heading_text() and blocks_body().
 */
#ifndef FAQ_BLOCKS_H
#define FAQ_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct arena;
struct blocks_seam;

/* What a block was written as, when the block kind does not say. */
enum blocks_mark {
	MARK_NONE,
	MARK_SUMMARY, /* a PARA that was <summary> (the question of a
	                 <details>) */
	MARK_ADMONITION, /* a QUOTE that was an mkdocs admonition: a note
	                    box, never a quoted question (shape_para.c) */
};

/* What shape.c needs to know about a top-level block, beside it. */
struct blocks_item {
	uint32_t text_start; /* see above */
	union {
		uint16_t col; /* headings: column of the '#' (saturates) */
		/* paragraphs: the first character of their first span
		 * (U+FFFF beyond the BMP, 0 for none), so that recognisers
		 * need not read the text of every paragraph of a big file
		 * again (the reader notes it while the text is at hand) */
		uint16_t lead;
	};
	uint8_t flags; /* BLOCKS_PLAIN, BLOCKS_LEAD_STRONG */
	uint8_t mark;  /* enum blocks_mark */
	uint32_t xid;  /* headings: 1 + index of its {#id}, or 0 */
};

enum {
	BLOCKS_PLAIN = 1,       /* headings: text in place, NUL-terminated */
	BLOCKS_LEAD_STRONG = 2, /* paragraphs: the first span is bold */
};

/* A link target that is not a heading's own id: an HTML name= or id=, a
 * kramdown or docsify id; item is the top-level block it is in. */
struct blocks_anchor {
	const char *id;
	uint32_t item;
};

/* Markup a site generator would have consumed and faq dropped (Liquid,
 * kramdown, docsify), for faq --check to note. */
struct blocks_note {
	uint32_t line;
	const char *what; /* the arena's */
};

/* A link to "#id", for doc_finish() to check once the parse is good. */
struct blocks_link {
	uint32_t line, col;
	const char *href;
};

struct blocks {
	struct block *blk;         /* nitems top-level blocks, in order */
	struct blocks_item *items; /* one per block */
	size_t nitems, itemscap;
	const char **xids; /* the {#id}s of top-level headings */
	size_t nxids, xidscap;
	char *text; /* the blocks' text (the first part's after a join) */
	size_t tlen, tcap;
	struct blocks_link *links; /* #id links, in order */
	size_t nlinks, linkscap;
	struct blocks_anchor *anchors; /* in order of item */
	size_t nanchors, anchorscap;
	struct blocks_note *notes; /* in order of line */
	size_t nnotes, notescap;
	uint32_t depth_line;      /* where blocks first nested too deep, or 0 */
	/* the line of the last block that started inside a Liquid comment
	 * (md_markup.c), or 0: a split there would not parse the same */
	uint32_t comment_line;
	struct blocks_seam *seam; /* blocks.c's: the join, or NULL */
};

/* Sets item i's lead and BLOCKS_LEAD_STRONG from block i (a reader calls
 * it where the paragraph's text is at hand). */
void blocks_set_lead(struct blocks *bl, size_t i);

/* An empty list with a text buffer of its own. */
void blocks_init(struct blocks *bl);
/* Frees the list's arrays and buffers (not the arena's). */
void blocks_free(struct blocks *bl);

/*
 * Appends b to a, where a's last block is a heading on line that b starts
 * with again (the same heading, parsed twice): a's copy, its {#id} and its
 * links from line on are dropped.  b is used up (emptied, not freed); its
 * arena must live as long as a's.
 */
void blocks_join(struct blocks *a, struct blocks *b, uint32_t line);

/* The {#id} written on heading i, or NULL. */
const char *blocks_id(const struct blocks *bl, size_t i);
/* The plain text of heading i (breaks as spaces) and its length: in place
 * when it is plain, else a copy in a. */
const char *blocks_heading_text(
    const struct blocks *bl, size_t i, struct arena *a, uint32_t *len);
/* Heading i is kept inside an answer: its text ends with '\n' again, as
 * other blocks' do. */
void blocks_heading_to_body(struct blocks *bl, size_t i);
/*
 * The text of blocks [from, to) (from < to), its length in *len, with the
 * offsets in those blocks rebased to it: an entry's text and blocks.  A
 * range across a join is copied into a; once per range, as it rebases.
 */
const char *blocks_body(
    struct blocks *bl, size_t from, size_t to, struct arena *a, uint32_t *len);

/* Reading and reshaping blocks for the recognisers (shape.c) --------- */

/* The first leaf (PARA or HEADING) of block i, looking into the first
 * child of quotes, lists and items; NULL when there is none. */
const struct block *blocks_first_leaf(const struct blocks *bl, size_t i);
/* The bytes of text span sp of a leaf under block i (not rebased yet). */
const char *blocks_span_str(
    const struct blocks *bl, size_t i, const struct span *sp);
/*
 * The plain text of spans [from, to) of a leaf under block i: breaks as
 * spaces, blanks at both ends trimmed, a copy in a; its length in *len.
 */
const char *blocks_spans_text(const struct blocks *bl, size_t i,
    const struct span *sp, size_t from, size_t to, struct arena *a,
    uint32_t *len);
/*
 * Reshaping, for the recognisers: the list is built anew, last block
 * first (one pass, however many blocks are split or unwrapped), with
 * blocks_out_put(), and takes the place of the old one with
 * blocks_out_finish().  A block put keeps its text where it is: second
 * says whether that is in the second part of a join
 * (blocks_in_second() of the block it comes from); each item's
 * text_start must be where the block's text starts (blocks_first_text()),
 * or where the next one's does when it has none.
 */
struct blocks_out;
struct blocks_out *blocks_out_new(const struct blocks *bl);
/* The blocks put next come from block i of the old list (call it for
 * each block, last first, before its blocks are put): its anchors
 * (bl->anchors) go to the first of them. */
void blocks_out_from(struct blocks_out *o, size_t i);
/* Puts b and its item before the blocks put so far; returns how many
 * blocks are after it (its place counted from the end). */
size_t blocks_out_put(struct blocks_out *o, const struct block *b,
    const struct blocks_item *it, int second);
/* bl is the list built, o is freed. */
void blocks_out_finish(struct blocks_out *o, struct blocks *bl);
int blocks_in_second(const struct blocks *bl, size_t i);
/* Where the text of top-level block i ends (the next one's starts). */
uint32_t blocks_text_end(const struct blocks *bl, size_t i);
/* Where b's text starts; dflt when it has none. */
uint32_t blocks_first_text(const struct block *b, uint32_t dflt);
/*
 * PARA b cut before its span k (0 < k < nspans): q gets the spans before
 * k (less a break that ends them), a (a PARA) the rest.
 */
void blocks_split_copy(const struct block *b, size_t k, struct block *q,
    struct block *a);

/* Copies the first bytes of the text of all blocks (across a join), max at
 * most, to out; returns how many. */
size_t blocks_text_head(const struct blocks *bl, char *out, size_t max);

/* Shrinks blk and the text buffers to their size: pointers into them are
 * final from here on. */
void blocks_shrink(struct blocks *bl);
/* The doc takes blk and the text buffers (entries point into them); the
 * rest is freed.  bl is empty after. */
void blocks_give(struct blocks *bl, struct doc *d);

#endif
