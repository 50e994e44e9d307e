package render_test

import (
	"os"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// TestStartPageLinksPrintedMaterial: with PDFs, /kom-i-gang/ links the
// poster (A4 and A3) and the training deck with its notes, in bokmål and
// nynorsk; without, it links none of them.
func TestStartPageLinksPrintedMaterial(t *testing.T) {
	printed := []string{"/pdf/plakat.pdf", "/pdf/plakat-a3.pdf", "/pdf/opplaering.pdf", "/pdf/opplaering-notater.pdf"}
	for _, c := range []struct{ style, lang, heading string }{
		{"lillestrom", "nb", "Til personalrommet og personalmøtet"},
		{"vardo", "nn", "Til personalrommet og personalmøtet"},
	} {
		for _, pdf := range []bool{true, false} {
			tree := newMunicipalityWith(t, c.style, c.lang, nil, render.Options{PDF: pdf})
			html := string(tree["kom-i-gang/index.html"])
			main := html[strings.Index(html, "<main"):strings.Index(html, "</main>")]
			got := links(t, "/kom-i-gang/", main)
			for _, p := range printed {
				if got[p] != pdf {
					t.Errorf("%s %s, PDFs %v: a link to %s: %v", c.style, c.lang, pdf, p, got[p])
				}
			}
			if strings.Contains(main, c.heading) != pdf {
				t.Errorf("%s %s, PDFs %v: the part on the printed material: %v", c.style, c.lang, pdf, !pdf)
			}
		}
	}
}

// TestStartPageLinksEachGuidesPoster: in the Lillestrøm sample (three
// guides) the start page links each guide's posters, named by the guide.
func TestStartPageLinksEachGuidesPoster(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	html := string(tree["lillestrom/kom-i-gang/index.html"])
	got := links(t, "/lillestrom/kom-i-gang/", html)
	for _, g := range []string{"barnehage", "skole", "helsestasjon"} {
		for _, p := range []string{"/lillestrom/pdf/plakat-" + g + ".pdf", "/lillestrom/pdf/plakat-" + g + "-a3.pdf"} {
			if !got[p] {
				t.Errorf("no link to %s", p)
			}
		}
	}
	if got["/lillestrom/pdf/plakat.pdf"] {
		t.Error("a link to a poster the site does not have")
	}
	for _, w := range []string{`<span>Barnehage:</span>`, `<span class="visually-hidden">, Helsestasjon</span>`} {
		if !strings.Contains(html, w) {
			t.Errorf("the posters are not named by their guides: no %q", w)
		}
	}
}

// TestChangesPageLinksTheNotice: /endringer/ links the change notice only
// when the build has a history and makes PDFs, and never a PDF the
// build does not make.
func TestChangesPageLinksTheNotice(t *testing.T) {
	for _, c := range []struct {
		pdf  bool
		h    *model.History
		want bool
	}{{true, threeCommits(), true}, {true, nil, false}, {false, threeCommits(), false}} {
		tree := newMunicipalityWith(t, "lillestrom", "nb", ownForm, render.Options{PDF: c.pdf, History: c.h})
		html := string(tree["endringer/index.html"])
		got := links(t, "/endringer/", html)
		if got[model.URLChangeNotice] != c.want {
			t.Errorf("PDFs %v, history %v: a link to the change notice: %v", c.pdf, c.h != nil, !c.want)
		}
		if c.want && !strings.Contains(html, "Skriv ut endringene som oppslag (PDF, A4)") {
			t.Error("the link to the notice does not say what it is")
		}
	}
}
