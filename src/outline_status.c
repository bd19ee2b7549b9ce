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
#include "rows.h"
#include "utf8.h"
#include "width.h"
#include "xalloc.h"

/* Key hints that are true where they are shown: in kiosk mode every
 * printable key searches, so only named keys are offered. */
static const char *
outline_hints(const struct outline *o, int narrow)
{
	if (o->e->kiosk && o->e->allow_quit)
		return narrow ? _("Type to search  F1: help  Ctrl-D: quit")
		              : _("Type to search  Up/Down: move  Enter: open  "
		                  "F2: open all  F1: help  Ctrl-D: quit");
	if (o->e->kiosk)
		return narrow ? _("Type to search  F1: help")
		              : _("Type to search  Up/Down: move  Enter: open  "
		                  "F2: open all  F1: help");
	return narrow ? _("/: search  ?: help  q: quit")
	              : _("j/k: move  Enter: open  a: all  /: search  ?: "
	                  "help  q: quit");
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

/* The status row: the filter or the key hints, and the hit count or the
 * position at the right. */
void
outline_status(const struct outline *o, struct view_status *st)
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
		const char *hint = outline_hints(o, 0);
		int hw = rows_width(hint, o->e->ambiguous);

		/* A hint cut short says less than a short hint; the position
		 * takes what the hint leaves. */
		if (hw <= o->e->w)
			st->right = outline_position(o, o->e->w - hw - 1);
		if (st->right == NULL) {
			hint = outline_hints(o, 1);
			hw = rows_width(hint, o->e->ambiguous);
			st->right = outline_position(o, o->e->w - hw - 1);
		}
		st->left = xstrdup(hint);
	}
}

