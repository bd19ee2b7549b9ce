/* test_termenv.c - locale fallback, TERM check and kiosk scrub.  Each
 * locale case runs in a child process, because the locale and the
 * environment are process-wide and glibc caches loaded locales. */
#include "testutil.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "termenv.h"
#include "tui.h"

extern char **environ;

enum { R_ASCII = 10, R_UTF8 = 11, R_LIE = 12 };

/* Runs termenv_setup_locale() in a child with only the given environment
 * variables (NULL-terminated name, value pairs) and returns R_UTF8 when it
 * says UTF-8 and the codeset really is UTF-8, R_ASCII when it says ASCII
 * and the codeset is not UTF-8, R_LIE otherwise. */
static int
run_locale(const char *const *vars)
{
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		int r, real;

		clearenv();
		for (; vars[0] != NULL; vars += 2)
			setenv(vars[0], vars[1], 1);
		r = termenv_setup_locale();
		real = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
		if (r != real)
			_exit(R_LIE);
		_exit(r ? R_UTF8 : R_ASCII);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

/* An SSH client sends LANG=ja_JP.UTF-8, which this machine lacks (the test
 * machines have only C and C.UTF-8; if it exists, the answer is the same). */
static void
test_missing_locale_falls_back_to_utf8(void **state)
{
	const char *const v[] = {"LANG", "ja_JP.UTF-8", NULL};

	(void)state;
	assert_int_equal(run_locale(v), R_UTF8);
}

static void
test_c_and_unset_fall_back_to_utf8(void **state)
{
	const char *const c[] = {"LANG", "C", NULL};
	const char *const lcall[] = {"LC_ALL", "POSIX", NULL};
	const char *const none[] = {NULL};

	(void)state;
	assert_int_equal(run_locale(c), R_UTF8);
	assert_int_equal(run_locale(lcall), R_UTF8);
	assert_int_equal(run_locale(none), R_UTF8);
}

/* One category naming a missing locale must not cost UTF-8 in LC_CTYPE. */
static void
test_one_bad_category_keeps_ctype(void **state)
{
	const char *const v[] = {
	    "LANG", "C.UTF-8", "LC_MESSAGES", "xx_NO.UTF-8", NULL};

	(void)state;
	assert_int_equal(run_locale(v), R_UTF8);
}

/* With no UTF-8 locale reachable (LOCPATH pointing nowhere hides them),
 * the answer is "ASCII-only" and it is true. */
static void
test_no_utf8_locale_says_ascii(void **state)
{
	const char *const v[] = {"LANG", "C", "LOCPATH", "/nonexistent", NULL};
	int r;

	(void)state;
	r = run_locale(v);
	if (r == R_UTF8)
		skip(); /* this libc has a built-in C.UTF-8 */
	assert_int_equal(r, R_ASCII);
}

/* The check the browser's "ASCII-only" notice rests on. */
static void
test_locale_is_utf8(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int ok = setlocale(LC_CTYPE, "C") != NULL &&
		         !termenv_locale_is_utf8() &&
		         setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
		         termenv_locale_is_utf8() &&
		         setlocale(LC_CTYPE, "POSIX") != NULL &&
		         !termenv_locale_is_utf8();
		_exit(ok ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_term_usable(void **state)
{
	(void)state;
	assert_false(termenv_term_usable(NULL));
	assert_false(termenv_term_usable(""));
	assert_false(termenv_term_usable("dumb"));
	assert_false(termenv_term_usable("dumb-emacs-ansi"));
	assert_true(termenv_term_usable("vt100"));
	assert_true(termenv_term_usable("xterm-256color"));
	assert_true(termenv_term_usable("dumbterm")); /* not "dumb" */
}

/* tui_term_choose() adds the terminal database to termenv_term_usable():
 * terminals PRODUCT.md names work as themselves; a TERM without an entry
 * here is driven as a cousin (less carries on too); dumb and unset print. */
static void
test_tui_term_choose(void **state)
{
	static const char *const good[] = {
	    "xterm-256color", "screen", "tmux-256color", "linux", "vt100"};
	static const char *const cousin[] = {"no-such-terminal-xyz",
	    "xterm-kitty-no-such", "alacritty-no-such", "../../etc/passwd"};
	const char *used;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		setenv("TERM", good[i], 1);
		assert_int_equal(tui_term_choose(&used), TUI_TERM_OK);
		assert_string_equal(used, good[i]);
	}
	for (i = 0; i < sizeof cousin / sizeof cousin[0]; i++) {
		setenv("TERM", cousin[i], 1);
		assert_int_equal(tui_term_choose(&used), TUI_TERM_FALLBACK);
		assert_string_equal(used, "xterm-256color");
	}
	setenv("TERM", "dumb", 1);
	assert_int_equal(tui_term_choose(&used), TUI_TERM_NONE);
	setenv("TERM", "", 1);
	assert_int_equal(tui_term_choose(&used), TUI_TERM_NONE);
	unsetenv("TERM");
	assert_int_equal(tui_term_choose(&used), TUI_TERM_NONE);
}

/* The family first, then the generic chain, never the name itself twice. */
static void
test_term_fallbacks(void **state)
{
	const char *v[8];
	size_t n;

	(void)state;
	n = termenv_term_fallbacks("xterm-kitty", v, 8);
	assert_int_equal(n, 4);
	assert_string_equal(v[0], "xterm-256color");
	assert_string_equal(v[1], "xterm");
	assert_string_equal(v[2], "ansi");
	assert_string_equal(v[3], "vt100");
	n = termenv_term_fallbacks("tmux-256color-italic", v, 8);
	assert_string_equal(v[0], "screen-256color");
	assert_string_equal(v[1], "xterm-256color");
	assert_int_equal(n, 5);
	n = termenv_term_fallbacks("xterm", v, 8);
	assert_string_equal(v[0], "xterm-256color");
	assert_string_equal(v[1], "ansi");
	assert_int_equal(n, 3);
	n = termenv_term_fallbacks("weird", v, 2);
	assert_int_equal(n, 2);
	assert_string_equal(v[1], "xterm");
}

static void
test_kiosk_scrub_keeps_only_terminal_vars(void **state)
{
	size_t n = 0;
	char **e;

	(void)state;
	setenv("TERM", "vt100", 1);
	setenv("LANG", "ja_JP.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LC_MESSAGES", "ja_JP.UTF-8", 1);
	setenv("NO_COLOR", "1", 1);
	setenv("HOME", "/home/visitor", 1);
	setenv("TERMINFO", "/tmp/evil", 1);
	setenv("LANGUAGE", "de", 1);
	setenv("LC", "not a locale category", 1);
	setenv("ESCDELAY", "5000", 1);
	setenv("LD_PRELOAD", "/tmp/evil.so", 1);
	setenv("X", "a=b=c", 1);
	termenv_kiosk_scrub();
	assert_string_equal(getenv("TERM"), "vt100");
	assert_string_equal(getenv("LANG"), "ja_JP.UTF-8");
	assert_string_equal(getenv("LC_ALL"), "C.UTF-8");
	assert_string_equal(getenv("LC_MESSAGES"), "ja_JP.UTF-8");
	assert_string_equal(getenv("NO_COLOR"), "1");
	assert_null(getenv("HOME"));
	assert_null(getenv("TERMINFO"));
	assert_null(getenv("LANGUAGE"));
	assert_null(getenv("LC"));
	assert_null(getenv("ESCDELAY"));
	assert_null(getenv("LD_PRELOAD"));
	assert_null(getenv("X"));
	assert_null(getenv("PATH"));
	for (e = environ; *e != NULL; e++)
		n++;
	assert_int_equal(n, 5);
}

/* A value with '=' in it and an empty value survive intact. */
static void
test_kiosk_scrub_keeps_values_exactly(void **state)
{
	(void)state;
	clearenv();
	setenv("NO_COLOR", "", 1);
	setenv("LC_CTYPE", "a=b", 1);
	termenv_kiosk_scrub();
	assert_string_equal(getenv("NO_COLOR"), "");
	assert_string_equal(getenv("LC_CTYPE"), "a=b");
	assert_null(getenv("TERM"));
}

/* OSC 8 only where the terminal is known to show hyperlinks; never inside
 * screen or tmux, never for an unknown terminal. */
static void
test_hyperlinks_known(void **state)
{
	(void)state;
	assert_true(termenv_hyperlinks_known("xterm-kitty", NULL, NULL, NULL));
	assert_true(termenv_hyperlinks_known("foot-extra", NULL, NULL, NULL));
	assert_true(termenv_hyperlinks_known("xterm-256color", "WezTerm", NULL, NULL));
	assert_true(termenv_hyperlinks_known("xterm-256color", "iTerm.app", NULL, NULL));
	assert_true(termenv_hyperlinks_known("xterm-256color", NULL, "7200", NULL));
	assert_true(termenv_hyperlinks_known("xterm-256color", NULL, NULL, "a-guid"));
	assert_false(termenv_hyperlinks_known("xterm-256color", NULL, "4800", NULL));
	assert_false(termenv_hyperlinks_known("xterm-256color", NULL, "x", NULL));
	assert_false(termenv_hyperlinks_known("xterm-256color", "Apple_Terminal", NULL, NULL));
	assert_false(termenv_hyperlinks_known("xterm-256color", NULL, NULL, ""));
	assert_false(termenv_hyperlinks_known("vt100", NULL, NULL, NULL));
	/* the multiplexer decides, whatever the terminal outside says */
	assert_false(termenv_hyperlinks_known("tmux-256color", "WezTerm", "7200", "g"));
	assert_false(termenv_hyperlinks_known("screen.xterm-kitty", NULL, NULL, NULL));
	assert_false(termenv_hyperlinks_known("dumb", "WezTerm", NULL, NULL));
	assert_false(termenv_hyperlinks_known(NULL, "WezTerm", NULL, NULL));
}

/* Only a clean http, https or mailto URL goes into the sequence: nothing
 * that could end it early (ESC, BEL, C1), start another, or run code. */
static void
test_osc8_sanitising(void **state)
{
	char big[2100];
	char *s;

	(void)state;
	s = termenv_osc8_open("https://example.com/a?b=c#d");
	assert_string_equal(s, "\033]8;;https://example.com/a?b=c#d\033\\");
	free(s);
	assert_true(termenv_url_linkable("HTTP://EXAMPLE.COM/"));
	assert_true(termenv_url_linkable("mailto:help@example.com"));
	assert_false(termenv_url_linkable("https://example.com/\033]0;x\a"));
	assert_false(termenv_url_linkable("https://example.com/\a"));
	assert_false(termenv_url_linkable("https://example.com/a b"));
	assert_false(termenv_url_linkable("https://example.com/\xc2\x9b" "2J"));
	assert_false(termenv_url_linkable("https://例え.jp/"));
	assert_false(termenv_url_linkable("javascript:alert(1)"));
	assert_false(termenv_url_linkable("file:///etc/passwd"));
	assert_false(termenv_url_linkable("#manual"));
	assert_false(termenv_url_linkable("https:"));
	assert_false(termenv_url_linkable(""));
	assert_false(termenv_url_linkable(NULL));
	assert_null(termenv_osc8_open("javascript:alert(1)"));
	memset(big, 'a', sizeof big - 1);
	memcpy(big, "https://", 8);
	big[sizeof big - 1] = '\0';
	assert_false(termenv_url_linkable(big));
	big[2048] = '\0';
	assert_true(termenv_url_linkable(big));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_missing_locale_falls_back_to_utf8),
	    cmocka_unit_test(test_c_and_unset_fall_back_to_utf8),
	    cmocka_unit_test(test_one_bad_category_keeps_ctype),
	    cmocka_unit_test(test_no_utf8_locale_says_ascii),
	    cmocka_unit_test(test_locale_is_utf8),
	    cmocka_unit_test(test_term_usable),
	    cmocka_unit_test(test_tui_term_choose),
	    cmocka_unit_test(test_term_fallbacks),
	    cmocka_unit_test(test_kiosk_scrub_keeps_only_terminal_vars),
	    cmocka_unit_test(test_kiosk_scrub_keeps_values_exactly),
	    cmocka_unit_test(test_hyperlinks_known),
	    cmocka_unit_test(test_osc8_sanitising),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
