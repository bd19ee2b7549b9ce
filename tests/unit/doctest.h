/*
 * doctest.h - helpers for the document-model tests: load Markdown from a
 * string, find diagnostics, flatten spans to text, and check the
 * invariants doc.h promises on any doc (used on every bad input).
 * Include after testutil.h.
 */
#ifndef FAQ_DOCTEST_H
#define FAQ_DOCTEST_H

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "doc.h"
#include "load.h"

/* Loads md as one file called name and finishes the doc. */
static inline struct doc *
load_md(const char *name, const char *md, struct diag_list *dl)
{
	struct doc *d = doc_new();

	assert_int_equal(load_buffer(d, name, md, strlen(md), dl), 0);
	doc_finish(d, dl);
	return d;
}

/* The number of diagnostics of severity sev whose message contains what
 * (line 0: any line; col 0: any column). */
static inline size_t
count_diags(const struct diag_list *dl, enum diag_severity sev, unsigned line,
    unsigned col, const char *what)
{
	size_t i, n = 0;

	for (i = 0; i < dl->n; i++) {
		const struct diag *g = &dl->v[i];

		if (g->severity != sev || strstr(g->msg, what) == NULL)
			continue;
		if ((line && g->line != line) || (col && g->col != col))
			continue;
		n++;
	}
	return n;
}

/* Span text of spans[0..n) with breaks as '/', malloc'd. */
static inline char *
spans_text(const char *text, const struct span *s, size_t n)
{
	size_t i, len = 1;
	char *out, *p;

	for (i = 0; i < n; i++)
		len += s[i].len + 1;
	p = out = malloc(len);
	for (i = 0; i < n; i++) {
		if (s[i].kind != SPAN_TEXT)
			*p++ = '/';
		memcpy(p, text + s[i].off, s[i].len);
		p += s[i].len;
	}
	*p = '\0';
	return out;
}

static inline void
assert_spans(const char *text, const struct span *s, size_t n, const char *want)
{
	char *got = spans_text(text, s, n);

	assert_string_equal(got, want);
	free(got);
}

/* A string doc.h promises is clean: valid UTF-8, no C0 but LF and TAB,
 * no DEL, no C1, no U+2028/9, no bidi controls. */
static inline void
assert_clean(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *e = p + n;
	ucs4_t uc;

	assert_null(u8_check(p, n));
	while (p < e) {
		p += u8_mbtouc(&uc, p, (size_t)(e - p));
		assert_true(uc >= 0x20 || uc == '\n' || uc == '\t');
		assert_false(uc >= 0x7f && uc <= 0x9f);
		assert_false(uc == 0x2028 || uc == 0x2029);
		assert_false(uc >= 0x202a && uc <= 0x202e);
		assert_false(uc >= 0x2066 && uc <= 0x2069);
	}
}

static inline void
check_spans(const struct entry *e, const struct span *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		assert_true(s[i].off + s[i].len <= e->text_len);
		if (s[i].style & STYLE_LINK)
			assert_non_null(s[i].href);
	}
}

static inline void
check_blocks(const struct entry *e, const struct block *b, size_t n, int depth)
{
	size_t i, c;

	assert_true(depth <= DOC_MAX_DEPTH);
	for (i = 0; i < n; i++) {
		switch (b[i].kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			check_spans(e, b[i].spans, b[i].nspans);
			break;
		case BLOCK_CODE:
			assert_true(
			    b[i].code_off + b[i].code_len <= e->text_len);
			break;
		case BLOCK_TABLE:
			for (c = 0; c < (size_t)b[i].nrows * b[i].ncols; c++)
				check_spans(e, b[i].cells[c].spans,
				    b[i].cells[c].nspans);
			break;
		case BLOCK_LIST:
			for (c = 0; c < b[i].nchildren; c++)
				assert_int_equal(
				    b[i].children[c].kind, BLOCK_ITEM);
			/* FALLTHROUGH */
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			check_blocks(
			    e, b[i].children, b[i].nchildren, depth + 1);
			break;
		case BLOCK_HR:
			break;
		default:
			fail_msg("unknown block kind %d", b[i].kind);
		}
	}
}

static inline void
check_entry(const struct entry *e)
{
	assert_non_null(e->id);
	assert_non_null(e->question);
	assert_non_null(e->text);
	assert_clean(e->question, e->question_len);
	assert_clean(e->text, e->text_len);
	check_blocks(e, e->blocks, e->nblocks, 0);
}

/* Every invariant of doc.h that can be checked from outside. */
static inline void
check_doc(const struct doc *d)
{
	size_t c, s, e, k, total = 0;

	for (c = 0; c < d->ncolls; c++) {
		const struct collection *co = &d->colls[c];

		assert_clean(co->title, strlen(co->title));
		assert_clean(co->path, strlen(co->path));
		if (co->intro != NULL)
			check_entry(co->intro);
		for (s = co->first; s < co->first + co->n; s++) {
			const struct section *se = &d->secs[s];

			assert_int_equal(se->collection, c);
			assert_clean(se->title, strlen(se->title));
			assert_int_equal(se->first, total);
			total += se->n;
			if (se->intro != NULL)
				check_entry(se->intro);
			for (e = se->first; e < se->first + se->n; e++) {
				const struct entry *en = &d->entries[e];

				check_entry(en);
				assert_int_equal(en->section, s);
				assert_ptr_equal(
				    doc_entry_by_id(d, en->id), en);
				if (en->ref >= 0) {
					assert_true(
					    (size_t)en->ref < d->nentries);
					assert_int_equal(
					    d->entries[en->ref].ref, -1);
				}
			}
		}
	}
	assert_int_equal(total, d->nentries);
	for (k = 0; k < d->nsecs; k++)
		assert_ptr_equal(
		    doc_section_by_id(d, d->secs[k].id), &d->secs[k]);
}

#endif
