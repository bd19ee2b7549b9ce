/* keys.c - the --keys parser and the names of keys; see keys.h. */
#include "keys.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* How a name is used: read in a --keys <name>, shown on the help screen. */
enum key_name_use {
	KN_READ = 1 << 0,
	KN_SHOW = 1 << 1,
};

struct key_name {
	const char *name;
	enum key key;
	uint32_t ch;
	uint8_t use; /* enum key_name_use bits */
};

/*
 * The one table of key names, for the --keys parser and the help screen.
 * Several spellings of a key are read because people write them from
 * memory (vim and tmux disagree); the help screen shows the one marked
 * KN_SHOW.  The shown names are message ids: "Space" is translated.
 */
static const struct key_name key_names[] = {
    {"Up", K_UP, 0, KN_READ | KN_SHOW},
    {"Down", K_DOWN, 0, KN_READ | KN_SHOW},
    {"Left", K_LEFT, 0, KN_READ | KN_SHOW},
    {"Right", K_RIGHT, 0, KN_READ | KN_SHOW},
    {"PgUp", K_PGUP, 0, KN_READ | KN_SHOW},
    {"PageUp", K_PGUP, 0, KN_READ},
    {"PgDn", K_PGDN, 0, KN_READ | KN_SHOW},
    {"PageDown", K_PGDN, 0, KN_READ},
    {"Home", K_HOME, 0, KN_READ | KN_SHOW},
    {"End", K_END, 0, KN_READ | KN_SHOW},
    {"Enter", K_ENTER, 0, KN_READ | KN_SHOW},
    {"CR", K_ENTER, 0, KN_READ},
    {"Return", K_ENTER, 0, KN_READ},
    {"Esc", K_ESC, 0, KN_READ | KN_SHOW},
    {"Escape", K_ESC, 0, KN_READ},
    {"Tab", K_TAB, 0, KN_READ | KN_SHOW},
    {"S-Tab", K_BTAB, 0, KN_READ},
    {"BTab", K_BTAB, 0, KN_READ},
    {"Shift-Tab", K_BTAB, 0, KN_SHOW},
    {"BS", K_BACKSPACE, 0, KN_READ},
    {"Backspace", K_BACKSPACE, 0, KN_READ | KN_SHOW},
    {"Del", K_DELETE, 0, KN_READ | KN_SHOW},
    {"Delete", K_DELETE, 0, KN_READ},
    {N_("Space"), K_CHAR, ' ', KN_READ | KN_SHOW},
    {"lt", K_CHAR, '<', KN_READ},
    {"F1", K_F1, 0, KN_READ | KN_SHOW},
    {"F2", K_F2, 0, KN_READ | KN_SHOW},
    {"Idle", K_IDLE, 0, KN_READ},
};

const char *
keys_name(enum key key, uint32_t ch)
{
	size_t i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		const struct key_name *n = &key_names[i];

		if ((n->use & KN_SHOW) && n->key == key &&
		    (key != K_CHAR || n->ch == ch))
			return n->name;
	}
	return NULL;
}

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
		if ((key_names[i].use & KN_READ) &&
		    strcasecmp(name, key_names[i].name) == 0) {
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

/* name[0..n) for an error message, which goes to a terminal: bytes that
 * are not printable ASCII show as \xHH.  No key name has any, so a name
 * quoted this way is never one that would have parsed. */
static char *
quote_name(const char *name, size_t n)
{
	char *q = xmalloc(4 * n + 1), *o = q;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c >= 0x20 && c < 0x7F) {
			*o++ = (char)c;
		} else {
			snprintf(o, 5, "\\x%02x", c);
			o += 4;
		}
	}
	*o = '\0';
	return q;
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
		uint32_t c;
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
				char *raw = name;

				name = quote_name(raw, strlen(raw));
				free(raw);
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
		m = (int)utf8_decode((const char *)s + i, len - i, &c);
		if (c == UTF8_BAD) {
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
