package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCacheFolderSparesMakingPDFs: as CI builds (a new output folder each
// time), the second build with --cache (or BTI_CACHE) takes every PDF
// from the cache, and the site is byte for byte the first build's; a
// rebuild over the same folder keeps them without the cache.
func TestCacheFolderSparesMakingPDFs(t *testing.T) {
	dir, _ := project(t)
	cache := filepath.Join(t.TempDir(), "cache")
	code, out := bti("build", "-C", dir, "--out", "ci1", "--cache", cache)
	if code != 0 || !strings.Contains(out, "0 uendret, 0 fra mellomlageret") {
		t.Fatalf("the first build (%d):\n%s", code, out)
	}
	t.Setenv("BTI_CACHE", cache)
	code, out = bti("build", "-C", dir, "--out", "ci2")
	if code != 0 || !strings.Contains(out, "PDF-er: 0 laget, 0 uendret,") {
		t.Fatalf("the build from the cache (%d):\n%s", code, out)
	}
	first, second := snapshot(t, filepath.Join(dir, "ci1")), snapshot(t, filepath.Join(dir, "ci2"))
	if len(first) != len(second) {
		t.Errorf("%d files, then %d", len(first), len(second))
	}
	pdfs := 0
	for name, data := range first {
		if !bytes.Equal(second[name], data) {
			t.Errorf("%s differs", name)
		}
		if strings.HasSuffix(name, ".pdf") {
			pdfs++
		}
	}
	if pdfs < 40 {
		t.Errorf("only %d PDFs", pdfs)
	}
	t.Setenv("BTI_CACHE", "")
	code, out = bti("build", "-C", dir, "--out", "ci2")
	if code != 0 || !strings.Contains(out, "PDF-er: 0 laget, ") || strings.Contains(out, " 0 uendret,") {
		t.Fatalf("the rebuild (%d):\n%s", code, out)
	}
}

// TestCacheFolderPlace: a cache folder in the output folder (or holding
// it), among the sources or above the project is refused before any
// work; one that is someone else's is not used, with a warning, and the
// site is still built.
func TestCacheFolderPlace(t *testing.T) {
	dir, before := project(t)
	for _, c := range []struct{ cache, code string }{
		{"public/cache", "BTI540"},
		{".", "BTI544"},
		{"municipalities/cache", "BTI541"},
		{"..", "BTI544"},
	} {
		code, out := bti("build", "-C", dir, "--no-pdf", "--cache", c.cache)
		if code != 1 || !strings.Contains(out, c.code) || !strings.Contains(out, "ingenting ble skrevet") {
			t.Errorf("--cache %s (%d), want %s:\n%s", c.cache, code, c.code, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("a refused build wrote public/")
	}
	unchanged(t, "after the refusals", dir, before)
	theirs := filepath.Join(t.TempDir(), "theirs")
	os.MkdirAll(theirs, 0o755)
	os.WriteFile(filepath.Join(theirs, "notes.txt"), []byte("mine"), 0o644)
	code, out := bti("build", "-C", dir, "lillestrom", "--cache", theirs)
	if code != 0 || !strings.Contains(out, "BTI542") {
		t.Errorf("someone else's folder as the cache (%d):\n%s", code, out)
	}
	if entries, _ := os.ReadDir(theirs); len(entries) != 1 {
		t.Errorf("bti wrote into someone else's folder: %d entries", len(entries))
	}
}

// TestMistakeInTheLastMunicipalityWritesNothing: the municipalities are
// built one by one, but a mistake found in the last of them still leaves
// the output folder exactly as it was (the others' new files were only
// staged), and the staging folder goes.
func TestMistakeInTheLastMunicipalityWritesNothing(t *testing.T) {
	dir, _ := project(t)
	if code, out := bti("build", "-C", dir, "--no-pdf"); code != 0 {
		t.Fatal(out)
	}
	public := filepath.Join(dir, "public")
	before := snapshot(t, public)
	manifest, _ := os.ReadFile(public + ".bti-manifest")
	// Every municipality's pages change; the last one also gets a mistake.
	for _, m := range []string{"lillestrom", "vardo"} {
		f := filepath.Join(dir, "municipalities", m, "municipality.toml")
		b, _ := os.ReadFile(f)
		b = bytes.Replace(b, []byte("\nname = \""), []byte("\nname = \"Nye "), 1)
		if m == "vardo" {
			b = append(b, []byte("\nfarge = \"rød\"\n")...)
		}
		os.WriteFile(f, b, 0o644)
	}
	code, out := bti("build", "-C", dir, "--no-pdf")
	if code != 1 || !strings.Contains(out, "ingenting ble skrevet") {
		t.Fatalf("a build with a mistake (%d):\n%s", code, out)
	}
	after := snapshot(t, public)
	if len(after) != len(before) {
		t.Errorf("%d files, before %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
	}
	if m, _ := os.ReadFile(public + ".bti-manifest"); !bytes.Equal(m, manifest) {
		t.Error("the manifest changed")
	}
	if _, err := os.Stat(public + ".bti-staging"); !os.IsNotExist(err) {
		t.Error("the staging folder is left")
	}
}

// TestOneFormEditedMakesItsPDFsAgain: after an edit of one form's text,
// the rebuild makes again that form's PDF and its municipality's binder
// and keeps every other PDF, and --timings names the two.
func TestOneFormEditedMakesItsPDFsAgain(t *testing.T) {
	dir, _ := project(t)
	if code, out := bti("build", "-C", dir); code != 0 {
		t.Fatal(out)
	}
	form := filepath.Join(dir, "municipalities", "lillestrom", "toolbox", "overgang-barnehage-skole.md")
	data, err := os.ReadFile(form)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "\n## ", "\nEt nytt avsnitt.\n\n## ", 1)
	if edited == string(data) {
		t.Fatal("no section in the form to put a paragraph before")
	}
	os.WriteFile(form, []byte(edited), 0o644)
	code, out := bti("build", "-C", dir, "--timings")
	if code != 0 {
		t.Fatal(out)
	}
	var made []string
	for _, line := range strings.Split(out, "\n") {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "laget på nytt: "); ok {
			made = append(made, p)
		}
	}
	want := []string{"lillestrom/pdf/overgang-barnehage-skole.pdf", "lillestrom/pdf/perm.pdf"}
	if strings.Join(made, " ") != strings.Join(want, " ") || !strings.Contains(out, "PDF-er: 2 laget, ") {
		t.Errorf("made again %v, want %v:\n%s", made, want, out)
	}
}
