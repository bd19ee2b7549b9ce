/*
 * outline_parts.c - long answers in the outline: each unit of one
 * (render_units.h) is an item of its own, ITEM_PART, after its question;
 * see outline_layout.h.  Part of outline_layout (LAYERS).
 */
#include "outline_layout.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "filter.h"
#include "render.h"
#include "render_units.h"
#include "search.h"
#include "xalloc.h"

/* Appends the item of entry e, and of its parts when it has some. */
void
outline_add_entry(struct outline *o, uint32_t e)
{
	size_t k;

	o->ent_item[e] = o->nitems;
	o->items[o->nitems].kind = ITEM_ENTRY;
	o->items[o->nitems].part = 0;
	o->items[o->nitems++].idx = e;
	if (o->ent_long[e] == 0)
		return;
	for (k = 0; k < o->longs[o->ent_long[e] - 1].u.n; k++) {
		o->items[o->nitems].kind = ITEM_PART;
		o->items[o->nitems].idx = e;
		o->items[o->nitems++].part = (uint32_t)k;
	}
}

int
outline_entry_long(const struct outline *o, uint32_t e)
{
	return o->ent_long[e] != 0;
}

size_t
outline_owner(const struct outline *o, size_t i)
{
	if (i < o->nitems && o->items[i].kind == ITEM_PART)
		return o->ent_item[o->items[i].idx];
	return i;
}

size_t
outline_extent_end(const struct outline *o, size_t i)
{
	const struct item *it = &o->items[i];

	if (it->kind == ITEM_ENTRY && o->ent_long[it->idx] != 0 &&
	    o->ent_open[it->idx])
		return i + o->longs[o->ent_long[it->idx] - 1].u.n;
	return i;
}

/* The answers too long to be one item's lines, in parts (see
 * outline_layout.h); returns how many parts they have. */
size_t
outline_find_long(struct outline *o)
{
	const struct doc *d = o->e->d;
	size_t e, parts = 0;

	o->ent_long = xcalloc(d->nentries ? d->nentries : 1,
	    sizeof *o->ent_long);
	for (e = 0; e < d->nentries; e++) {
		const struct entry *an = doc_entry_answer(d, &d->entries[e]);
		struct long_answer *la;

		if (!answer_is_long(an))
			continue;
		o->longs = xreallocarray(
		    o->longs, o->nlongs + 1, sizeof *o->longs);
		la = &o->longs[o->nlongs];
		memset(la, 0, sizeof *la);
		la->entry = (uint32_t)e;
		answer_units_build(an, &la->u);
		if (la->u.n < 2) {
			answer_units_free(&la->u);
			continue;
		}
		o->ent_long[e] = (uint32_t)++o->nlongs;
		parts += la->u.n;
	}
	return parts;
}

void
outline_append_indented(struct slines *out, const struct slines *ls, int n)
{
	size_t i;

	for (i = 0; i < ls->n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, n, 0);
		sline_copy(l, &ls->v[i]);
	}
}

/* A unit of a long answer, indented as entry_lines() indents answers;
 * the last ends the answer with a blank line. */
void
outline_part_lines(struct outline *o, const struct item *it, int cw,
    struct slines *out)
{
	const struct doc *d = o->e->d;
	const struct entry *an = doc_entry_answer(d, &d->entries[it->idx]);
	const struct answer_units *u = &o->longs[o->ent_long[it->idx] - 1].u;
	int indent = cw > 8 ? 4 : 0;
	struct render_opts ro = view_ropts(o->e, cw - indent);
	struct hl_lazy *lz = filter_answer_hits(&o->f, it->idx);
	struct slines ans = {0};

	/* hits from a little before the unit: one that starts there and
	 * ends inside it is highlighted too */
	if (lz != NULL)
		search_lazy_skip(lz, answer_unit_offset(an, u, it->part));
	render_units(an, u, it->part, it->part + 1, &ro, lz, &ans);
	search_lazy_free(lz);
	outline_append_indented(out, &ans, indent);
	slines_free(&ans);
	if (it->part + 1 == u->n)
		slines_push(out); /* a blank line ends the answer */
}
