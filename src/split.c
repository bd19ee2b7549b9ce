/*
 * split.c - a big file parsed in two halves on two cores; see split.h.
 *
 * The halves are parsed at once, each into a block list and an arena of
 * its own; when they meet as they should (the first ends with the heading
 * the second starts with), the lists are joined without copying text
 * (blocks_join()) and the arenas adopted into the caller's.
 */
#define _GNU_SOURCE /* memmem (glibc declares it for GNU only) */
#include "split.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "arena.h"
#include "sanitize.h"
#include "twocore.h"
#include "xalloc.h"

/*
 * Where the second half of src[0..len) may start: a line "# ..." to
 * "###### ..." after a blank line, from the middle on; 0 if none.  Such a
 * line, when it is an ATX heading at the top level, closes every block
 * before it, so the text from there parses the same alone as in the whole
 * (link reference definitions aside, which reach across the file:
 * split_checks() keeps a file that may have one in one piece).  Whether
 * it is at the top level (and not inside a fenced code block, say) is
 * known only from the parse of the first half: see split_agrees().
 */
static size_t
split_point(const char *s, size_t len)
{
	size_t i = len / 2, k;
	const char *q;

	while (i < len && (q = memmem(s + i, len - i, "\n\n#", 3)) != NULL) {
		i = (size_t)(q - s) + 2;
		for (k = i; k < len && k - i < 7 && s[k] == '#'; k++)
			;
		if (k - i <= 6 && k < len &&
		    (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') &&
		    memchr(s + k, '\n', len - k) != NULL)
			return i;
	}
	return 0;
}

/*
 * Whether s[0..n) may hold a link reference definition ("]:" ends the
 * label of every one), and its number of newlines in *lines when lines is
 * not NULL.  One pass, 16 bytes at a time, newlines counted in byte lanes
 * (255 blocks at most before they are added up): 5 ms over 40 MB, where a
 * plain loop took 26 ms for the count and glibc's memmem 30 ms for "]:".
 */
static int
scan_refs_lines(const char *s, size_t n, size_t *lines)
{
	size_t i = 0, nl = 0;
	int refs = 0;

#if defined(__SSE2__)
	const __m128i cnl = _mm_set1_epi8('\n');
	const __m128i cbr = _mm_set1_epi8(']');
	const __m128i cco = _mm_set1_epi8(':');
	__m128i any = _mm_setzero_si128();

	while (i + 17 <= n) {
		__m128i acc = _mm_setzero_si128();
		size_t end = n - 16 - i > 16 * 255 ? i + 16 * 255 : n - 16;
		int64_t x[2];

		for (; i < end; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i w =
			    _mm_loadu_si128((const __m128i *)(s + i + 1));

			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, cnl));
			any = _mm_or_si128(
			    any, _mm_and_si128(_mm_cmpeq_epi8(v, cbr),
			             _mm_cmpeq_epi8(w, cco)));
		}
		_mm_storeu_si128((__m128i *)(void *)x,
		    _mm_sad_epu8(acc, _mm_setzero_si128()));
		nl += (size_t)(x[0] + x[1]);
	}
	refs = _mm_movemask_epi8(any) != 0;
#endif
	for (; i < n; i++) {
		nl += s[i] == '\n';
		if (s[i] == ']' && i + 1 < n && s[i + 1] == ':')
			refs = 1;
	}
	if (lines != NULL)
		*lines = nl;
	return refs;
}

/* One half's share of the checks that decide whether to split. */
struct split_check {
	const char *s;
	size_t n;
	int count; /* count its lines (the first half) */
	int clean, refs;
	size_t lines;
};

static void *
split_check_run(void *arg)
{
	struct split_check *c = arg;

	c->clean = sanitize_clean_len(c->s, c->n) == c->n;
	c->refs = scan_refs_lines(c->s, c->n, c->count ? &c->lines : NULL);
	return NULL;
}

/*
 * Whether buf[0..len) is clean (sanitize_clean_len() of all of it), and,
 * when split is not 0, whether it may be split there: *lines is then the
 * number of lines before split, 0 if it may not.  The two halves are
 * checked at once.
 */
static int
split_checks(const char *buf, size_t len, size_t split, size_t *lines)
{
	struct split_check a = {buf, split, 1, 0, 0, 0};
	struct split_check b = {buf + split, len - split, 0, 0, 0, 0};
	struct twocore tc;

	*lines = 0;
	if (split == 0)
		return sanitize_clean_len(buf, len) == len;
	twocore_start(&tc, split_check_run, &b, 1);
	split_check_run(&a);
	twocore_join(&tc);
	if (!a.refs && !b.refs)
		*lines = a.lines;
	return a.clean && b.clean;
}

int
split_find(const char *buf, size_t len, size_t min, struct split_at *at)
{
	at->off = len >= min ? split_point(buf, len) : 0;
	return split_checks(buf, len, at->off, &at->lines);
}

/* The second half, parsed on the other core. */
struct split_job {
	struct blocks bl;
	struct arena *arena;
	const struct md_src *src;
	size_t from, line;
	int rc;
	struct twocore tc;
};

static void *
split_run(void *arg)
{
	struct split_job *j = arg;

	j->rc = md_read(
	    &j->bl, j->arena, j->src, j->from, j->line, j->from, j->src->len);
	return NULL;
}

/* Whether the halves meet as they should: a ends with the heading on line
 * (1-based) that b starts with, both at the top level. */
static int
split_agrees(const struct blocks *a, const struct blocks *b, uint32_t line)
{
	const struct block *x, *y;

	if (a->nitems == 0 || b->nitems == 0)
		return 0;
	x = &a->blk[a->nitems - 1];
	y = &b->blk[0];
	/* (a heading read inside a Liquid comment is not what the second
	 * half, which starts outside any, reads) */
	return x->kind == BLOCK_HEADING && y->kind == BLOCK_HEADING &&
	       x->line == line && y->line == line && x->level == y->level &&
	       a->comment_line != line;
}

int
split_parse(struct blocks *bl, struct arena *a, const struct md_src *src,
    size_t start, const struct split_at *at, enum split_how *how)
{
	struct split_job *job;
	struct arena *first;
	uint32_t line = (uint32_t)at->lines + 1;
	const char *nl;
	size_t eol;
	int rc;

	*how = SPLIT_NONE;
	if (at->lines == 0 || at->off <= start)
		return md_read(bl, a, src, 0, 0, start, src->len);
	/* the first half ends with the line of the heading the second
	 * starts with: then the two can be seen to meet */
	nl = memchr(src->s + at->off, '\n', src->len - at->off);
	eol = (nl != NULL ? (size_t)(nl - src->s) : src->len) + 1;
	job = xcalloc(1, sizeof *job);
	job->arena = arena_new();
	first = arena_new();
	if (job->arena == NULL || first == NULL) {
		arena_free(job->arena);
		arena_free(first);
		free(job);
		return md_read(bl, a, src, 0, 0, start, src->len);
	}
	job->src = src;
	job->from = at->off;
	job->line = at->lines;
	twocore_start(&job->tc, split_run, job, 1);
	rc = md_read(bl, first, src, 0, 0, start, eol);
	twocore_join(&job->tc);
	if (split_agrees(bl, &job->bl, line)) {
		blocks_join(bl, &job->bl, line);
		arena_adopt(first, job->arena);
		arena_adopt(a, first);
		rc |= job->rc;
		*how = SPLIT_JOINED;
	} else {
		blocks_free(&job->bl);
		arena_free(job->arena);
		blocks_free(bl);
		arena_free(first);
		rc = md_read(bl, a, src, 0, 0, start, src->len);
		*how = SPLIT_REDONE;
	}
	free(job);
	return rc;
}
