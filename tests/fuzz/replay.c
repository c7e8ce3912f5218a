/* replay.c — runs a libFuzzer harness without libFuzzer, for `make test`:
 * every file named on the command line (a directory: every file in it) is
 * fed once to LLVMFuzzerTestOneInput. Built with gcc and ASan+UBSan, so a
 * crash once found and fixed stays fixed. Prints "replay: N inputs". */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int nrun;

static void
run_file(const char *path)
{
	FILE *f;
	struct stat st;
	uint8_t *buf;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL || fstat(fileno(f), &st) == -1) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(2);
	}
	/* Exact size, so ASan catches a read one past the input. */
	if ((buf = malloc(st.st_size > 0 ? (size_t)st.st_size : 1)) == NULL)
		exit(2);
	n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		fprintf(stderr, "replay: short read %s\n", path);
		exit(2);
	}
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	nrun++;
}

static void
run_path(const char *path)
{
	struct stat st;
	struct dirent **ents;
	char sub[4096];
	int i, n;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "replay: no such file %s\n", path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}
	/* Sorted, so a failure names the same file on every run. */
	if ((n = scandir(path, &ents, NULL, alphasort)) < 0)
		exit(2);
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.' &&
		    (size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
		    ents[i]->d_name) < sizeof(sub))
			run_path(sub);
		free(ents[i]);
	}
	free(ents);
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("replay: %d inputs\n", nrun);
	return nrun > 0 ? 0 : 1;
}
