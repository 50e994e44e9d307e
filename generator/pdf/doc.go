// Package pdf makes the printable PDFs of a municipality: every toolbox
// form as a fillable A4 PDF (real AcroForm fields where the Markdown has
// fields, lines and boxes drawn so the blank form also works on paper),
// articles as PDFs, the binder (perm) of the whole toolbox, and each guide
// as a printable PDF.
//
// Every PDF is tagged (PDF/UA-1): its structure tree mirrors the
// Markdown (headings, paragraphs, lists, tables, links, fields), every
// piece of page content belongs to an element of it or is marked as an
// artifact (headers, footers, rules), and it is read in the Markdown's
// order, the footer last.
//
// The Markdown tree is first flattened into Blocks (blocks.go), which say
// what a page of paper needs and nothing about PDF; a writer lays them out
// (layout.go, blocklayout.go, fields.go, table.go), keeping together what
// belongs together, on a canvas (canvas.go) that writes the pages' content
// with its marked content; document.go assembles the file on pdfcpu's
// object model: fonts cut to the glyphs used (font.go), AcroForm fields
// with a field font that has every Norwegian and Sámi letter (acroform.go,
// fieldfont.go), the structure tree (tags.go), the outline, the XMP
// metadata, and serialize.go writes it the same way every time.
package pdf

import (
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/model"
)

// Options are shared by the PDFs of a build.
type Options struct {
	// Changed maps a source file to the date of its last change (git).
	Changed map[string]string
	// Today is the date of a document none of whose files has a date in
	// Changed. When it is zero, such a document carries no date: never the
	// day of the build, so that the same sources give the same bytes.
	Today time.Time
	// Logo is the municipality's logo file (PNG or JPEG; other formats
	// are left out), shown in the header of every page.
	Logo []byte
	// Text is the interface text of every language (themes/i18n); the
	// tables built into bti when nil.
	Text *i18n.Tables
	// History is the project's git history (nil without one), for the
	// change notice: without it, there is none (model.PDF.Made).
	History *model.History
}

// lastChange is the date of the latest change of any of files (from git),
// else Today; zero when neither is known.
func (o Options) lastChange(files ...string) time.Time {
	latest := ""
	for _, f := range files {
		if d, ok := o.Changed[f]; ok && len(d) == 10 && d > latest {
			latest = d
		}
	}
	if t, err := time.Parse("2006-01-02", latest); err == nil {
		return t
	}
	if o.Today.IsZero() {
		return time.Time{}
	}
	t := o.Today
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// newFooter is the footer of a document with the labels ws at url, last
// changed on date (zero: unknown, and not printed).
func newFooter(ws labels, date time.Time, url string, qr bool) Footer {
	f := Footer{URL: url, ShortURL: shortURL(url), QR: qr, Page: ws.word("pdf_page"), Of: ws.word("pdf_of"),
		QRAlt: ws.word("pdf_qr"), Scan: ws.word("pdf_scan")}
	if l := ws.speaks(); l != ws.lang {
		f.Lang = l
	}
	if !date.IsZero() {
		f.Date = ws.word("pdf_updated") + " " + date.Format("02.01.2006")
	}
	return f
}

// linkFunc resolves the links of a document of m published at docURL:
// links between files to the pages they were published as, links to an
// anchor of the same page to docURL#anchor; http(s), mailto and tel links
// as written.
func linkFunc(m *model.Municipality, docURL string) LinkFunc {
	return func(n ast.Node, dest string) string {
		if u, ok := m.Links[n]; ok {
			switch {
			case strings.HasPrefix(u, "#"):
				return docURL + u
			case strings.HasPrefix(u, "/"):
				return pageURL(m, u)
			}
			return u
		}
		for _, scheme := range []string{"https://", "http://", "mailto:", "tel:"} {
			if len(dest) > len(scheme) && strings.EqualFold(dest[:len(scheme)], scheme) {
				return dest
			}
		}
		return ""
	}
}

// pageURL is the full address of a page of m's site.
func pageURL(m *model.Municipality, u string) string {
	return strings.TrimSuffix(m.BaseURL, "/") + u
}

func shortURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// Tool makes the PDF of a toolbox document (or of its translation tr):
// A4, the municipality in the header, the title, the text, and for forms
// real AcroForm fields; the first page's footer has a QR code of the
// document's page with its address, every footer the date and
// "Side N av M". It is a tagged PDF (PDF/UA-1).
func Tool(m *model.Municipality, t *model.Tool, tr *model.Translation, opts Options) ([]byte, error) {
	lang, title, summary, doc, file, url := m.Language, t.Title, t.Summary, t.Body, t.File, pageURL(m, t.URL())
	if tr != nil {
		lang, title, summary, doc, file, url = tr.Lang, tr.Title, tr.Summary, tr.Body, tr.File, pageURL(m, t.TranslationURL(tr.Lang))
	}
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	date := opts.lastChange(file)
	w := newWriter(c, lang, m.Name, newFooter(opts.words(m, lang), date, url, true))
	w.logo = opts.Logo
	w.page()
	w.title(title, 1)
	if summary != "" {
		w.para([]Span{{Text: summary}}, 11, 5.6)
		w.y += 3
	}
	w.blocks(Blocks(doc, linkFunc(m, url)), t.Kind == model.KindForm)
	w.endDocument()
	return c.finish(w.doc, Meta{Title: title, Subject: "BTI – " + m.Name, Author: m.Name, Lang: lang, Date: date})
}
