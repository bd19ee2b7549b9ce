/*
 * linebreak-bench.c - the floor for render-bench: a bare loop of
 * libunistring's u8_width_linebreaks over the same text, one call per
 * paragraph (question, paragraph, heading, code block, table cell; soft
 * breaks as spaces), collected from the loaded FILE before timing.  No
 * grapheme clusters, no tailoring, no output lines: only the break
 * positions.  Prints the median and fastest of REPEAT passes, in CPU time
 * like render-bench.
 *
 *   linebreak-bench FILE [WIDTH [REPEAT]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unilbrk.h>

#include "benchdoc.h"
#include "benchutil.h"

#include "diag.h"
#include "doc.h"

struct paras {
	char *text;
	size_t len, cap;
	size_t *off; /* paragraph k is text[off[k], off[k + 1]) */
	size_t n, ncap;
};

static void
add_bytes(struct paras *p, const char *s, size_t n)
{
	if (p->len + n > p->cap) {
		p->cap = 2 * (p->len + n) + 4096;
		p->text = realloc(p->text, p->cap);
	}
	memcpy(p->text + p->len, s, n);
	p->len += n;
}

static void
end_para(struct paras *p)
{
	if (p->n + 2 > p->ncap) {
		p->ncap = 2 * p->ncap + 1024;
		p->off = realloc(p->off, p->ncap * sizeof *p->off);
	}
	if (p->n == 0)
		p->off[p->n++] = 0;
	p->off[p->n++] = p->len;
}

static void
add_spans(struct paras *p, const char *text, const struct span *sp, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sp[i].kind == SPAN_TEXT)
			add_bytes(p, text + sp[i].off, sp[i].len);
		else
			add_bytes(p, " ", 1);
	end_para(p);
}

static void
add_blocks(struct paras *p, const char *text, const struct block *b, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		switch (b[i].kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			add_spans(p, text, b[i].spans, b[i].nspans);
			break;
		case BLOCK_CODE:
			add_bytes(p, text + b[i].code_off, b[i].code_len);
			end_para(p);
			break;
		case BLOCK_TABLE:
			for (k = 0; k < (size_t)b[i].nrows * b[i].ncols; k++)
				add_spans(p, text, b[i].cells[k].spans,
				    b[i].cells[k].nspans);
			break;
		default:
			add_blocks(p, text, b[i].children, b[i].nchildren);
			break;
		}
	}
}

int
main(int argc, char **argv)
{
	struct doc *d;
	struct paras p = {0};
	int width = 80, repeat = 15, r;
	double *t;
	size_t i, k, breaks = 0, maxlen = 0;
	char *brk;

	if (argc < 2) {
		fprintf(
		    stderr, "usage: linebreak-bench FILE [WIDTH [REPEAT]]\n");
		return 2;
	}
	if (argc > 2)
		width = atoi(argv[2]);
	if (argc > 3)
		repeat = atoi(argv[3]);
	if (repeat < 1)
		repeat = 1;
	if ((d = bench_load(argv[1])) == NULL)
		return 2;
	for (i = 0; i < d->nentries; i++) {
		const struct entry *e = doc_entry_answer(d, &d->entries[i]);

		add_bytes(
		    &p, d->entries[i].question, d->entries[i].question_len);
		end_para(&p);
		add_blocks(&p, e->text, e->blocks, e->nblocks);
	}
	for (k = 0; k + 1 < p.n; k++)
		if (p.off[k + 1] - p.off[k] > maxlen)
			maxlen = p.off[k + 1] - p.off[k];
	brk = malloc(maxlen + 1);
	t = calloc((size_t)repeat, sizeof *t);
	for (r = 0; r < repeat; r++) {
		double t0 = bench_cpu_ms();

		breaks = 0;
		for (k = 0; k + 1 < p.n; k++) {
			size_t a = p.off[k], len = p.off[k + 1] - a, j;

			u8_width_linebreaks((const uint8_t *)p.text + a, len,
			    width, 0, 0, NULL, "UTF-8", brk);
			for (j = 0; j < len; j++)
				breaks += brk[j] == UC_BREAK_POSSIBLE;
		}
		t[r] = bench_cpu_ms() - t0;
	}
	qsort(t, (size_t)repeat, sizeof *t, bench_cmp_double);
	printf("u8_width_linebreaks: %zu paragraphs, %zu bytes, %zu breaks, "
	       "median %.2f ms, min %.2f ms (%d passes)\n",
	    p.n ? p.n - 1 : 0, p.len, breaks, t[repeat / 2], t[0], repeat);
	free(t);
	free(brk);
	free(p.text);
	free(p.off);
	doc_free(d);
	return 0;
}
