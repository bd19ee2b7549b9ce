/*
 * fold.h - text folded for matching: NFKC, case fold, katakana -> hiragana
 * (U+30A1-U+30F6 -> U+3041-U+3096, half-width kana included) and white
 * space removed, so that ＡＷＳ/aws/AWS, ｱｶｳﾝﾄ/アカウント/あかうんと and
 * "AWS アカウント"/"AWSアカウント" fold to the same bytes.
 *
 * The common characters (ASCII, hiragana, katakana, kanji, CJK
 * punctuation, full-width ASCII, half-width kana with ﾞ/ﾟ) take a fast path;
 * only the rest goes through libunistring (u8_casefold with UNINORM_NFKC),
 * one small unit at a time: a character and the combining marks that
 * follow it.
 *
 * With a map, every folded byte records the original bytes [start, end) it
 * came from: a whole character on the fast path, a whole unit (character +
 * marks) on the slow path, so a match never maps to half a character.
 *
 * Invariants: folded text never contains ASCII white space (search.h uses
 * '\n' as a separator that no folded term can match across); input need
 * not be valid UTF-8: an invalid character, read as utf8.h reads it (a
 * maximal subpart), is copied as its bytes, and each maps to all of them.
 *
 * Ownership: a struct fold owns s (unless borrowed) and map; fold_free()
 * releases them.
 */
#ifndef FAQ_FOLD_H
#define FAQ_FOLD_H

#include <stddef.h>
#include <stdint.h>

struct fold_src {
	uint32_t start, end; /* original bytes, offset by the base given */
};

struct fold {
	char *s; /* folded bytes, not NUL-terminated */
	size_t len, cap;
	struct fold_src *map; /* NULL, or one entry per byte of s */
	int borrowed;         /* s is the caller's (see fold_init_in()) */
};

/* An empty fold; with want_map, fold_append() also fills map. */
void fold_init(struct fold *f, int want_map);
/*
 * An empty fold (without map) that writes into buf[0..cap), which stays
 * the caller's, for as long as the folded text fits; when it would not,
 * the text moves to a buffer of the fold's own (borrowed is then 0).  So
 * several threads can fold into parts of one buffer.
 */
void fold_init_in(struct fold *f, char *buf, size_t cap);
/* Forgets the content, keeps the memory (for reuse). */
void fold_clear(struct fold *f);
void fold_free(struct fold *f);
/* Makes room for extra more folded bytes. */
void fold_reserve(struct fold *f, size_t extra);
/*
 * Appends the fold of s[0..n).  Map entries are offsets in s plus base
 * (so that several strings can be folded into one buffer).
 */
void fold_append(struct fold *f, const char *s, size_t n, uint32_t base);
/*
 * Whether text may be folded in two parts cut at s[i]: the fold of
 * s[0..n) is then that of s[0..i) followed by that of s[i..n) (s[i]
 * starts a character that is no mark or joiner, nor half-width voicing).
 * So a long text can be folded a part at a time.
 */
int fold_can_cut(const char *s, size_t n, size_t i);

#endif
