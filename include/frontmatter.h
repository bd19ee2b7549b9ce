/*
 * frontmatter.h - the optional "---" block at the very start of a FAQ file
 * (see faq(5)): keys title, lang, question-level and question-style.
 */
#ifndef FAQ_FRONTMATTER_H
#define FAQ_FRONTMATTER_H

#include <stddef.h>

#include "diag.h"

struct arena;

struct frontmatter {
	const char *title;  /* NULL when absent; the arena's */
	const char *lang;   /* NULL when absent; the arena's */
	int question_level; /* 2, 3 or 4; 0 when absent */
	/* the shape of the questions (shape.h: headings, qa, bold, numbered,
	 * quote, list), NULL when absent; the arena's.  An unknown name is
	 * the loader's to report, which knows the shapes. */
	const char *question_style;
	unsigned question_style_line;
};

/*
 * Reads the front matter at the start of s[0..n) (sanitised text) into fm
 * (which it zeroes first) and returns the offset where the Markdown
 * begins: 0 when there is no block, or when it is never closed (then it
 * is Markdown, with a warning).  Unknown keys and bad values are warnings
 * in diags, located as name:line:1.
 */
size_t frontmatter_parse(const char *s, size_t n, struct arena *a,
    const char *name, struct diag_list *diags, struct frontmatter *fm);

#endif
