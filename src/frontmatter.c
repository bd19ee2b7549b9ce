/* frontmatter.c - the "---" block at the start of a file; see
 * frontmatter.h. */
#include "frontmatter.h"

#include <string.h>

#include "arena.h"

struct fmctx {
	struct arena *arena;
	const char *name;
	struct diag_list *diags;
	struct frontmatter *fm;
};

/* Is s[0..n) the word what, followed by nothing but blanks? */
static int
line_is(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what);

	if (n < k || memcmp(s, what, k) != 0)
		return 0;
	for (; k < n; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return 0;
	return 1;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static void
front_key(struct fmctx *p, unsigned ln, const char *k, size_t kn, const char *v,
    size_t vn)
{
	if (vn >= 2 && ((v[0] == '"' && v[vn - 1] == '"') ||
	                   (v[0] == '\'' && v[vn - 1] == '\''))) {
		v++;
		vn -= 2;
	}
	if (kn == 5 && memcmp(k, "title", 5) == 0) {
		p->fm->title = arena_strndup(p->arena, v, vn);
	} else if (kn == 4 && memcmp(k, "lang", 4) == 0) {
		p->fm->lang = arena_strndup(p->arena, v, vn);
	} else if (kn == 14 && memcmp(k, "question-level", 14) == 0) {
		if (vn == 1 && v[0] >= '2' && v[0] <= '4')
			p->fm->question_level = v[0] - '0';
		else
			diag_add(p->diags, p->name, ln, 1, DIAG_WARNING,
			    "question-level must be 2, 3 or 4; ignored");
	} else if (kn == 14 && memcmp(k, "question-style", 14) == 0) {
		p->fm->question_style = arena_strndup(p->arena, v, vn);
		p->fm->question_style_line = ln;
	} else {
		diag_add(p->diags, p->name, ln, 1, DIAG_WARNING,
		    "unknown front-matter key '%.*s' ignored", (int)kn, k);
	}
}

size_t
frontmatter_parse(const char *s, size_t n, struct arena *a, const char *name,
    struct diag_list *diags, struct frontmatter *fm)
{
	struct fmctx ctx = {a, name, diags, fm};
	struct fmctx *p = &ctx;
	size_t i, e, ln, first;

	memset(fm, 0, sizeof *fm);
	e = 0;
	while (e < n && s[e] != '\n')
		e++;
	if (!line_is(s, e, "---"))
		return 0;
	/* find the closing line first: without one, this is Markdown */
	first = e + 1;
	for (i = first; i < n; i = e + 1) {
		e = i;
		while (e < n && s[e] != '\n')
			e++;
		if (line_is(s + i, e - i, "---") ||
		    line_is(s + i, e - i, "..."))
			break;
	}
	if (i >= n) {
		diag_add(p->diags, p->name, 1, 1, DIAG_WARNING,
		    "front matter has no closing '---'; read as Markdown");
		return 0;
	}
	for (ln = 2, i = first;; ln++, i = e + 1) {
		const char *l = s + i, *colon, *k, *v;
		size_t ll, kn, vn;

		e = i;
		while (e < n && s[e] != '\n')
			e++;
		ll = e - i;
		if (line_is(l, ll, "---") || line_is(l, ll, "..."))
			break;
		k = l;
		kn = ll;
		trim(&k, &kn);
		if (kn == 0 || k[0] == '#')
			continue;
		colon = memchr(l, ':', ll);
		if (colon == NULL) {
			diag_add(p->diags, p->name, (unsigned)ln, 1,
			    DIAG_WARNING,
			    "front matter line is not 'key: value'; ignored");
			continue;
		}
		k = l;
		kn = (size_t)(colon - l);
		trim(&k, &kn);
		v = colon + 1;
		vn = (size_t)(l + ll - v);
		trim(&v, &vn);
		front_key(p, (unsigned)ln, k, kn, v, vn);
	}
	return e < n ? e + 1 : n;
}
