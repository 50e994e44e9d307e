package klarsprak

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/source"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden measures real sample text (copies of sample files in
// testdata/: the national page for parents in bokmål and nynorsk, a step
// of the Lillestrøm sample and a form) and compares every sentence, its
// place and word count, and the LIX with testdata/<file>.golden. Run
// with -update to rewrite them, and read the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) < 4 {
		t.Fatalf("only %d sample files", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			got := goldenText(t, file)
			golden := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./generator/klarsprak -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (run with -update and read the diff):\n%s", file, golden, got)
			}
		})
	}
}

// goldenText reads a sample file as the loader does (front matter split
// off, a step's sections apart, form fields in forms) and writes what
// Measure finds in it.
func goldenText(t *testing.T, file string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var l diag.List
	fm, ok := source.Split(file, data, &l)
	if !ok {
		t.Fatal(l.Sorted())
	}
	name := filepath.Base(file)
	doc := markdown.Parse(name, fm.Body, strings.HasPrefix(name, "skjema-"), &l)
	roots := []ast.Node{doc.Root}
	if strings.HasPrefix(name, "trinn-") {
		roots = nil
		for _, sec := range markdown.SplitSections(doc) {
			roots = append(roots, sec.Root)
		}
	}
	txt := Measure(name, doc.Source, roots...)
	var b strings.Builder
	st := txt.Stats
	fmt.Fprintf(&b, "LIX %.1f: %d words, %d sentences, %d long words\n", st.LIX(), st.Words, st.Sentences, st.Long)
	for _, s := range txt.Sentences {
		fmt.Fprintf(&b, "%d:%d %d %s\n", s.Pos.Line, s.Pos.Col, s.Words, s.Text)
	}
	return b.String()
}
