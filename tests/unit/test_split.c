/*
 * test_split.c - a big file is parsed in two halves on two threads
 * (split.c); the doc must be exactly the doc of one pass.
 * Random Markdown, with the constructs that could make a "# heading" line
 * after a blank line something else (fences, lists and quotes holding
 * fences, link reference definitions), is loaded both ways and the two
 * docs compared field by field, with their diagnostics.
 */
#include "testutil.h"

#include <stdio.h>

#include "doctest.h"
#include "load.h"

/* Split parses joined, and thrown away because the halves did not meet,
 * over the loads of one test (load_dump() adds each load's to them). */
static unsigned long splits_joined, splits_redone;

/* A growing string. */
struct buf {
	char *s;
	size_t n, cap;
};

static void
bput(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
bputs(struct buf *b, const char *s)
{
	bput(b, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3)))
bprintf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	bput(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* The doc as text: every field a reader of doc.h can see. */
static void dump_blocks(struct buf *o, const struct entry *e,
    const struct block *v, size_t n, int depth);

static void
dump_spans(struct buf *o, const struct entry *e, const struct span *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bprintf(o, " [%u %u %u '", s[i].kind, s[i].style, s[i].len);
		bput(o, e->text + s[i].off, s[i].len);
		bprintf(o, "' %s]", s[i].href ? s[i].href : "-");
	}
}

static void
dump_blocks(struct buf *o, const struct entry *e, const struct block *v,
    size_t n, int depth)
{
	size_t i, c;

	for (i = 0; i < n; i++) {
		const struct block *b = &v[i];

		bprintf(o, "\n%*sblock %u line %u:", depth * 2, "", b->kind,
		    b->line);
		switch (b->kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			bprintf(o, " level %u", b->level);
			dump_spans(o, e, b->spans, b->nspans);
			break;
		case BLOCK_CODE:
			bputs(o, " code '");
			bput(o, e->text + b->code_off, b->code_len);
			bputs(o, "'");
			break;
		case BLOCK_TABLE:
			bprintf(o, " %ux%u", b->nrows, b->ncols);
			for (c = 0; c < b->ncols; c++)
				bprintf(o, " a%u", b->align[c]);
			for (c = 0; c < (size_t)b->nrows * b->ncols; c++) {
				bputs(o, " |");
				dump_spans(o, e, b->cells[c].spans,
				    b->cells[c].nspans);
			}
			break;
		case BLOCK_LIST:
			bprintf(o, " ordered %u tight %u start %u", b->ordered,
			    b->tight, b->start);
			/* FALLTHROUGH */
		case BLOCK_ITEM:
		case BLOCK_QUOTE:
			dump_blocks(o, e, b->children, b->nchildren, depth + 1);
			break;
		default:
			break;
		}
	}
}

static void
dump_entry(struct buf *o, const char *what, const struct entry *e)
{
	if (e == NULL)
		return;
	bprintf(o, "\n%s id '%s' line %u col %u section %u ref %d q '", what,
	    e->id, e->line, e->col, e->section, e->ref);
	bput(o, e->question, e->question_len);
	bputs(o, "' text '");
	bput(o, e->text, e->text_len);
	bputs(o, "'");
	dump_blocks(o, e, e->blocks, e->nblocks, 1);
}

static char *
dump_doc(const struct doc *d, const struct diag_list *dl)
{
	struct buf o = {NULL, 0, 0};
	size_t i;
	char *diags = NULL;
	size_t dn = 0;
	FILE *fp;

	bputs(&o, "");
	for (i = 0; i < d->ncolls; i++) {
		bprintf(&o, "\ncoll '%s' '%s' '%s' %u %u", d->colls[i].path,
		    d->colls[i].title, d->colls[i].lang, d->colls[i].first,
		    d->colls[i].n);
		dump_entry(&o, "intro", d->colls[i].intro);
	}
	for (i = 0; i < d->nsecs; i++) {
		bprintf(&o,
		    "\nsection '%s' id '%s' coll %u first %u n %u "
		    "line %u",
		    d->secs[i].title, d->secs[i].id, d->secs[i].collection,
		    d->secs[i].first, d->secs[i].n, d->secs[i].line);
		dump_entry(&o, "intro", d->secs[i].intro);
	}
	for (i = 0; i < d->nentries; i++)
		dump_entry(&o, "entry", &d->entries[i]);
	fp = open_memstream(&diags, &dn);
	assert_non_null(fp);
	diag_print(dl, fp);
	fclose(fp);
	bputs(&o, "\ndiags:\n");
	bputs(&o, diags);
	free(diags);
	return o.s;
}

static char *
load_dump(const char *md, size_t n, size_t split_min)
{
	struct diag_list dl = {0};
	struct doc *d = doc_new();
	struct load_opt opt = {.split_min = split_min};
	struct load_stats st = {0, 0};
	char *out;

	assert_int_equal(
	    load_buffer_opt(d, "split.md", md, n, &opt, &st, &dl), 0);
	doc_finish(d, &dl);
	splits_joined += st.splits_joined;
	splits_redone += st.splits_redone;
	check_doc(d);
	out = dump_doc(d, &dl);
	doc_free(d);
	diag_clear(&dl);
	return out;
}

/* Loads md in one pass and split; they must agree. */
static void
assert_split_same(const char *md, size_t n)
{
	char *one = load_dump(md, n, SIZE_MAX);
	char *two = load_dump(md, n, 1);

	if (strcmp(one, two) != 0) {
		size_t k = 0;

		while (one[k] == two[k])
			k++;
		fprintf(stderr,
		    "input:\n%s\n--- one pass, from the first "
		    "difference:\n%.400s\n--- split:\n%.400s\n",
		    md, one + k, two + k);
		fail_msg("the split parse differs");
	}
	free(one);
	free(two);
}

static unsigned long rng_state;

static unsigned
rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)(rng_state >> 33) % n;
}

static const char *const words[] = {"料金", "アカウント", "請求書", "the bill",
    "*stress*", "**strong**", "`code`", "[a link](#q-3)", "[gone](#nowhere)",
    "https://aws.amazon.com/", "~~old~~", "ｸﾚｼﾞｯﾄ", "&amp;", "\\*", "a|b",
    "#tag", "<u>under</u>", "<b>open", "<br>", "{{ site.x }}",
    "<a name=\"an\"></a>", "{: #ial}"};

static void
gen_words(struct buf *b)
{
	unsigned i, n = 1 + rnd(5);

	for (i = 0; i < n; i++) {
		if (i > 0)
			bputs(b, " ");
		bputs(b, words[rnd(sizeof words / sizeof words[0])]);
	}
}

static void
gen_heading(struct buf *b, unsigned *qn)
{
	unsigned lv = 1 + rnd(5);

	bprintf(b, "%.*s ", (int)lv, "######");
	gen_words(b);
	if (rnd(3) == 0)
		bprintf(b, " {#q-%u}", (*qn)++);
	bputs(b, "\n");
}

/* One block of random shape, with the tricky ones often. */
static void
gen_block(struct buf *b, unsigned *qn)
{
	unsigned k, n;

	switch (rnd(20)) {
	case 0:
	case 1:
	case 2:
		gen_heading(b, qn);
		break;
	case 3: /* a fence with headings and blank lines inside */
		n = rnd(4);
		bputs(b, rnd(2) ? "```sh\n" : "~~~\n");
		for (k = 0; k < n; k++)
			bputs(b, rnd(2) ? "# a comment\n" : "\n");
		if (rnd(5) != 0) /* sometimes never closed */
			bputs(b, b->s[b->n - 1] == '\n' && rnd(2) ? "```\n"
			                                          : "~~~\n");
		break;
	case 4: /* a list item holding a fence, then a fence at column 0 */
		bputs(b, "- item\n\n  ```\n  # in the item\n");
		if (rnd(2))
			bputs(b, "```\n");
		break;
	case 5:
		bputs(b, "> quoted ");
		gen_words(b);
		bputs(b, rnd(2) ? "\n> ```\n> # quoted code\n" : "\n> # h\n");
		break;
	case 6:
		n = 1 + rnd(4);
		for (k = 0; k < n; k++) {
			bputs(b, rnd(2) ? "- " : "1. ");
			gen_words(b);
			bputs(b, rnd(3) ? "\n" : "\n\n");
			if (rnd(4) == 0)
				bputs(b, "    - nested\n");
		}
		break;
	case 7:
		bputs(b, "| a | b |\n|---|:-:|\n| ");
		gen_words(b);
		bputs(b, " | 2 |\n");
		break;
	case 8:
		gen_words(b);
		bputs(b, rnd(2) ? "\n===\n" : "\n---\n");
		break;
	case 9:
		bputs(b, "    indented code\n    # not a heading\n");
		break;
	case 10:
		if (rnd(8) == 0)
			bputs(b, "[ref]: https://example.com/\n");
		else
			bputs(b, "***\n");
		break;
	case 11:
		bputs(b, "> > > > > > > > > > > > > > > > > > > deep\n");
		break;
	case 12:
		bputs(b, "#nospace\n#\n");
		break;
	case 13: /* HTML that runs across blank lines and headings */
		bputs(b, rnd(2) ? "<!--\n\n# in a comment\n\n-->\n"
		                : "<pre>\n\n# in pre\n\n</pre>\n");
		break;
	case 14:
		bputs(b, "<details>\n<summary>");
		gen_words(b);
		bputs(b, rnd(2) ? "?</summary>\n\n" : "</summary>\n\n");
		gen_words(b);
		bputs(b, "\n\n</details>\n");
		break;
	case 15: /* Liquid's comment hides blocks, headings too */
		bputs(b, "{% comment %}\n\n# hidden\n\n");
		if (rnd(4) != 0)
			bputs(b, "{% endcomment %}\n");
		break;
	case 16:
		bputs(b, rnd(2) ? "!!! note\n    body\n" : "<h3>html h3</h3>\n");
		break;
	default:
		gen_words(b);
		bputs(b, rnd(4) ? "\n" : "  \nline two\n");
		break;
	}
	bputs(b, rnd(4) ? "\n" : "");
}

static void
test_split_random(void **state)
{
	unsigned doc, k, qn;
	struct buf b = {NULL, 0, 0};

	(void)state;
	splits_joined = splits_redone = 0;
	for (doc = 0; doc < 3000; doc++) {
		rng_state = doc;
		b.n = 0;
		qn = 0;
		bputs(&b, rnd(3) ? "# Title\n\n" : "");
		for (k = 0, qn = 0; k < 4 + rnd(40); k++)
			gen_block(&b, &qn);
		assert_split_same(b.s, b.n);
	}
	free(b.s);
	/* both ways out were taken, many times each */
	fprintf(stderr, "split: %lu joined, %lu parsed again\n", splits_joined,
	    splits_redone);
	assert_true(splits_joined > 500);
	assert_true(splits_redone > 50);
}

/* The cases the split must see through, one by one. */
static void
test_split_cases(void **state)
{
	static const char *const cases[] = {
	    /* a shell comment after a blank line in a fence, mid-file */
	    "# T\n\n## S\n\n### Q1\n\nA.\n\n```sh\nx\n\n# comment\n\ny\n```\n\n"
	    "### Q2\n\nB.\n",
	    /* the fence is never closed */
	    "# T\n\n### Q1\n\n```\ncode\n\n\n# c\n\n### not a question\n",
	    /* a reference definition anywhere: not split */
	    "# T\n\n### Q1\n\nSee [x].\n\n### Q2\n\n[x]: https://e.com/\n",
	    /* a heading inside an answer (deeper than the questions) at the
	     * split: the answer spans both halves */
	    "# T\n\n## S\n\n### Q1\n\nOne.\n\nTwo.\n\n#### Sub\n\nThree "
	    "[to q2](#q2).\n\n### Q2 {#q2}\n\nFour.\n",
	    /* a list before the split stays tight */
	    "# T\n\n### Q1\n\n- a\n- b\n\n### Q2\n\n- c\n\n- d\n",
	    /* found by the fuzzer: a Liquid comment that never closes, with
	     * an empty heading after a code fence in it */
	    "x }}.\n{% if site.beta %}B.{% endif %}\n\n{% comment %}\nsite.b "
	    "%}B.{% endif %}\n\n{% comment %}\n### A question?\n\nThis.\n"
	    "{% end$comment %}\n\n### \n```liquid\n{% raw %}{{ p }}{% "
	    "endraw %} verbatim\n```\n\nand inlin; `{{ also.kept }}` v.\n",
	    /* a list item's fence, closed by a line at column 0 */
	    "# T\n\n### Q1\n\n- a\n\n  ```\n  x\n```\n\n# in code?\n\n### "
	    "Q2\n\n"
	    "e\n",
	    /* shapes that reshape the block list (issue 10), on both sides
	     * of the split: Q:/A: lines split, lists unwrapped */
	    "# T\n\n## A\n\n**Q:** one?  \n**A:** yes.\n\n## B\n\n"
	    "**Q:** two?  \n**A:** no.\n\nQ. three?\n\nA. maybe.\n",
	    "# T\n\n## FAQ\n\n* one?\n  * yes\n* two?\n  * no\n\n"
	    "## More\n\n* three?\n  more\n  * x\n* four?\n  * y\n",
	    "# T\n\n## G\n\n**How one?**\n\nyes\n\n## H\n\n"
	    "**How two?**\n\nno\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_split_same(cases[i], strlen(cases[i]));
}

/* Links and depth warnings of the second half keep their lines. */
static void
test_split_diags(void **state)
{
	struct buf b = {NULL, 0, 0};
	struct diag_list dl = {0};
	struct doc *d;
	struct load_opt opt = {.split_min = 1};
	struct load_stats st = {0, 0};
	unsigned i;

	(void)state;
	bputs(&b, "# T\n\n## S\n\n");
	for (i = 0; i < 40; i++)
		bprintf(&b, "### Q%u\n\nSee [next](#q%u).\n\n", i, i + 100);
	bputs(&b, "### Deep\n\n");
	for (i = 0; i < 40; i++)
		bputs(&b, "> ");
	bputs(&b, "x\n");
	assert_split_same(b.s, b.n);
	d = doc_new();
	assert_int_equal(
	    load_buffer_opt(d, "s.md", b.s, b.n, &opt, &st, &dl), 0);
	doc_finish(d, &dl);
	assert_int_equal(st.splits_joined, 1);
	/* question i is on line 5 + 4i, its link two lines down; the depth
	 * warning names the last line with text before the quotes, as it
	 * does in one pass */
	assert_int_equal(count_diags(&dl, DIAG_ERROR, 163, 5, "q139"), 1);
	assert_int_equal(count_diags(&dl, DIAG_WARNING, 165, 1, "deeper"), 1);
	doc_free(d);
	diag_clear(&dl);
	free(b.s);
}

/* A file of 300 KB: lines are counted in batches of 4080 bytes before
 * the split, and a "]:" at any offset (here at every offset modulo 16 in
 * turn) keeps the file in one piece. */
static void
test_split_big(void **state)
{
	struct buf b = {NULL, 0, 0};
	unsigned i, pad;

	(void)state;
	bputs(&b, "# T\n\n## S\n\n");
	for (i = 0; i < 3000; i++)
		bprintf(&b, "### Q%u {#q%u}\n\nAnswer %u, see [q%u](#q%u).\n\n",
		    i, i, i, (i * 7) % 3000, (i * 7) % 3000);
	splits_joined = 0;
	assert_split_same(b.s, b.n);
	assert_int_equal(splits_joined, 1);
	for (pad = 0; pad < 16; pad++) {
		size_t n = b.n;

		bprintf(&b, "### Ref\n\n%.*s[x]: https://example.com/\n",
		    (int)pad, "................");
		splits_joined = splits_redone = 0;
		assert_split_same(b.s, b.n);
		assert_int_equal(splits_joined + splits_redone, 0);
		b.n = n;
		b.s[n] = '\0';
	}
	free(b.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_split_cases),
	    cmocka_unit_test(test_split_diags),
	    cmocka_unit_test(test_split_random),
	    cmocka_unit_test(test_split_big),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
