/*
 * render_table.c - GFM tables: cells measured with the width function,
 * drawn in a box when they fit, else one 「見出し: 値」 line per cell
 * (TEXT.md); see render_line.h.
 */
#include "render_line.h"

#include <stdlib.h>
#include <string.h>

#include "width.h"
#include "xalloc.h"

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

void
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
