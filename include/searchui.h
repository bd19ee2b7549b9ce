/*
 * searchui.h - the search field on the status row (issue 5): the text a
 * visitor types after `/`, and the query from before it for Esc.  The
 * field only edits text; what a query does (filter the outline, highlight
 * a page) is the business of the view it was opened on, which the browser
 * hands each change to (view.h, search_edit).
 *
 * Ownership: the field owns its text and its copy of the query before `/`;
 * searchui_free() releases them.  The fields are read by the browser; only
 * searchui.c writes them.
 *
 * Invariants: q is NULL, or NUL-terminated with len bytes of valid UTF-8
 * that hold no control, line separator or bidi control; q is NULL only
 * while the view the field edits has never had a query and nothing has
 * been typed (then erasing does nothing); while active, before is not NULL.
 */
#ifndef FAQ_SEARCHUI_H
#define FAQ_SEARCHUI_H

#include <stddef.h>
#include <stdint.h>

#include "rows.h"
#include "view.h"

struct searchui {
	int active; /* the field has the keys */
	int view;   /* which view's query it edits (the browser's index) */
	char *q;    /* the text */
	size_t len, cap;
	char *before; /* the query before `/` */
};

/* How much Backspace, Ctrl-W and Ctrl-U erase. */
enum searchui_erase { SEARCHUI_CHAR, SEARCHUI_WORD, SEARCHUI_ALL };

/* `/`: the field opens on view with its current query q (NULL: none yet),
 * ready to refine. */
void searchui_begin(struct searchui *s, int view, const char *q);
/* Whether ch may go into a query: no controls, no bidi overrides. */
int searchui_showable(uint32_t ch);
/* Appends ch; 1 when the text changed. */
int searchui_type(struct searchui *s, uint32_t ch);
/* Erases a character, a word or everything; 1 when there was text to
 * erase from (even none). */
int searchui_erase(struct searchui *s, enum searchui_erase how);
/* The field gives the keys back (Enter, Esc); its text stays. */
void searchui_close(struct searchui *s);
/* No trace of what was typed (kiosk home). */
void searchui_reset(struct searchui *s);
void searchui_free(struct searchui *s);

/* The status row with the field: its tail when it is wider than the room,
 * the hardware cursor at its end, right (or NULL) at the right end. */
void searchui_status(const struct searchui *s, const struct view_env *env,
    struct screen *scr, const char *right);

#endif
