/*
 * help.c - the help page's lines: the help FAQ and the key listing
 * generated from the key table; see help.h.
 */
#include "help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "i18n.h"
#include "keys.h"
#include "render.h"
#include "rows.h"
#include "xalloc.h"

static void
key_label(const struct binding *k, char *buf, size_t size)
{
	const char *name = keys_name(k->key, k->ch);

	if (name != NULL)
		snprintf(buf, size, "%s", _(name));
	else if (k->key == K_CHAR)
		snprintf(buf, size, "%c", (char)k->ch);
	else if (k->key == K_CTRL)
		snprintf(buf, size, "Ctrl-%c", (char)(k->ch - 'a' + 'A'));
	else
		snprintf(buf, size, "?");
}

/* Whether binding k is what its key does in mode: in force, and not
 * shadowed by an earlier binding of the same key (the kiosk Ctrl-C). */
static int
help_shown(const struct view_env *env, const struct binding *k, unsigned mode)
{
	struct key_event ev = {0};

	if (!(k->modes & mode) || k->help == NULL || (k->flags & KF_NOHELP))
		return 0;
	ev.key = (enum key)k->key;
	ev.ch = k->ch;
	return bindings_lookup(&ev, mode, env->kiosk, env->allow_quit) == k;
}

/* One line per action (its keys joined by ", ") of the mode. */
static void
help_mode(const struct view_env *env, unsigned mode, const char *title, int w,
    struct slines *out)
{
	struct render_opts ro = view_ropts(env, w);
	char keys[128], label[32];
	size_t i, j;
	int kw = w / 3 < 22 ? w / 3 : 22;

	render_plain(title, strlen(title), "", "", 0, AT_HEADING | AT_STRONG,
	    &ro, NULL, out);
	for (i = 0; i < bindings_count; i++) {
		const struct binding *k = &bindings_table[i];
		char *prefix, *rest;
		int pw;

		if (!help_shown(env, k, mode))
			continue;
		/* Listed once, at the first binding of this action. */
		for (j = 0; j < i; j++) {
			const struct binding *e = &bindings_table[j];

			if (help_shown(env, e, mode) &&
			    strcmp(e->help, k->help) == 0)
				break;
		}
		if (j < i)
			continue;
		keys[0] = '\0';
		for (j = i; j < bindings_count; j++) {
			const struct binding *e = &bindings_table[j];

			if (!help_shown(env, e, mode) ||
			    strcmp(e->help, k->help) != 0)
				continue;
			key_label(e, label, sizeof label);
			if (strlen(keys) + strlen(label) + 3 >= sizeof keys)
				break;
			if (keys[0] != '\0')
				strcat(keys, ", ");
			strcat(keys, label);
		}
		/* The descriptions line up at column kw; keys wider than
		 * that get their own line, as they do when the screen is
		 * too narrow for two columns. */
		pw = kw;
		prefix = xasprintf("  %s%*s", keys,
		    pw - 2 - rows_width(keys, env->ambiguous) > 0
		        ? pw - 2 - rows_width(keys, env->ambiguous)
		        : 0,
		    "");
		rest = xmalloc((size_t)pw + 1);
		memset(rest, ' ', (size_t)pw);
		rest[pw] = '\0';
		if (pw + 8 > w) {
			render_plain(keys, strlen(keys), "  ", "  ", 0,
			    AT_STRONG, &ro, NULL, out);
			render_plain(_(k->help), strlen(_(k->help)), "    ",
			    "    ", 0, 0, &ro, NULL, out);
		} else if (rows_width(keys, env->ambiguous) + 3 > pw) {
			render_plain(keys, strlen(keys), "  ", "  ", 0,
			    AT_STRONG, &ro, NULL, out);
			render_plain(_(k->help), strlen(_(k->help)), rest, rest,
			    0, 0, &ro, NULL, out);
		} else {
			render_plain(_(k->help), strlen(_(k->help)), prefix,
			    rest, AT_STRONG, 0, &ro, NULL, out);
		}
		free(prefix);
		free(rest);
	}
}

/* The help FAQ (help/help.LANG.md, given by main.c): every section with
 * every question and its answer, open, as a section pager shows them. */
void
help_doc_lines(const struct view_env *env, int w, struct slines *out)
{
	const struct doc *h = env->help;
	struct render_opts ro = view_ropts(env, w);
	struct render_opts ra = view_ropts(env, w - 2);
	const char *bullet = env->ascii ? "* " : "\xe2\x96\xa0 "; /* ■ */
	char *rest = xasprintf("%*s", rows_width(bullet, env->ambiguous), "");
	size_t s, e, i;

	for (s = 0; s < h->ncolls; s++) {
		const struct entry *in = h->colls[s].intro;
		struct slines ans = {0};

		if (in == NULL)
			continue;
		render_answer(in, &ro, NULL, &ans);
		for (i = 0; i < ans.n; i++)
			sline_copy(slines_push(out), &ans.v[i]);
		slines_free(&ans);
		slines_push(out);
	}
	for (s = 0; s < h->nsecs; s++) {
		const struct section *sec = &h->secs[s];

		render_plain(sec->title, strlen(sec->title), "", "", 0,
		    AT_HEADING | AT_STRONG, &ro, NULL, out);
		for (e = sec->first; e < sec->first + sec->n; e++) {
			const struct entry *en = &h->entries[e];
			struct slines ans = {0};

			render_plain(en->question, en->question_len, bullet,
			    rest, AT_CHROME, AT_HEADING, &ro, NULL, out);
			render_answer(doc_entry_answer(h, en), &ra, NULL, &ans);
			for (i = 0; i < ans.n; i++) {
				struct sline *l = slines_push(out);

				sline_pad(l, 2, 0);
				sline_copy(l, &ans.v[i]);
			}
			slines_free(&ans);
		}
		slines_push(out);
	}
	free(rest);
}

void
help_lines(const struct view_env *env, int w, struct slines *out)
{
	struct render_opts ro = view_ropts(env, w);

	if (env->kiosk) {
		const char *t = _("Type anything to search: in the list, the "
		                  "questions and answers; in the pager, the "
		                  "page.  No letter is a command; these keys "
		                  "do the rest.");

		render_plain(t, strlen(t), "", "", 0, 0, &ro, NULL, out);
		slines_push(out);
	}
	help_mode(env, MB_OUTLINE, _("In the list"), w, out);
	slines_push(out);
	help_mode(env, MB_PAGER, _("In the pager"), w, out);
	slines_push(out);
	help_mode(env, MB_SEARCH, _("In the search field"), w, out);
	if (env->mouse) {
		const char *m = _("Mouse: a click opens or closes a question "
		                  "or the Expand all label, acts on a "
		                  "section row as Enter does and follows a "
		                  "link; the wheel scrolls.");

		slines_push(out);
		render_plain(m, strlen(m), "", "", 0, 0, &ro, NULL, out);
	}
}
