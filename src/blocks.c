/*
 * blocks.c - the top-level blocks of one file and their text; see
 * blocks.h.
 *
 * After a join (split.c parsed the file in two halves), blocks from
 * seam->nsplit on have their text in the second half's buffer, at
 * offsets of their own: joining copied no text.  This file is the only
 * one that knows, so that the mapping to sections and questions reads
 * one list whichever way it was parsed.
 */
#include "blocks.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "docload.h"
#include "utf8.h"
#include "xalloc.h"

struct blocks_seam {
	size_t nsplit; /* the first block of the second part */
	char *text2;   /* the second part's text buffer */
	size_t t2len;
};

void
blocks_init(struct blocks *bl)
{
	memset(bl, 0, sizeof *bl);
	bl->text = xmalloc(4096);
	bl->tcap = 4096;
}

void
blocks_free(struct blocks *bl)
{
	free(bl->text);
	free(bl->blk);
	free(bl->items);
	free(bl->xids);
	free(bl->links);
	free(bl->anchors);
	free(bl->notes);
	if (bl->seam != NULL)
		free(bl->seam->text2);
	free(bl->seam);
	memset(bl, 0, sizeof *bl);
}

/* Whether block i has its text in the second part. */
static int
in_second(const struct blocks *bl, size_t i)
{
	return bl->seam != NULL && i >= bl->seam->nsplit;
}

/* The text buffer that block i's offsets are into, and its length. */
static char *
item_text(const struct blocks *bl, size_t i, size_t *len)
{
	if (in_second(bl, i)) {
		*len = bl->seam->t2len;
		return bl->seam->text2;
	}
	*len = bl->tlen;
	return bl->text;
}

/* Where block i's text ends, in a buffer of tlen bytes: where the next
 * block's starts, when that is in the same buffer. */
static size_t
text_end(const struct blocks *bl, size_t i, size_t tlen)
{
	return i + 1 < bl->nitems && in_second(bl, i + 1) == in_second(bl, i)
	           ? bl->items[i + 1].text_start
	           : tlen;
}

void
blocks_join(struct blocks *a, struct blocks *b, uint32_t line)
{
	size_t k;

	a->nitems--;
	a->tlen = a->items[a->nitems].text_start;
	if (a->items[a->nitems].xid != 0)
		a->nxids--;
	while (a->nlinks > 0 && a->links[a->nlinks - 1].line >= line)
		a->nlinks--;
	while (a->nnotes > 0 && a->notes[a->nnotes - 1].line >= line)
		a->nnotes--;
	/* the heading's anchors come again with b's copy */
	while (a->nanchors > 0 && a->anchors[a->nanchors - 1].item >= a->nitems)
		a->nanchors--;
	a->seam = xmalloc(sizeof *a->seam);
	a->seam->nsplit = a->nitems;
	a->seam->text2 = b->text;
	a->seam->t2len = b->tlen;
	b->text = NULL;
	if (a->nitems + b->nitems > a->itemscap) {
		a->itemscap = a->nitems + b->nitems;
		a->items =
		    xreallocarray(a->items, a->itemscap, sizeof *a->items);
		a->blk = xreallocarray(a->blk, a->itemscap, sizeof *a->blk);
	}
	memcpy(a->blk + a->nitems, b->blk, b->nitems * sizeof *b->blk);
	for (k = 0; k < b->nitems; k++) {
		struct blocks_item *it = &a->items[a->nitems + k];

		*it = b->items[k];
		if (it->xid != 0)
			it->xid += (uint32_t)a->nxids;
	}
	a->nitems += b->nitems;
	if (b->nxids > 0) {
		a->xidscap = a->nxids + b->nxids;
		a->xids = xreallocarray(a->xids, a->xidscap, sizeof *a->xids);
		memcpy(a->xids + a->nxids, b->xids, b->nxids * sizeof *b->xids);
		a->nxids += b->nxids;
	}
	if (b->nlinks > 0) {
		a->linkscap = a->nlinks + b->nlinks;
		a->links =
		    xreallocarray(a->links, a->linkscap, sizeof *a->links);
		memcpy(a->links + a->nlinks, b->links,
		    b->nlinks * sizeof *b->links);
		a->nlinks += b->nlinks;
	}
	if (b->nnotes > 0) {
		a->notescap = a->nnotes + b->nnotes;
		a->notes = xreallocarray(a->notes, a->notescap, sizeof *a->notes);
		memcpy(a->notes + a->nnotes, b->notes,
		    b->nnotes * sizeof *b->notes);
		a->nnotes += b->nnotes;
	}
	if (b->nanchors > 0) {
		a->anchorscap = a->nanchors + b->nanchors;
		a->anchors =
		    xreallocarray(a->anchors, a->anchorscap, sizeof *a->anchors);
		for (k = 0; k < b->nanchors; k++) {
			a->anchors[a->nanchors + k] = b->anchors[k];
			a->anchors[a->nanchors + k].item += (uint32_t)a->nitems -
			                                    (uint32_t)b->nitems;
		}
		a->nanchors += b->nanchors;
	}
	if (a->depth_line == 0)
		a->depth_line = b->depth_line;
	blocks_free(b);
}

const char *
blocks_id(const struct blocks *bl, size_t i)
{
	return bl->items[i].xid != 0 ? bl->xids[bl->items[i].xid - 1] : NULL;
}

const char *
blocks_heading_text(
    const struct blocks *bl, size_t i, struct arena *a, uint32_t *len)
{
	const struct block *b = &bl->blk[i];
	size_t n = 0, k, tlen;
	char *s, *q, *text = item_text(bl, i, &tlen);

	/* A heading of plain text is already in the text buffer, ended by
	 * a NUL where its block separator would be (100 000 questions are
	 * 8 MB): neither its spans nor its text need to be read here, which
	 * were a cache miss each. */
	if (bl->items[i].flags & BLOCKS_PLAIN) {
		if (len != NULL)
			*len = (uint32_t)(text_end(bl, i, tlen) - 1 -
			                  bl->items[i].text_start);
		return text + bl->items[i].text_start;
	}
	for (k = 0; k < b->nspans; k++)
		n += b->spans[k].kind == SPAN_TEXT ? b->spans[k].len : 1;
	q = s = arena_alloc(a, n + 1);
	for (k = 0; k < b->nspans; k++) {
		if (b->spans[k].kind == SPAN_TEXT) {
			memcpy(q, text + b->spans[k].off, b->spans[k].len);
			q += b->spans[k].len;
		} else {
			*q++ = ' ';
		}
	}
	*q = '\0';
	if (len != NULL)
		*len = (uint32_t)(q - s);
	return s;
}

void
blocks_heading_to_body(struct blocks *bl, size_t i)
{
	size_t tlen;
	char *text = item_text(bl, i, &tlen);

	if (bl->items[i].flags & BLOCKS_PLAIN)
		text[text_end(bl, i, tlen) - 1] = '\n';
}

/* Shifts the offsets of spans and code under b by -base (recursion is
 * bounded by DOC_MAX_DEPTH). */
static void
rebase(const struct block *v, size_t n, uint32_t base)
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
			rebase(b->children, b->nchildren, base);
			break;
		default:
			break;
		}
	}
}

const char *
blocks_body(
    struct blocks *bl, size_t from, size_t to, struct arena *a, uint32_t *len)
{
	uint32_t base = bl->items[from].text_start, n1, n2;
	size_t tlen, split;
	char *text = item_text(bl, from, &tlen), *t;

	if (in_second(bl, to - 1) && !in_second(bl, from)) {
		/* an answer across the join (it was at a heading inside
		 * it): the two pieces joined, in the arena */
		split = bl->seam->nsplit;
		n1 = (uint32_t)(bl->tlen - base);
		n2 = to < bl->nitems ? bl->items[to].text_start
		                     : (uint32_t)bl->seam->t2len;
		t = arena_alloc(a, (size_t)n1 + n2 + 1);
		memcpy(t, bl->text + base, n1);
		memcpy(t + n1, bl->seam->text2, n2);
		t[n1 + n2] = '\0';
		rebase(bl->blk + from, split - from, base);
		rebase(bl->blk + split, to - split, (uint32_t)0 - n1);
		*len = n1 + n2;
		return t;
	}
	rebase(bl->blk + from, to - from, base);
	*len = (uint32_t)(to < bl->nitems &&
	                          in_second(bl, to) == in_second(bl, from)
	                      ? bl->items[to].text_start
	                      : tlen) -
	       base;
	return text + base;
}

void
blocks_set_lead(struct blocks *bl, size_t i)
{
	const struct block *b = &bl->blk[i];
	struct blocks_item *it = &bl->items[i];
	const char *t;
	size_t tlen;
	uint32_t c;

	if (b->kind == BLOCK_HEADING)
		return;
	it->lead = 0;
	it->flags &= (uint8_t)~BLOCKS_LEAD_STRONG;
	if (b->kind != BLOCK_PARA || b->nspans == 0 ||
	    b->spans[0].kind != SPAN_TEXT || b->spans[0].len == 0)
		return;
	t = item_text(bl, i, &tlen) + b->spans[0].off;
	utf8_decode(t, b->spans[0].len, &c);
	it->lead = (uint16_t)(c <= 0xFFFF ? c : 0xFFFF);
	if (b->spans[0].style & STYLE_STRONG)
		it->flags |= BLOCKS_LEAD_STRONG;
}

/* Reading and reshaping blocks ------------------------------------------- */

const struct block *
blocks_first_leaf(const struct blocks *bl, size_t i)
{
	const struct block *b = &bl->blk[i];
	int depth;

	for (depth = 0; depth <= DOC_MAX_DEPTH; depth++) {
		switch (b->kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			return b;
		case BLOCK_LIST:
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			if (b->nchildren == 0)
				return NULL;
			b = &b->children[0];
			break;
		default:
			return NULL;
		}
	}
	return NULL;
}

const char *
blocks_span_str(const struct blocks *bl, size_t i, const struct span *sp)
{
	size_t tlen;

	return item_text(bl, i, &tlen) + sp->off;
}

const char *
blocks_spans_text(const struct blocks *bl, size_t i, const struct span *sp,
    size_t from, size_t to, struct arena *a, uint32_t *len)
{
	size_t n = 0, k, tlen;
	const char *text = item_text(bl, i, &tlen);
	char *s, *q, *e;

	for (k = from; k < to; k++)
		n += sp[k].kind == SPAN_TEXT ? sp[k].len : 1;
	q = s = arena_alloc(a, n + 1);
	for (k = from; k < to; k++) {
		if (sp[k].kind == SPAN_TEXT) {
			memcpy(q, text + sp[k].off, sp[k].len);
			q += sp[k].len;
		} else {
			*q++ = ' ';
		}
	}
	e = q;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = '\0';
	q = s;
	while (*q == ' ' || *q == '\t')
		q++;
	if (len != NULL)
		*len = (uint32_t)(e - q);
	return q;
}

void
blocks_split_copy(const struct block *b, size_t k, struct block *q,
    struct block *a)
{
	size_t j;

	*q = *b;
	memset(a, 0, sizeof *a);
	a->kind = BLOCK_PARA;
	a->line = b->line;
	for (j = 0; j < k; j++)
		a->line += b->spans[j].kind != SPAN_TEXT;
	a->spans = b->spans + k;
	a->nspans = b->nspans - (uint32_t)k;
	q->nspans = (uint32_t)k;
	while (q->nspans > 0 && q->spans[q->nspans - 1].kind != SPAN_TEXT)
		q->nspans--;
}

/* Where the text of b starts, or 0 when it has none (recursion is bounded
 * by DOC_MAX_DEPTH). */
static int
first_off(const struct block *b, uint32_t *off)
{
	uint32_t c, k;

	switch (b->kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
		if (b->nspans == 0)
			return 0;
		*off = b->spans[0].off;
		return 1;
	case BLOCK_CODE:
		*off = b->code_off;
		return 1;
	case BLOCK_TABLE:
		for (c = 0; c < b->nrows * b->ncols; c++)
			if (b->cells[c].nspans > 0) {
				*off = b->cells[c].spans[0].off;
				return 1;
			}
		return 0;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		for (k = 0; k < b->nchildren; k++)
			if (first_off(&b->children[k], off))
				return 1;
		return 0;
	default:
		return 0;
	}
}

uint32_t
blocks_first_text(const struct block *b, uint32_t dflt)
{
	uint32_t off;

	return first_off(b, &off) ? off : dflt;
}

int
blocks_in_second(const struct blocks *bl, size_t i)
{
	return in_second(bl, i);
}

uint32_t
blocks_text_end(const struct blocks *bl, size_t i)
{
	size_t tlen;

	item_text(bl, i, &tlen);
	return (uint32_t)text_end(bl, i, tlen);
}

/* The list being built, last block first: the last n slots of the arrays
 * hold it. */
struct blocks_out {
	struct block *blk;
	struct blocks_item *items;
	size_t cap, n;
	size_t second; /* of the n, those whose text is in the second part */
	/* per old block i: how many blocks were put before its own
	 * (blocks_out_from()), so that anchors can follow their block */
	size_t *from, nold;
};

struct blocks_out *
blocks_out_new(const struct blocks *bl)
{
	struct blocks_out *o = xcalloc(1, sizeof *o);
	size_t k;

	o->cap = bl->nitems + bl->nitems / 4 + 16;
	o->blk = xreallocarray(NULL, o->cap, sizeof *o->blk);
	o->items = xreallocarray(NULL, o->cap, sizeof *o->items);
	o->nold = bl->nitems;
	o->from = xreallocarray(NULL, o->nold ? o->nold : 1, sizeof *o->from);
	for (k = 0; k < o->nold; k++)
		o->from[k] = SIZE_MAX;
	return o;
}

void
blocks_out_from(struct blocks_out *o, size_t i)
{
	if (i < o->nold)
		o->from[i] = o->n;
}

/* The anchors of old block i go to the first block made of it: with
 * before(i) the blocks put before i's own (those of the blocks after
 * it), that is n - before(i - 1) (0 for the first). */
static void
out_anchors(const struct blocks_out *o, struct blocks *bl)
{
	size_t k, i, after;

	for (k = 0; k < bl->nanchors; k++) {
		i = bl->anchors[k].item;
		if (i >= o->nold || i == 0) {
			bl->anchors[k].item = i >= o->nold ? (uint32_t)o->n : 0;
			continue;
		}
		after = o->from[i - 1];
		if (after == SIZE_MAX) /* not told: keep its place */
			continue;
		bl->anchors[k].item = (uint32_t)(o->n - after);
	}
}

size_t
blocks_out_put(struct blocks_out *o, const struct block *b,
    const struct blocks_item *it, int second)
{
	if (o->n == o->cap) {
		size_t cap = 2 * o->cap;
		struct block *nb = xreallocarray(NULL, cap, sizeof *nb);
		struct blocks_item *ni = xreallocarray(NULL, cap, sizeof *ni);

		memcpy(nb + cap - o->n, o->blk, o->n * sizeof *nb);
		memcpy(ni + cap - o->n, o->items, o->n * sizeof *ni);
		free(o->blk);
		free(o->items);
		o->blk = nb;
		o->items = ni;
		o->cap = cap;
	}
	o->n++;
	o->blk[o->cap - o->n] = *b;
	o->items[o->cap - o->n] = *it;
	o->second += second != 0;
	return o->n - 1;
}

void
blocks_out_finish(struct blocks_out *o, struct blocks *bl)
{
	size_t k;

	out_anchors(o, bl);
	memmove(o->blk, o->blk + o->cap - o->n, o->n * sizeof *o->blk);
	memmove(o->items, o->items + o->cap - o->n, o->n * sizeof *o->items);
	free(bl->blk);
	free(bl->items);
	bl->blk = o->blk;
	bl->items = o->items;
	bl->nitems = o->n;
	bl->itemscap = o->cap;
	if (bl->seam != NULL)
		bl->seam->nsplit = o->n - o->second;
	free(o->from);
	free(o);
	for (k = 0; k < bl->nitems; k++)
		blocks_set_lead(bl, k);
}

size_t
blocks_text_head(const struct blocks *bl, char *out, size_t max)
{
	size_t n = bl->tlen < max ? bl->tlen : max, m = 0;

	memcpy(out, bl->text, n);
	if (bl->seam != NULL && n < max) {
		m = bl->seam->t2len < max - n ? bl->seam->t2len : max - n;
		memcpy(out + n, bl->seam->text2, m);
	}
	return n + m;
}

void
blocks_shrink(struct blocks *bl)
{
	if (bl->tlen < bl->tcap)
		bl->text = xrealloc(bl->text, bl->tlen ? bl->tlen : 1);
	if (bl->seam != NULL)
		bl->seam->text2 = xrealloc(
		    bl->seam->text2, bl->seam->t2len ? bl->seam->t2len : 1);
	if (bl->blk != NULL && bl->nitems < bl->itemscap) {
		bl->blk = xreallocarray(
		    bl->blk, bl->nitems ? bl->nitems : 1, sizeof *bl->blk);
		bl->items = xreallocarray(
		    bl->items, bl->nitems ? bl->nitems : 1, sizeof *bl->items);
		bl->itemscap = bl->nitems ? bl->nitems : 1;
	}
}

void
blocks_give(struct blocks *bl, struct doc *d)
{
	if (bl->seam != NULL) {
		docload_own(d, bl->seam->text2);
		bl->seam->text2 = NULL;
	}
	if (bl->blk != NULL) {
		docload_own(d, bl->blk);
		bl->blk = NULL;
	}
	docload_own(d, bl->text);
	bl->text = NULL;
	blocks_free(bl);
}
