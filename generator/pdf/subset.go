package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// subset.go: a TrueType font cut to the glyphs a document shows, renumbered
// in the order the document first uses them (glyph 0 stays the empty
// box), so that its glyph index (loca), widths (hmtx) and character map
// hold those glyphs only: a few kilobytes where keeping the font's own
// numbering (as the field font does, fieldfont.go) keeps tables for all
// 1,670 glyphs.

// ttfTables splits a TrueType font into its tables.
func ttfTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("short font")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errors.New("short font")
	}
	tables := map[string][]byte{}
	for i := range n {
		rec := ttf[12+16*i:]
		off, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(l) > uint64(len(ttf)) {
			return nil, fmt.Errorf("table %s out of range", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+l]
	}
	return tables, nil
}

// glyphData returns glyph g of a font's glyf table, by its loca.
func glyphData(t map[string][]byte, g int) []byte {
	head, loca, glyf := t["head"], t["loca"], t["glyf"]
	long := binary.BigEndian.Uint16(head[50:]) == 1
	at := func(i int) int {
		if long {
			if 4*i+4 > len(loca) {
				return -1
			}
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		if 2*i+2 > len(loca) {
			return -1
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	a, b := at(g), at(g+1)
	if a < 0 || b < a || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// components calls f with the offset of each component's glyph index in a
// composite glyph's data.
func components(gb []byte, f func(at int)) {
	if len(gb) < 10 || int16(binary.BigEndian.Uint16(gb)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(gb); {
		flags := binary.BigEndian.Uint16(gb[p:])
		f(p + 2)
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			return
		}
	}
}

// compactSubset returns the font with the glyphs of order only, glyph i of
// the result being glyph order[i] of ttf (order[0] must be 0), and
// composite glyphs' components appended to order as needed; cmap maps
// the letters shown to their new glyph ids.
func compactSubset(ttf []byte, order []uint16, cmap map[rune]uint16) ([]byte, []uint16, error) {
	t, err := ttfTables(ttf)
	if err != nil {
		return nil, nil, err
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if t[tag] == nil {
			return nil, nil, fmt.Errorf("no %s table", tag)
		}
	}
	numGlyphs := int(binary.BigEndian.Uint16(t["maxp"][4:]))
	newID := map[uint16]uint16{}
	for i, g := range order {
		newID[g] = uint16(i)
	}
	// Composite glyphs' components join the subset.
	for i := 0; i < len(order); i++ {
		components(glyphData(t, int(order[i])), func(at int) {
			c := binary.BigEndian.Uint16(glyphData(t, int(order[i]))[at:])
			if _, ok := newID[c]; !ok && int(c) < numGlyphs {
				newID[c] = uint16(len(order))
				order = append(order, c)
			}
		})
	}
	n := len(order)
	var glyf bytes.Buffer
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	oldH := t["hmtx"]
	numH := int(binary.BigEndian.Uint16(t["hhea"][34:]))
	for i, g := range order {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(glyf.Len()))
		gb := bytes.Clone(glyphData(t, int(g)))
		components(gb, func(at int) {
			binary.BigEndian.PutUint16(gb[at:], newID[binary.BigEndian.Uint16(gb[at:])])
		})
		glyf.Write(gb)
		for glyf.Len()%4 != 0 {
			glyf.WriteByte(0)
		}
		// The advance and left side bearing (PDF widths come from /W).
		var adv, lsb uint16
		switch {
		case int(g) < numH && 4*int(g)+4 <= len(oldH):
			adv, lsb = binary.BigEndian.Uint16(oldH[4*g:]), binary.BigEndian.Uint16(oldH[4*g+2:])
		case numH > 0 && 4*numH+2*(int(g)-numH)+2 <= len(oldH):
			adv = binary.BigEndian.Uint16(oldH[4*(numH-1):])
			lsb = binary.BigEndian.Uint16(oldH[4*numH+2*(int(g)-numH):])
		}
		binary.BigEndian.PutUint16(hmtx[4*i:], adv)
		binary.BigEndian.PutUint16(hmtx[4*i+2:], lsb)
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(glyf.Len()))

	head := bytes.Clone(t["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set by writeFont
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := bytes.Clone(t["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := bytes.Clone(t["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	out := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "loca": loca, "glyf": glyf.Bytes(), "hmtx": hmtx,
		"cmap": cmapFormat4(cmap),
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if v, ok := t[tag]; ok {
			out[tag] = v
		}
	}
	if post, ok := t["post"]; ok && len(post) >= 32 {
		p := bytes.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000) // no glyph names
		out["post"] = p
	}
	return writeFont(out), order, nil
}

// cmapFormat4 is a cmap table (Windows, Unicode BMP, format 4) of the
// letters given, one segment each.
func cmapFormat4(m map[rune]uint16) []byte {
	var runes []rune
	for r := range m {
		if r > 0 && r < 0xFFFF {
			runes = append(runes, r)
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	seg := len(runes) + 1
	sub := make([]byte, 16+8*seg)
	binary.BigEndian.PutUint16(sub[0:], 4)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	binary.BigEndian.PutUint16(sub[6:], uint16(2*seg))
	sr := 2
	sel := 0
	for sr*2 <= 2*seg {
		sr *= 2
		sel++
	}
	binary.BigEndian.PutUint16(sub[8:], uint16(sr))
	binary.BigEndian.PutUint16(sub[10:], uint16(sel))
	binary.BigEndian.PutUint16(sub[12:], uint16(2*seg-sr))
	end, start, delta := 14, 16+2*seg, 16+4*seg
	for i, r := range runes {
		binary.BigEndian.PutUint16(sub[end+2*i:], uint16(r))
		binary.BigEndian.PutUint16(sub[start+2*i:], uint16(r))
		binary.BigEndian.PutUint16(sub[delta+2*i:], uint16(int(m[r])-int(r)))
	}
	last := seg - 1
	binary.BigEndian.PutUint16(sub[end+2*last:], 0xFFFF)
	binary.BigEndian.PutUint16(sub[start+2*last:], 0xFFFF)
	binary.BigEndian.PutUint16(sub[delta+2*last:], 1)
	// idRangeOffset: all 0. One encoding record: platform 3, encoding 1.
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// writeFont assembles tables into a TrueType font file.
func writeFont(out map[string][]byte) []byte {
	tags := make([]string, 0, len(out))
	for t := range out {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySel := 0
	for 1<<(entrySel+1) <= n {
		entrySel++
	}
	searchRange := (1 << entrySel) * 16
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, 0x00010000)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(hdr[8:], uint16(entrySel))
	binary.BigEndian.PutUint16(hdr[10:], uint16(n*16-searchRange))
	var body bytes.Buffer
	headOff := 0
	for i, tag := range tags {
		t := out[tag]
		rec := hdr[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(hdr)+body.Len()))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headOff = len(hdr) + body.Len()
		}
		body.Write(t)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	res := append(hdr, body.Bytes()...)
	binary.BigEndian.PutUint32(res[headOff+8:], 0xB1B0AFBA-checksum(res))
	return res
}
