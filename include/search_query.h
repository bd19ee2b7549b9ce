/*
 * search_query.h - the inside of the search module (one module with
 * search.c, split by what it holds): the index and the query (terms,
 * each with its alternatives) and the literal matching the files of the
 * module use.  Not for other
 * modules: they use search.h.
 */
#ifndef FAQ_SEARCH_QUERY_H
#define FAQ_SEARCH_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"

/*
 * The folded text of entry i is buf[pos[2i] .. pos[2i+1]-1) (question) and
 * buf[pos[2i+1] .. pos[2i+2]-1) (answer), each followed by '\n' (by more
 * than one where the parts the index was folded in meet: see
 * search_index_new()), which no folded term contains, so one scan of the
 * whole buffer never matches across a question, an answer or an entry.  A
 * reference entry has an empty answer here: it matches on its target's.
 */
struct search_index {
	const struct doc *d;
	char *buf;
	size_t len;
	size_t *pos; /* 2 * nentries + 1 */
	/* What is on screen around the entries: region s (< nsecs) is
	 * section s's title and introduction, region nsecs + c collection
	 * c's, ctx[cpos[r] .. cpos[r+1]-1) each followed by '\n'.  A term
	 * found there counts for every entry under it. */
	char *ctx;
	size_t ctxlen;
	size_t *cpos; /* nsecs + ncolls + 1 */
};

/* The entry whose answer entry i shows (its reference target, or i). */
uint32_t search_answer_of(const struct doc *d, uint32_t i);
/* Per section, the terms (bits, TERM_BIT) its title or introduction
 * holds; malloc'd, NULL without sections. */
uint64_t *search_ctx_masks(
    const struct search_index *ix, const struct search_query *sq);
uint64_t search_ctx_of(
    const struct search_index *ix, const uint64_t *ctx, uint32_t i);

/*
 * A term is one or more alternatives (folded strings), any of which
 * matches it: the literal term, and for romaji the words it spells.
 */
struct search_query {
	char *buf;   /* folded alternatives, back to back */
	size_t *off; /* alternative a is buf[off[a] .. off[a+1]) */
	size_t nalts;
	char **disp;    /* alternative a as given (unfolded), for messages */
	size_t *tfirst; /* term t has alternatives tfirst[t] .. tfirst[t+1] */
	size_t nterms;
	size_t *rare; /* NULL, or the terms rarest first (search_query_rate) */
	/* Per term, its alternatives found in one pass (search_multi_find),
	 * or NULL: a term of one alternative, or no vector way. */
	struct search_multi **multi;
};

/* The bit of term t in a section's mask of context hits (terms past 63
 * must be found in the entry itself). */
#define TERM_BIT(t) ((t) < 64 ? (uint64_t)1 << (t) : 0)

/* Up to this many alternatives of a term are scanned for in one pass. */
#define SEARCH_MAX_ALTS 16

/* nd[0..nn) in h[0..hn), reading up to h[readable) (>= hn); NULL if not
 * there. */
const char *search_find_in(
    const char *h, size_t hn, size_t readable, const char *nd, size_t nn);
const char *search_find(const char *h, size_t hn, const char *nd, size_t nn);
/* The first place any alternative of term t starts, its length in
 * *mlen (the longest found there). */
const char *search_find_term(const char *h, size_t hn, size_t readable,
    const struct search_query *sq, size_t t, size_t *mlen);
/* The same, one pass per alternative (search_find_in): what the one-pass
 * way must equal (the unit tests compare them), and the way without
 * SSSE3. */
const char *search_find_term_each(const char *h, size_t hn, size_t readable,
    const struct search_query *sq, size_t t, size_t *mlen);

/*
 * Up to SEARCH_MULTI_MAX literals found in one pass (search_multi.c): the
 * alternatives of a term, the features of the closest-match ranking.
 * search_multi_find() returns the first position of h[0..hn) (reading up
 * to h[readable), >= hn) where one of them starts and ends within hn, and
 * in *which the literals (bit k: the k-th given) that occur there; NULL
 * when none does.  search_multi_new() copies the literals and returns
 * NULL when the CPU has no vector way (then use search_find_in per
 * literal; FAQ_SEARCH_MULTI=none acts so) or a literal is empty.  SCALAR
 * (the tables one byte at a time, slow) and the forced kinds are for the
 * unit tests.
 */
#define SEARCH_MULTI_MAX 16
/* search_rank the straightforward way: one pass per feature, every entry
 * with a score sorted (for the unit tests to compare with). */
size_t search_rank_each(const struct search_index *ix,
    const struct search_query *sq, const uint32_t *within, size_t nwithin,
    size_t max, uint32_t *out, float *scores);
enum search_multi_impl {
	SEARCH_MULTI_NONE,
	SEARCH_MULTI_SCALAR,
	SEARCH_MULTI_SSSE3,
	SEARCH_MULTI_AVX2,
	SEARCH_MULTI_BEST,
};
struct search_multi;
struct search_multi *search_multi_new(
    const char *const *lit, const size_t *len, size_t n);
struct search_multi *search_multi_new_impl(const char *const *lit,
    const size_t *len, size_t n, enum search_multi_impl impl);
int search_multi_supported(enum search_multi_impl impl);
/* What search_multi_new() makes on a CPU whose best is cpu when
 * FAQ_SEARCH_MULTI is name (NULL: unset); see search_multi.c. */
enum search_multi_impl search_multi_pick(
    const char *name, enum search_multi_impl cpu);
void search_multi_free(struct search_multi *m);
size_t search_multi_len(const struct search_multi *m, size_t k);
const char *search_multi_find(const struct search_multi *m, const char *h,
    size_t hn, size_t readable, unsigned *which);

#endif
