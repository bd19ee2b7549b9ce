/*
 * render-bench.c - times faq's renderer alone: loads FILE (untimed), then
 * renders every entry's question (render_plain) and answer (render_answer)
 * at WIDTH columns, REPEAT times, and prints the median and the fastest
 * pass in milliseconds of CPU time (CLOCK_PROCESS_CPUTIME_ID: on a
 * machine shared with other jobs, wall time measures them too).  Built and
 * run by bench/render.sh.
 *
 *   render-bench FILE [WIDTH [REPEAT]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "benchdoc.h"
#include "benchutil.h"

#include "diag.h"
#include "doc.h"
#include "render.h"

int
main(int argc, char **argv)
{
	struct doc *d;
	struct slines out = {0};
	struct render_opts o = {80, 1, 0, 0};
	int repeat = 15, r;
	double *t;
	size_t i, lines = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: render-bench FILE [WIDTH [REPEAT]]\n");
		return 2;
	}
	if (argc > 2)
		o.width = atoi(argv[2]);
	if (argc > 3)
		repeat = atoi(argv[3]);
	if (repeat < 1)
		repeat = 1;
	if ((d = bench_load(argv[1])) == NULL)
		return 2;
	t = calloc((size_t)repeat, sizeof *t);
	for (r = 0; r < repeat; r++) {
		double t0 = bench_cpu_ms();

		lines = 0;
		for (i = 0; i < d->nentries; i++) {
			const struct entry *e = &d->entries[i];

			render_plain(e->question, e->question_len, "▶ ", "  ",
			    AT_CHROME, AT_HEADING, &o, NULL, &out);
			render_answer(doc_entry_answer(d, e), &o, NULL, &out);
			lines += out.n;
			slines_clear(&out);
		}
		t[r] = bench_cpu_ms() - t0;
	}
	qsort(t, (size_t)repeat, sizeof *t, bench_cmp_double);
	printf("render: %zu entries, %zu lines, median %.2f ms, min %.2f ms "
	       "(%d passes)\n",
	    d->nentries, lines, t[repeat / 2], t[0], repeat);
	free(t);
	slines_free(&out);
	doc_free(d);
	return 0;
}
