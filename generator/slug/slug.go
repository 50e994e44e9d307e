// Package slug makes and checks the ASCII names that become URLs and ids.
//
// Norwegian and Sámi letters are transliterated the way Norwegian URLs
// usually are (æ→ae, ø→o, å→a, č→c, đ→d, ŋ→n, š→s, ŧ→t, ž→z), and other
// accents are dropped, so an id made from a heading stays the same on every
// system and survives being pasted into an e-mail or a chat.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var special = map[rune]string{
	'æ': "ae", 'ø': "o", 'å': "a", 'đ': "d", 'ŋ': "n", 'ŧ': "t", 'ß': "ss",
	'ð': "d", 'þ': "th", 'œ': "oe", 'ł': "l", 'ı': "i",
}

// Make turns text into a slug: lower case, transliterated, words joined by
// '-'. Letters of scripts without a Latin transliteration (Arabic, say) are
// kept. It returns "" for text with no letters or digits.
func Make(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent from the decomposition
		}
		if s, ok := special[r]; ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(s)
			dash = false
			continue
		}
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// Valid reports whether s is a slug as the contract allows them in file
// and folder names: one or more of a-z, 0-9 and '-', not starting or
// ending with '-'.
func Valid(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Suggest returns a valid slug close to s, for hints ("" when none).
func Suggest(s string) string {
	m := Make(s)
	for _, r := range m {
		if r >= 0x80 {
			return ""
		}
	}
	return m
}
