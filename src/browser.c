/*
 * browser.c - the browser state, the key table and dispatch; see
 * browser.h and browser_int.h.  Screens: outline.c, pager.c, help.c.
 *
 * Every key goes through one table (bindings.h): key -> action, and the
 * action is carried out here.
 */
#include "browser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "bindings.h"
#include "browser_int.h"
#include "rows.h"
#include "i18n.h"
#include "xalloc.h"

struct render_opts
browser_ropts(const struct browser *b, int width)
{
	struct render_opts o;

	o.width = width < 1 ? 1 : width;
	o.ambiguous = b->o.ambiguous == 2 ? 2 : 1;
	o.ascii = b->o.ascii;
	return o;
}

struct browser *
browser_new(const struct doc *d, const struct search_index *ix,
    const struct browser_opts *o, char **err)
{
	struct browser *b = xcalloc(1, sizeof *b);

	*err = NULL;
	b->d = d;
	b->ix = ix;
	b->o = *o;
	if (b->o.ambiguous != 2)
		b->o.ambiguous = 1;
	b->lang = xstrdup(o->lang ? o->lang : "en");
	b->o.lang = b->lang;
	b->o.search = NULL;
	b->o.open_id = NULL;
	b->w = 80;
	b->h = 24;
	filter_init(&b->s.f, d, ix);
	outline_init(b);
	if (o->expand_all)
		memset(b->ent_open, 1, d->nentries);
	if (o->search != NULL && *o->search != '\0' && searchui_available(b)) {
		const char *p = o->search;

		searchui_begin(b);
		while (*p != '\0') {
			ucs4_t c;
			int m = u8_strmbtouc(&c, (const uint8_t *)p);

			if (m <= 0)
				break;
			searchui_type(b, c);
			p += m;
		}
		searchui_accept(b);
	}
	/* In English on purpose: without UTF-8 a Japanese message would
	 * itself show as '?'. */
	if (o->no_utf8)
		rows_msg_set(&b->msg, "%s",
		    "No UTF-8 locale: Japanese shows as '?' (set LANG to a "
		    "UTF-8 locale)");
	if (o->open_id != NULL) {
		const struct entry *e = doc_entry_by_id(d, o->open_id);
		const struct section *sec = doc_section_by_id(d, o->open_id);

		if (e == NULL && sec != NULL) {
			outline_select(b, b->sec_item[sec - d->secs]);
			pager_open(b, PV_SECTION, (uint32_t)(sec - d->secs));
			return b;
		}
		if (e == NULL) {
			*err = xasprintf("no entry with id '%s'", o->open_id);
			browser_free(b);
			return NULL;
		}
		outline_select(b, b->ent_item[e - d->entries]);
		pager_open(b, PV_ENTRY, (uint32_t)(e - d->entries));
	}
	return b;
}

void
browser_set_help(struct browser *b, const struct doc *help)
{
	b->help = help;
	b->page.valid = 0;
}

void
browser_free(struct browser *b)
{
	if (b == NULL)
		return;
	outline_free(b);
	free(b->items);
	free(b->sec_item);
	free(b->ent_item);
	free(b->sec_open);
	free(b->ent_open);
	free(b->hist);
	free(b->jumps);
	searchui_free(b);
	page_free(&b->page);
	free(b->rows);
	rows_msg_clear(&b->msg);
	free(b->lang);
	free(b);
}

/* Kiosk: the next visitor sees nothing of the last one. */
static void
browser_home(struct browser *b)
{
	b->mode = MODE_OUTLINE;
	b->nhist = 0;
	b->njumps = 0;
	searchui_reset(b);
	outline_reset(b);
}

static enum browser_status
browser_act(struct browser *b, const struct binding *k, uint32_t kc)
{
	int pager = b->mode == MODE_PAGER;

	/* An empty document (no collection at all) has no outline to act
	 * on; help and quit still work. */
	if (!pager && b->nitems == 0 && k->action != ACT_QUIT &&
	    k->action != ACT_HELP)
		return BROWSER_CONTINUE;
	switch (k->action) {
	case ACT_ENTER:
	case ACT_OPEN:
	case ACT_CLOSE:
	case ACT_SECTION_ALL:
	case ACT_PAGER:
		/* Nothing to act on (a search without hits). */
		if (!outline_item_selectable(b, b->sel))
			return BROWSER_CONTINUE;
		break;
	default:
		break;
	}
	if (k->action != ACT_SEARCH_TYPE && k->action != ACT_SEARCH_BS &&
	    k->action != ACT_SEARCH_WORD && k->action != ACT_SEARCH_KILL)
		searchui_sync(b);
	if ((k->flags & KF_JUMP) && !pager)
		outline_jump_push(b);
	switch (k->action) {
	case ACT_QUIT:
		return BROWSER_QUIT;
	case ACT_HOME:
		browser_home(b);
		break;
	case ACT_UP:
	case ACT_DOWN:
		if (pager)
			pager_scroll(b, k->action == ACT_UP ? -1 : 1);
		else
			outline_move(b, k->action == ACT_UP ? -1 : 1);
		break;
	case ACT_PGUP:
	case ACT_PGDN:
		if (pager)
			pager_page(b, k->action == ACT_PGUP ? -1 : 1);
		else
			outline_page(b, k->action == ACT_PGUP ? -1 : 1);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		if (pager)
			pager_edge(b, k->action == ACT_BOTTOM);
		else
			outline_edge(b, k->action == ACT_BOTTOM);
		break;
	case ACT_ENTER:
		outline_open(b, 1);
		break;
	case ACT_OPEN:
		outline_open(b, 0);
		break;
	case ACT_CLOSE:
		outline_close(b);
		break;
	case ACT_SECTION_ALL: {
		const struct item *it = &b->items[b->sel];
		uint32_t sec = it->kind == ITEM_SECTION
		                   ? it->idx
		                   : b->d->entries[it->idx].section;

		outline_toggle_section_all(b, sec);
		break;
	}
	case ACT_ALL:
		outline_toggle_all(b);
		break;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
		outline_next_section(b, k->action == ACT_NEXT_SECTION ? 1 : -1);
		break;
	case ACT_PAGER: {
		const struct item *it = &b->items[b->sel];

		pager_open(b, it->kind == ITEM_SECTION ? PV_SECTION : PV_ENTRY,
		    it->idx);
		break;
	}
	case ACT_HELP:
		pager_open(b, PV_HELP, 0);
		break;
	case ACT_BACK:
		if (pager)
			pager_back(b);
		else
			outline_jump_back(b);
		break;
	case ACT_LEAVE:
		if (b->pv.kind == PV_HELP)
			pager_back(b);
		else
			pager_close(b);
		break;
	case ACT_NEXT_ENTRY:
	case ACT_PREV_ENTRY:
		pager_next_entry(b, k->action == ACT_NEXT_ENTRY ? 1 : -1);
		break;
	case ACT_NEXT_LINK:
	case ACT_PREV_LINK:
		pager_next_link(b, k->action == ACT_NEXT_LINK ? 1 : -1);
		break;
	case ACT_FOLLOW:
		pager_follow(b);
		break;
	case ACT_SEARCH:
		searchui_begin(b);
		break;
	case ACT_SEARCH_TYPE:
		searchui_type(b, kc);
		break;
	case ACT_SEARCH_BS:
	case ACT_SEARCH_WORD:
	case ACT_SEARCH_KILL:
		searchui_erase(b, k->action - ACT_SEARCH_BS);
		break;
	case ACT_SEARCH_ACCEPT:
		searchui_accept(b);
		break;
	case ACT_SEARCH_CANCEL:
		searchui_cancel(b);
		break;
	case ACT_NEXT_HIT:
	case ACT_PREV_HIT:
		if (pager)
			pager_next_hit(
			    b, k->action == ACT_NEXT_HIT ? 1 : -1, 0);
		else
			searchui_step(b, k->action == ACT_NEXT_HIT ? 1 : -1);
		break;
	case ACT_ESC:
		searchui_clear(b);
		break;
	default:
		break;
	}
	return BROWSER_CONTINUE;
}

static void
browser_mouse(struct browser *b, const struct key_event *k)
{
	struct screen scr;

	if (!b->o.mouse || (b->mode == MODE_OUTLINE && b->nitems == 0))
		return;
	searchui_sync(b);
	if (k->button == 4 || k->button == 5) {
		int n = k->button == 4 ? -3 : 3;

		if (b->mode == MODE_PAGER)
			pager_scroll(b, n);
		else
			outline_scroll(b, n);
		return;
	}
	if (k->button != 1)
		return;
	/* The click refers to what is on screen now: lay it out again at
	 * the current size (a --dump run never rendered in between). */
	browser_render(b, b->w, b->h, &scr);
	screen_free(&scr);
	if (b->mode == MODE_PAGER)
		pager_click(b, k->x, k->y);
	else
		outline_click(b, k->x, k->y);
}

enum browser_status
browser_key(struct browser *b, const struct key_event *k)
{
	const struct binding *bd;
	unsigned mode;

	rows_msg_clear(&b->msg);
	switch (k->key) {
	case K_RESIZE:
		b->w = k->w > 0 ? k->w : 1;
		b->h = k->h > 0 ? k->h : 1;
		return BROWSER_CONTINUE;
	case K_IDLE:
		if (b->o.kiosk)
			browser_home(b);
		return BROWSER_CONTINUE;
	case K_MOUSE:
		browser_mouse(b, k);
		return BROWSER_CONTINUE;
	default:
		break;
	}
	mode = b->s.active               ? MB_SEARCH
	       : b->mode == MODE_OUTLINE ? MB_OUTLINE
	       : b->pv.kind == PV_HELP   ? MB_HELP
	                                 : MB_PAGER;
	bd = bindings_lookup(k, mode, b->o.kiosk, b->o.allow_quit);
	if (bd == NULL)
		return BROWSER_CONTINUE;
	return browser_act(b, bd, k->ch);
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
			    rows_width(s, b->o.ambiguous));
			rows_fit(l, &t, w, b->o.ambiguous, 0);
			sline_free(&t);
		} else {
			sline_pad(l, w, 0);
		}
	}
}

void
browser_render(struct browser *b, int w, int h, struct screen *out)
{
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	searchui_sync(b);
	memset(out, 0, sizeof *out);
	out->w = w;
	out->h = h;
	b->w = w;
	b->h = h;
	if (w < MIN_W || h < MIN_H) {
		free(b->rows);
		b->rows = NULL;
		b->nrows = 0;
		render_too_small(b, w, h, out);
		return;
	}
	if (b->mode == MODE_PAGER)
		pager_render(b, out);
	else
		outline_render(b, out);
}
