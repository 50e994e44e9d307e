package diag

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var placeholder = regexp.MustCompile(`\{([a-z_]+)(?::[a-z]+)?\}`)

// names lists the placeholders of a text.
func names(s string) string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// TestCatalogueIsComplete: every code has its message, and every hint it
// has, in bokmål, nynorsk and English with the same placeholders, a
// severity and a documentation page's title and text.
func TestCatalogueIsComplete(t *testing.T) {
	codes, err := Codes()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) < 10 {
		t.Fatalf("only %d codes", len(codes))
	}
	code := regexp.MustCompile(`^BTI[0-9]{3}$`)
	check := func(what string, tx Texts, optional bool) {
		if optional && tx == (Texts{}) {
			return
		}
		for _, lang := range Languages() {
			if strings.TrimSpace(tx.In(lang)) == "" {
				t.Errorf("%s has no %s text", what, lang)
			}
		}
		if names(tx.NB) != names(tx.NN) || names(tx.NB) != names(tx.EN) {
			t.Errorf("%s: the languages name different values: nb {%s}, nn {%s}, en {%s}", what, names(tx.NB), names(tx.NN), names(tx.EN))
		}
	}
	for _, c := range codes {
		if !code.MatchString(string(c)) {
			t.Errorf("%s is not a code of the form BTI000", c)
		}
		e, _ := Lookup(c)
		check(string(c), e.Message, false)
		check(string(c)+" hint", e.Hint, true)
		for name, h := range e.Hints {
			check(string(c)+" hint "+name, h, false)
		}
		if strings.TrimSpace(e.Doc.Title) == "" || strings.TrimSpace(e.Doc.Text) == "" {
			t.Errorf("%s has no doc.title or doc.text (its page in docs/meldinger)", c)
		}
	}
	phrases, err := Phrases()
	if err != nil {
		t.Fatal(err)
	}
	c, _ := loadCatalogue()
	for _, p := range phrases {
		check("phrase "+p, c.phrases[p], false)
	}
}

// TestEveryCodeIsUsed: every code the Go code names is in the catalogue,
// and every code of the catalogue is named by the Go code (none left over).
func TestEveryCodeIsUsed(t *testing.T) {
	lit := regexp.MustCompile(`"(BTI[0-9]{3})"`)
	used := map[string]string{}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "public" || strings.HasPrefix(d.Name(), ".")) && p != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range lit.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := Codes()
	have := map[string]bool{}
	for _, c := range codes {
		have[string(c)] = true
		if used[string(c)] == "" {
			t.Errorf("%s is in the catalogue but no code uses it", c)
		}
	}
	for c, p := range used {
		if !have[c] {
			t.Errorf("%s names %s, which is not in the catalogue", p, c)
		}
	}
}
