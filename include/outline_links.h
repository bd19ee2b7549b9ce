/*
 * outline_links.h - the links of the answers (and introductions) open in
 * the outline (a second header of the outline module): the links on the
 * screen in screen order, the one Tab focused (struct outline's link_item,
 * link_line, link_k) and what Enter or a click on one does.  Used by
 * outline.c and outline_status.c only.
 *
 * Everything is computed from the outline's position and size, never from
 * the last render, so that --dump and the terminal agree (view.h).
 */
#ifndef FAQ_OUTLINE_LINKS_H
#define FAQ_OUTLINE_LINKS_H

#include <stddef.h>
#include <stdint.h>

#include "sline.h"
#include "view.h"

struct outline;

/* A link on screen: the item, the line within it, the index among the
 * line's links (sline.h), and its href (borrowed from the doc). */
struct olink {
	size_t item;
	int line, k;
	const char *href;
};

/* The links on the rows the view shows (above the status row), in screen
 * order, into *out (malloc'd, the caller's; NULL when none); returns how
 * many.  Computed from the position and the size, never from the last
 * render. */
size_t outline_screen_links(struct outline *o, struct olink **out);
/* Whether the first link of cur is the last one of prev (the line before),
 * wrapped: one link, one Tab stop, highlighted whole. */
int outline_link_continues(const struct sline *prev, const struct sline *cur);

/* The index of the focused link among links[0..n), or -1. */
int outline_link_focused(
    const struct outline *o, const struct olink *links, size_t n);
/* Follows href as Enter on a focused link does: a question or section of
 * the FAQ opens in the outline (the pager when the filter hides it), with
 * a jump Backspace comes back from; an external URL is shown, never
 * opened. */
void outline_link_follow(
    struct outline *o, const char *href, struct intent *out);

/* Defined in outline.c: asks for the pager at (kind, idx) with the filter
 * while it filters; records a jump (Backspace comes back). */
void outline_want_pager(
    const struct outline *o, uint8_t kind, uint32_t idx, struct intent *out);
void outline_jump_push(void *v);

#endif
