package klarsprak

import (
	"math"
	"strings"

	"github.com/bti-handbook/bti/generator/diag"
)

// The codes of this package's warnings (generator/diag/messages/klarsprak.toml).
const (
	longSentence diag.Code = "BTI600"
	hardText     diag.Code = "BTI601"
)

// Warn adds the report's warnings to l: each sentence over its page's
// limit, at its first word, and each page whose LIX is over the limit,
// at the top of its file. The national documents (content/) are warned
// about only when national is true: a coordinator whose project has no
// content/ folder of its own cannot change them (the summary still
// counts them, since the site shows them).
func (r *Report) Warn(l *diag.List, national bool) {
	for _, part := range r.Parts {
		for _, p := range part.Pages {
			if p.National && !national {
				continue
			}
			p.warn(l)
		}
	}
}

func (p *Page) warn(l *diag.List) {
	variant := ""
	if p.Parents {
		variant = "parents"
	}
	for _, s := range p.Long() {
		l.Add(diag.At(s.Pos, longSentence, "words", s.Words).
			WithHint(variant, "start", opening(s.Text, 8), "limit", p.Limits.SentenceWords))
	}
	if p.Hard() {
		st := p.Stats
		l.Add(diag.At(diag.Pos{File: p.File, Line: 1, Col: 1}, hardText, "lix", st.Rounded()).
			WithHint(variant, "limit", p.Limits.LIX, "words", st.Words, "sentences", st.Sentences,
				"per", int(math.Round(float64(st.Words)/float64(st.Sentences))),
				"long", int(math.Round(100*float64(st.Long)/float64(st.Words)))))
	}
}

// opening returns the first n words of a sentence, with "…" when there
// are more.
func opening(text string, n int) string {
	f := strings.Fields(text)
	if len(f) <= n {
		return text
	}
	return strings.Join(f[:n], " ") + " …"
}
