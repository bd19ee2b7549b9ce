/*
 * shape_heading.c - the headings recogniser (shapeint.h): ## sections,
 * ### questions, the question level guessed from the headings or pinned
 * by front matter "question-level".  Setext headings (a line underlined
 * with === or ---) are headings like any other by the time they get here.
 * A <summary> from the HTML reader (MARK_SUMMARY) is a question too when
 * most of a file's summaries ask one (details_level()).  Also the
 * sections every other shape makes of the headings above its questions.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "shapeint.h"
#include "slug.h"

static int
is_heading(const struct blocks *bl, size_t i)
{
	return bl->blk[i].kind == BLOCK_HEADING;
}

/*
 * Headings: the question level when front matter does not pin it: going
 * down from ##, the first level at which most headings have text right
 * under them, unless most of its headings also contain headings one level
 * deeper (then it is a level of categories with introductions, and the
 * search goes on).  Levels 5 and 6 are never questions.
 */
static int
guess_question_level(const struct blocks *bl, size_t title)
{
	size_t n[6] = {0}, body[6] = {0}, child[6] = {0};
	size_t i;
	int has_parent[7] = {0};
	int l, lv;

	for (i = 0; i < bl->nitems; i++) {
		if (!is_heading(bl, i) || i == title)
			continue;
		lv = bl->blk[i].level;
		if (lv >= 2 && lv <= 4) {
			n[lv]++;
			if (i + 1 < bl->nitems && !is_heading(bl, i + 1))
				body[lv]++;
		}
		/* the nearest open heading one level up gets a child */
		if (lv >= 3 && lv <= 5 && has_parent[lv - 1]) {
			child[lv - 1]++;
			has_parent[lv - 1] = 0; /* count each parent once */
		}
		for (l = lv; l <= 6; l++)
			has_parent[l] = 0;
		has_parent[lv] = 1;
	}
	for (l = 2; l <= 4; l++) {
		if (n[l] == 0 || 2 * body[l] <= n[l])
			continue;
		if (l < 4 && n[l + 1] > 0 && 2 * child[l] > n[l])
			continue;
		return l;
	}
	for (l = 4; l >= 2; l--)
		if (n[l] > 0)
			return l;
	return 3;
}

/*
 * <details> questions: a top-level <summary> (blocks.h MARK_SUMMARY) is a
 * question when most summaries of the file read as questions (end with
 * '?'); a file whose summaries are "TL;DR" or install recipes inside
 * answers keeps them as bold lines.  Returns 0 when they are not
 * questions, else the heading level questions are at: one below the
 * headings that hold summaries, so that those are sections.  *asks gets
 * how many summaries ask.
 */
static int
details_level(struct shape *s, size_t *asks)
{
	const struct blocks *bl = s->bl;
	size_t i, n = 0, under[7] = {0};
	int cur = 0, best = 0, l;
	uint32_t len;
	const char *t;

	*asks = 0;
	for (i = 0; i < bl->nitems; i++) {
		if (is_heading(bl, i) && i != s->title)
			cur = bl->blk[i].level;
		if (bl->items[i].mark != MARK_SUMMARY)
			continue;
		n++;
		under[cur]++;
		t = blocks_heading_text(bl, i, s->d->arena, &len);
		while (len > 0 && t[len - 1] == ' ')
			len--;
		if ((len >= 1 && t[len - 1] == '?') ||
		    (len >= 3 && memcmp(t + len - 3, "\xef\xbc\x9f", 3) == 0))
			(*asks)++;
	}
	if (n == 0 || 2 * *asks < n)
		return 0;
	/* the level most summaries are under: a heading inside an answer
	 * (#### under a <details>) holds fewer of them than the categories */
	for (l = 1; l < 7; l++)
		if (under[l] > under[best])
			best = l;
	return best + 1 < 7 ? (best + 1 > 2 ? best + 1 : 2) : 6;
}

/* The question level: front matter's, the details', or the guess. */
static int
question_level(struct shape *s, int *dq, size_t *asks)
{
	*dq = details_level(s, asks);
	return s->fm->question_level ? s->fm->question_level
	       : *dq != 0            ? *dq
	                             : guess_question_level(s->bl, s->title);
}

/* "Billing / Invoices": the titles of the open categories, 1..level. */
static const char *
nested_title(struct shape *s, const char *const stack[7], int level)
{
	size_t n = 0;
	char *title, *q;
	int l;

	for (l = 1; l <= level; l++)
		if (stack[l] != NULL)
			n += strlen(stack[l]) + 3;
	q = title = arena_alloc(s->d->arena, n + 1);
	for (l = 1; l <= level; l++) {
		if (stack[l] == NULL)
			continue;
		if (q != title) {
			memcpy(q, " / ", 3);
			q += 3;
		}
		memcpy(q, stack[l], strlen(stack[l]));
		q += strlen(stack[l]);
	}
	*q = '\0';
	return title;
}

/*
 * "###Question" without the space after the marks, which CommonMark
 * reads as a paragraph, where a reader sees the next question: one line
 * that starts with exactly q marks and a letter.  Its text, or NULL.
 */
static const char *
hashes(struct shape *s, size_t i, int q, uint32_t *len)
{
	const struct block *b = &s->bl->blk[i];
	const char *t;
	size_t next, k = 0;

	if (b->nspans == 0 || b->spans[0].kind != SPAN_TEXT ||
	    b->spans[0].style != 0 ||
	    *blocks_span_str(s->bl, i, &b->spans[0]) != '#')
		return NULL;
	t = shape_first_line(s, i, b, len, &next);
	if (next < b->nspans)
		return NULL;
	while (k < *len && t[k] == '#')
		k++;
	if ((int)k != q || k == *len || t[k] == ' ' || t[k] == '\t')
		return NULL;
	*len -= (uint32_t)k;
	return t + k;
}

/*
 * Headings at the question level are questions, headings above it
 * sections (nested ones named after their categories), headings below it
 * part of their answer; everything else is body.
 */
static void
headings_map(struct shape *s)
{
	struct blocks *bl = s->bl;
	const char *stack[7] = {NULL};
	size_t i, asks;
	int q, dq, prev = 0, lv, cat = 0;
	uint32_t len, k;

	q = question_level(s, &dq, &asks);
	for (i = 0; i < bl->nitems; i++) {
		const struct block *hb = &bl->blk[i];
		uint32_t col = bl->items[i].col;
		const char *txt;

		if (dq != 0 && bl->items[i].mark == MARK_SUMMARY) {
			txt = blocks_heading_text(bl, i, s->d->arena, &len);
			shape_question(s, i, NULL, txt, len, hb->line, 1);
			continue;
		}
		if (!is_heading(bl, i)) {
			if ((s->mark[i] & MARK_HASH) &&
			    (txt = hashes(s, i, q, &len)) != NULL)
				shape_question(
				    s, i, NULL, txt, len, hb->line, 1);
			continue;
		}
		lv = hb->level;
		if (prev > 0 && lv > prev + 1 &&
		    !(prev >= 2 && prev < q && lv == q))
			diag_add(s->diags, s->name, hb->line, col, DIAG_WARNING,
			    "heading level skipped (h%d after h%d)", lv, prev);
		prev = lv;
		if (i == s->title)
			continue;
		if (cat > 0 && lv <= cat)
			cat = 0;
		if (lv > q && !(cat > 0 && lv == cat + 1)) {
			/* a heading inside an answer or intro: a link to it
			 * opens what holds it */
			const char *id = blocks_id(bl, i);

			if (id == NULL) {
				txt = blocks_heading_text(
				    bl, i, s->d->arena, &len);
				id = slug_make(s->d->arena, txt, len);
			}
			shape_anchor(s, id);
			blocks_heading_to_body(bl, i);
			continue;
		}
		txt = blocks_heading_text(bl, i, s->d->arena, &len);
		if (lv == q && q < 4 && !s->fm->question_level &&
		    i + 1 < bl->nitems &&
		    is_heading(bl, i + 1) && bl->blk[i + 1].level == lv + 1 &&
		    i + 2 < bl->nitems && !is_heading(bl, i + 2)) {
			/* a question-level heading with nothing under it but
			 * headings one level down, which have text: a
			 * category of those ("## Errors" over "### Failed:
			 * ..." entries) */
			cat = lv;
		}
		if (lv < q || cat == lv) {
			stack[lv] = txt;
			for (k = (uint32_t)lv + 1; k < 7; k++)
				stack[k] = NULL;
			shape_section(s, i, blocks_id(bl, i), lv,
			    nested_title(s, stack, lv), txt, hb->line);
			continue;
		}
		shape_question(s, i, blocks_id(bl, i), txt, len, hb->line, col);
	}
}


/* Counts the headings at the question level (and the <summary>
 * questions), and those that certainly are questions: they end with '?'
 * or carry a "Q." label. */
static void
headings_count(struct shape *s, struct shape_count *c)
{
	struct blocks *bl = s->bl;
	const char *t;
	uint32_t len;
	size_t i, asks;
	int q, dq;

	q = question_level(s, &dq, &asks);
	if (dq != 0) {
		/* <details> questions: the summaries that ask are sure */
		for (i = 0; i < bl->nitems; i++)
			c->cand += bl->items[i].mark == MARK_SUMMARY;
		c->sure += asks;
	}
	for (i = 0; i < bl->nitems; i++) {
		if (!is_heading(bl, i) || i == s->title ||
		    bl->blk[i].level != q)
			continue;
		c->cand++;
		if (!s->count_sure)
			continue;
		t = blocks_heading_text(bl, i, s->d->arena, &len);
		if (shape_ends_question(t, len) || shape_q_label(t, len) > 0)
			c->sure++;
	}
}

const struct recogniser shape_headings = {"headings",
    "headings (## sections, ### questions)", headings_count, headings_map};

void
shape_heading_section(struct shape *s, size_t i, const char *stack[7])
{
	struct blocks *bl = s->bl;
	const char *txt;
	uint32_t len, k;
	int lv = bl->blk[i].level;

	txt = blocks_heading_text(bl, i, s->d->arena, &len);
	stack[lv] = txt;
	for (k = (uint32_t)lv + 1; k < 7; k++)
		stack[k] = NULL;
	shape_section(s, i, blocks_id(bl, i), lv, nested_title(s, stack, lv),
	    txt, bl->blk[i].line);
}
