// Package pdf makes the printable PDFs of a municipality: every toolbox
// form as a fillable A4 PDF (real AcroForm fields where the Markdown has
// fields, lines and boxes drawn so the blank form also works on paper),
// articles as PDFs, the binder (perm) of the whole toolbox, and each guide
// as a printable PDF.
//
// The Markdown tree is first flattened into Blocks (blocks.go), which say
// what a page of paper needs and nothing about PDF; a writer lays them out
// on a Canvas (canvas.go, signintech/gopdf underneath, replaceable), and
// pdfcpu then adds the AcroForm fields with a field font that has every
// Norwegian and Sámi letter (acroform.go, fieldfont.go).
package pdf

import (
	"fmt"
	"strings"
	"time"

	"github.com/bti-handbook/bti/generator/model"
)

// Options are shared by the PDFs of a build.
type Options struct {
	// Changed maps a source file to the date of its last change (git).
	Changed map[string]string
	// Today is the date used when a file has no date from git.
	Today time.Time
	// Logo is the municipality's logo file (PNG or JPEG; other formats
	// are left out), shown in the header of every page.
	Logo []byte
}

func (o Options) date(file string) string {
	return o.day(file).Format("02.01.2006")
}

// day is the date of a document: its last change in git, else today.
func (o Options) day(file string) time.Time {
	if d, ok := o.Changed[file]; ok {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return t
		}
	}
	t := o.Today
	if t.IsZero() {
		t = time.Now()
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// pageURL is the full address of a page of m's site.
func pageURL(m *model.Municipality, u string) string {
	return strings.TrimSuffix(m.BaseURL, "/") + u
}

func shortURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// Unprintable says why a document gets no PDF ("" when it gets one).
func Unprintable(t *model.Tool, tr *model.Translation) string {
	if t.Kind != model.KindForm && t.Kind != model.KindArticle {
		return "kind " + t.Kind
	}
	doc, title := t.Body, t.Title
	if tr != nil {
		if dirRTL[tr.Lang] {
			return "written right to left"
		}
		doc, title = tr.Body, tr.Title
	}
	text := title
	if doc != nil {
		text += string(doc.Source)
	}
	if ok, r := Printable(text); !ok {
		return fmt.Sprintf("the letter %q is not in the PDF font", r)
	}
	return ""
}

// dirRTL are the languages written right to left: they get no PDF, and
// their page tells readers to print the web page instead.
var dirRTL = map[string]bool{"ar": true, "fa": true, "prs": true, "ps": true, "ur": true, "he": true, "ckb": true, "yi": true, "sd": true, "ug": true, "dv": true}

// Tool makes the PDF of a toolbox document (or of its translation tr):
// A4, the municipality in the header, the title, the text, and for forms
// real AcroForm fields; the footer has the date, the page's address with a
// QR code, and "Side N av M".
func Tool(m *model.Municipality, t *model.Tool, tr *model.Translation, opts Options) ([]byte, error) {
	lang, title, summary, doc, file, url := m.Language, t.Title, t.Summary, t.Body, t.File, pageURL(m, t.URL())
	if tr != nil {
		lang, title, summary, doc, file, url = tr.Lang, tr.Title, tr.Summary, tr.Body, tr.File, pageURL(m, t.TranslationURL(tr.Lang))
	}
	c, err := NewCanvas()
	if err != nil {
		return nil, err
	}
	c.SetInfo(title, m.Name, m.Name)
	w := newWriter(c, m.Name, Footer{Date: label(lang, "updated") + " " + opts.date(file), URL: url, ShortURL: shortURL(url),
		QR: true, Page: label(lang, "page"), Of: label(lang, "of")})
	w.logo = opts.Logo
	w.page()
	w.title(title)
	if summary != "" {
		w.text([]Span{{Text: summary}}, marginL, contentW, 11, 5.6)
		w.y += 3
	}
	w.blocks(Blocks(doc), t.Kind == model.KindForm)
	data, err := c.Output()
	if err != nil {
		return nil, err
	}
	return finish(data, w.fields, lang, Meta{Title: title, Subject: "BTI – " + m.Name, Author: m.Name, Date: opts.day(file), Outline: c.Outlines()})
}

// finish adds the fields, the language, the document information and
// tagged font names.
func finish(data []byte, fields []Field, lang string, meta Meta) ([]byte, error) {
	ff, err := fieldFont()
	if err != nil {
		return nil, err
	}
	out, err := AddAcroForm(data, fields, ff, lang, meta)
	if err != nil {
		return nil, err
	}
	return reproducible(out, meta.Date), nil
}
