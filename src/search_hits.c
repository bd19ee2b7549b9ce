/*
 * search_hits.c - where the terms of a query hit, in original bytes, for
 * highlighting; see search.h (search_entry_hits and the functions after
 * it).  One module with search.c.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "fold.h"
#include "search_query.h"
#include "xalloc.h"

/*
 * Hits are found a chunk of the text at a time: the fold with its map
 * costs 9 bytes a byte, and a 5 MB one-word answer folded whole, with a
 * range per occurrence sorted afterwards, took 1.9 s and 110 MB for one
 * highlight.  Each chunk is folded with a little of the next (a match may
 * cross the chunk's end), its matches are merged into ranges as they are
 * found, and only merged ranges are kept.  A match that starts in a chunk
 * but reaches more than SEARCH_HL_OVERLAP bytes past its end (a term
 * spread over kilobytes of white space) is found in part only.
 */
#define SEARCH_HL_CHUNK (64u << 10)
#define SEARCH_HL_OVERLAP (4u << 10)

/* Where the chunk that starts at from ends: about want bytes on, where
 * folding may start anew (fold_can_cut), else (kilobytes of marks) at the
 * start of a character. */
static size_t
search_cut(const char *s, size_t n, size_t from, size_t want)
{
	size_t i, lim;

	if (n - from <= want)
		return n;
	i = from + want;
	lim = n - i > SEARCH_HL_OVERLAP ? i + SEARCH_HL_OVERLAP : n;
	for (; i < lim; i++)
		if (fold_can_cut(s, n, i))
			return i;
	i = from + want;
	while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* Appends range x to r[0..*nr) (sorted by start, merged), merging it into
 * the last when they touch. */
static void
search_range_add(
    struct hl_range **r, size_t *nr, size_t *cap, struct hl_range x)
{
	if (*nr > 0 && x.start <= (*r)[*nr - 1].end) {
		if (x.end > (*r)[*nr - 1].end)
			(*r)[*nr - 1].end = x.end;
		return;
	}
	if (*nr == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*r = xreallocarray(*r, *cap, sizeof **r);
	}
	(*r)[(*nr)++] = x;
}

/* The sorted, merged union of a[0..na) and b[0..nb) into out. */
static void
search_range_union(const struct hl_range *a, size_t na,
    const struct hl_range *b, size_t nb, struct hl_range **out, size_t *nout,
    size_t *cap)
{
	size_t i = 0, j = 0;

	*nout = 0;
	while (i < na || j < nb) {
		if (j >= nb || (i < na && a[i].start <= b[j].start))
			search_range_add(out, nout, cap, a[i++]);
		else
			search_range_add(out, nout, cap, b[j++]);
	}
}

/* What finding the hits of s[0..n) keeps between chunks. */
struct search_scan {
	const struct search_query *sq;
	const char *s;
	size_t n;
	struct fold f;
	char *gb;                 /* grapheme breaks of the folded region */
	struct hl_range *r, *t, *u; /* all so far; a term's; their union */
	size_t nr, capr, nt, capt, nu, capu;
	uint32_t *first; /* per term, where it first hits (UINT32_MAX: not) */
	size_t from;     /* where the next chunk starts */
};

/*
 * The matches that start in s[from..to), folded with what follows up to
 * far, each widened to whole grapheme clusters (a cluster such as 葛 + a
 * variation selector, or an emoji ZWJ sequence, spans several fold
 * units), added to sc->r.
 */
/*
 * u8_grapheme_breaks(), with ASCII text (every character a cluster, but
 * CR LF) done here: it was a third of the time n took to cross a 10 MB
 * answer.
 */
static void
search_grapheme_breaks(const char *s, size_t n, char *gb)
{
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		gb[i] = !(i > 0 && s[i] == '\n' && s[i - 1] == '\r');
	if (i < n)
		u8_grapheme_breaks((const uint8_t *)s, n, gb);
}

static void
search_scan_chunk(struct search_scan *sc, size_t from, size_t to, size_t far)
{
	const struct search_query *sq = sc->sq;
	size_t t, at, mlen, cut, i;
	const char *h;
	int gb = 0;

	fold_clear(&sc->f);
	fold_append(&sc->f, sc->s + from, to - from, (uint32_t)from);
	cut = sc->f.len;
	if (far > to)
		fold_append(&sc->f, sc->s + to, far - to, (uint32_t)to);
	for (t = 0; t < sq->nterms; t++) {
		sc->nt = 0;
		at = 0;
		while (at < cut &&
		       (h = search_find_term(sc->f.s + at, sc->f.len - at,
		            sc->f.len - at, sq, t, &mlen)) != NULL) {
			size_t fs = (size_t)(h - sc->f.s);
			struct hl_range x;

			if (fs >= cut)
				break;
			/* the clusters only where a term is: most of a long
			 * answer searched for n has none, and they cost as
			 * much as the folding */
			if (!gb) {
				sc->gb = xrealloc(sc->gb, far - from + 1);
				search_grapheme_breaks(
				    sc->s + from, far - from, sc->gb);
				sc->gb[far - from] = 1;
				gb = 1;
			}
			x.start = sc->f.map[fs].start;
			x.end = sc->f.map[fs + mlen - 1].end;
			while (x.start > from && !sc->gb[x.start - from])
				x.start--;
			while (x.end < far && !sc->gb[x.end - from])
				x.end++;
			if (sc->first[t] == UINT32_MAX)
				sc->first[t] = sc->f.map[fs].start;
			search_range_add(&sc->t, &sc->nt, &sc->capt, x);
			at = fs + 1;
		}
		if (sc->nt == 0)
			continue;
		/* this term's ranges start in this chunk, after every one of
		 * the chunks before: only the last of sc->r may meet them */
		for (i = sc->nr; i > 0 && sc->r[i - 1].end >= sc->t[0].start; i--)
			;
		search_range_union(sc->nr > i ? sc->r + i : NULL, sc->nr - i,
		    sc->t, sc->nt, &sc->u, &sc->nu, &sc->capu);
		sc->nr = i;
		for (at = 0; at < sc->nu; at++)
			search_range_add(&sc->r, &sc->nr, &sc->capr, sc->u[at]);
	}
}

static void
search_scan_init(struct search_scan *sc, const struct search_query *sq,
    const char *s, size_t n)
{
	size_t t;

	memset(sc, 0, sizeof *sc);
	sc->sq = sq;
	sc->s = s;
	sc->n = n;
	sc->first = xreallocarray(NULL, sq->nterms + 1, sizeof *sc->first);
	for (t = 0; t < sq->nterms; t++)
		sc->first[t] = UINT32_MAX;
	fold_init(&sc->f, 1);
}

/* Finds the matches of the next chunk; 0 when the text is all done. */
static int
search_scan_step(struct search_scan *sc)
{
	size_t to, far;

	if (sc->from >= sc->n || sc->sq->nterms == 0) {
		sc->from = sc->n;
		return 0;
	}
	to = search_cut(sc->s, sc->n, sc->from, SEARCH_HL_CHUNK);
	far = search_cut(sc->s, sc->n, to, SEARCH_HL_OVERLAP);
	search_scan_chunk(sc, sc->from, to, far);
	sc->from = to;
	return 1;
}

/* Frees all but the ranges (sc->r, the caller's). */
static void
search_scan_done(struct search_scan *sc)
{
	fold_free(&sc->f);
	free(sc->gb);
	free(sc->t);
	free(sc->u);
	free(sc->first);
	sc->gb = NULL;
	sc->t = sc->u = NULL;
	sc->first = NULL;
}

/* The ranges of s[0..n) where any term occurs, in original bytes, widened
 * to whole grapheme clusters, sorted and merged; first (when not NULL, one
 * per term) gets where each term first occurs. */
static struct hl_range *
search_string_hits(const struct search_query *sq, const char *s, size_t n,
    size_t *nout, uint32_t *first)
{
	struct search_scan sc;

	*nout = 0;
	if (sq->nterms == 0 || n == 0)
		return NULL;
	search_scan_init(&sc, sq, s, n);
	while (search_scan_step(&sc))
		;
	if (first != NULL)
		memcpy(first, sc.first, sq->nterms * sizeof *first);
	search_scan_done(&sc);
	if (sc.nr == 0) {
		free(sc.r);
		return NULL;
	}
	*nout = sc.nr;
	return sc.r;
}

/*
 * Which range of out->a holds the first occurrence of the rarest term
 * found in the answer (first: where each term first occurs): the snippet
 * shows it.  0 without a rating or hits.
 */
static size_t
search_rare_range(const struct search_query *sq, const uint32_t *first,
    const struct search_hits *out)
{
	size_t k, i;
	uint32_t at;

	if (sq->rare == NULL || out->na == 0)
		return 0;
	for (k = 0; k < sq->nterms; k++) {
		at = first[sq->rare[k]];
		if (at == UINT32_MAX)
			continue;
		for (i = 0; i < out->na; i++)
			if (out->a[i].start <= at && at < out->a[i].end)
				return i;
		return 0;
	}
	return 0;
}

struct hl_range *
search_text_hits(
    const struct search_query *sq, const char *s, size_t n, size_t *nout)
{
	return search_string_hits(sq, s, n, nout, NULL);
}

void
search_entry_hits(const struct search_index *ix, const struct search_query *sq,
    uint32_t i, struct search_hits *out)
{
	const struct doc *d = ix->d;
	const struct entry *e, *a;
	uint32_t *first;

	memset(out, 0, sizeof *out);
	if (i >= d->nentries)
		return;
	e = &d->entries[i];
	a = &d->entries[search_answer_of(d, i)];
	first = xreallocarray(NULL, sq->nterms + 1, sizeof *first);
	out->q = search_string_hits(sq, e->question, e->question_len, &out->nq,
	    NULL);
	out->a = search_string_hits(sq, a->text, a->text_len, &out->na, first);
	out->a_rare = search_rare_range(sq, first, out);
	free(first);
}

/* Whether some alternative of term t is in the index's folded answer of
 * entry i (no map, no folding: the index has it). */
static int
search_answer_has(const struct search_index *ix, const struct search_query *sq,
    uint32_t i, size_t t)
{
	uint32_t a = search_answer_of(ix->d, i);
	size_t lo = ix->pos[2 * a + 1], hi = ix->pos[2 * a + 2], mlen;

	if (hi <= lo)
		return 0;
	return search_find_term(ix->buf + lo, hi - lo, hi - lo, sq, t, &mlen) !=
	       NULL;
}

void
search_entry_hits_head(const struct search_index *ix,
    const struct search_query *sq, uint32_t i, struct search_hits *out)
{
	const struct doc *d = ix->d;
	const struct entry *e, *a;
	struct search_scan sc;
	size_t want = SIZE_MAX, k, r;

	memset(out, 0, sizeof *out);
	if (i >= d->nentries)
		return;
	e = &d->entries[i];
	a = &d->entries[search_answer_of(d, i)];
	out->q = search_string_hits(sq, e->question, e->question_len, &out->nq,
	    NULL);
	if (sq->nterms == 0 || a->text_len == 0)
		return;
	/* The term whose first hit is wanted: the rarest one there. */
	if (sq->rare != NULL)
		for (k = 0; k < sq->nterms && want == SIZE_MAX; k++)
			if (search_answer_has(ix, sq, i, sq->rare[k]))
				want = sq->rare[k];
	search_scan_init(&sc, sq, a->text, a->text_len);
	while ((want == SIZE_MAX ? sc.nr == 0 : sc.first[want] == UINT32_MAX) &&
	       search_scan_step(&sc))
		;
	for (r = 0; r < sc.nr; r++)
		if (want == SIZE_MAX || (sc.r[r].start <= sc.first[want] &&
		                            sc.first[want] < sc.r[r].end))
			break;
	if (r < sc.nr) {
		out->a = xmalloc(sizeof *out->a);
		out->a[0] = sc.r[r];
		out->na = 1;
	}
	search_scan_done(&sc);
	free(sc.r);
}

/* What search_answer_lazy() hands out: the hl_lazy first. */
struct search_lazy {
	struct hl_lazy hl;
	struct search_scan sc;
};

static void
search_lazy_more(struct hl_lazy *lz, size_t upto)
{
	struct search_lazy *sl = (struct search_lazy *)lz;

	while (sl->sc.from < upto && search_scan_step(&sl->sc))
		;
	lz->set.v = sl->sc.r;
	lz->set.n = sl->sc.nr;
	lz->known = sl->sc.from >= sl->sc.n ? SIZE_MAX : sl->sc.from;
}

struct hl_lazy *
search_answer_lazy(const struct search_index *ix,
    const struct search_query *sq, uint32_t i)
{
	const struct doc *d = ix->d;
	const struct entry *a;
	struct search_lazy *sl;

	if (i >= d->nentries)
		return NULL;
	a = &d->entries[search_answer_of(d, i)];
	sl = xcalloc(1, sizeof *sl);
	search_scan_init(&sl->sc, sq, a->text, a->text_len);
	sl->hl.more = search_lazy_more;
	sl->hl.known = sq->nterms == 0 ? SIZE_MAX : 0;
	return &sl->hl;
}

/* How far before a unit a hit that runs into it may start: longer
 * matches across the cut lose their highlight before it. */
#define LAZY_SKIP_BACK 256

void
search_lazy_skip(struct hl_lazy *lz, size_t from)
{
	struct search_lazy *sl = (struct search_lazy *)lz;
	size_t at;

	if (sl == NULL || lz->known == SIZE_MAX || from <= LAZY_SKIP_BACK)
		return;
	at = from - LAZY_SKIP_BACK;
	if (at >= sl->sc.n)
		at = sl->sc.n;
	while (at > 0 && at < sl->sc.n &&
	       ((unsigned char)sl->sc.s[at] & 0xC0) == 0x80)
		at--;
	if (at > sl->sc.from) {
		sl->sc.from = at;
		lz->known = at;
	}
}

void
search_lazy_free(struct hl_lazy *lz)
{
	struct search_lazy *sl = (struct search_lazy *)lz;

	if (sl == NULL)
		return;
	search_scan_done(&sl->sc);
	free(sl->sc.r);
	free(sl);
}

void
search_hits_free(struct search_hits *h)
{
	if (h == NULL)
		return;
	free(h->q);
	free(h->a);
	memset(h, 0, sizeof *h);
}
