/*
 * bindings.c - the key table and its lookup; see bindings.h.
 */
#include "bindings.h"

#include "i18n.h"

#define MB_VIEW (MB_PAGER | MB_HELP)
#define MB_ALL (MB_OUTLINE | MB_PAGER | MB_HELP)

/* Order matters: the first active binding that matches wins, so the
 * kiosk-only Ctrl-C comes before the ordinary one and the kiosk catch-all
 * for printable keys comes last. */
/* clang-format off */
const struct binding bindings_table[] = {
	/* (before Up/Down of the results: in kiosk mode they stay that) */
	{K_UP, 0, MB_SEARCH, ACT_SEARCH_HIST_PREV, KF_NOKIOSK,
	    N_("Earlier query from the history")},
	{K_DOWN, 0, MB_SEARCH, ACT_SEARCH_HIST_NEXT, KF_NOKIOSK,
	    N_("Later query from the history")},
	{K_UP, 0, MB_ALL | MB_SEARCH, ACT_UP, 0, N_("Move up")},
	{K_CHAR, 'k', MB_ALL, ACT_UP, KF_LETTER, N_("Move up")},
	{K_DOWN, 0, MB_ALL | MB_SEARCH, ACT_DOWN, 0, N_("Move down")},
	{K_CHAR, 'j', MB_ALL, ACT_DOWN, KF_LETTER, N_("Move down")},
	{K_PGUP, 0, MB_ALL | MB_SEARCH, ACT_PGUP, 0, N_("Page up")},
	{K_CHAR, 'b', MB_ALL, ACT_PGUP, KF_LETTER, N_("Page up")},
	{K_PGDN, 0, MB_ALL | MB_SEARCH, ACT_PGDN, 0, N_("Page down")},
	{K_CHAR, ' ', MB_ALL, ACT_PGDN, 0, N_("Page down")},
	{K_CTRL, 'f', MB_ALL, ACT_PGDN, 0, N_("Page down")},
	{K_CTRL, 'b', MB_ALL, ACT_PGUP, 0, N_("Page up")},
	/* Kiosk with --allow-quit: Ctrl-D quits (before the half page). */
	{K_CTRL, 'd', MB_ALL, ACT_QUIT, KF_EXIT | KF_KIOSK, N_("Quit")},
	{K_CHAR, 'd', MB_ALL, ACT_HALF_DOWN, KF_LETTER, N_("Half a page down")},
	{K_CTRL, 'd', MB_ALL, ACT_HALF_DOWN, 0, N_("Half a page down")},
	{K_CHAR, 'u', MB_ALL, ACT_HALF_UP, KF_LETTER, N_("Half a page up")},
	{K_CTRL, 'u', MB_ALL, ACT_HALF_UP, 0, N_("Half a page up")},
	{K_HOME, 0, MB_ALL, ACT_TOP, KF_JUMP, N_("Go to the top")},
	{K_CHAR, 'g', MB_ALL, ACT_TOP, KF_LETTER | KF_JUMP,
	    N_("Go to the top")},
	{K_END, 0, MB_ALL, ACT_BOTTOM, KF_JUMP, N_("Go to the end")},
	{K_CHAR, 'G', MB_ALL, ACT_BOTTOM, KF_LETTER | KF_JUMP,
	    N_("Go to the end")},
	{K_ENTER, 0, MB_OUTLINE, ACT_ENTER, 0,
	    N_("Open; on an open answer or section: the pager")},
	{K_RIGHT, 0, MB_OUTLINE, ACT_OPEN, 0, N_("Open")},
	{K_CHAR, 'l', MB_OUTLINE, ACT_OPEN, KF_LETTER, N_("Open")},
	{K_LEFT, 0, MB_OUTLINE, ACT_CLOSE, 0,
	    N_("Close, or go to the section")},
	{K_CHAR, 'h', MB_OUTLINE, ACT_CLOSE, KF_LETTER,
	    N_("Close, or go to the section")},
	{K_CHAR, 'a', MB_OUTLINE, ACT_SECTION_ALL, KF_LETTER,
	    N_("Expand or collapse all answers of the section")},
	{K_F2, 0, MB_OUTLINE, ACT_SECTION_ALL, 0,
	    N_("Expand or collapse all answers of the section")},
	{K_CHAR, 'A', MB_OUTLINE, ACT_ALL, KF_LETTER,
	    N_("Expand or collapse everything")},
	/* (a jump only when it goes to a section: outline.c records it) */
	{K_TAB, 0, MB_OUTLINE, ACT_NEXT_SECTION, 0,
	    N_("Next link on the screen, then the next section")},
	{K_BTAB, 0, MB_OUTLINE, ACT_PREV_SECTION, 0,
	    N_("Previous link on the screen, then the previous section")},
	{K_CHAR, 'p', MB_OUTLINE, ACT_PAGER, KF_LETTER,
	    N_("Read in the pager")},
	{K_CHAR, '/', MB_OUTLINE, ACT_SEARCH, 0, N_("Search as you type")},
	{K_CHAR, 'n', MB_OUTLINE, ACT_NEXT_HIT, KF_LETTER | KF_JUMP,
	    N_("Next search hit")},
	{K_CHAR, 'N', MB_OUTLINE, ACT_PREV_HIT, KF_LETTER | KF_JUMP,
	    N_("Previous search hit")},
	{K_ESC, 0, MB_OUTLINE, ACT_ESC, 0, N_("Clear the search")},
	{K_CHAR, 'o', MB_OUTLINE, ACT_ORDER, KF_LETTER,
	    N_("Search results best first, or in document order")},
	{K_ENTER, 0, MB_SEARCH, ACT_SEARCH_ACCEPT, 0,
	    N_("Keep the results and move into them")},
	{K_ESC, 0, MB_SEARCH, ACT_SEARCH_CANCEL, 0,
	    N_("Cancel: back to the view from before")},
	{K_BACKSPACE, 0, MB_SEARCH, ACT_SEARCH_BS, 0, N_("Delete a character")},
	{K_DELETE, 0, MB_SEARCH, ACT_SEARCH_DEL, 0,
	    N_("Delete the character under the cursor")},
	{K_CTRL, 'w', MB_SEARCH, ACT_SEARCH_WORD, 0, N_("Delete a word")},
	{K_CTRL, 'u', MB_SEARCH, ACT_SEARCH_KILL, 0,
	    N_("Delete everything before the cursor")},
	{K_CTRL, 'k', MB_SEARCH, ACT_SEARCH_KILL_END, 0,
	    N_("Delete everything from the cursor")},
	{K_LEFT, 0, MB_SEARCH, ACT_SEARCH_LEFT, 0, N_("Cursor left")},
	{K_RIGHT, 0, MB_SEARCH, ACT_SEARCH_RIGHT, 0, N_("Cursor right")},
	{K_HOME, 0, MB_SEARCH, ACT_SEARCH_HOME, 0,
	    N_("Cursor to the start of the query")},
	{K_CTRL, 'a', MB_SEARCH, ACT_SEARCH_HOME, 0,
	    N_("Cursor to the start of the query")},
	{K_END, 0, MB_SEARCH, ACT_SEARCH_END, 0,
	    N_("Cursor to the end of the query")},
	{K_CTRL, 'e', MB_SEARCH, ACT_SEARCH_END, 0,
	    N_("Cursor to the end of the query")},
	{K_CHAR, 0, MB_SEARCH, ACT_SEARCH_TYPE, KF_NOHELP, NULL},
	{K_CHAR, '/', MB_PAGER, ACT_SEARCH, 0, N_("Search this page")},
	{K_CHAR, 'n', MB_PAGER, ACT_NEXT_HIT, KF_LETTER, N_("Next search hit")},
	{K_CHAR, 'N', MB_PAGER, ACT_PREV_HIT, KF_LETTER,
	    N_("Previous search hit")},
	{K_CHAR, ']', MB_PAGER, ACT_NEXT_ENTRY, 0, N_("Next question")},
	{K_CHAR, '[', MB_PAGER, ACT_PREV_ENTRY, 0, N_("Previous question")},
	{K_TAB, 0, MB_PAGER, ACT_NEXT_LINK, 0, N_("Next link")},
	{K_BTAB, 0, MB_PAGER, ACT_PREV_LINK, 0, N_("Previous link")},
	{K_ENTER, 0, MB_PAGER, ACT_FOLLOW, 0, N_("Follow the selected link")},
	{K_RIGHT, 0, MB_PAGER, ACT_FOLLOW, 0, N_("Follow the selected link")},
	{K_CHAR, 'l', MB_PAGER, ACT_FOLLOW, KF_LETTER,
	    N_("Follow the selected link")},
	{K_BACKSPACE, 0, MB_ALL, ACT_BACK, 0, N_("Back")},
	{K_CHAR, 'q', MB_VIEW, ACT_LEAVE, 0, N_("Back to the list")},
	{K_ESC, 0, MB_VIEW, ACT_LEAVE, 0, N_("Back to the list")},
	{K_LEFT, 0, MB_VIEW, ACT_LEAVE, 0, N_("Back to the list")},
	{K_CHAR, 'h', MB_VIEW, ACT_LEAVE, KF_LETTER, N_("Back to the list")},
	{K_CHAR, '?', MB_HELP, ACT_LEAVE, KF_NOHELP, N_("Back to the list")},
	{K_CHAR, '?', MB_OUTLINE | MB_PAGER, ACT_HELP, 0, N_("Help")},
	{K_F1, 0, MB_OUTLINE | MB_PAGER, ACT_HELP, 0, N_("Help")},
	{K_F1, 0, MB_HELP, ACT_LEAVE, KF_NOHELP, N_("Back to the list")},
	{K_CTRL, 'c', MB_ALL | MB_SEARCH, ACT_HOME, KF_KIOSK,
	    N_("Back to the start")},
	{K_CTRL, 'c', MB_SEARCH, ACT_SEARCH_CANCEL, KF_NOHELP, NULL},
	{K_CHAR, 'q', MB_OUTLINE, ACT_QUIT, KF_EXIT | KF_LETTER, N_("Quit")},
	{K_CTRL, 'c', MB_ALL, ACT_QUIT, KF_EXIT, N_("Quit")},
	/* Kiosk: a visitor just types; every printable key searches, the
	 * list or (in the pager) the page.  On the help page it does
	 * nothing. */
	{K_CHAR, 0, MB_OUTLINE | MB_PAGER, ACT_SEARCH_TYPE,
	    KF_KIOSK | KF_NOHELP, NULL},
};
/* clang-format on */
const size_t bindings_count = sizeof bindings_table / sizeof bindings_table[0];

/*
 * The kiosk rules, all of them: a visitor types, so every printable key is
 * search input (in the list and in the pager: the catch-all at the end of
 * the table; on the help page it does nothing) and no printable key is a
 * command anywhere (not q, ?, [, ] or Space); quitting (--allow-quit) is
 * Ctrl-D, a key no one types into a search; the kiosk-only bindings
 * (Ctrl-C home) are off outside kiosk mode.
 */
int
bindings_active(
    const struct binding *k, unsigned mode, int kiosk, int allow_quit)
{
	if ((k->flags & KF_KIOSK) && !kiosk)
		return 0;
	if ((k->flags & KF_NOKIOSK) && kiosk)
		return 0;
	if (!kiosk)
		return 1;
	if ((k->flags & KF_EXIT) && !allow_quit)
		return 0;
	if (k->flags & KF_LETTER)
		return 0;
	if (k->key == K_CHAR && !(mode & MB_SEARCH) && !(k->flags & KF_KIOSK))
		return 0;
	return 1;
}

const struct binding *
bindings_lookup(
    const struct key_event *k, unsigned mode, int kiosk, int allow_quit)
{
	size_t i;

	for (i = 0; i < bindings_count; i++) {
		const struct binding *e = &bindings_table[i];

		if (e->key != k->key || !(e->modes & mode))
			continue;
		if ((k->key == K_CHAR || k->key == K_CTRL) && e->ch != 0 &&
		    e->ch != k->ch)
			continue;
		if (!bindings_active(e, mode, kiosk, allow_quit))
			continue;
		return e;
	}
	return NULL;
}
