package pdf

// font.go: the text fonts of the pages (Noto Sans Regular and Bold),
// measured from their own tables and embedded per document as a Type0
// font (CIDFontType2, Identity-H) that keeps only the glyphs the document
// shows, renumbered in the order of first use (subset.go); text is
// written as those glyph ids, and /CIDToGIDMap is /Identity.

import (
	"fmt"
	"hash/fnv"
	"slices"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/bti-handbook/bti/generator/pdffont"
)

// face is a parsed font: what measuring and embedding need, made once per
// process.
type face struct {
	name    string // PostScript name
	ttf     []byte
	upem    float64
	gid     []uint16 // by rune, for the Basic Multilingual Plane
	adv     []uint16 // advance width in font units, by glyph id
	bbox    [4]int   // in 1/1000 em
	ascent  int      // in 1/1000 em
	descent int
	capH    int
	tag     string // the six-letter subset tag of its name (PDF 9.6.4)
}

// faces are the regular and the bold face.
var faces = sync.OnceValues(func() ([2]*face, error) {
	var out [2]*face
	for i, data := range [][]byte{pdffont.Regular(), pdffont.Bold()} {
		f, err := parseFace(data)
		if err != nil {
			return out, err
		}
		out[i] = f
	}
	return out, nil
})

func parseFace(ttf []byte) (*face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	name, err := f.Name(&buf, sfnt.NameIDPostScript)
	if err != nil {
		return nil, err
	}
	upem := int(f.UnitsPerEm())
	ppem := fixed.I(upem) // metrics come back in font units
	scale := func(v fixed.Int26_6) int { return v.Round() * 1000 / upem }
	fc := &face{name: name, ttf: ttf, upem: float64(upem), gid: make([]uint16, 0x10000)}
	// The fonts are cut to these ranges (fonts/VERSION).
	for r := rune(0x20); r < 0x10000; r++ {
		if r == 0x2800 {
			r = 0xFB00
		}
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			fc.gid[r] = uint16(g)
		}
	}
	fc.adv = make([]uint16, f.NumGlyphs())
	for g := range fc.adv {
		a, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		fc.adv[g] = uint16(a.Round())
	}
	b, err := f.Bounds(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	// sfnt's y points down.
	fc.bbox = [4]int{scale(b.Min.X), scale(-b.Max.Y), scale(b.Max.X), scale(-b.Min.Y)}
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	fc.ascent, fc.descent, fc.capH = scale(m.Ascent), -scale(m.Descent), scale(m.CapHeight)
	h := fnv.New32a()
	h.Write([]byte(name))
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	fc.tag = string(tag)
	return fc, nil
}

// glyph returns the glyph id of r (0, the empty box, when the font lacks it).
func (f *face) glyph(r rune) uint16 {
	if r < 0 || int(r) >= len(f.gid) {
		return 0
	}
	return f.gid[r]
}

// width returns the width of s at size points, in millimetres. Letters
// the font lacks take no room (they are not drawn: encode).
func (f *face) width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		if g := f.glyph(r); g != 0 {
			units += int(f.adv[g])
		}
	}
	return float64(units) * size / f.upem / mmToPt
}

// usedFont is a face as one document uses it: the glyphs it shows, each
// with the id it gets in the document's subset of the font (in the order
// of first use), and the letters they stand for.
type usedFont struct {
	face  *face
	res   string            // resource name: F1, F2
	ids   map[uint16]uint16 // the face's glyph id -> the subset's
	order []uint16          // the subset's glyphs: the face's id of each
	uni   map[uint16]rune   // the subset's glyph id -> its letter (ToUnicode)
	cmap  map[rune]uint16   // letter -> the subset's glyph id (the font's own cmap)
}

func newUsedFont(f *face, res string) *usedFont {
	return &usedFont{face: f, res: res, ids: map[uint16]uint16{0: 0}, order: []uint16{0},
		uni: map[uint16]rune{}, cmap: map[rune]uint16{}}
}

// used reports whether the document shows any of the font's glyphs.
func (u *usedFont) used() bool { return len(u.order) > 1 }

// encode appends the subset's glyph ids of s as a string of two bytes
// each (a literal string: half the size of hex). A letter the font lacks
// is left out rather than shown as the empty box (.notdef, which PDF/UA
// forbids): Printable keeps documents with such letters from getting a
// PDF; what is left are invisible ones (U+FE0F, U+200B).
func (u *usedFont) encode(b []byte, s string) []byte {
	b = append(b, '(')
	for _, r := range s {
		g := u.face.glyph(r)
		if g == 0 {
			continue
		}
		id, ok := u.ids[g]
		if !ok {
			id = uint16(len(u.order))
			u.ids[g] = id
			u.order = append(u.order, g)
			u.uni[id] = r
		}
		if _, ok := u.cmap[r]; !ok {
			u.cmap[r] = id
		}
		b = appendLiteralByte(appendLiteralByte(b, byte(id>>8)), byte(id))
	}
	return append(b, ')')
}

// appendLiteralByte appends a byte of a literal string, escaped where it
// must be (PDF 7.3.4.2: brackets, backslash, and line ends, which readers
// would change).
func appendLiteralByte(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	case '\n':
		return append(b, '\\', 'n')
	}
	return append(b, c)
}

// embed adds the font, cut to the glyphs used, to the document and returns
// its reference.
func (u *usedFont) embed(d *objects) (types.IndirectRef, error) {
	f := u.face
	shown := len(u.order)
	ttf, _, err := compactSubset(f.ttf, slices.Clone(u.order), u.cmap)
	if err != nil {
		return types.IndirectRef{}, err
	}
	file := d.add(stream(types.Dict{"Length1": types.Integer(len(ttf))}, deflate(ttf)))
	name := types.Name(f.tag + "+" + f.name)
	desc := fontDescriptor(d, name, f.bbox, f.ascent, f.descent, f.capH, file)
	// The widths of the glyphs shown, ids 1 to shown-1: [1 [w w w ...]].
	widths := make(types.Array, 0, shown-1)
	for _, g := range u.order[1:shown] {
		widths = append(widths, types.Integer(int(float64(f.adv[g])*1000/f.upem+0.5)))
	}
	cid := d.add(types.Dict{
		"Type":     types.Name("Font"),
		"Subtype":  types.Name("CIDFontType2"),
		"BaseFont": name,
		"CIDSystemInfo": types.Dict{
			"Registry": types.StringLiteral("Adobe"), "Ordering": types.StringLiteral("Identity"), "Supplement": types.Integer(0),
		},
		"FontDescriptor": desc,
		"DW":             types.Integer(1000),
		"W":              types.Array{types.Integer(1), widths},
		"CIDToGIDMap":    types.Name("Identity"),
	})
	pairs := make([]glyphRune, 0, shown-1)
	for id := 1; id < shown; id++ {
		pairs = append(pairs, glyphRune{uint16(id), u.uni[uint16(id)]})
	}
	cmap := d.add(stream(types.Dict{}, deflate(toUnicodeCMap(pairs))))
	return d.add(types.Dict{
		"Type":            types.Name("Font"),
		"Subtype":         types.Name("Type0"),
		"BaseFont":        name,
		"Encoding":        types.Name("Identity-H"),
		"DescendantFonts": types.Array{cid},
		"ToUnicode":       cmap,
	}), nil
}

// glyphRune is a glyph id and the letter it shows.
type glyphRune struct {
	g uint16
	r rune
}

// toUnicodeCMap is the CMap that maps glyph ids (sorted) to their letters,
// so that text can be copied, searched and read aloud.
func toUnicodeCMap(pairs []glyphRune) []byte {
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(pairs); i += 100 {
		chunk := pairs[i:min(i+100, len(pairs))]
		b = fmt.Appendf(b, "%d beginbfchar\n", len(chunk))
		for _, p := range chunk {
			if p.r > 0xFFFF {
				r1, r2 := 0xD800+((p.r-0x10000)>>10), 0xDC00+((p.r-0x10000)&0x3FF)
				b = fmt.Appendf(b, "<%04X> <%04X%04X>\n", p.g, r1, r2)
				continue
			}
			b = fmt.Appendf(b, "<%04X> <%04X>\n", p.g, p.r)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}

// fontDescriptor adds the FontDescriptor of an embedded TrueType font
// (nonsymbolic, upright) with its metrics and font file.
func fontDescriptor(d *objects, name types.Name, bbox [4]int, ascent, descent, capH int, file types.IndirectRef) types.IndirectRef {
	return d.add(types.Dict{
		"Type":        types.Name("FontDescriptor"),
		"FontName":    name,
		"Flags":       types.Integer(32), // nonsymbolic
		"FontBBox":    types.NewIntegerArray(bbox[0], bbox[1], bbox[2], bbox[3]),
		"ItalicAngle": types.Integer(0),
		"Ascent":      types.Integer(ascent),
		"Descent":     types.Integer(descent),
		"CapHeight":   types.Integer(capH),
		"StemV":       types.Integer(80),
		"FontFile2":   file,
	})
}
