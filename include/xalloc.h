/*
 * xalloc.h - allocation that cannot fail: on out-of-memory the program
 * prints one line and exits 2 (there is nothing sensible a FAQ browser can
 * do without memory, and checking every small allocation hides the logic).
 * The terminal is restored first by the exit hook that tui.c registers.
 */
#ifndef FAQ_XALLOC_H
#define FAQ_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/*
 * Sets the process's allocator policy; call once at start, before loading.
 * glibc raises its mmap threshold up to 32 MB after a big buffer is freed,
 * so later multi-megabyte buffers (the index parts) come from the heap and
 * stay resident after free: 22 MB more peak memory at 100 000 entries.  A
 * fixed threshold keeps big buffers mmapped and returned on free.
 */
void xalloc_tune(void);
/*
 * Asks for the whole 2 MB pages inside p[0..n) to be backed by transparent
 * huge pages, when n is at least XALLOC_HUGE_MIN (a hint: where the system
 * does not allow it, nothing changes).  For a big buffer allocated at its
 * full size and written whole, once (the file's copy in filemap.c, the
 * search index's folded text): each page is a page fault the first time
 * it is written, and on a virtual machine one fault per 4 KB page was most
 * of the time of reading a 78 MB file.  Memory: at most one huge page more
 * than is written.  Not for a buffer grown by realloc(): mremap() splits
 * its huge pages (tried on the parser's text buffer and arena chunks: no
 * faster, 20-40 MB more peak memory; they use xalloc_prefault()).
 */
#define XALLOC_HUGE_MIN ((size_t)4 << 20)
void xalloc_huge(void *p, size_t n);
/*
 * Fills in the page tables for the pages of p[0..n) (from the page holding
 * p to the last whole page) in one call, writable, as writing them would
 * one page fault at a time: for a buffer about to be written front to
 * back.  A hint, like xalloc_huge(): where refused (kernels before 5.14)
 * the writes fault as before.  Each page filled is resident from then on,
 * so fill a little ahead of the writes, not a whole buffer's capacity.
 */
void xalloc_prefault(void *p, size_t n);
/* printf into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with a va_list (ap is used up). */
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif
