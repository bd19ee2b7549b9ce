#!/bin/bash
# bench/peers.sh [N...] - faq against less, fzf and w3m on the same
# entries, in one run (the machine is shared: peers are measured side by
# side, never taken from an earlier run).  For each N (default 1000 10000
# 100000; 1000000 takes a 780 MB corpus and minutes):
#
#  - start to first screen, in tmux at 80x24 (median of 3): faq FILE until
#    its key hints show; less FILE until the first line of the file shows;
#    fzf reading the same entries one per line (gen-corpus --lines) until
#    its counter says all of them are loaded (fzf paints at once, but
#    cannot search what it has not read);
#  - --print of the whole corpus (faq --print -w 80) against w3m -dump
#    -cols 80 of the same corpus as HTML (bench/md2html, md4c), wall time
#    by hyperfine (median; N <= 100000);
#  - peak memory (/usr/bin/time %M) of the same first-screen runs.
#
# faq's first screen is its questions (▶) showing; a file of 4 MiB or more
# shows them before it is loaded whole (loading.h), so the time until its
# key hints replace "loading" is given too, and faq's peak is that of the
# whole load (it quits only then).
# Prints one Markdown table with the ratios (faq / peer) for the README.
#   FAQ=path   the binary (default ./faq)
#   PRINT=0    leave out the --print column (w3m takes minutes at 100 000)
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
cd "$(dirname "$0")/.." || exit 2
FAQ=${FAQ:-./faq}
case $FAQ in /*) ;; *) FAQ=$PWD/${FAQ#./} ;; esac
OUT=bench/out
mkdir -p "$OUT"
cc -std=c11 -O2 -o "$OUT/md2html" bench/md2html.c -lmd4c || exit 2
tmp=$(mktemp -d)
sock=$tmp/tmux
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
T() { tmux -S "$sock" "$@"; }
now() { echo $(( $(date +%s%N) / 1000000 )); }

# first NAME READY COMMAND QUITKEY [DONE]: ms from start to a screen holding
# the text READY into $ms; with DONE, ms until the screen holds DONE too
# (faq: the whole file loaded) into $ms2, and only then quit, so that the
# peak is that of the whole load; the command's peak KB into $kb.
first() {
	local name=$1 ready=$2 cmd=$3 quit=$4 done=${5:-} t0
	rm -f "$tmp/$name.mem"
	t0=$(now)
	T -f /dev/null new-session -d -s s -x 80 -y 24 \
		"env -i TERM=screen-256color LANG=C.UTF-8 HOME=$tmp PATH=$PATH /usr/bin/time -f %M -o $tmp/$name.mem $cmd"
	while ! T capture-pane -p -t s 2>/dev/null | grep -qF -e "$ready"; do
		if [ $(( $(now) - t0 )) -gt 600000 ]; then break; fi
		sleep 0.005
	done
	ms=$(( $(now) - t0 ))
	ms2=$ms
	if [ -n "$done" ]; then
		while ! T capture-pane -p -t s 2>/dev/null | grep -qF -e "$done"; do
			if [ $(( $(now) - t0 )) -gt 600000 ]; then break; fi
			sleep 0.005
		done
		ms2=$(( $(now) - t0 ))
	fi
	T send-keys -t s "$quit"
	for _ in $(seq 200); do [ -s "$tmp/$name.mem" ] && break; sleep 0.05; done
	T kill-server 2>/dev/null
	kb=$(tail -1 "$tmp/$name.mem" 2>/dev/null)
	kb=${kb:-0}
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

rows=
for n in ${@:-1000 10000 100000}; do
	md=$OUT/corpus-$n.md lines=$OUT/corpus-$n.txt html=$OUT/corpus-$n.html
	[ -f "$md" ] && [ -f "$lines" ] || python3 bench/gen-corpus.py "$n" "$md" --lines "$lines"
	size=$(( $(stat -c %s "$md") / 1024 ))
	nl=$(wc -l <"$lines")
	first1=$(head -1 "$md" | cut -c1-20)
	declare -A t k whole
	for peer in faq less fzf; do
		ts= ks= ws=
		for r in 1 2 3; do
			case $peer in
			faq) first faq '▶' "$FAQ $md" q 'j/k' ;;
			less) first less "$first1" "less $md" q ;;
			fzf) first fzf " $nl/$nl" "fzf --no-mouse <$lines" Escape ;;
			esac
			ts="$ts $ms" ks="$ks $kb" ws="$ws $ms2"
		done
		t[$peer]=$(echo $ts | median)
		whole[$peer]=$(echo $ws | median)
		k[$peer]=$(echo $ks | median)
	done
	pf=- pw=- pr=-
	if [ "$n" -le 100000 ] && [ "${PRINT:-1}" = 1 ]; then
		[ -f "$html" ] || "$OUT/md2html" <"$md" >"$html"
		hyperfine -N -w 1 -r 5 --export-json "$tmp/h.json" \
			-n faq "$FAQ --print -w 80 $md" \
			-n w3m "w3m -dump -cols 80 -I UTF-8 -O UTF-8 -T text/html $html" >/dev/null 2>&1
		read -r pf pw < <(python3 -c 'import json,sys
h = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print("%.0f %.0f" % (h["faq"] * 1e3, h["w3m"] * 1e3))' "$tmp/h.json")
		pr=$(python3 -c "print('%.2f' % ($pf / $pw))")
		wkb=$( { /usr/bin/time -f %M w3m -dump -cols 80 -I UTF-8 -O UTF-8 -T text/html "$html" >/dev/null; } 2>&1 | tail -1)
	else
		wkb=-
	fi
	row=$(python3 - "$n" "$size" "${t[faq]}" "${whole[faq]}" "${t[less]}" "${t[fzf]}" "$pf" "$pw" "$pr" \
		"${k[faq]}" "${k[less]}" "${k[fzf]}" "$wkb" <<'PY'
import sys
n, size, tf, twf, tl, tz, pf, pw, pr, kf, kl, kz, kw = sys.argv[1:]
r = lambda a, b: "%.2f" % (float(a) / float(b)) if b not in ("-", "0") else "-"
mb = lambda k: "%.0f" % (int(k) / 1024) if k != "-" else "-"
print("| %s | %.1f | %s / %s / %s (%s × fzf) | %s (%s × fzf) | %s / %s (%s × w3m) | %s / %s / %s / %s (%s × file, %s × fzf) |" % (
    n, int(size) / 1024, tf, tl, tz, r(tf, tz), twf, r(twf, tz), pf, pw, pr,
    mb(kf), mb(kl), mb(kz), mb(kw), "%.2f" % (int(kf) / int(size)), r(kf, kz)))
PY
)
	echo "$row"
	rows="$rows$row"$'\n'
done
echo
echo "| entries | MB | first screen ms: faq / less / fzf loaded | faq whole loaded ms | --print ms: faq / w3m -dump | peak MB: faq / less / fzf / w3m |"
echo "|---|---|---|---|---|---|"
printf '%s' "$rows"
