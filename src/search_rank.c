/*
 * search_rank.c - entries ranked by closeness to a query; see search.h
 * (search_rank).  One module with search.c.
 *
 * The features of a query are its terms (any alternative: romaji words
 * count) and the distinct character bigrams of each term's folded text,
 * since Japanese has no spaces between words: パスワードを忘れてしまった
 * shares ぱす, すわ, 忘れ... with 「パスワードを忘れた場合」 although the
 * whole sentence is nowhere.  A feature found in an entry's question (or
 * its section's title) weighs QW, in its answer only AW; each is weighted
 * by how rare it is (log(N / df): を忘 or した say little), a whole term
 * twice a bigram.  The index is scanned in chunks, every feature while a
 * chunk is in the cache (all of them in one pass: search_multi.c), the
 * chunks split over the two cores.
 */
#include "search_query.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "twocore.h"
#include "utf8.h"
#include "xalloc.h"

#define QW 3.0f   /* a feature in the question or section title */
#define AW 1.0f   /* in the answer only */
#define TERM_W 2.0f /* a whole term, against one bigram */
#define MAX_BIGRAMS 48

struct rank_feat {
	const struct search_query *q;
	size_t t;
	const uint64_t *ctx; /* q's section masks (NULL: none) */
	float w;             /* TERM_W or 1 */
};

/*
 * The work, in chunks of entries that two threads take in turn: a chunk's
 * text is scanned for the features while it is in the cache.
 * mark[f * n + e]: bit 0 feature f in entry e's question, bit 1 in its own
 * answer.  The features' strings (every alternative of each) are found in
 * one pass per group of SEARCH_MULTI_MAX (search_multi_find): a feature
 * at a time, 10 features were 10 passes over the chunk.  Without the
 * vector way (groups NULL), one pass per feature.
 */
#define RANK_CHUNKS 64

struct rank_group {
	struct search_multi *m;
	size_t nlit;
	uint16_t feat[SEARCH_MULTI_MAX]; /* the feature of each literal */
};

struct rank_work {
	const struct search_index *ix;
	const struct rank_feat *f;
	size_t nf;
	struct rank_group *g; /* NULL: one pass per feature */
	size_t ng;
	uint8_t *mark;
	atomic_size_t next;
};

/* Marks where feature f is in entries [e0, e1). */
static void
rank_scan(const struct search_index *ix, const struct rank_feat *f,
    size_t e0, size_t e1, uint8_t *mark)
{
	size_t p = ix->pos[2 * e0], end = ix->pos[2 * e1], k = 2 * e0, at;
	size_t mlen;
	const char *h;

	while (p < end && (h = search_find_term(ix->buf + p, end - p,
	                       ix->len - p, f->q, f->t, &mlen)) != NULL) {
		at = (size_t)(h - ix->buf);
		while (ix->pos[k + 1] <= at)
			k++;
		mark[k >> 1] |= (k & 1) ? 2 : 1;
		p = ix->pos[k + 1];
	}
}

/* Marks where the features of group g are in entries [e0, e1): every
 * occurrence of its strings is looked at, until each feature of the group
 * has been found in a region (a question or an answer), then the rest of
 * the region is skipped. */
static void
rank_scan_group(const struct search_index *ix, const struct rank_group *g,
    size_t n, size_t e0, size_t e1, uint8_t *mark)
{
	size_t p = ix->pos[2 * e0], end = ix->pos[2 * e1], k = 2 * e0, at, r;
	unsigned which, l;
	uint64_t feats = 0, seen = 0;
	const char *h;

	for (l = 0; l < g->nlit; l++)
		feats |= (uint64_t)1 << (g->feat[l] & 63);
	while (p < end &&
	       (h = search_multi_find(g->m, ix->buf + p, end - p, ix->len - p,
	            &which)) != NULL) {
		at = (size_t)(h - ix->buf);
		r = k;
		while (ix->pos[k + 1] <= at)
			k++;
		if (k != r)
			seen = 0;
		while (which != 0) {
			l = (unsigned)__builtin_ctz(which);
			which &= which - 1;
			mark[g->feat[l] * n + (k >> 1)] |= (k & 1) ? 2 : 1;
			seen |= (uint64_t)1 << (g->feat[l] & 63);
		}
		p = seen == feats ? ix->pos[k + 1] : at + 1;
	}
}

static void *
rank_do(void *arg)
{
	struct rank_work *w = arg;
	size_t n = w->ix->d->nentries, c, k;

	while ((c = atomic_fetch_add(&w->next, 1)) < RANK_CHUNKS) {
		size_t e0 = n * c / RANK_CHUNKS, e1 = n * (c + 1) / RANK_CHUNKS;

		if (e0 == e1)
			continue;
		if (w->g != NULL)
			for (k = 0; k < w->ng; k++)
				rank_scan_group(w->ix, &w->g[k], n, e0, e1, w->mark);
		else
			for (k = 0; k < w->nf; k++)
				rank_scan(w->ix, &w->f[k], e0, e1, w->mark + k * n);
	}
	return NULL;
}

/* Literal k of all the features' strings (longest first), its length. */
struct rank_lit {
	const char *s;
	size_t len;
	uint16_t feat;
};

static int
rank_lit_cmp(const void *x, const void *y)
{
	const struct rank_lit *a = x, *b = y;

	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return (a->feat > b->feat) - (a->feat < b->feat);
}

/*
 * The features' strings in groups of SEARCH_MULTI_MAX, longest first (a
 * short string in a group weakens the filter of the group: see
 * search_multi.c); NULL when the CPU has no vector way.
 */
static struct rank_group *
rank_groups(const struct rank_feat *f, size_t nf, size_t *ng)
{
	struct rank_lit *lit = NULL;
	struct rank_group *g;
	const char *ls[SEARCH_MULTI_MAX];
	size_t lens[SEARCH_MULTI_MAX];
	size_t nl = 0, i, k, a, na;

	*ng = 0;
	for (i = 0; i < nf; i++) {
		na = search_query_nalts(f[i].q, f[i].t);
		if (na > SEARCH_MAX_ALTS)
			na = SEARCH_MAX_ALTS;
		lit = xreallocarray(lit, nl + na, sizeof *lit);
		for (a = 0; a < na; a++) {
			lit[nl].s = search_query_alt(f[i].q, f[i].t, a, &lit[nl].len);
			lit[nl++].feat = (uint16_t)i;
		}
	}
	qsort(lit, nl, sizeof *lit, rank_lit_cmp);
	g = xcalloc((nl + SEARCH_MULTI_MAX - 1) / SEARCH_MULTI_MAX + 1, sizeof *g);
	for (i = 0; i < nl; i += SEARCH_MULTI_MAX) {
		struct rank_group *gr = &g[*ng];

		gr->nlit = nl - i < SEARCH_MULTI_MAX ? nl - i : SEARCH_MULTI_MAX;
		for (k = 0; k < gr->nlit; k++) {
			ls[k] = lit[i + k].s;
			lens[k] = lit[i + k].len;
			gr->feat[k] = lit[i + k].feat;
		}
		gr->m = search_multi_new(ls, lens, gr->nlit);
		(*ng)++;
		if (gr->m == NULL) {
			for (k = 0; k < *ng; k++)
				search_multi_free(g[k].m);
			free(g);
			free(lit);
			*ng = 0;
			return NULL;
		}
	}
	free(lit);
	return g;
}

/* What scoring needs of every entry, in two small arrays rather than
 * from the entries (about 100 bytes each) once per feature. */
struct rank_entries {
	uint32_t *ans; /* search_answer_of */
	uint32_t *sec; /* its section */
};

/* Sections whose title or introduction hold feature f (NULL: none). */
static uint8_t *
rank_sec_hits(const struct search_index *ix, const struct rank_feat *f)
{
	size_t s, ns = ix->d->nsecs;
	uint64_t bit = TERM_BIT(f->t);
	uint8_t *h;
	int any = 0;

	if (f->ctx == NULL)
		return NULL;
	h = xcalloc(ns + 1, 1);
	for (s = 0; s < ns; s++)
		any |= h[s] = (f->ctx[s] & bit) != 0;
	if (!any) {
		free(h);
		return NULL;
	}
	return h;
}

/* Adds feature k's weight to every entry that has it: rarer features
 * weigh more (log(N / df)), a question (or section title) hit QW, an
 * answer hit AW. */
static void
rank_score(const struct search_index *ix, const struct rank_entries *re,
    const struct rank_feat *f, const uint8_t *mark, float *score)
{
	size_t n = ix->d->nentries, i, df = 0, ns = ix->d->nsecs;
	uint8_t *sh = rank_sec_hits(ix, f);
	float idf, w;

#define RANK_IN_SEC(i) (sh != NULL && re->sec[i] < ns && sh[re->sec[i]])
	for (i = 0; i < n; i++)
		if ((mark[i] & 1) || (mark[re->ans[i]] & 2) || RANK_IN_SEC(i))
			df++;
	if (df == 0) {
		free(sh);
		return;
	}
	idf = logf(((float)n + 1.0f) / ((float)df + 0.5f));
	if (idf < 0.05f)
		idf = 0.05f;
	for (i = 0; i < n; i++) {
		if ((mark[i] & 1) || RANK_IN_SEC(i))
			w = QW;
		else if (mark[re->ans[i]] & 2)
			w = AW;
		else
			continue;
		score[i] += w * f->w * idf;
	}
#undef RANK_IN_SEC
	free(sh);
}

/* Whether buf[0..len) (words each followed by ' ') has w[0..wn). */
static int
has_word(const char *buf, size_t len, const char *w, size_t wn)
{
	size_t o = 0, e;

	while (o < len) {
		for (e = o; e < len && buf[e] != ' '; e++)
			;
		if (e - o == wn && memcmp(buf + o, w, wn) == 0)
			return 1;
		o = e + 1;
	}
	return 0;
}

/* The distinct bigrams of sq's terms (their literal, folded text), as one
 * query of one term each; NULL when there are none. */
static struct search_query *
rank_bigrams(const struct search_query *sq)
{
	char *buf = NULL;
	size_t cap = 0, len = 0, t, i, j, k, nb = 0, an;
	const char *s;
	struct search_query *bq;

	for (t = 0; t < search_query_nterms(sq); t++) {
		s = search_query_alt(sq, t, 0, &an);
		for (i = 0; i < an && nb < MAX_BIGRAMS; i = j) {
			j = i;
			utf8_next(s, an, &j); /* the end of the first character */
			if (j >= an)
				break;
			k = j;
			utf8_next(s, an, &k); /* and of the second */
			if (has_word(buf, len, s + i, k - i))
				continue;
			if (len + (k - i) + 1 > cap) {
				cap = (len + (k - i) + 1) * 2;
				buf = xrealloc(buf, cap);
			}
			memcpy(buf + len, s + i, k - i);
			len += k - i;
			buf[len++] = ' ';
			nb++;
		}
	}
	if (len == 0) {
		free(buf);
		return NULL;
	}
	bq = search_query_new(buf, len);
	free(buf);
	return bq;
}

struct ranked {
	float score;
	uint32_t e;
};

/* Best first; equal scores in document order. */
static int
rank_cmp(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return (a->e > b->e) - (a->e < b->e);
}

/* The worst of a heap of the best so far at h[0] (rank_cmp: the largest). */
static void
rank_sift(struct ranked *h, size_t n, size_t i)
{
	struct ranked t;
	size_t c;

	for (;;) {
		c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && rank_cmp(&h[c + 1], &h[c]) > 0)
			c++;
		if (rank_cmp(&h[c], &h[i]) <= 0)
			return;
		t = h[c];
		h[c] = h[i];
		h[i] = t;
		i = c;
	}
}

/*
 * The best max of the entries with a score, best first: a heap of max
 * (the closest 10 of 100 000 entries sorted all of them), or a sort when
 * most are wanted (best first order of every hit).  rank_cmp is a total
 * order, so either way gives the same list.
 */
static size_t
rank_best(const float *score, size_t n, const uint32_t *within,
    size_t nwithin, size_t max, struct ranked *cand, int fast)
{
	size_t i, no = 0, k, total = within ? nwithin : n;
	int heap = fast && max < total / 8;
	struct ranked c;

	for (i = 0; i < total; i++) {
		uint32_t e = within ? within[i] : (uint32_t)i;

		if (e >= n || !(score[e] > 0.0f))
			continue;
		c.e = e;
		c.score = score[e];
		if (!heap || no < max) {
			cand[no++] = c;
			if (heap && no == max)
				for (k = max / 2 + 1; k-- > 0;)
					rank_sift(cand, no, k);
		} else if (max > 0 && rank_cmp(&c, &cand[0]) < 0) {
			cand[0] = c;
			rank_sift(cand, no, 0);
		}
	}
	qsort(cand, no, sizeof *cand, rank_cmp);
	return no < max ? no : max;
}

/* search_rank, or (fast 0) search_rank_each. */
static size_t
rank_run(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, size_t max, uint32_t *out,
    float *scores, int fast)
{
	size_t n = ix->d->nentries, nt = search_query_nterms(sq), nf = 0, i;
	size_t nbt, no = 0;
	struct search_query *bq = rank_bigrams(sq);
	struct rank_feat *f;
	struct rank_work w;
	uint64_t *ctx = search_ctx_masks(ix, sq), *bctx = NULL;
	struct ranked *cand;
	struct rank_entries re;
	struct twocore tc;
	float *score;

	if (n == 0 || nt == 0) {
		search_query_free(bq);
		free(ctx);
		return 0;
	}
	nbt = bq != NULL ? search_query_nterms(bq) : 0;
	if (bq != NULL)
		bctx = search_ctx_masks(ix, bq);
	f = xcalloc(nt + nbt, sizeof *f);
	for (i = 0; i < nt; i++)
		f[nf++] = (struct rank_feat){sq, i, ctx, TERM_W};
	for (i = 0; i < nbt; i++)
		f[nf++] = (struct rank_feat){bq, i, bctx, 1.0f};
	/* The chunks on two cores, then the scores feature by feature. */
	w.ix = ix;
	w.f = f;
	w.nf = nf;
	w.mark = xcalloc(nf * n, 1);
	/* (at most 64 features: the feature masks of rank_scan_group) */
	w.g = fast && nf <= 64 ? rank_groups(f, nf, &w.ng) : NULL;
	if (w.g == NULL)
		w.ng = 0;
	atomic_init(&w.next, 0);
	twocore_start(&tc, rank_do, &w, ix->len >= (1u << 20));
	rank_do(&w);
	twocore_join(&tc);
	for (i = 0; i < w.ng; i++)
		search_multi_free(w.g[i].m);
	free(w.g);
	score = xcalloc(n, sizeof *score);
	re.ans = xreallocarray(NULL, n, sizeof *re.ans);
	re.sec = xreallocarray(NULL, n, sizeof *re.sec);
	for (i = 0; i < n; i++) {
		re.ans[i] = search_answer_of(ix->d, (uint32_t)i);
		re.sec[i] = ix->d->entries[i].section;
	}
	for (i = 0; i < nf; i++)
		rank_score(ix, &re, &f[i], w.mark + i * n, score);
	free(w.mark);
	free(re.ans);
	free(re.sec);
	cand = xreallocarray(NULL, within ? (nwithin ? nwithin : 1) : n,
	    sizeof *cand);
	no = rank_best(score, n, within, nwithin, max, cand, fast);
	for (i = 0; i < no; i++) {
		out[i] = cand[i].e;
		if (scores != NULL)
			scores[i] = cand[i].score;
	}
	free(cand);
	free(score);
	free(f);
	free(ctx);
	free(bctx);
	search_query_free(bq);
	return no;
}

size_t
search_rank(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, size_t max, uint32_t *out,
    float *scores)
{
	return rank_run(ix, sq, within, nwithin, max, out, scores, 1);
}

size_t
search_rank_each(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, size_t max, uint32_t *out,
    float *scores)
{
	return rank_run(ix, sq, within, nwithin, max, out, scores, 0);
}
