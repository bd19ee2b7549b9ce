/*
 * benchdoc.h - loading a corpus the way faq does (load_path +
 * doc_finish), for the benchmark drivers that link build/libfaq.a.
 */
#ifndef FAQ_BENCHDOC_H
#define FAQ_BENCHDOC_H

#include <stdio.h>

#include "diag.h"
#include "doc.h"
#include "load.h"

/* The loaded doc, or NULL after printing why it could not be read. */
static inline struct doc *
bench_load(const char *path)
{
	struct doc *d = doc_new();
	struct diag_list diags = {0};

	if (load_path(d, path, &diags) != 0) {
		diag_print(&diags, stderr);
		diag_clear(&diags);
		doc_free(d);
		return NULL;
	}
	doc_finish(d, &diags);
	diag_clear(&diags);
	return d;
}

#endif
