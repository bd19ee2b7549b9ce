/*
 * test_multi.c - the one-pass search for several literals (search_multi.c)
 * against the straightforward ways, on random literals and text: a romaji
 * term's alternatives and the closest-match ranking's features are found
 * in one pass, and must be found exactly where one memcmp per position
 * and per literal (and one search_find_in pass per alternative) find
 * them.  Every vector kind the CPU has is tried, and the scalar one.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "search_query.h"

/* A small deterministic generator (the same cases on every run). */
static uint64_t rng;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

/* Pieces the literals and the text are made of: few, so that literals
 * occur often and share first characters (さ and さい, 請 and 請求), plus
 * bytes of one character alone and the separator of the index. */
static const char *const piece[] = {"さ", "い", "せ", "請", "求", "書",
    "く", "だ", "a", "b", "s", "e", "i", "\n", "\xe3", "\x81", "ー"};
#define NPIECE (sizeof piece / sizeof piece[0])

static size_t
rnd_text(char *buf, size_t max)
{
	size_t n = 0, k, np = rnd(8) + 1;

	for (k = 0; k < np; k++) {
		const char *p = piece[rnd(NPIECE)];
		size_t l = strlen(p);

		if (n + l > max)
			break;
		memcpy(buf + n, p, l);
		n += l;
	}
	return n;
}

/* The first i where a literal occurs whole in h[0..hn), and which do. */
static long
naive_find(const char *h, size_t hn, char lit[][40], const size_t *len,
    size_t n, unsigned *which)
{
	size_t i, k;

	*which = 0;
	for (i = 0; i < hn; i++) {
		for (k = 0; k < n; k++)
			if (len[k] <= hn - i && memcmp(h + i, lit[k], len[k]) == 0)
				*which |= 1u << k;
		if (*which != 0)
			return (long)i;
	}
	return -1;
}

static const enum search_multi_impl impls[] = {
    SEARCH_MULTI_SCALAR, SEARCH_MULTI_SSSE3, SEARCH_MULTI_AVX2};

static void
test_multi_equals_naive(void **state)
{
	static char lit[SEARCH_MULTI_MAX][40];
	static char text[4096];
	const char *lp[SEARCH_MULTI_MAX];
	size_t len[SEARCH_MULTI_MAX], n, k, hn, tn, c, m, from;
	unsigned w1, w2;
	const char *p;
	long want;

	(void)state;
	for (m = 0; m < sizeof impls / sizeof impls[0]; m++) {
		if (!search_multi_supported(impls[m]))
			continue;
		rng = 0x9E3779B97F4A7C15ull + m;
		for (c = 0; c < 3000; c++) {
			struct search_multi *sm;

			n = rnd(SEARCH_MULTI_MAX) + 1;
			for (k = 0; k < n; k++) {
				do
					len[k] = rnd_text(lit[k], 12);
				while (len[k] == 0);
				lp[k] = lit[k];
			}
			/* text: pieces and literals, up to 3000 bytes */
			tn = rnd(3000);
			for (hn = 0; hn < tn;) {
				if (rnd(6) == 0) {
					k = rnd((uint32_t)n);
					if (hn + len[k] > sizeof text)
						break;
					memcpy(text + hn, lit[k], len[k]);
					hn += len[k];
				} else {
					size_t l = rnd_text(text + hn, sizeof text - hn);

					if (l == 0)
						break;
					hn += l;
				}
			}
			sm = search_multi_new_impl(lp, len, n, impls[m]);
			assert_non_null(sm);
			/* from several starts, with and without readable bytes
			 * past the end (which must not be matched into) */
			for (from = 0; from <= hn; from += 1 + rnd(700)) {
				size_t end = hn - rnd((uint32_t)(hn - from) + 1);

				want = naive_find(text + from, end - from, lit, len,
				    n, &w1);
				p = search_multi_find(sm, text + from, end - from,
				    rnd(2) ? hn - from : end - from, &w2);
				assert_int_equal(p ? (long)(p - text - from) : -1,
				    want);
				if (want >= 0)
					assert_int_equal(w2, w1);
			}
			search_multi_free(sm);
		}
	}
}

/* Alternatives for a term, as romaji_alts gives them: random pieces. */
static size_t
rnd_alts(void *arg, const char *term, size_t tn, char ***out)
{
	size_t n = rnd(SEARCH_MAX_ALTS + 4), k, l;
	char buf[40];

	(void)arg;
	(void)term;
	(void)tn;
	if (n == 0)
		return 0;
	*out = malloc(n * sizeof **out);
	for (k = 0; k < n; k++) {
		do
			l = rnd_text(buf, 12);
		while (l == 0 || (l == 1 && (unsigned char)buf[0] >= 0x80));
		buf[l] = '\0';
		(*out)[k] = strdup(buf);
	}
	return n;
}

/* The terms' alternatives in one pass (search_find_term) and one pass
 * each (search_find_term_each) agree on where and how long, and so do
 * whole searches on a doc: the query's one-pass finders dropped give the
 * straightforward search. */
static void
test_find_term_equals_each(void **state)
{
	static char text[8192];
	static struct entry e[64];
	static char etext[64][600];
	struct doc d;
	struct search_index *ix;
	uint32_t out1[64], out2[64];
	size_t c, t, hn, from, m1, m2, n1, n2, i;
	const char *p1, *p2;

	(void)state;
	rng = 12345;
	for (c = 0; c < 400; c++) {
		struct search_query *sq = search_query_new_alts(
		    "abc ei", 6, rnd_alts, NULL);

		for (hn = 0; hn < 6000;) {
			size_t l = rnd_text(text + hn, sizeof text - hn);

			if (l == 0)
				break;
			hn += l;
		}
		for (t = 0; t < search_query_nterms(sq); t++)
			for (from = 0; from < hn; from += 1 + rnd(900)) {
				m1 = m2 = 0;
				p1 = search_find_term(
				    text + from, hn - from, hn - from, sq, t, &m1);
				p2 = search_find_term_each(
				    text + from, hn - from, hn - from, sq, t, &m2);
				assert_ptr_equal(p1, p2);
				if (p1 != NULL)
					assert_int_equal(m1, m2);
			}
		/* a doc of 64 entries cut from the text, searched with and
		 * without the one-pass finders */
		memset(e, 0, sizeof e);
		for (i = 0; i < 64; i++) {
			size_t l = rnd_text(etext[i], 40);

			l += rnd_text(etext[i] + l, 40);
			etext[i][l] = '\0';
			e[i].question = etext[i];
			e[i].question_len = (uint32_t)(l / 3);
			e[i].text = etext[i] + l / 3;
			e[i].text_len = (uint32_t)(l - l / 3);
			e[i].ref = rnd(8) == 0 ? (int32_t)rnd(64) : -1;
		}
		memset(&d, 0, sizeof d);
		d.entries = e;
		d.nentries = 64;
		ix = search_index_new(&d);
		n1 = search_run(ix, sq, NULL, 0, out1);
		/* the same alternatives without the one-pass finders */
		for (t = 0; t < sq->nterms; t++) {
			search_multi_free(sq->multi[t]);
			sq->multi[t] = NULL;
		}
		n2 = search_run(ix, sq, NULL, 0, out2);
		assert_int_equal(n1, n2);
		assert_memory_equal(out1, out2, n1 * sizeof *out1);
		search_index_free(ix);
		search_query_free(sq);
	}
}

/* A random doc of ne entries in 3 sections whose titles hold pieces too
 * (a feature in a section title counts as one in the question). */
struct rdoc {
	struct doc d;
	struct entry e[300];
	struct section s[3];
	char text[300][200];
	char title[3][40];
};

static void
rdoc_fill(struct rdoc *r, size_t ne)
{
	size_t i, l;

	memset(r, 0, sizeof *r);
	for (i = 0; i < 3; i++) {
		l = rnd_text(r->title[i], 30);
		r->title[i][l] = '\0';
		r->s[i].title = r->title[i];
		r->s[i].intro = NULL;
	}
	for (i = 0; i < ne; i++) {
		l = rnd_text(r->text[i], 60);
		l += rnd_text(r->text[i] + l, 60);
		l += rnd_text(r->text[i] + l, 60);
		r->text[i][l] = '\0';
		r->e[i].question = r->text[i];
		r->e[i].question_len = (uint32_t)(l / 4);
		r->e[i].text = r->text[i] + l / 4;
		r->e[i].text_len = (uint32_t)(l - l / 4);
		r->e[i].ref = rnd(10) == 0 ? (int32_t)rnd((uint32_t)ne) : -1;
		r->e[i].section = rnd(3);
	}
	r->d.entries = r->e;
	r->d.nentries = ne;
	r->d.secs = r->s;
	r->d.nsecs = 3;
}

/*
 * The closest-match ranking, with its features found in one pass per
 * group and the best kept in a heap, gives exactly the entries, order
 * and scores of one pass per feature and a sort of every entry: on random
 * docs and sentences (up to 40 bigrams: several groups), for the closest
 * 1, 3, 10 and all, over all entries and within some.
 */
static void
test_rank_equals_each(void **state)
{
	static struct rdoc r;
	static const size_t maxes[] = {1, 3, 10, 300};
	uint32_t out1[300], out2[300], within[300];
	float sc1[300], sc2[300];
	char q[200];
	size_t c, ne, n1, n2, ql, k, nw, i;

	(void)state;
	rng = 777;
	for (c = 0; c < 300; c++) {
		struct search_index *ix;
		struct search_query *sq;

		ne = 1 + rnd(300);
		rdoc_fill(&r, ne);
		ix = search_index_new(&r.d);
		ql = 0;
		for (k = rnd(6) + 1; k > 0; k--) {
			ql += rnd_text(q + ql, 40);
			if (rnd(3) == 0)
				q[ql++] = ' ';
		}
		sq = rnd(2) ? search_query_new_alts(q, ql, rnd_alts, NULL)
		            : search_query_new(q, ql);
		for (nw = 0, i = 0; i < ne; i++)
			if (rnd(3) == 0)
				within[nw++] = (uint32_t)i;
		for (k = 0; k < sizeof maxes / sizeof maxes[0]; k++) {
			n1 = search_rank(ix, sq, NULL, 0, maxes[k], out1, sc1);
			n2 = search_rank_each(ix, sq, NULL, 0, maxes[k], out2, sc2);
			assert_int_equal(n1, n2);
			assert_memory_equal(out1, out2, n1 * sizeof *out1);
			assert_memory_equal(sc1, sc2, n1 * sizeof *sc1);
			n1 = search_rank(ix, sq, within, nw, maxes[k], out1, sc1);
			n2 = search_rank_each(
			    ix, sq, within, nw, maxes[k], out2, sc2);
			assert_int_equal(n1, n2);
			assert_memory_equal(out1, out2, n1 * sizeof *out1);
			assert_memory_equal(sc1, sc2, n1 * sizeof *sc1);
		}
		search_query_free(sq);
		search_index_free(ix);
	}
}

/*
 * FAQ_SEARCH_MULTI caps the CPU's best: a slower vector kind, the scalar
 * tables or none (the callers' own loop) is taken on any CPU that has it,
 * a kind the CPU lacks never, and an unknown or unset value changes
 * nothing.
 */
static void
test_pick(void **state)
{
	static const enum search_multi_impl cpus[] = {
	    SEARCH_MULTI_NONE, SEARCH_MULTI_SSSE3, SEARCH_MULTI_AVX2};
	size_t c;

	(void)state;
	for (c = 0; c < sizeof cpus / sizeof cpus[0]; c++) {
		enum search_multi_impl cpu = cpus[c];

		assert_int_equal(search_multi_pick(NULL, cpu), cpu);
		assert_int_equal(search_multi_pick("", cpu), cpu);
		assert_int_equal(search_multi_pick("AVX2x", cpu), cpu);
		assert_int_equal(search_multi_pick("none", cpu), SEARCH_MULTI_NONE);
		assert_int_equal(
		    search_multi_pick("scalar", cpu), SEARCH_MULTI_SCALAR);
		assert_int_equal(search_multi_pick("avx2", cpu), cpu);
	}
	assert_int_equal(search_multi_pick("ssse3", SEARCH_MULTI_AVX2),
	    SEARCH_MULTI_SSSE3);
	assert_int_equal(search_multi_pick("ssse3", SEARCH_MULTI_SSSE3),
	    SEARCH_MULTI_SSSE3);
	assert_int_equal(
	    search_multi_pick("ssse3", SEARCH_MULTI_NONE), SEARCH_MULTI_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_multi_equals_naive),
	    cmocka_unit_test(test_find_term_equals_each),
	    cmocka_unit_test(test_rank_equals_each),
	    cmocka_unit_test(test_pick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
