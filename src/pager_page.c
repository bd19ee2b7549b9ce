/*
 * pager_page.c - lays out the page the pager shows: an entry (its question
 * as the title, the answer with external links numbered and listed after
 * it, as w3m and lynx show them), a section (its introduction, then each
 * question and answer) or the help; see pagerint.h.
 */
#include "pagerint.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "help.h"
#include "i18n.h"
#include "render.h"
#include "rows.h"
#include "search.h"
#include "xalloc.h"

void
page_free(struct page *pg)
{
	size_t i;

	slines_free(&pg->head);
	slines_free(&pg->body);
	free(pg->links);
	free(pg->marks);
	for (i = 0; i < pg->nhrefs; i++)
		free(pg->hrefs[i]);
	free(pg->hrefs);
	answer_units_free(&pg->units);
	free(pg->ustart);
	link_notes_free(&pg->notes);
	memset(pg, 0, sizeof *pg);
}

/* The query's hits in entry i (zeroed when there is no query): in the
 * question, and in the answer as far as it is laid out (*a, NULL when
 * there is no query; search_lazy_free). */
static void
page_hits(struct pager *p, uint32_t i, struct search_hits *h, struct hl_set *q,
    struct hl_lazy **a)
{
	memset(h, 0, sizeof *h);
	*a = NULL;
	if (p->sq != NULL && p->e->ix != NULL) {
		const struct entry *e = &p->e->d->entries[i];

		/* the question's only: search_entry_hits_head() reads the
		 * answer up to its first hit, all 5 MB of it without one */
		h->q = search_text_hits(
		    p->sq, e->question, e->question_len, &h->nq);
		*a = search_answer_lazy(p->e->ix, p->sq, i);
	}
	q->v = h->q;
	q->n = h->nq;
}

static void
page_add_answer(struct pager *p, const struct entry *e, int indent, int w,
    struct hl_lazy *hl, struct slines *out)
{
	struct slines ans = {0};
	struct render_opts ro = view_ropts(p->e, w - indent);
	struct link_notes notes = {0};
	size_t i;

	/* External links numbered, their URLs listed after the answer (as
	 * w3m and lynx show them): readable without following them. */
	ro.notes = &notes;
	render_answer_lazy(doc_entry_answer(p->e->d, e), &ro, hl, &ans);
	for (i = 0; i < ans.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ans.v[i]);
	}
	page_notes_lines(p->e, &notes, w, indent, out);
	link_notes_free(&notes);
	slines_free(&ans);
}

/* A long answer in a section page: its first unit, then a line that is a
 * link to its own entry page, where it is read whole (a window). */
static void
page_add_long(struct pager *p, struct page *pg, uint32_t idx, int indent,
    struct hl_lazy *hl, struct slines *out)
{
	const struct entry *an = page_answer(p, idx);
	const struct entry *e = &p->e->d->entries[idx];
	struct render_opts ro = view_ropts(p->e, pg->w - indent);
	struct answer_units u = {0};
	struct link_notes notes = {0};
	struct slines ans = {0};
	size_t i, more;
	char *msg, *href;

	answer_units_build(an, &u);
	if (u.n < 2) {
		answer_units_free(&u);
		page_add_answer(p, e, indent, pg->w, hl, out);
		return;
	}
	ro.notes = &notes;
	render_units(an, &u, 0, 1, &ro, hl, &ans);
	more = an->text_len - answer_unit_offset(an, &u, 1);
	msg = xasprintf(_("[The answer goes on (%zu KB more): Tab to this "
	                  "line and Enter reads it whole]"),
	    (more + 1023) / 1024);
	href = xasprintf("#%s", e->id);
	pg->hrefs = xreallocarray(pg->hrefs, pg->nhrefs + 1, sizeof *pg->hrefs);
	pg->hrefs[pg->nhrefs++] = href;
	slines_push(&ans);
	i = ans.n;
	render_plain(msg, strlen(msg), "", "", AT_CHROME, AT_CHROME | AT_LINK,
	    &ro, NULL, &ans);
	if (i < ans.n)
		sline_add_link(&ans.v[i], 0, ans.v[i].len, href);
	free(msg);
	for (i = 0; i < ans.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ans.v[i]);
	}
	page_notes_lines(p->e, &notes, pg->w, indent, out);
	link_notes_free(&notes);
	slines_free(&ans);
	answer_units_free(&u);
}

/*
 * A windowed page kept across a change of what it was laid out for:
 * another width (the unit of the top line stays on top, as far into it
 * as it was), the query (the same units again), or a window start pv.u0
 * inside the window (Backspace, Home: the numbers are moved to the
 * window's).  Returns 1 when the page is ready as it is.
 */
static int
page_win_keep(struct pager *p, struct page *pg, int w, size_t *from, size_t *to,
    int *permille)
{
	int t, row, len;
	size_t k;

	if (pg->w == w && pg->gen == p->gen) {
		k = p->pv.u0;
		if (k == pg->u0)
			return 1;
		if (k > pg->u0 && k < pg->u1) {
			int base = pg->ustart[k - pg->u0];
			int nl = 0, i;

			for (i = 0; i < base; i++)
				nl += (int)pg->body.v[i].nlinks;
			p->pv.top += base;
			if (p->pv.hit >= 0)
				p->pv.hit += base;
			if (p->pv.link >= 0)
				p->pv.link += nl;
			p->pv.u0 = (uint32_t)pg->u0;
			return 1;
		}
		*from = k;
		*to = k + 1;
		return 0;
	}
	if (pg->w == w || p->pv.u0 != pg->u0) {
		/* the query changed: the same lines, other highlights */
		*from = p->pv.u0 == pg->u0 ? pg->u0 : p->pv.u0;
		*to = p->pv.u0 == pg->u0 ? pg->u1 : *from + 1;
		return 0;
	}
	t = p->pv.top;
	if (t > (int)pg->body.n - 1)
		t = (int)pg->body.n - 1;
	if (t < 0)
		t = 0;
	k = page_unit_at(pg, t);
	row = t - pg->ustart[k - pg->u0];
	len = pg->ustart[k - pg->u0 + 1] - pg->ustart[k - pg->u0];
	if (row > len)
		row = len;
	*from = k;
	*to = k + 1;
	/* the row scaled once the unit is laid out at the new width */
	*permille = len > 0 ? row * 1000 / len : 0;
	p->pv.hit = -1;
	p->pv.link = -1;
	return 0;
}

struct page *
page_get(struct pager *p)
{
	struct page *pg = &p->page;
	const struct view_env *env = p->e;
	const struct doc *d = env->d;
	int w = env->w, permille = -1, keep = 0;
	struct render_opts ro = view_ropts(env, w);
	struct answer_units units = {0};
	struct link_notes notes = {0};
	size_t from = p->pv.u0, to = from + 1;

	struct search_hits h;
	struct hl_set qh;
	struct hl_lazy *ah;

	if (pg->valid && pg->kind == p->pv.kind && pg->idx == p->pv.idx &&
	    pg->help == env->help) {
		if (pg->win) {
			if (page_win_keep(p, pg, w, &from, &to, &permille))
				return pg;
			/* the answer's units and links stay as they are */
			keep = 1;
			units = pg->units;
			notes = pg->notes;
			memset(&pg->units, 0, sizeof pg->units);
			memset(&pg->notes, 0, sizeof pg->notes);
		} else if (pg->w == w && pg->gen == p->gen) {
			return pg;
		}
	}
	page_free(pg);
	pg->valid = 1;
	pg->gen = p->gen;
	pg->help = env->help;
	pg->kind = p->pv.kind;
	pg->idx = p->pv.idx;
	pg->w = w;
	if (pg->kind == PAGE_ENTRY) {
		const struct entry *e = &d->entries[pg->idx];
		const struct entry *an = page_answer(p, pg->idx);

		page_hits(p, pg->idx, &h, &qh, &ah);
		render_plain(e->question, e->question_len, "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, &qh, &pg->head);
		pg->indent = w > 20 ? 1 : 0;
		if (keep) {
			pg->units = units;
			pg->notes = notes;
		} else if (answer_is_long(an)) {
			answer_units_build(an, &pg->units);
			answer_links_collect(an, &pg->notes);
		}
		pg->win = pg->units.n >= 2;
		if (pg->win) {
			page_win_layout(p, pg, from, to);
			if (permille >= 0)
				p->pv.top = permille *
				            (pg->ustart[1] - pg->ustart[0]) /
				            1000;
		} else {
			page_add_answer(p, e, pg->indent, w, ah, &pg->body);
		}
		search_hits_free(&h);
		search_lazy_free(ah);
	} else if (pg->kind == PAGE_SECTION) {
		const struct section *s = &d->secs[pg->idx];
		const char *bullet =
		    env->ascii ? "* " : "\xe2\x96\xa0 "; /* ■ */
		char *rest = xstrdup(env->ascii ? "  " : "   ");
		uint32_t k;

		if (rows_width(bullet, env->ambiguous) == 2)
			rest[2] = '\0';
		struct hl_set th = {NULL, 0};
		struct hl_range *tr = NULL;
		size_t ntr = 0;

		/* The section's title is searched too (search.h). */
		if (p->sq != NULL)
			tr = search_text_hits(
			    p->sq, s->title, strlen(s->title), &ntr);
		th.v = tr;
		th.n = ntr;
		render_plain(s->title, strlen(s->title), "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, &th, &pg->head);
		free(tr);
		/* The section's own introduction first, as the outline
		 * shows it under the open section. */
		if (s->intro != NULL) {
			struct render_opts io = ro;
			struct slines in = {0};
			size_t k2;

			io.notes = NULL;
			render_answer(s->intro, &io, NULL, &in);
			for (k2 = 0; k2 < in.n; k2++)
				sline_copy(slines_push(&pg->body), &in.v[k2]);
			if (in.n > 0)
				slines_push(&pg->body);
			slines_free(&in);
		}
		pg->marks = xcalloc(s->n ? s->n : 1, sizeof *pg->marks);
		for (k = 0; k < s->n; k++) {
			const struct entry *e = &d->entries[s->first + k];

			pg->marks[pg->nmarks++] = (int)pg->body.n;
			page_hits(p, s->first + k, &h, &qh, &ah);
			render_plain(e->question, e->question_len, bullet, rest,
			    AT_CHROME, AT_HEADING | AT_STRONG, &ro, &qh,
			    &pg->body);
			if (answer_is_long(page_answer(p, s->first + k)))
				page_add_long(p, pg, s->first + k,
				    w > 20 ? 2 : 0, ah, &pg->body);
			else
				page_add_answer(
				    p, e, w > 20 ? 2 : 0, w, ah, &pg->body);
			search_hits_free(&h);
			search_lazy_free(ah);
			if (k + 1 < s->n)
				slines_push(&pg->body);
		}
		free(rest);
	} else {
		const char *t = _("Keys");

		if (env->help != NULL && env->help->ncolls > 0)
			t = env->help->colls[0].title;
		render_plain(t, strlen(t), "", "", 0, AT_HEADING | AT_STRONG,
		    &ro, NULL, &pg->head);
		/* The help FAQ teaches the letter keys; a kiosk visitor has
		 * only the keys listed from the table. */
		if (env->help != NULL && !env->kiosk) {
			const char *k = _("Keys");

			help_doc_lines(env, w, &pg->body);
			render_plain(k, strlen(k), "", "", 0,
			    AT_HEADING | AT_STRONG, &ro, NULL, &pg->body);
		}
		help_lines(env, w, &pg->body);
	}
	if (!pg->win) {
		p->pv.u0 = 0;
		page_links(pg);
	}
	return pg;
}

