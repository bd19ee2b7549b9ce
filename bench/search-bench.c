/*
 * search-bench.c - times the search core on a generated corpus: loading
 * and indexing, typing a query one character at a time (each keystroke
 * narrows the last hits when the query extends the last one) plus
 * building the first screenful, 1-character queries, and a fresh
 * 3-character query searched in full.  Run by bench/search.sh; prints
 * "key value" lines.
 *
 * usage: search-bench FILE.md [REPS]     (REPS default 7)
 *        search-bench --load-only FILE.md (for peak memory)
 *
 * Built with -DHAVE_DOC_LOAD when build/libfaq.a has the Markdown loader
 * (doc.c), else with a stand-in loader below that splits the generated
 * corpus at "### " headings.  A keystroke is timed, in order of
 * preference: with -DHAVE_BROWSER, browser_key() + browser_render() of a
 * real browser at 80x24 with the query typed after "/"; with -DHAVE_RENDER,
 * search_run() + the first screenful of questions by render_plain(); else
 * search_run() + the hit ranges of the first screenful.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/resource.h>

#include <unistr.h>

#include "benchutil.h"

#include "browser.h"
#include "doc.h"
#include "keys.h"
#include "render.h"
#include "search.h"
#include "sline.h"

#define SCREEN_ROWS 22 /* 24 rows minus the title and the status line */
#define MAXKEYS 64

/* CPU time of this thread: what a keystroke costs when the machine's other
 * jobs do not take the core away (the wall time is the target). */
static double
cpu_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Peak resident set size so far, in KiB. */
static long
peak_rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

#ifdef HAVE_BROWSER
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
#endif

#ifndef HAVE_DOC_LOAD
/*
 * Stand-in for doc_load_path() until the parser lands: one entry per
 * "### " heading, the answer is the following lines with list and quote
 * markers dropped, blocks joined by '\n'.  Enough for the search core,
 * which only reads question and text.
 */
struct standin {
	struct doc d;
	char *file;
};

static struct doc *
standin_load(const char *path)
{
	struct standin *st = calloc(1, sizeof *st);
	FILE *f = fopen(path, "rb");
	size_t len, cap = 1024, i, n = 0;
	char *p, *end, *w, *line, *nl;
	struct entry *e = NULL;

	if (st == NULL || f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = (size_t)ftell(f);
	rewind(f);
	st->file = malloc(len + 1);
	if (fread(st->file, 1, len, f) != len)
		return NULL;
	fclose(f);
	st->file[len] = '\0';
	st->d.entries = malloc(cap * sizeof *st->d.entries);
	/* The text is compacted in place: w never passes the read point. */
	w = st->file;
	for (p = st->file, end = p + len; p < end; p = nl + 1) {
		line = p;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (strncmp(line, "### ", 4) == 0) {
			char *q = line + 4, *qe = nl, *id = NULL;

			for (i = 0; q + i + 1 < qe; i++)
				if (q[i] == '{' && q[i + 1] == '#')
					id = q + i;
			if (id != NULL)
				qe = id > q && id[-1] == ' ' ? id - 1 : id;
			if (e != NULL && e->text_len > 0 &&
			    e->text[e->text_len - 1] == '\n')
				e->text_len--;
			if (n == cap)
				st->d.entries = realloc(st->d.entries,
				    (cap *= 2) * sizeof *st->d.entries);
			e = &st->d.entries[n++];
			memset(e, 0, sizeof *e);
			memmove(w, q, (size_t)(qe - q));
			e->question = w;
			e->question_len = (uint32_t)(qe - q);
			w += qe - q;
			e->text = w;
			e->ref = -1;
			continue;
		}
		if (e == NULL || line[0] == '#')
			continue;
		while (line < nl && (*line == '>' || *line == ' '))
			line++;
		if (nl - line > 2 && (line[0] == '-' || line[0] == '*') &&
		    line[1] == ' ')
			line += 2;
		else if (nl - line > 3 && line[0] >= '0' && line[0] <= '9' &&
		         line[1] == '.' && line[2] == ' ')
			line += 3;
		if (line == nl)
			continue;
		memmove(w, line, (size_t)(nl - line));
		w += nl - line;
		*w++ = '\n';
		e->text_len += (uint32_t)(nl - line + 1);
	}
	st->d.nentries = n;
	return &st->d;
}
#endif

static struct doc *
bench_load(const char *path)
{
#ifdef HAVE_DOC_LOAD
	struct doc *d = doc_new();
	struct diag_list diags;

	memset(&diags, 0, sizeof diags);
	if (doc_load_path(d, path, &diags) != 0)
		return NULL;
	doc_finish(d, &diags);
	return d;
#else
	return standin_load(path);
#endif
}

/* What one keystroke costs: the search and the first screenful. */
static size_t
keystroke(const struct search_index *ix, const struct doc *d,
    struct search_query *sq, const uint32_t *within, size_t nwithin,
    uint32_t *out)
{
	size_t n = search_run(ix, sq, within, nwithin, out), i;
#ifdef HAVE_RENDER
	struct render_opts o = {80, 1, 0};
	struct slines lines;

	memset(&lines, 0, sizeof lines);
#endif
	for (i = 0; i < n && i < SCREEN_ROWS; i++) {
		struct search_hits h;
		const struct entry *e = &d->entries[out[i]];

		search_entry_hits(ix, sq, out[i], &h);
#ifdef HAVE_RENDER
		{
			struct hl_set hs = {h.q, h.nq};

			render_plain(e->question, e->question_len, "  ", "  ",
			    0, 0, &o, &hs, &lines);
		}
#else
		(void)e;
#endif
		search_hits_free(&h);
	}
#ifdef HAVE_RENDER
	slines_free(&lines);
#endif
	return n;
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
 * Types q REPS times; appends the times of keystrokes >= 2 characters to
 * t2 and of the first keystroke (a 1-character query) to t1.
 */
static void
bench_typing(const struct search_index *ix, const struct doc *d, const char *q,
    int reps, double *t2, size_t *nt2, double *t1, size_t *nt1, double *c2,
    uint32_t *a, uint32_t *b)
{
	size_t len[MAXKEYS], nk = prefixes(q, len), k;
	double per[MAXKEYS][64];
	size_t hits[MAXKEYS];
	int r;

	for (r = 0; r < reps && r < 64; r++) {
#ifdef HAVE_BROWSER
		struct browser *br = bench_browser(d, ix);

		(void)a;
		(void)b;
		bench_key(br, '/');
		for (k = 0; k < nk; k++) {
			size_t from = k ? len[k - 1] : 0;
			ucs4_t ch;
			double t0, c0;

			u8_mbtouc(
			    &ch, (const uint8_t *)q + from, len[k] - from);
			c0 = cpu_ms();
			t0 = bench_wall_ms();
			bench_key(br, ch);
			per[k][r] = bench_wall_ms() - t0;
			hits[k] = 0;
			if (k >= 1) {
				c2[*nt2] = cpu_ms() - c0;
				t2[(*nt2)++] = per[k][r];
			} else
				t1[(*nt1)++] = per[k][r];
		}
		browser_free(br);
#else
		struct search_query *prev = NULL;
		size_t nprev = 0;

		for (k = 0; k < nk; k++) {
			double c0 = cpu_ms(), t0 = bench_wall_ms();
			struct search_query *sq = search_query_new(q, len[k]);
			int narrow =
			    prev != NULL && search_query_extends(sq, prev);
			size_t n = keystroke(ix, d, sq, narrow ? a : NULL,
			    narrow ? nprev : 0, b);
			uint32_t *tmp = a;

			per[k][r] = bench_wall_ms() - t0;
			hits[k] = n;
			a = b; /* this keystroke's hits narrow the next one */
			b = tmp;
			nprev = n;
			search_query_free(prev);
			prev = sq;
			if (k >= 1) {
				c2[*nt2] = cpu_ms() - c0;
				t2[(*nt2)++] = per[k][r];
			} else
				t1[(*nt1)++] = per[k][r];
		}
		search_query_free(prev);
#endif
	}
	for (k = 0; k < nk; k++) {
#ifdef HAVE_BROWSER
		struct search_query *sq = search_query_new(q, len[k]);

		hits[k] = search_run(ix, sq, NULL, 0, a);
		search_query_free(sq);
#endif
		printf("key %s %.*s %zu %.3f\n", q, (int)len[k], q, hits[k],
		    bench_median(per[k], (size_t)(r)));
	}
}

/* A fresh query searched in full (no narrowing), median of reps. */
static double
bench_fresh(const struct search_index *ix, const struct doc *d, const char *q,
    int reps, int screen, uint32_t *out, size_t *nhits)
{
	double t[64];
	int r;

	for (r = 0; r < reps && r < 64; r++) {
		double t0 = bench_wall_ms();
		struct search_query *sq = search_query_new(q, strlen(q));

		if (screen)
			*nhits = keystroke(ix, d, sq, NULL, 0, out);
		else
			*nhits = search_run(ix, sq, NULL, 0, out);
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
	static const char *const one[] = {"請", "b", "ｶ"};
	const char *path;
	int reps = 7, load_only = 0;
	long rss_load;
	double t0, t_load, t_index, t2[4096], c2[4096], t1[256], t;
	size_t nt2 = 0, nt1 = 0, i, nhits = 0;
	struct search_index *ix;
	struct doc *d;
	uint32_t *a, *b;

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
#ifdef HAVE_DOC_LOAD
	printf("loader doc_load_path\n");
#else
	printf("loader stand-in\n");
#endif
#if defined(HAVE_BROWSER)
	printf("screen browser_key+browser_render_80x24\n");
#elif defined(HAVE_RENDER)
	printf("screen search+render_plain\n");
#else
	printf("screen hits-only\n");
#endif
	printf("load_ms %.1f\nindex_ms %.1f\n", t_load, t_index);
	printf("rss_after_load_kb %ld\nrss_after_index_kb %ld\n", rss_load,
	    peak_rss_kb());
	if (load_only)
		return 0;
	a = malloc((d->nentries + 1) * sizeof *a);
	b = malloc((d->nentries + 1) * sizeof *b);
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++)
		bench_typing(
		    ix, d, typed[i], reps, t2, &nt2, t1, &nt1, c2, a, b);
	printf("typing_median_cpu_ms %.3f\n", bench_median(c2, nt2));
	printf("typing_median_ms %.3f\n", bench_median(t2, nt2));
	printf("typing_max_ms %.3f\n", nt2 ? t2[nt2 - 1] : 0.0);
	printf("first_key_median_ms %.3f\n", bench_median(t1, nt1));
	printf("first_key_max_ms %.3f\n", nt1 ? t1[nt1 - 1] : 0.0);
#ifndef HAVE_BROWSER
	for (i = 0; i < sizeof one / sizeof one[0]; i++) {
		t = bench_fresh(ix, d, one[i], reps, 1, a, &nhits);
		printf("one_char %s %zu %.3f\n", one[i], nhits, t);
	}
#else
	(void)one;
#endif
	t = bench_fresh(ix, d, "請求書", reps, 0, a, &nhits);
	printf("fresh3_ms %.3f\nfresh3_hits %zu\n", t, nhits);
	search_index_free(ix);
	free(a);
	free(b);
	return 0;
}
