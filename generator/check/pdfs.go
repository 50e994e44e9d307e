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
// per guide, the binder, a poster per guide (A4 and A3), the training
// deck with its speaker notes, and the change notice (made only when the
// build has a history: model.PDF.Made). Render links them, package pdf
// makes them, both from what is decided here.
//
// The site's own PDFs keep their addresses: a toolbox document whose
// slug would publish its PDF at one of them (a form called "perm" or
// "plakat") gets none, and its page says to print it from the browser.
func pdfs(m *model.Municipality) {
	m.PDFs = nil
	own := sitePDFs(m)
	taken := map[string]bool{}
	for _, p := range own {
		taken[p.URL] = true
	}
	for _, t := range m.Toolbox {
		t.PDF, t.PrintWeb = "", false
		printable := t.Kind == model.KindForm || t.Kind == model.KindArticle
		if printable {
			if u := t.PDFURL(""); covered(t.Title, t.Body) && !taken[u] {
				t.PDF = u
				m.PDFs = append(m.PDFs, &model.PDF{URL: t.PDF, Kind: model.PDFTool, Tool: t})
			} else {
				t.PrintWeb = true
			}
		}
		for _, tr := range t.Translations {
			tr.PDF, tr.PrintWeb = "", false
			if !printable {
				continue
			}
			if u := t.PDFURL(tr.Lang); !i18n.RTL(tr.Lang) && covered(tr.Title, tr.Body) && !taken[u] {
				tr.PDF = u
				m.PDFs = append(m.PDFs, &model.PDF{URL: tr.PDF, Kind: model.PDFTool, Tool: t, Translation: tr})
			} else {
				tr.PrintWeb = true
			}
		}
	}
	m.PDFs = append(m.PDFs, own...)
	sort.Slice(m.PDFs, func(i, j int) bool { return m.PDFs[i].URL < m.PDFs[j].URL })
}

// sitePDFs are the PDFs the site makes of more than one document: each
// guide's, the binder, the posters, the deck and its notes, the change
// notice.
func sitePDFs(m *model.Municipality) []*model.PDF {
	var out []*model.PDF
	seen := map[string]bool{}
	add := func(p *model.PDF) {
		if !seen[p.URL] { // a guide called "a3" beside one called "x" would give two plakat-x-a3.pdf
			seen[p.URL] = true
			out = append(out, p)
		}
	}
	for _, g := range m.Guides {
		g.PDF = model.GuidePDFURL(g)
		add(&model.PDF{URL: g.PDF, Kind: model.PDFGuide, Guide: g})
	}
	add(&model.PDF{URL: model.URLBinder, Kind: model.PDFBinder})
	only := len(m.Guides) == 1
	for _, g := range m.Guides {
		for _, paper := range []string{model.PaperA4, model.PaperA3} {
			add(&model.PDF{URL: model.PosterPDFURL(g, only, paper), Kind: model.PDFPoster, Guide: g, Paper: paper})
		}
	}
	add(&model.PDF{URL: model.URLDeck, Kind: model.PDFDeck})
	add(&model.PDF{URL: model.URLDeckNotes, Kind: model.PDFDeckNotes})
	add(&model.PDF{URL: model.URLChangeNotice, Kind: model.PDFChanges})
	return out
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
