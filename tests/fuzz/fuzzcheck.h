/*
 * fuzzcheck.h - what every libFuzzer driver here checks and needs: loading
 * an input through the loader's generic entry point under a file name the
 * input chooses (so a reader added later, HTML or plain text, is reached
 * by the same drivers), and the invariants a terminal relies on for every
 * line that leaves the renderer.  Test code only: static functions in a
 * header, one copy per driver.
 */
#ifndef FAQ_FUZZCHECK_H
#define FAQ_FUZZCHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "diag.h"
#include "doc.h"
#include "load.h"
#include "sline.h"
#include "utf8.h"
#include "width.h"

/* The name a file is loaded under decides its reader: Markdown by .md,
 * plain text by .txt or a bare FAQ (the README of a project), .mdx as
 * docs sites name theirs.  k is a byte of the input. */
static const char *
fuzz_name(uint8_t k)
{
	static const char *const names[] = {"x.md", "x.txt", "FAQ", "x.mdx",
	    "x.markdown", "faq.html"};

	return names[k % (sizeof names / sizeof names[0])];
}

/* Loads data[0..size) as name, finishes the doc; split_min as load_opt. */
static struct doc *
fuzz_load(const char *name, const uint8_t *data, size_t size,
    size_t split_min, struct diag_list *diags)
{
	struct doc *d = doc_new();
	/* as load_path reads a file of that name */
	struct load_opt opt = {.split_min = split_min,
	    .plain = load_is_plain_name(name)};

	load_buffer_opt(d, name, (const char *)data, size, &opt, NULL, diags);
	doc_finish(d, diags);
	return d;
}

/* Is s[0..n), leading spaces aside, at most one grapheme cluster?  Uses
 * u8_grapheme_breaks, which sees the whole string as the wrapper does:
 * u8_grapheme_next looks at pairs only and splits a flag (two regional
 * indicators) or a ZWJ sequence that the wrapper rightly keeps whole. */
static int
fuzz_one_cluster(const char *s, size_t n)
{
	size_t lead = 0, i;
	char *brk;
	int ok = 1;

	while (lead < n && s[lead] == ' ')
		lead++;
	if (lead == n)
		return 1;
	brk = malloc(n - lead);
	if (brk == NULL)
		abort();
	u8_grapheme_breaks((const uint8_t *)s + lead, n - lead, brk);
	for (i = 1; i < n - lead; i++)
		if (brk[i])
			ok = 0;
	free(brk);
	return ok;
}

/* Valid UTF-8 and no control character (C0, DEL, C1) in s[0..n). */
static void
fuzz_check_text(const char *s, size_t n)
{
	size_t j;

	if (u8_check((const uint8_t *)s, n) != NULL)
		__builtin_trap();
	for (j = 0; j < n;) {
		uint32_t c = utf8_next(s, n, &j);

		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			__builtin_trap();
	}
}

/* Printed output (--print, --list, diagnostics): as fuzz_check_text, but
 * line breaks and the tabs of --list are the format. */
static void
fuzz_check_output(const char *s, size_t n)
{
	size_t j;

	if (u8_check((const uint8_t *)s, n) != NULL)
		__builtin_trap();
	for (j = 0; j < n;) {
		uint32_t c = utf8_next(s, n, &j);

		if (c == '\n' || c == '\t')
			continue;
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			__builtin_trap();
	}
}

/* Every rendered line: clean text, a width field that is the real width,
 * and no line wider than width unless it is one lone cluster. */
static void
fuzz_check_lines(const struct slines *ls, int width, int amb)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		const struct sline *l = &ls->v[i];

		fuzz_check_text(l->text, l->len);
		if (l->width != width_str(l->text, l->len, amb))
			__builtin_trap();
		if (l->width > width) {
			/* Only a lone cluster wider than the line may be;
			 * chrome before it (prefix bytes) is cut to fit. */
			size_t a = 0;

			while (a < l->len && (l->attr[a] & AT_CHROME))
				a++;
			if (!fuzz_one_cluster(l->text + a, l->len - a))
				__builtin_trap();
		}
	}
}

#endif
