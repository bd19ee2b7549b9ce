/* diag.c - diagnostics list; see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
diag_add(struct diag_list *l, const char *file, unsigned line, unsigned col,
    enum diag_severity sev, const char *fmt, ...)
{
	struct diag *d;
	va_list ap;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	d = &l->v[l->n++];
	d->file = xstrdup(file ? file : "");
	d->line = line;
	d->col = col;
	d->severity = sev;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

size_t
diag_count(const struct diag_list *l, enum diag_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].severity == sev)
			n++;
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
		if (d->line > 0)
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
	free(l->v);
	memset(l, 0, sizeof *l);
}
