/* filemap.c - a file's bytes, read into private memory as one version of
 * the file; see filemap.h. */
#include "filemap.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xalloc.h"

/* Files smaller than this are read into malloc'd memory: there is nothing
 * to drop on them. */
#define FILEMAP_MIN (256 * 1024)

/* Whether two fstat() results describe the same version of a file. */
static int
same_version(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	       a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Reads up to size bytes at offset 0 into buf; returns how many, or -1. */
static ssize_t
read_all(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n < size) {
		r = pread(fd, buf + n, size - n, (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break; /* it shrank */
		n += (size_t)r;
	}
	return (ssize_t)n;
}

int
filemap_open(struct filemap *fm, int fd, const struct stat *before)
{
	size_t size = (size_t)before->st_size;
	struct stat after;
	ssize_t n;
	char probe;
	int e;

	memset(fm, 0, sizeof *fm);
	fm->cap = size + 1;
	if (size >= FILEMAP_MIN) {
		/* Huge pages where the system gives them on request (2 MB:
		 * read() then faults 40 times for 78 MB, not 19 000; 130 ms
		 * of filemap_open() down to ~30 ms on a virtual machine), and
		 * the page tables filled in one pass before read() either way
		 * (a page fault per 4 KB page without huge pages was 330 ms).
		 * filemap_drop() still frees what the parse has gone past: a
		 * huge page dropped in part is split, and freed once the rest
		 * of it is dropped too. */
		fm->anon = mmap(NULL, fm->cap, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (fm->anon == MAP_FAILED) {
			fm->anon = NULL;
			errno = ENOMEM;
			return -1;
		}
		xalloc_huge(fm->anon, fm->cap);
#ifdef MADV_POPULATE_WRITE
		/* (refused by kernels before 5.14: read() faults instead) */
		(void)madvise(fm->anon, fm->cap, MADV_POPULATE_WRITE);
#endif
		fm->data = fm->anon;
	} else {
		fm->heap = xmalloc(fm->cap);
		fm->data = fm->heap;
	}
	n = read_all(fd, (char *)fm->data, size);
	if (n < 0) {
		e = errno;
		filemap_close(fm);
		errno = e;
		return -1;
	}
	/* Short, longer than it was, or touched since: another version. */
	if ((size_t)n != size || pread(fd, &probe, 1, (off_t)size) > 0 ||
	    fstat(fd, &after) != 0 || !same_version(before, &after)) {
		filemap_close(fm);
		return FILEMAP_CHANGED;
	}
	fm->len = size;
	return 0;
}

void
filemap_drop(const struct filemap *fm, size_t from, size_t to)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), a, b;

	if (fm->anon == NULL || to > fm->len || from >= to)
		return;
	/* whole pages only: a page shared with bytes still to be read
	 * stays */
	a = ((uintptr_t)fm->anon + from + page - 1) & ~(page - 1);
	b = ((uintptr_t)fm->anon + to) & ~(page - 1);
	if (a < b)
		madvise((void *)a, (size_t)(b - a), MADV_DONTNEED);
}

void
filemap_close(struct filemap *fm)
{
	if (fm->anon != NULL)
		munmap(fm->anon, fm->cap);
	free(fm->heap);
	memset(fm, 0, sizeof *fm);
}
