/*
 * render_line.c - the line builder of the renderer: chrome, prefixes,
 * flattening spans with their styles and highlights, and emitting wrapped
 * lines behind the prefix; see render_line.h.
 */
#include "render_line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "width.h"
#include "wrap.h"
#include "xalloc.h"

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

const struct chrome *
ctx_chrome(const struct ctx *c)
{
	return c->o->ascii ? &chrome_ascii : &chrome_utf8;
}

/*
 * Box drawing characters are East Asian Ambiguous: a terminal that draws
 * them wide (--ambiguous=2) would make half-cell steps impossible, so
 * tables are drawn in ASCII there.
 */
const struct chrome *
ctx_box(const struct ctx *c)
{
	return (c->o->ascii || c->o->ambiguous == 2) ? &chrome_ascii
	                                             : &chrome_utf8;
}

int
ctx_width(const struct ctx *c, const char *s)
{
	return width_str(s, strlen(s), c->o->ambiguous);
}

/* --- prefixes ----------------------------------------------------------- */

void
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

void
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

int
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
size_t
ctx_budget(const struct ctx *c)
{
	if (c->limit == SIZE_MAX || c->limit == 0)
		return 0;
	/* one more than fits, so that the cut is seen */
	return c->out->n < c->limit ? c->limit - c->out->n + 1 : 1;
}

struct sline *
ctx_line(struct ctx *c, int trim, int textw)
{
	struct sline *l;
	int width = c->o->width < 1 ? 1 : c->o->width;
	int maxw = width - ctx_avail(c);

	if (c->limit != 0 && c->out->n >= c->limit) {
		c->cut = 1;
		l = &c->spare;
		sline_reset(l);
	} else {
		l = slines_push(c->out);
	}
	if (textw > ctx_avail(c))
		maxw = width - textw;
	emit_prefix(c, l, ctx_prefix(c), maxw < 0 ? 0 : maxw, trim);
	return l;
}

/* A blank line between blocks: only the prefix, trailing spaces cut. */
void
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

void
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

void
link_notes_free(struct link_notes *ln)
{
	free(ln->href);
	free(ln->slot);
	memset(ln, 0, sizeof *ln);
}

static size_t
href_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Puts href[i] into the index (which has room). */
static void
note_slot(struct link_notes *ln, size_t i)
{
	size_t k = href_hash(ln->href[i]) & (ln->nslot - 1);

	while (ln->slot[k] != 0)
		k = (k + 1) & (ln->nslot - 1);
	ln->slot[k] = (uint32_t)(i + 1);
}

size_t
link_notes_number(struct link_notes *ln, const char *href)
{
	size_t i, k;

	if (ln->nslot > 0) {
		k = href_hash(href) & (ln->nslot - 1);
		for (; ln->slot[k] != 0; k = (k + 1) & (ln->nslot - 1))
			if (strcmp(ln->href[ln->slot[k] - 1], href) == 0)
				return ln->slot[k];
	}
	if (ln->n == ln->cap) {
		ln->cap = ln->cap ? 2 * ln->cap : 8;
		ln->href = xreallocarray(ln->href, ln->cap, sizeof *ln->href);
	}
	ln->href[ln->n++] = href;
	/* at most half full */
	if (2 * ln->n > ln->nslot) {
		free(ln->slot);
		ln->nslot = ln->nslot ? 2 * ln->nslot : 16;
		ln->slot = xcalloc(ln->nslot, sizeof *ln->slot);
		for (i = 0; i < ln->n; i++)
			note_slot(ln, i);
	} else {
		note_slot(ln, ln->n - 1);
	}
	return ln->n;
}

void
flat_clear(struct flat *f)
{
	f->len = 0;
	f->nlinks = 0;
	f->nhl = 0;
}

void
flat_free(struct flat *f)
{
	free(f->s);
	free(f->attr);
	free(f->links);
	free(f->hl);
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

/* The highlights of the source bytes before upto, found when they are
 * found as they are read. */
static void
hl_need(const struct ctx *c, size_t upto)
{
	if (c->lazy != NULL && c->lazy->known < upto)
		c->lazy->more(c->lazy, upto);
}

/* Marks AT_HIGHLIGHT on f's bytes [at, at+n) that copy src[off, off+n). */
void
flat_highlight(
    const struct ctx *c, struct flat *f, size_t at, uint32_t off, size_t n)
{
	size_t k;

	hl_need(c, (size_t)off + n);
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
int
hl_covers(const struct ctx *c, size_t off)
{
	size_t h;

	hl_need(c, off + 1);
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
void
flat_text(struct ctx *c, struct flat *f, uint32_t off, size_t n, uint16_t attr)
{
	size_t at = f->len, k;

	if (c->flat_max != 0 && at + n > c->flat_max) {
		/* more than the line budget can show: the rest is not
		 * copied (a 30 MB paragraph cost 90 MB here), and the cut
		 * is said (ctx.cut) */
		n = at < c->flat_max ? c->flat_max - at : 0;
		while (n > 0 && ((unsigned char)c->src[off + n] & 0xC0) == 0x80)
			n--;
		c->cut = 1;
	}
	flat_reserve(f, n);
	memcpy(f->s + at, c->src + off, n);
	/* two plain loops the compiler vectorises: this copies up to the
	 * line budget's bytes of a paragraph (2.6 MB at 80 columns) */
	for (k = 0; k < n; k++)
		f->attr[at + k] = attr;
	for (k = 0; k < n; k++) {
		char ch = f->s[at + k];

		f->s[at + k] = ch == '\t' || ch == '\n' ? ' ' : ch;
	}
	f->len += n;
	if (c->hl == NULL || n == 0)
		return;
	if (f->nhl == f->caphl) {
		f->caphl = f->caphl ? 2 * f->caphl : 8;
		f->hl = xreallocarray(f->hl, f->caphl, sizeof *f->hl);
	}
	f->hl[f->nhl].at = at;
	f->hl[f->nhl].n = n;
	f->hl[f->nhl].off = off;
	f->nhl++;
}

/* Highlights f's prose in [a, b) (see struct flat). */
static void
flat_settle(const struct ctx *c, struct flat *f, size_t a, size_t b)
{
	size_t lo = 0, hi = f->nhl;

	while (lo < hi) { /* the first run that ends after a */
		size_t mid = lo + (hi - lo) / 2;

		if (f->hl[mid].at + f->hl[mid].n <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < f->nhl && f->hl[lo].at < b; lo++) {
		const struct hlrun *r = &f->hl[lo];
		size_t x = r->at > a ? r->at : a;
		size_t y = r->at + r->n < b ? r->at + r->n : b;

		if (x < y)
			flat_highlight(c, f, x, r->off + (uint32_t)(x - r->at),
			    y - x);
	}
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
void
flat_spans(struct ctx *c, struct flat *f, const struct span *sp, size_t n,
    uint16_t base, int hard)
{
	size_t i, j;
	uint16_t del = 0; /* the attribute of an open "~~", or 0 */

	for (i = 0; i < n; i++) {
		if (sp[i].kind == SPAN_TEXT && c->o->del_marks &&
		    ((sp[i].style & STYLE_DEL) != 0) != (del != 0) &&
		    sp[i].len > 0) {
			/* one pair of marks around a run of struck spans,
			 * whatever else their style changes inside it */
			uint16_t a = del ? del
			                 : (uint16_t)(base |
			                              style_attr(sp[i].style));

			flat_byte(f, '~', a);
			flat_byte(f, '~', a);
			del = del ? 0 : a;
		}
		if (sp[i].kind == SPAN_TEXT) {
			size_t at = f->len;

			flat_text(c, f, sp[i].off, sp[i].len,
			    base | style_attr(sp[i].style));
			if ((sp[i].style & STYLE_LINK) && sp[i].href != NULL &&
			    sp[i].len > 0)
				flat_add_link(f, at, f->len, sp[i].href);
			/* "[n]" after the last piece of an external link. */
			if ((sp[i].style & STYLE_LINK) && c->o->notes != NULL &&
			    sp[i].href != NULL && sp[i].href[0] != '\0' &&
			    sp[i].href[0] != '#' &&
			    !(i + 1 < n && sp[i + 1].kind == SPAN_TEXT &&
			        (sp[i + 1].style & STYLE_LINK) &&
			        sp[i + 1].href == sp[i].href)) {
				char num[24];
				size_t k, m;

				m = (size_t)snprintf(num, sizeof num, "[%zu]",
				    link_notes_number(c->o->notes, sp[i].href));
				for (k = 0; k < m && k < sizeof num - 1; k++)
					flat_byte(f, num[k], base | AT_DIM);
			}
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
	if (del) {
		flat_byte(f, '~', del);
		flat_byte(f, '~', del);
	}
}

/* --- emitting ------------------------------------------------------------ */

/* Appends f[a, b) to l with its attributes and links; w is its width. */
void
emit_slice(struct ctx *c, struct sline *l, struct flat *f, size_t a,
    size_t b, int w)
{
	size_t base = l->len, x = a, y, k;

	flat_settle(c, f, a, b);
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

size_t
flat_wrap(struct ctx *c, const struct flat *f)
{
	/* the first line's own width: a self-numbered list item's number
	 * is on it, and the lines after hang further in */
	c->wl.max = ctx_budget(c);
	wrap_text_hang(f->s, f->len,
	    avail_after(c, c->pending ? c->first.w : c->rest.w),
	    avail_after(c, c->rest.w), c->o->ambiguous, &c->wl);
	return c->wl.n;
}

/* Wraps f to the available width, one line each behind the prefix. */
void
emit_wrapped(struct ctx *c, struct flat *f)
{
	flat_wrap(c, f);
	emit_wrap_lines(c, f);
}

void
emit_wrap_lines(struct ctx *c, struct flat *f)
{
	size_t i;

	for (i = 0; i < c->wl.n; i++) {
		struct sline *l = ctx_line(
		    c, c->wl.v[i].start == c->wl.v[i].end, c->wl.v[i].width);

		emit_slice(c, l, f, c->wl.v[i].start, c->wl.v[i].end,
		    c->wl.v[i].width);
	}
}
