/*
 * filemap.h - the bytes of a regular file, for reading once: mapped when
 * the system allows, read into memory otherwise.
 *
 * Mapping a 78 MB FAQ costs about 3 ms; read() into a buffer costs 40-50
 * ms, nearly all of it faulting in and zeroing the buffer's pages.  A
 * mapping has one hazard a buffer has not: if the file shrinks while it is
 * mapped, touching a page past the new end raises SIGBUS.  So while any
 * mapping is open a SIGBUS handler stands guard: a fault inside a mapping
 * gets a page of zero bytes mapped in its place (the reader sees NULs,
 * which the sanitiser and md4c already turn into U+FFFD), and the map is
 * marked truncated so that the loader can say the file changed.  A SIGBUS
 * anywhere else is passed to the handler that was there before.
 *
 * Ownership: the struct is the caller's; filemap_close() releases what
 * filemap_open() took.  The mappings are process-wide state (the guard
 * must find them from a signal handler), so at most FILEMAP_MAX are open
 * at once; past that, files are read.
 */
#ifndef FAQ_FILEMAP_H
#define FAQ_FILEMAP_H

#include <stddef.h>

#define FILEMAP_MAX 4

struct filemap {
	const char *data; /* the file's bytes */
	size_t len;
	void *map;  /* the mapping (len bytes), or NULL when read into heap */
	char *heap; /* the buffer when read */
	int slot;   /* the guard's slot, or -1 */
	int truncated; /* set by filemap_close() from the guard */
};

/*
 * Maps or reads fd (a regular file of size bytes; it is read as far as
 * that size, never further).  Returns 0, or -1 with errno set when the
 * file cannot be read.  fd stays the caller's.
 */
int filemap_open(struct filemap *fm, int fd, size_t size);
/* Whether a page of fm went missing (the file shrank) while mapped. */
int filemap_truncated(const struct filemap *fm);
/*
 * Says that fm->data[from..to) will not be read again: their pages leave
 * memory (should they be read after all, they come back from the file).
 * Nothing happens to a file that was read into memory.  Threads may drop
 * ranges that do not overlap at the same time.
 */
void filemap_drop(const struct filemap *fm, size_t from, size_t to);
/* Releases the bytes; fm->data is invalid after.  Safe to call twice. */
void filemap_close(struct filemap *fm);

#endif
