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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "width.h"
#include "wrap.h"
#include "xalloc.h"

#define TAB_STOP 8

struct prefix {
	char *s;
	size_t len, cap;
	int w;
};

struct linkrun {
	size_t start, end; /* in the flat buffer */
	const char *href;
};

/* A flattened run of text ready for wrapping. */
struct flat {
	char *s;
	uint16_t *attr;
	size_t len, cap;
	struct linkrun *links;
	size_t nlinks, linkcap;
};

struct ctx {
	const char *src; /* what hl ranges index */
	const struct render_opts *o;
	const struct hl_set *hl;
	struct slines *out;
	uint16_t pattr; /* attribute of prefixes */
	struct prefix first, rest;
	int pending; /* the next line starts with first, not rest */
	int depth;   /* list nesting, for the bullet shape */
	struct flat fl, cell;
	struct wrap_lines wl;
};

/* Chrome, in Unicode and in ASCII. */
struct chrome {
	const char *quote, *cont, *hr;
	const char *bullet[3];
	const char *box_h, *box_v, *box_tl, *box_tm, *box_tr, *box_ml, *box_mm,
	    *box_mr, *box_bl, *box_bm, *box_br;
};

static const struct chrome chrome_utf8 = {
    "│ ",
    "↩",
    "─",
    {"• ", "◦ ", "▪ "},
    "─",
    "│",
    "┌",
    "┬",
    "┐",
    "├",
    "┼",
    "┤",
    "└",
    "┴",
    "┘",
};

static const struct chrome chrome_ascii = {
    "> ",
    "\\",
    "-",
    {"* ", "- ", "+ "},
    "-",
    "|",
    "+",
    "+",
    "+",
    "+",
    "+",
    "+",
    "+",
    "+",
    "+",
};

static const struct chrome *
ctx_chrome(const struct ctx *c)
{
	return c->o->ascii ? &chrome_ascii : &chrome_utf8;
}

/*
 * Box drawing characters are East Asian Ambiguous: a terminal that draws
 * them wide (--ambiguous=2) would make half-cell steps impossible, so
 * tables are drawn in ASCII there.
 */
static const struct chrome *
ctx_box(const struct ctx *c)
{
	return (c->o->ascii || c->o->ambiguous == 2) ? &chrome_ascii
	                                             : &chrome_utf8;
}

static int
ctx_width(const struct ctx *c, const char *s)
{
	return width_str(s, strlen(s), c->o->ambiguous);
}

/* --- prefixes ----------------------------------------------------------- */

static void
prefix_set(struct prefix *p, const char *s, size_t n, int w)
{
	if (p->cap < n + 1) {
		p->cap = n + 32;
		p->s = xrealloc(p->s, p->cap);
	}
	memmove(p->s, s, n);
	p->len = n;
	p->s[n] = '\0';
	p->w = w;
}

static void
prefix_add(struct prefix *p, const char *s, size_t n, int w)
{
	if (p->cap < p->len + n + 1) {
		p->cap = 2 * (p->len + n) + 32;
		p->s = xrealloc(p->s, p->cap);
	}
	memcpy(p->s + p->len, s, n);
	p->len += n;
	p->s[p->len] = '\0';
	p->w += w;
}

/* The prefix of the next line, and whether it is consumed. */
static const struct prefix *
ctx_prefix(struct ctx *c)
{
	if (c->pending) {
		c->pending = 0;
		return &c->first;
	}
	return &c->rest;
}

static int
ctx_prefix_width(const struct ctx *c)
{
	return c->pending && c->first.w > c->rest.w ? c->first.w : c->rest.w;
}

/*
 * Columns left for text behind the prefix.  Deep nesting at a tiny width
 * must not push text past the edge: the text keeps at least 2 columns (or
 * the whole width when that is 1) and the prefix is cut to what remains.
 */
static int
avail_after(const struct ctx *c, int prefix_width)
{
	int width = c->o->width < 1 ? 1 : c->o->width;
	int minw = width < 2 ? width : 2;
	int avail = width - prefix_width;

	return avail < minw ? minw : avail;
}

static int
ctx_avail(const struct ctx *c)
{
	return avail_after(c, ctx_prefix_width(c));
}

/* Appends at most maxw columns of prefix p, whole code points only. */
static void
emit_prefix(
    struct ctx *c, struct sline *l, const struct prefix *p, int maxw, int trim)
{
	size_t i = 0, end = p->len, k;
	int w = 0, cw;

	if (trim)
		while (end > 0 && p->s[end - 1] == ' ')
			end--;
	if (p->w <= maxw && end == p->len) {
		sline_append(l, p->s, p->len, c->pattr, p->w);
		return;
	}
	while (i < end) {
		k = i;
		cw = width_char(utf8_next(p->s, end, &k), c->o->ambiguous);
		if (w + cw > maxw)
			break;
		w += cw;
		i = k;
	}
	sline_append(l, p->s, i, c->pattr, w);
}

/*
 * A new line with the prefix.  textw is the width of the text that will
 * follow: when a single cluster is wider than the room left (a wide
 * emoji sequence deep in a list at a tiny width), the prefix gives way so
 * that the line still fits whenever the text alone does.
 */
static struct sline *
ctx_line(struct ctx *c, int trim, int textw)
{
	struct sline *l = slines_push(c->out);
	int width = c->o->width < 1 ? 1 : c->o->width;
	int maxw = width - ctx_avail(c);

	if (textw > ctx_avail(c))
		maxw = width - textw;
	emit_prefix(c, l, ctx_prefix(c), maxw < 0 ? 0 : maxw, trim);
	return l;
}

/* A blank line between blocks: only the prefix, trailing spaces cut. */
static void
ctx_blank(struct ctx *c)
{
	(void)ctx_line(c, 1, 0);
}

/* --- flattening spans ---------------------------------------------------- */

static void
flat_reserve(struct flat *f, size_t more)
{
	if (f->len + more + 1 <= f->cap)
		return;
	f->cap = 2 * (f->len + more) + 64;
	f->s = xrealloc(f->s, f->cap);
	f->attr = xreallocarray(f->attr, f->cap, sizeof *f->attr);
}

static void
flat_byte(struct flat *f, char b, uint16_t attr)
{
	flat_reserve(f, 1);
	f->s[f->len] = b;
	f->attr[f->len] = attr;
	f->len++;
}

static void
flat_add_link(struct flat *f, size_t start, size_t end, const char *href)
{
	if (f->nlinks > 0 && f->links[f->nlinks - 1].end == start &&
	    f->links[f->nlinks - 1].href == href) {
		f->links[f->nlinks - 1].end = end;
		return;
	}
	if (f->nlinks == f->linkcap) {
		f->linkcap = f->linkcap ? 2 * f->linkcap : 8;
		f->links =
		    xreallocarray(f->links, f->linkcap, sizeof *f->links);
	}
	f->links[f->nlinks].start = start;
	f->links[f->nlinks].end = end;
	f->links[f->nlinks].href = href;
	f->nlinks++;
}

static void
flat_clear(struct flat *f)
{
	f->len = 0;
	f->nlinks = 0;
}

static void
flat_free(struct flat *f)
{
	free(f->s);
	free(f->attr);
	free(f->links);
	memset(f, 0, sizeof *f);
}

/* The first hl range that ends after off (ranges are sorted). */
static size_t
hl_seek(const struct hl_set *hl, uint32_t off)
{
	size_t lo = 0, hi = hl->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (hl->v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Marks AT_HIGHLIGHT on f's bytes [at, at+n) that copy src[off, off+n). */
static void
flat_highlight(
    const struct ctx *c, struct flat *f, size_t at, uint32_t off, size_t n)
{
	size_t k;

	if (c->hl == NULL || c->hl->n == 0)
		return;
	for (k = hl_seek(c->hl, off); k < c->hl->n; k++) {
		uint32_t a = c->hl->v[k].start, b = c->hl->v[k].end, x;

		if (a >= off + n)
			break;
		if (a < off)
			a = off;
		if (b > off + n)
			b = (uint32_t)(off + n);
		for (x = a; x < b; x++)
			f->attr[at + (x - off)] |= AT_HIGHLIGHT;
	}
}

/* Whether source byte off is inside a highlight. */
static int
hl_covers(const struct ctx *c, size_t off)
{
	size_t h;

	if (c->hl == NULL || c->hl->n == 0)
		return 0;
	h = hl_seek(c->hl, (uint32_t)off);
	return h < c->hl->n && c->hl->v[h].start <= off;
}

static uint16_t
style_attr(uint8_t style)
{
	uint16_t a = 0;

	if (style & STYLE_EM)
		a |= AT_EM;
	if (style & STYLE_STRONG)
		a |= AT_STRONG;
	if (style & STYLE_CODE)
		a |= AT_CODE;
	if (style & STYLE_LINK)
		a |= AT_LINK;
	if (style & STYLE_DEL)
		a |= AT_DEL;
	return a;
}

/* Copies src[off, off+n) as prose: tabs and stray newlines become spaces. */
static void
flat_text(struct ctx *c, struct flat *f, uint32_t off, size_t n, uint16_t attr)
{
	size_t at = f->len, k;

	flat_reserve(f, n);
	memcpy(f->s + at, c->src + off, n);
	for (k = 0; k < n; k++) {
		if (f->s[at + k] == '\t' || f->s[at + k] == '\n')
			f->s[at + k] = ' ';
		f->attr[at + k] = attr;
	}
	f->len += n;
	flat_highlight(c, f, at, off, n);
}

static uint32_t
last_cp(const char *s, size_t n)
{
	size_t i = n;

	if (n == 0)
		return 0;
	return utf8_prev(s, 0, &i);
}

/*
 * Flattens spans.  A soft break joins two Japanese lines with nothing and
 * two Latin ones with a space; a hard break is '\n' unless hard is 0
 * (table cells), then a space.  base is added to every attribute.
 */
static void
flat_spans(struct ctx *c, struct flat *f, const struct span *sp, size_t n,
    uint16_t base, int hard)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (sp[i].kind == SPAN_TEXT) {
			size_t at = f->len;

			flat_text(c, f, sp[i].off, sp[i].len,
			    base | style_attr(sp[i].style));
			if ((sp[i].style & STYLE_LINK) && sp[i].href != NULL &&
			    sp[i].len > 0)
				flat_add_link(f, at, f->len, sp[i].href);
		} else if (sp[i].kind == SPAN_HARDBREAK && hard) {
			flat_byte(f, '\n', base);
		} else {
			uint32_t before = last_cp(f->s, f->len), after = 0;
			size_t k = 0;

			for (j = i + 1; j < n; j++)
				if (sp[j].kind == SPAN_TEXT && sp[j].len > 0) {
					after = utf8_next(
					    c->src + sp[j].off, sp[j].len, &k);
					break;
				}
			if (f->len == 0 || before == ' ' || before == '\n' ||
			    after == ' ' || after == 0 ||
			    (sp[i].kind == SPAN_SOFTBREAK &&
			        wrap_softbreak_joins(before, after)))
				continue;
			flat_byte(f, ' ', base);
		}
	}
}

/* --- emitting ------------------------------------------------------------ */

/* Appends f[a, b) to l with its attributes and links; w is its width. */
static void
emit_slice(struct ctx *c, struct sline *l, const struct flat *f, size_t a,
    size_t b, int w)
{
	size_t base = l->len, x = a, y, k;

	while (x < b) {
		y = x + 1;
		while (y < b && f->attr[y] == f->attr[x])
			y++;
		/* One run (most lines): its width is known. */
		sline_append(l, f->s + x, y - x, f->attr[x],
		    x == a && y == b
		        ? w
		        : width_str(f->s + x, y - x, c->o->ambiguous));
		x = y;
	}
	for (k = 0; k < f->nlinks; k++) {
		size_t s = f->links[k].start, e = f->links[k].end;

		if (s < a)
			s = a;
		if (e > b)
			e = b;
		if (s < e)
			sline_add_link(l, base + (s - a), base + (e - a),
			    f->links[k].href);
	}
}

/* Wraps f to the available width, one line each behind the prefix. */
static void
emit_wrapped(struct ctx *c, const struct flat *f)
{
	size_t i;

	/* the first line's own width: a self-numbered list item's number
	 * is on it, and the lines after hang further in */
	wrap_text_hang(f->s, f->len,
	    avail_after(c, c->pending ? c->first.w : c->rest.w),
	    avail_after(c, c->rest.w), c->o->ambiguous, &c->wl);
	for (i = 0; i < c->wl.n; i++) {
		struct sline *l = ctx_line(
		    c, c->wl.v[i].start == c->wl.v[i].end, c->wl.v[i].width);

		emit_slice(c, l, f, c->wl.v[i].start, c->wl.v[i].end,
		    c->wl.v[i].width);
	}
}

/* --- blocks -------------------------------------------------------------- */

static void render_blocks(
    struct ctx *c, const struct block *b, size_t n, int tight);

static void
render_para(struct ctx *c, const struct block *b, uint16_t base)
{
	flat_clear(&c->fl);
	flat_spans(c, &c->fl, b->spans, b->nspans, base, 1);
	emit_wrapped(c, &c->fl);
}

/* Code: tabs to 8-column stops, then hard-wrapped with a visible mark. */
static void
render_code(struct ctx *c, const struct block *b)
{
	const struct chrome *ch = ctx_chrome(c);
	const char *s = c->src + b->code_off;
	size_t n = b->code_len, ls = 0, le, i, k;

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
				if (hl_covers(c, b->code_off + i))
					for (m = at; m < c->fl.len; m++)
						c->fl.attr[m] |= AT_HIGHLIGHT;
				continue;
			}
			col +=
			    width_char(utf8_next(s, le, &k), c->o->ambiguous);
			for (m = i; m < k; m++)
				flat_byte(&c->fl, s[m], attr);
			flat_highlight(
			    c, &c->fl, at, (uint32_t)(b->code_off + i), k - i);
		}
		wrap_hard(
		    c->fl.s, c->fl.len, piece, avail, c->o->ambiguous, &c->wl);
		for (i = 0; i < c->wl.n; i++) {
			int more = i + 1 < c->wl.n && mark;
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
render_hr(struct ctx *c)
{
	const struct chrome *ch = ctx_chrome(c);
	struct sline *l = ctx_line(c, 0, 0);
	int w = ctx_width(c, ch->hr), avail = ctx_avail(c), i;

	for (i = 0; i + w <= avail; i += w)
		sline_append(l, ch->hr, strlen(ch->hr), AT_CHROME, w);
}

static const struct cell *
table_cell(const struct block *b, size_t r, size_t col)
{
	return &b->cells[r * b->ncols + col];
}

/* Flattens one cell into c->cell: spans on one line. */
static void
flat_cell(struct ctx *c, const struct cell *cl, uint16_t base)
{
	flat_clear(&c->cell);
	flat_spans(c, &c->cell, cl->spans, cl->nspans, base, 0);
}

static void
table_rule(struct ctx *c, const struct chrome *ch, const int *colw,
    size_t ncols, const char *l, const char *m, const char *r)
{
	struct sline *line = ctx_line(c, 0, 0);
	size_t k;
	int i;

	sline_append(line, l, strlen(l), AT_CHROME, 1);
	for (k = 0; k < ncols; k++) {
		for (i = 0; i < colw[k] + 2; i++)
			sline_append(
			    line, ch->box_h, strlen(ch->box_h), AT_CHROME, 1);
		if (k + 1 < ncols)
			sline_append(line, m, strlen(m), AT_CHROME, 1);
	}
	sline_append(line, r, strlen(r), AT_CHROME, 1);
}

static void
table_row(struct ctx *c, const struct block *b, const struct chrome *ch,
    const int *colw, size_t r)
{
	struct sline *line = ctx_line(c, 0, 0);
	uint16_t base = r == 0 ? AT_STRONG : 0;
	size_t k;

	sline_append(line, ch->box_v, strlen(ch->box_v), AT_CHROME, 1);
	for (k = 0; k < b->ncols; k++) {
		int w, left, align = b->align != NULL ? b->align[k] : 0;

		flat_cell(c, table_cell(b, r, k), base);
		w = width_str(c->cell.s, c->cell.len, c->o->ambiguous);
		left = align == ALIGN_RIGHT    ? colw[k] - w
		       : align == ALIGN_CENTER ? (colw[k] - w) / 2
		                               : 0;
		sline_pad(line, 1 + left, 0);
		emit_slice(c, line, &c->cell, 0, c->cell.len, w);
		sline_pad(line, colw[k] - w - left + 1, 0);
		sline_append(line, ch->box_v, strlen(ch->box_v), AT_CHROME, 1);
	}
}

/*
 * Cannot fit as a grid: every cell as its own 「見出し: 値」 paragraph,
 * records separated by blank lines.
 */
static void
table_fallback(struct ctx *c, const struct block *b)
{
	size_t r, k;

	if (b->nrows == 1) {
		for (k = 0; k < b->ncols; k++) {
			flat_cell(c, table_cell(b, 0, k), AT_STRONG);
			emit_wrapped(c, &c->cell);
		}
		return;
	}
	for (r = 1; r < b->nrows; r++) {
		if (r > 1)
			ctx_blank(c);
		for (k = 0; k < b->ncols; k++) {
			flat_clear(&c->fl);
			flat_spans(c, &c->fl, table_cell(b, 0, k)->spans,
			    table_cell(b, 0, k)->nspans, AT_STRONG, 0);
			if (c->fl.len > 0) {
				flat_byte(&c->fl, ':', AT_CHROME);
				flat_byte(&c->fl, ' ', AT_CHROME);
			}
			flat_spans(c, &c->fl, table_cell(b, r, k)->spans,
			    table_cell(b, r, k)->nspans, 0, 0);
			emit_wrapped(c, &c->fl);
		}
	}
}

static void
render_table(struct ctx *c, const struct block *b)
{
	const struct chrome *ch = ctx_box(c);
	int *colw, total;
	size_t r, k;

	if (b->ncols == 0 || b->nrows == 0)
		return;
	colw = xcalloc(b->ncols, sizeof *colw);
	total = 1;
	for (k = 0; k < b->ncols; k++) {
		for (r = 0; r < b->nrows; r++) {
			int w;

			flat_cell(c, table_cell(b, r, k), 0);
			w = width_str(c->cell.s, c->cell.len, c->o->ambiguous);
			if (w > colw[k])
				colw[k] = w;
		}
		total += colw[k] + 3;
	}
	if (total > ctx_avail(c)) {
		table_fallback(c, b);
		free(colw);
		return;
	}
	table_rule(c, ch, colw, b->ncols, ch->box_tl, ch->box_tm, ch->box_tr);
	for (r = 0; r < b->nrows; r++) {
		table_row(c, b, ch, colw, r);
		if (r == 0 && b->nrows > 1)
			table_rule(c, ch, colw, b->ncols, ch->box_ml,
			    ch->box_mm, ch->box_mr);
	}
	table_rule(c, ch, colw, b->ncols, ch->box_bl, ch->box_bm, ch->box_br);
	free(colw);
}

/* Runs f(c, b) with first/rest extended by s1/s2 (of widths w1, w2). */
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
render_list(struct ctx *c, const struct block *b)
{
	const struct chrome *ch = ctx_chrome(c);
	char marker[32], spaces[32];
	unsigned long last = (unsigned long)b->start + b->nchildren - 1, v;
	int numw = snprintf(NULL, 0, "%lu", last), w, w1;
	size_t i, k, d, ownw;
	int own = self_numbered(c, b, &ownw);

	c->depth++;
	for (i = 0; i < b->nchildren; i++) {
		if (i > 0 && !b->tight)
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
		render_list(c, b);
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

	for (i = 0; i < n; i++) {
		if (i > 0 && !tight)
			ctx_blank(c);
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
}

void
render_answer(const struct entry *e, const struct render_opts *o,
    const struct hl_set *hl, struct slines *out)
{
	struct ctx c;

	memset(&c, 0, sizeof c);
	c.src = e->text;
	c.o = o;
	c.hl = hl;
	c.out = out;
	c.pattr = AT_CHROME;
	prefix_set(&c.rest, "", 0, 0);
	prefix_set(&c.first, "", 0, 0);
	render_blocks(&c, e->blocks, e->nblocks, 0);
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
	/* Prose: tabs are spaces, newlines stay hard breaks. */
	flat_text(&c, &c.fl, 0, n, attr);
	for (k = 0; k < n; k++)
		if (s[k] == '\n')
			c.fl.s[k] = '\n';
	emit_wrapped(&c, &c.fl);
	ctx_free(&c);
}
