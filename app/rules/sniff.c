/* sniff.c — proof documents recognised by their magic bytes. A PDF must start
 * with "%PDF-" and carry "%%EOF" in its last 1 KiB (where readers look for
 * it); PNG by its 8-byte signature, JPEG by FF D8 FF. A file that also
 * contains another type's header near its start is refused as a polyglot. */
#include "rules/sniff.h"

#include <string.h>
#include <strings.h>

const char *const sniff_names[SNIFF_MAX] = { NULL, "pdf", "png", "jpeg" };
const char *const sniff_mime[SNIFF_MAX] = {
	NULL, "application/pdf", "image/png", "image/jpeg"
};

static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const unsigned char jpeg_sig[3] = { 0xff, 0xd8, 0xff };

/* PDF readers accept the header anywhere in the first 1 KiB: so does a
 * polyglot, which is why a PDF header there in a PNG or JPEG is refused. */
#define HEAD_WINDOW 1024
#define TAIL_WINDOW 1024

static int
has(const unsigned char *buf, size_t len, const void *pat, size_t plen)
{
	size_t i;

	for (i = 0; i + plen <= len; i++)
		if (memcmp(buf + i, pat, plen) == 0)
			return 1;
	return 0;
}

static enum sniff_type
by_name(const char *filename)
{
	const char *dot;

	if (filename == NULL || (dot = strrchr(filename, '.')) == NULL)
		return SNIFF_NONE;
	if (strcasecmp(dot, ".pdf") == 0)
		return SNIFF_PDF;
	if (strcasecmp(dot, ".png") == 0)
		return SNIFF_PNG;
	if (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0 ||
	    strcasecmp(dot, ".jpe") == 0)
		return SNIFF_JPEG;
	return SNIFF_NONE;
}

enum sniff_type
sniff_file(const unsigned char *buf, size_t len, const char *filename, const char **why)
{
	size_t head = len < HEAD_WINDOW ? len : HEAD_WINDOW;
	enum sniff_type t = SNIFF_NONE, named;
	int pdf_head;

	*why = NULL;
	if (buf == NULL || len == 0) {
		*why = "Upload.err.empty";
		return SNIFF_NONE;
	}
	if (len > SNIFF_MAX_BYTES) {
		*why = "Upload.err.large";
		return SNIFF_NONE;
	}
	pdf_head = has(buf, head, "%PDF-", 5);
	if (len >= 5 && memcmp(buf, "%PDF-", 5) == 0) {
		size_t tail = len < TAIL_WINDOW ? len : TAIL_WINDOW;
		if (!has(buf + len - tail, tail, "%%EOF", 5)) {
			*why = "Upload.err.type";
			return SNIFF_NONE;
		}
		/* An image signature right after a PDF header is a polyglot. */
		if (has(buf + 5, head - 5, png_sig, sizeof(png_sig)) ||
		    has(buf + 5, head - 5, jpeg_sig, sizeof(jpeg_sig))) {
			*why = "Upload.err.polyglot";
			return SNIFF_NONE;
		}
		t = SNIFF_PDF;
	} else if (len >= sizeof(png_sig) && memcmp(buf, png_sig, sizeof(png_sig)) == 0) {
		t = SNIFF_PNG;
	} else if (len >= sizeof(jpeg_sig) && memcmp(buf, jpeg_sig, sizeof(jpeg_sig)) == 0) {
		t = SNIFF_JPEG;
	}
	if (t == SNIFF_NONE) {
		*why = "Upload.err.type";
		return SNIFF_NONE;
	}
	if (t != SNIFF_PDF && pdf_head) {
		*why = "Upload.err.polyglot";
		return SNIFF_NONE;
	}
	named = by_name(filename);
	if (named != SNIFF_NONE && named != t) {
		*why = "Upload.err.mismatch";
		return SNIFF_NONE;
	}
	return t;
}
