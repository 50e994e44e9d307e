package browsertest

import (
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/generator/scaffold"
)

// TestNewMunicipalityOwnPages runs axe-core and the phone layout check
// over /kom-i-gang/ and /endringer/ (with a history, and without one) of
// a `bti new` municipality in bokmål and one in nynorsk, and the pages
// that carry the "changed" mark: zero violations, nothing sideways.
func TestNewMunicipalityOwnPages(t *testing.T) {
	browser := Browser(t)
	tab, cancel := NewTab(browser)
	defer cancel()
	for _, c := range []struct{ style, lang string }{{"lillestrom", "nb"}, {"vardo", "nn"}} {
		files, err := scaffold.Files(scaffold.Options{Slug: "ny", Style: c.style, Name: "Ny kommune", Language: c.lang})
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for p, data := range files {
			fsys[p] = &fstest.MapFile{Data: data}
		}
		ov := content.Overlay(fsys)
		site, l := pipeline.Load(ov, nil)
		if l.Errors() > 0 {
			t.Fatal(l.Sorted())
		}
		for _, h := range []bool{true, false} {
			opts := render.Options{}
			if h {
				opts.History = sampleHistory(site)
			}
			tree, err := pipeline.Render(ov, site, opts)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(Handler(tree))
			pages := []string{"kom-i-gang/", "endringer/"}
			if h {
				pages = append(pages, "verktoykasse/", strings.TrimPrefix(site.Municipalities[0].Guides[0].LevelURL(1), "/"))
			}
			for _, p := range pages {
				if _, ok := tree[p+"index.html"]; !ok {
					t.Errorf("%s %s: no /%s", c.style, c.lang, p)
					continue
				}
				vs, err := Axe(tab, srv.URL+"/"+p)
				if err != nil {
					t.Errorf("%s: %v", p, err)
				}
				for _, v := range vs {
					t.Errorf("%s %s /%s (history %v): %s", c.style, c.lang, p, h, v)
				}
				for _, w := range []int{320, 1280} {
					r, err := Layout(tab, srv.URL+"/"+p, w, true)
					if err != nil {
						t.Errorf("/%s at %d px: %v", p, w, err)
					}
					for _, prob := range r.Problems() {
						t.Errorf("%s %s /%s at %d px: %s", c.style, c.lang, p, w, prob)
					}
				}
			}
			srv.Close()
		}
	}
}
