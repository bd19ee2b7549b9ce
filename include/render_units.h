/*
 * render_units.h - a long answer in units that are laid out apart, so
 * that a view lays out only the units it shows (plus a margin) and never a
 * whole 50 MB answer: the outline makes each unit an item of its own
 * (outline_layout.h), the pager keeps a window of units (pagerint.h).
 *
 * A unit is a run of whole top-level blocks, some items of a top-level
 * list, some children of a top-level quote, or a piece of a top-level
 * paragraph or code block; each weighs at most about UNIT_BYTES (its text,
 * UNIT_NODE a block and UNIT_LINE a line break of code or a hard break),
 * so that it is at most about UNIT_BYTES / UNIT_LINE lines at any width
 * the browser lays text out at, well under VIEW_MAX_LINES.  Laid out one
 * after another, from the first, the units give the lines render_answer()
 * gives for the whole, except that a paragraph or code block cut into
 * pieces has a line break at each cut (wrap_cut(): at a place where a
 * line may break, about every UNIT_BYTES bytes).  What a unit cannot
 * split (one list item, a table) is laid out whole, up to
 * render_opts.max_lines.
 *
 * Ownership: struct answer_units owns its array; the units index the
 * entry they were built for, which must outlive them.
 */
#ifndef FAQ_RENDER_UNITS_H
#define FAQ_RENDER_UNITS_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "render.h"
#include "sline.h"

/* About the most text one unit holds: 16 KB is a few hundred lines at
 * 80 columns, laid out in well under a millisecond. */
#define UNIT_BYTES 16384
/* What a line break weighs beside its bytes: every line a unit makes
 * costs it at least this much (a line of text wrapped at 17 columns or
 * more holds as many bytes), so a unit of a megabyte of "x" lines of code
 * is not 8000 lines. */
#define UNIT_LINE 16
/* What a block weighs beside its text (a rule, a table cell): the two
 * lines it may make, its own and the blank one before it. */
#define UNIT_NODE (2 * UNIT_LINE)

enum unit_kind {
	UNIT_BLOCKS, /* top-level blocks [from, to) */
	UNIT_ITEMS,  /* items [from, to) of the top-level list block */
	UNIT_KIDS,   /* children [from, to) of the top-level quote block */
	UNIT_TEXT,   /* spans [s0, s1) of paragraph block, text bytes
	                [from, to) of the entry's text */
	UNIT_CODE,   /* bytes [from, to) of code block (from its code_off) */
};

struct answer_unit {
	uint32_t block; /* the top-level block (UNIT_BLOCKS: from) */
	uint32_t from, to;
	uint32_t s0, s1; /* UNIT_TEXT: the spans it takes text from */
	uint8_t kind;    /* enum unit_kind */
	uint8_t cont;    /* UNIT_CODE: ends inside a line of the code */
};

struct answer_units {
	struct answer_unit *v;
	size_t n, cap;
};

/* The units of e's answer (the entry whose blocks are drawn, see
 * doc_entry_answer()), replacing what u held; one unit for an answer that
 * weighs at most UNIT_BYTES, none for an empty one. */
void answer_units_build(const struct entry *e, struct answer_units *u);
void answer_units_free(struct answer_units *u);

/* Whether e's answer weighs more than one unit holds (cheap: it looks at
 * the first blocks only as far as needed). */
int answer_is_long(const struct entry *e);

/* The first byte of e's text that unit k shows (for a position shown as
 * a share of the answer). */
uint32_t answer_unit_offset(
    const struct entry *e, const struct answer_units *u, size_t k);

/*
 * Numbers every external link of e's answer in ln as render_answer()
 * numbers them when it lays the answer out whole (render.h, notes), so
 * that units laid out later with ln as their notes show the whole
 * answer's numbers, whichever unit comes first.  Costs one pass over the
 * answer's blocks and spans, no layout.
 */
void answer_links_collect(const struct entry *e, struct link_notes *ln);

/*
 * Appends the lines of units [from, to) of u (built for e) to out, each
 * with the blank line that separates it from the unit before it in the
 * answer; the lines of units 0..n-1 laid out in any number of calls, in
 * order, are the answer's.  hl as for render_answer_lazy() (may be NULL);
 * o->max_lines bounds each unit.
 */
void render_units(const struct entry *e, const struct answer_units *u,
    size_t from, size_t to, const struct render_opts *o, struct hl_lazy *hl,
    struct slines *out);

#endif
