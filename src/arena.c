/* arena.c - bump allocator; see arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Chunks grow so that a 78 MB corpus needs few mallocs, but a tiny FAQ
 * does not pay for a huge first chunk. */
#define ARENA_MIN_CHUNK (64 * 1024)
#define ARENA_MAX_CHUNK (8 * 1024 * 1024)
/* The pages of a chunk this big are filled in ahead of the bump pointer,
 * this far at a time (xalloc_prefault()): a page fault per 4 KB of a 78 MB
 * file's model was a few per cent of its load time on a virtual machine,
 * and a chunk's unused end stays unfilled. */
#define ARENA_FILL_MIN (1024 * 1024)
#define ARENA_FILL_AHEAD (256 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	size_t filled; /* data[0..filled) has its page tables filled */
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct arena_chunk *head;
	size_t next_size;
	size_t used;
};

struct arena *
arena_new(void)
{
	struct arena *a = calloc(1, sizeof *a);

	if (a != NULL)
		a->next_size = ARENA_MIN_CHUNK;
	return a;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct arena_chunk *c = a->head;
	size_t size;
	void *p;

	n = (n + align - 1) & ~(align - 1);
	if (c == NULL || c->size - c->used < n) {
		size = a->next_size;
		if (size < n)
			size = n;
		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->filled = size < ARENA_FILL_MIN ? size : 0;
		c->next = a->head;
		a->head = c;
		if (a->next_size < ARENA_MAX_CHUNK)
			a->next_size *= 2;
	}
	p = c->data + c->used;
	c->used += n;
	a->used += n;
	if (c->used > c->filled) {
		size_t to = c->used + ARENA_FILL_AHEAD;

		if (to > c->size)
			to = c->size;
		xalloc_prefault(c->data + c->filled, to - c->filled);
		c->filled = to;
	}
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *
arena_memdup(struct arena *a, const void *p, size_t n)
{
	void *q = arena_alloc(a, n ? n : 1);

	if (n)
		memcpy(q, p, n);
	return q;
}

size_t
arena_used(const struct arena *a)
{
	return a->used;
}

void
arena_adopt(struct arena *dst, struct arena *src)
{
	struct arena_chunk *tail;

	if (src == NULL)
		return;
	if (src->head != NULL) {
		for (tail = src->head; tail->next != NULL; tail = tail->next)
			;
		/* behind dst's current chunk, which stays the one to fill */
		if (dst->head != NULL) {
			tail->next = dst->head->next;
			dst->head->next = src->head;
		} else {
			dst->head = src->head;
		}
	}
	dst->used += src->used;
	free(src);
}
