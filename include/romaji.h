/*
 * romaji.h - romaji queries (issue 11): a visitor without a Japanese input
 * method types `seikyuusho` and finds 請求書.  C/Migemo (libmigemo, with
 * the dictionary Debian's cmigemo-common builds from SKK-JISYO) turns the
 * letters into a regular expression of the words they spell; this module
 * expands that expression into the plain strings it lists, which search.h
 * matches as alternatives of the term, all of them in one pass of its
 * multi-literal search (a regex engine over the folded index would be
 * slower than that, and the expression is only ever a list of words with
 * character classes at its tails).
 *
 * The romaji to kana tables are migemo's own data files (roma2hira.dat,
 * hira2kata.dat in the dictionary's directory), never a table of ours:
 * without the dictionary, migemo is opened on those alone and romaji still
 * finds the words written in kana (`kurejitto` → クレジット).
 *
 * Loading the dictionary takes about 300 ms.  romaji_new() can start it on
 * the second core (the benchmark does); the browser leaves it to the first
 * romaji query, so that quitting never waits for a load.
 *
 * Ownership: struct romaji owns the migemo handle; romaji_free() releases
 * it.  romaji_alts() may be called from one thread at a time.
 */
#ifndef FAQ_ROMAJI_H
#define FAQ_ROMAJI_H

#include <stddef.h>

#include "doc.h"

enum romaji_mode { ROMAJI_AUTO, ROMAJI_ALWAYS, ROMAJI_NEVER };

/* What romaji can find. */
enum romaji_level {
	ROMAJI_OFF,  /* never, or no migemo data at all: literal only */
	ROMAJI_KANA, /* no dictionary: words written in kana */
	ROMAJI_FULL, /* kana and the dictionary's words */
};

/* The fewest letters a term needs before it is read as romaji: "ka" or
 * "se" would match half of any Japanese text. */
#define ROMAJI_MIN_LETTERS 3

struct romaji;

/* The dictionary faq uses (malloc'd): $FAQ_MIGEMO_DICT, else migemo-dict
 * in the data directory: $FAQ_MIGEMO_DATA, else cmigemo-common's
 * /usr/share/cmigemo/utf-8, where roma2hira.dat and hira2kata.dat are
 * read from too. */
char *romaji_dict_path(void);

/* What romaji would do (without loading anything): for --version and
 * --check. */
enum romaji_level romaji_probe(void);

/* Whether mode turns romaji on for d: auto means when d has Japanese
 * (front matter lang "ja", or kana in a title or question). */
int romaji_wanted(enum romaji_mode mode, const struct doc *d);

/* Starts loading on a second thread (background), or (kiosk mode, which
 * starts no thread) leaves it to the first query that needs it; never
 * NULL. */
struct romaji *romaji_new(int background);
void romaji_free(struct romaji *r);
/* The level it loaded (waits for the load). */
enum romaji_level romaji_level(struct romaji *r);

/*
 * The words a term spells, for search_query_new_alts(): r is a struct
 * romaji.  A term of fewer than ROMAJI_MIN_LETTERS ASCII letters, or with
 * anything but letters, '-' and '\'', has none.  The words come kana
 * first (the readings of an unfinished syllable as their common start:
 * seik → せい), then longer words before single characters, at most
 * ROMAJI_MAX_WORDS (the search finds them all in one pass, but each word
 * is a literal to compare where its first characters occur); each
 * malloc'd, in a malloc'd *out.
 */
#define ROMAJI_MAX_WORDS 7
size_t romaji_alts(void *r, const char *term, size_t tn, char ***out);

/* Expands a migemo expression (alternation '|', groups '(' ')', classes
 * '[' ']', '\\' escapes) into at most max strings (malloc'd, in *out);
 * returns their number.  Exposed for the unit tests. */
size_t romaji_expand(const char *rx, size_t max, char ***out);

#endif
