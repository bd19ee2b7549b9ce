/*
 * tui_term.c - which terminfo entry the browser drives; see tui.h
 * (tui_term_choose).  A file of the front end (module tui), apart from
 * tui.c so that each stays readable: it asks the terminal database
 * (term.h, terminfo alone) through setupterm() before curses starts, and
 * keeps nothing; only tui.c includes curses and draws.
 */
#include "tui.h"

#include <term.h>

#include <stdlib.h>
#include <unistd.h>

#include "termenv.h"

/* 1 when terminfo has an entry for term that can address the cursor;
 * *known says whether there is an entry at all. */
static int
tui_term_drivable(const char *term, int *known)
{
	const char *cup;
	int errret = 0, ok;

	*known = 0;
	/* setupterm() returns 0 (curses' OK) on success */
	if (setupterm(term, STDOUT_FILENO, &errret) != 0 || errret != 1)
		return 0;
	*known = 1;
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (char *)-1 && tigetflag("hc") <= 0 &&
	     tigetflag("gn") <= 0;
	del_curterm(cur_term);
	return ok;
}

enum tui_term
tui_term_choose(const char **used)
{
	const char *term = getenv("TERM");
	const char *cand[8];
	size_t n, i;
	int known;

	*used = NULL;
	if (!termenv_term_usable(term))
		return TUI_TERM_NONE;
	if (tui_term_drivable(term, &known)) {
		*used = term;
		return TUI_TERM_OK;
	}
	/* An entry that cannot drive a screen (a printing terminal) is what
	 * the user has: printing is right.  No entry at all is a terminal
	 * this machine does not know, like less, carry on with a cousin. */
	if (known)
		return TUI_TERM_NONE;
	n = termenv_term_fallbacks(term, cand, sizeof cand / sizeof cand[0]);
	for (i = 0; i < n; i++)
		if (tui_term_drivable(cand[i], &known)) {
			*used = cand[i];
			return TUI_TERM_FALLBACK;
		}
	return TUI_TERM_NONE;
}
