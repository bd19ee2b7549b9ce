/*
 * fuzz_render.c - libFuzzer driver: parse (sanitise included), resolve and
 * render every entry, print and list, at a width and ambiguous setting
 * taken from the first two bytes of the input (the second also picks the
 * file name, and so the reader: fuzzcheck.h).  Besides the sanitizers, it
 * traps when an output line breaks an invariant a terminal relies on:
 * valid UTF-8, no control byte, a width field that is the real width, and
 * no line wider than the width unless the line is one lone cluster.  It
 * also parses every input twice, in one pass and split in two halves as
 * big files are (split.c), and traps when the printed docs or their
 * diagnostics differ.
 */
#include "fuzzcheck.h"
#include "print.h"
#include "render.h"
#include "render_units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loads data[0..size) in one pass or split; the print, list and
 * diagnostics go to *text. */
static struct doc *
load(const char *name, const uint8_t *data, size_t size, size_t split_min,
    const struct render_opts *o, char **text)
{
	struct diag_list diags = {0};
	struct doc *d = fuzz_load(name, data, size, split_min, &diags);
	size_t n = 0;
	FILE *fp;

	fp = open_memstream(text, &n);
	if (fp == NULL)
		abort();
	print_doc(fp, d, o, NULL);
	print_list(fp, d, NULL);
	diag_print(&diags, fp);
	fclose(fp);
	fuzz_check_output(*text, n);
	diag_clear(&diags);
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *d;
	struct slines out = {0};
	struct render_opts o = {0};
	char *one, *two;
	const char *name;
	size_t i;

	if (size < 2)
		return 0;
	memset(&o, 0, sizeof o);
	o.width = 1 + data[0] % 160;
	o.ambiguous = 1 + (data[1] & 1);
	o.ascii = (data[1] >> 1) & 1;
	o.notes = NULL;
	o.del_marks = (data[1] >> 7) & 1;
	name = fuzz_name(data[1] >> 2);
	d = load(name, data + 2, size - 2, SIZE_MAX, &o, &one);
	doc_free(d);
	d = load(name, data + 2, size - 2, 1, &o, &two);
	if (strcmp(one, two) != 0)
		__builtin_trap();
	free(one);
	free(two);
	for (i = 0; i < d->nentries; i++) {
		const struct entry *e = &d->entries[i];

		slines_clear(&out);
		render_answer(doc_entry_answer(d, e), &o, NULL, &out);
		fuzz_check_lines(&out, o.width, o.ambiguous);
		if (answer_is_long(doc_entry_answer(d, e))) {
			/* a long answer a unit at a time, as the views lay
			 * it out (render_units.h) */
			struct answer_units u = {0};
			size_t k;

			answer_units_build(doc_entry_answer(d, e), &u);
			slines_clear(&out);
			for (k = 0; k < u.n; k++)
				render_units(doc_entry_answer(d, e), &u, k,
				    k + 1, &o, NULL, &out);
			fuzz_check_lines(&out, o.width, o.ambiguous);
			answer_units_free(&u);
		}
		slines_clear(&out);
		render_plain(e->question, e->question_len, "▶ ", "  ",
		    AT_CHROME, AT_HEADING, &o, NULL, &out);
		fuzz_check_lines(&out, o.width, o.ambiguous);
	}
	slines_free(&out);
	doc_free(d);
	return 0;
}
