/* pdf.h — renders the enterprise credit report (Shanghai Social Credit
 * Regulations Art. 34) as an A4 PDF whose Chinese text is in an embedded
 * font, so it reads the same in any viewer. */
#ifndef PAGES_PDF_H
#define PAGES_PDF_H

#include <stddef.h>

enum pdf_style {
	PDF_TITLE,
	PDF_H2,
	PDF_TEXT,
	PDF_SMALL,
	PDF_RULE,	/* horizontal line, text ignored */
	PDF_STYLE_MAX
};

struct pdf_line {
	enum pdf_style	 style;
	const char	*text;	/* UTF-8; '\n' starts a new line; may be NULL */
};

/*
 * Lays out the lines on A4 pages (wrapping long lines at the page width,
 * new pages as needed, a footer with the given text and "page N / M" on
 * every page). On success *out is a malloc'd buffer the caller frees,
 * returns 0; -1 on error (nothing allocated).
 */
int	pdf_render(const struct pdf_line *lines, int n, const char *footer,
	    unsigned char **out, size_t *outlen);

#endif
