/* test_romaji.c - romaji queries through C/Migemo (issue 11): the words a
 * term spells, matched as alternatives with the exact cells highlighted;
 * the expansion of migemo's expressions; the kana that work without the
 * dictionary. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "romaji.h"
#include "search.h"

#define NE 6

static const char *qs[NE] = {
    "請求書はどこで確認できますか?",
    "クレジットカードを変更したい",
    "支払い方法を教えてください",
    "AWS の請求について",
    "seikyuusho という名前のファイル",
    "性急な話",
};
static const char *as[NE] = {
    "請求書ページで確認できます。",
    "お支払い設定のページから変更します。",
    "クレジットカードまたは請求書払いです。",
    "AWS アカウントの請求は月ごとです。",
    "英字のファイル名です。",
    "関係のない回答です。",
};

struct fixture {
	struct doc d;
	struct entry e[NE];
	struct search_index *ix;
	struct romaji *rj;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	size_t i;

	for (i = 0; i < NE; i++) {
		f->e[i].question = qs[i];
		f->e[i].question_len = (uint32_t)strlen(qs[i]);
		f->e[i].text = as[i];
		f->e[i].text_len = (uint32_t)strlen(as[i]);
		f->e[i].ref = -1;
	}
	f->d.entries = f->e;
	f->d.nentries = NE;
	f->ix = search_index_new(&f->d);
	f->rj = romaji_new(1);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	search_index_free(f->ix);
	romaji_free(f->rj);
	free(f);
	return 0;
}

/* The entries q matches, as a bit mask. */
static unsigned
hits(struct fixture *f, const char *q)
{
	struct search_query *sq =
	    search_query_new_alts(q, strlen(q), romaji_alts, f->rj);
	uint32_t out[NE];
	size_t n = search_run(f->ix, sq, NULL, 0, out), i;
	unsigned m = 0;

	for (i = 0; i < n; i++)
		m |= 1u << out[i];
	search_query_free(sq);
	return m;
}

static void
test_expand(void **state)
{
	char **v;
	size_t n, i;

	(void)state;
	n = romaji_expand("(セイキュ|性急|請求|seikyu)", 100, &v);
	assert_int_equal(n, 4);
	assert_string_equal(v[1], "性急");
	assert_string_equal(v[3], "seikyu");
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	/* groups, classes and escapes multiply out */
	n = romaji_expand("(済[民々]|セ(イ|ーヌ)|a\\.b\\(c)", 100, &v);
	assert_int_equal(n, 5);
	assert_string_equal(v[0], "済民");
	assert_string_equal(v[1], "済々");
	assert_string_equal(v[2], "セイ");
	assert_string_equal(v[3], "セーヌ");
	assert_string_equal(v[4], "a.b(c");
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	/* capped */
	n = romaji_expand("([あいう][かき])", 3, &v);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
test_romaji_queries(void **state)
{
	struct fixture *f = *state;

	if (romaji_level(f->rj) != ROMAJI_FULL)
		skip();
	/* by reading: 請求書 (0, 2 in its answer), and the literal name */
	assert_int_equal(hits(f, "seikyuusho"), 1u << 0 | 1u << 2 | 1u << 4);
	/* incrementally: seikyu already finds 請求 (and 性急) */
	assert_int_equal(hits(f, "seikyu"),
	    1u << 0 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5);
	/* katakana words by their reading */
	assert_int_equal(hits(f, "kurejitto"), 1u << 1 | 1u << 2);
	assert_int_equal(hits(f, "shiharai"), 1u << 1 | 1u << 2);
	/* mixed: a literal term and a romaji one */
	assert_int_equal(hits(f, "AWS seikyuu"), 1u << 3);
	/* too short to be romaji: only the literal */
	assert_int_equal(hits(f, "se"), 1u << 4);
}

/* The cells of the word the romaji matched, and only those. */
static void
test_romaji_highlight(void **state)
{
	struct fixture *f = *state;
	struct search_query *sq;
	struct search_hits h;
	const char *q = "AWS seikyuu";

	if (romaji_level(f->rj) != ROMAJI_FULL)
		skip();
	sq = search_query_new_alts(q, strlen(q), romaji_alts, f->rj);
	search_entry_hits(f->ix, sq, 3, &h);
	/* "AWS の請求について": AWS at 0..3, 請求 at 7..13 */
	assert_int_equal(h.nq, 2);
	assert_int_equal(h.q[0].start, 0);
	assert_int_equal(h.q[0].end, 3);
	assert_int_equal(h.q[1].start, strlen("AWS の"));
	assert_int_equal(h.q[1].end, strlen("AWS の請求"));
	search_hits_free(&h);
	search_query_free(sq);
	sq = search_query_new_alts("seikyuusho", 10, romaji_alts, f->rj);
	search_entry_hits(f->ix, sq, 2, &h);
	/* "クレジットカードまたは請求書払いです。" */
	assert_int_equal(h.nq, 0);
	assert_int_equal(h.na, 1);
	assert_int_equal(h.a[0].start, strlen("クレジットカードまたは"));
	assert_int_equal(h.a[0].end, strlen("クレジットカードまたは請求書"));
	search_hits_free(&h);
	search_query_free(sq);
}

/* Without the dictionary, migemo's own romaji tables still give kana. */
static void
test_kana_without_dictionary(void **state)
{
	struct romaji *rj;
	char **v;
	size_t n, i;
	int kana = 0, kanji = 0;

	(void)state;
	setenv("FAQ_MIGEMO_DICT", "/nonexistent/migemo-dict", 1);
	if (romaji_probe() == ROMAJI_OFF) {
		unsetenv("FAQ_MIGEMO_DICT");
		skip();
	}
	assert_int_equal(romaji_probe(), ROMAJI_KANA);
	rj = romaji_new(1);
	assert_int_equal(romaji_level(rj), ROMAJI_KANA);
	n = romaji_alts(rj, "kurejitto", 9, &v);
	for (i = 0; i < n; i++) {
		kana |= strcmp(v[i], "くれじっと") == 0 ||
		        strcmp(v[i], "クレジット") == 0;
		kanji |= strcmp(v[i], "請求書") == 0;
		free(v[i]);
	}
	free(v);
	assert_true(kana);
	n = romaji_alts(rj, "seikyuusho", 10, &v);
	for (i = 0; i < n; i++) {
		kanji |= strcmp(v[i], "請求書") == 0;
		free(v[i]);
	}
	free(v);
	assert_false(kanji);
	romaji_free(rj);
	unsetenv("FAQ_MIGEMO_DICT");
}

/* A finished word is not cut back to its first kana: "quota" (an English
 * word a kiosk visitor types) once became くお, which matched inside
 * しばらくお時間 ("please wait a while"). */
static void
test_finished_word_not_collapsed(void **state)
{
	struct romaji *rj;
	char **v;
	size_t n, i;
	int two = 0;

	(void)state;
	if (romaji_probe() == ROMAJI_OFF)
		skip();
	rj = romaji_new(1);
	n = romaji_alts(rj, "quota", 5, &v);
	for (i = 0; i < n; i++) {
		two |= strcmp(v[i], "くお") == 0 || strcmp(v[i], "くぉ") == 0;
		free(v[i]);
	}
	free(v);
	assert_false(two);
	romaji_free(rj);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_expand),
	    cmocka_unit_test(test_romaji_queries),
	    cmocka_unit_test(test_romaji_highlight),
	    cmocka_unit_test(test_kana_without_dictionary),
	    cmocka_unit_test(test_finished_word_not_collapsed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
