/*
 * shapeint.h - inside the shape module (shape.h): the builder that the
 * recognisers drive, and the recognisers themselves, one file each kind:
 *
 *	shape.c		the builder, the choice of a shape, shape_map()
 *	shape_heading.c	headings (## sections, ### questions; setext too)
 *	shape_para.c	question paragraphs: Q:/A: labels, bold questions,
 *			numbered paragraphs, quoted questions, paragraphs
 *			after rules
 *	shape_list.c	list items whose first line is the question
 *	shape_text.c	the text tests they share (labels, '?', numbers)
 *
 * Included by those files only.
 *
 * A recogniser has two parts: a count (how many blocks of the file look
 * like its questions, and how many of those certainly are: they end with
 * a question mark or carry a "Q:" label), which shape.c compares to
 * choose one shape per file; and a map, which walks the blocks and calls
 * shape_section() or shape_question() where one starts.  A map may first
 * reshape the block list (blocks_out_put(), blocks.h), before it starts
 * anything: entries point into the list from their start on.
 */
#ifndef FAQ_SHAPEINT_H
#define FAQ_SHAPEINT_H

#include <stddef.h>
#include <stdint.h>

#include "blocks.h"
#include "diag.h"
#include "doc.h"
#include "frontmatter.h"

enum shape_owner { OWN_COLL, OWN_SECTION, OWN_ENTRY };

struct shape {
	struct doc *d;
	struct blocks *bl;
	struct diag_list *diags;
	const struct frontmatter *fm;
	const char *name; /* the file, for diagnostics */
	uint32_t coll;
	size_t title;           /* the title heading, or SIZE_MAX */
	enum shape_owner owner; /* whose body the pending blocks are */
	size_t body;            /* the first pending block */
	int64_t sec;            /* the current section, or -1 */
	int sec_level;          /* its heading level (1 for implicit) */
	size_t anchor;          /* the next of bl->anchors to give an owner */
	int share;       /* a question with no answer shares the next one's */
	size_t unshared; /* entries from here on wait for an answer */
	int faq_title;   /* the file's title names it a FAQ */
	uint8_t *mark; /* per block: MARK_* bits (shape_mark()) */
	/* the headings' count reads their text for '?' only when another
	 * shape could win on it (100 000 headings are as many cache misses) */
	int count_sure;
};

/* What a recogniser's count found. */
struct shape_count {
	size_t cand; /* blocks that look like its questions */
	size_t sure; /* of those, ones that certainly are questions */
};

struct recogniser {
	const char *name; /* as front matter question-style and --check say */
	const char *what; /* for --check: how the questions are written */
	void (*count)(struct shape *s, struct shape_count *c);
	void (*map)(struct shape *s);
};

/* The builder (shape.c) */

/* Block i starts a section called title at heading level level; xid is
 * its {#id} or NULL, own its own name (for its id). */
void shape_section(struct shape *s, size_t i, const char *xid, int level,
    const char *title, const char *own, uint32_t line);
/* Block i starts the question q[0..len) at line:col; the blocks after it
 * are the answer.  xid is its {#id} or NULL. */
void shape_question(struct shape *s, size_t i, const char *xid,
    const char *q, uint32_t len, uint32_t line, uint32_t col);

/* A link to id opens what is being filled: the entry, the section, or
 * (before any) the first section to come. */
void shape_anchor(struct shape *s, const char *id);

/* Text tests every recogniser shares (shape_text.c) */

/* Whether s[0..n) ends with a question mark (ASCII or full width),
 * closing quotes, brackets and blanks after it aside. */
int shape_ends_question(const char *s, size_t n);
/* The length of a Q label at the start of s[0..n) ("Q:", "Q1.",
 * "Question:", "質問：", "Ｑ．", "問", ...) with the blanks after it;
 * 0 when there is none.  shape_a_label() likewise for answers. */
size_t shape_q_label(const char *s, size_t n);
size_t shape_a_label(const char *s, size_t n);
/* The length of a question number at the start of s[0..n) ("1.",
 * "1.1", "1.1.", "2)", "Q1.", "A1)", "(3)") with the blanks after it;
 * 0 when there is none. */
size_t shape_number(const char *s, size_t n);
/* Whether a heading's text names the FAQ itself ("FAQ", "Frequently
 * Asked Questions", "よくある質問", ...). */
int shape_names_faq(const char *s, size_t n);

/* What shape_mark() notes of each block: it is in a part of the file
 * that names itself a FAQ (its title, or a heading above it such as
 * "## FAQ"); a paragraph's first span is bold; its first byte may start
 * a Q label, an A label, a question number, "#". */
enum {
	MARK_FAQ = 1,
	MARK_STRONG = 2,
	MARK_Q = 4,
	MARK_A = 8,
	MARK_NUM = 16,
	MARK_HASH = 32,
};
/* Fills s->mark; again after a map reshaped the blocks. */
void shape_mark(struct shape *s);

/* The recognisers */
extern const struct recogniser shape_headings;
extern const struct recogniser shape_qa;
extern const struct recogniser shape_bold;
extern const struct recogniser shape_numbered;
extern const struct recogniser shape_quote;
extern const struct recogniser shape_list;
extern const struct recogniser shape_rule;

/* Helpers of the paragraph and list recognisers (shape_para.c) */

/* The plain text of the first line of leaf b under block i (breaks end
 * it), labels kept; *next is the span after the break, or b->nspans. */
const char *shape_first_line(struct shape *s, size_t i,
    const struct block *b, uint32_t *len, size_t *next);
/* Takes the first n bytes of text (a label) off leaf b under block i,
 * and the blanks after them. */
void shape_strip_label(struct shape *s, size_t i, struct block *b,
    struct blocks_item *it, size_t n);
/* Headings are sections of the questions a paragraph shape finds: the
 * map of every shape but headings calls this at each heading. */
void shape_heading_section(struct shape *s, size_t i, const char *stack[7]);

#endif
