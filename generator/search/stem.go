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

// latinSeparator caches isSeparator below U+0800 (Latin, Greek, Cyrillic,
// Arabic letters and their punctuation): most letters of any text.
var latinSeparator = func() (t [0x800]bool) {
	for r := range rune(len(t)) {
		t[r] = r == '\n' || r == '\r' || unicode.In(r, unicode.Z, unicode.P)
	}
	return t
}()

// isSeparator matches MiniSearch's default tokenizer: /[\n\r\p{Z}\p{P}]+/u.
func isSeparator(r rune) bool {
	if r < rune(len(latinSeparator)) {
		return latinSeparator[r]
	}
	return unicode.In(r, unicode.Z, unicode.P)
}

// Terms splits text into lower-case stemmed terms, as the client does
// with a query.
func Terms(text string) []string {
	var out []string
	eachTerm(text, nil, func(t []byte) { out = append(out, string(t)) })
	return out
}

// eachTerm calls fn with each lower-case stemmed term of text, in a buffer
// (buf, grown as needed) that fn must not keep. It is Terms without an
// allocation per word, for the index builder.
func eachTerm(text string, buf []byte, fn func(term []byte)) []byte {
	i := 0
	for i < len(text) {
		// Skip separators.
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isSeparator(r) {
			i += size
			continue
		}
		// One word, lower-cased into buf.
		buf = buf[:0]
		for i < len(text) {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if isSeparator(r) {
				break
			}
			if r < utf8.RuneSelf {
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				buf = append(buf, byte(r))
			} else {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			i += size
		}
		if t := stemBytes(buf); len(t) > 0 {
			fn(t)
		}
	}
	return buf
}

// suffixesByLast are the indexes in Suffixes of the suffixes ending in
// each byte, in order: a word is only compared with those that can match.
var suffixesByLast = func() (t [256][]int) {
	for i, s := range Suffixes {
		t[s[len(s)-1]] = append(t[s[len(s)-1]], i)
	}
	return t
}()

// stemBytes is Stem on a byte slice, returning a prefix of term.
func stemBytes(term []byte) []byte {
	if len(term) <= MinStem {
		return term // too short to lose anything
	}
	n := -1
	for _, i := range suffixesByLast[term[len(term)-1]] {
		s := Suffixes[i]
		if len(term) < len(s) || string(term[len(term)-len(s):]) != s {
			continue
		}
		if n < 0 {
			n = utf8.RuneCount(term)
		}
		if n-suffixRunes[i] >= MinStem {
			return term[:len(term)-len(s)]
		}
	}
	return term
}
