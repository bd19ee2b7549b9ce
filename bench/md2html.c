/*
 * md2html.c - Markdown to HTML with md4c (GFM dialect), for feeding the
 * same corpus to w3m in bench/render.sh: w3m only lays out (wraps) HTML;
 * as text/plain it would copy lines unwrapped, which is no comparison.
 * Debian ships md4c's HTML renderer header but not its library, so this
 * is a minimal renderer over md_parse().
 *
 *   md2html < IN.md > OUT.html
 */
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>

static void
put_escaped(const MD_CHAR *s, MD_SIZE n)
{
	MD_SIZE i;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '<':
			fputs("&lt;", stdout);
			break;
		case '>':
			fputs("&gt;", stdout);
			break;
		case '&':
			fputs("&amp;", stdout);
			break;
		case '"':
			fputs("&quot;", stdout);
			break;
		default:
			putchar(s[i]);
			break;
		}
	}
}

static int
enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	(void)u;
	switch (type) {
	case MD_BLOCK_QUOTE:
		puts("<blockquote>");
		break;
	case MD_BLOCK_UL:
		puts("<ul>");
		break;
	case MD_BLOCK_OL:
		puts("<ol>");
		break;
	case MD_BLOCK_LI:
		fputs("<li>", stdout);
		break;
	case MD_BLOCK_HR:
		puts("<hr>");
		break;
	case MD_BLOCK_H:
		printf("<h%u>", ((MD_BLOCK_H_DETAIL *)detail)->level);
		break;
	case MD_BLOCK_CODE:
		fputs("<pre><code>", stdout);
		break;
	case MD_BLOCK_P:
		fputs("<p>", stdout);
		break;
	case MD_BLOCK_TABLE:
		puts("<table border=1>");
		break;
	case MD_BLOCK_TR:
		fputs("<tr>", stdout);
		break;
	case MD_BLOCK_TH:
		fputs("<th>", stdout);
		break;
	case MD_BLOCK_TD:
		fputs("<td>", stdout);
		break;
	default:
		break;
	}
	return 0;
}

static int
leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	(void)u;
	switch (type) {
	case MD_BLOCK_QUOTE:
		puts("</blockquote>");
		break;
	case MD_BLOCK_UL:
		puts("</ul>");
		break;
	case MD_BLOCK_OL:
		puts("</ol>");
		break;
	case MD_BLOCK_LI:
		puts("</li>");
		break;
	case MD_BLOCK_H:
		printf("</h%u>\n", ((MD_BLOCK_H_DETAIL *)detail)->level);
		break;
	case MD_BLOCK_CODE:
		puts("</code></pre>");
		break;
	case MD_BLOCK_P:
		puts("</p>");
		break;
	case MD_BLOCK_TABLE:
		puts("</table>");
		break;
	case MD_BLOCK_TR:
		puts("</tr>");
		break;
	case MD_BLOCK_TH:
		fputs("</th>", stdout);
		break;
	case MD_BLOCK_TD:
		fputs("</td>", stdout);
		break;
	default:
		break;
	}
	return 0;
}

static int
enter_span(MD_SPANTYPE type, void *detail, void *u)
{
	(void)u;
	switch (type) {
	case MD_SPAN_EM:
		fputs("<em>", stdout);
		break;
	case MD_SPAN_STRONG:
		fputs("<b>", stdout);
		break;
	case MD_SPAN_CODE:
		fputs("<code>", stdout);
		break;
	case MD_SPAN_DEL:
		fputs("<del>", stdout);
		break;
	case MD_SPAN_A:
		fputs("<a href=\"", stdout);
		put_escaped(((MD_SPAN_A_DETAIL *)detail)->href.text,
		    ((MD_SPAN_A_DETAIL *)detail)->href.size);
		fputs("\">", stdout);
		break;
	default:
		break;
	}
	return 0;
}

static int
leave_span(MD_SPANTYPE type, void *detail, void *u)
{
	(void)u;
	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
		fputs("</em>", stdout);
		break;
	case MD_SPAN_STRONG:
		fputs("</b>", stdout);
		break;
	case MD_SPAN_CODE:
		fputs("</code>", stdout);
		break;
	case MD_SPAN_DEL:
		fputs("</del>", stdout);
		break;
	case MD_SPAN_A:
		fputs("</a>", stdout);
		break;
	default:
		break;
	}
	return 0;
}

static int
text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *u)
{
	(void)u;
	switch (type) {
	case MD_TEXT_BR:
		puts("<br>");
		break;
	case MD_TEXT_SOFTBR:
		putchar('\n');
		break;
	case MD_TEXT_ENTITY:
		fwrite(s, 1, n, stdout);
		break;
	case MD_TEXT_NULLCHAR:
		break;
	default:
		put_escaped(s, n);
		break;
	}
	return 0;
}

int
main(void)
{
	size_t cap = 1 << 20, len = 0, got;
	char *buf = malloc(cap);
	MD_PARSER p = {0};

	while (
	    buf != NULL && (got = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += got;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (buf == NULL)
		return 2;
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = enter_block;
	p.leave_block = leave_block;
	p.enter_span = enter_span;
	p.leave_span = leave_span;
	p.text = text;
	puts(
	    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	if (md_parse(buf, (MD_SIZE)len, &p, NULL) != 0)
		return 1;
	puts("</body></html>");
	free(buf);
	return 0;
}
