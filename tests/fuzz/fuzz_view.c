/* fuzz_view.c — libFuzzer harness for template data escaping: the input is
 * put in Page.error and templates/error.cs is rendered through
 * app/core/view.c (ClearSilver with VarEscapeMode=html). The page must hold
 * exactly as many '<', '>' and '"' as the same page rendered with a plain
 * message: no markup, attribute break-out or template code from the data.
 * Run from the checkout root (templates/). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct req fz_r;
static int        fz_ready;
static size_t     fz_base[3];

static void
fz_cleanup(void)
{
	view_free();
	arena_free(&fz_r.arena);
}

static void
fz_count(const char *s, size_t n, size_t c[3])
{
	size_t i;

	c[0] = c[1] = c[2] = 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '<')
			c[0]++;
		else if (s[i] == '>')
			c[1]++;
		else if (s[i] == '"')
			c[2]++;
	}
}

/* Renders error.cs with msg as Page.error; counts into c. */
static void
fz_render(const char *msg, size_t c[3])
{
	const char *out;
	size_t len;

	if (view_begin(&fz_r) != 0)
		abort();
	if (view_set(&fz_r, "Page.status", "400") != 0 ||
	    view_set(&fz_r, "Page.error", msg) != 0 ||
	    view_render(&fz_r, &out, &len) != 0 || strlen(out) != len)
		abort();
	fz_count(out, len, c);
	view_end(&fz_r);
	arena_reset(&fz_r.arena);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t c[3];
	char *s;

	if (!fz_ready) {
		if (view_init("templates") != 0)
			abort();
		arena_init(&fz_r.arena, 1 << 20);
		fz_r.lang = "zh-CN";
		fz_r.tmpl = "error.cs";
		atexit(fz_cleanup);
		fz_render("x", fz_base);
		fz_ready = 1;
	}
	/* HDF values are C strings: stop at the first NUL; an empty message
	 * renders differently (no text), so it has no baseline. */
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (*s != '\0') {
		fz_render(s, c);
		if (memcmp(c, fz_base, sizeof(c)) != 0)
			abort();
	}
	free(s);
	return 0;
}
