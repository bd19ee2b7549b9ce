/*
 * render_units.c - cutting a long answer into units laid out apart; see
 * render_units.h.  (render_units() itself is in render.c, beside the
 * block renderers it calls.)
 */
#include "render_units.h"

#include <stdlib.h>
#include <string.h>

#include "wrap.h"
#include "xalloc.h"

void
answer_units_free(struct answer_units *u)
{
	free(u->v);
	memset(u, 0, sizeof *u);
}

static struct answer_unit *
unit_push(struct answer_units *u, uint8_t kind, uint32_t block,
    uint32_t from, uint32_t to)
{
	struct answer_unit *x;

	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 16;
		u->v = xreallocarray(u->v, u->cap, sizeof *u->v);
	}
	x = &u->v[u->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->block = block;
	x->from = from;
	x->to = to;
	return x;
}

/* What block b weighs (render_units.h), or something above cap once it
 * is known to be more: a caller that only compares with cap stops early. */
static size_t
weight(const struct block *b, size_t cap, const char *code)
{
	size_t w = UNIT_NODE, i, n;

	switch (b->kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
		for (i = 0; i < b->nspans && w <= cap; i++)
			w += b->spans[i].kind == SPAN_HARDBREAK
			         ? UNIT_LINE
			         : b->spans[i].len + 1;
		break;
	case BLOCK_CODE:
		w += b->code_len;
		/* and its lines, counted only as far as they matter */
		if (w <= cap && code != NULL) {
			const char *s = code + b->code_off;

			for (i = 0; i < b->code_len && w <= cap; i++)
				if (s[i] == '\n')
					w += UNIT_LINE;
		}
		break;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		for (i = 0; i < b->nchildren && w <= cap; i++)
			w += weight(&b->children[i], cap - w, code);
		break;
	case BLOCK_TABLE:
		n = (size_t)b->nrows * b->ncols;
		for (i = 0; i < n && w <= cap; i++) {
			size_t k;

			w += UNIT_NODE;
			for (k = 0; k < b->cells[i].nspans; k++)
				w += b->cells[i].spans[k].len;
		}
		break;
	default:
		break;
	}
	return w;
}

int
answer_is_long(const struct entry *e)
{
	size_t w = 0, i;

	for (i = 0; i < e->nblocks && w <= UNIT_BYTES; i++)
		w += weight(&e->blocks[i], UNIT_BYTES - w, e->text);
	return w > UNIT_BYTES;
}

/* Children kids[0..n) of top-level block b in runs of about UNIT_BYTES
 * (kind UNIT_ITEMS or UNIT_KIDS); one heavy child is a run alone. */
static void
split_children(struct answer_units *u, uint8_t kind, uint32_t b,
    const struct block *kids, size_t n, const char *text)
{
	size_t start = 0, i, w = 0;

	for (i = 0; i < n; i++) {
		size_t wi = weight(&kids[i], UNIT_BYTES, text);

		if (i > start && w + wi > UNIT_BYTES) {
			unit_push(u, kind, b, (uint32_t)start, (uint32_t)i);
			start = i;
			w = 0;
		}
		w += wi;
	}
	if (n > start)
		unit_push(u, kind, b, (uint32_t)start, (uint32_t)n);
}

/*
 * A paragraph in pieces of about UNIT_BYTES of text.  A piece ends inside
 * a text span where a line may break (wrap_cut()), or before a line break
 * of the source when one comes late enough (a hard break is then the cut
 * itself, and left out).
 */
static void
split_para(const struct entry *e, struct answer_units *u, uint32_t b)
{
	const struct block *bl = &e->blocks[b];
	const struct span *sp = bl->spans;
	size_t n = bl->nspans, i, acc = 0;
	uint32_t s0 = 0, from = n > 0 ? sp[0].off : 0, last = from;
	struct answer_unit *x;

	for (i = 0; i < n; i++) {
		uint32_t pos, end;

		if (sp[i].kind != SPAN_TEXT) {
			if (acc >= UNIT_BYTES * 3 / 4) {
				x = unit_push(u, UNIT_TEXT, b, from, last);
				x->s0 = s0;
				x->s1 = (uint32_t)i;
				acc = 0;
				s0 = (uint32_t)(sp[i].kind == SPAN_HARDBREAK
				                    ? i + 1
				                    : i);
				from = last;
			} else {
				acc += sp[i].kind == SPAN_HARDBREAK ? UNIT_LINE
				                                    : 1;
			}
			continue;
		}
		pos = sp[i].off > from ? sp[i].off : from;
		end = sp[i].off + sp[i].len;
		while (acc + (end - pos) > UNIT_BYTES) {
			size_t target = pos + (UNIT_BYTES - acc);
			size_t cut = wrap_cut(e->text, end, pos, target);

			if (cut <= pos) {
				if (acc == 0) /* cannot happen: >= 4 bytes */
					break;
				cut = pos; /* end the piece before this span */
			}
			x = unit_push(u, UNIT_TEXT, b, from, (uint32_t)cut);
			x->s0 = s0;
			x->s1 = (uint32_t)(cut > sp[i].off ? i + 1 : i);
			s0 = (uint32_t)i;
			from = (uint32_t)cut;
			pos = (uint32_t)cut;
			acc = 0;
		}
		acc += end - pos;
		last = end;
	}
	if (s0 < n) {
		x = unit_push(u, UNIT_TEXT, b, from, last);
		x->s0 = s0;
		x->s1 = (uint32_t)n;
	}
}

/* A code block in pieces of whole lines of about UNIT_BYTES; a longer
 * line is cut where a cluster ends (the piece then continues: cont). */
static void
split_code(const struct entry *e, struct answer_units *u, uint32_t b)
{
	const struct block *bl = &e->blocks[b];
	const char *s = e->text + bl->code_off;
	size_t n = bl->code_len, pos = 0;

	while (pos < n) {
		size_t target = pos + UNIT_BYTES, k, cut, w = 0, nl = pos;
		struct answer_unit *x;

		/* whole lines while they weigh at most UNIT_BYTES, each
		 * line break UNIT_LINE more than its byte */
		for (k = pos; k < n && w <= UNIT_BYTES; k++) {
			w++;
			if (s[k] == '\n') {
				w += UNIT_LINE;
				if (w <= UNIT_BYTES)
					nl = k + 1;
			}
		}
		if (k >= n && w <= UNIT_BYTES) {
			unit_push(u, UNIT_CODE, b, (uint32_t)pos, (uint32_t)n);
			break;
		}
		if (nl == pos) {
			/* one line: whole when its bytes fit */
			const char *e1 = memchr(s + pos, '\n',
			    n - pos < UNIT_BYTES ? n - pos : UNIT_BYTES);

			if (e1 != NULL)
				nl = (size_t)(e1 - s) + 1;
		}
		if (nl > pos) {
			unit_push(u, UNIT_CODE, b, (uint32_t)pos, (uint32_t)nl);
			pos = nl;
			continue;
		}
		if (target > n)
			target = n;
		cut = wrap_cut(s, n, pos, target);
		if (cut <= pos)
			cut = target;
		x = unit_push(u, UNIT_CODE, b, (uint32_t)pos, (uint32_t)cut);
		x->cont = 1;
		pos = cut;
	}
}

void
answer_units_build(const struct entry *e, struct answer_units *u)
{
	size_t i, start = 0, w = 0;

	u->n = 0;
	for (i = 0; i < e->nblocks; i++) {
		const struct block *b = &e->blocks[i];
		size_t wi = weight(b, UNIT_BYTES, e->text);
		int split = wi > UNIT_BYTES &&
		            (b->kind == BLOCK_PARA || b->kind == BLOCK_CODE ||
		                b->kind == BLOCK_LIST || b->kind == BLOCK_QUOTE);

		if (i > start && (split || w + wi > UNIT_BYTES)) {
			unit_push(u, UNIT_BLOCKS, (uint32_t)start,
			    (uint32_t)start, (uint32_t)i);
			start = i;
			w = 0;
		}
		if (!split) {
			w += wi;
			continue;
		}
		if (b->kind == BLOCK_PARA)
			split_para(e, u, (uint32_t)i);
		else if (b->kind == BLOCK_CODE)
			split_code(e, u, (uint32_t)i);
		else
			split_children(u,
			    b->kind == BLOCK_LIST ? UNIT_ITEMS : UNIT_KIDS,
			    (uint32_t)i, b->children, b->nchildren, e->text);
		start = i + 1;
	}
	if (e->nblocks > start)
		unit_push(u, UNIT_BLOCKS, (uint32_t)start, (uint32_t)start,
		    (uint32_t)e->nblocks);
}

/* The first text offset inside block b, or UINT32_MAX for none. */
static uint32_t
block_offset(const struct block *b)
{
	uint32_t o = UINT32_MAX, x;
	size_t i;

	switch (b->kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
		return b->nspans > 0 ? b->spans[0].off : UINT32_MAX;
	case BLOCK_CODE:
		return b->code_off;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		for (i = 0; i < b->nchildren && o == UINT32_MAX; i++)
			o = block_offset(&b->children[i]);
		return o;
	case BLOCK_TABLE:
		for (i = 0; i < (size_t)b->nrows * b->ncols; i++)
			if (b->cells[i].nspans > 0) {
				x = b->cells[i].spans[0].off;
				return x;
			}
		return o;
	default:
		return o;
	}
}

/* The first text offset unit x shows, or UINT32_MAX for none. */
static uint32_t
unit_offset(const struct entry *e, const struct answer_unit *x)
{
	const struct block *b = &e->blocks[x->block];
	uint32_t o = UINT32_MAX;
	size_t i;

	switch (x->kind) {
	case UNIT_TEXT:
		return x->from;
	case UNIT_CODE:
		return b->code_off + x->from;
	case UNIT_ITEMS:
	case UNIT_KIDS:
		for (i = x->from; i < x->to && o == UINT32_MAX; i++)
			o = block_offset(&b->children[i]);
		return o;
	default:
		for (i = x->from; i < x->to && o == UINT32_MAX; i++)
			o = block_offset(&e->blocks[i]);
		return o;
	}
}

uint32_t
answer_unit_offset(
    const struct entry *e, const struct answer_units *u, size_t k)
{
	/* a unit without text (rules only) is where the next one starts */
	for (; k < u->n; k++) {
		uint32_t o = unit_offset(e, &u->v[k]);

		if (o != UINT32_MAX)
			return o;
	}
	return e->text_len;
}

/* The external links of spans sp[0..n), as flat_spans() numbers them. */
static void
links_of_spans(const struct span *sp, size_t n, struct link_notes *ln)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sp[i].kind == SPAN_TEXT && (sp[i].style & STYLE_LINK) &&
		    sp[i].href != NULL && sp[i].href[0] != '\0' &&
		    sp[i].href[0] != '#')
			link_notes_number(ln, sp[i].href);
}

static void
links_of_block(const struct block *b, struct link_notes *ln)
{
	size_t i, r;

	switch (b->kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
		links_of_spans(b->spans, b->nspans, ln);
		break;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		for (i = 0; i < b->nchildren; i++)
			links_of_block(&b->children[i], ln);
		break;
	case BLOCK_TABLE:
		/* render_table() measures the cells a column at a time */
		for (i = 0; i < b->ncols; i++)
			for (r = 0; r < b->nrows; r++) {
				const struct cell *c =
				    &b->cells[r * b->ncols + i];

				links_of_spans(c->spans, c->nspans, ln);
			}
		break;
	default:
		break;
	}
}

void
answer_links_collect(const struct entry *e, struct link_notes *ln)
{
	size_t i;

	for (i = 0; i < e->nblocks; i++)
		links_of_block(&e->blocks[i], ln);
}
