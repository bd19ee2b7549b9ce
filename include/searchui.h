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
 * Invariants: q is NULL, or NUL-terminated with len bytes (nchars
 * characters, at most SEARCHUI_MAX) of valid UTF-8
 * that hold no control, line separator or bidi control; q is NULL only
 * while the view the field edits has never had a query and nothing has
 * been typed (then erasing does nothing); cur <= len, at a character
 * boundary; while active, before is not NULL; hpos <= nhist.
 */
#ifndef FAQ_SEARCHUI_H
#define FAQ_SEARCHUI_H

#include <stddef.h>
#include <stdint.h>

#include "rows.h"
#include "view.h"

/* The longest query, in characters: a paste of any length costs no more
 * than this (issue 13). */
#define SEARCHUI_MAX 256
/* Queries kept for Up/Down (none in kiosk mode). */
#define SEARCHUI_HISTORY 50

struct searchui {
	int active; /* the field has the keys */
	int view;   /* which view's query it edits (the browser's index) */
	char *q;    /* the text */
	size_t len, cap;
	size_t cur;    /* the cursor: a byte offset in q, on a character */
	size_t nchars; /* characters in q, at most SEARCHUI_MAX */
	char *before;  /* the query before `/` */
	char **hist;   /* accepted queries, oldest first */
	size_t nhist;
	size_t hpos;   /* the one shown (nhist: what was being typed) */
	char *draft;   /* what was being typed, while browsing history */
};

/* What Backspace, Delete, Ctrl-W, Ctrl-U and Ctrl-K erase. */
enum searchui_erase {
	SEARCHUI_CHAR,
	SEARCHUI_WORD,
	SEARCHUI_ALL,
	SEARCHUI_TO_END,
	SEARCHUI_DEL,
};
/* Where Left, Right, Home/Ctrl-A and End/Ctrl-E move the cursor. */
enum searchui_move { SEARCHUI_LEFT, SEARCHUI_RIGHT, SEARCHUI_HOME, SEARCHUI_END };

/* `/`: the field opens on view with its current query q (NULL: none yet),
 * ready to refine. */
void searchui_begin(struct searchui *s, int view, const char *q);
/* Whether ch may go into a query: no controls, no bidi overrides. */
int searchui_showable(uint32_t ch);
/* Inserts ch at the cursor; 1 when the text changed (not past
 * SEARCHUI_MAX characters). */
int searchui_type(struct searchui *s, uint32_t ch);
/* Erases around the cursor (see enum searchui_erase); 1 when there was
 * text to erase from (even none). */
int searchui_erase(struct searchui *s, enum searchui_erase how);
void searchui_move(struct searchui *s, enum searchui_move how);
/* Enter: the query joins the history (the browser skips this in kiosk
 * mode, where a visit leaves nothing behind). */
void searchui_remember(struct searchui *s);
/* Up (-1) / Down (1) through the history; 1 when the text changed. */
int searchui_history(struct searchui *s, int dir);
/* The field gives the keys back (Enter, Esc); its text stays. */
void searchui_close(struct searchui *s);
/* No trace of what was typed, history included (kiosk home). */
void searchui_reset(struct searchui *s);
void searchui_free(struct searchui *s);

/* The status row with the field: the part around the cursor when it is
 * wider than the room, the hardware cursor at the cursor, right (or
 * NULL) at the right end.  Each character is measured once. */
void searchui_status(const struct searchui *s, const struct view_env *env,
    struct screen *scr, const char *right);

#endif
