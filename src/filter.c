/*
 * filter.c - the outline's search filter; see filter.h.
 */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
filter_init(struct filter *f, const struct doc *d,
    const struct search_index *ix, struct romaji *rj)
{
	memset(f, 0, sizeof *f);
	f->d = d;
	f->ix = ix;
	f->rj = rj;
}

/* The arrays, on the first query: a browser nobody searches in costs
 * nothing per entry. */
static void
filter_alloc(struct filter *f)
{
	size_t ne = f->d->nentries ? f->d->nentries : 1;
	size_t ns = f->d->nsecs ? f->d->nsecs : 1;

	if (f->is_hit != NULL)
		return;
	f->is_hit = xcalloc(ne, 1);
	f->sechits = xcalloc(ns, sizeof *f->sechits);
	f->hits = xcalloc(ne, sizeof *f->hits);
	f->tmp = xcalloc(ne, sizeof *f->tmp);
	f->rank = xcalloc(ne, sizeof *f->rank);
	f->kept = xcalloc(ne, sizeof *f->kept);
	f->is_kept = xcalloc(ne, 1);
}

void
filter_free(struct filter *f)
{
	search_query_free(f->sq);
	free(f->note);
	free(f->q);
	free(f->hits);
	free(f->tmp);
	free(f->rank);
	free(f->is_hit);
	free(f->sechits);
	search_query_free(f->kept_sq);
	free(f->kept);
	free(f->is_kept);
	memset(f, 0, sizeof *f);
}

static void
q_set(struct filter *f, const char *q, size_t n)
{
	if (n + 1 > f->qcap) {
		f->qcap = n + 64;
		f->q = xrealloc(f->q, f->qcap);
	}
	memcpy(f->q, q, n);
	f->q[n] = '\0';
	f->qlen = n;
}

void
filter_set_query(struct filter *f, const char *q, size_t n)
{
	filter_alloc(f);
	q_set(f, q, n);
	f->dirty = 1;
}

int
filter_query_blank(const struct filter *f)
{
	struct search_query *sq;
	int blank;

	if (f->q == NULL)
		return 1;
	sq = search_query_new(f->q, f->qlen);
	blank = search_query_nterms(sq) == 0;
	search_query_free(sq);
	return blank;
}

const char *
filter_query(const struct filter *f)
{
	return f->q != NULL ? f->q : "";
}

/* Romaji terms found through other words say which ("seikyuusho → 請求書
 * せいきゅうしょ"), from the first hits: up to three words a term, then
 * "…". */
#define NOTE_HITS 500
static void
make_note(struct filter *f)
{
	const struct search_query *sq = f->sq;
	size_t t, k, na, shown, nh = f->nhits < NOTE_HITS ? f->nhits : NOTE_HITS;
	char *s = NULL, *n;

	free(f->note);
	f->note = NULL;
	if (sq == NULL)
		return;
	for (t = 0; t < search_query_nterms(sq); t++) {
		na = search_query_nalts(sq, t);
		shown = 0;
		for (k = 1; k < na; k++) {
			if (!search_alt_found(f->ix, sq, t, k, f->hits, nh))
				continue;
			if (shown == 3) {
				n = xasprintf("%s \xe2\x80\xa6", s); /* … */
				free(s);
				s = n;
				break;
			}
			n = shown == 0 ? xasprintf("%s%s%s \xe2\x86\x92 %s",
			                     s ? s : "", s ? "  " : "",
			                     search_query_alt_text(sq, t, 0),
			                     search_query_alt_text(sq, t, k))
			               : xasprintf("%s %s", s,
			                     search_query_alt_text(sq, t, k));
			free(s);
			s = n;
			shown++;
		}
	}
	f->note = s;
}

static void
clear_hits(struct filter *f)
{
	size_t i;

	free(f->note);
	f->note = NULL;
	for (i = 0; i < f->nhits; i++)
		f->is_hit[f->hits[i]] = 0;
	memset(f->sechits, 0, f->d->nsecs * sizeof *f->sechits);
	f->nhits = 0;
}

static int
cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

/* Matches the ranking gave no score follow in document order, so that
 * the best-first list holds every match. */
static void
complete_rank(struct filter *f, const uint32_t *hits, size_t n)
{
	size_t i;

	if (f->nrank == n)
		return;
	memset(f->is_hit, 0, f->d->nentries);
	for (i = 0; i < f->nrank; i++)
		f->is_hit[f->rank[i]] = 1;
	for (i = 0; i < n; i++)
		if (!f->is_hit[hits[i]])
			f->rank[f->nrank++] = hits[i];
	memset(f->is_hit, 0, f->d->nentries);
}

void
filter_set_best(struct filter *f, int best)
{
	f->best = best;
	if (f->on)
		f->dirty = 1;
}

enum filter_change
filter_sync(struct filter *f)
{
	struct search_query *sq;
	const uint32_t *within = NULL;
	int started;
	size_t n, i;

	if (!f->dirty)
		return FILTER_NONE;
	f->dirty = 0;
	sq = search_query_new_alts(
	    f->q, f->qlen, f->rj != NULL ? romaji_alts : NULL, f->rj);
	f->gen++;
	if (f->ix != NULL)
		search_query_rate(f->ix, sq);
	if (search_query_nterms(sq) == 0) {
		search_query_free(sq);
		if (!f->on)
			return FILTER_NONE;
		clear_hits(f);
		search_query_free(f->sq);
		f->sq = NULL;
		f->on = 0;
		return FILTER_ENDED;
	}
	started = !f->on;
	/* Typing on usually narrows: search only the last hits then (not
	 * the closest entries of a query that matched nothing). */
	if (f->on && !f->approx && f->sq != NULL &&
	    search_query_extends(sq, f->sq))
		within = f->hits;
	n = search_run(f->ix, sq, within, within ? f->nhits : 0, f->tmp);
	f->approx = 0;
	f->nrank = 0;
	/* Nothing matches: the closest entries instead, marked; not for a
	 * single word of romaji, which is a word still being typed (and
	 * whose letters' bigrams say nothing of Japanese text). */
	if (n == 0 && !(search_query_nterms(sq) == 1 &&
	                  search_query_nalts(sq, 0) > 1)) {
		n = search_rank(
		    f->ix, sq, NULL, 0, FILTER_CLOSEST, f->rank, NULL);
		f->nrank = n;
		f->approx = n > 0;
		memcpy(f->tmp, f->rank, n * sizeof *f->tmp);
		qsort(f->tmp, n, sizeof *f->tmp, cmp_u32);
	} else if (f->best) {
		f->nrank = search_rank(f->ix, sq, f->tmp, n, n, f->rank, NULL);
		complete_rank(f, f->tmp, n);
	}
	clear_hits(f);
	memcpy(f->hits, f->tmp, n * sizeof *f->hits);
	f->nhits = n;
	for (i = 0; i < n; i++) {
		f->is_hit[f->hits[i]] = 1;
		f->sechits[f->d->entries[f->hits[i]].section]++;
	}
	search_query_free(f->sq);
	f->sq = sq;
	f->on = 1;
	make_note(f);
	return started ? FILTER_STARTED : FILTER_CHANGED;
}

/* Forgets the kept search. */
static void
unkeep(struct filter *f)
{
	size_t i;

	for (i = 0; i < f->nkept; i++)
		f->is_kept[f->kept[i]] = 0;
	f->nkept = 0;
	search_query_free(f->kept_sq);
	f->kept_sq = NULL;
}

int
filter_keep(struct filter *f)
{
	size_t i;

	if (!f->on)
		return 0;
	unkeep(f);
	memcpy(f->kept, f->hits, f->nhits * sizeof *f->kept);
	f->nkept = f->nhits;
	for (i = 0; i < f->nkept; i++)
		f->is_kept[f->kept[i]] = 1;
	f->kept_sq = f->sq;
	f->sq = NULL;
	clear_hits(f);
	f->on = 0;
	f->dirty = 0;
	q_set(f, "", 0);
	f->gen++;
	return 1;
}

int
filter_unkeep(struct filter *f)
{
	if (f->kept_sq == NULL)
		return 0;
	unkeep(f);
	f->gen++;
	return 1;
}

const uint32_t *
filter_nav_hits(const struct filter *f, size_t *n)
{
	if (f->on && (f->best || f->approx) && f->nrank == f->nhits) {
		*n = f->nrank; /* in the order shown */
		return f->rank;
	}
	if (f->on) {
		*n = f->nhits;
		return f->hits;
	}
	*n = f->kept_sq != NULL ? f->nkept : 0;
	return f->kept;
}

void
filter_reset(struct filter *f)
{
	f->dirty = 0;
	f->gen++;
	if (f->is_hit == NULL)
		return;
	unkeep(f);
	clear_hits(f);
	search_query_free(f->sq);
	f->sq = NULL;
	f->on = 0;
	q_set(f, "", 0);
}

int
filter_entry_hits(const struct filter *f, uint32_t e, struct search_hits *h)
{
	memset(h, 0, sizeof *h);
	if (f->on && f->sq != NULL && f->is_hit[e]) {
		search_entry_hits_head(f->ix, f->sq, e, h);
		return 1;
	}
	if (!f->on && f->kept_sq != NULL && f->is_kept[e]) {
		search_entry_hits_head(f->ix, f->kept_sq, e, h);
		return 1;
	}
	return 0;
}

struct hl_lazy *
filter_answer_hits(const struct filter *f, uint32_t e)
{
	if (f->on && f->sq != NULL && f->is_hit[e])
		return search_answer_lazy(f->ix, f->sq, e);
	if (!f->on && f->kept_sq != NULL && f->is_kept[e])
		return search_answer_lazy(f->ix, f->kept_sq, e);
	return NULL;
}
