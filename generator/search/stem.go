// Package search builds the search index of a site in Go at build time, in
// the serialized format of MiniSearch (the vendored client), so the
// browser only loads it: no Node at build time and no third party at
// search time.
//
// Terms are cut to their stem with a light Norwegian stemmer (bokmål and
// nynorsk) that strips common inflection endings, so "tiltaket",
// "tiltaka" and "tiltakene" all find "tiltak". The browser applies the
// same stemmer to what is typed: the suffix list travels in the index
// file, so both sides always agree.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Suffixes are the endings the stemmer strips, longest first. They cover
// the definite and plural forms of nouns and common verb and adjective
// endings in bokmål and nynorsk.
var Suffixes = []string{
	"hetene", "hetane", "heten", "heita", "heter", "heiter",
	"ende", "ande", "ane", "ene", "ens", "ets", "ers", "ast", "est", "ert", "et",
	"ar", "er", "en", "te", "de", "a", "e", "s",
}

// MinStem is the shortest stem the stemmer leaves, in letters.
const MinStem = 3

// suffixRunes are the lengths of Suffixes in runes.
var suffixRunes = func() []int {
	out := make([]int, len(Suffixes))
	for i, s := range Suffixes {
		out[i] = utf8.RuneCountInString(s)
	}
	return out
}()

// Stem returns the stem of a lower-case term.
func Stem(term string) string {
	n := utf8.RuneCountInString(term)
	for i, s := range Suffixes {
		if n-suffixRunes[i] >= MinStem && strings.HasSuffix(term, s) {
			return term[:len(term)-len(s)]
		}
	}
	return term
}

// asciiSeparator caches isSeparator for ASCII, the common case.
var asciiSeparator = func() (t [128]bool) {
	for r := range rune(128) {
		t[r] = r == '\n' || r == '\r' || unicode.In(r, unicode.Z, unicode.P)
	}
	return t
}()

// isSeparator matches MiniSearch's default tokenizer: /[\n\r\p{Z}\p{P}]+/u.
func isSeparator(r rune) bool {
	if r < 128 {
		return asciiSeparator[r]
	}
	return unicode.In(r, unicode.Z, unicode.P)
}

// Terms splits text into lower-case stemmed terms, as the client does
// with a query.
func Terms(text string) []string {
	fields := strings.FieldsFunc(text, isSeparator)
	out := fields[:0]
	for _, f := range fields {
		if t := Stem(strings.ToLower(f)); t != "" {
			out = append(out, t)
		}
	}
	return out
}
