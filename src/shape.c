/*
 * shape.c - blocks to the title, sections and questions; see shape.h.
 *
 * The builder comes first, then the recognisers, then shape_map(), which
 * runs the builder's common start and end around the recogniser chosen.
 */
#include "shape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "docload.h"
#include "slug.h"

/* The builder ----------------------------------------------------------- */

enum owner { OWN_COLL, OWN_SECTION, OWN_ENTRY };

struct shape {
	struct doc *d;
	struct blocks *bl;
	struct diag_list *diags;
	const struct frontmatter *fm;
	const char *name; /* the file, for diagnostics */
	uint32_t coll;
	size_t title;     /* the title heading, or SIZE_MAX */
	enum owner owner; /* whose body the pending blocks are */
	size_t body;      /* the first pending block */
	int64_t sec;      /* the current section, or -1 */
	int sec_level;    /* its heading level (1 for implicit) */
	size_t anchor;    /* the next of bl->anchors to give an owner */
};

/* Links to any heading ---------------------------------------------------- */

/* A link to id opens what is being filled: the entry, the section, or
 * (before any) the first section to come. */
static void
anchor_own(struct shape *s, const char *id)
{
	switch (s->owner) {
	case OWN_ENTRY:
		docload_add_anchor(s->d, id, 0, (uint32_t)s->d->nentries - 1);
		break;
	case OWN_SECTION:
		if (s->sec >= 0)
			docload_add_anchor(s->d, id, 1, (uint32_t)s->sec);
		break;
	case OWN_COLL:
		docload_add_anchor(s->d, id, 1, (uint32_t)s->d->nsecs);
		break;
	}
}

/* The anchors (HTML name=/id=, kramdown ids) of blocks before end go to
 * what holds them. */
static void
anchors_to(struct shape *s, size_t end)
{
	const struct blocks *bl = s->bl;

	for (; s->anchor < bl->nanchors && bl->anchors[s->anchor].item < end;
	     s->anchor++)
		anchor_own(s, bl->anchors[s->anchor].id);
}

static int
anchor_cmp(const void *a, const void *b)
{
	const struct blocks_anchor *x = a, *y = b;

	return x->item < y->item ? -1 : x->item > y->item;
}

/* Makes blocks [a, b) the answer of e. */
static void
set_body(struct shape *s, struct entry *e, size_t a, size_t b)
{
	e->ref = -1;
	if (a >= b) {
		e->text = "";
		return;
	}
	e->blocks = s->bl->blk + a;
	e->nblocks = (uint32_t)(b - a);
	e->text = blocks_body(s->bl, a, b, s->d->arena, &e->text_len);
}

static const struct entry *
make_intro(struct shape *s, size_t a, size_t b, const char *title, uint32_t sec)
{
	struct entry *e;

	if (a >= b)
		return NULL;
	e = arena_alloc(s->d->arena, sizeof *e);
	memset(e, 0, sizeof *e);
	e->id = "";
	e->question = title;
	e->question_len = (uint32_t)strlen(title);
	e->section = sec;
	e->line = s->bl->blk[a].line;
	e->col = 1;
	set_body(s, e, a, b);
	return e;
}

static const char *
file_title(struct shape *s)
{
	const char *base = strrchr(s->name, '/');
	size_t n;

	base = base ? base + 1 : s->name;
	n = strlen(base);
	if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	return arena_strndup(s->d->arena, base, n);
}

/* The pending blocks, up to end, go to whoever owns them. */
static void
body_flush(struct shape *s, size_t end)
{
	struct doc *d = s->d;

	anchors_to(s, end);
	switch (s->owner) {
	case OWN_COLL:
		d->colls[s->coll].intro =
		    make_intro(s, s->body, end, d->colls[s->coll].title,
		        s->sec >= 0 ? (uint32_t)s->sec : (uint32_t)d->nsecs);
		break;
	case OWN_SECTION:
		if (s->sec >= 0)
			d->secs[s->sec].intro = make_intro(s, s->body, end,
			    d->secs[s->sec].title, (uint32_t)s->sec);
		break;
	case OWN_ENTRY: {
		struct entry *e = &d->entries[d->nentries - 1];

		set_body(s, e, s->body, end);
		if (e->nblocks == 0)
			diag_add(s->diags, s->name, e->line, e->col,
			    DIAG_WARNING, "empty answer");
		break;
	}
	}
}

/* Ends the current section before a heading of level next (0: the end). */
static void
section_close(struct shape *s, int next)
{
	struct section *sec;

	if (s->sec < 0)
		return;
	sec = &s->d->secs[s->sec];
	if (sec->n == 0) {
		if (sec->intro == NULL && next > s->sec_level) {
			/* a category whose sub-categories carry its name: a
			 * link to it opens the next section, which takes its
			 * index */
			docload_add_anchor(s->d, sec->id, 1, (uint32_t)s->sec);
			docload_drop_section(s->d);
		} else {
			diag_add(s->diags, s->name, sec->line, 1, DIAG_WARNING,
			    "section has no questions");
		}
	}
	s->sec = -1;
}

/* Opens a section called title; its id is xid ({#id}) or the slug of
 * own (its own name, without the categories above it). */
static void
section_open(struct shape *s, const char *xid, int level, const char *title,
    const char *own, uint32_t line)
{
	struct doc *d = s->d;
	struct section *sec;
	uint32_t i;

	i = docload_add_section(d, xid != NULL);
	sec = &d->secs[i];
	sec->collection = s->coll;
	sec->first = (uint32_t)d->nentries;
	sec->line = line;
	sec->title = title;
	sec->id = xid != NULL ? xid : slug_make(d->arena, own, strlen(own));
	s->sec = (int64_t)i;
	s->sec_level = level;
}

/*
 * Block i starts a section called title: what was open ends before it,
 * and the blocks after it are the section's introduction until the next
 * start.  xid and own are as for section_open().
 */
static void
section_start(struct shape *s, size_t i, const char *xid, int level,
    const char *title, const char *own, uint32_t line)
{
	body_flush(s, i);
	section_close(s, level);
	section_open(s, xid, level, title, own, line);
	s->owner = OWN_SECTION;
	s->body = i + 1;
	anchors_to(s, i + 1);
}

/*
 * Block i starts a question q[0..len), at line:col: what was open ends
 * before it, and the blocks after it are its answer until the next start.
 * Its id is xid ({#id}) or the slug of q.  Questions before any section
 * go to one named after the collection.
 */
static void
question_start(struct shape *s, size_t i, const char *xid, const char *q,
    uint32_t len, uint32_t line, uint32_t col)
{
	struct doc *d = s->d;
	const char *ctitle = d->colls[s->coll].title;
	struct entry *e;
	uint32_t k;

	body_flush(s, i);
	if (s->sec < 0)
		section_open(s, NULL, 1, ctitle, ctitle, line);
	k = docload_add_entry(d, xid != NULL);
	e = &d->entries[k];
	e->question = q;
	e->question_len = len;
	e->line = line;
	e->col = col;
	e->section = (uint32_t)s->sec;
	e->ref = -1;
	e->text = "";
	e->id = xid != NULL ? xid : slug_make(d->arena, q, len);
	d->secs[s->sec].n++;
	if (len == 0)
		diag_add(s->diags, s->name, e->line, e->col, DIAG_WARNING,
		    "empty question");
	s->owner = OWN_ENTRY;
	s->body = i + 1;
	anchors_to(s, i + 1);
}

/* Recognisers ----------------------------------------------------------- */

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
 * headings that hold summaries, so that those are sections.
 */
static int
details_level(struct shape *s)
{
	const struct blocks *bl = s->bl;
	size_t i, n = 0, asks = 0, under[7] = {0};
	int cur = 0, best = 0, l;
	uint32_t len;
	const char *t;

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
			asks++;
	}
	if (n == 0 || 2 * asks < n)
		return 0;
	/* the level most summaries are under: a heading inside an answer
	 * (#### under a <details>) holds fewer of them than the categories */
	for (l = 1; l < 7; l++)
		if (under[l] > under[best])
			best = l;
	return best + 1 < 7 ? (best + 1 > 2 ? best + 1 : 2) : 6;
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
 * Headings at the question level are questions, headings above it
 * sections (nested ones named after their categories), headings below it
 * part of their answer; a <summary> is a question when details_level()
 * says so; everything else is body.
 */
static void
headings_map(struct shape *s)
{
	struct blocks *bl = s->bl;
	const char *stack[7] = {NULL};
	size_t i;
	int q, dq, prev = 0, lv;
	uint32_t len, k;

	dq = details_level(s);
	q = s->fm->question_level ? s->fm->question_level
	    : dq != 0             ? dq
	                          : guess_question_level(bl, s->title);
	for (i = 0; i < bl->nitems; i++) {
		const struct block *hb = &bl->blk[i];
		uint32_t col = bl->items[i].col;
		const char *txt;

		if (dq != 0 && bl->items[i].mark == MARK_SUMMARY) {
			txt = blocks_heading_text(bl, i, s->d->arena, &len);
			question_start(s, i, NULL, txt, len, hb->line, 1);
			continue;
		}
		if (!is_heading(bl, i))
			continue;
		lv = hb->level;
		if (prev > 0 && lv > prev + 1 &&
		    !(prev >= 2 && prev < q && lv == q))
			diag_add(s->diags, s->name, hb->line, col, DIAG_WARNING,
			    "heading level skipped (h%d after h%d)", lv, prev);
		prev = lv;
		if (i == s->title)
			continue;
		if (lv > q) {
			/* a heading inside an answer or intro: a link to it
			 * opens what holds it */
			const char *id = blocks_id(bl, i);

			if (id == NULL) {
				txt = blocks_heading_text(
				    bl, i, s->d->arena, &len);
				id = slug_make(s->d->arena, txt, len);
			}
			anchor_own(s, id);
			blocks_heading_to_body(bl, i);
			continue;
		}
		txt = blocks_heading_text(bl, i, s->d->arena, &len);
		if (lv < q) {
			stack[lv] = txt;
			for (k = (uint32_t)lv + 1; k < 7; k++)
				stack[k] = NULL;
			section_start(s, i, blocks_id(bl, i), lv,
			    nested_title(s, stack, lv), txt, hb->line);
			continue;
		}
		question_start(s, i, blocks_id(bl, i), txt, len, hb->line, col);
	}
}

/*
 * The shapes a FAQ file may have.  A recogniser walks s->bl and calls
 * section_start() or question_start() at each block that starts one; the
 * blocks between belong to what was started last.  The title, when there
 * is one (s->title), is the builder's: a recogniser passes over it.
 */
struct recogniser {
	const char *name; /* the shape, as faq --check may name it */
	void (*map)(struct shape *s);
};

static const struct recogniser recognisers[] = {
    {"headings", headings_map},
};

/* Mapping ---------------------------------------------------------------- */

void
shape_map(struct doc *d, uint32_t coll, struct blocks *bl,
    const struct frontmatter *fm, int empty, struct diag_list *diags)
{
	struct collection *c = &d->colls[coll];
	struct shape s;
	size_t k;

	memset(&s, 0, sizeof s);
	s.d = d;
	s.bl = bl;
	s.diags = diags;
	s.fm = fm;
	s.name = c->path;
	s.coll = coll;
	s.title = SIZE_MAX;
	s.sec = -1;
	s.owner = OWN_COLL;
	s.body = 0;
	/* The title is a # heading that opens the file; a # heading after
	 * text is a section, so that the text before it is not lost. */
	if (bl->nitems > 0 && is_heading(bl, 0) && bl->blk[0].level == 1) {
		s.title = 0;
		s.body = 1;
	}
	if (fm->title != NULL && fm->title[0] != '\0')
		c->title = fm->title;
	else if (s.title != SIZE_MAX)
		c->title = blocks_heading_text(bl, s.title, d->arena, NULL);
	else
		c->title = file_title(&s);
	c->lang = fm->lang != NULL ? fm->lang : "";
	/* one shape so far: when there are more, the one front matter pins,
	 * else the first whose test says the file is written that way */
	for (k = 1; k < bl->nanchors; k++)
		if (bl->anchors[k].item < bl->anchors[k - 1].item) {
			qsort(bl->anchors, bl->nanchors, sizeof *bl->anchors,
			    anchor_cmp);
			break;
		}
	recognisers[0].map(&s);
	body_flush(&s, bl->nitems);
	anchors_to(&s, SIZE_MAX);
	section_close(&s, 0);
	c = &d->colls[coll];
	c->n = (uint32_t)(d->nsecs - c->first);
	if (c->intro != NULL)
		((struct entry *)c->intro)->section =
		    c->n > 0 ? c->first : UINT32_MAX;
	if (c->n == 0 || d->secs[c->first].first == d->nentries)
		diag_add(diags, s.name, 0, 0, DIAG_WARNING,
		    empty ? "empty file" : "no questions found");
}
