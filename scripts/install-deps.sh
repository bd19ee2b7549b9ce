#!/bin/sh
# install-deps.sh - make sure the build and test dependencies are present.
#
# Checks what is missing (by pkg-config, header or command) and installs
# only that, with the system's package manager: apt-get on Debian/Ubuntu
# (through sudo when not root), dnf, apk or brew.  When none works it stops
# with the exact command to run.  Quiet when everything is there.
set -u

missing=""
need() { missing="$missing $1"; }

have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1" 2>/dev/null; }
have_hdr() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }

command -v ${CC:-cc} >/dev/null 2>&1 || need cc
command -v make >/dev/null 2>&1 || need make
command -v pkg-config >/dev/null 2>&1 || need pkg-config
have_pc ncursesw || need ncursesw
have_pc md4c || need md4c
have_pc gumbo || need gumbo
have_pc cmocka || need cmocka
have_hdr unistr.h || need unistring
command -v msgfmt >/dev/null 2>&1 || need gettext
command -v tmux >/dev/null 2>&1 || need tmux
command -v python3 >/dev/null 2>&1 || need python3
# .ci/run fuzzes each libFuzzer driver for 30 s (clang and its fuzzer
# runtime) and runs faq under valgrind (make check).
command -v ${FUZZ_CC:-clang} >/dev/null 2>&1 || need clang
command -v valgrind >/dev/null 2>&1 || need valgrind
# Debian ships libFuzzer apart from clang (libclang-rt-N-dev, only
# recommended by clang): asked by linking what tests/fuzz/run links, since
# where the runtime lives changes between LLVM versions.
have_fuzzer() {
	command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1 || return 1
	t=$(mktemp -d) || return 1
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$t/f.c"
	"${FUZZ_CC:-clang}" -fsanitize=fuzzer,address,undefined -o "$t/f" "$t/f.c" >/dev/null 2>&1
	r=$?
	rm -rf "$t"
	return $r
}
have_fuzzer || need clang-rt
# C/Migemo for romaji search: the library, and the dictionary (built from
# SKK-JISYO) with its romaji tables in /usr/share/cmigemo/utf-8.
have_hdr migemo.h || need migemo
if command -v apt-get >/dev/null 2>&1; then
	[ -f /usr/share/cmigemo/utf-8/migemo-dict ] || need migemo-dict
fi
# C.UTF-8 is needed by the end-to-end tests; Debian ships it in libc-bin,
# and the "locales" package carries the tools around it.

[ -z "$missing" ] && exit 0

pkgs_for() { # manager -> package names for $missing
	for m in $missing; do
		case "$1:$m" in
		apt:cc) echo gcc ;; apt:make) echo make ;; apt:pkg-config) echo pkg-config ;;
		apt:ncursesw) echo libncurses-dev ;; apt:md4c) echo libmd4c-dev ;;
		apt:gumbo) echo libgumbo-dev ;; dnf:gumbo) echo gumbo-parser-devel ;;
		apk:gumbo) echo gumbo-dev ;; brew:gumbo) echo gumbo-parser ;;
		apt:cmocka) echo libcmocka-dev ;; apt:unistring) echo libunistring-dev ;;
		apt:gettext) echo gettext ;; apt:tmux) echo tmux ;; apt:python3) echo python3 ;;
		apt:clang) echo clang ;; apt:valgrind) echo valgrind ;;
		apt:clang-rt) # the installed clang's runtime, else the default's
			v=$(clang --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p' | head -1)
			echo "libclang-rt-${v:+$v-}dev" ;;
		apt:migemo) echo libmigemo-dev ;; apt:migemo-dict) echo cmigemo-common ;;
		dnf:migemo) echo cmigemo-devel ;; dnf:migemo-dict) echo cmigemo ;;
		brew:migemo | brew:migemo-dict) echo cmigemo ;;
		dnf:cc) echo gcc ;; dnf:make) echo make ;; dnf:pkg-config) echo pkgconf-pkg-config ;;
		dnf:ncursesw) echo ncurses-devel ;; dnf:md4c) echo md4c-devel ;;
		dnf:cmocka) echo libcmocka-devel ;; dnf:unistring) echo libunistring-devel ;;
		dnf:clang-rt) echo compiler-rt ;;
		dnf:*) echo "$m" ;;
		apk:cc) echo gcc musl-dev ;; apk:pkg-config) echo pkgconf ;;
		apk:ncursesw) echo ncurses-dev ;; apk:md4c) echo md4c-dev ;;
		apk:cmocka) echo cmocka-dev ;; apk:unistring) echo libunistring-dev ;;
		apk:gettext) echo gettext-dev ;; apk:clang-rt) echo compiler-rt ;; apk:*) echo "$m" ;;
		brew:ncursesw) echo ncurses ;; brew:unistring) echo libunistring ;;
		brew:pkg-config) echo pkgconf ;; brew:cc) ;; brew:make) echo make ;;
		brew:clang|brew:clang-rt) echo llvm ;;
		brew:*) echo "$m" ;;
		esac
	done | tr '\n' ' '
}

sudo=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
fi

echo "faq: missing:$missing; installing them" >&2
if command -v apt-get >/dev/null 2>&1; then
	pkgs=$(pkgs_for apt)
	cmd="$sudo apt-get install -y --no-install-recommends $pkgs"
	if { [ -n "$sudo" ] || [ "$(id -u)" = 0 ]; } &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; then
		exit 0
	fi
elif command -v dnf >/dev/null 2>&1; then
	pkgs=$(pkgs_for dnf)
	cmd="$sudo dnf install -y $pkgs"
	$cmd && exit 0
elif command -v apk >/dev/null 2>&1; then
	pkgs=$(pkgs_for apk)
	cmd="$sudo apk add $pkgs"
	$cmd && exit 0
elif command -v brew >/dev/null 2>&1; then
	pkgs=$(pkgs_for brew)
	cmd="brew install $pkgs"
	$cmd && exit 0
else
	cmd="install:$missing (no known package manager found)"
fi
echo "faq: could not install the dependencies; run:" >&2
echo "    $cmd" >&2
exit 1
