package pdf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// TestQRCodesDecode: zbarimg reads each QR code as a phone would, from
// the page rendered at 300 dpi: every form's and article's first page
// (and each translation's) leads to its own page, the binder's cover to the toolbox, and each
// document in the binder to its own page.
func TestQRCodesDecode(t *testing.T) {
	zbar := lookTool(t, "zbarimg", "zbar-tools")
	pdftoppm := lookTool(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	pdfs := loadPDFs(t, samplePDFs)
	decode := func(name string, data []byte) []string {
		doc, err := pdfcheck.Check(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		file := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		os.WriteFile(file, data, 0o644)
		var got []string
		for i, e := range doc.Elems() {
			if e.Tag != "Figure" {
				continue
			}
			page, _ := e.Pages()
			var x1, y1, x2, y2 float64
			if _, err := fmt.Sscan(e.Attrs["BBox"], &x1, &y1, &x2, &y2); err != nil {
				t.Fatalf("%s: a QR code's figure has no BBox: %q", name, e.Attrs["BBox"])
			}
			// Points from the foot of the page to pixels from its top, with a
			// quiet zone around the code.
			const dpi = 300.0
			px := func(pt float64) int { return int(pt / 72 * dpi) }
			pageH := PageH * mmToPt
			png := filepath.Join(dir, "qr"+strconv.Itoa(i))
			out, err := exec.Command(pdftoppm, "-r", "300", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", "-png",
				"-x", strconv.Itoa(px(x1-12)), "-y", strconv.Itoa(px(pageH-y2-12)), "-W", strconv.Itoa(px(x2-x1+24)), "-H", strconv.Itoa(px(y2-y1+24)),
				file, png).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: pdftoppm: %v\n%s", name, err, out)
			}
			res, _ := exec.Command(zbar, "-q", "--raw", png+".png").Output()
			got = append(got, strings.TrimSpace(string(res)))
		}
		return got
	}
	checked := 0
	for _, m := range samples(t) {
		for _, tool := range m.Toolbox {
			if tool.PDF == "" {
				continue
			}
			name := m.Slug + "/" + strings.TrimPrefix(tool.PDFURL(""), "/")
			want := pageURL(m, tool.URL())
			if got := decode(name, pdfs[name]); len(got) != 1 || got[0] != want {
				t.Errorf("%s: the QR codes read %q, want [%q]", name, got, want)
			}
			checked++
			for _, tr := range tool.Translations {
				if tr.PDF == "" {
					continue
				}
				name := m.Slug + "/" + strings.TrimPrefix(tool.PDFURL(tr.Lang), "/")
				want := pageURL(m, tool.TranslationURL(tr.Lang))
				if got := decode(name, pdfs[name]); len(got) != 1 || got[0] != want {
					t.Errorf("%s: the QR codes read %q, want [%q]", name, got, want)
				}
				checked++
			}
		}
		name := m.Slug + "/" + strings.TrimPrefix(model.URLBinder, "/")
		want := []string{pageURL(m, model.URLToolbox)}
		levels, other := binderSections(m)
		for _, docs := range append(levels[:], other) {
			for _, tool := range docs {
				want = append(want, pageURL(m, tool.URL()))
			}
		}
		got := decode(name, pdfs[name])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the QR codes read\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		checked += len(got)
	}
	if checked < 60 {
		t.Errorf("only %d QR codes read", checked)
	}
}
