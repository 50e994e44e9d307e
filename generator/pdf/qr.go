package pdf

import (
	qrcode "github.com/skip2/go-qrcode"
)

// drawQR draws a QR code of text as filled squares, size millimetres wide,
// with its top-left corner at x, y. It reports false when the text cannot
// be encoded.
func drawQR(c *canvas, text string, x, y, size float64) bool {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return false
	}
	q.DisableBorder = true
	bm := q.Bitmap()
	n := len(bm)
	if n == 0 {
		return false
	}
	cell := size / float64(n)
	var rs [][4]float64
	for r, row := range bm {
		// Join runs of dark modules in a row into one rectangle.
		for col := 0; col < n; {
			if !row[col] {
				col++
				continue
			}
			start := col
			for col < n && row[col] {
				col++
			}
			rs = append(rs, [4]float64{x + float64(start)*cell, y + float64(r)*cell, float64(col-start)*cell + 0.01, cell + 0.01})
		}
	}
	c.fillRects(rs, 0, 0, 0)
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
