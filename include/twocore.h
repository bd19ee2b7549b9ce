/*
 * twocore.h - one piece of work on the second core while the caller does
 * another.  The program's only use of threads: the loader's split parse
 * and its checks, and the search index's folding and matching.
 *
 * twocore_start() starts fn(arg) on a new thread.  When it may not (parallel
 * is 0) or cannot (no thread could be made), it does nothing yet, and
 * twocore_join() runs fn(arg) on the calling thread instead.  Either way,
 * after twocore_join() fn(arg) has run exactly once and its effects are
 * visible to the caller, so callers never write the "thread or inline"
 * fallback themselves.  Between start and join, fn must not touch what the
 * caller works on (or only through atomics).
 */
#ifndef FAQ_TWOCORE_H
#define FAQ_TWOCORE_H

#include <pthread.h>

struct twocore {
	pthread_t tid;
	int threaded; /* fn runs on tid */
	void *(*fn)(void *);
	void *arg;
};

void twocore_start(
    struct twocore *t, void *(*fn)(void *), void *arg, int parallel);
void twocore_join(struct twocore *t);

#endif
