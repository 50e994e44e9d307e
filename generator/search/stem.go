package search

import (
	"strings"
	"unicode/utf8"
)

// Stem returns the stem of a lower-case term by the Snowball Norwegian
// algorithm: the region R1 is found, then step 1 removes an inflection
// ending, step 2 the t of "dt" and "vt", and step 3 a derivational ending,
// each only from within R1. The stem is always a prefix of term.
func Stem(term string) string {
	return term[:stemLen(term)]
}

// stemBytes is Stem on a byte slice, returning a prefix of term; it does
// not allocate.
func stemBytes(term []byte) []byte {
	return term[:stemLen(term)]
}

// word is a lower-case term, as a string or as bytes.
type word interface{ ~string | ~[]byte }

// stemLen returns the length in bytes of w's stem. Every step of the
// algorithm only shortens the word (a replacement is a prefix of what it
// replaces), so the stem is w[:stemLen(w)] and nothing is allocated.
func stemLen[W word](w W) int {
	t := tables
	n := len(w)
	// R1 is found only once a suffix matches: most words of a text
	// match none. A suffix in R1 starts after t.r1Min letters, so after
	// as many bytes at least.
	p1 := -1
	inR1 := func(start int) bool {
		if start < t.r1Min {
			return false
		}
		if p1 < 0 {
			p1 = r1(t, w)
		}
		return start >= p1
	}
	if n <= t.r1Min {
		return n
	}
	// Step 1: the longest suffix in R1; a conditional one (genitive s)
	// goes only after its letters.
	for _, s := range t.step1[w[n-1]] {
		if !hasSuffix(w, n, s.s) || !inR1(n-len(s.s)) {
			continue
		}
		if s.cond == nil {
			n -= len(s.s) - s.keep
		} else if deletable(t, w, n-len(s.s), s.cond) {
			n -= len(s.s)
		}
		break
	}
	// Step 2: "dt" or "vt" in R1 loses its last letter.
	for _, s := range t.step2[w[n-1]] {
		if hasSuffix(w, n, s.s) && inR1(n-len(s.s)) {
			n -= len(s.s) - s.keep
			break
		}
	}
	// Step 3: the longest derivational suffix in R1.
	for _, s := range t.step3[w[n-1]] {
		if hasSuffix(w, n, s.s) && inR1(n-len(s.s)) {
			n -= len(s.s)
			break
		}
	}
	return n
}

// r1 returns the byte offset where w's region R1 begins: after the first
// non-vowel that follows a vowel, but not before t.r1Min letters; len(w)
// (an empty R1) when there is no such letter or w is shorter than that.
// It walks w letter by letter without decoding: ASCII letters are looked
// up, a longer one is compared with the vowels' encodings.
func r1[W word](t *stemTables, w W) int {
	x, p := -1, -1 // the offsets after t.r1Min letters and after the non-vowel
	vowelSeen := false
	letters := 0
	for i := 0; i < len(w); {
		if letters == t.r1Min {
			x = i
		}
		next, v := i+1, false
		if c := w[i]; c < utf8.RuneSelf {
			v = t.vowel[c]
		} else {
			for next < len(w) && next-i < utf8.UTFMax && w[next]&0xC0 == 0x80 {
				next++ // a continuation byte
			}
			v = isVowelAt(t, w, i, next)
		}
		letters++
		if p < 0 {
			if v {
				vowelSeen = true
			} else if vowelSeen {
				p = next
			}
		}
		if p >= 0 && x >= 0 {
			return max(p, x)
		}
		i = next
	}
	if letters < t.r1Min || p < 0 {
		return len(w)
	}
	if x < 0 {
		x = len(w) // exactly t.r1Min letters
	}
	return max(p, x)
}

// isVowelAt reports whether w[i:next], one letter beyond ASCII, is a
// vowel.
func isVowelAt[W word](t *stemTables, w W, i, next int) bool {
	if next-i == 2 {
		return t.vowel2[w[i]&0x1F][w[i+1]&0x3F]
	}
	for _, v := range t.vowelsUTF8 {
		if next-i == len(v) && hasSuffix(w, next, v) {
			return true
		}
	}
	return false
}

// deletable reports whether a conditional suffix starting at byte end of
// w may go: the letter before it is one of c.Letters, or one of
// c.AfterNonVowel that follows a non-vowel.
func deletable[W word](t *stemTables, w W, end int, c *afterRule) bool {
	r, size := decodeLastRune(w, end)
	if size == 0 {
		return false
	}
	if strings.ContainsRune(c.Letters, r) {
		return true
	}
	if !strings.ContainsRune(c.AfterNonVowel, r) {
		return false
	}
	r, size = decodeLastRune(w, end-size)
	return size > 0 && !t.isVowel(r)
}

// hasSuffix reports whether w[:n] ends with s.
func hasSuffix[W word](w W, n int, s string) bool {
	if n < len(s) {
		return false
	}
	for i := range len(s) {
		if w[n-len(s)+i] != s[i] {
			return false
		}
	}
	return true
}

// decodeLastRune is utf8.DecodeLastRune of w[:end]; size 0 when end is 0.
func decodeLastRune[W word](w W, end int) (rune, int) {
	if end == 0 {
		return utf8.RuneError, 0
	}
	if c := w[end-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	var b [utf8.UTFMax]byte
	return utf8.DecodeLastRune(b[:copy(b[:], w[max(0, end-utf8.UTFMax):end])])
}
