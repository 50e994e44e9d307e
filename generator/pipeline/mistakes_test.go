package pipeline

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/mistakes from the current output")

// project builds the base project with the files of a case laid over it.
func project(t testing.TB, overlay *txtar.Archive) fstest.MapFS {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, a := range [](*txtar.Archive){base, overlay} {
		if a == nil {
			continue
		}
		for _, f := range a.Files {
			if strings.TrimSpace(string(f.Data)) == "(deleted)" {
				delete(fsys, f.Name)
				continue
			}
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// unescape turns the escapes that txtar files cannot hold literally into
// bytes: \r (for CRLF files), \xFF (for bytes that are not UTF-8) and
// \uFEFF (a byte order mark), \u00A0 (a non-breaking space), \u200B (a
// zero-width space) and \t (a tab), in files whose name ends in ".escaped".
func unescape(fsys fstest.MapFS) {
	for name, f := range fsys {
		if !strings.HasSuffix(name, ".escaped") {
			continue
		}
		s := string(f.Data)
		s = strings.ReplaceAll(s, `\r`, "\r")
		s = strings.ReplaceAll(s, `\xFF`, "\xff")
		s = strings.ReplaceAll(s, `\uFEFF`, "\ufeff")
		s = strings.ReplaceAll(s, `\u00A0`, "\u00a0")
		s = strings.ReplaceAll(s, `\u200B`, "\u200b")
		s = strings.ReplaceAll(s, `\t`, "\t")
		delete(fsys, name)
		fsys[strings.TrimSuffix(name, ".escaped")] = &fstest.MapFile{Data: []byte(s)}
	}
}

func TestBaseIsValid(t *testing.T) {
	_, l := Load(project(t, nil), nil)
	if l.Len() != 0 {
		t.Fatalf("the base project has diagnostics:\n%v", l.Sorted())
	}
}

// TestMistakes runs every case in testdata/mistakes/ and compares the
// messages with the case's .golden file. Run with -update to rewrite them.
func TestMistakes(t *testing.T) {
	cases, _ := filepath.Glob("testdata/mistakes/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	seen := map[string]bool{}
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			fsys := project(t, a)
			unescape(fsys)
			site, l := Load(fsys, nil)
			// The messages in the municipality's language (nb unless the
			// case says language = "nn"), and in each language the case's
			// comment names on a line "langs: en nn".
			outs := map[string]string{"": ""}
			for _, line := range strings.Split(string(a.Comment), "\n") {
				if rest, ok := strings.CutPrefix(line, "langs:"); ok {
					for _, lang := range strings.Fields(rest) {
						outs[lang] = ""
					}
				}
			}
			for lang := range outs {
				var b strings.Builder
				NewLanguages(fsys, site, lang).Print(&b, l)
				got := b.String()
				golden := strings.TrimSuffix(c, ".txtar") + ".golden"
				if lang != "" {
					golden = strings.TrimSuffix(c, ".txtar") + "." + lang + ".golden"
				}
				seen[filepath.Base(golden)] = true
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("messages differ from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
				}
			}
			if *update {
				return
			}
			// Every case is about a mistake, except those named ok-*.
			if strings.HasPrefix(name, "ok-") != (l.Errors() == 0) {
				t.Errorf("case %s: %d errors", name, l.Errors())
			}
		})
	}
	// A .golden file without its case is left over from a renamed case.
	goldens, _ := filepath.Glob("testdata/mistakes/*.golden")
	for _, g := range goldens {
		if !seen[filepath.Base(g)] {
			t.Errorf("%s has no .txtar case; delete it", g)
		}
	}
}
