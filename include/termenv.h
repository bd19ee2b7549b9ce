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
 * Whether the terminal is known to show OSC 8 hyperlinks (a link's text
 * made clickable without its URL on the screen), from what it says of
 * itself: TERM, TERM_PROGRAM, VTE_VERSION and WT_SESSION (any may be
 * NULL).  Inside screen or tmux (TERM screen* or tmux*) never: they drop
 * the sequence or need setting up.  Then yes for TERM xterm-kitty,
 * xterm-ghostty, alacritty, foot*, wezterm, contour; for TERM_PROGRAM
 * iTerm.app, WezTerm, vscode, ghostty; for VTE_VERSION 5000 or later
 * (GNOME Terminal and other VTE terminals); for WT_SESSION set (Windows
 * Terminal).  Everything else: no (an unknown terminal may print the
 * sequence as garbage).  Kiosk mode never asks (tui.c).
 */
int termenv_hyperlinks_known(const char *term, const char *term_program,
    const char *vte_version, const char *wt_session);

/*
 * Whether url may be sent to the terminal inside an OSC 8 sequence: an
 * http, https or mailto URL (scheme in any case), 1 to 2048 bytes, every
 * byte printable ASCII without space (0x21-0x7e: no control byte, ESC or
 * BEL that could end the sequence early or start another; non-ASCII
 * characters must be percent-encoded).  Anything else (#ids of the FAQ,
 * javascript:, file:, ...) is shown without a hyperlink.
 */
int termenv_url_linkable(const char *url);

/*
 * The OSC 8 sequence that starts a hyperlink to url
 * ("ESC ] 8 ; ; URL ESC \"), malloc'd, or NULL when url is not linkable;
 * TERMENV_OSC8_END ends it.
 */
char *termenv_osc8_open(const char *url);
#define TERMENV_OSC8_END "\033]8;;\033\\"

/*
 * Kiosk: removes every environment variable except TERM, LANG, LC_* and
 * NO_COLOR, so nothing a visitor or an SSH client sets (TERMINFO, HOME,
 * LANGUAGE, LD_*, ESCDELAY, ...) can change what the program does.
 */
void termenv_kiosk_scrub(void);

#endif
