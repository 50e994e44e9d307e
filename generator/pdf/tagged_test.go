package pdf

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/scaffold"
	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// samplePDFs are every PDF of both samples, by "<slug>/<path>".
var samplePDFs = sync.OnceValues(func() (map[string][]byte, error) {
	var l diag.List
	site := load.Load(content.Overlay(os.DirFS("../..")), nil, &l)
	check.Check(site, &l)
	if l.Errors() > 0 {
		return nil, errorList(&l)
	}
	return allPDFs(site.Municipalities)
})

// newPDFs are every PDF of municipalities as `bti new` starts them: Vardø
// style in bokmål, Lillestrøm style in nynorsk.
var newPDFs = sync.OnceValues(func() (map[string][]byte, error) {
	ms, err := newMunicipalities()
	if err != nil {
		return nil, err
	}
	return allPDFs(ms)
})

// newMunicipalities are the municipalities of newPDFs.
var newMunicipalities = sync.OnceValues(func() ([]*model.Municipality, error) {
	fsys := fstest.MapFS{}
	for _, o := range []scaffold.Options{{Slug: "x", Style: model.StyleVardo}, {Slug: "y", Style: model.StyleLillestrom, Language: "nn"}} {
		files, err := scaffold.Files(o)
		if err != nil {
			return nil, err
		}
		for p, data := range files {
			fsys[p] = &fstest.MapFile{Data: data}
		}
	}
	var l diag.List
	site := load.Load(content.Overlay(fsys), nil, &l)
	check.Check(site, &l)
	if l.Errors() > 0 {
		return nil, errorList(&l)
	}
	return site.Municipalities, nil
})

// errorList is the diagnostics of l as an error.
func errorList(l *diag.List) error {
	var out []string
	for _, d := range l.Sorted() {
		out = append(out, d.String())
	}
	return errors.New(strings.Join(out, "\n"))
}

func allPDFs(ms []*model.Municipality) (map[string][]byte, error) {
	out := map[string][]byte{}
	opts := today
	opts.History = testHistory(ms) // so that the change notices are made and checked too
	for _, m := range ms {
		tree, err := Municipality(m, opts)
		if err != nil {
			return nil, err
		}
		for p, data := range tree {
			out[m.Slug+"/"+p] = data
		}
	}
	return out, nil
}

func sortedNames(pdfs map[string][]byte) []string {
	var names []string
	for n := range pdfs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func loadPDFs(t *testing.T, which func() (map[string][]byte, error)) map[string][]byte {
	t.Helper()
	pdfs, err := which()
	if err != nil {
		t.Fatal(err)
	}
	return pdfs
}

// TestTaggedPDFs: every PDF of both samples and of new municipalities
// keeps the rules of a tagged PDF (internal/pdfcheck), and poppler says
// so too.
func TestTaggedPDFs(t *testing.T) {
	sets := map[string]map[string][]byte{"samples": loadPDFs(t, samplePDFs), "bti new": loadPDFs(t, newPDFs)}
	for set, pdfs := range sets {
		if len(pdfs) < 20 && set == "samples" || len(pdfs) < 10 {
			t.Fatalf("%s: only %d PDFs", set, len(pdfs))
		}
		for _, name := range sortedNames(pdfs) {
			doc, err := pdfcheck.Check(pdfs[name])
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for _, p := range doc.Problems {
				t.Errorf("%s: %s", name, p)
			}
		}
	}
	pdfinfo := lookTool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	for set, pdfs := range sets {
		for _, name := range sortedNames(pdfs) {
			file := filepath.Join(dir, strings.ReplaceAll(set+"-"+name, "/", "_"))
			os.WriteFile(file, pdfs[name], 0o644)
			out, err := exec.Command(pdfinfo, file).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "Tagged:          yes") {
				t.Errorf("%s: pdfinfo does not say \"Tagged: yes\" (%v):\n%s", name, err, out)
			}
		}
	}
}

// TestValidPDFs: pdfcpu's validation in strict mode and qpdf --check find
// nothing wrong with any PDF of the samples or of new municipalities.
func TestValidPDFs(t *testing.T) {
	pdfs := loadPDFs(t, samplePDFs)
	for n, data := range loadPDFs(t, newPDFs) {
		pdfs["new/"+n] = data
	}
	conf := pmodel.NewDefaultConfiguration()
	conf.ValidationMode = pmodel.ValidationStrict
	for _, name := range sortedNames(pdfs) {
		if err := api.Validate(bytes.NewReader(pdfs[name]), conf); err != nil {
			t.Errorf("%s: pdfcpu validate (strict): %v", name, err)
		}
	}
	qpdf := lookTool(t, "qpdf", "qpdf")
	dir := t.TempDir()
	for _, name := range sortedNames(pdfs) {
		file := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		os.WriteFile(file, pdfs[name], 0o644)
		out, err := exec.Command(qpdf, "--check", file).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") || strings.Contains(string(out), "WARNING") {
			t.Errorf("%s: qpdf --check (%v):\n%s", name, err, out)
		}
	}
}

// lookTool returns the path of a command-line tool, or skips (fails when
// BTI_REQUIRE_BROWSER=1, as in CI, which installs them).
func lookTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("BTI_REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s is missing: install %s", name, pkg)
		}
		t.Skipf("%s is missing (apt-get install %s)", name, pkg)
	}
	return p
}

// TestStructureMirrorsTheMarkdown: the structure tree of a form has an
// element for each part of its Markdown, in its order, and the footer
// (the QR code, the address, the date) after the body.
func TestStructureMirrorsTheMarkdown(t *testing.T) {
	form := "+++\ntitle = \"Skjema\"\nkind = \"form\"\n+++\n\n" +
		"## Om barnet\n\nFyll ut **alt**, se [nettsiden](https://example.no/).\n\n" +
		"> Sitat en\n>\n> Sitat to\n\n" +
		"- Punkt\n  1. Under\n- Punkt to\n\nKryss av:\n\n- [ ] Sjekk\n\n" +
		"### Navn\n\nNavn: ___\n\n| Tema | Svar |\n|---|---|\n| Språk | |\n\n---\n\nSlutt.\n"
	m := municipality(t, map[string]string{"municipalities/gs/municipality.toml": miniToml, "municipalities/gs/toolbox/skjema.md": form})
	var tool *model.Tool
	for _, tl := range m.Toolbox {
		if tl.Slug == "skjema" {
			tool = tl
		}
	}
	data, err := Tool(m, tool, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Problems) > 0 {
		t.Fatal(doc.Problems)
	}
	var b strings.Builder
	var dump func(e *pdfcheck.Elem, depth int)
	dump = func(e *pdfcheck.Elem, depth int) {
		b.WriteString(strings.Repeat("  ", depth) + e.Tag)
		for _, k := range e.Kids {
			if k.Annot != nil {
				b.WriteString(" [" + k.Annot.Subtype + "]")
			}
		}
		if e.Attrs["Scope"] != "" {
			b.WriteString(" scope=" + e.Attrs["Scope"])
		}
		if own := ownText(e); own != "" {
			b.WriteString(" " + strconvQuote(own))
		}
		b.WriteString("\n")
		for _, k := range e.Kids {
			if k.Elem != nil {
				dump(k.Elem, depth+1)
			}
		}
	}
	dump(doc.Root, 0)
	want := `Document
  H1 "Skjema"
  H2 "Om barnet"
  P "Fyll ut alt, se ."
    Link [Link] "nettsiden"
  BlockQuote
    P "Sitat en"
    P "Sitat to"
  L
    LI
      Lbl "•"
      LBody "Punkt"
        L
          LI
            Lbl "1."
            LBody "Under"
    LI
      Lbl "•"
      LBody "Punkt to"
  P "Kryss av:"
  L
    LI
      Lbl
        Form [Widget]
      LBody "Sjekk"
  H3 "Navn"
  P "Navn:"
    Form [Widget]
  Table
    THead
      TR
        TH scope=Column "Tema"
        TH scope=Column "Svar"
    TBody
      TR
        TH scope=Row "Språk"
        TD
          Form [Widget]
  P "Slutt."
  Figure
  P "Skann koden eller gå til"
    Link [Link] "bti.example.no/gs/verktoykasse/skjema"
  P "Oppdatert 27.11.2026"
`
	if b.String() != want {
		t.Errorf("structure tree:\n%s\nwant:\n%s", b.String(), want)
	}
}

// ownText is the text of e's own marked content, without its children's.
func ownText(e *pdfcheck.Elem) string {
	var s strings.Builder
	for _, k := range e.Kids {
		if k.MC != nil {
			s.WriteString(k.MC.Text)
		}
	}
	return strings.Join(strings.Fields(s.String()), " ")
}

func strconvQuote(s string) string { return `"` + s + `"` }
