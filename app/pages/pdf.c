/* pdf.c — lays out the credit report (see pdf.h) on A4 pages with libharu,
 * in an embedded subset of WenQuanYi Micro Hei, wrapping between Chinese
 * characters and at spaces between ASCII words. */

/*
 * Why an embedded TrueType font (libharu 2.3.0 "UTF-8" encoder, a Type0 font
 * over CIDFontType2) and not libharu's built-in CNS fonts (SimSun/SimHei,
 * GB-EUC-H): the CNS fonts are not embedded, so the report looks right only
 * where the viewer has or substitutes a Chinese font; their ASCII copies
 * out of the PDF as full-width letters ("９１３２…"), which breaks searching
 * for a credit code; and characters outside GBK cannot be written at all.
 * Embedded, the PDF is self-contained, as an official report should be, and
 * carries real Unicode text. The cost, measured: ~355 KB and ~80 ms for a
 * 2-page report (a 68-page one: 425 KB, 130 ms). libharu embeds only the
 * glyphs used, but whole loca/hmtx/post tables: WQY's post table of glyph
 * names alone is ~200 KB of it, and deflating the font stream takes most
 * of the time.
 *
 * libharu 2.3.0 has three bugs on this path, worked around here:
 *  - it reads composite-glyph component ids as signed 16-bit, so components
 *    above 32767 are never embedded; in WQY Micro Hei most characters with a
 *    radical (信, 报, 码, 统…) are such composites and come out blank.
 *    mark_components() adds them before saving;
 *  - its /ToUnicode for this font is not a ToUnicode CMap (poppler warns,
 *    copy and search may fail): fix_tounicode() rewrites it;
 *  - HPDF_Page_MeasureText() counts UTF-8 bytes wrongly and can split a
 *    character, so we measure one character at a time instead.
 * The first two use libharu's installed internal headers (hpdf_font.h,
 * hpdf_fontdef.h), hence the version check below.
 */
#include "pages/pdf.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "mark_components() and fix_tounicode() rely on libharu 2.3 internals"
#endif

/*
 * The font must be present at run time: fonts-wqy-microhei, installed by
 * app/tools/deps.sh. It is a TrueType collection; face 0 is the
 * proportional "WenQuanYi Micro Hei" (face 1 is the monospaced one).
 * Another TrueType (glyf, not CFF) font can be set at build time with
 * -DPDF_FONT_PATH=... -DPDF_FONT_INDEX=...; a plain .ttf is not a
 * collection and needs HPDF_LoadTTFontFromFile() instead.
 */
#ifndef PDF_FONT_PATH
#define PDF_FONT_PATH	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
#endif
#ifndef PDF_FONT_INDEX
#define PDF_FONT_INDEX	0
#endif

#define PDF_CREATOR	"苏州市公共信用信息平台"
#define PDF_TITLE_DFLT	"企业信用报告"

/* Page geometry in points (A4 is 595.3 x 841.9). */
#define MARGIN_X	56.0f	/* 20 mm */
#define MARGIN_TOP	60.0f
#define MARGIN_BOTTOM	64.0f	/* leaves room for the footer */
#define FOOTER_Y	32.0f	/* footer baseline */
#define FOOTER_SIZE	8.0f

/* Not in any character set: what utf8_next() reports for a bad byte. */
#define BAD_CP		0xffffffffu

static const struct style {
	float	size;	/* font size */
	float	lead;	/* line height */
	float	before;	/* space above the paragraph, not at a page top */
	int	bold;	/* stroked outline: the font has no bold face */
	int	center;
	float	gray;	/* 0 black */
} styles[PDF_STYLE_MAX] = {
	[PDF_TITLE] = { 18.0f, 28.0f, 6.0f, 1, 1, 0.0f },
	[PDF_H2] = { 13.0f, 21.0f, 10.0f, 1, 0, 0.0f },
	[PDF_TEXT] = { 10.5f, 17.0f, 0.0f, 0, 0, 0.0f },
	[PDF_SMALL] = { 8.5f, 13.0f, 0.0f, 0, 0, 0.35f },
	[PDF_RULE] = { 0.0f, 12.0f, 0.0f, 0, 0, 0.5f },
};

struct ctx {
	HPDF_Doc	 doc;
	HPDF_Font	 font;
	HPDF_FontDef	 fontdef;
	HPDF_Page	*pages;
	int		 npages, cap;
	float		 pw, ph;	/* page size */
	float		 y;		/* top of the next line */
	int		 at_top;	/* nothing drawn yet on this page */
	int		 ascii_w[128];	/* advance in 1/1000 em, -1 unknown */
	HPDF_STATUS	 err;		/* first error libharu reported */
	HPDF_STATUS	 detail;
};

/*
 * libharu calls this on every error and then returns the error code from
 * the failing function. We only record the first error: every call is
 * checked, and returning normally (no longjmp) lets pdf_render() free
 * everything through the one cleanup path.
 */
static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct ctx *c = arg;

	if (c->err == HPDF_OK) {
		c->err = code;
		c->detail = detail;
	}
}

/*
 * Decodes the UTF-8 sequence at s. Returns its length and stores the code
 * point; for anything that is not valid UTF-8 (stray continuation byte,
 * truncated or overlong sequence, surrogate, beyond U+10FFFF) returns 1 and
 * stores BAD_CP, so the caller skips one byte and resynchronises.
 */
static int
utf8_next(const char *str, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned v, min;
	int need, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 1;
		min = 0x80;
		v = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 2;
		min = 0x800;
		v = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 3;
		min = 0x10000;
		v = s[0] & 0x07;
	} else {
		*cp = BAD_CP;
		return 1;
	}
	/* The NUL terminator fails this test, so we never read past it. */
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = BAD_CP;
			return 1;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
		*cp = BAD_CP;
		return 1;
	}
	*cp = v;
	return need + 1;
}

/*
 * Returns a malloc'd copy of s that the layout can trust: valid UTF-8,
 * '?' for bad bytes and for what the font cannot show (code points beyond
 * the BMP, which libharu's UTF-8 encoder cannot address, and characters
 * WQY Micro Hei lacks, which would be an empty box), tabs as spaces, other
 * control characters as '?', no CR. With keep_nl false '\n' becomes a space
 * (single-line uses: footer, document title). Never longer than s.
 */
static char *
clean_text(struct ctx *c, const char *s, int keep_nl)
{
	char *out, *o;
	unsigned cp;
	int len;

	if (s == NULL)
		s = "";
	if ((out = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (o = out; *s != '\0'; s += len) {
		len = utf8_next(s, &cp);
		if (cp == '\r')
			continue;
		if (cp == '\n')
			*o++ = keep_nl ? '\n' : ' ';
		else if (cp == '\t')
			*o++ = ' ';
		else if (cp == BAD_CP || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    cp > 0xffff)
			*o++ = '?';
		else if (cp >= 0x80 &&
		    HPDF_TTFontDef_GetGlyphid(c->fontdef, (HPDF_UINT16)cp) == 0)
			*o++ = '?';
		else {
			memcpy(o, s, (size_t)len);
			o += len;
		}
	}
	*o = '\0';
	return out;
}

/* Advance of one character (len bytes at p) in 1/1000 em. */
static int
char_width(struct ctx *c, const char *p, int len)
{
	HPDF_TextWidth tw;
	unsigned char a = (unsigned char)*p;

	if (len == 1 && a < 128 && c->ascii_w[a] >= 0)
		return c->ascii_w[a];
	tw = HPDF_Font_TextWidth(c->font, (const HPDF_BYTE *)p, (HPDF_UINT)len);
	if (len == 1 && a < 128)
		c->ascii_w[a] = (int)tw.width;
	return (int)tw.width;
}

/* CJK scripts, CJK punctuation and full-width forms: a line may break on
 * either side of these, as Chinese has no spaces between words. */
static int
is_wide(unsigned cp)
{
	return cp >= 0x2e80;
}

/* Punctuation that must not start a line. */
static int
no_break_before(unsigned cp)
{
	static const unsigned closing[] = {
		0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff01, 0xff1f,
		0xff09, 0x300b, 0x300d, 0x300f, 0x3015, 0x3011, 0x201d,
		0x2019, 0x2026, 0xff05,
	};
	size_t i;

	if (cp < 128)
		return cp != 0 && strchr(",.;:!?)]}%", (int)cp) != NULL;
	for (i = 0; i < sizeof(closing) / sizeof(closing[0]); i++)
		if (closing[i] == cp)
			return 1;
	return 0;
}

/* Punctuation that must not end a line. */
static int
no_break_after(unsigned cp)
{
	static const unsigned opening[] = {
		0xff08, 0x300a, 0x300c, 0x300e, 0x3014, 0x3010, 0x201c, 0x2018,
	};
	size_t i;

	if (cp < 128)
		return cp != 0 && strchr("([{", (int)cp) != NULL;
	for (i = 0; i < sizeof(opening) / sizeof(opening[0]); i++)
		if (opening[i] == cp)
			return 1;
	return 0;
}

/* May a line break between code points a and b? */
static int
can_break(unsigned a, unsigned b)
{
	if (b == ' ' || no_break_before(b) || no_break_after(a))
		return 0;
	if (a == ' ')
		return 1;
	return is_wide(a) || is_wide(b);
}

static int
new_page(struct ctx *c)
{
	HPDF_Page page;

	if (c->npages == c->cap) {
		HPDF_Page *np;
		int ncap = c->cap ? c->cap * 2 : 8;

		if (c->cap > INT_MAX / 2 ||
		    (np = realloc(c->pages, (size_t)ncap * sizeof(*np))) == NULL)
			return -1;
		c->pages = np;
		c->cap = ncap;
	}
	if ((page = HPDF_AddPage(c->doc)) == NULL)
		return -1;
	c->pages[c->npages++] = page;
	if (HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT) !=
	    HPDF_OK)
		return -1;
	c->pw = HPDF_Page_GetWidth(page);
	c->ph = HPDF_Page_GetHeight(page);
	c->y = c->ph - MARGIN_TOP;
	c->at_top = 1;
	return 0;
}

/* Starts a new page unless h points fit above the bottom margin. */
static int
need_room(struct ctx *c, float h)
{
	if (c->npages > 0 && c->y - h >= MARGIN_BOTTOM)
		return 0;
	return new_page(c);
}

static HPDF_Page
cur_page(const struct ctx *c)
{
	return c->pages[c->npages - 1];
}

/* Shows the NUL-terminated UTF-8 text at (x, y) in style st. */
static int
show(struct ctx *c, HPDF_Page page, const struct style *st, float x, float y,
    const char *text)
{
	HPDF_STATUS r = HPDF_OK;

	/* Rendering mode, colours and line width are graphics state that
	 * BT/ET does not reset: scope them so bold cannot leak. */
	r |= HPDF_Page_GSave(page);
	r |= HPDF_Page_BeginText(page);
	r |= HPDF_Page_SetFontAndSize(page, c->font, st->size);
	r |= HPDF_Page_SetGrayFill(page, st->gray);
	if (st->bold) {
		/* Fill plus a thin outline stroke reads as bold. */
		r |= HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
		r |= HPDF_Page_SetGrayStroke(page, st->gray);
		r |= HPDF_Page_SetLineWidth(page, st->size * 0.035f);
	}
	r |= HPDF_Page_TextOut(page, x, y, text);
	r |= HPDF_Page_EndText(page);
	r |= HPDF_Page_GRestore(page);
	return r == HPDF_OK ? 0 : -1;
}

/* Draws [begin, end) of a cleaned, writable string as one line. */
static int
draw_line(struct ctx *c, const struct style *st, char *begin, char *end)
{
	HPDF_Page page;
	float x = MARGIN_X;
	char save;
	int r;

	/* Spaces at a break are invisible but would shift a centred line. */
	while (end > begin && end[-1] == ' ')
		end--;
	if (need_room(c, st->lead) < 0)
		return -1;
	page = cur_page(c);
	save = *end;
	*end = '\0';
	if (st->center) {
		float w = (float)HPDF_Font_TextWidth(c->font,
		    (const HPDF_BYTE *)begin, (HPDF_UINT)(end - begin)).width *
		    st->size / 1000.0f;

		if (w < c->pw - 2 * MARGIN_X)
			x = (c->pw - w) / 2;
	}
	/* Baseline about 0.8 em below the line top (WQY's ascent is ~0.8). */
	r = show(c, page, st, x, c->y - (st->lead - st->size) / 2 -
	    st->size * 0.8f, begin);
	*end = save;
	c->y -= st->lead;
	c->at_top = 0;
	return r;
}

/*
 * Lays out one paragraph (cleaned text without '\n'), wrapping at the
 * text width: at the last break opportunity that fits (after a space, or
 * between Chinese characters, respecting the punctuation rules above), or
 * in the middle of a word too long for a line.
 */
static int
put_para(struct ctx *c, const struct style *st, char *text)
{
	/* The text width in 1/1000 em of this style's font size. */
	float avail = (c->pw - 2 * MARGIN_X) * 1000.0f / st->size;
	char *start = text, *p, *brk;
	unsigned cp, prev;
	float w;
	int len;

	if (*text == '\0')	/* an empty line keeps its height */
		return draw_line(c, st, text, text);
	for (;;) {
		w = 0;
		brk = NULL;
		prev = 0;
		for (p = start; *p != '\0'; p += len) {
			float cw;

			len = utf8_next(p, &cp);
			if (p > start && can_break(prev, cp))
				brk = p;
			cw = (float)char_width(c, p, len);
			if (p > start && w + cw > avail)
				break;
			w += cw;
			prev = cp;
		}
		if (*p == '\0')
			return draw_line(c, st, start, p);
		if (brk != NULL)
			p = brk;
		if (draw_line(c, st, start, p) < 0)
			return -1;
		/* A continuation line does not start with the break's spaces. */
		for (start = p; *start == ' '; start++)
			;
		if (*start == '\0')
			return 0;
	}
}

static int
put_rule(struct ctx *c, const struct style *st)
{
	HPDF_Page page;
	HPDF_STATUS r = HPDF_OK;
	float y;

	if (need_room(c, st->lead) < 0)
		return -1;
	page = cur_page(c);
	y = c->y - st->lead / 2;
	r |= HPDF_Page_GSave(page);
	r |= HPDF_Page_SetLineWidth(page, 0.6f);
	r |= HPDF_Page_SetGrayStroke(page, st->gray);
	r |= HPDF_Page_MoveTo(page, MARGIN_X, y);
	r |= HPDF_Page_LineTo(page, c->pw - MARGIN_X, y);
	r |= HPDF_Page_Stroke(page);
	r |= HPDF_Page_GRestore(page);
	c->y -= st->lead;
	c->at_top = 0;
	return r == HPDF_OK ? 0 : -1;
}

static int
put_line(struct ctx *c, const struct pdf_line *l)
{
	const struct style *st;
	char *text, *p, *nl;
	float keep;
	int r = 0;

	if ((unsigned)l->style >= PDF_STYLE_MAX)
		return -1;
	st = &styles[l->style];
	if (l->style == PDF_RULE)
		return put_rule(c, st);
	if ((text = clean_text(c, l->text, 1)) == NULL)
		return -1;
	/* Keep a heading with (at least) two lines of what follows it. */
	keep = st->before + st->lead;
	if (l->style == PDF_TITLE || l->style == PDF_H2)
		keep += 2 * styles[PDF_TEXT].lead;
	if (need_room(c, keep) < 0)
		r = -1;
	else if (!c->at_top)
		c->y -= st->before;
	for (p = text; r == 0; p = nl + 1) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		r = put_para(c, st, p);
		if (nl == NULL)
			break;
	}
	free(text);
	return r;
}

/*
 * Cuts the cleaned text s so that it fits in maxw points at size, ending
 * it with an ellipsis if anything was cut. s must have 3 spare bytes.
 */
static void
fit_text(struct ctx *c, char *s, float size, float maxw)
{
	static const char ell[] = "\xe2\x80\xa6";	/* U+2026 */
	float avail = maxw * 1000.0f / size, w = 0;
	float ew = (float)char_width(c, ell, 3);
	char *p, *cut = s;
	unsigned cp;
	int len;

	for (p = s; *p != '\0'; p += len) {
		len = utf8_next(p, &cp);
		w += (float)char_width(c, p, len);
		if (w + ew <= avail)
			cut = p + len;
		if (w > avail)
			break;
	}
	if (*p == '\0')
		return;
	memcpy(cut, ell, sizeof(ell));
}

/* The footer text on the left, "第 N 页 / 共 M 页" on the right, over a rule. */
static int
put_footers(struct ctx *c, const char *footer)
{
	const struct style st = { FOOTER_SIZE, 0, 0, 0, 0, 0.35f };
	char *text, *ftext, num[64];
	HPDF_STATUS r = HPDF_OK;
	int i, ret = 0;

	if ((text = clean_text(c, footer, 0)) == NULL)
		return -1;
	/* Room for the ellipsis fit_text() may append. */
	if ((ftext = malloc(strlen(text) + 4)) == NULL) {
		free(text);
		return -1;
	}
	memcpy(ftext, text, strlen(text) + 1);
	free(text);
	/* The page number takes at most ~90 pt; the footer gets the rest. */
	fit_text(c, ftext, FOOTER_SIZE, c->pw - 2 * MARGIN_X - 100.0f);
	for (i = 0; i < c->npages && ret == 0; i++) {
		HPDF_Page page = c->pages[i];
		float w;

		snprintf(num, sizeof(num), "第 %d 页 / 共 %d 页", i + 1,
		    c->npages);
		r |= HPDF_Page_GSave(page);
		r |= HPDF_Page_SetLineWidth(page, 0.4f);
		r |= HPDF_Page_SetGrayStroke(page, 0.6f);
		r |= HPDF_Page_MoveTo(page, MARGIN_X, FOOTER_Y + FOOTER_SIZE + 4);
		r |= HPDF_Page_LineTo(page, c->pw - MARGIN_X,
		    FOOTER_Y + FOOTER_SIZE + 4);
		r |= HPDF_Page_Stroke(page);
		r |= HPDF_Page_GRestore(page);
		if (r != HPDF_OK) {
			ret = -1;
			break;
		}
		if (*ftext != '\0' &&
		    show(c, page, &st, MARGIN_X, FOOTER_Y, ftext) < 0) {
			ret = -1;
			break;
		}
		w = (float)HPDF_Font_TextWidth(c->font, (const HPDF_BYTE *)num,
		    (HPDF_UINT)strlen(num)).width * FOOTER_SIZE / 1000.0f;
		ret = show(c, page, &st, c->pw - MARGIN_X - w, FOOTER_Y, num);
	}
	free(ftext);
	return ret;
}

/*
 * Works around libharu 2.3.0 reading composite-glyph component ids as
 * signed 16-bit (CheckCompositGryph): components with an id above 32767 are
 * never marked used, so the subset it embeds draws those characters blank.
 * For every glyph marked used we parse its 'glyf' entry and mark its
 * components, repeating while that finds more (components may themselves
 * be composite). Must run after all text is shown and before saving.
 */
static int
mark_components(struct ctx *c)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)c->fontdef->attr;
	unsigned char *done, buf[4096];
	unsigned ng = a->num_glyphs, gid;
	int again = 1, ret = 0;

	if (a->stream == NULL || a->glyph_tbl.flgs == NULL ||
	    a->glyph_tbl.offsets == NULL)
		return -1;
	if ((done = calloc(ng ? ng : 1, 1)) == NULL)
		return -1;
	while (again && ret == 0) {
		again = 0;
		for (gid = 0; gid < ng && ret == 0; gid++) {
			HPDF_UINT32 off = a->glyph_tbl.offsets[gid];
			HPDF_UINT32 end = a->glyph_tbl.offsets[gid + 1];
			HPDF_UINT len;
			size_t i;

			if (!a->glyph_tbl.flgs[gid] || done[gid])
				continue;
			done[gid] = 1;
			if (a->header.index_to_loc_format == 0) {
				off *= 2;
				end *= 2;
			}
			/* Empty glyph, or too short for a header and one
			 * component: nothing to add. */
			if (end <= off || end - off < 14)
				continue;
			len = end - off > sizeof(buf) ? sizeof(buf) : end - off;
			if (HPDF_Stream_Seek(a->stream,
			    (HPDF_INT)(a->glyph_tbl.base_offset + off),
			    HPDF_SEEK_SET) != HPDF_OK ||
			    HPDF_Stream_Read(a->stream, buf, &len) != HPDF_OK) {
				ret = -1;
				break;
			}
			/* numberOfContours < 0: a composite glyph. */
			if (len < 14 || !(buf[0] & 0x80))
				continue;
			/* Components: flags, glyphIndex, arguments, transform
			 * (OpenType 'glyf' spec), after the 10-byte header. */
			for (i = 10; i + 4 <= len;) {
				unsigned flags = (unsigned)buf[i] << 8 | buf[i + 1];
				unsigned g = (unsigned)buf[i + 2] << 8 | buf[i + 3];

				i += 4 + ((flags & 0x0001) ? 4 : 2);
				if (flags & 0x0008)		/* one scale */
					i += 2;
				else if (flags & 0x0040)	/* x and y scale */
					i += 4;
				else if (flags & 0x0080)	/* 2x2 matrix */
					i += 8;
				if (g < ng && !a->glyph_tbl.flgs[g]) {
					a->glyph_tbl.flgs[g] = 1;
					/* This pass has gone past g already. */
					if (g < gid)
						again = 1;
				}
				if (!(flags & 0x0020))	/* no more components */
					break;
			}
		}
	}
	free(done);
	return ret;
}

/*
 * libharu 2.3.0 writes, as the UTF-8 font's /ToUnicode, a copy of an
 * encoding CMap (begincidrange), which is not a valid ToUnicode map:
 * poppler warns on every page and other viewers may not copy or search the
 * text. With /Encoding /Identity-H, libharu's UTF-8 encoder makes each
 * 2-byte code the character's BMP code point, so the right map is the
 * identity onto UTF-16: one bfrange per high byte (a range may only vary in
 * its last byte), surrogates excluded, at most 100 entries per block.
 */
static int
fix_tounicode(struct ctx *c)
{
	static const char head[] =
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
	static const char tail[] =
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n";
	HPDF_Dict tu;
	HPDF_STATUS r = HPDF_OK;
	char line[40];
	int hi, inblock = 0, nranges = 248;	/* 256 high bytes less D8-DF */

	/* Only the layout we know: Identity-H with a ToUnicode stream. */
	if (HPDF_Dict_GetItem(c->font, "Encoding", HPDF_OCLASS_NAME) == NULL ||
	    (tu = HPDF_Dict_GetItem(c->font, "ToUnicode",
	    HPDF_OCLASS_DICT)) == NULL || tu->stream == NULL ||
	    tu->stream->type != HPDF_STREAM_MEMORY) {
		/* GetItem may have recorded a type mismatch: not fatal. */
		HPDF_ResetError(c->doc);
		c->err = HPDF_OK;
		return 0;
	}
	HPDF_MemStream_FreeData(tu->stream);
	r |= HPDF_Stream_WriteStr(tu->stream, head);
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xd8 && hi <= 0xdf)
			continue;
		if (inblock == 0) {
			snprintf(line, sizeof(line), "%d beginbfrange\n",
			    nranges < 100 ? nranges : 100);
			r |= HPDF_Stream_WriteStr(tu->stream, line);
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    hi, hi, hi);
		r |= HPDF_Stream_WriteStr(tu->stream, line);
		nranges--;
		if (++inblock == 100 || nranges == 0) {
			r |= HPDF_Stream_WriteStr(tu->stream, "endbfrange\n");
			inblock = 0;
		}
	}
	r |= HPDF_Stream_WriteStr(tu->stream, tail);
	return r == HPDF_OK ? 0 : -1;
}

/* Document info; libharu writes strings through the current (UTF-8)
 * encoder, i.e. as UTF-16 text strings that viewers display. */
static int
set_info(struct ctx *c, const struct pdf_line *lines, int n)
{
	const char *title = PDF_TITLE_DFLT;
	char *t = NULL;
	HPDF_STATUS r = HPDF_OK;
	HPDF_Date d;
	struct tm tm;
	time_t now;
	int i;

	for (i = 0; i < n; i++)
		if (lines[i].style == PDF_TITLE && lines[i].text != NULL &&
		    *lines[i].text != '\0') {
			if ((t = clean_text(c, lines[i].text, 0)) == NULL)
				return -1;
			title = t;
			break;
		}
	r |= HPDF_SetInfoAttr(c->doc, HPDF_INFO_TITLE, title);
	r |= HPDF_SetInfoAttr(c->doc, HPDF_INFO_CREATOR, PDF_CREATOR);
	free(t);
	now = time(NULL);
	if (localtime_r(&now, &tm) != NULL) {
		long off = tm.tm_gmtoff;

		memset(&d, 0, sizeof(d));
		d.year = tm.tm_year + 1900;
		d.month = tm.tm_mon + 1;
		d.day = tm.tm_mday;
		d.hour = tm.tm_hour;
		d.minutes = tm.tm_min;
		d.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
		d.ind = off < 0 ? '-' : off > 0 ? '+' : 'Z';
		if (off < 0)
			off = -off;
		d.off_hour = (HPDF_INT)(off / 3600);
		d.off_minutes = (HPDF_INT)(off % 3600 / 60);
		r |= HPDF_SetInfoDateAttr(c->doc, HPDF_INFO_CREATION_DATE, d);
	}
	return r == HPDF_OK ? 0 : -1;
}

/* Saves the document into a malloc'd buffer. */
static int
save(struct ctx *c, unsigned char **out, size_t *outlen)
{
	unsigned char *buf;
	HPDF_UINT32 size;
	HPDF_UINT got;
	size_t total = 0;

	if (HPDF_SaveToStream(c->doc) != HPDF_OK)
		return -1;
	if ((size = HPDF_GetStreamSize(c->doc)) == 0)
		return -1;
	if ((buf = malloc(size)) == NULL)
		return -1;
	while (total < size) {
		HPDF_STATUS r;

		got = (HPDF_UINT)(size - total);
		r = HPDF_ReadFromStream(c->doc, buf + total, &got);
		total += got;
		/* EOF after the last byte is how the stream says "done". */
		if (r != HPDF_OK && !(r == HPDF_STREAM_EOF && total == size))
			break;
		if (got == 0)
			break;
	}
	if (total != size) {
		free(buf);
		return -1;
	}
	if (c->err == HPDF_STREAM_EOF) {
		/* Reported through on_error() too; not a failure. */
		c->err = HPDF_OK;
		HPDF_ResetError(c->doc);
	}
	*out = buf;
	*outlen = size;
	return 0;
}

int
pdf_render(const struct pdf_line *lines, int n, const char *footer,
    unsigned char **out, size_t *outlen)
{
	struct ctx c;
	const char *name;
	int i, ret = -1;

	if (out == NULL || outlen == NULL || n < 0 || (n > 0 && lines == NULL))
		return -1;
	*out = NULL;
	*outlen = 0;
	memset(&c, 0, sizeof(c));
	memset(c.ascii_w, 0xff, sizeof(c.ascii_w));	/* all -1 */
	if ((c.doc = HPDF_New(on_error, &c)) == NULL)
		return -1;
	if (HPDF_SetCompressionMode(c.doc, HPDF_COMP_ALL) != HPDF_OK ||
	    HPDF_UseUTFEncodings(c.doc) != HPDF_OK ||
	    HPDF_SetCurrentEncoder(c.doc, "UTF-8") != HPDF_OK)
		goto done;
	/* Embedded: libharu writes a subset (only the glyphs we use). */
	if ((name = HPDF_LoadTTFontFromFile2(c.doc, PDF_FONT_PATH,
	    PDF_FONT_INDEX, HPDF_TRUE)) == NULL ||
	    (c.font = HPDF_GetFont(c.doc, name, "UTF-8")) == NULL)
		goto done;
	c.fontdef = ((HPDF_FontAttr)c.font->attr)->fontdef;
	if (c.fontdef == NULL || c.fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE ||
	    fix_tounicode(&c) < 0)
		goto done;
	if (set_info(&c, lines, n) < 0 || new_page(&c) < 0)
		goto done;
	for (i = 0; i < n; i++)
		if (put_line(&c, &lines[i]) < 0)
			goto done;
	if (put_footers(&c, footer) < 0 || mark_components(&c) < 0)
		goto done;
	if (c.err != HPDF_OK)
		goto done;
	if (save(&c, out, outlen) < 0)
		goto done;
	if (c.err != HPDF_OK) {
		free(*out);
		*out = NULL;
		*outlen = 0;
		goto done;
	}
	ret = 0;
done:
	HPDF_Free(c.doc);
	free(c.pages);
	return ret;
}
