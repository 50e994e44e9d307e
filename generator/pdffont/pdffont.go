// Package pdffont holds the fonts of the PDFs (Noto Sans Regular and Bold,
// cut to Latin, Greek and Cyrillic by scripts/update-vendor.sh) and knows
// which letters they have. Package check asks it whether a document can
// be printed (a text with a letter the font lacks gets no PDF, and its
// page says to print the web page instead); package pdf draws with it.
package pdffont

import (
	_ "embed"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed fonts/NotoSans-Regular.ttf
var regular []byte

//go:embed fonts/NotoSans-Bold.ttf
var bold []byte

// Regular returns the regular face's TrueType file (do not change it).
func Regular() []byte { return regular }

// Bold returns the bold face's TrueType file (do not change it).
func Bold() []byte { return bold }

// parsed is the regular face, parsed once, for Covers.
var parsed = sync.OnceValue(func() *sfnt.Font {
	f, _ := sfnt.Parse(regular)
	return f
})

// Covers reports whether the fonts have every letter of s, and the first
// one they lack. (Below U+0250 they have everything; a zero-width space
// and an emoji variation selector are not drawn at all.)
func Covers(s string) (ok bool, missing rune) {
	f := parsed()
	if f == nil {
		return true, 0
	}
	var buf sfnt.Buffer
	seen := map[rune]bool{}
	for _, r := range s {
		if r < 0x250 || seen[r] || r == '\n' || r == '\t' || r == 0xFE0F || r == 0x200B {
			continue
		}
		seen[r] = true
		if gid, err := f.GlyphIndex(&buf, r); err != nil || gid == 0 {
			return false, r
		}
	}
	return true, 0
}
