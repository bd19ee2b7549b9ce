/*
 * tui.c - the terminal front end; see tui.h.  The only file that includes
 * curses (tui_term.c asks terminfo which entry to drive).  It turns terminal input into key_events, hands them to the
 * browser, and paints the browser's screens.
 *
 * Process-wide state: a terminal, signal dispositions and atexit hooks
 * belong to the process, so the little state the signal handlers and the
 * exit hook need is file-static (tui_live; the signals' is ttysig.c's);
 * everything else lives
 * in a struct tui on tui_run's stack.
 */
#include "tui.h"

#include <curses.h>
#include <term.h>

#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "loading.h"
#include "termenv.h"
#include "tui_idle.h"
#include "ttysig.h"
#include "utf8.h"
#include "width.h"
#include "xalloc.h"

/* Esc must take effect in under 100 ms (PRODUCT.md); 25 ms still lets a
 * terminal's escape sequences arrive whole over a slow SSH link. */
#define TUI_ESCDELAY_MS 25
/* How soon the whole of a big file is drawn once it is loaded. */
#define TUI_LOADING_POLL_MS 25
/* Consecutive reads that fail without waiting before the terminal counts as
 * lost: a closed terminal would otherwise spin. */
#define TUI_LOST_AFTER 8

enum {
	PAIR_HEADING = 1,
	PAIR_LINK,
	PAIR_CODE,
	PAIR_HIGHLIGHT,
	PAIR_STATUS,
	PAIR_CHROME,
	PAIR_DIM,
};

struct tui {
	struct browser *b;
	const struct tui_opts *o;
	SCREEN *scr;
	int colors;      /* colour pairs are set up */
	int dim_pair;    /* PAIR_DIM is set up (256 colours) */
	int ascii;       /* the locale is not UTF-8: draw only ASCII */
	attr_t dim_attr; /* A_DIM when the terminal has it, else 0 */
	struct tui_idle idle; /* the kiosk idle reset (tui_idle.h) */
	int countdown;  /* seconds shown before the idle reset, or 0 */
	int quick_errs; /* consecutive reads that failed at once */
	int unpainted;  /* keys applied since the last paint */
	wchar_t *wbuf;  /* one row's characters, reused */
	size_t wcap;
	/* strike-through (terminfo smxx/rmxx), see tui_strike_paint(): the
	 * sequences, or NULL when the terminal has none; the struck runs of
	 * the screen being painted */
	const char *smxx, *sgr0, *cup, *dim;
	struct tui_strike *strikes;
	size_t nstrikes, strikecap;
	int osc8; /* OSC 8 hyperlinks: tui_link_paint() */
};

/* A run of struck text: bytes [from, to) of row y, from column x. */
struct tui_strike {
	int y, x;
	size_t from, to;
};

/* The largest terminal drawn: any SSH client can claim 32 768 columns,
 * where curses overflows its shorts, and 10 000 x 10 000 costs gigabytes.
 * A bigger terminal is treated as this size (the rest stays blank). */
#define TUI_MAX_W 1000
#define TUI_MAX_H 500

static int tui_live;   /* curses is on: restore at exit */
static int tui_hooked; /* the atexit hook is registered */

/* Keys applied without a paint before one is forced (see tui_run). */
#define TUI_MAX_UNPAINTED 32

/* Appends terminfo capability cap (or, when cap is NULL, the literal
 * bytes lit) to buf, which holds *len of its 256 bytes. */
static void
tui_reset_add(char *buf, size_t *len, const char *cap, const char *lit)
{
	const char *v = cap != NULL ? tigetstr(cap) : lit;
	size_t n;

	if (v == NULL || v == (char *)-1)
		return;
	n = strlen(v);
	if (*len + n <= 256) {
		memcpy(buf + *len, v, n);
		*len += n;
	}
}

/* The terminal's size, clamped to what is drawn. */
static void
tui_clamped_size(int *w, int *h)
{
	struct winsize ws;

	*w = *h = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 &&
	    ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
		return;
	*w = ws.ws_col > TUI_MAX_W ? TUI_MAX_W : ws.ws_col;
	*h = ws.ws_row > TUI_MAX_H ? TUI_MAX_H : ws.ws_row;
}

/* Leaves the terminal as the shell expects it: cursor visible, mouse
 * reporting and keypad transmit mode off, cooked mode, normal screen.
 * Safe to call twice; not from a signal handler. */
static void
tui_restore(void)
{
	if (!tui_live)
		return;
	tui_live = 0;
	ttysig_disarm();
	mousemask(0, NULL);
	keypad(stdscr, FALSE);
	curs_set(1);
	attr_set(A_NORMAL, 0, NULL);
	endwin();
}

static void
tui_exit_hook(void)
{
	tui_restore();
}

static int
tui_want_color(const struct tui_opts *o)
{
	const char *nc;

	switch (o->color) {
	case TUI_COLOR_NEVER:
		return 0;
	case TUI_COLOR_ALWAYS:
		return 1;
	case TUI_COLOR_AUTO:
		break;
	}
	nc = getenv("NO_COLOR"); /* https://no-color.org: set and non-empty */
	return nc == NULL || *nc == '\0';
}

static void
tui_setup_colors(struct tui *t)
{
	short bg = -1;

	t->dim_attr = (termattrs() & A_DIM) ? A_DIM : 0;
	if (!tui_want_color(t->o) || !has_colors() || start_color() != OK)
		return;
	/* The terminal's own background, so light and dark themes both keep
	 * working; black where the terminal cannot say. */
	if (use_default_colors() != OK)
		bg = COLOR_BLACK;
	init_pair(PAIR_HEADING, COLOR_BLUE, bg);
	init_pair(PAIR_LINK, COLOR_CYAN, bg);
	init_pair(PAIR_CODE, COLOR_GREEN, bg);
	/* Drawn reversed (see tui_attr): a yellow background behind a hit,
	 * and a blue bar for the status line. */
	init_pair(PAIR_HIGHLIGHT, COLOR_YELLOW, bg);
	init_pair(PAIR_STATUS, COLOR_BLUE, bg);
	init_pair(PAIR_CHROME, COLOR_MAGENTA, bg);
	if (COLORS >= 256 && COLOR_PAIRS > PAIR_DIM) {
		init_pair(PAIR_DIM, 244, bg); /* grey */
		t->dim_pair = 1;
	}
	t->colors = 1;
}

/*
 * The curses attributes of a styled-line attribute word.  Nothing is shown
 * by colour alone: every style also has a monochrome form (bold, underline,
 * reverse, dim), so NO_COLOR and vt100 keep the distinctions.  Reverse is
 * toggled rather than set, so a search hit inside the selected row or the
 * status line still stands out.
 */
static attr_t
tui_attr(const struct tui *t, uint16_t a, short *pair)
{
	attr_t r = A_NORMAL;

	*pair = 0;
	if (a & (AT_HEADING | AT_STRONG))
		r |= A_BOLD;
	if (a & (AT_EM | AT_LINK))
		r |= A_UNDERLINE;
	if (a & AT_STATUS)
		r ^= A_REVERSE;
	if (a & AT_SELECTED)
		r ^= A_REVERSE;
	if (a & AT_HIGHLIGHT)
		r = (r ^ A_REVERSE) | A_BOLD;
	if (a & (AT_DIM | AT_DEL))
		r |= t->dim_attr;
	if (!t->colors)
		return r;
	if (a & AT_HIGHLIGHT)
		*pair = PAIR_HIGHLIGHT;
	else if (a & AT_LINK)
		*pair = PAIR_LINK;
	else if (a & AT_CODE)
		*pair = PAIR_CODE;
	else if (a & AT_STATUS)
		*pair = PAIR_STATUS;
	else if (a & AT_HEADING)
		*pair = PAIR_HEADING;
	else if (a & AT_CHROME)
		*pair = PAIR_CHROME;
	else if ((a & AT_DIM) && t->dim_pair)
		*pair = PAIR_DIM;
	return r;
}

static void
tui_flush_run(struct tui *t, size_t n, uint16_t a)
{
	short pair;
	attr_t at;

	if (n == 0)
		return;
	at = tui_attr(t, a, &pair);
	attr_set(at, pair, NULL);
	addnwstr(t->wbuf, (int)n);
}

static void
tui_strike_add(struct tui *t, int y, int x, size_t from)
{
	if (t->nstrikes == t->strikecap) {
		t->strikecap = t->strikecap ? 2 * t->strikecap : 16;
		t->strikes = xreallocarray(
		    t->strikes, t->strikecap, sizeof *t->strikes);
	}
	t->strikes[t->nstrikes].y = y;
	t->strikes[t->nstrikes].x = x;
	t->strikes[t->nstrikes].from = from;
	t->strikes[t->nstrikes].to = from;
	t->nstrikes++;
}

static int
tui_outc(int c)
{
	return putchar(c);
}

/*
 * Struck text, drawn again over what curses drew, with the terminal's own
 * strike-through: curses has no attribute for it.  After refresh() the
 * terminal is in normal mode (ncurses keeps it so between updates) and
 * curses knows the cells' characters, which stay the same; the runs are
 * written dim and struck, then sgr0 and the cursor put back where curses
 * left them, so curses' picture of the terminal still holds.
 */
static void
tui_strike_paint(struct tui *t, const struct screen *s, int cy, int cx)
{
	size_t k;

	for (k = 0; k < t->nstrikes; k++) {
		const struct tui_strike *st = &t->strikes[k];
		const struct sline *l = &s->rows.v[st->y];

		if (st->to <= st->from)
			continue;
		tputs(tiparm(t->cup, st->y, st->x), 1, tui_outc);
		if (t->dim != NULL)
			tputs(t->dim, 1, tui_outc);
		tputs(t->smxx, 1, tui_outc);
		fwrite(l->text + st->from, 1, st->to - st->from, stdout);
		tputs(t->sgr0, 1, tui_outc);
	}
	if (t->nstrikes > 0) {
		tputs(tiparm(t->cup, cy, cx), 1, tui_outc);
		fflush(stdout);
	}
	t->nstrikes = 0;
}

/* tui_term_links' way to set the attributes of a link's run (TUI_RUN_END:
 * back to normal), the same curses draws a (tui_attr). */
static void
tui_link_attr(uint16_t a, void *ctx)
{
	short pair = 0;
	attr_t at = a == TUI_RUN_END ? A_NORMAL : tui_attr(ctx, a, &pair);

	vid_puts(at, pair, NULL, tui_outc);
}

/* A terminfo string capability, or NULL when the terminal lacks it. */
static const char *
tui_cap(const char *name)
{
	char *v = tigetstr(name);

	return v == NULL || v == (char *)-1 || *v == '\0' ? NULL : v;
}

/*
 * Paints one row: runs of equal attributes through the wide-character
 * functions.  The browser's rows already fit (no wide character in the last
 * column, nothing past the width); the column count is kept only so that a
 * row that did not fit could never wrap onto the next one.  Without a UTF-8
 * locale curses cannot measure or encode Japanese, so each non-ASCII
 * character becomes as many '?' as it has columns and the layout holds.
 */
static void
tui_paint_row(struct tui *t, int y, const struct sline *l)
{
	size_t i = 0, n = 0;
	uint16_t run = 0;
	int col = 0;
	int in_del = 0;

	if (t->wcap < 2 * l->len + 1) {
		t->wcap = 2 * l->len + 1;
		t->wbuf = xreallocarray(t->wbuf, t->wcap, sizeof *t->wbuf);
	}
	move(y, 0);
	while (i < l->len) {
		uint16_t a = l->attr[i];
		uint32_t c;
		int w;
		size_t at = i;

		if (t->smxx != NULL && ((a & AT_DEL) != 0) != (in_del != 0)) {
			if (!in_del)
				tui_strike_add(t, y, col, at);
			else
				t->strikes[t->nstrikes - 1].to = at;
			in_del = !in_del;
		}
		c = utf8_next(l->text, l->len, &i);
		if (t->ascii && c >= 0x80)
			w = width_char(c, 1);
		else if ((w = wcwidth((wchar_t)c)) < 0)
			w = 1;
		if (col + w > COLS) {
			i = at; /* not drawn: not struck either */
			break;
		}
		col += w;
		if (n > 0 && a != run) {
			tui_flush_run(t, n, run);
			n = 0;
		}
		run = a;
		if (t->ascii && c >= 0x80)
			while (w-- > 0)
				t->wbuf[n++] = L'?';
		else
			t->wbuf[n++] = (wchar_t)c;
	}
	tui_flush_run(t, n, run);
	if (in_del)
		t->strikes[t->nstrikes - 1].to = i;
}

/* Renders the browser at the current size and lets curses send only the
 * cells that changed: erase() clears the virtual screen, not the terminal. */
static void
tui_paint(struct tui *t)
{
	struct screen s;
	int y, n, cy, cx;

	if (COLS < 1 || LINES < 1)
		return;
	memset(&s, 0, sizeof s);
	browser_render(t->b, COLS, LINES, &s);
	erase();
	n = s.rows.n < (size_t)LINES ? (int)s.rows.n : LINES;
	for (y = 0; y < n; y++)
		tui_paint_row(t, y, &s.rows.v[y]);
	attr_set(A_NORMAL, 0, NULL);
	/* The hardware cursor on the selected row: screen readers and braille
	 * displays follow it. */
	cy = s.cursor_y < 0 ? 0 : s.cursor_y >= LINES ? LINES - 1 : s.cursor_y;
	cx = s.cursor_x < 0 ? 0 : s.cursor_x >= COLS ? COLS - 1 : s.cursor_x;
	move(cy, cx);
	refresh();
	if (t->osc8)
		tui_term_links(&s, COLS, LINES, t->cup, tui_link_attr, t, cy, cx);
	tui_strike_paint(t, &s, cy, cx);
	screen_free(&s);
}

/* Kiosk: the seconds left before the idle reset while they are ten or
 * fewer, else 0; shown on the status line when they change. */
static void
tui_countdown(struct tui *t)
{
	int secs = tui_idle_countdown(&t->idle);

	if (secs != t->countdown) {
		t->countdown = secs;
		browser_countdown(t->b, secs);
		tui_paint(t);
	}
}

/* After a read that returned nothing: has the terminal gone (hangup, error,
 * end of input) rather than the timeout passing? */
static int
tui_input_lost(struct tui *t, int waited_ms, int wait_ms)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};

	if (poll(&p, 1, 0) == 1 &&
	    (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
		return 1;
	/* End of input reads as "no key" at once, again and again. */
	if (wait_ms > 0 && waited_ms < wait_ms / 2) {
		if (++t->quick_errs >= TUI_LOST_AFTER)
			return 1;
	} else {
		t->quick_errs = 0;
	}
	return 0;
}

/* A mouse report as a key_event; K_NONE for what the browser ignores. */
static void
tui_translate_mouse(struct key_event *ev)
{
	MEVENT me;

	if (getmouse(&me) != OK)
		return;
	if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ev->button = 1;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->button = 4;
	else if (me.bstate & BUTTON5_PRESSED)
		ev->button = 5;
	else
		return;
	/* A report for a cell before the first (an SGR report with column
	 * or row 0, which curses turns into -1) points at nothing. */
	if (me.x < 0 || me.y < 0)
		return;
	ev->key = K_MOUSE;
	ev->x = me.x;
	ev->y = me.y;
}

static void
tui_translate_fkey(wint_t wc, struct key_event *ev)
{
	switch (wc) {
	case KEY_UP:
		ev->key = K_UP;
		break;
	case KEY_DOWN:
		ev->key = K_DOWN;
		break;
	case KEY_LEFT:
		ev->key = K_LEFT;
		break;
	case KEY_RIGHT:
		ev->key = K_RIGHT;
		break;
	case KEY_PPAGE:
	case KEY_A3:
		ev->key = K_PGUP;
		break;
	case KEY_NPAGE:
	case KEY_C3:
		ev->key = K_PGDN;
		break;
	case KEY_HOME:
	case KEY_A1:
		ev->key = K_HOME;
		break;
	case KEY_END:
	case KEY_C1:
	case KEY_LL:
		ev->key = K_END;
		break;
	case KEY_ENTER:
		ev->key = K_ENTER;
		break;
	case KEY_BTAB:
		ev->key = K_BTAB;
		break;
	case KEY_BACKSPACE:
		ev->key = K_BACKSPACE;
		break;
	case KEY_DC:
		ev->key = K_DELETE;
		break;
	case KEY_F(1):
		ev->key = K_F1;
		break;
	case KEY_F(2):
		ev->key = K_F2;
		break;
	case KEY_RESIZE:
		ev->key = K_RESIZE;
		ev->w = COLS;
		ev->h = LINES;
		break;
	case KEY_MOUSE:
		tui_translate_mouse(ev);
		break;
	default:
		break;
	}
}

/*
 * One get_wch result as a key_event (K_NONE: nothing to do).  Job-control
 * keys only arrive as characters in kiosk mode (raw), where they must do
 * nothing: Ctrl-Z and Ctrl-\ are dropped here, so the browser never sees a
 * key that outside kiosk mode would have been a signal.
 */
static void
tui_translate(int rc, wint_t wc, struct key_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (rc == KEY_CODE_YES) {
		tui_translate_fkey(wc, ev);
		return;
	}
	switch (wc) {
	case '\r':
	case '\n':
		ev->key = K_ENTER;
		return;
	case '\t':
		ev->key = K_TAB;
		return;
	case 27:
		ev->key = K_ESC;
		return;
	case 8:
	case 127:
		ev->key = K_BACKSPACE;
		return;
	case 26: /* Ctrl-Z */
	case 28: /* Ctrl-\ */
		return;
	default:
		break;
	}
	if (wc >= 1 && wc <= 26) {
		ev->key = K_CTRL;
		ev->ch = 'a' + (uint32_t)wc - 1;
	} else if (wc >= 32 && !(wc >= 0x80 && wc < 0xa0) && wc <= 0x10ffff &&
	           !(wc >= 0xd800 && wc <= 0xdfff)) {
		/* Printable: ASCII, or Japanese committed by an input method
		 * or pasted, one code point per event. */
		ev->key = K_CHAR;
		ev->ch = (uint32_t)wc;
	}
}

/* Sequences modern terminals (and tmux) send whatever TERM says: with
 * TERM=vt100 over SSH from an xterm, PgUp/PgDn/Home/End would otherwise
 * arrive as Esc plus letters.  Only added where terminfo has nothing. */
static void
tui_define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
	    {"\033[A", KEY_UP},
	    {"\033[B", KEY_DOWN},
	    {"\033[C", KEY_RIGHT},
	    {"\033[D", KEY_LEFT},
	    {"\033OA", KEY_UP},
	    {"\033OB", KEY_DOWN},
	    {"\033OC", KEY_RIGHT},
	    {"\033OD", KEY_LEFT},
	    {"\033[5~", KEY_PPAGE},
	    {"\033[6~", KEY_NPAGE},
	    {"\033[1~", KEY_HOME},
	    {"\033[7~", KEY_HOME},
	    {"\033[H", KEY_HOME},
	    {"\033OH", KEY_HOME},
	    {"\033[4~", KEY_END},
	    {"\033[8~", KEY_END},
	    {"\033[F", KEY_END},
	    {"\033OF", KEY_END},
	    {"\033[3~", KEY_DC},
	    {"\033[Z", KEY_BTAB},
	    {"\033OM", KEY_ENTER},
	};
	size_t i;

	for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static int
tui_setup(struct tui *t, char **err)
{
	const char *term = getenv("TERM");
	int w, h, pinned = 0;

	ttysig_save_modes();
	/* Curses reads the size at start: a huge one is pinned to the clamp
	 * through LINES and COLUMNS, which curses prefers to the ioctl. */
	{
		struct winsize ws;

		if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		    (ws.ws_col > TUI_MAX_W || ws.ws_row > TUI_MAX_H)) {
			char nb[16];

			tui_clamped_size(&w, &h);
			snprintf(nb, sizeof nb, "%d", w);
			setenv("COLUMNS", nb, 1);
			snprintf(nb, sizeof nb, "%d", h);
			setenv("LINES", nb, 1);
			pinned = 1;
		}
	}
	if (t->o->term != NULL)
		term = t->o->term;
	t->scr = newterm(t->o->term, stdout, stdin);
	if (pinned) {
		unsetenv("COLUMNS");
		unsetenv("LINES");
	}
	if (t->scr == NULL) {
		*err = xasprintf(
		    "cannot use the terminal (TERM=%s)", term ? term : "");
		return -1;
	}
	tui_live = 1;
	if (!tui_hooked) {
		atexit(tui_exit_hook);
		tui_hooked = 1;
	}
	/* Kiosk: raw, so Ctrl-C, Ctrl-Z and Ctrl-\ are keys, not signals. */
	if (t->o->kiosk)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(TUI_ESCDELAY_MS);
	tui_define_keys();
	if (t->o->mouse) {
		/* No click resolution: a press acts at once, and a press and
		 * its release never make two events. */
		mouseinterval(0);
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		              BUTTON5_PRESSED,
		    NULL);
	}
	curs_set(1);
	tui_setup_colors(t);
	/* What endwin() sends, for a fault handler that cannot call it. */
	{
		char seq[256];
		size_t n = 0;

		tui_reset_add(seq, &n, "sgr0", NULL);
		tui_reset_add(seq, &n, "cnorm", NULL);
		tui_reset_add(seq, &n, "rmkx", NULL);
		if (t->o->mouse)
			tui_reset_add(seq, &n, NULL,
			    "\033[?1006l\033[?1002l\033[?1000l");
		tui_reset_add(seq, &n, "rmcup", NULL);
		ttysig_arm(seq, n);
	}
	/* Struck text: the terminal strikes it through when it can (and it
	 * is dim either way), else it is drawn between "~~". */
	t->smxx = tui_cap("smxx");
	t->sgr0 = tui_cap("sgr0");
	t->cup = tui_cap("cup");
	t->dim = tui_cap("dim");
	if (t->smxx == NULL || t->sgr0 == NULL || t->cup == NULL || t->ascii)
		t->smxx = NULL;
	browser_set_del_marks(t->b, t->smxx == NULL);
	t->osc8 = !t->o->kiosk && !t->ascii && t->cup != NULL &&
	          termenv_hyperlinks_known(getenv("TERM"),
	              getenv("TERM_PROGRAM"), getenv("VTE_VERSION"),
	              getenv("WT_SESSION"));
	return 0;
}

/* One event to the browser, or to the loading that may hold it. */
static enum browser_status
tui_key(struct tui *t, const struct key_event *ev)
{
	if (t->o->loading != NULL)
		return loading_key(t->o->loading, ev);
	return browser_key(t->b, ev);
}

/* While a big file loads: has the whole come (then its browser is drawn
 * from now on)?  Returns 1 and sets *status when the loop must look again:
 * the browser changed (status stays -1, or 0 when a held key quit), or the
 * load failed (2, *err set). */
static int
tui_loaded(struct tui *t, int *status, char **err)
{
	enum browser_status bs;
	int rc;

	if (t->o->loading == NULL ||
	    (rc = loading_poll(t->o->loading, &bs)) == 0)
		return 0;
	if (rc < 0) {
		*err = xstrdup("the file could not be loaded whole");
		*status = 2;
		return 1;
	}
	t->b = loading_browser(t->o->loading);
	browser_set_del_marks(t->b, t->smxx == NULL);
	browser_countdown(t->b, t->countdown);
	if (bs == BROWSER_QUIT)
		*status = 0;
	else
		tui_paint(t);
	return 1;
}

/* What a terminating signal means; returns -1 to go on, else the status. */
static int
tui_handle_signal(struct tui *t, int sig)
{
	struct key_event ev;

	if (sig == SIGINT && t->o->kiosk) {
		/* Ctrl-C from kill, or from a terminal not in raw mode: in a
		 * kiosk it means "home", like the key. */
		memset(&ev, 0, sizeof ev);
		ev.key = K_CTRL;
		ev.ch = 'c';
		if (tui_key(t, &ev) == BROWSER_QUIT)
			return 0;
		tui_paint(t);
		return -1;
	}
	return 128 + sig;
}

int
tui_run(struct browser *b, const struct tui_opts *o, char **err)
{
	struct tui t;
	int status = -1;

	*err = NULL;
	memset(&t, 0, sizeof t);
	t.b = b;
	t.o = o;
	t.ascii = !termenv_locale_is_utf8();
	/* Before newterm, so that curses keeps our handlers instead of
	 * installing its own (it only replaces SIG_DFL). */
	(void)ttysig_take();
	(void)ttysig_take_winch();
	ttysig_install(o->kiosk);
	if (tui_setup(&t, err) != 0) {
		ttysig_restore();
		return 2;
	}
	t.idle.seconds = o->kiosk ? o->idle_seconds : 0;
	tui_idle_touch(&t.idle);
	tui_paint(&t);
	while (status < 0) {
		struct key_event ev;
		struct timespec t0;
		int sig, rc, wait_ms;
		wint_t wc = 0;

		if ((sig = ttysig_take()) != 0) {
			status = tui_handle_signal(&t, sig);
			continue;
		}
		if (ttysig_take_winch()) {
			int w, h;

			/* resizeterm() queues the KEY_RESIZE read below. */
			tui_clamped_size(&w, &h);
			if (w > 0 && h > 0)
				resizeterm(h, w);
		}
		if (tui_loaded(&t, &status, err))
			continue;
		if (t.unpainted == 0)
			tui_countdown(&t);
		wait_ms = tui_idle_wait_ms(&t.idle);
		/* the whole is looked for this often while it loads */
		if (o->loading != NULL && loading_busy(o->loading) &&
		    wait_ms > TUI_LOADING_POLL_MS)
			wait_ms = TUI_LOADING_POLL_MS;
		if (wait_ms == 0) {
			memset(&ev, 0, sizeof ev);
			ev.key = K_IDLE;
			t.idle.fired = 1;
			if (tui_key(&t, &ev) == BROWSER_QUIT)
				status = 0;
			else
				tui_paint(&t);
			continue;
		}
		if (t.unpainted > 0) {
			/* Keys that arrived while the last ones were applied
			 * are applied before painting: a paste or fast typing
			 * costs one search and one paint, not one per key, so
			 * keys never wait on search.  A long burst still
			 * paints now and then. */
			timeout(0);
			rc = get_wch(&wc);
			if (rc == ERR || t.unpainted >= TUI_MAX_UNPAINTED) {
				tui_paint(&t);
				t.unpainted = 0;
				if (rc == ERR)
					continue;
			}
		} else {
			timeout(wait_ms);
			clock_gettime(CLOCK_MONOTONIC, &t0);
			errno = 0;
			rc = get_wch(&wc);
		}
		if (rc == ERR) {
			if (ttysig_pending() || errno == EINTR)
				continue;
			if (tui_input_lost(
			        &t, (int)tui_ms_since(&t0), wait_ms)) {
				*err =
				    xstrdup("lost the terminal (end of input "
				            "or read error)");
				status = 2;
			}
			continue;
		}
		t.quick_errs = 0;
		tui_translate(rc, wc, &ev);
		if (ev.key == K_NONE)
			continue;
		if (ev.key == K_CTRL && ev.ch == 'l') {
			/* The terminal's business, not the browser's: repaint
			 * everything after another program wrote over us. */
			clearok(curscr, TRUE);
			tui_paint(&t);
			continue;
		}
		if (ev.key != K_RESIZE) {
			tui_idle_touch(&t.idle);
			t.countdown = 0; /* browser_key clears it */
		}
		if (tui_key(&t, &ev) == BROWSER_QUIT)
			status = 0;
		else
			t.unpainted++;
	}
	tui_restore();
	delscreen(t.scr);
	ttysig_restore();
	free(t.wbuf);
	free(t.strikes);
	return status;
}
