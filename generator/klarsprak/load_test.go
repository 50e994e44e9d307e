package klarsprak

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/pipeline"
)

// TestFromFiles: the limits of [klarsprak] and audience = "foreldre"
// come from the files through the loader (the project of the pipeline's
// mistakes tests, with a page and a step for parents).
func TestFromFiles(t *testing.T) {
	base, err := txtar.ParseFile("../pipeline/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range base.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	toml := "municipalities/test/municipality.toml"
	fsys[toml] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[toml].Data), "[[guides]]", "[klarsprak]\nsentence_words = 12\nparents_lix = 30\n\n[[guides]]", 1))}
	s14 := strings.Repeat("ord ", 13) + "slutt."
	fsys["municipalities/test/pages/brev.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Brev\"\naudience = \"foreldre\"\n+++\n\n" + s14 + "\n")}
	fsys["municipalities/test/guides/barnehage/niva-1/02-mer.md"] = &fstest.MapFile{Data: []byte(
		"+++\ntitle = \"Mer\"\naudience = \"ansatte\"\n+++\n\n## Hva\n" + s14 + "\n\n## Hvordan\nSlik.\n\n## Hvem\nDu.\n")}
	site, l := pipeline.Load(fsys, nil)
	if l.Len() > 0 {
		t.Fatal(l.Sorted())
	}
	r := Analyse(site.Municipalities[0])
	if r.Settings != (Settings{Staff: Limits{12, 45}, Parents: Limits{20, 30}}) {
		t.Errorf("settings %+v", r.Settings)
	}
	var w diag.List
	r.Warn(&w, false)
	var got []string
	for _, d := range w.Sorted() {
		msg, _ := d.Message("nb")
		got = append(got, d.Pos.String()+" "+msg)
	}
	// 14 words: long for staff (over 12), not for parents (20).
	want := "municipalities/test/guides/barnehage/niva-1/02-mer.md:7:1 lang setning (14 ord): del den i to"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}
