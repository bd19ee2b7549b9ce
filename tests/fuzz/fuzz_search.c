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
 */
#include "fuzzcheck.h"
#include "render.h"
#include "search.h"

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
	search_query_free(full);
	free(hits);
	free(inc);
	search_index_free(ix);
	diag_clear(&diags);
	doc_free(d);
	return 0;
}
