/*
 * loading.h - a big file shown while it loads: the browser starts on the
 * file's beginning (load_path_head()) while a thread loads the whole, and
 * is replaced by a browser on the whole once it is there.
 *
 * The replacement is the same state: every key the beginning's browser
 * took is kept, and the whole's browser takes them again in order (the
 * browser is a pure state machine, so the keys decide the state, whatever
 * was drawn in between).  Keys that act on the whole document (a search,
 * the end: browser_waits_whole()) are held, and every key after them, and
 * given to the whole's browser when it comes: no key is lost or applied to
 * half the file, and the status row says it is loading meanwhile.
 *
 * Ownership: a loading owns the beginning's doc (given to loading_new()),
 * both browsers, the whole's doc, its search index and the thread;
 * loading_free() releases them.  The browser options, the help FAQ and the
 * romaji stay the caller's and must outlive it.
 */
#ifndef FAQ_LOADING_H
#define FAQ_LOADING_H

#include "browser.h"
#include "diag.h"
#include "doc.h"

struct loading;

/*
 * Starts loading path whole on a thread, and a browser on head (a doc
 * loaded by load_path_head() and doc_finish()ed; the loading owns it from
 * here).  help may be NULL.  Returns NULL with *err (malloc'd) set when
 * the browser cannot start with these options.
 */
struct loading *loading_new(const char *path, struct doc *head,
    const struct browser_opts *bo, const struct doc *help, char **err);

/* The browser to draw now: the beginning's, then the whole's. */
struct browser *loading_browser(struct loading *l);

/* Applies a key (browser_key()), or holds it while the whole loads. */
enum browser_status loading_key(struct loading *l, const struct key_event *k);

/*
 * Whether the whole has come since the last call: returns 1 when the
 * browser changed (the held keys have been applied; *status says whether
 * one of them quit), 0 when nothing changed, -1 when the whole could not
 * be loaded (loading_diags() says why).
 */
int loading_poll(struct loading *l, enum browser_status *status);

/* Whether the thread is still loading. */
int loading_busy(const struct loading *l);

/* The whole load's problems, once loading_poll() has said it came. */
const struct diag_list *loading_diags(const struct loading *l);

/* Releases everything.  A thread still loading is left to finish on its
 * own (a quit never waits for it): only call this at the program's end. */
void loading_free(struct loading *l);

#endif
