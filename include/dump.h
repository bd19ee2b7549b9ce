/*
 * dump.h - `faq --dump WxH --keys KEYS`: the screen the browser would show,
 * as text, without a terminal.  Exactly h lines, none wider than w columns.
 */
#ifndef FAQ_DUMP_H
#define FAQ_DUMP_H

#include <stdio.h>

#include "browser.h"

/* Writes the screen.  attrs != 0 adds an attribute view (see faq(1),
 * --dump-attrs) so tests can see highlights and the selection. */
void dump_screen(FILE *fp, const struct screen *s, int attrs);

#endif
