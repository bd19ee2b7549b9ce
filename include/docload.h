/*
 * docload.h - internals of the doc module, shared by the files that build a
 * struct doc: doc.c (arrays, ids, references, loading files) and parse.c
 * (one Markdown buffer to collections, sections and entries).  No other
 * module includes this header; doc.h is the public contract.
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
/* The doc takes p (from malloc) and frees it in doc_free(). */
void docload_own(struct doc *d, void *p);

/*
 * parse.c: sanitises and parses buf as one new collection named name
 * (already sanitised for messages).  own is NULL or the file map holding
 * buf: then docload_parse() closes it as early as it can (peak memory on
 * big files).  From split_min bytes on, a file is parsed in two halves on
 * two threads when it can be split safely (see parse.c); stats, when not
 * NULL, counts how that went.
 */
struct filemap;
struct load_stats;
void docload_parse(struct doc *d, const char *name, const char *buf, size_t len,
    struct filemap *own, size_t split_min, struct load_stats *stats,
    struct diag_list *diags);

#endif
