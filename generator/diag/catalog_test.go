package diag

import (
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
		for _, lang := range Languages {
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
