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
	slines_free(&pg->head);
	slines_free(&pg->body);
	free(pg->links);
	free(pg->marks);
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
		search_entry_hits_head(p->e->ix, p->sq, i, h);
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
	struct render_opts ro = view_ropts(p->e, w - indent), plain;
	struct link_notes notes = {0};
	size_t i;

	/* External links numbered, their URLs listed after the answer (as
	 * w3m and lynx show them): readable without following them. */
	plain = ro;
	ro.notes = &notes;
	render_answer_lazy(doc_entry_answer(p->e->d, e), &ro, hl, &ans);
	if (notes.n > 0)
		slines_push(&ans);
	for (i = 0; i < notes.n; i++) {
		char *u = xasprintf("[%zu] %s", i + 1, notes.href[i]);

		render_plain(u, strlen(u), "", "    ", 0, AT_DIM, &plain, NULL,
		    &ans);
		free(u);
	}
	for (i = 0; i < ans.n; i++) {
		struct sline *l = slines_push(out);

		sline_pad(l, indent, 0);
		sline_copy(l, &ans.v[i]);
	}
	link_notes_free(&notes);
	slines_free(&ans);
}

struct page *
page_get(struct pager *p)
{
	struct page *pg = &p->page;
	const struct view_env *env = p->e;
	const struct doc *d = env->d;
	int w = env->w;
	struct render_opts ro = view_ropts(env, w);
	size_t i, j;

	struct search_hits h;
	struct hl_set qh;
	struct hl_lazy *ah;

	if (pg->valid && pg->kind == p->pv.kind && pg->idx == p->pv.idx &&
	    pg->w == w && pg->gen == p->gen && pg->help == env->help)
		return pg;
	page_free(pg);
	pg->valid = 1;
	pg->gen = p->gen;
	pg->help = env->help;
	pg->kind = p->pv.kind;
	pg->idx = p->pv.idx;
	pg->w = w;
	if (pg->kind == PAGE_ENTRY) {
		const struct entry *e = &d->entries[pg->idx];

		page_hits(p, pg->idx, &h, &qh, &ah);
		render_plain(e->question, e->question_len, "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, &qh, &pg->head);
		page_add_answer(p, e, w > 20 ? 1 : 0, w, ah, &pg->body);
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
	for (i = 0; i < pg->body.n; i++) {
		const struct sline *l = &pg->body.v[i];

		for (j = 0; j < l->nlinks; j++) {
			pg->links = xreallocarray(
			    pg->links, pg->nlinks + 1, sizeof *pg->links);
			pg->links[pg->nlinks].line = (int)i;
			pg->links[pg->nlinks].start = l->links[j].start;
			pg->links[pg->nlinks].end = l->links[j].end;
			pg->links[pg->nlinks].href = l->links[j].href;
			pg->nlinks++;
		}
	}
	return pg;
}

