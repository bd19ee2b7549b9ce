/*
 * plaintext.h - the plain-text reader: a FAQ written as text, not
 * Markdown (zlib's FAQ, a Debian package's FAQ, a faq.txt), to the same
 * list of top-level blocks the Markdown reader makes (blocks.h), so that
 * the shape layer (shape.h) finds its questions the same way.
 *
 * Internal to the loader: included by plaintext.c and load.c.  Which
 * files are plain text is load.c's to say (by their name).
 *
 * What it reads, line by line:
 * - a line underlined with ===, --- or ~~~ as long as it (or one between
 *   two rules) is a heading: the first one of the file the title;
 * - a first line alone, followed by a blank line, is the title;
 * - a line of one repeated character (----, ****, ====) otherwise is a
 *   rule;
 * - lines indented deeper than the text around them (4 columns more
 *   than the file's usual indent) are kept as they are: preformatted,
 *   never reflowed;
 * - a short paragraph indented less than the text that follows it (a
 *   question over its indented answer) is a heading;
 * - "* ", "- ", "+ " lines start list items;
 * - paragraphs of numbered lines (a table of contents) keep their lines;
 * - anything else is a paragraph, its lines joined.
 * Q:/A: and numbered questions are paragraphs like any other: the shape
 * layer knows their labels.
 */
#ifndef FAQ_PLAINTEXT_H
#define FAQ_PLAINTEXT_H

#include <stddef.h>

#include "blocks.h"

struct arena;

/* Reads s[from..n) (sanitised text; from is the start of line number
 * line, 0-based) into bl, which it initialises; nested blocks and spans
 * come from a. */
void plaintext_read(struct blocks *bl, struct arena *a, const char *s,
    size_t n, size_t from, size_t line);

#endif
