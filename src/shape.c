/*
 * shape.c - blocks to the title, sections and questions; see shape.h.
 *
 * The builder comes first, then the text tests the recognisers share,
 * then the choice of a shape and shape_map(), which runs the builder's
 * common start and end around the recogniser chosen.  The recognisers
 * are in shape_*.c (shapeint.h).
 */
#include "shape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "docload.h"
#include "i18n.h"
#include "shapeint.h"
#include "slug.h"
#include "xalloc.h"

/* The builder ----------------------------------------------------------- */

void
shape_anchor(struct shape *s, const char *id)
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
		shape_anchor(s, bl->anchors[s->anchor].id);
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
		size_t k;

		set_body(s, e, s->body, end);
		if (e->nblocks == 0 && s->share && s->body == end &&
		    end < s->bl->nitems) {
			/* "Q. ... Q. ... A. ...": two questions, one answer */
			return;
		}
		for (k = s->unshared; k + 1 < d->nentries; k++) {
			d->entries[k].blocks = e->blocks;
			d->entries[k].nblocks = e->nblocks;
			d->entries[k].text = e->text;
			d->entries[k].text_len = e->text_len;
		}
		s->unshared = d->nentries;
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
void
shape_section(struct shape *s, size_t i, const char *xid, int level,
    const char *title, const char *own, uint32_t line)
{
	body_flush(s, i);
	s->unshared = s->d->nentries;
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
void
shape_question(struct shape *s, size_t i, const char *xid, const char *q,
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

static int
is_heading(const struct blocks *bl, size_t i)
{
	return bl->blk[i].kind == BLOCK_HEADING;
}

/* What the first byte of a paragraph may start (the reader noted it:
 * the text of a big file is not read again for it). */
static uint8_t
lead_marks(const struct blocks *bl, size_t i)
{
	uint8_t m = 0;
	uint16_t c;

	if (bl->blk[i].kind != BLOCK_PARA)
		return 0;
	c = bl->items[i].lead;
	if (bl->items[i].flags & BLOCKS_LEAD_STRONG)
		m |= MARK_STRONG;
	/* Q, Ｑ, 質, 問, 问, 질; A, Ａ, 回, 答, 답 */
	if (c == 'Q' || c == 0xFF31 || c == 0x8CEA || c == 0x554F ||
	    c == 0x95EE || c == 0xC9C8)
		m |= MARK_Q;
	if (c == 'A' || c == 0xFF21 || c == 0x56DE || c == 0x7B54 ||
	    c == 0xB2F5)
		m |= MARK_A;
	if ((c >= '0' && c <= '9') || c == '(' || c == 'Q' || c == 'A')
		m |= MARK_NUM;
	if (c == '#')
		m |= MARK_HASH;
	return m;
}

/* Marks the blocks in a part of the file that names itself a FAQ (under
 * a heading such as "## FAQ", down to the next heading of its level) and
 * what each paragraph starts with. */
void
shape_mark(struct shape *s)
{
	struct blocks *bl = s->bl;
	const char *t;
	uint32_t len;
	size_t i;
	int lvl = 0;

	free(s->mark);
	s->mark = xcalloc(bl->nitems ? bl->nitems : 1, 1);
	for (i = 0; i < bl->nitems; i++) {
		const struct block *b = &bl->blk[i];

		if (b->kind == BLOCK_HEADING && i != s->title) {
			if (lvl > 0 && b->level <= lvl)
				lvl = 0;
			if (lvl == 0) {
				/* (a plain heading's length is known
				 * without reading it: long ones are not) */
				t = blocks_heading_text(bl, i, s->d->arena,
				    &len);
				if (shape_names_faq(t, len))
					lvl = b->level;
			}
		}
		s->mark[i] = (uint8_t)((s->faq_title || lvl > 0 ? MARK_FAQ : 0) |
		                       lead_marks(bl, i));
	}
}

/* Choosing the shape ------------------------------------------------------ */

/* Every shape, headings first: it is the one a file has unless another
 * finds more questions. */
static const struct recogniser *const recognisers[] = {
    &shape_headings, &shape_qa, &shape_bold, &shape_numbered, &shape_quote,
    &shape_list, &shape_rule};
#define NRECOG (sizeof recognisers / sizeof *recognisers)

static const struct recogniser *
by_name(const char *name)
{
	size_t k;

	for (k = 0; k < NRECOG; k++)
		if (strcmp(recognisers[k]->name, name) == 0)
			return recognisers[k];
	return NULL;
}

/*
 * The shape front matter pins, else the one whose questions are surest:
 * another shape than headings needs two questions that certainly are
 * (or, in a file or part that names itself a FAQ, two that look like
 * them), and more than the headings have.  The headings' own count is
 * of headings at the question level that end with '?' or carry "Q.", so
 * that a file of ## categories over bold questions is not read as
 * headings, and a file of headings with a few bold sentences ending in
 * '?' in its answers is.
 */
static const struct recogniser *
choose(struct shape *s, size_t *found)
{
	struct shape_count c[NRECOG], best;
	size_t k, pick = 0;

	if (s->fm->question_style != NULL) {
		const struct recogniser *r = by_name(s->fm->question_style);

		if (r != NULL) {
			*found = 1;
			return r;
		}
		diag_add(s->diags, s->name, s->fm->question_style_line, 1,
		    DIAG_WARNING,
		    "question-style must be headings, qa, bold, numbered, "
		    "quote, list or rule; ignored");
	}
	memset(c, 0, sizeof c);
	for (k = 1; k < NRECOG; k++)
		recognisers[k]->count(s, &c[k]);
	recognisers[0]->count(s, &c[0]);
	/* what the headings' sure count could change: a shape with sure
	 * questions, or with more candidates than there are headings */
	for (k = 1; k < NRECOG; k++)
		if (c[k].sure > 0 || c[k].cand > c[0].cand)
			break;
	if (k < NRECOG) {
		memset(&c[0], 0, sizeof c[0]);
		s->count_sure = 1;
		recognisers[0]->count(s, &c[0]);
	}
	best = c[0];
	for (k = 1; k < NRECOG; k++) {
		if (c[k].sure < 2 && c[k].cand < 2)
			continue;
		if (c[k].sure > best.sure ||
		    (c[k].sure == best.sure && c[k].cand > best.cand)) {
			best = c[k];
			pick = k;
		}
	}
	*found = best.cand;
	return recognisers[pick];
}

/*
 * No shape finds a question: the whole text after the title is one
 * entry named after the file, so that it is shown, printed and searched
 * like any answer (no text is ever dropped).
 */
static void
text_map(struct shape *s)
{
	struct doc *d = s->d;
	const char *t = d->colls[s->coll].title, *id;
	char *xid;
	size_t i, n, from = s->body;
	uint32_t len;

	if (from >= s->bl->nitems)
		return;
	/* a section with no title of its own (the title is the entry's),
	 * its id the title's, the entry's that and "-text" */
	body_flush(s, from);
	section_open(s, NULL, 1, "", t, s->bl->blk[from].line);
	id = slug_make(d->arena, t, strlen(t));
	n = strlen(id);
	xid = arena_alloc(d->arena, n + 6);
	memcpy(xid, id, n);
	memcpy(xid + n, "-text", 6);
	shape_question(s, from, xid, t, (uint32_t)strlen(t),
	    s->bl->blk[from].line, 1);
	s->body = from; /* the answer starts with the first block */
	/* its headings are text, and a link to one opens the entry */
	for (i = from; i < s->bl->nitems; i++) {
		if (!is_heading(s->bl, i))
			continue;
		id = blocks_id(s->bl, i);
		if (id == NULL) {
			t = blocks_heading_text(s->bl, i, d->arena, &len);
			id = slug_make(d->arena, t, len);
		}
		shape_anchor(s, id);
		blocks_heading_to_body(s->bl, i);
	}
}

static const struct recogniser shape_text = {
    "text", "no questions: the whole text is one entry", NULL, text_map};

/* Mapping ---------------------------------------------------------------- */

/* Without front matter "lang", the text says: its first 64 KB are
 * enough, however the file was parsed. */
static const char *
guess_lang(const struct blocks *bl)
{
	char *head = xmalloc(65536);
	const char *lang = i18n_guess_lang(head, blocks_text_head(bl, head,
	                                             65536));

	free(head);
	return lang;
}

void
shape_map(struct doc *d, uint32_t coll, struct blocks *bl,
    const struct frontmatter *fm, int empty, struct diag_list *diags)
{
	struct collection *c = &d->colls[coll];
	const struct recogniser *r;
	struct shape s;
	size_t found, k;

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
	c->lang = fm->lang != NULL ? fm->lang : guess_lang(bl);
	s.faq_title = shape_names_faq(c->title, strlen(c->title));
	s.unshared = d->nentries;
	shape_mark(&s);
	r = choose(&s, &found);
	if (found == 0)
		r = &shape_text;
	c->shape = r->name;
	c->shape_what = r->what;
	for (k = 1; k < bl->nanchors; k++)
		if (bl->anchors[k].item < bl->anchors[k - 1].item) {
			qsort(bl->anchors, bl->nanchors, sizeof *bl->anchors,
			    anchor_cmp);
			break;
		}
	r->map(&s);
	body_flush(&s, bl->nitems);
	anchors_to(&s, SIZE_MAX);
	section_close(&s, 0);
	free(s.mark);
	c = &d->colls[coll];
	c->n = (uint32_t)(d->nsecs - c->first);
	if (c->intro != NULL)
		((struct entry *)c->intro)->section =
		    c->n > 0 ? c->first : UINT32_MAX;
	if (empty)
		diag_add(diags, s.name, 0, 0, DIAG_WARNING, "empty file");
	else if (r == &shape_text)
		diag_add(diags, s.name, 0, 0, DIAG_WARNING,
		    "no questions found; the whole text is one entry");
}
