/*
 * outline_search.h - the outline's search (one module with outline.c,
 * split by what it holds): how the outline follows its filter, Esc that
 * keeps the place and the search, n/N through hit lines, the search field's
 * operations.  Used by outline.c only.
 */
#ifndef FAQ_OUTLINE_SEARCH_H
#define FAQ_OUTLINE_SEARCH_H

#include <stddef.h>

#include "outline_layout.h"

/* view_ops of the outline that are about searching. */
void outline_sync(void *v);
void outline_next_hit(void *v, int dir, struct intent *out);
int outline_search_begin(void *v, const char **q);
void outline_search_edit(void *v, const char *q, size_t n, struct intent *out);
void outline_search_end(
    void *v, int accept, const char *before, struct intent *out);
/* Esc on the outline: the filter ends, the place and the search stay (a
 * second Esc forgets the search). */
void outline_clear(struct outline *o);
/* An answer just opened under a search: its first hit on screen. */
void outline_show_answer_hit(struct outline *o);

#endif
