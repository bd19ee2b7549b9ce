/*
 * loading.c - a big file shown while it loads; see loading.h.
 *
 * The thread does what main does for a small file before the browser
 * starts (load_path, doc_finish, the search index) and then only sets a
 * flag: the browser is made and the keys are given again on the main
 * thread, which owns everything on screen.  The thread blocks every
 * signal, so that the terminal's signals still reach the main thread
 * (ttysig.h).
 */
#include "loading.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "search.h"
#include "xalloc.h"

struct key_log {
	struct key_event *v;
	size_t n, cap;
};

struct loading {
	/* the beginning, until the whole replaces it */
	struct doc *head;
	struct search_index *head_ix;
	struct browser *b; /* the browser to draw: head's, then whole's */
	struct key_log applied; /* keys the beginning's browser took */
	struct key_log held;    /* keys waiting for the whole */
	const struct browser_opts *bo;
	const struct doc *help;
	/* written by the thread until done is set, read after */
	char *path;
	struct doc *whole;
	struct search_index *whole_ix;
	struct diag_list diags;
	int failed;
	atomic_int done;
	pthread_t thread;
	int joined; /* the whole is in (or failed) */
};

static void
key_log_push(struct key_log *g, const struct key_event *k)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 32;
		g->v = xreallocarray(g->v, g->cap, sizeof *g->v);
	}
	g->v[g->n++] = *k;
}

/* Releases the beginning's browser, index and doc, and the kept keys. */
static void
loading_drop_head(struct loading *l)
{
	browser_free(l->b);
	search_index_free(l->head_ix);
	doc_free(l->head);
	l->b = NULL;
	l->head_ix = NULL;
	l->head = NULL;
	free(l->applied.v);
	free(l->held.v);
	memset(&l->applied, 0, sizeof l->applied);
	memset(&l->held, 0, sizeof l->held);
}

static void *
loading_thread(void *arg)
{
	struct loading *l = arg;
	struct doc *d = doc_new();

	if (load_path(d, l->path, &l->diags) != 0) {
		doc_free(d);
		l->failed = 1;
	} else {
		doc_finish(d, &l->diags);
		l->whole_ix = search_index_new(d);
		l->whole = d;
	}
	atomic_store(&l->done, 1);
	return NULL;
}

struct loading *
loading_new(const char *path, struct doc *head, const struct browser_opts *bo,
    const struct doc *help, char **err)
{
	struct loading *l = xcalloc(1, sizeof *l);
	sigset_t all, old;

	l->head = head;
	l->head_ix = search_index_new(head);
	l->bo = bo;
	l->help = help;
	l->b = browser_new(head, l->head_ix, bo, err);
	if (l->b == NULL) {
		search_index_free(l->head_ix);
		doc_free(head);
		free(l);
		return NULL;
	}
	if (help != NULL)
		browser_set_help(l->b, help);
	browser_set_loading(l->b, 1);
	l->path = xstrdup(path);
	atomic_init(&l->done, 0);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&l->thread, NULL, loading_thread, l) != 0) {
		/* no thread: load here, the way a small file loads */
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		loading_thread(l);
		l->thread = pthread_self();
		return l;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return l;
}

struct browser *
loading_browser(struct loading *l)
{
	return l->b;
}

enum browser_status
loading_key(struct loading *l, const struct key_event *k)
{
	int w, h;

	if (l->joined)
		return browser_key(l->b, k);
	if (l->held.n > 0 || browser_waits_whole(l->b, k)) {
		key_log_push(&l->held, k);
		/* the beginning is still drawn at the terminal's size */
		if (k->key == K_RESIZE)
			browser_key(l->b, k);
		return BROWSER_CONTINUE;
	}
	/* Each key is kept with the size it acted on: the whole's browser
	 * starts at 80x24 and never saw the renders in between. */
	browser_size(l->b, &w, &h);
	if (k->key != K_RESIZE) {
		struct key_event size = {0};

		size.key = K_RESIZE;
		size.w = w;
		size.h = h;
		key_log_push(&l->applied, &size);
	}
	key_log_push(&l->applied, k);
	return browser_key(l->b, k);
}

int
loading_busy(const struct loading *l)
{
	return !l->joined && !atomic_load(&l->done);
}

int
loading_poll(struct loading *l, enum browser_status *status)
{
	struct browser *nb;
	char *err = NULL;
	size_t i;
	int w, h;

	*status = BROWSER_CONTINUE;
	if (l->joined || !atomic_load(&l->done))
		return 0;
	if (!pthread_equal(l->thread, pthread_self()))
		pthread_join(l->thread, NULL);
	l->joined = 1;
	if (l->failed)
		return -1;
	nb = browser_new(l->whole, l->whole_ix, l->bo, &err);
	if (nb == NULL) {
		/* the options were fine for the beginning; keep it */
		free(err);
		browser_set_loading(l->b, 0);
		return 1;
	}
	if (l->help != NULL)
		browser_set_help(nb, l->help);
	browser_size(l->b, &w, &h);
	for (i = 0; i < l->applied.n; i++)
		(void)browser_key(nb, &l->applied.v[i]);
	{
		struct key_event size = {0};

		size.key = K_RESIZE;
		size.w = w;
		size.h = h;
		(void)browser_key(nb, &size);
	}
	for (i = 0; i < l->held.n && *status == BROWSER_CONTINUE; i++)
		*status = browser_key(nb, &l->held.v[i]);
	loading_drop_head(l);
	l->b = nb;
	return 1;
}

const struct diag_list *
loading_diags(const struct loading *l)
{
	return &l->diags;
}

void
loading_free(struct loading *l)
{
	if (l == NULL)
		return;
	if (!l->joined && !atomic_load(&l->done)) {
		/* A quit while the thread loads: the process ends right
		 * after this, and the thread with it.  The thread still
		 * writes to l, so l and what the thread makes are left to
		 * the exit; what is on screen is released. */
		pthread_detach(l->thread);
		loading_drop_head(l);
		return;
	}
	if (!l->joined && !pthread_equal(l->thread, pthread_self()))
		pthread_join(l->thread, NULL);
	loading_drop_head(l); /* (the whole's browser, once it came) */
	search_index_free(l->whole_ix);
	doc_free(l->whole);
	diag_clear(&l->diags);
	free(l->path);
	free(l);
}
