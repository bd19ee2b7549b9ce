/*
 * rows.h - what every view of the browser builds its screen from: a screen
 * of rows, a styled line fitted to exactly the width of a row, the status
 * row, the width of a UI string, and the one-shot message line.
 *
 * Below the views: the outline, the pager, the search field and the help
 * listing call down into it; it calls no view and knows no browser state.
 *
 * Invariant of every row built here: exactly the width asked for, never a
 * wide character cut in half or shown past the edge (a character that does
 * not fit is left out and the row padded with spaces), so that the drawing
 * step can paint a row without measuring it again.
 */
#ifndef FAQ_ROWS_H
#define FAQ_ROWS_H

#include <stdint.h>

#include "sline.h"

/* A screen as the browser builds it (browser_render) and a front end
 * paints it.  A screen owns its lines: screen_free(). */
struct screen {
	int w, h;
	struct slines rows;     /* exactly h lines, each exactly w columns */
	int cursor_y, cursor_x; /* the selected row, for the hardware cursor */
};

void screen_free(struct screen *s);

/* Appends to dst the part of src that fits in w columns, never cutting or
 * half-showing a wide character, padded with spaces to exactly w columns;
 * or_attr is or'ed into every byte (the selection is a bar across the whole
 * row).  src's links are kept where they still show. */
void rows_fit(struct sline *dst, const struct sline *src, int w, int ambiguous,
    uint16_t or_attr);

/* The status row into dst: left text and a right-aligned indicator (right
 * may be NULL), exactly w wide.  The indicator wins when both do not fit. */
void rows_status(struct sline *dst, const char *left, const char *right, int w,
    int ambiguous);

/* s as text for one row, malloc'd: the tabs and line breaks content may
 * hold (doc.h) become spaces, as the renderer shows them, so that no
 * control character reaches a row to move the terminal's cursor.
 * rows_status() applies it to what it is given. */
char *rows_one_line(const char *s);

/* Display width of the NUL-terminated UI string s (width.h). */
int rows_width(const char *s, int ambiguous);

/*
 * The message line: a one-shot status message, set by an action, shown
 * instead of the key hints by the next screen, and dropped by the next key.
 * text is NULL (no message) or malloc'd and owned by the struct.
 */
struct rows_msg {
	char *text;
};

/* Sets the message (a later one replaces an earlier one). */
void rows_msg_set(struct rows_msg *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Moves src's message, when it has one, into dst; src is left empty. */
void rows_msg_move(struct rows_msg *dst, struct rows_msg *src);
void rows_msg_clear(struct rows_msg *m);

#endif
