/*
 * xalloc.h - allocation that cannot fail: on out-of-memory the program
 * prints one line and exits 2 (there is nothing sensible a FAQ browser can
 * do without memory, and checking every small allocation hides the logic).
 * The terminal is restored first by the exit hook that tui.c registers.
 */
#ifndef FAQ_XALLOC_H
#define FAQ_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
