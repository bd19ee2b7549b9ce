/*
 * sline.h - styled lines: UTF-8 text plus one attribute word per byte.
 *
 * Everything that reaches the screen or --print is first built as styled
 * lines (like less's line buffer): render.h fills them, the browser
 * composes them into a screen, and only the drawing step (tui.c) or the
 * dump/print writer turns them into output.  A line owns its buffers;
 * slines_free() releases a list and every line in it.
 *
 * Invariant kept by the writers (render.h, browser): text is sanitised UTF-8
 * without '\n', and width is its display width (width.h), never more than
 * the width the line was built for.
 */
#ifndef FAQ_SLINE_H
#define FAQ_SLINE_H

#include <stddef.h>
#include <stdint.h>

/* Attribute bits, per byte; several may combine. */
enum sline_attr {
	AT_EM = 1 << 0,
	AT_STRONG = 1 << 1,
	AT_CODE = 1 << 2,
	AT_LINK = 1 << 3,
	AT_DEL = 1 << 4,
	AT_HIGHLIGHT = 1 << 5, /* a search hit */
	AT_SELECTED = 1 << 6,  /* the selected row or link */
	AT_HEADING = 1 << 7,   /* titles, section and question rows */
	AT_CHROME = 1 << 8, /* markers, quote bars, rules, continuation marks */
	AT_STATUS = 1 << 9, /* the status line */
	AT_DIM = 1 << 10,   /* secondary text: counts, snippets, hints */
};

/* A link on a line: bytes [start, end) show a link to href (not owned). */
struct sline_link {
	uint32_t start, end;
	const char *href;
};

struct sline {
	char *text;     /* NUL-terminated */
	uint16_t *attr; /* len entries */
	size_t len, cap;
	int width; /* display columns */
	struct sline_link *links;
	size_t nlinks, linkcap;
};

struct slines {
	struct sline *v;
	size_t n, cap;
};

/* Appends n bytes of text all with attribute attr; w is their width. */
void sline_append(
    struct sline *l, const char *s, size_t n, uint16_t attr, int w);
/* Appends n spaces. */
void sline_pad(struct sline *l, int n, uint16_t attr);
/* Records a link over the bytes [start, end) of l. */
void sline_add_link(
    struct sline *l, size_t start, size_t end, const char *href);
/* Empties a line, keeping its buffers. */
void sline_reset(struct sline *l);
/* Whether some byte of l has every bit of attr (AT_HIGHLIGHT: a search
 * hit is on the line). */
int sline_has_attr(const struct sline *l, uint16_t attr);
void sline_free(struct sline *l);
/* Deep copy of src appended to dst. */
void sline_copy(struct sline *dst, const struct sline *src);

/* A new empty line at the end of ls; the pointer is valid until the next
 * slines_push. */
struct sline *slines_push(struct slines *ls);
/* Frees every line's buffers; ls can be reused. */
void slines_clear(struct slines *ls);
void slines_free(struct slines *ls);

#endif
