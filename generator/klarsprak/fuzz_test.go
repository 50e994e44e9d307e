package klarsprak

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/markdown"
)

// FuzzSentences: on any text the tokenizer does not panic, and its
// sentences and words are in order, do not overlap, lie within the
// text, and cover every letter and digit of it.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Barnet er trygt. Foreldrene er med.",
		"Bruk f.eks. skjemaet, bl.a. når K. Hansen kommer kl. 10.30 den 1. mai.",
		"«Kommer du?» spurte hun … Ja!!! https://example.no/a. post@example.no.",
		"osv. Osv. m.m. o.l. 1.1.2026 12,5 23:00 nr.5 a\u0301.",
		"\u00a0.\u200b..–«(",
		"\xff\xfe.f.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, Sentences(text))
	})
}

func checkSentences(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	covered := make([]bool, len(text))
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			t.Fatalf("sentence [%d,%d) after %d in %q", s.Start, s.End, prev, text)
		}
		if len(s.Words) == 0 {
			t.Fatalf("a sentence without words in %q", text)
		}
		wprev := s.Start
		for _, w := range s.Words {
			if w.Start < wprev || w.End <= w.Start || w.End > s.End {
				t.Fatalf("word [%d,%d) in sentence [%d,%d) of %q", w.Start, w.End, s.Start, s.End, text)
			}
			for i := w.Start; i < w.End; i++ {
				covered[i] = true
			}
			wprev = w.End
		}
		prev = s.End
	}
	for i, r := range text {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && r != utf8.RuneError && !covered[i] {
			t.Fatalf("%q at %d is in no word of %q", r, i, text)
		}
	}
}

// FuzzMeasure: on any Markdown, Measure does not panic and every
// sentence is placed at a line and column of the text.
func FuzzMeasure(f *testing.F) {
	for _, s := range []string{
		"# Tittel\n\nLes [dette](a.md) og **det**. Bruk *f.eks.* malen.\n",
		"- a. b\n- [ ] c\n\n| x | y |\n|---|---|\n| 1. mai | |\n",
		"Navn: ___\n\n___\n\n<https://x.no> \\* &amp; &#x;\n\n```\nkode\n```\n",
		"> sitat `kode\nmer` slutt.\n[^1]\n\n[^1]: Fotnote.\n",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, body string, forms bool) {
		var l diag.List
		doc := markdown.Parse("f.md", []byte(body), forms, &l)
		lines := strings.Count(body, "\n") + 1
		for _, s := range Measure(doc.File, doc.Source, doc.Root).Sentences {
			if s.Pos.Line < 1 || s.Pos.Line > lines || s.Pos.Col < 1 || s.Words < 1 {
				t.Fatalf("sentence %+v in %q", s, body)
			}
		}
	})
}
