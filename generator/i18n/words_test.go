package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// languageData are the Go files whose strings are facts about languages,
// not words a reader sees: they may hold Norwegian letters and words.
var languageData = map[string]string{
	"generator/i18n/languages.go":   "each language's own name for itself",
	"generator/klarsprak/abbrev.go": "the abbreviations that do not end a sentence",
	"generator/search/rules.go":     "the Snowball stemmer's vowels",
	"generator/load/guides.go":      "how coordinators misname level folders (nivå-1)",
	"generator/pdf/table.go":        "the words of a table header that size its columns",
}

// norwegian finds Norwegian in a string: its letters, or one of its
// commonest words between spaces.
var norwegian = regexp.MustCompile(`[æøåÆØÅ]|(^|\s)(og|ikke|ikkje|eller|med|til|av|som|skal|har|kan|kva|hva|er|den|det|ei|en|et)(\s|$)`)

// TestNoNorwegianInGo: every word a reader sees, on a page, in a PDF or in
// a message, comes from the interface tables (themes/i18n), the message
// catalogue (generator/diag/messages) or the content; none is a string in
// the Go code (tests, the national content and the sample generator
// aside, and the files of languageData).
func TestNoNorwegianInGo(t *testing.T) {
	root := "../.."
	found := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			switch {
			case rel == "content", rel == "public", rel == "internal/corpus", rel == "scripts", strings.HasPrefix(d.Name(), ".") && rel != ".":
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(rel, ".templ") {
			// A page's markup: its text comes from the tables too.
			data, _ := os.ReadFile(p)
			for i, line := range strings.Split(string(data), "\n") {
				if code, _, _ := strings.Cut(line, "//"); strings.ContainsAny(code, "æøåÆØÅ") {
					t.Errorf("%s:%d: Norwegian in a page's markup: %s", rel, i+1, strings.TrimSpace(line))
				}
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") || strings.HasSuffix(rel, "_templ.go") ||
			languageData[rel] != "" || strings.Contains(rel, "/searchtest/") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		found++
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && norwegian.MatchString(lit.Value) {
				t.Errorf("%s: Norwegian in Go: %.80s (put it in themes/i18n or the message catalogue)", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if found < 100 {
		t.Fatalf("only %d Go files looked at", found)
	}
}
