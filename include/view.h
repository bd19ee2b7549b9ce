/*
 * view.h - what a view of the browser is: a state of its own behind a
 * table of operations (struct view_ops), the environment it reads (struct
 * view_env) and the intents it returns (struct intent).  The model is
 * tmux's struct window_mode, one mode per file, with window_pane_set_mode()
 * the one place where modes change; vis_modes[] is the lighter form.
 *
 * The views are the outline (outline.h, the home view) and the pager
 * (pager.h, which also shows the help).  The search field (searchui.h) is
 * not a view: it edits the query of the view it was opened on, through
 * that view's search operations.
 *
 * Rules that keep the calls going one way (browser.c -> views -> searchui,
 * help, filter, rows, bindings -> render, search, doc):
 * - a view changes only its own state; it reads the environment and
 *   nothing of another view;
 * - a view never switches views: it fills in an intent ("open the pager at
 *   this entry", "back to the outline", a message) and the browser carries
 *   it out (browser_set_view in browser.c is the only place the current
 *   view changes);
 * - operations act at the size in the environment; they are called only
 *   on the current view, except free, reset and sync;
 * - one model, drawn or not: the state after a key depends on the keys and
 *   sizes so far, never on whether a screen was rendered in between (a
 *   --dump run renders once at the end, a terminal after every burst of
 *   keys).  So render only draws; whatever keeps the position within its
 *   rules at the current size is settle's, run after every event.
 *
 * Ownership: the browser owns the environment and every view.  A view
 * borrows the environment for its whole life (the pointer given to its
 * _new function) and never writes it.  An intent's message is moved out by
 * the browser; whatever else an intent points to is borrowed and valid
 * until the browser has carried it out.
 */
#ifndef FAQ_VIEW_H
#define FAQ_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "bindings.h"
#include "doc.h"
#include "render.h"
#include "rows.h"

struct search_index;
struct romaji;

/* What the pager shows. */
enum page_kind { PAGE_ENTRY, PAGE_SECTION, PAGE_HELP };

/* What every view may read: written by the browser only. */
struct view_env {
	const struct doc *d;
	const struct doc *help;        /* the help FAQ, or NULL */
	const struct search_index *ix; /* NULL: search is not available */
	struct romaji *romaji;         /* NULL: romaji queries are off */
	int order_best;                /* search results start best first */
	int ambiguous;                 /* 1 or 2 (width.h) */
	int max_width; /* text is at most this wide (0: the screen's) */
	int ascii;                     /* ASCII markers and lines */
	int del_marks; /* struck text between "~~" (render_opts) */
	int kiosk, allow_quit;         /* which bindings are in force */
	int mouse;                     /* clicks and the wheel are acted on */
	int w, h; /* the size keys act on: the last K_RESIZE or render */
};

enum intent_kind {
	INTENT_NONE,
	INTENT_PAGER, /* open the pager at page (kind, idx) */
	INTENT_LEAVE, /* back to the outline, exactly as it was left */
	INTENT_QUIT,  /* end the program (kiosk --allow-quit: Esc at home) */
};

/* What a view asks the browser to do after an operation.  The browser
 * zeroes it before the call. */
struct intent {
	enum intent_kind kind;
	uint8_t page;        /* INTENT_PAGER: enum page_kind */
	uint32_t idx;        /* INTENT_PAGER: the entry or section */
	const char *query;   /* INTENT_PAGER: a filter to carry over, or NULL */
	uint8_t at_hit;      /* INTENT_PAGER: open at a hit line of the body, */
	uint32_t hitn;       /* the hitn-th (0-based), not at the top */
	/* INTENT_PAGER on an entry whose answer is long (render_units.h):
	 * the pager's window starts at this unit, and hitn counts the hit
	 * lines from its first line; 0 (from the answer's start) otherwise */
	uint32_t unit;
	struct rows_msg msg; /* a message for the status row, or none */
};

/* The status row a view wants: left text (the browser shows a message or
 * the search field instead when there is one) and a right-aligned
 * indicator.  Each malloc'd or NULL, the caller's. */
struct view_status {
	char *left, *right;
};

/*
 * The operations of a view; v is the view's own state.  Entries marked
 * "optional" may be NULL.  dir is -1 or 1; out is never NULL.
 */
struct view_ops {
	const char *name;
	void (*free)(void *v);
	/* Becomes the current view (optional); in is the intent that made it
	 * so.  Another view becomes current (optional). */
	void (*enter)(void *v, const struct intent *in);
	void (*leave)(void *v);
	/* Kiosk home: the start state, nothing of the last visitor left. */
	void (*reset)(void *v);
	/* The binding mode in force (enum binding_mode, one bit). */
	unsigned (*keys)(const void *v);
	/* Nothing to act on: only help and quit work (optional). */
	int (*inert)(const void *v);
	/* Brings deferred work (a search typed ahead) up to date before a key
	 * needs it or the screen is drawn (optional). */
	void (*sync)(void *v);
	/* Brings the position within the view's rules at the current size
	 * (after every event, a resize included, and before a render);
	 * running it twice changes nothing (optional). */
	void (*settle)(void *v);
	/* Remembers the place before a jump (KF_JUMP) (optional). */
	void (*jump)(void *v);
	void (*move)(void *v, int dir, struct intent *out);
	void (*scroll)(void *v, int lines, struct intent *out);
	void (*page)(void *v, int dir, struct intent *out);
	void (*edge)(void *v, int end, struct intent *out);
	void (*back)(void *v, struct intent *out);
	void (*next_hit)(void *v, int dir, struct intent *out);
	/* The actions of the view's own bindings. */
	void (*act)(void *v, enum action a, struct intent *out);
	/* A left click at a cell of the screen last rendered. */
	void (*click)(void *v, int x, int y, struct intent *out);
	/*
	 * The search field: begin returns 0 when the view cannot be searched
	 * now, else 1 and the current query in *q (NULL: the view never had
	 * one); edit gets the field's text after every change; end closes it,
	 * keeping the query (accept) or going back to before (the query the
	 * field started from).  Optional, all three or none.
	 */
	int (*search_begin)(void *v, const char **q);
	void (*search_edit)(
	    void *v, const char *q, size_t n, struct intent *out);
	void (*search_end)(
	    void *v, int accept, const char *before, struct intent *out);
	/* Appends the rows above the status row (h - 1 of them, each exactly
	 * w wide), sets the cursor, and says what the status row holds.
	 * Changes nothing a later key could see (settle has run). */
	void (*render)(void *v, struct screen *scr, struct view_status *st);
	/* The screen shows something else ("too small"): forget what the
	 * last render showed where (optional). */
	void (*hide)(void *v);
};

/* Render options for text laid out width columns wide under env, but
 * never wider than env->max_width (long lines are hard to read: text
 * stays left-aligned, the rest of a wide screen blank). */
struct render_opts view_ropts(const struct view_env *env, int width);

/* The most lines the views lay out in one go: a short answer, a question,
 * or one unit of a long answer (render_units.h, which keeps units well
 * under it).  Only what a unit cannot split (one list item or table this
 * long) reaches it, and ends in a line saying so (render.h, max_lines). */
#define VIEW_MAX_LINES 2000

#endif
