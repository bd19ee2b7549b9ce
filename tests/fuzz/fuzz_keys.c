/*
 * fuzz_keys.c - libFuzzer driver: the two ways keys come in.
 *
 * The first byte says which: even, the rest is a --keys string for
 * keys_parse(); odd, the rest is what a terminal sends, read by curses
 * (the terminal input decoder: escape sequences, UTF-8, mouse reports) and
 * turned into key events by tui.c's translation.  Traps when a parsed
 * event is not one the browser can take (a K_CHAR that is a control
 * character or not a code point, a resize of 0 columns), when a --keys
 * string is refused without a message or a message is not valid UTF-8,
 * or, for the terminal, when an event is out of its range.
 *
 * tui.c is compiled into this driver (included below) so that its static
 * translation is reached as the program reaches it; the build leaves
 * tui.o out of this driver's link.  The terminal is a curses screen on
 * a pipe, set up once: the driver writes the bytes into the pipe and
 * reads events until curses has none.
 */
#include <fcntl.h>
#include <locale.h>

#include "../../src/tui.c"

#include "fuzzcheck.h"
#include "keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static int pipe_w = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fds[2];
	FILE *in, *out;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	if (pipe(fds) != 0)
		abort();
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	in = fdopen(fds[0], "r");
	out = fopen("/dev/null", "w");
	if (in == NULL || out == NULL)
		abort();
	if (newterm("xterm-256color", out, in) == NULL)
		abort();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(0);
	tui_define_keys();
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	              BUTTON5_PRESSED,
	    NULL);
	pipe_w = fds[1];
	return 0;
}

static void
check_event(const struct key_event *e)
{
	switch (e->key) {
	case K_CHAR:
		if (e->ch < 0x20 || e->ch == 0x7F ||
		    (e->ch >= 0x80 && e->ch < 0xA0) || e->ch > 0x10FFFF ||
		    (e->ch >= 0xD800 && e->ch <= 0xDFFF))
			__builtin_trap();
		break;
	case K_CTRL:
		if (!((e->ch >= 'a' && e->ch <= 'z') || e->ch == '\\'))
			__builtin_trap();
		break;
	case K_RESIZE:
		if (e->w < 1 || e->h < 1)
			__builtin_trap();
		break;
	case K_MOUSE:
		if (e->x < 0 || e->y < 0 ||
		    (e->button != 1 && e->button != 4 && e->button != 5))
			__builtin_trap();
		break;
	default:
		/* K_F2 is the last key there is */
		if ((unsigned)e->key > K_F2)
			__builtin_trap();
	}
}

static void
fuzz_parse(const uint8_t *data, size_t size)
{
	struct key_event *keys;
	size_t n, i;
	char *spec = strndup((const char *)data, size), *err;

	if (spec == NULL)
		abort();
	if (keys_parse(spec, &keys, &n, &err) == 0) {
		if (err != NULL)
			__builtin_trap();
		for (i = 0; i < n; i++) {
			check_event(&keys[i]);
			(void)keys_name(keys[i].key, keys[i].ch);
		}
		free(keys);
	} else {
		if (err == NULL || u8_check((const uint8_t *)err,
		                       strlen(err)) != NULL)
			__builtin_trap();
		free(err);
	}
	free(spec);
}

static void
fuzz_terminal(const uint8_t *data, size_t size)
{
	struct key_event ev;
	wint_t wc;
	int rc, guard = 0;

	/* A pipe holds 64 KiB; a terminal's burst is far less. */
	if (size > 4096)
		size = 4096;
	if (size > 0 && write(pipe_w, data, size) != (ssize_t)size)
		abort();
	while ((rc = get_wch(&wc)) != ERR && guard++ < 100000) {
		tui_translate(rc, wc, &ev);
		check_event(&ev);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1)
		fuzz_terminal(data + 1, size - 1);
	else
		fuzz_parse(data + 1, size - 1);
	return 0;
}
