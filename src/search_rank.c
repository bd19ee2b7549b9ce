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
 * chunk is in the cache, the chunks split over the two cores.
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
 * text is scanned for every feature while it is in the cache (one feature
 * at a time over the whole index ran at memory speed: 10 features, 10
 * passes over 78 MB).  mark[f * n + e]: bit 0 feature f in entry e's
 * question, bit 1 in its own answer.
 */
#define RANK_CHUNKS 64

struct rank_work {
	const struct search_index *ix;
	const struct rank_feat *f;
	size_t nf;
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

static void *
rank_do(void *arg)
{
	struct rank_work *w = arg;
	size_t n = w->ix->d->nentries, c, k;

	while ((c = atomic_fetch_add(&w->next, 1)) < RANK_CHUNKS) {
		size_t e0 = n * c / RANK_CHUNKS, e1 = n * (c + 1) / RANK_CHUNKS;

		if (e0 == e1)
			continue;
		for (k = 0; k < w->nf; k++)
			rank_scan(w->ix, &w->f[k], e0, e1, w->mark + k * n);
	}
	return NULL;
}

/* Adds feature k's weight to every entry that has it: rarer features
 * weigh more (log(N / df)), a question (or section title) hit QW, an
 * answer hit AW. */
static void
rank_score(const struct search_index *ix, const struct rank_feat *f,
    const uint8_t *mark, float *score)
{
	size_t n = ix->d->nentries, i, df = 0;
	uint64_t bit = TERM_BIT(f->t);
	float idf, w;

	for (i = 0; i < n; i++) {
		uint32_t a = search_answer_of(ix->d, (uint32_t)i);

		if ((mark[i] & 1) || (mark[a] & 2) ||
		    (search_ctx_of(ix, f->ctx, (uint32_t)i) & bit))
			df++;
	}
	if (df == 0)
		return;
	idf = logf(((float)n + 1.0f) / ((float)df + 0.5f));
	if (idf < 0.05f)
		idf = 0.05f;
	for (i = 0; i < n; i++) {
		uint32_t a = search_answer_of(ix->d, (uint32_t)i);

		if ((mark[i] & 1) ||
		    (search_ctx_of(ix, f->ctx, (uint32_t)i) & bit))
			w = QW;
		else if (mark[a] & 2)
			w = AW;
		else
			continue;
		score[i] += w * f->w * idf;
	}
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

size_t
search_rank(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, size_t max, uint32_t *out,
    float *scores)
{
	size_t n = ix->d->nentries, nt = search_query_nterms(sq), nf = 0, i;
	size_t nbt, no = 0;
	struct search_query *bq = rank_bigrams(sq);
	struct rank_feat *f;
	struct rank_work w;
	uint64_t *ctx = search_ctx_masks(ix, sq), *bctx = NULL;
	struct ranked *cand;
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
	atomic_init(&w.next, 0);
	twocore_start(&tc, rank_do, &w, ix->len >= (1u << 20));
	rank_do(&w);
	twocore_join(&tc);
	score = xcalloc(n, sizeof *score);
	for (i = 0; i < nf; i++)
		rank_score(ix, &f[i], w.mark + i * n, score);
	free(w.mark);
	cand = xreallocarray(NULL, within ? (nwithin ? nwithin : 1) : n,
	    sizeof *cand);
	for (i = 0; i < (within ? nwithin : n); i++) {
		uint32_t e = within ? within[i] : (uint32_t)i;

		if (e < n && score[e] > 0.0f) {
			cand[no].e = e;
			cand[no++].score = score[e];
		}
	}
	qsort(cand, no, sizeof *cand, rank_cmp);
	if (no > max)
		no = max;
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
