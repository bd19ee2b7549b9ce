/*
 * load.c - files and directories into a struct doc; see load.h.
 *
 * As in mandoc's read.c, the reader alone holds a file's bytes: this file
 * reads them (filemap.h: into private memory, one version of the file),
 * lends them to the parse, tells the parse how to let pages go, and frees
 * them, as early as it can (peak memory on big files).
 *
 * One file's bytes go through: the byte order mark; one look at whether
 * they are clean as they are (then they are parsed in place, no copy) and
 * where they may be split; sanitising into a copy when they are not;
 * front matter; the Markdown reader, on one core or two (split.h); the
 * reader's links and warnings to the doc; the shape (shape.h).
 */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "blocks.h"
#include "docload.h"
#include "filemap.h"
#include "frontmatter.h"
#include "md.h"
#include "plaintext.h"
#include "sanitize.h"
#include "shape.h"
#include "split.h"
#include "utf8.h"
#include "xalloc.h"

/* Sanitiser problems reported per file before they are only counted: a
 * binary file has hundreds of thousands, and nobody reads past the first. */
#define MAX_SANITIZE_DIAGS 50

/* One file's bytes ------------------------------------------------------- */

struct san_report {
	size_t *off;
	const char **what;
	size_t n, cap, dropped;
};

static void
san_collect(void *ctx, size_t off, const char *what)
{
	struct san_report *r = ctx;

	if (r->n == MAX_SANITIZE_DIAGS) {
		r->dropped++;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->off = xreallocarray(r->off, r->cap, sizeof *r->off);
		r->what = xreallocarray(r->what, r->cap, sizeof *r->what);
	}
	r->off[r->n] = off;
	r->what[r->n++] = what;
}

/* Turns the sanitiser's byte offsets into line:col of the original bytes
 * (CRLF, CR and LF each end a line; columns count characters as utf8.h
 * steps over them, a broken one as one). */
static void
san_diags(struct diag_list *diags, const char *name, const char *buf,
    size_t len, const struct san_report *r)
{
	size_t i = 0, k, line = 1, col = 1;

	for (k = 0; k < r->n; k++) {
		while (i < r->off[k] && i < len) {
			unsigned char ch = (unsigned char)buf[i];

			if (ch == '\n' ||
			    (ch == '\r' &&
			        (i + 1 >= len || buf[i + 1] != '\n'))) {
				line++;
				col = 1;
			} else if (ch != '\r') {
				col++;
			}
			if (ch < 0x80)
				i++;
			else
				utf8_next(buf, len, &i);
		}
		diag_add(diags, name, (unsigned)line, (unsigned)col,
		    DIAG_WARNING, "%s", r->what[k]);
	}
	if (r->dropped)
		diag_add(diags, name, 0, 0, DIAG_WARNING,
		    "%zu more problems of this kind not shown", r->dropped);
}

/* md.c is done with src[from..to) of a file read by filemap. */
static void
drop_pages(void *ctx, size_t from, size_t to)
{
	filemap_drop(ctx, from, to);
}

/* Hands the parse's links and its depth warning to the doc. */
static void
reader_flush(struct doc *d, uint32_t coll, const struct blocks *bl,
    struct diag_list *diags)
{
	const char *name = d->colls[coll].path;
	size_t k;

	if (bl->depth_line != 0)
		diag_add(diags, name, bl->depth_line, 1, DIAG_WARNING,
		    "blocks nested deeper than %d levels are flattened",
		    DOC_MAX_DEPTH);
	for (k = 0; k < bl->nnotes; k++)
		diag_add(diags, name, bl->notes[k].line, 1, DIAG_NOTE, "%s",
		    bl->notes[k].what);
	for (k = 0; k < bl->nlinks; k++)
		docload_add_link(d, coll, bl->links[k].line, bl->links[k].col,
		    bl->links[k].href);
}

/*
 * Reads buf[0..len) as one new collection named name (already sanitised
 * for messages).  own is NULL or the file map holding buf: it is closed
 * here, as soon as nothing reads it any more.
 */
static void
load_bytes(struct doc *d, const char *name, const char *buf, size_t len,
    struct filemap *own, size_t split_min, int plain,
    struct load_stats *stats, struct diag_list *diags)
{
	struct san_report rep = {NULL, NULL, 0, 0, 0};
	struct frontmatter fm;
	struct split_at at;
	struct md_src src;
	struct blocks bl;
	enum split_how how;
	const char *s;
	char *s_alloc = NULL;
	const char *cname;
	size_t n, start;
	uint32_t ci;

	cname = arena_strndup(d->arena, name, strlen(name));
	ci = docload_add_collection(d);
	d->colls[ci].path = cname;
	d->colls[ci].first = (uint32_t)d->nsecs;
	d->colls[ci].lang = "";

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if (!plain && split_find(buf, len, split_min, &at)) {
		/* the usual case: parse the bytes as they are, no copy */
		s = buf;
		n = len;
	} else {
		/* (the file is parsed in one piece: offsets moved) */
		at.lines = 0;
		s = s_alloc = sanitize_text(buf, len, &n, san_collect, &rep);
		san_diags(diags, cname, buf, len, &rep);
		free(rep.off);
		free(rep.what);
		if (own != NULL)
			filemap_close(own);
		own = NULL;
	}

	if (n > 0 && s[n - 1] != '\n') {
		/* md4c 0.4.8 reads past the end of input whose last line has
		 * no newline (a link cut short there made it report a text
		 * of 3 GB); a final newline changes no Markdown meaning */
		char *t = xmalloc(n + 2);

		memcpy(t, s, n);
		t[n++] = '\n';
		t[n] = '\0';
		free(s_alloc);
		s = s_alloc = t;
		if (own != NULL) {
			filemap_close(own);
			own = NULL;
		}
	}
	start = frontmatter_parse(s, n, d->arena, cname, diags, &fm);
	src.s = s;
	src.len = n;
	src.drop = NULL;
	src.drop_ctx = NULL;
	if (own != NULL && s == own->data) {
		src.drop = drop_pages;
		src.drop_ctx = own;
	}
	/* The reader, chosen here: plain text (plaintext.c) when the file's
	 * name says so, else Markdown (md.c), on two cores when split_find()
	 * said where (split.h).  Both fill the same block list. */
	how = SPLIT_NONE;
	if (plain) {
		size_t k, line = 0;

		for (k = 0; k < start; k++)
			line += s[k] == '\n';
		plaintext_read(&bl, d->arena, s, n, start, line);
	} else if (split_parse(&bl, d->arena, &src, start, &at, &how) != 0) {
		diag_add(diags, cname, 0, 0, DIAG_ERROR,
		    "the Markdown parser failed; content may be missing");
	}
	if (stats != NULL) {
		stats->splits_joined += how == SPLIT_JOINED;
		stats->splits_redone += how == SPLIT_REDONE;
	}
	reader_flush(d, ci, &bl, diags);
	/* entries point into the blocks and their text from shape_map() on:
	 * shrink first */
	blocks_shrink(&bl);
	/* the source is done with (positions are lines and columns by now):
	 * let it go before the entries are allocated, for the peak */
	if (own != NULL)
		filemap_close(own);
	free(s_alloc);
	shape_map(d, ci, &bl, &fm, n == 0, diags);
	blocks_give(&bl, d);
}

/* Files and directories -------------------------------------------------- */

int
load_buffer_opt(struct doc *d, const char *name, const char *buf, size_t len,
    const struct load_opt *opt, struct load_stats *stats,
    struct diag_list *diags)
{
	char *clean = sanitize_text(name, strlen(name), NULL, NULL, NULL);
	size_t split_min = opt != NULL && opt->split_min != 0 ? opt->split_min
	                                                      : LOAD_SPLIT_MIN;

	if (len > LOAD_MAX_FILE) {
		diag_add(diags, clean, 0, 0, DIAG_ERROR,
		    "file too large (more than %lu bytes)", LOAD_MAX_FILE);
		free(clean);
		return -1;
	}
	load_bytes(d, clean, buf, len, NULL, split_min,
	    opt != NULL && opt->plain, stats, diags);
	free(clean);
	return 0;
}

int
load_buffer(struct doc *d, const char *name, const char *buf, size_t len,
    struct diag_list *diags)
{
	return load_buffer_opt(d, name, buf, len, NULL, NULL, diags);
}

/* The last component of path. */
static const char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');

	return b != NULL ? b + 1 : path;
}

/* A file named FAQ or FAQ.txt, in any case: the plain-text FAQ a
 * project ships, read from a directory too. */
static int
is_faq_name(const char *name)
{
	return strcasecmp(name, "FAQ") == 0 ||
	       strcasecmp(name, "FAQ.txt") == 0;
}

/* Plain text, not Markdown: a .txt file, or one with no extension at all
 * (FAQ, zlib's FAQ, a Debian package's FAQ); .md, .markdown and the
 * rest are Markdown. */
int
load_is_plain_name(const char *path)
{
	const char *b = base_name(path), *dot = strrchr(b, '.');
	size_t n = strlen(b);

	if (is_faq_name(b))
		return 1;
	if (n > 4 && strcasecmp(b + n - 4, ".txt") == 0)
		return 1;
	return dot == NULL || dot == b;
}

/* Reads of a file that keeps changing before it is refused, and the first
 * pause between them (doubled each time): a copy over it (cp, a deploy)
 * is over within the 350 ms of pauses for any FAQ of sane size. */
#define LOAD_TRIES 4
#define LOAD_RETRY_MS 50

/* Reads a regular file whole, as one version of it (filemap.h); on failure
 * adds an error naming it. */
static int
load_file(
    struct doc *d, const char *path, const char *shown, struct diag_list *diags)
{
	struct filemap fm;
	struct stat st;
	int fd, rc = FILEMAP_CHANGED, tries;
	long pause_ms = LOAD_RETRY_MS;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	for (tries = 0; tries < LOAD_TRIES && rc == FILEMAP_CHANGED; tries++) {
		if (tries > 0) {
			struct timespec ts = {0, pause_ms * 1000000L};

			nanosleep(&ts, NULL);
			pause_ms *= 2;
		}
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			diag_add(diags, shown, 0, 0, DIAG_ERROR,
			    "not a regular file or directory");
			close(fd);
			return -1;
		}
		if ((unsigned long long)st.st_size > LOAD_MAX_FILE) {
			diag_add(diags, shown, 0, 0, DIAG_ERROR,
			    "file too large (more than %lu bytes)",
			    LOAD_MAX_FILE);
			close(fd);
			return -1;
		}
		rc = filemap_open(&fm, fd, &st);
	}
	close(fd);
	if (rc == FILEMAP_CHANGED) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "the file changed while it was read (%d times); not "
		    "loaded",
		    LOAD_TRIES);
		return -1;
	}
	if (rc != 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	load_bytes(d, shown, fm.data, fm.len, &fm, LOAD_SPLIT_MIN,
	    load_is_plain_name(path), NULL, diags);
	filemap_close(&fm); /* (load_bytes() may have closed it already) */
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_md_name(const char *s)
{
	size_t n = strlen(s);

	return s[0] != '.' && n > 3 && strcmp(s + n - 3, ".md") == 0;
}

static int
load_dir(
    struct doc *d, const char *path, const char *shown, struct diag_list *diags)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	struct stat st;
	char **names = NULL, *full;
	size_t n = 0, cap = 0, i;
	const char *sep;
	int failed = 0;

	if (dir == NULL) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	sep = path[0] != '\0' && path[strlen(path) - 1] == '/' ? "" : "/";
	while ((de = readdir(dir)) != NULL) {
		if (!is_md_name(de->d_name) && !is_faq_name(de->d_name))
			continue;
		full = xasprintf("%s%s%s", path, sep, de->d_name);
		if (stat(full, &st) != 0) {
			/* a dangling link, or one gone since readdir: said,
			 * and the load fails as for an unreadable file */
			char *clean =
			    sanitize_text(full, strlen(full), NULL, NULL, NULL);

			diag_add(diags, clean, 0, 0, DIAG_ERROR,
			    "cannot open: %s", strerror(errno));
			free(clean);
			free(full);
			failed = 1;
			continue;
		}
		if (!S_ISREG(st.st_mode)) {
			free(full);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap + cap / 2 : 16;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = full;
	}
	closedir(dir);
	if (n == 0 && !failed) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "no .md files in directory");
		free(names);
		return -1;
	}
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		char *clean =
		    sanitize_text(names[i], strlen(names[i]), NULL, NULL, NULL);

		/* one unreadable file does not hide the others' problems,
		 * but the load fails (faq exits 2, as for one file) */
		if (load_file(d, names[i], clean, diags) != 0)
			failed = 1;
		free(clean);
		free(names[i]);
	}
	free(names);
	return failed ? -1 : 0;
}

int
load_path(struct doc *d, const char *path, struct diag_list *diags)
{
	char *shown = sanitize_text(path, strlen(path), NULL, NULL, NULL);
	struct stat st;
	int rc;

	if (stat(path, &st) != 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot open: %s",
		    strerror(errno));
		rc = -1;
	} else if (S_ISDIR(st.st_mode)) {
		rc = load_dir(d, path, shown, diags);
	} else {
		rc = load_file(d, path, shown, diags);
	}
	free(shown);
	return rc;
}

/* Where a beginning of len bytes is cut: before a "#" line that follows a
 * blank line (a heading closes every block, so the beginning parses as it
 * does in the whole), else after a blank line, else after a line. */
static size_t
head_cut(const char *buf, size_t len)
{
	size_t i, blank = 0, line = 0;

	for (i = len; i > 2; i--) {
		if (buf[i - 1] != '\n')
			continue;
		if (line == 0)
			line = i;
		if (buf[i - 2] == '\n') {
			if (i < len && buf[i] == '#')
				return i;
			if (blank == 0)
				blank = i;
		}
	}
	return blank != 0 ? blank : line != 0 ? line : len;
}

int
load_path_head(struct doc *d, const char *path)
{
	struct diag_list ignored = {0};
	struct stat st;
	char *buf, *shown;
	ssize_t got;
	size_t n = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size < LOAD_HEAD_MIN ||
	    (unsigned long long)st.st_size > LOAD_MAX_FILE) {
		close(fd);
		return 0;
	}
	buf = xmalloc(LOAD_HEAD_BYTES);
	while (n < LOAD_HEAD_BYTES &&
	       (got = read(fd, buf + n, LOAD_HEAD_BYTES - n)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		n += (size_t)got;
	}
	close(fd);
	if (n < LOAD_HEAD_BYTES) {
		/* shorter than it said: the whole load finds out why */
		free(buf);
		return 0;
	}
	shown = sanitize_text(path, strlen(path), NULL, NULL, NULL);
	load_bytes(d, shown, buf, head_cut(buf, n), NULL, SIZE_MAX,
	    load_is_plain_name(path), NULL, &ignored);
	diag_clear(&ignored);
	free(shown);
	free(buf);
	return 1;
}
