package pdf

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/internal/pdfcheck"
)

func lillestromSample(t *testing.T) *model.Municipality {
	t.Helper()
	for _, m := range samples(t) {
		if m.Slug == "lillestrom" {
			return m
		}
	}
	t.Fatal("no lillestrom sample")
	return nil
}

// TestBinderContentsAreLinks: each line of the binder's contents is a
// link to the page it names, where that section or document begins.
func TestBinderContentsAreLinks(t *testing.T) {
	data := loadPDFs(t, samplePDFs)["lillestrom/pdf/perm.pdf"]
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	starts := map[int]string{} // page -> the heading that begins on it
	for _, e := range doc.Elems() {
		if e.Tag == "H2" || e.Tag == "H3" {
			if p, _ := e.Pages(); starts[p] == "" {
				starts[p] = strings.TrimSpace(e.Text())
			}
		}
	}
	links := 0
	for _, e := range doc.Elems() {
		if e.Tag != "Link" || e.Parent.Tag != "TOCI" {
			continue
		}
		links++
		text := strings.Fields(e.Text())
		if len(text) < 2 {
			t.Errorf("contents line %q has no page number", e.Text())
			continue
		}
		page, _ := strconv.Atoi(text[len(text)-1])
		title := strings.Join(text[:len(text)-1], " ")
		var dest int
		for _, k := range e.Kids {
			if k.Annot != nil {
				dest = k.Annot.Dest
			}
		}
		if dest != page || starts[page] != title {
			t.Errorf("contents line %q links to page %d, which begins with %q", e.Text(), dest, starts[dest])
		}
	}
	levels, other := binderSections(lillestromSample(t))
	want := 0
	for _, l := range append(levels[:], other) {
		if len(l) > 0 {
			want += len(l) + 1
		}
	}
	if links != want {
		t.Errorf("%d links in the contents, want %d", links, want)
	}
}

// TestBinderFooters: every page of a document in the binder has that
// document's own address in its footer; the contents and dividers have
// the toolbox's.
func TestBinderFooters(t *testing.T) {
	m := lillestromSample(t)
	data := loadPDFs(t, samplePDFs)["lillestrom/pdf/perm.pdf"]
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "perm.pdf")
	os.WriteFile(file, data, 0o644)
	text := run(t, "pdftotext", "-enc", "UTF-8", file, "-")
	pages := strings.Split(text, "\f")
	byTitle := map[string]*model.Tool{}
	for _, tool := range m.Toolbox {
		byTitle[tool.Title] = tool
	}
	owner := make([]string, doc.Pages+1) // the short address each page should show
	for i := 2; i <= doc.Pages; i++ {
		owner[i] = shortURL(pageURL(m, model.URLToolbox))
	}
	docs := 0
	for _, e := range doc.Elems() {
		if e.Tag != "Sect" || e.Parent.Tag != "Sect" {
			continue
		}
		docs++
		first, last := e.Pages()
		var title string
		for _, k := range e.Kids {
			if k.Elem != nil && k.Elem.Tag == "H3" {
				title = strings.TrimSpace(k.Elem.Text())
				break
			}
		}
		tool := byTitle[title]
		if tool == nil {
			t.Fatalf("no document %q", title)
		}
		for p := first; p <= last; p++ {
			owner[p] = shortURL(pageURL(m, tool.URL()))
		}
	}
	for p := 2; p <= doc.Pages; p++ {
		if !strings.Contains(pages[p-1], owner[p]) {
			t.Errorf("page %d lacks %s in its footer", p, owner[p])
		}
	}
	if docs < 15 {
		t.Errorf("only %d documents in the binder", docs)
	}
}

// TestBinderTabs renders every page of the binder: nothing is printed
// within 4.5 mm of the left or right edge of the paper (printers cannot
// reach it) but the cover's band, and each page of a level's section has
// its coloured tab at the outer edge of a double-sided print: the right
// on odd pages, the left on even ones.
func TestBinderTabs(t *testing.T) {
	pdftoppm := lookTool(t, "pdftoppm", "poppler-utils")
	data := loadPDFs(t, samplePDFs)["lillestrom/pdf/perm.pdf"]
	doc, err := pdfcheck.Check(data)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "perm.pdf")
	os.WriteFile(file, data, 0o644)
	const dpi = 50.0
	if out, err := exec.Command(pdftoppm, "-r", "50", "-png", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	// The pages of the level sections: from each level's divider to the
	// next section.
	inSection := map[int]bool{}
	for _, e := range doc.Elems() {
		if e.Tag == "Sect" && e.Parent.Tag == "Document" && strings.HasPrefix(firstHeading(e), "Nivå") {
			first, last := e.Pages()
			for p := first; p <= last; p++ {
				inSection[p] = true
			}
		}
	}
	width := len(strconv.Itoa(doc.Pages))
	tabs := 0
	for p := 1; p <= doc.Pages; p++ {
		name := filepath.Join(dir, "p-"+pad(p, width)+".png")
		img := readPNG(t, name)
		b := img.Bounds()
		coloured := func(x0, x1, y0, y1 int) bool {
			for y := y0; y < y1; y++ {
				for x := x0; x < x1; x++ {
					r, g, bl, _ := img.At(x, y).RGBA()
					if r < 0xE000 || g < 0xE000 || bl < 0xE000 {
						return true
					}
				}
			}
			return false
		}
		top := 0
		if p == 1 {
			top = px(111) // the cover's band runs to the edges
		}
		if coloured(0, px(4.5), top, b.Dy()) || coloured(b.Dx()-px(4.5), b.Dx(), top, b.Dy()) {
			t.Errorf("page %d has ink within 4.5 mm of its left or right edge", p)
		}
		outer, inner := [2]int{b.Dx() - px(14), b.Dx() - px(5.5)}, [2]int{px(5.5), px(14)}
		if p%2 == 0 {
			outer, inner = inner, outer
		}
		hasOuter := coloured(outer[0], outer[1], px(40), px(260))
		hasInner := coloured(inner[0], inner[1], px(40), px(260))
		switch {
		case p == 1 && !hasOuter:
			t.Error("the cover has no index of tabs on its right edge")
		case inSection[p] && (!hasOuter || hasInner):
			t.Errorf("page %d: a tab on the outer edge: %v, on the inner edge: %v", p, hasOuter, hasInner)
		case !inSection[p] && p > 1 && (hasOuter || hasInner):
			t.Errorf("page %d is in no level's section, yet has a tab", p)
		}
		if inSection[p] {
			tabs++
		}
	}
	if tabs < 20 {
		t.Errorf("only %d pages with tabs", tabs)
	}
}

func firstHeading(e *pdfcheck.Elem) string {
	for _, k := range e.Kids {
		if k.Elem != nil && len(k.Elem.Tag) == 2 && k.Elem.Tag[0] == 'H' {
			return strings.TrimSpace(k.Elem.Text())
		}
	}
	return ""
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func readPNG(t *testing.T, name string) image.Image {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}
