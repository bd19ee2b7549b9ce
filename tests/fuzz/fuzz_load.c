/*
 * fuzz_load.c - libFuzzer driver: the loader on every content path.  The
 * first byte picks the file name (fuzzcheck.h: Markdown, plain text, a
 * bare FAQ, ...), the rest is the file.  It is loaded twice: from a real
 * file through load_path() (the path a user's file takes: mapped or read,
 * byte order mark, front matter, splitting in two halves from 1 byte on)
 * and from memory through load_buffer() in one pass.  Traps when the two
 * docs print differently, when the printed text, list or diagnostics
 * carry a control byte or invalid UTF-8, or when an entry's text is not
 * clean.
 */
#include <fcntl.h>
#include <unistd.h>

#include "fuzzcheck.h"
#include "print.h"
#include "render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

/* Prints d (text, list, diagnostics) into a malloc'd string. */
static char *
print_all(const struct doc *d, const struct diag_list *diags)
{
	struct render_opts o = {0};
	char *text = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&text, &n);

	if (fp == NULL)
		abort();
	o.width = 60;
	o.ambiguous = 1;
	print_doc(fp, d, &o, NULL);
	print_list(fp, d, NULL);
	diag_print(diags, fp);
	fclose(fp);
	fuzz_check_output(text, n);
	return text;
}

static void
check_doc(const struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nentries; i++) {
		const struct entry *e = &d->entries[i];

		/* a question is plain text: tabs are the renderer's to
		 * turn into spaces (a heading's tab stays, md4c keeps
		 * it), nothing else below U+0020 */
		fuzz_check_output(e->question, e->question_len);
		if (memchr(e->question, '\n', e->question_len) != NULL)
			__builtin_trap();
		if (u8_check((const uint8_t *)e->text, e->text_len) != NULL)
			__builtin_trap();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list d1 = {0}, d2 = {0};
	struct doc *a, *b;
	char path[128], *ta, *tb;
	int fd;

	if (size < 1)
		return 0;
	if (dir[0] == '\0') {
		snprintf(dir, sizeof dir, "/tmp/fuzz_load.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
	}
	snprintf(path, sizeof path, "%s/%s", dir, fuzz_name(data[0]));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
		abort();
	close(fd);

	a = doc_new();
	load_path(a, path, &d1);
	doc_finish(a, &d1);
	check_doc(a);
	ta = print_all(a, &d1);

	b = fuzz_load(path, data + 1, size - 1, SIZE_MAX, &d2);
	check_doc(b);
	tb = print_all(b, &d2);
	if (strcmp(ta, tb) != 0)
		__builtin_trap();
	free(ta);
	free(tb);
	diag_clear(&d1);
	diag_clear(&d2);
	doc_free(a);
	doc_free(b);
	unlink(path);
	return 0;
}
