/*
 * render_line.h - the line builder under render.c and render_table.c, and
 * nothing else may include it: a render context (struct ctx) holds the
 * prefix of the enclosing quotes and list items, a flat buffer of display
 * text with an attribute per byte, and the output lines; blocks are
 * flattened into it and emitted behind the prefix, wrapped by wrap.h.
 *
 * Ownership: a ctx owns its prefixes, flat buffers and wrap lines
 * (ctx_free in render.c); it borrows the source text, the options, the
 * highlights and the output lines for one render call.
 */
#ifndef FAQ_RENDER_LINE_H
#define FAQ_RENDER_LINE_H

#include <stddef.h>
#include <stdint.h>

#include "render.h"
#include "wrap.h"

#define TAB_STOP 8

struct prefix {
	char *s;
	size_t len, cap;
	int w;
};

struct linkrun {
	size_t start, end; /* in the flat buffer */
	const char *href;
};

/* Bytes f[at, at+n) copied from src[off, off+n), not yet highlighted. */
struct hlrun {
	size_t at, n;
	uint32_t off;
};

/* A flattened run of text ready for wrapping.  Prose is highlighted when
 * a line of it is emitted (hl), not when it is copied: a 5 MB paragraph
 * is copied up to the line budget's bytes (ctx.flat_max), and searching
 * all of them for hits (hl_lazy) cost more than the lines shown. */
struct flat {
	char *s;
	uint16_t *attr;
	size_t len, cap;
	struct linkrun *links;
	size_t nlinks, linkcap;
	struct hlrun *hl; /* in the order of at */
	size_t nhl, caphl;
};

struct ctx {
	const char *src; /* what hl ranges index */
	const struct render_opts *o;
	const struct hl_set *hl;
	struct hl_lazy *lazy; /* NULL, or what hl is the set of */
	struct slines *out;
	uint16_t pattr; /* attribute of prefixes */
	struct prefix first, rest;
	int pending; /* the next line starts with first, not rest */
	int depth;   /* list nesting, for the bullet shape */
	/* the next render_blocks() starts with a blank line (a unit that
	 * starts inside a quote, render_units()) */
	int lead_blank;
	struct flat fl, cell;
	struct wrap_lines wl;
	/* lines stop at out->n == limit (SIZE_MAX: never); past it ctx_line
	 * hands out spare, cut is set and no further block is rendered */
	size_t limit;
	struct sline spare;
	int cut;
	size_t flat_max; /* 0, or the most bytes of prose one block copies */
};

/* Bytes of prose enough for a line budget of max_lines at width: 16 a
 * column leaves room for marks and joiners. */
#define CTX_FLAT_MAX(max_lines, width) \
	((size_t)(max_lines) * ((size_t)(width) + 1) * 16)

/* How many more lines may be made, for wrap_lines.max (0: no limit). */
size_t ctx_budget(const struct ctx *c);

/* Chrome, in Unicode and in ASCII. */
struct chrome {
	const char *quote, *cont, *hr;
	const char *bullet[3];
	const char *box_h, *box_v, *box_tl, *box_tm, *box_tr, *box_ml, *box_mm,
	    *box_mr, *box_bl, *box_bm, *box_br;
};

const struct chrome *ctx_chrome(const struct ctx *c);

/*
 * Box drawing characters are East Asian Ambiguous: a terminal that draws
 * them wide (--ambiguous=2) would make half-cell steps impossible, so
 * tables are drawn in ASCII there.
 */
const struct chrome *ctx_box(const struct ctx *c);

int ctx_width(const struct ctx *c, const char *s);

void prefix_set(struct prefix *p, const char *s, size_t n, int w);

void prefix_add(struct prefix *p, const char *s, size_t n, int w);

int ctx_avail(const struct ctx *c);

/*
 * A new line with the prefix.  textw is the width of the text that will
 * follow: when a single cluster is wider than the room left (a wide
 * emoji sequence deep in a list at a tiny width), the prefix gives way so
 * that the line still fits whenever the text alone does.
 */
struct sline *ctx_line(struct ctx *c, int trim, int textw);

/* A blank line between blocks: only the prefix, trailing spaces cut. */
void ctx_blank(struct ctx *c);

void flat_byte(struct flat *f, char b, uint16_t attr);

void flat_clear(struct flat *f);

void flat_free(struct flat *f);

/* Marks AT_HIGHLIGHT on f's bytes [at, at+n) that copy src[off, off+n). */
void flat_highlight(
    const struct ctx *c, struct flat *f, size_t at, uint32_t off, size_t n);

/* Whether source byte off is inside a highlight. */
int hl_covers(const struct ctx *c, size_t off);

/* Copies src[off, off+n) as prose: tabs and stray newlines become spaces. */
void flat_text(
    struct ctx *c, struct flat *f, uint32_t off, size_t n, uint16_t attr);

/*
 * Flattens spans.  A soft break joins two Japanese lines with nothing and
 * two Latin ones with a space; a hard break is '\n' unless hard is 0
 * (table cells), then a space.  base is added to every attribute.
 */
void flat_spans(struct ctx *c, struct flat *f, const struct span *sp, size_t n,
    uint16_t base, int hard);

/* Appends f[a, b) to l with its attributes and links; w is its width. */
void emit_slice(struct ctx *c, struct sline *l, struct flat *f, size_t a,
    size_t b, int w);

/* Wraps f to the available width, one line each behind the prefix. */
void emit_wrapped(struct ctx *c, struct flat *f);
/* The two halves of emit_wrapped: wraps f into c->wl (returns the number
 * of lines, at most ctx_budget()), then emits those lines. */
size_t flat_wrap(struct ctx *c, const struct flat *f);
void emit_wrap_lines(struct ctx *c, struct flat *f);

/* render_table.c: a GFM table, boxed, or one 「見出し: 値」 line per
 * cell when it cannot fit. */
void render_table(struct ctx *c, const struct block *b);

#endif
