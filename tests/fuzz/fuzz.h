/*
 * fuzz.h - what the fuzz harnesses share
 *
 * Each tests/fuzz/fuzz-NAME.c is a libFuzzer harness: `make fuzz` builds
 * it with clang (-fsanitize=fuzzer,address,undefined) into
 * build-fuzz/fuzz-NAME and runs it from its seeds in
 * tests/fuzz/corpus/NAME/; `make check` builds it with tests/fuzz/replay.c
 * instead of libFuzzer and runs every seed once (tests/t8000-fuzz-corpus.t),
 * so a crash, once its input is added to the seeds, stays fixed.
 *
 * Adding a harness: write tests/fuzz/fuzz-NAME.c defining
 * LLVMFuzzerTestOneInput (and LLVMFuzzerInitialize when it needs a set-up
 * made once), put a few small seeds in tests/fuzz/corpus/NAME/; the
 * Makefile and the test find it by its name.  A harness checks what must
 * hold with FUZZ_CHECK: a broken promise aborts, as a crash does.
 */
#ifndef WD_FUZZ_H
#define WD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: broken promise: %s: ", __FILE__, \
			__LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

#endif
