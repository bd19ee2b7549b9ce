/* test_render.c - answer blocks to styled lines: what a reader sees. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print.h"
#include "render.h"
#include "width.h"

/* A hand-built entry: text buffer, spans and blocks owned by the test. */
struct tb {
	char text[8192];
	size_t len;
	struct span spans[512];
	size_t nspans;
};

static struct tb tb;

static const struct span *
sp(const char *s, uint8_t style, const char *href)
{
	struct span *x = &tb.spans[tb.nspans++];

	x->off = (uint32_t)tb.len;
	x->len = (uint32_t)strlen(s);
	x->kind = SPAN_TEXT;
	x->style = style;
	x->href = href;
	memcpy(tb.text + tb.len, s, x->len);
	tb.len += x->len;
	tb.text[tb.len++] = '\n';
	return x;
}

static const struct span *
brk(int kind)
{
	struct span *x = &tb.spans[tb.nspans++];

	memset(x, 0, sizeof *x);
	x->off = (uint32_t)tb.len;
	x->kind = (uint8_t)kind;
	return x;
}

static struct block
para(const struct span *first, size_t n)
{
	struct block b;

	memset(&b, 0, sizeof b);
	b.kind = BLOCK_PARA;
	b.spans = first;
	b.nspans = (uint32_t)n;
	return b;
}

static struct block
code(const char *s)
{
	struct block b;

	memset(&b, 0, sizeof b);
	b.kind = BLOCK_CODE;
	b.code_off = (uint32_t)tb.len;
	b.code_len = (uint32_t)strlen(s);
	memcpy(tb.text + tb.len, s, b.code_len);
	tb.len += b.code_len;
	tb.text[tb.len++] = '\n';
	return b;
}

static struct block
wrapblk(int kind, const struct block *kids, size_t n)
{
	struct block b;

	memset(&b, 0, sizeof b);
	b.kind = (uint8_t)kind;
	b.children = kids;
	b.nchildren = (uint32_t)n;
	return b;
}

static struct entry
entry_of(const struct block *b, size_t n)
{
	struct entry e;

	memset(&e, 0, sizeof e);
	e.id = "t";
	e.question = "q";
	e.text = tb.text;
	e.text_len = (uint32_t)tb.len;
	e.blocks = b;
	e.nblocks = (uint32_t)n;
	e.ref = -1;
	return e;
}

/* Renders e; checks every line's width is exact and within the width. */
static void
render(const struct entry *e, int width, int amb, int ascii,
    const struct hl_set *hl, struct slines *out)
{
	struct render_opts o = {.width = width, .ambiguous = amb, .ascii = ascii};
	size_t i;

	slines_clear(out);
	render_answer(e, &o, hl, out);
	for (i = 0; i < out->n; i++) {
		int w = width_str(out->v[i].text, out->v[i].len, amb);

		assert_int_equal(out->v[i].width, w);
		if (w > width)
			fail_msg("line %zu is %d columns at width %d: '%s'", i,
			    w, width, out->v[i].text);
	}
}

static char *
joined(const struct slines *ls)
{
	size_t i, n = 1;
	char *s, *p;

	for (i = 0; i < ls->n; i++)
		n += ls->v[i].len + 1;
	s = p = malloc(n);
	assert_non_null(s);
	for (i = 0; i < ls->n; i++) {
		memcpy(p, ls->v[i].text, ls->v[i].len);
		p += ls->v[i].len;
		*p++ = '\n';
	}
	*p = '\0';
	return s;
}

static void
expect_lines(const struct slines *ls, const char *want)
{
	char *got = joined(ls);

	assert_string_equal(got, want);
	free(got);
}

static void
test_render_paragraphs_and_softbreaks(void **state)
{
	struct slines out = {0};
	const struct span *s;
	struct block b[2];
	struct entry e;

	(void)state;
	tb.len = tb.nspans = 0;
	s = sp("これは", 0, NULL);
	brk(SPAN_SOFTBREAK);
	sp("テストです。", 0, NULL);
	b[0] = para(s, 3);
	s = sp("hello", 0, NULL);
	brk(SPAN_SOFTBREAK);
	sp("world", STYLE_STRONG, NULL);
	brk(SPAN_HARDBREAK);
	sp("next", 0, NULL);
	b[1] = para(s, 5);
	e = entry_of(b, 2);
	render(&e, 40, 1, 0, NULL, &out);
	expect_lines(&out, "これはテストです。\n\nhello world\nnext\n");
	/* Bold survives as an attribute on exactly its bytes. */
	assert_int_equal(out.v[2].attr[6], AT_STRONG);
	assert_int_equal(out.v[2].attr[5], 0);
	render(&e, 8, 1, 0, NULL, &out);
	/* 。 cannot start a line: す goes down with it. */
	expect_lines(&out, "これはテ\nストで\nす。\n\nhello\nworld\nnext\n");
	slines_free(&out);
}

/* Ordered lists of 10+ items: numbers right-aligned, continuation lines
 * hang under the text, not under the number. */
static void
test_render_ordered_hanging(void **state)
{
	struct slines out = {0};
	struct block paras[12], items[12], list;
	struct entry e;
	size_t i;
	char buf[64];

	(void)state;
	tb.len = tb.nspans = 0;
	for (i = 0; i < 12; i++) {
		snprintf(
		    buf, sizeof buf, "手順%zuの説明文がここに入ります", i + 1);
		paras[i] = para(sp(buf, 0, NULL), 1);
		items[i] = wrapblk(BLOCK_ITEM, &paras[i], 1);
	}
	list = wrapblk(BLOCK_LIST, items, 12);
	list.ordered = 1;
	list.tight = 1;
	list.start = 1;
	e = entry_of(&list, 1);
	render(&e, 20, 1, 0, NULL, &out);
	assert_string_equal(out.v[0].text, " 1. 手順1の説明文が");
	assert_string_equal(out.v[1].text, "    ここに入ります");
	for (i = 0; i < out.n; i++)
		if (strncmp(out.v[i].text, "10. ", 4) == 0)
			break;
	assert_true(i + 1 < out.n);
	assert_string_equal(out.v[i].text, "10. 手順10の説明文が");
	assert_string_equal(out.v[i + 1].text, "    ここに入ります");
	assert_int_equal(out.v[i].attr[0], AT_CHROME);
	slines_free(&out);
}

/* A bullet list whose items number themselves ("- 2.「編集」を…", steps
 * copied from a web page) is shown as numbered, not as "• 2.": the item's
 * own number (text of the answer, kept as written) starts the item, and
 * the lines after hang under the text that follows it. */
static struct block sn_paras[4], sn_items[4];

static struct block
self_numbered_list(const char *const *texts, size_t n)
{
	struct block list;
	size_t i;

	tb.len = tb.nspans = 0;
	for (i = 0; i < n; i++) {
		sn_paras[i] = para(sp(texts[i], 0, NULL), 1);
		sn_items[i] = wrapblk(BLOCK_ITEM, &sn_paras[i], 1);
	}
	list = wrapblk(BLOCK_LIST, sn_items, n);
	list.tight = 1;
	return list;
}

static void
test_render_self_numbered_bullets(void **state)
{
	static const char *const steps[] = {"1. お支払いページへ移動します。",
	    "2.「編集」をクリックします。", "3.AWS にログインします。"};
	static const char *const sizes[] = {"3.5 GB まで", "4.5 GB まで"};
	static const char *const gap[] = {"1. 最初", "3. 三番目"};
	struct slines out = {0};
	struct block list;
	struct entry e;
	struct hl_range r[1];
	struct hl_set hl = {r, 1};

	(void)state;
	list = self_numbered_list(steps, 3);
	e = entry_of(&list, 1);
	render(&e, 24, 1, 0, NULL, &out);
	expect_lines(&out, "1. お支払いページへ移動\n"
	                   "   します。\n"
	                   "2.「編集」をクリックしま\n"
	                   "  す。\n"
	                   "3.AWS にログインします。\n");
	/* the number is text: no chrome, and searched like the rest */
	assert_int_equal(out.v[0].attr[0], 0);
	r[0].start = sn_paras[1].spans[0].off;
	r[0].end = r[0].start + 11; /* 2.「編集 */
	render(&e, 24, 1, 0, &hl, &out);
	assert_int_equal(out.v[2].attr[0] & AT_HIGHLIGHT, AT_HIGHLIGHT);
	assert_int_equal(out.v[2].attr[10] & AT_HIGHLIGHT, AT_HIGHLIGHT);
	assert_int_equal(out.v[2].attr[11] & AT_HIGHLIGHT, 0);
	/* "3.5 GB" is not a step number, and steps must follow on */
	list = self_numbered_list(sizes, 2);
	e = entry_of(&list, 1);
	render(&e, 24, 1, 0, NULL, &out);
	expect_lines(&out, "• 3.5 GB まで\n• 4.5 GB まで\n");
	list = self_numbered_list(gap, 2);
	e = entry_of(&list, 1);
	render(&e, 24, 1, 0, NULL, &out);
	expect_lines(&out, "• 1. 最初\n• 3. 三番目\n");
	slines_free(&out);
}

static void
test_render_nested_lists_and_quotes(void **state)
{
	struct slines out = {0};
	struct block p[4], inner_items[1], inner, items[2], list, quote2,
	    quote1[2], q;
	struct entry e;

	(void)state;
	tb.len = tb.nspans = 0;
	p[0] = para(sp("外側", 0, NULL), 1);
	p[1] = para(sp("内側の項目", 0, NULL), 1);
	inner_items[0] = wrapblk(BLOCK_ITEM, &p[1], 1);
	inner = wrapblk(BLOCK_LIST, inner_items, 1);
	inner.tight = 1;
	{
		static struct block kids[2];

		kids[0] = p[0];
		kids[1] = inner;
		items[0] = wrapblk(BLOCK_ITEM, kids, 2);
	}
	p[2] = para(sp("二番目", 0, NULL), 1);
	items[1] = wrapblk(BLOCK_ITEM, &p[2], 1);
	list = wrapblk(BLOCK_LIST, items, 2);
	list.tight = 1;
	e = entry_of(&list, 1);
	render(&e, 40, 1, 0, NULL, &out);
	expect_lines(&out, "• 外側\n  ◦ 内側の項目\n• 二番目\n");
	render(&e, 40, 1, 1, NULL, &out);
	expect_lines(&out, "* 外側\n  - 内側の項目\n* 二番目\n");

	/* > 引用文
	 * >
	 * > > 入れ子の引用文がとても長く続きます */
	p[3] = para(sp("入れ子の引用文がとても長く続きます", 0, NULL), 1);
	quote2 = wrapblk(BLOCK_QUOTE, &p[3], 1);
	quote1[0] = para(sp("引用文", 0, NULL), 1);
	quote1[1] = quote2;
	q = wrapblk(BLOCK_QUOTE, quote1, 2);
	e = entry_of(&q, 1);
	render(&e, 20, 1, 0, NULL, &out);
	expect_lines(&out, "│ 引用文\n│\n│ │ 入れ子の引用文が\n"
	                   "│ │ とても長く続きま\n│ │ す\n");
	render(&e, 20, 1, 1, NULL, &out);
	assert_string_equal(out.v[2].text, "> > 入れ子の引用文が");
	/* Ambiguous 2: the bar is two columns, the text still fits. */
	render(&e, 20, 2, 0, NULL, &out);
	assert_int_equal(out.v[2].width, 6 + 14);
	slines_free(&out);
}

static void
test_render_code_tabs_and_wrap(void **state)
{
	struct slines out = {0};
	struct block b;
	struct entry e;
	size_t i;
	char *all;

	(void)state;
	tb.len = tb.nspans = 0;
	b = code("a\tb\n\tx\n1234567890abcdefghij\n");
	e = entry_of(&b, 1);
	render(&e, 40, 1, 0, NULL, &out);
	expect_lines(&out, "a       b\n        x\n1234567890abcdefghij\n");
	assert_int_equal(out.v[0].attr[0], AT_CODE);
	/* Hard-wrapped with a visible mark; nothing lost. */
	render(&e, 8, 1, 0, NULL, &out);
	all = joined(&out);
	assert_string_equal(all, "a      ↩\n b\n       ↩\n x\n"
	                         "1234567↩\n890abcd↩\nefghij\n");
	free(all);
	for (i = 0; i < out.n; i++)
		if (strstr(out.v[i].text, "↩") != NULL)
			assert_int_equal(
			    out.v[i].attr[out.v[i].len - 1], AT_CHROME);
	render(&e, 8, 1, 1, NULL, &out);
	assert_string_equal(out.v[4].text, "1234567\\");
	/* Width 1: no room for a mark, still never over. */
	render(&e, 1, 1, 0, NULL, &out);
	slines_free(&out);
}

static void
test_render_table(void **state)
{
	struct slines out = {0};
	struct cell cells[6];
	uint8_t align[2] = {ALIGN_LEFT, ALIGN_RIGHT};
	struct block t;
	struct entry e;
	const char *txt[6] = {
	    "項目", "料金", "データ転送", "１，２８０円", "サポート", "無料"};
	size_t i;

	(void)state;
	tb.len = tb.nspans = 0;
	for (i = 0; i < 6; i++) {
		cells[i].spans = sp(txt[i], 0, NULL);
		cells[i].nspans = 1;
	}
	memset(&t, 0, sizeof t);
	t.kind = BLOCK_TABLE;
	t.ncols = 2;
	t.nrows = 3;
	t.cells = cells;
	t.align = align;
	e = entry_of(&t, 1);
	render(&e, 100, 1, 0, NULL, &out);
	expect_lines(&out, "┌────────────┬──────────────┐\n"
	                   "│ 項目       │         料金 │\n"
	                   "├────────────┼──────────────┤\n"
	                   "│ データ転送 │ １，２８０円 │\n"
	                   "│ サポート   │         無料 │\n"
	                   "└────────────┴──────────────┘\n");
	assert_int_equal(out.v[1].attr[4], AT_STRONG);
	/* 30 columns is wide enough; 20 is not: 「見出し: 値」 lines. */
	render(&e, 30, 1, 0, NULL, &out);
	assert_int_equal(out.n, 6);
	render(&e, 20, 1, 0, NULL, &out);
	expect_lines(&out, "項目: データ転送\n料金: １，２８０円\n\n"
	                   "項目: サポート\n料金: 無料\n");
	render(&e, 100, 1, 1, NULL, &out);
	assert_string_equal(out.v[0].text, "+------------+--------------+");
	/* Ambiguous 2 draws the grid in ASCII: ─ would be two columns. */
	render(&e, 100, 2, 0, NULL, &out);
	assert_string_equal(out.v[0].text, "+------------+--------------+");
	slines_free(&out);
}

static void
test_render_highlight_and_links(void **state)
{
	struct slines out = {0};
	const struct span *s;
	struct block b;
	struct entry e;
	struct hl_range r[1];
	struct hl_set hl = {r, 1};
	size_t i;

	(void)state;
	tb.len = tb.nspans = 0;
	s = sp("請求書は", 0, NULL);
	sp("こちら", STYLE_LINK, "#billing");
	sp("から確認できます。", 0, NULL);
	b = para(s, 3);
	e = entry_of(&b, 1);
	/* Highlight 請求 (bytes 0..6 of the text). */
	r[0].start = 0;
	r[0].end = 6;
	render(&e, 12, 1, 0, &hl, &out);
	assert_string_equal(out.v[0].text, "請求書はこち");
	for (i = 0; i < out.v[0].len; i++)
		assert_int_equal(!!(out.v[0].attr[i] & AT_HIGHLIGHT), i < 6);
	/* The link is cut by the wrap: one link piece per line. */
	assert_int_equal(out.v[0].nlinks, 1);
	assert_int_equal(out.v[0].links[0].start, 12);
	assert_int_equal(out.v[0].links[0].end, 18);
	assert_string_equal(out.v[0].links[0].href, "#billing");
	assert_int_equal(out.v[1].nlinks, 1);
	assert_int_equal(out.v[1].links[0].start, 0);
	assert_int_equal(out.v[1].links[0].end, 3);
	assert_int_equal(out.v[1].attr[0], AT_LINK);
	slines_free(&out);
}

static void
test_render_plain_prefix(void **state)
{
	struct slines out = {0};
	struct render_opts o = {.width = 16, .ambiguous = 1, .ascii = 0};
	const char *q = "アカウントを解約するにはどうすればよいですか?";
	struct hl_range r = {0, 15};
	struct hl_set hl = {&r, 1};

	(void)state;
	render_plain(
	    q, strlen(q), "▶ ", "  ", AT_CHROME, AT_HEADING, &o, &hl, &out);
	expect_lines(&out, "▶ アカウントを解\n  約するにはどう\n"
	                   "  すればよいです\n  か?\n");
	assert_int_equal(out.v[0].attr[0], AT_CHROME);
	assert_int_equal(out.v[0].attr[4], AT_HEADING | AT_HIGHLIGHT);
	assert_int_equal(out.v[0].attr[4 + 15], AT_HEADING);
	slines_free(&out);
}

/* Widths 1 and 2 on nested chrome: nothing wider, no text lost. */
static void
test_render_tiny_widths(void **state)
{
	struct slines out = {0};
	struct block p[1], item, list, q;
	struct entry e;
	int w;

	(void)state;
	tb.len = tb.nspans = 0;
	p[0] = para(sp("abc アカウント", 0, NULL), 1);
	item = wrapblk(BLOCK_ITEM, p, 1);
	list = wrapblk(BLOCK_LIST, &item, 1);
	list.ordered = 1;
	list.start = 9;
	q = wrapblk(BLOCK_QUOTE, &list, 1);
	e = entry_of(&q, 1);
	for (w = 2; w <= 12; w++)
		render(&e, w, 1, 0, NULL, &out);
	render(&e, 2, 1, 0, NULL, &out);
	expect_lines(&out, "ab\nc\nア\nカ\nウ\nン\nト\n");
	/* Width 1: a wide character is alone and two columns: the one
	 * documented exception, so check it by hand. */
	{
		struct render_opts o = {.width = 1, .ambiguous = 1, .ascii = 0};

		slines_clear(&out);
		render_answer(&e, &o, NULL, &out);
		expect_lines(&out, "a\nb\nc\nア\nカ\nウ\nン\nト\n");
	}
	slines_free(&out);
}

static void
test_render_hr(void **state)
{
	struct slines out = {0};
	struct block b[2];
	struct entry e;

	(void)state;
	tb.len = tb.nspans = 0;
	memset(b, 0, sizeof b);
	b[0].kind = BLOCK_HR;
	b[1] = para(sp("x", 0, NULL), 1);
	e = entry_of(b, 2);
	render(&e, 5, 1, 0, NULL, &out);
	expect_lines(&out, "─────\n\nx\n");
	/* ─ is two columns with ambiguous 2: two of them fit in 5. */
	render(&e, 5, 2, 0, NULL, &out);
	expect_lines(&out, "──\n\nx\n");
	slines_free(&out);
}

/* max_lines: an answer of 3000 rules, a word of 200 000 letters at width
 * 1 and a long question are laid out to the limit and end in a line that
 * says so; without the limit (--print), whole.  The browser laid out
 * such answers whole on every open: minutes and gigabytes. */
static void
test_render_max_lines(void **state)
{
	struct slines out = {0};
	struct block *b = calloc(3000, sizeof *b);
	struct entry e;
	struct render_opts o = {.width = 40, .ambiguous = 1, .ascii = 0, .max_lines = 100};
	char *word = malloc(200001);
	size_t i;

	(void)state;
	tb.len = tb.nspans = 0;
	for (i = 0; i < 3000; i++)
		b[i].kind = BLOCK_HR;
	e = entry_of(b, 3000);
	render_answer(&e, &o, NULL, &out);
	assert_true(out.n >= 100 && out.n <= 104);
	for (i = 99; i < out.n; i++)
		if (strstr(out.v[i].text, "[the rest of this answer") != NULL)
			break;
	assert_true(i < out.n);
	slines_clear(&out);
	o.max_lines = 0;
	render_answer(&e, &o, NULL, &out);
	assert_int_equal(out.n, 2 * 3000 - 1);
	slines_clear(&out);

	memset(word, 'a', 200000);
	word[200000] = '\0';
	o.width = 1;
	o.max_lines = 50;
	render_plain(word, 200000, "", "", 0, 0, &o, NULL, &out);
	assert_true(out.n > 50 && out.n < 200);
	assert_string_equal(out.v[49].text, "a");
	slines_free(&out);
	free(word);
	free(b);
}

/* --print and --list on a hand-built doc: titles, sections, questions,
 * answers (a reference prints its target's), the only filter. */
static void
test_print_doc_and_list(void **state)
{
	struct block b[3];
	struct entry ents[3], intro;
	struct section secs[2];
	struct collection coll;
	struct doc d;
	struct render_opts o = {.width = 30, .ambiguous = 1, .ascii = 0};
	uint8_t only[3] = {0, 0, 1};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	tb.len = tb.nspans = 0;
	b[0] = para(sp("ルートユーザーでサインインします。", 0, NULL), 1);
	b[1] = para(sp("See the ", 0, NULL), 3);
	sp("billing console", STYLE_LINK,
	    "https://console.aws.amazon.com/billing/home#/bills");
	sp(".", 0, NULL);
	b[2] = para(sp("よくある質問です。", 0, NULL), 1);
	intro = entry_of(&b[2], 1);
	intro.id = "";
	memset(&d, 0, sizeof d);
	ents[0] = entry_of(&b[0], 1);
	ents[0].id = "signin";
	ents[0].question = "サインインするには?";
	ents[0].question_len = (uint32_t)strlen(ents[0].question);
	ents[1] = entry_of(&b[1], 1);
	ents[1].id = "bill";
	ents[1].question = "Where\tis my bill?";
	ents[1].question_len = (uint32_t)strlen(ents[1].question);
	ents[1].section = 1;
	ents[2] = entry_of(NULL, 0);
	ents[2].id = "top1";
	ents[2].question = "よくある質問：サインイン";
	ents[2].question_len = (uint32_t)strlen(ents[2].question);
	ents[2].section = 1;
	ents[2].ref = 0;
	memset(secs, 0, sizeof secs);
	secs[0].title = "アカウント";
	secs[0].id = "account";
	secs[0].n = 1;
	secs[1].title = "請求";
	secs[1].id = "billing";
	secs[1].first = 1;
	secs[1].n = 2;
	memset(&coll, 0, sizeof coll);
	coll.path = "x.md";
	coll.title = "FAQ テスト";
	coll.lang = "ja";
	coll.n = 2;
	coll.intro = &intro;
	d.colls = &coll;
	d.ncolls = 1;
	d.secs = secs;
	d.nsecs = 2;
	d.entries = ents;
	d.nentries = 3;

	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	print_doc(fp, &d, &o, NULL);
	fclose(fp);
	assert_string_equal(buf, "FAQ テスト\n"
	                         "==========\n"
	                         "\n"
	                         "よくある質問です。\n"
	                         "\n"
	                         "アカウント\n"
	                         "----------\n"
	                         "\n"
	                         "Q. サインインするには?\n"
	                         "\n"
	                         "   ルートユーザーでサインイン\n"
	                         "   します。\n"
	                         "\n"
	                         "請求\n"
	                         "----\n"
	                         "\n"
	                         "Q. Where is my bill?\n"
	                         "\n"
	                         "   See the billing console[1].\n"
	                         "\n"
	                         "   [1] https://console.aws.\n"
	                         "       amazon.com/billing/\n"
	                         "       home#/bills\n"
	                         "\n"
	                         "Q. よくある質問：サインイン\n"
	                         "\n"
	                         "   ルートユーザーでサインイン\n"
	                         "   します。\n");
	free(buf);

	fp = open_memstream(&buf, &len);
	print_doc(fp, &d, &o, only);
	fclose(fp);
	assert_null(strstr(buf, "アカウント"));
	assert_null(strstr(buf, "よくある質問です"));
	assert_non_null(strstr(buf, "Q. よくある質問"));
	free(buf);

	fp = open_memstream(&buf, &len);
	print_list(fp, &d, NULL);
	fclose(fp);
	assert_string_equal(buf, "signin\tアカウント\tサインインするには?\n"
	                         "bill\t請求\tWhere is my bill?\n"
	                         "top1\t請求\tよくある質問：サインイン\n");
	free(buf);
}

/* A hl_lazy that highlights everything and records how far it was
 * asked to look. */
static size_t lazy_asked;
static struct hl_range lazy_all;

static void
lazy_more(struct hl_lazy *lz, size_t upto)
{
	if (upto > lazy_asked)
		lazy_asked = upto;
	lz->set.v = &lazy_all;
	lz->set.n = 1;
	lz->known = upto;
}

/*
 * A long paragraph under a line budget: the highlights are asked for the
 * bytes of the lines made, not for every byte copied for wrapping (the
 * budget's 16 bytes a column, which for a 5 MB one-word answer in the
 * browser meant folding 2.6 MB for every search key).
 */
static void
test_render_lazy_highlight_reads_lines_only(void **state)
{
	size_t n = 1000000, i, k;
	char *text = malloc(n);
	struct span s;
	struct block b;
	struct entry e;
	struct hl_lazy lz;
	struct render_opts o = {.width = 40, .ambiguous = 1, .max_lines = 10};
	struct slines out = {0};

	(void)state;
	assert_non_null(text);
	memset(text, 'a', n);
	memset(&s, 0, sizeof s);
	s.kind = SPAN_TEXT;
	s.len = (uint32_t)n;
	memset(&b, 0, sizeof b);
	b.kind = BLOCK_PARA;
	b.spans = &s;
	b.nspans = 1;
	e = entry_of(&b, 1);
	e.text = text;
	e.text_len = (uint32_t)n;
	memset(&lz, 0, sizeof lz);
	lz.more = lazy_more;
	lazy_all.start = 0;
	lazy_all.end = (uint32_t)n;
	lazy_asked = 0;
	render_answer_lazy(&e, &o, &lz, &out);
	assert_true(out.n >= 10);
	for (i = 0; i < 10; i++)
		for (k = 0; k < out.v[i].len; k++)
			assert_int_equal(out.v[i].attr[k] & AT_HIGHLIGHT,
			    AT_HIGHLIGHT);
	/* 10 lines of 40 bytes, and a little */
	if (lazy_asked > 1000)
		fail_msg("asked for the highlights of %zu bytes for 10 lines",
		    lazy_asked);
	slines_free(&out);
	free(text);
}

/*
 * A paragraph longer than the line budget is copied at 4 bytes a column
 * first (render.c: render_para); text with more marks than that (here 5
 * combining marks on every letter, 11 bytes a column) is copied again with
 * the budget's whole allowance: the lines are full up to the budget, not
 * cut short.
 */
static void
test_render_budget_with_marks(void **state)
{
	size_t cols = 40 * 200, n = cols * 11, i;
	char *text = malloc(n);
	struct span s;
	struct block b;
	struct entry e;
	struct render_opts o = {.width = 40, .ambiguous = 1, .max_lines = 10};
	struct slines out = {0};

	(void)state;
	assert_non_null(text);
	for (i = 0; i < cols; i++)
		memcpy(text + i * 11, "a\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85", 11);
	memset(&s, 0, sizeof s);
	s.kind = SPAN_TEXT;
	s.len = (uint32_t)n;
	memset(&b, 0, sizeof b);
	b.kind = BLOCK_PARA;
	b.spans = &s;
	b.nspans = 1;
	e = entry_of(&b, 1);
	e.text = text;
	e.text_len = (uint32_t)n;
	render_answer(&e, &o, NULL, &out);
	/* 10 full lines, then the note of the cut */
	assert_true(out.n > 10);
	for (i = 0; i < 10; i++)
		assert_int_equal(out.v[i].width, 40);
	assert_int_equal(out.v[10].text[0], '[');
	slines_free(&out);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_render_paragraphs_and_softbreaks),
	    cmocka_unit_test(test_render_ordered_hanging),
	    cmocka_unit_test(test_render_self_numbered_bullets),
	    cmocka_unit_test(test_render_nested_lists_and_quotes),
	    cmocka_unit_test(test_render_code_tabs_and_wrap),
	    cmocka_unit_test(test_render_table),
	    cmocka_unit_test(test_render_highlight_and_links),
	    cmocka_unit_test(test_render_plain_prefix),
	    cmocka_unit_test(test_render_tiny_widths),
	    cmocka_unit_test(test_render_hr),
	    cmocka_unit_test(test_render_max_lines),
	    cmocka_unit_test(test_print_doc_and_list),
	    cmocka_unit_test(test_render_lazy_highlight_reads_lines_only),
	    cmocka_unit_test(test_render_budget_with_marks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
