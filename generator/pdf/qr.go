package pdf

import (
	"strconv"
	"sync"

	goqr "github.com/piglig/go-qr"
)

// qrCodes caches the modules of each address's QR code: encoding one
// takes a third of a millisecond (every mask is tried, as ISO/IEC 18004
// wants), and a form's code is drawn in its own PDF and again in the
// binder. The modules depend on the address alone, so the cache changes
// no byte.
var qrCodes sync.Map // string -> [][]bool

// qrModules returns the QR code of text (Medium error correction, no
// quiet zone), or nil when it cannot be encoded.
func qrModules(text string) [][]bool {
	if v, ok := qrCodes.Load(text); ok {
		return v.([][]bool)
	}
	q, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return nil
	}
	n := q.Size()
	bm := make([][]bool, n)
	for y := range n {
		bm[y] = make([]bool, n)
		for x := range n {
			bm[y][x] = q.Module(x, y)
		}
	}
	qrCodes.Store(text, bm)
	return bm
}

// drawQR draws a QR code of text as filled squares, size millimetres wide,
// with its top-left corner at x, y. It reports false when the text cannot
// be encoded. The squares are written in modules, scaled by the
// transformation matrix, so that a code takes a few kilobytes of content.
func drawQR(c *canvas, text string, x, y, size float64) bool {
	bm := qrModules(text)
	n := len(bm)
	if n == 0 {
		return false
	}
	p := c.begin()
	p.setFill([3]uint8{0, 0, 0})
	cell := size / float64(n) * mmToPt
	p.buf = append(p.buf, "q "...)
	p.buf = num(p.buf, cell)
	p.buf = append(p.buf, " 0 0 "...)
	p.buf = num(p.buf, -cell)
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y))
	p.buf = append(p.buf, " cm\n"...)
	for r, row := range bm {
		// Join runs of dark modules in a row into one rectangle, a hair
		// taller than a module so that no seam shows between rows.
		for col := 0; col < n; {
			if !row[col] {
				col++
				continue
			}
			start := col
			for col < n && row[col] {
				col++
			}
			p.buf = strconv.AppendInt(p.buf, int64(start), 10)
			p.buf = append(p.buf, ' ')
			p.buf = strconv.AppendInt(p.buf, int64(r), 10)
			p.buf = append(p.buf, ' ')
			p.buf = strconv.AppendInt(p.buf, int64(col-start), 10)
			p.buf = append(p.buf, " 1.02 re\n"...)
		}
	}
	p.buf = append(p.buf, "f Q\n"...)
	return true
}

// Edge tabs: a level's coloured tab near the outer edge of the page, at a
// height that depends on the level, so that the levels' sections can be
// found by thumbing through the printed binder. Printers leave 4-5 mm at
// the edge of the paper unprinted, so the tab stays tabInset inside it;
// printed on both sides, the outer edge is the right one of odd pages
// and the left one of even pages.
const (
	tabW, tabH, tabGap = 9.0, 46.0, 8.0
	tabInset           = 5.0
)

// drawTab draws the tab t on page n.
func drawTab(c *canvas, t *tab, n int) {
	y := 40 + float64(t.index)*(tabH+tabGap)
	x := PageW - tabInset - tabW
	if n%2 == 0 {
		x = tabInset
	}
	c.fillRect(x, y, tabW, tabH, t.r, t.g, t.b)
	c.setFont(true, 14)
	c.setColor(255, 255, 255)
	c.text(x+(tabW-c.width(t.label))/2, y+tabH/2+2, t.label)
	c.setColor(0, 0, 0)
}
