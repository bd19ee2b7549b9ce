/*
 * fuzz_browser.c - libFuzzer driver: the browser state machine as --dump
 * drives it.  Input: width, height, an options byte (kiosk, allow-quit,
 * ascii, ambiguous, mouse, expand-all, file name), a length byte L, L
 * bytes of keys, then the content.  The keys are read as a --keys string
 * by keys_parse(); when they do not parse, each byte is one event from a
 * fixed table instead (resizes take the next two bytes), so that no input
 * is wasted.  As the terminal front end does, the screen is rendered after
 * every event; traps when a screen is not exactly h rows of exactly w
 * columns of clean text, or the dump of the last one is not clean.
 *
 * Sizes are capped at 1000x500, the most a terminal may report (the front
 * end clamps what it is told): a screen is built cell by cell, and the
 * fuzzer must not spend its time on 10^8-cell screens.
 *
 * The events taken are capped too, by MAX_WORK: events times content
 * bytes.  An event may search or wrap the whole content again (a resize
 * wraps the open answer at the new width, a key typed into the search
 * field searches again with one more term and lays out the hits), a few
 * ms each on a 60 KB answer natively but 30 times that under the
 * sanitizers, after which every screen is built and checked: 255 events
 * on 60 KB took 5-12 s for 85 resizes and 30-55 s for a query typed to 84
 * terms, past libFuzzer's -timeout=10 (tests/fuzz/run), so a run could
 * end on a "timeout" that is the driver's, not the program's.  A short
 * document still gets every event, a long one the first few.
 */
#include "browser.h"
#include "dump.h"
#include "embed.h"
#include "fuzzcheck.h"
#include "search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_W 1000
#define MAX_H 500
/* Past this many cells a render is skipped (not the state change): big
 * screens are allowed, just not often. */
#define MAX_CELLS 60000
/* Events times content bytes past which the rest of the events are
 * dropped (see above): 255 events up to 2 KB, 8 on 64 KB. */
#define MAX_WORK ((size_t)1 << 19)

static struct doc *help;

static void
check_screen(const struct screen *s, int w, int h, int amb)
{
	size_t i;
	char *text = NULL;
	size_t n = 0;
	FILE *fp;

	if (s->rows.n != (size_t)h)
		__builtin_trap();
	for (i = 0; i < s->rows.n; i++) {
		const struct sline *l = &s->rows.v[i];

		fuzz_check_text(l->text, l->len);
		if (l->width != w || width_str(l->text, l->len, amb) != w)
			__builtin_trap();
	}
	fp = open_memstream(&text, &n);
	if (fp == NULL)
		abort();
	dump_screen(fp, s, 1);
	fclose(fp);
	fuzz_check_output(text, n);
	free(text);
}

/* Byte b (and the bytes after it, for sizes and clicks) as an event;
 * returns how many bytes it took. */
static size_t
decode(const uint8_t *p, size_t n, struct key_event *e)
{
	static const enum key table[] = {K_UP, K_DOWN, K_LEFT, K_RIGHT,
	    K_PGUP, K_PGDN, K_HOME, K_END, K_ENTER, K_ESC, K_TAB, K_BTAB,
	    K_BACKSPACE, K_DELETE, K_IDLE};
	uint8_t b = p[0];

	memset(e, 0, sizeof *e);
	if (b >= 0x20 && b < 0x7F) {
		e->key = K_CHAR;
		e->ch = b;
		return 1;
	}
	if (b < 0x20 && b != 0) {
		e->key = K_CTRL;
		e->ch = b <= 26 ? 'a' + b - 1 : '\\';
		return 1;
	}
	if (b >= 0x80 && b < 0x80 + sizeof table / sizeof table[0]) {
		e->key = table[b - 0x80];
		return 1;
	}
	if (b >= 0xF0 && n >= 3) {
		/* A resize, or a mouse event, at the next two bytes. */
		if (b == 0xF0) {
			e->key = K_RESIZE;
			e->w = 1 + p[1] % 200;
			e->h = 1 + p[2] % 80;
		} else {
			e->key = K_MOUSE;
			e->x = p[1];
			e->y = p[2];
			e->button = b == 0xF1 ? 1 : b == 0xF2 ? 4 : 5;
		}
		return 3;
	}
	if (b >= 0xC0) {
		/* Hiragana and katakana, what a Japanese search types. */
		e->key = K_CHAR;
		e->ch = 0x3041 + (b - 0xC0) * 3;
		return 1;
	}
	e->key = K_IDLE;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = {0};
	struct browser_opts bo = {0};
	struct key_event *keys = NULL, size_ev = {0};
	struct search_index *ix;
	struct browser *b;
	struct screen scr;
	struct doc *d;
	char *spec, *err = NULL;
	size_t nkeys = 0, kn, i;
	int w, h, opt;

	if (size < 4 || (size_t)data[3] + 4 > size)
		return 0;
	if (help == NULL) {
		const struct embed_file *f = embed_find("help.en.md");

		help = doc_new();
		if (f != NULL)
			load_buffer(help, "help.en.md", f->data, f->len, &diags);
		doc_finish(help, &diags);
		diag_clear(&diags);
	}
	w = 1 + data[0] % 160;
	h = 1 + data[1] % 60;
	opt = data[2];
	kn = data[3];
	d = fuzz_load(fuzz_name(opt >> 6), data + 4 + kn, size - 4 - kn,
	    SIZE_MAX, &diags);
	ix = search_index_new(d);
	bo.kiosk = opt & 1;
	bo.allow_quit = (opt >> 1) & 1;
	bo.ascii = (opt >> 2) & 1;
	bo.ambiguous = 1 + ((opt >> 3) & 1);
	bo.mouse = (opt >> 4) & 1;
	bo.expand_all = (opt >> 5) & 1;
	bo.lang = "en";
	b = browser_new(d, ix, &bo, &err);
	if (b == NULL)
		__builtin_trap(); /* no -o, no -s: nothing can fail */
	browser_set_help(b, help);

	spec = strndup((const char *)data + 4, kn);
	if (spec == NULL)
		abort();
	if (keys_parse(spec, &keys, &nkeys, &err) != 0) {
		free(err);
		keys = calloc(kn + 1, sizeof *keys);
		if (keys == NULL)
			abort();
		for (i = 0; i < kn;)
			i += decode(data + 4 + i, kn - i, &keys[nkeys++]);
	}
	free(spec);

	size_ev.key = K_RESIZE;
	size_ev.w = w;
	size_ev.h = h;
	browser_key(b, &size_ev);
	for (i = 0; i < nkeys && (i + 1) * (size - kn) <= MAX_WORK; i++) {
		if (keys[i].key == K_RESIZE) {
			if (keys[i].w > MAX_W)
				keys[i].w = MAX_W;
			if (keys[i].h > MAX_H)
				keys[i].h = MAX_H;
			w = keys[i].w;
			h = keys[i].h;
		}
		if (browser_key(b, &keys[i]) == BROWSER_QUIT)
			break;
		if ((long)w * h > MAX_CELLS)
			continue;
		memset(&scr, 0, sizeof scr);
		browser_render(b, w, h, &scr);
		check_screen(&scr, w, h, bo.ambiguous);
		screen_free(&scr);
	}
	if ((long)w * h <= MAX_CELLS) {
		memset(&scr, 0, sizeof scr);
		browser_render(b, w, h, &scr);
		check_screen(&scr, w, h, bo.ambiguous);
		screen_free(&scr);
	}
	free(keys);
	browser_free(b);
	search_index_free(ix);
	diag_clear(&diags);
	doc_free(d);
	return 0;
}
