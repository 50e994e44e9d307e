package search

import (
	"unicode"
	"unicode/utf8"
)

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
