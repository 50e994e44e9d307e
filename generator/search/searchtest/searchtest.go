// Package searchtest holds what the tests of the search share: the
// vocabulary of the sample municipalities and the national content, and
// the reference stemmer that the build's and the browser's stemmers are
// compared with. Only tests import it.
package searchtest

import (
	"io/fs"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/norwegian"
)

// Vocabulary returns the distinct words, lower-cased and sorted, of the
// Markdown and TOML files in roots. A word is a run of letters, digits
// and combining marks with at least one letter.
func Vocabulary(roots ...fs.FS) ([]string, error) {
	seen := map[string]bool{}
	for _, root := range roots {
		err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".toml")) {
				return err
			}
			data, err := fs.ReadFile(root, p)
			if err != nil {
				return err
			}
			for _, w := range strings.FieldsFunc(string(data), notWordRune) {
				if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
					seen[strings.ToLower(w)] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	return words, nil
}

// notWordRune reports whether r ends a word.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
}

// Reference stems a lower-case word with github.com/kljensen/snowball's
// Norwegian stemmer, stop words included (the index stems every word).
func Reference(word string) string {
	return norwegian.Stem(word, true)
}
