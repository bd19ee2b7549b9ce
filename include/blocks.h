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
 * - a top-level heading whose text is plain (items[i].plain) ends with a
 *   NUL in the text buffer, not the '\n' that ends other blocks, so that
 *   its text is a C string in place.
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
};

/* What shape.c needs to know about a top-level block, beside it. */
struct blocks_item {
	uint32_t text_start; /* see above */
	uint16_t col;        /* headings: column of the '#' (saturates) */
	uint8_t plain;       /* headings: text in place, NUL-terminated */
	uint8_t mark;        /* enum blocks_mark */
	uint32_t xid;        /* headings: 1 + index of its {#id}, or 0 */
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

/* Shrinks blk and the text buffers to their size: pointers into them are
 * final from here on. */
void blocks_shrink(struct blocks *bl);
/* The doc takes blk and the text buffers (entries point into them); the
 * rest is freed.  bl is empty after. */
void blocks_give(struct blocks *bl, struct doc *d);

#endif
