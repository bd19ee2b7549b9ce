/*
 * filemap.h - the bytes of a regular file, read once into private memory,
 * as one consistent version of the file or not at all.
 *
 * The file used to be mapped (3 ms for 78 MB against 40-50 ms to read),
 * but a mapping shows whatever the file holds at the moment a page is
 * touched: a file truncated during the load ended the parse threads with
 * SIGBUS or sent them spinning, a file copied over during the load loaded
 * as a mix of two versions, and bytes changed after the cleaner had looked
 * at them reached the terminal uncleaned.  Read into memory nobody else
 * can write, the bytes the cleaner checks are the bytes that are used.
 *
 * One version: the file's size, modification and change times and inode
 * are compared before and after the read, and a read that ends short of
 * the size or finds more is a change too; the caller reads again or
 * refuses the file.
 *
 * Big files are read into an anonymous mapping of their own, so that the
 * parser can let the pages behind it go (filemap_drop) and the peak stays
 * near one copy of the file.
 *
 * Ownership: the struct is the caller's; filemap_close() releases what
 * filemap_open() took.
 */
#ifndef FAQ_FILEMAP_H
#define FAQ_FILEMAP_H

#include <stddef.h>
#include <sys/stat.h>

struct filemap {
	const char *data; /* the file's bytes */
	size_t len;
	void *anon;  /* the anonymous mapping (cap bytes), or NULL */
	char *heap;  /* or the malloc'd buffer of a small file */
	size_t cap;
};

/* filemap_open()'s result when the file changed while it was read. */
#define FILEMAP_CHANGED 1

/*
 * Reads fd, a regular file whose fstat() before the read is *before, from
 * its start.  Returns 0 (the bytes are one version of the file: the one
 * *before describes), FILEMAP_CHANGED (nothing is held: the file changed
 * during the read; read it again or give up) or -1 with errno set when it
 * cannot be read.  fd stays the caller's.
 */
int filemap_open(struct filemap *fm, int fd, const struct stat *before);
/*
 * Says that fm->data[from..to) will not be read again: their pages leave
 * memory.  Nothing happens to a small file's buffer.  Threads may drop
 * ranges that do not overlap at the same time.
 */
void filemap_drop(const struct filemap *fm, size_t from, size_t to);
/* Releases the bytes; fm->data is invalid after.  Safe to call twice. */
void filemap_close(struct filemap *fm);

#endif
