package pipeline

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/bti-handbook/bti/generator/linkcheck"
	"github.com/bti-handbook/bti/generator/pdf"
	"github.com/bti-handbook/bti/generator/render"
)

// fuzzFiles are the files of the base project that FuzzLoad replaces with
// the pieces of its input.
var fuzzFiles = []string{
	"municipalities/test/guides/barnehage/niva-1/01-tiltak.md",
	"municipalities/test/municipality.toml",
	"municipalities/test/toolbox/skjema.md",
	"municipalities/test/pages/om.md",
	"municipalities/test/guides/barnehage/guide.toml",
	"municipalities/test/guides/barnehage/niva-0/_index.md",
}

// checkBuild loads fsys and, when it has no errors, renders it: it must not
// panic, every diagnostic must name a file or folder of the project, and a
// site without errors must render with no broken link.
func checkBuild(t *testing.T, fsys fstest.MapFS) {
	site, l := Load(fsys, nil)
	for _, d := range l.Sorted() {
		msg, _ := d.Message("nn") // every text of every code must fill in
		if d.Pos.File == "" || msg == "" {
			t.Fatalf("diagnostic without file or message: %+v", d)
		}
	}
	if l.Errors() > 0 {
		return
	}
	tree, err := Render(fsys, site, render.Options{NoMinify: true})
	if err != nil {
		t.Fatalf("a site without errors failed to render: %v", err)
	}
	if probs := linkcheck.Check(tree, Bases(site)); len(probs) > 0 {
		t.Fatalf("a site without errors has broken links: %v", probs)
	}
	// The fuzzed toolbox document, when it can be printed, makes a PDF
	// that a PDF reader can read back.
	for _, m := range site.Municipalities {
		for _, tool := range m.Toolbox {
			if tool.File != "municipalities/test/toolbox/skjema.md" || tool.PDF == "" {
				continue
			}
			data, err := pdf.Tool(m, tool, nil, pdf.Options{})
			if err != nil {
				t.Fatalf("a printable document failed to make a PDF: %v", err)
			}
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationRelaxed
			if _, err := pdfcpu.Read(bytes.NewReader(data), conf); err != nil {
				t.Fatalf("the PDF does not read back: %v", err)
			}
		}
	}
}

// FuzzLoad runs the whole pipeline on the base project with up to six of
// its files replaced by pieces of the input (separated by NUL bytes).
func FuzzLoad(f *testing.F) {
	base := project(f, nil)
	for _, name := range fuzzFiles {
		if mf, ok := base[name]; ok {
			f.Add(mf.Data)
		}
	}
	f.Add([]byte("+++\ntitle = \"x\"\ntools = [\"samtykkeskjema\"]\n+++\n## Hva\n[a](../niva-0/01-undring.md#hva)\n## Hvordan\n## Hvem\n\x00name = \"x\"\nstyle = \"vardo\"\nlanguage = \"nn\"\nbase_url = \"https://x.example.no/\"\n\x00+++\ntitle = \"S\"\nkind = \"form\"\n+++\nNavn: ___\n- [ ] ja\n| a | b |\n|--|--|\n| | |\n"))
	f.Add([]byte("\x00\x00\x00+++\ntitle = \"Om\"\naliases = [\"/gammel/\"]\n+++\n[x](om.md) ![b](../assets/x.png)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := project(t, nil)
		for i, piece := range bytes.SplitN(data, []byte{0}, len(fuzzFiles)) {
			fsys[fuzzFiles[i]] = &fstest.MapFile{Data: piece}
		}
		checkBuild(t, fsys)
	})
}

// FuzzLinkResolution puts an arbitrary link destination into a step: the
// checker either reports it or it renders to a page, file or anchor that
// exists.
func FuzzLinkResolution(f *testing.F) {
	for _, s := range []string{
		"../niva-0/01-undring.md", "../niva-0/01-undring.md#hva", "#hvem", "../../../toolbox/samtykkeskjema.md",
		"../../../pages/om-bti.md#x", "/verktoykasse/", "/", "https://example.no/", "mailto:a@example.no",
		"tel:112", "javascript:alert(1)", "../../../../../etc/passwd", "../niva-0/", "../", "%2e%2e/x.md",
		"../niva-0/01-undring.md?x=1", "//evil.example/", "data:text/html,x", "01-tiltak.md", "../../guide.toml",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if strings.ContainsAny(dest, "\n\r") {
			return
		}
		fsys := project(t, nil)
		fsys["municipalities/test/guides/barnehage/niva-1/01-tiltak.md"] = &fstest.MapFile{Data: []byte(
			"+++\ntitle = \"Tiltak\"\n+++\n## Hva\n[lenke](<" + strings.ReplaceAll(dest, ">", "%3E") + ">) og ![bilde](<" + strings.ReplaceAll(dest, ">", "%3E") + ">)\n## Hvordan\nb\n## Hvem\nc\n")}
		checkBuild(t, fsys)
	})
}
