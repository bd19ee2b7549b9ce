/* sanitize.c - the one cleaning step for displayed text; see sanitize.h. */
#include "sanitize.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

#define ESC 0x1b
#define BEL 0x07

struct out {
	char *p;
	size_t n, cap;
};

static void
out_reserve(struct out *o, size_t k)
{
	if (o->cap - o->n >= k)
		return;
	while (o->cap - o->n < k)
		o->cap = o->cap + o->cap / 2 + 16;
	o->p = xrealloc(o->p, o->cap);
}

static void
out_put(struct out *o, const char *s, size_t k)
{
	out_reserve(o, k);
	memcpy(o->p + o->n, s, k);
	o->n += k;
}

static void
out_fffd(struct out *o)
{
	out_put(o, "\xef\xbf\xbd", 3);
}

/*
 * Skips a control string (OSC, DCS, APC, PM, SOS body) starting at i: up to
 * and including BEL, ESC \ or ST (U+009C, or its raw byte), else up to the
 * end of the line.  Returns the index after it; *terminated says which.
 */
static size_t
skip_string(const unsigned char *s, size_t n, size_t i, int *terminated)
{
	for (; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			*terminated = 0;
			return i;
		}
		if (s[i] == BEL || s[i] == 0x9c) {
			*terminated = 1;
			return i + 1;
		}
		if (s[i] == ESC && i + 1 < n && s[i + 1] == '\\') {
			*terminated = 1;
			return i + 2;
		}
		if (s[i] == 0xc2 && i + 1 < n && s[i + 1] == 0x9c) {
			*terminated = 1;
			return i + 2;
		}
	}
	*terminated = 0;
	return i;
}

/* Skips a CSI body (parameters, intermediates, final byte) from i. */
static size_t
skip_csi(const unsigned char *s, size_t n, size_t i, int *terminated)
{
	while (i < n && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7e) {
		*terminated = 1;
		return i + 1;
	}
	/* Malformed or cut short: what follows is kept as text (it is
	 * printable, so harmless once the introducer is gone). */
	*terminated = 0;
	return i;
}

/* The C1 control that introduces a control string (OSC, DCS, ...). */
static int
c1_string_introducer(uint32_t cp)
{
	return cp == 0x90 || cp == 0x98 || cp == 0x9d || cp == 0x9e ||
	       cp == 0x9f;
}

/* The invisible characters that turn text around: the bidi embeddings,
 * overrides and isolates, and the marks LRM, RLM and ALM. */
static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
	       cp == 0x200f || cp == 0x061c;
}

/* Code points shown as a placeholder instead of themselves: controls,
 * separators, bidi controls, and the deprecated format characters
 * U+206A..206F (they switch shaping and digit forms, invisibly).  The
 * format characters that only join what is around them (ZWJ, ZWNJ, ZWSP,
 * WJ, the soft hyphen, tags) stay: emoji and scripts need them. */
int
sanitize_placeholder(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
	       cp == 0x2029 || is_bidi_control(cp) ||
	       (cp >= 0x206a && cp <= 0x206f);
}

/*
 * Byte classes for the fast path of sanitize_clean_len(): 0 a byte that
 * stands for itself (printable ASCII, LF, TAB), 3 the lead of a three-byte
 * character that is neither overlong, a surrogate nor a control (E1,
 * E3..EC, EE, EF: kana, kanji, full-width forms), so two continuation
 * bytes make it whole; 1 anything that needs utf8_decode().
 * tests/unit/test_sanitize.c pins the fast path to utf8_decode().
 */
static const unsigned char byte_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, /* 00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, /* 70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* a0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* b0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* c0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* d0 */
    1, 3, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 3, 3, /* e0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* f0 */
};

size_t
sanitize_clean_len(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t j = 0, len;
	uint32_t cp;

	/* hot: runs once over every byte of every file */
	while (j < n) {
		unsigned char k = byte_class[s[j]];

		/* runs of one class in tight loops: text is long runs of
		 * ASCII and long runs of kana and kanji */
		while (k == 0) {
			if (++j == n)
				return j;
			k = byte_class[s[j]];
		}
		while (k == 3 && j + 2 < n &&
		       ((s[j + 1] ^ 0x80) | (s[j + 2] ^ 0x80)) < 0x40) {
			j += 3;
			if (j == n)
				return j;
			k = byte_class[s[j]];
		}
		if (k == 0)
			continue;
		/* class 1, or a class-3 lead that is not followed by two
		 * continuation bytes: the careful path decides */
		if (s[j] < 0x80)
			break;
		len = utf8_decode(str + j, n - j, &cp);
		if (cp == UTF8_BAD || sanitize_placeholder(cp))
			break;
		j += len;
	}
	return j;
}

static void
report_at(sanitize_report_fn report, void *ctx, size_t off, const char *what)
{
	if (report != NULL)
		report(ctx, off, what);
}

char *
sanitize_text(const char *str, size_t n, size_t *outlen,
    sanitize_report_fn report, void *ctx)
{
	const unsigned char *s = (const unsigned char *)str;
	struct out o = {NULL, 0, 0};
	size_t i = 0, j, len;
	uint32_t cp;
	int term;

	o.cap = n + n / 64 + 16;
	o.p = xmalloc(o.cap);
	while (i < n) {
		/* The common case: a run of printable ASCII and valid,
		 * harmless UTF-8, copied in one go. */
		j = i + sanitize_clean_len(str + i, n - i);
		if (j > i) {
			out_put(&o, str + i, j - i);
			i = j;
			continue;
		}
		if (s[i] == '\r') {
			/* CRLF and lone CR both end a line. */
			out_put(&o, "\n", 1);
			i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		if (s[i] == '\0') {
			report_at(report, ctx, i, "NUL byte");
			out_fffd(&o);
			i++;
			continue;
		}
		if (s[i] == ESC && i + 1 < n && s[i + 1] >= 0x20 &&
		    s[i + 1] <= 0x7e) {
			size_t start = i;

			if (s[i + 1] == '[') {
				i = skip_csi(s, n, i + 2, &term);
			} else if (strchr("]P_^X", s[i + 1]) != NULL) {
				i = skip_string(s, n, i + 2, &term);
			} else {
				/* ESC, intermediates, one final byte:
				 * ESC c, ESC ( B, ESC 7 ... */
				i++;
				while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
					i++;
				term = i < n && s[i] >= 0x30 && s[i] <= 0x7e;
				if (term)
					i++;
			}
			report_at(report, ctx, start,
			    term ? "escape sequence removed"
			         : "unterminated escape sequence removed");
			continue;
		}
		len = utf8_decode(str + i, n - i, &cp);
		if (cp == UTF8_BAD) {
			/* one U+FFFD for the maximal subpart (utf8.h) */
			report_at(report, ctx, i, "invalid UTF-8");
			out_fffd(&o);
			i += len;
			continue;
		}
		if (cp == 0x9b || c1_string_introducer(cp)) {
			size_t start = i;

			if (cp == 0x9b)
				i = skip_csi(s, n, i + len, &term);
			else
				i = skip_string(s, n, i + len, &term);
			report_at(report, ctx, start,
			    term ? "escape sequence removed"
			         : "unterminated escape sequence removed");
			continue;
		}
		if (sanitize_placeholder(cp)) {
			report_at(report, ctx, i,
			    is_bidi_control(cp) ? "bidirectional control character"
			    : cp >= 0x206a      ? "invisible format character"
			                        : "control character");
			out_fffd(&o);
			i += len;
			continue;
		}
		out_put(&o, str + i, len);
		i += len;
	}
	out_reserve(&o, 1);
	o.p[o.n] = '\0';
	if (outlen != NULL)
		*outlen = o.n;
	return o.p;
}
