#!/bin/sh
# bench/search.sh - the search benchmark of issue 5 (a script you run, not
# a test).  For each corpus size it generates the corpus (cached), then in
# the same run times:
#   - bench/search-bench.c (linked with build/libfaq.a): load + index
#     (load_path + doc_finish, search_index_new), typing queries one
#     character at a time into a real browser (browser_key +
#     browser_render at 80x24; the first keystroke is the 1-character
#     query), a fresh 3-character query searched in full (search_run);
#   - bench/memmem-bench.c: a bare memmem pass over the raw text;
#   - fzf --filter and fzf --exact --filter over the one-line-per-entry text;
#   - w3m -dump -T text/plain of the same Markdown;
#   - peak memory (maximum resident set size) of load + index.
# Prints a Markdown table (also written to $BENCH_DIR/search-results.md).
#
# usage: sh bench/search.sh            (SIZES="1000 10000 100000" REPS=7)
#        SIZES=10000 sh bench/search.sh
set -eu
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-/tmp/faq-bench}
SIZES=${SIZES:-"1000 10000 100000"}
REPS=${REPS:-7}
Q3=請求書
mkdir -p "$DIR"

for tool in fzf w3m hyperfine python3; do
	command -v "$tool" >/dev/null || { echo "search.sh: $tool missing" >&2; exit 1; }
done

make -s build/libfaq.a
libs="$(pkg-config --libs md4c 2>/dev/null || echo -lmd4c) -lgumbo \
$(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lunistring -lmigemo -lm -pthread"
CC=${CC:-cc}
# shellcheck disable=SC2086
$CC -std=c11 -O2 -g -Wall -Wextra -Iinclude -D_POSIX_C_SOURCE=200809L \
	-D_DEFAULT_SOURCE -o "$DIR/search-bench" bench/search-bench.c \
	build/libfaq.a $libs
$CC -std=c11 -O2 -g -Wall -Wextra -o "$DIR/memmem-bench" bench/memmem-bench.c

for n in $SIZES; do
	md="$DIR/c$n.md"
	txt="$DIR/c$n.txt"
	[ -s "$md" ] && [ -s "$txt" ] ||
		python3 bench/gen-corpus.py "$n" "$md" --lines "$txt"
	r="$DIR/r$n"
	echo "== $n entries" >&2
	"$DIR/search-bench" "$md" "$REPS" >"$r.search"
	for i in 1 2 3 4 5; do
		/usr/bin/time -f 'maxrss_kb %M' -o "$r.time$i" \
			"$DIR/search-bench" --load-only "$md" >"$r.load$i"
	done
	"$DIR/memmem-bench" "$md" "$Q3" "$REPS" >"$r.memmem"
	hyperfine --style none --runs 5 --warmup 1 \
		--export-json "$r.fzf.json" \
		"fzf --filter $Q3 < $txt > /dev/null" \
		"fzf --exact --filter $Q3 < $txt > /dev/null" >/dev/null
	hyperfine --style none --runs 3 --export-json "$r.w3m.json" \
		"w3m -dump -T text/plain $md > /dev/null" >/dev/null
done

python3 - "$DIR" "$SIZES" <<'EOF' | tee "$DIR/search-results.md"
import json, os, statistics, sys
d, sizes = sys.argv[1], sys.argv[2].split()
def kv(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if p:
            out.setdefault(p[0], []).append(p[1:])
    return out
def hmed(path):
    return [statistics.median(r["times"]) * 1e3 for r in json.load(open(path))["results"]]
rows = []
first = None
for n in sizes:
    r = os.path.join(d, "r" + n)
    s = kv(r + ".search")
    first = first or s
    loads = [kv(r + ".load%d" % i) for i in (1, 2, 3, 4, 5)]
    li = statistics.median(float(l["load_ms"][0][0]) + float(l["index_ms"][0][0]) for l in loads)
    ld = statistics.median(float(l["load_ms"][0][0]) for l in loads)
    ix = statistics.median(float(l["index_ms"][0][0]) for l in loads)
    rss = max(int(kv(r + ".time%d" % i)["maxrss_kb"][0][0]) for i in (1, 2, 3, 4, 5)) / 1024
    rss_load = max(int(l["rss_after_load_kb"][0][0]) for l in loads) / 1024
    size = os.path.getsize(os.path.join(d, "c%s.md" % n)) / 2**20
    mm = float(kv(r + ".memmem")["memmem_ms"][0][2])
    fz, fze = hmed(r + ".fzf.json")
    w3m = hmed(r + ".w3m.json")[0]
    # 1-character query: the worst median of the first keystroke of the
    # typed queries
    seen, one = set(), 0.0
    for x in s["key"]:
        if x[0] not in seen:
            seen.add(x[0])
            one = max(one, float(x[-1]))
    rows.append([n, "%.1f" % size,
        "%.0f (%.0f + %.0f)" % (li, ld, ix), "%.0f" % w3m, "%.3f" % (li / w3m),
        "%.2f (%.2f)" % (float(s["typing_median_ms"][0][0]), float(s["typing_median_cpu_ms"][0][0])),
        "%.1f" % float(s["typing_max_ms"][0][0]),
        "%.1f" % one, "%.1f" % float(s["fresh3_ms"][0][0]), "%.1f" % mm,
        "%.2f" % (float(s["fresh3_ms"][0][0]) / mm),
        "%.0f" % fz, "%.0f" % fze, "%.0f (%.0f)" % (rss, rss_load),
        "%.2f" % (rss / size)])
hdr = ["entries", "corpus MiB", "load+index ms (load + index)", "w3m -dump ms",
       "ratio (< 0.1)", "keystroke median ms (< 16.7) (CPU ms)", "keystroke max ms",
       "1-char query ms (< 33)", "fresh 3-char ms", "bare memmem ms",
       "ratio (<= 1.5)", "fzf --filter ms", "fzf --exact ms",
       "peak RSS MiB (of loading alone)",
       "RSS / corpus (<= 3)"]
print("loader: %s; screen: %s" % (first["loader"][0][0], first["screen"][0][0]))
# Issue 11, the same runs: romaji typed a key at a time, a romaji query in
# full, and the closest-match ranking of a 10-character sentence.
rom = []
for n in sizes:
    s = kv(os.path.join(d, "r" + n) + ".search")
    if "romaji_typing_median_ms" not in s:
        continue
    fresh = s.get("romaji_fresh_ms", s.get("romaji_fresh_one_pass_ms"))
    rom.append([n, "%.1f (%.1f)" % (float(s["romaji_typing_median_ms"][0][0]),
                                   float(s["romaji_typing_median_cpu_ms"][0][0])),
                "%.1f" % float(s["romaji_typing_max_ms"][0][0]),
                "%s: %.1f / %.1f" % (s["romaji_alts"][0][0], float(fresh[0][0]),
                                     float(s["romaji_fresh_per_alt_ms"][0][0])),
                "%.1f" % float(s["closest10_ms"][0][0])])
if rom:
    h2 = ["entries", "seikyuusho keystroke median ms (< 33) (CPU ms)",
          "keystroke max ms (< 50)",
          "seikyuusho in full: alternatives: ms / one search per alternative ms",
          "closest 10 to a 10-character sentence ms (< 100)"]
    print()
    print("| " + " | ".join(h2) + " |")
    print("|" + "---|" * len(h2))
    for row in rom:
        print("| " + " | ".join(row) + " |")
print()
print()
print("| " + " | ".join(hdr) + " |")
print("|" + "---|" * len(hdr))
for row in rows:
    print("| " + " | ".join(row) + " |")
EOF
