/*
 * arena.h - a bump allocator for data that lives as long as its owner.
 *
 * The document model allocates thousands of small strings and arrays that
 * all die together; one arena per struct doc makes loading fast and freeing
 * one call.  Memory from arena_alloc() is never freed on its own: it is
 * released by arena_free() on the whole arena.
 */
#ifndef FAQ_ARENA_H
#define FAQ_ARENA_H

#include <stddef.h>

struct arena;

/* A new empty arena; NULL only when out of memory. */
struct arena *arena_new(void);
/* Releases every block the arena handed out, and the arena. NULL is fine. */
void arena_free(struct arena *a);
/* n bytes aligned for any type; aborts the program when out of memory. */
void *arena_alloc(struct arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) owned by the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* A copy of n bytes owned by the arena. */
void *arena_memdup(struct arena *a, const void *p, size_t n);
/* Moves every block of src into dst, which then owns and frees them, and
 * frees src (a second thread parses into an arena of its own). */
void arena_adopt(struct arena *dst, struct arena *src);
/* Bytes handed out so far (for memory measurements). */
size_t arena_used(const struct arena *a);

#endif
