/*
 * help.h - the lines of the help page that the pager shows (`?`): the help
 * FAQ (help/help.LANG.md, compiled in and handed to the browser) and the
 * key listing, generated from the key table (bindings.h) so that it can
 * never disagree with the bindings, and translated through the catalogue.
 *
 * Below the pager: it reads the environment (view.h) and the key table and
 * calls no view.  Lines are appended to out, which the caller owns.
 */
#ifndef FAQ_HELP_H
#define FAQ_HELP_H

#include "sline.h"
#include "view.h"

/* The help FAQ at width w: every section with every question and its
 * answer, open, as a section page shows them.  env->help must be set. */
void help_doc_lines(const struct view_env *env, int w, struct slines *out);
/* The keys in force, one line per action, per mode; the mouse last. */
void help_lines(const struct view_env *env, int w, struct slines *out);

#endif
