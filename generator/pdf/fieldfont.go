package pdf

// fieldfont.go: a pure-Go "repertoire subset" of a TrueType font for use as the
// AcroForm field font (/DR), plus the PDF Type0 (CIDFontType2, Identity-H)
// font dictionary built on pdfcpu's object model.
//
// Why: Helvetica/WinAnsi (the usual /Helv field font) lacks č đ ŋ š ŧ ž, so a
// viewer cannot render Northern Sámi typed into a field. We embed Noto Sans,
// but only the glyphs a form user may type (Latin-1, Latin Extended-A/B, common
// punctuation), keeping glyph ids unchanged (unused glyphs become empty), so
// CIDToGIDMap stays /Identity and all widths stay valid. ~512 KB -> ~40 KB
// (deflated ~25 KB).

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// FieldRepertoire lists the runes a form user can type and see in the field font.
func FieldRepertoire() []rune {
	var rs []rune
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			rs = append(rs, r)
		}
	}
	add(0x20, 0x7E)   // Basic Latin
	add(0xA0, 0xFF)   // Latin-1 (æ ø å á ...)
	add(0x100, 0x17F) // Latin Extended-A (č đ ŋ š ŧ ž ...)
	add(0x180, 0x24F) // Latin Extended-B (ǧ ǥ ǩ ǯ ... for Skolt/Inari/Lule/South Sámi)
	add(0x2010, 0x2027)
	add(0x2030, 0x203A)
	rs = append(rs, 0x0292, 0x02B9, 0x02BC, 0x20AC, 0x2122, 0x2212)
	return rs
}

// FieldFont is a parsed, subset field font ready to be added to a PDF.
type FieldFont struct {
	PostScriptName             string
	TTF                        []byte          // subset font program (FontFile2)
	ttfZ, cmapZ                []byte          // Flate-encoded once, reused by every PDF
	gids                       map[rune]uint16 // rune -> glyph id (== CID)
	widths                     map[uint16]int  // glyph id -> width in 1/1000 em
	bbox                       [4]int
	ascent, descent, capHeight int
}

// NewFieldFont parses a TTF and builds its repertoire subset.
func NewFieldFont(ttf []byte, repertoire []rune) (*FieldFont, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := int(f.UnitsPerEm())
	ppem := fixed.I(upem) // advances come back in font units
	scale := func(v int) int { return v * 1000 / upem }

	ff := &FieldFont{gids: map[rune]uint16{}, widths: map[uint16]int{}}
	if ff.PostScriptName, err = f.Name(&buf, sfnt.NameIDPostScript); err != nil {
		return nil, err
	}
	keep := map[uint16]bool{0: true}
	for _, r := range repertoire {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue // not in font
		}
		g := uint16(gi)
		ff.gids[r] = g
		keep[g] = true
		adv, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		ff.widths[g] = scale(adv.Round())
	}
	b, err := f.Bounds(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	// sfnt bounds have y pointing down.
	ff.bbox = [4]int{scale(b.Min.X.Round()), scale(-b.Max.Y.Round()), scale(b.Max.X.Round()), scale(-b.Min.Y.Round())}
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	ff.ascent, ff.descent, ff.capHeight = scale(m.Ascent.Round()), -scale(m.Descent.Round()), scale(m.CapHeight.Round())
	if ff.TTF, err = subsetKeepGIDs(ttf, keep); err != nil {
		return nil, err
	}
	ff.ttfZ, ff.cmapZ = deflateBest(ff.TTF), deflateBest(ff.toUnicode())
	return ff, nil
}

// add writes the Type0 font (and its descendant, descriptor, font file and
// ToUnicode CMap) into the document and returns the font's reference.
func (ff *FieldFont) add(d *objects) types.IndirectRef {
	file := d.add(stream(types.Dict{"Length1": types.Integer(len(ff.TTF))}, ff.ttfZ))
	name := types.Name(ff.PostScriptName)
	fd := fontDescriptor(d, name, ff.bbox, ff.ascent, ff.descent, ff.capHeight, file)
	gids := make([]int, 0, len(ff.widths))
	for g := range ff.widths {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	w := types.Array{}
	for _, g := range gids {
		w = append(w, types.Integer(g), types.Array{types.Integer(ff.widths[uint16(g)])})
	}
	cid := d.add(types.Dict{
		"Type":     types.Name("Font"),
		"Subtype":  types.Name("CIDFontType2"),
		"BaseFont": name,
		"CIDSystemInfo": types.Dict{
			"Registry":   types.StringLiteral("Adobe"),
			"Ordering":   types.StringLiteral("Identity"),
			"Supplement": types.Integer(0),
		},
		"FontDescriptor": fd,
		"DW":             types.Integer(1000),
		"W":              w,
		"CIDToGIDMap":    types.Name("Identity"),
	})
	cmap := d.add(stream(types.Dict{}, ff.cmapZ))
	return d.add(types.Dict{
		"Type":            types.Name("Font"),
		"Subtype":         types.Name("Type0"),
		"BaseFont":        name,
		"Encoding":        types.Name("Identity-H"),
		"DescendantFonts": types.Array{cid},
		"ToUnicode":       cmap,
	})
}

// toUnicode is the field font's CMap: each glyph to one letter, ASCII
// preferred where letters share a glyph (U+00A0 and U+0020).
func (ff *FieldFont) toUnicode() []byte {
	best := map[uint16]rune{}
	for r, g := range ff.gids {
		if old, ok := best[g]; !ok || r < old {
			best[g] = r
		}
	}
	pairs := make([]glyphRune, 0, len(best))
	for g, r := range best {
		pairs = append(pairs, glyphRune{g, r})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].g < pairs[j].g })
	return toUnicodeCMap(pairs)
}

// subsetKeepGIDs returns a TrueType font that keeps only the glyph outlines in
// keep (plus composite components), with unchanged glyph ids. Layout tables
// (GSUB, GPOS, ...) are dropped; post is cut to format 3.
func subsetKeepGIDs(ttf []byte, keep map[uint16]bool) ([]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("short font")
	}
	numTables := int(binary.BigEndian.Uint16(ttf[4:]))
	tables := map[string][]byte{}
	for i := 0; i < numTables; i++ {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off+n) > len(ttf) {
			return nil, fmt.Errorf("table %s out of range", tag)
		}
		tables[tag] = ttf[off : off+n]
	}
	head, loca, glyf, maxp := tables["head"], tables["loca"], tables["glyf"], tables["maxp"]
	if head == nil || loca == nil || glyf == nil || maxp == nil {
		return nil, errors.New("not a glyf-based TrueType font")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) int {
		if longLoca {
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	glyph := func(g int) []byte { return glyf[offset(g):offset(g+1)] }

	// Close over composite glyph components.
	stack := make([]uint16, 0, len(keep))
	for g := range keep {
		stack = append(stack, g)
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if int(g) >= numGlyphs {
			continue
		}
		gb := glyph(int(g))
		components(gb, func(at int) {
			if c := binary.BigEndian.Uint16(gb[at:]); !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		})
	}

	var newGlyf bytes.Buffer
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(newGlyf.Len()))
		if keep[uint16(g)] {
			newGlyf.Write(glyph(g))
			for newGlyf.Len()%4 != 0 {
				newGlyf.WriteByte(0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(newGlyf.Len()))

	newHead := bytes.Clone(head)
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca

	out := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf.Bytes()}
	for _, tag := range []string{"hhea", "hmtx", "maxp", "cmap", "name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	if post, ok := tables["post"]; ok && len(post) >= 32 {
		p := bytes.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000) // no glyph names
		out["post"] = p
	}

	return writeFont(out), nil
}

// deflateBest compresses what is made once per build (the field font)
// as small as zlib can.
func deflateBest(b []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
