/*
 * docdump.c - prints the document model of FILE|DIR... as an indented
 * tree, with diagnostics on stderr: a debugging aid for the parser, not a
 * test.  Build: cc -Iinclude -o build/docdump tests/tools/docdump.c
 * build/libfaq.a -lmd4c -lgumbo -lunistring
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "doc.h"
#include "load.h"

static const char *kinds[] = {
    "PARA", "HEADING", "LIST", "ITEM", "QUOTE", "CODE", "TABLE", "HR"};

static void
dump_spans(const char *text, const struct span *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i].kind == SPAN_SOFTBREAK)
			printf("<sb>");
		else if (s[i].kind == SPAN_HARDBREAK)
			printf("<br>");
		else if (s[i].style)
			printf("[%x%s%s:%.*s]", s[i].style,
			    s[i].href ? " " : "", s[i].href ? s[i].href : "",
			    (int)s[i].len, text + s[i].off);
		else
			printf("%.*s", (int)s[i].len, text + s[i].off);
	}
}

static void
dump_blocks(const char *text, const struct block *b, size_t n, int ind)
{
	size_t i, c;

	for (i = 0; i < n; i++) {
		printf("%*s%s L%u", ind, "", kinds[b[i].kind], b[i].line);
		if (b[i].kind == BLOCK_LIST)
			printf(" ord=%d start=%u tight=%d", b[i].ordered,
			    b[i].start, b[i].tight);
		if (b[i].kind == BLOCK_HEADING)
			printf(" h%d", b[i].level);
		printf(": ");
		if (b[i].kind == BLOCK_PARA || b[i].kind == BLOCK_HEADING)
			dump_spans(text, b[i].spans, b[i].nspans);
		if (b[i].kind == BLOCK_CODE)
			printf(
			    "{%.*s}", (int)b[i].code_len, text + b[i].code_off);
		if (b[i].kind == BLOCK_TABLE)
			for (c = 0; c < (size_t)b[i].nrows * b[i].ncols; c++) {
				printf(c % b[i].ncols ? " | " : "\n%*s| ",
				    ind + 2, "");
				dump_spans(text, b[i].cells[c].spans,
				    b[i].cells[c].nspans);
			}
		printf("\n");
		if (b[i].kind == BLOCK_LIST || b[i].kind == BLOCK_ITEM ||
		    b[i].kind == BLOCK_QUOTE)
			dump_blocks(
			    text, b[i].children, b[i].nchildren, ind + 2);
	}
}

int
main(int argc, char **argv)
{
	struct doc *d = doc_new();
	struct diag_list dl = {0};
	size_t c, s, e;
	int i, quiet = argc > 1 && strcmp(argv[1], "-q") == 0;

	for (i = 1 + quiet; i < argc; i++)
		load_path(d, argv[i], &dl);
	doc_finish(d, &dl);
	diag_print(&dl, stderr);
	if (quiet) {
		printf("%zu collections, %zu sections, %zu entries\n",
		    d->ncolls, d->nsecs, d->nentries);
		printf("arena %zu bytes, %zu diagnostics\n",
		    arena_used(d->arena), dl.n);
		goto out;
	}
	for (c = 0; c < d->ncolls; c++) {
		const struct collection *co = &d->colls[c];

		printf("COLLECTION %s title=[%s] lang=[%s]\n", co->path,
		    co->title, co->lang);
		if (co->intro)
			dump_blocks(co->intro->text, co->intro->blocks,
			    co->intro->nblocks, 2);
		for (s = co->first; s < co->first + co->n; s++) {
			const struct section *se = &d->secs[s];

			printf(" SECTION #%s L%u [%s]\n", se->id, se->line,
			    se->title);
			if (se->intro)
				dump_blocks(se->intro->text, se->intro->blocks,
				    se->intro->nblocks, 3);
			for (e = se->first; e < se->first + se->n; e++) {
				const struct entry *en = &d->entries[e];

				printf("  ENTRY #%s L%u:%u ref=%d [%s]\n",
				    en->id, en->line, en->col, en->ref,
				    en->question);
				dump_blocks(
				    en->text, en->blocks, en->nblocks, 4);
			}
		}
	}
out:
	doc_free(d);
	diag_clear(&dl);
	return 0;
}
