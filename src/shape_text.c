/*
 * shape_text.c - the text tests every recogniser shares (shapeint.h):
 * whether a line ends with a question mark, Q and A labels, question
 * numbers, headings that name a FAQ.  Bytes in, no blocks.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "shapeint.h"

/* Whether s starts with the UTF-8 string p; its length then, else 0. */
static size_t
starts(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0 ? k : 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Blanks (ASCII and the ideographic space) at s[0..n): their length. */
static size_t
blanks(const char *s, size_t n)
{
	size_t i = 0, k;

	for (;;) {
		if (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if ((k = starts(s + i, n - i, "\xe3\x80\x80")) > 0)
			i += k;
		else
			return i;
	}
}

int
shape_ends_question(const char *s, size_t n)
{
	static const char *const closers[] = {"\"", "'", ")", "*", "_", "`",
	    "\xe2\x80\x9d", "\xe2\x80\x99", "\xef\xbc\x89", "\xe3\x80\x8d",
	    "\xe3\x80\x8f", "\xe3\x80\x80", " ", "\t"};
	size_t k, m;

	/* the usual case first: '?' last, nothing after it */
	if (n >= 1 && s[n - 1] == '?')
		return 1;
	if (n == 0 || strchr("\"')*_` \t\x80\x89\x8d\x8f\x99\x9d\x9f",
	                  s[n - 1]) == NULL)
		return 0;
	for (;;) {
		for (k = 0; k < sizeof closers / sizeof *closers; k++) {
			m = strlen(closers[k]);
			if (n >= m && memcmp(s + n - m, closers[k], m) == 0)
				break;
		}
		if (k == sizeof closers / sizeof *closers)
			break;
		n -= m;
	}
	return (n >= 1 && s[n - 1] == '?') ||
	       (n >= 3 && memcmp(s + n - 3, "\xef\xbc\x9f", 3) == 0);
}

/*
 * A label: one of words, then digits, then one of seps (or, when
 * bare_ok, nothing but a blank or the end), then blanks.
 */
static size_t
label(const char *s, size_t n, const char *const *words, size_t nwords,
    const char *const *seps, size_t nseps, int bare_ok)
{
	size_t i, k, w, m;

	for (w = 0; w < nwords; w++) {
		if (n == 0 || s[0] != words[w][0] ||
		    (i = starts(s, n, words[w])) == 0)
			continue;
		while (i < n && is_digit(s[i]))
			i++;
		for (k = 0; k < nseps; k++)
			if ((m = starts(s + i, n - i, seps[k])) > 0)
				return i + m + blanks(s + i + m, n - i - m);
		if (bare_ok && (i == n || s[i] == ' '))
			return i + blanks(s + i, n - i);
	}
	return 0;
}

/* ":", ".", "：", "．", "、" */
static const char *const label_seps[] = {
    ":", ".", "\xef\xbc\x9a", "\xef\xbc\x8e", "\xe3\x80\x81"};

size_t
shape_q_label(const char *s, size_t n)
{
	static const char *const words[] = {"Question", "QUESTION", "Q",
	    "\xef\xbc\xb1",             /* Ｑ */
	    "\xe8\xb3\xaa\xe5\x95\x8f", /* 質問 */
	    "\xe5\x95\x8f",             /* 問 */
	    "\xe9\x97\xae",             /* 问 */
	    "\xec\xa7\x88\xeb\xac\xb8"}; /* 질문 */
	size_t k = label(s, n, words, sizeof words / sizeof *words,
	    label_seps, sizeof label_seps / sizeof *label_seps, 0);

	/* "Q." before a word is a label, "Q.E.D." is not */
	if (k == 2 && s[0] == 'Q' && s[1] == '.' && n > 3 && s[3] == '.')
		return 0;
	return k;
}

size_t
shape_a_label(const char *s, size_t n)
{
	static const char *const words[] = {"Answer", "ANSWER", "A",
	    "\xef\xbc\xa1",             /* Ａ */
	    "\xe5\x9b\x9e\xe7\xad\x94", /* 回答 */
	    "\xe7\xad\x94\xe3\x81\x88", /* 答え */
	    "\xe7\xad\x94",             /* 答 */
	    "\xeb\x8b\xb5\xeb\xb3\x80"}; /* 답변 */
	size_t k = label(s, n, words, sizeof words / sizeof *words,
	    label_seps, sizeof label_seps / sizeof *label_seps, 0);

	if (k == 2 && s[0] == 'A' && s[1] == '.' && n > 3 && s[3] == '.')
		return 0;
	return k;
}

size_t
shape_number(const char *s, size_t n)
{
	size_t i = 0, parts = 0, d;
	int paren = 0, dot = 0;

	if (i < n && s[i] == '(') {
		paren = 1;
		i++;
	} else if (i < n && (s[i] == 'Q' || s[i] == 'A')) {
		i++;
	}
	for (;;) {
		for (d = 0; i < n && is_digit(s[i]) && d < 4; d++)
			i++;
		if (d == 0 || (i < n && is_digit(s[i])))
			return 0;
		parts++;
		if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
			i++;
			continue;
		}
		break;
	}
	if (paren) {
		if (i >= n || s[i] != ')')
			return 0;
		i++;
	} else if (i < n && (s[i] == '.' || s[i] == ')' || s[i] == ':')) {
		dot = 1;
		i++;
	} else if (parts < 2) {
		return 0;
	}
	(void)dot;
	if (i >= n || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	return i + blanks(s + i, n - i);
}

int
shape_names_faq(const char *s, size_t n)
{
	/* by the first byte of each name, one test per byte of s */
	static const char *const ascii_f[] = {"faq", "frequently asked"};
	static const char *const cjk[] = {
	    "\xe3\x82\x88\xe3\x81\x8f\xe3\x81\x82\xe3\x82\x8b", /* よくある */
	    "\xe5\xb8\xb8\xe8\xa7\x81\xe9\x97\xae\xe9\xa2\x98", /* 常见问题 */
	    "\xe5\xb8\xb8\xe8\xa6\x8b\xe5\x95\x8f\xe9\xa1\x8c", /* 常見問題 */
	    "\xec\x9e\x90\xec\xa3\xbc \xeb\xac\xbb\xeb\x8a\x94"}; /* 자주 묻는 */
	size_t i, k, m;

	/* a heading that names the FAQ is short: "FAQ", "よくある質問";
	 * a question is longer, and every heading is looked at */
	if (n > 48)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c | 0x20) == 'f') {
			for (k = 0; k < 2; k++) {
				m = strlen(ascii_f[k]);
				if (n - i >= m &&
				    strncasecmp(s + i, ascii_f[k], m) == 0)
					return 1;
			}
		} else if ((c | 0x20) == 'q') {
			if (n - i >= 3 && strncasecmp(s + i, "q&a", 3) == 0)
				return 1;
		} else if (c == 0xE3 || c == 0xE5 || c == 0xEC) {
			for (k = 0; k < sizeof cjk / sizeof *cjk; k++) {
				m = strlen(cjk[k]);
				if (n - i >= m && memcmp(s + i, cjk[k], m) == 0)
					return 1;
			}
		}
	}
	return 0;
}

