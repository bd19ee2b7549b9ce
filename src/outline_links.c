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
	int vh = outline_view_h(o), row = 0, skip;
	size_t i, n = 0, cap = 0;

	*out = NULL;
	if (o->nitems == 0)
		return 0;
	i = o->top.item;
	skip = o->top.line;
	while (row < vh && i != NO_ITEM) {
		struct geom g;
		const struct slines *ls = outline_item_lines(o, i, &g);
		int l;

		for (l = skip; l < (int)ls->n && row < vh; l++, row++) {
			size_t k;

			for (k = 0; k < ls->v[l].nlinks; k++) {
				/* A link wrapped onto this line is the one
				 * that started on the line before. */
				if (k == 0 && l > skip &&
				    outline_link_continues(
				        &ls->v[l - 1], &ls->v[l]))
					continue;
				if (n == cap) {
					cap = cap ? cap * 2 : 8;
					*out = xreallocarray(
					    *out, cap, sizeof **out);
				}
				(*out)[n].item = i;
				(*out)[n].line = l;
				(*out)[n].k = (int)k;
				(*out)[n].href = ls->v[l].links[k].href;
				n++;
			}
		}
		skip = 0;
		i = outline_next_visible(o, i);
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
