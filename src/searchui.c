/*
 * searchui.c - the search field; see searchui.h.  Matching is search.c's
 * and filtering filter.c's: the field only edits text and draws itself.
 */
#include "searchui.h"

#include <stdlib.h>
#include <string.h>


#include "sanitize.h"
#include "utf8.h"
#include "xalloc.h"

void
searchui_begin(struct searchui *s, int view, const char *q)
{
	s->active = 1;
	s->view = view;
	free(s->before);
	s->before = xstrdup(q != NULL ? q : "");
	if (q == NULL) {
		free(s->q);
		s->q = NULL;
		s->len = s->cap = 0;
		return;
	}
	s->len = strlen(q);
	if (s->len + 1 > s->cap) {
		s->cap = s->len + 64;
		s->q = xrealloc(s->q, s->cap);
	}
	memcpy(s->q, q, s->len + 1);
}

int
searchui_showable(uint32_t ch)
{
	return !(ch > 0x10FFFF || (ch >= 0xD800 && ch < 0xE000) ||
	         sanitize_placeholder(ch));
}

int
searchui_type(struct searchui *s, uint32_t ch)
{
	char buf[4];
	size_t n;

	if (!searchui_showable(ch))
		return 0;
	n = utf8_encode(ch, buf);
	if (s->len + n + 1 > s->cap) {
		s->cap = (s->len + n + 1) * 2;
		s->q = xrealloc(s->q, s->cap);
	}
	memcpy(s->q + s->len, buf, n);
	s->len += n;
	s->q[s->len] = '\0';
	return 1;
}

/* Backspace: one character; Ctrl-W: back to the previous word; Ctrl-U:
 * everything. */
int
searchui_erase(struct searchui *s, enum searchui_erase how)
{
	char *q = s->q;
	size_t n = s->len;

	if (q == NULL)
		return 0;
	if (how == SEARCHUI_ALL) {
		n = 0;
	} else if (how == SEARCHUI_WORD) {
		while (n > 0 && q[n - 1] == ' ')
			n--;
		while (n > 0 && q[n - 1] != ' ')
			n--;
	} else if (n > 0) {
		utf8_prev(q, 0, &n);
	}
	s->len = n;
	q[n] = '\0';
	return 1;
}

void
searchui_close(struct searchui *s)
{
	s->active = 0;
}

void
searchui_reset(struct searchui *s)
{
	s->active = 0;
	free(s->before);
	s->before = NULL;
	if (s->q != NULL)
		s->q[0] = '\0';
	s->len = 0;
}

void
searchui_free(struct searchui *s)
{
	free(s->q);
	free(s->before);
	memset(s, 0, sizeof *s);
}

void
searchui_status(const struct searchui *s, const struct view_env *env,
    struct screen *scr, const char *right)
{
	const char *q = s->q != NULL ? s->q : "";
	int w = env->w;
	int room = w - (right ? rows_width(right, env->ambiguous) + 1 : 0) - 2;
	char *left;

	while (*q != '\0' && rows_width(q, env->ambiguous) > room) {
		size_t i = 0;

		utf8_next(q, strlen(q), &i);
		q += i;
	}
	left = xasprintf("/%s", q);
	scr->cursor_y = env->h - 1;
	scr->cursor_x = rows_width(left, env->ambiguous);
	if (scr->cursor_x >= w)
		scr->cursor_x = w - 1;
	rows_status(slines_push(&scr->rows), left, right, w, env->ambiguous);
	free(left);
}
