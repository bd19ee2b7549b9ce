/*
 * sanitize.h - the one cleaning step every displayed string goes through
 * (content, headings, file names, the search query, messages); see
 * ../shared/docs/TEXT.md "Sanitise once, at load".
 *
 * - invalid UTF-8 and NUL become U+FFFD: one per invalid character as
 *   utf8.h reads it (a maximal subpart), so "E3 81" is one U+FFFD;
 * - CRLF and lone CR become LF; LF is never removed (line numbers survive);
 * - whole escape sequences are removed: CSI to its final byte, OSC, DCS,
 *   APC, PM, SOS to BEL or ST (an unterminated one ends at the end of its
 *   line), and the C1 forms U+009B, U+009D, U+0090, U+009E, U+009F;
 * - other C0 except LF and TAB, DEL, U+0080-U+009F, U+2028, U+2029, the
 *   bidi controls U+202A-U+202E, U+2066-U+2069 and marks U+200E, U+200F,
 *   U+061C, and the deprecated format characters U+206A-U+206F become a
 *   visible one-column placeholder (U+FFFD).  Format characters that only
 *   join their neighbours (ZWJ, ZWNJ, ZWSP, WJ, soft hyphen, tags) stay.
 */
#ifndef FAQ_SANITIZE_H
#define FAQ_SANITIZE_H

#include <stddef.h>
#include <stdint.h>

/* Called once per problem: offset is the byte offset in the input, what a
 * short English phrase ("invalid UTF-8", "escape sequence removed", ...). */
typedef void (*sanitize_report_fn)(void *ctx, size_t offset, const char *what);

/*
 * Returns a malloc'd, NUL-terminated clean copy of s[0..n) and stores its
 * length in *outlen (may be NULL).  report may be NULL.  The result is never
 * longer than 3 * n + 1 bytes.
 */
char *sanitize_text(const char *s, size_t n, size_t *outlen,
    sanitize_report_fn report, void *ctx);

/*
 * The length of the longest prefix of s[0..n) that sanitize_text() would
 * copy unchanged: when it is n, s is already clean and a loader can use it
 * as it is instead of a copy (a 78 MB file then costs 78 MB, not 156).
 */
size_t sanitize_clean_len(const char *s, size_t n);

/* Whether the code point cp (valid, not a surrogate) is one the rules
 * above show as a placeholder: for text decoded later (a numeric or named
 * character reference, a typed key), so it cannot bring back what
 * cleaning removed. */
int sanitize_placeholder(uint32_t cp);

#endif
