/*
 * tui_term.c - which terminfo entry the browser drives; see tui.h
 * (tui_term_choose).  A file of the front end (module tui), apart from
 * tui.c so that each stays readable: it asks the terminal database
 * (term.h, terminfo alone) through setupterm() before curses starts, and
 * keeps nothing; only tui.c includes curses and draws.
 */
#include "tui.h"

#include <term.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>

#include "termenv.h"
#include "utf8.h"

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

static int
tui_term_outc(int c)
{
	return putchar(c);
}

/* Columns of text[0..n) as the terminal counts them (wcwidth, as the
 * rows were painted). */
static int
tui_term_cols(const char *text, size_t n)
{
	size_t i = 0;
	int cols = 0, w;

	while (i < n) {
		w = wcwidth((wchar_t)utf8_next(text, n, &i));
		cols += w < 0 ? 1 : w;
	}
	return cols;
}

void
tui_term_links(const struct screen *s, int ncols, int nlines, const char *cup,
    void (*attr)(uint16_t a, void *ctx), void *ctx, int cy, int cx)
{
	size_t y, k, i, j;
	int any = 0;

	for (y = 0; cup != NULL && y < s->rows.n && y < (size_t)nlines; y++) {
		const struct sline *l = &s->rows.v[y];

		for (k = 0; k < l->nlinks; k++) {
			const struct sline_link *ln = &l->links[k];
			char *open = termenv_osc8_open(ln->href);
			int x;

			if (open == NULL || ln->end > l->len ||
			    ln->start >= ln->end) {
				free(open);
				continue;
			}
			x = tui_term_cols(l->text, ln->start);
			if (x + tui_term_cols(l->text + ln->start,
			            ln->end - ln->start) > ncols) {
				free(open);
				continue;
			}
			tputs(tiparm(cup, (int)y, x), 1, tui_term_outc);
			fputs(open, stdout);
			for (i = ln->start; i < ln->end; i = j) {
				for (j = i; j < ln->end && l->attr[j] == l->attr[i];)
					j++;
				attr(l->attr[i], ctx);
				fwrite(l->text + i, 1, j - i, stdout);
			}
			attr(TUI_RUN_END, ctx);
			fputs(TERMENV_OSC8_END, stdout);
			free(open);
			any = 1;
		}
	}
	if (any) {
		tputs(tiparm(cup, cy, cx), 1, tui_term_outc);
		fflush(stdout);
	}
}
