/*
 * search_query.c - queries (terms and their alternatives) and the literal
 * matching under every search; see search.h and search_query.h.
 */
#include "search_query.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "fold.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Finds nd in h[0..hn), reading up to h[readable) (>= hn): a region of the
 * index is followed by the rest of the buffer, so the vector loop runs to
 * the region's end without a scalar tail.  glibc's memmem runs at 1.5-4
 * GB/s on Japanese text; this compares two needle bytes 16 positions at a
 * time (the last byte of the first character and the last byte, more
 * selective in UTF-8 than lead bytes) and confirms with memcmp: about
 * 10 GB/s.
 */
const char *
search_find_in(
    const char *h, size_t hn, size_t readable, const char *nd, size_t nn)
{
	size_t a, b, i = 0, last;
	uint32_t c;

	if (nn == 0)
		return h;
	if (nn > hn)
		return NULL;
	if (nn == 1)
		return memchr(h, nd[0], hn);
	last = hn - nn; /* the last position a match may start at */
	b = nn - 1;
	a = utf8_decode(nd, nn, &c) - 1; /* the end of the first character */
	if (a == b)
		a = b - 1;
#if defined(__SSE2__)
	{
		const __m128i fa = _mm_set1_epi8(nd[a]);
		const __m128i fb = _mm_set1_epi8(nd[b]);

		for (; i <= last && i + 16 + b <= readable; i += 16) {
			__m128i va =
			    _mm_loadu_si128((const __m128i *)(h + i + a));
			__m128i vb =
			    _mm_loadu_si128((const __m128i *)(h + i + b));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(va, fa), _mm_cmpeq_epi8(vb, fb)));

			if (last - i < 15)
				m &= (2u << (last - i)) - 1;
			while (m != 0) {
				unsigned k = (unsigned)__builtin_ctz(m);

				if (memcmp(h + i + k, nd, nn) == 0)
					return h + i + k;
				m &= m - 1;
			}
		}
	}
#endif
	for (; i <= last; i++)
		if (h[i + a] == nd[a] && h[i + b] == nd[b] &&
		    memcmp(h + i, nd, nn) == 0)
			return h + i;
	return NULL;
}

const char *
search_find(const char *h, size_t hn, const char *nd, size_t nn)
{
	return search_find_in(h, hn, hn, nd, nn);
}


/*
 * The first place in h[0..hn) (readable up to h[readable)) where any
 * alternative of term t of sq starts, and the length of the one found
 * there in *mlen; NULL when none.  Each alternative is searched with
 * search_find_in() in turn, each only up to where an earlier one was
 * found: a pass per alternative (search_find_term uses one pass for all
 * when it can).
 */
const char *
search_find_term_each(const char *h, size_t hn, size_t readable,
    const struct search_query *sq, size_t t, size_t *mlen)
{
	size_t a0 = sq->tfirst[t], na = sq->tfirst[t + 1] - a0, k, lim;
	const char *best = NULL, *p;

	if (na > SEARCH_MAX_ALTS)
		na = SEARCH_MAX_ALTS;
	for (k = 0; k < na; k++) {
		const char *nd = sq->buf + sq->off[a0 + k];
		size_t nn = sq->off[a0 + k + 1] - sq->off[a0 + k];

		/* a match must start before the best so far */
		lim = best != NULL ? (size_t)(best - h) + nn : hn;
		if (lim > hn)
			lim = hn;
		if (lim < nn)
			continue;
		p = search_find_in(h, lim, readable, nd, nn);
		if (p != NULL && (best == NULL || p < best ||
		                     (p == best && nn > *mlen))) {
			best = p;
			*mlen = nn;
		}
	}
	return best;
}

/*
 * The same in one pass for all alternatives (search_multi.c): a romaji
 * term of 8 alternatives scanned the whole index 8 times per keystroke.
 * (One SSE2 pass comparing every alternative's two bytes per block was
 * tried before and ran 2-2.5 times slower than a pass per alternative;
 * the nibble tables test all of them with two shuffles per byte.)
 */
const char *
search_find_term(const char *h, size_t hn, size_t readable,
    const struct search_query *sq, size_t t, size_t *mlen)
{
	const struct search_multi *m = sq->multi != NULL ? sq->multi[t] : NULL;
	const char *p;
	unsigned which, k;

	if (m == NULL)
		return search_find_term_each(h, hn, readable, sq, t, mlen);
	p = search_multi_find(m, h, hn, readable, &which);
	if (p == NULL)
		return NULL;
	*mlen = 0;
	while (which != 0) {
		k = (unsigned)__builtin_ctz(which);
		which &= which - 1;
		if (search_multi_len(m, k) > *mlen)
			*mlen = search_multi_len(m, k);
	}
	return p;
}

/* One pass for each term of several alternatives. */
static void
query_multi(struct search_query *sq)
{
	const char *lit[SEARCH_MAX_ALTS];
	size_t len[SEARCH_MAX_ALTS], t, k, na;

	sq->multi = xcalloc(sq->nterms ? sq->nterms : 1, sizeof *sq->multi);
	for (t = 0; t < sq->nterms; t++) {
		na = sq->tfirst[t + 1] - sq->tfirst[t];
		if (na > SEARCH_MAX_ALTS)
			na = SEARCH_MAX_ALTS;
		if (na < 2)
			continue;
		for (k = 0; k < na; k++) {
			lit[k] = sq->buf + sq->off[sq->tfirst[t] + k];
			len[k] = sq->off[sq->tfirst[t] + k + 1] -
			         sq->off[sq->tfirst[t] + k];
		}
		sq->multi[t] = search_multi_new(lit, len, na);
	}
}

/* Bytes of term-splitting white space at q[i] (0: none). */
static size_t
search_space_len(const char *q, size_t n, size_t i)
{
	if (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')
		return 1;
	if (i + 2 < n && memcmp(q + i, "\xe3\x80\x80", 3) == 0) /* U+3000 */
		return 3;
	return 0;
}

/* Adds an alternative (already folded from disp[0..dn)) to the term
 * being built, unless it is empty or already there. */
static void
query_add_alt(struct search_query *sq, struct fold *f, size_t start,
    const char *disp, size_t dn)
{
	size_t a, n = f->len - start;

	if (n == 0)
		return;
	for (a = sq->tfirst[sq->nterms]; a < sq->nalts; a++)
		if (sq->off[a + 1] - sq->off[a] == n &&
		    memcmp(f->s + sq->off[a], f->s + start, n) == 0) {
			f->len = start;
			return;
		}
	sq->off = xreallocarray(sq->off, sq->nalts + 2, sizeof *sq->off);
	sq->disp = xreallocarray(sq->disp, sq->nalts + 1, sizeof *sq->disp);
	sq->disp[sq->nalts] = xstrndup(disp, dn);
	sq->off[++sq->nalts] = f->len;
}

struct search_query *
search_query_new(const char *q, size_t n)
{
	return search_query_new_alts(q, n, NULL, NULL);
}

struct search_query *
search_query_new_alts(const char *q, size_t n,
    size_t (*alts)(void *arg, const char *term, size_t tn, char ***out),
    void *arg)
{
	struct search_query *sq = xcalloc(1, sizeof *sq);
	struct fold f;
	size_t i = 0, start, sp, k, na;
	char **v;

	sq->off = xreallocarray(NULL, 1, sizeof *sq->off);
	sq->off[0] = 0;
	sq->tfirst = xreallocarray(NULL, 1, sizeof *sq->tfirst);
	sq->tfirst[0] = 0;
	fold_init(&f, 0);
	while (i < n) {
		while (i < n && (sp = search_space_len(q, n, i)) != 0)
			i += sp;
		start = i;
		while (i < n && search_space_len(q, n, i) == 0)
			i++;
		if (i == start)
			break;
		fold_append(&f, q + start, i - start, 0);
		query_add_alt(sq, &f, sq->off[sq->nalts], q + start, i - start);
		na = alts != NULL ? alts(arg, q + start, i - start, &v) : 0;
		for (k = 0; k < na; k++) {
			size_t at = f.len;

			if (sq->nalts - sq->tfirst[sq->nterms] <
			    SEARCH_MAX_ALTS)
				fold_append(&f, v[k], strlen(v[k]), 0);
			query_add_alt(sq, &f, at, v[k], strlen(v[k]));
			free(v[k]);
		}
		if (na > 0)
			free(v);
		/* A term that folds to nothing (only marks that vanish...)
		 * is dropped rather than matching everywhere. */
		if (sq->nalts > sq->tfirst[sq->nterms]) {
			sq->tfirst = xreallocarray(
			    sq->tfirst, sq->nterms + 2, sizeof *sq->tfirst);
			sq->tfirst[++sq->nterms] = sq->nalts;
		}
	}
	sq->buf = f.s; /* may be NULL when there are no terms */
	query_multi(sq);
	return sq;
}

size_t
search_query_nterms(const struct search_query *sq)
{
	return sq->nterms;
}

size_t
search_query_nalts(const struct search_query *sq, size_t t)
{
	return t < sq->nterms ? sq->tfirst[t + 1] - sq->tfirst[t] : 0;
}

const char *
search_query_alt_text(const struct search_query *sq, size_t t, size_t k)
{
	return sq->disp[sq->tfirst[t] + k];
}

const char *
search_query_alt(const struct search_query *sq, size_t t, size_t k, size_t *n)
{
	size_t a = sq->tfirst[t] + k;

	*n = sq->off[a + 1] - sq->off[a];
	return sq->buf + sq->off[a];
}

void
search_query_free(struct search_query *sq)
{
	size_t k;

	if (sq == NULL)
		return;
	for (k = 0; k < sq->nalts; k++)
		free(sq->disp[k]);
	for (k = 0; sq->multi != NULL && k < sq->nterms; k++)
		search_multi_free(sq->multi[k]);
	free(sq->multi);
	free(sq->disp);
	free(sq->buf);
	free(sq->off);
	free(sq->tfirst);
	free(sq->rare);
	free(sq);
}

/* Whether every alternative of term u of sq contains an alternative of
 * term t of prev (so whatever u matches, t matched). */
static int
term_within(const struct search_query *sq, size_t u,
    const struct search_query *prev, size_t t)
{
	size_t a, b;

	for (a = sq->tfirst[u]; a < sq->tfirst[u + 1]; a++) {
		for (b = prev->tfirst[t]; b < prev->tfirst[t + 1]; b++)
			if (search_find(sq->buf + sq->off[a],
			        sq->off[a + 1] - sq->off[a],
			        prev->buf + prev->off[b],
			        prev->off[b + 1] - prev->off[b]) != NULL)
				break;
		if (b == prev->tfirst[t + 1])
			return 0;
	}
	return 1;
}

int
search_query_extends(
    const struct search_query *sq, const struct search_query *prev)
{
	size_t t, u;

	for (t = 0; t < prev->nterms; t++) {
		for (u = 0; u < sq->nterms; u++)
			if (term_within(sq, u, prev, t))
				break;
		if (u == sq->nterms)
			return 0;
	}
	return 1;
}
