/*
 * shape_para.c - the recognisers of question paragraphs (shapeint.h):
 *
 *	qa	a paragraph that starts with a Q label ("Q:", "Q.", "Q1:",
 *		"Question:", "質問：", "Ｑ．", "問", bold or not); the answer
 *		is on its next line (after an A label) or in the blocks
 *		after it, an A label taken off;
 *	bold	a paragraph whose first line is all bold ("**How do I
 *		...?**", "**Q: ...**");
 *	numbered a paragraph that starts with a question number ("Q1.",
 *		"1.1", "A1)"; "1." is a list in Markdown, a paragraph in
 *		plain text): its lines up to the one ending with '?';
 *	quote	a quoted paragraph of a few lines ("> Can I ...?");
 *	rule	the paragraph after each rule, in a file of entries
 *		between rules.
 *
 * In all of them the headings are sections, never questions.  A
 * question of the bold and quote shapes that does not end with '?' is
 * one only in a part of the file that names itself a FAQ.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "shapeint.h"

/* What a paragraph that starts a question holds. */
struct para_q {
	const char *q; /* the question, labels off */
	uint32_t len;
	size_t split; /* the span its answer starts at in the block, or 0 */
	int sure;     /* it certainly is a question */
};

const char *
shape_first_line(struct shape *s, size_t i, const struct block *b,
    uint32_t *len, size_t *next)
{
	size_t k;

	for (k = 0; k < b->nspans && b->spans[k].kind == SPAN_TEXT; k++)
		;
	*next = k < b->nspans ? k + 1 : k;
	return blocks_spans_text(s->bl, i, b->spans, 0, k, s->d->arena, len);
}

void
shape_strip_label(struct shape *s, size_t i, struct block *b,
    struct blocks_item *it, size_t n)
{
	struct span *sp;
	const char *t;

	while (b->nspans > 0) {
		sp = (struct span *)&b->spans[0];
		if (sp->kind != SPAN_TEXT) {
			if (n > 0)
				break;
			b->spans++;
			b->nspans--;
			continue;
		}
		if (n >= sp->len) {
			n -= sp->len;
			b->spans++;
			b->nspans--;
			continue;
		}
		sp->off += (uint32_t)n;
		sp->len -= (uint32_t)n;
		n = 0;
		t = blocks_span_str(s->bl, i, sp);
		while (sp->len > 0 && (*t == ' ' || *t == '\t')) {
			t++;
			sp->off++;
			sp->len--;
		}
		if (sp->len > 0)
			break;
		b->spans++;
		b->nspans--;
	}
	if (it != NULL && b->nspans > 0)
		it->text_start = b->spans[0].off;
}

/* Whether every text span of b in [0, to) that is not blank is bold. */
static int
all_bold(struct shape *s, size_t i, const struct block *b, size_t to)
{
	size_t k, j;
	const char *t;
	int any = 0;

	for (k = 0; k < to; k++) {
		if (b->spans[k].kind != SPAN_TEXT)
			continue;
		if (b->spans[k].style & STYLE_STRONG) {
			any = 1;
			continue;
		}
		t = blocks_span_str(s->bl, i, &b->spans[k]);
		for (j = 0; j < b->spans[k].len; j++)
			if (t[j] != ' ' && t[j] != '\t')
				return 0;
	}
	return any;
}

/* The bytes of the first span of leaf b under block i when it is text,
 * else NULL: a look at a paragraph before its text is copied (every
 * paragraph of a file is looked at by every recogniser). */
static const char *
lead(struct shape *s, size_t i, const struct block *b, size_t *n)
{
	if (b->nspans == 0 || b->spans[0].kind != SPAN_TEXT)
		return NULL;
	*n = b->spans[0].len;
	return blocks_span_str(s->bl, i, &b->spans[0]);
}

/* Q label paragraphs ----------------------------------------------------- */

static int
qa_para(struct shape *s, size_t i, struct para_q *pq)
{
	const struct block *b = &s->bl->blk[i];
	const char *t;
	uint32_t len;
	size_t next, lab, k, from;

	if (!(s->mark[i] & MARK_Q) || (t = lead(s, i, b, &next)) == NULL ||
	    shape_q_label(t, next) == 0)
		return 0;
	t = shape_first_line(s, i, b, &len, &next);
	if ((lab = shape_q_label(t, len)) == 0)
		return 0;
	/* the answer starts at the first line with an A label */
	pq->split = 0;
	for (from = next; from < b->nspans; from = k + 1) {
		for (k = from; k < b->nspans && b->spans[k].kind == SPAN_TEXT;
		     k++)
			;
		t = blocks_spans_text(
		    s->bl, i, b->spans, from, k, s->d->arena, &len);
		if (shape_a_label(t, len) > 0) {
			pq->split = from;
			break;
		}
	}
	t = blocks_spans_text(s->bl, i, b->spans, 0,
	    pq->split ? pq->split : b->nspans, s->d->arena, &len);
	lab = shape_q_label(t, len);
	pq->q = t + lab;
	pq->len = len - (uint32_t)lab;
	pq->sure = 1;
	return 1;
}

/* Bold, numbered and quoted questions ---------------------------------- */

static int
bold_para(struct shape *s, size_t i, struct para_q *pq)
{
	const struct block *b = &s->bl->blk[i];
	size_t next, lab;
	uint32_t len;
	const char *t;

	if (!(s->mark[i] & MARK_STRONG))
		return 0;
	t = shape_first_line(s, i, b, &len, &next);
	if (len == 0 || len > 400)
		return 0;
	if (!all_bold(s, i, b, next < b->nspans ? next - 1 : b->nspans))
		return 0;
	lab = shape_q_label(t, len);
	pq->sure = lab > 0 || shape_ends_question(t, len);
	if (!pq->sure && !(s->mark[i] & MARK_FAQ))
		return 0;
	pq->q = t + lab;
	pq->len = len - (uint32_t)lab;
	pq->split = next < b->nspans ? next : 0;
	return 1;
}

static int
numbered_para(struct shape *s, size_t i, struct para_q *pq)
{
	const struct block *b = &s->bl->blk[i];
	size_t next, k, from, line, end = 0;
	uint32_t len;
	const char *t;

	if (!(s->mark[i] & MARK_NUM) || (t = lead(s, i, b, &next)) == NULL ||
	    shape_number(t, next) == 0)
		return 0;
	t = shape_first_line(s, i, b, &len, &next);
	if (shape_number(t, len) == 0)
		return 0;
	/* the question runs to the first of its first three lines that
	 * ends with '?'; without one, a paragraph of three lines at most
	 * is the question, else its first line */
	pq->sure = 0;
	for (from = 0, line = 0; from < b->nspans && line < 3;
	     from = k + 1, line++) {
		for (k = from; k < b->nspans && b->spans[k].kind == SPAN_TEXT;
		     k++)
			;
		t = blocks_spans_text(
		    s->bl, i, b->spans, from, k, s->d->arena, &len);
		if (line == 1 && shape_number(t, len) > 0)
			return 0; /* numbered lines: a table of contents */
		if (shape_ends_question(t, len)) {
			end = k;
			pq->sure = 1;
			break;
		}
	}
	if (!pq->sure)
		end = from >= b->nspans ? b->nspans : next - 1;
	pq->q = blocks_spans_text(s->bl, i, b->spans, 0, end, s->d->arena,
	    &pq->len);
	pq->split = end + 1 < b->nspans ? end + 1 : 0;
	return 1;
}

static int
quote_para(struct shape *s, size_t i, struct para_q *pq)
{
	const struct block *b = &s->bl->blk[i], *p;
	size_t k, lines = 1;

	if (b->kind != BLOCK_QUOTE || b->nchildren != 1 ||
	    b->children[0].kind != BLOCK_PARA ||
	    s->bl->items[i].mark == MARK_ADMONITION)
		return 0;
	if (i + 1 < s->bl->nitems && s->bl->blk[i + 1].kind == BLOCK_QUOTE)
		return 0;
	p = &b->children[0];
	for (k = 0; k < p->nspans; k++)
		lines += p->spans[k].kind != SPAN_TEXT;
	if (lines > 3 || p->nspans == 0)
		return 0;
	/* in place first: the copy is for the ones that are questions */
	k = p->nspans - 1;
	pq->sure = p->spans[k].kind == SPAN_TEXT &&
	           shape_ends_question(blocks_span_str(s->bl, i, &p->spans[k]),
	               p->spans[k].len);
	if (!pq->sure && !(s->mark[i] & MARK_FAQ))
		return 0;
	pq->q = blocks_spans_text(
	    s->bl, i, p->spans, 0, p->nspans, s->d->arena, &pq->len);
	pq->sure = shape_ends_question(pq->q, pq->len);
	pq->split = 0;
	return 1;
}

/* The first paragraph after a rule, in a file of entries between rules
 * (a problem statement over its explanation, as in ncurses' FAQ). */
static int
rule_para(struct shape *s, size_t i, struct para_q *pq)
{
	const struct block *b = &s->bl->blk[i];
	size_t k, lines = 1;

	if (b->kind != BLOCK_PARA || i == 0 ||
	    s->bl->blk[i - 1].kind != BLOCK_HR)
		return 0;
	for (k = 0; k < b->nspans; k++)
		lines += b->spans[k].kind != SPAN_TEXT;
	if (lines > 3 || i + 1 >= s->bl->nitems ||
	    s->bl->blk[i + 1].kind == BLOCK_HR)
		return 0;
	pq->q = blocks_spans_text(
	    s->bl, i, b->spans, 0, b->nspans, s->d->arena, &pq->len);
	pq->sure = shape_ends_question(pq->q, pq->len);
	if (!pq->sure && !(s->mark[i] & MARK_FAQ))
		return 0;
	pq->split = 0;
	return 1;
}

/* The map and count every paragraph shape shares -------------------------- */

typedef int (*para_test)(struct shape *s, size_t i, struct para_q *pq);

static void
para_count(struct shape *s, struct shape_count *c, para_test test)
{
	struct para_q pq;
	size_t i;

	for (i = 0; i < s->bl->nitems; i++) {
		if (s->bl->blk[i].kind == BLOCK_HEADING ||
		    s->bl->blk[i].kind == BLOCK_CODE || !test(s, i, &pq))
			continue;
		c->cand++;
		c->sure += pq.sure != 0;
	}
}

/* Takes an A label off the start of answer paragraph b (from block i). */
static void
a_label(struct shape *s, size_t i, struct block *b, struct blocks_item *it)
{
	const char *t;
	uint32_t len;
	size_t next, lab;

	if (b->kind != BLOCK_PARA)
		return;
	t = shape_first_line(s, i, b, &len, &next);
	if ((lab = shape_a_label(t, len)) > 0)
		shape_strip_label(s, i, b, it, lab);
}

/*
 * First the paragraphs that hold their answer are split after the
 * question and A labels come off, then the questions start: every
 * heading above them is a section.
 */
static void
para_map(struct shape *s, para_test test)
{
	struct blocks *bl = s->bl;
	const char *stack[7] = {NULL};
	struct blocks_out *o;
	struct para_q pq;
	size_t i;

	/* the list built anew, last block first: a paragraph that holds
	 * its answer in two, an A label off the answer */
	o = blocks_out_new(bl);
	for (i = bl->nitems; i-- > 0;) {
		struct block b = bl->blk[i], q, ans;
		struct blocks_item it = bl->items[i], ait;
		int second = blocks_in_second(bl, i);

		blocks_out_from(o, i);
		if (b.kind != BLOCK_HEADING && test(s, i, &pq) &&
		    pq.split > 0) {
			blocks_split_copy(&b, pq.split, &q, &ans);
			ait = it;
			ait.xid = 0;
			ait.mark = MARK_NONE;
			ait.text_start = blocks_first_text(&ans, it.text_start);
			a_label(s, i, &ans, &ait);
			blocks_out_put(o, &ans, &ait, second);
			blocks_out_put(o, &q, &it, second);
			continue;
		}
		if ((s->mark[i] & MARK_A) && i > 0 &&
		    bl->blk[i - 1].kind != BLOCK_HEADING &&
		    test(s, i - 1, &pq) && pq.split == 0)
			a_label(s, i, &b, &it);
		blocks_out_put(o, &b, &it, second);
	}
	blocks_out_finish(o, bl);
	shape_mark(s);
	for (i = 0; i < bl->nitems; i++) {
		if (i == s->title)
			continue;
		if (bl->blk[i].kind == BLOCK_HEADING) {
			shape_heading_section(s, i, stack);
			continue;
		}
		if (test(s, i, &pq))
			shape_question(
			    s, i, NULL, pq.q, pq.len, bl->blk[i].line, 1);
	}
}

static void
qa_count(struct shape *s, struct shape_count *c)
{
	para_count(s, c, qa_para);
}

static void
qa_map(struct shape *s)
{
	s->share = 1;
	para_map(s, qa_para);
}

static void
bold_count(struct shape *s, struct shape_count *c)
{
	para_count(s, c, bold_para);
}

static void
bold_map(struct shape *s)
{
	para_map(s, bold_para);
}

static void
numbered_count(struct shape *s, struct shape_count *c)
{
	para_count(s, c, numbered_para);
}

static void
numbered_map(struct shape *s)
{
	para_map(s, numbered_para);
}

static void
quote_count(struct shape *s, struct shape_count *c)
{
	para_count(s, c, quote_para);
}

static void
quote_map(struct shape *s)
{
	para_map(s, quote_para);
}

static void
rule_count(struct shape *s, struct shape_count *c)
{
	para_count(s, c, rule_para);
}

static void
rule_map(struct shape *s)
{
	para_map(s, rule_para);
}

const struct recogniser shape_rule = {"rule",
    "a paragraph after each rule (----, ****)", rule_count, rule_map};
const struct recogniser shape_qa = {"qa",
    "Q:/A: paragraphs (Q., Question:, 質問：, Ｑ．, 問 ...)", qa_count,
    qa_map};
const struct recogniser shape_bold = {
    "bold", "bold question paragraphs", bold_count, bold_map};
const struct recogniser shape_numbered = {"numbered",
    "numbered question paragraphs (1.1, Q1., A1))", numbered_count,
    numbered_map};
const struct recogniser shape_quote = {
    "quote", "quoted questions (> ...)", quote_count, quote_map};
