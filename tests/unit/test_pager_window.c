/*
 * test_pager_window.c - the pager's window over a long answer (pagerint.h):
 * paged down with PgDn from the top to the end, and back up with PgUp,
 * the screens show every line of the whole answer's layout exactly once,
 * in order; End and Home reach its two ends; a link deep in the answer
 * has the number it has in the whole answer; the status row shows a share.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "doctest.h"
#include "i18n.h"
#include "keys.h"
#include "pager.h"
#include "render.h"
#include "render_units.h"
#include "search.h"
#include "view.h"

#define W 80
#define H 24
/* the body's rows at W x H: the question, a rule, the status row */
#define VH (H - 3)

struct buf {
	char *s;
	size_t n, cap;
};

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->n + (size_t)k + 1 > b->cap) {
		b->cap = 2 * (b->n + (size_t)k) + 64;
		b->s = realloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)k;
}

struct t {
	struct doc *d;
	struct search_index *ix;
	struct browser *b;
	struct browser_opts o;
	struct screen scr;
	char **want; /* the whole answer's lines as the pager shows them */
	size_t nwant;
};

/* A long answer: numbered words (w000000 ...) in paragraphs, with links
 * to a few URLs, the same ones again further on. */
static size_t link_every = 997;

static char *
long_md(size_t words, size_t para)
{
	struct buf b = {0};
	size_t i;

	bprintf(&b, "# T\n\n## S\n\n### Q {#q}\n\n");
	for (i = 0; i < words; i++) {
		if (i % link_every == link_every / 2)
			bprintf(&b, "[site %zu](https://example.com/%zu) ", i,
			    (i / 997) % 7);
		bprintf(&b, "w%06zu%s", i, i % para == para - 1 ? "\n\n" : " ");
	}
	bprintf(&b, "\n\n### R {#r}\n\nb\n");
	return b.s;
}

/* The text of a line without the spaces at its end, malloc'd. */
static char *
trimmed(const char *s, size_t n)
{
	char *r;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	r = malloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

/* What the pager should show of entry 0 at W: every unit laid out in one
 * call, links numbered as they are met, then the list of links, each line
 * after the pager's one-column indent. */
static void
want_lines(struct t *t)
{
	const struct entry *an = doc_entry_answer(t->d, &t->d->entries[0]);
	struct answer_units u = {0};
	struct link_notes notes = {0};
	struct render_opts o;
	struct slines ls = {0};
	size_t i;

	memset(&o, 0, sizeof o);
	o.width = W - 1;
	o.ambiguous = 1;
	o.max_lines = VIEW_MAX_LINES;
	o.notes = &notes;
	answer_units_build(an, &u);
	assert_true(u.n > 10);
	render_units(an, &u, 0, u.n, &o, NULL, &ls);
	o.notes = NULL;
	if (notes.n > 0)
		slines_push(&ls);
	for (i = 0; i < notes.n; i++) {
		char *s = NULL;
		size_t k =
		    (size_t)snprintf(NULL, 0, "[%zu] %s", i + 1, notes.href[i]);

		s = malloc(k + 1);
		snprintf(s, k + 1, "[%zu] %s", i + 1, notes.href[i]);
		render_plain(s, k, "", "    ", 0, AT_DIM, &o, NULL, &ls);
		free(s);
	}
	t->want = calloc(ls.n, sizeof *t->want);
	t->nwant = ls.n;
	for (i = 0; i < ls.n; i++) {
		char *s = malloc(ls.v[i].len + 2);

		s[0] = ' ';
		memcpy(s + 1, ls.v[i].text, ls.v[i].len + 1);
		t->want[i] = trimmed(s, ls.v[i].len + (ls.v[i].len ? 1 : 0));
		free(s);
	}
	slines_free(&ls);
	link_notes_free(&notes);
	answer_units_free(&u);
}

static void
t_start_para(struct t *t, size_t words, size_t para)
{
	struct diag_list dl = {0};
	char *md = long_md(words, para), *err = NULL;

	i18n_init("en");
	memset(t, 0, sizeof *t);
	t->d = load_md("long.md", md, &dl);
	free(md);
	diag_clear(&dl);
	assert_true(answer_is_long(doc_entry_answer(t->d, &t->d->entries[0])));
	t->o.ambiguous = 1;
	t->o.lang = "en";
	t->o.open_id = "q";
	t->ix = search_index_new(t->d);
	t->b = browser_new(t->d, t->ix, &t->o, &err);
	assert_non_null(t->b);
	want_lines(t);
}

static void
t_start(struct t *t, size_t words)
{
	t_start_para(t, words, 2000);
}

static void
t_end(struct t *t)
{
	size_t i;

	for (i = 0; i < t->nwant; i++)
		free(t->want[i]);
	free(t->want);
	screen_free(&t->scr);
	browser_free(t->b);
	search_index_free(t->ix);
	doc_free(t->d);
}

static int tw = W, th = H;

static void
t_keys(struct t *t, const char *spec)
{
	struct key_event *v;
	size_t n, i;
	char *err;

	assert_int_equal(keys_parse(spec, &v, &n, &err), 0);
	for (i = 0; i < n; i++) {
		if (v[i].key == K_RESIZE) {
			tw = v[i].w;
			th = v[i].h;
		}
		browser_key(t->b, &v[i]);
	}
	free(v);
	screen_free(&t->scr);
	browser_render(t->b, tw, th, &t->scr);
	assert_int_equal(t->scr.rows.n, (size_t)th);
}

/* The screen row holding s, or -1. */
static int
row_with(const struct t *t, const char *s)
{
	size_t y;

	for (y = 0; y < t->scr.rows.n; y++)
		if (strstr(t->scr.rows.v[y].text, s) != NULL)
			return (int)y;
	return -1;
}

/* The text of the selected link on screen (AT_SELECTED), malloc'd, or
 * NULL. */
static char *
selected(const struct t *t)
{
	size_t y, i, j;

	for (y = 0; y < t->scr.rows.n; y++) {
		const struct sline *l = &t->scr.rows.v[y];

		for (i = 0; i < l->len && !(l->attr[i] & AT_SELECTED); i++)
			;
		if (i == l->len)
			continue;
		for (j = i; j < l->len && (l->attr[j] & AT_SELECTED); j++)
			;
		return trimmed(l->text + i, j - i);
	}
	return NULL;
}

/* Whether the screen's body rows are want[top .. top + VH). */
static int
shows(const struct t *t, size_t top)
{
	size_t r;

	for (r = 0; r < VH; r++) {
		const struct sline *l = &t->scr.rows.v[2 + r];
		char *got = trimmed(l->text, l->len);
		int same = top + r < t->nwant
		               ? strcmp(got, t->want[top + r]) == 0
		               : got[0] == '\0';

		if (!same && getenv("SHOW_SCREENS") != NULL)
			fprintf(stderr, "row %zu (line %zu): '%s' != '%s'\n", r,
			    top + r, got,
			    top + r < t->nwant ? t->want[top + r] : "");
		free(got);
		if (!same)
			return 0;
	}
	return 1;
}

static const char *
status(const struct t *t)
{
	return t->scr.rows.v[t->scr.rows.n - 1].text;
}

static int
at_end(const struct t *t)
{
	return strstr(status(t), "(END)") != NULL;
}

/* PgDn from the top to the end: each screen the next VH lines of the
 * whole, the last the last VH (no line skipped, none twice but where the
 * last screen overlaps the one before it). */
static void
pgdn_pgup_whole(size_t words, size_t para)
{
	struct t t;
	size_t top = 0, last, screens = 0;

	t_start_para(&t, words, para);
	/* the lines compared with are every word once, in order */
	{
		size_t i, next = 0;

		for (i = 0; i < t.nwant; i++) {
			const char *q = t.want[i];

			while ((q = strchr(q, 'w')) != NULL) {
				char *end;
				long v = strtol(q + 1, &end, 10);

				if (end - q == 7) {
					assert_int_equal(v, (long)next);
					next++;
				}
				q = end > q + 1 ? end : q + 1;
			}
		}
		assert_int_equal(next, words);
	}
	last = t.nwant - VH;
	t_keys(&t, "");
	while (!at_end(&t)) {
		assert_true(shows(&t, top));
		assert_non_null(strchr(status(&t), '%'));
		t_keys(&t, "<PgDn>");
		top += VH;
		screens++;
		assert_true(screens < t.nwant);
	}
	assert_true(top >= last && top < last + VH);
	assert_true(shows(&t, last));
	/* and back up */
	top = last;
	while (top > 0) {
		t_keys(&t, "<PgUp>");
		top = top > VH ? top - VH : 0;
		assert_true(shows(&t, top));
	}
	t_end(&t);
}

static void
test_pgdn_pgup_whole(void **state)
{
	(void)state;
	pgdn_pgup_whole(60000, 2000);
}

/* One paragraph of 200 000 words (1.6 MB), cut into pieces. */
static void
test_pgdn_pgup_one_paragraph(void **state)
{
	(void)state;
	pgdn_pgup_whole(200000, 200000);
}

static void
test_end_home(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 60000);
	t_keys(&t, "<End>");
	assert_true(at_end(&t));
	assert_true(shows(&t, t.nwant - VH));
	t_keys(&t, "<Home>");
	assert_true(shows(&t, 0));
	t_keys(&t, "G<PgUp><PgUp>");
	assert_true(shows(&t, t.nwant - 3 * VH));
	assert_null(strstr(status(&t), "END"));
	t_end(&t);
}

/* A screen deep in the answer whose links were met before: its "[n]"
 * are the whole answer's (want was laid out whole, in one call). */
static void
test_link_numbers_deep(void **state)
{
	struct t t;
	size_t i, line = 0;

	(void)state;
	t_start(&t, 60000);
	/* the last line with "[3]" that is not in the list of links */
	for (i = 0; i < t.nwant; i++)
		if (strstr(t.want[i], "site") != NULL &&
		    strstr(t.want[i], "[3]") != NULL)
			line = i;
	assert_true(line > t.nwant / 2);
	t_keys(&t, "");
	for (i = 0; i < line / VH; i++)
		t_keys(&t, "<PgDn>");
	assert_true(shows(&t, (line / VH) * VH));
	t_end(&t);
}

/* The status shows the share of the answer above the screen's bottom. */
static void
test_status_share(void **state)
{
	struct t t;
	size_t i;
	int pct;

	(void)state;
	t_start(&t, 60000);
	t_keys(&t, "");
	assert_non_null(strstr(status(&t), " 0%"));
	for (i = 0; i < (t.nwant / VH) / 2; i++)
		t_keys(&t, "<PgDn>");
	/* "42%", not lines of a known total ("1-21/900 2%") */
	assert_null(strchr(strrchr(status(&t), ' '), '/'));
	assert_non_null(strchr(strrchr(status(&t), ' '), '%'));
	pct = atoi(strrchr(status(&t), ' ') + 1);
	assert_true(pct >= 45 && pct <= 55);
	t_end(&t);
}

/* Links thousands of lines apart, more than a window holds: Tab goes
 * from one to the next through the units between, Shift-Tab back. */
static void
test_tab_far_links(void **state)
{
	struct t t;
	char *sel;
	size_t k;
	char want[32];

	(void)state;
	link_every = 20000;
	t_start_para(&t, 100000, 2000);
	link_every = 997;
	t_keys(&t, "");
	for (k = 0; k < 5; k++) {
		t_keys(&t, "<Tab>");
		sel = selected(&t);
		assert_non_null(sel);
		snprintf(want, sizeof want, "site %zu", k * 20000 + 10000);
		assert_string_equal(sel, want);
		free(sel);
	}
	t_keys(&t, "<Tab>");
	assert_non_null(strstr(status(&t), "No more links"));
	for (k = 5; k-- > 1;) {
		t_keys(&t, "<S-Tab>");
		sel = selected(&t);
		assert_non_null(sel);
		snprintf(want, sizeof want, "site %zu",
		    (k - 1) * 20000 + 10000);
		assert_string_equal(sel, want);
		free(sel);
	}
	t_end(&t);
}

/* n and N find hits far past the window, both ways, and the hit's line
 * is at the top. */
static void
test_hits_far(void **state)
{
	struct t t;
	int k;

	(void)state;
	t_start(&t, 60000);
	t_keys(&t, "/w050000<Enter>");
	assert_int_equal(row_with(&t, "w050000"), 2);
	t_keys(&t, "n");
	assert_non_null(strstr(status(&t), "No more hits below"));
	t_keys(&t, "g");
	assert_int_equal(row_with(&t, "w050000"), -1);
	t_keys(&t, "n");
	assert_int_equal(row_with(&t, "w050000"), 2);
	t_keys(&t, "/<C-u>w00001<Enter>G");
	t_keys(&t, "N");
	assert_int_equal(row_with(&t, "w000019"), 2);
	t_keys(&t, "NNNNNNNNN");
	assert_int_equal(row_with(&t, "w000010"), 2);
	t_end(&t);
	/* hits a thousand lines apart, some in the window's last screen
	 * once it is slid: each goes to the top, as on a short page (the
	 * ninth stopped a screen short of it) */
	t_start_para(&t, 200000, 200000);
	t_keys(&t, "/9999<Enter>");
	for (k = 0; k < 19; k++) {
		t_keys(&t, "n");
		assert_non_null(strstr(t.scr.rows.v[2].text, "9999"));
	}
	t_end(&t);
}

/* A resize lays the window out again at the new width from the unit the
 * top line was in: the words on top stay near. */
static void
test_resize_keeps_place(void **state)
{
	struct t t;
	char *top;
	long before, after;

	(void)state;
	tw = W;
	th = H;
	t_start(&t, 60000);
	t_keys(&t, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
	top = trimmed(t.scr.rows.v[2].text, t.scr.rows.v[2].len);
	before = strtol(strchr(top, 'w') + 1, NULL, 10);
	free(top);
	t_keys(&t, "<Resize 40x12>");
	top = trimmed(t.scr.rows.v[2].text, t.scr.rows.v[2].len);
	after = strtol(strchr(top, 'w') + 1, NULL, 10);
	free(top);
	assert_true(after >= before - 20 && after <= before + 20);
	t_keys(&t, "<Resize 80x24>");
	tw = W;
	th = H;
	t_end(&t);
}

/* One model, drawn or not (view.h): random keys on the long answer, the
 * screen drawn after every key, is the screen of the same keys drawn
 * once at the end. */
static void
test_drawn_or_not(void **state)
{
	static const char *const keys[] = {"<PgDn>", "<PgUp>", "j", "k", "d",
	    "u", "<Space>", "b", "G", "g", "<Tab>", "<S-Tab>", "n", "N",
	    "/w0123<Enter>", "/w04<Enter>", "<Resize 40x12>", "<Resize 80x24>",
	    "<Resize 100x50>", "<BS>", "<Enter>", "]", "["};
	unsigned long rng = 7;
	int seq;

	(void)state;
	for (seq = 0; seq < 30; seq++) {
		char spec[1024] = "";
		struct t a, b;
		int k;

		for (k = 0; k < 12; k++) {
			rng = rng * 6364136223846793005UL +
			      1442695040888963407UL;
			strcat(spec,
			    keys[(rng >> 33) % (sizeof keys / sizeof *keys)]);
		}
		tw = W;
		th = H;
		t_start(&a, 60000);
		{
			struct key_event *v;
			size_t n, i;
			char *err;

			assert_int_equal(keys_parse(spec, &v, &n, &err), 0);
			for (i = 0; i < n; i++) {
				struct screen s;

				if (v[i].key == K_RESIZE) {
					tw = v[i].w;
					th = v[i].h;
				}
				browser_key(a.b, &v[i]);
				browser_render(a.b, tw, th, &s);
				screen_free(&s);
			}
			free(v);
			screen_free(&a.scr);
			browser_render(a.b, tw, th, &a.scr);
		}
		tw = W;
		th = H;
		t_start(&b, 60000);
		t_keys(&b, spec);
		{
			size_t y;

			for (y = 0; y < a.scr.rows.n; y++)
				if (strcmp(a.scr.rows.v[y].text,
				        b.scr.rows.v[y].text) != 0) {
					fprintf(stderr,
					    "keys %s: row %zu\n%s\n%s\n", spec,
					    y, a.scr.rows.v[y].text,
					    b.scr.rows.v[y].text);
					fail();
				}
		}
		t_end(&a);
		t_end(&b);
	}
	tw = W;
	th = H;
}

/* The pager opened at a hit of a unit deep in the answer (view.h,
 * intent.unit: what the outline asks for from one of its parts): the
 * window starts at that unit and the hit's line is on top; unit 0 and a
 * small page as before. */
static void
test_intent_unit(void **state)
{
	struct t t;
	struct view_env env;
	struct intent in;
	struct screen scr;
	struct view_status st;
	struct pager *p;
	struct answer_units u = {0};
	const struct entry *an;
	const char *hit;
	size_t k;

	(void)state;
	t_start(&t, 60000);
	an = doc_entry_answer(t.d, &t.d->entries[0]);
	answer_units_build(an, &u);
	hit = strstr(an->text, "w030000");
	assert_non_null(hit);
	for (k = 0; k + 1 < u.n && answer_unit_offset(an, &u, k + 1) <=
	                               (uint32_t)(hit - an->text);
	     k++)
		;
	assert_true(k > 3);
	memset(&env, 0, sizeof env);
	env.d = t.d;
	env.ix = t.ix;
	env.ambiguous = 1;
	env.w = W;
	env.h = H;
	p = pager_new(&env);
	memset(&in, 0, sizeof in);
	in.kind = INTENT_PAGER;
	in.page = PAGE_ENTRY;
	in.idx = 0;
	in.query = "w030000";
	in.at_hit = 1;
	in.hitn = 0;
	in.unit = (uint32_t)k;
	pager_ops.enter(p, &in);
	pager_ops.settle(p);
	memset(&scr, 0, sizeof scr);
	memset(&st, 0, sizeof st);
	pager_ops.render(p, &scr, &st);
	assert_non_null(strstr(scr.rows.v[2].text, "w030000"));
	free(st.left);
	free(st.right);
	screen_free(&scr);
	/* unit 0: from the answer's start, as before the field was */
	in.unit = 0;
	in.query = "w000003";
	pager_ops.enter(p, &in);
	pager_ops.settle(p);
	memset(&scr, 0, sizeof scr);
	memset(&st, 0, sizeof st);
	pager_ops.render(p, &scr, &st);
	assert_non_null(strstr(scr.rows.v[2].text, "w000003"));
	free(st.left);
	free(st.right);
	screen_free(&scr);
	pager_ops.free(p);
	answer_units_free(&u);
	t_end(&t);
}

/* No unit of an answer nobody writes by hand is longer than the lines a
 * view lays out of one (VIEW_MAX_LINES), at the narrowest width the
 * pager lays text out at or a wide one: else the reader meets the line
 * saying the rest is not shown, in the middle of the answer.  (A megabyte
 * of rules and a code block of one-letter lines did, 2047 and 8192 lines
 * a unit.) */
static void
test_units_within_net(void **state)
{
	static const char *const shapes[] = {"rules", "code", "breaks",
	    "items", "word", "fffd", "quote"};
	size_t k, i;

	(void)state;
	for (k = 0; k < sizeof shapes / sizeof *shapes; k++) {
		struct buf b = {0};
		struct diag_list dl = {0};
		struct doc *d;
		const struct entry *an;
		struct answer_units u = {0};
		int wi;

		bprintf(&b, "# T\n\n## S\n\n### Q\n\n");
		if (strcmp(shapes[k], "code") == 0)
			bprintf(&b, "```\n");
		for (i = 0; i < 60000; i++) {
			const char *sh = shapes[k];

			if (strcmp(sh, "rules") == 0)
				bprintf(&b, "---\n\n");
			else if (strcmp(sh, "code") == 0)
				bprintf(&b, "x\n");
			else if (strcmp(sh, "breaks") == 0)
				bprintf(&b, "a\\\n");
			else if (strcmp(sh, "items") == 0)
				bprintf(&b, "- i\n");
			else if (strcmp(sh, "word") == 0)
				bprintf(&b, "aaaa");
			else if (strcmp(sh, "fffd") == 0)
				bprintf(&b, "\xef\xbf\xbd");
			else
				bprintf(&b, "> q\n>\n");
		}
		bprintf(&b, strcmp(shapes[k], "code") == 0 ? "```\n" : "\n");
		d = load_md("shape.md", b.s, &dl);
		free(b.s);
		diag_clear(&dl);
		an = doc_entry_answer(d, &d->entries[0]);
		answer_units_build(an, &u);
		assert_true(u.n > 3);
		for (wi = 19; wi <= 79; wi += 60) {
			struct render_opts o;

			memset(&o, 0, sizeof o);
			o.width = wi;
			o.ambiguous = 1;
			for (i = 0; i < u.n; i++) {
				struct slines ls = {0};

				render_units(an, &u, i, i + 1, &o, NULL, &ls);
				if (ls.n >= VIEW_MAX_LINES)
					fprintf(stderr, "%s: unit %zu at %d: "
					    "%zu lines\n", shapes[k], i, wi,
					    ls.n);
				assert_true(ls.n < VIEW_MAX_LINES);
				slines_free(&ls);
			}
		}
		answer_units_free(&u);
		doc_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pgdn_pgup_whole),
	    cmocka_unit_test(test_pgdn_pgup_one_paragraph),
	    cmocka_unit_test(test_end_home),
	    cmocka_unit_test(test_link_numbers_deep),
	    cmocka_unit_test(test_status_share),
	    cmocka_unit_test(test_tab_far_links),
	    cmocka_unit_test(test_hits_far),
	    cmocka_unit_test(test_resize_keeps_place),
	    cmocka_unit_test(test_drawn_or_not),
	    cmocka_unit_test(test_intent_unit),
	    cmocka_unit_test(test_units_within_net),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
