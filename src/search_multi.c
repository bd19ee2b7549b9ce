/*
 * search_multi.c - several literals found in one pass (one module with
 * search.c; see search_query.h).
 *
 * A romaji term is up to 16 strings (seikyu: seikyu せいきゅ 性急 生休 制球
 * 請求), and the closest-match ranking looks for a term and its bigrams
 * (10 strings for a 10-character sentence).  Scanning the 76 MB index
 * once per string was most of a romaji keystroke (8 passes) and of the
 * ranking (10 passes).  This finds them all in one pass, with the
 * "Teddy" filter of Hyperscan: three bytes at fixed offsets of every
 * literal are looked up, by their low and high nibbles, in 16-byte tables
 * (one pshufb each) giving the set of buckets (8, one bit each) whose
 * literals could start there; only such positions are compared with
 * memcmp.  With at most 8 literals each bucket holds one and the nibble
 * test is exact for those three bytes; with up to 16, two share a bucket.
 *
 * The offsets are 0, 1, 2 (the first character of a Japanese word, the
 * first three letters), or 1, 2, 5 when every literal has 6 bytes or more
 * (for two Japanese characters: the continuation bytes of the first and
 * the last byte of the second, which tell apart さい from the さ of every
 * ください).
 *
 * The vector loops need SSSE3 (pshufb) or AVX2, chosen at run time; on a
 * machine with neither search_multi_new() returns NULL and the callers
 * keep their one-pass-per-literal loop (search_find_in).
 *
 * FAQ_SEARCH_MULTI=avx2|ssse3|scalar|none in the environment caps that
 * choice, read once by the first search_multi_new(): ssse3 is what a CPU
 * without AVX2 runs, none what one without SSSE3 runs (no matcher, the
 * callers' own loop), scalar these tables one byte at a time.  It is for
 * testing the paths this machine would not take (the fuzz drivers, the
 * unit tests: FAQ_SEARCH_MULTI=ssse3 make unit); a kind the CPU lacks is
 * not taken (avx2 on a machine without it runs its best), and any other
 * value is ignored.
 */
#include "search_query.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define MULTI_X86 1
#else
#define MULTI_X86 0
#endif

#include "xalloc.h"

#define NFP 3 /* fingerprint bytes */

struct search_multi {
	enum search_multi_impl impl;
	size_t n, minlen, omax;
	size_t off[NFP];                /* fingerprint offsets */
	uint8_t lo[NFP][16], hi[NFP][16]; /* nibble -> buckets */
	uint16_t bucket[8];             /* the literals of each bucket */
	size_t len[SEARCH_MULTI_MAX];
	const char *lit[SEARCH_MULTI_MAX]; /* into buf */
	char *buf;
};

/* The best this CPU runs. */
static enum search_multi_impl
multi_cpu(void)
{
#if MULTI_X86 && (defined(__GNUC__) || defined(__clang__))
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2"))
		return SEARCH_MULTI_AVX2;
	if (__builtin_cpu_supports("ssse3"))
		return SEARCH_MULTI_SSSE3;
#endif
	return SEARCH_MULTI_NONE;
}

enum search_multi_impl
search_multi_pick(const char *name, enum search_multi_impl cpu)
{
	static const struct {
		const char *name;
		enum search_multi_impl impl;
	} kinds[] = {{"none", SEARCH_MULTI_NONE},
	    {"scalar", SEARCH_MULTI_SCALAR}, {"ssse3", SEARCH_MULTI_SSSE3},
	    {"avx2", SEARCH_MULTI_AVX2}};
	size_t i;

	for (i = 0; name != NULL && i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(name, kinds[i].name) != 0)
			continue;
		if (kinds[i].impl <= SEARCH_MULTI_SCALAR)
			return kinds[i].impl; /* every CPU runs these */
		return cpu != SEARCH_MULTI_NONE && kinds[i].impl < cpu
		           ? kinds[i].impl
		           : cpu;
	}
	return cpu;
}

static enum search_multi_impl best_impl;
static pthread_once_t best_once = PTHREAD_ONCE_INIT;

static void
multi_choose(void)
{
	best_impl = search_multi_pick(getenv("FAQ_SEARCH_MULTI"), multi_cpu());
}

/* What search_multi_new() makes: the CPU's best, as FAQ_SEARCH_MULTI caps
 * it. */
static enum search_multi_impl
multi_best(void)
{
	pthread_once(&best_once, multi_choose);
	return best_impl;
}

int
search_multi_supported(enum search_multi_impl impl)
{
	enum search_multi_impl best = multi_cpu();

	if (impl == SEARCH_MULTI_SCALAR)
		return 1;
	if (impl == SEARCH_MULTI_NONE)
		return 0;
	return best != SEARCH_MULTI_NONE && impl <= best;
}

struct search_multi *
search_multi_new_impl(const char *const *lit, const size_t *len, size_t n,
    enum search_multi_impl impl)
{
	struct search_multi *m;
	size_t i, j, total = 0, at = 0, minlen = (size_t)-1, nfp;

	if (impl == SEARCH_MULTI_BEST)
		impl = multi_best();
	if (impl == SEARCH_MULTI_NONE || n == 0 || n > SEARCH_MULTI_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		if (len[i] == 0)
			return NULL;
		total += len[i];
		if (len[i] < minlen)
			minlen = len[i];
	}
	m = xcalloc(1, sizeof *m);
	m->impl = impl;
	m->n = n;
	m->minlen = minlen;
	m->buf = xmalloc(total);
	for (i = 0; i < n; i++) {
		memcpy(m->buf + at, lit[i], len[i]);
		m->lit[i] = m->buf + at;
		m->len[i] = len[i];
		at += len[i];
	}
	nfp = minlen < NFP ? minlen : NFP;
	for (j = 0; j < NFP; j++)
		m->off[j] = j < nfp ? j : 0;
	if (minlen >= 6) {
		m->off[0] = 1;
		m->off[1] = 2;
		m->off[2] = 5;
	}
	m->omax = m->off[0];
	for (j = 1; j < NFP; j++)
		if (m->off[j] > m->omax)
			m->omax = m->off[j];
	/* Offsets a short literal set does not have accept every byte. */
	for (j = nfp; j < NFP; j++) {
		memset(m->lo[j], 0xFF, 16);
		memset(m->hi[j], 0xFF, 16);
	}
	for (i = 0; i < n; i++) {
		unsigned b = (unsigned)(i % 8);

		m->bucket[b] |= (uint16_t)(1u << i);
		for (j = 0; j < nfp; j++) {
			uint8_t c = (uint8_t)m->lit[i][m->off[j]];

			m->lo[j][c & 15] |= (uint8_t)(1u << b);
			m->hi[j][c >> 4] |= (uint8_t)(1u << b);
		}
	}
	return m;
}

struct search_multi *
search_multi_new(const char *const *lit, const size_t *len, size_t n)
{
	return search_multi_new_impl(lit, len, n, SEARCH_MULTI_BEST);
}

void
search_multi_free(struct search_multi *m)
{
	if (m == NULL)
		return;
	free(m->buf);
	free(m);
}

size_t
search_multi_len(const struct search_multi *m, size_t k)
{
	return m->len[k];
}

/* The literals of buckets b that occur whole at h[i] (within hn). */
static unsigned
multi_verify(const struct search_multi *m, const char *h, size_t i, size_t hn,
    unsigned b)
{
	unsigned lits = 0, which = 0, k;

	while (b != 0) {
		lits |= m->bucket[__builtin_ctz(b)];
		b &= b - 1;
	}
	while (lits != 0) {
		k = (unsigned)__builtin_ctz(lits);
		lits &= lits - 1;
		if (m->len[k] <= hn - i && memcmp(h + i, m->lit[k], m->len[k]) == 0)
			which |= 1u << k;
	}
	return which;
}

/* Positions i of [from, last] one at a time, with the same tables: the
 * tail of the vector loops, and all of SEARCH_MULTI_SCALAR. */
static const char *
multi_scalar(const struct search_multi *m, const char *h, size_t from,
    size_t last, size_t hn, unsigned *which)
{
	size_t i, j;

	for (i = from; i <= last; i++) {
		unsigned b = 0xFF;

		for (j = 0; j < NFP && b != 0; j++) {
			uint8_t c = (uint8_t)h[i + m->off[j]];

			b &= (unsigned)(m->lo[j][c & 15] & m->hi[j][c >> 4]);
		}
		if (b != 0 && (*which = multi_verify(m, h, i, hn, b)) != 0)
			return h + i;
	}
	return NULL;
}

#if MULTI_X86
/* The positions i + k of a vector block whose bits k are set in mask,
 * with their buckets r8[k], verified in order: the first match, or NULL
 * (both vector loops end this way). */
static const char *
multi_candidates(const struct search_multi *m, const char *h, size_t i,
    size_t hn, unsigned mask, const uint8_t *r8, unsigned *which)
{
	while (mask != 0) {
		unsigned k = (unsigned)__builtin_ctz(mask);

		mask &= mask - 1;
		if ((*which = multi_verify(m, h, i + k, hn, r8[k])) != 0)
			return h + i + k;
	}
	return NULL;
}

/* The buckets whose fingerprint byte may be v (16 positions). */
#define MULTI_NIB128(v, lo, hi, nib)                                          \
	_mm_and_si128(_mm_shuffle_epi8(lo, _mm_and_si128(v, nib)),            \
	    _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), nib)))

__attribute__((target("ssse3"))) static const char *
multi_ssse3(const struct search_multi *m, const char *h, size_t hn,
    size_t readable, unsigned *which)
{
	const __m128i nib = _mm_set1_epi8(0x0F), zero = _mm_setzero_si128();
	const size_t last = hn - m->minlen, o0 = m->off[0], o1 = m->off[1],
	             o2 = m->off[2];
	const __m128i lo0 = _mm_loadu_si128((const __m128i *)m->lo[0]),
	              lo1 = _mm_loadu_si128((const __m128i *)m->lo[1]),
	              lo2 = _mm_loadu_si128((const __m128i *)m->lo[2]),
	              hi0 = _mm_loadu_si128((const __m128i *)m->hi[0]),
	              hi1 = _mm_loadu_si128((const __m128i *)m->hi[1]),
	              hi2 = _mm_loadu_si128((const __m128i *)m->hi[2]);
	uint8_t r8[16];
	size_t i = 0;
	const char *hit;

	for (; i <= last && i + 16 + m->omax <= readable; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(h + i + o0));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(h + i + o1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(h + i + o2));
		__m128i r = _mm_and_si128(
		    _mm_and_si128(MULTI_NIB128(v0, lo0, hi0, nib),
		        MULTI_NIB128(v1, lo1, hi1, nib)),
		    MULTI_NIB128(v2, lo2, hi2, nib));
		unsigned mask = 0xFFFFu &
		                ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(r, zero));

		if (mask == 0)
			continue;
		if (last - i < 15)
			mask &= (2u << (last - i)) - 1;
		_mm_storeu_si128((__m128i *)r8, r);
		if ((hit = multi_candidates(m, h, i, hn, mask, r8, which)) !=
		    NULL)
			return hit;
	}
	return i <= last ? multi_scalar(m, h, i, last, hn, which) : NULL;
}

/* The buckets whose fingerprint byte j may be v (32 positions). */
#define MULTI_NIB256(v, lo, hi, nib)                                          \
	_mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(v, nib)),   \
	    _mm256_shuffle_epi8(                                              \
	        hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)))

__attribute__((target("avx2"))) static const char *
multi_avx2(const struct search_multi *m, const char *h, size_t hn,
    size_t readable, unsigned *which)
{
	const __m256i nib = _mm256_set1_epi8(0x0F),
	              zero = _mm256_setzero_si256();
	const size_t last = hn - m->minlen, o0 = m->off[0], o1 = m->off[1],
	             o2 = m->off[2];
	__m256i lo0, lo1, lo2, hi0, hi1, hi2;
	uint8_t r8[32];
	const char *hit;
	size_t i = 0;

	lo0 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->lo[0]));
	lo1 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->lo[1]));
	lo2 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->lo[2]));
	hi0 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->hi[0]));
	hi1 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->hi[1]));
	hi2 = _mm256_broadcastsi128_si256(
	    _mm_loadu_si128((const __m128i *)m->hi[2]));
	for (; i <= last && i + 32 + m->omax <= readable; i += 32) {
		__m256i v0 = _mm256_loadu_si256((const __m256i *)(h + i + o0));
		__m256i v1 = _mm256_loadu_si256((const __m256i *)(h + i + o1));
		__m256i v2 = _mm256_loadu_si256((const __m256i *)(h + i + o2));
		__m256i r = _mm256_and_si256(
		    _mm256_and_si256(MULTI_NIB256(v0, lo0, hi0, nib),
		        MULTI_NIB256(v1, lo1, hi1, nib)),
		    MULTI_NIB256(v2, lo2, hi2, nib));
		unsigned mask;

		if (_mm256_testz_si256(r, r))
			continue;
		mask = ~(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r, zero));
		if (last - i < 31)
			mask &= (2u << (last - i)) - 1;
		_mm256_storeu_si256((__m256i *)r8, r);
		if ((hit = multi_candidates(m, h, i, hn, mask, r8, which)) !=
		    NULL)
			return hit;
	}
	return i <= last ? multi_scalar(m, h, i, last, hn, which) : NULL;
}
#endif

const char *
search_multi_find(const struct search_multi *m, const char *h, size_t hn,
    size_t readable, unsigned *which)
{
	*which = 0;
	if (hn < m->minlen)
		return NULL;
	switch (m->impl) {
#if MULTI_X86
	case SEARCH_MULTI_AVX2:
		return multi_avx2(m, h, hn, readable, which);
	case SEARCH_MULTI_SSSE3:
		return multi_ssse3(m, h, hn, readable, which);
#endif
	default:
		return multi_scalar(m, h, 0, hn - m->minlen, hn, which);
	}
}
