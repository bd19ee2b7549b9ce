/*
 * render.c - answer blocks and plain strings to styled lines; see render.h.
 *
 * Every block is flattened into one buffer of display text with an
 * attribute per byte (styles, highlights), wrapped by wrap.h, and each
 * line is emitted behind the current prefix: the chrome of the enclosing
 * quotes and list items (a hanging indent), which render_block() extends
 * on the way down and truncates on the way back.
 */
#include "render.h"
#include "render_line.h"
#include "render_units.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "width.h"
#include "wrap.h"
#include "xalloc.h"

/* --- blocks -------------------------------------------------------------- */

static void render_blocks(
    struct ctx *c, const struct block *b, size_t n, int tight);

/*
 * A paragraph longer than the line budget is first copied at 4 bytes a
 * column, a quarter of what the budget allows (ctx.flat_max): copying a
 * one-word answer's 2.6 MB at 80 columns, with an attribute a byte, cost
 * more than the 2000 lines shown, at every layout.  Only text with more
 * marks and joiners than that does not fill the budget from it, and is
 * copied again with the whole allowance.
 */
static void
render_para(struct ctx *c, const struct block *b, uint16_t base)
{
	size_t fm = c->flat_max;
	int cut = c->cut, wrapped = 0;

	if (fm != 0)
		c->flat_max = fm / 4;
	flat_clear(&c->fl);
	flat_spans(c, &c->fl, b->spans, b->nspans, base, 1);
	if (fm != 0 && c->cut && !cut) {
		wrapped = 1;
		if (flat_wrap(c, &c->fl) < ctx_budget(c)) {
			c->cut = cut;
			c->flat_max = fm;
			flat_clear(&c->fl);
			flat_spans(c, &c->fl, b->spans, b->nspans, base, 1);
			wrapped = 0;
		}
	}
	c->flat_max = fm;
	if (!wrapped)
		flat_wrap(c, &c->fl);
	emit_wrap_lines(c, &c->fl);
}

/*
 * Code: tabs to 8-column stops, then hard-wrapped with a visible mark.
 * Bytes [from, to) of the block (a piece of a long one, render_units.h);
 * cont: the piece ends inside a line, whose last piece gets the mark too.
 */
static void
render_code_range(struct ctx *c, const struct block *b, uint32_t from,
    uint32_t to, int cont)
{
	const struct chrome *ch = ctx_chrome(c);
	uint32_t base = b->code_off + from;
	const char *s = c->src + base;
	size_t n = to - from, ls = 0, le, i, k;

	int avail = ctx_avail(c), mw = ctx_width(c, ch->cont);
	int col, piece, mark;
	uint16_t attr = AT_CODE;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	/* A mark needs room for at least one column of code beside it. */
	mark = avail > mw;
	piece = mark ? avail - mw : avail;
	while (ls <= n) {
		for (le = ls; le < n && s[le] != '\n'; le++)
			;
		flat_clear(&c->fl);
		col = 0;
		for (i = ls; i < le; i = k) {
			size_t at = c->fl.len, m;

			k = i;
			if (s[i] == '\t') {
				/* One source byte, several cells: the
				 * highlight covers them all. */
				int sp = TAB_STOP - col % TAB_STOP;

				k++;
				col += sp;
				while (sp-- > 0)
					flat_byte(&c->fl, ' ', attr);
				if (hl_covers(c, base + i))
					for (m = at; m < c->fl.len; m++)
						c->fl.attr[m] |= AT_HIGHLIGHT;
				continue;
			}
			col +=
			    width_char(utf8_next(s, le, &k), c->o->ambiguous);
			for (m = i; m < k; m++)
				flat_byte(&c->fl, s[m], attr);
			flat_highlight(c, &c->fl, at, (uint32_t)(base + i), k - i);
		}
		c->wl.max = ctx_budget(c);
		/* the last piece of a line that goes on in the next unit
		 * keeps room for the mark too */
		wrap_hard(c->fl.s, c->fl.len, piece,
		    cont && le >= n ? piece : avail, c->o->ambiguous, &c->wl);
		for (i = 0; i < c->wl.n; i++) {
			int more = (i + 1 < c->wl.n || (cont && le >= n)) &&
			           mark;
			struct sline *l =
			    ctx_line(c, 0, c->wl.v[i].width + (more ? mw : 0));

			emit_slice(c, l, &c->fl, c->wl.v[i].start,
			    c->wl.v[i].end, c->wl.v[i].width);
			if (more)
				sline_append(l, ch->cont, strlen(ch->cont),
				    AT_CHROME, mw);
		}
		if (le >= n)
			break;
		ls = le + 1;
	}
}

static void
render_code(struct ctx *c, const struct block *b)
{
	render_code_range(c, b, 0, b->code_len, 0);
}

static void
render_hr(struct ctx *c)
{
	const struct chrome *ch = ctx_chrome(c);
	struct sline *l = ctx_line(c, 0, 0);
	int w = ctx_width(c, ch->hr), avail = ctx_avail(c), i;

	for (i = 0; i + w <= avail; i += w)
		sline_append(l, ch->hr, strlen(ch->hr), AT_CHROME, w);
}

static void
with_prefix(struct ctx *c, const char *s1, int w1, const char *s2, int w2,
    const struct block *kids, size_t nkids, int tight)
{
	size_t rlen = c->rest.len;
	int rw = c->rest.w;
	size_t before = c->out->n;

	if (!c->pending)
		prefix_set(&c->first, c->rest.s, c->rest.len, c->rest.w);
	prefix_add(&c->first, s1, strlen(s1), w1);
	prefix_add(&c->rest, s2, strlen(s2), w2);
	c->pending = 1;
	render_blocks(c, kids, nkids, tight);
	if (c->pending || c->out->n == before) {
		/* Nothing inside: the marker or bar still shows. */
		(void)ctx_line(c, 1, 0);
	}
	c->rest.len = rlen;
	c->rest.w = rw;
	if (c->rest.s != NULL)
		c->rest.s[rlen] = '\0';
}

/*
 * The number a bullet item writes itself, as in "- 2.「編集」をクリック
 * します。" (steps copied from a web page, where the number is text): the
 * bytes of "2." (or "2)") and of one space after it, or 0; *digits says
 * how many digits.  "3.5 GB" is not a number of this kind.
 */
static size_t
self_number(const struct ctx *c, const struct block *item, unsigned long *num,
    size_t *digits)
{
	const struct block *p;
	const char *s;
	size_t i = 0, n;
	unsigned long v = 0;

	if (item->nchildren == 0 || item->children[0].kind != BLOCK_PARA)
		return 0;
	p = &item->children[0];
	if (p->nspans == 0 || p->spans[0].kind != SPAN_TEXT)
		return 0;
	s = c->src + p->spans[0].off;
	n = p->spans[0].len;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (unsigned long)(s[i++] - '0');
	if (i == 0 || i == 4 || i >= n || (s[i] != '.' && s[i] != ')'))
		return 0;
	*digits = i++;
	if (i < n && s[i] >= '0' && s[i] <= '9')
		return 0;
	if (i < n && s[i] == ' ')
		i++;
	*num = v;
	return i;
}

/* Whether every item of bullet list b numbers itself, 1 up from its first;
 * *numw gets the most digits of a number. */
static int
self_numbered(const struct ctx *c, const struct block *b, size_t *numw)
{
	unsigned long v, first = 0;
	size_t i, d;

	*numw = 0;
	if (b->ordered || b->nchildren < 2)
		return 0;
	for (i = 0; i < b->nchildren; i++) {
		if (self_number(c, &b->children[i], &v, &d) == 0)
			return 0;
		if (i == 0)
			first = v;
		else if (v != first + i)
			return 0;
		if (d > *numw)
			*numw = d;
	}
	return 1;
}

/*
 * A list.  A bullet list whose items number themselves is shown without
 * bullets: each item's own number, which is text of the answer (it is
 * searched and highlighted like the rest), starts the item, right-aligned,
 * and the lines after it hang under the text that follows the number.
 */
static void
render_list_range(
    struct ctx *c, const struct block *b, uint32_t from, uint32_t to)
{
	const struct chrome *ch = ctx_chrome(c);
	char marker[32], spaces[32];
	unsigned long last = (unsigned long)b->start + b->nchildren - 1, v;
	int numw = snprintf(NULL, 0, "%lu", last), w, w1;
	size_t i, k, d, ownw;
	int own = self_numbered(c, b, &ownw);

	c->depth++;
	for (i = from; i < to; i++) {
		if (i > from && !b->tight)
			ctx_blank(c);
		if (own) {
			k = self_number(c, &b->children[i], &v, &d);
			w1 = (int)(ownw - d);
			w = w1 + (int)k;
			memset(marker, ' ', (size_t)w1);
			marker[w1] = '\0';
		} else {
			if (b->ordered)
				snprintf(marker, sizeof marker, "%*lu. ", numw,
				    (unsigned long)b->start + i);
			else
				snprintf(marker, sizeof marker, "%s",
				    ch->bullet[(c->depth - 1) % 3]);
			w = w1 = ctx_width(c, marker);
		}
		memset(spaces, ' ', (size_t)w);
		spaces[w] = '\0';
		with_prefix(c, marker, w1, spaces, w, b->children[i].children,
		    b->children[i].nchildren, b->tight);
	}
	c->depth--;
}

static void
render_block(struct ctx *c, const struct block *b)
{
	const struct chrome *ch = ctx_chrome(c);

	switch (b->kind) {
	case BLOCK_PARA:
		render_para(c, b, 0);
		break;
	case BLOCK_HEADING:
		render_para(c, b, AT_STRONG | AT_HEADING);
		break;
	case BLOCK_LIST:
		render_list_range(c, b, 0, b->nchildren);
		break;
	case BLOCK_ITEM:
		/* Only inside a list; alone, show its blocks. */
		render_blocks(c, b->children, b->nchildren, 0);
		break;
	case BLOCK_QUOTE:
		with_prefix(c, ch->quote, ctx_width(c, ch->quote), ch->quote,
		    ctx_width(c, ch->quote), b->children, b->nchildren, 0);
		break;
	case BLOCK_CODE:
		render_code(c, b);
		break;
	case BLOCK_TABLE:
		render_table(c, b);
		break;
	case BLOCK_HR:
		render_hr(c);
		break;
	default:
		break;
	}
}

/* Blocks with a blank line between them (none in a tight list item). */
static void
render_blocks(struct ctx *c, const struct block *b, size_t n, int tight)
{
	size_t i;

	for (i = 0; i < n && !c->cut; i++) {
		if ((i > 0 && !tight) || c->lead_blank)
			ctx_blank(c);
		c->lead_blank = 0;
		render_block(c, &b[i]);
	}
}

static void
ctx_free(struct ctx *c)
{
	free(c->first.s);
	free(c->rest.s);
	flat_free(&c->fl);
	flat_free(&c->cell);
	wrap_lines_free(&c->wl);
	sline_free(&c->spare);
}

/* The line that says an answer was cut at o->max_lines: said, not
 * silently lost. */
static void
cut_note(const struct render_opts *o, struct slines *out)
{
	char *msg = xasprintf(_(RENDER_CUT_MSG), o->max_lines);
	struct render_opts all = *o;

	all.max_lines = 0;
	render_plain(msg, strlen(msg), "", "", AT_CHROME, AT_CHROME, &all,
	    NULL, out);
	free(msg);
}

/* A context for e's answer at the top level, lines budgeted from here. */
static void
ctx_init_answer(struct ctx *c, const struct entry *e,
    const struct render_opts *o, const struct hl_set *hl,
    struct hl_lazy *lazy, struct slines *out)
{
	memset(c, 0, sizeof *c);
	c->src = e->text;
	c->o = o;
	c->hl = lazy != NULL ? &lazy->set : hl;
	c->lazy = lazy;
	c->out = out;
	c->pattr = AT_CHROME;
	prefix_set(&c->rest, "", 0, 0);
	prefix_set(&c->first, "", 0, 0);
	c->limit = o->max_lines > 0 ? out->n + (size_t)o->max_lines : SIZE_MAX;
	if (o->max_lines > 0)
		c->flat_max = CTX_FLAT_MAX(o->max_lines, o->width);
}

static void
render_answer_with(const struct entry *e, const struct render_opts *o,
    const struct hl_set *hl, struct hl_lazy *lazy, struct slines *out)
{
	struct ctx c;

	ctx_init_answer(&c, e, o, hl, lazy, out);
	render_blocks(&c, e->blocks, e->nblocks, 0);
	if (c.cut)
		cut_note(o, out);
	ctx_free(&c);
}

void
render_answer(const struct entry *e, const struct render_opts *o,
    const struct hl_set *hl, struct slines *out)
{
	render_answer_with(e, o, hl, NULL, out);
}

void
render_answer_lazy(const struct entry *e, const struct render_opts *o,
    struct hl_lazy *hl, struct slines *out)
{
	render_answer_with(e, o, NULL, hl, out);
}

/* A piece of a paragraph (UNIT_TEXT): its spans cut to its bytes. */
static void
render_text_unit(struct ctx *c, const struct entry *e,
    const struct answer_unit *x, struct span **tmp, size_t *cap)
{
	const struct block *b = &e->blocks[x->block];
	struct block piece = *b;
	size_t n = x->s1 - x->s0, i;

	if (*cap < n) {
		*cap = n;
		*tmp = xreallocarray(*tmp, n ? n : 1, sizeof **tmp);
	}
	for (i = 0; i < n; i++) {
		struct span *t = &(*tmp)[i];
		uint32_t a, z;

		*t = b->spans[x->s0 + i];
		if (t->kind != SPAN_TEXT)
			continue;
		a = t->off > x->from ? t->off : x->from;
		z = t->off + t->len < x->to ? t->off + t->len : x->to;
		t->off = a;
		t->len = z > a ? z - a : 0;
	}
	piece.spans = *tmp;
	piece.nspans = (uint32_t)n;
	render_para(c, &piece, 0);
}

/* Whether units a and b (a just before b) split one top-level block. */
static int
same_block(const struct answer_unit *a, const struct answer_unit *b)
{
	return a->kind != UNIT_BLOCKS && b->kind != UNIT_BLOCKS &&
	       a->block == b->block;
}

void
render_units(const struct entry *e, const struct answer_units *u,
    size_t from, size_t to, const struct render_opts *o, struct hl_lazy *hl,
    struct slines *out)
{
	const struct chrome *ch;
	struct ctx c;
	struct span *tmp = NULL;
	size_t k, cap = 0;

	ctx_init_answer(&c, e, o, NULL, hl, out);
	ch = ctx_chrome(&c);
	for (k = from; k < to && k < u->n; k++) {
		const struct answer_unit *x = &u->v[k];
		const struct block *b = &e->blocks[x->block];
		int same = k > 0 && same_block(&u->v[k - 1], x);

		c.cut = 0;
		c.limit = o->max_lines > 0 ? out->n + (size_t)o->max_lines
		                           : SIZE_MAX;
		if (k > 0 && (!same || (x->kind == UNIT_ITEMS && !b->tight)))
			ctx_blank(&c);
		switch (x->kind) {
		case UNIT_BLOCKS:
			render_blocks(
			    &c, e->blocks + x->from, x->to - x->from, 0);
			break;
		case UNIT_ITEMS:
			render_list_range(&c, b, x->from, x->to);
			break;
		case UNIT_KIDS:
			c.lead_blank = same;
			with_prefix(&c, ch->quote, ctx_width(&c, ch->quote),
			    ch->quote, ctx_width(&c, ch->quote),
			    b->children + x->from, x->to - x->from, 0);
			c.lead_blank = 0;
			break;
		case UNIT_TEXT:
			render_text_unit(&c, e, x, &tmp, &cap);
			break;
		case UNIT_CODE:
			render_code_range(&c, b, x->from, x->to, x->cont);
			break;
		default:
			break;
		}
		if (c.cut)
			cut_note(o, out);
	}
	free(tmp);
	ctx_free(&c);
}

void
render_plain(const char *s, size_t n, const char *prefix1,
    const char *prefix_rest, uint16_t prefix_attr, uint16_t attr,
    const struct render_opts *o, const struct hl_set *hl, struct slines *out)
{
	struct ctx c;
	size_t k;

	memset(&c, 0, sizeof c);
	c.src = s;
	c.o = o;
	c.hl = hl;
	c.out = out;
	c.pattr = prefix_attr;
	if (prefix1 == NULL)
		prefix1 = "";
	if (prefix_rest == NULL)
		prefix_rest = "";
	prefix_set(&c.first, prefix1, strlen(prefix1), ctx_width(&c, prefix1));
	prefix_set(&c.rest, prefix_rest, strlen(prefix_rest),
	    ctx_width(&c, prefix_rest));
	c.pending = 1;
	c.limit = o->max_lines > 0 ? out->n + (size_t)o->max_lines : SIZE_MAX;
	if (o->max_lines > 0)
		c.flat_max = CTX_FLAT_MAX(o->max_lines, o->width);
	/* Prose: tabs are spaces, newlines stay hard breaks. */
	flat_text(&c, &c.fl, 0, n, attr);
	for (k = 0; k < c.fl.len; k++)
		if (s[k] == '\n')
			c.fl.s[k] = '\n';
	emit_wrapped(&c, &c.fl);
	ctx_free(&c);
	if (c.cut)
		cut_note(o, out);
}
