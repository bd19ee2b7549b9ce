/*
 * test_textprop.c - the property test of issue 3: over the bundled content,
 * a hostile file and a Japanese stress file, every entry rendered at every
 * width from 10 to 120 with ambiguous 1 and 2 must give lines that
 *   - are never wider than the width (line->width exact);
 *   - are valid UTF-8 without C0 (tab included), ESC, DEL or C1;
 *   - do not start with a line-start-prohibited character (TEXT.md list)
 *     unless the line starts a paragraph or list item, or the line before
 *     offered no better place to break (every boundary in it bad: the
 *     renderer can do nothing else, e.g. three 。 in 4 columns);
 *   - do not end with 「『（ (unless that is all the line holds);
 *   - never split a grapheme cluster across two lines of one paragraph;
 *   - keep every non-space character of the source, in order: the
 *     non-chrome characters of the output equal the characters of the
 *     answer's blocks (tables may come as a grid, row by row, or as
 *     「見出し: 値」 records, which repeat the header: both orders are
 *     accepted, nothing else).
 * Chrome is what the renderer adds (AT_CHROME: bars, markers, rules,
 * continuation marks); it must come from the known chrome characters.
 *
 * There is one exception, documented in wrap.h: a single cluster wider
 * than the whole width.  No input here has a cluster wider than 10.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "diag.h"
#include "doc.h"
#include "load.h"
#include "render.h"
#include "utf8.h"
#include "width.h"

struct buf {
	char *s;
	size_t n, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n) + 64;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static int
is_space_cp(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x3000;
}

/* Appends the non-space characters of s[0..n) to b. */
static void
add_nonspace(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = i;
		if (!is_space_cp(utf8_next(s, n, &k)))
			buf_add(b, s + i, k - i);
		i = k;
	}
}

/* --- what the source says must appear ------------------------------------ */

/* A sequence of segments; a table has two acceptable forms. */
struct seg {
	struct buf alt[2];
	int nalt;
};

struct expect {
	struct seg *v;
	size_t n, cap;
};

static struct buf *
expect_plain(struct expect *x)
{
	if (x->n == 0 || x->v[x->n - 1].nalt != 1) {
		if (x->n == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 8;
			x->v = realloc(x->v, x->cap * sizeof *x->v);
			assert_non_null(x->v);
		}
		memset(&x->v[x->n], 0, sizeof x->v[x->n]);
		x->v[x->n++].nalt = 1;
	}
	return &x->v[x->n - 1].alt[0];
}

static void
add_spans(struct buf *b, const char *text, const struct span *sp, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sp[i].kind == SPAN_TEXT)
			add_nonspace(b, text + sp[i].off, sp[i].len);
}

static void
expect_blocks(
    struct expect *x, const char *text, const struct block *b, size_t n)
{
	size_t i, r, c;

	for (i = 0; i < n; i++) {
		switch (b[i].kind) {
		case BLOCK_PARA:
		case BLOCK_HEADING:
			add_spans(
			    expect_plain(x), text, b[i].spans, b[i].nspans);
			break;
		case BLOCK_CODE:
			add_nonspace(expect_plain(x), text + b[i].code_off,
			    b[i].code_len);
			break;
		case BLOCK_TABLE: {
			struct seg *s;
			const struct cell *cl = b[i].cells;
			size_t nc = b[i].ncols;

			(void)expect_plain(x);
			if (x->n == x->cap) {
				x->cap *= 2;
				x->v = realloc(x->v, x->cap * sizeof *x->v);
				assert_non_null(x->v);
			}
			s = &x->v[x->n++];
			memset(s, 0, sizeof *s);
			s->nalt = 2;
			buf_add(&s->alt[0], "", 0);
			buf_add(&s->alt[1], "", 0);
			for (r = 0; r < b[i].nrows; r++)
				for (c = 0; c < nc; c++)
					add_spans(&s->alt[0], text,
					    cl[r * nc + c].spans,
					    cl[r * nc + c].nspans);
			for (r = b[i].nrows > 1 ? 1 : 0; r < b[i].nrows; r++)
				for (c = 0; c < nc; c++) {
					add_spans(&s->alt[1], text, cl[c].spans,
					    cl[c].nspans);
					if (r > 0)
						add_spans(&s->alt[1], text,
						    cl[r * nc + c].spans,
						    cl[r * nc + c].nspans);
				}
			break;
		}
		default:
			expect_blocks(x, text, b[i].children, b[i].nchildren);
			break;
		}
	}
}

static void
expect_free(struct expect *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].alt[0].s);
		free(x->v[i].alt[1].s);
	}
	free(x->v);
	memset(x, 0, sizeof *x);
}

static int
expect_match(const struct expect *x, size_t k, const char *out, size_t n)
{
	int a;

	if (k == x->n)
		return n == 0;
	for (a = 0; a < x->v[k].nalt; a++) {
		const struct buf *b = &x->v[k].alt[a];
		size_t len = b->n;

		if (len <= n && (len == 0 || memcmp(b->s, out, len) == 0) &&
		    expect_match(x, k + 1, out + len, n - len))
			return 1;
	}
	return 0;
}

/* --- checking the lines --------------------------------------------------- */

static const char *const nostart[] = {"。", "、", "」", "』", "）", "・", "：",
    "？", "！", "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ",
    "ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ",
    "ヶ", "ゝ", "ゞ", "ヽ", "ヾ", "々", "～", "，", "．", "｡", "､", "｣", "･",
    "ｰ", "ｧ", "ｨ", "ｩ", "ｪ", "ｫ", "ｯ", "ｬ", "ｭ", "ｮ", "ﾞ", "ﾟ", NULL};
static const char *const noend[] = {"「", "『", "（", NULL};
static const char chrome_ok[] = "│>•◦▪*-+↩\\─┌┐└┘├┤┬┴┼|0123456789.: ▶";

static int
in_list(const char *const *list, const char *s, size_t n)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return 1;
	return 0;
}

/* The content of a line: where it starts and ends (chrome and spaces
 * excluded) and the leading chrome, for comparing prefixes. */
struct content {
	size_t a, b;  /* first and end of last non-space content byte */
	size_t lead;  /* bytes of leading chrome */
	int all_code; /* every content byte is AT_CODE */
};

static struct content
content_of(const struct sline *l)
{
	struct content ct = {0, 0, 0, 1};
	size_t i = 0, k;
	int seen = 0;

	while (ct.lead < l->len && (l->attr[ct.lead] & AT_CHROME))
		ct.lead++;
	while (i < l->len) {
		k = i;
		uint32_t c = utf8_next(l->text, l->len, &k);

		if (!(l->attr[i] & AT_CHROME) && !is_space_cp(c)) {
			if (!seen)
				ct.a = i;
			seen = 1;
			ct.b = k;
			if (!(l->attr[i] & AT_CODE))
				ct.all_code = 0;
		}
		i = k;
	}
	if (!seen)
		ct.a = ct.b = 0;
	return ct;
}

/* Whether some cluster boundary inside [a, b) of l would have been a
 * better break: not before a prohibited character, not after an opener. */
static int
has_good_boundary(const struct sline *l, size_t a, size_t b)
{
	char *brk = malloc(b - a + 1);
	size_t i, k, p;
	int good = 0;

	assert_non_null(brk);
	u8_grapheme_breaks((const uint8_t *)l->text + a, b - a, brk);
	for (i = a + 1; i < b && !good; i++) {
		if (!brk[i - a] || (l->attr[i] & AT_CHROME))
			continue;
		k = i;
		(void)utf8_next(l->text, b, &k);
		p = i - 1;
		while (p > a && ((unsigned char)l->text[p] & 0xC0) == 0x80)
			p--;
		good = !in_list(nostart, l->text + i, k - i) &&
		       !in_list(noend, l->text + p, i - p) && l->text[i] != ' ';
	}
	free(brk);
	return good;
}

struct where {
	const char *file, *entry;
	int width, amb;
};

#define FAILF(w, i, ...)                                                       \
	do {                                                                   \
		print_error(                                                   \
		    "%s: entry %s, width %d, ambiguous %d, line %zu: ",        \
		    (w)->file, (w)->entry, (w)->width, (w)->amb, (i));         \
		fail_msg(__VA_ARGS__);                                         \
	} while (0)

static void
check_lines(const struct slines *ls, size_t from, const struct where *w,
    const struct expect *x)
{
	struct buf got = {0};
	size_t i, j, k;

	buf_add(&got, "", 0);
	for (i = from; i < ls->n; i++) {
		const struct sline *l = &ls->v[i];
		struct content ct = content_of(l), pc;
		int cont;

		if (l->width != width_str(l->text, l->len, w->amb))
			FAILF(w, i, "width %d is not exact", l->width);
		if (l->width > w->width)
			FAILF(w, i, "%d columns: '%s'", l->width, l->text);
		if (u8_check((const uint8_t *)l->text, l->len) != NULL)
			FAILF(w, i, "invalid UTF-8");
		if (strlen(l->text) != l->len)
			FAILF(w, i, "NUL inside");
		for (j = 0; j < l->len;) {
			size_t a = j;
			uint32_t c = utf8_next(l->text, l->len, &j);

			if (c < 0x20 || (c >= 0x7F && c < 0xA0))
				FAILF(w, i, "control U+%04X: '%s'", (unsigned)c,
				    l->text);
			if (l->attr[a] & AT_CHROME) {
				char cp[5] = {0};

				memcpy(cp, l->text + a, j - a);
				if (strstr(chrome_ok, cp) == NULL)
					FAILF(w, i, "chrome '%s' in '%s'", cp,
					    l->text);
			}
			if (!(l->attr[a] & AT_CHROME) && !is_space_cp(c))
				buf_add(&got, l->text + a, j - a);
		}
		if (ct.a == ct.b)
			continue;
		/* A continuation line of the same paragraph: the line before
		 * has text and the same leading chrome. */
		pc = i > from ? content_of(&ls->v[i - 1]) : ct;
		cont = i > from && pc.a != pc.b && pc.lead == ct.lead &&
		       memcmp(ls->v[i - 1].text, l->text, ct.lead) == 0 &&
		       !ct.all_code;
		k = ct.a;
		(void)utf8_next(l->text, l->len, &k);
		if (cont && in_list(nostart, l->text + ct.a, k - ct.a) &&
		    has_good_boundary(&ls->v[i - 1], pc.a, pc.b))
			FAILF(w, i, "starts with %.*s: '%s' after '%s'",
			    (int)(k - ct.a), l->text + ct.a, l->text,
			    ls->v[i - 1].text);
		if (i > from && pc.a != pc.b && pc.lead == ct.lead &&
		    memcmp(ls->v[i - 1].text, l->text, ct.lead) == 0) {
			/* The last cluster of the line before and this
			 * line's first must not be one cluster. */
			const struct sline *p = &ls->v[i - 1];
			size_t n1, n2 = k - ct.a, la = pc.a, q;
			char *brk = malloc(pc.b - pc.a + n2 + 1);
			char *two = malloc(pc.b - pc.a + n2 + 1);

			assert_true(brk != NULL && two != NULL);
			u8_grapheme_breaks(
			    (const uint8_t *)p->text + pc.a, pc.b - pc.a, brk);
			for (q = pc.a + 1; q < pc.b; q++)
				if (brk[q - pc.a])
					la = q;
			n1 = pc.b - la;
			memcpy(two, p->text + la, n1);
			memcpy(two + n1, l->text + ct.a, n2);
			u8_grapheme_breaks((const uint8_t *)two, n1 + n2, brk);
			if (!brk[n1])
				FAILF(w, i, "cluster split: '%s' / '%s'",
				    p->text, l->text);
			free(brk);
			free(two);
		}
		/* The line's last content character. */
		k = ct.b;
		do
			k--;
		while (k > ct.a && ((unsigned char)l->text[k] & 0xC0) == 0x80);
		if (k > ct.a && !ct.all_code &&
		    in_list(noend, l->text + k, ct.b - k))
			FAILF(w, i, "ends with %.*s: '%s'", (int)(ct.b - k),
			    l->text + k, l->text);
	}
	if (x != NULL && !expect_match(x, 0, got.s, got.n)) {
		struct buf want = {0};

		for (i = 0; i < x->n; i++)
			buf_add(&want, x->v[i].alt[0].s, x->v[i].alt[0].n);
		print_error("%s: entry %s width %d amb %d\n got:  %s\n want: "
		            "%s\n",
		    w->file, w->entry, w->width, w->amb, got.s,
		    want.s ? want.s : "");
		free(want.s);
		fail_msg("text lost, added or reordered");
	}
	free(got.s);
}

/* --- the inputs ----------------------------------------------------------- */

static char *
read_file(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	s = malloc((size_t)len + 1);
	assert_non_null(s);
	*n = fread(s, 1, (size_t)len, fp);
	s[*n] = '\0';
	fclose(fp);
	return s;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* tests/data/hostile.md is written readably: \xHH is one byte, \\ is a
 * backslash.  Decodes in place. */
static size_t
unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x' &&
		    hexval(s[i + 2]) >= 0 && hexval(s[i + 3]) >= 0) {
			s[o++] =
			    (char)(hexval(s[i + 2]) * 16 + hexval(s[i + 3]));
			i += 3;
		} else if (s[i] == '\\' && i + 1 < n && s[i + 1] == '\\') {
			s[o++] = '\\';
			i++;
		} else {
			s[o++] = s[i];
		}
	}
	return o;
}

static void
check_entry(const struct doc *d, const char *file, const struct entry *e)
{
	const struct entry *a = doc_entry_answer(d, e);
	struct expect x = {0};
	struct expect xq = {0};
	struct slines out = {0};
	struct where w = {file, e->id, 0, 0};

	expect_blocks(&x, a->text, a->blocks, a->nblocks);
	add_nonspace(expect_plain(&xq), e->question, e->question_len);
	for (w.amb = 1; w.amb <= 2; w.amb++) {
		for (w.width = 10; w.width <= 120; w.width++) {
			struct render_opts o = {w.width, w.amb, 0, 0};

			o.ascii = w.width % 7 == 0;
			slines_clear(&out);
			render_answer(a, &o, NULL, &out);
			check_lines(&out, 0, &w, &x);
			slines_clear(&out);
			render_plain(e->question, e->question_len, "▶ ", "  ",
			    AT_CHROME, AT_HEADING, &o, NULL, &out);
			check_lines(&out, 0, &w, &xq);
		}
	}
	slines_free(&out);
	expect_free(&x);
	expect_free(&xq);
}

static size_t
check_buffer(const char *file, const char *s, size_t n)
{
	struct doc *d = doc_new();
	struct diag_list diags = {0};
	size_t i, count;

	assert_int_equal(load_buffer(d, file, s, n, &diags), 0);
	doc_finish(d, &diags);
	for (i = 0; i < d->nentries; i++)
		check_entry(d, file, &d->entries[i]);
	count = d->nentries;
	diag_clear(&diags);
	doc_free(d);
	return count;
}

static size_t
check_path(const char *path, int hostile)
{
	size_t n = 0, count;
	char *s = read_file(path, &n);

	if (s == NULL)
		fail_msg("cannot read %s", path);
	if (hostile)
		n = unescape(s, n);
	count = check_buffer(path, s, n);
	print_message(
	    "%s: %zu entries x widths 10-120 x ambiguous 1, 2\n", path, count);
	free(s);
	return count;
}

static void
test_textprop_stress(void **state)
{
	(void)state;
	assert_true(check_path("tests/data/stress-ja.md", 0) >= 7);
}

static void
test_textprop_hostile(void **state)
{
	(void)state;
	assert_true(check_path("tests/data/hostile.md", 1) >= 5);
}

static int
md_name(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return n > 3 && strcmp(de->d_name + n - 3, ".md") == 0;
}

static void
test_textprop_content(void **state)
{
	struct dirent **names;
	int i, n;
	size_t entries = 0;

	(void)state;
	n = scandir("content", &names, md_name, alphasort);
	if (n <= 0) {
		print_message("content/ not present yet: skipped\n");
		skip();
	}
	for (i = 0; i < n; i++) {
		char path[512];

		snprintf(path, sizeof path, "content/%s", names[i]->d_name);
		entries += check_path(path, 0);
		free(names[i]);
	}
	free(names);
	assert_true(entries > 0);
}

/* The check itself can fail: a renderer that lost a character, or that
 * started a line with 。, would be caught. */
static void
test_textprop_checker_fails(void **state)
{
	struct slines ls = {0};
	struct sline *l;
	struct expect x = {0};

	(void)state;
	buf_add(expect_plain(&x), "あいう。", strlen("あいう。"));
	l = slines_push(&ls);
	sline_append(l, "あいう", strlen("あいう"), 0, 6);
	l = slines_push(&ls);
	sline_append(l, "。", strlen("。"), 0, 2);
	assert_false(expect_match(&x, 0, "あいう", strlen("あいう")));
	assert_true(expect_match(&x, 0, "あいう。", strlen("あいう。")));
	assert_true(has_good_boundary(&ls.v[0], 0, ls.v[0].len));
	slines_free(&ls);
	expect_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_textprop_checker_fails),
	    cmocka_unit_test(test_textprop_stress),
	    cmocka_unit_test(test_textprop_hostile),
	    cmocka_unit_test(test_textprop_content),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
