package load

import (
	"slices"

	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/source"
)

// The codes of the keys for bti check --klarsprak
// (generator/diag/messages/klarsprak.toml).
const (
	unknownAudience diag.Code = "BTI602"
	klarsprakLimit  diag.Code = "BTI603"
)

// audience checks the audience key of a step, page or toolbox document
// and returns its value ("" when it is not set or not known).
func (r *reader) audience(mf mdFile, value string) string {
	if value == "" {
		return ""
	}
	if !slices.Contains(model.Audiences(), value) {
		r.l.Add(diag.At(mf.front.ValuePos("audience", value), unknownAudience, "value", value).Suggest(value, model.Audiences()))
		return ""
	}
	return value
}

// The limits a [klarsprak] value must keep within.
var klarsprakRanges = []struct {
	key      string
	min, max int
}{
	{"sentence_words", 5, 100},
	{"lix", 10, 100},
	{"parents_sentence_words", 5, 100},
	{"parents_lix", 10, 100},
}

// fillKlarsprak checks the [klarsprak] table of municipality.toml and
// copies it into m.
func (r *reader) fillKlarsprak(m *model.Municipality, f *klarsprakFile, doc *source.Doc) {
	if f == nil {
		return
	}
	values := []*int{&f.SentenceWords, &f.LIX, &f.ParentsSentenceWords, &f.ParentsLIX}
	for i, k := range klarsprakRanges {
		key := "klarsprak." + k.key
		if !doc.Has(key) {
			continue
		}
		if v := *values[i]; v < k.min || v > k.max {
			r.l.Report(doc.Pos(key), klarsprakLimit, "key", k.key, "value", v, "min", k.min, "max", k.max)
			*values[i] = 0 // the default, so that the rest can still be checked
		}
	}
	m.Klarsprak.SentenceWords, m.Klarsprak.LIX = f.SentenceWords, f.LIX
	m.Klarsprak.ParentsSentenceWords, m.Klarsprak.ParentsLIX = f.ParentsSentenceWords, f.ParentsLIX
}
