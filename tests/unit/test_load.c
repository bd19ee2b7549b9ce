/*
 * test_load.c - loading files and directories, and every bad input of
 * issue 2: each loads with a warning or fails with a clear message, never
 * a crash, a hang or silent loss.
 */
#include "testutil.h"

#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include "doctest.h"
#include "filemap.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/faq-test-load-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes n bytes to tmpdir/rel (creating a directory rel when data is
 * NULL) and returns the path (malloc'd). */
static char *
put(const char *rel, const char *data, size_t n)
{
	char *path = malloc(strlen(tmpdir) + strlen(rel) + 2);
	FILE *fp;

	sprintf(path, "%s/%s", tmpdir, rel);
	if (data == NULL) {
		assert_int_equal(mkdir(path, 0755), 0);
		return path;
	}
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
	return path;
}

static char *
puts_(const char *rel, const char *s)
{
	return put(rel, s, strlen(s));
}

struct loaded {
	struct doc *d;
	struct diag_list dl;
	int rc;
};

static void
loaded_path(struct loaded *l, const char *path)
{
	memset(l, 0, sizeof *l);
	l->d = doc_new();
	l->rc = load_path(l->d, path, &l->dl);
	doc_finish(l->d, &l->dl);
	check_doc(l->d);
}

static void
load_bytes(struct loaded *l, const char *data, size_t n)
{
	memset(l, 0, sizeof *l);
	l->d = doc_new();
	l->rc = load_buffer(l->d, "bad.md", data, n, &l->dl);
	doc_finish(l->d, &l->dl);
	check_doc(l->d);
}

static void
unload(struct loaded *l)
{
	doc_free(l->d);
	diag_clear(&l->dl);
}

/* Does the first paragraph of entry i contain s? */
static int
answer_has(const struct doc *d, size_t i, const char *s)
{
	const struct entry *e = &d->entries[i];
	size_t n = strlen(s), k;

	for (k = 0; k + n <= e->text_len; k++)
		if (memcmp(e->text + k, s, n) == 0)
			return 1;
	return 0;
}

static void
test_missing_file(void **state)
{
	struct loaded l;
	char *path = malloc(strlen(tmpdir) + 20);

	(void)state;
	sprintf(path, "%s/nothere.md", tmpdir);
	loaded_path(&l, path);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.dl.n, 1);
	assert_int_equal(l.dl.v[0].severity, DIAG_ERROR);
	assert_string_equal(l.dl.v[0].file, path);
	assert_non_null(strstr(l.dl.v[0].msg, "No such file"));
	assert_int_equal(l.d->ncolls, 0);
	unload(&l);
	free(path);
}

static void
test_unreadable_file(void **state)
{
	struct loaded l;
	char *path = puts_("secret.md", "### Q\n\nA\n");

	(void)state;
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() == 0) {
		/* root reads it anyway: nothing to see but no crash */
		loaded_path(&l, path);
		assert_int_equal(l.rc, 0);
	} else {
		loaded_path(&l, path);
		assert_int_equal(l.rc, -1);
		assert_int_equal(
		    count_diags(&l.dl, DIAG_ERROR, 0, 0, "Permission denied"),
		    1);
		assert_string_equal(l.dl.v[0].file, path);
	}
	unload(&l);
	free(path);
}

static void
test_directory(void **state)
{
	struct loaded l;
	char *dir = put("dir", NULL, 0), *p[5];

	(void)state;
	p[0] = puts_("dir/b.md", "# Bee\n\n### Q\n\nB\n");
	p[1] = puts_("dir/a.md", "### Q\n\nA\n");
	p[2] = puts_("dir/notes.txt", "### not markdown\n");
	p[3] = puts_("dir/.hidden.md", "### hidden\n");
	p[4] = put("dir/sub.md", NULL, 0); /* a directory named .md */
	loaded_path(&l, dir);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.d->ncolls, 2);
	assert_non_null(strstr(l.d->colls[0].path, "/dir/a.md"));
	assert_string_equal(l.d->colls[0].title, "a");
	assert_string_equal(l.d->colls[1].title, "Bee");
	assert_int_equal(l.d->nentries, 2);
	assert_true(answer_has(l.d, 0, "A"));
	assert_true(answer_has(l.d, 1, "B"));
	unload(&l);
	free(dir);
	for (int i = 0; i < 5; i++)
		free(p[i]);
}

/* A directory with one .md that cannot be loaded (too large here, which
 * root cannot read past either; a dangling link; unreadable for others):
 * the others are still loaded, and the load fails so that faq exits 2.
 * It used to end with 0 and "1 problem". */
static void
test_directory_one_unreadable(void **state)
{
	struct loaded l;
	char *dir = put("dir2", NULL, 0), *a, *big, *link;

	(void)state;
	a = puts_("dir2/a.md", "### Q\n\nA\n");
	big = puts_("dir2/big.md", "");
	assert_int_equal(truncate(big, (off_t)LOAD_MAX_FILE + 1), 0);
	link = malloc(strlen(dir) + 16);
	sprintf(link, "%s/gone.md", dir);
	assert_int_equal(symlink("/nonexistent/x.md", link), 0);
	loaded_path(&l, dir);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.d->nentries, 1);
	assert_int_equal(count_diags(&l.dl, DIAG_ERROR, 0, 0, "too large"), 1);
	assert_int_equal(count_diags(&l.dl, DIAG_ERROR, 0, 0, "cannot open"), 1);
	unload(&l);
	unlink(big);
	unlink(link);
	free(dir);
	free(a);
	free(big);
	free(link);
}

static void
test_directory_without_md(void **state)
{
	struct loaded l;
	char *dir = put("empty", NULL, 0), *f = puts_("empty/x.txt", "x");

	(void)state;
	loaded_path(&l, dir);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.dl.n, 1);
	assert_string_equal(l.dl.v[0].file, dir);
	assert_non_null(strstr(l.dl.v[0].msg, "no .md files"));
	unload(&l);
	free(dir);
	free(f);
}

static void
test_empty_file(void **state)
{
	struct loaded l;
	char *path = puts_("empty.md", "");

	(void)state;
	loaded_path(&l, path);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.d->ncolls, 1);
	assert_int_equal(l.d->nentries, 0);
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 0, 0, "empty file"), 1);
	unload(&l);
	free(path);
}

static void
test_binary_file(void **state)
{
	struct loaded l;
	size_t n = 256 * 1024, i;
	char *data = malloc(n), *path;

	(void)state;
	for (i = 0; i < n; i++)
		data[i] = (char)(i % 256);
	path = put("binary.md", data, n);
	loaded_path(&l, path);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.d->ncolls, 1);
	/* warnings, but capped: a flood helps nobody */
	assert_true(count_diags(&l.dl, DIAG_WARNING, 0, 0, "") > 10);
	assert_true(l.dl.n < 200);
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 0, 0, "more problems"), 1);
	unload(&l);
	free(data);
	free(path);
}

static void
test_invalid_utf8(void **state)
{
	struct loaded l;
	const char md[] = "### Q\n\nあいう\xff\xfeえ\n\xe3\x81\n";

	(void)state;
	load_bytes(&l, md, sizeof md - 1);
	assert_true(answer_has(l.d, 0, "あいう\xef\xbf\xbd\xef\xbf\xbdえ"));
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 3, 4, "invalid UTF-8"), 1);
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 3, 5, "invalid UTF-8"), 1);
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 4, 1, "invalid UTF-8"), 1);
	unload(&l);
}

static void
test_nul_bytes(void **state)
{
	struct loaded l;
	const char md[] = "### Q\0Q\n\nA\0B\n";

	(void)state;
	load_bytes(&l, md, sizeof md - 1);
	assert_int_equal(l.d->nentries, 1);
	assert_string_equal(l.d->entries[0].question, "Q\xef\xbf\xbdQ");
	assert_true(answer_has(l.d, 0,
	    "A\xef\xbf\xbd"
	    "B"));
	assert_int_equal(count_diags(&l.dl, DIAG_WARNING, 1, 6, "NUL"), 1);
	assert_int_equal(count_diags(&l.dl, DIAG_WARNING, 3, 2, "NUL"), 1);
	unload(&l);
}

static void
test_crlf(void **state)
{
	struct loaded l;
	const char *md = "# T\r\n\r\n## S\r\n\r\n### Q1\r\n\r\nA\r\nB\r\n\r\n"
	                 "### Q2\r\n\r\n[x](#nope)\r\n";

	(void)state;
	load_bytes(&l, md, strlen(md));
	assert_int_equal(l.d->nentries, 2);
	assert_string_equal(l.d->entries[0].question, "Q1");
	assert_int_equal(l.d->entries[1].line, 10);
	assert_null(
	    memchr(l.d->entries[0].text, '\r', l.d->entries[0].text_len));
	assert_int_equal(count_diags(&l.dl, DIAG_ERROR, 12, 1, "missing"), 1);
	assert_int_equal(count_diags(&l.dl, DIAG_WARNING, 0, 0, ""), 0);
	unload(&l);
}

static void
test_bom(void **state)
{
	struct loaded l;
	const char *md = "\xef\xbb\xbf---\ntitle: With BOM\n---\n### Q\n\nA\n";

	(void)state;
	load_bytes(&l, md, strlen(md));
	assert_string_equal(l.d->colls[0].title, "With BOM");
	assert_int_equal(l.d->nentries, 1);
	assert_int_equal(l.dl.n, 0);
	unload(&l);
}

static void
test_long_line(void **state)
{
	struct loaded l;
	size_t n = 1024 * 1024, i;
	char *md = malloc(n + 16);

	(void)state;
	strcpy(md, "### Q\n\n");
	for (i = 7; i < n; i++)
		md[i] = "あいうえお *x* "[i % 20];
	md[n] = '\n';
	load_bytes(&l, md, n + 1);
	assert_int_equal(l.d->nentries, 1);
	assert_true(l.d->entries[0].text_len > n / 2);
	unload(&l);
	free(md);
}

static size_t
max_depth(const struct block *b, size_t n)
{
	size_t i, m = 0, k;

	for (i = 0; i < n; i++) {
		if (b[i].kind != BLOCK_LIST && b[i].kind != BLOCK_ITEM &&
		    b[i].kind != BLOCK_QUOTE)
			continue; /* only these have children (doc.h) */
		k = max_depth(b[i].children, b[i].nchildren) + 1;
		if (k > m)
			m = k;
	}
	return m;
}

static void
deep(const char *prefix, const char *unit, size_t levels, int per_line)
{
	size_t ul = strlen(unit), n = strlen(prefix), i, j;
	char *md = malloc(
	    n + levels * (ul + 16) + (per_line ? levels * levels * 2 : 0) + 64);
	char *p = md;
	struct loaded l;

	p += sprintf(p, "%s", prefix);
	if (!per_line) {
		for (i = 0; i < levels; i++, p += ul)
			memcpy(p, unit, ul);
		p += sprintf(p, "deepest\n");
	} else {
		for (i = 0; i < levels; i++) {
			for (j = 0; j < i; j++)
				*p++ = ' ', *p++ = ' ';
			p += sprintf(p, "- level\n");
		}
		p += sprintf(p, "\ndeepest\n");
	}
	load_bytes(&l, md, (size_t)(p - md));
	assert_int_equal(l.d->nentries, 1);
	/* nothing lost: the innermost text is there */
	assert_true(answer_has(l.d, 0, "deepest"));
	assert_true(max_depth(l.d->entries[0].blocks,
	                l.d->entries[0].nblocks) <= DOC_MAX_DEPTH);
	assert_int_equal(
	    count_diags(&l.dl, DIAG_WARNING, 0, 0, "flattened"), 1);
	unload(&l);
	free(md);
}

static void
test_deep_lists(void **state)
{
	(void)state;
	deep("### Q\n\n", "- ", 10000, 0);
	deep("### Q\n\n", "1. ", 10000, 0);
}

static void
test_deep_lists_indented(void **state)
{
	(void)state;
	deep("### Q\n\n", "", 2000, 1);
}

static void
test_deep_quotes(void **state)
{
	(void)state;
	deep("### Q\n\n", ">", 10000, 0);
	deep("### Q\n\n", "> ", 10000, 0);
	deep("### Q\n\n", "> - ", 10000, 0);
}

static void
test_many_headings(void **state)
{
	size_t n = 100000, i;
	char *md = malloc(n * 32 + 64), *p = md;
	struct loaded l;
	struct timespec t0, t1;
	double secs;

	(void)state;
	p += sprintf(p, "# T\n\n## S\n\n");
	for (i = 0; i < n; i++)
		p += sprintf(p, "### Question %zu\n\nA%zu\n\n", i, i);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	load_bytes(&l, md, (size_t)(p - md));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_int_equal(l.d->nentries, n);
	assert_string_equal(l.d->entries[n - 1].id, "question-99999");
	assert_ptr_equal(
	    doc_entry_by_id(l.d, "question-54321"), &l.d->entries[54321]);
	/* "well under a second", with room for a slow, shared machine and
	 * for the sanitizer build */
	assert_true(secs < 2.0);
	unload(&l);
	free(md);
}

/* 100 000 equal headings: duplicate numbering stays linear */
static void
test_many_duplicates(void **state)
{
	size_t n = 100000, i;
	char *md = malloc(n * 12 + 64), *p = md;
	struct loaded l;

	(void)state;
	for (i = 0; i < n; i++)
		p += sprintf(p, "### Same\n");
	load_bytes(&l, md, (size_t)(p - md));
	assert_int_equal(l.d->nentries, n);
	assert_string_equal(l.d->entries[n - 1].id, "same-99999");
	/* 99 999 renames and 100 000 questions without an answer: 100 of
	 * each shown, the rest counted in one summary each */
	assert_int_equal(diag_count(&l.dl, DIAG_WARNING), 2 * n - 1);
	assert_int_equal(l.dl.n, 2 * (DIAG_MAX_KIND + 1));
	{
		char *text = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&text, &len);

		diag_print(&l.dl, fp);
		fclose(fp);
		assert_non_null(strstr(text, "bad.md: warning: 99899 more like "
		                             "this not shown: duplicate id"));
		free(text);
	}
	unload(&l);
	free(md);
}

/* Escape sequences in headings, file names and answers never get through */
static void
test_escapes(void **state)
{
	struct loaded l;
	char *path = puts_("esc\x1b]0;pwned\x07.md",
	    "# \x1b]0;title\x07T\n\n### Q\x1b[2J\n\nA\x1b[31mred\xc2\x9b"
	    "0m\n");

	(void)state;
	loaded_path(&l, path);
	assert_int_equal(l.rc, 0);
	assert_string_equal(l.d->colls[0].title, "T");
	assert_null(strchr(l.d->colls[0].path, '\x1b'));
	assert_string_equal(l.d->entries[0].question, "Q");
	assert_true(answer_has(l.d, 0, "Ared"));
	assert_int_equal(count_diags(&l.dl, DIAG_WARNING, 0, 0, "escape"), 4);
	unload(&l);
	free(path);
}

/*
 * md4c 0.4.8 reads one byte past the end of a buffer whose last line is
 * cut inside a link destination; when that byte is ')' it took the link as
 * closed and reported a text of 3 GB (found by a random-input run; crashed
 * without the final-newline guard in load.c).
 */
static void
test_unterminated_last_line(void **state)
{
	const char first[] = "#####     |:-|-:|\n[r]: #a\n(#<b>&#x3042;(#a)~~"
	                     "|:-|-:|\n![i](x.png)## \x1b[31m[r]: #a\n`> \n\n"
	                     "a bfoo: y\n||## [r]: #a\n### #### ##### 1. ";
	struct doc *d = doc_new();
	struct diag_list dl = {0};
	char *a = malloc(sizeof first - 1), *b = malloc(64);

	(void)state;
	memcpy(a, first, sizeof first - 1);
	memcpy(b, first, 64); /* ends in "![i](x.png", then ')' */
	load_buffer(d, "a.md", a, sizeof first - 1, &dl);
	load_buffer(d, "b.md", b, 63, &dl);
	doc_finish(d, &dl);
	check_doc(d);
	assert_int_equal(d->ncolls, 2);
	/* no question in it: its text is one entry (issue 10: no text is
	 * dropped), not an introduction --print would not show */
	assert_true(d->colls[1].intro == NULL);
	assert_int_equal(d->colls[1].n, 1);
	assert_int_equal(d->secs[d->colls[1].first].n, 1);
	assert_true(d->entries[d->secs[d->colls[1].first].first].text_len <
	            100);
	assert_true(d->entries[d->secs[d->colls[1].first].first].nblocks > 0);
	doc_free(d);
	diag_clear(&dl);
	free(a);
	free(b);
}


/* Without front matter "lang", a collection's lang is what its text is
 * written in (issue 10): the UI language follows it. */
static void
test_lang_from_text(void **state)
{
	static const char *const text[] = {
	    "# よくある質問\n\n## アカウントを作るには？\n\nサインアップの"
	    "ページから作成してください。料金はかかりません。\n",
	    "# 자주 묻는 질문\n\n## 계정은 어떻게 만드나요?\n\n가입 페이지에서 "
	    "계정을 만들 수 있습니다. 요금은 없습니다.\n",
	    "# 常见问题\n\n## 如何创建账户？\n\n请在注册页面创建账户。创建账户"
	    "不收取任何费用。\n",
	    "# FAQ\n\n## How do I create an account?\n\nUse the sign-up "
	    "page; it costs nothing.  It takes a minute or two.\n",
	    "---\nlang: en\n---\n# よくある質問\n\n## アカウントを作るには？"
	    "\n\nサインアップのページから作成してください。料金はかかりません。"
	    "\n"};
	static const char *const want[] = {"ja", "ko", "zh", "", "en"};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof text / sizeof *text; k++) {
		struct doc *d = doc_new();
		struct diag_list dl = {0};

		load_buffer(d, "x.md", text[k], strlen(text[k]), &dl);
		doc_finish(d, &dl);
		assert_string_equal(d->colls[0].lang, want[k]);
		doc_free(d);
		diag_clear(&dl);
	}
}


/*
 * Plain text of random lines from the forms the plain-text reader and the
 * shapes know (indents, items, numbers, labels, rules, underlines), and
 * Markdown of random question paragraphs and lists: loaded, every
 * invariant of the doc holds and no text is lost (issue 10).
 */
static void
test_shapes_random(void **state)
{
	static const char *const lines[] = {"", "", "", "Q: why?",
	    "A: because.", "Q. two?", "1. Is it?", "1.1. Sub?", "2. Title",
	    "    indented answer", "\tdeeper example", "        code",
	    "* item?", "- answer item", "----", "====", "********",
	    "Title", "~~~~~", "**Q:** bold?  ", "**A:** yes", "> quoted?",
	    "## Heading", "### Question?", "質問：なぜ？", "回答：はい。",
	    "Ｑ．どうして？", "- **Question:** q?", "- **Answer:** a",
	    "  continued line", "A1) appendix?", "(3) third?", "text."};
	char *buf = malloc(64 * 1024);
	unsigned long r = 12345;
	size_t it, k, n, nl;

	(void)state;
	for (it = 0; it < 300; it++) {
		struct doc *d = doc_new();
		struct diag_list dl = {0};
		char *path;

		n = 0;
		nl = 1 + (r = r * 1103515245 + 12345) % 80;
		for (k = 0; k < nl; k++) {
			const char *l;

			r = r * 1103515245 + 12345;
			l = lines[(r >> 16) % (sizeof lines / sizeof *lines)];
			memcpy(buf + n, l, strlen(l));
			n += strlen(l);
			buf[n++] = '\n';
		}
		path = put(it % 2 ? "r.txt" : "r.md", buf, n);
		assert_int_equal(load_path(d, path, &dl), 0);
		doc_finish(d, &dl);
		check_doc(d);
		/* text is never dropped: a file with text has an entry */
		if (d->nentries == 0)
			for (k = 0; k < n; k++)
				assert_true(buf[k] == '\n' || buf[k] == '-' ||
				            buf[k] == '=' || buf[k] == '*' ||
				            buf[k] == '~');
		free(path);
		doc_free(d);
		diag_clear(&dl);
	}
	free(buf);
}

/* A FAQ of n entries, big enough to be mapped rather than read. */
static char *
big_faq(size_t n, size_t *len)
{
	size_t cap = n * 200 + 64, k = 0, i;
	char *s = malloc(cap);

	k += (size_t)sprintf(s, "# Big\n\n## Section\n\n");
	for (i = 0; i < n; i++)
		k += (size_t)snprintf(s + k, cap - k,
		    "### Question %zu?\n\nThe answer to question %zu, "
		    "with enough words to fill a line or two of text.\n\n",
		    i, i);
	*len = k;
	return s;
}

/* A big file is read into private memory: what the parse sees is the
 * file as it was, whatever happens to the file afterwards. */
static void
test_big_file_private(void **state)
{
	struct loaded l;
	size_t n;
	char *faq = big_faq(5000, &n), *path;
	struct filemap fm;
	struct stat st;
	int fd;

	(void)state;
	assert_true(n > 256 * 1024);
	path = put("big.md", faq, n);
	fd = open(path, O_RDWR);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(filemap_open(&fm, fd, &st), 0);
	assert_non_null(fm.anon); /* droppable pages */
	assert_memory_equal(fm.data, faq, n);
	assert_int_equal(pwrite(fd, "\x1b[2J", 4, 100), 4);
	assert_int_equal(ftruncate(fd, 4096), 0);
	assert_memory_equal(fm.data, faq, n);
	filemap_close(&fm);
	close(fd);
	free(path);
	path = put("big.md", faq, n);
	loaded_path(&l, path);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.d->nentries, 5000);
	assert_string_equal(l.d->entries[4999].question, "Question 4999?");
	assert_true(answer_has(l.d, 4999, "question 4999, with"));
	assert_int_equal(l.dl.n, 0);
	unload(&l);
	free(path);
	free(faq);
}

/* A paragraph longer than what the parser keeps behind it (a 6 MB word):
 * the pages dropped behind the parse read as zeros now that a file is in
 * private memory, and the paragraph's own text was dropped before it was
 * copied (its answer came out as U+FFFD, after minutes). */
static void
test_huge_paragraph_from_file(void **state)
{
	size_t n = 6u << 20, hdr, i;
	char *md = malloc(n + 64), *path;
	const struct entry *e;
	struct loaded l;

	(void)state;
	hdr = (size_t)sprintf(md, "# T\n\n## S\n\n### Q\n\n");
	memset(md + hdr, 'a', n);
	md[hdr + n] = '\n';
	path = put("huge.md", md, hdr + n + 1);
	loaded_path(&l, path);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.d->nentries, 1);
	e = &l.d->entries[0];
	assert_true(e->text_len >= n);
	for (i = 0; i < e->text_len; i++)
		if (e->text[i] != 'a' && e->text[i] != '\n')
			break;
	assert_int_equal(i, e->text_len);
	unload(&l);
	free(path);
	free(md);
}

/* A file that is not the version its fstat() before the read described
 * (shrunk, grown, rewritten at the same size) is reported as changed and
 * nothing is held: before, a mapping read zeros for the part that went,
 * the new bytes of a rewrite, or went on past the old end. */
static void
test_file_changed_during_read(void **state)
{
	static const char *const how[] = {"shrink", "grow", "rewrite"};
	size_t n, k;
	char *faq = big_faq(5000, &n), *path;
	struct filemap fm;
	struct stat st;
	struct timespec pause = {0, 20000000};
	int fd;

	(void)state;
	for (k = 0; k < 3; k++) {
		path = put("changing.md", faq, n);
		fd = open(path, O_RDWR);
		assert_int_equal(fstat(fd, &st), 0);
		nanosleep(&pause, NULL); /* a later mtime, whatever the clock */
		if (k == 0)
			assert_int_equal(ftruncate(fd, (off_t)n / 2), 0);
		else if (k == 1)
			assert_int_equal(pwrite(fd, "more\n", 5, (off_t)n), 5);
		else
			assert_int_equal(pwrite(fd, "\x1b]52;c;", 7, 0), 7);
		print_message("%s\n", how[k]);
		assert_int_equal(filemap_open(&fm, fd, &st), FILEMAP_CHANGED);
		assert_null(fm.data);
		assert_int_equal(fstat(fd, &st), 0);
		assert_int_equal(filemap_open(&fm, fd, &st), 0);
		assert_int_equal(fm.len, (size_t)st.st_size);
		filemap_close(&fm);
		close(fd);
		free(path);
	}
	free(faq);
}

/* A big file's beginning (load_path_head): the first screens while the
 * whole loads show the same entries as the whole, each whole, none cut. */
static void
test_head_of_big_file(void **state)
{
	struct loaded whole;
	struct diag_list hd = {0};
	struct doc *head = doc_new();
	size_t n, i;
	char *faq = big_faq(50000, &n), *path;

	(void)state;
	assert_true(n >= LOAD_HEAD_MIN);
	path = put("big.md", faq, n);
	assert_int_equal(load_path_head(head, path), 1);
	doc_finish(head, &hd);
	diag_clear(&hd);
	check_doc(head);
	loaded_path(&whole, path);
	assert_int_equal(head->ncolls, 1);
	assert_string_equal(head->colls[0].path, whole.d->colls[0].path);
	assert_true(head->nentries > 100);
	assert_true(head->nentries < whole.d->nentries / 10);
	for (i = 0; i < head->nentries; i++) {
		const struct entry *a = &head->entries[i], *b = &whole.d->entries[i];

		assert_int_equal(a->question_len, b->question_len);
		assert_memory_equal(a->question, b->question, a->question_len);
		assert_int_equal(a->text_len, b->text_len);
		assert_memory_equal(a->text, b->text, a->text_len);
		assert_string_equal(a->id, b->id);
	}
	unload(&whole);
	doc_free(head);
	free(path);
	free(faq);
}

/* Files under LOAD_HEAD_MIN and directories are loaded whole as before:
 * load_path_head() leaves the doc alone. */
static void
test_head_not_for_small(void **state)
{
	struct doc *d = doc_new();
	char *small = puts_("small.md", "# T\n\n## S\n\n### Q\n\nA\n");
	char *dir = put("headdir", NULL, 0);

	(void)state;
	assert_int_equal(load_path_head(d, small), 0);
	assert_int_equal(load_path_head(d, dir), 0);
	assert_int_equal(load_path_head(d, "/nonexistent/faq.md"), 0);
	assert_int_equal(d->ncolls, 0);
	doc_free(d);
	free(small);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_head_of_big_file),
	    cmocka_unit_test(test_head_not_for_small),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_unreadable_file),
	    cmocka_unit_test(test_directory),
	    cmocka_unit_test(test_directory_one_unreadable),
	    cmocka_unit_test(test_directory_without_md),
	    cmocka_unit_test(test_empty_file),
	    cmocka_unit_test(test_binary_file),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_nul_bytes),
	    cmocka_unit_test(test_crlf),
	    cmocka_unit_test(test_bom),
	    cmocka_unit_test(test_long_line),
	    cmocka_unit_test(test_deep_lists),
	    cmocka_unit_test(test_deep_lists_indented),
	    cmocka_unit_test(test_deep_quotes),
	    cmocka_unit_test(test_many_headings),
	    cmocka_unit_test(test_many_duplicates),
	    cmocka_unit_test(test_escapes),
	    cmocka_unit_test(test_unterminated_last_line),
	    cmocka_unit_test(test_big_file_private),
	    cmocka_unit_test(test_file_changed_during_read),
	    cmocka_unit_test(test_lang_from_text),
	    cmocka_unit_test(test_huge_paragraph_from_file),
	    cmocka_unit_test(test_shapes_random),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
