/*
 * render.h - answer blocks and plain text to styled lines (sline.h) of at
 * most opts->width columns, with Japanese line-break rules (wrap.h).  The
 * same code serves the outline, the pager and --print.
 *
 * Every line is at most opts->width columns, with one exception (wrap.h):
 * a single grapheme cluster wider than the whole width (a wide character
 * at width 1) is put alone on its line.  Chrome (quote bars, list markers)
 * is cut before text is pushed past the edge.
 *
 * Highlights: hl lists byte ranges of the source text (entry->text for
 * answers, the string itself for render_plain) to mark AT_HIGHLIGHT; they
 * come from search.h.  Ranges are sorted and do not overlap.
 */
#ifndef FAQ_RENDER_H
#define FAQ_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "sline.h"

/*
 * External links numbered as w3m and lynx show them: "[n]" after the
 * link's text, and the URLs in the order of their numbers, for a list at
 * the end of the answer (paper and a terminal cannot follow 「こちら」).
 * One number per URL; links inside the FAQ (#id) are not numbered.  The
 * hrefs are borrowed from the doc.
 */
struct link_notes {
	const char **href;
	size_t n, cap;
	/* an index of href by hash (indices + 1, 0 empty), so that a long
	 * answer's thousands of links are each found at once */
	uint32_t *slot;
	size_t nslot;
};

void link_notes_free(struct link_notes *ln);
/* The number of href in ln, from 1; a new href gets the next one. */
size_t link_notes_number(struct link_notes *ln, const char *href);

struct render_opts {
	int width;     /* columns available, >= 1 */
	int ambiguous; /* 1 or 2, see width.h */
	int ascii;     /* ASCII-only markers, bullets and rules */
	/* 0, or render_answer() (and render_units(), per unit) lays out at
	 * most this many lines and then one that says the rest is left out
	 * (RENDER_CUT_MSG): a safety net; the views lay a long answer out a
	 * unit at a time (render_units.h) */
	int max_lines;
	struct link_notes *notes; /* non-NULL: number external links */
	/* struck text (STYLE_DEL) between "~~" and "~~": --print, --dump and
	 * a terminal that cannot strike text through (AT_DEL is set either
	 * way, for a front end that can) */
	int del_marks;
};

/* The last line of an answer cut at max_lines (a message id). */
#define RENDER_CUT_MSG \
	"[the rest of this answer is not shown: it is longer than %d lines; " \
	"faq --print shows it whole]"

struct hl_range {
	uint32_t start, end; /* bytes */
};

struct hl_set {
	const struct hl_range *v;
	size_t n;
};

/*
 * Highlights found as the text is read, for a text too long to search
 * whole on every layout (a 5 MB answer): set holds the ranges found so
 * far, whole for every byte before known; more() finds further ones until
 * known >= upto (or the text ends).  render_answer_lazy() asks for the
 * bytes it reads, so the cost is that of what is laid out.
 */
struct hl_lazy {
	struct hl_set set;
	size_t known;
	void (*more)(struct hl_lazy *lz, size_t upto);
};

/*
 * Appends the answer of e as lines to out.  e is the entry whose blocks are
 * drawn (the caller follows references with doc_entry_answer()).  Link spans
 * get AT_LINK and a sline_link.  hl may be NULL.
 */
void render_answer(const struct entry *e, const struct render_opts *o,
    const struct hl_set *hl, struct slines *out);
/* The same with highlights found as they are read (hl may be NULL). */
void render_answer_lazy(const struct entry *e, const struct render_opts *o,
    struct hl_lazy *hl, struct slines *out);

/*
 * Appends s[0..n), wrapped, to out: the first line starts with prefix1, the
 * others with prefix_rest (same display width: a hanging indent); prefixes
 * get prefix_attr, the text attr.  Used for questions, titles, messages.
 */
void render_plain(const char *s, size_t n, const char *prefix1,
    const char *prefix_rest, uint16_t prefix_attr, uint16_t attr,
    const struct render_opts *o, const struct hl_set *hl, struct slines *out);

#endif
