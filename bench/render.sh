#!/bin/sh
# bench/render.sh [N] - how fast faq renders, against the floor (a bare
# libunistring u8_width_linebreaks loop over the same paragraphs) and a
# peer (w3m -dump -cols 80).  Not a test: numbers are noisy on a shared
# machine, so every figure is a median.  Results go to stdout and
# bench/out/render-N.txt.
#
#   sh bench/render.sh          # N = 10000 entries
#
# Steps:
#  1. python3 bench/gen-corpus.py N bench/out/corpus-N.md
#  2. build bench/render-bench, bench/linebreak-bench and bench/md2html
#     against build/libfaq.a (make first);
#  3. render-bench: loads the corpus, then times only the rendering of
#     every question and answer at 80 columns (median of 15 passes, CPU
#     time of the process, so that other jobs on the machine do not count);
#  4. linebreak-bench: u8_width_linebreaks over the same paragraphs;
#  5. w3m: the corpus converted once to HTML by md2html (md4c), then
#     `w3m -dump -cols 80` timed by hyperfine; for a like-for-like whole
#     command, hyperfine also times render-bench with one pass (load +
#     render) against it.
set -eu
cd "$(dirname "$0")/.."
N=${1:-10000}
OUT=bench/out
mkdir -p "$OUT"
make -s build/libfaq.a
CC=${CC:-cc}
CFLAGS="-std=c11 -O2 -g -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
LIBS="-lmd4c -lgumbo $(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lunistring -pthread"
$CC $CFLAGS -o "$OUT/render-bench" bench/render-bench.c build/libfaq.a $LIBS
$CC $CFLAGS -o "$OUT/linebreak-bench" bench/linebreak-bench.c build/libfaq.a $LIBS
$CC $CFLAGS -o "$OUT/md2html" bench/md2html.c -lmd4c

md="$OUT/corpus-$N.md"
html="$OUT/corpus-$N.html"
[ -f "$md" ] || python3 bench/gen-corpus.py "$N" "$md"
"$OUT/md2html" <"$md" >"$html"
log="$OUT/render-$N.txt"
# Five rounds, the two in-process timings interleaved, so that a burst of
# load from elsewhere hits both sides of a ratio alike.
{
	echo "corpus: $N entries, $(wc -c <"$md") bytes of Markdown"
	for round in 1 2 3 4 5; do
		"$OUT/render-bench" "$md" 80 15
		"$OUT/linebreak-bench" "$md" 80 15
	done
} | tee "$log"
hyperfine -N --warmup 1 --runs 10 --export-json "$OUT/hyperfine-$N.json" \
	-n w3m "w3m -dump -cols 80 -I UTF-8 -O UTF-8 -T text/html $html" \
	-n faq-load+render "$OUT/render-bench $md 80 1" | tee -a "$log"
python3 - "$log" "$OUT/hyperfine-$N.json" <<'PY'
import json, re, sys
log = open(sys.argv[1]).read()
r = [float(x) for x in re.findall(r"^render: .* median ([0-9.]+) ms", log, re.M)]
b = [float(x) for x in re.findall(r"^u8_width_linebreaks: .* median ([0-9.]+) ms", log, re.M)]
med = lambda v: sorted(v)[len(v) // 2]
h = {x["command"]: x for x in json.load(open(sys.argv[2]))["results"]}
w3m = h["w3m"]["median"] * 1e3
whole = h["faq-load+render"]["median"] * 1e3
cpu = lambda x: (x["user"] + x["system"]) * 1e3  # means: hyperfine keeps no per-run CPU
w3m_cpu, whole_cpu = cpu(h["w3m"]), cpu(h["faq-load+render"])
rm, bm = med(r), med(b)
ratio = med([x / y for x, y in zip(r, b)])
lines = [
    "| what | median |",
    "|---|---|",
    "| faq render only (render_answer + render_plain, 5 x 15 passes) | %.1f ms |" % rm,
    "| bare u8_width_linebreaks loop (5 x 15 passes) | %.1f ms |" % bm,
    "| faq load + render, whole command (wall median / CPU mean) | %.1f ms / %.1f ms |" % (whole, whole_cpu),
    "| w3m -dump -cols 80 (HTML) (wall median / CPU mean) | %.1f ms / %.1f ms |" % (w3m, w3m_cpu),
    "",
    "render / bare loop = %.2f (median of the paired rounds; target <= 1.5)" % ratio,
    "w3m / faq render = %.1f x, CPU time (target >= 5)" % (w3m_cpu / rm),
    "w3m / faq load+render = %.1f x wall, %.1f x CPU" % (w3m / whole, w3m_cpu / whole_cpu),
]
print("\n".join(lines))
open(sys.argv[1], "a").write("\n".join(lines) + "\n")
PY
