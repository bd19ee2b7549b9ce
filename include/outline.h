/*
 * outline.h - the outline view, the home screen: collection titles,
 * section rows with 「すべて開く」, questions that open to their answers in
 * place, filtered as the visitor searches (the filter is the outline's
 * own: filter.h).  Its state and layout are in outline_layout.h.
 *
 * The outline asks for the pager with an intent (view.h, INTENT_PAGER:
 * the entry or section, and its filter's query while it filters) and is
 * found exactly as it was left when the pager hands back.
 *
 * Ownership: outline_new() borrows env for the life of the outline;
 * everything else is the outline's own and goes with outline_ops.free.
 */
#ifndef FAQ_OUTLINE_H
#define FAQ_OUTLINE_H

#include "view.h"

struct outline;

/* The start state of the web page: sections open, answers closed (all
 * answers open with expand_all). */
struct outline *outline_new(const struct view_env *env, int expand_all);

/* -o: selects the entry or section with this id (entries first) and asks
 * for the pager at it; -1 and no intent when there is none. */
int outline_open_id(struct outline *o, const char *id, struct intent *out);

extern const struct view_ops outline_ops;

#endif
