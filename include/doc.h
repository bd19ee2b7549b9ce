/*
 * doc.h - the document model: collections of sections of entries (question
 * + answer), answers as blocks of inline spans.
 *
 * Ownership: a struct doc owns everything reachable from it (one arena);
 * doc_free() releases it all.  Pointers into a doc stay valid until
 * doc_free(), except that the arrays colls/secs/entries may move while
 * files are still being loaded (load.h); after doc_finish() nothing
 * moves.
 *
 * Invariants after doc_finish():
 * - every string is sanitised UTF-8 (sanitize.h): valid, no NUL, no C0
 *   other than '\n' and '\t', no C1, no escape sequences, no bidi controls;
 * - entries of a section are contiguous (secs[s].first .. first+n-1), and so
 *   are sections of a collection; entries are in document order;
 * - entry ids are unique in the whole doc;
 * - entry->ref is -1 or the index of a non-reference entry;
 * - blocks nest at most DOC_MAX_DEPTH containers (LIST, ITEM, QUOTE) deep,
 *   so recursive walks are safe: deeper input is flattened into the
 *   innermost container allowed (with a warning), never dropped.
 *
 * Text layout of an entry: all answer text (span text, code block text,
 * table cells) lives in one buffer entry->text; spans and code blocks point
 * into it by byte offset.  Search (search.h) matches on that same buffer and
 * reports hits as byte ranges in it, which render.h turns into highlight
 * attributes: that is how a hit lands on exactly its cells.  Blocks are
 * separated in entry->text by '\n' bytes that no span covers.
 *
 * No curses here, and no I/O: load.h reads files into a doc.
 */
#ifndef FAQ_DOC_H
#define FAQ_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define DOC_MAX_DEPTH 32

enum span_kind {
	SPAN_TEXT,      /* text[off..off+len) */
	SPAN_SOFTBREAK, /* a source line break inside a paragraph; len 0 */
	SPAN_HARDBREAK, /* a forced line break; len 0 */
};

enum span_style {
	STYLE_EM = 1 << 0,
	STYLE_STRONG = 1 << 1,
	STYLE_CODE = 1 << 2,
	STYLE_LINK = 1 << 3,
	STYLE_DEL = 1 << 4,
};

struct span {
	uint32_t off, len; /* bytes in the owning entry's text */
	uint8_t kind;      /* enum span_kind */
	uint8_t style;     /* enum span_style bits; nesting is flattened */
	const char *href;  /* link target, NUL-terminated, when STYLE_LINK */
};

enum block_kind {
	BLOCK_PARA,    /* spans */
	BLOCK_HEADING, /* spans, level: a heading inside an answer (#####) */
	BLOCK_LIST,    /* children are BLOCK_ITEMs; ordered, start, tight */
	BLOCK_ITEM,    /* children: the item's blocks (tight text is a PARA) */
	BLOCK_QUOTE,   /* children */
	BLOCK_CODE,  /* code_off, code_len: raw text, tabs kept, '\n' ends lines
	              */
	BLOCK_TABLE, /* ncols, nrows, cells (row 0 is the header), align */
	BLOCK_HR,    /* nothing */
};

enum cell_align { ALIGN_DEFAULT, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct cell {
	const struct span *spans;
	uint32_t nspans;
};

/*
 * A block is 32 bytes (a 78 MB FAQ has 750 000 of them): the members that
 * only some kinds use share storage.  Read only the members the kind names
 * below; the others alias them and hold nonsense for that kind (switch on
 * kind before touching spans, children, code or cells).  A block of a kind
 * that has no such members (HR) has them all zero.
 */
struct block {
	uint8_t kind;    /* enum block_kind */
	uint8_t ordered; /* LIST: 1 for 1. 2. 3. */
	uint8_t tight;   /* LIST: no blank lines between items */
	uint8_t level;   /* HEADING: 1..6 */
	uint32_t line;   /* 1-based source line where the block starts */
	union {
		struct { /* PARA, HEADING */
			const struct span *spans;
			uint32_t nspans;
		};
		struct { /* LIST, ITEM, QUOTE */
			const struct block *children;
			uint32_t nchildren;
			uint32_t
			    start; /* LIST, ordered: number of the first item */
		};
		struct { /* CODE */
			uint32_t code_off, code_len;
		};
		struct {                          /* TABLE */
			const struct cell *cells; /* nrows * ncols, row-major */
			const uint8_t *align;     /* ncols x enum cell_align */
			uint32_t ncols, nrows;
		};
	};
};

struct entry {
	const char *id;       /* unique; "{#id}" or a GitHub-style slug */
	const char *question; /* plain text of the heading, markup removed */
	uint32_t question_len;
	const char *text; /* answer text buffer, see above */
	uint32_t text_len;
	const struct block *blocks;
	uint32_t nblocks;
	uint32_t line, col; /* position of the question heading */
	uint32_t section;   /* index into doc->secs */
	int32_t ref; /* a reference: index of the target entry, else -1 */
};

struct section {
	const char *title; /* plain text */
	const char *id;
	uint32_t collection; /* index into doc->colls */
	uint32_t first, n;   /* entries */
	uint32_t line;
	/* Text between the section heading and its first question, or NULL.
	 * An entry outside doc->entries: id "", question = title, ref -1. */
	const struct entry *intro;
};

struct collection {
	const char *path;  /* file it came from, as given */
	const char *title; /* "# Title", front matter, else the file name */
	/* front matter "lang", else what the text is written in (kana,
	 * kanji, hangul: i18n_guess_lang()), else "" */
	const char *lang;
	/* how its questions are written, as faq --check says it: the name
	 * of the recogniser that found them (shape.h), static */
	const char *shape;
	const char *shape_what;
	uint32_t first, n; /* sections */
	/* Text between the title and the first section, or NULL; like
	 * section.intro (section is the collection's first section, or
	 * UINT32_MAX when it has none). */
	const struct entry *intro;
};

struct doc {
	struct collection *colls;
	size_t ncolls;
	struct section *secs;
	size_t nsecs;
	struct entry *entries;
	size_t nentries;
	struct arena *arena; /* owns all strings, spans and blocks */
	void *priv;          /* loader state and the id table */
};

/* An empty doc; aborts on OOM. */
struct doc *doc_new(void);
void doc_free(struct doc *d);

/*
 * Resolves references and #id links, checks ids, builds the id table.
 * Call once after the last file is loaded (load.h).
 */
void doc_finish(struct doc *d, struct diag_list *diags);

/* The entry with id, or NULL.  id may be percent-encoded (as links to
 * Japanese ids often are: "%E8%AB%8B..."). */
const struct entry *doc_entry_by_id(const struct doc *d, const char *id);
/* The section with id (sections and entries share one id space), or NULL. */
const struct section *doc_section_by_id(const struct doc *d, const char *id);
/* The entry whose answer e shows: its reference target, or e itself. */
const struct entry *doc_entry_answer(
    const struct doc *d, const struct entry *e);

#endif
