package pdf

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestSubsetIsTheFont: the subset of a document's glyphs is a font that
// a TrueType parser reads, whose character map leads each letter to the
// glyph id the text was written with, with the original's width and
// outline (composite glyphs such as å and ŋ keep their parts).
func TestSubsetIsTheFont(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		u := newUsedFont(f, "F1")
		text := "Tiltaksplan – æøå ÆØÅ «» á č đ ŋ š ŧ ž 0123456789"
		u.encode(nil, text)
		ttf, _, err := compactSubset(f.ttf, u.order, u.cmap)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", f.name, err)
		}
		orig, _ := sfnt.Parse(f.ttf)
		var b sfnt.Buffer
		ppem := fixed.I(1000)
		for _, r := range text {
			g, err := sub.GlyphIndex(&b, r)
			if err != nil || uint16(g) != u.cmap[r] && r != ' ' {
				t.Errorf("%s: %q is glyph %d in the subset, the text says %d (%v)", f.name, r, g, u.cmap[r], err)
				continue
			}
			og, _ := orig.GlyphIndex(&b, r)
			a1, _ := sub.GlyphAdvance(&b, g, ppem, font.HintingNone)
			a2, _ := orig.GlyphAdvance(&b, og, ppem, font.HintingNone)
			if a1 != a2 {
				t.Errorf("%s: %q is %v wide in the subset, %v in the font", f.name, r, a1, a2)
			}
			s1, err1 := sub.LoadGlyph(&b, g, ppem, nil)
			n1 := len(s1)
			s2, _ := orig.LoadGlyph(&b, og, ppem, nil)
			if err1 != nil || n1 != len(s2) {
				t.Errorf("%s: %q has %d outline segments in the subset (%v), %d in the font", f.name, r, n1, err1, len(s2))
			}
		}
		if sub.NumGlyphs() >= 100 || len(ttf) > 30000 {
			t.Errorf("%s: the subset has %d glyphs, %d bytes", f.name, sub.NumGlyphs(), len(ttf))
		}
	}
}
