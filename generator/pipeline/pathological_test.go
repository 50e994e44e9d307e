package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/generator/render"
)

// pathological are small hostile files that once hung the checker or
// took minutes (issue #12): each must now be refused with a message at
// its line, or built, quickly. scripts/pathological.sh times bti check
// on each (seconds and memory); this test checks what they give.
func pathological() map[string]struct {
	file, text, want string // want: the code of the message, or "" for a clean build
} {
	step := "municipalities/test/guides/barnehage/niva-1/02-ny.md"
	sections := "\n## Hva\nTekst.\n\n## Hvordan\nTekst.\n\n## Hvem\nTekst.\n"
	var keys strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&keys, "k%d = %d\n", i, i)
	}
	return map[string]struct{ file, text, want string }{
		"nested-inline-tables": {step, "+++\ntitle = \"Ny\"\nx = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000) + "\n+++\n" + sections, "BTI031"},
		"30-nested-tables":     {step, "+++\ntitle = \"Ny\"\nx = " + strings.Repeat("{a = ", 30) + "1" + strings.Repeat("}", 30) + "\n+++\n" + sections, "BTI035"},
		"100000-keys":          {step, "+++\ntitle = \"Ny\"\n" + keys.String() + "+++\n" + sections, "BTI032"},
		"40000-keys":           {step, "+++\ntitle = \"Ny\"\n" + keys.String()[:strings.Index(keys.String(), "k40000 ")] + "+++\n" + sections, "BTI036"},
		"9000-unknown-keys":    {step, "+++\ntitle = \"Ny\"\n" + keys.String()[:strings.Index(keys.String(), "k9000 ")] + "+++\n" + sections, "BTI004"},
		"20000-headings":       {step, "+++\ntitle = \"Ny\"\n+++\n\n## Hva\n\n" + strings.Repeat("### Samme\n\n", 20000) + "## Hvordan\nTekst.\n\n## Hvem\nTekst.\n", ""},
		"128000-list-markers":  {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat("- ", 128000) + "x\n", "BTI031"},
		"256000-open-links":    {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat("[a](", 256000) + "\n", "BTI031"},
		"10000-open-links":     {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat("[a](\n", 10001), "BTI034"},
		"deep-list": {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + func() string {
			var b strings.Builder
			for i := range 1000 {
				b.WriteString(strings.Repeat("  ", i) + "- a\n")
			}
			return b.String()
		}(), "BTI033"},
		"deep-quotes":            {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat("> ", 5000) + "x\n", "BTI033"},
		"dotted-key":             {step, "+++\ntitle = \"Ny\"\n" + strings.Repeat("a.", 5000) + "b = 1\n+++\n" + sections, "BTI035"},
		"deep-arrays":            {"municipalities/test/levels.toml", "x = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", "BTI031"},
		"3-MB-page":              {"municipalities/test/pages/stor.md", "+++\ntitle = \"Stor\"\n+++\n" + strings.Repeat("Tekst tekst tekst.\n\n", 3<<20/20), "BTI030"},
		"60000-lines":            {"municipalities/test/pages/lang.md", "+++\ntitle = \"Lang\"\n+++\n" + strings.Repeat("a\n", 60000), "BTI032"},
		"many-unknown-keys-toml": {"municipalities/test/guides/barnehage/guide.toml", keys.String(), "BTI036"},
		// Found by a tester after the first round (goldmark's emphasis,
		// HTML and table parsing, the PDF layout of fields and headings).
		"emphasis":          {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat(strings.Repeat("a*", 9999)+"\n", 100), "BTI037"},
		"emphasis-at-limit": {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat(strings.Repeat("a*", 490)+"\n", 20), ""},
		"html-tags":         {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat(strings.Repeat("<a ", 6000)+"\n", 100), "BTI037"},
		"wide-table":        {step, "+++\ntitle = \"Ny\"\n+++\n" + sections + strings.Repeat("|a", 5000) + "|\n" + strings.Repeat("|-", 5000) + "|\n" + strings.Repeat(strings.Repeat("|b", 5000)+"|\n", 190), "BTI037"},
		"form-table-fields": {"municipalities/test/toolbox/skjema.md", "+++\ntitle = \"Skjema\"\nkind = \"form\"\n+++\n\n|" + strings.Repeat(" |", 6600) + "\n|" + strings.Repeat("-|", 6600) + "\n" + strings.Repeat("|"+strings.Repeat(" |", 6600)+"\n", 100), "BTI037"},
		"form-line-fields":  {"municipalities/test/toolbox/skjema.md", "+++\ntitle = \"Skjema\"\nkind = \"form\"\n+++\n\n" + strings.Repeat(strings.Repeat("Navn: ___ ", 1900)+"\n\n", 100), "BTI037"},
		"form-3000-fields":  {"municipalities/test/toolbox/skjema.md", "+++\ntitle = \"Skjema\"\nkind = \"form\"\n+++\n\n" + strings.Repeat("Navn: ___\n\n", 3000), ""},
		"49000-headings":    {step, "+++\ntitle = \"Ny\"\n+++\n\n## Hva\n\n" + strings.Repeat("### Samme\n", 49000) + "## Hvordan\nTekst.\n\n## Hvem\nTekst.\n", ""},
	}
}

func TestPathologicalInputs(t *testing.T) {
	out := os.Getenv("BTI_PATHO_OUT") // scripts/pathological.sh writes the projects there
	for name, c := range pathological() {
		t.Run(name, func(t *testing.T) {
			fsys := project(t, nil)
			fsys[c.file] = &fstest.MapFile{Data: []byte(c.text)}
			if out != "" {
				for p, f := range fsys {
					dst := filepath.Join(out, name, filepath.FromSlash(p))
					os.MkdirAll(filepath.Dir(dst), 0o755)
					if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			site, l := Load(fsys, nil)
			ds := l.Sorted()
			if c.want == "" {
				if l.Errors() > 0 {
					t.Fatalf("want a clean build, got %v", ds)
				}
				// HTML and every PDF: the layout must stay linear too.
				if _, err := Render(fsys, site, render.Options{PDF: true}); err != nil {
					t.Fatal(err)
				}
				return
			}
			found := false
			for _, d := range ds {
				if string(d.Code) == c.want && d.Pos.File == c.file {
					found = true
				}
			}
			if !found || l.Errors() == 0 {
				t.Fatalf("want %s at %s, got %d messages: %.2000v", c.want, c.file, len(ds), ds)
			}
			if len(ds) > 120 {
				t.Errorf("%d messages: a file's messages are capped", len(ds))
			}
		})
	}
}
