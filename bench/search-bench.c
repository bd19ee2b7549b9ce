/*
 * search-bench.c - times the search core on a generated corpus, the way
 * the program uses it: loading (load_path + doc_finish) and indexing
 * (search_index_new); then a real browser at 80x24, "/" and a query typed
 * one K_CHAR at a time, each keystroke timed as browser_key() +
 * browser_render() (the browser narrows with the last hits when the query
 * extends the last one); the first keystroke of each query is the
 * 1-character case; and a fresh 3-character query searched in full with
 * search_run() alone.  Issue 11, in the same run: `seikyuusho` typed a
 * key at a time with romaji on (C/Migemo loaded before; the browser loads
 * it once, at the first romaji query), every keystroke timed; the same
 * romaji query searched in full (search_run with its alternatives)
 * against one full search per alternative; and the closest-match ranking
 * (search_rank) of a 10-character Japanese sentence.  Run by bench/search.sh; prints "key
 * value" lines.
 *
 * usage: search-bench FILE.md [REPS]     (REPS default 7, at most 64)
 *        search-bench --load-only FILE.md (for peak memory)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/resource.h>

#include <unistr.h>

#include "benchdoc.h"
#include "benchutil.h"

#include "browser.h"
#include "doc.h"
#include "keys.h"
#include "romaji.h"
#include "search.h"
#include "xalloc.h"

#define MAXKEYS 64
#define MAXREPS 64

/* CPU time of this thread: what a keystroke costs the browser's thread when
 * the machine's other jobs do not take the core away (the wall time is the
 * target; bench_cpu_ms would add the search's helper thread). */
static double
thread_cpu_ms(void)
{
	return bench_clock_ms(CLOCK_THREAD_CPUTIME_ID);
}

/* Peak resident set size so far, in KiB. */
static long
peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static struct romaji *bench_rj; /* romaji for the browsers, or NULL */

static struct browser *
bench_browser(const struct doc *d, const struct search_index *ix)
{
	struct browser_opts o;
	struct screen scr;
	struct browser *b;
	char *err = NULL;

	memset(&o, 0, sizeof o);
	o.ambiguous = 1;
	o.lang = "ja";
	o.romaji = bench_rj;
	b = browser_new(d, ix, &o, &err);
	if (b == NULL) {
		fprintf(
		    stderr, "search-bench: %s\n", err ? err : "browser_new");
		exit(1);
	}
	browser_render(b, 80, 24, &scr);
	screen_free(&scr);
	return b;
}

/* One key and the frame after it, as the terminal front end does. */
static void
bench_key(struct browser *b, uint32_t ch)
{
	struct key_event k;
	struct screen scr;

	memset(&k, 0, sizeof k);
	k.key = K_CHAR;
	k.ch = ch;
	browser_key(b, &k);
	browser_render(b, 80, 24, &scr);
	screen_free(&scr);
}

/* Byte lengths of the prefixes of q that end at a character boundary. */
static size_t
prefixes(const char *q, size_t *len)
{
	size_t n = 0, i, ql = strlen(q);

	for (i = 1; i <= ql && n < MAXKEYS; i++)
		if (i == ql || ((unsigned char)q[i] & 0xC0) != 0x80)
			len[n++] = i;
	return n;
}

/*
 * Types q after "/" in a fresh browser, REPS times; appends the wall times
 * of keystrokes >= 2 characters to t2 (their thread CPU times to c2) and of
 * the first keystroke (a 1-character query) to t1.  Prints one "key" line
 * per prefix: its hit count (search_run into out) and median wall time.
 */
static void
bench_typing(const struct search_index *ix, const struct doc *d, const char *q,
    int reps, double *t2, size_t *nt2, double *t1, size_t *nt1, double *c2,
    uint32_t *out)
{
	size_t len[MAXKEYS], nk = prefixes(q, len), k;
	double per[MAXKEYS][MAXREPS];
	int r;

	for (r = 0; r < reps && r < MAXREPS; r++) {
		struct browser *br = bench_browser(d, ix);

		bench_key(br, '/');
		for (k = 0; k < nk; k++) {
			size_t from = k ? len[k - 1] : 0;
			ucs4_t ch;
			double t0, c0;

			u8_mbtouc(
			    &ch, (const uint8_t *)q + from, len[k] - from);
			c0 = thread_cpu_ms();
			t0 = bench_wall_ms();
			bench_key(br, ch);
			per[k][r] = bench_wall_ms() - t0;
			if (k >= 1) {
				c2[*nt2] = thread_cpu_ms() - c0;
				t2[(*nt2)++] = per[k][r];
			} else
				t1[(*nt1)++] = per[k][r];
		}
		browser_free(br);
	}
	for (k = 0; k < nk; k++) {
		struct search_query *sq = search_query_new(q, len[k]);
		size_t hits = search_run(ix, sq, NULL, 0, out);

		search_query_free(sq);
		printf("key %s %.*s %zu %.3f\n", q, (int)len[k], q, hits,
		    bench_median(per[k], (size_t)r));
	}
}

/* A fresh query searched in full (no narrowing), median of reps. */
static double
bench_fresh(const struct search_index *ix, const char *q, int reps,
    uint32_t *out, size_t *nhits)
{
	double t[MAXREPS];
	int r;

	for (r = 0; r < reps && r < MAXREPS; r++) {
		double t0 = bench_wall_ms();
		struct search_query *sq = search_query_new(q, strlen(q));

		*nhits = search_run(ix, sq, NULL, 0, out);
		t[r] = bench_wall_ms() - t0;
		search_query_free(sq);
	}
	return bench_median(t, (size_t)r);
}

/* Every keystroke of q (romaji on), wall and thread CPU times. */
static size_t
bench_romaji_typing(const struct search_index *ix, const struct doc *d,
    const char *q, int reps, double *t, double *c)
{
	size_t n = 0, k, ql = strlen(q);
	int r;

	for (r = 0; r < reps && r < MAXREPS; r++) {
		struct browser *br = bench_browser(d, ix);

		bench_key(br, '/');
		for (k = 0; k < ql; k++) {
			double t0 = bench_wall_ms(), c0 = thread_cpu_ms();

			bench_key(br, (unsigned char)q[k]);
			t[n] = bench_wall_ms() - t0;
			c[n++] = thread_cpu_ms() - c0;
		}
		browser_free(br);
	}
	return n;
}

/* q with its romaji alternatives searched in full (search_run) and, for
 * comparison, one full search per alternative. */
static void
bench_romaji_fresh(const struct search_index *ix, const char *q, int reps,
    uint32_t *out, double *one, double *each, size_t *nalts)
{
	double t1[MAXREPS], t2[MAXREPS];
	struct search_query *sq =
	    search_query_new_alts(q, strlen(q), romaji_alts, bench_rj);
	size_t k, n;
	int r;

	*nalts = search_query_nalts(sq, 0);
	for (r = 0; r < reps && r < MAXREPS; r++) {
		double t0 = bench_wall_ms();

		search_run(ix, sq, NULL, 0, out);
		t1[r] = bench_wall_ms() - t0;
		t0 = bench_wall_ms();
		for (k = 0; k < *nalts; k++) {
			const char *a = search_query_alt(sq, 0, k, &n);
			struct search_query *one_alt = search_query_new(a, n);

			search_run(ix, one_alt, NULL, 0, out);
			search_query_free(one_alt);
		}
		t2[r] = bench_wall_ms() - t0;
	}
	search_query_free(sq);
	*one = bench_median(t1, (size_t)r);
	*each = bench_median(t2, (size_t)r);
}

/* The closest entries to a sentence (search_run finding nothing, then
 * search_rank), as the outline does; median wall time. */
static double
bench_closest(const struct search_index *ix, const char *q, int reps,
    uint32_t *out, size_t *nexact)
{
	double t[MAXREPS];
	uint32_t best[10];
	int r;

	for (r = 0; r < reps && r < MAXREPS; r++) {
		double t0 = bench_wall_ms();
		struct search_query *sq = search_query_new(q, strlen(q));

		*nexact = search_run(ix, sq, NULL, 0, out);
		search_rank(ix, sq, NULL, 0, 10, best, NULL);
		t[r] = bench_wall_ms() - t0;
		search_query_free(sq);
	}
	return bench_median(t, (size_t)r);
}

int
main(int argc, char **argv)
{
	static const char *const typed[] = {
	    "請求書", "billing", "クレジットカード", "ｱｶｳﾝﾄ 削除"};
	const char *path;
	int reps = 7, load_only = 0;
	long rss_load;
	double t0, t_load, t_index, t;
	/* Enough for every query's keystrokes at MAXREPS. */
	double t2[4096], c2[4096], t1[4 * MAXREPS];
	size_t nt2 = 0, nt1 = 0, i, nhits = 0;
	struct search_index *ix;
	struct doc *d;
	uint32_t *out;

	xalloc_tune(); /* as main.c does: the same allocator policy */
	if (argc > 1 && strcmp(argv[1], "--load-only") == 0) {
		load_only = 1;
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: search-bench [--load-only] FILE.md "
		                "[REPS]\n");
		return 2;
	}
	path = argv[1];
	if (argc > 2)
		reps = atoi(argv[2]);
	t0 = bench_wall_ms();
	d = bench_load(path);
	if (d == NULL) {
		fprintf(stderr, "search-bench: cannot load %s\n", path);
		return 1;
	}
	t_load = bench_wall_ms() - t0;
	rss_load = peak_rss_kb();
	t0 = bench_wall_ms();
	ix = search_index_new(d);
	t_index = bench_wall_ms() - t0;
	printf("entries %zu\n", d->nentries);
	printf("loader load_path\n");
	printf("screen browser_key+browser_render_80x24\n");
	printf("load_ms %.1f\nindex_ms %.1f\n", t_load, t_index);
	printf("rss_after_load_kb %ld\nrss_after_index_kb %ld\n", rss_load,
	    peak_rss_kb());
	if (load_only)
		return 0;
	out = malloc((d->nentries + 1) * sizeof *out);
	if (out == NULL)
		return 1;
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++)
		bench_typing(
		    ix, d, typed[i], reps, t2, &nt2, t1, &nt1, c2, out);
	/* bench_median sorts, so the last element is then the maximum. */
	printf("typing_median_cpu_ms %.3f\n", bench_median(c2, nt2));
	printf("typing_median_ms %.3f\n", bench_median(t2, nt2));
	printf("typing_max_ms %.3f\n", nt2 ? t2[nt2 - 1] : 0.0);
	printf("first_key_median_ms %.3f\n", bench_median(t1, nt1));
	printf("first_key_max_ms %.3f\n", nt1 ? t1[nt1 - 1] : 0.0);
	t = bench_fresh(ix, "請求書", reps, out, &nhits);
	printf("fresh3_ms %.3f\nfresh3_hits %zu\n", t, nhits);
	/* Issue 11 */
	{
		static double rt[MAXREPS * 16], rc[MAXREPS * 16];
		double one, each;
		size_t nr, nalts;

		bench_rj = romaji_new(1);
		printf("romaji_level %d\n", (int)romaji_level(bench_rj));
		nr = bench_romaji_typing(ix, d, "seikyuusho", reps, rt, rc);
		printf("romaji_typing_median_ms %.3f\n", bench_median(rt, nr));
		printf("romaji_typing_max_ms %.3f\n", nr ? rt[nr - 1] : 0.0);
		printf("romaji_typing_median_cpu_ms %.3f\n",
		    bench_median(rc, nr));
		bench_romaji_fresh(
		    ix, "seikyuusho", reps, out, &one, &each, &nalts);
		printf("romaji_fresh_ms %.3f\n", one);
		printf("romaji_fresh_per_alt_ms %.3f\nromaji_alts %zu\n",
		    each, nalts);
		t = bench_closest(ix, "支払いができなかった", reps, out, &nhits);
		printf("closest10_ms %.3f\nclosest10_exact %zu\n", t, nhits);
		romaji_free(bench_rj);
		bench_rj = NULL;
	}
	search_index_free(ix);
	doc_free(d);
	free(out);
	return 0;
}
