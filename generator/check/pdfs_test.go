package check

import (
	"testing"

	"github.com/bti-handbook/bti/generator/model"
)

// printable gives a form with the translation tr a PDF, as check does, and
// says why tr gets none ("" when it gets one).
func printable(tool *model.Tool, tr *model.Translation) string {
	t := *tool
	t.Translations = []*model.Translation{tr}
	m := &model.Municipality{Toolbox: []*model.Tool{&t}}
	pdfs(m)
	switch {
	case tr.PDF != "":
		return ""
	case !tr.PrintWeb:
		return "no PDF, and no note to print the page"
	}
	return "print the web page"
}

// TestRightToLeftGetsNoPDF: Arabic-script translations get no PDF (never
// broken glyphs) but the note to print the web page; Latin-, Greek- and
// Cyrillic-script translations do, and letters the font lacks do not.
func TestRightToLeftGetsNoPDF(t *testing.T) {
	tool := &model.Tool{Kind: model.KindForm, Title: "Samtykke", Slug: "samtykke"}
	if why := printable(tool, &model.Translation{Lang: "ar", Title: "موافقة"}); why == "" {
		t.Error("an Arabic translation would get a PDF")
	}
	if why := printable(tool, &model.Translation{Lang: "ti", Title: "ፍቓድ"}); why == "" {
		t.Error("a Tigrinya translation would print letters the font lacks")
	}
	if why := printable(tool, &model.Translation{Lang: "se", Title: "Miehtan – čálit"}); why != "" {
		t.Errorf("a Sámi translation gets no PDF: %s", why)
	}
	// The PDF font is cut to Latin, Greek and Cyrillic (update-vendor.sh):
	// the languages of Norway's larger immigrant groups that are written
	// left to right keep their PDFs.
	for lang, title := range map[string]string{
		"uk": "Згода батьків – ґ є ї", "ru": "Согласие родителей", "vi": "Sự đồng ý của phụ huynh – Tiếng Việt",
		"pl": "Zgoda rodziców – łśżźćńąę", "tr": "Ebeveyn onayı – ğşıİ", "lt": "Tėvų sutikimas – ąčęėįšųūž",
		"so": "Oggolaanshaha waalidka", "de": "Einverständnis – ß", "el": "Συναίνεση",
	} {
		if why := printable(tool, &model.Translation{Lang: lang, Title: title}); why != "" {
			t.Errorf("a %s translation gets no PDF: %s", lang, why)
		}
	}
	if why := printable(tool, &model.Translation{Lang: "zh", Title: "家长同意"}); why == "" {
		t.Error("a Chinese translation would print letters the font lacks")
	}
	if got := printable(tool, &model.Translation{Lang: "zh", Title: "家长同意"}); got != "print the web page" {
		t.Errorf("a translation without a PDF: %s", got)
	}
}

// TestSitePDFsKeepTheirAddresses: a form whose PDF would take the
// address of one of the site's own (the poster, the binder) gets none and
// says to print its page; the site's PDF is listed once, of its kind.
func TestSitePDFsKeepTheirAddresses(t *testing.T) {
	g := &model.Guide{ID: "felles"}
	plakat := &model.Tool{Kind: model.KindForm, Title: "Plakat", Slug: "plakat"}
	perm := &model.Tool{Kind: model.KindForm, Title: "Perm", Slug: "perm"}
	other := &model.Tool{Kind: model.KindForm, Title: "Samtykke", Slug: "samtykke"}
	m := &model.Municipality{Guides: []*model.Guide{g}, Toolbox: []*model.Tool{perm, plakat, other}}
	pdfs(m)
	for _, tool := range []*model.Tool{plakat, perm} {
		if tool.PDF != "" || !tool.PrintWeb {
			t.Errorf("the form %q got the PDF %q", tool.Slug, tool.PDF)
		}
	}
	if other.PDF != "/pdf/samtykke.pdf" {
		t.Errorf("another form's PDF: %q", other.PDF)
	}
	kinds := map[string][]string{}
	for _, p := range m.PDFs {
		kinds[p.URL] = append(kinds[p.URL], p.Kind)
	}
	for url, want := range map[string]string{
		"/pdf/plakat.pdf": model.PDFPoster, "/pdf/plakat-a3.pdf": model.PDFPoster, "/pdf/perm.pdf": model.PDFBinder,
		"/pdf/opplaering.pdf": model.PDFDeck, "/pdf/opplaering-notater.pdf": model.PDFDeckNotes,
		"/pdf/endringer.pdf": model.PDFChanges, "/pdf/veileder-felles.pdf": model.PDFGuide, "/pdf/samtykke.pdf": model.PDFTool,
	} {
		if got := kinds[url]; len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v, want one PDF of kind %s", url, got, want)
		}
	}
	if len(kinds) != 8 {
		t.Errorf("%d PDFs: %v", len(kinds), kinds)
	}
}
