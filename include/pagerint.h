/*
 * pagerint.h - the pager's state, shared by its two files: pager.c (keys,
 * scrolling, hits, links, the screen) and pager_page.c (laying out the
 * page it shows: an answer with its numbered links, a section, the help).
 * Internal to the pager: included by those two files only.
 *
 * Ownership: the pager owns its page cache, history and query; the page's
 * lines and links belong to the page until the next layout or
 * page_free().
 */
#ifndef FAQ_PAGERINT_H
#define FAQ_PAGERINT_H

#include <stddef.h>
#include <stdint.h>

#include "sline.h"
#include "view.h"

struct search_query;

/* Which page and where on it. */
struct pview {
	uint8_t kind; /* enum page_kind */
	uint32_t idx;
	int top;  /* first body line shown */
	int link; /* selected link (index into the page's links), or -1 */
	int hit;  /* body line of the search hit n/N went to, or -1 */
};

struct plink {
	int line;
	uint32_t start, end;
	const char *href;
};

/* The laid-out page of the current view: a cache keyed by the page, the
 * width, the query's generation and the help FAQ. */
struct page {
	int valid;
	uint8_t kind;
	uint32_t idx;
	int w;
	unsigned gen;
	const struct doc *help;
	struct slines head, body;
	struct plink *links;
	size_t nlinks;
	int *marks; /* section pages: first body line of each question */
	size_t nmarks;
};

struct pager {
	const struct view_env *e;
	struct pview pv;
	struct pview *hist; /* the pages Backspace goes back to */
	size_t nhist, caphist;
	struct page page;
	/* The pager's own query (`/` on a page): highlights and n/N. */
	char *q; /* NULL until the first query */
	size_t qlen, qcap;
	struct search_query *sq; /* NULL when q has no terms */
	unsigned gen;            /* bumped when sq changes */
	int edit_top;            /* top when the current `/` began */
};

/* Lays out the current page at the current width, unless it already is
 * (the cache is keyed by page, width, query generation and help FAQ). */
struct page *page_get(struct pager *p);
/* Releases a page's lines and links, and marks it not laid out. */
void page_free(struct page *pg);

#endif
