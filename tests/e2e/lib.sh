# tests/e2e/lib.sh - the tmux harness shared by tests/e2e/run and
# tests/e2e/property: sourced (bash) from the repository root after FAQ,
# root and CONTENT are set.  See tests/e2e/run for how a case drives a
# pane; this file has no cases of its own.
# shellcheck shell=bash
pass=0 fail=0 skip=0
ok() {
	pass=$((pass + 1))
	[ "${E2E_VERBOSE:-0}" = 1 ] && echo "ok   $*"
	return 0
}
bad() {
	fail=$((fail + 1))
	echo "FAIL $*"
	return 1
}
summary() {
	echo "e2e: $pass passed, $fail failed, $skip skipped"
	[ "$fail" = 0 ]
}

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux not found: every end-to-end case skipped"
	skip=1
	summary
	exit $?
fi
if [ ! -x "$FAQ" ]; then
	echo "e2e: $FAQ not built (run make)"
	exit 2
fi

tmp=$(mktemp -d) || exit 2
SOCK=faq-e2e-$$
cat >"$tmp/tmux.conf" <<'EOF'
set -g remain-on-exit on
set -g status off
set -g history-limit 100000
set -g escape-time 0
set -g default-shell /bin/sh
set -g default-terminal tmux-256color
set -g exit-empty off
EOF
T() { tmux -L "$SOCK" -f "$tmp/tmux.conf" "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

# The width helper, linked with the program's own width function.
libs="$(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) -lmd4c -lunistring -lmigemo"
# shellcheck disable=SC2086 # $libs is a list of words
if ! ${CC:-cc} -std=c11 -Iinclude -D_DEFAULT_SOURCE -o "$tmp/widthcheck" \
	tests/e2e/widthcheck.c build/libfaq.a $libs; then
	echo "e2e: cannot build tests/e2e/widthcheck.c (run make first)"
	exit 2
fi
WC=$tmp/widthcheck
# For an ASan build: what ncurses keeps on purpose is not a leak of ours.
# (The full unwinder, so that the suppression sees the ncurses frames.)
SANENV="LSAN_OPTIONS=suppressions=$root/tests/e2e/lsan.supp"
ASAN=0
if grep -q __asan_init "$FAQ" 2>/dev/null; then
	ASAN=1
	SANENV="$SANENV ASAN_OPTIONS=fast_unwind_on_malloc=0"
fi

# The time and a short wait without a process each (the property test
# polls thousands of times): bash's clock, and a read with a timeout on a
# FIFO that nobody writes to.
now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}
mkfifo "$tmp/nap" && exec 9<>"$tmp/nap"
nap() { read -r -t "$1" -u 9 _ 2>/dev/null || :; }
strip() { sed 's/ *$//'; }

# ---------------------------------------------------------------------------
# Driving one pane.  State of the current case: S (session), W0 H0 (start
# size), W H (current size), ARGS (faq arguments), KEYS (the --keys
# equivalent of everything sent so far), PREV (the last expected screen).

# start NAME W H TERM LANG [ARGS...]: faq in a fresh W x H pane, with only
# PATH, TERM, LANG and $XENV in its environment.  faq runs under a shell
# that records its exit status in $tmp/NAME.status (tmux 3.3a leaves
# #{pane_dead_status} empty when nothing asked the server about the pane
# while it ran, so it cannot be relied on); PID is faq's pid.  Optional:
# PRE  a command prefix (strace ...), REDIR  redirections for faq,
# KEEP=1  the shell stays after faq ends and prints EXIT=status, so the
# terminal modes faq left behind can be read.  The shell catches SIGINT
# and SIGQUIT (a handler, reset to the default in faq by exec), so a Ctrl-C
# typed in the pane reaches faq without ending the shell.
start() {
	S=$1 W0=$2 H0=$3 W=$2 H=$3
	local term=$4 lang=$5 after
	shift 5
	ARGS=$* KEYS='' PREV='' PID='' MOUSE_SGR=0
	infocmp -1 "$term" 2>/dev/null | grep -q 'kmous=\\E\[<' && MOUSE_SGR=1
	rm -f "$tmp/$S.pid" "$tmp/$S.status"
	after="echo \$? >$tmp/$S.status"
	before=''
	# KEEP=1 also records the terminal's modes (stty -g) before and after.
	if [ "${KEEP:-0}" = 1 ]; then
		before="stty -g >$tmp/$S.stty0 2>&1;"
		after="s=\$?; stty -g >$tmp/$S.stty1 2>&1; echo EXIT=\$s; echo \$s >$tmp/$S.status; exec sleep 600"
	fi
	T kill-session -t "$S" >/dev/null 2>&1
	T new-session -d -s "$S" -x "$W" -y "$H" -c "$root" \
		"trap : INT QUIT; $before sh -c 'echo \$\$ >$tmp/$S.pid; exec ${PRE:-} env -i PATH=/usr/bin:/bin TERM=$term LANG=$lang $SANENV ${XENV:-} $FAQ $ARGS ${REDIR:-}'; $after"
	local t0
	t0=$(now_ms)
	while [ ! -s "$tmp/$S.pid" ] && [ $(($(now_ms) - t0)) -lt 5000 ]; do
		nap 0.01
	done
	PID=$(cat "$tmp/$S.pid" 2>/dev/null)
}

capture() { T capture-pane -p -t "$S" | strip; }
# dump [FILE]: the expected screen for the keys so far (into FILE).
dump() {
	# shellcheck disable=SC2086
	"$FAQ" --dump "${W0}x${H0}" --keys "$KEYS" $ARGS 2>"$tmp/dump.err" |
		strip
}
fmt() { T display-message -p -t "$S" "$1"; }

# A mouse report for button code $1 at cell $2,$3 (0-based), pressed ($4 =
# M) or released (m), as hex bytes for send-keys -H, in the encoding the
# pane's terminfo makes ncurses expect: SGR (kmous=\E[<, xterm-256color:
# ESC [ < b ; x+1 ; y+1 M/m) or X10 (kmous=\E[M: ESC [ M, then 32 + b,
# 33 + x, 33 + y; a release is button code 3).
mouse_hex() {
	if [ "$MOUSE_SGR" = 1 ]; then
		printf '\e[<%d;%d;%d%s' "$1" $(($2 + 1)) $(($3 + 1)) "$4" |
			od -An -tx1
	elif [ "$4" = M ]; then
		printf '1b 5b 4d %x %x %x' $((32 + $1)) $((33 + $2)) $((33 + $3))
	else
		printf '1b 5b 4d %x %x %x' 35 $((33 + $2)) $((33 + $3))
	fi
}

# press TOKEN...: each token is a --keys token (a name in angle brackets or
# literal text); the equivalent goes to the pane and the token to KEYS.
press() {
	local k x y
	for k in "$@"; do
		KEYS=$KEYS$k
		case $k in
		'<Enter>') T send-keys -t "$S" Enter ;;
		'<Esc>') T send-keys -t "$S" Escape ;;
		'<Up>' | '<Down>' | '<Left>' | '<Right>' | '<Home>' | '<End>' | '<Tab>')
			k=${k#<}
			T send-keys -t "$S" "${k%>}"
			;;
		'<PgUp>') T send-keys -t "$S" PPage ;;
		'<F1>' | '<F2>')
			k=${k#<}
			T send-keys -t "$S" "${k%>}"
			;;
		'<PgDn>') T send-keys -t "$S" NPage ;;
		'<S-Tab>') T send-keys -t "$S" BTab ;;
		'<BS>') T send-keys -t "$S" BSpace ;;
		'<Del>') T send-keys -t "$S" DC ;;
		'<Space>') T send-keys -t "$S" Space ;;
		'<C-'?'>')
			k=${k#<C-}
			T send-keys -t "$S" "C-${k%>}"
			;;
		'<Click '*)
			k=${k#<Click }
			k=${k%>}
			x=${k%,*} y=${k#*,}
			# shellcheck disable=SC2046
			T send-keys -t "$S" -H $(mouse_hex 0 "$x" "$y" M) \
				$(mouse_hex 0 "$x" "$y" m)
			;;
		'<WheelUp '* | '<WheelDown '*)
			case $k in '<WheelUp '*) b=64 ;; *) b=65 ;; esac
			k=${k#<Wheel* }
			k=${k%>}
			x=${k%,*} y=${k#*,}
			# shellcheck disable=SC2046
			T send-keys -t "$S" -H $(mouse_hex "$b" "$x" "$y" M)
			;;
		'<Resize '*)
			k=${k#<Resize }
			k=${k%>}
			W=${k%x*} H=${k#*x}
			T resize-window -t "$S" -x "$W" -y "$H"
			;;
		'<'*) echo "e2e: no tmux form for $k" >&2 ;;
		*) T send-keys -t "$S" -l "$k" ;;
		esac
	done
}

# check NAME [changed]: poll until the screen equals the dump for the keys
# sent so far (5 s at most), then measure it.  With "changed", the expected
# screen must also differ from the previous check's (the step did
# something), so a key that is silently ignored cannot pass.
check() {
	local name="$S: $1" t0 n
	dump >"$tmp/want"
	n=$(wc -l <"$tmp/want")
	if [ "$n" != "$H" ]; then
		bad "$name: --dump ${W0}x${H0} --keys '$KEYS' gives $n lines, not $H"
		sed -n 1,5p "$tmp/dump.err" "$tmp/want"
		return 1
	fi
	if [ "${2:-}" = changed ] && [ "$(cat "$tmp/want")" = "$PREV" ]; then
		bad "$name: --dump shows no change for keys '$KEYS'"
		return 1
	fi
	PREV=$(cat "$tmp/want")
	t0=$(now_ms)
	while :; do
		T capture-pane -p -t "$S" | strip >"$tmp/got"
		cmp -s "$tmp/got" "$tmp/want" && break
		if [ $(($(now_ms) - t0)) -gt 5000 ]; then
			bad "$name: screen differs from --dump ${W0}x${H0} --keys '$KEYS'"
			diff -u "$tmp/want" "$tmp/got" | sed -n '3,40p'
			return 1
		fi
		sleep 0.02
	done
	if ! "$WC" check "$W" <"$tmp/got" >"$tmp/wc.out"; then
		bad "$name: $(head -3 "$tmp/wc.out")"
		return 1
	fi
	ok "$name"
}

# wait_dead TIMEOUT_MS: 0 once faq has ended (its status is recorded).
wait_dead() {
	local t0
	t0=$(now_ms)
	while [ ! -s "$tmp/$S.status" ]; do
		[ $(($(now_ms) - t0)) -gt "$1" ] && return 1
		sleep 0.01
	done
}
status() { cat "$tmp/$S.status" 2>/dev/null; }

# expect_exit STATUS NAME: faq ends within 2 s with STATUS.
expect_exit() {
	if ! wait_dead 2000; then
		bad "$S: $2: still running"
		return 1
	fi
	if [ "$(status)" != "$1" ]; then
		bad "$S: $2: exit status $(status), expected $1"
		return 1
	fi
	ok "$S: $2"
}

# alive NAME: still running after a moment (for keys that must do nothing;
# there is no event to wait for, so this one sleeps).
alive() {
	sleep 0.4
	if [ -s "$tmp/$S.status" ]; then
		bad "$S: $1: the program ended"
		return 1
	fi
	ok "$S: $1"
}

# restored NAME: after faq ended (started with KEEP=1), the terminal is as
# the shell expects it.
restored() {
	local t0 modes
	t0=$(now_ms)
	while ! capture | grep -q '^EXIT='; do
		if [ $(($(now_ms) - t0)) -gt 3000 ]; then
			bad "$S: $1: no EXIT line"
			return 1
		fi
		sleep 0.02
	done
	modes=$(fmt 'cursor=#{cursor_flag} alt=#{alternate_on} mouse=#{mouse_any_flag} kcursor=#{keypad_cursor_flag} keypad=#{keypad_flag}')
	if [ "$modes" != "cursor=1 alt=0 mouse=0 kcursor=0 keypad=0" ]; then
		bad "$S: $1: terminal left as $modes"
		return 1
	fi
	ok "$S: $1"
}

# label_cell LABEL: "X Y" of LABEL on the current expected screen.
label_cell() { printf '%s\n' "$PREV" | "$WC" find "$1"; }

selected() { [ "${E2E_ONLY:-}" = "" ] || [[ $1 =~ $E2E_ONLY ]]; }
