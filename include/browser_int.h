/*
 * browser_int.h - what the browser's own modules share (browser.c: state,
 * the key table and dispatch; outline.c: the home screen; pager.c: the
 * pager and the help screen; help.c: the key listing).  Not for use
 * outside them: the public contract is browser.h.
 *
 * Model.  The outline is a flat array of items (a collection title, a
 * section row, a question) in document order.  Which items show depends on
 * the open/closed state (and the search filter); an item's lines depend on
 * the width.  The view is a position (item, line within it) of the first
 * row, so a resize or an open/close never needs a global line count, and
 * rendering costs only what is on screen.
 *
 * Invariants: sel is a selectable (section or question), visible item;
 * top.item is a visible item and top.line < its height at the current
 * width; after every key, some line of sel is on screen.
 */
#ifndef FAQ_BROWSER_INT_H
#define FAQ_BROWSER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "bindings.h"
#include "browser.h"
#include "render.h"
#include "rows.h"
#include "filter.h"
#include "search.h"

#define NO_ITEM ((size_t)-1)

enum item_kind { ITEM_TITLE, ITEM_SECTION, ITEM_ENTRY };

struct item {
	uint8_t kind;
	uint32_t idx; /* into doc->colls, doc->secs or doc->entries */
};

struct pos {
	size_t item;
	int line;
};

/* What one screen row of the last outline render showed (for the mouse). */
struct rowinfo {
	size_t item; /* NO_ITEM: blank or status */
	int line;    /* line within the item */
	int lx0, lx1; /* columns of the すべて開く label on this row, or -1 */
};

enum bmode { MODE_OUTLINE, MODE_PAGER };

struct jump {
	size_t sel;
	struct pos top;
};
enum pview_kind { PV_ENTRY, PV_SECTION, PV_HELP };

struct pview {
	uint8_t kind;
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

/* The laid-out page of the current pager view (a cache keyed by view and
 * width). */
struct page {
	int valid;
	uint8_t kind;
	uint32_t idx;
	int w;
	unsigned gen; /* of the pager's query (highlights) */
	struct slines head, body;
	struct plink *links;
	size_t nlinks;
	int *marks; /* section pages: first body line of each question */
	size_t nmarks;
};

/* Incremental search state (issue 5); see searchui.c. */
struct bsearch {
	int active;      /* the field on the status line has the keys */
	struct filter f; /* the outline's query and hits */
	/* The view before the filter started, restored when it ends. */
	uint8_t *save_sec, *save_ent;
	size_t save_sel;
	struct pos save_top;
	/* The pager's own query (`/` in the pager): highlights, n/N. */
	int in_pager; /* the field edits the pager's query */
	char *pq;
	size_t pqlen, pqcap;
	struct search_query *psq; /* NULL when pq has no terms */
	unsigned pgen;            /* bumped when psq changes */
	char *pedit_q;
	int pedit_top;
	/* The query and place before the current `/`, for Esc. */
	char *edit_q;
	size_t edit_sel;
	struct pos edit_top;
};

/* Where an item's lines are: how many head rows (the ones the selection
 * marks) and which line holds the すべて開く label, at which columns. */
struct geom {
	int head;
	int label_line, lx0, lx1;
};

/* The laid-out lines of an item (outline.c item_cached), for the few items
 * on screen: a long open answer is laid out once, not on every key. */
struct lslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned qgen;
	struct slines ls;
	struct geom g;
};

#define LCACHE_SLOTS 8

/* A cached item height (outline.c item_height). */
struct hslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned qgen;
	int height, head;
};

#define HCACHE_SLOTS 128

struct browser {
	const struct doc *d;
	const struct search_index *ix;
	const struct doc *help; /* the help FAQ, or NULL */
	struct browser_opts o;
	char *lang; /* owned copy of o.lang */

	struct item *items;
	size_t nitems;
	size_t *sec_item, *ent_item; /* item index of each section / entry */
	uint8_t *sec_open, *ent_open;

	size_t sel;
	struct pos top;
	int w, h;           /* the size keys act on: last K_RESIZE or render */
	int laid_w, laid_h; /* the size of the last outline layout */

	enum bmode mode;
	struct pview pv;
	struct pview *hist;
	size_t nhist, caphist;
	struct page page;

	struct rowinfo *rows;
	int nrows;
	struct hslot hcache[HCACHE_SLOTS];
	struct lslot lcache[LCACHE_SLOTS];

	struct jump *jumps; /* where jumps in the outline came from */
	size_t njumps, capjumps;

	struct bsearch s;
	struct rows_msg msg; /* cleared by the next key */
};

/* browser.c */
struct render_opts browser_ropts(const struct browser *b, int width);

/* outline.c */
void outline_init(struct browser *b);
void outline_free(struct browser *b);
int outline_view_h(const struct browser *b);
int outline_item_selectable(const struct browser *b, size_t i);
int outline_item_visible(const struct browser *b, size_t i);
size_t outline_next_visible(const struct browser *b, size_t i);
size_t outline_prev_visible(const struct browser *b, size_t i);
size_t outline_first_selectable(const struct browser *b);
void outline_move(struct browser *b, int dir);
void outline_page(struct browser *b, int dir);
void outline_scroll(struct browser *b, int lines);
void outline_edge(struct browser *b, int end);
void outline_open(struct browser *b, int enter);
void outline_close(struct browser *b);
void outline_toggle_section_all(struct browser *b, uint32_t sec);
void outline_toggle_all(struct browser *b);
void outline_next_section(struct browser *b, int dir);
void outline_reset(struct browser *b);
void outline_select(struct browser *b, size_t item);
void outline_ensure_head(struct browser *b);
void outline_fix(struct browser *b);
void outline_ensure_fits(struct browser *b);
void outline_click(struct browser *b, int x, int y);
void outline_jump_push(struct browser *b);
void outline_jump_back(struct browser *b);
void outline_render(struct browser *b, struct screen *scr);
int outline_sec_all_open(const struct browser *b, uint32_t sec);

/* pager.c */
void pager_open(struct browser *b, uint8_t kind, uint32_t idx);
void pager_close(struct browser *b);
void pager_back(struct browser *b);
void pager_scroll(struct browser *b, int lines);
void pager_page(struct browser *b, int dir);
void pager_edge(struct browser *b, int end);
void pager_next_entry(struct browser *b, int dir);
void pager_next_link(struct browser *b, int dir);
void pager_follow(struct browser *b);
void pager_click(struct browser *b, int x, int y);
void pager_render(struct browser *b, struct screen *scr);
void pager_next_hit(struct browser *b, int dir, int from_top);
void page_free(struct page *p);

/* searchui.c */
int searchui_available(struct browser *b);
void searchui_begin(struct browser *b);
void searchui_type(struct browser *b, uint32_t ch);
void searchui_erase(struct browser *b, int how);
void searchui_sync(struct browser *b);
void searchui_accept(struct browser *b);
void searchui_cancel(struct browser *b);
int searchui_clear(struct browser *b);
void searchui_reset(struct browser *b);
void searchui_step(struct browser *b, int dir);
void searchui_free(struct browser *b);
/* The search field on the status row (its tail when wider than the room,
 * the hardware cursor at its end), with right at the right end. */
void searchui_status(
    struct browser *b, struct screen *scr, const char *q, const char *right);
/* The pager's query, or NULL. */
const struct search_query *searchui_pager_query(const struct browser *b);
/* Drops the pager's query (leaving the pager). */
void searchui_pager_reset(struct browser *b);
/* Copies the outline's filter to the pager (opening it from results). */
void searchui_pager_inherit(struct browser *b);
/* Hits of entry e under the current filter (h zeroed and 0 when none);
 * free with search_hits_free. */
int searchui_entry_hits(
    const struct browser *b, uint32_t e, struct search_hits *h);

/* help.c */
void help_lines(const struct browser *b, int w, struct slines *out);
void help_doc_lines(const struct browser *b, int w, struct slines *out);

#endif
