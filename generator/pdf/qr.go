package pdf

import (
	qrcode "github.com/skip2/go-qrcode"
)

// drawQR draws a QR code of text as filled squares, size millimetres wide,
// with its top-left corner at x, y. It reports false when the text cannot
// be encoded.
func drawQR(c Canvas, text string, x, y, size float64) bool {
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
			c.FillRect(x+float64(start)*cell, y+float64(r)*cell, float64(col-start)*cell+0.01, cell+0.01, 0, 0, 0)
		}
	}
	return true
}

// drawTab draws a level's coloured tab on the outer edge of the page, at
// a height that depends on the level, so that the levels' sections show
// on the edge of a closed binder.
func drawTab(c Canvas, t *tab) {
	const w, h = 9.0, 46.0
	y := 40 + float64(t.index)*(h+8)
	c.FillRect(PageW-w, y, w, h, t.r, t.g, t.b)
	c.SetFont(true, 14)
	c.SetColor(255, 255, 255)
	c.Text(PageW-w+(w-c.Width(t.label))/2, y+h/2+2, t.label)
	c.SetColor(0, 0, 0)
}
