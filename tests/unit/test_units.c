/*
 * test_units.c - a long answer laid out a unit at a time (render_units.h)
 * is the answer laid out whole: the same lines, one call or many, except
 * for the line breaks where a long paragraph or code block is cut; no
 * text is lost there and no line is too wide.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctest.h"
#include "render.h"
#include "render_units.h"
#include "sline.h"
#include "wrap.h"

/* A growing string. */
struct buf {
	char *s;
	size_t n, cap;
};

static void
bputs(struct buf *b, const char *s)
{
	size_t k = strlen(s);

	if (b->n + k + 1 > b->cap) {
		b->cap = 2 * (b->n + k) + 64;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

static const struct entry *
first_entry(struct doc *d)
{
	assert_true(d->nentries >= 1);
	return doc_entry_answer(d, &d->entries[0]);
}

static struct render_opts
opts(int width)
{
	struct render_opts o;

	memset(&o, 0, sizeof o);
	o.width = width;
	o.ambiguous = 1;
	return o;
}

/* The units laid out one call each, appended to one list. */
static void
by_units(const struct entry *e, const struct answer_units *u,
    const struct render_opts *o, struct slines *out)
{
	size_t k;

	for (k = 0; k < u->n; k++)
		render_units(e, u, k, k + 1, o, NULL, out);
}

static void
assert_same_lines(const struct slines *a, const struct slines *b)
{
	size_t i;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		assert_string_equal(a->v[i].text, b->v[i].text);
		assert_int_equal(a->v[i].width, b->v[i].width);
		assert_memory_equal(a->v[i].attr, b->v[i].attr,
		    a->v[i].len * sizeof *a->v[i].attr);
	}
}

/* Cut nowhere (lists, quotes and runs of blocks are cut between their
 * parts): exactly the whole answer's lines, at every width. */
static void
check_same(const char *md, size_t min_units)
{
	struct diag_list dl = {0};
	struct doc *d = load_md("u.md", md, &dl);
	const struct entry *e = first_entry(d);
	struct answer_units u = {0};
	static const int widths[] = {80, 13, 1};
	size_t w;

	answer_units_build(e, &u);
	assert_true(u.n >= min_units);
	assert_true(answer_is_long(e) == (u.n > 1));
	for (w = 0; w < sizeof widths / sizeof *widths; w++) {
		struct render_opts o = opts(widths[w]);
		struct slines whole = {0}, parts = {0}, one = {0};

		render_answer(e, &o, NULL, &whole);
		by_units(e, &u, &o, &parts);
		render_units(e, &u, 0, u.n, &o, NULL, &one);
		assert_same_lines(&whole, &parts);
		assert_same_lines(&whole, &one);
		slines_free(&whole);
		slines_free(&parts);
		slines_free(&one);
	}
	answer_units_free(&u);
	doc_free(d);
	diag_clear(&dl);
}

/* The lines' text with every space, newline and the code wrap mark left
 * out, malloc'd: what a reader reads, however it is wrapped. */
static char *
squeezed(const struct slines *ls)
{
	struct buf b = {0};
	size_t i, k;

	bputs(&b, "");
	for (i = 0; i < ls->n; i++) {
		const char *t = ls->v[i].text;

		for (k = 0; t[k] != '\0'; k++) {
			char one[2] = {t[k], '\0'};

			if (t[k] == ' ')
				continue;
			if (strncmp(t + k, "\xe2\x86\xa9", 3) == 0) { /* ↩ */
				k += 2;
				continue;
			}
			bputs(&b, one);
		}
	}
	return b.s;
}

/* Cut inside a paragraph or code block: the same text, no line wider
 * than the width, and no more lines than one a cut besides. */
static void
check_cut(const char *md, size_t min_units)
{
	struct diag_list dl = {0};
	struct doc *d = load_md("u.md", md, &dl);
	const struct entry *e = first_entry(d);
	struct answer_units u = {0};
	static const int widths[] = {80, 13, 1};
	size_t w, i;

	answer_units_build(e, &u);
	assert_true(u.n >= min_units);
	for (w = 0; w < sizeof widths / sizeof *widths; w++) {
		struct render_opts o = opts(widths[w]);
		struct slines whole = {0}, parts = {0};
		char *a, *b;

		render_answer(e, &o, NULL, &whole);
		by_units(e, &u, &o, &parts);
		a = squeezed(&whole);
		b = squeezed(&parts);
		assert_string_equal(a, b);
		for (i = 0; i < parts.n; i++)
			assert_true(parts.v[i].width <= widths[w] ||
			            widths[w] == 1);
		assert_true(parts.n <= whole.n + u.n);
		assert_true(parts.n >= whole.n);
		free(a);
		free(b);
		slines_free(&whole);
		slines_free(&parts);
	}
	answer_units_free(&u);
	doc_free(d);
	diag_clear(&dl);
}

static void
test_runs_of_blocks(void **state)
{
	struct buf b = {0};
	char line[128];
	int i;

	(void)state;
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 3000; i++) {
		snprintf(line, sizeof line,
		    i % 7 == 0 ? "---\n\n"
		    : i % 5 == 0
		        ? "```\ncode %d\n```\n\n"
		        : "Paragraph %d with **some** words in it.\n\n",
		    i);
		bputs(&b, line);
	}
	check_same(b.s, 4);
	free(b.s);
}

static void
test_lists(void **state)
{
	static const char *const forms[] = {
	    "- item %d of a tight list\n",
	    "- item %d of a loose list\n\n",
	    "%d. numbered\n",
	    "- 1%d. numbers itself\n",
	};
	size_t f;

	(void)state;
	for (f = 0; f < sizeof forms / sizeof *forms; f++) {
		struct buf b = {0};
		char line[128];
		int i;

		bputs(&b, "### Q\n\nBefore.\n\n");
		for (i = 1; i <= 2500; i++) {
			snprintf(line, sizeof line, forms[f],
			    f == 3 ? 1000 + i : i);
			bputs(&b, line);
		}
		bputs(&b, "\nAfter.\n");
		check_same(b.s, 3);
		free(b.s);
	}
}

static void
test_quote(void **state)
{
	struct buf b = {0};
	char line[128];
	int i;

	(void)state;
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 2500; i++) {
		snprintf(line, sizeof line, "> Quoted paragraph %d.\n>\n", i);
		bputs(&b, line);
	}
	bputs(&b, "\nAfter.\n");
	check_same(b.s, 3);
	free(b.s);
}

static void
test_long_paragraphs(void **state)
{
	struct buf b = {0};
	int i;

	(void)state;
	/* words, styles and a link */
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 6000; i++)
		bputs(&b, i % 50 == 0   ? "[a link](https://example.com/x) "
		          : i % 13 == 0 ? "**bold words** "
		                        : "some words ");
	bputs(&b, "\n\nAfter.\n");
	check_cut(b.s, 3);
	/* Japanese, no spaces */
	b.n = 0;
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 3000; i++)
		bputs(&b, "請求書の支払い方法を変更できます。");
	bputs(&b, "\n");
	check_cut(b.s, 5);
	/* one word */
	b.n = 0;
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 5000; i++)
		bputs(&b, "aaaaaaaaaaaaaaaaaaaa");
	bputs(&b, "\n");
	check_cut(b.s, 5);
	/* lines with hard breaks */
	b.n = 0;
	bputs(&b, "### Q\n\n");
	for (i = 0; i < 8000; i++)
		bputs(&b, "a line  \n");
	bputs(&b, "end\n");
	check_cut(b.s, 3);
	free(b.s);
}

static void
test_long_code(void **state)
{
	struct buf b = {0};
	int i;

	(void)state;
	bputs(&b, "### Q\n\n```\n");
	for (i = 0; i < 4000; i++)
		bputs(&b, "int x = 1;\t// a comment\n");
	bputs(&b, "```\n\n```\n");
	for (i = 0; i < 4000; i++)
		bputs(&b, "one line of code that never ends ");
	bputs(&b, "\n```\n");
	check_cut(b.s, 12);
	free(b.s);
}

/* A piece ends where a line may break: after a space, between two kanji;
 * never inside a word that has room to end. */
static void
test_wrap_cut(void **state)
{
	const char *s = "some words here";
	const char *j = "請求書の支払い";
	size_t k;

	(void)state;
	k = wrap_cut(s, strlen(s), 0, 7); /* "some wo|rds" */
	assert_int_equal(k, 5);
	k = wrap_cut(j, strlen(j), 0, 7); /* inside 書: before it */
	assert_int_equal(k, 6);
	k = wrap_cut(j, strlen(j), 0, 10); /* inside の: before it */
	assert_int_equal(k, 9);
	k = wrap_cut("aaaaaaaa", 8, 0, 5); /* one word: where it must */
	assert_int_equal(k, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_runs_of_blocks),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_quote),
	    cmocka_unit_test(test_long_paragraphs),
	    cmocka_unit_test(test_long_code),
	    cmocka_unit_test(test_wrap_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
