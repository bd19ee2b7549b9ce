/* wrap.c - line breaking with Japanese rules; see wrap.h. */
#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "width.h"
#include "xalloc.h"

/* Per-byte flags in the scratch table. */
enum {
	F_START = 1, /* a grapheme cluster starts at this byte */
	F_BREAK = 2, /* a line may break before this byte */
	F_SPACE = 4, /* the cluster here is a space (dropped at a break) */
};

static int
is_fw_digit(uint32_t c)
{
	return c >= 0xFF10 && c <= 0xFF19;
}

/* Signs that belong to the full-width number after them: ＃１, ＄５, ￥９. */
static int
is_fw_prefix(uint32_t c)
{
	return c == 0xFF03 || c == 0xFF04 || c == 0xFFE5 || c == 0xFF0B ||
	       c == 0xFF0D;
}

/* Separators inside a full-width number: １，２８０, ３．１４, １２：３０. */
static int
is_fw_separator(uint32_t c)
{
	return c == 0xFF0C || c == 0xFF0E || c == 0xFF1A;
}

/*
 * East Asian Ambiguous symbols that Japanese text sets like ideographs:
 * with encoding "UTF-8" libunistring resolves them to AL, so a run such as
 * ①②③, ────── or ※※※ would be one unbreakable word.  ―― (U+2015) is left
 * out on purpose: a doubled dash must stay together.
 */
static int
is_ambiguous_symbol(uint32_t c)
{
	return c == 0x203B || (c >= 0x2190 && c <= 0x21FF) ||
	       (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2500 && c <= 0x25FF) ||
	       c == 0x2605 || c == 0x2606;
}

/*
 * Code points that are a grapheme cluster of their own whatever surrounds
 * them (not Extend, SpacingMark, ZWJ, Prepend, a regional indicator or
 * Hangul).  Text made only of these needs no u8_grapheme_breaks() call,
 * which is most of a Japanese FAQ and saves a third of the time.
 */
static int
is_simple(uint32_t c)
{
	if (c < 0x300)
		return c >= 0x20 || c == '\n' || c == '\t';
	if (c >= 0x3000)
		return (c <= 0x3029) || (c >= 0x3030 && c <= 0x303F) ||
		       (c >= 0x3041 && c <= 0x3096) ||
		       (c >= 0x30A0 && c <= 0x30FF) ||
		       (c >= 0x4E00 && c <= 0x9FFF) ||
		       (c >= 0xFF01 && c <= 0xFF9D);
	/* Punctuation and symbols, but not ZWJ, ZWNJ or other format
	 * characters. */
	return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	       (c >= 0x2100 && c <= 0x27BF);
}

/* Line-start-prohibited characters (gyoto kinsoku), for emergency breaks:
 * the ordinary opportunities of UAX #14 already respect them. */
static int
is_nostart(uint32_t c)
{
	switch (c) {
	case 0x3001:
	case 0x3002:
	case 0x3005:
	case 0x3009:
	case 0x300B:
	case 0x300D:
	case 0x300F:
	case 0x3011:
	case 0x3015:
	case 0x3017:
	case 0x3019:
	case 0x301B:
	case 0x301C:
	case 0x301E:
	case 0x301F:
	case 0x303B:
	case 0x3041:
	case 0x3043:
	case 0x3045:
	case 0x3047:
	case 0x3049:
	case 0x3063:
	case 0x3083:
	case 0x3085:
	case 0x3087:
	case 0x308E:
	case 0x3095:
	case 0x3096:
	case 0x3099:
	case 0x309A:
	case 0x309B:
	case 0x309C:
	case 0x309D:
	case 0x309E:
	case 0x30A0:
	case 0x30A1:
	case 0x30A3:
	case 0x30A5:
	case 0x30A7:
	case 0x30A9:
	case 0x30C3:
	case 0x30E3:
	case 0x30E5:
	case 0x30E7:
	case 0x30EE:
	case 0x30F5:
	case 0x30F6:
	case 0x30FB:
	case 0x30FC:
	case 0x30FD:
	case 0x30FE:
	case 0x203C:
	case 0x2047:
	case 0x2048:
	case 0x2049:
	case 0xFF01:
	case 0xFF09:
	case 0xFF0C:
	case 0xFF0E:
	case 0xFF1A:
	case 0xFF1B:
	case 0xFF1F:
	case 0xFF3D:
	case 0xFF5D:
	case 0xFF5E:
	case 0xFF60:
	case 0xFF61:
	case 0xFF63:
	case 0xFF64:
	case 0xFF65:
	case 0xFF70:
	case 0xFF9E:
	case 0xFF9F:
		return 1;
	default:
		return (c >= 0x31F0 && c <= 0x31FF) ||
		       (c >= 0xFF67 && c <= 0xFF6F);
	}
}

/* Line-end-prohibited characters (gyomatsu kinsoku): openers. */
static int
is_noend(uint32_t c)
{
	switch (c) {
	case 0x2018:
	case 0x201C:
	case 0x3008:
	case 0x300A:
	case 0x300C:
	case 0x300E:
	case 0x3010:
	case 0x3014:
	case 0x3016:
	case 0x3018:
	case 0x301A:
	case 0x301D:
	case 0xFF08:
	case 0xFF3B:
	case 0xFF5B:
	case 0xFF5F:
	case 0xFF62:
		return 1;
	default:
		return 0;
	}
}

int
wrap_softbreak_joins(uint32_t before, uint32_t after)
{
	return width_char(before, 1) == 2 && width_char(after, 1) == 2;
}

static unsigned char *
scratch_get(struct wrap_lines *wl, size_t n)
{
	if (wl->scratchcap < n) {
		wl->scratchcap = n < 256 ? 256 : n;
		free(wl->scratch);
		wl->scratch = xmalloc(wl->scratchcap);
	}
	return (unsigned char *)wl->scratch;
}

static void
push_line(struct wrap_lines *wl, size_t start, size_t end, int width)
{
	if (wl->n == wl->cap) {
		wl->cap = wl->cap ? wl->cap * 2 : 16;
		wl->v = xreallocarray(wl->v, wl->cap, sizeof *wl->v);
	}
	wl->v[wl->n].start = start;
	wl->v[wl->n].end = end;
	wl->v[wl->n].width = width;
	wl->n++;
}

/*
 * One pass over s fills the tables that the wrapping loops read instead of
 * decoding again: f[i] (F_START, F_BREAK, F_SPACE) and wd[i], the width of
 * the code point starting at byte i (0 on continuation bytes).  Breaks are
 * UAX #14 with the tailoring of TEXT.md; no break inside a cluster.  lb is
 * scratch of n bytes.  This runs for every paragraph on every redraw, so it
 * decodes each code point once and asks u8_grapheme_breaks() only when the
 * text holds something that can join a cluster.
 */
static void
compute_flags(const char *s, size_t n, int ambiguous, unsigned char *f,
    signed char *wd, char *lb)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, pc = 0, ppc = 0;
	size_t i = 0, pi = 0, ci, k;
	int simple = 1;

	u8_possible_linebreaks(u, n, "UTF-8", lb);
	while (i < n) {
		unsigned char fl = F_START;

		ci = i;
		if (u[i] < 0x80) {
			c = u[i++];
			if (c < 0x20 && c != '\n' && c != '\t')
				simple = 0;
			wd[ci] = 1;
			if (c == ' ')
				fl |= F_SPACE;
		} else {
			if ((u[i] & 0xF0) == 0xE0 && i + 2 < n &&
			    (u[i + 1] & 0xC0) == 0x80 &&
			    (u[i + 2] & 0xC0) == 0x80 &&
			    (u[i] != 0xE0 || u[i + 1] >= 0xA0) &&
			    (u[i] != 0xED || u[i + 1] < 0xA0)) {
				/* Three bytes: all of Japanese. */
				c = ((uint32_t)(u[i] & 0x0F) << 12) |
				    ((uint32_t)(u[i + 1] & 0x3F) << 6) |
				    (u[i + 2] & 0x3F);
				i += 3;
			} else {
				c = wrap_decode(s, n, &i);
			}
			if (simple && !is_simple(c))
				simple = 0;
			/* Kana and kanji (not U+3099-309A: combining). */
			if ((c >= 0x3041 && c <= 0x3096) ||
			    (c >= 0x30A1 && c <= 0x30FA) ||
			    (c >= 0x4E00 && c <= 0x9FFF))
				wd[ci] = 2;
			else
				wd[ci] = (signed char)width_char(c, ambiguous);
			for (k = ci + 1; k < i; k++) {
				f[k] = 0;
				wd[k] = 0;
			}
			if (c == 0x3000)
				fl |= F_SPACE;
		}
		/* Tailoring (all of it about characters above U+2000). */
		if (c >= 0x2000 || pc >= 0x2000) {
			if (lb[ci] == UC_BREAK_POSSIBLE) {
				if (c == 0xFF5E ||
				    (is_fw_digit(c) && (is_fw_digit(pc) ||
				                           is_fw_prefix(pc))) ||
				    (c == 0xFF05 && is_fw_digit(pc)))
					lb[ci] = UC_BREAK_PROHIBITED;
			} else if (lb[ci] == UC_BREAK_PROHIBITED &&
			           is_ambiguous_symbol(c) &&
			           is_ambiguous_symbol(pc))
				lb[ci] = UC_BREAK_POSSIBLE;
			if (is_fw_digit(c) && is_fw_separator(pc) &&
			    is_fw_digit(ppc)) {
				lb[ci] = UC_BREAK_PROHIBITED;
				f[pi] &= (unsigned char)~F_BREAK;
			}
		}
		if (ci > 0 && lb[ci] == UC_BREAK_POSSIBLE)
			fl |= F_BREAK;
		f[ci] = fl;
		ppc = pc;
		pc = c;
		pi = ci;
	}
	if (!simple) {
		/* lb is free again: reuse it for the cluster table. */
		u8_grapheme_breaks(u, n, lb);
		for (i = 1; i < n; i++)
			if ((f[i] & F_START) && !lb[i])
				f[i] = 0;
	}
}

/* The cluster at s[i] (a start): its end, width and whether it is a
 * space. */
static size_t
cluster_at(const unsigned char *f, const signed char *wd, size_t n, size_t i,
    int *w, int *space)
{
	int sum = wd[i];

	*space = f[i] & F_SPACE;
	while (++i < n && !(f[i] & F_START))
		sum += wd[i];
	*w = sum;
	return i;
}

/* The start of the cluster that ends at b (b > 0, a cluster start). */
static size_t
cluster_before(const unsigned char *f, size_t b)
{
	do
		b--;
	while (b > 0 && !(f[b] & F_START));
	return b;
}

static uint32_t
last_code_point(const char *s, size_t a, size_t b)
{
	size_t i = b;
	uint32_t c = 0xFFFD;

	while (i > a && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && b - i < 3)
		i--;
	if (i > a) {
		i--;
		c = wrap_decode(s, b, &i);
	}
	return c;
}

/* [a, b) without trailing spaces. */
static size_t
trim_spaces(const char *s, size_t a, size_t b)
{
	while (b > a) {
		if (s[b - 1] == ' ')
			b--;
		else if (b - a >= 3 &&
		         memcmp(s + b - 3, "\xE3\x80\x80", 3) == 0)
			b -= 3;
		else
			break;
	}
	return b;
}

/*
 * No opportunity fits between ls and the cluster at i that overflows: cut
 * at a cluster boundary in (ls, i], preferring one that neither starts the
 * next line with a line-start-prohibited character nor ends this one with
 * an opener.
 */
static size_t
emergency_break(
    const char *s, size_t n, const unsigned char *f, size_t ls, size_t i)
{
	size_t b = i, k;

	while (b > ls) {
		k = b;
		if (!is_nostart(wrap_decode(s, n, &k)) &&
		    !is_noend(last_code_point(s, ls, b)))
			return b;
		b = cluster_before(f, b);
	}
	return i;
}

void
wrap_text(
    const char *s, size_t n, int width, int ambiguous, struct wrap_lines *wl)
{
	unsigned char *f = scratch_get(wl, 3 * n + 1);
	signed char *wd = (signed char *)f + n;
	size_t ls = 0;

	wl->n = 0;
	if (width < 1)
		width = 1;
	if (n > 0)
		compute_flags(s, n, ambiguous, f, wd, (char *)f + 2 * n);
	for (;;) {
		size_t i = ls, ne = ls, ok = 0, ok_end = 0, j;
		size_t end = ls, next = n;
		int col = 0, nw = 0, ok_w = 0, w, lw = 0, done = 0, restart = 0;
		int sp;

		for (;;) {
			if (i >= n) {
				end = ne;
				lw = nw;
				done = 1;
				break;
			}
			if (s[i] == '\n') {
				end = ne;
				lw = nw;
				next = i + 1;
				break;
			}
			if ((f[i] & F_BREAK) && i > ls && ne > ls) {
				ok = i;
				ok_end = ne;
				ok_w = nw;
			}
			j = cluster_at(f, wd, n, i, &w, &sp);
			if (col + w > width && !sp) {
				if (ok > ls) {
					end = ok_end;
					lw = ok_w;
					next = ok;
				} else if (ne == ls && i > ls) {
					/* Only spaces before: drop them. */
					restart = 1;
					next = i;
				} else if (ne == ls) {
					/* Alone and still too wide. */
					end = j;
					lw = w;
					next = j;
				} else {
					next = emergency_break(s, n, f, ls, i);
					end = trim_spaces(s, ls, next);
					lw = width_str(
					    s + ls, end - ls, ambiguous);
				}
				break;
			}
			col += w;
			if (!sp) {
				ne = j;
				nw = col;
			}
			i = j;
		}
		if (restart) {
			ls = next;
			continue;
		}
		push_line(wl, ls, end, lw);
		if (done)
			break;
		ls = next;
		if (ls > 0 && s[ls - 1] != '\n') {
			/* Spaces at a break belong to neither line. */
			while (ls < n) {
				if (s[ls] == ' ')
					ls++;
				else if (n - ls >= 3 &&
				         memcmp(s + ls, "\xE3\x80\x80", 3) == 0)
					ls += 3;
				else
					break;
			}
			if (ls >= n)
				break;
		}
	}
}

void
wrap_hard(const char *s, size_t n, int width, int last_width, int ambiguous,
    struct wrap_lines *wl)
{
	unsigned char *f = scratch_get(wl, 3 * n + 1);
	signed char *wd = (signed char *)f + n;
	size_t ls = 0, i, j;
	int col, w, rest = 0, sp;

	wl->n = 0;
	if (width < 1)
		width = 1;
	if (last_width < width)
		last_width = width;
	if (n > 0)
		compute_flags(s, n, ambiguous, f, wd, (char *)f + 2 * n);
	for (i = 0; i < n; i++)
		rest += wd[i];
	while (rest > last_width) {
		col = 0;
		i = ls;
		while (i < n) {
			j = cluster_at(f, wd, n, i, &w, &sp);
			if (col + w > width && i > ls)
				break;
			col += w;
			i = j;
		}
		push_line(wl, ls, i, col);
		rest -= col;
		ls = i;
	}
	push_line(wl, ls, n, rest);
}

void
wrap_lines_free(struct wrap_lines *wl)
{
	free(wl->v);
	free(wl->scratch);
	memset(wl, 0, sizeof *wl);
}
