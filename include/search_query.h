/*
 * search_query.h - the inside of the search module (one module with
 * search.c, split by what it holds): the query (terms, each with its
 * alternatives) and the literal matching both files use.  Not for other
 * modules: they use search.h.
 */
#ifndef FAQ_SEARCH_QUERY_H
#define FAQ_SEARCH_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"

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
 * *mlen. */
const char *search_find_term(const char *h, size_t hn, size_t readable,
    const struct search_query *sq, size_t t, size_t *mlen);

#endif
