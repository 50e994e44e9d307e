package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestStem: the inflected forms of a word, bokmål and nynorsk, share its
// stem.
func TestStem(t *testing.T) {
	same := [][]string{
		{"tiltak", "tiltaket", "tiltaka", "tiltakene", "tiltakets"},
		{"tjeneste", "tjenesten", "tjenester", "tjenestene"},
		{"teneste", "tenesta", "tenester", "tenestene"},
		{"foreldre", "foreldrene", "foreldrenes"},
		{"barn", "barnet", "barna"},
		{"samtykke", "samtykket", "samtykker"},
		{"barnehage", "barnehagen", "barnehagene", "barnehagar"},
		{"observasjon", "observasjonen", "observasjoner", "observasjonar"},
	}
	for _, group := range same {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q", w, got, group[0], want)
			}
		}
	}
}

func TestTerms(t *testing.T) {
	got := Terms("Samtale med foreldrene: «tiltaket» – og BUP/PPT!")
	want := []string{"samtal", "med", "foreldr", "tiltak", "og", "bup", "ppt"}
	if len(got) != len(want) {
		t.Fatalf("Terms = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("Terms[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestBuildIsMiniSearchFormat(t *testing.T) {
	data, err := Build([]Doc{
		{ID: "/a/", Title: "Tiltaksplan", Text: "Tiltaket evalueres.", Kind: "form", Level: 1},
		{ID: "/b/", Title: "Samtale", Text: "Tiltak og samtale.", Kind: "step", Level: 0, Guide: "Barnehage"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ix map[string]any
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	if ix["serializationVersion"].(float64) != 2 || ix["documentCount"].(float64) != 2 {
		t.Errorf("header: %v", ix)
	}
	found := false
	for _, e := range ix["index"].([]any) {
		pair := e.([]any)
		if pair[0] == "tiltak" {
			found = true
			fields := pair[1].(map[string]any)
			if text := fields["1"].(map[string]any); text["0"].(float64) != 1 || text["1"].(float64) != 1 {
				t.Errorf("postings of tiltak: %v", fields)
			}
		}
	}
	if !found {
		t.Error("no term tiltak")
	}
}

// TestTermsMatchesReference checks the allocation-free tokenizer against
// the plain definition (split on separators, lower-case, stem) on text
// with capitals, Norwegian and Sámi letters, Arabic, digits and
// punctuation of every kind.
func TestTermsMatchesReference(t *testing.T) {
	texts := []string{
		"Samtale med foreldrene: «tiltaket» – og BUP/PPT!",
		"ÆØÅ æøå Ååsen ÆRENDET; Čáhcegáddi ŊUOVVA šaddu ŧ đ ž",
		"  leading and trailing\n\r\tspaces…  ",
		"tall 1234 og 12,5 % — «sitat» (parentes) [klamme] {krøll}",
		"مرحبا بكم في الروضة، شكرا",
		"e-post: navn@example.no, tlf. 00 00 00 00",
		"",
	}
	for _, text := range texts {
		var want []string
		for _, f := range strings.FieldsFunc(text, isSeparator) {
			if s := Stem(strings.ToLower(f)); s != "" {
				want = append(want, s)
			}
		}
		got := Terms(text)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Terms(%q)\n got %q\nwant %q", text, got, want)
		}
	}
}

// FuzzTerms compares the tokenizer with the plain definition on any text.
func FuzzTerms(f *testing.F) {
	for _, s := range []string{"Samtale med foreldrene: «tiltaket»", "ÆØÅ Čáhcegáddi ŋ", "مرحبا", "a\u00a0b\u2028c", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want []string
		for _, w := range strings.FieldsFunc(text, isSeparator) {
			if s := Stem(strings.ToLower(w)); s != "" {
				want = append(want, s)
			}
		}
		if got := Terms(text); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Terms(%q) = %q, the plain definition gives %q", text, got, want)
		}
	})
}

// TestTokensGiveTheSameIndex: a document given already cut gives the
// same index as the same document cut by Build.
func TestTokensGiveTheSameIndex(t *testing.T) {
	docs := []Doc{
		{ID: "/a/", Title: "Tiltaksplan", Text: "Lag tiltaksplanen sammen med foreldrene. Tiltakene evalueres.", Kind: "form", Level: 1},
		{ID: "/b/", Title: "Samtale med barn", Text: "Barnets stemme: samtalen tilpasses barnet.", Kind: "article", Level: -1},
	}
	plain, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		docs[i].Tokens = Tokenize(docs[i].Title, docs[i].Text)
	}
	cut, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	if string(plain) != string(cut) {
		t.Errorf("the indexes differ:\n%s\n%s", plain, cut)
	}
}
