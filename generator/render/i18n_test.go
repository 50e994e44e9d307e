package render

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/themes"
)

var verb = regexp.MustCompile(`%[a-z]`)

// TestEveryTableHasEveryKey checks the interface text: every table has
// every key of the bokmål table, no more, none empty, with the same
// placeholders (%d, %s) in the same order; and the languages the issue
// asked for (the ones consent forms and parent brochures are most often
// in) are there.
func TestEveryTableHasEveryKey(t *testing.T) {
	th, err := parseTheme(themes.FS(), "lillestrom")
	if err != nil {
		t.Fatal(err)
	}
	nb := th.Text.Keys("nb")
	if len(nb) < 90 {
		t.Fatalf("the bokmål table has only %d keys", len(nb))
	}
	for _, lang := range []string{"nn", "en", "se", "ar", "so", "pl", "uk"} {
		if th.Text.Keys(lang) == nil {
			t.Errorf("no interface text in %q (themes/i18n/%s.toml)", lang, lang)
		}
	}
	langs := th.Text.Languages()
	sort.Strings(langs)
	for _, lang := range langs {
		for _, problem := range tableProblems(th.Text.Keys("nb"), th.Text.Keys(lang)) {
			t.Errorf("%s.toml: %s", lang, problem)
		}
		if th.Text.Keys(lang)["language_name"] != LanguageName(lang) {
			t.Errorf("%s.toml: language_name %q, the language switcher says %q", lang, th.Text.Keys(lang)["language_name"], LanguageName(lang))
		}
	}
}

// tableProblems compares a table of interface text with bokmål's.
func tableProblems(nb, table map[string]string) []string {
	var out []string
	for key, want := range nb {
		got, ok := table[key]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("lacks %s (bokmål: %q)", key, want))
		case strings.TrimSpace(got) == "":
			out = append(out, key+" is empty")
		case !slices.Equal(verb.FindAllString(got, -1), verb.FindAllString(want, -1)):
			out = append(out, fmt.Sprintf("%s = %q has other placeholders than bokmål's %q", key, got, want))
		}
	}
	for key := range table {
		if _, ok := nb[key]; !ok {
			out = append(out, "has "+key+", which bokmål does not")
		}
	}
	sort.Strings(out)
	return out
}

// TestTableCatchesMissingKeys makes sure the check above can fail: a
// missing key, an empty one, a wrong placeholder and an extra key are
// each found.
func TestTableCatchesMissingKeys(t *testing.T) {
	nb := map[string]string{"a": "x", "b": "Trinn %d av %d", "c": "y"}
	bad := map[string]string{"b": "Step %d", "c": " ", "d": "extra"}
	got := strings.Join(tableProblems(nb, bad), "\n")
	for _, want := range []string{"lacks a", "c is empty", "b = \"Step %d\" has other placeholders", "has d, which bokmål does not"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}
