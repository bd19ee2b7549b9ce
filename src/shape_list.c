/*
 * shape_list.c - the list recogniser (shapeint.h): list items whose
 * first line is the question and whose rest (and the blocks after the
 * list, up to the next question) is the answer, as in
 *
 *	* What should I do if ...?
 *	  * You should back it up ...
 *
 *	1. Can I install it on ARM?
 *	   > No, ...
 *
 * and items in pairs, "- **Question:** ..." then "- **Answer:** ...".
 * A list is one of questions when half of its items certainly are
 * questions (they end with '?' or carry a Q label), or, in a part of the
 * file that names itself a FAQ, when each of its items has an answer
 * under it; then all its items are, but those with an A label.  A list
 * of links only is a table of contents, never questions.  Headings are
 * sections.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "shapeint.h"
#include "xalloc.h"

/*
 * The question of paragraph b under top-level block i: its lines up to
 * the first of its first three that ends with '?', else its first line.
 * *end is the span after it (b->nspans: all of it); *sure says whether a
 * '?' or a Q label was found.
 */
static const char *
para_question(struct shape *s, size_t i, const struct block *b,
    uint32_t *len, size_t *end, int *sure)
{
	size_t from, k, line, first = 0;
	const char *t;

	for (from = 0, line = 0; from < b->nspans && line < 3;
	     from = k + 1, line++) {
		for (k = from; k < b->nspans && b->spans[k].kind == SPAN_TEXT;
		     k++)
			;
		if (line == 0)
			first = k;
		t = blocks_spans_text(s->bl, i, b->spans, from, k, s->d->arena,
		    len);
		if (shape_ends_question(t, *len)) {
			*end = k;
			*sure = 1;
			return blocks_spans_text(s->bl, i, b->spans, 0, k,
			    s->d->arena, len);
		}
	}
	*end = first;
	t = blocks_spans_text(s->bl, i, b->spans, 0, first, s->d->arena, len);
	*sure = shape_q_label(t, *len) > 0;
	return t;
}

/*
 * Whether paragraph b under top-level block i certainly is a question,
 * read in place: a Q label, or one of its first three lines ends with
 * '?' (every list of a file is looked at; copies are for those chosen).
 */
static int
para_sure(struct shape *s, size_t i, const struct block *b)
{
	size_t k, line = 0;
	const struct span *last = NULL;

	if (b->nspans > 0 && b->spans[0].kind == SPAN_TEXT &&
	    shape_q_label(blocks_span_str(s->bl, i, &b->spans[0]),
	        b->spans[0].len) > 0)
		return 1;
	for (k = 0; k <= b->nspans && line < 3; k++) {
		if (k == b->nspans || b->spans[k].kind != SPAN_TEXT) {
			if (last != NULL &&
			    shape_ends_question(
			        blocks_span_str(s->bl, i, last), last->len))
				return 1;
			last = NULL;
			line++;
			continue;
		}
		last = &b->spans[k];
	}
	return 0;
}

/* The question of item it (an ITEM block) under top-level block i. */
static const char *
item_line(struct shape *s, size_t i, const struct block *it, uint32_t *len,
    int *sure)
{
	const struct block *b;
	size_t end;

	*sure = 0;
	if (it->nchildren == 0)
		return NULL;
	b = &it->children[0];
	if (b->kind == BLOCK_LIST || b->kind == BLOCK_QUOTE) {
		if (b->nchildren == 0)
			return NULL;
		b = &b->children[0];
	}
	if (b->kind != BLOCK_PARA && b->kind != BLOCK_HEADING)
		return NULL;
	if (len == NULL) {
		*sure = para_sure(s, i, b);
		return "";
	}
	return para_question(s, i, b, len, &end, sure);
}

/* Whether item it is one link and nothing else (a table of contents). */
static int
item_is_link(const struct block *it)
{
	const struct block *b;
	size_t k;

	if (it->nchildren != 1)
		return 0;
	b = &it->children[0];
	if (b->kind != BLOCK_PARA && b->kind != BLOCK_HEADING)
		return 0;
	for (k = 0; k < b->nspans; k++)
		if (b->spans[k].kind == SPAN_TEXT &&
		    !(b->spans[k].style & STYLE_LINK))
			return 0;
	return 1;
}

/* Whether top-level block i is a list of questions; *sure counts its
 * items that certainly are. */
static int
question_list(struct shape *s, size_t i, size_t *sure)
{
	const struct block *b = &s->bl->blk[i];
	size_t k, links = 0, answered = 0;
	const char *t;

	*sure = 0;
	if (b->kind != BLOCK_LIST || b->nchildren == 0)
		return 0;
	for (k = 0; k < b->nchildren; k++) {
		const struct block *it = &b->children[k];
		int q;

		t = item_line(s, i, it, NULL, &q);
		*sure += t != NULL && q;
		links += item_is_link(it);
		answered += it->nchildren > 1;
	}
	if (links == b->nchildren)
		return 0;
	if (*sure > 0 && 2 * *sure >= b->nchildren)
		return 1;
	if (!(s->mark[i] & MARK_FAQ))
		return 0;
	/* in a FAQ: most items have an answer under them, or one item
	 * alone has its answer after the list */
	if (2 * answered > b->nchildren)
		return 1;
	if (b->nchildren != 1 || i + 1 >= s->bl->nitems)
		return 0;
	k = s->bl->blk[i + 1].kind;
	return k == BLOCK_PARA || k == BLOCK_CODE || k == BLOCK_QUOTE;
}

static void
list_count(struct shape *s, struct shape_count *c)
{
	size_t i, sure;

	for (i = 0; i < s->bl->nitems; i++) {
		if (!question_list(s, i, &sure))
			continue;
		c->cand += s->bl->blk[i].nchildren;
		c->sure += sure;
	}
}

/* Where the questions are once the lists are unwrapped: counted from the
 * end of the block list, which reshaping before them does not move. */
struct marks {
	size_t *v, n, cap;
};

static void
mark(struct marks *m, size_t from_end)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->v = xreallocarray(m->v, m->cap, sizeof *m->v);
	}
	m->v[m->n++] = from_end;
}

/*
 * Puts the blocks of item it of list block i (second: its part of a
 * join) before those put so far, its first paragraph split after the
 * question; marks the question's place in qs.  *next is where the text
 * of the block after these starts.
 */
static void
put_item(struct shape *s, struct blocks_out *o, size_t i, int second,
    const struct block *it, uint32_t *next, struct marks *qs)
{
	struct blocks_item bi = s->bl->items[i];
	struct block b, q, ans;
	const char *t;
	uint32_t len;
	size_t c, lab, end;
	int sure;

	bi.xid = 0;
	bi.flags = 0;
	for (c = it->nchildren; c-- > 1;) {
		bi.text_start = blocks_first_text(&it->children[c], *next);
		blocks_out_put(o, &it->children[c], &bi, second);
		*next = bi.text_start;
	}
	if (it->nchildren == 0)
		return;
	b = it->children[0];
	bi.text_start = blocks_first_text(&b, *next);
	if (b.kind != BLOCK_PARA && b.kind != BLOCK_HEADING) {
		blocks_out_put(o, &b, &bi, second);
		*next = bi.text_start;
		return;
	}
	t = shape_first_line(s, i, &b, &len, &end);
	if (b.kind == BLOCK_PARA && (lab = shape_a_label(t, len)) > 0) {
		/* "- **Answer:** ...": the answer of the item before */
		shape_strip_label(s, i, &b, &bi, lab);
		blocks_out_put(o, &b, &bi, second);
		*next = bi.text_start;
		return;
	}
	(void)para_question(s, i, &b, &len, &end, &sure);
	if (b.kind == BLOCK_PARA && end + 1 < b.nspans) {
		struct blocks_item ai = bi;

		blocks_split_copy(&b, end + 1, &q, &ans);
		ai.text_start = blocks_first_text(&ans, *next);
		blocks_out_put(o, &ans, &ai, second);
		b = q;
	}
	mark(qs, blocks_out_put(o, &b, &bi, second));
	*next = bi.text_start;
}

/*
 * The list is built anew, last block first: a list of questions gives
 * way to its items' blocks, each item's first paragraph split after its
 * question.  Then every heading that was one before is a section, and
 * every question marked starts.
 */
static void
list_map(struct shape *s)
{
	struct blocks *bl = s->bl;
	const char *stack[7] = {NULL};
	struct marks qs = {NULL, 0, 0}, heads = {NULL, 0, 0};
	struct blocks_out *o;
	size_t i, k, n, sure, lab;
	const struct block *b;
	const char *t;
	uint32_t len, next;

	o = blocks_out_new(bl);
	for (i = bl->nitems; i-- > 0;) {
		int second = blocks_in_second(bl, i);

		blocks_out_from(o, i);
		if (bl->blk[i].kind == BLOCK_HEADING) {
			k = blocks_out_put(o, &bl->blk[i], &bl->items[i],
			    second);
			if (i != s->title)
				mark(&heads, k);
			continue;
		}
		if (!question_list(s, i, &sure)) {
			blocks_out_put(o, &bl->blk[i], &bl->items[i], second);
			continue;
		}
		next = blocks_text_end(bl, i);
		for (k = bl->blk[i].nchildren; k-- > 0;)
			put_item(s, o, i, second, &bl->blk[i].children[k],
			    &next, &qs);
	}
	blocks_out_finish(o, bl);
	shape_mark(s);
	/* both marks are counted from the end, in ascending order: their
	 * places, from the end of the lists, ascend */
	for (k = qs.n, n = heads.n; k > 0 || n > 0;) {
		size_t qi = k > 0 ? bl->nitems - 1 - qs.v[k - 1] : SIZE_MAX;
		size_t hi = n > 0 ? bl->nitems - 1 - heads.v[n - 1] : SIZE_MAX;

		if (hi < qi) {
			shape_heading_section(s, hi, stack);
			n--;
			continue;
		}
		k--;
		b = &bl->blk[qi];
		t = blocks_spans_text(
		    bl, qi, b->spans, 0, b->nspans, s->d->arena, &len);
		lab = shape_q_label(t, len);
		shape_question(s, qi, NULL, t + lab, len - (uint32_t)lab,
		    b->line, 1);
	}
	free(qs.v);
	free(heads.v);
}

const struct recogniser shape_list = {"list",
    "list items (* question, then its answer)", list_count, list_map};
