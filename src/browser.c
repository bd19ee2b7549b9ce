/*
 * browser.c - the browser: the views, the search field and the message
 * line, a key in, a screen out; see browser.h.
 *
 * Every key goes through one table (bindings.h) to an action.  Navigation
 * that every view has (move, page, edge, back, next hit, click, draw) goes
 * through the current view's table of operations (view.h); the rest of a
 * view's keys through its act operation; the search field and the quit and
 * home keys are handled here.  A view answers with an intent, and
 * browser_set_view() is the only place the current view changes, as
 * window_pane_set_mode() is in tmux.
 */
#include "browser.h"

#include <stdlib.h>
#include <string.h>


#include "bindings.h"
#include "i18n.h"
#include "outline.h"
#include "pager.h"
#include "render.h"
#include "rows.h"
#include "searchui.h"
#include "view.h"
#include "utf8.h"
#include "xalloc.h"

/* The views; the outline is the home view. */
enum { VIEW_OUTLINE, VIEW_PAGER, VIEW_COUNT };

struct view {
	const struct view_ops *ops;
	void *data;
};

struct browser {
	struct view_env env; /* what the views read; written here only */
	struct view views[VIEW_COUNT];
	int cur;               /* the current view */
	struct searchui field; /* the search field on the status row */
	struct rows_msg msg;   /* cleared by the next key */
	int countdown;         /* seconds to the idle reset shown, or 0 */
	int loading;           /* the doc is a file's beginning (loading.h) */
};

/* The one place where the current view changes: the old view is left
 * (and the search field with it), the new one entered with the intent. */
static void
browser_set_view(struct browser *b, int id, const struct intent *in)
{
	struct view *old = &b->views[b->cur], *v = &b->views[id];

	if (id != b->cur) {
		if (b->field.active && b->field.view == b->cur)
			searchui_close(&b->field);
		if (old->ops->leave != NULL)
			old->ops->leave(old->data);
	}
	b->cur = id;
	if (v->ops->enter != NULL)
		v->ops->enter(v->data, in);
}

/* Carries out what a view asked for. */
static void
browser_carry(struct browser *b, struct intent *in)
{
	rows_msg_move(&b->msg, &in->msg);
	switch (in->kind) {
	case INTENT_PAGER:
		browser_set_view(b, VIEW_PAGER, in);
		break;
	case INTENT_LEAVE:
		browser_set_view(b, VIEW_OUTLINE, in);
		break;
	case INTENT_QUIT:
	case INTENT_NONE:
		break;
	}
}

/* Brings every view's deferred work (a search typed ahead) up to date. */
static void
browser_sync(struct browser *b)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++)
		if (b->views[i].ops->sync != NULL)
			b->views[i].ops->sync(b->views[i].data);
}

/* `/`: the field opens on the current view, with its query. */
static void
browser_search_begin(struct browser *b, struct intent *in)
{
	struct view *v = &b->views[b->cur];
	const char *q = NULL;

	if (b->env.ix == NULL) {
		rows_msg_set(&in->msg, "%s", _("Search is not available"));
		return;
	}
	if (v->ops->search_begin == NULL || !v->ops->search_begin(v->data, &q))
		return;
	searchui_begin(&b->field, b->cur, q);
}

/* The field's text changed: the view it edits hears of it. */
static void
browser_search_edited(struct browser *b, struct intent *in)
{
	struct view *v = &b->views[b->field.view];

	v->ops->search_edit(v->data, b->field.q, b->field.len, in);
}

/* A printable key while searching, or (kiosk) one that starts a search. */
static void
browser_search_type(struct browser *b, uint32_t ch, struct intent *in)
{
	if (!searchui_showable(ch))
		return;
	if (!b->field.active)
		browser_search_begin(b, in);
	if (b->field.active && searchui_type(&b->field, ch))
		browser_search_edited(b, in);
}

/* Enter (accept) or Esc: the field gives the keys back. */
static void
browser_search_end(struct browser *b, int accept, struct intent *in)
{
	struct view *v = &b->views[b->field.view];

	if (!b->field.active)
		return;
	/* Up brings it back next time; a kiosk visit leaves nothing. */
	if (accept && !b->env.kiosk)
		searchui_remember(&b->field);
	searchui_close(&b->field);
	v->ops->search_end(v->data, accept, b->field.before, in);
}

void
browser_set_del_marks(struct browser *b, int on)
{
	b->env.del_marks = on != 0;
}

struct browser *
browser_new(const struct doc *d, const struct search_index *ix,
    const struct browser_opts *o, char **err)
{
	struct browser *b = xcalloc(1, sizeof *b);
	struct intent in;

	*err = NULL;
	b->env.d = d;
	b->env.ix = ix;
	b->env.romaji = o->romaji;
	b->env.order_best = o->order_best;
	b->env.ambiguous = o->ambiguous == 2 ? 2 : 1;
	b->env.max_width = o->max_width > 0 ? o->max_width : 0;
	b->env.ascii = o->ascii;
	b->env.del_marks = o->del_marks;
	b->env.kiosk = o->kiosk;
	b->env.allow_quit = o->allow_quit;
	b->env.mouse = o->mouse;
	b->env.w = 80;
	b->env.h = 24;
	b->views[VIEW_OUTLINE].ops = &outline_ops;
	b->views[VIEW_OUTLINE].data = outline_new(&b->env, o->expand_all);
	b->views[VIEW_PAGER].ops = &pager_ops;
	b->views[VIEW_PAGER].data = pager_new(&b->env);
	b->cur = VIEW_OUTLINE;
	if (o->search != NULL && *o->search != '\0') {
		const char *p = o->search;

		memset(&in, 0, sizeof in);
		browser_search_begin(b, &in);
		size_t i = 0, n = strlen(p);

		while (b->field.active && i < n)
			browser_search_type(b, utf8_next(p, n, &i), &in);
		if (b->field.active) {
			browser_sync(b);
			browser_search_end(b, 1, &in);
		}
		browser_carry(b, &in);
	}
	/* In English on purpose: without UTF-8 a Japanese message would
	 * itself show as '?'. */
	if (o->no_utf8)
		rows_msg_set(&b->msg, "%s",
		    "No UTF-8 locale: Japanese shows as '?' (set LANG to a "
		    "UTF-8 locale)");
	if (o->notice != NULL)
		rows_msg_set(&b->msg, "%s", o->notice);
	if (o->open_id != NULL) {
		memset(&in, 0, sizeof in);
		if (outline_open_id(
		        b->views[VIEW_OUTLINE].data, o->open_id, &in) == -1) {
			*err = xasprintf("no entry with id '%s'", o->open_id);
			browser_free(b);
			return NULL;
		}
		browser_carry(b, &in);
	}
	return b;
}

void
browser_set_help(struct browser *b, const struct doc *help)
{
	b->env.help = help;
}

void
browser_free(struct browser *b)
{
	int i;

	if (b == NULL)
		return;
	for (i = 0; i < VIEW_COUNT; i++)
		if (b->views[i].data != NULL)
			b->views[i].ops->free(b->views[i].data);
	searchui_free(&b->field);
	rows_msg_clear(&b->msg);
	free(b);
}

/* Kiosk: the next visitor sees nothing of the last one. */
static void
browser_home(struct browser *b)
{
	struct intent in;
	int i;

	memset(&in, 0, sizeof in);
	in.kind = INTENT_LEAVE;
	searchui_reset(&b->field);
	browser_set_view(b, VIEW_OUTLINE, &in);
	for (i = 0; i < VIEW_COUNT; i++)
		b->views[i].ops->reset(b->views[i].data);
}

/* Actions that only edit the field: the search waits for the next sync. */
static int
action_edits(unsigned a)
{
	return a == ACT_SEARCH_TYPE || a == ACT_SEARCH_BS ||
	       a == ACT_SEARCH_WORD || a == ACT_SEARCH_KILL ||
	       a == ACT_SEARCH_KILL_END || a == ACT_SEARCH_DEL ||
	       a == ACT_SEARCH_LEFT || a == ACT_SEARCH_RIGHT ||
	       a == ACT_SEARCH_HOME || a == ACT_SEARCH_END ||
	       a == ACT_SEARCH_HIST_PREV || a == ACT_SEARCH_HIST_NEXT;
}

static enum browser_status
browser_act(struct browser *b, const struct binding *k, uint32_t kc)
{
	struct view *v = &b->views[b->cur];
	const struct view_ops *ops = v->ops;
	struct intent in;
	enum searchui_erase how;

	if (ops->inert != NULL && ops->inert(v->data) &&
	    k->action != ACT_QUIT && k->action != ACT_HELP)
		return BROWSER_CONTINUE;
	if (!action_edits(k->action))
		browser_sync(b);
	if ((k->flags & KF_JUMP) && ops->jump != NULL)
		ops->jump(v->data);
	memset(&in, 0, sizeof in);
	switch (k->action) {
	case ACT_QUIT:
		return BROWSER_QUIT;
	case ACT_HOME:
		browser_home(b);
		return BROWSER_CONTINUE;
	case ACT_UP:
	case ACT_DOWN:
		ops->move(v->data, k->action == ACT_UP ? -1 : 1, &in);
		break;
	case ACT_PGUP:
	case ACT_PGDN:
		ops->page(v->data, k->action == ACT_PGUP ? -1 : 1, &in);
		break;
	case ACT_HALF_UP:
	case ACT_HALF_DOWN: {
		/* less and vim: half the screen, the view moves. */
		int n = (b->env.h - 1) / 2 > 0 ? (b->env.h - 1) / 2 : 1;

		ops->scroll(v->data, k->action == ACT_HALF_UP ? -n : n, &in);
		break;
	}
	case ACT_TOP:
	case ACT_BOTTOM:
		ops->edge(v->data, k->action == ACT_BOTTOM, &in);
		break;
	case ACT_BACK:
		ops->back(v->data, &in);
		break;
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT:
		ops->next_hit(v->data, k->action == ACT_NEXT_HIT ? 1 : -1, &in);
		break;
	case ACT_SEARCH:
		browser_search_begin(b, &in);
		break;
	case ACT_SEARCH_TYPE:
		browser_search_type(b, kc, &in);
		break;
	case ACT_SEARCH_BS:
	case ACT_SEARCH_WORD:
	case ACT_SEARCH_KILL:
	case ACT_SEARCH_KILL_END:
	case ACT_SEARCH_DEL:
		how = k->action == ACT_SEARCH_BS       ? SEARCHUI_CHAR
		      : k->action == ACT_SEARCH_WORD   ? SEARCHUI_WORD
		      : k->action == ACT_SEARCH_KILL   ? SEARCHUI_ALL
		      : k->action == ACT_SEARCH_DEL    ? SEARCHUI_DEL
		                                       : SEARCHUI_TO_END;
		if (searchui_erase(&b->field, how))
			browser_search_edited(b, &in);
		break;
	case ACT_SEARCH_LEFT:
	case ACT_SEARCH_RIGHT:
	case ACT_SEARCH_HOME:
	case ACT_SEARCH_END:
		searchui_move(&b->field,
		    k->action == ACT_SEARCH_LEFT    ? SEARCHUI_LEFT
		    : k->action == ACT_SEARCH_RIGHT ? SEARCHUI_RIGHT
		    : k->action == ACT_SEARCH_HOME  ? SEARCHUI_HOME
		                                    : SEARCHUI_END);
		break;
	case ACT_SEARCH_HIST_PREV:
	case ACT_SEARCH_HIST_NEXT:
		if (searchui_history(&b->field,
		        k->action == ACT_SEARCH_HIST_PREV ? -1 : 1))
			browser_search_edited(b, &in);
		break;
	case ACT_SEARCH_ACCEPT:
	case ACT_SEARCH_CANCEL:
		browser_search_end(b, k->action == ACT_SEARCH_ACCEPT, &in);
		break;
	default:
		ops->act(v->data, (enum action)k->action, &in);
		break;
	}
	browser_carry(b, &in);
	return in.kind == INTENT_QUIT ? BROWSER_QUIT : BROWSER_CONTINUE;
}

static void
browser_mouse(struct browser *b, const struct key_event *k)
{
	struct view *v = &b->views[b->cur];
	struct screen scr;
	struct intent in;

	if (!b->env.mouse || (v->ops->inert != NULL && v->ops->inert(v->data)))
		return;
	browser_sync(b);
	memset(&in, 0, sizeof in);
	if (k->button == 4 || k->button == 5) {
		v->ops->scroll(v->data, k->button == 4 ? -3 : 3, &in);
		browser_carry(b, &in);
		return;
	}
	if (k->button != 1)
		return;
	/* The click refers to what is on screen now: lay it out again at
	 * the current size (a --dump run never rendered in between). */
	browser_render(b, b->env.w, b->env.h, &scr);
	screen_free(&scr);
	v->ops->click(v->data, k->x, k->y, &in);
	browser_carry(b, &in);
}

/* The current view's position within its rules at the current size. */
static void
browser_settle(struct browser *b)
{
	struct view *v = &b->views[b->cur];

	if (v->ops->settle != NULL)
		v->ops->settle(v->data);
}

static enum browser_status
browser_event(struct browser *b, const struct key_event *k)
{
	const struct binding *bd;
	unsigned mode;

	switch (k->key) {
	case K_RESIZE:
		/* A query typed before the resize is searched for at the
		 * size it was typed at, as a terminal that drew in between
		 * did (where the search puts the view depends on the size). */
		browser_sync(b);
		b->env.w = k->w > 0 ? k->w : 1;
		b->env.h = k->h > 0 ? k->h : 1;
		return BROWSER_CONTINUE;
	case K_IDLE:
		if (b->env.kiosk)
			browser_home(b);
		return BROWSER_CONTINUE;
	case K_MOUSE:
		browser_mouse(b, k);
		return BROWSER_CONTINUE;
	default:
		break;
	}
	mode = b->field.active
	           ? MB_SEARCH
	           : b->views[b->cur].ops->keys(b->views[b->cur].data);
	bd = bindings_lookup(k, mode, b->env.kiosk, b->env.allow_quit);
	if (bd == NULL)
		return BROWSER_CONTINUE;
	return browser_act(b, bd, k->ch);
}

/* Every event ends with the view settled, so that what the next key acts
 * on is the same whether or not a screen was drawn in between (view.h). */
enum browser_status
browser_key(struct browser *b, const struct key_event *k)
{
	enum browser_status st;

	rows_msg_clear(&b->msg);
	if (k->key != K_RESIZE)
		b->countdown = 0;
	st = browser_event(b, k);
	if (st == BROWSER_CONTINUE)
		browser_settle(b);
	return st;
}

int
browser_waits_whole(const struct browser *b, const struct key_event *k)
{
	const struct binding *bd;
	unsigned mode;

	if (k->key == K_RESIZE || k->key == K_IDLE || k->key == K_MOUSE)
		return 0;
	if (b->field.active)
		return 1; /* every key edits the query or leaves the field */
	mode = b->views[b->cur].ops->keys(b->views[b->cur].data);
	bd = bindings_lookup(k, mode, b->env.kiosk, b->env.allow_quit);
	if (bd == NULL)
		return 0;
	switch (bd->action) {
	case ACT_BOTTOM:
	case ACT_SEARCH:
	case ACT_SEARCH_TYPE:
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT:
	case ACT_ORDER:
		return 1;
	default:
		return 0;
	}
}

void
browser_set_loading(struct browser *b, int on)
{
	b->loading = on;
}

void
browser_size(const struct browser *b, int *w, int *h)
{
	*w = b->env.w;
	*h = b->env.h;
}

void
browser_countdown(struct browser *b, int secs)
{
	b->countdown = b->env.kiosk && secs > 0 ? secs : 0;
}

/* Below this the screen only says so (every row still exactly w wide). */
#define MIN_W 20
#define MIN_H 5

static void
render_too_small(struct browser *b, int w, int h, struct screen *out)
{
	int y;

	for (y = 0; y < h; y++) {
		struct sline *l = slines_push(&out->rows);

		if (y == 0) {
			struct sline t = {0};
			const char *s = _("Terminal too small");

			sline_append(&t, s, strlen(s), AT_STATUS,
			    rows_width(s, b->env.ambiguous));
			rows_fit(l, &t, w, b->env.ambiguous, 0);
			sline_free(&t);
		} else {
			sline_pad(l, w, 0);
		}
	}
}

/*
 * A message on the status row (a one-shot message, the idle countdown):
 * one row when it fits beside the indicator; a longer one is wrapped with
 * the Japanese line-breaking rules, never cut mid-word ("…質問はありま"),
 * onto as many rows as it needs, up to half the screen, taken from the
 * bottom of the view for this one screen (the next key drops the
 * message).  The indicator ends the last row when it fits there.
 */
static void
status_message(struct browser *b, const char *msg, const char *right, int w,
    int h, struct screen *out)
{
	int amb = b->env.ambiguous;
	int rw = right != NULL ? rows_width(right, amb) : 0;
	int max = (h - 1) / 2 > 1 ? (h - 1) / 2 : 1, n, i;
	struct slines ls = {0};
	struct render_opts ro = view_ropts(&b->env, w);

	if (rows_width(msg, amb) + (rw > 0 ? rw + 1 : 0) <= w || max < 2) {
		rows_status(slines_push(&out->rows), msg, right, w, amb);
		return;
	}
	ro.width = w; /* the status row is not text: --max-width aside */
	render_plain(msg, strlen(msg), "", "", 0, AT_STATUS, &ro, NULL, &ls);
	n = ls.n < (size_t)max ? (int)ls.n : max;
	if (n < 1)
		n = 1;
	/* The view's last rows make room. */
	for (i = 1; i < n && out->rows.n > 0; i++)
		sline_free(&out->rows.v[--out->rows.n]);
	if (out->cursor_y > h - n - 1)
		out->cursor_y = h - n - 1 > 0 ? h - n - 1 : 0;
	for (i = 0; i < n; i++) {
		struct sline *dst = slines_push(&out->rows);
		const struct sline *l = &ls.v[i];

		if (i == n - 1 && (size_t)n < ls.n) {
			/* More than half the screen: the rest is left out,
			 * and the row says so. */
			const char *dots = b->env.ascii ? "..." : "\xe2\x80\xa6";
			int dw = rows_width(dots, amb);
			struct sline t = {0};

			rows_fit(&t, l, w - dw > 0 ? w - dw : 0, amb, 0);
			while (t.len > 0 && t.text[t.len - 1] == ' ') {
				t.len--;
				t.width--;
			}
			sline_append(&t, dots, strlen(dots), AT_STATUS, dw);
			rows_fit(dst, &t, w, amb, AT_STATUS);
			sline_free(&t);
		} else if (i == n - 1 && rw > 0 && l->width + rw + 1 <= w) {
			struct sline t = {0}, r = {0};

			sline_copy(&t, l);
			rows_fit(dst, &t, w - rw, amb, AT_STATUS);
			sline_append(&r, right, strlen(right), AT_STATUS, rw);
			sline_copy(dst, &r);
			sline_free(&t);
			sline_free(&r);
		} else {
			rows_fit(dst, l, w, amb, AT_STATUS);
		}
	}
	slines_free(&ls);
}

void
browser_render(struct browser *b, int w, int h, struct screen *out)
{
	struct view *v = &b->views[b->cur];
	struct view_status st = {NULL, NULL};

	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	browser_sync(b);
	memset(out, 0, sizeof *out);
	out->w = w;
	out->h = h;
	/* Rendered at another size than the last K_RESIZE said (a front end
	 * that paints before its first resize event): that is a resize. */
	b->env.w = w;
	b->env.h = h;
	browser_settle(b);
	if (w < MIN_W || h < MIN_H) {
		if (v->ops->hide != NULL)
			v->ops->hide(v->data);
		render_too_small(b, w, h, out);
		return;
	}
	v->ops->render(v->data, out, &st);
	/* The status row: the idle countdown (it concerns every visitor),
	 * the search field while it has the keys, else a message, else what
	 * the view says. */
	if (b->countdown > 0) {
		char *m = xasprintf(
		    _("Returning to the start in %d s (press any key to stay)"),
		    b->countdown);

		status_message(b, m, NULL, w, h, out);
		free(m);
	} else if (b->field.active && b->field.view == b->cur)
		searchui_status(&b->field, &b->env, out, st.right);
	else if (b->msg.text != NULL)
		status_message(b, b->msg.text, st.right, w, h, out);
	else if (b->loading)
		/* the view's hints and position count what is loaded so
		 * far: not true yet */
		rows_status(slines_push(&out->rows), _("Loading the rest of "
		                                       "the file…"),
		    NULL, w, b->env.ambiguous);
	else
		rows_status(slines_push(&out->rows),
		    st.left != NULL ? st.left : "", st.right, w,
		    b->env.ambiguous);
	free(st.left);
	free(st.right);
}
