/*
 * benchutil.h - clocks and medians shared by the benchmark drivers in
 * bench/ (header-only: each driver is one C file built by its script).
 */
#ifndef FAQ_BENCHUTIL_H
#define FAQ_BENCHUTIL_H

#include <stdlib.h>
#include <time.h>

static inline double
bench_clock_ms(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Wall time, for targets stated in wall time. */
static inline double
bench_wall_ms(void)
{
	return bench_clock_ms(CLOCK_MONOTONIC);
}

/* CPU time of the process: steadier than wall time on a shared machine. */
static inline double
bench_cpu_ms(void)
{
	return bench_clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Sorts v[0..n) and returns its median (0 when n is 0). */
static inline double
bench_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, bench_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
