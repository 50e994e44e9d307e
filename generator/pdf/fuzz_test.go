package pdf

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// FuzzTaggedForm: whatever Markdown a form has, its PDF is made without a
// panic and keeps every rule of a tagged PDF (internal/pdfcheck).
func FuzzTaggedForm(f *testing.F) {
	f.Add(miniForm[strings.Index(miniForm, "+++\n\n")+5:])
	f.Add("## A\n\n### B\n\n#### C\n\n# D\n\n- a\n  - b\n    1. c\n\n> q\n>\n> - [ ] x\n\n| a |\n|---|\n| |\n\n---\n\n```\ncode\n```\n")
	f.Add("Lang etikett som går over flere linjer fordi den er svært lang og fortsetter og fortsetter og fortsetter og fortsetter: ___ Kort: ___\n\nUnderskrift: ___\n")
	f.Add("[lenke](https://example.no/) <https://example.no/a> <post@example.no> [#](#om) ✓ ⚠️ \u200b\n\n## Om\n\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n___\n")
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 20000 {
			return
		}
		fsys := fstest.MapFS{
			"municipalities/gs/municipality.toml": {Data: []byte(miniToml)},
			"municipalities/gs/toolbox/f.md":      {Data: []byte("+++\ntitle = \"Skjema\"\nkind = \"form\"\n+++\n\n" + body)},
		}
		var l diag.List
		site := load.Load(content.Overlay(fsys), nil, &l)
		check.Check(site, &l)
		if l.Errors() > 0 || len(site.Municipalities) == 0 {
			return
		}
		m := site.Municipalities[0]
		for _, tool := range m.Toolbox {
			if tool.Slug != "f" || tool.PDF == "" {
				continue
			}
			data, err := Tool(m, tool, nil, today)
			if err != nil {
				t.Fatalf("no PDF: %v", err)
			}
			doc, err := pdfcheck.Check(data)
			if err != nil {
				t.Fatalf("the PDF does not read back: %v", err)
			}
			if len(doc.Problems) > 0 {
				t.Fatalf("%d problems: %v", len(doc.Problems), doc.Problems[:min(5, len(doc.Problems))])
			}
		}
	})
}
