/* termenv.c - locale fallback, TERM check, kiosk environment; see
 * termenv.h.  No curses here: the terminfo lookup lives in tui.c. */
#include "termenv.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

extern char **environ;

int
termenv_locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL &&
	       (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int
termenv_setup_locale(void)
{
	/* Not LC_ALL: a category that names a missing locale must not take
	 * the others (that exist) down with it. */
	static const int cats[] = {LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE,
	    LC_MONETARY, LC_MESSAGES};
	/* C.UTF-8 is in every glibc since 2.35 and in Debian for longer;
	 * the others are common on older or non-Debian systems. */
	static const char *const fallbacks[] = {
	    "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"};
	size_t i;

	if (setlocale(LC_ALL, "") == NULL)
		for (i = 0; i < sizeof cats / sizeof cats[0]; i++)
			setlocale(cats[i], "");
	if (termenv_locale_is_utf8())
		return 1;
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL &&
		    termenv_locale_is_utf8())
			return 1;
	/* Nothing UTF-8 on this machine: stay ASCII-only, as the user's
	 * locale said (or "C"). */
	if (setlocale(LC_CTYPE, "") == NULL)
		setlocale(LC_CTYPE, "C");
	return 0;
}

int
termenv_term_usable(const char *term)
{
	if (term == NULL || *term == '\0')
		return 0;
	if (strcmp(term, "dumb") == 0 || strncmp(term, "dumb-", 5) == 0)
		return 0;
	return 1;
}

/* Terminal families and the entry of this machine's terminfo that speaks
 * their language; the first prefix that matches wins.  Modern terminals
 * ship their own entries, which older servers lack, and all of them are
 * xterm-compatible; tmux and screen are screen-compatible. */
static const struct {
	const char *prefix, *entry;
} termenv_families[] = {
    {"xterm-kitty", "xterm-256color"},
    {"kitty", "xterm-256color"},
    {"alacritty", "xterm-256color"},
    {"wezterm", "xterm-256color"},
    {"xterm-ghostty", "xterm-256color"},
    {"ghostty", "xterm-256color"},
    {"foot", "xterm-256color"},
    {"contour", "xterm-256color"},
    {"rio", "xterm-256color"},
    {"iterm", "xterm-256color"},
    {"mintty", "xterm-256color"},
    {"konsole", "xterm-256color"},
    {"vte", "xterm-256color"},
    {"gnome", "xterm-256color"},
    {"st-", "xterm-256color"},
    {"xterm", "xterm-256color"},
    {"tmux-256color", "screen-256color"},
    {"tmux", "screen"},
    {"screen-256color", "screen-256color"},
    {"screen", "screen"},
    {"rxvt-unicode-256color", "rxvt-256color"},
    {"rxvt", "rxvt"},
    {"putty", "putty"},
    {"linux", "linux"},
};

static const char *const termenv_generic[] = {
    "xterm-256color", "xterm", "ansi", "vt100"};

static void
termenv_add(const char *name, const char **out, size_t *n, size_t max)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(out[i], name) == 0)
			return;
	if (*n < max)
		out[(*n)++] = name;
}

size_t
termenv_term_fallbacks(const char *term, const char **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; term != NULL &&
	            i < sizeof termenv_families / sizeof termenv_families[0];
	     i++) {
		const char *p = termenv_families[i].prefix;

		if (strncmp(term, p, strlen(p)) == 0) {
			if (strcmp(term, termenv_families[i].entry) != 0)
				termenv_add(
				    termenv_families[i].entry, out, &n, max);
			break;
		}
	}
	for (i = 0; i < sizeof termenv_generic / sizeof termenv_generic[0]; i++)
		if (term == NULL || strcmp(term, termenv_generic[i]) != 0)
			termenv_add(termenv_generic[i], out, &n, max);
	return n;
}

static int
termenv_keep_var(const char *kv)
{
	size_t n = strcspn(kv, "=");

	if (n == 4 && strncmp(kv, "TERM", 4) == 0)
		return 1;
	if (n == 4 && strncmp(kv, "LANG", 4) == 0)
		return 1;
	if (n == 8 && strncmp(kv, "NO_COLOR", 8) == 0)
		return 1;
	return n > 3 && strncmp(kv, "LC_", 3) == 0;
}

void
termenv_kiosk_scrub(void)
{
	char **keep;
	size_t n = 0, k = 0, i;

	for (i = 0; environ != NULL && environ[i] != NULL; i++)
		n++;
	keep = xcalloc(n + 1, sizeof *keep);
	for (i = 0; i < n; i++)
		if (termenv_keep_var(environ[i]))
			keep[k++] = xstrdup(environ[i]);
	clearenv();
	for (i = 0; i < k; i++) {
		char *eq = strchr(keep[i], '=');

		if (eq != NULL) {
			*eq = '\0';
			setenv(keep[i], eq + 1, 1);
		}
		free(keep[i]);
	}
	free(keep);
}

/* Terminals that show OSC 8 hyperlinks, by their TERM (prefixes). */
static const char *const termenv_osc8_terms[] = {
    "xterm-kitty", "xterm-ghostty", "alacritty", "foot", "wezterm",
    "contour",
};

/* ... and by TERM_PROGRAM (exact). */
static const char *const termenv_osc8_programs[] = {
    "iTerm.app", "WezTerm", "vscode", "ghostty",
};

int
termenv_hyperlinks_known(const char *term, const char *term_program,
    const char *vte_version, const char *wt_session)
{
	size_t i;

	if (term == NULL || !termenv_term_usable(term))
		return 0;
	/* A multiplexer between: it decides, and by default drops them. */
	if (strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0)
		return 0;
	for (i = 0; i < sizeof termenv_osc8_terms / sizeof *termenv_osc8_terms;
	     i++)
		if (strncmp(term, termenv_osc8_terms[i],
		        strlen(termenv_osc8_terms[i])) == 0)
			return 1;
	for (i = 0; term_program != NULL &&
	            i < sizeof termenv_osc8_programs /
	                    sizeof *termenv_osc8_programs;
	     i++)
		if (strcmp(term_program, termenv_osc8_programs[i]) == 0)
			return 1;
	if (vte_version != NULL && vte_version[0] >= '0' &&
	    vte_version[0] <= '9' && strtol(vte_version, NULL, 10) >= 5000)
		return 1;
	return wt_session != NULL && wt_session[0] != '\0';
}

int
termenv_url_linkable(const char *url)
{
	static const char *const schemes[] = {"http:", "https:", "mailto:"};
	size_t i, n;

	if (url == NULL)
		return 0;
	n = strlen(url);
	if (n == 0 || n > 2048)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)url[i] < 0x21 || (unsigned char)url[i] > 0x7e)
			return 0;
	for (i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0 &&
		    n > strlen(schemes[i]))
			return 1;
	return 0;
}

char *
termenv_osc8_open(const char *url)
{
	if (!termenv_url_linkable(url))
		return NULL;
	return xasprintf("\033]8;;%s\033\\", url);
}
