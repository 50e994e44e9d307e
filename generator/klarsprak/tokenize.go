package klarsprak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordKind says what kind of word the tokenizer found.
type WordKind uint8

const (
	// Plain is an ordinary word of letters, maybe joined by hyphens or
	// apostrophes ("BTI-koordinatoren", "Lillestrøm's").
	Plain WordKind = iota
	// Number is digits, maybe with decimal marks, dots or colons between
	// them ("12,5", "10.30", "1.1.2026").
	Number
	// Abbrev is an abbreviation of the list, dots and all ("f.eks.").
	Abbrev
	// Address is a web address or an e-mail address: one word, and never
	// a long one, since a reader does not spell it out.
	Address
)

// Word is one word of a text.
type Word struct {
	Start, End int // byte offsets in the text
	Letters    int // its letters (not digits, dots or hyphens)
	Kind       WordKind
}

// Long reports whether LIX counts the word as long: more than six letters.
func (w Word) Long() bool { return w.Kind != Address && w.Letters > 6 }

// Sentence is one sentence of a text: from its first character (maybe an
// opening quote) to its last (the full stop and a closing quote), with
// its words. A sentence always has at least one word.
type Sentence struct {
	Start, End int // byte offsets in the text
	Words      []Word
}

// Sentences splits a text (one paragraph, list item, table cell or
// heading: it ends a sentence at its end) into sentences and words.
//
// A sentence ends at ".", "!", "?", "…" or "..." (with the closing quotes
// and brackets after it) when the next word does not start with a small
// letter: "Kommer du?» spurte hun." is one sentence. A full stop ends
// none after an abbreviation that needs a word after it ("f.eks.",
// "nr."), after an ordinal before a word ("1. mai") or after an initial
// ("K. Hansen"); after an abbreviation that may end a sentence ("osv.") a
// capital letter ends it. Dots inside a word ("10.30", "example.no") are
// part of the word. Colons and semicolons do not end a sentence.
func Sentences(text string) []Sentence {
	s := splitter{text: text, start: -1, words: make([]Word, 0, len(text)/8+1)}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r) && !unicode.IsMark(r):
			w, class := s.word(i)
			if s.start < 0 {
				s.start = i
			}
			s.words = append(s.words, w)
			s.last, i = w.End, w.End
			if class == abbrevMayEnd && s.peek(i) == nextUpper {
				s.close(i)
			}
		case isTerminator(r):
			j := i
			for j < len(text) {
				t, n := utf8.DecodeRuneInString(text[j:])
				if !isTerminator(t) {
					break
				}
				j += n
			}
			run := text[i:j]
			for j < len(text) {
				t, n := utf8.DecodeRuneInString(text[j:])
				if !isCloser(t) {
					break
				}
				j += n
			}
			switch {
			case s.start < 0:
			case len(s.words) == s.first:
				s.start = -1 // punctuation and no word: not a sentence
			default:
				s.last = j
				if s.ends(i, run, j) {
					s.close(j)
				}
			}
			i = j
		default:
			if s.start < 0 && (isOpener(r) || isDash(r)) {
				s.start = i
			}
			if s.start >= 0 {
				s.last = i + size
			}
			i += size
		}
	}
	s.close(s.last)
	return s.out
}

// splitter is the state of Sentences: the words of the text so far, and
// where the open sentence starts.
type splitter struct {
	text  string
	out   []Sentence
	words []Word // every word of the text; the open sentence's are words[first:]
	first int
	start int // byte offset of the open sentence; -1 when none is open
	last  int // end of the open sentence's last character
}

// close ends the open sentence at end.
func (s *splitter) close(end int) {
	if s.start >= 0 && len(s.words) > s.first {
		s.out = append(s.out, Sentence{Start: s.start, End: end, Words: s.words[s.first:len(s.words):len(s.words)]})
	}
	s.first, s.start = len(s.words), -1
}

// ends decides whether the terminators run (at i, its closing quotes up
// to j) end the open sentence.
func (s *splitter) ends(i int, run string, j int) bool {
	next := s.peek(j)
	if next == nextEnd {
		return true
	}
	if run != "." {
		return next != nextLower // "!", "?", "…", "...", "?!"
	}
	if w := s.words[len(s.words)-1]; w.End == i {
		switch {
		case w.Kind == Number:
			return next == nextUpper // "1. mai", "kl. 10. Da ..."
		case w.Kind == Plain && s.initial(w):
			return false // "K. Hansen"
		}
	}
	return next != nextLower
}

// initial reports whether w is one capital letter.
func (s *splitter) initial(w Word) bool {
	r, size := utf8.DecodeRuneInString(s.text[w.Start:])
	return size == w.End-w.Start && unicode.IsUpper(r)
}

// What comes after a full stop.
type next uint8

const (
	nextEnd next = iota // the end of the text
	nextUpper
	nextLower
	nextDigit
	nextOther
)

// peek looks at the first letter after i, past spaces, opening quotes,
// brackets and dashes. (Each character is looked at by at most the one
// full stop and the one abbreviation before it, so the time stays linear.)
func (s *splitter) peek(i int) next {
	for i < len(s.text) {
		r, size := utf8.DecodeRuneInString(s.text[i:])
		switch {
		case unicode.IsSpace(r), isOpener(r), isDash(r):
			i += size
		case unicode.IsUpper(r) || unicode.IsTitle(r), addressStarts(s.text[i:]):
			return nextUpper // a web address may start a sentence too
		case unicode.IsLower(r):
			return nextLower
		case unicode.IsDigit(r):
			return nextDigit
		default:
			return nextOther
		}
	}
	return nextEnd
}

// word reads the word that starts at text[i] (a letter or digit): an
// address, an abbreviation of the list, or letters and digits with the
// marks that join them inside a word.
func (s *splitter) word(i int) (Word, abbrevClass) {
	text := s.text
	if end, ok := addressAt(text, i); ok {
		return Word{Start: i, End: end, Kind: Address}, notAbbrev
	}
	if end, class := abbrevAt(text, i); class != notAbbrev {
		return Word{Start: i, End: end, Letters: letters(text[i:end]), Kind: Abbrev}, class
	}
	j, nletters, at := i, 0, false
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			if unicode.IsLetter(r) {
				nletters++
			}
			j += size
			continue
		}
		if !joins(text, j, r, size) {
			break
		}
		at = at || r == '@'
		j += size
	}
	w := Word{Start: i, End: j, Letters: nletters}
	switch {
	case at && nletters > 0:
		w.Kind, w.Letters = Address, 0 // an e-mail address
	case nletters == 0:
		w.Kind = Number
	}
	return w, notAbbrev
}

// joins reports whether r at text[j] joins two parts of one word: a
// hyphen or apostrophe between letters, a dot in "10.30" or "example.no",
// a comma or colon between digits ("12,5", "10:30"), the @ of an e-mail
// address.
func joins(text string, j int, r rune, size int) bool {
	if j+size >= len(text) {
		return false
	}
	nxt, _ := utf8.DecodeRuneInString(text[j+size:])
	if !isWordRune(nxt) {
		return false
	}
	switch r {
	case '-', '\u2010', '\u2011', '\u00ad', '\'', '\u2019', '_', '.', '@':
		return true
	case ',', ':':
		prev, _ := utf8.DecodeLastRuneInString(text[:j])
		return unicode.IsDigit(prev) && unicode.IsDigit(nxt)
	}
	return false
}

// addressAt reads a web address that starts at text[i] ("https://...",
// "www.example.no"), without the punctuation after it.
func addressAt(text string, i int) (int, bool) {
	if !addressStarts(text[i:]) {
		return i, false
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(`<>"«»`, r) {
			break
		}
		j += size
	}
	for j > i {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !strings.ContainsRune(".,;:!?)]'’”»", r) {
			break
		}
		j -= size
	}
	return j, j > i
}

// addressStarts reports whether s starts with "https://", "http://" or
// "www." and more.
func addressStarts(s string) bool {
	if s == "" || (s[0]|0x20 != 'h' && s[0]|0x20 != 'w') {
		return false
	}
	for _, p := range [...]string{"https://", "http://", "www."} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isWordRune reports whether r is part of a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isTerminator reports whether r can end a sentence.
func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isCloser reports whether r closes a quote or bracket after a full stop.
func isCloser(r rune) bool { return strings.ContainsRune(`)]}»"”’'›`, r) }

// isOpener reports whether r opens a quote or bracket before a word.
func isOpener(r rune) bool { return strings.ContainsRune(`([{«"“„‘'‹¿¡`, r) }

// isDash reports whether r is a hyphen or dash standing apart.
func isDash(r rune) bool { return strings.ContainsRune("-‐‑‒–—―", r) }
