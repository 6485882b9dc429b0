# tests/fuzz/fuzz.mk - the libFuzzer harnesses; run from the top folder:
#
#   make fuzz [FUZZ_SECONDS=30]
#
# builds libwd and every tests/fuzz/fuzz-NAME.c with clang and
# -fsanitize=fuzzer,address,undefined into build-fuzz/, then runs each
# harness for FUZZ_SECONDS from its seeds (tests/fuzz/corpus/NAME/) and
# prints how many inputs it tried.  New inputs it finds go to
# build-fuzz/corpus/NAME/ (kept between runs, never committed); a crash
# stops that harness with its input in build-fuzz/crash-NAME-*: add the
# input to tests/fuzz/corpus/NAME/ (then `make check` replays it for
# ever, see tests/t8000-fuzz-corpus.t), write a unit test, fix the bug.
#
# A new harness is a new tests/fuzz/fuzz-NAME.c and corpus/NAME/: both
# this file and the Makefile find it by its name (see tests/fuzz/fuzz.h).

FZ = build-fuzz
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang
PKG_CONFIG ?= pkg-config
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
# the libraries of the Makefile (a harness links what libwd needs of them)
PKGS = yaml-0.1 sqlite3 gmime-3.0 libical
FUZZ_CFLAGS = -std=c17 -O1 -g -Wall -Wextra -D_DEFAULT_SOURCE \
	-D_XOPEN_SOURCE=700 -iquote lib -iquote tests/fuzz \
	$(shell $(PKG_CONFIG) --cflags $(PKGS)) $(FUZZ_SAN)
FUZZ_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lcsv -lstemmer

NAMES = $(patsubst tests/fuzz/fuzz-%.c,%,$(wildcard tests/fuzz/fuzz-*.c))
HARNESSES = $(NAMES:%=$(FZ)/fuzz-%)

run: $(HARNESSES)
	tests/fuzz/run.sh $(FZ) $(FUZZ_SECONDS) $(NAMES)

build: $(HARNESSES)

# libwd as the Makefile builds it, with clang, instrumented for libFuzzer;
# warnings are the gcc build's business (clang's differ)
$(FZ)/libwd.a: FORCE
	@$(MAKE) --no-print-directory O=$(FZ) CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link -Wno-error" $@

$(FZ)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(FZ)/libwd.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FZ)/libwd.a \
		$(FUZZ_LIBS)

.PHONY: run build FORCE
