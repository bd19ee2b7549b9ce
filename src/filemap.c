/* filemap.c - a file's bytes, mapped under a SIGBUS guard; see filemap.h. */
#include "filemap.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "xalloc.h"

/* Files smaller than this are read: a mapping saves nothing on them. */
#define FILEMAP_MIN (256 * 1024)

/*
 * The open mappings, for the signal handler.  A slot is in use while end
 * is not 0; the handler only reads start and end and sets truncated, so
 * atomics are all the locking it needs.
 */
struct guard_slot {
	_Atomic uintptr_t start, end;
	atomic_int truncated;
};

static struct guard_slot guard[FILEMAP_MAX];
static struct sigaction guard_old; /* the SIGBUS action before ours */
static int guard_users;            /* open mappings (main thread only) */
static uintptr_t guard_page;       /* page size */

static void
guard_chain(int sig, siginfo_t *info, void *uctx)
{
	if (guard_old.sa_flags & SA_SIGINFO) {
		guard_old.sa_sigaction(sig, info, uctx);
		return;
	}
	if (guard_old.sa_handler != SIG_DFL &&
	    guard_old.sa_handler != SIG_IGN) {
		guard_old.sa_handler(sig);
		return;
	}
	/* default (or ignored, which a fault cannot be): the default
	 * action, now, for a fault and a kill(2) alike */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
guard_handler(int sig, siginfo_t *info, void *uctx)
{
	uintptr_t a = (uintptr_t)info->si_addr, page;
	size_t k;
	int saved = errno;

	/* BUS_ADRERR: a page beyond the end of the file (a SIGBUS sent
	 * with kill(2) carries no address to compare) */
	for (k = 0; info->si_code == BUS_ADRERR && k < FILEMAP_MAX; k++) {
		if (a < atomic_load(&guard[k].start) ||
		    a >= atomic_load(&guard[k].end))
			continue;
		/* the file shrank under the mapping: zeros in place of the
		 * page that went, and the reader goes on */
		page = a & ~(guard_page - 1);
		if (mmap((void *)page, (size_t)guard_page, PROT_READ,
		        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
		        0) == MAP_FAILED)
			break;
		atomic_store(&guard[k].truncated, 1);
		errno = saved;
		return;
	}
	errno = saved;
	guard_chain(sig, info, uctx);
}

/* A free slot with the guard installed, or -1. */
static int
guard_add(void *map, size_t len)
{
	struct sigaction sa;
	int k;

	for (k = 0; k < FILEMAP_MAX; k++)
		if (atomic_load(&guard[k].end) == 0)
			break;
	if (k == FILEMAP_MAX)
		return -1;
	if (guard_users == 0) {
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = guard_handler;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigemptyset(&sa.sa_mask);
		guard_page = (uintptr_t)sysconf(_SC_PAGESIZE);
		if (sigaction(SIGBUS, &sa, &guard_old) != 0)
			return -1;
	}
	guard_users++;
	atomic_store(&guard[k].truncated, 0);
	atomic_store(&guard[k].start, (uintptr_t)map);
	atomic_store(&guard[k].end, (uintptr_t)map + len);
	return k;
}

static int
guard_remove(int k)
{
	int truncated = atomic_load(&guard[k].truncated);

	atomic_store(&guard[k].end, 0);
	atomic_store(&guard[k].start, 0);
	if (--guard_users == 0)
		sigaction(SIGBUS, &guard_old, NULL);
	return truncated;
}

static int
filemap_read(struct filemap *fm, int fd, size_t size)
{
	size_t n = 0;
	ssize_t r;

	fm->heap = xmalloc(size + 1);
	while (n < size) {
		r = read(fd, fm->heap + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			free(fm->heap);
			fm->heap = NULL;
			errno = e;
			return -1;
		}
		if (r == 0) /* it shrank: what there was */
			break;
		n += (size_t)r;
	}
	fm->data = fm->heap;
	fm->len = n;
	return 0;
}

int
filemap_open(struct filemap *fm, int fd, size_t size)
{
	int flags = MAP_PRIVATE;
	void *map;

	memset(fm, 0, sizeof *fm);
	fm->slot = -1;
	if (size < FILEMAP_MIN)
		return filemap_read(fm, fd, size);
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE; /* one pass over the page tables, not a fault
	                          per 64 KB */
#endif
	map = mmap(NULL, size, PROT_READ, flags, fd, 0);
	if (map == MAP_FAILED)
		return filemap_read(fm, fd, size);
	fm->slot = guard_add(map, size);
	if (fm->slot < 0) {
		munmap(map, size);
		return filemap_read(fm, fd, size);
	}
	fm->map = map;
	fm->data = map;
	fm->len = size;
	return 0;
}

void
filemap_drop(const struct filemap *fm, size_t from, size_t to)
{
	uintptr_t page = guard_page ? guard_page : 4096, a, b;

	if (fm->map == NULL || to > fm->len || from >= to)
		return;
	/* whole pages only: a page shared with bytes still to be read
	 * stays */
	a = ((uintptr_t)fm->map + from + page - 1) & ~(page - 1);
	b = ((uintptr_t)fm->map + to) & ~(page - 1);
	if (a < b)
		madvise((void *)a, (size_t)(b - a), MADV_DONTNEED);
}

int
filemap_truncated(const struct filemap *fm)
{
	if (fm->slot >= 0)
		return atomic_load(&guard[fm->slot].truncated);
	return fm->truncated;
}

void
filemap_close(struct filemap *fm)
{
	if (fm->map != NULL) {
		fm->truncated = guard_remove(fm->slot);
		munmap(fm->map, fm->len);
		fm->slot = -1;
		fm->map = NULL;
	}
	free(fm->heap);
	fm->heap = NULL;
	fm->data = NULL;
}
