package search

import (
	"encoding/json"
	"slices"
	"unicode/utf8"
)

// stemRules are the tables of the Snowball Norwegian stemmer
// (https://snowballstem.org/algorithms/norwegian/stemmer.html) as
// Snowball 2 defines it: the algorithm of libstemmer 2.2.0 and of the
// reference module the tests use. (Snowball 3 revised it: more vowels
// for nynorsk and loanwords, r as an s-ending only after a non-e, and
// exceptions for -ers.) The index carries them as JSON ("bti" →
// "stemmer"), and the browser's stemmer (btiStemmer in
// themes/base/assets/site.js) runs the same steps over them, so a query
// is cut exactly as the pages were.
type stemRules struct {
	// Vowels are the letters that are vowels. R1, the region a suffix
	// must lie in, begins after the first non-vowel that follows a vowel.
	Vowels string `json:"vowels"`
	// R1Min is the fewest letters before R1: it begins after this many
	// letters at the earliest, and a shorter word has no R1.
	R1Min int `json:"r1Min"`
	// Step1 removes the longest of its suffixes that lies in R1.
	Step1 step1Rules `json:"step1"`
	// Step2: when one of these lies in R1, its last letter is deleted.
	Step2 []string `json:"step2"`
	// Step3: the longest of these that lies in R1 is deleted.
	Step3 []string `json:"step3"`
}

// step1Rules are step 1's suffixes, by what is done with the longest
// one found in R1.
type step1Rules struct {
	// Delete are deleted.
	Delete []string `json:"delete"`
	// Replace are [suffix, replacement] pairs; each replacement is a
	// prefix of its suffix, so replacing only shortens the word.
	Replace [][2]string `json:"replace"`
	// DeleteAfter are deleted when a given letter comes before them.
	DeleteAfter []afterRule `json:"deleteAfter"`
}

// afterRule is a suffix deleted only when the letter before it is one of
// Letters, or one of AfterNonVowel that itself follows a non-vowel.
type afterRule struct {
	Suffix        string `json:"suffix"`
	Letters       string `json:"letters"`
	AfterNonVowel string `json:"afterNonVowel"`
}

// norwegian are the Snowball Norwegian rules: step 1 takes the noun,
// adjective and verb endings (definite and plural forms, genitive s),
// step 2 the t of "dt" and "vt", step 3 the derivational endings.
var norwegian = stemRules{
	Vowels: "aeiouyæøå",
	R1Min:  3,
	Step1: step1Rules{
		Delete: []string{
			"a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar",
			"er", "heter", "as", "es", "edes", "endes", "enes", "hetenes", "ens",
			"hetens", "ers", "ets", "et", "het", "ast",
		},
		Replace:     [][2]string{{"erte", "er"}, {"ert", "er"}},
		DeleteAfter: []afterRule{{Suffix: "s", Letters: "bcdfghjlmnoprtvyz", AfterNonVowel: "k"}},
	},
	Step2: []string{"dt", "vt"},
	Step3: []string{"leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov"},
}

// rulesJSON is norwegian as the index carries it.
var rulesJSON = func() []byte {
	b, err := json.Marshal(norwegian)
	if err != nil {
		panic(err) // constant data: cannot happen
	}
	return b
}()

// suffix is one suffix of a step as the Go stemmer uses it.
type suffix struct {
	s    string
	keep int        // bytes of s that stay (a replacement's length)
	cond *afterRule // for step 1: delete only after these letters
}

// stemTables are the rules indexed for the Go stemmer: each step's
// suffixes by their last byte, longest first, so that the first one that
// matches is the longest.
type stemTables struct {
	vowel      [utf8.RuneSelf]bool
	vowel2     [32][64]bool // the vowels of two bytes, by their bits
	vowels     []rune       // the vowels beyond ASCII
	vowelsUTF8 []string     // and their encodings
	r1Min      int
	step1      [256][]suffix
	step2      [256][]suffix
	step3      [256][]suffix
}

// tables are norwegian, indexed.
var tables = newTables(&norwegian)

// newTables indexes r.
func newTables(r *stemRules) *stemTables {
	t := &stemTables{r1Min: r.R1Min}
	for _, v := range r.Vowels {
		if v < utf8.RuneSelf {
			t.vowel[v] = true
		} else {
			t.vowels = append(t.vowels, v)
			t.vowelsUTF8 = append(t.vowelsUTF8, string(v))
			if e := string(v); len(e) == 2 {
				t.vowel2[e[0]&0x1F][e[1]&0x3F] = true
			}
		}
	}
	byLast := func(tab *[256][]suffix, s suffix) {
		last := s.s[len(s.s)-1]
		tab[last] = append(tab[last], s)
		slices.SortStableFunc(tab[last], func(a, b suffix) int { return len(b.s) - len(a.s) })
	}
	for _, s := range r.Step1.Delete {
		byLast(&t.step1, suffix{s: s})
	}
	for _, p := range r.Step1.Replace {
		byLast(&t.step1, suffix{s: p[0], keep: len(p[1])})
	}
	for i := range r.Step1.DeleteAfter {
		a := &r.Step1.DeleteAfter[i]
		byLast(&t.step1, suffix{s: a.Suffix, cond: a})
	}
	for _, s := range r.Step2 {
		// The last letter goes: keep all but its bytes.
		_, size := utf8.DecodeLastRuneInString(s)
		byLast(&t.step2, suffix{s: s, keep: len(s) - size})
	}
	for _, s := range r.Step3 {
		byLast(&t.step3, suffix{s: s})
	}
	return t
}

// isVowel reports whether r is a vowel of the rules.
func (t *stemTables) isVowel(r rune) bool {
	if r < utf8.RuneSelf {
		return t.vowel[r]
	}
	return slices.Contains(t.vowels, r)
}
