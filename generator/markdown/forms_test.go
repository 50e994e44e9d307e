package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
)

func fieldsOf(t *testing.T, md string) ([]model.Field, string) {
	t.Helper()
	var l diag.List
	doc := Parse("f.md", []byte(md), true, &l)
	html, err := NewRenderer().RenderString(doc.Source, doc.Root, nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Fields, html
}

func describe(fs []model.Field) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %q rows=%d line=%d\n", f.Kind, f.Name, f.Rows, f.Pos.Line)
	}
	return b.String()
}

func TestFormFields(t *testing.T) {
	cases := []struct {
		name, md, want string
	}{
		{"one line", "Barnets navn: ___\n", "text \"Barnets navn\" rows=1 line=1\n"},
		{"two lines in a paragraph", "Intro text.\nNavn: ___\nDato: _____\n",
			"text \"Navn\" rows=1 line=2\ntext \"Dato\" rows=1 line=3\n"},
		{"two on one line", "Dato: ___ Sted: ___\n", "text \"Dato\" rows=1 line=1\ntext \"Sted\" rows=1 line=1\n"},
		{"box", "## Beskriv bekymringen\n\n___\n___\n___\n", "box \"Beskriv bekymringen\" rows=3 line=3\n"},
		{"box after paragraph", "Hva ønsker foreldrene?\n___\n___\n", "box \"Hva ønsker foreldrene?\" rows=2 line=2\n"},
		{"checkboxes", "- [ ] Foreldrene er informert\n- [x] Samtykke er gitt\n",
			"checkbox \"Foreldrene er informert\" rows=1 line=1\ncheckbox \"Samtykke er gitt\" rows=1 line=2\n"},
		{"table", "| Tiltak | Ansvarlig |\n|---|---|\n| Språk | |\n| | |\n",
			"cell \"Språk: Ansvarlig\" rows=1 line=3\ncell \"Tiltak, rad 2\" rows=1 line=4\ncell \"Ansvarlig, rad 2\" rows=1 line=4\n"},
		{"same label twice", "Dato: ___\n\nDato: ___\n", "text \"Dato\" rows=1 line=1\ntext \"Dato (2)\" rows=1 line=3\n"},
		{"not a field", "Two__ underscores and \\___ escaped\n", ""},
		{"emphasis is kept in the label", "**Navn:** ___\n", "text \"Navn\" rows=1 line=1\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs, html := fieldsOf(t, tc.md)
			if got := describe(fs); got != tc.want {
				t.Errorf("fields:\n%s\nwant:\n%s\nhtml: %s", got, tc.want, html)
			}
		})
	}
}

func TestFormFieldHTML(t *testing.T) {
	_, html := fieldsOf(t, "Barnets navn: ___\n\n- [ ] Foreldrene er informert\n\n## Bekymring\n\n___\n___\n")
	for _, want := range []string{
		`<label for="felt-barnets-navn">Barnets navn:</label> <input type="text" id="felt-barnets-navn" name="Barnets navn"`,
		`<input type="checkbox" id="felt-foreldrene-er-informert" name="Foreldrene er informert"> <label for="felt-foreldrene-er-informert">Foreldrene er informert</label>`,
		`<textarea id="felt-bekymring" name="Bekymring" rows="2" aria-label="Bekymring"></textarea>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestUnderscoreLineIsRuleOutsideForms(t *testing.T) {
	var l diag.List
	doc := Parse("a.md", []byte("Tekst\n\n___\n"), false, &l)
	html, _ := NewRenderer().RenderString(doc.Source, doc.Root, nil)
	if !strings.Contains(html, "<hr>") || len(doc.Fields) != 0 {
		t.Errorf("want a rule and no fields, got %q, %v", html, doc.Fields)
	}
}

func TestCodeIsHighlightedWithClasses(t *testing.T) {
	var l diag.List
	doc := Parse("a.md", []byte("```toml\ntitle = \"Samtale\"\n```\n\n    plain <b>\n"), false, &l)
	html, _ := NewRenderer().RenderString(doc.Source, doc.Root, nil)
	if !strings.Contains(html, `class="hl-`) || strings.Contains(html, "style=") {
		t.Errorf("want highlighting by class only, got %s", html)
	}
	if !strings.Contains(html, "plain &lt;b&gt;") {
		t.Errorf("plain code is not escaped: %s", html)
	}
	if !strings.Contains(CodeCSS(), ".hl-") {
		t.Error("no CSS for the classes")
	}
}
