#!/bin/sh
# bench/ab.sh - two revisions of faq side by side in one run, for "within
# N % of before" (a script you run, not a test).  Each revision is exported
# with git archive, built, and its own bench drivers are linked against its
# own libfaq.a; then ROUNDS rounds alternate A and B (ABBA order, so that a
# slow spell of the shared machine hits both):
#   - search-bench --load-only on the 100 000-entry corpus: load and index;
#   - search-bench with REPS repetitions: the keystroke median and maximum
#     (browser_key + browser_render at 80x24);
#   - render-bench on the 10 000-entry corpus at 80 columns (CPU time).
# Prints the median over rounds of each figure for A and B, and B / A.
#
# usage: sh bench/ab.sh REV_A REV_B      (ROUNDS=6 REPS=3 N=100000)
# The corpora are made by bench/gen-corpus.py and kept in $BENCH_DIR.
set -eu
cd "$(dirname "$0")/.."
A=${1:?usage: sh bench/ab.sh REV_A REV_B}
B=${2:?usage: sh bench/ab.sh REV_A REV_B}
ROUNDS=${ROUNDS:-6}
REPS=${REPS:-3}
N=${N:-100000}
DIR=${BENCH_DIR:-/tmp/faq-bench}
mkdir -p "$DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

libs="$(pkg-config --libs md4c 2>/dev/null || echo -lmd4c) -lgumbo \
$(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lunistring -lmigemo -lm -pthread"
flags="-std=c11 -O2 -g -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
for side in A B; do
	eval rev=\$$side
	mkdir "$tmp/$side"
	git archive "$rev" | tar -x -C "$tmp/$side"
	(cd "$tmp/$side" && make -s build/libfaq.a >/dev/null &&
	    ${CC:-cc} $flags -o "$tmp/sb-$side" bench/search-bench.c \
		build/libfaq.a $libs &&
	    ${CC:-cc} $flags -o "$tmp/rb-$side" bench/render-bench.c \
		build/libfaq.a $libs)
done
big="$DIR/c$N.md"
small="$DIR/r10000.md"
[ -s "$big" ] || python3 bench/gen-corpus.py "$N" "$big" --lines "$DIR/c$N.txt"
[ -s "$small" ] || python3 bench/gen-corpus.py 10000 "$small"

run() { # run SIDE ROUND
	"$tmp/sb-$1" --load-only "$big" >"$tmp/load-$1-$2"
	"$tmp/sb-$1" "$big" "$REPS" >"$tmp/keys-$1-$2"
	"$tmp/rb-$1" "$small" 80 15 >"$tmp/render-$1-$2"
}
r=1
while [ "$r" -le "$ROUNDS" ]; do
	echo "round $r of $ROUNDS" >&2
	if [ $((r % 2)) = 1 ]; then run A "$r"; run B "$r"; else run B "$r"; run A "$r"; fi
	r=$((r + 1))
done

python3 - "$tmp" "$ROUNDS" "$A" "$B" <<'EOF'
import glob, os, statistics, sys
tmp, rounds, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def kv(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if p:
            out.setdefault(p[0], []).append(p[1:])
    return out
def figures(side, r):
    f = {}
    l = kv(os.path.join(tmp, "load-%s-%d" % (side, r)))
    f["load ms"] = float(l["load_ms"][0][0])
    f["index ms"] = float(l["index_ms"][0][0])
    k = kv(os.path.join(tmp, "keys-%s-%d" % (side, r)))
    ms = [float(x[-1]) for x in k.get("key", [])]
    f["keystroke median ms"] = statistics.median(ms)
    f["keystroke max ms"] = max(ms)
    for line in open(os.path.join(tmp, "render-%s-%d" % (side, r)), encoding="utf-8"):
        p = line.replace(",", "").split()
        if "median" in p:
            f["render median ms (CPU)"] = float(p[p.index("median") + 1])
    return f
rows = {}
for side in ("A", "B"):
    per = [figures(side, r) for r in range(1, rounds + 1)]
    for name in per[0]:
        rows.setdefault(name, {})[side] = statistics.median(p[name] for p in per)
print("| figure (median of %d rounds) | A %s | B %s | B / A |" % (rounds, a, b))
print("|---|---:|---:|---:|")
for name, v in rows.items():
    print("| %s | %.1f | %.1f | %.3f |" % (name, v["A"], v["B"], v["B"] / v["A"]))
EOF
