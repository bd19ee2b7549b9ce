/*
 * md_html.c - HTML inside Markdown, through html.h into the builder.
 *
 * md4c hands HTML over as raw text in two ways:
 * - an HTML block (a line that starts with a block tag, a comment, ...):
 *   its text is collected while it is open (md_html_text()) and parsed
 *   when it closes, into blocks where it stood (md_html_block());
 * - inline HTML, one tag at a time ("<u>", text, "</u>" in three
 *   callbacks): each tag is kept as a SPAN_RAW span, and when the leaf
 *   (paragraph, heading, cell) closes it is written out again as one
 *   piece of HTML, its Markdown spans as the tags they stand for, and
 *   parsed as a whole (md_html_inline()), so that a tag and its end tag
 *   pair up however md4c cut them.
 * A leaf without inline HTML and a file without HTML blocks never reach
 * gumbo: the Markdown path costs what it did.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "html.h"
#include "md_build.h"

/* The builder's side of html.h ------------------------------------------- */

static void
sink_open(void *ctx, const struct html_open *h)
{
	struct parser *p = ctx;
	struct open *o;

	switch (h->kind) {
	case HTML_PARA:
	case HTML_SUMMARY:
		o = mb_open_push(p, O_BLOCK, BLOCK_PARA);
		o->mark = h->kind == HTML_SUMMARY ? MARK_SUMMARY : MARK_NONE;
		break;
	case HTML_HEADING:
		o = mb_open_push(p, O_BLOCK, BLOCK_HEADING);
		o->b.level = h->level;
		break;
	case HTML_CODE:
		mb_open_push(p, O_BLOCK, BLOCK_CODE);
		p->in_code = 1;
		break;
	case HTML_HR:
		mb_open_push(p, O_BLOCK, BLOCK_HR);
		break;
	case HTML_LIST:
		mb_open_container(p, BLOCK_LIST, 2);
		o = &p->open[p->nopen - 1];
		if (o->kind == O_BLOCK) {
			o->b.ordered = h->ordered;
			o->b.start = h->start;
			o->b.tight = 1;
		}
		break;
	case HTML_ITEM:
		mb_open_container(p, BLOCK_ITEM, 1);
		break;
	case HTML_QUOTE:
		mb_open_container(p, BLOCK_QUOTE, 1);
		break;
	case HTML_TABLE:
		mb_table_open(p, h->ncols, h->nrows);
		break;
	case HTML_CELL:
		mb_cell_open(p, (int32_t)h->row, (int32_t)h->col, h->align);
		break;
	default:
		mb_open_push(p, O_SKIP, 0);
		break;
	}
	o = &p->open[p->nopen - 1];
	o->has_line = 1;
	o->b.line = p->h_line + (h->line > 0 ? h->line - 1 : 0);
	o->first_off = p->h_off;
}

static void
sink_close(void *ctx, enum html_block kind)
{
	struct parser *p = ctx;

	(void)kind;
	mb_close_top(p);
}

/* The arena's copy of gumbo's link target (one per link, not per piece
 * of its text), recorded for doc_finish() when it is "#id" in an HTML
 * block (a leaf's Markdown links were recorded as md4c sent them, and
 * come here again written out as <a>). */
static const char *
href_copy(struct parser *p, const char *href)
{
	struct blocks_link *l;

	if (href == NULL)
		return NULL;
	if (href == p->h_src)
		return p->h_copy;
	p->h_src = href;
	p->h_copy = arena_strndup(p->arena, href, strlen(href));
	if (href[0] == '#' && p->h_flow) {
		GROW(p->bl.links, p->bl.nlinks, p->bl.linkscap, 1);
		l = &p->bl.links[p->bl.nlinks++];
		l->line = p->h_line;
		l->col = 1;
		l->href = p->h_copy;
	}
	return p->h_copy;
}

static void
sink_text(
    void *ctx, const char *s, size_t n, uint8_t style, const char *href)
{
	struct parser *p = ctx;

	if (p->in_code)
		text_put(p, s, n);
	else
		span_text_as(p, s, n, style, href_copy(p, href));
}

static void
sink_brk(void *ctx, int hard)
{
	struct parser *p = ctx;

	if (p->in_code)
		text_put(p, "\n", 1);
	else
		span_break(p, hard ? SPAN_HARDBREAK : SPAN_SOFTBREAK);
}

static void
sink_anchor(void *ctx, const char *id)
{
	mb_anchor(ctx, id, strlen(id));
}

static void
parse(struct parser *p, const char *s, size_t n, int flow, uint32_t line,
    uint32_t off)
{
	struct html_sink k = {p, sink_open, sink_close, sink_text, sink_brk,
	    sink_anchor};

	p->h_flow = flow;
	p->h_line = line;
	p->h_off = off;
	p->h_src = NULL;
	html_parse(s, n, flow, &k);
	p->h_src = NULL;
}

/* HTML blocks ------------------------------------------------------------ */

void
md_html_text(struct parser *p, const char *s, size_t n)
{
	if (n == 0)
		return;
	GROW(p->hbuf, p->hlen, p->hcap, n);
	memcpy(p->hbuf + p->hlen, s, n);
	p->hlen += n;
}

void
md_html_block(struct parser *p, const struct open *o)
{
	parse(p, p->hbuf, p->hlen, 1, o->b.line, o->first_off);
	p->hlen = 0;
}

/* Inline HTML ------------------------------------------------------------ */

void
md_html_raw(struct parser *p, const char *s, size_t n)
{
	struct span *sp;

	p->open[p->nopen - 1].has_html = 1;
	GROW(p->spans, p->nspans, p->spanscap, 1);
	sp = &p->spans[p->nspans++];
	memset(sp, 0, sizeof *sp);
	sp->off = (uint32_t)p->bl.tlen;
	sp->len = (uint32_t)n;
	sp->kind = SPAN_RAW;
	text_put(p, s, n);
}

struct out {
	char *s;
	size_t len, cap;
	uint8_t style; /* the tags open in s */
	const char *href;
};

static void
out_put(struct out *o, const char *s, size_t n)
{
	if (n == 0)
		return;
	GROW(o->s, o->len, o->cap, n);
	memcpy(o->s + o->len, s, n);
	o->len += n;
}

static void
out_esc(struct out *o, const char *s, size_t n, int attr)
{
	size_t i, a = 0;

	for (i = 0; i < n; i++) {
		const char *e = s[i] == '&'             ? "&amp;"
		                : s[i] == '<'           ? "&lt;"
		                : s[i] == '>'           ? "&gt;"
		                : attr && s[i] == '"' ? "&quot;"
		                                        : NULL;

		if (e == NULL)
			continue;
		out_put(o, s + a, i - a);
		out_put(o, e, strlen(e));
		a = i + 1;
	}
	out_put(o, s + a, n - a);
}

/* The Markdown styles as tags, outermost first. */
static const struct {
	uint8_t style;
	const char *open, *close;
} tags[] = {
    {STYLE_STRONG, "<strong>", "</strong>"},
    {STYLE_EM, "<em>", "</em>"},
    {STYLE_DEL, "<del>", "</del>"},
    {STYLE_CODE, "<code>", "</code>"},
};

/* Closes and opens tags so that what follows has style st and link href. */
static void
out_style(struct out *o, uint8_t st, const char *href)
{
	size_t i;

	if (st == o->style && href == o->href)
		return;
	for (i = sizeof tags / sizeof tags[0]; i > 0; i--)
		if (o->style & tags[i - 1].style)
			out_put(o, tags[i - 1].close, strlen(tags[i - 1].close));
	if (o->style & STYLE_LINK)
		out_put(o, "</a>", 4);
	if ((st & STYLE_LINK) && href != NULL) {
		out_put(o, "<a href=\"", 9);
		out_esc(o, href, strlen(href), 1);
		out_put(o, "\">", 2);
	} else {
		st &= (uint8_t)~STYLE_LINK;
	}
	for (i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (st & tags[i].style)
			out_put(o, tags[i].open, strlen(tags[i].open));
	o->style = st;
	o->href = href;
}

int
md_html_inline(struct parser *p)
{
	struct open *leaf = &p->open[p->nopen - 1];
	struct out o;
	size_t i;
	int flow;

	memset(&o, 0, sizeof o);
	for (i = leaf->spans; i < p->nspans; i++) {
		const struct span *sp = &p->spans[i];
		const char *t = p->bl.text + sp->off;

		switch (sp->kind) {
		case SPAN_RAW:
			out_put(&o, t, sp->len);
			break;
		case SPAN_TEXT:
			out_style(&o, sp->style, sp->href);
			out_esc(&o, t, sp->len, 0);
			break;
		case SPAN_HARDBREAK:
			out_put(&o, "<br>", 4);
			break;
		default:
			out_put(&o, "\n", 1);
			break;
		}
	}
	out_style(&o, 0, NULL);
	p->nspans = leaf->spans;
	p->bl.tlen = leaf->text;
	/* A paragraph is parsed as a fragment of blocks, in its place: a
	 * block tag in it (md4c 0.4.8 does not start an HTML block at
	 * <h1>-<h6>) is then a block, and text alone comes out as the same
	 * paragraph.  A heading or cell keeps its kind; tags in it are
	 * text. */
	flow = leaf->kind == O_BLOCK && leaf->b.kind == BLOCK_PARA;
	if (flow) {
		uint32_t line = leaf->b.line, off = leaf->first_off;

		p->nopen--;
		parse(p, o.s, o.len, 1, line, off);
	} else {
		parse(p, o.s, o.len, 0, leaf->b.line, leaf->first_off);
	}
	free(o.s);
	return flow;
}
