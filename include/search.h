/*
 * search.h - incremental search over questions and answers.
 *
 * Matching folds NFKC, case and katakana -> hiragana and ignores white
 * space; a query is space-separated terms (ASCII space or U+3000; also tab
 * and line breaks, as a paste may bring) that must all match, in any
 * order.  The folded text of every entry is built once, by
 * search_index_new(), in one contiguous buffer.  Hits are reported as byte
 * ranges of the original strings (entry->question, and entry->text of the
 * entry whose answer is shown), ready for render.h highlighting.
 * A reference entry matches on its own question and its target's answer.
 *
 * What is on screen around an entry counts too: a term found in the title
 * or introduction of its section is a term the entry matches (the first
 * 64 terms), so that `/python2` finds the questions under a section of
 * that name and the title shows highlighted.  A collection's title is
 * only highlighted (search_text_hits): a word of the page title would
 * otherwise match every entry.
 *
 * A term may have alternatives (search_query_new_alts): the romaji
 * `seikyuusho` is the literal term or any of the words it spells; a term
 * matches where any alternative does (at most 16 per term, all found in
 * one pass over the index).
 *
 * Cost: the index holds the folded text (about the size of the text: 76 MB
 * for a 78 MB corpus) and no offset maps; search_entry_hits() folds one
 * entry again with a map, a chunk of 64 KB at a time (memory bounded by
 * the chunk and the ranges found), so call it for the entries on screen
 * only; a screen calls search_entry_hits_head() and search_answer_lazy(),
 * which read an answer only as far as they need.
 *
 * Ownership: the index borrows the doc (which must outlive it); results
 * and hit arrays are the caller's.
 */
#ifndef FAQ_SEARCH_H
#define FAQ_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "render.h"

struct search_index;
struct search_query;

struct search_index *search_index_new(const struct doc *d);
void search_index_free(struct search_index *ix);

/* Folds and splits q[0..n).  Never NULL; a query that folds to nothing has
 * zero terms and matches every entry. */
struct search_query *search_query_new(const char *q, size_t n);
/* The same, with alternatives: alts (when not NULL) is asked for each term
 * (unfolded, tn bytes) and returns n strings in a malloc'd array *out
 * (each malloc'd; the query frees them), folded here, duplicates
 * dropped. */
struct search_query *search_query_new_alts(const char *q, size_t n,
    size_t (*alts)(void *arg, const char *term, size_t tn, char ***out),
    void *arg);
size_t search_query_nterms(const struct search_query *sq);
/* Rates the terms by how often they occur in ix (a sample), so that hits
 * can name the rarest term found in an answer (search_hits.a_rare: the
 * snippet under a question shows it, not merely the first term). */
void search_query_rate(const struct search_index *ix, struct search_query *sq);
/* Alternatives of term t (the literal one first), and the folded bytes of
 * its k-th. */
size_t search_query_nalts(const struct search_query *sq, size_t t);
const char *search_query_alt(
    const struct search_query *sq, size_t t, size_t k, size_t *n);
/* The k-th alternative of term t as it was given (unfolded: 請求書,
 * クレジット), for saying what a romaji term matched. */
const char *search_query_alt_text(
    const struct search_query *sq, size_t t, size_t k);
/* Whether that alternative occurs in the question or shown answer of any
 * of hits[0..nhits). */
int search_alt_found(const struct search_index *ix,
    const struct search_query *sq, size_t t, size_t k, const uint32_t *hits,
    size_t nhits);
void search_query_free(struct search_query *sq);

/*
 * Whether every entry that sq matches is also matched by prev: each term of
 * prev is part of a term of sq.  Typing more usually extends the query, but
 * not always: ｶ folds to か and ｶﾞ to が, which is not an extension.
 */
int search_query_extends(
    const struct search_query *sq, const struct search_query *prev);

/*
 * Writes the indices of the matching entries, in document order, to out
 * (room for d->nentries) and returns their number.  When within is not
 * NULL only those entries (sorted) are tried: pass the hits of prev only
 * when search_query_extends(sq, prev).  out may be within (filters in
 * place).
 */
size_t search_run(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, uint32_t *out);

/*
 * Where the terms hit in entry i: ranges in its question and in the answer
 * text shown for it (the target's text for a reference).  Arrays are
 * malloc'd (caller frees), sorted, merged; every occurrence of every term.
 * A range covers whole grapheme clusters (ｶﾞ for が, か + U+3099) and, as
 * white space is ignored, any spaces or block separators ('\n') between
 * the matched characters.  No terms: no ranges.
 */
struct search_hits {
	struct hl_range *q, *a;
	size_t nq, na;
	size_t a_rare; /* the range of a holding the rarest term (below) */
};
void search_entry_hits(const struct search_index *ix,
    const struct search_query *sq, uint32_t i, struct search_hits *out);
void search_hits_free(struct search_hits *h);

/*
 * As search_entry_hits, for what a screen needs before it lays an answer
 * out: the question's ranges, and of the answer only the range of the
 * first hit of the rarest term found in it (the one the snippet shows;
 * na is 0 or 1, a_rare 0).  The answer is read up to that hit only.
 */
void search_entry_hits_head(const struct search_index *ix,
    const struct search_query *sq, uint32_t i, struct search_hits *out);

/*
 * The ranges of entry i's shown answer, found as render_answer_lazy()
 * reads the answer (render.h): laying out the first screen of a 5 MB
 * answer searches the bytes laid out, not 5 MB.  Free with
 * search_lazy_free(); sq must outlive it.
 */
struct hl_lazy *search_answer_lazy(const struct search_index *ix,
    const struct search_query *sq, uint32_t i);
void search_lazy_free(struct hl_lazy *lz);
/* Before any other use of lz: only the hits from about byte from on are
 * wanted (a unit of a long answer, render_units.h), so the bytes before
 * are not searched, save the few a hit running into from may start in. */
void search_lazy_skip(struct hl_lazy *lz, size_t from);

/*
 * Entries ranked by closeness to sq (search_rank.c): terms matched and
 * shared character bigrams of the folded text, a hit in the question (or
 * its section's title) weighing more than one in the answer, rarer ones
 * more.  Scores all entries, or those of within[0..nwithin); writes to
 * out (and their scores to scores, when not NULL) the best max with a
 * score above 0, best first, equal scores in document order; returns
 * their number.  For "closest questions" when nothing matches, and the
 * "best first" order.  Costs one pass over the index for the terms and
 * bigrams together (in groups of 16 strings: search_query.h).
 */
size_t search_rank(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, size_t max, uint32_t *out,
    float *scores);

/* Ranges of s[0..n) where any term occurs, as for search_entry_hits (a
 * title or an introduction); malloc'd, NULL when none. */
struct hl_range *search_text_hits(
    const struct search_query *sq, const char *s, size_t n, size_t *nout);

#endif
