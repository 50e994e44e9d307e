package klarsprak

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
)

// measure parses body as a document of file (forms enables form fields)
// and lists its sentences as "line:col words text".
func measure(t testing.TB, body string, forms bool) (Text, []string) {
	t.Helper()
	var l diag.List
	doc := markdown.Parse("f.md", []byte(body), forms, &l)
	txt := Measure(doc.File, doc.Source, doc.Root)
	var out []string
	for _, s := range txt.Sentences {
		out = append(out, fmt.Sprintf("%d:%d %d %s", s.Pos.Line, s.Pos.Col, s.Words, s.Text))
	}
	return txt, out
}

func TestMeasureMarkdown(t *testing.T) {
	body := "\n\n\n" + // as if front matter took three lines
		"# Samtale med foreldre\n" +
		"\n" +
		"Les [samtykkeskjemaet](../../toolbox/samtykkeskjema.md#del-2) og **skriv\n" +
		"under** før møtet. Bruk *f.eks.* malen.\n" +
		"\n" +
		"- Første punkt uten punktum\n" +
		"- Andre punkt. Med to setninger.\n" +
		"\n" +
		"| Hvem | Hva |\n" +
		"|------|-----|\n" +
		"| PPT  | Kartlegger språket. |\n" +
		"\n" +
		"```\n" +
		"kode blir ikke lest. Aldri.\n" +
		"```\n" +
		"\n" +
		"<div>rå HTML</div>\n" +
		"\n" +
		"Escaped \\*stjerne\\* og &amp; tegn, ![bilde av et barn](a.png) og <https://example.no/side> er med.\n" +
		"\n" +
		"> Et sitat med `kode` i.\n"
	_, got := measure(t, body, false)
	want := []string{
		"4:3 3 Samtale med foreldre", // the heading, at its text
		"6:1 7 Les samtykkeskjemaet og skriv under før møtet.",
		"7:20 3 Bruk f.eks. malen.",
		"9:3 4 Første punkt uten punktum",
		"10:3 2 Andre punkt.",
		"10:16 3 Med to setninger.",
		"12:3 1 Hvem",
		"12:10 1 Hva",
		"14:3 1 PPT",
		"14:10 2 Kartlegger språket.",
		"22:1 8 Escaped *stjerne* og & tegn, og https://example.no/side er med.",
		"24:3 5 Et sitat med kode i.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMeasureForms: the labels of form fields and answer boxes are not
// text to read; a checkbox's label and the instructions are.
func TestMeasureForms(t *testing.T) {
	body := "Fyll ut skjemaet sammen med foreldrene.\n" +
		"\n" +
		"Barnets navn: ___\n" +
		"\n" +
		"___\n" +
		"___\n" +
		"\n" +
		"- [ ] Foreldrene er informert\n" +
		"\n" +
		"| Tiltak | Ansvarlig |\n" +
		"|--------|-----------|\n" +
		"|        |           |\n"
	_, got := measure(t, body, true)
	want := []string{
		"1:1 6 Fyll ut skjemaet sammen med foreldrene.",
		"8:7 3 Foreldrene er informert",
		"10:3 1 Tiltak",
		"10:12 1 Ansvarlig",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFortyWordSentence: a 40-word sentence is one sentence at its line,
// with its abbreviation inside it, and its page's LIX counts it.
func TestFortyWordSentence(t *testing.T) {
	forty := "Når barnehagen er bekymret for et barn, skal den pedagogiske lederen f.eks. snakke med foreldrene, skrive ned det som er sett i undringsprotokollen, drøfte saken i ressursteamet og avtale et nytt møte med foreldrene innen to uker etter første samtale."
	if n := len(strings.Fields(forty)); n != 40 {
		t.Fatalf("the sentence has %d words", n)
	}
	body := "\n\nKort først.\n\n" + forty + " Kort etter.\n"
	txt, got := measure(t, body, false)
	after := fmt.Sprintf("5:%d 2 Kort etter.", utf8.RuneCountInString(forty)+2) // columns count characters
	want := []string{"3:1 2 Kort først.", "5:1 40 " + forty, after}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if txt.Stats.Sentences != 3 || txt.Stats.Words != 44 {
		t.Errorf("stats %+v", txt.Stats)
	}
}
