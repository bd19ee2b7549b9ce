/*
 * pagerint.h - the pager's state, shared by its files: pager.c (keys,
 * scrolling, hits, links, the screen), pager_page.c (laying out the page
 * it shows: an answer with its numbered links, a section, the help),
 * pager_win.c (the window of a long answer's page: its units laid out and
 * slid) and pager_seek.c (End, Home, n/N and Tab past the window).  Calls
 * go pager.c -> pager_seek.c -> pager_page.c -> pager_win.c.  Internal to
 * the pager: included by those files only.
 *
 * Ownership: the pager owns its page cache, history and query; the page's
 * lines and links belong to the page until the next layout or
 * page_free().
 */
#ifndef FAQ_PAGERINT_H
#define FAQ_PAGERINT_H

#include <stddef.h>
#include <stdint.h>

#include "render.h"
#include "render_units.h"
#include "sline.h"
#include "view.h"

struct search_query;

/*
 * Which page and where on it.  On a windowed page (below) top and hit
 * count the lines from the first line of unit u0 as the window holds
 * them, and link the links from there; on any other page u0 is 0.
 */
struct pview {
	uint8_t kind; /* enum page_kind */
	uint32_t idx;
	int top;     /* first body line shown */
	int link;    /* selected link (index into the page's links), or -1 */
	int hit;     /* body line of the search hit n/N went to, or -1 */
	uint32_t u0; /* windowed page: the window's first unit */
};

struct plink {
	int line;
	uint32_t start, end;
	const char *href;
};

/*
 * The laid-out page of the current view: a cache keyed by the page, the
 * width, the query's generation and the help FAQ.
 *
 * An entry page of a long answer (answer_is_long(), render_units.h) is a
 * window: the body holds the lines of units [u0, u1) of the answer only,
 * and, when u1 is the last unit, what follows the answer (the blank line
 * and the numbered links: tail lines).  page_fit() slides the window to
 * cover the screen plus a margin; the pager's stored line numbers (pview,
 * link) are moved by the lines added or dropped before them.  Link
 * numbers are the whole answer's (notes, filled before any unit).
 */
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
	char **hrefs; /* links the page made ("#id"), owned */
	size_t nhrefs;
	/* a windowed entry page (win): */
	int win, indent;
	struct answer_units units;
	size_t u0, u1;
	int *ustart; /* body line where unit u0 + i starts; [u1 - u0]:
	                where the tail starts */
	int tail;    /* tail lines (u1 == units.n), else 0 */
	struct link_notes notes;
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
	int edit_top;            /* top when the current `/` began, */
	uint32_t edit_u0;        /* and its pv.u0 */
};

/* Lays out the current page at the current width, unless it already is
 * (the cache is keyed by page, width, query generation and help FAQ). */
struct page *page_get(struct pager *p);
/* Releases a page's lines and links, and marks it not laid out. */
void page_free(struct page *pg);

/* The margin of lines a window keeps above and below a screen of vh. */
int page_margin(int vh);
/*
 * Windowed page: slides the window so that it covers the screen (vh
 * lines from top) and page_margin() more above and below, unless at the
 * answer's start or end, and drops what is more than four margins away;
 * clamps top into the body.  Idempotent.  Other pages: nothing.  pg is
 * the current page (page_get()).
 */
void page_fit(struct pager *p, struct page *pg, int vh);
/* The unit whose lines hold body line i of a windowed page. */
size_t page_unit_at(const struct page *pg, int i);
/* Windowed page: lays out the units from k on instead (a jump: Home,
 * End, a hit far away); top, hit and link go to its first line. */
void page_jump(struct pager *p, size_t k);
/* Lays the window out again with units [from, to) (at least one). */
void page_win_layout(struct pager *p, struct page *pg, size_t from, size_t to);
/* The page's links, found again in its body. */
void page_links(struct page *pg);
/* Appends what follows an answer: a blank line and its numbered links,
 * w columns wide, indented. */
void page_notes_lines(const struct view_env *env,
    const struct link_notes *notes, int w, int indent, struct slines *out);
/*
 * n or N past a window's end or start (no hit is left in the window that
 * way): the hits are searched in the answer's text, not laid out, and the
 * window goes to the unit of the nearest, whose first (last) hit line
 * goes to the top (pv.top, pv.hit).  Returns 0 when there is none; 1
 * when it moved, with *stopped set when it searched a few megabytes
 * without a hit and left the top where the next key goes on from.
 */
int page_hit_beyond(struct pager *p, int dir, int *stopped);
/* How much of the answer's text that searches for one key: searching
 * costs some 25 ms a megabyte (search_answer_lazy folds the text as it
 * reads), and a key is answered within 100 ms. */
#define PAGE_HIT_BYTES (2u << 20)
/*
 * Tab or Shift-Tab past a window's end or start (no link is left in it
 * that way): the units beyond are laid out one at a time, at most
 * PAGE_LINK_UNITS of them, until one holds a link; that link is selected
 * (pv.link) and its line goes to the top.  Returns 0, the place as it
 * was, when none of them has one.
 */
int page_link_beyond(struct pager *p, int dir);
#define PAGE_LINK_UNITS 64
/* The entry's answer (followed through a reference). */
const struct entry *page_answer(const struct pager *p, uint32_t idx);

#endif
