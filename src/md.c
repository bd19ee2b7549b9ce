/*
 * md.c - Markdown to a flat list of top-level blocks; see md.h.
 *
 * md4c's callbacks build the blocks of the file into a flat list of
 * top-level blocks (blocks.h), with every span's text appended to one
 * text buffer for the file.  No text is copied twice and nothing is
 * quadratic.
 *
 * The building (text buffer, spans, blocks) is md_build.c's; HTML inside
 * the Markdown goes through md_html.c, and site generators' markup through
 * md_markup.c.
 */
#include "md.h"

#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "md_build.h"
#include "slug.h"

static int
cb_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;
	struct open *o;

	mb_close_implicit(p);
	if (p->nopen == 1 && type != MD_BLOCK_CODE)
		p->admon = 0; /* only indented code goes on with one */
	switch (type) {
	case MD_BLOCK_DOC:
		if (!p->nested)
			mb_open_push(p, O_DOC, 0);
		break;
	case MD_BLOCK_QUOTE:
		mb_open_container(p, BLOCK_QUOTE, 1);
		break;
	case MD_BLOCK_UL:
		mb_open_container(p, BLOCK_LIST, 2);
		o = &p->open[p->nopen - 1];
		o->b.tight = ((MD_BLOCK_UL_DETAIL *)detail)->is_tight != 0;
		break;
	case MD_BLOCK_OL:
		mb_open_container(p, BLOCK_LIST, 2);
		o = &p->open[p->nopen - 1];
		o->b.ordered = 1;
		o->b.tight = ((MD_BLOCK_OL_DETAIL *)detail)->is_tight != 0;
		o->b.start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
		break;
	case MD_BLOCK_LI:
		mb_open_container(p, BLOCK_ITEM, 1);
		break;
	case MD_BLOCK_HR:
		mb_open_push(p, O_BLOCK, BLOCK_HR);
		break;
	case MD_BLOCK_H:
		o = mb_open_push(p, O_BLOCK, BLOCK_HEADING);
		o->b.level = (uint8_t)((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_CODE:
		o = mb_open_push(p, O_BLOCK, BLOCK_CODE);
		o->fenced = ((MD_BLOCK_CODE_DETAIL *)detail)->fence_char != 0;
		p->in_code = 1;
		break;
	case MD_BLOCK_HTML: /* parsed at its end (md_html.c) */
		mb_open_push(p, O_HTML, 0);
		p->in_html = 1;
		p->hlen = 0;
		break;
	case MD_BLOCK_P:
		mb_open_push(p, O_BLOCK, BLOCK_PARA);
		break;
	case MD_BLOCK_TABLE:
		mb_table_open(p, ((MD_BLOCK_TABLE_DETAIL *)detail)->col_count,
		    ((MD_BLOCK_TABLE_DETAIL *)detail)->head_row_count +
		        ((MD_BLOCK_TABLE_DETAIL *)detail)->body_row_count);
		break;
	case MD_BLOCK_THEAD:
	case MD_BLOCK_TBODY:
		mb_open_push(p, O_SKIP, 0);
		break;
	case MD_BLOCK_TR:
		p->row++;
		p->col = -1;
		mb_open_push(p, O_SKIP, 0);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		mb_cell_open(p, p->row, p->col + 1,
		    (uint8_t)((MD_BLOCK_TD_DETAIL *)detail)->align);
		break;
	}
	return 0;
}

static int
cb_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	(void)detail;
	mb_close_implicit(p);
	if (p->nopen > 0 && !(type == MD_BLOCK_DOC && p->nested))
		mb_close_top(p);
	return 0;
}

/*
 * Decodes an md4c attribute (a link target) into an arena string.  A
 * decoded reference is never longer than its source ("&ne;" is 4 bytes,
 * U+2260 3), so only a NUL (1 byte, U+FFFD 3) needs room of its own.
 */
static const char *
attr_string(struct parser *p, const MD_ATTRIBUTE *a)
{
	size_t k = 0, i, beg, end, m, need = a->size;
	char buf[8], *out;

	for (i = 0; a->substr_offsets[i] < a->size; i++)
		if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			need += 2 * (a->substr_offsets[i + 1] -
			                a->substr_offsets[i]);
	out = arena_alloc(p->arena, need + 1);
	for (i = 0; a->substr_offsets[i] < a->size; i++) {
		beg = a->substr_offsets[i];
		end = a->substr_offsets[i + 1];
		if (a->substr_types[i] == MD_TEXT_ENTITY &&
		    (m = slug_decode_entity(a->text + beg, end - beg, buf)) >
		        0) {
			memcpy(out + k, buf, m);
			k += m;
		} else if (a->substr_types[i] == MD_TEXT_NULLCHAR) {
			for (m = beg; m < end; m++, k += 3)
				memcpy(out + k, "\xef\xbf\xbd", 3);
		} else {
			memcpy(out + k, a->text + beg, end - beg);
			k += end - beg;
		}
	}
	out[k] = '\0';
	return out;
}

static void
link_record(struct parser *p, size_t off)
{
	struct blocks_link *l;

	if (off > 0 && off <= p->srclen && p->src[off - 1] == '[')
		off--;
	GROW(p->bl.links, p->bl.nlinks, p->bl.linkscap, 1);
	l = &p->bl.links[p->bl.nlinks++];
	l->col = mb_src_col(p, off);
	l->line = (uint32_t)p->cur_line + 1;
	l->href = p->href;
	p->link_pending = 0;
}

static int
cb_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	switch (type) {
	case MD_SPAN_EM:
		p->em++;
		break;
	case MD_SPAN_STRONG:
		p->strong++;
		break;
	case MD_SPAN_CODE:
		p->codespan++;
		break;
	case MD_SPAN_DEL:
		p->del++;
		break;
	case MD_SPAN_A:
		p->href = attr_string(p, &((MD_SPAN_A_DETAIL *)detail)->href);
		p->link_pending = p->href[0] == '#';
		break;
	default: /* images: their alt text is shown as text */
		break;
	}
	return 0;
}

static int
cb_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct parser *p = userdata;

	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		p->em--;
		break;
	case MD_SPAN_STRONG:
		p->strong--;
		break;
	case MD_SPAN_CODE:
		p->codespan--;
		break;
	case MD_SPAN_DEL:
		p->del--;
		break;
	case MD_SPAN_A:
		if (p->link_pending)
			link_record(p, p->last_pos);
		p->href = NULL;
		break;
	default:
		break;
	}
	return 0;
}

static int
cb_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	struct parser *p = userdata;
	struct open *o;
	size_t off = SIZE_MAX, m;
	char buf[8];
	size_t i;

	if (s >= p->src && s < p->src + p->srclen)
		off = (size_t)(s - p->src);
	if (p->nopen > 0 && !mb_is_leaf(&p->open[p->nopen - 1]) &&
	    !p->in_html) {
		o = mb_open_push(p, O_BLOCK, BLOCK_PARA);
		o->implicit = 1;
	}
	if (off != SIZE_MAX) {
		for (i = p->nopen; i > 0 && !p->open[i - 1].has_line; i--) {
			p->open[i - 1].has_line = 1;
			p->open[i - 1].b.line = (uint32_t)mb_src_line(p, off) + 1;
			p->open[i - 1].first_off = (uint32_t)off;
		}
		if (p->link_pending)
			link_record(p, off);
		p->last_pos = off + n;
		if (p->last_pos >= p->drop_next)
			mb_source_drop(p, off);
	}
	if (p->in_html) {
		md_html_text(p, s, n);
		return 0;
	}
	switch (type) {
	case MD_TEXT_HTML: /* inline: the leaf is parsed again at its end */
		md_html_raw(p, s, n);
		break;
	case MD_TEXT_NULLCHAR:
		span_text(p, "\xef\xbf\xbd", 3);
		break;
	case MD_TEXT_BR:
		span_break(p, SPAN_HARDBREAK);
		break;
	case MD_TEXT_SOFTBR:
		span_break(p, SPAN_SOFTBREAK);
		break;
	case MD_TEXT_ENTITY:
		m = slug_decode_entity(s, n, buf);
		if (m > 0)
			span_text(p, buf, m);
		else
			span_text(p, s, n);
		break;
	case MD_TEXT_CODE:
		if (p->in_code)
			text_put(p, s, n);
		else
			span_text(p, s, n);
		break;
	default:
		if (p->in_code)
			text_put(p, s, n);
		else
			span_text(p, s, n);
		break;
	}
	return 0;
}

static const MD_PARSER md_parser = {
    0,
    MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS,
    cb_enter_block,
    cb_leave_block,
    cb_enter_span,
    cb_leave_span,
    cb_text,
    NULL,
    NULL,
};

int
md_reparse(struct parser *p, const char *s, size_t n)
{
	int rc;

	p->nested++;
	rc = md_parse(s, (MD_SIZE)n, &md_parser, p);
	p->nested--;
	return rc;
}

int
md_read(struct blocks *bl, struct arena *a, const struct md_src *src, size_t at,
    size_t line, size_t from, size_t to)
{
	struct parser p;
	int rc;

	memset(&p, 0, sizeof p);
	p.arena = a;
	p.src = src->s;
	p.srclen = src->len;
	p.cur_start = at;
	p.cur_line = line;
	p.cur_end = mb_line_end(&p, at);
	p.last_pos = from;
	p.dropped = at;
	p.drop_next = SIZE_MAX;
	if (src->drop != NULL) {
		p.drop = src->drop;
		p.drop_ctx = src->drop_ctx;
		p.drop_next = at + DROP_STEP;
	}
	blocks_init(&p.bl);
	rc = md_parse(p.src + from, (MD_SIZE)(to - from), &md_parser, &p);
	/* an md4c failure leaves blocks open */
	while (p.nopen > 0)
		mb_close_top(&p);
	free(p.hbuf);
	free(p.spans);
	free(p.kids);
	free(p.open);
	*bl = p.bl;
	return rc;
}

