/*
 * pager.h - the pager view: one answer, a whole section or the help page,
 * full screen, with the heading on top, the body scrolled with less-style
 * keys, a position indicator on the status row, links to #id selected
 * (Tab) and followed (Enter), a history of pages for Backspace, and a
 * query of its own (`/` on a page: highlights, n/N).
 *
 * The pager is entered with an intent (view.h, INTENT_PAGER: the page to
 * show and the outline's filter, which becomes its query) and left by
 * asking for INTENT_LEAVE; following a link inside it stays in it.
 *
 * Ownership: pager_new() borrows env for the life of the pager; everything
 * else is the pager's own and goes with pager_ops.free.
 *
 * An entry whose answer is long (render_units.h) is shown through a window
 * of its units, laid out around the screen as it moves (pagerint.h): every
 * key costs the units it brings into view, never the whole answer, and the
 * position on the status row is a share of the answer's text.  intent.unit
 * (view.h) opens it at one of its units.
 *
 * Invariants after every operation: the page shown is an entry or section
 * of env->d, or the help page; top is clamped to the laid-out body at the
 * environment's size when the screen is drawn (G asks for the end
 * whatever the size becomes), and a window covers the screen and a margin
 * around it; the selected link is -1 or a link of the page; the history is
 * empty whenever the pager is not the current view.
 */
#ifndef FAQ_PAGER_H
#define FAQ_PAGER_H

#include "view.h"

struct pager;

struct pager *pager_new(const struct view_env *env);

extern const struct view_ops pager_ops;

#endif
