/*
 * ttysig.c - the signals of a program that owns the terminal; see
 * ttysig.h.  Signal dispositions and what a handler may touch belong to
 * the process, so the state here is file-static by nature.
 */
#include "ttysig.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* How long the loop has to take an ending signal before the watchdog
 * timer ends the program itself (see ttysig.h). */
#define TTYSIG_GRACE_MS 200

static volatile sig_atomic_t ttysig_sig;   /* the last ending signal */
static volatile sig_atomic_t ttysig_winch; /* the terminal changed size */
static volatile sig_atomic_t ttysig_armed; /* the terminal is ours */
static volatile sig_atomic_t ttysig_kiosk; /* SIGINT means "home" */
/* The watchdog: a one-shot timer each ending signal sets (timer_settime
 * is async-signal-safe), expiring as a SIGALRM with si_code SI_TIMER.  A
 * timer, not a thread: a kiosk starts no thread or process it does not
 * need (tests/e2e: kiosk-trace). */
static timer_t ttysig_timer;
static volatile sig_atomic_t ttysig_timer_up;

/*
 * What a handler needs to put the terminal back when the program dies in
 * a way no exit hook sees (a fault): the shell's terminal modes and the
 * bytes endwin() would send, worked out beforehand, since a handler may
 * only call write() and tcsetattr().
 */
static struct termios ttysig_tio;
static int ttysig_have_tio;
static char ttysig_seq[256];
static size_t ttysig_len;
/* The dispositions before ttysig_install, indexed by signal number. */
static struct sigaction ttysig_old[NSIG];

/* How ttysig treats a signal whose default action ends the process. */
enum ttysig_kind {
	SK_NONE,  /* not ours: left alone (SIGCHLD, SIGKILL, ...) */
	SK_FLAG,  /* noted; the loop restores the terminal and ends */
	SK_FAULT, /* a fault: the terminal back now, then the old action */
	SK_WINCH, /* a new size */
};

static enum ttysig_kind
ttysig_kind(int sig)
{
	switch (sig) {
	case SIGHUP:
	case SIGINT:
	case SIGQUIT:
	case SIGTERM:
	case SIGTSTP:
	case SIGUSR1:
	case SIGUSR2:
	case SIGALRM:
	case SIGPIPE:
	case SIGVTALRM:
	case SIGPROF:
	case SIGXCPU:
	case SIGXFSZ:
#ifdef SIGIO
	case SIGIO:
#endif
#ifdef SIGSTKFLT
	case SIGSTKFLT:
#endif
#ifdef SIGPWR
	case SIGPWR:
#endif
		return SK_FLAG;
	case SIGSEGV:
	case SIGBUS:
	case SIGFPE:
	case SIGILL:
	case SIGABRT:
	case SIGSYS:
	case SIGTRAP:
		return SK_FAULT;
	case SIGWINCH:
		return SK_WINCH;
	default:
		break;
	}
#ifdef SIGRTMIN
	/* Real-time signals end a process by default too. */
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		return SK_FLAG;
#endif
	return SK_NONE;
}

/* Sets the watchdog (TTYSIG_GRACE_MS from now), or with 0 stops it. */
static void
ttysig_dog_set(long ms)
{
	struct itimerspec it;

	if (!ttysig_timer_up)
		return;
	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = ms / 1000;
	it.it_value.tv_nsec = ms % 1000 * 1000000L;
	(void)timer_settime(ttysig_timer, 0, &it, NULL);
}

static void
ttysig_on_signal(int sig)
{
	if (sig == SIGWINCH) {
		ttysig_winch = 1;
		return;
	}
	ttysig_sig = sig;
	if (!(sig == SIGINT && ttysig_kiosk))
		ttysig_dog_set(TTYSIG_GRACE_MS);
}

/*
 * Async-signal-safe: the terminal as the shell had it, at once.  What is
 * still queued for the terminal is dropped first and the bytes are
 * written without blocking: a client that stopped reading (a frozen SSH
 * session) would otherwise keep the write, and the program, forever.
 */
static void
ttysig_emergency(void)
{
	ssize_t r;
	int fl;

	if (!ttysig_armed)
		return;
	if (ttysig_len > 0) {
		(void)tcflush(STDOUT_FILENO, TCOFLUSH);
		fl = fcntl(STDOUT_FILENO, F_GETFL);
		if (fl != -1)
			(void)fcntl(STDOUT_FILENO, F_SETFL, fl | O_NONBLOCK);
		r = write(STDOUT_FILENO, ttysig_seq, ttysig_len);
		(void)r;
	}
	if (ttysig_have_tio)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &ttysig_tio);
}

/*
 * SIGALRM: sent by someone, an ending signal like the others; from the
 * watchdog timer, the loop has not taken an ending signal within
 * TTYSIG_GRACE_MS (the program is deep in a long layout, or blocked
 * writing to a terminal that stopped reading): the program ends here,
 * with the terminal restored and the status the loop would have given.
 */
static void
ttysig_on_alarm(int sig, siginfo_t *si, void *ctx)
{
	int s = ttysig_sig;

	(void)ctx;
	if (si == NULL || si->si_code != SI_TIMER) {
		ttysig_on_signal(sig);
		return;
	}
	if (s == 0 || !ttysig_armed || (s == SIGINT && ttysig_kiosk))
		return;
	ttysig_emergency();
	_exit(128 + s);
}

static void
ttysig_dog_start(void)
{
	struct sigevent sev;

	if (ttysig_timer_up)
		return;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGALRM;
	if (timer_create(CLOCK_MONOTONIC, &sev, &ttysig_timer) == 0)
		ttysig_timer_up = 1;
}

/* A fault: restore the terminal, then let the old disposition act (a
 * sanitizer's report, or the default core dump).  A fault the kernel
 * raised comes back when the instruction runs again; one sent with kill
 * is raised again. */
static void
ttysig_on_fault(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	ttysig_emergency();
	sigaction(sig, &ttysig_old[sig], NULL);
	if (si == NULL || si->si_code <= 0)
		raise(sig);
}

/* Installs the handlers for every signal that would end the process, and
 * for SIGWINCH (so that curses keeps ours and the size can be clamped
 * before curses sees it); in kiosk mode job control is ignored outright
 * (the terminal is raw as well, this covers a signal sent with kill). */
void
ttysig_install(int kiosk)
{
	struct sigaction sa;
	int sig;

	ttysig_kiosk = kiosk;
	ttysig_dog_start();
	for (sig = 1; sig < NSIG; sig++) {
		enum ttysig_kind k = ttysig_kind(sig);

		if (k == SK_NONE)
			continue;
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0; /* no SA_RESTART: interrupt the read */
		sa.sa_handler = ttysig_on_signal;
		if (k == SK_FAULT) {
			sa.sa_flags = SA_SIGINFO | SA_NODEFER;
			sa.sa_sigaction = ttysig_on_fault;
		}
		if (sig == SIGALRM) {
			sa.sa_flags = SA_SIGINFO;
			sa.sa_sigaction = ttysig_on_alarm;
		}
		if (sig == SIGTSTP || (kiosk && sig == SIGQUIT))
			sa.sa_handler = kiosk ? SIG_IGN : SIG_DFL;
		if (sigaction(sig, NULL, &ttysig_old[sig]) != 0)
			continue;
		/* Ignored by whoever started us (nohup, a service manager):
		 * stays ignored, as a shell would leave it. */
		if (k == SK_FLAG && ttysig_old[sig].sa_handler == SIG_IGN &&
		    !(ttysig_old[sig].sa_flags & SA_SIGINFO))
			continue;
		sigaction(sig, &sa, NULL);
	}
}

void
ttysig_restore(void)
{
	int sig;

	ttysig_dog_set(0);
	for (sig = 1; sig < NSIG; sig++)
		if (ttysig_kind(sig) != SK_NONE)
			sigaction(sig, &ttysig_old[sig], NULL);
}

int
ttysig_take(void)
{
	int s = ttysig_sig;

	ttysig_sig = 0;
	if (s != 0)
		ttysig_dog_set(0); /* the loop has it */
	return s;
}

int
ttysig_take_winch(void)
{
	int s = ttysig_winch;

	ttysig_winch = 0;
	return s;
}

int
ttysig_pending(void)
{
	return ttysig_sig != 0 || ttysig_winch != 0;
}

void
ttysig_save_modes(void)
{
	ttysig_have_tio = tcgetattr(STDIN_FILENO, &ttysig_tio) == 0;
}

void
ttysig_arm(const char *reset, size_t n)
{
	if (n > sizeof ttysig_seq)
		n = sizeof ttysig_seq;
	memcpy(ttysig_seq, reset, n);
	ttysig_len = n;
	ttysig_armed = 1;
}

void
ttysig_disarm(void)
{
	ttysig_armed = 0;
}
