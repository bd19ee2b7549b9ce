/*
 * ttysig.h - the signals of a program that owns the terminal, without
 * curses: every signal whose default action ends the process is caught, so
 * that the terminal is restored on every path (SIGUSR1, SIGALRM, SIGPIPE
 * and the rest used to leave it raw, on the alternate screen, with mouse
 * reporting on).
 *
 * - Asynchronous ones (SIGHUP, SIGTERM, SIGINT, SIGUSR1, SIGALRM, SIGPIPE,
 *   real-time signals, ...) are only noted (ttysig_take): the caller's loop
 *   restores the terminal and ends, with 128 + the signal.  One that was
 *   ignored when the program started stays ignored (nohup).  When the
 *   loop has not taken it within 200 ms (a long layout, or a write to a
 *   terminal that stopped reading), a watchdog timer restores the
 *   terminal as for a fault (dropping the output still queued) and ends
 *   the program with that status; SIGINT in kiosk mode ("home") excepted.
 * - Faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS, SIGTRAP) put
 *   the terminal back in the handler (the modes saved by
 *   ttysig_save_modes and the bytes given to ttysig_arm), then the
 *   disposition from before acts (a sanitizer's report, a core dump).
 * - SIGWINCH is noted (ttysig_take_winch), so that curses, which installs
 *   its own handler only over the default one, leaves the resize to the
 *   caller, who can clamp the size first.
 * - SIGTSTP goes back to the default (the terminal's job control) or, in
 *   kiosk mode, is ignored, as is SIGQUIT there.
 * No handler restarts a read: a blocking read returns EINTR.
 */
#ifndef FAQ_TTYSIG_H
#define FAQ_TTYSIG_H

#include <stddef.h>

/* Installs the handlers (see above); ttysig_restore puts back the
 * dispositions from before. */
void ttysig_install(int kiosk);
void ttysig_restore(void);

/* The last ending signal noted, or 0; clears it. */
int ttysig_take(void);
/* 1 when the terminal changed size since the last call. */
int ttysig_take_winch(void);
/* A signal or a resize is waiting to be taken. */
int ttysig_pending(void);

/* Saves the terminal modes of standard input, for a fault to restore
 * (call before the terminal goes raw). */
void ttysig_save_modes(void);
/* From now until ttysig_disarm, a fault writes these n bytes (at most
 * 256) to standard output and restores the saved modes. */
void ttysig_arm(const char *reset, size_t n);
void ttysig_disarm(void);

#endif
