/*
 * searchui.c - the search field; see searchui.h.  Matching is search.c's
 * and filtering filter.c's: the field only edits text and draws itself.
 */
#include "searchui.h"

#include <stdlib.h>
#include <string.h>


#include "sanitize.h"
#include "utf8.h"
#include "width.h"
#include "xalloc.h"

/* The text becomes t[0..n) (history), the cursor at its end. */
static void
set_text(struct searchui *s, const char *t, size_t n)
{
	if (n + 1 > s->cap) {
		s->cap = n + 64;
		s->q = xrealloc(s->q, s->cap);
	}
	memcpy(s->q, t, n);
	s->q[n] = '\0';
	s->len = s->cur = n;
	s->nchars = utf8_count(t, n);
}

void
searchui_begin(struct searchui *s, int view, const char *q)
{
	s->active = 1;
	s->view = view;
	free(s->before);
	s->before = xstrdup(q != NULL ? q : "");
	s->hpos = s->nhist; /* not browsing the history */
	if (q == NULL) {
		free(s->q);
		s->q = NULL;
		s->len = s->cap = s->cur = s->nchars = 0;
		return;
	}
	set_text(s, q, strlen(q));
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

	/* A paste of 10 000 characters stops at the limit: the rest costs
	 * nothing (issue 13). */
	if (!searchui_showable(ch) || s->nchars >= SEARCHUI_MAX)
		return 0;
	n = utf8_encode(ch, buf);
	if (s->len + n + 1 > s->cap) {
		s->cap = (s->len + n + 1) * 2;
		s->q = xrealloc(s->q, s->cap);
	}
	memmove(s->q + s->cur + n, s->q + s->cur, s->len - s->cur);
	memcpy(s->q + s->cur, buf, n);
	s->len += n;
	s->cur += n;
	s->nchars++;
	s->q[s->len] = '\0';
	return 1;
}

/* Removes q[from..to). */
static void
cut(struct searchui *s, size_t from, size_t to)
{
	s->nchars -= utf8_count(s->q + from, to - from);
	memmove(s->q + from, s->q + to, s->len - to);
	s->len -= to - from;
	s->q[s->len] = '\0';
	if (s->cur > to)
		s->cur -= to - from;
	else if (s->cur > from)
		s->cur = from;
}

/* Backspace: one character before the cursor; Delete: the one under it;
 * Ctrl-W: back to the start of the word; Ctrl-U: everything before the
 * cursor; Ctrl-K: everything from it (as in readline). */
int
searchui_erase(struct searchui *s, enum searchui_erase how)
{
	char *q = s->q;
	size_t n = s->cur;

	if (q == NULL)
		return 0;
	switch (how) {
	case SEARCHUI_ALL:
		cut(s, 0, s->cur);
		break;
	case SEARCHUI_TO_END:
		cut(s, s->cur, s->len);
		break;
	case SEARCHUI_WORD:
		while (n > 0 && q[n - 1] == ' ')
			n--;
		while (n > 0 && q[n - 1] != ' ')
			n--;
		cut(s, n, s->cur);
		break;
	case SEARCHUI_DEL:
		if (n < s->len) {
			utf8_next(q, s->len, &n);
			cut(s, s->cur, n);
		}
		break;
	case SEARCHUI_CHAR:
		if (n > 0) {
			utf8_prev(q, 0, &n);
			cut(s, n, s->cur);
		}
		break;
	}
	return 1;
}

void
searchui_move(struct searchui *s, enum searchui_move how)
{
	if (s->q == NULL)
		return;
	switch (how) {
	case SEARCHUI_LEFT:
		if (s->cur > 0)
			utf8_prev(s->q, 0, &s->cur);
		break;
	case SEARCHUI_RIGHT:
		if (s->cur < s->len)
			utf8_next(s->q, s->len, &s->cur);
		break;
	case SEARCHUI_HOME:
		s->cur = 0;
		break;
	case SEARCHUI_END:
		s->cur = s->len;
		break;
	}
}

void
searchui_remember(struct searchui *s)
{
	if (s->q == NULL || s->len == 0)
		return;
	if (s->nhist > 0 && strcmp(s->hist[s->nhist - 1], s->q) == 0)
		return;
	if (s->nhist == SEARCHUI_HISTORY) {
		free(s->hist[0]);
		memmove(s->hist, s->hist + 1, (s->nhist - 1) * sizeof *s->hist);
		s->nhist--;
	}
	s->hist = xreallocarray(s->hist, s->nhist + 1, sizeof *s->hist);
	s->hist[s->nhist++] = xstrdup(s->q);
}

int
searchui_history(struct searchui *s, int dir)
{
	size_t to;

	if (dir < 0 && s->hpos == 0)
		return 0;
	if (dir > 0 && s->hpos >= s->nhist)
		return 0;
	if (s->hpos == s->nhist) {
		/* leaving what is being typed: keep it for coming back */
		free(s->draft);
		s->draft = xstrdup(s->q != NULL ? s->q : "");
	}
	to = dir < 0 ? s->hpos - 1 : s->hpos + 1;
	s->hpos = to;
	if (to == s->nhist)
		set_text(s, s->draft, strlen(s->draft));
	else
		set_text(s, s->hist[to], strlen(s->hist[to]));
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
	size_t i;

	s->active = 0;
	free(s->before);
	s->before = NULL;
	if (s->q != NULL)
		s->q[0] = '\0';
	s->len = s->cur = s->nchars = 0;
	for (i = 0; i < s->nhist; i++)
		free(s->hist[i]);
	s->nhist = s->hpos = 0;
	free(s->draft);
	s->draft = NULL;
}

void
searchui_free(struct searchui *s)
{
	size_t i;

	for (i = 0; i < s->nhist; i++)
		free(s->hist[i]);
	free(s->hist);
	free(s->draft);
	free(s->q);
	free(s->before);
	memset(s, 0, sizeof *s);
}

/*
 * The status row with the field.  Each character is measured once: the
 * part shown runs back from the cursor as far as fits, then on after it
 * (before issue 13 the whole rest was measured again for every character
 * dropped from the front: a 10 000-character paste took seconds a
 * repaint).
 */
void
searchui_status(const struct searchui *s, const struct view_env *env,
    struct screen *scr, const char *right)
{
	const char *q = s->q != NULL ? s->q : "";
	size_t len = s->q != NULL ? s->len : 0, cur = s->q != NULL ? s->cur : 0;
	int w = env->w, amb = env->ambiguous;
	int room = w - (right ? rows_width(right, amb) + 1 : 0) - 2;
	size_t from = cur, to = cur, i;
	int used = 0, cw;
	uint32_t c;
	char *left;

	if (room < 1)
		room = 1;
	/* back from the cursor */
	while (from > 0) {
		i = from;
		utf8_prev(q, 0, &i);
		utf8_decode(q + i, len - i, &c);
		cw = width_char(c, amb);
		if (used + cw > room)
			break;
		used += cw;
		from = i;
	}
	/* and on after it */
	while (to < len) {
		i = to;
		c = utf8_next(q, len, &i);
		cw = width_char(c, amb);
		if (used + cw > room)
			break;
		used += cw;
		to = i;
	}
	left = xasprintf("/%.*s", (int)(to - from), q + from);
	scr->cursor_y = env->h - 1;
	scr->cursor_x = 1 + width_str(q + from, cur - from, amb);
	if (scr->cursor_x >= w)
		scr->cursor_x = w - 1;
	rows_status(slines_push(&scr->rows), left, right, w, amb);
	free(left);
}
