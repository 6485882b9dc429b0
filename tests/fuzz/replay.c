/*
 * replay.c - run a fuzz harness over files without libFuzzer
 *
 *   replay-NAME FILE|FOLDER...
 *
 * Each file (a folder: each file in it, in name order) is given to the
 * harness once, as libFuzzer would; a harness whose promise breaks
 * aborts.  Prints how many inputs ran.  Built by `make check` from the
 * same harness sources as `make fuzz`, with the compiler and sanitizers
 * of the build.
 */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t n = 0, alloc = 0, got;

	if (!f) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (n == alloc) {
			uint8_t *p = realloc(data, alloc ? alloc * 2 : 4096);

			if (!p) {
				fclose(f);
				free(data);
				return -1;
			}
			data = p;
			alloc = alloc ? alloc * 2 : 4096;
		}
		got = fread(data + n, 1, alloc - n, f);
		if (!got)
			break;
		n += got;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir, size_t *count)
{
	char **names = NULL, path[4096];
	size_t n = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);
	int r = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d))) {
		char **v;

		if (e->d_name[0] == '.')
			continue;
		v = realloc(names, (n + 1) * sizeof(*v));
		if (!v || !(v[n] = strdup(e->d_name))) {
			names = v ? v : names;
			r = -1;
			break;
		}
		names = v;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (r == 0 && run_file(path) == 0)
			(*count)++;
		free(names[i]);
	}
	free(names);
	return r;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	struct stat st;
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			perror(argv[i]);
			return 1;
		}
		if (S_ISDIR(st.st_mode) ? run_dir(argv[i], &count) < 0 :
		    run_file(argv[i]) < 0)
			return 1;
		if (!S_ISDIR(st.st_mode))
			count++;
	}
	printf("%zu inputs\n", count);
	return 0;
}
