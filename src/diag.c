/* diag.c - diagnostics list; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* One kind of problem: the format it is written with, in one file. */
struct diag_kind {
	const char *fmt;
	char *file;
	enum diag_severity sev;
	size_t count;
	size_t summary; /* index of its summary entry, or SIZE_MAX */
};

/* Kinds are looked for among the latest few only: problems of one kind
 * come in runs (a file's duplicate ids, its missing links), and a lookup
 * over every file of a big directory would make adding quadratic. */
#define DIAG_RECENT_KINDS 32

static struct diag_kind *
kind_of(struct diag_list *l, const char *file, enum diag_severity sev,
    const char *fmt)
{
	size_t i, lo = l->nkinds > DIAG_RECENT_KINDS
	                   ? l->nkinds - DIAG_RECENT_KINDS
	                   : 0;
	struct diag_kind *k;

	for (i = l->nkinds; i > lo; i--) {
		k = &l->kinds[i - 1];
		if (k->fmt == fmt && k->sev == sev && strcmp(k->file, file) == 0)
			return k;
	}
	if (l->nkinds == l->capkinds) {
		l->capkinds = l->capkinds ? l->capkinds * 2 : 16;
		l->kinds = xreallocarray(l->kinds, l->capkinds, sizeof *k);
	}
	k = &l->kinds[l->nkinds++];
	k->fmt = fmt;
	k->file = xstrdup(file);
	k->sev = sev;
	k->count = 0;
	k->summary = SIZE_MAX;
	return k;
}

void
diag_add(struct diag_list *l, const char *file, unsigned line, unsigned col,
    enum diag_severity sev, const char *fmt, ...)
{
	struct diag_kind *k;
	struct diag *d;
	va_list ap;

	if (file == NULL)
		file = "";
	k = kind_of(l, file, sev, fmt);
	if (++k->count > DIAG_MAX_KIND && k->summary != SIZE_MAX) {
		l->v[k->summary].more++;
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	d = &l->v[l->n++];
	d->file = xstrdup(file);
	d->line = line;
	d->col = col;
	d->severity = sev;
	d->more = 0;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (k->count > DIAG_MAX_KIND) {
		/* the first one left out becomes the summary */
		k->summary = l->n - 1;
		d->line = d->col = 0;
		d->more = 1;
	}
}

size_t
diag_count(const struct diag_list *l, enum diag_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].severity == sev)
			n += l->v[i].more ? l->v[i].more : 1;
	return n;
}

static const char *
sev_name(enum diag_severity s)
{
	return s == DIAG_ERROR ? "error" : s == DIAG_NOTE ? "note" : "warning";
}

void
diag_print(const struct diag_list *l, FILE *fp)
{
	size_t i;
	const struct diag *d;

	for (i = 0; i < l->n; i++) {
		d = &l->v[i];
		if (d->more)
			fprintf(fp, "%s: %s: %zu more like this not shown: %s\n",
			    d->file,
			    d->severity == DIAG_ERROR ? "error" : "warning",
			    d->more, d->msg);
		else if (d->line > 0)
			fprintf(fp, "%s:%u:%u: %s: %s\n", d->file, d->line,
			    d->col ? d->col : 1,
			    sev_name(d->severity),
			    d->msg);
		else
			fprintf(fp, "%s: %s: %s\n", d->file,
			    sev_name(d->severity),
			    d->msg);
	}
}

void
diag_clear(struct diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].msg);
	}
	for (i = 0; i < l->nkinds; i++)
		free(l->kinds[i].file);
	free(l->kinds);
	free(l->v);
	memset(l, 0, sizeof *l);
}
