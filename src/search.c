/* search.c - incremental search over questions and answers; see search.h. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include <stdatomic.h>
#include <unigbrk.h>

#include "fold.h"
#include "search_query.h"
#include "twocore.h"
#include "utf8.h"
#include "xalloc.h"


/* Parts the index is folded in (half on a second thread), and the folded
 * sizes below which a second thread is not worth starting: for building
 * the index, and per keystroke (where a thread that starts late on a busy
 * machine costs more than the half scan it saves on 8 MB). */
#define SEARCH_NPARTS 8
#define SEARCH_THREAD_MIN (4u << 20)
#define SEARCH_RUN_THREAD_MIN (32u << 20)


uint32_t
search_answer_of(const struct doc *d, uint32_t i)
{
	int32_t r = d->entries[i].ref;

	return r >= 0 && (size_t)r < d->nentries ? (uint32_t)r : i;
}

/* Entries [from, to) folded into their region of the index buffer (or a
 * buffer of their own when they outgrow it); pos relative to it. */
struct search_part {
	const struct doc *d;
	size_t *pos;
	size_t from, to;
	char *region;
	size_t room, at; /* its size, and where it starts in the buffer */
	struct fold f;
};

static size_t
search_entry_bytes(const struct entry *e)
{
	return e->question_len + 2 + (e->ref < 0 ? e->text_len : 0);
}

static void
search_fold_part(struct search_part *p)
{
	size_t i;

	fold_init_in(&p->f, p->region, p->room);
	for (i = p->from; i < p->to; i++) {
		const struct entry *e = &p->d->entries[i];

		p->pos[2 * i] = p->f.len;
		fold_append(&p->f, e->question, e->question_len, 0);
		fold_reserve(&p->f, 1);
		p->f.s[p->f.len++] = '\n';
		p->pos[2 * i + 1] = p->f.len;
		if (e->ref < 0)
			fold_append(&p->f, e->text, e->text_len, 0);
		fold_reserve(&p->f, 1);
		p->f.s[p->f.len++] = '\n';
	}
}

/* The second half of the parts, on a second thread. */
static void *
search_fold_worker(void *arg)
{
	struct search_part *p = arg;
	size_t k;

	for (k = 0; k < SEARCH_NPARTS / 2; k++)
		search_fold_part(&p[k]);
	return NULL;
}

/* A title and the text of an introduction (or NULL), one region. */
static void
search_ctx_region(
    struct fold *f, size_t *pos, const char *title, const struct entry *in)
{
	*pos = f->len;
	if (title != NULL)
		fold_append(f, title, strlen(title), 0);
	fold_reserve(f, 1);
	f->s[f->len++] = '\n';
	if (in != NULL) {
		fold_append(f, in->text, in->text_len, 0);
		fold_reserve(f, 1);
		f->s[f->len++] = '\n';
	}
}

/* The regions of section and collection titles and introductions: small
 * next to the entries, folded on one thread. */
static void
search_index_ctx(struct search_index *ix)
{
	const struct doc *d = ix->d;
	size_t s, c, n = d->nsecs + d->ncolls;
	struct fold f;

	ix->cpos = xreallocarray(NULL, n + 1, sizeof *ix->cpos);
	fold_init(&f, 0);
	for (s = 0; s < d->nsecs; s++)
		search_ctx_region(&f, &ix->cpos[s], d->secs[s].title,
		    d->secs[s].intro);
	for (c = 0; c < d->ncolls; c++)
		search_ctx_region(&f, &ix->cpos[d->nsecs + c], d->colls[c].title,
		    d->colls[c].intro);
	fold_reserve(&f, 1);
	ix->cpos[n] = f.len;
	ix->ctx = f.s;
	ix->ctxlen = f.len;
}

/*
 * Folding 78 MB takes about 150 ms on one core: two threads halve that.
 * Folding never lengthens the text the fast path takes, so each part gets
 * a region of one buffer as big as its text (and a little): the parts are
 * folded in place and the index is that buffer, with the room a part did
 * not use filled with '\n', which no term contains (joining parts by
 * copying cost 30 ms and 74 MB of fresh pages).  A part that outgrows its
 * region (text the normaliser lengthens) has moved to a buffer of its own,
 * and then the parts are copied into a new buffer after all.
 */
struct search_index *
search_index_new(const struct doc *d)
{
	struct search_index *ix = xcalloc(1, sizeof *ix);
	struct search_part part[SEARCH_NPARTS];
	size_t i, k, total = 0, acc = 0, bytes, off;
	int moved = 0;
	char *buf;
	struct twocore tc;

	ix->d = d;
	ix->pos = xreallocarray(NULL, 2 * d->nentries + 1, sizeof *ix->pos);
	for (i = 0; i < d->nentries; i++)
		total += search_entry_bytes(&d->entries[i]);
	for (k = 0, i = 0, off = 0; k < SEARCH_NPARTS; k++) {
		part[k].d = d;
		part[k].pos = ix->pos;
		part[k].from = i;
		bytes = 0;
		while (i < d->nentries &&
		       (k == SEARCH_NPARTS - 1 ||
		           acc < total / SEARCH_NPARTS * (k + 1))) {
			size_t b = search_entry_bytes(&d->entries[i++]);

			bytes += b;
			acc += b;
		}
		part[k].to = i;
		/* fold_append() reserves 16 bytes past what it writes */
		part[k].room = bytes + bytes / 64 + 64;
		part[k].at = off;
		off += part[k].room;
	}
	buf = xmalloc(off);
	/* written whole, once, by both threads: huge pages (xalloc.h) */
	xalloc_huge(buf, off);
	for (k = 0; k < SEARCH_NPARTS; k++)
		part[k].region = buf + part[k].at;
	twocore_start(&tc, search_fold_worker, &part[SEARCH_NPARTS / 2],
	    total >= SEARCH_THREAD_MIN);
	for (k = 0; k < SEARCH_NPARTS / 2; k++)
		search_fold_part(&part[k]);
	twocore_join(&tc);
	for (k = 0; k < SEARCH_NPARTS; k++)
		moved |= !part[k].f.borrowed;
	if (moved) {
		/* the rare way: every part copied to where it belongs */
		for (k = 0, off = 0; k < SEARCH_NPARTS; k++) {
			part[k].at = off;
			off += part[k].f.len;
		}
		ix->buf = xmalloc(off ? off : 1);
		for (k = 0; k < SEARCH_NPARTS; k++)
			if (part[k].f.len > 0)
				memcpy(ix->buf + part[k].at, part[k].f.s,
				    part[k].f.len);
		free(buf);
	} else {
		ix->buf = buf;
		for (k = 0; k + 1 < SEARCH_NPARTS; k++)
			memset(buf + part[k].at + part[k].f.len, '\n',
			    part[k + 1].at - part[k].at - part[k].f.len);
	}
	search_index_ctx(ix);
	k = SEARCH_NPARTS - 1;
	ix->len = part[k].at + part[k].f.len;
	ix->pos[2 * d->nentries] = ix->len;
	for (k = 0; k < SEARCH_NPARTS; k++) {
		for (i = 2 * part[k].from; i < 2 * part[k].to; i++)
			ix->pos[i] += part[k].at;
		fold_free(&part[k].f);
	}
	return ix;
}

void
search_index_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->buf);
	free(ix->pos);
	free(ix->ctx);
	free(ix->cpos);
	free(ix);
}


int
search_alt_found(const struct search_index *ix, const struct search_query *sq,
    size_t t, size_t k, const uint32_t *hits, size_t nhits)
{
	const char *nd = sq->buf + sq->off[sq->tfirst[t] + k];
	size_t nn = sq->off[sq->tfirst[t] + k + 1] - sq->off[sq->tfirst[t] + k];
	size_t i, r, s, e;

	for (i = 0; i < nhits; i++) {
		uint32_t a = search_answer_of(ix->d, hits[i]);

		for (r = 0; r < 2; r++) {
			s = ix->pos[r == 0 ? 2 * (size_t)hits[i]
			                   : 2 * (size_t)a + 1];
			e = ix->pos[(r == 0 ? 2 * (size_t)hits[i]
			                    : 2 * (size_t)a + 1) + 1] - 1;
			if (search_find_in(ix->buf + s, e - s, ix->len - s, nd,
			        nn) != NULL)
				return 1;
		}
	}
	return 0;
}


static int
search_region_has(const struct search_index *ix, size_t r,
    const struct search_query *sq, size_t t)
{
	size_t s = ix->pos[r], e = ix->pos[r + 1] - 1, mlen;

	return search_find_term(ix->buf + s, e - s, ix->len - s, sq, t,
	           &mlen) != NULL;
}

/*
 * Per section: bit t (TERM_BIT) when term t is in the section's title or
 * introduction; NULL when the doc has no sections (the terms must then be
 * in the entries).  A collection's title and introduction are not: a word
 * of the page title (請求 in 「アカウント・請求関連のご質問」) would match
 * the whole collection in every query that has it; the outline highlights
 * them instead.
 */
uint64_t *
search_ctx_masks(const struct search_index *ix, const struct search_query *sq)
{
	const struct doc *d = ix->d;
	uint64_t *m;
	size_t r, t, s, e, mlen, nr = d->nsecs;

	if (d->nsecs == 0 || ix->ctx == NULL)
		return NULL;
	m = xcalloc(nr, sizeof *m);
	for (r = 0; r < nr; r++) {
		s = ix->cpos[r];
		e = ix->cpos[r + 1];
		for (t = 0; t < sq->nterms && t < 64; t++)
			if (search_find_term(ix->ctx + s, e - s, ix->ctxlen - s,
			        sq, t, &mlen) != NULL)
				m[r] |= TERM_BIT(t);
	}
	return m;
}

/* The context mask of entry i's section (0 without one). */
uint64_t
search_ctx_of(const struct search_index *ix, const uint64_t *ctx, uint32_t i)
{
	uint32_t s = ix->d->entries[i].section;

	return ctx != NULL && s < ix->d->nsecs ? ctx[s] : 0;
}

/* Whether every term but skip is in entry i (question or shown answer) or
 * around it (ctx). */
static int
search_entry_matches(const struct search_index *ix,
    const struct search_query *sq, uint32_t i, size_t skip, uint64_t ctx)
{
	uint32_t a = search_answer_of(ix->d, i);
	size_t t;

	for (t = 0; t < sq->nterms; t++) {
		if (t == skip || (ctx & TERM_BIT(t)))
			continue;
		if (!search_region_has(ix, 2 * (size_t)i, sq, t) &&
		    !search_region_has(ix, 2 * (size_t)a + 1, sq, t))
			return 0;
	}
	return 1;
}

/*
 * The term to scan the whole buffer for: the one with the fewest hits in a
 * sample of the buffer (then the longest), since the other terms are only
 * tested in the entries it hits.  "あかうんと 削" scans for 削.
 */
static size_t
search_rarest_term(const struct search_index *ix, const struct search_query *sq)
{
	const size_t slice = 64 * 1024, nslices = 4;
	size_t t, best = 0, bestn = (size_t)-1, k, cnt, from, to, mlen;
	size_t bestlen = 0, tlen;
	const char *h;

	if (sq->nterms == 1)
		return 0;
	for (t = 0; t < sq->nterms; t++) {
		cnt = 0;
		for (k = 0; k < nslices; k++) {
			from = ix->len / nslices * k;
			to = from + slice < ix->len ? from + slice : ix->len;
			while (from < to &&
			       (h = search_find_term(ix->buf + from, to - from,
			            ix->len - from, sq, t, &mlen)) != NULL) {
				cnt++;
				from = (size_t)(h - ix->buf) + mlen;
			}
		}
		tlen = sq->off[sq->tfirst[t] + 1] - sq->off[sq->tfirst[t]];
		if (cnt < bestn || (cnt == bestn && tlen > bestlen)) {
			best = t;
			bestn = cnt;
			bestlen = tlen;
		}
	}
	return best;
}

/* Hits of term t in a sample of the index (see search_rarest_term). */
static size_t
search_term_sample(
    const struct search_index *ix, const struct search_query *sq, size_t t)
{
	const size_t slice = 64 * 1024, nslices = 4;
	size_t k, cnt = 0, from, to, mlen;
	const char *h;

	for (k = 0; k < nslices; k++) {
		from = ix->len / nslices * k;
		to = from + slice < ix->len ? from + slice : ix->len;
		while (from < to &&
		       (h = search_find_term(ix->buf + from, to - from,
		            ix->len - from, sq, t, &mlen)) != NULL) {
			cnt++;
			from = (size_t)(h - ix->buf) + mlen;
		}
	}
	return cnt;
}

void
search_query_rate(const struct search_index *ix, struct search_query *sq)
{
	size_t *cnt, t, u, k;

	free(sq->rare);
	sq->rare = xreallocarray(NULL, sq->nterms + 1, sizeof *sq->rare);
	cnt = xreallocarray(NULL, sq->nterms + 1, sizeof *cnt);
	for (t = 0; t < sq->nterms; t++) {
		cnt[t] = search_term_sample(ix, sq, t);
		/* insertion by count, then the longer term first */
		for (u = t; u > 0; u--) {
			k = sq->rare[u - 1];
			if (cnt[k] < cnt[t] ||
			    (cnt[k] == cnt[t] &&
			        sq->off[sq->tfirst[k] + 1] - sq->off[sq->tfirst[k]] >=
			            sq->off[sq->tfirst[t] + 1] -
			                sq->off[sq->tfirst[t]]))
				break;
			sq->rare[u] = k;
		}
		sq->rare[u] = t;
	}
	free(cnt);
}

/*
 * A search split into SEARCH_CHUNKS chunks that two threads take in turn
 * (so that a thread the scheduler starts late on a busy machine just takes
 * fewer): either scan entries' regions for one term and mark the entries
 * hit (bit 0: question, bit 1: own answer), or test entries of within (or
 * all entries) with every term but skip, keeping only marked ones when
 * mark is set; chunk c's hits go to tmp + its first index, count[c] many.
 */
#define SEARCH_CHUNKS 16

struct search_work {
	const struct search_index *ix;
	const struct search_query *sq;
	int scan;
	uint8_t *mark;
	size_t term, skip;
	const uint32_t *within;
	uint64_t *ctx;       /* per section: terms found around it */
	size_t total;        /* entries to scan or test */
	uint32_t *tmp;
	size_t count[SEARCH_CHUNKS];
	atomic_size_t next;
};

/* Marks the entries of [e0, e1) where term w->term occurs: one scan of
 * the chunk for all its alternatives (see search_find_term), skipping to
 * the end of a region at its first hit there. */
static void
search_chunk_scan(struct search_work *w, size_t e0, size_t e1)
{
	const struct search_index *ix = w->ix;
	const char *h;
	size_t p = ix->pos[2 * e0], end = ix->pos[2 * e1], k = 2 * e0, at;
	size_t mlen;

	while (p < end && (h = search_find_term(ix->buf + p, end - p,
	                       ix->len - p, w->sq, w->term, &mlen)) != NULL) {
		at = (size_t)(h - ix->buf);
		while (ix->pos[k + 1] <= at)
			k++;
		w->mark[k >> 1] |= (k & 1) ? 2 : 1;
		p = ix->pos[k + 1]; /* the rest of this region adds nothing */
	}
}

static size_t
search_chunk_test(struct search_work *w, size_t from, size_t to)
{
	const struct doc *d = w->ix->d;
	uint32_t *out = w->tmp + from;
	size_t i, n = 0;
	uint64_t ctx;

	for (i = from; i < to; i++) {
		uint32_t e = w->within != NULL ? w->within[i] : (uint32_t)i;

		if (e >= d->nentries)
			continue;
		ctx = search_ctx_of(w->ix, w->ctx, e);
		if (w->mark != NULL && !(w->mark[e] & 1) &&
		    !(w->mark[search_answer_of(d, e)] & 2) &&
		    !(ctx & TERM_BIT(w->term)))
			continue;
		if (search_entry_matches(w->ix, w->sq, e, w->skip, ctx))
			out[n++] = e;
	}
	return n;
}

static void *
search_work_do(void *arg)
{
	struct search_work *w = arg;
	size_t c, from, to;

	while ((c = atomic_fetch_add(&w->next, 1)) < SEARCH_CHUNKS) {
		from = w->total * c / SEARCH_CHUNKS;
		to = w->total * (c + 1) / SEARCH_CHUNKS;
		if (w->scan)
			search_chunk_scan(w, from, to);
		else
			w->count[c] = search_chunk_test(w, from, to);
	}
	return NULL;
}

/* Runs every chunk of w, on two threads when parallel. */
static void
search_work_run(struct search_work *w, int parallel)
{
	struct twocore tc;

	atomic_init(&w->next, 0);
	twocore_start(&tc, search_work_do, w, parallel);
	search_work_do(w);
	twocore_join(&tc);
}

/* Tests entries [0, total) of within (or all); hits in order to out,
 * which may be within. */
static size_t
search_test(struct search_work *w, size_t total, uint32_t *out, int parallel)
{
	size_t c, n = 0;

	w->scan = 0;
	w->total = total;
	w->tmp = xreallocarray(NULL, total ? total : 1, sizeof *w->tmp);
	search_work_run(w, parallel);
	for (c = 0; c < SEARCH_CHUNKS; c++) {
		memmove(out + n, w->tmp + total * c / SEARCH_CHUNKS,
		    w->count[c] * sizeof *out);
		n += w->count[c];
	}
	free(w->tmp);
	return n;
}

size_t
search_run(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, uint32_t *out)
{
	const struct doc *d = ix->d;
	size_t n = d->nentries, i, nout;
	int big = ix->len >= SEARCH_RUN_THREAD_MIN;
	struct search_work w;

	if (sq->nterms == 0) {
		if (within != NULL) {
			memmove(out, within, nwithin * sizeof *out);
			return nwithin;
		}
		for (i = 0; i < n; i++)
			out[i] = (uint32_t)i;
		return n;
	}
	memset(&w, 0, sizeof w);
	w.ix = ix;
	w.sq = sq;
	w.within = within;
	w.skip = (size_t)-1;
	w.ctx = search_ctx_masks(ix, sq);
	/* A query that extends the last one: few entries, test each. */
	if (within != NULL && nwithin < n / 2) {
		nout = search_test(&w, nwithin, out, big && nwithin > 1024);
		free(w.ctx);
		return nout;
	}
	/*
	 * One scan of the whole buffer for the rarest term, skipping to the
	 * end of a region at its first hit; the other terms are then tested
	 * only in the candidate entries.
	 */
	w.mark = xcalloc(n ? n : 1, 1);
	w.term = search_rarest_term(ix, sq);
	w.skip = w.term;
	w.scan = 1;
	w.total = n;
	search_work_run(&w, big);
	nout = search_test(&w, within != NULL ? nwithin : n, out,
	    big && (sq->nterms > 1 || w.ctx != NULL));
	free(w.mark);
	free(w.ctx);
	return nout;
}
