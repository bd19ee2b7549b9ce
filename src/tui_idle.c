/*
 * tui_idle.c - the front end's clock: blocking waits, the kiosk idle reset
 * and its countdown; see tui_idle.h.
 */
#include "tui_idle.h"

long
tui_ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 +
	       (now.tv_nsec - t0->tv_nsec) / 1000000;
}

void
tui_idle_touch(struct tui_idle *i)
{
	clock_gettime(CLOCK_MONOTONIC, &i->last_input);
	i->fired = 0;
}

static long
countdown_ms(const struct tui_idle *i)
{
	long half = (long)i->seconds * 500;

	return half < TUI_COUNTDOWN_MS ? half : TUI_COUNTDOWN_MS;
}

int
tui_idle_wait_ms(const struct tui_idle *i)
{
	long left;

	if (i->seconds <= 0 || i->fired)
		return TUI_POLL_MS;
	left = (long)i->seconds * 1000 - tui_ms_since(&i->last_input);
	if (left <= 0)
		return 0;
	/* The countdown changes on each whole second of its window. */
	if (left > countdown_ms(i) && left - countdown_ms(i) < TUI_POLL_MS)
		return (int)(left - countdown_ms(i));
	if (left <= countdown_ms(i))
		return left % 1000 != 0 ? (int)(left % 1000) : 1000;
	return left < TUI_POLL_MS ? (int)left : TUI_POLL_MS;
}

int
tui_idle_countdown(const struct tui_idle *i)
{
	long left;

	if (i->seconds <= 0 || i->fired)
		return 0;
	left = (long)i->seconds * 1000 - tui_ms_since(&i->last_input);
	if (left > 0 && left <= countdown_ms(i))
		return (int)((left + 999) / 1000);
	return 0;
}
