/*
 * wrap.h - where lines break: UAX #14 opportunities from libunistring,
 * tailored for Japanese (../shared/docs/TEXT.md), never inside a grapheme
 * cluster, measured with the one width oracle (width.h).
 *
 * The wrapper only decides where lines start and end; it never copies or
 * changes text.  Its input is one run of sanitised UTF-8 (sanitize.h): '\n'
 * is a hard break, ' ' and U+3000 are spaces (dropped at a break), tabs are
 * the caller's business (prose turns them into spaces, code expands them).
 * Other bytes are read as utf8.h reads them (an invalid character is one
 * U+FFFD), so lines always start and end on its character boundaries.
 *
 * Invariant of every result line: width <= the width asked for, except a
 * single grapheme cluster wider than the whole line (a width-2 character at
 * width 1, a ZWJ emoji sequence whose code points sum past a tiny width):
 * such a cluster is put alone on its line and that line is wider.  Clusters
 * are never split, because a terminal cannot draw half of one.
 *
 * struct wrap_lines holds the result and the scratch memory of the
 * computation; reuse it across calls (the result is overwritten) and
 * release it with wrap_lines_free().
 */
#ifndef FAQ_WRAP_H
#define FAQ_WRAP_H

#include <stddef.h>
#include <stdint.h>

#include "width.h"

struct wrap_line {
	size_t start, end; /* bytes of the input shown on this line */
	int width;         /* display columns of [start, end) */
};

struct wrap_lines {
	struct wrap_line *v;
	size_t n, cap;
	char *scratch; /* private: break and cluster tables */
	size_t scratchcap;
	/* 0, or stop after this many lines (the caller needs no more: the
	 * rest of the text is not looked at) */
	size_t max;
};

/*
 * Breaks s[0..n) into lines of at most width columns (width >= 1).  Spaces
 * at a break are left out of both lines; a '\n' ends a line and is in
 * neither.  Always at least one line, possibly empty.
 */
void wrap_text(
    const char *s, size_t n, int width, int ambiguous, struct wrap_lines *out);
/* The same with a first line of its own width (a hanging indent). */
void wrap_text_hang(const char *s, size_t n, int first_width, int rest_width,
    int ambiguous, struct wrap_lines *out);

/*
 * Hard-wraps one line s[0..n) (code: no word rules, no '\n') at grapheme
 * cluster boundaries: every piece but the last has at most width columns;
 * the last may have up to last_width (>= width) - room the caller keeps for
 * a continuation mark on the others.  Nothing is dropped, spaces included.
 */
void wrap_hard(const char *s, size_t n, int width, int last_width,
    int ambiguous, struct wrap_lines *out);

void wrap_lines_free(struct wrap_lines *wl);

/*
 * Where a text too long to lay out whole is cut into pieces laid out
 * apart (render_units.h): the last k in (lo, hi] before which a line may
 * break (UAX #14, looking at most WRAP_CUT_LOOK bytes back from hi), else
 * the last grapheme cluster boundary there, else the last code point
 * boundary.  s[0..n) is the whole text, lo < hi <= n and lo is a code
 * point boundary; the result is > lo whenever hi - lo >= 4.
 */
size_t wrap_cut(const char *s, size_t n, size_t lo, size_t hi);
#define WRAP_CUT_LOOK 256

/*
 * Whether a Markdown soft line break between code points before and after
 * joins the two lines with nothing (both sides are wide, i.e. Japanese)
 * rather than with a space (Latin words).
 */
int wrap_softbreak_joins(uint32_t before, uint32_t after);

#endif
