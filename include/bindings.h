/*
 * bindings.h - the browser's keys as data: one table maps a key event to an
 * action, with the modes it applies in and flags that kiosk mode filters
 * on, so that no `if (kiosk)` is scattered through the actions and the help
 * screen (help.h) is generated from the same table it documents.
 *
 * Below the views and the browser: it knows key events (keys.h) and the
 * two options that decide which bindings are in force, nothing else.
 *
 * Invariants of the table: order matters, the first active binding that
 * matches a key in a mode wins (so the kiosk-only Ctrl-C comes before the
 * ordinary one, and the kiosk catch-all for printable keys comes last); a
 * binding with help == NULL is never listed.
 */
#ifndef FAQ_BINDINGS_H
#define FAQ_BINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "keys.h"

enum action {
	ACT_NONE,
	ACT_QUIT,
	ACT_HOME,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HALF_UP,
	ACT_HALF_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_ENTER,
	ACT_OPEN,
	ACT_CLOSE,
	ACT_SECTION_ALL,
	ACT_ALL,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_PAGER,
	ACT_HELP,
	ACT_BACK,
	ACT_LEAVE,
	ACT_NEXT_ENTRY,
	ACT_PREV_ENTRY,
	ACT_NEXT_LINK,
	ACT_PREV_LINK,
	ACT_FOLLOW,
	ACT_SEARCH,
	ACT_SEARCH_TYPE,
	ACT_SEARCH_BS,
	ACT_SEARCH_WORD,
	ACT_SEARCH_KILL,
	ACT_SEARCH_ACCEPT,
	ACT_SEARCH_CANCEL,
	ACT_NEXT_HIT,
	ACT_PREV_HIT,
	ACT_ESC,
	ACT_ORDER,
	ACT_SEARCH_LEFT,
	ACT_SEARCH_RIGHT,
	ACT_SEARCH_HOME,
	ACT_SEARCH_END,
	ACT_SEARCH_KILL_END,
	ACT_SEARCH_DEL,
	ACT_SEARCH_HIST_PREV,
	ACT_SEARCH_HIST_NEXT,
};

/* The modes a binding applies in (bits): the outline, the pager, the help
 * page, and the search field while it has the keys (whatever the view). */
enum binding_mode {
	MB_OUTLINE = 1,
	MB_PAGER = 2,
	MB_HELP = 4,
	MB_SEARCH = 8,
};

enum binding_flag {
	KF_EXIT = 1 << 0,   /* leaves the program: kiosk drops it */
	KF_KIOSK = 1 << 1,  /* only in kiosk mode */
	KF_LETTER = 1 << 2, /* a letter command: in kiosk, letters search */
	KF_NOHELP = 1 << 3, /* not listed on the help screen */
	KF_JUMP = 1 << 4,   /* a jump in the outline: Backspace comes back */
	KF_NOKIOSK = 1 << 5, /* not in kiosk mode (it would leave a trace) */
};

struct binding {
	uint8_t key;      /* enum key */
	uint32_t ch;      /* K_CHAR/K_CTRL: the character; 0 = any printable */
	uint8_t modes;    /* enum binding_mode bits */
	uint8_t action;   /* enum action */
	uint8_t flags;    /* enum binding_flag bits */
	const char *help; /* msgid, N_() */
};

extern const struct binding bindings_table[];
extern const size_t bindings_count;

/* Whether binding k is in force in mode (one enum binding_mode bit) under
 * these options; the kiosk rules are here and nowhere else. */
int bindings_active(
    const struct binding *k, unsigned mode, int kiosk, int allow_quit);

/* The binding of event k in mode (one enum binding_mode bit), or NULL. */
const struct binding *bindings_lookup(
    const struct key_event *k, unsigned mode, int kiosk, int allow_quit);

#endif
