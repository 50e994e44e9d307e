package check

import (
	"sort"

	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/pdffont"
)

// pdfs decides which PDFs m's site has and where they are published:
// every form and article, and each translation of one, whose text the
// PDF font can print (not a language written right to left, no letter
// the font lacks: those pages say to print them from the browser), a PDF
// per guide and the binder. Render links them, package pdf makes them,
// both from what is decided here.
func pdfs(m *model.Municipality) {
	m.PDFs = nil
	for _, t := range m.Toolbox {
		t.PDF, t.PrintWeb = "", false
		printable := t.Kind == model.KindForm || t.Kind == model.KindArticle
		if printable {
			if covered(t.Title, t.Body) {
				t.PDF = t.PDFURL("")
				m.PDFs = append(m.PDFs, &model.PDF{URL: t.PDF, Tool: t})
			} else {
				t.PrintWeb = true
			}
		}
		for _, tr := range t.Translations {
			tr.PDF, tr.PrintWeb = "", false
			if !printable {
				continue
			}
			if !i18n.RTL(tr.Lang) && covered(tr.Title, tr.Body) {
				tr.PDF = t.PDFURL(tr.Lang)
				m.PDFs = append(m.PDFs, &model.PDF{URL: tr.PDF, Tool: t, Translation: tr})
			} else {
				tr.PrintWeb = true
			}
		}
	}
	for _, g := range m.Guides {
		g.PDF = model.GuidePDFURL(g)
		m.PDFs = append(m.PDFs, &model.PDF{URL: g.PDF, Guide: g})
	}
	m.PDFs = append(m.PDFs, &model.PDF{URL: model.URLBinder})
	sort.Slice(m.PDFs, func(i, j int) bool { return m.PDFs[i].URL < m.PDFs[j].URL })
}

// covered reports whether the PDF font has every letter of a document.
func covered(title string, doc *model.Doc) bool {
	text := title
	if doc != nil {
		text += string(doc.Source)
	}
	ok, _ := pdffont.Covers(text)
	return ok
}
