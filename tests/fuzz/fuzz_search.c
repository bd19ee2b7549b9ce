/*
 * fuzz_search.c - libFuzzer driver: search with random queries over random
 * content.  Input: one byte L, L bytes of query, one byte picking the file
 * name (fuzzcheck.h), then the content.  For the query and every prefix of
 * it (as a search field sees it being typed or pasted), traps when:
 *   - narrowing the hits of a prefix that search_query_extends() says the
 *     query extends gives other hits than a search from scratch;
 *   - hits are not in document order or out of range;
 *   - a hit range is outside its string, unsorted or overlapping;
 *   - the question or answer rendered with those highlights breaks a line
 *     invariant (fuzzcheck.h).
 * Romaji and any other query reading go through search_query_new(), so
 * they are covered once they exist.
 *
 * The query is also read with alternatives, as romaji gives them: a term
 * a|b|c has the alternatives a|b|c, a, b and c.  Such terms are found by
 * the one-pass matcher (search_multi.c, its SSSE3 or scalar way with
 * FAQ_SEARCH_MULTI), which must give the hits of one pass per
 * alternative; and the closest-match ranking (search_rank, its features
 * found in one pass too) must give the entries, order and scores of
 * search_rank_each, of the plain query and of this one.
 */
#include "fuzzcheck.h"
#include "render.h"
#include "search.h"
#include "search_query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_ranges(const struct hl_range *r, size_t n, uint32_t len)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r[i].start >= r[i].end || r[i].end > len)
			__builtin_trap();
		if (i > 0 && r[i].start < r[i - 1].end)
			__builtin_trap();
	}
}

static void
check_hits(const struct doc *d, const struct search_index *ix,
    const struct search_query *sq, const uint32_t *hits, size_t n)
{
	struct render_opts o = {0};
	struct slines out = {0};
	size_t i;

	o.width = 40;
	o.ambiguous = 2;
	for (i = 0; i < n; i++) {
		const struct entry *e;
		struct search_hits h = {0};
		struct hl_set hq, ha;

		if (hits[i] >= d->nentries || (i > 0 && hits[i] <= hits[i - 1]))
			__builtin_trap();
		if (i >= 8)
			continue; /* the screen shows a few */
		e = &d->entries[hits[i]];
		search_entry_hits(ix, sq, hits[i], &h);
		check_ranges(h.q, h.nq, e->question_len);
		check_ranges(h.a, h.na, doc_entry_answer(d, e)->text_len);
		hq.v = h.q;
		hq.n = h.nq;
		ha.v = h.a;
		ha.n = h.na;
		slines_clear(&out);
		render_plain(e->question, e->question_len, "> ", "  ",
		    AT_CHROME, AT_HEADING, &o, &hq, &out);
		render_answer(doc_entry_answer(d, e), &o, &ha, &out);
		fuzz_check_lines(&out, o.width, o.ambiguous);
		search_hits_free(&h);
	}
	slines_free(&out);
}

/* Alternatives of a term: its parts between '|' (romaji_alts' contract:
 * malloc'd strings in a malloc'd array). */
static size_t
bar_alts(void *arg, const char *term, size_t tn, char ***out)
{
	size_t n = 0, i, start = 0;

	(void)arg;
	if (memchr(term, '|', tn) == NULL)
		return 0;
	*out = calloc(tn + 1, sizeof **out);
	if (*out == NULL)
		abort();
	for (i = 0; i <= tn; i++) {
		if (i < tn && term[i] != '|')
			continue;
		if (i > start) {
			(*out)[n] = strndup(term + start, i - start);
			if ((*out)[n++] == NULL)
				abort();
		}
		start = i + 1;
	}
	if (n == 0)
		free(*out);
	return n;
}

/* search_rank against search_rank_each: over all entries and within the
 * first half, for the closest 1, 10 and all. */
static void
check_rank(const struct doc *d, const struct search_index *ix,
    const struct search_query *sq, uint32_t *o1, uint32_t *o2, float *s1,
    float *s2)
{
	static const size_t maxes[] = {1, 10, (size_t)-1};
	uint32_t *within = calloc(d->nentries / 2 + 1, sizeof *within);
	size_t k, i, n1, n2, nw = d->nentries / 2, max;

	if (within == NULL)
		abort();
	for (i = 0; i < nw; i++)
		within[i] = (uint32_t)(2 * i);
	for (k = 0; k < sizeof maxes / sizeof maxes[0]; k++) {
		max = maxes[k] < d->nentries ? maxes[k] : d->nentries;
		n1 = search_rank(ix, sq, NULL, 0, max, o1, s1);
		n2 = search_rank_each(ix, sq, NULL, 0, max, o2, s2);
		if (n1 != n2 || memcmp(o1, o2, n1 * sizeof *o1) != 0 ||
		    memcmp(s1, s2, n1 * sizeof *s1) != 0)
			__builtin_trap();
		max = maxes[k] < nw ? maxes[k] : nw;
		n1 = search_rank(ix, sq, within, nw, max, o1, s1);
		n2 = search_rank_each(ix, sq, within, nw, max, o2, s2);
		if (n1 != n2 || memcmp(o1, o2, n1 * sizeof *o1) != 0 ||
		    memcmp(s1, s2, n1 * sizeof *s1) != 0)
			__builtin_trap();
	}
	free(within);
}

/* The query with alternatives: the one-pass matcher finds what one pass
 * per alternative finds, and the ranking agrees with the plain way. */
static void
check_alts(const struct doc *d, const struct search_index *ix, const char *q,
    size_t qn, uint32_t *o1, uint32_t *o2, float *s1, float *s2)
{
	struct search_query *sq = search_query_new_alts(q, qn, bar_alts, NULL);
	size_t n1, n2, t;

	check_rank(d, ix, sq, o1, o2, s1, s2);
	n1 = search_run(ix, sq, NULL, 0, o1);
	for (t = 0; t < sq->nterms; t++) {
		search_multi_free(sq->multi[t]);
		sq->multi[t] = NULL;
	}
	n2 = search_run(ix, sq, NULL, 0, o2);
	if (n1 != n2 || memcmp(o1, o2, n1 * sizeof *o1) != 0)
		__builtin_trap();
	search_query_free(sq);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = {0};
	struct search_index *ix;
	struct search_query *full, *prev;
	struct doc *d;
	const char *q;
	size_t qn, n, np, k;
	uint32_t *hits, *inc;

	if (size < 2 || (size_t)data[0] + 2 > size)
		return 0;
	qn = data[0];
	q = (const char *)data + 1;
	d = fuzz_load(fuzz_name(data[1 + qn]), data + 2 + qn, size - 2 - qn,
	    SIZE_MAX, &diags);
	ix = search_index_new(d);
	hits = calloc(d->nentries + 1, sizeof *hits);
	inc = calloc(d->nentries + 1, sizeof *inc);
	if (hits == NULL || inc == NULL)
		abort();
	full = search_query_new(q, qn);
	n = search_run(ix, full, NULL, 0, hits);
	check_hits(d, ix, full, hits, n);
	/* Every prefix, cut anywhere (a paste may end mid-character). */
	for (k = 0; k < qn; k++) {
		prev = search_query_new(q, k);
		np = search_run(ix, prev, NULL, 0, inc);
		if (search_query_extends(full, prev)) {
			np = search_run(ix, full, inc, np, inc);
			if (np != n || memcmp(inc, hits, n * sizeof *hits) != 0)
				__builtin_trap();
		}
		search_query_free(prev);
	}
	{
		uint32_t *o2 = calloc(d->nentries + 1, sizeof *o2);
		float *s1 = calloc(d->nentries + 1, sizeof *s1);
		float *s2 = calloc(d->nentries + 1, sizeof *s2);

		if (o2 == NULL || s1 == NULL || s2 == NULL)
			abort();
		check_rank(d, ix, full, inc, o2, s1, s2);
		check_alts(d, ix, q, qn, inc, o2, s1, s2);
		free(o2);
		free(s1);
		free(s2);
	}
	search_query_free(full);
	free(hits);
	free(inc);
	search_index_free(ix);
	diag_clear(&diags);
	doc_free(d);
	return 0;
}
