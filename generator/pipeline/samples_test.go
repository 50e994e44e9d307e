package pipeline

import (
	"os"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/model"
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
