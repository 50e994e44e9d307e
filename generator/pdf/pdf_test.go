package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	pmodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

var today = Options{Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}

func readConf() *pmodel.Configuration {
	conf := pmodel.NewDefaultConfiguration()
	conf.ValidationMode = pmodel.ValidationRelaxed
	return conf
}

// samples loads the shipped municipalities.
func samples(t testing.TB) []*model.Municipality {
	t.Helper()
	var l diag.List
	site := load.Load(content.Overlay(os.DirFS("../..")), nil, &l)
	check.Check(site, &l)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	// The samples hide their commit messages; the tests give them
	// histories whose messages should show, as a coordinator's would.
	for _, m := range site.Municipalities {
		m.HideChangeMessages = false
	}
	return site.Municipalities
}

// municipality loads a one-municipality project from files (with the real
// national content).
func municipality(t *testing.T, files map[string]string) *model.Municipality {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	var l diag.List
	site := load.Load(content.Overlay(fsys), nil, &l)
	check.Check(site, &l)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	return site.Municipalities[0]
}

const miniToml = `name = "Guovdageainnu suohkan"
style = "vardo"
language = "nb"
base_url = "https://bti.example.no/gs/"
accessibility_statement = "https://uustatus.no/x"
`

const miniForm = `+++
title = "Skjema for samtale – Čálit"
kind = "form"
+++

Fyll ut skjemaet. Sámegillii: á č đ ŋ š ŧ ž, og æøå ÆØÅ.

Barnets navn: ___
Dato: ___ Sted: ___

## Hva er bekymringen?

___
___
___

- [ ] Foreldrene er informert
- [ ] Samtykke er gitt

| Tiltak | Ansvarlig | Frist |
|---|---|---|
| Språk | | |
| | | |
`

// miniTool loads the small test form and returns it with its municipality.
func miniTool(t *testing.T) (*model.Municipality, *model.Tool) {
	t.Helper()
	m := municipality(t, map[string]string{"municipalities/gs/municipality.toml": miniToml, "municipalities/gs/toolbox/samtale.md": miniForm})
	for _, tl := range m.Toolbox {
		if tl.Slug == "samtale" {
			return m, tl
		}
	}
	t.Fatal("no test form")
	return nil, nil
}

// TestFieldsMatchTheMarkdown: every form of both samples has exactly the
// fields its Markdown declares, of the right kinds.
func TestFieldsMatchTheMarkdown(t *testing.T) {
	forms := 0
	for _, m := range samples(t) {
		for _, tl := range m.Toolbox {
			if tl.Kind != model.KindForm {
				continue
			}
			forms++
			data, err := Tool(m, tl, nil, today)
			if err != nil {
				t.Fatalf("%s: %v", tl.Slug, err)
			}
			fields, err := api.FormFields(bytes.NewReader(data), readConf())
			if err != nil {
				t.Fatalf("%s: %v", tl.Slug, err)
			}
			wantText, wantCheck := 0, 0
			for _, f := range tl.Body.Fields {
				if f.Kind == model.FieldCheckbox {
					wantCheck++
				} else {
					wantText++
				}
			}
			gotText, gotCheck := 0, 0
			for _, f := range fields {
				switch f.Typ.String() {
				case "Textfield":
					gotText++
				case "CheckBox":
					gotCheck++
				default:
					t.Errorf("%s: field %q of kind %s", tl.Slug, f.Name, f.Typ)
				}
			}
			if gotText != wantText || gotCheck != wantCheck {
				t.Errorf("%s: %d text fields and %d checkboxes, the Markdown declares %d and %d", tl.Slug, gotText, gotCheck, wantText, wantCheck)
			}
		}
	}
	if forms < 12 {
		t.Errorf("only %d forms", forms)
	}
}

// layoutFields lays a form out as Tool does and returns its fields.
func layoutFields(t *testing.T, m *model.Municipality, tool *model.Tool) []Field {
	t.Helper()
	c, err := newCanvas()
	if err != nil {
		t.Fatal(err)
	}
	w := newWriter(c, m.Language, m.Name, newFooter(today.words(m, m.Language), today.Today, pageURL(m, tool.URL()), true))
	w.page()
	w.title(tool.Title, 1)
	if tool.Summary != "" {
		w.para([]Span{{Text: tool.Summary}}, 11, 5.6)
		w.y += 3
	}
	w.blocks(Blocks(tool.Body, nil), true)
	var out []Field
	for _, a := range c.annots {
		if a.field != nil {
			f := *a.field
			f.Page = a.page
			out = append(out, f)
		}
	}
	return out
}

// TestFieldLayoutGolden pins where the fields of a small form go.
func TestFieldLayoutGolden(t *testing.T) {
	m, tool := miniTool(t)
	var b strings.Builder
	for _, f := range layoutFields(t, m, tool) {
		fmt.Fprintf(&b, "p%d %-9s %-34q x=%5.1f y=%5.1f w=%5.1f h=%4.1f\n", f.Page, [...]string{"text", "multiline", "checkbox"}[f.Kind], f.Name, f.X, f.Y, f.W, f.H)
	}
	golden := filepath.Join("testdata", "fields.golden")
	if *update {
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if b.String() != string(want) {
		t.Errorf("field layout differs from %s (go test -update to accept):\n%s", golden, b.String())
	}
}

// poppler returns the path of a poppler tool, or skips (fails when
// BTI_REQUIRE_BROWSER=1, as in CI, which installs poppler-utils).
func poppler(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("BTI_REQUIRE_BROWSER") == "1" {
			t.Fatalf("%s is missing: install poppler-utils", name)
		}
		t.Skipf("%s is missing (apt-get install poppler-utils)", name)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(poppler(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// TestFormReadBack reads a form back with poppler: A4, fonts embedded as
// subsets, every Norwegian and Sámi letter extractable, page numbering.
func TestFormReadBack(t *testing.T) {
	m, tool := miniTool(t)
	data, err := Tool(m, tool, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(file, data, 0o644)
	info := run(t, "pdfinfo", file)
	for _, want := range []string{"595.28 x 841.89 pts (A4)", "Form:            AcroForm", "Title:           Skjema for samtale – Čálit"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := run(t, "pdffonts", file)
	for _, line := range strings.Split(fonts, "\n")[2:] {
		if strings.Contains(line, "NotoSans") && !strings.Contains(line, "yes yes yes") {
			t.Errorf("font not embedded as a subset with a Unicode map: %s", line)
		}
	}
	text := run(t, "pdftotext", "-enc", "UTF-8", file, "-")
	for _, want := range []string{"á č đ ŋ š ŧ ž", "æøå ÆØÅ", "Barnets navn", "Side 1 av 1", "Oppdatert 27.11.2026", "bti.example.no/gs/verktoykasse/samtale"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, text)
		}
	}
}

// TestFillShowsTheValue fills the form's fields programmatically (pdfcpu
// form fill, with Sámi letters) and renders the page: the value is drawn
// on the line, and the checkbox is ticked.
func TestFillShowsTheValue(t *testing.T) {
	poppler(t, "pdftoppm")
	m, tool := miniTool(t)
	data, err := Tool(m, tool, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	// pdfcpu fills with a font from its configuration folder: a temporary one.
	if err := api.EnsureDefaultConfigAt(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	conf := readConf()
	fg, err := api.ExportForm(bytes.NewReader(data), "f.pdf", conf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fg.Forms {
		for _, tf := range fg.Forms[i].TextFields {
			if tf.Name == "Barnets navn" {
				tf.Value = "Čáhppes Ŋđšŧž Ærøå"
			}
		}
		for _, cb := range fg.Forms[i].CheckBoxes {
			if cb.Name == "Foreldrene er informert" {
				cb.Value = true
			}
		}
	}
	var js bytes.Buffer
	if err := jsonEncode(&js, fg); err != nil {
		t.Fatal(err)
	}
	var filled bytes.Buffer
	if err := api.FillForm(bytes.NewReader(data), &js, &filled, conf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if out := os.Getenv("BTI_PDF_OUT"); out != "" {
		dir = out // keep the pages to look at
	}
	blank, full := render(t, dir, "blank", data), render(t, dir, "filled", filled.Bytes())
	// The field of "Barnets navn" and the first checkbox, from the layout.
	for _, f := range layoutFields(t, m, tool) {
		if f.Name != "Barnets navn" && f.Name != "Foreldrene er informert" {
			continue
		}
		b, a := dark(blank, f), dark(full, f)
		if a <= b+10 {
			t.Errorf("field %q: %d dark pixels blank, %d filled: the value is not drawn", f.Name, b, a)
		}
	}
}

// render turns page 1 of a PDF into an image with pdftoppm.
func render(t *testing.T, dir, name string, pdf []byte) image.Image {
	t.Helper()
	file := filepath.Join(dir, name+".pdf")
	os.WriteFile(file, pdf, 0o644)
	run(t, "pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile", file, filepath.Join(dir, name))
	f, err := os.Open(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// dark counts the dark pixels inside a field (100 dpi), leaving out its
// edges where the drawn line is.
func dark(img image.Image, f Field) int {
	px := func(mm float64) int { return int(mm / 25.4 * 100) }
	n := 0
	for y := px(f.Y) + 1; y < px(f.Y+f.H)-2; y++ {
		for x := px(f.X) + 2; x < px(f.X+f.W)-2; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r+g+b < 3*0x8000 {
				n++
			}
		}
	}
	return n
}

// TestBinder: the binder of the Lillestrøm sample has its cover, contents,
// a divider per level, every document, an outline mirroring the contents,
// page numbers on every page but the cover, and its metadata.
func TestBinder(t *testing.T) {
	var m *model.Municipality
	for _, x := range samples(t) {
		if x.Slug == "lillestrom" {
			m = x
		}
	}
	data, err := Binder(m, today)
	if err != nil {
		t.Fatal(err)
	}
	bms, err := api.Bookmarks(bytes.NewReader(data), readConf())
	if err != nil {
		t.Fatal(err)
	}
	// The outline mirrors the contents: documents nested under their level.
	var titles []string
	var walk func(bs []pdfcpu.Bookmark, parent string)
	walk = func(bs []pdfcpu.Bookmark, parent string) {
		for _, b := range bs {
			titles = append(titles, b.Title)
			if b.Title == "Tiltaksplan" && !strings.HasPrefix(parent, "Nivå 1") {
				t.Errorf("Tiltaksplan is under %q, not under level 1", parent)
			}
			walk(b.Kids, b.Title)
		}
	}
	walk(bms, "")
	all := strings.Join(titles, "\n")
	levels, other := binderSections(m)
	docs := len(other)
	for _, l := range levels {
		docs += len(l)
	}
	for _, want := range []string{"Forside", "Innhold", "Nivå 0 – Undring og bekymring", "Nivå 3 – Utvidet samarbeid", "Tiltaksplan", "Samtykkeskjema"} {
		if !strings.Contains(all, want) {
			t.Errorf("no bookmark %q in:\n%s", want, all)
		}
	}
	if len(titles) < docs+4 {
		t.Errorf("%d bookmarks for %d documents", len(titles), docs)
	}
	file := filepath.Join(t.TempDir(), "perm.pdf")
	os.WriteFile(file, data, 0o644)
	info := run(t, "pdfinfo", file)
	if !strings.Contains(info, "Title:           Verktøykasse – Lillestrøm kommune") {
		t.Errorf("metadata:\n%s", info)
	}
	pages := 0
	fmt.Sscanf(info[strings.Index(info, "Pages:")+6:], "%d", &pages)
	cover := run(t, "pdftotext", "-f", "1", "-l", "1", file, "-")
	if strings.Contains(cover, "Side 1") {
		t.Error("the cover has a page number")
	}
	last := run(t, "pdftotext", "-f", fmt.Sprint(pages), "-l", fmt.Sprint(pages), file, "-")
	if !strings.Contains(last, fmt.Sprintf("Side %d av %d", pages, pages)) {
		t.Errorf("the last page lacks \"Side %d av %d\":\n%s", pages, pages, last)
	}
	contents := run(t, "pdftotext", "-layout", "-f", "2", "-l", "2", file, "-")
	if !strings.Contains(contents, "Innhold") || !strings.Contains(contents, "Tiltaksplan") {
		t.Errorf("contents page:\n%s", contents)
	}
}

// TestLogoInHeader: a PNG logo is drawn in the header of every page.
func TestLogoInHeader(t *testing.T) {
	m, tool := miniTool(t)
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	var logo bytes.Buffer
	png.Encode(&logo, img)
	opts := today
	opts.Logo = logo.Bytes()
	data, err := Tool(m, tool, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	os.WriteFile(file, data, 0o644)
	list := run(t, "pdfimages", "-list", file)
	if strings.Count(list, "\n") < 3 {
		t.Errorf("no image in the PDF:\n%s", list)
	}
}
