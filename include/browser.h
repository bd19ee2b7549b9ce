/*
 * browser.h - the interactive browser as a pure state machine: key events
 * in, screens of styled lines out.  No curses: tui.c feeds it real keys and
 * paints its screens; --dump feeds it parsed --keys and prints them.
 *
 * Ownership: the browser borrows the doc and the search index (they must
 * outlive it); a screen owns its lines (screen_free).
 */
#ifndef FAQ_BROWSER_H
#define FAQ_BROWSER_H

#include "doc.h"
#include "keys.h"
#include "rows.h"

struct search_index;

struct browser_opts {
	int ambiguous;       /* 1 or 2 */
	int max_width;       /* --max-width: text width limit, 0 = none */
	int ascii;           /* ASCII markers and lines */
	int kiosk;           /* locked down; see PRODUCT.md */
	int allow_quit;      /* with kiosk: q quits */
	int mouse;           /* clicks and wheel are acted on */
	const char *lang;    /* UI language: "ja" or "en" */
	const char *search;  /* -s: start with this query, or NULL */
	const char *open_id; /* -o: start in the pager at this entry, or NULL */
	int expand_all;      /* -a */
	int no_utf8; /* the locale is not UTF-8: say so on the status line */
	const char *notice; /* said once on the status line, or NULL */
	int order_best;        /* --order=best: search results best first */
	struct romaji *romaji; /* romaji queries (romaji.h), or NULL: off;
	                          borrowed, must outlive the browser */
	/* struck text between "~~": where the screen cannot strike it
	 * through (--dump; the terminal says, see browser_set_del_marks) */
	int del_marks;
};

struct browser;

/* A new browser at the start state; *err (malloc'd) and NULL when an option
 * cannot be honoured (e.g. -o with an unknown id). */
struct browser *browser_new(const struct doc *d, const struct search_index *ix,
    const struct browser_opts *o, char **err);
/* Whether struck text is drawn between "~~" from the next render on: the
 * front end says so once it knows what the terminal can do. */
void browser_set_del_marks(struct browser *b, int on);
void browser_free(struct browser *b);

/* The help screen (`?`) shows this FAQ (help/help.LANG.md in the UI
 * language, loaded by the caller; borrowed, must outlive b) above the key
 * listing generated from the key table.  Without it, only the listing. */
void browser_set_help(struct browser *b, const struct doc *help);

enum browser_status { BROWSER_CONTINUE, BROWSER_QUIT };

/*
 * Applies one event.  Keys act on the size of the last K_RESIZE or
 * browser_render (80x24 before either): a front end renders first or
 * sends a K_RESIZE with the real size before the first key.
 */
enum browser_status browser_key(struct browser *b, const struct key_event *k);

/* Kiosk: secs (> 0) seconds are left before the idle reset, said on the
 * status line until the next event; 0 says nothing. */
void browser_countdown(struct browser *b, int secs);

/*
 * Whether key k, in the browser's state now, acts on the whole document:
 * a search (and every key while the search field is open), the end,
 * the next hit.  A front end showing a file's beginning while the rest
 * loads (loading.h) holds such a key, and every key after it, until the
 * whole is there.
 */
int browser_waits_whole(const struct browser *b, const struct key_event *k);
/* While on, the status row says the rest of the file is loading (instead
 * of hints and a position that would count only what is loaded). */
void browser_set_loading(struct browser *b, int on);
/* The size keys act on now (the last K_RESIZE or render). */
void browser_size(const struct browser *b, int *w, int *h);

/* Builds the screen (rows.h; free it with screen_free) for a w x h
 * terminal (any size down to 1x1). */
void browser_render(struct browser *b, int w, int h, struct screen *out);

#endif
