/*
 * termenv.h - the process environment around the terminal, without curses:
 * the locale (with the C.UTF-8 fallback that keeps Japanese readable when
 * an SSH client sends a locale the server lacks), a first check of TERM,
 * and the kiosk environment scrub.
 *
 * Order in main: termenv_kiosk_scrub() (kiosk only, before anything reads
 * the environment), then termenv_setup_locale(), then the content, then
 * either print mode (stdout not a terminal, or tui_term_choose() finds
 * no entry) or
 * tui_run().  These functions change process-wide state (the environment,
 * the C locale) and are meant to be called once, from main.
 */
#ifndef FAQ_TERMENV_H
#define FAQ_TERMENV_H

#include <stddef.h>

/*
 * setlocale(LC_ALL, "") (category by category when one of them names a
 * locale this machine lacks); if the character set is then not UTF-8
 * (LANG unset, "C", or a missing locale), LC_CTYPE falls back to C.UTF-8.
 * Returns 1 when the resulting LC_CTYPE is UTF-8, 0 when the program is
 * ASCII-only (no UTF-8 locale on the machine at all).
 */
int termenv_setup_locale(void);

/* 1 when the codeset of the current LC_CTYPE is UTF-8. */
int termenv_locale_is_utf8(void);

/*
 * The check that needs no terminal database: 0 for a NULL or empty TERM
 * and for "dumb" (and its "dumb-..." variants), which cannot address the
 * cursor; 1 otherwise.  tui_term_usable() (tui.h) adds the terminfo
 * lookup.
 */
int termenv_term_usable(const char *term);

/*
 * The terminfo entries to try, in order, when TERM names a terminal this
 * machine has no entry for (a modern terminal over SSH: xterm-kitty,
 * alacritty, wezterm, xterm-ghostty, foot, ...): a known entry of the same
 * family first, then xterm-256color, xterm, ansi and vt100, without
 * repeats.  Writes at most max names (static strings) to out and returns
 * how many.
 */
size_t termenv_term_fallbacks(const char *term, const char **out, size_t max);

/*
 * Kiosk: removes every environment variable except TERM, LANG, LC_* and
 * NO_COLOR, so nothing a visitor or an SSH client sets (TERMINFO, HOME,
 * LANGUAGE, LD_*, ESCDELAY, ...) can change what the program does.
 */
void termenv_kiosk_scrub(void);

#endif
