/*
 * tui.h - the terminal front end: the only module that includes curses.
 * It reads keys (and mouse, resize, signals, the kiosk idle timer), hands
 * them to the browser, and paints the browser's screens, redrawing only
 * changed cells.  Every exit path restores the terminal.
 */
#ifndef FAQ_TUI_H
#define FAQ_TUI_H

#include "browser.h"

enum tui_color { TUI_COLOR_AUTO, TUI_COLOR_ALWAYS, TUI_COLOR_NEVER };

struct tui_opts {
	enum tui_color color; /* NO_COLOR is honoured under AUTO */
	int mouse;
	int kiosk;
	int allow_quit;
	int idle_seconds; /* kiosk: return home after this long idle */
};

/* Runs the browser until it quits, a signal ends it or the terminal is
 * lost.  Returns the exit status for main (0, or 2 with *err set when the
 * terminal could not be set up). */
int tui_run(struct browser *b, const struct tui_opts *o, char **err);

#endif
