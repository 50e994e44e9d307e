package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/internal/pdfcheck"
)

// TestDatesFromGit: a PDF is dated by the last change (from git) of what
// it shows: the binder by its latest document, level or municipality
// file, each document in it by its own file; with no date known, no date
// is printed or written, never the day of the build.
func TestDatesFromGit(t *testing.T) {
	m := lillestromSample(t)
	levels, other := binderSections(m)
	newest := levels[1][0]
	changed := map[string]string{}
	for _, f := range binderFiles(m, levels, other) {
		changed[f] = "2024-05-06"
	}
	changed[m.Pos.File] = "2025-01-02"
	changed[newest.File] = "2026-03-04"
	dir := t.TempDir()
	write := func(name string, make func() ([]byte, error)) string {
		t.Helper()
		data, err := make()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name)
		os.WriteFile(file, data, 0o644)
		return file
	}
	binder := write("perm.pdf", func() ([]byte, error) { return Binder(m, Options{Changed: changed}) })
	cover := run(t, "pdftotext", "-f", "1", "-l", "1", binder, "-")
	if !strings.Contains(cover, "Oppdatert 04.03.2026") {
		t.Errorf("the cover is not dated by its newest document:\n%s", cover)
	}
	if info := run(t, "pdfinfo", binder); !strings.Contains(info, "CreationDate:    Wed Mar  4 00:00:00 2026 UTC") {
		t.Errorf("the binder's metadata:\n%s", info)
	}
	pages := strings.Split(run(t, "pdftotext", binder, "-"), "\f")
	dates := map[string]int{}
	for _, p := range pages[1:] {
		for _, d := range []string{"Oppdatert 04.03.2026", "Oppdatert 06.05.2024"} {
			if strings.Contains(p, d) {
				dates[d]++
			}
		}
	}
	// The newest document's pages carry its date; the others theirs.
	if dates["Oppdatert 04.03.2026"] < 2 || dates["Oppdatert 06.05.2024"] < 20 {
		t.Errorf("dates in the binder's footers: %v", dates)
	}
	form := write("form.pdf", func() ([]byte, error) { return Tool(m, newest, nil, Options{Changed: changed}) })
	if text := run(t, "pdftotext", form, "-"); !strings.Contains(text, "Oppdatert 04.03.2026") {
		t.Errorf("the form is not dated by its file:\n%s", text)
	}

	undated := write("undated.pdf", func() ([]byte, error) { return Binder(m, Options{}) })
	if text := run(t, "pdftotext", undated, "-"); strings.Contains(text, "Oppdatert") {
		t.Error("a binder without dates from git prints a date")
	}
	if info := run(t, "pdfinfo", undated); strings.Contains(info, "CreationDate") || strings.Contains(info, "ModDate") {
		t.Errorf("a binder without dates from git has a date in its metadata:\n%s", info)
	}
}

// TestNoBuildDay: nothing in the package asks the clock.
func TestNoBuildDay(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(f)
		if strings.Contains(string(data), "time.Now") {
			t.Errorf("%s uses time.Now: the same sources must give the same PDF every day", f)
		}
	}
}

// TestSameSourcesSameBytes: every PDF of the samples comes out byte for
// byte the same when made again (in another order, with the QR codes made
// afresh), so a rebuild rewrites none.
func TestSameSourcesSameBytes(t *testing.T) {
	first := loadPDFs(t, samplePDFs)
	qrCodes.Clear()
	for _, m := range samples(t) {
		tree, err := Municipality(m, today)
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range tree {
			if string(first[m.Slug+"/"+p]) != string(data) {
				t.Errorf("%s/%s differs when made again", m.Slug, p)
			}
		}
	}
}

// TestOtherLanguageSpans: a translation into a language the interface
// text has a table for (Northern Sámi) has its footer in that language;
// one into a language without a table (German) is tagged as German, and
// the words it borrows (the footer's, in English, as the web pages do)
// are tagged as English.
func TestOtherLanguageSpans(t *testing.T) {
	for _, c := range []struct{ lang, title, text, borrowed, word string }{
		{"se", "Ságastallan", "Mánná namma", "", "Ođasmahttojuvvon"},
		{"de", "Gespräch", "Name des Kindes", "en", "Updated"},
	} {
		m := municipality(t, map[string]string{
			"municipalities/gs/municipality.toml":                 miniToml,
			"municipalities/gs/toolbox/samtale.md":                strings.Replace(miniForm, "kind = \"form\"", "kind = \"form\"\nlanguages = [\""+c.lang+"\"]", 1),
			"municipalities/gs/toolbox/samtale." + c.lang + ".md": "+++\ntitle = \"" + c.title + "\"\nkind = \"form\"\n+++\n\n" + c.text + ": ___\n",
		})
		var data []byte
		for _, tool := range m.Toolbox {
			if tool.Slug == "samtale" && len(tool.Translations) == 1 {
				var err error
				if data, err = Tool(m, tool, tool.Translations[0], today); err != nil {
					t.Fatal(err)
				}
			}
		}
		if data == nil {
			t.Fatalf("no %s translation", c.lang)
		}
		doc, err := pdfcheck.Check(data)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Problems) > 0 {
			t.Fatal(doc.Problems)
		}
		borrowed, found := 0, false
		for _, e := range doc.Elems() {
			if e.Lang != "" {
				if e.Lang != c.borrowed {
					t.Errorf("%s: %s %q is tagged as %q", c.lang, e.Tag, e.Text(), e.Lang)
				}
				borrowed++
			}
			if e.Tag == "P" && strings.Contains(e.Text(), c.text) && e.Lang != "" {
				t.Errorf("the %s text is tagged as %q", c.lang, e.Lang)
			}
			found = found || strings.Contains(e.Text(), c.word)
		}
		if !found {
			t.Errorf("%s: no %q in the footer", c.lang, c.word)
		}
		if (c.borrowed != "") != (borrowed >= 2) {
			t.Errorf("%s: %d elements tagged as %q", c.lang, borrowed, c.borrowed)
		}
		file := filepath.Join(t.TempDir(), c.lang+".pdf")
		os.WriteFile(file, data, 0o644)
		if info := run(t, "pdfinfo", "-meta", file); !strings.Contains(info, "<rdf:li>"+c.lang+"</rdf:li>") {
			t.Errorf("the metadata's language is not %s:\n%s", c.lang, info)
		}
	}
}
