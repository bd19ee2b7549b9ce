/*
 * keys.h - key events, shared by the terminal input (tui.c) and the --keys
 * parser (--dump), so that a test drives the browser with exactly the
 * events a terminal would send.
 */
#ifndef FAQ_KEYS_H
#define FAQ_KEYS_H

#include <stddef.h>
#include <stdint.h>

enum key {
	K_NONE,
	K_CHAR, /* ch: a printable code point (ASCII, Japanese, ...) */
	K_CTRL, /* ch: 'a'..'z' for Ctrl-A..Ctrl-Z, '\\' for Ctrl-\ */
	K_UP,
	K_DOWN,
	K_LEFT,
	K_RIGHT,
	K_PGUP,
	K_PGDN,
	K_HOME,
	K_END,
	K_ENTER,
	K_ESC,
	K_TAB,
	K_BTAB,
	K_BACKSPACE,
	K_DELETE,
	K_MOUSE,  /* x, y (0-based cell), button: 1 left click, 4/5 wheel */
	K_RESIZE, /* w, h */
	K_IDLE,   /* the kiosk idle timeout fired */
	K_F1,     /* help where every printable key is search input */
	K_F2,     /* 「すべて開く」 from the keyboard */
};

struct key_event {
	enum key key;
	uint32_t ch;
	int x, y, button;
	int w, h;
};

/*
 * Parses a --keys string: literal characters (UTF-8, Japanese included) and
 * names in angle brackets: <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home>
 * <End> <Enter> <Esc> <Tab> <S-Tab> <BS> <Del> <Space> <lt> <C-x> <F1> <F2>
 * <Click X,Y> <WheelUp X,Y> <WheelDown X,Y> <Resize WxH> <Idle>.
 * Returns 0 and a malloc'd array, or -1 and a malloc'd message in *err.
 */
int keys_parse(const char *spec, struct key_event **out, size_t *n, char **err);

/*
 * The name the help screen shows for a key (ch: the character of a
 * K_CHAR), an English message id to translate (static), or NULL when the
 * key has none: a printable character shows as itself, Ctrl-X as such.
 * The names come from the table the parser reads, so they cannot drift.
 */
const char *keys_name(enum key key, uint32_t ch);

#endif
