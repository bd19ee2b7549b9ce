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
#     every question and answer at 80 columns (median of 15 passes);
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
LIBS="-lmd4c $(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lunistring"
$CC $CFLAGS -o "$OUT/render-bench" bench/render-bench.c build/libfaq.a $LIBS
$CC $CFLAGS -o "$OUT/linebreak-bench" bench/linebreak-bench.c build/libfaq.a $LIBS
$CC $CFLAGS -o "$OUT/md2html" bench/md2html.c -lmd4c

md="$OUT/corpus-$N.md"
html="$OUT/corpus-$N.html"
[ -f "$md" ] || python3 bench/gen-corpus.py "$N" "$md"
"$OUT/md2html" <"$md" >"$html"
log="$OUT/render-$N.txt"
{
	echo "corpus: $N entries, $(wc -c <"$md") bytes of Markdown"
	"$OUT/render-bench" "$md" 80 15
	"$OUT/linebreak-bench" "$md" 80 15
	"$OUT/render-bench" "$md" 80 15
	"$OUT/linebreak-bench" "$md" 80 15
} | tee "$log"
hyperfine -N --warmup 1 --runs 10 --export-json "$OUT/hyperfine-$N.json" \
	-n w3m "w3m -dump -cols 80 -I UTF-8 -O UTF-8 -T text/html $html" \
	-n faq-load+render "$OUT/render-bench $md 80 1" | tee -a "$log"
python3 - "$log" "$OUT/hyperfine-$N.json" <<'PY'
import json, re, sys
log = open(sys.argv[1]).read()
r = [float(x) for x in re.findall(r"^render: .* median ([0-9.]+) ms", log, re.M)]
b = [float(x) for x in re.findall(r"^u8_width_linebreaks: .* median ([0-9.]+) ms", log, re.M)]
h = {x["command"]: x for x in json.load(open(sys.argv[2]))["results"]}
w3m = h["w3m"]["median"] * 1e3
whole = h["faq-load+render"]["median"] * 1e3
rm, bm = sorted(r)[len(r) // 2], sorted(b)[len(b) // 2]
lines = [
    "| what | median |",
    "|---|---|",
    "| faq render only (%s) | %.1f ms |" % ("render_answer + render_plain", rm),
    "| bare u8_width_linebreaks loop | %.1f ms |" % bm,
    "| faq load + render, whole command | %.1f ms |" % whole,
    "| w3m -dump -cols 80 (HTML) | %.1f ms |" % w3m,
    "",
    "render / bare loop = %.2f (target <= 1.5)" % (rm / bm),
    "w3m / faq render = %.1f x (target >= 5)" % (w3m / rm),
    "w3m / faq load+render = %.1f x" % (w3m / whole),
]
print("\n".join(lines))
open(sys.argv[1], "a").write("\n".join(lines) + "\n")
PY
