/* test_search.c - matching, AND of terms, references, narrowing, and the
 * highlight ranges mapped back to the original bytes. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fold.h"
#include "search.h"

#define MAXE 400

/* A doc built by hand: the search core needs only entries. */
struct tdoc {
	struct doc d;
	struct entry e[MAXE];
	char *owned[2 * MAXE];
	size_t nowned;
};

static void
tdoc_add(struct tdoc *t, const char *q, const char *text, int32_t ref)
{
	struct entry *e = &t->e[t->d.nentries++];

	memset(e, 0, sizeof *e);
	e->question = q;
	e->question_len = (uint32_t)strlen(q);
	e->text = text;
	e->text_len = (uint32_t)strlen(text);
	e->ref = ref;
	t->d.entries = t->e;
}

static struct tdoc *
tdoc_new(void)
{
	struct tdoc *t = calloc(1, sizeof *t);

	assert_non_null(t);
	t->d.entries = t->e;
	return t;
}

static void
tdoc_free(struct tdoc *t)
{
	size_t i;

	for (i = 0; i < t->nowned; i++)
		free(t->owned[i]);
	free(t);
}

/* Runs q (no narrowing) and returns the count; hits go to out. */
static size_t
run(const struct search_index *ix, const char *q, uint32_t *out)
{
	struct search_query *sq = search_query_new(q, strlen(q));
	size_t n = search_run(ix, sq, NULL, 0, out);

	search_query_free(sq);
	return n;
}

static struct tdoc *
sample(void)
{
	struct tdoc *t = tdoc_new();

	tdoc_add(t, "AWS アカウントを作成するには?",
	    "サインアップページから作成します。\n料金はかかりません。", -1);
	tdoc_add(t, "請求書をダウンロードするには?",
	    "ｸﾚｼﾞｯﾄｶｰﾄﾞの明細は Billing コンソールにあります。", -1);
	tdoc_add(t, "ルートユーザーとは?", "最初に作成される ID です。", -1);
	/* A reference to entry 1: its own text must not count. */
	tdoc_add(t, "領収書は?", "ZZZ", 1);
	return t;
}

static void
test_terms_and_any_order(void **state)
{
	struct tdoc *t = sample();
	struct search_index *ix = search_index_new(&t->d);
	uint32_t out[MAXE];

	(void)state;
	assert_int_equal(run(ix, "請求書 ダウンロード", out), 1);
	assert_int_equal(out[0], 1);
	assert_int_equal(run(ix, "ダウンロード 請求書", out), 1);
	assert_int_equal(out[0], 1);
	/* Both terms must match: one in the question is not enough. */
	assert_int_equal(run(ix, "請求書 ルート", out), 0);
	/* One term in the question, one in the answer. */
	assert_int_equal(run(ix, "ルート 最初", out), 1);
	assert_int_equal(out[0], 2);
	/* Width, case and kana folding. */
	assert_int_equal(run(ix, "ＡＷＳ", out), 1);
	assert_int_equal(out[0], 0);
	assert_int_equal(run(ix, "あかうんと", out), 1);
	assert_int_equal(run(ix, "ｱｶｳﾝﾄ", out), 1);
	assert_int_equal(run(ix, "xyzzy", out), 0);
	/* 作成 is in entries 0 and 2: results in document order. */
	assert_int_equal(run(ix, "作成", out), 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 2);
	search_index_free(ix);
	tdoc_free(t);
}

static void
test_white_space(void **state)
{
	struct tdoc *t = tdoc_new();
	struct search_index *ix;
	struct search_query *sq;
	uint32_t out[MAXE];

	(void)state;
	tdoc_add(t, "AWS アカウント", "x", -1);
	tdoc_add(t, "AWSアカウント", "x", -1);
	tdoc_add(
	    t, "question ends with AWS", "アカウント starts the answer", -1);
	tdoc_add(t, "blocks", "AWS\nアカウント", -1);
	ix = search_index_new(&t->d);
	/* One term: white space in the text is ignored, even between
	 * blocks, but a term never spans the question and the answer. */
	assert_int_equal(run(ix, "AWSアカウント", out), 3);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 3);
	/* Two terms, split by an ideographic space: all four. */
	sq = search_query_new("AWS\xe3\x80\x80アカウント", 18);
	assert_int_equal(search_query_nterms(sq), 2);
	assert_int_equal(search_run(ix, sq, NULL, 0, out), 4);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

static void
test_folds_to_nothing(void **state)
{
	struct tdoc *t = sample();
	struct search_index *ix = search_index_new(&t->d);
	static const char *const empty[] = {
	    "", "   ", "\xe3\x80\x80", " \xe3\x80\x80\t "};
	uint32_t out[MAXE], within[2] = {1, 3};
	struct search_query *sq;
	struct search_hits h;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		sq = search_query_new(empty[i], strlen(empty[i]));
		assert_int_equal(search_query_nterms(sq), 0);
		assert_int_equal(search_run(ix, sq, NULL, 0, out), 4);
		assert_int_equal(out[3], 3);
		assert_int_equal(search_run(ix, sq, within, 2, out), 2);
		assert_int_equal(out[1], 3);
		search_entry_hits(ix, sq, 0, &h);
		assert_int_equal(h.nq + h.na, 0);
		search_hits_free(&h);
		search_query_free(sq);
	}
	/* Spaces around terms do not make empty terms. */
	sq = search_query_new("  aws  ", 7);
	assert_int_equal(search_query_nterms(sq), 1);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

static void
test_reference_matches_target_answer(void **state)
{
	struct tdoc *t = sample();
	struct search_index *ix = search_index_new(&t->d);
	struct search_query *sq;
	struct search_hits h;
	uint32_t out[MAXE];

	(void)state;
	/* "クレジット" is only in entry 1's answer (half-width there). */
	assert_int_equal(run(ix, "クレジット", out), 2);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	/* The reference's own text is not what it shows. */
	assert_int_equal(run(ix, "zzz", out), 0);
	/* Question of the reference plus its target's answer. */
	assert_int_equal(run(ix, "領収書 billing", out), 1);
	assert_int_equal(out[0], 3);

	sq = search_query_new("クレジット", strlen("クレジット"));
	search_entry_hits(ix, sq, 3, &h);
	assert_int_equal(h.nq, 0);
	assert_int_equal(h.na, 1);
	/* ｸﾚｼﾞｯﾄ: 6 half-width characters, 18 bytes of entry 1's text. */
	assert_int_equal(h.a[0].start, 0);
	assert_int_equal(h.a[0].end, 18);
	assert_memory_equal(t->e[1].text + h.a[0].end, "ｶｰﾄﾞ", 12);
	search_hits_free(&h);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

/* Hit ranges of q in question q_text, as "start-end,..." */
static void
assert_question_hits(const char *q_text, const char *q, const char *want)
{
	struct tdoc *t = tdoc_new();
	struct search_index *ix;
	struct search_query *sq;
	struct search_hits h;
	char got[256];
	size_t i, k = 0;

	tdoc_add(t, q_text, "", -1);
	ix = search_index_new(&t->d);
	sq = search_query_new(q, strlen(q));
	search_entry_hits(ix, sq, 0, &h);
	got[0] = '\0';
	for (i = 0; i < h.nq; i++)
		k += (size_t)snprintf(got + k, sizeof got - k, "%s%u-%u",
		    i ? "," : "", (unsigned)h.q[i].start, (unsigned)h.q[i].end);
	if (strcmp(got, want) != 0)
		fail_msg("hits of \"%s\" in \"%s\": %s, want %s", q, q_text,
		    got, want);
	search_hits_free(&h);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

static void
test_highlight_offsets(void **state)
{
	(void)state;
	/* が in ｶﾞｲﾄﾞ covers ｶ and ﾞ; いど covers ｲﾄﾞ. */
	assert_question_hits("ｶﾞｲﾄﾞ", "が", "0-6");
	assert_question_hits("ｶﾞｲﾄﾞ", "いど", "6-15");
	assert_question_hits("ｶﾞｲﾄﾞ", "ガイド", "0-15");
	/* か + combining U+3099: が covers both; か alone is not there. */
	assert_question_hits("か\xe3\x82\x99き", "が", "0-6");
	assert_question_hits("か\xe3\x82\x99き", "き", "6-9");
	assert_question_hits("か\xe3\x82\x99き", "か", "");
	/* Every occurrence; overlapping terms merge. */
	assert_question_hits("AWS と aws", "ＡＷＳ", "0-3,8-11");
	assert_question_hits("AWS と aws", "aw ws", "0-3,8-11");
	/* A match across white space covers the space. */
	assert_question_hits("AWS アカウント", "sあか", "2-10");
	/* Full-width letters: whole 3-byte characters. */
	assert_question_hits("ＡＷＳ", "w", "3-6");
	/* ① folds to 1: the hit is the whole ①. */
	assert_question_hits("手順①", "1", "6-9");
	/* A kanji with a variation selector is one cluster. */
	assert_question_hits("葛\xf3\xa0\x84\x80飾", "葛", "0-7");
	/* e + combining acute composes to é. */
	assert_question_hits("cafe\xcc\x81!", "café", "0-6");
}

/* A deterministic pseudo-random doc from a small vocabulary; answers of
 * nwords words. */
static struct tdoc *
random_doc(unsigned seed, size_t n, size_t nwords)
{
	static const char *const words[] = {"請求書", "アカウント", "ｱｶｳﾝﾄ",
	    "billing", "Billing", "ＢＩＬＬ", "支払い", "カード", "ｶｰﾄﾞ", "が",
	    "ｶﾞ", "か\xe3\x82\x99", " ", "\xe3\x80\x80", "\n", "bi", "請求",
	    "書"};
	struct tdoc *t = tdoc_new();
	size_t i, w, k, nw = sizeof words / sizeof words[0], len;
	char *q, *a;

	for (i = 0; i < n; i++) {
		q = calloc(1, 128);
		a = calloc(1, nwords * 16 + 1);
		assert_non_null(q);
		assert_non_null(a);
		for (k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			w = (seed >> 16) % nw;
			if (words[w][0] != '\n')
				strcat(q, words[w]);
		}
		for (k = 0, len = 0; k < nwords; k++) {
			seed = seed * 1103515245u + 12345u;
			w = (seed >> 16) % nw;
			memcpy(a + len, words[w], strlen(words[w]));
			len += strlen(words[w]);
		}
		t->owned[t->nowned++] = q;
		t->owned[t->nowned++] = a;
		seed = seed * 1103515245u + 12345u;
		tdoc_add(t, q, a,
		    i > 0 && (seed >> 16) % 10 == 0 ? (int32_t)(i / 2) : -1);
		/* References point to non-references only. */
		if (t->e[i].ref >= 0 && t->e[t->e[i].ref].ref >= 0)
			t->e[i].ref = -1;
	}
	return t;
}

/* Typing a query one character at a time, narrowing each time, gives
 * exactly what a full search of each prefix gives. */
static void
test_within_equals_full(void **state)
{
	static const char *const queries[] = {
	    "請求書", "billing", "アカウント カード", "ｶﾞ", "bi 請求", "xyz"};
	struct tdoc *t = random_doc(42, 300, 12);
	struct search_index *ix = search_index_new(&t->d);
	uint32_t full[MAXE], prev[MAXE], cur[MAXE];
	size_t qi, len, nprev = 0, nfull, ncur, checked = 0;
	struct search_query *sq, *prevq;

	(void)state;
	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		const char *q = queries[qi];

		prevq = NULL;
		for (len = 1; len <= strlen(q); len++) {
			if (len < strlen(q) &&
			    ((unsigned char)q[len] & 0xC0) == 0x80)
				continue; /* not at a character boundary */
			sq = search_query_new(q, len);
			nfull = search_run(ix, sq, NULL, 0, full);
			if (prevq != NULL && search_query_extends(sq, prevq)) {
				ncur = search_run(ix, sq, prev, nprev, cur);
				assert_int_equal(ncur, nfull);
				assert_memory_equal(
				    cur, full, nfull * sizeof *full);
				checked++;
			}
			memcpy(prev, full, nfull * sizeof *full);
			nprev = nfull;
			search_query_free(prevq);
			prevq = sq;
		}
		search_query_free(prevq);
	}
	assert_true(checked > 12);
	/* Filtering in place (out == within) gives the same. */
	sq = search_query_new("bi 請求", strlen("bi 請求"));
	nfull = search_run(ix, sq, NULL, 0, full);
	for (len = 0; len < t->d.nentries; len++)
		cur[len] = (uint32_t)len;
	ncur = search_run(ix, sq, cur, t->d.nentries, cur);
	assert_int_equal(ncur, nfull);
	assert_memory_equal(cur, full, nfull * sizeof *full);
	memcpy(cur, full, nfull * sizeof *full);
	ncur = search_run(ix, sq, cur, nfull, cur);
	assert_int_equal(ncur, nfull);
	assert_memory_equal(cur, full, nfull * sizeof *full);
	search_query_free(sq);
	/* Narrowing from every entry takes the full-scan path. */
	sq = search_query_new("請求", strlen("請求"));
	for (len = 0; len < t->d.nentries; len++)
		prev[len] = (uint32_t)len;
	nfull = search_run(ix, sq, NULL, 0, full);
	assert_true(nfull > 0 && nfull < t->d.nentries);
	ncur = search_run(ix, sq, prev, t->d.nentries, cur);
	assert_int_equal(ncur, nfull);
	assert_memory_equal(cur, full, nfull * sizeof *full);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

/* Ranges are sorted, apart, inside s[0..n) and on character boundaries. */
static void
assert_ranges_sane(const struct hl_range *r, size_t nr, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < nr; i++) {
		assert_true(r[i].start < r[i].end);
		assert_true(r[i].end <= n);
		assert_true(((unsigned char)s[r[i].start] & 0xC0) != 0x80);
		assert_true(r[i].end == n ||
		            ((unsigned char)s[r[i].end] & 0xC0) != 0x80);
		if (i > 0)
			assert_true(r[i].start > r[i - 1].end);
	}
}

/* Whether folded term (tn bytes) is in the fold of s[0..n). */
static int
oracle_has(const char *s, size_t n, const char *term, size_t tn)
{
	struct fold f;
	size_t i;
	int found = 0;

	fold_init(&f, 0);
	fold_append(&f, s, n, 0);
	for (i = 0; !found && i + tn <= f.len; i++)
		found = memcmp(f.s + i, term, tn) == 0;
	fold_free(&f);
	return found;
}

/* The entries matching q (terms split at ASCII spaces), the slow way:
 * no index at all. */
static size_t
oracle(const struct tdoc *t, const char *q, uint32_t *out)
{
	char buf[256], *term, *save = NULL;
	size_t i, n = 0;
	int all;

	for (i = 0; i < t->d.nentries; i++) {
		const struct entry *e = &t->e[i];
		const struct entry *a = e->ref >= 0 ? &t->e[e->ref] : e;

		snprintf(buf, sizeof buf, "%s", q);
		all = 1;
		for (term = strtok_r(buf, " ", &save); all && term != NULL;
		     term = strtok_r(NULL, " ", &save)) {
			struct fold ft;

			fold_init(&ft, 0);
			fold_append(&ft, term, strlen(term), 0);
			all = oracle_has(
			          e->question, e->question_len, ft.s, ft.len) ||
			      oracle_has(a->text, a->text_len, ft.s, ft.len);
			fold_free(&ft);
		}
		if (all)
			out[n++] = (uint32_t)i;
	}
	return n;
}

/* The full scan agrees with testing every entry one by one, and with
 * folding every entry again without the index. */
static void
check_full_scan_equals_per_entry(
    struct tdoc *t, const char *const *queries, size_t nqueries)
{
	struct search_index *ix = search_index_new(&t->d);
	uint32_t all[MAXE], full[MAXE], one[MAXE];
	size_t qi, i, nfull, nsub;
	struct search_query *sq;
	struct search_hits h;

	for (i = 0; i < t->d.nentries; i++)
		all[i] = (uint32_t)i;
	for (qi = 0; qi < nqueries; qi++) {
		sq = search_query_new(queries[qi], strlen(queries[qi]));
		nfull = search_run(ix, sq, NULL, 0, full);
		nsub = oracle(t, queries[qi], one);
		assert_int_equal(nsub, nfull);
		assert_memory_equal(one, full, nfull * sizeof *full);
		/* Small within sets take the per-entry path. */
		nsub = 0;
		for (i = 0; i < t->d.nentries; i += 100) {
			size_t nw =
			    t->d.nentries - i < 100 ? t->d.nentries - i : 100;
			nsub += search_run(ix, sq, all + i, nw, one + nsub);
		}
		assert_int_equal(nsub, nfull);
		assert_memory_equal(one, full, nfull * sizeof *full);
		/* Every entry found has a range to highlight. */
		for (i = 0; i < nfull; i += 1 + nfull / 50) {
			const struct entry *e = &t->e[full[i]];
			const struct entry *a = e->ref >= 0 ? &t->e[e->ref] : e;

			search_entry_hits(ix, sq, full[i], &h);
			assert_true(h.nq + h.na > 0);
			assert_ranges_sane(
			    h.q, h.nq, e->question, e->question_len);
			assert_ranges_sane(h.a, h.na, a->text, a->text_len);
			search_hits_free(&h);
		}
		search_query_free(sq);
	}
	search_index_free(ix);
}

static void
test_full_scan_equals_per_entry(void **state)
{
	static const char *const queries[] = {
	    "請求書", "ｶﾞ", "bill", "カード 書", "か", "xyz"};
	struct tdoc *t = random_doc(7, 300, 12);

	(void)state;
	check_full_scan_equals_per_entry(
	    t, queries, sizeof queries / sizeof queries[0]);
	tdoc_free(t);
}

/* A corpus of 42 MB: the index is folded in parts on two threads, and
 * searches scan and test in halves on two threads. */
static void
test_large_index_in_parts(void **state)
{
	static const char *const queries[] = {"ｶﾞ請求書", "bill xyz"};
	struct tdoc *t = random_doc(11, 300, 20000);
	size_t i, bytes = 0;

	(void)state;
	for (i = 0; i < t->d.nentries; i++)
		bytes += t->e[i].text_len;
	assert_true(bytes > (40u << 20));
	check_full_scan_equals_per_entry(
	    t, queries, sizeof queries / sizeof queries[0]);
	tdoc_free(t);
}

/*
 * The index is folded in parts, each into its region of one buffer; the
 * room a part leaves is filled with '\n'.  A part whose text the
 * normaliser lengthens (U+FDFA is 3 bytes and folds to 33) outgrows its
 * region and the parts are copied instead.  Either way every entry is
 * found as folding it alone finds it, and no match spans two entries.
 */
static void
test_index_parts_meet(void **state)
{
	static const char *const queries[] = {
	    "末尾", "冒頭", "尾冒", "末尾冒頭", "صلى", "ﷺ 尾", "q"};
	struct tdoc *t;
	char *big;
	size_t i, k;
	int lengthen;

	(void)state;
	for (lengthen = 0; lengthen < 2; lengthen++) {
		t = tdoc_new();
		big = malloc(3 * 400 + 16);
		for (k = 0; k < 400; k++)
			memcpy(big + 3 * k, "\xef\xb7\xba", 3); /* U+FDFA */
		strcpy(big + 3 * 400, "末尾");
		t->owned[t->nowned++] = big;
		/* each answer ends with 末尾 and each question starts with
		 * 冒頭: "尾冒" would match only across entries */
		for (i = 0; i < 64; i++)
			tdoc_add(t, "冒頭 q",
			    lengthen && i == 20 ? big : "answer 末尾", -1);
		check_full_scan_equals_per_entry(
		    t, queries, sizeof queries / sizeof queries[0]);
		tdoc_free(t);
	}
}

static void
test_empty_doc(void **state)
{
	struct tdoc *t = tdoc_new();
	struct search_index *ix = search_index_new(&t->d);
	uint32_t out[1];

	(void)state;
	assert_int_equal(run(ix, "a", out), 0);
	assert_int_equal(run(ix, "", out), 0);
	search_index_free(ix);
	tdoc_free(t);
}

static int
extends(const char *now, const char *before)
{
	struct search_query *a = search_query_new(now, strlen(now));
	struct search_query *b = search_query_new(before, strlen(before));
	int r = search_query_extends(a, b);

	search_query_free(a);
	search_query_free(b);
	return r;
}

static void
test_query_extends(void **state)
{
	(void)state;
	assert_true(extends("請求書", "請求"));
	assert_true(extends("bil", "bi"));
	assert_true(extends("bi 請", "bi "));
	assert_true(extends("請 bi", "bi"));
	assert_true(extends("Billing", "ｂｉｌ"));
	assert_true(extends("anything", ""));
	/* A sound mark changes the character before it. */
	assert_false(extends("ｶﾞ", "ｶ"));
	assert_false(extends("か\xe3\x82\x99", "か"));
	/* Deleting a character widens the search. */
	assert_false(extends("請求", "請求書"));
	assert_false(extends("", "a"));
}

/*
 * What is on screen around the questions is searched too: section titles
 * and introductions, collection titles and introductions (issue 11:
 * `/python2` said no match with the word on screen; 先について found
 * nothing although 「お問い合わせ先について」 is a section title).
 */
static void
test_titles_and_intros(void **state)
{
	struct tdoc *t = tdoc_new();
	struct section secs[3];
	struct collection cols[2];
	struct entry intro0, cintro1;
	struct search_index *ix;
	struct search_query *sq;
	struct hl_range *r;
	uint32_t out[8];
	size_t n;

	(void)state;
	tdoc_add(t, "How do I install it?", "Run the installer.", -1);
	tdoc_add(t, "Which version?", "The latest one.", -1);
	tdoc_add(t, "日本語で問い合わせできる窓口はありますか?",
	    "サポートセンターへどうぞ。", -1);
	tdoc_add(t, "営業時間は?", "平日の 9 時から 18 時です。", -1);
	tdoc_add(t, "Where is the manual?", "On the web site.", -1);
	memset(secs, 0, sizeof secs);
	memset(cols, 0, sizeof cols);
	memset(&intro0, 0, sizeof intro0);
	memset(&cintro1, 0, sizeof cintro1);
	intro0.text = "Moving from the old release: read this first.";
	intro0.text_len = (uint32_t)strlen(intro0.text);
	intro0.ref = -1;
	cintro1.text = "この文書は利用者ガイドです。";
	cintro1.text_len = (uint32_t)strlen(cintro1.text);
	cintro1.ref = -1;
	secs[0] = (struct section){.title = "Python 2", .first = 0, .n = 2,
	    .collection = 0, .intro = &intro0};
	secs[1] = (struct section){.title = "お問い合わせ先について",
	    .first = 2, .n = 2, .collection = 0};
	secs[2] = (struct section){.title = "Manuals", .first = 4, .n = 1,
	    .collection = 1};
	cols[0] = (struct collection){.title = "FAQ", .first = 0, .n = 2};
	cols[1] = (struct collection){.title = "Reference", .first = 2,
	    .n = 1, .intro = &cintro1};
	t->e[0].section = t->e[1].section = 0;
	t->e[2].section = t->e[3].section = 1;
	t->e[4].section = 2;
	t->d.secs = secs;
	t->d.nsecs = 3;
	t->d.colls = cols;
	t->d.ncolls = 2;
	ix = search_index_new(&t->d);

	/* A section title: every question under it (white space folds
	 * away, so "Python 2" is found by python2). */
	n = run(ix, "python2", out);
	assert_int_equal(n, 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 1);
	n = run(ix, "先について", out);
	assert_int_equal(n, 2);
	assert_int_equal(out[0], 2);
	assert_int_equal(out[1], 3);
	/* With another term: the title gives one, the entry the other. */
	n = run(ix, "python2 install", out);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 0);
	n = run(ix, "先について 営業", out);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], 3);
	/* A section introduction. */
	n = run(ix, "old release", out);
	assert_int_equal(n, 2);
	/* A collection's title and introduction select nothing (the
	 * outline highlights them): a word of the page title would match
	 * every entry. */
	assert_int_equal(run(ix, "reference", out), 0);
	assert_int_equal(run(ix, "利用者ガイド", out), 0);
	/* Nothing leaks into other sections. */
	assert_int_equal(run(ix, "python2 営業", out), 0);
	/* The title's own highlight: 先について is bytes 18..33 of it. */
	sq = search_query_new("先について", strlen("先について"));
	r = search_text_hits(sq, secs[1].title, strlen(secs[1].title), &n);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].start, strlen("お問い合わせ"));
	assert_int_equal(r[0].end, strlen(secs[1].title));
	free(r);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
}

/* "s-e,..." of ranges r[0..n), shifted by base, appended to buf. */
static void
ranges_str(const struct hl_range *r, size_t n, size_t base, char **buf,
    size_t *len, size_t *cap)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (*len + 32 > *cap) {
			*cap = 2 * *cap + 64;
			*buf = realloc(*buf, *cap);
			assert_non_null(*buf);
		}
		*len += (size_t)snprintf(*buf + *len, *cap - *len, "%zu-%zu,",
		    base + r[i].start, base + r[i].end);
	}
}

/*
 * A long text is searched a chunk at a time (search.c): the hits of many
 * copies of a snippet, separated by a character no term holds, are the
 * snippet's hits copied, wherever the chunks happen to end (in ASCII, in
 * kanji, in a run with neither, next to marks and half-width voicing).
 */
static void
test_highlight_chunks_equal_whole(void **state)
{
	static const char *const latin[] = {"a", "b", " ", "\xc3\xa9",
	    "e\xcc\x81", "か", "\xef\xbe\x9e", "字", "ｶ"};
	static const char *const cjk[] = {"か", "\xef\xbe\x9e", "字",
	    "\xe3\x82\x99", "ｶ", "\xef\xbf\xbd"};
	static const char *const terms[] = {"a", "ab", "b a", "\xc3\xa9", "e",
	    "か", "が", "字", "か字", "\xef\xbf\xbd", "が字 a"};
	unsigned seed = 1;
	int round;

	(void)state;
	for (round = 0; round < 40; round++) {
		const char *const *al = round % 2 ? cjk : latin;
		size_t nal = round % 2 ? sizeof cjk / sizeof *cjk
		                       : sizeof latin / sizeof *latin;
		const char *sep = round % 2 ? "〓" : "#";
		char snip[400], *text, *want = NULL, *got = NULL;
		size_t sl = 0, k, copies, tl, nw = 0, cw = 0, ng = 0, cg = 0, n;
		struct search_query *sq;
		struct hl_range *r;
		const char *q;

		seed = seed * 1103515245u + 12345u;
		n = 5 + (seed >> 16) % 60;
		for (k = 0; k < n; k++) {
			const char *c;

			seed = seed * 1103515245u + 12345u;
			c = al[(seed >> 16) % nal];
			memcpy(snip + sl, c, strlen(c));
			sl += strlen(c);
		}
		memcpy(snip + sl, sep, strlen(sep));
		sl += strlen(sep);
		seed = seed * 1103515245u + 12345u;
		q = terms[(seed >> 16) % (sizeof terms / sizeof *terms)];
		sq = search_query_new(q, strlen(q));
		copies = 300000 / sl + 1;
		tl = copies * sl;
		text = malloc(tl);
		assert_non_null(text);
		for (k = 0; k < copies; k++)
			memcpy(text + k * sl, snip, sl);
		r = search_text_hits(sq, snip, sl, &n);
		for (k = 0; k < copies; k++)
			ranges_str(r, n, k * sl, &want, &nw, &cw);
		free(r);
		r = search_text_hits(sq, text, tl, &n);
		ranges_str(r, n, 0, &got, &ng, &cg);
		free(r);
		if (nw != ng || (nw > 0 && memcmp(want, got, nw) != 0))
			fail_msg("round %d, query \"%s\": the hits of %zu copies "
			         "differ from the copies of the hits",
			    round, q, copies);
		free(want);
		free(got);
		free(text);
		search_query_free(sq);
	}
}

/*
 * Highlighting a 5 MB one-word answer, searched for a letter of it: one
 * range, found with memory bounded by a chunk, not by the answer (folded
 * whole with its map and a range per occurrence it took 110 MB and 1.9 s,
 * on every screen drawn).  Measured in a child process, whose peak
 * resident memory is its own.
 */
static void
test_highlight_memory_bounded(void **state)
{
	pid_t pid;
	int st;
	struct rusage ru;
	long grew_kb;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		size_t n = 5000000, nr;
		char *text = malloc(n);
		struct search_query *sq = search_query_new("a", 1);
		struct hl_range *r;
		struct rusage before, after;

		if (text == NULL)
			_exit(255);
		memset(text, 'a', n);
		getrusage(RUSAGE_SELF, &before);
		r = search_text_hits(sq, text, n, &nr);
		getrusage(RUSAGE_SELF, &after);
		if (nr != 1 || r[0].start != 0 || r[0].end != n)
			_exit(254);
		/* the growth of the peak, in MB (at most 253) */
		grew_kb = after.ru_maxrss - before.ru_maxrss;
		_exit(grew_kb / 1024 > 253 ? 253 : (int)(grew_kb / 1024));
	}
	assert_true(wait4(pid, &st, 0, &ru) == pid);
	assert_true(WIFEXITED(st));
	assert_int_not_equal(WEXITSTATUS(st), 255);
	if (WEXITSTATUS(st) == 254)
		fail_msg("the hits of a 5 MB word are not one range over it");
	if (WEXITSTATUS(st) > 8)
		fail_msg("highlighting a 5 MB word grew memory by %d MB",
		    WEXITSTATUS(st));
}

/*
 * What a screen asks for: the answer's hits found only as far as they are
 * read (search_answer_lazy), the same as all of them once all is read;
 * and the first hit of the rarest term without reading past it
 * (search_entry_hits_head).
 */
static void
test_lazy_and_head_hits(void **state)
{
	struct tdoc *t = tdoc_new();
	size_t n = 3000000, k;
	char *text = malloc(n + 1);
	struct search_index *ix;
	struct search_query *sq;
	struct search_hits all, head;
	struct hl_lazy *lz;

	(void)state;
	assert_non_null(text);
	for (k = 0; k < n; k++)
		text[k] = k % 10 == 9 ? '.' : 'a';
	memcpy(text + n - 10, "zebra zzz ", 10);
	text[n] = '\0';
	tdoc_add(t, "question", text, -1);
	ix = search_index_new(&t->d);
	sq = search_query_new("aaa zebra", 9);
	search_query_rate(ix, sq);
	search_entry_hits(ix, sq, 0, &all);
	assert_int_equal(all.na, n / 10);

	lz = search_answer_lazy(ix, sq, 0);
	assert_non_null(lz);
	lz->more(lz, 1000);
	assert_true(lz->known >= 1000);
	assert_true(lz->known < n / 2); /* read a chunk or so, not 3 MB */
	for (k = 0; k < lz->set.n && lz->set.v[k].start < 1000; k++) {
		assert_int_equal(lz->set.v[k].start, all.a[k].start);
		assert_int_equal(lz->set.v[k].end, all.a[k].end);
	}
	assert_int_equal(k, 100);
	lz->more(lz, SIZE_MAX);
	assert_int_equal(lz->known, SIZE_MAX);
	assert_int_equal(lz->set.n, all.na);
	assert_memory_equal(lz->set.v, all.a, all.na * sizeof *all.a);
	search_lazy_free(lz);

	/* zebra is the rarer term: its hit, at the very end, is the one */
	search_entry_hits_head(ix, sq, 0, &head);
	assert_int_equal(head.na, 1);
	assert_int_equal(head.a[0].start, n - 10);
	assert_int_equal(head.a[0].end, n - 5);
	assert_int_equal(all.a[all.a_rare].start, n - 10);
	search_hits_free(&head);
	search_hits_free(&all);
	search_query_free(sq);
	/* without zebra: the first hit, found in the first chunk */
	sq = search_query_new("aaa", 3);
	search_query_rate(ix, sq);
	search_entry_hits_head(ix, sq, 0, &head);
	assert_int_equal(head.na, 1);
	assert_int_equal(head.a[0].start, 0);
	assert_int_equal(head.a[0].end, 9);
	search_hits_free(&head);
	search_query_free(sq);
	search_index_free(ix);
	tdoc_free(t);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_terms_and_any_order),
	    cmocka_unit_test(test_white_space),
	    cmocka_unit_test(test_folds_to_nothing),
	    cmocka_unit_test(test_reference_matches_target_answer),
	    cmocka_unit_test(test_highlight_offsets),
	    cmocka_unit_test(test_query_extends),
	    cmocka_unit_test(test_within_equals_full),
	    cmocka_unit_test(test_full_scan_equals_per_entry),
	    cmocka_unit_test(test_large_index_in_parts),
	    cmocka_unit_test(test_index_parts_meet),
	    cmocka_unit_test(test_empty_doc),
	    cmocka_unit_test(test_titles_and_intros),
	    cmocka_unit_test(test_highlight_chunks_equal_whole),
	    cmocka_unit_test(test_highlight_memory_bounded),
	    cmocka_unit_test(test_lazy_and_head_hits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
