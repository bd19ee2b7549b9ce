/*
 * html.c - HTML inside Markdown to block and span events; see html.h.
 *
 * gumbo builds the tree of the fragment; one walk turns it into events.
 * The walk is in one of two modes: at flow level (an HTML block, a list
 * item, a quote) a block tag opens a block and loose text gets a
 * paragraph of its own (the "implicit" paragraph, w->para); inside a leaf
 * (a paragraph, heading, summary, cell) everything is text, and block
 * tags become line breaks.
 *
 * Deep nesting: gumbo's tree and this walk recurse once per level, so a
 * fragment is parsed in pieces of at most PIECE_TAGS tags: nesting (and
 * stack use) stays bounded whatever the input, and a block of 100 000
 * tags loses only the structure across pieces, never text.
 */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "sanitize.h"
#include "xalloc.h"

#define PIECE_TAGS 2048

struct walk {
	const struct html_sink *k;
	int leaf;    /* > 0: inside a leaf; text goes straight out */
	int para;    /* an implicit paragraph is open (flow level) */
	int pre;     /* > 0: inside <pre>: text verbatim */
	int started; /* the leaf has text since its start or last break */
	int pending; /* before the next text: 1 space, 2 soft, 3 hard break */
	uint8_t pending_style; /* the style of the text the space was in */
	const char *pending_href;
	int code_nl; /* a code block's text ends with '\n' */
	uint8_t style;
	const char *href;
	char *buf; /* collapsed text of one node */
	size_t len, cap;
};

static void walk_node(struct walk *w, const GumboNode *n);

static void
buf_add(struct walk *w, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (w->cap - w->len < n) {
		while (w->cap - w->len < n)
			w->cap = w->cap ? 2 * w->cap : 256;
		w->buf = xrealloc(w->buf, w->cap);
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* Sends s[0..n) through the sanitising rules (an entity such as &#27;
 * decodes to a control character gumbo keeps). */
static void
send_text(struct walk *w, const char *s, size_t n, uint8_t style)
{
	size_t clean;
	char *c;

	if (n == 0)
		return;
	if (sanitize_clean_len(s, n) == n) {
		w->k->text(w->k->ctx, s, n, style, w->href);
		return;
	}
	c = sanitize_text(s, n, &clean, NULL, NULL);
	w->k->text(w->k->ctx, c, clean, style, w->href);
	free(c);
}

static void
flush(struct walk *w)
{
	send_text(w, w->buf, w->len, w->style);
	w->len = 0;
}

static uint32_t
node_line(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		return n->v.element.start_pos.line;
	if (n->type == GUMBO_NODE_DOCUMENT)
		return 1;
	return n->v.text.start_pos.line;
}

static void
open_block(struct walk *w, uint8_t kind, const GumboNode *n)
{
	struct html_open o;

	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.line = node_line(n);
	w->k->open(w->k->ctx, &o);
}

/* Opens a leaf (paragraph, heading, summary, cell): its text from here. */
static void
leaf_enter(struct walk *w)
{
	w->leaf++;
	w->started = 0;
	w->pending = 0;
}

static void
leaf_leave(struct walk *w)
{
	w->leaf--;
	w->pending = 0;
	w->started = w->leaf > 0;
}

static void
para_close(struct walk *w)
{
	if (w->para) {
		w->para = 0;
		leaf_leave(w);
		w->k->close(w->k->ctx, HTML_PARA);
	}
}

/* Text needs a leaf: at flow level, a paragraph is opened around it. */
static void
need_leaf(struct walk *w, const GumboNode *n)
{
	if (w->leaf == 0) {
		open_block(w, HTML_PARA, n);
		w->para = 1;
		leaf_enter(w);
	}
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
pending_out(struct walk *w)
{
	if (w->pending == 1 && w->started) {
		if (w->pending_style == w->style &&
		    w->pending_href == w->href) {
			buf_add(w, " ", 1);
		} else {
			/* "a <b>b</b>": the space is a's, not bold */
			flush(w);
			w->k->text(w->k->ctx, " ", 1, w->pending_style,
			    w->pending_href);
		}
	} else if (w->pending >= 2 && w->started) {
		flush(w);
		w->k->brk(w->k->ctx, w->pending == 3);
	}
	w->pending = 0;
}

/* Text verbatim (<pre>): in a code block as it is (pre 1), in a leaf as
 * code with its line breaks (pre 2 and up). */
static void
text_pre(struct walk *w, const char *s, size_t n)
{
	size_t i, a = 0;

	if (n == 0)
		return;
	if (w->pre == 1) {
		send_text(w, s, n, 0);
		w->code_nl = s[n - 1] == '\n';
		return;
	}
	pending_out(w);
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			send_text(w, s + a, i - a, w->style | STYLE_CODE);
			if (i < n)
				w->k->brk(w->k->ctx, 1);
			a = i + 1;
		}
	}
	w->started = 1;
}

/* Text: whitespace collapsed as a browser does, a run with a line break
 * in it kept as a soft break. */
static void
walk_text(struct walk *w, const GumboNode *n)
{
	const char *s = n->v.text.text;
	size_t len = strlen(s), i;

	if (w->pre > 0) {
		text_pre(w, s, len);
		return;
	}
	if (w->leaf == 0) {
		for (i = 0; i < len && is_space(s[i]); i++)
			;
		if (i == len)
			return; /* whitespace between blocks */
		need_leaf(w, n);
	}
	for (i = 0; i < len; i++) {
		if (is_space(s[i])) {
			int want = s[i] == '\n' ? 2 : 1;

			if (w->pending == 0) {
				w->pending_style = w->style;
				w->pending_href = w->href;
			}
			if (want > w->pending)
				w->pending = want;
			continue;
		}
		if (w->pending)
			pending_out(w);
		buf_add(w, s + i, 1);
		w->started = 1;
	}
	flush(w);
}

static const char *
attr(const GumboNode *n, const char *name)
{
	const GumboAttribute *a =
	    gumbo_get_attribute(&n->v.element.attributes, name);

	return a != NULL ? a->value : NULL;
}

static void
walk_children(struct walk *w, const GumboNode *n)
{
	const GumboVector *c = &n->v.element.children;
	unsigned i;

	for (i = 0; i < c->length; i++)
		walk_node(w, c->data[i]);
}

/* A block tag inside a leaf: a line break before and after its text. */
static void
walk_sep(struct walk *w, const GumboNode *n)
{
	if (w->started)
		w->pending = 3;
	walk_children(w, n);
	if (w->started)
		w->pending = 3;
}

/* A leaf block (p, h1-h6, summary) at flow level; in a leaf, its text. */
static void
walk_leaf(struct walk *w, const GumboNode *n, uint8_t kind, int level,
    uint8_t style)
{
	uint8_t old = w->style;
	struct html_open o;

	if (w->leaf > 0) {
		w->style |= style | (kind == HTML_HEADING ? STYLE_STRONG : 0);
		walk_sep(w, n);
		w->style = old;
		return;
	}
	para_close(w);
	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.level = (uint8_t)level;
	o.line = node_line(n);
	w->k->open(w->k->ctx, &o);
	leaf_enter(w);
	w->style |= style;
	walk_children(w, n);
	w->style = old;
	leaf_leave(w);
	w->k->close(w->k->ctx, kind);
}

/* A container (blockquote, li) at flow level; in a leaf, its text. */
static void
walk_container(struct walk *w, const GumboNode *n, uint8_t kind)
{
	if (w->leaf > 0) {
		walk_sep(w, n);
		return;
	}
	para_close(w);
	open_block(w, kind, n);
	walk_children(w, n);
	para_close(w);
	w->k->close(w->k->ctx, kind);
}

static int
is_tag(const GumboNode *n, GumboTag t)
{
	return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t;
}

static int
is_blank(const GumboNode *n)
{
	return n->type == GUMBO_NODE_WHITESPACE ||
	       n->type == GUMBO_NODE_COMMENT;
}

static void
walk_list(struct walk *w, const GumboNode *n, int ordered)
{
	const GumboVector *c = &n->v.element.children;
	struct html_open o;
	const char *start;
	unsigned i;

	if (w->leaf > 0) {
		walk_sep(w, n);
		return;
	}
	para_close(w);
	memset(&o, 0, sizeof o);
	o.kind = HTML_LIST;
	o.ordered = (uint8_t)ordered;
	o.line = node_line(n);
	start = ordered ? attr(n, "start") : NULL;
	o.start = start != NULL ? (uint32_t)strtoul(start, NULL, 10) : 1;
	w->k->open(w->k->ctx, &o);
	for (i = 0; i < c->length; i++) {
		const GumboNode *ch = c->data[i];

		if (is_blank(ch))
			continue;
		if (is_tag(ch, GUMBO_TAG_LI)) {
			walk_container(w, ch, HTML_ITEM);
			continue;
		}
		/* text or a tag right in the list: an item of its own */
		open_block(w, HTML_ITEM, ch);
		walk_node(w, ch);
		para_close(w);
		w->k->close(w->k->ctx, HTML_ITEM);
	}
	w->k->close(w->k->ctx, HTML_LIST);
}

/* A <pre> at flow level is a code block: its text verbatim. */
static void
walk_pre(struct walk *w, const GumboNode *n)
{
	if (w->pre > 0) {
		walk_children(w, n);
		return;
	}
	if (w->leaf > 0) {
		uint8_t old = w->style;

		w->style |= STYLE_CODE;
		if (w->started)
			w->pending = 3;
		w->pre += 2; /* > 1: verbatim, as code, inside a leaf */
		walk_children(w, n);
		w->pre -= 2;
		w->style = old;
		if (w->started)
			w->pending = 3;
		return;
	}
	para_close(w);
	open_block(w, HTML_CODE, n);
	w->leaf++;
	w->pre++;
	w->code_nl = 1;
	walk_children(w, n);
	if (!w->code_nl)
		w->k->text(w->k->ctx, "\n", 1, 0, NULL);
	w->code_nl = -1;
	w->pre--;
	w->leaf--;
	w->k->close(w->k->ctx, HTML_CODE);
}

/* The rows (tr) of a table, through thead, tbody and tfoot. */
static size_t
table_rows(const GumboNode *t, const GumboNode **rows, size_t max)
{
	const GumboVector *c = &t->v.element.children;
	size_t n = 0;
	unsigned i, j;

	for (i = 0; i < c->length; i++) {
		const GumboNode *ch = c->data[i];

		if (is_tag(ch, GUMBO_TAG_TR)) {
			if (rows != NULL && n < max)
				rows[n] = ch;
			n++;
		} else if (is_tag(ch, GUMBO_TAG_THEAD) ||
		           is_tag(ch, GUMBO_TAG_TBODY) ||
		           is_tag(ch, GUMBO_TAG_TFOOT)) {
			const GumboVector *r = &ch->v.element.children;

			for (j = 0; j < r->length; j++)
				if (is_tag(r->data[j], GUMBO_TAG_TR)) {
					if (rows != NULL && n < max)
						rows[n] = r->data[j];
					n++;
				}
		}
	}
	return n;
}

static int
is_cell(const GumboNode *n)
{
	return is_tag(n, GUMBO_TAG_TD) || is_tag(n, GUMBO_TAG_TH);
}

static uint8_t
cell_align(const GumboNode *n)
{
	const char *a = attr(n, "align");

	if (a == NULL)
		return ALIGN_DEFAULT;
	if (strcmp(a, "left") == 0)
		return ALIGN_LEFT;
	if (strcmp(a, "center") == 0)
		return ALIGN_CENTER;
	if (strcmp(a, "right") == 0)
		return ALIGN_RIGHT;
	return ALIGN_DEFAULT;
}

/* A table at flow level: a table block of its rows and cells; caption
 * first, as a paragraph.  In a leaf: its cells' text, rows on lines. */
static void
walk_table(struct walk *w, const GumboNode *n)
{
	size_t nrows = table_rows(n, NULL, 0), r, ncols = 0, k;
	const GumboNode **rows;
	const GumboVector *c = &n->v.element.children;
	struct html_open o;
	unsigned i;

	if (w->leaf > 0 || nrows == 0) {
		walk_sep(w, n);
		return;
	}
	for (i = 0; i < c->length; i++)
		if (is_tag(c->data[i], GUMBO_TAG_CAPTION))
			walk_leaf(w, c->data[i], HTML_PARA, 0, 0);
	rows = xreallocarray(NULL, nrows, sizeof *rows);
	table_rows(n, rows, nrows);
	for (r = 0; r < nrows; r++) {
		const GumboVector *cells = &rows[r]->v.element.children;

		for (k = 0, i = 0; i < cells->length; i++)
			k += is_cell(cells->data[i]);
		if (k > ncols)
			ncols = k;
	}
	para_close(w);
	memset(&o, 0, sizeof o);
	o.kind = HTML_TABLE;
	o.line = node_line(n);
	o.nrows = (uint32_t)nrows;
	o.ncols = (uint32_t)(ncols ? ncols : 1);
	w->k->open(w->k->ctx, &o);
	for (r = 0; r < nrows; r++) {
		const GumboVector *cells = &rows[r]->v.element.children;

		for (k = 0, i = 0; i < cells->length; i++) {
			if (!is_cell(cells->data[i]))
				continue;
			memset(&o, 0, sizeof o);
			o.kind = HTML_CELL;
			o.line = node_line(cells->data[i]);
			o.row = (uint32_t)r;
			o.col = (uint32_t)k++;
			o.align = cell_align(cells->data[i]);
			w->k->open(w->k->ctx, &o);
			leaf_enter(w);
			walk_children(w, cells->data[i]);
			leaf_leave(w);
			w->k->close(w->k->ctx, HTML_CELL);
		}
	}
	free(rows);
	w->k->close(w->k->ctx, HTML_TABLE);
}

/* Styled text (b, em, code, ...): the style bits for its children. */
static void
walk_styled(struct walk *w, const GumboNode *n, uint8_t style)
{
	uint8_t old = w->style;

	w->style |= style;
	walk_children(w, n);
	w->style = old;
}

static void
walk_link(struct walk *w, const GumboNode *n)
{
	const char *href = attr(n, "href"), *old = w->href;
	uint8_t st = w->style;

	if (href != NULL && href[0] != '\0') {
		w->href = href;
		w->style |= STYLE_LINK;
	}
	walk_children(w, n);
	w->href = old;
	w->style = st;
}

static void
walk_element(struct walk *w, const GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	const char *id = attr(n, "id"), *alt;

	if (id == NULL && t == GUMBO_TAG_A)
		id = attr(n, "name");
	if (id != NULL && id[0] != '\0')
		w->k->anchor(w->k->ctx, id);
	switch (t) {
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_TITLE:
		return;
	case GUMBO_TAG_BR:
		if (w->pre == 1) {
			text_pre(w, "\n", 1);
		} else if (w->leaf > 0) {
			w->pending = 0; /* no space before the break */
			w->k->brk(w->k->ctx, 1);
			w->started = 0;
		}
		return;
	case GUMBO_TAG_IMG:
		alt = attr(n, "alt");
		if (alt != NULL && alt[0] != '\0') {
			GumboNode fake;

			memset(&fake, 0, sizeof fake);
			fake.type = GUMBO_NODE_TEXT;
			fake.v.text.text = alt;
			fake.v.text.start_pos = n->v.element.start_pos;
			walk_text(w, &fake);
		}
		return;
	case GUMBO_TAG_HR:
		if (w->leaf > 0) {
			if (w->started)
				w->pending = 3;
			return;
		}
		para_close(w);
		open_block(w, HTML_HR, n);
		w->k->close(w->k->ctx, HTML_HR);
		return;
	case GUMBO_TAG_P:
	case GUMBO_TAG_DD:
	case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_CAPTION:
		walk_leaf(w, n, HTML_PARA, 0, 0);
		return;
	case GUMBO_TAG_DT:
		walk_leaf(w, n, HTML_PARA, 0, STYLE_STRONG);
		return;
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		walk_leaf(w, n, HTML_HEADING, (int)(t - GUMBO_TAG_H1) + 1, 0);
		return;
	case GUMBO_TAG_SUMMARY:
		walk_leaf(w, n, HTML_SUMMARY, 0, STYLE_STRONG);
		return;
	case GUMBO_TAG_BLOCKQUOTE:
		walk_container(w, n, HTML_QUOTE);
		return;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
		walk_list(w, n, t == GUMBO_TAG_OL);
		return;
	case GUMBO_TAG_LI:
		if (w->leaf > 0) {
			if (w->started) {
				w->pending = 3;
				pending_out(w);
			}
			buf_add(w, "- ", 2);
			flush(w);
			w->started = 1;
			walk_children(w, n);
			return;
		}
		/* an item outside a list: its text as blocks */
		/* FALLTHROUGH */
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_NAV:
	case GUMBO_TAG_MAIN:
	case GUMBO_TAG_CENTER:
	case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_FORM:
	case GUMBO_TAG_FIELDSET:
		if (w->leaf > 0) {
			walk_sep(w, n);
			return;
		}
		para_close(w);
		walk_children(w, n);
		para_close(w);
		return;
	case GUMBO_TAG_PRE:
		walk_pre(w, n);
		return;
	case GUMBO_TAG_TABLE:
		walk_table(w, n);
		return;
	case GUMBO_TAG_B:
	case GUMBO_TAG_STRONG:
		walk_styled(w, n, STYLE_STRONG);
		return;
	case GUMBO_TAG_I:
	case GUMBO_TAG_EM:
	case GUMBO_TAG_U:
	case GUMBO_TAG_INS:
	case GUMBO_TAG_CITE:
	case GUMBO_TAG_VAR:
	case GUMBO_TAG_DFN:
		walk_styled(w, n, STYLE_EM);
		return;
	case GUMBO_TAG_S:
	case GUMBO_TAG_DEL:
	case GUMBO_TAG_STRIKE:
		walk_styled(w, n, STYLE_DEL);
		return;
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		walk_styled(w, n, STYLE_CODE);
		return;
	case GUMBO_TAG_A:
		walk_link(w, n);
		return;
	default:
		/* any other tag: its text, without the tag */
		walk_children(w, n);
		return;
	}
}

static void
walk_node(struct walk *w, const GumboNode *n)
{
	switch (n->type) {
	case GUMBO_NODE_DOCUMENT:
	case GUMBO_NODE_ELEMENT:
		walk_element(w, n);
		break;
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_CDATA:
	case GUMBO_NODE_WHITESPACE:
		walk_text(w, n);
		break;
	case GUMBO_NODE_COMMENT:
	case GUMBO_NODE_TEMPLATE:
		break;
	}
}

static void *
gumbo_xalloc(void *ud, size_t n)
{
	(void)ud;
	return xmalloc(n ? n : 1);
}

static void
gumbo_xfree(void *ud, void *p)
{
	(void)ud;
	free(p);
}

/* Where the piece that starts at s ends: after at most PIECE_TAGS '<'. */
static size_t
piece_end(const char *s, size_t n)
{
	size_t i, tags = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '<' && ++tags > PIECE_TAGS)
			return i;
	return n;
}

void
html_parse(const char *s, size_t n, int flow, const struct html_sink *k)
{
	GumboOptions opt = kGumboDefaultOptions;
	struct walk w;
	size_t at = 0, end;

	memset(&w, 0, sizeof w);
	w.k = k;
	w.code_nl = -1;
	if (!flow) {
		/* inside the caller's leaf */
		w.leaf = 1;
	}
	opt.allocator = gumbo_xalloc;
	opt.deallocator = gumbo_xfree;
	opt.max_errors = 0;
	opt.fragment_context = GUMBO_TAG_DIV;
	opt.fragment_namespace = GUMBO_NAMESPACE_HTML;
	while (at < n) {
		GumboOutput *out;

		end = at + piece_end(s + at, n - at);
		out = gumbo_parse_with_options(&opt, s + at, end - at);
		walk_node(&w, out->root);
		para_close(&w);
		gumbo_destroy_output(&opt, out);
		at = end;
	}
	free(w.buf);
}
