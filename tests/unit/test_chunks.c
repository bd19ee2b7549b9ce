/*
 * test_chunks.c - a big file is handed to md4c in runs cut at heading
 * lines (parse.c, next_cut()); the model must be exactly the one a single
 * pass gives.  Every input here is parsed both ways, with a run length of
 * one byte (a cut at every heading that allows one) and of everything,
 * and the two docs and their diagnostics are compared field by field.
 */
#include "testutil.h"

#include <stdio.h>

#include "docload.h"
#include "doctest.h"

static void
same_spans(const char *ta, const struct span *a, const char *tb,
    const struct span *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		assert_int_equal(a[i].kind, b[i].kind);
		assert_int_equal(a[i].style, b[i].style);
		assert_int_equal(a[i].len, b[i].len);
		assert_memory_equal(ta + a[i].off, tb + b[i].off, a[i].len);
		if (a[i].href == NULL || b[i].href == NULL)
			assert_ptr_equal(a[i].href, b[i].href);
		else
			assert_string_equal(a[i].href, b[i].href);
	}
}

static void
same_blocks(const char *ta, const struct block *a, const char *tb,
    const struct block *b, size_t n)
{
	size_t i, c;

	for (i = 0; i < n; i++) {
		assert_int_equal(a[i].kind, b[i].kind);
		assert_int_equal(a[i].line, b[i].line);
		switch (a[i].kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			assert_int_equal(a[i].level, b[i].level);
			assert_int_equal(a[i].nspans, b[i].nspans);
			same_spans(ta, a[i].spans, tb, b[i].spans, a[i].nspans);
			break;
		case BLOCK_CODE:
			assert_int_equal(a[i].code_len, b[i].code_len);
			assert_memory_equal(ta + a[i].code_off,
			    tb + b[i].code_off, a[i].code_len);
			break;
		case BLOCK_TABLE:
			assert_int_equal(a[i].ncols, b[i].ncols);
			assert_int_equal(a[i].nrows, b[i].nrows);
			for (c = 0; c < (size_t)a[i].ncols * a[i].nrows; c++) {
				assert_int_equal(
				    a[i].cells[c].nspans, b[i].cells[c].nspans);
				same_spans(ta, a[i].cells[c].spans, tb,
				    b[i].cells[c].spans, a[i].cells[c].nspans);
			}
			break;
		case BLOCK_LIST:
			assert_int_equal(a[i].ordered, b[i].ordered);
			assert_int_equal(a[i].tight, b[i].tight);
			assert_int_equal(a[i].start, b[i].start);
			/* FALLTHROUGH */
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			assert_int_equal(a[i].nchildren, b[i].nchildren);
			same_blocks(ta, a[i].children, tb, b[i].children,
			    a[i].nchildren);
			break;
		default:
			break;
		}
	}
}

static void
same_entry(const struct entry *a, const struct entry *b)
{
	if (a == NULL || b == NULL) {
		assert_ptr_equal(a, b);
		return;
	}
	assert_string_equal(a->id, b->id);
	assert_string_equal(a->question, b->question);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->col, b->col);
	assert_int_equal(a->ref, b->ref);
	assert_int_equal(a->text_len, b->text_len);
	assert_memory_equal(a->text, b->text, a->text_len);
	assert_int_equal(a->nblocks, b->nblocks);
	same_blocks(a->text, a->blocks, b->text, b->blocks, a->nblocks);
}

/* Parses md both ways and compares everything. */
static void
same_both_ways(const char *md, size_t len)
{
	struct doc *d[2];
	struct diag_list dl[2] = {{0}, {0}};
	size_t k, i;

	for (k = 0; k < 2; k++) {
		char *own = malloc(len + 1);

		memcpy(own, md, len);
		d[k] = doc_new();
		docload_parse(
		    d[k], "x.md", own, len, own, k ? SIZE_MAX : 1, &dl[k]);
		doc_finish(d[k], &dl[k]);
		check_doc(d[k]);
	}
	assert_int_equal(dl[0].n, dl[1].n);
	for (i = 0; i < dl[0].n; i++) {
		assert_int_equal(dl[0].v[i].line, dl[1].v[i].line);
		assert_int_equal(dl[0].v[i].col, dl[1].v[i].col);
		assert_string_equal(dl[0].v[i].msg, dl[1].v[i].msg);
	}
	assert_string_equal(d[0]->colls[0].title, d[1]->colls[0].title);
	same_entry(d[0]->colls[0].intro, d[1]->colls[0].intro);
	assert_int_equal(d[0]->nsecs, d[1]->nsecs);
	for (i = 0; i < d[0]->nsecs; i++) {
		assert_string_equal(d[0]->secs[i].title, d[1]->secs[i].title);
		assert_string_equal(d[0]->secs[i].id, d[1]->secs[i].id);
		assert_int_equal(d[0]->secs[i].n, d[1]->secs[i].n);
		same_entry(d[0]->secs[i].intro, d[1]->secs[i].intro);
	}
	assert_int_equal(d[0]->nentries, d[1]->nentries);
	for (i = 0; i < d[0]->nentries; i++)
		same_entry(&d[0]->entries[i], &d[1]->entries[i]);
	for (k = 0; k < 2; k++) {
		doc_free(d[k]);
		diag_clear(&dl[k]);
	}
}

static void
test_written_cases(void **state)
{
	static const char *const cases[] = {
	    "# T\n\n## S\n\n### Q1\n\nA1\n\n### Q2\n\n- a\n- b\n\n## S2\n\n"
	    "### Q3\n\n> q\n\n|a|b|\n|-|-|\n|1|2|\n",
	    /* a fence holding heading lines: no cut inside it */
	    "### Q\n\n```\n# not a heading\n## nor this\n```\n\n## S\n\n"
	    "### R\n\n~~~~\n# x\n~~~\n# y\n~~~~\n# Z\n\ntext\n",
	    /* "#x" and seven #s are text, possibly lazy continuations */
	    "### Q\n\n- item\n#x lazy\n####### seven\n\n> quote\n#tag\n",
	    /* setext headings and rules */
	    "Title\n=====\n\n### Q\n\npara\n---\n\n## S\n\n***\n\n### R\n\nx\n",
	    /* links between runs, references, ids */
	    "## A\n\n### One {#one}\n\n[two](#two)\n\n## B\n\n### Two "
	    "{#two}\n\n"
	    "Body with [one](#one) and [none](#none).\n",
	    /* link reference definitions: parsed in one run */
	    "### Q\n\n[x][r]\n\n## S\n\n### R\n\n[r]: #q\n",
	    /* a fence in a list item, closed at column 0 */
	    "### Q\n\n- ```\n\n```\nx\n# h\n```\n\n## S\n\n### R\n\ny\n",
	    "\n---\ntitle: t\n---\n\n### \n####### \n## \n\n1. \n   ~~~\n\n"
	    "    ~~x\n   ~~~\n\n   ~~~\n[\\\t\n1. \n===\n`\n   ~~~\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		same_both_ways(cases[i], strlen(cases[i]));
}

/* Random documents from Markdown-ish pieces (a fixed seed). */
static void
test_random_cases(void **state)
{
	static const char *const tok[] = {"\n# ", "\n## ", "\n### ", "\n#### ",
	    "\n####### ", "\n#x", "#", " ", "\n", "\n\n", "\n- ", "\n1. ",
	    "\n2) ", "\n> ", "\n```\n", "\n```py\n", "\n~~~\n", "\n~~~~\n",
	    "\n````\n", "\n    ", "\n  ", "`", "|", "\n|a|b|\n|-|-|\n",
	    "\n| x |\n", "*", "**", "_", "[", "]", "(#a)", "{#a}", "&amp;",
	    "あ", "請求", "x", "foo bar", "\t", "![i](x.png)", "https://x.y",
	    "~~", "\\", "  \n", "\n===\n", "\n---\n", "\n***\n", "> - ", "- > ",
	    "\n---\ntitle: t\n---\n", "\n  - ", "\n    - ", "\n   > ", "<b>",
	    "\n\n    code\n", "\n- ```\n", "\n  ```\n"};
	const size_t ntok = sizeof tok / sizeof tok[0];
	char buf[8192];
	uint32_t seed = 12345;
	size_t it, n, k, len;

	(void)state;
	for (it = 0; it < 400; it++) {
		n = 0;
		seed = seed * 1103515245u + 12345u;
		k = 1 + (seed >> 16) % 300;
		while (k-- > 0) {
			const char *t;

			seed = seed * 1103515245u + 12345u;
			/* the last two pieces stop cutting: rarely */
			t = tok[(seed >> 16) % (it % 8 == 0 ? ntok : ntok - 2)];
			len = strlen(t);
			if (n + len >= sizeof buf)
				break;
			memcpy(buf + n, t, len);
			n += len;
		}
		same_both_ways(buf, n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_written_cases),
	    cmocka_unit_test(test_random_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
