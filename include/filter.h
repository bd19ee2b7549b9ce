/*
 * filter.h - the outline's search filter: the query, the entries that
 * match it in document order, how many match in each section, and a
 * generation counter.  Matching is search.h's; this module keeps its
 * results for the outline and calls into no view.
 *
 * Typing only sets the query (filter_set_query); the search runs in
 * filter_sync(), which the browser calls when the screen is drawn or a key
 * needs the results.  A front end that draws only when no input is pending
 * thus searches once per burst of keys (a paste, fast typing), for the
 * latest query only.
 *
 * Ownership: the filter borrows the doc and the search index (they must
 * outlive it) and owns everything else; filter_free() releases it.  The
 * fields are there to be read (the outline reads them on every row it
 * lays out); only filter.c writes them.
 *
 * Invariants:
 * - !on: nhits == 0, sq == NULL, every is_hit and sechits is 0;
 * - on: sq has terms, hits[0..nhits) are the entries it matches, sorted;
 *   is_hit[e] is 1 exactly for those, sechits[s] counts those of section s;
 * - gen changes whenever the hits or their highlights may have changed
 *   (layouts cached under another gen are stale);
 * - q is NULL until the first filter_set_query(), then NUL-terminated.
 */
#ifndef FAQ_FILTER_H
#define FAQ_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "romaji.h"
#include "search.h"

struct filter {
	const struct doc *d;
	const struct search_index *ix; /* NULL: no search (nothing matches) */
	struct romaji *rj;             /* romaji terms (romaji.h), or NULL */
	int on;                        /* the outline shows only hits */
	int dirty;                     /* q changed since the last search */
	unsigned gen;                  /* see the invariants */
	char *q;                       /* the query */
	size_t qlen, qcap;
	struct search_query *sq; /* of q, while on */
	uint32_t *hits;          /* matching entries, document order */
	size_t nhits;
	uint32_t *tmp;     /* room for a search_run result */
	uint8_t *is_hit;   /* per entry */
	uint32_t *sechits; /* per section: hits in it */
	int best;       /* rank the hits best first (rank) */
	int approx;     /* nothing matched: hits are the closest entries */
	uint32_t *rank; /* the hits best first (best or approx), nrank */
	size_t nrank;
	char *note; /* what romaji terms matched ("seikyuusho → 請求書"), or
	               NULL */
	/* The last search, kept after the filter ends (Esc), as less keeps
	 * its pattern: n/N go through its hits in the whole outline, which
	 * stay highlighted.  kept_sq NULL: none. */
	struct search_query *kept_sq;
	uint32_t *kept;      /* its hits, document order */
	size_t nkept;
	uint8_t *is_kept;    /* per entry */
};

/* What a search did to the filter, for the outline to follow. */
enum filter_change {
	FILTER_NONE,    /* no search ran, or none before and none after */
	FILTER_STARTED, /* a filter where there was none */
	FILTER_CHANGED, /* other hits (possibly the same ones) */
	FILTER_ENDED,   /* the query has no terms any more: no filter */
};

void filter_init(struct filter *f, const struct doc *d,
    const struct search_index *ix, struct romaji *rj);
void filter_free(struct filter *f);

/* Sets the query to q[0..n) (copied); the search waits for filter_sync. */
void filter_set_query(struct filter *f, const char *q, size_t n);
/* Whether the query has no terms (a sync would end the filter). */
int filter_query_blank(const struct filter *f);
/* The query ("" before the first one). */
const char *filter_query(const struct filter *f);

/* Up to this many closest entries when nothing matches. */
#define FILTER_CLOSEST 10

/* Best first (1) or document order (0); the ranking runs at the next
 * sync. */
void filter_set_best(struct filter *f, int best);

/* Runs the search if the query changed since the last one.  A query that
 * extends the last one searches only the last hits. */
enum filter_change filter_sync(struct filter *f);

/* No query, no filter, nothing pending, nothing kept (kiosk: the next
 * visitor sees no trace of the last one's query). */
void filter_reset(struct filter *f);

/* Esc: the filter ends (as filter_set_query(f, "", 0) + filter_sync
 * would) and its query and hits are kept for n/N; 1 when it was on. */
int filter_keep(struct filter *f);

/* A second Esc: the kept search goes too (no highlights, n/N say there
 * are no hits); 1 when there was one. */
int filter_unkeep(struct filter *f);

/* The hits n/N go through: the filter's while it is on, else the kept
 * ones (none: *n is 0). */
const uint32_t *filter_nav_hits(const struct filter *f, size_t *n);

/* Hits of entry e under the filter, or of the kept search when there is
 * no filter (h zeroed and 0 when e is no hit): of its answer only the
 * first hit of the rarest term (search_entry_hits_head); free with
 * search_hits_free. */
int filter_entry_hits(
    const struct filter *f, uint32_t e, struct search_hits *h);
/* The hits of entry e's answer under the same query, found as the
 * answer is laid out (search_answer_lazy), or NULL when e is no hit. */
struct hl_lazy *filter_answer_hits(const struct filter *f, uint32_t e);

#endif
