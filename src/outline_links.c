/*
 * outline_links.c - the links of the answers open in the outline: which
 * are on the screen, the one Tab focused, and following one; see
 * outline_links.h.  Part of the outline module (LAYERS).
 */
#include "outline_links.h"

#include <stdlib.h>

#include "doc.h"
#include "i18n.h"
#include "outline_layout.h"
#include "rows.h"
#include "xalloc.h"

int
outline_link_continues(const struct sline *prev, const struct sline *cur)
{
	const struct sline_link *a, *b;
	size_t k;

	if (prev == NULL || prev->nlinks == 0 || cur->nlinks == 0)
		return 0;
	a = &prev->links[prev->nlinks - 1];
	b = &cur->links[0];
	if (a->href != b->href)
		return 0;
	for (k = a->end; k < prev->len; k++)
		if (prev->text[k] != ' ')
			return 0;
	for (k = 0; k < b->start; k++)
		if (cur->text[k] != ' ')
			return 0;
	return 1;
}

size_t
outline_screen_links(struct outline *o, struct olink **out)
{
	struct screen_walk w;
	size_t n = 0, cap = 0;

	*out = NULL;
	outline_walk_start(o, &w, outline_view_h(o));
	while (outline_walk_next(o, &w)) {
		const struct sline *l = &w.ls->v[w.line];
		size_t k;

		for (k = 0; k < l->nlinks; k++) {
			/* A link wrapped onto this line is the one that
			 * started on the line before (when that is shown). */
			if (k == 0 && w.row > 0 && w.line > 0 &&
			    outline_link_continues(l - 1, l))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 8;
				*out = xreallocarray(*out, cap, sizeof **out);
			}
			(*out)[n].item = w.item;
			(*out)[n].line = w.line;
			(*out)[n].k = (int)k;
			(*out)[n].href = l->links[k].href;
			n++;
		}
	}
	return n;
}

/* The index of the focused link among the links on screen, or -1. */
int
outline_link_focused(const struct outline *o, const struct olink *l, size_t n)
{
	size_t k;

	if (o->link_item == NO_ITEM)
		return -1;
	for (k = 0; k < n; k++)
		if (l[k].item == o->link_item && l[k].line == o->link_line &&
		    l[k].k == o->link_k)
			return (int)k;
	return -1;
}

/* Enter on a focused link: a link to a question or section of the FAQ
 * goes there (opened, in the outline; in the pager when the search
 * filter hides it), and Backspace comes back; an external link is never
 * opened: its URL is shown, as the pager does. */
void
outline_link_follow(struct outline *o, const char *href, struct intent *out)
{
	const struct doc *d = o->e->d;
	const struct entry *e;
	const struct section *sec;
	size_t item;

	if (href[0] != '#') {
		rows_msg_set(&out->msg, _("Link: %s"), href);
		return;
	}
	e = doc_entry_by_id(d, href + 1);
	sec = e == NULL ? doc_section_by_id(d, href + 1) : NULL;
	if (e == NULL && sec == NULL) {
		rows_msg_set(&out->msg, _("No entry with id %s"), href + 1);
		return;
	}
	item = e != NULL ? o->ent_item[e - d->entries]
	                 : o->sec_item[sec - d->secs];
	/* Hidden by the search filter (or not an item of the best-first
	 * list): the pager shows it. */
	if (item == NO_ITEM ||
	    (o->f.on && (e != NULL ? !o->f.is_hit[e - d->entries]
	                           : o->f.sechits[sec - d->secs] == 0))) {
		if (e != NULL)
			outline_want_pager(o, PAGE_ENTRY, (uint32_t)(e - d->entries), out);
		else
			outline_want_pager(o, PAGE_SECTION, (uint32_t)(sec - d->secs), out);
		return;
	}
	outline_jump_push(o);
	if (e != NULL) {
		o->sec_open[e->section] = 1;
		o->ent_open[e - d->entries] = 1;
	}
	o->sel = item;
	o->top.item = item;
	o->top.line = 0;
	outline_ensure_fits(o);
}
