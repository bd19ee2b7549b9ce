/*
 * load.h - FAQ files into a struct doc: the loader's public entry points.
 *
 * The loader is in layers, each a file, top to bottom (calls go down
 * only; files on one line do not call each other):
 *
 *	load.c		files and directories, read as one version each
 *			(filemap.h: a file changed during the read is read
 *			again, then refused), the byte order mark, whether
 *			the bytes need sanitising, front matter, which
 *			reader, whether to split; the only file that holds
 *			a file's bytes, and the only one that frees them
 *	split.c		a big file parsed in two halves on two cores
 *			(split.h)
 *	md.c, shape.c	the Markdown reader: md4c's events to a flat list of
 *			top-level blocks (md.h); the shape: blocks to the
 *			title, sections and questions, by recognisers
 *			(shape.h)
 *	blocks.c	that list and its text, read the same way whether
 *			it was parsed in one piece or two (blocks.h)
 *	doc.c		the model it all lands in (doc.h; docload.h is how
 *			the loader builds it)
 *
 * The reader decides nothing about the document's shape, and shape.c
 * knows nothing of files, Markdown syntax or threads.
 *
 * Ownership: everything loaded belongs to the doc (doc_free()); the
 * buffers passed in stay the caller's and may be freed on return.  Call
 * doc_finish() after the last load.
 */
#ifndef FAQ_LOAD_H
#define FAQ_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

/* Bigger files are refused rather than read: offsets in the model are 32
 * bits, and a FAQ of a gigabyte is a mistake (or /dev/zero behind a
 * symlink). */
#define LOAD_MAX_FILE (1UL << 30)
/* Standard input is read before it is known how big it is: refused past
 * this, so that `faq - </dev/zero` holds 256 MiB at the most, not GBs. */
#define LOAD_MAX_STDIN (1UL << 28)

/*
 * Loads a file or a directory (every *.md in it, sorted by name) as one
 * collection per file.  Problems go to diags.  Returns 0, or -1 when the
 * path or a file in it cannot be read (missing, unreadable, too large,
 * changed while read, a directory without .md): then diags holds an error
 * naming it (the other files of a directory are loaded all the same).
 */
int load_path(struct doc *d, const char *path, struct diag_list *diags);
/* Parses one Markdown buffer as a collection named name.  Returns 0, or -1
 * (with an error in diags) when it is longer than LOAD_MAX_FILE. */
int load_buffer(struct doc *d, const char *name, const char *buf, size_t len,
    struct diag_list *diags);

/* From this many bytes on, a file is parsed in two halves on two cores
 * when it can be cut safely (split.h). */
#define LOAD_SPLIT_MIN (1UL << 20)

/* What a caller may change about one load (tests, benchmarks). */
struct load_opt {
	/* split files of this many bytes or more; 0 means LOAD_SPLIT_MIN,
	 * SIZE_MAX never (the tests compare both ways) */
	size_t split_min;
	/* read as a plain-text FAQ, not Markdown (load_path decides this by
	 * the file's name, see load_is_plain_name; a buffer is Markdown
	 * unless its caller says so) */
	int plain;
};

/* Whether a file of this name is read as plain text: .txt, FAQ or
 * FAQ.txt in any case, or no extension at all. */
int load_is_plain_name(const char *path);

/* What one load did, for a caller that asks (the tests check that both
 * ways out of a split are taken). */
struct load_stats {
	unsigned long splits_joined; /* halves parsed apart and joined */
	unsigned long splits_redone; /* halves that did not meet: redone */
};

/* load_buffer() with opt (NULL: the defaults); stats, when not NULL, is
 * added to. */
int load_buffer_opt(struct doc *d, const char *name, const char *buf,
    size_t len, const struct load_opt *opt, struct load_stats *stats,
    struct diag_list *diags);

/* From this many bytes on, the browser shows a file's beginning while the
 * whole of it loads (loading.h); smaller files are loaded whole first. */
#define LOAD_HEAD_MIN (4UL << 20)
/* How much of such a file is read for its first screens. */
#define LOAD_HEAD_BYTES (256UL << 10)

/*
 * The beginning of a big file, for the first screens while the whole of
 * it loads: when path is a regular file of LOAD_HEAD_MIN bytes or more,
 * its first bytes (about LOAD_HEAD_BYTES, cut before a "#" line after a
 * blank line, else after a blank line, else at a line's end) are loaded
 * into d as load_path() loads the file, the same name and the same reader,
 * and 1 is returned.  Otherwise (a smaller file, a directory, a file that
 * cannot be read) 0, d is untouched, and load_path() says what is wrong.
 * Problems in the beginning are not reported: the whole load reports
 * them.
 */
int load_path_head(struct doc *d, const char *path);

#endif
