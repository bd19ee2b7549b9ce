/*
 * diag.h - diagnostics: problems found in content, reported as
 * "file:line:col: error|warning: message".
 *
 * The core never prints: it appends to a diag_list that the caller owns and
 * prints (main.c) or inspects (tests).  Lines and columns are 1-based;
 * columns count characters (code points), not bytes, so that an editor's
 * column number finds the spot in Japanese text.
 *
 * Bounded: after DIAG_MAX_KIND problems of one kind (the same message
 * format, file and severity) the rest are only counted, in one summary
 * entry that says how many more there were: a file of 100 000 duplicate
 * headings must not print 100 000 lines, nor keep them in memory.
 */
#ifndef FAQ_DIAG_H
#define FAQ_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* A note says what faq did with something it read (markup it dropped):
 * shown by --check, never counted as a problem. */
enum diag_severity { DIAG_WARNING, DIAG_ERROR, DIAG_NOTE };

struct diag {
	char *file; /* owned by the list */
	unsigned line,
	    col; /* 0 when not applicable (e.g. a file-level error) */
	enum diag_severity severity;
	char *msg; /* owned by the list; sanitised, one line */
	/* 0, or this entry is the summary of that many problems left out
	 * (msg then says of which kind) */
	size_t more;
};

#define DIAG_MAX_KIND 100

struct diag_kind; /* private to diag.c */

struct diag_list {
	struct diag *v;
	size_t n, cap;
	struct diag_kind *kinds; /* how many of each kind so far */
	size_t nkinds, capkinds;
};

/* Appends a diagnostic; fmt is printf-like.  Never fails (aborts on OOM). */
void diag_add(struct diag_list *l, const char *file, unsigned line,
    unsigned col, enum diag_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Number of problems of severity sev, those only counted included. */
size_t diag_count(const struct diag_list *l, enum diag_severity sev);
/* Writes every entry as "file:line:col: severity: message\n", a summary
 * as "file: severity: N more like this not shown: <first message>". */
void diag_print(const struct diag_list *l, FILE *fp);
/* Frees the entries; the list can be reused afterwards. */
void diag_clear(struct diag_list *l);

#endif
