/*
 * print.h - the non-interactive outputs: --print (all content as plain
 * text, every answer open) and --list (id, section, question; TSV).
 */
#ifndef FAQ_PRINT_H
#define FAQ_PRINT_H

#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "render.h"

/*
 * Writes every entry of d (or, when only is non-NULL, only the entries i
 * with only[i] != 0) wrapped to o->width.  Collections with no printed
 * entry are left out.
 */
void print_doc(FILE *fp, const struct doc *d, const struct render_opts *o,
    const uint8_t *only);
/* One line per entry: id TAB section TAB question; same filter. */
void print_list(FILE *fp, const struct doc *d, const uint8_t *only);
/* The entries order[0..n) in that order (best first); with approx, each
 * line gets a fourth field "~": closest matches, not matches. */
void print_list_order(FILE *fp, const struct doc *d, const uint32_t *order,
    size_t n, int approx);

#endif
