/* test_rank.c - entries ranked by closeness (issue 11): terms matched and
 * shared character bigrams, a question hit above an answer hit, with a
 * fixed expected order on Japanese sentences and English phrases. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

#define NE 8

static const char *qs[NE] = {
    "ログインするパスワードを忘れた場合は?",
    "請求書はどこで確認できますか?",
    "アカウントを解約するには?",
    "How do I change my password?",
    "Where is my invoice?",
    "支払い方法を変更したい",
    "領収書を発行できますか?",
    "Can I close my account?",
};
static const char *as[NE] = {
    "リセットの手順を案内します。",
    "請求書ページで確認できます。",
    "設定から解約できます。パスワードは不要です。",
    "Open the settings and choose a new one.",
    "Invoices are on the billing page.",
    "クレジットカードを変更できます。",
    "請求書ページから領収書を印刷できます。",
    "Yes, from the account settings page.",
};

static struct doc d;
static struct entry e[NE];
static struct search_index *ix;

static int
setup(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NE; i++) {
		e[i].question = qs[i];
		e[i].question_len = (uint32_t)strlen(qs[i]);
		e[i].text = as[i];
		e[i].text_len = (uint32_t)strlen(as[i]);
		e[i].ref = -1;
	}
	d.entries = e;
	d.nentries = NE;
	ix = search_index_new(&d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	search_index_free(ix);
	return 0;
}

/* The ranking of q as a string of entry numbers, best first. */
static void
ranked(const char *q, char *out)
{
	struct search_query *sq = search_query_new(q, strlen(q));
	uint32_t r[NE];
	size_t n = search_rank(ix, sq, NULL, 0, NE, r, NULL), i;

	for (i = 0; i < n; i++)
		out[i] = (char)('0' + r[i]);
	out[n] = '\0';
	search_query_free(sq);
}

static void
test_japanese_sentences(void **state)
{
	char got[NE + 1];

	(void)state;
	/* No entry has the sentence; 0 shares パスワード and 忘れ in its
	 * question, 2 パスワード in its answer only, 5 only ーど (カード). */
	ranked("パスワードを忘れてしまった", got);
	assert_string_equal(got, "025");
	/* 領収書 in 6's question; 請求書 shares 書 with it and 1, the
	 * question ahead of 6's answer. */
	ranked("領収書がほしい", got);
	assert_int_equal(got[0], '6');
	/* 解約 in 2's question, an answer hit of 2 too. */
	ranked("アカウントをやめて解約したい", got);
	assert_int_equal(got[0], '2');
	/* at most max, best first */
	{
		struct search_query *sq = search_query_new("請求書", 9);
		uint32_t r[NE];

		assert_int_equal(search_rank(ix, sq, NULL, 0, 1, r, NULL), 1);
		assert_int_equal(r[0], 1); /* question, over 6's answer */
		search_query_free(sq);
	}
}

static void
test_english_phrases(void **state)
{
	char got[NE + 1];

	(void)state;
	ranked("change my password", got);
	assert_int_equal(got[0], '3');
	ranked("close account", got);
	assert_int_equal(got[0], '7');
	ranked("billing invoice", got);
	assert_int_equal(got[0], '4');
}

/* Within given entries only (the best-first order of the matches). */
static void
test_within(void **state)
{
	struct search_query *sq = search_query_new("請求書", 9);
	uint32_t w[2] = {1, 6}, r[2];
	float sc[2];

	(void)state;
	assert_int_equal(search_rank(ix, sq, w, 2, 2, r, sc), 2);
	assert_int_equal(r[0], 1);
	assert_int_equal(r[1], 6);
	assert_true(sc[0] > sc[1]);
	search_query_free(sq);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_japanese_sentences),
	    cmocka_unit_test(test_english_phrases),
	    cmocka_unit_test(test_within),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
