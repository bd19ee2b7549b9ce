/* wrap.c - line breaking with Japanese rules; see wrap.h. */
#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "utf8.h"
#include "width.h"
#include "xalloc.h"

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
static inline int
is_simple(uint32_t c)
{
	if (c < 0x300)
		return c >= 0x20 || c == '\n' || c == '\t';
	if (c >= 0x4E00)
		return c <= 0x9FFF || (c >= 0xFF01 && c <= 0xFF9D);
	if (c >= 0x3000)
		return (c <= 0x3029) || (c >= 0x3030 && c <= 0x303F) ||
		       (c >= 0x3041 && c <= 0x3096) ||
		       (c >= 0x30A0 && c <= 0x30FF);
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

static char *
scratch_get(struct wrap_lines *wl, size_t n)
{
	if (wl->scratchcap < n) {
		wl->scratchcap = n < 512 ? 512 : 2 * n;
		free(wl->scratch);
		wl->scratch = xmalloc(wl->scratchcap);
	}
	return wl->scratch;
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

static inline int
is_space(uint32_t c)
{
	return c == ' ' || c == 0x3000;
}

/*
 * The stretch of text around one line end that needs break opportunities:
 * from the line start a (a break, so UAX #14 and the cluster rules restart
 * there exactly as they would in the whole text) to e, a few characters
 * past the first cluster that does not fit.  Computing only these windows
 * rather than whole paragraphs is what keeps wrapping cheap: text that
 * fits needs no break table at all.
 */
struct win {
	const char *s;
	size_t n;
	size_t a, e;
	char *lb; /* lb[k - a]: UC_BREAK_* before s[k], tailored */
	char *gb; /* gb[k - a]: a cluster starts at s[k]; NULL: every code
	           * point is a cluster of its own */
};

/* Break opportunities of the window, with the tailoring of TEXT.md. */
static void
win_breaks(struct win *w)
{
	const char *s = w->s;
	char *lb = w->lb;
	uint32_t c, pc = 0, ppc = 0;
	size_t i = w->a, pi = w->a, ci;

	u8_possible_linebreaks(
	    (const uint8_t *)s + w->a, w->e - w->a, "UTF-8", lb);
	while (i < w->e) {
		ci = i;
		c = utf8_next(s, w->e, &i);
		/* Every rule is about characters above U+2000. */
		if (c >= 0x2000 || pc >= 0x2000) {
			char *here = &lb[ci - w->a];

			if (*here == UC_BREAK_POSSIBLE) {
				if (c == 0xFF5E ||
				    (is_fw_digit(c) && (is_fw_digit(pc) ||
				                           is_fw_prefix(pc))) ||
				    (c == 0xFF05 && is_fw_digit(pc)))
					*here = UC_BREAK_PROHIBITED;
			} else if (*here == UC_BREAK_PROHIBITED &&
			           is_ambiguous_symbol(c) &&
			           is_ambiguous_symbol(pc))
				*here = UC_BREAK_POSSIBLE;
			if (is_fw_digit(c) && is_fw_separator(pc) &&
			    is_fw_digit(ppc)) {
				*here = UC_BREAK_PROHIBITED;
				lb[pi - w->a] = UC_BREAK_PROHIBITED;
			}
		}
		ppc = pc;
		pc = c;
		pi = ci;
	}
}

/* Whether a cluster starts at k, a character boundary as utf8.h steps
 * (every caller steps with utf8_next() or utf8_prev()). */
static int
win_is_start(const struct win *w, size_t k)
{
	if (k >= w->e)
		return 1;
	return w->gb == NULL || k == w->a || w->gb[k - w->a];
}

/* The cluster starting at k: its end, width, and whether it is one
 * space. */
static size_t
win_cluster(
    const struct win *w, size_t k, int ambiguous, int *width, int *space)
{
	uint32_t c = utf8_next(w->s, w->e, &k);
	int sum = width_char(c, ambiguous);

	*space = is_space(c);
	while (!win_is_start(w, k)) {
		sum += width_char(utf8_next(w->s, w->e, &k), ambiguous);
		*space = 0;
	}
	*width = sum;
	return k;
}

/* The start of the cluster that ends at b (a < b). */
static size_t
win_cluster_before(const struct win *w, size_t b)
{
	do
		(void)utf8_prev(w->s, w->a, &b);
	while (b > w->a && !win_is_start(w, b));
	return b;
}

/* Whether c would make one cluster with a space before it. */
static int
joins_space(uint32_t c)
{
	int p;

	if (is_simple(c))
		return 0;
	p = uc_graphemeclusterbreak_property(c);
	return p == GBP_EXTEND || p == GBP_ZWJ || p == GBP_SPACINGMARK;
}

/*
 * Whether a cluster certainly starts at c after pc, from the two alone:
 * c is a plain base (grapheme break property Other: not a mark, joiner,
 * regional indicator or Hangul jamo) and pc neither a prepend nor a ZWJ
 * (GB9b, GB11).  UAX #29 then breaks whatever came before pc.
 */
static int
cluster_starts(uint32_t pc, uint32_t c)
{
	int p;

	if (is_simple(c) && is_simple(pc))
		return 1;
	if (uc_graphemeclusterbreak_property(c) != GBP_OTHER)
		return 0;
	p = uc_graphemeclusterbreak_property(pc);
	return p != GBP_PREPEND && p != GBP_ZWJ;
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
 * No opportunity fits between the line start and the cluster at i that
 * overflows: cut at a cluster boundary in (a, i], preferring one that
 * neither starts the next line with a line-start-prohibited character nor
 * ends this one with an opener.
 */
static size_t
emergency_break(const struct win *w, size_t i)
{
	size_t b = i, k, p;

	while (b > w->a) {
		k = p = b;
		if (!is_nostart(utf8_next(w->s, w->n, &k)) &&
		    !is_noend(utf8_prev(w->s, w->a, &p)))
			return b;
		b = win_cluster_before(w, b);
	}
	return i;
}

/*
 * Sets up the window for a line starting at a whose code point at q does
 * not fit: e goes past q, past anything that may still join q's cluster,
 * and three more code points (UAX #14 looks ahead a little).
 */
static void
win_open(
    struct win *w, struct wrap_lines *wl, size_t a, size_t q, int nonsimple)
{
	const char *s = w->s;
	size_t e = q, t;
	int k = 0, cs;
	uint32_t c, pc = 'a';

	/* Stop at the first certain cluster start once four bases are
	 * past q.  A run of characters that are not simple (U+FFFD,
	 * Cyrillic, emoji) must stop the window too: going on to the end
	 * of the paragraph for every line made wrapping quadratic. */
	while (e < w->n && s[e] != '\n') {
		t = e;
		c = utf8_next(s, w->n, &t);
		cs = is_simple(c);
		if (k > 3 && cluster_starts(pc, c))
			break;
		if (!cs)
			nonsimple = 1;
		if (cluster_starts(pc, c))
			k++;
		pc = c;
		e = t;
	}
	w->a = a;
	w->e = e;
	w->lb = scratch_get(wl, 2 * (e - a) + 2);
	w->gb = NULL;
	win_breaks(w);
	if (nonsimple) {
		w->gb = w->lb + (e - a) + 1;
		u8_grapheme_breaks((const uint8_t *)s + a, e - a, w->gb);
	}
}

/* Where the greedy walk over one window stopped. */
struct walk {
	size_t i;      /* start of the cluster that does not fit */
	size_t j;      /* its end */
	int cw;        /* its width */
	size_t ne;     /* end of the last non-space cluster before i */
	size_t ok;     /* last break opportunity that fits, or 0 */
	size_t ok_end; /* line end (spaces dropped) when breaking at ok */
	int ok_w;      /* its width */
};

/*
 * Walks the clusters of w from `from` (at column col; the line started at
 * ls) to the first one that does not fit, remembering the last break
 * opportunity.  The window's first position is never taken as an
 * opportunity: when it is not the line start, its left context is not in
 * the window.
 */
static void
walk_line(const struct win *w, size_t ls, size_t from, int col, int width,
    int ambiguous, struct walk *wk)
{
	size_t i = from, j = from, ne = from;
	int nw = col, cw = 0, sp;

	wk->ok = 0;
	for (;;) {
		if (i > w->a && ne > ls && win_is_start(w, i) &&
		    w->lb[i - w->a] == UC_BREAK_POSSIBLE) {
			wk->ok = i;
			wk->ok_end = ne;
			wk->ok_w = nw;
		}
		if (i >= w->e)
			break; /* not reached: q's cluster overflows */
		j = win_cluster(w, i, ambiguous, &cw, &sp);
		if (col + cw > width && !sp)
			break;
		col += cw;
		if (!sp) {
			ne = j;
			nw = col;
		}
		i = j;
	}
	wk->i = i;
	wk->j = j;
	wk->cw = cw;
	wk->ne = ne;
}

/* Kana and kanji of line-break class ID: after one of them UAX #14 (and
 * our tailoring) carry no state from further left. */
static int
is_anchor(uint32_t c)
{
	switch (c) {
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
		return 0; /* small kana: NS */
	default:
		return (c >= 0x4E00 && c <= 0x9FFF) ||
		       (c >= 0x3041 && c <= 0x3096) ||
		       (c >= 0x30A1 && c <= 0x30FA);
	}
}

/*
 * The common case of Japanese prose: the break is near the end of the
 * line.  Opens a window on the last few dozen bytes before q, starting at
 * an anchor (a kanji or kana), so that libunistring sees a sixth of the
 * text instead of all of it.  The opportunities it finds there are exactly
 * those of the whole line, because an anchor resets every rule of UAX #14
 * that looks left.  Returns 0 when there is no anchor or no opportunity in
 * the tail: then the caller looks at the whole line.
 */
static int
walk_tail(struct win *w, struct wrap_lines *wl, size_t ls, size_t q, int col_q,
    int nonsimple, int width, int ambiguous, struct walk *wk)
{
	const char *s = w->s;
	size_t k = q, t;
	uint32_t c, pc;

	while (k > ls && q - k < 24)
		(void)utf8_prev(s, ls, &k);
	for (;;) {
		if (k <= ls || q - k > 96)
			return 0;
		t = k;
		c = utf8_next(s, w->n, &t);
		t = k;
		pc = utf8_prev(s, ls, &t);
		if (is_anchor(c) && is_simple(pc))
			break;
		k = t;
	}
	win_open(w, wl, k, q, nonsimple);
	walk_line(w, ls, k, col_q - width_str(s + k, q - k, ambiguous), width,
	    ambiguous, wk);
	return wk->ok > k;
}

void
wrap_text(
    const char *s, size_t n, int width, int ambiguous, struct wrap_lines *wl)
{
	wrap_text_hang(s, n, width, width, ambiguous, wl);
}

void
wrap_text_hang(const char *s, size_t n, int first_width, int rest_width,
    int ambiguous, struct wrap_lines *wl)
{
	struct win w;
	size_t ls = 0;

	wl->n = 0;
	if (first_width < 1)
		first_width = 1;
	if (rest_width < 1)
		rest_width = 1;
	w.s = s;
	w.n = n;
	for (;;) {
		size_t j = ls, q = n, ne = ls, ok = 0, ok_end = 0, i, k;
		size_t end, next;
		int col = 0, nw = 0, ok_w = 0, cw, nonsimple = 0;
		int width = wl->n == 0 ? first_width : rest_width;
		uint32_t c;
		struct walk wk;

		/* Measure, one code point at a time: most lines end at a
		 * hard break or the end before anything overflows. */
		while (j < n && s[j] != '\n') {
			k = j;
			c = utf8_next(s, n, &k);
			cw = width_char(c, ambiguous);
			if (!is_simple(c))
				nonsimple = 1;
			if (col + cw > width && !is_space(c)) {
				q = j;
				break;
			}
			col += cw;
			if (!is_space(c)) {
				ne = k;
				nw = col;
			}
			j = k;
		}
		if (q == n) {
			push_line(wl, ls, ne, nw);
			if (j >= n || (wl->max != 0 && wl->n >= wl->max))
				return;
			ls = j + 1; /* after the '\n' */
			continue;
		}
		/* Something at q does not fit: find where to break, first
		 * in the tail of the line only, else in all of it. */
		if (!walk_tail(
		        &w, wl, ls, q, col, nonsimple, width, ambiguous, &wk)) {
			win_open(&w, wl, ls, q, nonsimple);
			walk_line(&w, ls, ls, 0, width, ambiguous, &wk);
		}
		i = wk.i;
		j = wk.j;
		cw = wk.cw;
		ne = wk.ne;
		ok = wk.ok;
		ok_end = wk.ok_end;
		ok_w = wk.ok_w;
		if (ok > ls) {
			end = ok_end;
			next = ok;
			nw = ok_w;
		} else if (ne == ls && i > ls) {
			/* Only spaces before: drop them, measure again. */
			ls = i;
			continue;
		} else if (ne == ls) {
			/* A cluster alone wider than the line (wrap.h). */
			end = next = j;
			nw = cw;
		} else {
			next = emergency_break(&w, i);
			end = trim_spaces(s, ls, next);
			nw = width_str(s + ls, end - ls, ambiguous);
		}
		push_line(wl, ls, end, nw);
		if (wl->max != 0 && wl->n >= wl->max)
			return;
		/* Spaces at a break belong to neither line, unless a mark
		 * joins one into a cluster. */
		ls = next;
		while (ls < n) {
			size_t t = ls, u;

			if (!is_space(utf8_next(s, n, &t)))
				break;
			u = t;
			if (t < n && joins_space(utf8_next(s, n, &u)))
				break;
			ls = t;
		}
		if (ls >= n)
			return;
	}
}

void
wrap_hard(const char *s, size_t n, int width, int last_width, int ambiguous,
    struct wrap_lines *wl)
{
	struct win w;
	size_t ls = 0, i, j;
	int col, cw, sp, rest = 0, nonsimple = 0;
	uint32_t c;

	wl->n = 0;
	if (width < 1)
		width = 1;
	if (last_width < width)
		last_width = width;
	for (i = 0; i < n;) {
		c = utf8_next(s, n, &i);
		rest += width_char(c, ambiguous);
		if (!is_simple(c))
			nonsimple = 1;
	}
	/* Code needs clusters only, no break opportunities. */
	w.s = s;
	w.n = n;
	w.a = 0;
	w.e = n;
	w.lb = NULL;
	w.gb = NULL;
	if (nonsimple) {
		w.gb = scratch_get(wl, n + 1);
		u8_grapheme_breaks((const uint8_t *)s, n, w.gb);
	}
	while (rest > last_width) {
		col = 0;
		for (i = ls; i < n; i = j) {
			j = win_cluster(&w, i, ambiguous, &cw, &sp);
			if (col + cw > width && i > ls)
				break;
			col += cw;
		}
		push_line(wl, ls, i, col);
		rest -= col;
		ls = i;
		if (wl->max != 0 && wl->n >= wl->max)
			return;
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

size_t
wrap_cut(const char *s, size_t n, size_t lo, size_t hi)
{
	size_t a = hi - lo > WRAP_CUT_LOOK ? hi - WRAP_CUT_LOOK : lo;
	size_t e = n - hi > 16 ? hi + 16 : n, k, best = 0;
	char *lb;
	uint32_t pc, c;

	if (hi >= n)
		return n;
	/* whole code points only: a from the front, e from the back */
	while (a < hi && ((unsigned char)s[a] & 0xC0) == 0x80)
		a++;
	while (e > hi && e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
		e--;
	if (a >= hi)
		return hi;
	lb = xmalloc(e - a);
	u8_possible_linebreaks((const uint8_t *)s + a, e - a, "UTF-8", lb);
	for (k = hi < e ? hi : e - 1; k > a; k--)
		if (((unsigned char)s[k] & 0xC0) != 0x80 &&
		    (lb[k - a] == UC_BREAK_POSSIBLE ||
		        lb[k - a] == UC_BREAK_MANDATORY)) {
			best = k;
			break;
		}
	free(lb);
	if (best > lo)
		return best;
	/* No break: the last cluster boundary (one long word). */
	k = hi;
	while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	best = k;
	while (k > a) {
		size_t j = k;

		c = utf8_next(s, e, &j);
		j = k;
		pc = utf8_prev(s, a, &j);
		if (uc_is_grapheme_break(pc, c))
			return k;
		k = j;
	}
	return best > lo ? best : hi;
}
