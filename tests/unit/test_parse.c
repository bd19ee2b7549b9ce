/* test_parse.c - Markdown to the document model: heading shapes, front
 * matter, ids, references, links, blocks and spans, diagnostics. */
#include "testutil.h"

#include "doctest.h"
#include "slug.h"
#include "arena.h"

struct fx {
	struct doc *d;
	struct diag_list dl;
};

static struct fx *
fx_load(const char *name, const char *md)
{
	struct fx *f = calloc(1, sizeof *f);

	f->d = load_md(name, md, &f->dl);
	check_doc(f->d);
	return f;
}

static void
fx_free(struct fx *f)
{
	doc_free(f->d);
	diag_clear(&f->dl);
	free(f);
}

static const struct entry *
E(const struct fx *f, size_t i)
{
	assert_true(i < f->d->nentries);
	return &f->d->entries[i];
}

/* Heading shapes ---------------------------------------------------------- */

static void
test_shape_standard(void **state)
{
	struct fx *f = fx_load("faq.md", "# よくある質問\n\n"
	                                 "## アカウント\n\n"
	                                 "### 作り方は?\n\n答え1\n\n"
	                                 "### 消し方は?\n\n答え2\n\n"
	                                 "## 請求\n\n"
	                                 "### 支払い方法は?\n\n答え3\n");

	(void)state;
	assert_int_equal(f->d->ncolls, 1);
	assert_string_equal(f->d->colls[0].title, "よくある質問");
	assert_int_equal(f->d->colls[0].n, 2);
	assert_int_equal(f->d->nsecs, 2);
	assert_string_equal(f->d->secs[0].title, "アカウント");
	assert_string_equal(f->d->secs[1].title, "請求");
	assert_int_equal(f->d->secs[0].n, 2);
	assert_int_equal(f->d->secs[1].first, 2);
	assert_int_equal(f->d->nentries, 3);
	assert_string_equal(E(f, 0)->question, "作り方は?");
	assert_int_equal(E(f, 0)->line, 5);
	assert_int_equal(E(f, 0)->col, 1);
	assert_int_equal(E(f, 2)->section, 1);
	assert_int_equal(E(f, 1)->nblocks, 1);
	assert_spans(E(f, 1)->text, E(f, 1)->blocks[0].spans,
	    E(f, 1)->blocks[0].nspans, "答え2");
	assert_int_equal(f->dl.n, 0);
	fx_free(f);
}

/* ## questions and no ###: the file is one section named by the title */
static void
test_shape_h2_questions(void **state)
{
	struct fx *f = fx_load("x.md", "# Help\n\n"
	                               "## How do I quit?\n\nPress q.\n\n"
	                               "## How do I search?\n\nPress /.\n");

	(void)state;
	assert_int_equal(f->d->nsecs, 1);
	assert_string_equal(f->d->secs[0].title, "Help");
	assert_int_equal(f->d->nentries, 2);
	assert_string_equal(E(f, 1)->question, "How do I search?");
	assert_string_equal(E(f, 1)->id, "how-do-i-search");
	assert_int_equal(f->dl.n, 0);
	fx_free(f);
}

/* ## questions whose answers have ### sub-headings stay ## questions */
static void
test_shape_h2_with_subheadings(void **state)
{
	struct fx *f = fx_load("x.md", "## Q1\n\nA1\n\n### Step 1\n\nS1\n\n"
	                               "## Q2\n\nA2\n\n## Q3\n\nA3\n");

	(void)state;
	assert_int_equal(f->d->nentries, 3);
	assert_int_equal(E(f, 0)->nblocks, 3);
	assert_int_equal(E(f, 0)->blocks[1].kind, BLOCK_HEADING);
	assert_int_equal(E(f, 0)->blocks[1].level, 3);
	assert_spans(E(f, 0)->text, E(f, 0)->blocks[1].spans,
	    E(f, 0)->blocks[1].nspans, "Step 1");
	fx_free(f);
}

/* #### questions under ## categories and ### sub-categories */
static void
test_shape_h4_questions(void **state)
{
	struct fx *f =
	    fx_load("x.md", "# T\n\n## Billing\n\n"
	                    "### Invoices\n\n#### Where?\n\nHere.\n\n"
	                    "#### When?\n\nNow.\n\n"
	                    "### Payments\n\n#### How?\n\nCard.\n\n"
	                    "## Account\n\n#### Direct?\n\nYes.\n");

	(void)state;
	assert_int_equal(f->d->nentries, 4);
	assert_int_equal(f->d->nsecs, 3);
	assert_string_equal(f->d->secs[0].title, "Billing / Invoices");
	assert_string_equal(f->d->secs[1].title, "Billing / Payments");
	assert_string_equal(f->d->secs[2].title, "Account");
	assert_int_equal(f->d->secs[0].n, 2);
	assert_string_equal(E(f, 3)->question, "Direct?");
	/* ## straight to #### is this shape, not a skipped level */
	assert_int_equal(count_diags(&f->dl, DIAG_WARNING, 0, 0, "skipped"), 0);
	assert_int_equal(f->dl.n, 0);
	fx_free(f);
}

/* ### sub-categories with an introduction each are still categories */
static void
test_shape_h4_with_intros(void **state)
{
	struct fx *f =
	    fx_load("x.md", "## Cat\n\n### Sub A\n\nAbout A.\n\n"
	                    "#### Q1\n\nA1\n\n#### Q2\n\nA2\n\n"
	                    "### Sub B\n\nAbout B.\n\n#### Q3\n\nA3\n");

	(void)state;
	assert_int_equal(f->d->nentries, 3);
	assert_int_equal(f->d->nsecs, 2);
	assert_non_null(f->d->secs[0].intro);
	assert_spans(f->d->secs[0].intro->text,
	    f->d->secs[0].intro->blocks[0].spans,
	    f->d->secs[0].intro->blocks[0].nspans, "About A.");
	fx_free(f);
}

static void
test_shape_no_title(void **state)
{
	struct fx *f = fx_load(
	    "dir/billing.md", "## 請求\n\n### 請求書はどこ?\n\nここ。\n");

	(void)state;
	assert_string_equal(f->d->colls[0].title, "billing");
	assert_string_equal(f->d->colls[0].path, "dir/billing.md");
	assert_int_equal(f->d->nentries, 1);
	fx_free(f);
}

/* questions before any section go into a section named by the title */
static void
test_shape_no_sections(void **state)
{
	struct fx *f = fx_load("x.md", "### Q1\n\nA1\n\n### Q2\n\nA2\n");

	(void)state;
	assert_int_equal(f->d->nsecs, 1);
	assert_string_equal(f->d->secs[0].title, "x");
	assert_int_equal(f->d->nentries, 2);
	fx_free(f);
}

static void
test_intro_kept(void **state)
{
	struct fx *f = fx_load("x.md", "# T\n\nAbout this FAQ.\n\n## S\n\n"
	                               "Section intro.\n\n### Q\n\nA\n");

	(void)state;
	assert_non_null(f->d->colls[0].intro);
	assert_spans(f->d->colls[0].intro->text,
	    f->d->colls[0].intro->blocks[0].spans,
	    f->d->colls[0].intro->blocks[0].nspans, "About this FAQ.");
	assert_int_equal(f->d->colls[0].intro->section, 0);
	assert_non_null(f->d->secs[0].intro);
	assert_spans(f->d->secs[0].intro->text,
	    f->d->secs[0].intro->blocks[0].spans,
	    f->d->secs[0].intro->blocks[0].nspans, "Section intro.");
	assert_int_equal(E(f, 0)->nblocks, 1);
	fx_free(f);
}

/* Front matter ------------------------------------------------------------ */

static void
test_front_matter(void **state)
{
	struct fx *f =
	    fx_load("x.md", "---\n"
	                    "title: \"Pinned title\"\n"
	                    "lang: ja\n"
	                    "question-level: 2\n"
	                    "---\n"
	                    "# Ignored title\n\n"
	                    "## Q1\n\nA1\n\n### Not a question\n\nB\n\n"
	                    "## Q2\n\nA2\n");

	(void)state;
	assert_string_equal(f->d->colls[0].title, "Pinned title");
	assert_string_equal(f->d->colls[0].lang, "ja");
	assert_int_equal(f->d->nentries, 2);
	assert_int_equal(E(f, 0)->nblocks, 3);
	assert_int_equal(E(f, 0)->blocks[1].kind, BLOCK_HEADING);
	assert_int_equal(E(f, 0)->line, 8);
	assert_int_equal(f->dl.n, 0);
	fx_free(f);
}

/* question-level: 3 pins ### although most ### have no text under them */
static void
test_front_matter_pins_level(void **state)
{
	struct fx *f = fx_load("x.md", "---\nquestion-level: 3\n---\n"
	                               "## S\n\n### Q1\n\n#### Q1a\n\nx\n\n"
	                               "### Q2\n\n#### Q2a\n\ny\n");

	(void)state;
	assert_int_equal(f->d->nentries, 2);
	assert_string_equal(E(f, 1)->question, "Q2");
	fx_free(f);
}

static void
test_front_matter_bad(void **state)
{
	struct fx *f = fx_load("x.md", "---\n"
	                               "title: T\n"
	                               "colour: blue\n"
	                               "question-level: 7\n"
	                               "nonsense\n"
	                               "---\n"
	                               "### Q\n\nA\n");

	(void)state;
	assert_string_equal(f->d->colls[0].title, "T");
	assert_int_equal(count_diags(&f->dl, DIAG_WARNING, 3, 1,
	                     "unknown front-matter key 'colour'"),
	    1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 4, 1, "question-level"), 1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 5, 1, "key: value"), 1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 0, 0, ""), 0);
	fx_free(f);
}

/* an unclosed --- block is Markdown (a rule), with a warning */
static void
test_front_matter_unclosed(void **state)
{
	struct fx *f = fx_load("x.md", "---\ntitle: T\n\n### Q\n\nA\n");

	(void)state;
	assert_string_equal(f->d->colls[0].title, "x");
	assert_int_equal(count_diags(&f->dl, DIAG_WARNING, 1, 1, "closing"), 1);
	assert_int_equal(f->d->nentries, 1);
	fx_free(f);
}

/* Ids --------------------------------------------------------------------- */

static void
test_slugs(void **state)
{
	struct arena *a = arena_new();
	const char *s;

	(void)state;
	s = "請求書はどこで見られますか?";
	assert_string_equal(
	    slug_make(a, s, strlen(s)), "請求書はどこで見られますか");
	s = "How do I pay? (Credit Card)";
	assert_string_equal(
	    slug_make(a, s, strlen(s)), "how-do-i-pay-credit-card");
	s = "「AWS」アカウント・ID：その１ー";
	assert_string_equal(
	    slug_make(a, s, strlen(s)), "awsアカウントidその１ー");
	s = "snake_case and-dash";
	assert_string_equal(slug_make(a, s, strlen(s)), "snake_case-and-dash");
	s = "Ünïcödé";
	assert_string_equal(slug_make(a, s, strlen(s)), "ünïcödé");
	assert_string_equal(slug_make(a, "?!", 2), "");
	arena_free(a);
}

static void
test_ids(void **state)
{
	struct fx *f = fx_load("x.md",
	    "## S\n\n### 請求書はどこで見られますか?\n\nA\n\n"
	    "### Custom heading {#my-id}\n\nB\n\n"
	    "### Same\n\nC\n\n### Same\n\nD\n\n### Same\n\nE\n\n"
	    "### ？？\n\nF\n");

	(void)state;
	assert_string_equal(E(f, 0)->id, "請求書はどこで見られますか");
	assert_string_equal(E(f, 1)->id, "my-id");
	assert_string_equal(E(f, 1)->question, "Custom heading");
	assert_string_equal(E(f, 2)->id, "same");
	assert_string_equal(E(f, 3)->id, "same-1");
	assert_string_equal(E(f, 4)->id, "same-2");
	assert_string_equal(E(f, 5)->id, "entry");
	assert_string_equal(f->d->secs[0].id, "s");
	assert_int_equal(count_diags(&f->dl, DIAG_WARNING, 15, 1,
	                     "duplicate id 'same' renamed to 'same-1'"),
	    1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 19, 1, "renamed to 'same-2'"), 1);
	assert_ptr_equal(doc_entry_by_id(f->d, "my-id"), E(f, 1));
	assert_ptr_equal(doc_entry_by_id(f->d,
	                     "%E8%AB%8B%E6%B1%82%E6%9B%B8%E3%81%AF%E3%81%A9%E3"
	                     "%81%93%E3%81%A7%E8%A6%8B%E3%82%89%E3%82%8C%E3%81"
	                     "%BE%E3%81%99%E3%81%8B"),
	    E(f, 0));
	assert_null(doc_entry_by_id(f->d, "nope"));
	assert_null(doc_entry_by_id(f->d, "s"));
	assert_ptr_equal(doc_section_by_id(f->d, "s"), &f->d->secs[0]);
	fx_free(f);
}

/* a written {#id} keeps its name even when a slug came first */
static void
test_ids_explicit_wins(void **state)
{
	struct fx *f = fx_load("x.md", "### Foo\n\nA\n\n### Bar {#foo}\n\nB\n");

	(void)state;
	assert_string_equal(E(f, 1)->id, "foo");
	assert_string_equal(E(f, 0)->id, "foo-1");
	fx_free(f);
}

/* ids are unique over several files */
static void
test_ids_across_files(void **state)
{
	struct doc *d = doc_new();
	struct diag_list dl = {0};
	const char *a = "### Q\n\nA\n", *b = "### Q\n\nB\n";

	(void)state;
	load_buffer(d, "a.md", a, strlen(a), &dl);
	load_buffer(d, "b.md", b, strlen(b), &dl);
	doc_finish(d, &dl);
	check_doc(d);
	assert_int_equal(d->ncolls, 2);
	assert_string_equal(d->entries[0].id, "q");
	assert_string_equal(d->entries[1].id, "q-1");
	assert_int_equal(count_diags(&dl, DIAG_WARNING, 1, 1, "duplicate"), 1);
	assert_string_equal(dl.v[0].file, "b.md");
	doc_free(d);
	diag_clear(&dl);
}

/* References and links ---------------------------------------------------- */

static void
test_references(void **state)
{
	struct fx *f =
	    fx_load("x.md", "## Top\n\n### R1\n\n[see](#answer)\n\n"
	                    "### R2\n\n  [again](#r1)  \n\n"
	                    "### Not a ref\n\nSee [this](#answer) too.\n\n"
	                    "### Two links\n\n[a](#answer) [b](#answer)\n\n"
	                    "### External\n\n[x](https://example.com/)\n\n"
	                    "## Body\n\n### Answer\n\nThe text.\n");

	(void)state;
	assert_int_equal(f->d->nentries, 6);
	assert_int_equal(E(f, 0)->ref, 5);
	assert_int_equal(E(f, 1)->ref, 5); /* followed through R1 */
	assert_int_equal(E(f, 2)->ref, -1);
	assert_int_equal(E(f, 3)->ref, -1);
	assert_int_equal(E(f, 4)->ref, -1);
	assert_ptr_equal(doc_entry_answer(f->d, E(f, 1)), E(f, 5));
	assert_ptr_equal(doc_entry_answer(f->d, E(f, 5)), E(f, 5));
	assert_int_equal(f->dl.n, 0);
	fx_free(f);
}

static void
test_reference_errors(void **state)
{
	struct fx *f =
	    fx_load("x.md", "### A\n\n[x](#b)\n\n### B\n\n[y](#a)\n\n"
	                    "### C\n\n[z](#missing)\n\n"
	                    "### D\n\n[self](#d)\n");

	(void)state;
	assert_int_equal(E(f, 0)->ref, -1);
	assert_int_equal(E(f, 1)->ref, -1);
	assert_int_equal(E(f, 2)->ref, -1);
	assert_int_equal(E(f, 3)->ref, -1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 1, 1, "cycle"), 1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 5, 1, "cycle"), 1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 13, 1, "cycle"), 1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 11, 1,
	                     "link to missing id '#missing'"),
	    1);
	fx_free(f);
}

static void
test_links(void **state)
{
	struct fx *f = fx_load("x.md",
	    "### 質問\n\n"
	    "日本語の文 [ここ](#nope) と [OK](#質問) と "
	    "[enc](#%E8%B3%AA%E5%95%8F)。\n"
	    "Auto: https://example.com/a and <mailto:x@example.com>.\n");
	const struct entry *e = E(f, 0);
	const struct block *b = &e->blocks[0];
	size_t i, links = 0;

	(void)state;
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 0, 0, ""), 1);
	/* the column counts characters: "日本語の文 " is 6 */
	assert_int_equal(
	    count_diags(&f->dl, DIAG_ERROR, 3, 7, "link to missing id '#nope'"),
	    1);
	for (i = 0; i < b->nspans; i++)
		if (b->spans[i].style & STYLE_LINK)
			links++;
	assert_int_equal(links, 5);
	for (i = 0; i < b->nspans; i++)
		if (b->spans[i].len == 21 &&
		    memcmp(e->text + b->spans[i].off, "https://example.com/a",
		        21) == 0)
			assert_string_equal(
			    b->spans[i].href, "https://example.com/a");
	fx_free(f);
}

/* Blocks and spans -------------------------------------------------------- */

static void
test_inline_styles(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\nplain *em* **strong** `co de` "
	                               "~~del~~ ***both***\\\nhard\nsoft ![alt "
	                               "text](img.png) <b>raw</b>\n");
	const struct entry *e = E(f, 0);
	const struct block *b = &e->blocks[0];
	size_t i;
	int seen_em = 0, seen_strong = 0, seen_code = 0, seen_del = 0,
	    seen_both = 0, seen_raw = 0, hard = 0, soft = 0;

	(void)state;
	assert_int_equal(e->nblocks, 1);
	assert_spans(e->text, b->spans, b->nspans,
	    "plain em strong co de del both/hard/soft alt text raw");
	for (i = 0; i < b->nspans; i++) {
		const struct span *s = &b->spans[i];
		const char *t = e->text + s->off;

		if (s->kind == SPAN_HARDBREAK)
			hard++;
		if (s->kind == SPAN_SOFTBREAK)
			soft++;
		/* (lengths first: the text buffer ends where the last span
		 * does) */
		if (s->style == STYLE_EM && s->len >= 2 &&
		    memcmp(t, "em", 2) == 0)
			seen_em = 1;
		if (s->style == STYLE_STRONG && s->len >= 6 &&
		    memcmp(t, "strong", 6) == 0)
			seen_strong = 1;
		if (s->style == STYLE_CODE && s->len == 5 &&
		    memcmp(t, "co de", 5) == 0)
			seen_code = 1;
		if (s->style == STYLE_DEL && s->len >= 3 &&
		    memcmp(t, "del", 3) == 0)
			seen_del = 1;
		if (s->style == (STYLE_EM | STYLE_STRONG))
			seen_both = 1;
		if (s->style == STYLE_STRONG && s->len >= 3 &&
		    memcmp(t, "raw", 3) == 0)
			seen_raw = 1;
	}
	/* inline HTML is rendered (issue 10), never shown as tags */
	assert_true(seen_em && seen_strong && seen_code && seen_del &&
	            seen_both && seen_raw);
	assert_int_equal(hard, 1);
	assert_int_equal(soft, 1);
	fx_free(f);
}

/* HTML inside a paragraph, written out again for gumbo: an entity first
 * (its '&' escaped before anything else was written) once wrote nothing
 * into no buffer, which UBSan caught (make asan); tags split by md4c pair
 * up, and the space before a tag keeps the style of the text before. */
static void
test_inline_html(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\n&amp; <u>a\n**b**</u> "
	                               "<!-- c --><s>d</s>&lt;\n");
	const struct entry *e = E(f, 0);
	const struct block *b = &e->blocks[0];
	size_t i;
	int em_a = 0, both_b = 0, del_d = 0;

	(void)state;
	assert_int_equal(e->nblocks, 1);
	assert_int_equal(b->kind, BLOCK_PARA);
	assert_spans(e->text, b->spans, b->nspans, "& a/b d<");
	for (i = 0; i < b->nspans; i++) {
		const struct span *sp = &b->spans[i];
		const char *t = e->text + sp->off;

		if (sp->kind != SPAN_TEXT)
			continue;
		if (t[0] == '&' || t[0] == '<')
			assert_int_equal(sp->style, 0);
		em_a |= sp->style == STYLE_EM && t[0] == 'a';
		both_b |= sp->style == (STYLE_EM | STYLE_STRONG) && t[0] == 'b';
		del_d |= sp->style == STYLE_DEL && t[0] == 'd';
	}
	assert_true(em_a && both_b && del_d);
	fx_free(f);
}

/* HTML blocks: character references that spell control characters are
 * cleaned like the rest of the file (an escape sequence removed, a bidi
 * control a U+FFFD; HTML5 itself reads &#x85; as windows-1252's "..."),
 * comments and scripts leave nothing, and an HTML <h3> is a question. */
static void
test_html_block_clean(void **state)
{
	struct fx *f = fx_load("x.md",
	    "### Q\n\n<p>&#27;[31mred&#27;[0m &#x202e;x&#x85;y</p>\n"
	    "<script>alert(1)</script><!-- c -->\n\n<h3>H?</h3>\n\n"
	    "<div>\n<b>bold</b>\n</div>\n");
	const struct entry *e = E(f, 0);
	size_t i;

	(void)state;
	assert_int_equal(f->d->nentries, 2);
	assert_string_equal(E(f, 1)->question, "H?");
	assert_int_equal(e->nblocks, 1);
	assert_spans(e->text, e->blocks[0].spans, e->blocks[0].nspans,
	    "red \xef\xbf\xbdx\xe2\x80\xa6y"); /* &#x85; is "…" in HTML5 */
	for (i = 0; i < e->text_len; i++)
		assert_true((unsigned char)e->text[i] >= 0x20 ||
		            e->text[i] == '\n');
	e = E(f, 1);
	assert_int_equal(e->nblocks, 1);
	assert_spans(e->text, e->blocks[0].spans, e->blocks[0].nspans, "bold");
	assert_int_equal(e->blocks[0].spans[0].style, STYLE_STRONG);
	fx_free(f);
}

static void
test_entities(void **state)
{
	struct fx *f =
	    fx_load("x.md", "### A &amp; B\n\n"
	                    "&lt;tag&gt; &#x3042;&#12354; &copy; &nbsp;"
	                    " &unknownthing; &#27; &#0; &#x110000;\n");
	const struct entry *e = E(f, 0);
	char buf[8];

	(void)state;
	assert_string_equal(e->question, "A & B");
	assert_spans(e->text, e->blocks[0].spans, e->blocks[0].nspans,
	    "<tag> ああ © \xc2\xa0 &unknownthing; \xef\xbf\xbd \xef\xbf\xbd "
	    "\xef\xbf\xbd");
	assert_int_equal(slug_decode_entity("&yen;", 5, buf), 2);
	assert_int_equal(slug_decode_entity("&#10;", 5, buf), 1);
	assert_int_equal(buf[0], ' ');
	assert_int_equal(slug_decode_entity("&#xZZ;", 6, buf), 0);
	assert_int_equal(slug_decode_entity("&AElig;", 7, buf), 2);
	assert_int_equal(slug_decode_entity("&zzz;", 5, buf), 0);
	/* a reference cannot bring back a bidi mark the cleaner shows */
	assert_int_equal(slug_decode_entity("&#x200F;", 8, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
	assert_int_equal(slug_decode_entity("&#1564;", 7, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
	fx_free(f);
}

static void
test_lists(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\n"
	                               "3. three\n4. four\n   - a\n   - b\n"
	                               "     1. deep\n\n"
	                               "- loose one\n\n- loose two\n");
	const struct entry *e = E(f, 0);
	const struct block *ol, *ul, *deep, *loose;

	(void)state;
	assert_int_equal(e->nblocks, 2);
	ol = &e->blocks[0];
	assert_int_equal(ol->kind, BLOCK_LIST);
	assert_true(ol->ordered);
	assert_int_equal(ol->start, 3);
	assert_true(ol->tight);
	assert_int_equal(ol->nchildren, 2);
	assert_int_equal(ol->children[0].kind, BLOCK_ITEM);
	assert_int_equal(ol->children[0].children[0].kind, BLOCK_PARA);
	assert_spans(e->text, ol->children[0].children[0].spans,
	    ol->children[0].children[0].nspans, "three");
	assert_int_equal(ol->children[1].nchildren, 2);
	ul = &ol->children[1].children[1];
	assert_int_equal(ul->kind, BLOCK_LIST);
	assert_false(ul->ordered);
	assert_int_equal(ul->nchildren, 2);
	deep = &ul->children[1].children[1];
	assert_int_equal(deep->kind, BLOCK_LIST);
	assert_spans(e->text, deep->children[0].children[0].spans,
	    deep->children[0].children[0].nspans, "deep");
	assert_int_equal(deep->line, 7);
	loose = &e->blocks[1];
	assert_false(loose->tight);
	assert_int_equal(loose->nchildren, 2);
	fx_free(f);
}

static void
test_code_blocks(void **state)
{
	struct fx *f =
	    fx_load("x.md", "### Q\n\n```sh\necho \"$HOME\"\n\n  x *y*\n```\n\n"
	                    "    indented\n    code\n\n"
	                    "~~~\n~~~\n");
	const struct entry *e = E(f, 0);

	(void)state;
	assert_int_equal(e->nblocks, 3);
	assert_int_equal(e->blocks[0].kind, BLOCK_CODE);
	assert_int_equal(e->blocks[0].line, 3); /* the opening fence */
	assert_int_equal(e->blocks[0].code_len, 22);
	assert_memory_equal(
	    e->text + e->blocks[0].code_off, "echo \"$HOME\"\n\n  x *y*\n", 22);
	assert_int_equal(e->blocks[1].kind, BLOCK_CODE);
	assert_int_equal(e->blocks[1].line, 9);
	assert_memory_equal(
	    e->text + e->blocks[1].code_off, "indented\ncode\n", 14);
	assert_int_equal(e->blocks[2].kind, BLOCK_CODE);
	assert_int_equal(e->blocks[2].code_len, 0);
	assert_int_equal(e->blocks[2].line, 12);
	fx_free(f);
}

static void
test_tables(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\n"
	                               "| 項目 | 値 | c |\n|:--|--:|:-:|\n"
	                               "| a | **1** | x |\n| b |\n");
	const struct entry *e = E(f, 0);
	const struct block *t = &e->blocks[0];

	(void)state;
	assert_int_equal(t->kind, BLOCK_TABLE);
	assert_int_equal(t->ncols, 3);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->align[0], ALIGN_LEFT);
	assert_int_equal(t->align[1], ALIGN_RIGHT);
	assert_int_equal(t->align[2], ALIGN_CENTER);
	assert_spans(e->text, t->cells[0].spans, t->cells[0].nspans, "項目");
	assert_spans(e->text, t->cells[4].spans, t->cells[4].nspans, "1");
	assert_int_equal(t->cells[4].spans[0].style, STYLE_STRONG);
	assert_spans(e->text, t->cells[6].spans, t->cells[6].nspans, "b");
	assert_int_equal(t->cells[7].nspans, 0);
	fx_free(f);
}

static void
test_quote_rule_heading(void **state)
{
	struct fx *f =
	    fx_load("x.md", "### Q\n\n> 件名: テスト\n>\n> 本文\n\n---\n\n"
	                    "##### Detail\n\nend\n");
	const struct entry *e = E(f, 0);

	(void)state;
	assert_int_equal(e->nblocks, 4);
	assert_int_equal(e->blocks[0].kind, BLOCK_QUOTE);
	assert_int_equal(e->blocks[0].nchildren, 2);
	assert_int_equal(e->blocks[1].kind, BLOCK_HR);
	assert_int_equal(e->blocks[2].kind, BLOCK_HEADING);
	assert_int_equal(e->blocks[2].level, 5);
	assert_int_equal(e->blocks[2].line, 9);
	fx_free(f);
}

/*
 * An admonition's title is kept whole, however long: it was cut at 63
 * bytes, here inside 請, and the half character reached the screen and
 * --print as invalid UTF-8.
 */
static void
test_admonition_long_title(void **state)
{
	struct fx *f = fx_load("x.md",
	    "### Q\n\n"
	    "!!! note \"注意 支払いの前に必ず確認してください。請求書の宛名と金額が正しいか\"\n"
	    "    本文\n\n"
	    "!!! averyveryveryveryveryveryveryveryveryveryveryveryverylongtypename\n\n"
	    "end\n");
	const struct entry *e = E(f, 0);
	const struct block *t;

	(void)state;
	assert_int_equal(e->blocks[0].kind, BLOCK_QUOTE);
	t = &e->blocks[0].children[0];
	assert_int_equal(t->kind, BLOCK_PARA);
	assert_spans(e->text, t->spans, t->nspans,
	    "注意 支払いの前に必ず確認してください。請求書の宛名と金額が正しいか");
	assert_true(t->spans[0].style & STYLE_STRONG);
	assert_int_equal(e->blocks[1].kind, BLOCK_QUOTE);
	t = &e->blocks[1].children[0];
	assert_spans(e->text, t->spans, t->nspans,
	    "Averyveryveryveryveryveryveryveryveryveryveryveryverylongtypename");
	fx_free(f);
}

/*
 * The text layout doc.h promises: blocks are separated by '\n' that no
 * span covers, so search hits never join two blocks' words.
 */
static void
test_text_layout(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\nfirst para\n\nsecond para\n\n"
	                               "- item\n");
	const struct entry *e = E(f, 0);
	const struct block *b = e->blocks;

	(void)state;
	assert_int_equal(e->nblocks, 3);
	assert_int_equal(b[0].spans[0].off, 0);
	assert_int_equal(e->text[b[0].spans[0].len], '\n');
	assert_true(b[1].spans[0].off > b[0].spans[0].len);
	assert_memory_equal(e->text + b[1].spans[0].off, "second para", 11);
	assert_true(e->text_len >= 24);
	assert_memory_equal(e->text, "first para\nsecond para\nitem", 27);
	fx_free(f);
}

/* Diagnostics ------------------------------------------------------------- */

static void
test_diag_heading_levels(void **state)
{
	struct fx *f = fx_load("x.md", "# T\n\n### Q\n\nA\n\n### Empty\n\n"
	                               "### \n\nx\n");

	(void)state;
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 3, 1, "heading level skipped"),
	    1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 7, 1, "empty answer"), 1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 9, 0, "empty question"), 1);
	assert_int_equal(count_diags(&f->dl, DIAG_ERROR, 0, 0, ""), 0);
	fx_free(f);
}

static void
test_diag_empty_section(void **state)
{
	struct fx *f = fx_load("x.md", "## Empty\n\n## Full\n\n### Q\n\nA\n");

	(void)state;
	assert_int_equal(f->d->nsecs, 2);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 1, 1, "section has no questions"),
	    1);
	fx_free(f);
}

static void
test_diag_control_positions(void **state)
{
	struct fx *f = fx_load("x.md", "### Q\n\n日本\x1b[31m赤\x1b[0m\n"
	                               "ok \x01 \xff\n");
	const struct entry *e = E(f, 0);

	(void)state;
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 3, 3, "escape sequence removed"),
	    1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 3, 9, "escape sequence removed"),
	    1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 4, 4, "control character"), 1);
	assert_int_equal(
	    count_diags(&f->dl, DIAG_WARNING, 4, 6, "invalid UTF-8"), 1);
	assert_spans(e->text, e->blocks[0].spans, e->blocks[0].nspans,
	    "日本赤/ok \xef\xbf\xbd \xef\xbf\xbd");
	fx_free(f);
}

/* The example in man/faq.5 loads cleanly and does what the page says. */
static void
test_man_page_example(void **state)
{
	FILE *fp = fopen("man/faq.5", "r");
	char line[512], *md, *p;
	size_t cap = 1 << 16;
	int in = 0;
	struct fx *f;

	(void)state;
	if (fp == NULL) {
		skip(); /* run from elsewhere than the repository root */
		return;
	}
	p = md = calloc(1, cap);
	while (fgets(line, sizeof line, fp) != NULL) {
		char *q;

		if (strncmp(line, ".EX", 3) == 0) {
			in = 1;
			continue;
		}
		if (strncmp(line, ".EE", 3) == 0)
			break;
		if (!in)
			continue;
		for (q = line; *q; q++) {
			if (q[0] == '\\' && q[1] == '-')
				continue; /* roff's \- is a plain '-' */
			*p++ = *q;
		}
	}
	fclose(fp);
	assert_true(in);
	f = fx_load("billing.md", md);
	assert_int_equal(f->dl.n, 0);
	assert_string_equal(f->d->colls[0].title, "請求とお支払い");
	assert_string_equal(f->d->colls[0].lang, "ja");
	assert_non_null(f->d->colls[0].intro);
	assert_int_equal(f->d->nsecs, 2);
	assert_int_equal(f->d->nentries, 3);
	assert_int_equal(E(f, 0)->ref, 1);
	assert_string_equal(E(f, 1)->id, "invoice");
	assert_string_equal(E(f, 2)->id, "支払い方法を変更するには");
	fx_free(f);
	free(md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shape_standard),
	    cmocka_unit_test(test_shape_h2_questions),
	    cmocka_unit_test(test_shape_h2_with_subheadings),
	    cmocka_unit_test(test_shape_h4_questions),
	    cmocka_unit_test(test_shape_h4_with_intros),
	    cmocka_unit_test(test_shape_no_title),
	    cmocka_unit_test(test_shape_no_sections),
	    cmocka_unit_test(test_intro_kept),
	    cmocka_unit_test(test_front_matter),
	    cmocka_unit_test(test_front_matter_pins_level),
	    cmocka_unit_test(test_front_matter_bad),
	    cmocka_unit_test(test_front_matter_unclosed),
	    cmocka_unit_test(test_slugs),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_ids_explicit_wins),
	    cmocka_unit_test(test_ids_across_files),
	    cmocka_unit_test(test_references),
	    cmocka_unit_test(test_reference_errors),
	    cmocka_unit_test(test_links),
	    cmocka_unit_test(test_inline_styles),
	    cmocka_unit_test(test_inline_html),
	    cmocka_unit_test(test_html_block_clean),
	    cmocka_unit_test(test_entities),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_code_blocks),
	    cmocka_unit_test(test_tables),
	    cmocka_unit_test(test_quote_rule_heading),
	    cmocka_unit_test(test_admonition_long_title),
	    cmocka_unit_test(test_text_layout),
	    cmocka_unit_test(test_diag_heading_levels),
	    cmocka_unit_test(test_diag_empty_section),
	    cmocka_unit_test(test_diag_control_positions),
	    cmocka_unit_test(test_man_page_example),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
