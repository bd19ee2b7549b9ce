/*
 * outline_layout.h - the outline's state and its layout: which items show,
 * the lines each one is laid out to, and where the view stands.  Used by
 * outline.c (the view: keys, search, drawing) and by nothing else; the
 * browser sees only outline.h.
 *
 * Model.  The outline is a flat array of items (a collection title, a
 * section row, a question) in document order.  Which items show depends on
 * the open/closed state and the search filter; an item's lines depend on
 * the width.  The view is a position (item, line within it) of the first
 * row, so a resize or an open/close never needs a global line count, and
 * drawing costs only what is on screen.  Scrolling asks for the same
 * heights many times per key, so the lines of the items on screen and the
 * heights of many more are cached, keyed by item, width, a signature of
 * the state they depend on and the filter's generation.
 *
 * Ownership: struct outline borrows the environment (view.h) and owns
 * everything else, filter included; outline_ops.free releases it.
 *
 * Invariants after every operation of the view: sel is a selectable
 * (title, section or question), visible item, or 0 when there is none (a
 * title is selectable so that the keys reach every line of a long
 * introduction; the keys that act on a section or question do nothing on
 * it); top.item
 * is a visible item and top.line < its height at the current width; some
 * line of sel is on screen.  The functions below that move the view keep
 * them; the others need them.
 */
#ifndef FAQ_OUTLINE_LAYOUT_H
#define FAQ_OUTLINE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "filter.h"
#include "render_units.h"
#include "sline.h"
#include "view.h"

#define NO_ITEM ((size_t)-1)

/*
 * A long answer (render_units.h) is not one item's lines: each of its
 * units is an item of its own (ITEM_PART) after its question's, shown
 * while the answer is open, so that only the units on screen are laid
 * out and the whole answer is reached by scrolling.  A part is never
 * selected: the question stays the selection while any of its parts
 * shows (outline_owner()).
 */
enum item_kind { ITEM_TITLE, ITEM_SECTION, ITEM_ENTRY, ITEM_PART };

struct item {
	uint8_t kind; /* enum item_kind */
	uint32_t idx; /* into doc->colls, doc->secs or doc->entries (the
	                 entry a part belongs to) */
	uint32_t part; /* ITEM_PART: the unit (into outline.longs' units) */
};

/* The units of one long answer. */
struct long_answer {
	uint32_t entry;
	struct answer_units u;
};

struct pos {
	size_t item;
	int line;
};

/* What one screen row of the last render showed (for the mouse). */
struct rowinfo {
	size_t item; /* NO_ITEM: blank or status */
	int line;    /* line within the item */
	int lx0, lx1; /* columns of the すべて開く label on this row, or -1 */
};

/* A place to come back to (Backspace after a jump; Esc after `/`). */
struct jump {
	size_t sel;
	struct pos top;
};

/* Where an item's lines are: how many head rows (the ones the selection
 * marks) and which line holds the すべて開く label, at which columns. */
struct geom {
	int head;
	int label_line, lx0, lx1;
};

/* The laid-out lines of an item, for the few items on screen: a long open
 * answer is laid out once, not on every key. */
struct lslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned gen;
	struct slines ls;
	struct geom g;
};

#define LCACHE_SLOTS 8

/* A cached item height. */
struct hslot {
	int valid;
	size_t item;
	int w;
	uint32_t sig;
	unsigned gen;
	int height, head;
};

#define HCACHE_SLOTS 128

struct outline {
	const struct view_env *e;

	struct item *items;
	size_t nitems;
	struct long_answer *longs;
	size_t nlongs;
	uint32_t *ent_long; /* per entry: 1 + its index in longs, or 0 */
	size_t *sec_item, *ent_item; /* item index of each section / entry */
	uint8_t *sec_open, *ent_open;

	size_t sel;
	struct pos top;
	int laid_w, laid_h; /* the size of the last settle */

	struct rowinfo *rows; /* of the last render; NULL when hidden */
	int nrows;
	struct hslot hcache[HCACHE_SLOTS];
	struct lslot lcache[LCACHE_SLOTS];

	struct jump *jumps; /* where jumps came from, oldest first */
	size_t njumps, capjumps;

	struct filter f; /* the search filter (issue 5) */
	/* The view before the filter started, restored when it ends. */
	uint8_t *save_sec, *save_ent;
	struct jump save;
	size_t save_hit_item; /* and the hit n/N had gone to */
	int save_hit_line, save_hit_rank;
	/* The place before the current `/`, for Esc. */
	struct jump edit;
	/* No key has moved anything since the start (or the kiosk home): the
	 * view shows the first line, whatever the size. */
	int at_start;
	/* The hit n/N last went to: a line of item hit_item (-1: before its
	 * first line), or hit_item NO_ITEM. */
	size_t hit_item;
	int hit_line;
	/* how many of the item's lines with a hit come before hit_line: the
	 * hit is found again by it when a resize moves the lines */
	int hit_rank;
	/* While a filter is on: the item to select when it shows (anchor: the
	 * selection before the filter, or the one the visitor moved to under
	 * it), and the one the last search selected (auto_sel, when
	 * auto_set), so that a query typed a key at a time selects what the
	 * same query pasted does.  By kind and index into the doc, not by
	 * position: the items are rebuilt for best first. */
	struct item anchor, auto_sel;
	int auto_set;
	/* The link Tab focused: a link on screen, in an open answer or an
	 * introduction; link_item NO_ITEM when there is none.  Any key but
	 * Tab, Shift-Tab and Enter drops it (outline_edits_end), and so does
	 * a resize or anything that takes the link off the screen. */
	size_t link_item;
	int link_line, link_k;
	/* Search results best first (the `o` key, --order=best); flat: the
	 * items are then the hits in that order, without titles or
	 * sections (outline_layout_flat). */
	int best, flat;
};

/* outline_parts.c: finds the long answers and builds their units (into
 * longs and ent_long); returns how many parts they have. */
size_t outline_find_long(struct outline *o);
/* Appends the item of entry e to the items, and of its parts. */
void outline_add_entry(struct outline *o, uint32_t e);
/* Appends copies of ls's lines to out, each behind n blank columns (an
 * answer under its question). */
void outline_append_indented(
    struct slines *out, const struct slines *ls, int n);
/* Appends the lines of part it at content width cw. */
void outline_part_lines(
    struct outline *o, const struct item *it, int cw, struct slines *out);

/* Builds the items of env->d (open state all zero). */
void outline_layout_init(struct outline *o);
/* The items become the entries order[0..n) (best first), or (order NULL)
 * the document again; cached layouts and jumps are dropped. */
void outline_layout_flat(struct outline *o, const uint32_t *order, size_t n);
void outline_layout_free(struct outline *o);

/* Rows above the status row; columns right of the selection gutter. */
int outline_view_h(const struct outline *o);
int outline_content_w(const struct outline *o);

int outline_item_visible(const struct outline *o, size_t i);
/* The item a part belongs to (its question's), else i itself. */
size_t outline_owner(const struct outline *o, size_t i);
/* Whether entry e's answer is laid out in parts. */
int outline_entry_long(const struct outline *o, uint32_t e);
/* The last item of i's extent: its last part when it has parts that
 * show (its answer is open), else i. */
size_t outline_extent_end(const struct outline *o, size_t i);
int outline_item_selectable(const struct outline *o, size_t i);
/* The next/previous visible item (from NO_ITEM: the first), or NO_ITEM. */
size_t outline_next_visible(const struct outline *o, size_t i);
size_t outline_prev_visible(const struct outline *o, size_t i);
size_t outline_next_selectable(const struct outline *o, size_t i);
size_t outline_prev_selectable(const struct outline *o, size_t i);
size_t outline_first_selectable(const struct outline *o);
/* Whether every answer of section sec is open (and it has some). */
int outline_sec_all_open(const struct outline *o, uint32_t sec);

/* Lines of item i at the current width and its geometry (cached; valid
 * until the next call). */
const struct slines *outline_item_lines(
    struct outline *o, size_t i, struct geom *g);
/* The lines on screen, top to bottom, from the top line down to the view's
 * height: the render and the links Tab can reach walk the same lines. */
struct screen_walk {
	size_t item;             /* the item of this line */
	int line;                /* its line within the item */
	int row;                 /* its row on screen */
	const struct slines *ls; /* the item's lines (outline_item_lines) */
	struct geom g;           /* and their geometry */
	int vh;                  /* rows to fill */
};
/* Starts a walk over vh rows; then outline_walk_next() gives each line. */
void outline_walk_start(struct outline *o, struct screen_walk *w, int vh);
/* The next line on screen into w; 0 when the rows or the items are done. */
int outline_walk_next(struct outline *o, struct screen_walk *w);

/* Height of item i at the current width, and its head rows (head may be
 * NULL). */
int outline_item_height(struct outline *o, size_t i, int *head);
/* Row of the first line of item i relative to the view: negative above,
 * >= view height when below (capped). */
int outline_item_row(struct outline *o, size_t i);

/* Moves p back n lines (not before the first line); returns lines moved. */
int outline_pos_back(struct outline *o, struct pos *p, int n);
/* Scrolls the view down at most n lines, never past the last screenful;
 * returns the lines scrolled. */
int outline_scroll_down(struct outline *o, int n);

/* Makes sel and top valid again (after the open state or the filter
 * changed), and fills the screen when there is enough content below. */
void outline_fix(struct outline *o);
/* Scrolls so that the head rows of sel are on screen, with the collection
 * title above it when the selection is the first row under it. */
void outline_ensure_head(struct outline *o);
/* After opening sel: shows as much of it as fits, head first. */
void outline_ensure_fits(struct outline *o);
/* When the head of sel (a question taller than the screen) leaves no row
 * for its open answer: scrolls on until the answer's first lines (up to
 * half the screen) show. */
void outline_show_answer_start(struct outline *o);
/* The height of item i with its parts, counting up to cap at least. */
int outline_extent_height(struct outline *o, size_t i, int cap);
/* Whether lines of item i or of its parts are below the screen. */
int outline_extent_below(struct outline *o, size_t i);
/* Whether some line of item i or of its parts is on screen. */
int outline_extent_shows(struct outline *o, size_t i);
/* After the view scrolled: keeps sel if any of it shows, else selects the
 * first item that starts on screen. */
void outline_follow_view(struct outline *o);
/* The first line of item i after (dir 1) or before (dir -1) line from that
 * holds a search hit, or -1. */
int outline_hit_line(struct outline *o, size_t i, int from, int dir);
/* How many lines of item i from line from up to (not including) line hold
 * a search hit. */
int outline_hit_rank(struct outline *o, size_t i, int from, int line);
/* The line of item i that holds its (rank+1)-th hit counted from line
 * from, or its last one when it has fewer; -1 when it has none. */
int outline_hit_nth(struct outline *o, size_t i, int from, int rank);
/* The next line with a hit from line *line of item *item (on it too) in
 * direction dir, among sel and its parts (while its answer is open); 1
 * and the place in *item, *line, or 0 when there is none. */
int outline_ext_hit(
    struct outline *o, size_t sel, size_t *item, int *line, int dir);
/* outline_show_line() for line `line` of item, sel or one of its parts. */
void outline_show_item_line(struct outline *o, size_t item, int line);
/* Scrolls so that line `line` of sel is on screen (a third of the way
 * down when it has to move), even deep inside a long answer. */
void outline_show_line(struct outline *o, int line);

#endif
