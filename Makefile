# wijkdialoog - make, make check, make install PREFIX=... DESTDIR=...
#
#   make                  build libwd and the wd-* commands into build/
#   make check            run every test (TAP, through prove)
#   make check SANITIZE=1 the same under AddressSanitizer + UBSan (build-san/)
#   make check VALGRIND=1 the shell tests under valgrind memcheck (slow:
#                         VALGRIND_EVERY=K runs every K-th command under it,
#                         from VALGRIND_FROM=J, as CI does)
#   make fuzz             each libFuzzer harness for FUZZ_SECONDS (30), with
#                         clang, see tests/fuzz/fuzz.mk
#   make check T='t2100-*.t t3000-*.t'  only those tests
#   make install          PREFIX (/usr/local) and DESTDIR as usual
#   make bench            benchmarks, see tests/bench/README.md

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share
MANDIR ?= $(SHAREDIR)/man
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
PROVE ?= prove

PKGS = yaml-0.1 sqlite3 gmime-3.0 libical
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS))
# libcsv and libstemmer ship no .pc file
LIBS = $(PKG_LIBS) -lcsv -lstemmer

WD_CFLAGS = -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wformat=2 \
	-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -iquote lib -iquote cmd \
	-DWD_SHAREDIR='"$(SHAREDIR)/wd"' -DWD_LOCALEDIR='"$(SHAREDIR)/locale"' \
	-DWD_NLS $(PKG_CFLAGS)

ifeq ($(SANITIZE),1)
O ?= build-san
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
CFLAGS += $(SAN)
LDFLAGS += $(SAN)
else
O ?= build
endif

LIB_SRC = $(wildcard lib/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(O)/%.o)
CMDS = $(patsubst cmd/%.c,%,$(wildcard cmd/wd-*.c))
CLI_OBJ = $(O)/cmd/cli.o
BINS = $(CMDS:%=$(O)/%) $(O)/wd
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT = $(O)/tests/unit-tests
# the fuzz harnesses without libFuzzer: each replays its corpus in make
# check (tests/t8000-fuzz-corpus.t), in this build's compiler and flags
FUZZ_NAMES = $(patsubst tests/fuzz/fuzz-%.c,%,$(wildcard tests/fuzz/fuzz-*.c))
REPLAYS = $(FUZZ_NAMES:%=$(O)/tests/fuzz/replay-%)
# LD_PRELOAD shims for tests/t8100-alloc-fail.t and t8200-io-fail.t
FAULT = $(O)/tests/fault/allocfail.so $(O)/tests/fault/iofail.so

# message catalogues: share/po/LANG.po -> $(O)/locale/LANG/LC_MESSAGES
PO = $(wildcard share/po/*.po)
MO = $(PO:share/po/%.po=$(O)/locale/%/LC_MESSAGES/wijkdialoog.mo)

all: $(BINS) $(MO)

$(O)/locale/%/LC_MESSAGES/wijkdialoog.mo: share/po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# make pot: gather the messages again, and merge them into every .po
pot:
	xgettext --keyword=_ --keyword=N_ --keyword=Q_:1,2 --from-code=UTF-8 --add-comments \
		--package-name=wijkdialoog --msgid-bugs-address= \
		--sort-by-file -o share/po/wijkdialoog.pot lib/*.c cmd/*.c
	for po in $(PO); do msgmerge -q --update --backup=none $$po share/po/wijkdialoog.pot; done

# objects are built again when the flags change (SANITIZE, CFLAGS, PREFIX)
FLAGS_LINE = $(subst ','\'',$(CC) $(WD_CFLAGS) $(CFLAGS) $(LDFLAGS))
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@printf '%s\n' '$(FLAGS_LINE)' >$(O)/.flags.new
	@if cmp -s $(O)/.flags.new $@; then rm $(O)/.flags.new; else mv $(O)/.flags.new $@; fi

$(O)/%.o: %.c $(O)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(WD_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/libwd.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(O)/wd-%: $(O)/cmd/wd-%.o $(CLI_OBJ) $(O)/libwd.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(O)/wd: $(O)/cmd/wd.o $(CLI_OBJ) $(O)/libwd.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(UNIT): $(UNIT_SRC:%.c=$(O)/%.o) $(O)/libwd.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(O)/tests/fuzz/replay-%: $(O)/tests/fuzz/fuzz-%.o $(O)/tests/fuzz/replay.o \
		$(O)/libwd.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# never instrumented: in a sanitizer build the shim comes before ASan's
# runtime, under valgrind before memcheck's allocator
$(O)/tests/fault/%.so: tests/fault/%.c $(O)/.flags
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O2 -g -Wall -Wextra -Werror -fPIC -shared -o $@ $< -ldl

# T: which tests (file names in tests/), all by default
T = ./t[0-9]*.t

check: all $(UNIT) $(REPLAYS) $(FAULT)
	cd tests && WD_BUILD=$(abspath $(O)) WD_VALGRIND=$(VALGRIND) \
		WD_VALGRIND_EVERY=$(VALGRIND_EVERY) WD_VALGRIND_FROM=$(VALGRIND_FROM) \
		WD_SLOW=$(SLOW) $(PROVE) $(PROVE_OPTS) $(T)

# libFuzzer: tests/fuzz/fuzz.mk builds into build-fuzz/ with clang
FUZZ_SECONDS ?= 30
fuzz:
	$(MAKE) -f tests/fuzz/fuzz.mk FUZZ_SECONDS=$(FUZZ_SECONDS) run

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/wd \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	cp -R share/wd/. $(DESTDIR)$(SHAREDIR)/wd
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/*.7 $(DESTDIR)$(MANDIR)/man7
	install -d $(DESTDIR)$(SHAREDIR)/bash-completion/completions \
		$(DESTDIR)$(SHAREDIR)/zsh/site-functions
	for c in wd $(CMDS); do \
		install -m 644 share/completion/wd.bash \
			$(DESTDIR)$(SHAREDIR)/bash-completion/completions/$$c; \
	done
	install -m 644 share/completion/_wd $(DESTDIR)$(SHAREDIR)/zsh/site-functions/_wd
	for mo in $(MO); do \
		l=$${mo#$(O)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(SHAREDIR)/locale/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(SHAREDIR)/locale/$$l/LC_MESSAGES/wijkdialoog.mo; \
	done

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%) $(DESTDIR)$(BINDIR)/wd
	rm -rf $(DESTDIR)$(SHAREDIR)/wd
	rm -f $(patsubst %,$(DESTDIR)$(SHAREDIR)/bash-completion/completions/%,wd $(CMDS))
	rm -f $(DESTDIR)$(SHAREDIR)/zsh/site-functions/_wd
	rm -f $(DESTDIR)$(SHAREDIR)/locale/*/LC_MESSAGES/wijkdialoog.mo
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(wildcard man/*.5))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(wildcard man/*.7))

demo: all
	PATH="$(abspath $(O)):$$PATH" ./share/wd/examples/demo.sh $(DEMO_DIR)

clean:
	rm -rf build build-san build-bench build-fuzz tests/trash.*

.PHONY: all check fuzz install uninstall demo clean pot FORCE
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(O)/cmd/*.d $(O)/tests/unit/*.d $(O)/tests/fuzz/*.d

# benchmarks (never part of check): an optimised build in build-bench/
bench:
	$(MAKE) O=build-bench CFLAGS="-O2 -DNDEBUG" all
	sh tests/bench/run.sh

.PHONY: bench
