package klarsprak

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The abbreviations whose dot is no end of sentence: the common ones of
// bokmål and nynorsk, written as Språkrådet recommends, and those BTI
// handbooks use ("bhg.", "ped. leder"). They are matched without regard to case ("F.eks."
// starts a sentence) and only as whole words.
//
// An abbreviation in neverEnds needs something after it ("f.eks. en
// samtale", "nr. 5", "kl. 10", "jf. barnevernsloven"), so the sentence
// goes on whatever follows. One in mayEnd can close a sentence ("papir,
// blyanter osv. Neste uke ..."): the sentence ends there when the next
// word starts with a capital letter, as after any other word.
var (
	neverEnds = []string{
		// bokmål
		"f.eks.", "bl.a.", "dvs.", "d.v.s.", "ca.", "nr.", "kl.", "jf.", "jfr.", "evt.", "ev.",
		"mht.", "m.h.t.", "pga.", "p.g.a.", "iht.", "i.h.t.", "ifm.", "i.f.m.", "ift.", "iflg.", "mtp.", "m.t.p.",
		"inkl.", "ekskl.", "vedr.", "ang.", "tlf.", "pr.", "pkt.", "kap.", "avd.", "adm.", "dir.",
		"dr.", "prof.", "hhv.", "sml.", "ref.", "resp.", "st.", "s.", "fig.", "tab.", "vs.",
		"ped.", "spes.ped.", "spesped.", "stud.", "fhv.", "gl.", "ovf.", "t.o.m.", "f.o.m.",
		"o.a.", "henh.",
		// nynorsk (til dømes, mellom anna)
		"t.d.", "m.a.",
	}
	mayEnd = []string{
		"osv.", "o.s.v.", "etc.", "m.m.", "mm.", "mv.", "m.v.", "m.fl.", "mfl.", "o.l.", "ol.",
		"e.l.", "osb.", "kr.", "stk.", "mill.", "mrd.", "mnd.", "min.", "sek.", "mva.", "bhg.",
		"red.", "spm.", "ass.",
		"jan.", "feb.", "febr.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "des.",
		"man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn.",
	}
)

// abbrevClass says whether an abbreviation can end a sentence.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	abbrevNeverEnds
	abbrevMayEnd
)

type abbrevEntry struct {
	text  string // lower case, ending in "."
	class abbrevClass
}

// longestAbbrev is the length in bytes of the longest abbreviation.
var longestAbbrev = func() int {
	n := 0
	for _, a := range append(neverEnds[:len(neverEnds):len(neverEnds)], mayEnd...) {
		n = max(n, len(a))
	}
	return n
}()

// abbrevs holds the abbreviations by their first letter, longest first,
// so that "f.eks." wins over any shorter one.
var abbrevs = func() map[rune][]abbrevEntry {
	m := map[rune][]abbrevEntry{}
	add := func(list []string, c abbrevClass) {
		for _, a := range list {
			if strings.HasSuffix(a, ".") && !strings.HasSuffix(a, "..") {
				r, _ := utf8.DecodeRuneInString(a)
				m[r] = append(m[r], abbrevEntry{a, c})
			}
		}
	}
	add(neverEnds, abbrevNeverEnds)
	add(mayEnd, abbrevMayEnd)
	for r := range m {
		sort.SliceStable(m[r], func(i, j int) bool { return len(m[r][i].text) > len(m[r][j].text) })
	}
	return m
}()

// abbrevAt reports whether an abbreviation of the list starts at text[i]
// (the start of a word) and returns where it ends. It must end the word:
// the rune after it may not be a letter or digit ("nr.5" is one word,
// read by the word scanner). It looks at no more than the longest
// abbreviation's length.
func abbrevAt(text string, i int) (end int, class abbrevClass) {
	// Every abbreviation has a dot within its first longestAbbrev bytes:
	// most words have none, and need no look-up.
	if strings.IndexByte(text[i:min(i+longestAbbrev, len(text))], '.') < 0 {
		return i, notAbbrev
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	for _, a := range abbrevs[unicode.ToLower(r)] {
		j, ok := matchFold(text, i, a.text)
		if !ok {
			continue
		}
		if j < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(next) {
				continue
			}
		}
		return j, a.class
	}
	return i, notAbbrev
}

// matchFold matches the lower-case word a at text[i:] without regard to
// case, returning the end of the match.
func matchFold(text string, i int, a string) (int, bool) {
	j := i
	for _, want := range a {
		if j >= len(text) {
			return i, false
		}
		got, size := utf8.DecodeRuneInString(text[j:])
		if got != want && unicode.ToLower(got) != want {
			return i, false
		}
		j += size
	}
	return j, true
}
