/*
 * plaintext.c - plain text to top-level blocks; see plaintext.h.
 *
 * One pass over the lines, after one that finds the file's usual indent
 * (the most common indent of its lines): deeper text is preformatted,
 * shallower short text over deeper text is a question heading.
 */
#include "plaintext.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define MAX_INDENT 64

struct pline {
	size_t off, len; /* the text after the indent, blanks at its end off */
	int indent;      /* columns, a tab to the next multiple of 8 */
};

struct pt {
	struct blocks *bl;
	struct arena *a;
	const char *s;
	struct pline *L;
	size_t n;
	size_t line0; /* the 0-based number of L[0] */
	int prose;    /* the usual indent */
	int emitted;  /* top-level blocks so far */
	int sections; /* level-2 headings so far */
	/* the list being filled: items of one marker in a row */
	struct block *items;
	size_t nitems, itemscap;
	char marker;
	uint32_t list_text, list_line;
	/* the last item's blocks, until the next item or the list's end */
	struct block *kids;
	size_t nkids, kidscap;
	int item_indent;
};

/* The last item takes its blocks. */
static void
item_close(struct pt *p)
{
	struct block *it;

	if (p->nitems == 0 || p->nkids == 0)
		return;
	it = &p->items[p->nitems - 1];
	it->children = arena_memdup(p->a, p->kids, p->nkids * sizeof *p->kids);
	it->nchildren = (uint32_t)p->nkids;
	p->nkids = 0;
}

static void
kid_add(struct pt *p, const struct block *b)
{
	if (p->nkids == p->kidscap) {
		p->kidscap = p->kidscap ? 2 * p->kidscap : 8;
		p->kids = xreallocarray(p->kids, p->kidscap, sizeof *p->kids);
	}
	p->kids[p->nkids++] = *b;
}

static void
text_put(struct blocks *bl, const char *s, size_t n)
{
	if (bl->tcap - bl->tlen < n) {
		size_t c = bl->tcap ? bl->tcap : 4096;

		while (c - bl->tlen < n)
			c += c / 2 + 4096;
		bl->text = xrealloc(bl->text, c);
		bl->tcap = c;
	}
	memcpy(bl->text + bl->tlen, s, n);
	bl->tlen += n;
}

static void
emit(struct pt *p, const struct block *b, uint32_t text_start, int col)
{
	struct blocks *bl = p->bl;
	struct blocks_item *it;

	if (bl->nitems == bl->itemscap) {
		bl->itemscap = bl->itemscap ? 2 * bl->itemscap : 64;
		bl->items = xreallocarray(bl->items, bl->itemscap,
		    sizeof *bl->items);
		bl->blk = xreallocarray(bl->blk, bl->itemscap, sizeof *bl->blk);
	}
	bl->blk[bl->nitems] = *b;
	it = &bl->items[bl->nitems++];
	memset(it, 0, sizeof *it);
	it->mark = MARK_NONE; /* plain text has no <summary>, no anchors */
	it->text_start = text_start;
	it->col = (uint16_t)col;
	blocks_set_lead(bl, bl->nitems - 1);
	p->emitted++;
}

static void
list_flush(struct pt *p)
{
	struct block b;

	if (p->nitems == 0)
		return;
	item_close(p);
	memset(&b, 0, sizeof b);
	b.kind = BLOCK_LIST;
	b.tight = 1;
	b.line = p->list_line;
	b.nchildren = (uint32_t)p->nitems;
	b.children = arena_memdup(p->a, p->items, p->nitems * sizeof *p->items);
	p->nitems = 0;
	p->marker = 0;
	emit(p, &b, p->list_text, 1);
}

/* Line tests -------------------------------------------------------------- */

static int
blank(const struct pt *p, size_t i)
{
	return p->L[i].len == 0;
}

/* A line of one character repeated, 3 times at least: its length, else 0. */
static size_t
rule(const struct pt *p, size_t i)
{
	const char *t = p->s + p->L[i].off;
	size_t k, n = p->L[i].len;

	if (n < 3 || strchr("-=*~_#+", t[0]) == NULL)
		return 0;
	for (k = 1; k < n; k++)
		if (t[k] != t[0])
			return 0;
	return n;
}

/* A list marker at the start of line i: its length with the blank. */
static size_t
bullet(const struct pt *p, size_t i)
{
	const char *t = p->s + p->L[i].off;
	size_t n = p->L[i].len;

	if (n >= 2 && strchr("-*+", t[0]) != NULL && t[1] == ' ')
		return 2;
	if (n >= 4 && memcmp(t, "\xe2\x80\xa2 ", 4) == 0) /* • */
		return 4;
	return 0;
}

/* Whether line i starts with a number and '.' or ')' ("1.", "2.3)"). */
static int
numbered(const struct pt *p, size_t i)
{
	const char *t = p->s + p->L[i].off;
	size_t k = 0, n = p->L[i].len;

	while (k < n && ((t[k] >= '0' && t[k] <= '9') || t[k] == '.'))
		k++;
	return k > 0 && t[0] >= '0' && t[0] <= '9' &&
	       (t[k - 1] == '.' || (k < n && t[k] == ')'));
}

/* Whether line i is "N. Title" (one number, no question mark) and line k
 * starts with "N.1" under it: a section heading by number. */
static int
sub_number(const struct pt *p, size_t i, size_t k)
{
	const char *a = p->s + p->L[i].off, *b = p->s + p->L[k].off;
	size_t n = p->L[i].len, m = p->L[k].len, d = 0;

	while (d < n && a[d] >= '0' && a[d] <= '9')
		d++;
	if (d == 0 || d + 1 >= n || a[d] != '.' || a[d + 1] != ' ' ||
	    a[n - 1] == '?')
		return 0;
	return m > d + 2 && memcmp(a, b, d + 1) == 0 && b[d + 1] >= '0' &&
	       b[d + 1] <= '9';
}

static int
deep(const struct pt *p, size_t i)
{
	return p->L[i].indent >= p->prose + 4;
}

/* Blocks ------------------------------------------------------------------ */

/* Lines [a, b) as spans, the first skip bytes of line a off; hard keeps
 * their breaks. */
static const struct span *
line_spans(struct pt *p, size_t a, size_t b, size_t skip, int hard,
    uint32_t *nspans)
{
	struct span *v = arena_alloc(p->a, 2 * (b - a) * sizeof *v);
	size_t i, k = 0;

	for (i = a; i < b; i++) {
		size_t off = p->L[i].off, len = p->L[i].len;

		if (i == a) {
			off += skip;
			len -= skip;
		}
		if (i > a) {
			memset(&v[k], 0, sizeof v[k]);
			v[k].off = (uint32_t)p->bl->tlen;
			v[k++].kind = hard ? SPAN_HARDBREAK : SPAN_SOFTBREAK;
		}
		memset(&v[k], 0, sizeof v[k]);
		v[k].off = (uint32_t)p->bl->tlen;
		v[k].len = (uint32_t)len;
		v[k++].kind = SPAN_TEXT;
		text_put(p->bl, p->s + off, len);
	}
	*nspans = (uint32_t)k;
	return v;
}

static void
para(struct pt *p, size_t a, size_t b, int heading, int hard)
{
	struct block blk;
	uint32_t start;

	list_flush(p);
	memset(&blk, 0, sizeof blk);
	start = (uint32_t)p->bl->tlen;
	blk.kind = heading ? BLOCK_HEADING : BLOCK_PARA;
	blk.level = (uint8_t)heading;
	blk.line = (uint32_t)(p->line0 + a + 1);
	blk.spans = line_spans(p, a, b, 0, hard, &blk.nspans);
	text_put(p->bl, "\n", 1);
	emit(p, &blk, start, p->L[a].indent + 1);
}

static void
item(struct pt *p, size_t a, size_t b, size_t skip)
{
	struct block it, pb;
	char m = p->s[p->L[a].off];

	if (p->nitems > 0 && m != p->marker)
		list_flush(p);
	item_close(p);
	if (p->nitems == 0) {
		p->list_text = (uint32_t)p->bl->tlen;
		p->list_line = (uint32_t)(p->line0 + a + 1);
		p->marker = m;
	}
	memset(&pb, 0, sizeof pb);
	pb.kind = BLOCK_PARA;
	pb.line = (uint32_t)(p->line0 + a + 1);
	pb.spans = line_spans(p, a, b, skip, 0, &pb.nspans);
	text_put(p->bl, "\n", 1);
	kid_add(p, &pb);
	memset(&it, 0, sizeof it);
	it.kind = BLOCK_ITEM;
	it.line = pb.line;
	if (p->nitems == p->itemscap) {
		p->itemscap = p->itemscap ? 2 * p->itemscap : 8;
		p->items =
		    xreallocarray(p->items, p->itemscap, sizeof *p->items);
	}
	p->items[p->nitems++] = it;
	p->item_indent = p->L[a].indent;
}

/* A paragraph indented under the open item, after a blank line: the
 * item's. */
static void
item_para(struct pt *p, size_t a, size_t b)
{
	struct block pb;

	memset(&pb, 0, sizeof pb);
	pb.kind = BLOCK_PARA;
	pb.line = (uint32_t)(p->line0 + a + 1);
	pb.spans = line_spans(p, a, b, 0, 0, &pb.nspans);
	text_put(p->bl, "\n", 1);
	kid_add(p, &pb);
}

/* Lines [a, b) as they are, less their common indent. */
static void
code(struct pt *p, size_t a, size_t b)
{
	struct block blk;
	uint32_t start;
	size_t i;
	int min = MAX_INDENT, k;

	list_flush(p);
	for (i = a; i < b; i++)
		if (!blank(p, i) && p->L[i].indent < min)
			min = p->L[i].indent;
	memset(&blk, 0, sizeof blk);
	start = (uint32_t)p->bl->tlen;
	blk.kind = BLOCK_CODE;
	blk.line = (uint32_t)(p->line0 + a + 1);
	blk.code_off = start;
	for (i = a; i < b; i++) {
		for (k = min; k < p->L[i].indent && !blank(p, i); k++)
			text_put(p->bl, " ", 1);
		text_put(p->bl, p->s + p->L[i].off, p->L[i].len);
		text_put(p->bl, "\n", 1);
	}
	blk.code_len = (uint32_t)(p->bl->tlen - start);
	text_put(p->bl, "\n", 1);
	emit(p, &blk, start, 1);
}

static void
hr(struct pt *p, size_t i)
{
	struct block blk;

	list_flush(p);
	memset(&blk, 0, sizeof blk);
	blk.kind = BLOCK_HR;
	blk.line = (uint32_t)(p->line0 + i + 1);
	emit(p, &blk, (uint32_t)p->bl->tlen, 1);
}

/* The reader --------------------------------------------------------------- */

static void
split_lines(struct pt *p, const char *s, size_t from, size_t n)
{
	size_t i = from, e, cap = 0, k;
	int ind;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);

		e = nl != NULL ? (size_t)(nl - s) : n;
		for (k = i, ind = 0; k < e && (s[k] == ' ' || s[k] == '\t');
		     k++)
			ind = s[k] == '\t' ? (ind / 8 + 1) * 8 : ind + 1;
		if (p->n == cap) {
			cap = cap ? 2 * cap : 256;
			p->L = xreallocarray(p->L, cap, sizeof *p->L);
		}
		p->L[p->n].off = k;
		while (e > k && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
		                    s[e - 1] == '\r'))
			e--;
		p->L[p->n].len = e - k;
		p->L[p->n].indent = ind < MAX_INDENT ? ind : MAX_INDENT;
		p->n++;
		i = nl != NULL ? (size_t)(nl - s) + 1 : n;
	}
}

static int
usual_indent(const struct pt *p)
{
	size_t count[MAX_INDENT + 1] = {0}, i;
	int k, best = 0;

	for (i = 0; i < p->n; i++)
		if (!blank(p, i) && !rule(p, i) && !bullet(p, i))
			count[p->L[i].indent]++;
	for (k = 1; k <= 16; k++)
		if (count[k] > count[best])
			best = k;
	return best;
}

/* The next line from i on that is not blank, or p->n. */
static size_t
next_text(const struct pt *p, size_t i)
{
	while (i < p->n && blank(p, i))
		i++;
	return i;
}

void
plaintext_read(struct blocks *bl, struct arena *a, const char *s, size_t n,
    size_t from, size_t line)
{
	struct pt p;
	size_t i, j, k, r, last;

	memset(&p, 0, sizeof p);
	blocks_init(bl);
	p.bl = bl;
	p.a = a;
	p.s = s;
	p.line0 = line;
	split_lines(&p, s, from, n);
	p.prose = usual_indent(&p);
	i = next_text(&p, 0);
	while (i < p.n) {
		if (rule(&p, i)) {
			hr(&p, i);
			i = next_text(&p, i + 1);
			continue;
		}
		if (deep(&p, i) && !(p.emitted == 0 && p.nitems == 0)) {
			/* deeper lines, with the blank lines between them */
			for (j = i, last = i; j < p.n; j++) {
				if (blank(&p, j))
					continue;
				if (!deep(&p, j))
					break;
				last = j;
			}
			code(&p, i, last + 1);
			i = next_text(&p, last + 1);
			continue;
		}
		/* a paragraph: up to a blank line, a rule, deeper text or
		 * the next list item */
		for (j = i + 1; j < p.n && !blank(&p, j) && !rule(&p, j) &&
		                !bullet(&p, j) && !deep(&p, j);
		     j++)
			;
		last = j - 1;
		r = j < p.n ? rule(&p, j) : 0;
		k = next_text(&p, j);
		if (r > 0 && j - i <= 2 && strchr("=-~", p.s[p.L[j].off]) &&
		    ((r + 3 >= p.L[last].len && r <= p.L[last].len + 3) ||
		        (i > 0 && rule(&p, i - 1)))) {
			/* underlined, or between two rules */
			p.sections += p.emitted > 0;
			para(&p, i, j, p.emitted == 0 ? 1 : 2, 0);
			i = next_text(&p, j + 1);
			continue;
		}
		if (bullet(&p, i)) {
			item(&p, i, j, bullet(&p, i));
			i = k;
			continue;
		}
		if (p.nitems > 0 && p.L[i].indent > p.item_indent) {
			item_para(&p, i, j);
			i = k;
			continue;
		}
		if (p.emitted == 0 && p.nitems == 0 && j == i + 1 &&
		    (j == p.n || blank(&p, j)) &&
		    p.s[p.L[i].off + p.L[i].len - 1] != '?' &&
		    !numbered(&p, i)) {
			para(&p, i, j, 1, 0); /* the title */
			i = k;
			continue;
		}
		if (j == i + 1 && k < p.n && sub_number(&p, i, k)) {
			/* "2. Building" over "2.1. When ...": a section */
			p.sections++;
			para(&p, i, j, 2, 0);
			i = k;
			continue;
		}
		if (p.prose > 0 && j - i <= 3 && p.L[i].indent < p.prose &&
		    k < p.n && p.L[k].indent > p.L[i].indent &&
		    p.L[k].indent >= p.prose && !rule(&p, k)) {
			/* a question over its answer: under the sections
			 * there are, else under the title */
			para(&p, i, j, p.sections ? 3 : 2, 0);
			i = k;
			continue;
		}
		para(&p, i, j, 0,
		    j - i >= 2 && numbered(&p, i + 1) &&
		        (numbered(&p, i) || j - i >= 3));
		i = k;
	}
	list_flush(&p);
	free(p.items);
	free(p.kids);
	free(p.L);
}
