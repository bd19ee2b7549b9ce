/* keys.c - the --keys parser; see keys.h. */
#include "keys.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "xalloc.h"

struct key_name {
	const char *name;
	enum key key;
	uint32_t ch;
};

/* Names without arguments; several spellings of the same key are accepted
 * because people write them from memory (vim and tmux disagree). */
static const struct key_name key_names[] = {
    {"Up", K_UP, 0},
    {"Down", K_DOWN, 0},
    {"Left", K_LEFT, 0},
    {"Right", K_RIGHT, 0},
    {"PgUp", K_PGUP, 0},
    {"PageUp", K_PGUP, 0},
    {"PgDn", K_PGDN, 0},
    {"PageDown", K_PGDN, 0},
    {"Home", K_HOME, 0},
    {"End", K_END, 0},
    {"Enter", K_ENTER, 0},
    {"CR", K_ENTER, 0},
    {"Return", K_ENTER, 0},
    {"Esc", K_ESC, 0},
    {"Escape", K_ESC, 0},
    {"Tab", K_TAB, 0},
    {"S-Tab", K_BTAB, 0},
    {"BTab", K_BTAB, 0},
    {"BS", K_BACKSPACE, 0},
    {"Backspace", K_BACKSPACE, 0},
    {"Del", K_DELETE, 0},
    {"Delete", K_DELETE, 0},
    {"Space", K_CHAR, ' '},
    {"lt", K_CHAR, '<'},
    {"Idle", K_IDLE, 0},
};

struct parser {
	struct key_event *v;
	size_t n, cap;
};

static struct key_event *
parser_push(struct parser *p, enum key k)
{
	struct key_event *e;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	e = &p->v[p->n++];
	memset(e, 0, sizeof *e);
	e->key = k;
	return e;
}

/* Reads a decimal number in [lo, hi] at *s; advances *s. */
static int
parse_num(const char **s, int lo, int hi, int *out)
{
	long v = 0;
	const char *p = *s;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (*p - '0');
		if (v > hi)
			return -1;
		p++;
	}
	if (v < lo)
		return -1;
	*out = (int)v;
	*s = p;
	return 0;
}

/* Parses "X,Y" (mouse) or "WxH" (resize) filling the whole of arg. */
static int
parse_pair(const char *arg, char sep, int lo, int *a, int *b)
{
	const char *p = arg;

	while (*p == ' ')
		p++;
	if (parse_num(&p, lo, 9999, a) == -1 || *p++ != sep)
		return -1;
	if (parse_num(&p, lo, 9999, b) == -1 || *p != '\0')
		return -1;
	return 0;
}

/* Parses the name between < and > (NUL-terminated copy in name). */
static int
parse_name(struct parser *p, const char *name)
{
	struct key_event *e;
	size_t i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcasecmp(name, key_names[i].name) == 0) {
			e = parser_push(p, key_names[i].key);
			e->ch = key_names[i].ch;
			return 0;
		}
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    name[2] != '\0' && name[3] == '\0') {
		unsigned char c =
		    (unsigned char)tolower((unsigned char)name[2]);

		if ((c >= 'a' && c <= 'z') || c == '\\') {
			e = parser_push(p, K_CTRL);
			e->ch = c;
			return 0;
		}
		return -1;
	}
	if (strncasecmp(name, "Click ", 6) == 0 ||
	    strncasecmp(name, "WheelUp ", 8) == 0 ||
	    strncasecmp(name, "WheelDown ", 10) == 0) {
		int x, y, button;
		const char *arg = strchr(name, ' ') + 1;

		if (parse_pair(arg, ',', 0, &x, &y) == -1)
			return -1;
		button = tolower((unsigned char)name[0]) == 'c'   ? 1
		         : tolower((unsigned char)name[5]) == 'u' ? 4
		                                                  : 5;
		e = parser_push(p, K_MOUSE);
		e->x = x;
		e->y = y;
		e->button = button;
		return 0;
	}
	if (strncasecmp(name, "Resize ", 7) == 0) {
		int w, h;

		if (parse_pair(name + 7, 'x', 1, &w, &h) == -1)
			return -1;
		e = parser_push(p, K_RESIZE);
		e->w = w;
		e->h = h;
		return 0;
	}
	return -1;
}

int
keys_parse(const char *spec, struct key_event **out, size_t *n, char **err)
{
	struct parser p = {NULL, 0, 0};
	const uint8_t *s = (const uint8_t *)spec;
	size_t len = strlen(spec), i = 0;

	*out = NULL;
	*n = 0;
	*err = NULL;
	while (i < len) {
		ucs4_t c;
		int m;

		if (s[i] == '<') {
			const char *close = strchr(spec + i + 1, '>');
			char *name;
			int r;

			if (close == NULL) {
				*err = xasprintf("--keys: unterminated '<' at "
				                 "offset %zu (write <lt> for a "
				                 "literal '<')",
				    i);
				goto fail;
			}
			name = xstrndup(
			    spec + i + 1, (size_t)(close - (spec + i + 1)));
			r = parse_name(&p, name);
			if (r == -1) {
				*err = xasprintf("--keys: unknown key <%s> at "
				                 "offset %zu",
				    name, i);
				free(name);
				goto fail;
			}
			free(name);
			i = (size_t)(close - spec) + 1;
			continue;
		}
		m = u8_mbtouc(&c, s + i, len - i);
		if (c == 0xFFFD &&
		    (m < 3 || memcmp(s + i, "\xEF\xBF\xBD", 3))) {
			*err =
			    xasprintf("--keys: invalid UTF-8 at offset %zu", i);
			goto fail;
		}
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
			*err = xasprintf("--keys: control character 0x%02X at "
			                 "offset %zu (use a <name>)",
			    (unsigned)c, i);
			goto fail;
		}
		parser_push(&p, K_CHAR)->ch = c;
		i += (size_t)m;
	}
	*out = p.v;
	*n = p.n;
	return 0;
fail:
	free(p.v);
	return -1;
}
