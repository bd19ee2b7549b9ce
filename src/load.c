/*
 * load.c - files and directories into a struct doc; see load.h.
 *
 * As in mandoc's read.c, the reader alone knows whether a file's bytes
 * were mapped or read: it opens the map, lends its bytes to the parse,
 * and closes it.
 */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docload.h"
#include "filemap.h"
#include "sanitize.h"
#include "xalloc.h"

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
	docload_parse(d, clean, buf, len, NULL, split_min, stats, diags);
	free(clean);
	return 0;
}

int
load_buffer(struct doc *d, const char *name, const char *buf, size_t len,
    struct diag_list *diags)
{
	return load_buffer_opt(d, name, buf, len, NULL, NULL, diags);
}

/* Reads a regular file whole; on failure adds an error naming it. */
static int
load_file(
    struct doc *d, const char *path, const char *shown, struct diag_list *diags)
{
	struct filemap fm;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "not a regular file or directory");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > LOAD_MAX_FILE) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "file too large (more than %lu bytes)", LOAD_MAX_FILE);
		close(fd);
		return -1;
	}
	/* A file that grows while we read it is read as far as its size
	 * was: never an unbounded read. */
	if (filemap_open(&fm, fd, (size_t)st.st_size) != 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot read: %s",
		    strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	docload_parse(
	    d, shown, fm.data, fm.len, &fm, LOAD_SPLIT_MIN, NULL, diags);
	filemap_close(&fm); /* (docload_parse() may have closed it) */
	if (filemap_truncated(&fm))
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "the file shrank while it was read; its end is missing "
		    "(load it again)");
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

	if (dir == NULL) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	sep = path[0] != '\0' && path[strlen(path) - 1] == '/' ? "" : "/";
	while ((de = readdir(dir)) != NULL) {
		if (!is_md_name(de->d_name))
			continue;
		full = xasprintf("%s%s%s", path, sep, de->d_name);
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
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
	if (n == 0) {
		diag_add(diags, shown, 0, 0, DIAG_ERROR,
		    "no .md files in directory");
		free(names);
		return -1;
	}
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		char *clean =
		    sanitize_text(names[i], strlen(names[i]), NULL, NULL, NULL);

		/* one unreadable file does not hide the others */
		(void)load_file(d, names[i], clean, diags);
		free(clean);
		free(names[i]);
	}
	free(names);
	return 0;
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
