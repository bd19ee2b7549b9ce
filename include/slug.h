/*
 * slug.h - heading ids the way GitHub makes heading anchors, and the
 * decoding of HTML character references (&amp; &#x3042; ...) that md4c
 * hands over verbatim.  Both are pure functions of their input.
 */
#ifndef FAQ_SLUG_H
#define FAQ_SLUG_H

#include <stddef.h>

struct arena;

/*
 * The GitHub-style slug of heading text s[0..n) (valid UTF-8): letters
 * lowercased, each ASCII space becomes '-', letters, marks, digits,
 * '_' and '-' kept (Japanese and other scripts included), everything else
 * (punctuation, symbols, other white space) dropped.  May be "" when
 * nothing is left.  The string belongs to the arena.
 */
char *slug_make(struct arena *a, const char *s, size_t n);

/*
 * Decodes the character reference s[0..n) ("&amp;", "&#12354;", "&#x3042;")
 * into out (at most 4 bytes of UTF-8)
 * and returns the number of bytes written, or 0 when s is not a reference
 * this table knows (the caller then keeps the text as it is).  A numeric
 * reference to NUL, a surrogate, a value above U+10FFFF or a control
 * character gives U+FFFD, so that decoding never brings back what
 * sanitising removed; &#9; &#10; &#13; give a space.
 */
size_t slug_decode_entity(const char *s, size_t n, char out[8]);

#endif
