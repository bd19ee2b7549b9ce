/*
 * shape.h - the shape of a FAQ: which top-level blocks are the title,
 * sections, questions and answers.
 *
 * Internal to the loader: included by shape.c and load.c only.  shape.c
 * reads a block list (blocks.h) from any reader and builds the doc's
 * sections and entries (docload.h); it knows nothing of files, Markdown
 * syntax or threads.
 *
 * How it is built: one builder, and recognisers that drive it.
 * - The builder keeps what is being filled (the section, the entry or
 *   introduction the next blocks belong to) and does the bookkeeping every
 *   shape shares: the collection's title and lang, sections and their
 *   nested titles, entries and their ids, answers as runs of blocks, empty
 *   answers and sections reported.
 * - A recogniser is one function that walks the blocks and says, block by
 *   block, "a section starts here", "a question starts here", or nothing
 *   (the block belongs to what is open).  Today there is one: headings
 *   (## sections, ### questions, the question level guessed from the
 *   headings or pinned by front matter "question-level").
 * A new shape (bold questions, Q:/A: paragraphs, numbered questions,
 * list items, <details>) is a new recogniser in recognisers[] in
 * shape.c, plus its test of whether a file is written that way; readers
 * of other formats (plain text) produce the same block list and need no
 * change here.
 *
 * Invariants it keeps (doc.h): entries of a section and sections of a
 * collection are contiguous and in document order; every block of the
 * file after the title belongs to exactly one answer or introduction, so
 * no text is dropped.
 */
#ifndef FAQ_SHAPE_H
#define FAQ_SHAPE_H

#include <stdint.h>

#include "blocks.h"
#include "diag.h"
#include "doc.h"
#include "frontmatter.h"

/*
 * Maps bl, the blocks of collection coll of d (whose path names the file
 * in diagnostics), into its title, sections and entries.  Entries point
 * into bl's blocks and text, which must then go to the doc
 * (blocks_give()).  empty says the file had no bytes at all (a warning
 * says so, instead of "no questions found").
 */
void shape_map(struct doc *d, uint32_t coll, struct blocks *bl,
    const struct frontmatter *fm, int empty, struct diag_list *diags);

#endif
