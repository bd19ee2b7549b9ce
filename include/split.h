/*
 * split.h - a big Markdown file parsed in two halves on two cores.
 *
 * Internal to the loader: included by split.c and load.c only.  What it
 * produces is an ordinary block list (blocks.h), joined so that nobody
 * downstream can tell it was parsed in two.
 *
 * A file may be cut at a "#" heading after a blank line: when that line
 * is a heading at the top level it closes every block before it, so the
 * text from there parses the same alone as in the whole.  Two things can
 * make the cut wrong, and both are handled here: a link reference
 * definition anywhere (its label reaches across the file: such a file is
 * not split), and a "# ..." line that is not a heading at the top level
 * (inside a fenced code block, say: known only once the first half is
 * parsed; then the halves do not meet, and the file is parsed again in
 * one piece).
 */
#ifndef FAQ_SPLIT_H
#define FAQ_SPLIT_H

#include <stddef.h>

#include "blocks.h"
#include "md.h"

struct arena;

struct split_at {
	size_t off;   /* where the second half starts; 0: nowhere */
	size_t lines; /* newlines before off; 0 when it may not be cut */
};

/*
 * Whether buf[0..len) is clean as it is (sanitize_clean_len() of all of
 * it), and in *at where it may be cut when it is len >= min bytes long.
 * Both are found in one pass over each half, on two cores.  The offsets
 * are into buf: a caller that sanitises buf into a new buffer must not
 * cut it (at->lines = 0).
 */
int split_find(const char *buf, size_t len, size_t min, struct split_at *at);

enum split_how {
	SPLIT_NONE,   /* parsed in one piece */
	SPLIT_JOINED, /* parsed in two halves, joined */
	SPLIT_REDONE, /* the halves did not meet: parsed again in one */
};

/*
 * md_read() of src->s[start..len) into bl, on two cores when at says it
 * may be cut there (a cut before start is not taken).  Nested blocks and
 * strings end up in a, whichever way.  Returns md_read()'s result; *how
 * says which way it went.
 */
int split_parse(struct blocks *bl, struct arena *a, const struct md_src *src,
    size_t start, const struct split_at *at, enum split_how *how);

#endif
