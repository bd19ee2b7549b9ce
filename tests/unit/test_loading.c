/*
 * test_loading.c - a big file shown while it loads (loading.h): keys that
 * act on the whole document wait for it, with the status row saying so,
 * and are applied once it is there; the keys before them are not lost.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "i18n.h"
#include "keys.h"
#include "load.h"
#include "loading.h"

#define NQ 60000

/* A FAQ of NQ questions, bigger than LOAD_HEAD_MIN; returns its path. */
static char *
big_file(void)
{
	static const char tmpl[] = "/tmp/faq-test-loading-XXXXXX.md";
	char *path = malloc(sizeof tmpl);
	FILE *fp;
	int fd, i;

	memcpy(path, tmpl, sizeof tmpl);
	fd = mkstemps(path, 3);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs("# Big\n\n## Section\n\n", fp);
	for (i = 0; i < NQ; i++)
		fprintf(fp, "### Question %d?\n\nThe answer to question %d, "
		            "with words enough for a line or two.\n\n",
		    i, i);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
keys(struct loading *l, const char *spec)
{
	struct key_event *v;
	size_t n, i;
	char *err;

	assert_int_equal(keys_parse(spec, &v, &n, &err), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(loading_key(l, &v[i]), BROWSER_CONTINUE);
	free(v);
}

/* Whether a row of the screen at 80x24 holds s; the status row in *status
 * (malloc'd). */
static int
screen_has(struct loading *l, const char *s, char **status)
{
	struct screen scr;
	size_t y;
	int found = 0;

	browser_render(loading_browser(l), 80, 24, &scr);
	for (y = 0; y < scr.rows.n; y++)
		found |= strstr(scr.rows.v[y].text, s) != NULL;
	*status = strdup(scr.rows.v[scr.rows.n - 1].text);
	screen_free(&scr);
	return found;
}

static void
test_end_waits_for_the_whole(void **state)
{
	struct browser_opts bo = {0};
	struct doc *head = doc_new();
	struct diag_list dl = {0};
	struct loading *l;
	enum browser_status st;
	char *path = big_file(), *err = NULL, *status;
	struct timespec pause = {0, 10000000};
	int waited = 0;

	(void)state;
	i18n_init("en");
	bo.ambiguous = 1;
	bo.lang = "en";
	assert_int_equal(load_path_head(head, path), 1);
	doc_finish(head, &dl);
	diag_clear(&dl);
	assert_true(head->nentries < NQ);
	l = loading_new(path, head, &bo, NULL, &err);
	assert_non_null(l);
	/* moves act on the beginning at once; End waits for the whole */
	keys(l, "jj<End>");
	assert_true(screen_has(l, "Question 1?", &status));
	assert_non_null(strstr(status, "Loading the rest of the file"));
	free(status);
	assert_false(screen_has(l, "Question 59999?", &status));
	free(status);
	while (loading_busy(l) && waited++ < 6000)
		nanosleep(&pause, NULL);
	assert_int_equal(loading_poll(l, &st), 1);
	assert_int_equal(st, BROWSER_CONTINUE);
	/* the held End went to the end of the whole */
	assert_true(screen_has(l, "Question 59999?", &status));
	assert_null(strstr(status, "Loading"));
	free(status);
	assert_int_equal(loading_poll(l, &st), 0);
	assert_int_equal(diag_count(loading_diags(l), DIAG_ERROR), 0);
	loading_free(l);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_end_waits_for_the_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
