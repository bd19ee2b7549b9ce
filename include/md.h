/*
 * md.h - the Markdown reader: md4c's events to a list of top-level blocks
 * and one text buffer (blocks.h).
 *
 * Internal to the loader: included by md.c, split.c and load.c.  md.c
 * knows Markdown and nothing of files, threads or the document's shape:
 * it does not decide which heading is a question (shape.c does), and
 * what it may let go of in a file's buffer it says through src->drop.
 *
 * Threads: md_read() touches nothing but bl, its arena and the source, so
 * two may run at once on two parts of one source, with arenas of their
 * own (split.c).  Diagnostics are not added here: the links and the
 * depth warning wait in bl until the parse is known good.
 */
#ifndef FAQ_MD_H
#define FAQ_MD_H

#include <stddef.h>

#include "blocks.h"

struct arena;

struct md_src {
	const char *s; /* the whole sanitised file, ending with '\n' */
	size_t len;
	/*
	 * NULL, or told that s[from..to) will not be read again, so that the
	 * pages behind the parser can leave memory (a big file's buffer).  Calls
	 * from two parses at once are for ranges that do not overlap.
	 */
	void (*drop)(void *ctx, size_t from, size_t to);
	void *drop_ctx;
};

/*
 * Parses src->s[from..to) as Markdown into bl, which it initialises
 * (blocks_init()); strings, spans and nested blocks are allocated from a.
 * at <= from is the start of a line whose 0-based number is line: lines
 * and columns are counted from there.  Returns 0, or md4c's error: then
 * bl holds what was parsed until it failed, every block closed.
 */
int md_read(struct blocks *bl, struct arena *a, const struct md_src *src,
    size_t at, size_t line, size_t from, size_t to);

#endif
