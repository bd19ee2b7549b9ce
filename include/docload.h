/*
 * docload.h - how the loader builds a struct doc: appending collections,
 * sections and entries, links for doc_finish() to check, and buffers the
 * doc is to free.  Implemented by doc.c; included by the loader's files
 * that build (load.c, shape.c, blocks.c) and no other module: doc.h is
 * the public contract.  doc.c includes no loader header: calls go from
 * the loader down into the model, never back.
 */
#ifndef FAQ_DOCLOAD_H
#define FAQ_DOCLOAD_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"

/*
 * Appends a zeroed collection, section or entry and returns its index.
 * explicit_id says the id was written as {#id} (it wins over slugs when
 * doc_finish() makes ids unique).
 */
uint32_t docload_add_collection(struct doc *d);
uint32_t docload_add_section(struct doc *d, int explicit_id);
uint32_t docload_add_entry(struct doc *d, int explicit_id);
/* Removes the last section (it must have no entries). */
void docload_drop_section(struct doc *d);
/* Records a link to "#id" for doc_finish() to check; href is the arena's. */
void docload_add_link(struct doc *d, uint32_t coll, uint32_t line, uint32_t col,
    const char *href);
/*
 * Another name that finds section or entry index (section: is_section):
 * a sub-heading inside an answer, a category heading, an HTML name= or
 * id=.  It never renames anything: an id that is taken keeps its owner.
 * id is the arena's.
 */
void docload_add_anchor(
    struct doc *d, const char *id, int is_section, uint32_t index);
/* The doc takes p (from malloc) and frees it in doc_free(). */
void docload_own(struct doc *d, void *p);

#endif
