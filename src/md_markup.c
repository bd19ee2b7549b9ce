/*
 * md_markup.c - the markup of site generators, which a reader of the
 * Markdown never sees on the web page: recognised when a block closes,
 * and dropped or used.
 *
 * - Liquid (Jekyll): {% tag %} and {{ expression }} are dropped;
 *   {% comment %} ... {% endcomment %} drops what is between, across
 *   blocks (a commented-out question stays out).
 * - kramdown: an attribute list {: #id .class} gives its block the id (a
 *   heading's own id, as {#id}; else a link target in the block), the
 *   rest of it is dropped; {:toc} and {::options} are dropped.
 * - docsify: " :id=name" at the end of a heading is its id;
 *   ":docsify-ignore" and ":docsify-ignore-all" are dropped.
 * - mkdocs admonitions: "!!! note" (or "??? note", collapsible) and the
 *   lines under it become a quote with the label ("Note", or the quoted
 *   title) in bold; indented blocks right after it are its body.
 * Code spans and code blocks keep their text.  Every drop is noted for
 * faq --check (blocks.h's notes) with its line.
 *
 * Cost: md_markup_maybe() is one memchr over a paragraph's or heading's
 * text; the rest runs only for blocks it says yes to.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "md_build.h"

/* Notes -------------------------------------------------------------------- */

static void
note(struct parser *p, uint32_t line, const char *s, size_t n)
{
	struct blocks_note *nt;
	char *what;
	size_t k = n;

	if (k > 48) { /* cut long markup at a character boundary */
		k = 48;
		while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
	}
	what = arena_alloc(p->arena, k + 32);
	snprintf(what, k + 32, "dropped '%.*s%s'", (int)k, s,
	    k < n ? "..." : "");
	GROW(p->bl.notes, p->bl.nnotes, p->bl.notescap, 1);
	nt = &p->bl.notes[p->bl.nnotes++];
	nt->line = line;
	nt->what = what;
}

/* Scanning ------------------------------------------------------------------ */

int
md_markup_maybe(const struct parser *p, const struct open *o)
{
	const char *t = p->bl.text + o->text;
	size_t n = p->bl.tlen - o->text;

	if (o->b.kind != BLOCK_PARA && o->b.kind != BLOCK_HEADING)
		return 0;
	if (memchr(t, '{', n) != NULL)
		return 1;
	if (o->b.kind == BLOCK_HEADING)
		return memchr(t, ':', n) != NULL;
	return n >= 4 && (memcmp(t, "!!!", 3) == 0 || memcmp(t, "???", 3) == 0);
}

/* The end of s[0..n) after the closing c1 c2 from i on, or 0. */
static size_t
find2(const char *s, size_t n, size_t i, char c1, char c2)
{
	for (; i + 1 < n; i++)
		if (s[i] == c1 && s[i + 1] == c2)
			return i + 2;
	return 0;
}

/* The name of the Liquid tag s[0..n) ("{%- endcomment %}": "endcomment"). */
static int
liquid_is(const char *s, size_t n, const char *name)
{
	size_t i = 2, k = strlen(name);

	while (i < n && (s[i] == '-' || s[i] == ' ' || s[i] == '\t'))
		i++;
	return n - i >= k && memcmp(s + i, name, k) == 0 &&
	       (i + k == n || s[i + k] == ' ' || s[i + k] == '-' ||
	           s[i + k] == '%');
}

/* The id in a kramdown attribute list "{: #id .class key=v}", or NULL. */
static const char *
ial_id(struct parser *p, const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (s[i] != '#' || (i > 0 && s[i - 1] != ' ' && s[i - 1] != ':'))
			continue;
		for (j = i + 1; j < n && s[j] != ' ' && s[j] != '}'; j++)
			;
		if (j > i + 1)
			return arena_strndup(p->arena, s + i + 1, j - i - 1);
	}
	return NULL;
}

struct scan {
	struct parser *p;
	uint32_t line;   /* the line being read */
	const char *xid; /* {: #id} found */
	int dropped;     /* something was dropped */
	int toc;         /* {:toc}: the list it ends is the table of contents */
};

/*
 * Copies the text span s[0..n) to out (which may be s itself: it only
 * shrinks), without the markup in it; returns the length kept.
 */
static size_t
scan_text(struct scan *sc, const char *s, size_t n, char *out)
{
	struct parser *p = sc->p;
	size_t i = 0, w = 0, e;
	const char *id;

	while (i < n) {
		if (p->liq_comment) {
			e = find2(s, n, i, '{', '%');
			if (e == 0) {
				sc->dropped = 1;
				return w;
			}
			i = e - 2;
			e = find2(s, n, i, '%', '}');
			if (e != 0 && liquid_is(s + i, e - i, "endcomment"))
				p->liq_comment = 0;
			i = e != 0 ? e : i + 2;
			sc->dropped = 1;
			continue;
		}
		if (s[i] == '{' && i + 1 < n &&
		    (s[i + 1] == '%' || s[i + 1] == '{' || s[i + 1] == ':')) {
			e = s[i + 1] == '%'   ? find2(s, n, i + 2, '%', '}')
			    : s[i + 1] == '{' ? find2(s, n, i + 2, '}', '}')
			                      : 0;
			if (s[i + 1] == ':') {
				const char *c = memchr(s + i, '}', n - i);

				e = c != NULL ? (size_t)(c - s) + 1 : 0;
			}
			if (e != 0) {
				id = s[i + 1] == ':' ? ial_id(p, s + i, e - i)
				                     : NULL;
				if (id != NULL)
					sc->xid = id;
				else
					note(p, sc->line, s + i, e - i);
				if (e - i >= 5 && memcmp(s + i, "{:toc", 5) == 0)
					sc->toc = 1;
				if (s[i + 1] == '%' &&
				    liquid_is(s + i, e - i, "comment"))
					p->liq_comment = 1;
				sc->dropped = 1;
				i = e;
				/* "a {{ x }} b": one space left, not two */
				if (w > 0 && out[w - 1] == ' ' && i < n &&
				    s[i] == ' ')
					i++;
				continue;
			}
		}
		out[w++] = s[i++];
	}
	return w;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * The markup in the spans of leaf o (still at the top of p->spans and
 * p->bl.text) taken out, text and spans compacted in place; blank ends
 * left by it trimmed.
 */
static void
scan_leaf(struct scan *sc, struct open *o)
{
	struct parser *p = sc->p;
	size_t i, k = o->spans, w = o->text;

	for (i = o->spans; i < p->nspans; i++) {
		struct span sp = p->spans[i];

		if (sp.kind != SPAN_TEXT) {
			sc->line++;
			if (p->liq_comment)
				continue;
			sp.off = (uint32_t)w;
			p->spans[k++] = sp;
			continue;
		}
		if (sp.style & STYLE_CODE) {
			if (p->liq_comment) {
				sc->dropped = 1;
				continue;
			}
			memmove(p->bl.text + w, p->bl.text + sp.off, sp.len);
		} else {
			sp.len = (uint32_t)scan_text(sc, p->bl.text + sp.off,
			    sp.len, p->bl.text + w);
		}
		sp.off = (uint32_t)w;
		w += sp.len;
		if (sp.len > 0)
			p->spans[k++] = sp;
	}
	p->nspans = k;
	p->bl.tlen = w;
	if (!sc->dropped)
		return;
	/* "Title {: #x}", "text\n{: .c}": no blank end, no break last */
	while (p->nspans > o->spans) {
		struct span *last = &p->spans[p->nspans - 1];

		if (last->kind != SPAN_TEXT) {
			p->nspans--;
			continue;
		}
		while (last->len > 0 && (p->bl.text[last->off + last->len - 1] ==
		                                ' ' ||
		                            p->bl.text[last->off + last->len -
		                                       1] == '\t'))
			last->len--;
		if (last->len > 0)
			break;
		p->nspans--;
	}
	while (p->nspans > o->spans &&
	       (p->spans[o->spans].kind != SPAN_TEXT ||
	           is_blank(p->bl.text + p->spans[o->spans].off,
	               p->spans[o->spans].len))) {
		memmove(p->spans + o->spans, p->spans + o->spans + 1,
		    (p->nspans - o->spans - 1) * sizeof *p->spans);
		p->nspans--;
	}
	if (p->nspans > o->spans) {
		struct span *last = &p->spans[p->nspans - 1];

		p->bl.tlen = last->off + last->len;
	} else {
		p->bl.tlen = o->text;
	}
}

/* Docsify: " :id=name" and ":docsify-ignore" at the end of heading o. */
static void
docsify(struct scan *sc, struct open *o)
{
	struct parser *p = sc->p;
	struct span *last;
	char *t;
	size_t n, b;

	while (p->nspans > o->spans) {
		last = &p->spans[p->nspans - 1];
		if (last->kind != SPAN_TEXT || (last->style & STYLE_CODE))
			return;
		t = p->bl.text + last->off;
		n = last->len;
		while (n > 0 && t[n - 1] == ' ')
			n--;
		for (b = n; b > 0 && t[b - 1] != ' '; b--)
			;
		if (n - b > 4 && memcmp(t + b, ":id=", 4) == 0) {
			sc->xid = arena_strndup(p->arena, t + b + 4, n - b - 4);
		} else if ((n - b == 15 &&
		               memcmp(t + b, ":docsify-ignore", 15) == 0) ||
		           (n - b == 19 &&
		               memcmp(t + b, ":docsify-ignore-all", 19) == 0)) {
			note(p, sc->line, t + b, n - b);
		} else {
			return;
		}
		while (b > 0 && t[b - 1] == ' ')
			b--;
		last->len = (uint32_t)b;
		p->bl.tlen = last->off + b;
		if (b == 0)
			p->nspans--;
	}
}

/* Admonitions -------------------------------------------------------------- */

/*
 * Paragraph o, when its first line is "!!! type" or "??? type "title"":
 * built again as a quote of the label in bold and the rest.
 */
static int
admonition(struct parser *p, struct open *o)
{
	struct span *sp = &p->spans[o->spans], *rest;
	const char *t = p->bl.text + sp->off, *q1, *q2;
	size_t n = sp->len, i = 3, tb, te, nrest, k, nlabel;
	char *label, *body;
	struct open *qo;

	if (p->nspans == o->spans || sp->kind != SPAN_TEXT || n < 5 ||
	    (memcmp(t, "!!!", 3) != 0 && memcmp(t, "???", 3) != 0))
		return 0;
	if (i < n && t[i] == '+')
		i++;
	if (i >= n || t[i] != ' ')
		return 0;
	while (i < n && t[i] == ' ')
		i++;
	for (tb = i; i < n && t[i] != ' '; i++)
		;
	te = i;
	if (te == tb)
		return 0;
	q1 = memchr(t + te, '"', n - te);
	q2 = q1 != NULL ? memchr(q1 + 1, '"', (size_t)(t + n - q1 - 1)) : NULL;
	/* The whole title, however long: a cut at a fixed size could fall
	 * inside a character and leave half of it in the text. */
	if (q1 != NULL && q2 != NULL) {
		nlabel = (size_t)(q2 - q1 - 1);
		label = xmalloc(nlabel + 1);
		memcpy(label, q1 + 1, nlabel);
	} else {
		nlabel = te - tb;
		label = xmalloc(nlabel + 1);
		memcpy(label, t + tb, nlabel);
		if (label[0] >= 'a' && label[0] <= 'z')
			label[0] = (char)(label[0] - 'a' + 'A');
	}
	label[nlabel] = '\0';
	/* the body: the spans after the first line, copied out */
	rest = sp + 1;
	while (rest < p->spans + p->nspans && rest->kind == SPAN_TEXT)
		rest++;
	if (rest < p->spans + p->nspans)
		rest++; /* the break that ends the first line */
	nrest = (size_t)(p->spans + p->nspans - rest);
	k = nrest > 0 ? p->bl.tlen - rest->off : 0;
	body = xmalloc(k + 1);
	if (k > 0)
		memcpy(body, p->bl.text + rest->off, k);
	{
		struct span *copy = xreallocarray(NULL, nrest + 1, sizeof *copy);
		uint32_t base = nrest > 0 ? rest->off : 0;
		size_t j;

		memcpy(copy, rest, nrest * sizeof *copy);
		p->nspans = o->spans;
		p->bl.tlen = o->text;
		mb_open_container(p, BLOCK_QUOTE, 1);
		qo = &p->open[p->nopen - 1];
		qo->mark = MARK_ADMONITION;
		qo->has_line = 1;
		qo->b.line = o->b.line;
		qo->first_off = o->first_off;
		if (nlabel > 0) {
			mb_open_push(p, O_BLOCK, BLOCK_PARA);
			p->open[p->nopen - 1].has_line = 1;
			p->open[p->nopen - 1].b.line = o->b.line;
			span_text_as(p, label, nlabel, STYLE_STRONG, NULL);
			mb_close_top(p);
		}
		if (nrest > 0) {
			mb_open_push(p, O_BLOCK, BLOCK_PARA);
			p->open[p->nopen - 1].has_line = 1;
			p->open[p->nopen - 1].b.line = o->b.line + 1;
			for (j = 0; j < nrest; j++) {
				if (copy[j].kind == SPAN_TEXT)
					span_text_as(p, body + copy[j].off - base,
					    copy[j].len, copy[j].style,
					    copy[j].href);
				else
					span_break(p, copy[j].kind);
			}
			mb_close_top(p);
		}
		free(copy);
	}
	free(body);
	free(label);
	mb_close_top(p);
	if (p->nopen == 1)
		p->admon = 1;
	return 1;
}

/* An indented code block right after an admonition: its body, read as
 * Markdown inside a quote of its own. */
static int
admonition_body(struct parser *p, struct open *o)
{
	size_t n = p->bl.tlen - o->text;
	char *s = xmalloc(n + 1);
	struct open *qo;

	memcpy(s, p->bl.text + o->text, n);
	p->bl.tlen = o->text;
	p->in_code = 0;
	mb_open_container(p, BLOCK_QUOTE, 1);
	qo = &p->open[p->nopen - 1];
	qo->mark = MARK_ADMONITION;
	qo->has_line = 1;
	qo->b.line = o->b.line;
	qo->first_off = o->first_off;
	md_reparse(p, s, n);
	mb_close_top(p);
	free(s);
	p->admon = 1;
	return 1;
}

/* The block ---------------------------------------------------------------- */

/* Block o is not emitted: its text goes, its container learns why. */
static int
drop(struct parser *p, struct open *o)
{
	p->nspans = o->spans;
	p->bl.tlen = o->text;
	p->nkids = o->kids;
	if (o->b.kind == BLOCK_CODE)
		p->in_code = 0;
	if (o->b.kind == BLOCK_LIST || o->b.kind == BLOCK_ITEM ||
	    o->b.kind == BLOCK_QUOTE)
		p->depth--;
	if (p->nopen > 0)
		p->open[p->nopen - 1].m_dropped = 1;
	return 1;
}

int
md_markup_close(struct parser *p, struct open *o)
{
	struct scan sc;
	int in_comment = p->liq_comment;

	if (in_comment)
		p->bl.comment_line = o->b.line;
	switch (o->b.kind) {
	case BLOCK_PARA:
	case BLOCK_HEADING:
		break;
	case BLOCK_CODE:
		if (in_comment)
			return drop(p, o);
		if (p->admon && p->nopen == 1 && !o->fenced && !p->nested)
			return admonition_body(p, o);
		return 0;
	case BLOCK_LIST:
	case BLOCK_ITEM:
	case BLOCK_QUOTE:
		/* emptied by what was dropped inside */
		return p->nkids == o->kids && (o->m_dropped || in_comment)
		           ? drop(p, o)
		           : 0;
	default:
		return in_comment ? drop(p, o) : 0;
	}
	memset(&sc, 0, sizeof sc);
	sc.p = p;
	sc.line = o->b.line;
	if (in_comment || memchr(p->bl.text + o->text, '{',
	                      p->bl.tlen - o->text) != NULL)
		scan_leaf(&sc, o);
	if (o->b.kind == BLOCK_HEADING) {
		docsify(&sc, o);
		p->m_xid = sc.xid;
		if (p->nspans == o->spans && (sc.dropped || in_comment))
			return drop(p, o);
		return 0;
	}
	if (sc.toc && p->nopen > 0 && p->open[p->nopen - 1].kind == O_BLOCK &&
	    p->open[p->nopen - 1].b.kind == BLOCK_ITEM) {
		/* kramdown replaces "* TOC\n{:toc}" with its table of
		 * contents: the item goes, and its list when it is empty */
		p->nspans = o->spans;
		p->bl.tlen = o->text;
		return drop(p, o);
	}
	if (p->nspans == o->spans &&
	    (sc.dropped || sc.xid != NULL || in_comment)) {
		/* a paragraph that was only markup: "{: #id}" under a
		 * heading names the heading, as {#id} would */
		if (sc.xid != NULL && p->nopen == 1 && p->bl.nitems > 0) {
			size_t h = p->bl.nitems - 1;

			if (p->bl.blk[h].kind == BLOCK_HEADING &&
			    p->bl.items[h].xid == 0) {
				GROW(p->bl.xids, p->bl.nxids, p->bl.xidscap, 1);
				p->bl.xids[p->bl.nxids++] = sc.xid;
				p->bl.items[h].xid = (uint32_t)p->bl.nxids;
			} else {
				mb_anchor(p, sc.xid, strlen(sc.xid));
				p->bl.anchors[p->bl.nanchors - 1].item =
				    (uint32_t)h;
			}
		}
		return drop(p, o);
	}
	if (sc.xid != NULL)
		mb_anchor(p, sc.xid, strlen(sc.xid));
	return admonition(p, o);
}
