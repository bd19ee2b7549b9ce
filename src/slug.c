/* slug.c - GitHub-style heading slugs and character references; see slug.h. */
#include "slug.h"

#include <stdint.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>

#include "arena.h"
#include "sanitize.h"
#include "utf8.h"

char *
slug_make(struct arena *a, const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	char *out = arena_alloc(a, n + 1);
	size_t i = 0, k = 0;
	uint32_t uc;
	int len;

	while (i < n) {
		if (u[i] < 0x80) {
			char c = (char)u[i++];

			if (c >= 'A' && c <= 'Z')
				out[k++] = (char)(c - 'A' + 'a');
			else if ((c >= 'a' && c <= 'z') ||
			         (c >= '0' && c <= '9') || c == '_' || c == '-')
				out[k++] = c;
			else if (c == ' ')
				out[k++] = '-';
			continue;
		}
		len = (int)utf8_decode((const char *)u + i, n - i, &uc);
		if (uc == UTF8_BAD)
			uc = UTF8_REPLACEMENT;
		if (uc_is_general_category(uc, UC_CATEGORY_L) ||
		    uc_is_general_category(uc, UC_CATEGORY_M) ||
		    uc_is_general_category(uc, UC_CATEGORY_N) ||
		    uc_is_general_category(uc, UC_CATEGORY_Pc)) {
			/* GitHub lowercases every letter (Ü -> ü, Ａ -> ａ);
			 * a simple mapping never gets longer in UTF-8 for
			 * the letters where it matters, but check */
			char low[4];
			int ln = (int)utf8_encode(uc_tolower(uc), low);

			if (ln <= len) {
				memcpy(out + k, low, (size_t)ln);
				k += (size_t)ln;
			} else {
				memcpy(out + k, u + i, (size_t)len);
				k += (size_t)len;
			}
		}
		i += (size_t)len;
	}
	out[k] = '\0';
	return out;
}

/* Named references that FAQ text plausibly uses; the full HTML list is
 * 2000 names, most of which nobody types. */
static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
    {"AElig", 0xc6},
    {"Aring", 0xc5},
    {"Ccedil", 0xc7},
    {"Eacute", 0xc9},
    {"Ouml", 0xd6},
    {"Uuml", 0xdc},
    {"aacute", 0xe1},
    {"acute", 0xb4},
    {"aelig", 0xe6},
    {"agrave", 0xe0},
    {"amp", '&'},
    {"apos", '\''},
    {"aring", 0xe5},
    {"auml", 0xe4},
    {"bull", 0x2022},
    {"ccedil", 0xe7},
    {"cent", 0xa2},
    {"copy", 0xa9},
    {"dagger", 0x2020},
    {"darr", 0x2193},
    {"deg", 0xb0},
    {"divide", 0xf7},
    {"eacute", 0xe9},
    {"egrave", 0xe8},
    {"emsp", 0x2003},
    {"ensp", 0x2002},
    {"euml", 0xeb},
    {"euro", 0x20ac},
    {"frac12", 0xbd},
    {"frac14", 0xbc},
    {"frac34", 0xbe},
    {"ge", 0x2265},
    {"gt", '>'},
    {"harr", 0x2194},
    {"hellip", 0x2026},
    {"iexcl", 0xa1},
    {"infin", 0x221e},
    {"iquest", 0xbf},
    {"laquo", 0xab},
    {"larr", 0x2190},
    {"ldquo", 0x201c},
    {"le", 0x2264},
    {"lsaquo", 0x2039},
    {"lsquo", 0x2018},
    {"lt", '<'},
    {"mdash", 0x2014},
    {"micro", 0xb5},
    {"middot", 0xb7},
    {"minus", 0x2212},
    {"nbsp", 0xa0},
    {"ndash", 0x2013},
    {"ne", 0x2260},
    {"not", 0xac},
    {"ntilde", 0xf1},
    {"oacute", 0xf3},
    {"ouml", 0xf6},
    {"para", 0xb6},
    {"permil", 0x2030},
    {"plusmn", 0xb1},
    {"pound", 0xa3},
    {"quot", '"'},
    {"raquo", 0xbb},
    {"rarr", 0x2192},
    {"rdquo", 0x201d},
    {"reg", 0xae},
    {"rsaquo", 0x203a},
    {"rsquo", 0x2019},
    {"sbquo", 0x201a},
    {"sect", 0xa7},
    {"shy", 0xad},
    {"sup1", 0xb9},
    {"sup2", 0xb2},
    {"sup3", 0xb3},
    {"szlig", 0xdf},
    {"thinsp", 0x2009},
    {"times", 0xd7},
    {"trade", 0x2122},
    {"uacute", 0xfa},
    {"uarr", 0x2191},
    {"uuml", 0xfc},
    {"yen", 0xa5},
};

static uint32_t
entity_lookup(const char *name, size_t n)
{
	size_t lo = 0, hi = sizeof entities / sizeof entities[0], mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strncmp(name, entities[mid].name, n);
		if (c == 0 && entities[mid].name[n] != '\0')
			c = -1;
		if (c == 0)
			return entities[mid].cp;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

size_t
slug_decode_entity(const char *s, size_t n, char out[8])
{
	uint32_t cp = 0;
	size_t i;

	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	if (s[1] == '#') {
		int hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

		i = hex ? 3 : 2;
		if (i >= n - 1)
			return 0;
		for (; i < n - 1; i++) {
			unsigned d;
			char c = s[i];

			if (c >= '0' && c <= '9')
				d = (unsigned)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				d = (unsigned)(c - 'a' + 10);
			else if (hex && c >= 'A' && c <= 'F')
				d = (unsigned)(c - 'A' + 10);
			else
				return 0;
			if (cp <= 0x10ffff)
				cp = cp * (hex ? 16 : 10) + d;
		}
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		else if (cp == 0 || cp > 0x10ffff ||
		         (cp >= 0xd800 && cp <= 0xdfff) ||
		         sanitize_placeholder(cp))
			cp = 0xfffd;
	} else {
		cp = entity_lookup(s + 1, n - 2);
		if (cp == 0)
			return 0;
		/* &lrm; and &rlm; are bidi marks */
		if (sanitize_placeholder(cp))
			cp = 0xfffd;
	}
	return utf8_encode(cp, out);
}
