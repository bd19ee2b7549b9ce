/*
 * fuzz_render.c - libFuzzer driver: parse (sanitise included), resolve and
 * render every entry, print and list, at a width and ambiguous setting
 * taken from the first two bytes of the input.  Besides the sanitizers, it
 * traps when an output line breaks an invariant a terminal relies on:
 * valid UTF-8, no control byte, a width field that is the real width, and
 * no line wider than the width unless the line is one lone cluster.  It
 * also parses every input twice, in one pass and split in two halves as
 * big files are (split.c), and traps when the printed docs or their
 * diagnostics differ.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "diag.h"
#include "doc.h"
#include "load.h"
#include "print.h"
#include "render.h"
#include "utf8.h"
#include "width.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is s[0..n), leading spaces aside, at most one grapheme cluster?  Uses
 * u8_grapheme_breaks, which sees the whole string as the wrapper does:
 * u8_grapheme_next looks at pairs only and splits a flag (two regional
 * indicators) or a ZWJ sequence that the wrapper rightly keeps whole. */
static int
one_cluster(const char *s, size_t n)
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

static void
check(const struct slines *ls, int width, int amb)
{
	size_t i, j;

	for (i = 0; i < ls->n; i++) {
		const struct sline *l = &ls->v[i];

		if (u8_check((const uint8_t *)l->text, l->len) != NULL)
			__builtin_trap();
		for (j = 0; j < l->len;) {
			uint32_t c = utf8_next(l->text, l->len, &j);

			if (c < 0x20 || (c >= 0x7F && c < 0xA0))
				__builtin_trap();
		}
		if (l->width != width_str(l->text, l->len, amb))
			__builtin_trap();
		if (l->width > width) {
			/* Only a lone cluster wider than the line may be;
			 * chrome before it (prefix bytes) is cut to fit. */
			size_t a = 0;

			while (a < l->len && (l->attr[a] & AT_CHROME))
				a++;
			if (!one_cluster(l->text + a, l->len - a))
				__builtin_trap();
		}
	}
}

/* Loads data[0..size) in one pass or split; the print, list and
 * diagnostics go to *text. */
static struct doc *
load(const uint8_t *data, size_t size, size_t split_min,
    const struct render_opts *o, char **text)
{
	struct diag_list diags = {0};
	struct doc *d = doc_new();
	struct load_opt opt = {split_min};
	size_t n = 0;
	FILE *fp;

	load_buffer_opt(
	    d, "fuzz.md", (const char *)data, size, &opt, NULL, &diags);
	doc_finish(d, &diags);
	fp = open_memstream(text, &n);
	if (fp == NULL)
		abort();
	print_doc(fp, d, o, NULL);
	print_list(fp, d, NULL);
	diag_print(&diags, fp);
	fclose(fp);
	diag_clear(&diags);
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *d;
	struct slines out = {0};
	struct render_opts o;
	char *one, *two;
	size_t i;

	if (size < 2)
		return 0;
	memset(&o, 0, sizeof o);
	o.width = 1 + data[0] % 160;
	o.ambiguous = 1 + (data[1] & 1);
	o.ascii = (data[1] >> 1) & 1;
	o.del_marks = (data[1] >> 2) & 1;
	d = load(data + 2, size - 2, SIZE_MAX, &o, &one);
	doc_free(d);
	d = load(data + 2, size - 2, 1, &o, &two);
	if (strcmp(one, two) != 0)
		__builtin_trap();
	free(one);
	free(two);
	for (i = 0; i < d->nentries; i++) {
		const struct entry *e = &d->entries[i];

		slines_clear(&out);
		render_answer(doc_entry_answer(d, e), &o, NULL, &out);
		check(&out, o.width, o.ambiguous);
		slines_clear(&out);
		render_plain(e->question, e->question_len, "▶ ", "  ",
		    AT_CHROME, AT_HEADING, &o, NULL, &out);
		check(&out, o.width, o.ambiguous);
	}
	slines_free(&out);
	doc_free(d);
	return 0;
}
