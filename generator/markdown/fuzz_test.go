package markdown

import (
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

// FuzzFormFields parses and renders arbitrary Markdown as a form: it must
// never panic, every field must have a name unique in the form, and the
// HTML must hold one control per field.
func FuzzFormFields(f *testing.F) {
	for _, s := range []string{
		"Barnets navn: ___\n",
		"Dato: ___ Sted: ___\n",
		"## Beskriv\n\n___\n___\n",
		"- [ ] Foreldrene er informert\n- [x] Samtykke\n",
		"| Tiltak | Ansvarlig |\n|---|---|\n| Språk | |\n| | |\n",
		"- Navn: ___\n  ___\n",
		"> Sitat: ___\n",
		"___\n\n___ ___\n",
		"Tekst\n___\nMer: ___",
		"**Navn:** ___\\___\n",
		"- [ ] Annet: ___\n",
		"|  |\n|--|\n|  |\n",
		"# ___\n",
		"`kode ___`\n",
		"Navn: ______________________________________________________________\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		var l diag.List
		doc := Parse("f.md", []byte(md), true, &l)
		html, err := NewRenderer().RenderString(doc.Source, doc.Root, nil)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		controls := 0
		for _, fl := range doc.Fields {
			if fl.Name == "" || names[fl.Name] {
				t.Fatalf("field name %q empty or repeated in %+v", fl.Name, doc.Fields)
			}
			names[fl.Name] = true
			if fl.Kind == model.FieldBox && fl.Rows < 1 {
				t.Fatalf("box with %d rows", fl.Rows)
			}
			controls++
		}
		got := strings.Count(html, "<input ") + strings.Count(html, "<textarea ")
		if got != controls {
			t.Fatalf("%d fields but %d controls in\n%s", controls, got, html)
		}
	})
}
