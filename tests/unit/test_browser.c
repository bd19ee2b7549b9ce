/*
 * test_browser.c - the browser state machine on a document built by hand:
 * what a user sees after each key (markers, labels, the selection, the
 * pager and its position), whatever the renderer's exact wrapping.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "dump.h"
#include "i18n.h"
#include "keys.h"
#include "load.h"
#include "search.h"
#include "width.h"

/*
 * Searches run so far, counted at the one call the browser makes into the
 * search core: the test is linked with -Wl,--wrap=search_run (Makefile), so
 * that the product's structs carry no counter for it.
 */
static unsigned long search_runs;

size_t __real_search_run(const struct search_index *ix,
    const struct search_query *sq, const uint32_t *within, size_t nwithin,
    uint32_t *out);
size_t __wrap_search_run(const struct search_index *ix,
    const struct search_query *sq, const uint32_t *within, size_t nwithin,
    uint32_t *out);

size_t
__wrap_search_run(const struct search_index *ix, const struct search_query *sq,
    const uint32_t *within, size_t nwithin, uint32_t *out)
{
	search_runs++;
	return __real_search_run(ix, sq, within, nwithin, out);
}

/* The fixture: one collection, two sections, loaded from Markdown. */
struct fixture {
	struct doc *d;
};

static struct fixture *
fixture_load(const char *title)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diag_list dl = {0};
	char *md, *p;
	size_t cap = 8192;
	int i;

	md = malloc(cap);
	p = md;
	p += sprintf(p,
	    "# %s\n\n"
	    "## アカウント {#account}\n\n"
	    "### パスワードを忘れました {#pw}\n\n"
	    "リセットの手順はこちら。\n\n"
	    "### 請求書はどこで見られますか {#invoice}\n\n"
	    "請求書はコンソールにあります。[パスワードの件](#pw)\n\n"
	    "### トップ: パスワード {#top-pw}\n\n"
	    "[パスワード](#pw)\n\n"
	    "## お支払い {#payment}\n\n"
	    "### 支払い方法を変えたい {#pay}\n\n回答です。\n\n"
	    "### 領収書は出ますか {#receipt}\n\n回答です。\n\n"
	    "### 解約するには {#close}\n\n回答です。\n\n"
	    "### 長い回答の質問 {#long}\n\n",
	    title);
	for (i = 0; i < 40; i++)
		p += sprintf(p, "これは長い回答の文です。");
	p += sprintf(p, "\n\n### 最後の質問 {#last}\n\n回答です。\n");
	f->d = doc_new();
	load_buffer(f->d, "test.md", md, (size_t)(p - md), &dl);
	doc_finish(f->d, &dl);
	assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);
	assert_int_equal(f->d->nentries, 8);
	assert_int_equal(f->d->entries[2].ref, 0);
	diag_clear(&dl);
	free(md);
	return f;
}

static struct fixture *
fixture_new(void)
{
	return fixture_load("テストFAQ");
}

static void
fixture_free(struct fixture *f)
{
	doc_free(f->d);
	free(f);
}

struct t {
	struct fixture *f;
	struct search_index *ix;
	struct browser *b;
	struct browser_opts o;
	struct screen scr;
	int w, h;
};

static void
t_start_full(
    struct t *t, int kiosk, int mouse, int allow_quit, int ascii, int ambiguous)
{
	char *err = NULL;

	i18n_init("en");
	memset(t, 0, sizeof *t);
	t->f = fixture_new();
	t->o.ambiguous = ambiguous;
	t->o.mouse = mouse;
	t->o.kiosk = kiosk;
	t->o.allow_quit = allow_quit;
	t->o.ascii = ascii;
	t->o.lang = "en";
	t->w = 80;
	t->h = 24;
	t->ix = search_index_new(t->f->d);
	t->b = browser_new(t->f->d, t->ix, &t->o, &err);
	assert_non_null(t->b);
	assert_null(err);
}

static void
t_start(struct t *t, int kiosk, int mouse)
{
	t_start_full(t, kiosk, mouse, 0, 0, 1);
}

static void
t_end(struct t *t)
{
	screen_free(&t->scr);
	browser_free(t->b);
	search_index_free(t->ix);
	fixture_free(t->f);
}

/* Every row of a screen is exactly w columns, and there are h rows. */
static void
check_geometry(const struct screen *s, int w, int h, int ambiguous)
{
	size_t y;

	assert_int_equal(s->rows.n, (size_t)h);
	for (y = 0; y < s->rows.n; y++) {
		const struct sline *l = &s->rows.v[y];

		assert_int_equal(width_str(l->text, l->len, ambiguous), w);
		assert_int_equal(l->width, w);
	}
	assert_true(s->cursor_y >= 0 && s->cursor_y < h);
	assert_true(s->cursor_x >= 0 && s->cursor_x < w);
}

static void
t_render(struct t *t)
{
	screen_free(&t->scr);
	browser_render(t->b, t->w, t->h, &t->scr);
	check_geometry(&t->scr, t->w, t->h, t->o.ambiguous);
	if (getenv("SHOW_SCREENS") != NULL) {
		dump_screen(stderr, &t->scr, 1);
		fputs("----\n", stderr);
	}
}

static enum browser_status
t_keys(struct t *t, const char *spec)
{
	struct key_event *v;
	size_t n, i;
	char *err;
	enum browser_status st = BROWSER_CONTINUE;

	assert_int_equal(keys_parse(spec, &v, &n, &err), 0);
	for (i = 0; i < n; i++) {
		if (v[i].key == K_RESIZE) {
			t->w = v[i].w;
			t->h = v[i].h;
		}
		st = browser_key(t->b, &v[i]);
		if (st == BROWSER_QUIT)
			break;
	}
	free(v);
	t_render(t);
	return st;
}

/* The screen row whose text contains s, or -1. */
static int
row_with(const struct t *t, const char *s)
{
	size_t y;

	for (y = 0; y < t->scr.rows.n; y++)
		if (strstr(t->scr.rows.v[y].text, s) != NULL)
			return (int)y;
	return -1;
}

static const char *
row_text(const struct t *t, int y)
{
	assert_true(y >= 0 && (size_t)y < t->scr.rows.n);
	return t->scr.rows.v[y].text;
}

/* Is row y marked as the selection: the '>' at column 0, AT_SELECTED. */
static int
row_selected(const struct t *t, int y)
{
	const struct sline *l;

	if (y < 0)
		return 0;
	l = &t->scr.rows.v[y];
	return l->text[0] == '>' && (l->attr[0] & AT_SELECTED);
}

static int
nselected(const struct t *t)
{
	size_t y;
	int n = 0;

	for (y = 0; y < t->scr.rows.n; y++)
		n += row_selected(t, (int)y);
	return n;
}

/* The selected rows (if any) are one block: one item is selected. */
static int
selection_contiguous(const struct t *t)
{
	int y, first = -1, last = -1;

	for (y = 0; y < (int)t->scr.rows.n; y++) {
		if (row_selected(t, y)) {
			if (first < 0)
				first = y;
			else if (last != y - 1)
				return 0;
			last = y;
		}
	}
	return 1;
}

static void
test_start_screen(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_render(&t);
	assert_non_null(strstr(row_text(&t, 0), "テストFAQ"));
	y = row_with(&t, "アカウント");
	assert_true(y > 0);
	/* Section row: open marker, count, the label at the right end. */
	assert_non_null(strstr(row_text(&t, y), "▼"));
	assert_non_null(strstr(row_text(&t, y), "(3)"));
	{
		const char *r = row_text(&t, y);
		size_t n = strlen(r), m = strlen("Expand all");

		assert_int_equal(strcmp(r + n - m, "Expand all"), 0);
	}
	/* The first section is selected, the cursor is on it. */
	assert_true(row_selected(&t, y));
	assert_int_equal(nselected(&t), 1);
	assert_int_equal(t.scr.cursor_y, y);
	/* Questions shown closed, answers not. */
	assert_true(row_with(&t, "▶ パスワードを忘れました") > y);
	assert_int_equal(row_with(&t, "リセット"), -1);
	/* The status line at the bottom has key hints. */
	assert_non_null(strstr(row_text(&t, t.h - 1), "q: quit"));
	t_end(&t);
}

static void
test_move_and_open(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "j");
	y = row_with(&t, "パスワードを忘れました");
	assert_true(row_selected(&t, y));
	assert_int_equal(t.scr.cursor_y, y);
	t_keys(&t, "<Enter>");
	y = row_with(&t, "▼ パスワードを忘れました");
	assert_true(y > 0);
	assert_int_equal(row_with(&t, "リセットの手順はこちら。"), y + 1);
	/* The answer is indented under the question. */
	assert_int_equal(strncmp(row_text(&t, y + 1), "     ", 5), 0);
	/* Left closes, Left again goes to the section. */
	t_keys(&t, "h");
	assert_int_equal(row_with(&t, "リセット"), -1);
	t_keys(&t, "h");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	/* k at the first section goes to the title (the first line can be
	 * reached); Down/Up move like j/k. */
	t_keys(&t, "k");
	assert_int_equal(row_with(&t, ">"), -1);
	t_keys(&t, "<Down><Down><Down><Up>");
	assert_true(row_selected(&t, row_with(&t, "パスワードを忘れました")));
	t_end(&t);
}

static void
test_reference_shows_target(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "jjj<Enter>");
	assert_true(row_selected(&t, row_with(&t, "トップ: パスワード")));
	assert_true(row_with(&t, "リセットの手順はこちら。") >
	            row_with(&t, "トップ: パスワード"));
	t_end(&t);
}

static void
test_section_all_toggle(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "a");
	y = row_with(&t, "アカウント");
	assert_non_null(strstr(row_text(&t, y), "Collapse all"));
	assert_true(row_with(&t, "リセットの手順はこちら。") > 0);
	assert_true(row_with(&t, "請求書はコンソールにあります。") > 0);
	/* The other section is untouched. */
	assert_non_null(
	    strstr(row_text(&t, row_with(&t, "お支払い")), "Expand all"));
	/* From a question of the section, a closes them all again. */
	t_keys(&t, "j");
	t_keys(&t, "a");
	assert_int_equal(row_with(&t, "リセット"), -1);
	assert_non_null(
	    strstr(row_text(&t, row_with(&t, "アカウント")), "Expand all"));
	assert_true(row_selected(&t, row_with(&t, "パスワードを忘れました")));
	t_end(&t);
}

static void
test_toggle_everything(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "A");
	assert_true(row_with(&t, "リセットの手順はこちら。") > 0);
	t_keys(&t, "A");
	/* Everything closed: the questions are hidden. */
	assert_int_equal(row_with(&t, "パスワードを忘れました"), -1);
	assert_non_null(strstr(row_text(&t, row_with(&t, "アカウント")), "▶"));
	assert_int_equal(nselected(&t), 1);
	t_end(&t);
}

static void
test_pager_and_back(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "jj<Enter><Enter>");
	/* The pager: the question on top, the answer, (END) at the bottom. */
	assert_non_null(strstr(row_text(&t, 0), "請求書はどこで見られますか"));
	assert_true(row_with(&t, "請求書はコンソールにあります。") > 0);
	assert_non_null(strstr(row_text(&t, t.h - 1), "(END)"));
	assert_int_equal(nselected(&t), 0);
	/* q returns to the same place: selection and open answer. */
	t_keys(&t, "q");
	y = row_with(&t, "請求書はどこで見られますか");
	assert_true(row_selected(&t, y));
	assert_true(row_with(&t, "請求書はコンソールにあります。") > y);
	/* Esc and Left also return; p opens the pager directly. */
	t_keys(&t, "p");
	assert_non_null(strstr(row_text(&t, t.h - 1), "(END)"));
	t_keys(&t, "<Esc>");
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	t_keys(&t, "p<Left>");
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	/* q in the outline quits. */
	assert_int_equal(t_keys(&t, "q"), BROWSER_QUIT);
	t_end(&t);
}

static void
test_pager_position_and_entries(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t.w = 40;
	t.h = 12;
	t_keys(&t, "<Resize 40x12><Tab>jjjj");
	assert_true(row_selected(&t, row_with(&t, "長い回答の質問")));
	t_keys(&t, "p");
	/* A long answer: a position indicator, then (END) at G. */
	assert_non_null(strstr(row_text(&t, t.h - 1), "1-"));
	assert_null(strstr(row_text(&t, t.h - 1), "(END)"));
	t_keys(&t, "G");
	assert_non_null(strstr(row_text(&t, t.h - 1), "(END)"));
	t_keys(&t, "g");
	assert_non_null(strstr(row_text(&t, t.h - 1), "1-"));
	/* ] goes to the next question. */
	t_keys(&t, "]");
	assert_non_null(strstr(row_text(&t, 0), "最後の質問"));
	t_keys(&t, "]");
	assert_non_null(strstr(row_text(&t, t.h - 1), "last question"));
	t_keys(&t, "[[");
	assert_non_null(strstr(row_text(&t, 0), "解約するには"));
	t_end(&t);
}

static void
test_section_pager(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "<Enter>");
	assert_non_null(strstr(row_text(&t, 0), "アカウント"));
	assert_true(row_with(&t, "パスワードを忘れました") > 0);
	assert_true(row_with(&t, "リセットの手順はこちら。") > 0);
	t_keys(&t, "q");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	t_end(&t);
}

static void
test_links_and_history(void **state)
{
	struct t t;
	int y;
	const struct sline *l;
	size_t i;
	int sel = 0;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "jjp<Tab>");
	y = row_with(&t, "パスワードの件");
	assert_true(y > 0);
	l = &t.scr.rows.v[y];
	for (i = 0; i < l->len; i++)
		if (l->attr[i] & AT_SELECTED)
			sel++;
	assert_int_equal(sel, (int)strlen("パスワードの件"));
	assert_int_equal(t.scr.cursor_y, y);
	t_keys(&t, "<Enter>");
	assert_non_null(strstr(row_text(&t, 0), "パスワードを忘れました"));
	assert_true(row_with(&t, "リセットの手順はこちら。") > 0);
	t_keys(&t, "<BS>");
	assert_non_null(strstr(row_text(&t, 0), "請求書はどこで"));
	/* Back once more leaves the pager, where we came from. */
	t_keys(&t, "<BS>");
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	t_end(&t);
}

static void
test_help(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "?");
	y = row_with(&t, "Move down");
	assert_true(y > 0);
	assert_non_null(strstr(row_text(&t, y), "j"));
	assert_non_null(strstr(row_text(&t, y), "Down"));
	t_keys(&t, "q");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	t_end(&t);
}

static void
test_long_answer_scrolls(void **state)
{
	struct t t;
	int y, i;

	(void)state;
	t_start(&t, 0, 1);
	t.w = 40;
	t.h = 12;
	t_keys(&t, "<Resize 40x12><Tab>jjjj<Enter>");
	y = row_with(&t, "長い回答の質問");
	assert_true(row_selected(&t, y));
	/* j scrolls through the answer before moving on. */
	t_keys(&t, "j");
	assert_true(row_with(&t, "長い回答の質問") < y);
	for (i = 0; i < 60; i++)
		t_keys(&t, "j");
	assert_true(row_selected(&t, row_with(&t, "最後の質問")));
	t_end(&t);
}

static void
test_resize_keeps_selection(void **state)
{
	struct t t;
	int sizes[][2] = {{40, 12}, {120, 40}, {20, 5}, {30, 6}, {80, 24}};
	size_t i;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "AG");
	assert_true(row_selected(&t, row_with(&t, "最後の質問")));
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char spec[32];

		snprintf(spec, sizeof spec, "<Resize %dx%d>", sizes[i][0],
		    sizes[i][1]);
		t_keys(&t, spec);
		assert_true(row_selected(&t, row_with(&t, "最後の質問")));
	}
	t_end(&t);
}

static void
test_tiny_sizes(void **state)
{
	struct t t;
	int w, h;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "A");
	for (w = 1; w <= 22; w += 3) {
		for (h = 1; h <= 7; h++) {
			char spec[64];

			snprintf(spec, sizeof spec, "<Resize %dx%d>jG", w, h);
			t_keys(&t, spec);
			t_keys(&t, "kp<PgDn>");
			t_keys(&t, "q?");
			t_keys(&t, "q");
		}
	}
	t.w = 10;
	t.h = 3;
	t_keys(&t, "<Resize 10x3>");
	assert_non_null(strstr(row_text(&t, 0), "Terminal"));
	t_end(&t);
}

static void
test_kiosk(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 1, 1);
	/* q does not quit (it starts a search, Esc cancels it), Ctrl-C
	 * goes home and closes everything. */
	assert_int_equal(t_keys(&t, "<Down><Enter>q"), BROWSER_CONTINUE);
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/q ", 3), 0);
	t_keys(&t, "<Esc>");
	assert_true(row_with(&t, "リセット") > 0);
	assert_int_equal(t_keys(&t, "<C-c>"), BROWSER_CONTINUE);
	assert_int_equal(row_with(&t, "リセット"), -1);
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	/* Letters are not commands in kiosk mode: they search. */
	t_keys(&t, "j");
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/j ", 3), 0);
	t_keys(&t, "<Esc>");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	/* The idle timeout goes home from the pager too. */
	t_keys(&t, "<Down><Enter><Enter>");
	assert_true(strstr(row_text(&t, 0), "パスワード") != NULL);
	t_keys(&t, "<Idle>");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	assert_int_equal(row_with(&t, "リセット"), -1);
	/* ? is search input; F1 is the help, which lists no quit key. */
	t_keys(&t, "?");
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/? ", 3), 0);
	t_keys(&t, "<Esc><F1>");
	assert_int_equal(row_with(&t, "Quit"), -1);
	t_end(&t);

	/* With --allow-quit, q is still search input (a visitor typing
	 * "quota"); Ctrl-D quits; Ctrl-C still only goes home. */
	t_start_full(&t, 1, 1, 1, 0, 1);
	t_render(&t);
	assert_true(strstr(row_text(&t, t.h - 1), "Ctrl-D") != NULL);
	assert_int_equal(t_keys(&t, "<C-c>"), BROWSER_CONTINUE);
	assert_int_equal(t_keys(&t, "quota"), BROWSER_CONTINUE);
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/quota ", 7), 0);
	/* Esc cancels the search, and Esc again is not the start screen. */
	assert_int_equal(t_keys(&t, "<Esc><Esc>"), BROWSER_CONTINUE);
	assert_int_equal(t_keys(&t, "<C-d>"), BROWSER_QUIT);
	t_end(&t);
	/* Esc on the untouched start screen quits with --allow-quit only. */
	t_start_full(&t, 1, 1, 1, 0, 1);
	assert_int_equal(t_keys(&t, "<Esc>"), BROWSER_QUIT);
	t_end(&t);
	t_start(&t, 1, 1);
	assert_int_equal(t_keys(&t, "<Esc><C-d>"), BROWSER_CONTINUE);
	/* F2 is 「すべて開く」 and F1 the help, listing no letter key. */
	t_keys(&t, "<F2>");
	assert_true(row_with(&t, "Collapse all") > 0);
	t_keys(&t, "<F1>");
	assert_int_equal(row_with(&t, "  j "), -1);
	assert_int_equal(row_with(&t, "  g "), -1);
	t_end(&t);

	/* Not in kiosk mode: Ctrl-C quits, Idle does nothing. */
	t_start(&t, 0, 1);
	t_keys(&t, "j<Enter><Idle>");
	assert_true(row_with(&t, "リセット") > 0);
	assert_int_equal(t_keys(&t, "<C-c>"), BROWSER_QUIT);
	t_end(&t);
}

static void
test_mouse(void **state)
{
	struct t t;
	int y, x;
	char spec[64];
	const char *r;

	(void)state;
	t_start(&t, 0, 1);
	t_render(&t);
	/* A click on the question opens it. */
	y = row_with(&t, "請求書はどこで");
	snprintf(spec, sizeof spec, "<Click 6,%d>", y);
	t_keys(&t, spec);
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	assert_true(row_with(&t, "請求書はコンソール") > 0);
	/* A click on the label of the second section opens all of it. */
	y = row_with(&t, "お支払い");
	r = row_text(&t, y);
	x = width_str(r, (size_t)(strstr(r, "Expand all") - r), 1) + 2;
	snprintf(spec, sizeof spec, "<Click %d,%d>", x, y);
	t_keys(&t, spec);
	y = row_with(&t, "お支払い");
	assert_non_null(strstr(row_text(&t, y), "Collapse all"));
	assert_true(row_selected(&t, y));
	/* A click on the name of an open section does what Enter does
	 * there: the section pager; Left closes the section as before. */
	snprintf(spec, sizeof spec, "<Click 4,%d>", y);
	t_keys(&t, spec);
	assert_non_null(strstr(row_text(&t, 0), "お支払い"));
	t_keys(&t, "q<Left>");
	assert_int_equal(row_with(&t, "支払い方法を変えたい"), -1);
	assert_non_null(strstr(row_text(&t, row_with(&t, "お支払い")), "▶"));
	/* Clicks below the content do nothing; the wheel scrolls. */
	t_keys(&t, "<Click 3,20><WheelDown 1,1>");
	check_geometry(&t.scr, t.w, t.h, 1);
	t_end(&t);

	/* --no-mouse: clicks are ignored. */
	t_start(&t, 0, 0);
	t_render(&t);
	y = row_with(&t, "請求書はどこで");
	snprintf(spec, sizeof spec, "<Click 6,%d>", y);
	t_keys(&t, spec);
	assert_int_equal(row_with(&t, "請求書はコンソール"), -1);
	t_end(&t);
}

static void
test_open_id_and_expand_all(void **state)
{
	struct fixture *f = fixture_new();
	struct browser_opts o;
	struct browser *b;
	struct screen s;
	char *err = NULL;

	(void)state;
	i18n_init("en");
	memset(&o, 0, sizeof o);
	o.ambiguous = 1;
	o.lang = "en";
	o.open_id = "nope";
	assert_null(browser_new(f->d, NULL, &o, &err));
	assert_non_null(strstr(err, "nope"));
	free(err);
	/* A section id opens the section in the pager. */
	o.open_id = "payment";
	b = browser_new(f->d, NULL, &o, &err);
	assert_non_null(b);
	browser_render(b, 60, 10, &s);
	assert_non_null(strstr(s.rows.v[0].text, "お支払い"));
	assert_non_null(strstr(s.rows.v[2].text, "支払い方法を変えたい"));
	screen_free(&s);
	browser_free(b);
	o.open_id = "receipt";
	o.expand_all = 1;
	b = browser_new(f->d, NULL, &o, &err);
	assert_non_null(b);
	browser_render(b, 60, 10, &s);
	assert_non_null(strstr(s.rows.v[0].text, "領収書は出ますか"));
	screen_free(&s);
	{
		struct key_event q = {K_CHAR, 'q', 0, 0, 0, 0, 0};

		browser_key(b, &q);
	}
	browser_render(b, 60, 10, &s);
	/* -a: every answer open; the pager's entry is selected. */
	{
		size_t y;
		int found = 0;

		for (y = 0; y < s.rows.n; y++)
			if (strstr(s.rows.v[y].text, "領収書は出ますか") &&
			    s.rows.v[y].text[0] == '>')
				found = 1;
		assert_true(found);
	}
	screen_free(&s);
	browser_free(b);
	fixture_free(f);
}

static void
test_japanese_ui(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	i18n_init("ja");
	t_render(&t);
	y = row_with(&t, "アカウント");
	assert_non_null(strstr(row_text(&t, y), "すべて開く"));
	t_keys(&t, "a");
	assert_non_null(
	    strstr(row_text(&t, row_with(&t, "アカウント")), "すべて閉じる"));
	i18n_init("en");
	t_end(&t);
}

static void
test_ascii(void **state)
{
	struct t t;
	size_t y, i;

	(void)state;
	t_start_full(&t, 0, 1, 0, 1, 1);
	t_keys(&t, "j<Enter>p");
	t_keys(&t, "q");
	assert_non_null(strstr(row_text(&t, row_with(&t, "アカウント")), "- "));
	assert_non_null(
	    strstr(row_text(&t, row_with(&t, "請求書はどこで")), "+ "));
	/* No markers or rules outside ASCII: only the content is not. */
	for (y = 0; y < t.scr.rows.n; y++) {
		const char *s = t.scr.rows.v[y].text;

		for (i = 0; s[i]; i++)
			if ((unsigned char)s[i] == 0xe2)
				fail_msg(
				    "non-ASCII chrome on row %zu: %s", y, s);
	}
	t_end(&t);
}

/* Without a UTF-8 locale the status line says why Japanese shows as '?',
 * and the next key clears the notice. */
static void
test_no_utf8_notice(void **state)
{
	struct t t;
	char *err = NULL;

	(void)state;
	t_start(&t, 0, 1);
	t_render(&t);
	assert_int_equal(row_with(&t, "No UTF-8 locale"), -1);
	browser_free(t.b);
	t.o.no_utf8 = 1;
	t.b = browser_new(t.f->d, t.ix, &t.o, &err);
	assert_non_null(t.b);
	t_render(&t);
	assert_int_equal(row_with(&t, "No UTF-8 locale"), t.h - 1);
	t_keys(&t, "j");
	assert_int_equal(row_with(&t, "No UTF-8 locale"), -1);
	t_end(&t);
}

/* Columns of row y that carry attribute a. */
static int
cells_with(const struct t *t, int y, uint16_t a, const char *sub)
{
	const struct sline *l = &t->scr.rows.v[y];
	const char *p = strstr(l->text, sub);
	size_t i, n = strlen(sub);

	if (p == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (!(l->attr[(size_t)(p - l->text) + i] & a))
			return 0;
	return 1;
}

static void
test_search_filter(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/請");
	/* The field on the status line, the count, and only the hit. */
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/請", 4), 0);
	assert_non_null(strstr(row_text(&t, t.h - 1), "1 match"));
	/* English plural: not "1 matches" */
	assert_null(strstr(row_text(&t, t.h - 1), "1 matches"));
	assert_int_equal(t.scr.cursor_y, t.h - 1);
	assert_int_equal(t.scr.cursor_x, 3);
	t_keys(&t, "求");
	y = row_with(&t, "請求書はどこで");
	assert_true(y > 0);
	assert_true(cells_with(&t, y, AT_HIGHLIGHT, "請求"));
	assert_false(cells_with(&t, y, AT_HIGHLIGHT, "書"));
	assert_int_equal(row_with(&t, "パスワードを忘れました"), -1);
	assert_int_equal(row_with(&t, "お支払い"), -1);
	/* Enter keeps the filter and selects the first hit. */
	t_keys(&t, "<Enter>");
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	assert_non_null(strstr(row_text(&t, t.h - 1), "/請求"));
	/* Esc on the filtered list brings the whole outline back. */
	t_keys(&t, "<Esc>");
	assert_true(row_with(&t, "パスワードを忘れました") > 0);
	assert_null(strstr(row_text(&t, t.h - 1), "matches"));
	t_end(&t);
}

static void
test_search_snippet(void **state)
{
	struct t t;
	int y;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/コンソール");
	y = row_with(&t, "請求書はどこで");
	assert_true(y > 0);
	/* The hit is only in the answer: one snippet line under it. */
	assert_int_equal(row_with(&t, "コンソール"), y + 1);
	assert_true(cells_with(&t, y + 1, AT_HIGHLIGHT, "コンソール"));
	assert_false(cells_with(&t, y + 1, AT_HIGHLIGHT, "請求書は"));
	t_end(&t);
}

static void
test_search_esc_restores(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "j<Enter>");
	assert_true(row_with(&t, "リセットの手順") > 0);
	t_keys(&t, "/請求");
	assert_int_equal(row_with(&t, "リセットの手順"), -1);
	t_keys(&t, "<Esc>");
	/* The view from before: the answer open, the selection on it. */
	assert_true(row_with(&t, "リセットの手順") > 0);
	assert_true(row_selected(&t, row_with(&t, "パスワードを忘れました")));
	assert_null(strstr(row_text(&t, t.h - 1), "matches"));
	t_end(&t);
}

static void
test_search_next_prev(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/回答<Enter>");
	assert_non_null(strstr(row_text(&t, t.h - 1), "5 matches"));
	assert_true(row_selected(&t, row_with(&t, "支払い方法を変えたい")));
	/* After Enter, n goes to the first hit line of the entry Enter
	 * selected (as less does), opening its answer; then to the next
	 * hit's answer, where the hit is. */
	t_keys(&t, "n");
	assert_true(row_selected(&t, row_with(&t, "▼ 支払い方法を変えたい")));
	assert_null(strstr(row_text(&t, t.h - 1), "wrapped"));
	t_keys(&t, "n");
	assert_true(row_selected(&t, row_with(&t, "領収書は出ますか")));
	assert_non_null(
	    strstr(row_text(&t, row_with(&t, "▼ 領収書は") + 1), "回答です。"));
	t_keys(&t, "N");
	assert_true(row_selected(&t, row_with(&t, "支払い方法を変えたい")));
	/* N from the first wraps to the last. */
	t_keys(&t, "N");
	assert_true(row_selected(&t, row_with(&t, "最後の質問")));
	assert_non_null(strstr(row_text(&t, t.h - 1), "wrapped"));
	t_end(&t);
}

static void
test_search_no_match_and_editing(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/zz");
	assert_true(row_with(&t, "No match for zz") > 0);
	assert_non_null(strstr(row_text(&t, t.h - 1), "0 matches"));
	/* Keys that need a selection do nothing, and do not crash. */
	t_keys(&t, "<Down><Up><PgDn>");
	t_keys(&t, "<BS>");
	assert_non_null(strstr(row_text(&t, t.h - 1), "/z"));
	t_keys(&t, "<BS>");
	/* An empty query shows everything again. */
	assert_true(row_with(&t, "パスワードを忘れました") > 0);
	t_keys(&t, "請求 zz<C-w>");
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/請求 ", 8), 0);
	assert_true(row_with(&t, "請求書はどこで") > 0);
	t_keys(&t, "<C-u>");
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/ ", 2), 0);
	t_keys(&t, "zz<Enter>");
	assert_true(row_with(&t, "No match for zz") > 0);
	t_keys(&t, "<Enter>jhap");
	t_end(&t);
}

static void
test_search_field_scrolls(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t.w = 20;
	t.h = 6;
	t_keys(&t, "<Resize 20x6>/あいうえおかきくけこさしすせそ");
	/* The end of the query shows; the cursor is inside the row. */
	assert_non_null(strstr(row_text(&t, t.h - 1), "せそ"));
	assert_true(t.scr.cursor_x < t.w);
	t_end(&t);
}

static void
test_search_kiosk(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 1, 1);
	/* A visitor just types: letters and kana search. */
	t_keys(&t, "請求");
	assert_non_null(strstr(row_text(&t, t.h - 1), "/請求"));
	assert_int_equal(row_with(&t, "パスワードを忘れました"), -1);
	t_keys(&t, "<Enter><Idle>");
	/* Idle: no trace of the query. */
	assert_true(row_with(&t, "パスワードを忘れました") > 0);
	assert_null(strstr(row_text(&t, t.h - 1), "請求"));
	/* Every printable key is search input, / too. */
	t_keys(&t, "/");
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "// ", 3), 0);
	t_end(&t);
}

static int
rows_with_attr(const struct t *t, uint16_t a)
{
	size_t y, i;
	int n = 0;

	for (y = 0; y < t->scr.rows.n; y++) {
		const struct sline *l = &t->scr.rows.v[y];

		for (i = 0; i < l->len; i++)
			if (l->attr[i] & a) {
				n++;
				break;
			}
	}
	return n;
}

static void
test_pager_search(void **state)
{
	struct t t;
	char pos1[64];

	(void)state;
	t_start(&t, 0, 1);
	t.w = 40;
	t.h = 12;
	t_keys(&t, "<Resize 40x12><Tab>jjjjp");
	assert_non_null(strstr(row_text(&t, 0), "長い回答の質問"));
	assert_int_equal(rows_with_attr(&t, AT_HIGHLIGHT), 0);
	t_keys(&t, "/文で");
	/* The field on the status line, hits highlighted on the page. */
	assert_int_equal(strncmp(row_text(&t, t.h - 1), "/文で", 7), 0);
	assert_true(rows_with_attr(&t, AT_HIGHLIGHT) > 0);
	t_keys(&t, "<Enter>");
	snprintf(pos1, sizeof pos1, "%s", row_text(&t, t.h - 1));
	t_keys(&t, "n");
	assert_int_not_equal(strcmp(pos1, row_text(&t, t.h - 1)), 0);
	t_keys(&t, "N");
	assert_int_equal(strcmp(pos1, row_text(&t, t.h - 1)), 0);
	/* Esc while typing goes back to the top it started from. */
	t_keys(&t, "g/zz<Esc>");
	assert_non_null(strstr(row_text(&t, t.h - 1), "1-"));
	assert_true(rows_with_attr(&t, AT_HIGHLIGHT) > 0);
	/* Leaving the pager forgets its query. */
	t_keys(&t, "qp");
	assert_int_equal(rows_with_attr(&t, AT_HIGHLIGHT), 0);
	t_end(&t);
}

static void
test_pager_inherits_filter(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/コンソール<Enter>p");
	assert_non_null(strstr(row_text(&t, 0), "請求書はどこで"));
	assert_true(cells_with(
	    &t, row_with(&t, "コンソール"), AT_HIGHLIGHT, "コンソール"));
	t_keys(&t, "q");
	/* Back in the outline, the filter is still there. */
	assert_non_null(strstr(row_text(&t, t.h - 1), "1 match"));
	/* English plural: not "1 matches" */
	assert_null(strstr(row_text(&t, t.h - 1), "1 matches"));
	t_end(&t);
}

static void
test_help_faq(void **state)
{
	struct t t;
	struct fixture *help = fixture_load("faq の使い方");

	(void)state;
	t_start(&t, 0, 1);
	browser_set_help(t.b, help->d);
	t_keys(&t, "?");
	/* The help FAQ's title on top, its questions and answers open. */
	assert_non_null(strstr(row_text(&t, 0), "faq の使い方"));
	assert_true(row_with(&t, "パスワードを忘れました") > 0);
	assert_true(row_with(&t, "リセットの手順はこちら。") > 0);
	/* The generated key listing follows it. */
	t_keys(&t, "G");
	assert_true(row_with(&t, "Delete everything before the cursor") > 0);
	t_keys(&t, "q");
	assert_true(row_selected(&t, row_with(&t, "アカウント")));
	t_end(&t);
	fixture_free(help);
}

/* Any sequence of events at any size keeps the screen well formed: h rows
 * of exactly w columns, the cursor inside, at most one selected item. */
static void
test_random_events(void **state)
{
	static const char *const alphabet[] = {"j", "k", "<Enter>", "<Left>",
	    "<Right>", "a", "A", "<Tab>", "<S-Tab>", "p", "?", "q", "<Esc>",
	    "<BS>", "G", "g", "<PgDn>", "<PgUp>", " ", "b", "]", "[", "n", "N",
	    "/", "回", "答", "請", "z", "<C-w>", "<C-u>", "<Idle>",
	    "<Click 5,3>", "<Click 70,2>", "<WheelDown 1,1>", "<WheelUp 1,1>",
	    "<Resize 1x1>", "<Resize 40x12>", "<Resize 20x5>", "<Resize 80x24>",
	    "<Resize 7x30>", "<Resize 120x40>", "<Click 0,0>", "h", "l"};
	int round;

	(void)state;
	for (round = 0; round < 8; round++) {
		struct t t;
		unsigned seed = 12345u + (unsigned)round;
		int i;

		t_start_full(
		    &t, round & 1, 1, 0, (round >> 1) & 1, 1 + (round >> 2));
		for (i = 0; i < 400; i++) {
			seed = seed * 1103515245u + 12345u;
			t_keys(&t,
			    alphabet[(seed >> 16) %
			             (sizeof alphabet / sizeof alphabet[0])]);
			assert_true(selection_contiguous(&t));
		}
		t_end(&t);
	}
}

static void
test_outline_back(void **state)
{
	struct t t;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "jj<Tab>G");
	assert_true(row_selected(&t, row_with(&t, "最後の質問")));
	t_keys(&t, "<BS>");
	assert_true(row_selected(&t, row_with(&t, "お支払い")));
	t_keys(&t, "<BS>");
	assert_true(row_selected(&t, row_with(&t, "請求書はどこで")));
	t_keys(&t, "<BS>");
	assert_non_null(strstr(row_text(&t, t.h - 1), "Nothing to go back"));
	t_end(&t);
}

/* Documents with nothing to select: every key is harmless. */
static void
test_empty_docs(void **state)
{
	static const char *const srcs[] = {NULL, "", "# Only a title\n",
	    "## A section without questions\n\ntext\n",
	    "# T\n\n## S\n\n### Q\n"};
	static const char *const keys[] = {"j", "k", "<Enter>", "<Left>", "a",
	    "A", "<Tab>", "p", "?", "q", "<Esc>", "<BS>", "G", "g", "<PgDn>",
	    "n", "/", "x", "<Enter>", "n", "<Click 3,3>", "<WheelDown 1,1>",
	    "<Resize 20x5>", "<Idle>", "<C-c>"};
	size_t i, k;

	(void)state;
	i18n_init("en");
	for (i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
		struct doc *d = doc_new();
		struct diag_list dl = {0};
		struct search_index *ix;
		struct browser_opts o;
		struct browser *b;
		struct screen scr;
		char *err = NULL;

		if (srcs[i] != NULL) /* NULL: no file at all */
			load_buffer(d, "e.md", srcs[i], strlen(srcs[i]), &dl);
		doc_finish(d, &dl);
		ix = search_index_new(d);
		memset(&o, 0, sizeof o);
		o.ambiguous = 1;
		o.mouse = 1;
		o.lang = "en";
		b = browser_new(d, ix, &o, &err);
		assert_non_null(b);
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			struct key_event *v;
			size_t n, j;

			assert_int_equal(keys_parse(keys[k], &v, &n, &err), 0);
			for (j = 0; j < n; j++)
				browser_key(b, &v[j]);
			free(v);
			browser_render(b, 40, 12, &scr);
			check_geometry(&scr, 40, 12, 1);
			screen_free(&scr);
		}
		browser_free(b);
		search_index_free(ix);
		doc_free(d);
		diag_clear(&dl);
	}
}

/*
 * Typing edits the query; the search runs when the screen is drawn (or a
 * key needs the results).  So keys that arrive together, a paste or fast
 * typing that the front end applies before it paints, cost one search for
 * the latest query, not one per key.
 */
/* Applies keys without drawing, as a front end does with keys that are
 * already waiting. */
static void
t_keys_only(struct t *t, const char *spec)
{
	struct key_event *v;
	size_t n, i;
	char *err;

	assert_int_equal(keys_parse(spec, &v, &n, &err), 0);
	for (i = 0; i < n; i++)
		browser_key(t->b, &v[i]);
	free(v);
}

static void
test_burst_searches_once(void **state)
{
	struct t t;
	unsigned long r0;

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/");
	r0 = search_runs;
	t_keys_only(&t, "パスワード");
	assert_int_equal(search_runs, r0);
	t_render(&t);
	assert_int_equal(search_runs, r0 + 1);
	assert_non_null(strstr(t.scr.rows.v[t.h - 1].text, "/パスワード"));
	t_keys_only(&t, "<BS><BS><BS><BS>");
	t_render(&t);
	assert_int_equal(search_runs, r0 + 2);
	/* a key that needs the results searches first, once */
	t_keys_only(&t, "<C-U>請求<Enter>");
	assert_int_equal(search_runs, r0 + 3);
	t_render(&t);
	assert_int_equal(search_runs, r0 + 3);
	t_end(&t);
}

/* The status row's text from column 0, without the trailing spaces. */
static void
status_text(const struct t *t, char *buf, size_t cap)
{
	const char *r = row_text(t, t->h - 1);
	size_t n = strlen(r);

	while (n > 0 && r[n - 1] == ' ')
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, r, n);
	buf[n] = '\0';
}

/* The field edits at a cursor, as readline does (issue 11). */
static void
test_search_field_editing(void **state)
{
	struct t t;
	char st[512];

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/abc<Left><Left>X");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/aXbc"));
	assert_int_equal(t.scr.cursor_x, 3); /* after the X */
	t_keys(&t, "<C-a>Z<End>Y");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/ZaXbcY"));
	t_keys(&t, "<Home><Right><Right><C-k>");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/Za"));
	assert_null(strstr(st, "/ZaX"));
	t_keys(&t, "<C-e>請求書<Left><Left><Del>");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/Za請書"));
	t_keys(&t, "<C-u>"); /* the cursor is after 請 */
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/書"));
	assert_null(strstr(st, "請"));
	t_keys(&t, "<C-e><C-w>");
	status_text(&t, st, sizeof st);
	assert_int_equal(strncmp(st, "/ ", 2) == 0 || strcmp(st, "/") == 0, 1);
	t_end(&t);
}

/* Up/Down bring back accepted queries; kiosk mode keeps none, and its
 * Up/Down still move through the results. */
static void
test_search_history(void **state)
{
	struct t t;
	char st[512];

	(void)state;
	t_start(&t, 0, 1);
	t_keys(&t, "/請求<Enter><Esc>/領収<Enter><Esc>/");
	t_keys(&t, "<Up>");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/領収"));
	assert_true(row_with(&t, "領収書は出ますか") > 0);
	t_keys(&t, "<Up>");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/請求"));
	t_keys(&t, "<Up>"); /* nothing older */
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/請求"));
	t_keys(&t, "<Down><Down>");
	status_text(&t, st, sizeof st);
	assert_int_equal(strncmp(st, "/ ", 2) == 0 || strcmp(st, "/") == 0, 1);
	t_end(&t);

	t_start(&t, 1, 1);
	t_keys(&t, "請求<Enter><Esc>領");
	t_keys(&t, "<Up>");
	status_text(&t, st, sizeof st);
	assert_non_null(strstr(st, "/領"));
	assert_null(strstr(st, "/請求"));
	t_end(&t);
}

/* A paste of any length stops at SEARCHUI_MAX characters (issue 13). */
static void
test_search_field_limit(void **state)
{
	struct t t;
	char *keys = malloc(2 * 300 + 2);
	size_t i;

	(void)state;
	t_start(&t, 0, 1);
	keys[0] = '/';
	/* 256 lower-case letters, then 44 Q that must not go in */
	for (i = 0; i < 300; i++)
		keys[1 + i] = i < 256 ? (char)('a' + i % 26) : 'Q';
	keys[301] = '\0';
	t_keys(&t, keys);
	/* the status row shows the end of the 256 characters kept */
	assert_non_null(strstr(row_text(&t, t.h - 1), "/"));
	t_keys(&t, "<C-a>");
	{
		char st[512];

		status_text(&t, st, sizeof st);
		/* from the start: "abc..." and no more than fits */
		assert_int_equal(strncmp(st, "/abcdefghijklmnopqrstuvwxyzabc", 30), 0);
	}
	/* nothing more goes in, at either end */
	t_keys(&t, "ZZ<C-e>ZZ");
	{
		char st[512];

		status_text(&t, st, sizeof st);
		assert_null(strstr(st, "Z"));
		assert_null(strstr(st, "Q"));
		/* the end of the 256: character 255 is 'v' (255 % 26 == 21) */
		assert_non_null(strstr(st, "qrstuv"));
	}
	free(keys);
	t_end(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_start_screen),
	    cmocka_unit_test(test_move_and_open),
	    cmocka_unit_test(test_reference_shows_target),
	    cmocka_unit_test(test_section_all_toggle),
	    cmocka_unit_test(test_toggle_everything),
	    cmocka_unit_test(test_pager_and_back),
	    cmocka_unit_test(test_pager_position_and_entries),
	    cmocka_unit_test(test_section_pager),
	    cmocka_unit_test(test_links_and_history),
	    cmocka_unit_test(test_help),
	    cmocka_unit_test(test_long_answer_scrolls),
	    cmocka_unit_test(test_resize_keeps_selection),
	    cmocka_unit_test(test_tiny_sizes),
	    cmocka_unit_test(test_kiosk),
	    cmocka_unit_test(test_mouse),
	    cmocka_unit_test(test_open_id_and_expand_all),
	    cmocka_unit_test(test_japanese_ui),
	    cmocka_unit_test(test_ascii),
	    cmocka_unit_test(test_no_utf8_notice),
	    cmocka_unit_test(test_search_filter),
	    cmocka_unit_test(test_search_snippet),
	    cmocka_unit_test(test_search_esc_restores),
	    cmocka_unit_test(test_search_next_prev),
	    cmocka_unit_test(test_search_no_match_and_editing),
	    cmocka_unit_test(test_search_field_scrolls),
	    cmocka_unit_test(test_search_field_editing),
	    cmocka_unit_test(test_search_history),
	    cmocka_unit_test(test_search_field_limit),
	    cmocka_unit_test(test_search_kiosk),
	    cmocka_unit_test(test_pager_search),
	    cmocka_unit_test(test_pager_inherits_filter),
	    cmocka_unit_test(test_help_faq),
	    cmocka_unit_test(test_random_events),
	    cmocka_unit_test(test_outline_back),
	    cmocka_unit_test(test_empty_docs),
	    cmocka_unit_test(test_burst_searches_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
