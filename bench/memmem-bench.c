/*
 * memmem-bench.c - the floor for a search: the raw file in memory, glibc
 * memmem() counting every occurrence of the raw query bytes, no folding.
 * Prints "memmem_ms QUERY HITS MS" (median of REPS passes).
 *
 * usage: memmem-bench FILE QUERY [REPS]
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "benchutil.h"

int
main(int argc, char **argv)
{
	double t[64];
	size_t len, qn, hits = 0;
	int reps = 7, r;
	const char *p, *h, *end;
	char *buf;
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: memmem-bench FILE QUERY [REPS]\n");
		return 2;
	}
	if (argc > 3)
		reps = atoi(argv[3]);
	if (reps < 1 || reps > 64)
		reps = 7;
	f = fopen(argv[1], "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0) {
		perror(argv[1]);
		return 1;
	}
	len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(len ? len : 1);
	if (buf == NULL || fread(buf, 1, len, f) != len) {
		perror(argv[1]);
		return 1;
	}
	fclose(f);
	qn = strlen(argv[2]);
	for (r = 0; r < reps; r++) {
		double t0 = bench_wall_ms();

		hits = 0;
		for (p = buf, end = buf + len;
		     (h = memmem(p, (size_t)(end - p), argv[2], qn)) != NULL;
		     p = h + qn)
			hits++;
		t[r] = bench_wall_ms() - t0;
	}
	qsort(t, (size_t)reps, sizeof *t, bench_cmp_double);
	printf("memmem_ms %s %zu %.3f\n", argv[2], hits, t[reps / 2]);
	free(buf);
	return 0;
}
