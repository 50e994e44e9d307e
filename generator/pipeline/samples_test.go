package pipeline

import (
	"os"
	"regexp"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/render"
)

// TestShippedSamples checks the shipped municipalities against the
// contract: no mistakes, no warnings, and the shape each style promises.
func TestShippedSamples(t *testing.T) {
	site, l := Load(content.Overlay(os.DirFS("../..")), nil)
	if l.Len() != 0 {
		t.Fatalf("the samples have diagnostics:\n%v", l.Sorted())
	}
	want := map[string]struct {
		style  string
		guides map[string][4]int
	}{
		"lillestrom": {model.StyleLillestrom, map[string][4]int{"barnehage": {5, 5, 4, 5}, "skole": {5, 5, 4, 5}, "helsestasjon": {5, 5, 4, 5}}},
		"vardo":      {model.StyleVardo, map[string][4]int{"felles": {4, 4, 4, 4}}},
	}
	for _, m := range site.Municipalities {
		w, ok := want[m.Slug]
		if !ok {
			continue
		}
		delete(want, m.Slug)
		if m.Style != w.style {
			t.Errorf("%s: style %s", m.Slug, m.Style)
		}
		if len(m.Guides) != len(w.guides) {
			t.Errorf("%s: %d guides, want %d", m.Slug, len(m.Guides), len(w.guides))
		}
		for _, g := range m.Guides {
			var got [4]int
			for n, gl := range g.Levels {
				got[n] = len(gl.Steps)
				for _, s := range gl.Steps {
					for _, k := range []string{model.SectionWhat, model.SectionHow, model.SectionWho} {
						if s.Sections.Get(k) == nil {
							t.Errorf("%s: no %s section", s.File, k)
						}
					}
				}
			}
			if got != w.guides[g.ID] {
				t.Errorf("%s/%s: steps per level %v, want %v", m.Slug, g.ID, got, w.guides[g.ID])
			}
		}
		if len(m.Services) < 6 {
			t.Errorf("%s: %d services, want at least 6", m.Slug, len(m.Services))
		}
		if m.Notice == "" || m.Emergency == nil {
			t.Errorf("%s: a sample must say it is one and have an emergency box", m.Slug)
		}
	}
	for slug := range want {
		t.Errorf("sample %s is missing", slug)
	}
	if n := len(site.National.Toolbox); n < 12 {
		t.Errorf("%d national toolbox documents, want at least 12", n)
	}
}

// TestSpacesBetweenParts: the words the templates put side by side keep
// the space between them (templ drops whitespace between elements unless
// it is written out, and this was lost once).
func TestSpacesBetweenParts(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := Load(fsys, []string{"lillestrom"})
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := HTML(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Space is space to a browser however much of it there is, but there
	// must be some.
	for page, want := range map[string][]string{
		"lillestrom/index.html": {
			`<span class="level-badge level-0">Nivå 0</span>\s+<span class="levels__title">`,
			`<strong>BTI-koordinator \(eksempel\)</strong>, Koordinator`,
		},
		"lillestrom/barnehage/index.html":        {`Nivå 1</span>\s+<span class="levels__title">`},
		"lillestrom/barnehage/niva-1/index.html": {`Nivå 1</span>\s+·\s+<a href="\.\./">`},
	} {
		html := string(tree[page])
		for _, w := range want {
			if !regexp.MustCompile(w).MatchString(html) {
				t.Errorf("%s lacks %q", page, w)
			}
		}
	}
}

// TestSharedWorkSameOutput: sharing the national documents' search terms
// between the sites of a build changes no byte of any site.
func TestSharedWorkSameOutput(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	shared := render.NewShared()
	for _, m := range site.Municipalities {
		alone, err := render.Municipality(fsys, m, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second time from the shared work
			with, err := render.Municipality(fsys, m, render.Options{Shared: shared})
			if err != nil {
				t.Fatal(err)
			}
			if len(with) != len(alone) {
				t.Fatalf("%s: %d files shared, %d alone", m.Slug, len(with), len(alone))
			}
			for p, data := range alone {
				if string(with[p]) != string(data) {
					t.Errorf("%s/%s differs when work is shared", m.Slug, p)
				}
			}
		}
	}
}
