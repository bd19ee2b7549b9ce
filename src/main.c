/* main.c - command line, modes, exit status.  The only file that prints
 * errors and exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("faq %s\n", FAQ_VERSION);
		return 0;
	}
	fprintf(stderr, "faq: not built yet\n");
	return 2;
}
