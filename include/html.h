/*
 * html.h - HTML as FAQ files carry it inside Markdown, turned into the
 * blocks and spans the Markdown reader builds: events for a builder.
 *
 * Parsed with gumbo (the HTML5 parsing algorithm, as a browser parses a
 * fragment inside a <div>): misnested and unclosed tags, entities and
 * stray '<' come out as a browser would show them, not as tag soup.
 *
 * What becomes what (each as its Markdown counterpart): p, h1-h6, ul/ol/li,
 * blockquote, pre, hr and simple tables are blocks; b/strong, i/em, u/ins,
 * s/del/strike, code/kbd/samp/tt and a href are styled text; br a hard
 * break; img its alt text; <summary> a strong paragraph of its own kind
 * (HTML_SUMMARY, so that shape.c can make it a question); name= and id=
 * link targets.  Comments, script, style and template are hidden; any
 * other tag shows its text without the tag.  Entities are decoded and the
 * text passes through the sanitising rules again (an entity may spell a
 * control character).  Whitespace collapses as in a browser; a run of it
 * with a line break in it is a soft break, so the renderer's rule for
 * joining Japanese lines holds for HTML as well.
 *
 * Owns nothing after html_parse() returns: every string handed to the sink
 * lives only during its call.  No global state (gumbo has none either), so
 * two parses may run on two threads (split.c).
 */
#ifndef FAQ_HTML_H
#define FAQ_HTML_H

#include <stddef.h>
#include <stdint.h>

enum html_block {
	HTML_PARA,
	HTML_HEADING,
	HTML_SUMMARY, /* <summary>: a paragraph, strong, that may be a question */
	HTML_LIST,
	HTML_ITEM,
	HTML_QUOTE,
	HTML_CODE, /* <pre>: text verbatim, '\n' ends lines */
	HTML_HR,
	HTML_TABLE, /* nrows x ncols; row 0 is the header */
	HTML_CELL,  /* row, col; phrasing inside */
};

struct html_open {
	uint8_t kind;    /* enum html_block */
	uint8_t level;   /* HEADING: 1..6 */
	uint8_t ordered; /* LIST: <ol> */
	uint8_t align;   /* CELL: enum cell_align (doc.h) */
	uint32_t start;  /* LIST, ordered: the first number */
	uint32_t line;   /* 1-based line of the tag in the parsed text */
	uint32_t nrows, ncols; /* TABLE */
	uint32_t row, col;     /* CELL */
};

/*
 * What html_parse() calls.  Blocks open and close in nesting order; text
 * and breaks come only inside a leaf (PARA, HEADING, SUMMARY, CODE, CELL)
 * or, for a phrasing parse, inside the caller's own leaf.  style is
 * enum span_style bits (doc.h); href is NULL or the link target.
 */
struct html_sink {
	void *ctx;
	void (*open)(void *ctx, const struct html_open *o);
	void (*close)(void *ctx, enum html_block kind);
	void (*text)(void *ctx, const char *s, size_t n, uint8_t style,
	    const char *href);
	void (*brk)(void *ctx, int hard); /* hard: <br>; else a soft break */
	void (*anchor)(void *ctx, const char *id); /* name= or id= */
};

/*
 * Parses s[0..n) and calls the sink.  flow 1: the fragment stands where
 * blocks may (an HTML block); flow 0: it is the inside of one paragraph,
 * heading or cell (inline HTML), and block tags become line breaks.
 */
void html_parse(const char *s, size_t n, int flow, const struct html_sink *k);

#endif
