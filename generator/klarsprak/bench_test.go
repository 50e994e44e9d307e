package klarsprak

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
)

// hostile are texts built to make a careless tokenizer slow: every
// character a stop, long runs of quotes and dashes after stops (which the
// tokenizer looks past), abbreviations everywhere, one word of a million
// letters, addresses without end.
var hostile = map[string]string{
	"stops":         ". ",
	"openers":       ". «««««(((((–––––",
	"abbreviations": "f.eks. bl.a. osv. «(",
	"initials":      "K. A. B. 1. 2. ",
	"word":          "a",
	"address":       "https://example.no/",
	"prose":         "Når barnehagen er bekymret, skal den f.eks. snakke med foreldrene kl. 10.30 den 1. mai. ",
}

// BenchmarkSentences measures the tokenizer on the hostile texts at 10
// KB and 1 MB: the time per byte is the same at both sizes (linear time;
// the figures are in docs/performance.md's style: go test -run - -bench
// Sentences ./generator/klarsprak).
func BenchmarkSentences(b *testing.B) {
	for _, name := range []string{"prose", "stops", "openers", "abbreviations", "initials", "word", "address"} {
		for _, size := range []int{10 << 10, 1 << 20} {
			unit := hostile[name]
			text := strings.Repeat(unit, size/len(unit)+1)[:size]
			b.Run(fmt.Sprintf("%s/%dKB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Sentences(text)
				}
			})
		}
	}
}

// BenchmarkAnalyseSamples measures every page of both samples, as bti
// check --klarsprak does after loading them.
func BenchmarkAnalyseSamples(b *testing.B) {
	site, l := pipeline.Load(content.Overlay(os.DirFS("../..")), nil)
	if l.Errors() > 0 {
		b.Fatal(l.Sorted())
	}
	for b.Loop() {
		for _, m := range site.Municipalities {
			Analyse(m)
		}
	}
}
