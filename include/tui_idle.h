/*
 * tui_idle.h - the clock of the terminal front end (tui.c): how long the
 * next read may block, when the kiosk idle reset is due, and the
 * countdown shown before it.  Plain clock arithmetic, no curses and no
 * browser, so that tui.c's loop only reads, hands over and paints.
 *
 * Ownership: the struct is tui.c's, inside its struct tui.
 */
#ifndef FAQ_TUI_IDLE_H
#define FAQ_TUI_IDLE_H

#include <time.h>

/* The longest blocking wait: bounds how late a signal that slips in just
 * before the read is seen (it must end the program within a second). */
#define TUI_POLL_MS 500
/* The kiosk idle reset is announced this long before it happens (half the
 * idle time when that is shorter, so a visitor gets time without it). */
#define TUI_COUNTDOWN_MS 10000

struct tui_idle {
	int seconds; /* kiosk: reset after this long without input; 0 never */
	struct timespec last_input;
	int fired; /* the reset was sent since the last input */
};

/* Input came now (or the front end starts): the idle time starts again. */
void tui_idle_touch(struct tui_idle *i);
/* How long the next read may block: until the reset is due or the
 * countdown changes, never longer than TUI_POLL_MS; 0: the reset is due. */
int tui_idle_wait_ms(const struct tui_idle *i);
/* The seconds left before the reset while they are within the countdown,
 * else 0. */
int tui_idle_countdown(const struct tui_idle *i);
/* Milliseconds since t0 on the monotonic clock. */
long tui_ms_since(const struct timespec *t0);

#endif
