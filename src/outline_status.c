/*
 * outline_status.c - the outline's status row: key hints that are true in
 * the state shown, the hit count, and where the selection is; see
 * outline_status.h.  Part of the outline module (LAYERS).
 */
#include "outline_status.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "outline_layout.h"
#include "outline_links.h"
#include "rows.h"
#include "utf8.h"
#include "width.h"
#include "xalloc.h"

/* Key hints that are true where they are shown: in kiosk mode every
 * printable key searches, so only named keys are offered; Enter only
 * where it acts (not on a collection title) and 「すべて開く」 (a, F2)
 * only on a section with questions or a question.  The wide hints are
 * built from parts (malloc'd), the narrow ones name no such key. */
static char *
outline_hints(const struct outline *o, int narrow)
{
	const struct item *it =
	    o->nitems > 0 && o->sel < o->nitems ? &o->items[o->sel] : NULL;
	int enter = it != NULL && it->kind != ITEM_TITLE;
	int all = enter && (it->kind == ITEM_ENTRY ||
	                       o->e->d->secs[it->idx].n > 0);
	const char *p[8];
	size_t n = 0, i;
	char *r, *t;

	if (o->e->kiosk && o->e->allow_quit && narrow)
		return xstrdup(_("Type to search  F1: help  Ctrl-D: quit"));
	if (o->e->kiosk && narrow)
		return xstrdup(_("Type to search  F1: help"));
	if (narrow)
		return xstrdup(_("/: search  ?: help  q: quit"));
	if (o->e->kiosk) {
		p[n++] = _("Type to search");
		p[n++] = _("Up/Down: move");
	} else {
		p[n++] = _("j/k: move");
	}
	if (enter)
		p[n++] = _("Enter: open");
	if (all)
		p[n++] = o->e->kiosk ? _("F2: open all") : _("a: all");
	if (o->e->kiosk) {
		p[n++] = _("F1: help");
		if (o->e->allow_quit)
			p[n++] = _("Ctrl-D: quit");
	} else {
		p[n++] = _("/: search");
		p[n++] = _("?: help");
		p[n++] = _("q: quit");
	}
	r = xstrdup(p[0]);
	for (i = 1; i < n; i++) {
		t = xasprintf("%s  %s", r, p[i]);
		free(r);
		r = t;
	}
	return r;
}

/* s cut to at most max columns, with "…" when cut (malloc'd). */
static char *
clip(const struct outline *o, const char *s, int max)
{
	const char *dots = o->e->ascii ? "..." : "\xe2\x80\xa6";
	int dw = rows_width(dots, o->e->ambiguous), w = 0;
	size_t n = strlen(s), i = 0, end = 0;

	if (rows_width(s, o->e->ambiguous) <= max)
		return xstrdup(s);
	while (i < n) {
		int cw = width_char(utf8_next(s, n, &i), o->e->ambiguous);

		if (w + cw + dw > max)
			break;
		w += cw;
		end = i;
	}
	return xasprintf("%.*s%s", (int)end, s, max >= dw ? dots : "");
}

/* Where the selection is, as info shows it, in at most maxw columns: the
 * section's name (cut with "…") and the question's number among all of
 * them (n/N); on a section row, its name; NULL when nothing fits. */
static char *
outline_position(const struct outline *o, int maxw)
{
	const struct doc *d = o->e->d;
	const struct item *it;
	const struct section *sec;
	char *title, *name, *num, *r;
	int budget, cap = o->e->w / 3;

	if (o->nitems == 0 || o->sel >= o->nitems)
		return NULL;
	it = &o->items[o->sel];
	if (it->kind == ITEM_TITLE)
		return NULL;
	/* measured as it shows: a tab in a heading is a space there */
	sec = &d->secs[it->kind == ITEM_SECTION ? it->idx
	                                        : d->entries[it->idx].section];
	if (it->kind == ITEM_SECTION) {
		/* A space after it: a "…" in the bottom-right cell is not
		 * drawn by every terminal (tmux drops it). */
		if (maxw < 7)
			return NULL;
		title = rows_one_line(sec->title);
		name = clip(o, title, (maxw < cap ? maxw : cap) - 1);
		r = xasprintf("%s ", name);
		free(name);
		free(title);
		return r;
	}
	num = xasprintf("%lu/%lu", (unsigned long)it->idx + 1,
	    (unsigned long)d->nentries);
	budget = maxw - rows_width(num, o->e->ambiguous) - 2;
	if (budget < 0 && rows_width(num, o->e->ambiguous) > maxw) {
		free(num);
		return NULL;
	}
	if (budget < 6)
		return num;
	title = rows_one_line(sec->title);
	name = clip(o, title, budget < cap ? budget : cap);
	r = xasprintf("%s  %s", name, num);
	free(name);
	free(num);
	free(title);
	return r;
}

/* Where the focused link goes: an external link's URL (never opened),
 * or the question or section of the FAQ that Enter goes to (malloc'd). */
static char *
link_says(const struct outline *o, const char *href)
{
	const struct doc *d = o->e->d;
	const struct entry *e;
	const struct section *sec;

	if (href[0] != '#')
		return xasprintf(_("Link: %s"), href);
	e = doc_entry_by_id(d, href + 1);
	if (e != NULL)
		return xasprintf(_("Enter: go to %.*s"), (int)e->question_len,
		    e->question);
	sec = doc_section_by_id(d, href + 1);
	if (sec != NULL)
		return xasprintf(_("Enter: go to %s"), sec->title);
	return xasprintf(_("Link: %s"), href);
}

/* The status row: the filter or the key hints, and the hit count or the
 * position at the right. */
void
outline_status(const struct outline *o, struct view_status *st,
    const struct olink *links, size_t nlinks)
{
	/* In kiosk mode n is typed into the query, not a command. */
	const char *keys = o->e->kiosk ? _("Up/Down: move  Esc: clear")
	                               : _("n/N: next/previous hit  Esc: clear");

	if (o->f.on && o->f.approx) {
		/* nothing matched: what shows is marked as approximate */
		st->right = xasprintf(
		    _("Closest questions: %lu"), (unsigned long)o->f.nhits);
		st->left = xasprintf("/%s  %s", o->f.q,
		    _("No exact match: the closest questions"));
	} else if (o->f.on && o->f.note != NULL) {
		/* what the romaji found, also while the field is typed in */
		st->right = xasprintf(i18n_ntext("%s  %lu match",
		                          "%s  %lu matches",
		                          (unsigned long)o->f.nhits),
		    o->f.note, (unsigned long)o->f.nhits);
		st->left = xasprintf("/%s  %s", o->f.q, keys);
	} else if (o->f.on) {
		st->right =
		    xasprintf(i18n_ntext("%lu match", "%lu matches",
		                  (unsigned long)o->f.nhits),
		        (unsigned long)o->f.nhits);
		st->left = xasprintf("/%s  %s", o->f.q, keys);
	} else {
		size_t k;
		char *hint = NULL;
		int hw;

		for (k = 0; k < nlinks; k++)
			if (links[k].item == o->link_item &&
			    links[k].line == o->link_line &&
			    links[k].k == o->link_k)
				hint = link_says(o, links[k].href);
		if (hint != NULL) {
			hw = rows_width(hint, o->e->ambiguous);
			st->right = outline_position(o, o->e->w - hw - 1);
			st->left = hint;
			return;
		}
		/* Tab is offered only when it reaches a link here. */
		hint = outline_hints(o, 0);
		if (nlinks > 0) {
			char *t = xasprintf("%s  %s", _("Tab: link"), hint);

			free(hint);
			hint = t;
		}
		hw = rows_width(hint, o->e->ambiguous);
		/* A hint cut short says less than a short hint; the position
		 * takes what the hint leaves. */
		if (hw <= o->e->w)
			st->right = outline_position(o, o->e->w - hw - 1);
		if (st->right == NULL) {
			free(hint);
			hint = outline_hints(o, 1);
			if (nlinks > 0) {
				char *t =
				    xasprintf("%s  %s", _("Tab: link"), hint);

				free(hint);
				hint = t;
			}
			hw = rows_width(hint, o->e->ambiguous);
			if (hw > o->e->w) {
				/* Not even that: one whole hint, not a cut
				 * "q:" without what it does. */
				free(hint);
				hint = xstrdup(o->e->kiosk ? _("F1: help")
				                           : _("?: help"));
				hw = rows_width(hint, o->e->ambiguous);
			}
			st->right = outline_position(o, o->e->w - hw - 1);
		}
		st->left = hint;
	}
}

