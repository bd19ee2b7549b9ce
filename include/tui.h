/*
 * tui.h - the terminal front end: the only module that includes curses.
 * It reads keys (and mouse, resize, signals, the kiosk idle timer), hands
 * them to the browser, and paints the browser's screens, redrawing only
 * changed cells.  Every exit path restores the terminal.
 */
#ifndef FAQ_TUI_H
#define FAQ_TUI_H

#include <stdint.h>

#include "browser.h"
#include "rows.h"

struct loading;

enum tui_color { TUI_COLOR_AUTO, TUI_COLOR_ALWAYS, TUI_COLOR_NEVER };

struct tui_opts {
	enum tui_color color; /* NO_COLOR is honoured under AUTO */
	int mouse;
	int kiosk;
	int allow_quit;
	int idle_seconds; /* kiosk: return home after this long idle */
	const char *term; /* the terminfo entry to use; NULL: $TERM */
	/* a big file still loading (loading.h), or NULL: then the keys go
	 * through it, and its browser replaces b when the whole is in */
	struct loading *loading;
};

/*
 * Runs the browser until it quits, a signal ends it or the terminal is
 * lost, and restores the terminal on every path (an atexit hook covers
 * xalloc's exit(2)).  The browser is rendered once after every event, at
 * the terminal's current size.  Returns the exit status for main:
 *   0        the browser quit (q, or the kiosk --allow-quit);
 *   128+sig  SIGHUP (129), SIGINT outside kiosk mode (130), SIGQUIT outside
 *            kiosk mode (131) or SIGTERM (143) ended it, as a shell reports
 *            a process killed by that signal; the same for every other
 *            signal whose default action ends a process (SIGUSR1 138,
 *            SIGALRM 142, SIGPIPE 141, real-time signals, ...);
 *   2        *err set (malloc'd): the terminal could not be set up, or it
 *            was lost (end of input or a read error), or o->loading
 *            failed to load the whole file (loading_diags() says why).
 * Expects the locale set up already (termenv_setup_locale()); installs its
 * own handlers for the duration for every signal that would end the
 * process (in kiosk mode the terminal is raw, so Ctrl-C reaches the
 * browser as K_CTRL 'c' and Ctrl-Z and Ctrl-\ do nothing).  A fault
 * (SIGSEGV, SIGABRT, ...) restores the terminal in the handler, then the
 * disposition from before acts.  SIGWINCH is handled here too: a terminal
 * larger than 1000 x 500 is drawn as 1000 x 500.
 */
int tui_run(struct browser *b, const struct tui_opts *o, char **err);

enum tui_term {
	TUI_TERM_NONE,     /* print instead */
	TUI_TERM_OK,       /* $TERM itself */
	TUI_TERM_FALLBACK, /* an entry of the same family, or a generic one */
};

/*
 * Which terminfo entry drives the screen.  None (print as --print does)
 * for an unset or empty TERM, "dumb", an entry that cannot address the
 * cursor, or no entry that works at all.  When TERM has no entry on this
 * machine, the first that works of termenv_term_fallbacks() (a known
 * entry of the same family, then xterm-256color, xterm, ansi, vt100).
 * *used is TERM's value or a static string.  Reads the terminal database
 * only.
 */
enum tui_term tui_term_choose(const char **used);

/*
 * OSC 8 hyperlinks over a screen curses has just drawn (refresh() done):
 * as struck text is, each link whose href termenv_osc8_open() accepts is
 * written again at its cells (cup), with the same characters and, through
 * attr (a run's attributes; TUI_RUN_END: back to normal), the same
 * attributes, between the sequences that open and close the hyperlink,
 * so curses' picture of the screen still holds; then the cursor goes
 * back to (cy, cx).  Called on every paint: curses may rewrite a cell
 * that did not change, which drops its hyperlink.  Only the caller
 * decides whether the terminal gets them (never in kiosk mode).
 */
#define TUI_RUN_END 0xffff
void tui_term_links(const struct screen *s, int ncols, int nlines,
    const char *cup, void (*attr)(uint16_t a, void *ctx), void *ctx, int cy,
    int cx);

#endif
