/*
 * print.c - --print and --list; see print.h.
 *
 * --print lays the content out for reading on paper or in a pager: the
 * collection title underlined with '=', each section underlined with '-',
 * each question as "Q. " with a hanging indent and its answer indented
 * under it.  Everything is built as styled lines by render.h (the same
 * wrapping as on screen) and written as plain text: attributes are
 * dropped, and no escape sequence is ever written.
 */
#include "print.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ANSWER_INDENT 3

/* Writes every line without trailing spaces and without attributes. */
static void
print_lines(FILE *fp, const struct slines *ls, int indent)
{
	size_t i, n;

	for (i = 0; i < ls->n; i++) {
		n = ls->v[i].len;
		while (n > 0 && ls->v[i].text[n - 1] == ' ')
			n--;
		if (n > 0)
			fprintf(fp, "%*s", indent, "");
		fwrite(ls->v[i].text, 1, n, fp);
		fputc('\n', fp);
	}
}

/* A heading and a rule of c under it, as wide as the heading's widest
 * line. */
static void
print_heading(FILE *fp, const char *s, char c, const struct render_opts *o)
{
	struct slines ls = {0};
	size_t i;
	int w = 0;

	render_plain(s, strlen(s), "", "", 0, AT_HEADING, o, NULL, &ls);
	print_lines(fp, &ls, 0);
	for (i = 0; i < ls.n; i++)
		if (ls.v[i].width > w)
			w = ls.v[i].width;
	while (w-- > 0)
		fputc(c, fp);
	fputc('\n', fp);
	slines_free(&ls);
}

static int
entry_wanted(const uint8_t *only, size_t i)
{
	return only == NULL || only[i] != 0;
}

/* An answer's rendered lines, indented, its external links numbered
 * ([1], [2]) and their URLs listed after it, as w3m and lynx print them,
 * since paper cannot follow 「こちらのドキュメント」. */
static void
print_answer(FILE *fp, const struct entry *e, const struct render_opts *o)
{
	struct slines ls = {0}, urls = {0};
	struct render_opts ao = *o, plain;
	struct link_notes notes = {0};
	int indent = o->width >= 2 * ANSWER_INDENT + 10 ? ANSWER_INDENT : 0;
	size_t i;

	ao.width = o->width - indent;
	ao.notes = &notes;
	plain = ao;
	plain.notes = NULL;
	render_answer(e, &ao, NULL, &ls);
	if (ls.n == 0) {
		link_notes_free(&notes);
		return;
	}
	fputc('\n', fp);
	print_lines(fp, &ls, indent);
	for (i = 0; i < notes.n; i++) {
		char *u = xasprintf("[%zu] %s", i + 1, notes.href[i]);

		render_plain(u, strlen(u), "", "    ", 0, 0, &plain, NULL, &urls);
		free(u);
	}
	if (urls.n > 0) {
		fputc('\n', fp);
		print_lines(fp, &urls, indent);
	}
	link_notes_free(&notes);
	slines_free(&urls);
	slines_free(&ls);
}

static void
print_entry(FILE *fp, const struct doc *d, const struct entry *e,
    const struct render_opts *o)
{
	struct slines ls = {0};

	render_plain(e->question, e->question_len, "Q. ", "   ", AT_CHROME,
	    AT_HEADING, o, NULL, &ls);
	print_lines(fp, &ls, 0);
	slines_free(&ls);
	print_answer(fp, doc_entry_answer(d, e), o);
}

/* Text before the first section or question, flush left. */
static void
print_intro(FILE *fp, const struct entry *intro, const struct render_opts *o)
{
	struct slines ls = {0};

	if (intro == NULL)
		return;
	render_answer(intro, o, NULL, &ls);
	if (ls.n > 0) {
		fputc('\n', fp);
		print_lines(fp, &ls, 0);
	}
	slines_free(&ls);
}

void
print_doc(FILE *fp, const struct doc *d, const struct render_opts *o,
    const uint8_t *only)
{
	size_t c, s, i;
	int printed = 0;

	for (c = 0; c < d->ncolls; c++) {
		const struct collection *cl = &d->colls[c];
		int title_done = 0;

		for (s = cl->first; s < cl->first + cl->n; s++) {
			const struct section *sec = &d->secs[s];
			int sec_done = 0;

			/* a section with no questions still has its text
			 * printed, when everything is */
			for (i = sec->first;
			     i < sec->first + sec->n ||
			     (i == sec->first && only == NULL && sec->n == 0 &&
			         sec->intro != NULL && sec->intro != cl->intro);
			     i++) {
				int none = i == sec->first + sec->n;

				if (!none && !entry_wanted(only, i))
					continue;
				if (!title_done) {
					if (printed)
						fputc('\n', fp);
					print_heading(fp, cl->title, '=', o);
					print_intro(
					    fp, only ? NULL : cl->intro, o);
					title_done = printed = 1;
				}
				if (!sec_done && sec->title != NULL &&
				    sec->title[0] != '\0') {
					fputc('\n', fp);
					print_heading(fp, sec->title, '-', o);
					if (sec->intro != cl->intro)
						print_intro(fp,
						    only ? NULL : sec->intro,
						    o);
					sec_done = 1;
				}
				if (none)
					break;
				fputc('\n', fp);
				print_entry(fp, d, &d->entries[i], o);
			}
		}
	}
}

/* Writes s[0..n) with tabs and newlines as spaces: one TSV field. */
static void
print_field(FILE *fp, const char *s, size_t n)
{
	size_t i, a = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			fwrite(s + a, 1, i - a, fp);
			fputc(' ', fp);
			a = i + 1;
		}
	}
	fwrite(s + a, 1, n - a, fp);
}

static void
print_list_line(FILE *fp, const struct doc *d, size_t i, int approx)
{
	const struct entry *e = &d->entries[i];
	const char *sec = "";

	if (e->section < d->nsecs && d->secs[e->section].title != NULL)
		sec = d->secs[e->section].title;
	print_field(fp, e->id, strlen(e->id));
	fputc('\t', fp);
	print_field(fp, sec, strlen(sec));
	fputc('\t', fp);
	print_field(fp, e->question, e->question_len);
	if (approx)
		fputs("\t~", fp);
	fputc('\n', fp);
}

void
print_list(FILE *fp, const struct doc *d, const uint8_t *only)
{
	size_t i;

	for (i = 0; i < d->nentries; i++)
		if (entry_wanted(only, i))
			print_list_line(fp, d, i, 0);
}

void
print_list_order(FILE *fp, const struct doc *d, const uint32_t *order,
    size_t n, int approx)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (order[i] < d->nentries)
			print_list_line(fp, d, order[i], approx);
}
