/*
 * main.c - the command line: options, content loading, choice of mode
 * (browser, --print, --list, --check, --dump) and exit status.  The only
 * file that prints errors and exits (STYLE.md); it runs before curses
 * starts and after it ends, never during.
 *
 * Exit status: 0 success; 1 no match (-s with --print/--list) or content
 * errors (--check); 2 usage or I/O errors, each with one line on stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browser.h"
#include "diag.h"
#include "doc.h"
#include "dump.h"
#include "embed.h"
#include "i18n.h"
#include "keys.h"
#include "load.h"
#include "loading.h"
#include "print.h"
#include "render.h"
#include "sanitize.h"
#include "romaji.h"
#include "search.h"
#include "termenv.h"
#include "tui.h"
#include "xalloc.h"

enum mode { MODE_BROWSE, MODE_PRINT, MODE_LIST, MODE_CHECK, MODE_DUMP };

struct options {
	enum mode mode;
	int print_forced; /* -p given: print even on a terminal */
	const char *search;
	const char *open_id;
	int expand_all;
	int width; /* --width, 0 = terminal width or 80 */
	int dump_w, dump_h;
	const char *keys;
	int dump_attrs;
	int kiosk, allow_quit, idle;
	int idle_given; /* --idle was on the command line */
	int ambiguous, ascii, mouse;
	int max_width; /* --max-width, 0 = no limit */
	enum tui_color color;
	const char *lang;
	enum romaji_mode romaji;
	int order_best; /* --order=best */
};

enum {
	OPT_LIST = 256,
	OPT_CHECK,
	OPT_DUMP,
	OPT_KEYS,
	OPT_DUMP_ATTRS,
	OPT_KIOSK,
	OPT_ALLOW_QUIT,
	OPT_IDLE,
	OPT_AMBIGUOUS,
	OPT_ASCII,
	OPT_COLOR,
	OPT_NO_MOUSE,
	OPT_LANG,
	OPT_ROMAJI,
	OPT_ORDER,
	OPT_MAX_WIDTH,
};

static const struct option long_options[] = {
    {"search", required_argument, NULL, 's'},
    {"open", required_argument, NULL, 'o'},
    {"expand-all", no_argument, NULL, 'a'},
    {"print", no_argument, NULL, 'p'},
    {"width", required_argument, NULL, 'w'},
    {"list", no_argument, NULL, OPT_LIST},
    {"check", no_argument, NULL, OPT_CHECK},
    {"dump", required_argument, NULL, OPT_DUMP},
    {"keys", required_argument, NULL, OPT_KEYS},
    {"dump-attrs", no_argument, NULL, OPT_DUMP_ATTRS},
    {"kiosk", no_argument, NULL, OPT_KIOSK},
    {"allow-quit", no_argument, NULL, OPT_ALLOW_QUIT},
    {"idle", required_argument, NULL, OPT_IDLE},
    {"ambiguous", required_argument, NULL, OPT_AMBIGUOUS},
    {"ascii", no_argument, NULL, OPT_ASCII},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
    {"lang", required_argument, NULL, OPT_LANG},
    {"romaji", required_argument, NULL, OPT_ROMAJI},
    {"order", required_argument, NULL, OPT_ORDER},
    {"max-width", required_argument, NULL, OPT_MAX_WIDTH},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

static const char usage_text[] =
    "usage: faq [OPTIONS] [FILE|DIR|-]...\n"
    "Browse FAQ content written in Markdown or plain text (FAQ, *.txt);\n"
    "with no FILE or DIR, the bundled FAQ; - reads standard input.\n"
    "\n"
    "  -s, --search QUERY     start with QUERY searched\n"
    "  -o, --open ID          start in the pager at entry ID\n"
    "  -a, --expand-all       start with every answer open\n"
    "  -p, --print            write the rendered content as plain text and "
    "exit\n"
    "  -w, --width N          width for --print (default: terminal width, else "
    "80)\n"
    "      --list             one line per entry: id, section, question (TSV)\n"
    "      --check            lint the content, exit 1 on errors\n"
    "      --dump WxH         print the screen the browser would show at W x "
    "H\n"
    "      --keys KEYS        with --dump: keys to apply first (e.g. "
    "'jj<Enter>')\n"
    "      --dump-attrs       with --dump: also show highlights and selection\n"
    "      --kiosk            locked-down mode for public terminals\n"
    "      --allow-quit       with --kiosk: Ctrl-D quits (for SSH ForceCommand)\n"
    "      --idle SECONDS     with --kiosk: return home after SECONDS idle\n"
    "                         (default 300)\n"
    "      --max-width N      text at most N columns wide in the browser\n"
    "                         (default 100; 0: no limit)\n"
    "      --ambiguous=1|2    width of East Asian Ambiguous characters\n"
    "      --ascii            ASCII-only markers and lines\n"
    "      --color=auto|always|never   colours (NO_COLOR is honoured)\n"
    "      --no-mouse         ignore the mouse\n"
    "      --lang ja|en       UI language (default: content's, then locale's)\n"
    "      --romaji=auto|always|never  letters also find the Japanese words\n"
    "                         they spell (seikyuusho: 請求書); auto: for\n"
    "                         Japanese content\n"
    "      --order=document|best  results in document order (default) or\n"
    "                         best first; with --list -s, the closest\n"
    "                         entries (marked ~) when none matches\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "When standard output is not a terminal, or TERM is dumb or unset, faq\n"
    "behaves as --print; a TERM this machine has no terminfo entry for is\n"
    "driven as a known cousin (xterm-kitty as xterm-256color, ...).\n"
    "Exit status: 0 success, 1 no match or content errors, 2 usage or I/O\n"
    "errors.  See faq(1) for keys and faq(5) for the content format.\n";

/*
 * Writes "faq: " and the message to stderr, sanitised like every other
 * string faq shows: a message may quote an argument, and an argument may
 * hold escape sequences that must not reach the terminal.
 */
static void __attribute__((format(printf, 1, 2)))
errorf(const char *fmt, ...)
{
	va_list ap;
	char *raw, *clean;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	clean = sanitize_text(raw, strlen(raw), NULL, NULL, NULL);
	fprintf(stderr, "faq: %s\n", clean);
	free(clean);
	free(raw);
}

/* Prints one line naming the problem and exits 2. */
#define usage_error(...) usage_exit(xasprintf(__VA_ARGS__))

static void __attribute__((noreturn))
usage_exit(char *msg)
{
	errorf("%s (see 'faq --help')", msg);
	free(msg);
	exit(2);
}

/* What romaji search can do here (--version, --check): C/Migemo with its
 * dictionary, kana only, or nothing. */
static void
print_romaji_status(FILE *fp)
{
	char *dict = romaji_dict_path();

	switch (romaji_probe()) {
	case ROMAJI_FULL:
		fprintf(fp, "romaji: C/Migemo, dictionary %s\n", dict);
		break;
	case ROMAJI_KANA:
		fprintf(fp,
		    "romaji: dictionary %s missing: kana words only "
		    "(install cmigemo-common)\n",
		    dict);
		break;
	case ROMAJI_OFF:
		fprintf(fp,
		    "romaji: no C/Migemo data (roma2hira.dat): off "
		    "(install cmigemo-common)\n");
		break;
	}
	free(dict);
}

/* A whole decimal number in [lo, hi], else a usage error naming opt. */
static int
parse_int(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		usage_error(
		    "%s: '%s' is not a number from %ld to %ld", opt, s, lo, hi);
	return (int)v;
}

static void
parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a, b;

	errno = 0;
	a = strtol(s, &end, 10);
	if (errno || end == s || (*end != 'x' && *end != 'X'))
		usage_error("--dump: '%s' is not a size like 80x24", s);
	s = end + 1;
	b = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || a < 1 || b < 1 || a > 10000 ||
	    b > 10000)
		usage_error("--dump: '%s' is not a size like 80x24", s);
	*w = (int)a;
	*h = (int)b;
}

static void
parse_options(int argc, char **argv, struct options *o)
{
	int c, i, dash;

	memset(o, 0, sizeof *o);
	o->ambiguous = 1;
	o->mouse = 1;
	o->idle = 300;
	o->max_width = 100;
	o->color = TUI_COLOR_AUTO;
	opterr = 0;
	while ((c = getopt_long(
	            argc, argv, ":s:o:apw:hV", long_options, NULL)) != -1) {
		switch (c) {
		case 's':
			o->search = optarg;
			break;
		case 'o':
			o->open_id = optarg;
			break;
		case 'a':
			o->expand_all = 1;
			break;
		case 'p':
			o->mode = MODE_PRINT;
			o->print_forced = 1;
			break;
		case 'w':
			o->width = parse_int("--width", optarg, 1, 10000);
			break;
		case OPT_LIST:
			o->mode = MODE_LIST;
			break;
		case OPT_CHECK:
			o->mode = MODE_CHECK;
			break;
		case OPT_DUMP:
			o->mode = MODE_DUMP;
			parse_size(optarg, &o->dump_w, &o->dump_h);
			break;
		case OPT_KEYS:
			o->keys = optarg;
			break;
		case OPT_DUMP_ATTRS:
			o->dump_attrs = 1;
			break;
		case OPT_KIOSK:
			o->kiosk = 1;
			break;
		case OPT_ALLOW_QUIT:
			o->allow_quit = 1;
			break;
		case OPT_IDLE:
			o->idle = parse_int("--idle", optarg, 1, 86400 * 365);
			o->idle_given = 1;
			break;
		case OPT_MAX_WIDTH:
			o->max_width = parse_int("--max-width", optarg, 0, 10000);
			break;
		case OPT_AMBIGUOUS:
			o->ambiguous = parse_int("--ambiguous", optarg, 1, 2);
			break;
		case OPT_ASCII:
			o->ascii = 1;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = TUI_COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = TUI_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = TUI_COLOR_NEVER;
			else
				usage_error("--color: '%s' is not auto, always "
				            "or never",
				    optarg);
			break;
		case OPT_NO_MOUSE:
			o->mouse = 0;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "ja") != 0 &&
			    strcmp(optarg, "en") != 0)
				usage_error(
				    "--lang: '%s' is not ja or en", optarg);
			o->lang = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case OPT_ROMAJI:
			if (strcmp(optarg, "auto") == 0)
				o->romaji = ROMAJI_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->romaji = ROMAJI_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->romaji = ROMAJI_NEVER;
			else
				usage_error("--romaji: '%s' is not auto, always "
				            "or never",
				    optarg);
			break;
		case OPT_ORDER:
			if (strcmp(optarg, "best") == 0)
				o->order_best = 1;
			else if (strcmp(optarg, "document") == 0)
				o->order_best = 0;
			else
				usage_error("--order: '%s' is not document or "
				            "best",
				    optarg);
			break;
		case 'V':
			printf("faq %s\n", FAQ_VERSION);
			print_romaji_status(stdout);
			exit(0);
		case ':':
			usage_error(
			    "option '%s' needs a value", argv[optind - 1]);
		default:
			if (optopt != 0)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (o->keys != NULL && o->mode != MODE_DUMP)
		usage_error("--keys needs --dump");
	if (o->dump_attrs && o->mode != MODE_DUMP)
		usage_error("--dump-attrs needs --dump");
	if (o->allow_quit && !o->kiosk)
		usage_error("--allow-quit needs --kiosk");
	/* an idle reset outside a kiosk would throw away a reader's place */
	if (o->idle_given && !o->kiosk)
		usage_error("--idle needs --kiosk");
	for (i = optind, dash = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 && dash++)
			usage_error(
			    "'-' (standard input) can be read only once");
	/* a kiosk's standard input is its visitor's keyboard */
	if (dash && o->kiosk)
		usage_error("--kiosk shows files, not standard input ('-')");
}

#define STDIN_NAME "(standard input)"

/*
 * Reads standard input whole and loads it: "curl -s https://.../faq.md |
 * faq -".  Past LOAD_MAX_STDIN it stops and refuses: the buffer never
 * grows beyond that and a byte.
 */
static int
load_stdin(struct doc *d, struct diag_list *diags)
{
	size_t n = 0, cap = 64 * 1024;
	char *buf = xmalloc(cap);
	ssize_t r;
	int rc;

	for (;;) {
		if (n > LOAD_MAX_STDIN) {
			diag_add(diags, STDIN_NAME, 0, 0, DIAG_ERROR,
			    "file too large (more than %lu bytes)",
			    LOAD_MAX_STDIN);
			free(buf);
			return -1;
		}
		if (n == cap) {
			cap = cap * 2 > LOAD_MAX_STDIN + 1 ? LOAD_MAX_STDIN + 1
			                                   : cap * 2;
			buf = xrealloc(buf, cap);
		}
		r = read(STDIN_FILENO, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_add(diags, STDIN_NAME, 0, 0, DIAG_ERROR,
			    "cannot read: %s", strerror(errno));
			free(buf);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	rc = load_buffer(d, STDIN_NAME, buf, n, diags);
	free(buf);
	return rc;
}

/* After '-' has used up standard input, the browser takes its keys from
 * the terminal, as less does; -1 when there is none. */
static int
keys_from_tty(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);

	if (fd < 0)
		return -1;
	if (fd != STDIN_FILENO) {
		if (dup2(fd, STDIN_FILENO) < 0) {
			close(fd);
			return -1;
		}
		close(fd);
	}
	clearerr(stdin);
	return 0;
}

/* The bundled content: beside the binary in a source tree (./content), else
 * the installed copy.  Returns a malloc'd path. */
static char *
bundled_content(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct stat st;
	char *slash, *p;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			p = xasprintf("%s/content", exe);
			if (stat(p, &st) == 0 && S_ISDIR(st.st_mode) &&
			    access(p, R_OK | X_OK) == 0) {
				/* Only a source tree has a Makefile beside
				 * the binary: an installed faq in /usr/bin
				 * must not pick up some /usr/bin/content. */
				char *mk = xasprintf("%s/Makefile", exe);
				int ok = access(mk, R_OK) == 0;

				free(mk);
				if (ok)
					return p;
			}
			free(p);
		}
	}
	return xasprintf("%s/content", FAQ_DATADIR);
}

/* "ja" when the content or the locale says Japanese, else "en". */
static const char *
choose_lang(const struct options *o, const struct doc *d)
{
	const char *v;

	if (o->lang != NULL)
		return o->lang;
	if (d->ncolls > 0 && d->colls[0].lang[0] != '\0')
		return strncmp(d->colls[0].lang, "ja", 2) == 0 ? "ja" : "en";
	v = getenv("LC_ALL");
	if (v == NULL || *v == '\0')
		v = getenv("LC_MESSAGES");
	if (v == NULL || *v == '\0')
		v = getenv("LANG");
	return v != NULL && strncmp(v, "ja", 2) == 0 ? "ja" : "en";
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Marks the entries that match query; returns how many do. */
static size_t
filter_entries(const struct doc *d, const char *query, struct romaji *rj,
    uint8_t *only)
{
	struct search_index *ix = search_index_new(d);
	struct search_query *sq = search_query_new_alts(
	    query, strlen(query), rj != NULL ? romaji_alts : NULL, rj);
	uint32_t *hits = xcalloc(d->nentries ? d->nentries : 1, sizeof *hits);
	size_t n = search_run(ix, sq, NULL, 0, hits), i;

	for (i = 0; i < n; i++)
		only[hits[i]] = 1;
	free(hits);
	search_query_free(sq);
	search_index_free(ix);
	return n;
}

/* --list --order=best -s QUERY: the matches best first, or (none
 * matching) the 10 closest marked "~"; returns the number of matches. */
static size_t
list_best(const struct doc *d, const char *query, struct romaji *rj)
{
	struct search_index *ix = search_index_new(d);
	struct search_query *sq = search_query_new_alts(
	    query, strlen(query), rj != NULL ? romaji_alts : NULL, rj);
	uint32_t *hits = xcalloc(d->nentries ? d->nentries : 1, sizeof *hits);
	uint32_t *order = xcalloc(d->nentries ? d->nentries : 1, sizeof *order);
	size_t n = search_run(ix, sq, NULL, 0, hits), k;

	if (n > 0) {
		k = search_rank(ix, sq, hits, n, n, order, NULL);
		/* (every match scores above 0; should one not, it follows in
		 * document order rather than going missing) */
		if (k < n) {
			uint8_t *seen = xcalloc(d->nentries, 1);
			size_t i;

			for (i = 0; i < k; i++)
				seen[order[i]] = 1;
			for (i = 0; i < n; i++)
				if (!seen[hits[i]])
					order[k++] = hits[i];
			free(seen);
		}
		print_list_order(stdout, d, order, k, 0);
	} else {
		k = search_rank(ix, sq, NULL, 0, 10, order, NULL);
		print_list_order(stdout, d, order, k, 1);
	}
	free(hits);
	free(order);
	search_query_free(sq);
	search_index_free(ix);
	return n;
}

/* The help FAQ in the UI language, from the copy compiled into the binary;
 * NULL if it is missing (the help screen then shows the key listing). */
static struct doc *
load_help(const char *lang)
{
	char name[32];
	const struct embed_file *f;
	struct diag_list diags = {0};
	struct doc *h;

	snprintf(name, sizeof name, "help.%s.md", lang);
	f = embed_find(name);
	if (f == NULL)
		return NULL;
	h = doc_new();
	load_buffer(h, name, f->data, f->len, &diags);
	doc_finish(h, &diags);
	diag_clear(&diags);
	return h;
}

/* --check, on standard error (standard output is the problems alone,
 * for scripts): how each file's questions were found. */
static void
print_shapes(FILE *fp, const struct doc *d)
{
	size_t c, k, n;

	for (c = 0; c < d->ncolls; c++) {
		const struct collection *cl = &d->colls[c];

		if (cl->shape == NULL)
			continue;
		for (k = cl->first, n = 0; k < cl->first + cl->n; k++)
			n += d->secs[k].n;
		if (strcmp(cl->shape, "text") == 0)
			n = 0;
		fprintf(fp, "%s: shape %s: %s; %zu question%s\n", cl->path,
		    cl->shape, cl->shape_what, n, n == 1 ? "" : "s");
	}
}

/* After the browser on a big file loaded while shown: the whole load's
 * problems, as a small file's are said before the browser starts (all of
 * them when it failed). */
static void
report_whole(const struct diag_list *diags, int status)
{
	int n = (int)(diag_count(diags, DIAG_WARNING) +
	              diag_count(diags, DIAG_ERROR));

	if (status == 2)
		diag_print(diags, stderr);
	else if (n > 0)
		errorf("%d problem%s in the content (see 'faq --check')", n,
		    n == 1 ? "" : "s");
}

static int
run_dump(const struct options *o, struct browser *b)
{
	struct key_event *keys = NULL;
	size_t nkeys = 0, i;
	char *err = NULL;
	struct screen scr;
	int w = o->dump_w, h = o->dump_h;

	if (o->keys != NULL && keys_parse(o->keys, &keys, &nkeys, &err) != 0) {
		/* keys_parse() names the option itself */
		errorf("%s", err);
		free(err);
		return 2;
	}
	/* The terminal tells the browser its size before the first key; so
	 * must the dump, or keys would act on a screen of another size. */
	{
		struct key_event size = {0};

		size.key = K_RESIZE;
		size.w = w;
		size.h = h;
		browser_key(b, &size);
	}
	for (i = 0; i < nkeys; i++) {
		if (keys[i].key == K_RESIZE) {
			w = keys[i].w;
			h = keys[i].h;
		}
		if (browser_key(b, &keys[i]) == BROWSER_QUIT)
			break;
	}
	free(keys);
	memset(&scr, 0, sizeof scr);
	browser_render(b, w, h, &scr);
	dump_screen(stdout, &scr, o->dump_attrs);
	screen_free(&scr);
	return 0;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct diag_list diags = {0};
	struct doc *d;
	char *bundled = NULL;
	int i, status = 0, nwarn, utf8, from_stdin = 0;
	enum tui_term tk = TUI_TERM_OK;
	const char *term_used = NULL;
	char *notice = NULL; /* said once on the status line */
	const char *early_path = NULL; /* a big file shown while it loads */

	xalloc_tune();
	parse_options(argc, argv, &o);
	if (o.kiosk)
		termenv_kiosk_scrub();
	utf8 = termenv_setup_locale();

	d = doc_new();
	/* One big file in the browser: its first screens are shown while
	 * the whole loads (loading.h).  Not with -s or -o, which need the
	 * whole from the start, nor where the browser will not start. */
	if (o.mode == MODE_BROWSE && argc - optind == 1 &&
	    strcmp(argv[optind], "-") != 0 && o.search == NULL &&
	    o.open_id == NULL && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO) &&
	    tui_term_choose(&term_used) != TUI_TERM_NONE &&
	    load_path_head(d, argv[optind]) == 1)
		early_path = argv[optind];
	if (early_path != NULL) {
		/* the whole is loaded below, on a thread */
	} else if (optind >= argc) {
		bundled = bundled_content();
		if (load_path(d, bundled, &diags) != 0)
			status = 2;
	}
	for (i = optind; i < argc && early_path == NULL; i++) {
		from_stdin |= strcmp(argv[i], "-") == 0;
		if ((strcmp(argv[i], "-") == 0
		            ? load_stdin(d, &diags)
		            : load_path(d, argv[i], &diags)) != 0)
			status = 2;
	}
	free(bundled);
	if (status == 0)
		doc_finish(d, &diags);

	if (o.mode == MODE_CHECK || status != 0) {
		/* --check reports everything; an I/O error ends every mode
		 * with its messages. */
		diag_print(&diags, o.mode == MODE_CHECK ? stdout : stderr);
		/* A content check on a machine whose romaji search is limited
		 * says so (the content itself is fine). */
		if (o.mode == MODE_CHECK && o.romaji != ROMAJI_NEVER &&
		    romaji_probe() != ROMAJI_FULL && romaji_wanted(o.romaji, d))
			print_romaji_status(stdout);
		if (o.mode == MODE_CHECK && status == 0)
			print_shapes(stderr, d);
		if (status == 0 && diag_count(&diags, DIAG_ERROR) > 0)
			status = 1;
		goto out;
	}
	nwarn = (int)(diag_count(&diags, DIAG_WARNING) +
	              diag_count(&diags, DIAG_ERROR));
	if (nwarn > 0)
		errorf("%d problem%s in the content (see 'faq --check')", nwarn,
		    nwarn == 1 ? "" : "s");

	i18n_init(choose_lang(&o, d));

	if (o.mode == MODE_BROWSE && from_stdin && isatty(STDOUT_FILENO) &&
	    !isatty(STDIN_FILENO))
		(void)keys_from_tty();
	if (o.mode == MODE_BROWSE) {
		if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
			o.mode = MODE_PRINT;
		else if ((tk = tui_term_choose(&term_used)) == TUI_TERM_NONE)
			o.mode = MODE_PRINT;
		else if (tk == TUI_TERM_FALLBACK) {
			/* Sanitised: TERM comes from the SSH client. */
			char *raw = xasprintf(_("TERM=%s is not known here: "
			                        "using %s"),
			    getenv("TERM"), term_used);

			notice = sanitize_text(raw, strlen(raw), NULL, NULL,
			    NULL);
			free(raw);
		}
	}

	if (o.mode == MODE_PRINT || o.mode == MODE_LIST) {
		uint8_t *only = NULL;
		struct render_opts ro = {0};
		struct romaji *rj;

		if (o.search != NULL && o.mode == MODE_LIST && o.order_best) {
			rj = romaji_wanted(o.romaji, d) ? romaji_new(0) : NULL;
			if (list_best(d, o.search, rj) == 0)
				status = 1;
			romaji_free(rj);
			goto flush;
		}
		if (o.search != NULL) {
			only = xcalloc(d->nentries ? d->nentries : 1, 1);
			rj = romaji_wanted(o.romaji, d) ? romaji_new(0) : NULL;
			if (filter_entries(d, o.search, rj, only) == 0)
				status = 1;
			romaji_free(rj);
		}
		ro.width = o.width > 0 ? o.width : terminal_width();
		ro.ambiguous = o.ambiguous;
		ro.ascii = o.ascii || !utf8;
		ro.del_marks = 1;
		if (o.mode == MODE_LIST)
			print_list(stdout, d, only);
		else
			print_doc(stdout, d, &ro, only);
		free(only);
	flush:
		if (fflush(stdout) != 0 || ferror(stdout)) {
			errorf("standard output: %s", strerror(errno));
			status = 2;
		}
	} else {
		struct search_index *ix = NULL;
		struct loading *ld = NULL;
		struct browser_opts bo = {0};
		struct browser *b;
		struct doc *help = load_help(i18n_lang());
		char *err = NULL;

		bo.ambiguous = o.ambiguous;
		bo.max_width = o.max_width;
		bo.ascii = o.ascii || !utf8;
		/* The terminal says whether it strikes through (tui.c); --dump
		 * is the screen of one that does, as xterm-256color and
		 * tmux-256color do (--dump-attrs marks the struck cells). */
		bo.del_marks = o.mode != MODE_DUMP;
		bo.no_utf8 = !utf8;
		bo.kiosk = o.kiosk;
		bo.allow_quit = o.allow_quit;
		bo.mouse = o.mouse;
		bo.lang = i18n_lang();
		bo.search = o.search;
		bo.open_id = o.open_id;
		bo.expand_all = o.expand_all;
		bo.notice = notice;
		bo.order_best = o.order_best;
		/* The dictionary loads at the first romaji query, not on a
		 * thread at start: a quit or a signal must never wait for a
		 * load nobody used (it did, seconds under ASan on a busy
		 * machine). */
		bo.romaji = romaji_wanted(o.romaji, d) ? romaji_new(0) : NULL;
		if (early_path != NULL) {
			ld = loading_new(early_path, d, &bo, help, &err);
			d = NULL; /* the loading's */
			b = ld != NULL ? loading_browser(ld) : NULL;
		} else {
			ix = search_index_new(d);
			b = browser_new(d, ix, &bo, &err);
		}
		if (b != NULL && help != NULL && ld == NULL)
			browser_set_help(b, help);
		if (b == NULL) {
			errorf("%s", err);
			free(err);
			status = 2;
		} else if (o.mode == MODE_DUMP) {
			status = run_dump(&o, b);
		} else {
			struct tui_opts to = {0};

			to.color = o.color;
			to.mouse = o.mouse;
			to.kiosk = o.kiosk;
			to.allow_quit = o.allow_quit;
			to.idle_seconds = o.idle;
			to.term = tk == TUI_TERM_FALLBACK ? term_used : NULL;
			to.loading = ld;
			status = tui_run(b, &to, &err);
			if (err != NULL) {
				errorf("%s", err);
				free(err);
			}
			if (ld != NULL && !loading_busy(ld))
				report_whole(loading_diags(ld), status);
		}
		if (ld != NULL)
			loading_free(ld);
		else
			browser_free(b);
		romaji_free(bo.romaji);
		doc_free(help);
		search_index_free(ix);
	}
out:
	free(notice);
	diag_clear(&diags);
	doc_free(d);
	return status;
}
