# faq - a terminal FAQ browser.  Plain GNU make, no autotools.
#
#   make            build ./faq
#   make check      build and run every test (installs missing packages)
#   make run        build and open the bundled content
#   make property   random key sequences in tmux against --dump (PROP_N=300)
#   make asan       ASan + UBSan build; unit, golden and e2e tests under it
#   make valgrind   --print, --list, --dump and the browser under valgrind
#   make fuzz       run each libFuzzer driver (FUZZ_SECONDS each, default 60)
#   make install / make uninstall   (PREFIX, DESTDIR)
#   make format     clang-format every source file

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/faq
MANDIR = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale

CC ?= cc
PKG_CONFIG ?= pkg-config

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla \
	-Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN += -Werror
endif

# pkg-config is asked only when the build needs it, so that `make help`
# and `make deps` work on a machine that has none of the packages yet.
NCURSES_CFLAGS = $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NCURSES_LIBS = $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
MD4C_CFLAGS = $(shell $(PKG_CONFIG) --cflags md4c 2>/dev/null)
MD4C_LIBS = $(shell $(PKG_CONFIG) --libs md4c 2>/dev/null || echo -lmd4c)
GUMBO_CFLAGS = $(shell $(PKG_CONFIG) --cflags gumbo 2>/dev/null)
GUMBO_LIBS = $(shell $(PKG_CONFIG) --libs gumbo 2>/dev/null || echo -lgumbo)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

OPT ?= -O2 -g
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DFAQ_VERSION='"$(VERSION)"' -DFAQ_DATADIR='"$(DATADIR)"' \
	-DFAQ_LOCALEDIR='"$(LOCALEDIR)"'
CFLAGS ?= $(OPT)
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(NCURSES_CFLAGS) $(MD4C_CFLAGS) \
	$(GUMBO_CFLAGS)
LIBS = $(MD4C_LIBS) $(GUMBO_LIBS) $(NCURSES_LIBS) -lunistring -lmigemo -lm \
	-pthread

B ?= build
SRC = $(wildcard src/*.c)
LIB_SRC = $(filter-out src/main.c,$(SRC))
LIB_OBJ = $(patsubst src/%.c,$(B)/obj/%.o,$(LIB_SRC))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
PO = $(wildcard po/*.po)
MO = $(patsubst po/%.po,$(B)/locale/%/LC_MESSAGES/faq.mo,$(PO))

.PHONY: FORCE all check run asan fuzz install uninstall format deps clean \
	unit golden e2e property install-test lint check-curses bench help valgrind \
	relevance

BIN ?= faq

all: $(BIN) $(MO)

$(BIN): $(B)/obj/main.o $(B)/libfaq.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# The help FAQs are compiled in, so the help screen needs no file at run
# time (kiosk mode opens nothing but the content) and cannot go missing.
HELP_MD = $(wildcard help/help.*.md)
# (gcc and clang take strings longer than C11's minimum of 4095 bytes.)
$(B)/obj/help_data.o: $(B)/help_data.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<
$(B)/help_data.c: $(HELP_MD) scripts/embed.sh | $(B)/obj
	sh scripts/embed.sh $(HELP_MD) >$@

$(B)/libfaq.a: $(LIB_OBJ) $(B)/obj/help_data.o
	rm -f $@
	$(AR) rcs $@ $^

# Objects that compile in the install paths are rebuilt when PREFIX (or
# the version) changes, so `make install PREFIX=...` never installs a binary
# that looks for its content under another prefix.
$(B)/paths.stamp: FORCE | $(B)/obj
	@echo '$(VERSION) $(DATADIR) $(LOCALEDIR)' >$@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
$(B)/obj/main.o $(B)/obj/i18n.o: $(B)/paths.stamp
FORCE:

# The compiler writes each object's header dependencies (-MMD) beside it;
# -MP keeps a removed or renamed header from breaking the next build.
DEPFLAGS = -MMD -MP
$(B)/obj/%.o: src/%.c | $(B)/obj
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libfaq.a | $(B)/tests
	$(CC) $(CPPFLAGS) $(DEPFLAGS) -Itests/unit $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< \
		$(TEST_LDFLAGS) $(B)/libfaq.a $(CMOCKA_LIBS) $(LIBS)

# Per-test link flags.  test_browser counts the searches the browser runs
# by wrapping search_run(), so that no product struct keeps a test counter.
$(B)/tests/test_browser: TEST_LDFLAGS = -Wl,--wrap=search_run

$(B)/locale/%/LC_MESSAGES/faq.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

$(B)/obj $(B)/tests:
	mkdir -p $@

deps:
	@sh scripts/install-deps.sh

run: deps all
	./faq content/

unit: $(UNIT_BIN) $(MO)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

golden: all
	@sh tests/golden/run
	@sh tests/markup/run

e2e: all
	@sh tests/e2e/run

# One model, drawn or not: random key sequences in tmux, the screen after
# every step against --dump of the same keys (issue 12: at least 300 in
# make check).  PROP_N sequences, PROP_JOBS at a time; a failure prints
# the PROP_SEED and PROP_FROM that replay it.  tests/unit/test_drawn.c
# checks the same in process.
PROP_N ?= 300
property: all
	@PROP_N=$(PROP_N) sh tests/e2e/property

# The ranking finds what visitors mean: 30 questions in everyday words,
# the right entry in the first 3 for at least 25 (tests/relevance/run).
relevance: all
	@sh tests/relevance/run

install-test:
	@sh tests/install/run

# 0 errors and no definite leak under valgrind (print, list, dump, tui).
valgrind: all
	@sh tests/valgrind/run

# Only the drawing module may include curses (STYLE.md).
check-curses:
	@bad=$$(grep -l -E '#[[:space:]]*include[[:space:]]*<n?curses' src/*.c include/*.h | grep -v '^src/tui\.c$$' || true); \
	if [ -n "$$bad" ]; then echo "curses included outside src/tui.c: $$bad"; exit 1; fi

# The bundled content keeps every sentence of the source FAQ and lints clean;
# the code keeps to LAYERS (no upward include or call, no circle); the
# README and faq(1) say what the program does.
lint: all
	./faq --check content/
	@sh scripts/check-layers . $(B)/obj
	@awk 'FNR == 1 { n = 0 } { n++ } n == 901 { print FILENAME ": over 900 lines"; bad = 1 } \
		END { exit bad }' src/*.c include/*.h
	@B=$(B) sh tests/layers/run
	@sh tests/docs/run
	@if [ -x ../shared/tools/seed-coverage ] || [ -f ../shared/tools/seed-coverage ]; then \
		python3 ../shared/tools/seed-coverage content/; \
	else echo "seed-coverage: ../shared not present, skipped"; fi

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-curses
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory golden
	@$(MAKE) --no-print-directory relevance
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory property
	@$(MAKE) --no-print-directory install-test
	@$(MAKE) --no-print-directory valgrind
	@$(MAKE) --no-print-directory asan
	@echo "make check: all tests passed"

# A separate build tree so that sanitizer objects never mix with normal ones.
asan:
	@$(MAKE) --no-print-directory B=build-asan \
		OPT='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' \
		BIN=build-asan/faq build-asan/faq unit
	@FAQ=./build-asan/faq ASAN_OPTIONS=detect_leaks=1 sh tests/golden/run
	@FAQ=./build-asan/faq ASAN_OPTIONS=detect_leaks=1 sh tests/markup/run
	@FAQ=./build-asan/faq sh tests/e2e/run

FUZZ_SECONDS ?= 60
fuzz:
	@sh tests/fuzz/run $(FUZZ_SECONDS)

bench: all
	@echo "benchmarks: see bench/README.md (e.g. sh bench/render.sh)"

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/faq
	install -m 644 content/*.md $(DESTDIR)$(DATADIR)/content/
	install -m 644 man/faq.1 $(DESTDIR)$(MANDIR)/man1/faq.1
	install -m 644 man/faq.5 $(DESTDIR)$(MANDIR)/man5/faq.5
	@for mo in $(MO); do l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		echo install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/faq.mo; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/faq.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/faq $(DESTDIR)$(MANDIR)/man1/faq.1 \
		$(DESTDIR)$(MANDIR)/man5/faq.5
	rm -rf $(DESTDIR)$(DATADIR)
	@for po in $(PO); do l=$$(basename $$po .po); \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/faq.mo; done

format:
	clang-format -i src/*.c include/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c

clean:
	rm -rf build build-asan build-fuzz faq

-include $(wildcard $(B)/obj/*.d $(B)/tests/*.d)

help:
	@sed -n '2,11p' Makefile | sed 's/^# \{0,1\}//'
