/* test_keys.c - the --keys parser. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"

static struct key_event *
parse_ok(const char *spec, size_t *n)
{
	struct key_event *v;
	char *err;

	assert_int_equal(keys_parse(spec, &v, n, &err), 0);
	assert_null(err);
	return v;
}

static char *
parse_err(const char *spec)
{
	struct key_event *v;
	size_t n;
	char *err;

	assert_int_equal(keys_parse(spec, &v, &n, &err), -1);
	assert_null(v);
	assert_non_null(err);
	return err;
}

static void
test_literals_and_names(void **state)
{
	size_t n;
	struct key_event *v = parse_ok("jj<Enter>q", &n);

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(v[0].key, K_CHAR);
	assert_int_equal(v[0].ch, 'j');
	assert_int_equal(v[2].key, K_ENTER);
	assert_int_equal(v[3].ch, 'q');
	free(v);
}

static void
test_japanese(void **state)
{
	size_t n;
	struct key_event *v = parse_ok("/請求<Enter>", &n);

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(v[1].key, K_CHAR);
	assert_int_equal(v[1].ch, 0x8ACB); /* 請 */
	assert_int_equal(v[2].ch, 0x6C42); /* 求 */
	assert_int_equal(v[3].key, K_ENTER);
	free(v);
}

static void
test_all_names(void **state)
{
	static const struct {
		const char *s;
		enum key k;
	} t[] = {
	    {"<Up>", K_UP}, {"<Down>", K_DOWN}, {"<Left>", K_LEFT},
	    {"<Right>", K_RIGHT}, {"<PgUp>", K_PGUP}, {"<PgDn>", K_PGDN},
	    {"<Home>", K_HOME}, {"<End>", K_END}, {"<Enter>", K_ENTER},
	    {"<Esc>", K_ESC}, {"<Tab>", K_TAB}, {"<S-Tab>", K_BTAB},
	    {"<BS>", K_BACKSPACE}, {"<Del>", K_DELETE}, {"<Idle>", K_IDLE},
	    {"<enter>", K_ENTER}, /* names are case-insensitive */
	};
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct key_event *v = parse_ok(t[i].s, &n);

		assert_int_equal(n, 1);
		assert_int_equal(v[0].key, t[i].k);
		free(v);
	}
}

static void
test_space_lt_ctrl(void **state)
{
	size_t n;
	struct key_event *v = parse_ok("<Space><lt> <C-c><C-\\>", &n);

	(void)state;
	assert_int_equal(n, 5);
	assert_int_equal(v[0].key, K_CHAR);
	assert_int_equal(v[0].ch, ' ');
	assert_int_equal(v[1].ch, '<');
	assert_int_equal(v[2].ch, ' ');
	assert_int_equal(v[3].key, K_CTRL);
	assert_int_equal(v[3].ch, 'c');
	assert_int_equal(v[4].key, K_CTRL);
	assert_int_equal(v[4].ch, '\\');
	free(v);
}

static void
test_mouse_resize(void **state)
{
	size_t n;
	struct key_event *v = parse_ok(
	    "<Click 3,4><WheelUp 0,0><WheelDown 10,2><Resize 40x12>", &n);

	(void)state;
	assert_int_equal(n, 4);
	assert_int_equal(v[0].key, K_MOUSE);
	assert_int_equal(v[0].x, 3);
	assert_int_equal(v[0].y, 4);
	assert_int_equal(v[0].button, 1);
	assert_int_equal(v[1].button, 4);
	assert_int_equal(v[2].button, 5);
	assert_int_equal(v[2].x, 10);
	assert_int_equal(v[3].key, K_RESIZE);
	assert_int_equal(v[3].w, 40);
	assert_int_equal(v[3].h, 12);
	free(v);
}

static void
test_errors(void **state)
{
	char *e;

	(void)state;
	e = parse_err("j<Foo>k");
	assert_non_null(strstr(e, "<Foo>"));
	free(e);
	e = parse_err("a<Enter");
	assert_non_null(strstr(e, "unterminated"));
	free(e);
	free(parse_err("<Resize 0x5>"));
	free(parse_err("<Resize 40x>"));
	free(parse_err("<Click 1>"));
	free(parse_err("<C-1>"));
	free(parse_err("\xff"));
	free(parse_err("a\nb"));
	free(parse_err("\x1b[A"));
}

static void
test_empty(void **state)
{
	size_t n = 99;
	struct key_event *v = parse_ok("", &n);

	(void)state;
	assert_int_equal(n, 0);
	free(v);
}

/* An unknown name is quoted in the message, which goes to a terminal:
 * control and non-UTF-8 bytes in it show as \xHH (the fuzzer found an
 * invalid byte copied through, and ESC would be an escape sequence). */
static void
test_error_quotes_clean(void **state)
{
	char *err = parse_err("<\x1b]52;c;aGk=\x07\x99>");
	char *err2 = parse_err("<\033[2J\377>");

	(void)state;
	assert_non_null(strstr(err, "\\x1b]52;c;aGk=\\x07\\x99"));
	assert_non_null(strstr(err2, "\\x1b[2J\\xff"));
	for (char *p = err2; *p; p++)
		assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
	free(err);
	free(err2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_literals_and_names),
	    cmocka_unit_test(test_japanese),
	    cmocka_unit_test(test_all_names),
	    cmocka_unit_test(test_space_lt_ctrl),
	    cmocka_unit_test(test_mouse_resize),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_error_quotes_clean),
	    cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
