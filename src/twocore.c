/* twocore.c - one piece of work on the second core; see twocore.h. */
#include "twocore.h"

void
twocore_start(struct twocore *t, void *(*fn)(void *), void *arg, int parallel)
{
	t->fn = fn;
	t->arg = arg;
	t->threaded = parallel && pthread_create(&t->tid, NULL, fn, arg) == 0;
}

void
twocore_join(struct twocore *t)
{
	if (t->threaded)
		pthread_join(t->tid, NULL);
	else
		t->fn(t->arg);
	t->threaded = 0;
}
