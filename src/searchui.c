/*
 * searchui.c - incremental search in the browser (issue 5): the field on
 * the status line, re-filtering the outline on every keystroke, Esc back
 * to the view from before, n/N through the hits.  Matching itself is
 * search.c's; this module only keeps the browser's side of it.
 *
 * Two snapshots: the pristine view (open/closed state, selection, scroll)
 * taken when a filter starts from an unfiltered outline, restored when the
 * filter goes away; and the query, selection and scroll from before the
 * current `/`, restored by Esc while typing.
 */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "browser_int.h"
#include "i18n.h"
#include "search.h"
#include "xalloc.h"

/* The buffer the field edits: the outline's query or the pager's. */
static void
field_buf(struct browser *b, char ***q, size_t **len, size_t **cap)
{
	struct bsearch *s = &b->s;

	if (s->in_pager) {
		*q = &s->pq;
		*len = &s->pqlen;
		*cap = &s->pqcap;
	} else {
		*q = &s->f.q;
		*len = &s->f.qlen;
		*cap = &s->f.qcap;
	}
}

static void
buf_set(char **q, size_t *len, size_t *cap, const char *src, size_t n)
{
	if (n + 1 > *cap) {
		*cap = n + 64;
		*q = xrealloc(*q, *cap);
	}
	memcpy(*q, src, n);
	(*q)[n] = '\0';
	*len = n;
}

/* The pager's query changed: new highlights, and (while typing) the view
 * moves to the first hit at or after where the search started. */
static void
pager_requery(struct browser *b, int jump)
{
	struct bsearch *s = &b->s;
	struct search_query *sq =
	    search_query_new(s->pq ? s->pq : "", s->pqlen);

	search_query_free(s->psq);
	s->psq = NULL;
	if (search_query_nterms(sq) > 0)
		s->psq = sq;
	else
		search_query_free(sq);
	s->pgen++;
	if (jump) {
		b->pv.top = s->pedit_top;
		if (s->psq != NULL)
			pager_next_hit(b, 1, 1);
	}
}

const struct search_query *
searchui_pager_query(const struct browser *b)
{
	return b->s.psq;
}

void
searchui_pager_reset(struct browser *b)
{
	struct bsearch *s = &b->s;

	search_query_free(s->psq);
	s->psq = NULL;
	if (s->pq != NULL)
		s->pq[0] = '\0';
	s->pqlen = 0;
	s->pgen++;
	if (s->in_pager) {
		s->active = 0;
		s->in_pager = 0;
	}
}

void
searchui_pager_inherit(struct browser *b)
{
	struct bsearch *s = &b->s;

	if (!s->f.on)
		return;
	buf_set(&s->pq, &s->pqlen, &s->pqcap, s->f.q, s->f.qlen);
	pager_requery(b, 0);
}

void
searchui_status(
    struct browser *b, struct screen *scr, const char *q, const char *right)
{
	int w = b->w;
	int room = w - (right ? rows_width(right, b->o.ambiguous) + 1 : 0) - 2;
	char *left;

	while (*q != '\0' && rows_width(q, b->o.ambiguous) > room) {
		q++;
		while (((unsigned char)*q & 0xC0) == 0x80)
			q++;
	}
	left = xasprintf("/%s", q);
	scr->cursor_y = b->h - 1;
	scr->cursor_x = rows_width(left, b->o.ambiguous);
	if (scr->cursor_x >= w)
		scr->cursor_x = w - 1;
	rows_status(slines_push(&scr->rows), left, right, w, b->o.ambiguous);
	free(left);
}

static void
searchui_alloc(struct browser *b)
{
	struct bsearch *s = &b->s;
	size_t ne = b->d->nentries ? b->d->nentries : 1;
	size_t ns = b->d->nsecs ? b->d->nsecs : 1;

	if (s->save_sec != NULL)
		return;
	filter_set_query(&s->f, "", 0);
	s->f.dirty = 0;
	s->save_sec = xcalloc(ns, 1);
	s->save_ent = xcalloc(ne, 1);
}

void
searchui_free(struct browser *b)
{
	struct bsearch *s = &b->s;

	filter_free(&s->f);
	free(s->save_sec);
	free(s->save_ent);
	free(s->edit_q);
	free(s->pq);
	free(s->pedit_q);
	search_query_free(s->psq);
	memset(s, 0, sizeof *s);
}

/* Back to the view from before the filter started. */
static void
restore_pristine(struct browser *b)
{
	struct bsearch *s = &b->s;

	memcpy(b->sec_open, s->save_sec, b->d->nsecs);
	memcpy(b->ent_open, s->save_ent, b->d->nentries);
	b->sel = s->save_sel;
	b->top = s->save_top;
}

/* The outline follows what a search did to the filter. */
static void
follow(struct browser *b, enum filter_change c)
{
	struct bsearch *s = &b->s;
	size_t i;

	switch (c) {
	case FILTER_NONE:
		return;
	case FILTER_ENDED:
		restore_pristine(b);
		outline_ensure_head(b);
		return;
	case FILTER_STARTED:
		/* The pristine view, before any filter. */
		memcpy(s->save_sec, b->sec_open, b->d->nsecs);
		memcpy(s->save_ent, b->ent_open, b->d->nentries);
		s->save_sel = b->sel;
		s->save_top = b->top;
		break;
	case FILTER_CHANGED:
		break;
	}
	for (i = 0; i < s->f.nhits; i++)
		b->sec_open[b->d->entries[s->f.hits[i]].section] = 1;
	if (s->f.nhits > 0 && !outline_item_selectable(b, b->sel))
		b->sel = b->ent_item[s->f.hits[0]];
	b->top.item = 0;
	b->top.line = 0;
	if (s->f.nhits > 0)
		outline_ensure_head(b);
}

/* Runs the current query; the outline follows on the next render. */
static void
refilter(struct browser *b)
{
	b->s.f.dirty = 1;
	follow(b, filter_sync(&b->s.f));
}

int
searchui_available(struct browser *b)
{
	if (b->ix == NULL) {
		rows_msg_set(&b->msg, "%s", _("Search is not available"));
		return 0;
	}
	return 1;
}

/* `/`: the field opens with the current query, ready to refine. */
void
searchui_begin(struct browser *b)
{
	struct bsearch *s = &b->s;

	if (!searchui_available(b))
		return;
	searchui_alloc(b);
	if (b->mode == MODE_PAGER) {
		if (b->pv.kind == PV_HELP)
			return;
		s->in_pager = 1;
		free(s->pedit_q);
		s->pedit_q = xstrdup(s->pq ? s->pq : "");
		s->pedit_top = b->pv.top;
		s->active = 1;
		return;
	}
	s->in_pager = 0;
	free(s->edit_q);
	s->edit_q = xstrdup(s->f.q);
	s->edit_sel = b->sel;
	s->edit_top = b->top;
	s->active = 1;
}

void
searchui_type(struct browser *b, uint32_t ch)
{
	struct bsearch *s = &b->s;
	uint8_t buf[8];
	int n;

	/* Only what can be shown: no controls, no bidi overrides. */
	if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0) || ch == 0x2028 ||
	    ch == 0x2029 || (ch >= 0x202A && ch <= 0x202E) ||
	    (ch >= 0x2066 && ch <= 0x2069) || ch > 0x10FFFF ||
	    (ch >= 0xD800 && ch < 0xE000))
		return;
	if (!s->active)
		searchui_begin(b);
	if (!s->active)
		return;
	n = u8_uctomb(buf, ch, sizeof buf);
	if (n <= 0)
		return;
	{
		char **q;
		size_t *len, *cap;

		field_buf(b, &q, &len, &cap);
		if (*len + (size_t)n + 1 > *cap) {
			*cap = (*len + (size_t)n + 1) * 2;
			*q = xrealloc(*q, *cap);
		}
		memcpy(*q + *len, buf, (size_t)n);
		*len += (size_t)n;
		(*q)[*len] = '\0';
	}
	if (s->in_pager)
		pager_requery(b, 1);
	else
		s->f.dirty = 1;
}

/* Backspace: one character; Ctrl-W: back to the previous word; Ctrl-U:
 * everything. */
void
searchui_erase(struct browser *b, int how)
{
	struct bsearch *s = &b->s;
	char **qp;
	size_t *len, *cap, n;
	char *q;

	field_buf(b, &qp, &len, &cap);
	q = *qp;
	n = *len;
	if (q == NULL)
		return;
	if (how == 2) {
		n = 0;
	} else if (how == 1) {
		while (n > 0 && q[n - 1] == ' ')
			n--;
		while (n > 0 && q[n - 1] != ' ')
			n--;
	} else if (n > 0) {
		ucs4_t c;
		const uint8_t *p =
		    u8_prev(&c, (const uint8_t *)q + n, (const uint8_t *)q);

		n = p != NULL ? (size_t)(p - (const uint8_t *)q) : n - 1;
	}
	*len = n;
	q[n] = '\0';
	if (s->in_pager)
		pager_requery(b, 1);
	else
		s->f.dirty = 1;
}

/*
 * Typing only edits the query; the search runs here, when the screen is
 * drawn or another key needs the results.  A front end that draws only
 * when no input is pending thus searches once per burst of keys (a paste,
 * fast typing), for the latest query only.
 */
void
searchui_sync(struct browser *b)
{
	follow(b, filter_sync(&b->s.f));
}

/* Enter: keep the filter and move into the results. */
void
searchui_accept(struct browser *b)
{
	struct bsearch *s = &b->s;

	searchui_sync(b);
	s->active = 0;
	if (s->in_pager) {
		s->in_pager = 0;
		if (s->psq != NULL && b->pv.top == s->pedit_top)
			pager_next_hit(b, 1, 1);
		return;
	}
	if (s->f.on && s->f.nhits > 0) {
		b->sel = b->ent_item[s->f.hits[0]];
		outline_ensure_head(b);
	} else if (s->f.on) {
		rows_msg_set(&b->msg, _("No match for %s"), s->f.q);
	}
}

/* Esc while typing: the query and view from before `/`. */
void
searchui_cancel(struct browser *b)
{
	struct bsearch *s = &b->s;

	searchui_sync(b);
	s->active = 0;
	if (s->in_pager) {
		const char *o = s->pedit_q ? s->pedit_q : "";

		buf_set(&s->pq, &s->pqlen, &s->pqcap, o, strlen(o));
		pager_requery(b, 0);
		b->pv.top = s->pedit_top;
		s->in_pager = 0;
		return;
	}
	filter_set_query(&s->f, s->edit_q ? s->edit_q : "",
	    s->edit_q ? strlen(s->edit_q) : 0);
	refilter(b);
	if (s->f.on) {
		b->sel = s->edit_sel;
		b->top = s->edit_top;
		outline_fix(b);
	}
}

/* Esc on a filtered outline: the filter goes, the old view comes back. */
int
searchui_clear(struct browser *b)
{
	struct bsearch *s = &b->s;

	searchui_sync(b);
	if (!s->f.on)
		return 0;
	filter_set_query(&s->f, "", 0);
	s->active = 0;
	refilter(b);
	return 1;
}

/* Kiosk home: no trace of the query. */
void
searchui_reset(struct browser *b)
{
	struct bsearch *s = &b->s;

	searchui_pager_reset(b);
	filter_reset(&s->f);
	if (s->save_sec == NULL)
		return;
	s->active = 0;
	free(s->edit_q);
	s->edit_q = NULL;
}

/* n/N: the next entry with a hit, its answer opened when the hit is in it. */
void
searchui_step(struct browser *b, int dir)
{
	struct bsearch *s = &b->s;
	const struct item *it = &b->items[b->sel];
	size_t k, cur = 0;
	long at = -1;
	struct search_hits h;

	searchui_sync(b);

	if (!s->f.on || s->f.nhits == 0) {
		rows_msg_set(&b->msg, "%s", _("No search hits"));
		return;
	}
	if (it->kind == ITEM_ENTRY) {
		for (k = 0; k < s->f.nhits; k++)
			if (s->f.hits[k] == it->idx)
				at = (long)k;
	}
	if (at >= 0) {
		long n = at + dir;

		if (n < 0 || n >= (long)s->f.nhits) {
			rows_msg_set(&b->msg, "%s", _("Search wrapped around"));
			n = n < 0 ? (long)s->f.nhits - 1 : 0;
		}
		cur = (size_t)n;
	} else {
		/* From a section row: the first hit below (or above) it. */
		uint32_t first =
		    it->kind == ITEM_SECTION ? b->d->secs[it->idx].first : 0;

		for (k = 0; k < s->f.nhits && s->f.hits[k] < first; k++)
			;
		if (dir < 0)
			k = k > 0 ? k - 1 : s->f.nhits - 1;
		cur = k < s->f.nhits ? k : 0;
	}
	b->sel = b->ent_item[s->f.hits[cur]];
	search_entry_hits(b->ix, s->f.sq, s->f.hits[cur], &h);
	if (h.na > 0)
		b->ent_open[s->f.hits[cur]] = 1;
	search_hits_free(&h);
	outline_ensure_fits(b);
	if (b->msg.text == NULL)
		rows_msg_set(&b->msg, "%zu/%zu", cur + 1, s->f.nhits);
}

int
searchui_entry_hits(const struct browser *b, uint32_t e, struct search_hits *h)
{
	return filter_entry_hits(&b->s.f, e, h);
}
