package pdf

import (
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// freelayout.go: text placed in boxes rather than flowed down pages, for
// the poster and the slides, whose every part has its place on one page:
// wrapped to a width, sized down until it fits, never breaking a page.

// linesOf wraps spans to width at size.
func (w *writer) linesOf(spans []Span, width, size float64) [][]word {
	return w.lines(words(spans), width, size)
}

// textAt writes spans wrapped to width into the element e (nil: what is
// drawn keeps the current mark) with the top of its first line at y, at
// most maxLines lines (0: all; a longer text ends in "…"). It returns
// where the next line would start.
func (w *writer) textAt(e *elem, spans []Span, x, y, width, size, lead float64, maxLines int) float64 {
	lines := w.linesOf(spans, width, size)
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		lines[maxLines-1] = append(last[:len(last):len(last)], word{text: "…", glued: true})
	}
	return w.linesAt(e, lines, x, y, size, lead)
}

// linesAt writes wrapped lines from y, as textAt does.
func (w *writer) linesAt(e *elem, lines [][]word, x, y, size, lead float64) float64 {
	saved := w.y
	w.y = y
	links := map[int]*elem{}
	texts := linkTexts(lines)
	for i, l := range lines {
		w.line(e, links, texts, l, x, size, lead, i+1 < len(lines))
	}
	end := w.y
	w.y = saved
	return end
}

// fitSize returns the largest size of sizes (largest first) at which
// spans wrap to width in at most maxLines lines, and the smallest when
// none does.
func (w *writer) fitSize(spans []Span, width float64, maxLines int, sizes ...float64) float64 {
	for _, s := range sizes {
		if len(w.linesOf(spans, width, s)) <= maxLines {
			return s
		}
	}
	return sizes[len(sizes)-1]
}

// textWidth is the width of plain text at size, bold or not.
func (w *writer) textWidth(s string, bold bool, size float64) float64 {
	return w.c.fonts[b2i(bold)].face.width(s, size)
}

// qrFigure draws a QR code of url, size millimetres wide at x, y, as a
// Figure in parent described as alt ("QR-kode til") and the address; it
// reports whether the code could be drawn.
func (w *writer) qrFigure(parent *elem, alt, url string, x, y, size float64) bool {
	c := w.c
	m := c.current()
	defer c.restore(m)
	fig := &elem{tag: "Figure", alt: alt + " " + shortURL(url)}
	fig.attr = figureAttr(c, x, y, size, size)
	c.tag(fig)
	if !drawQR(c, url, x, y, size) {
		return false
	}
	if !c.flat {
		fig.parent = parent
		parent.kids = append(parent.kids, kid{elem: fig})
	}
	return true
}

// plain is text as one span.
func plain(s string) []Span { return []Span{{Text: s}} }

// bold is text as one bold span.
func bold(s string) []Span { return []Span{{Text: s, Bold: true}} }

// linked is text as a link to url.
func linked(s, url string) []Span { return []Span{{Text: s, Link: url, LinkNo: 1}} }

// tint mixes rgb with white: amount 0 is rgb, 1 white.
func tint(rgb [3]uint8, amount float64) [3]uint8 {
	var out [3]uint8
	for i, v := range rgb {
		out[i] = uint8(float64(v) + (255-float64(v))*amount + 0.5)
	}
	return out
}

// fill fills a rectangle in rgb.
func (c *canvas) fill(x, y, w, h float64, rgb [3]uint8) {
	c.fillRect(x, y, w, h, rgb[0], rgb[1], rgb[2])
}

// colorOf sets the text colour.
func (c *canvas) colorOf(rgb [3]uint8) { c.setColor(rgb[0], rgb[1], rgb[2]) }

// circle fills a circle of radius r around x, y in rgb (four Bézier arcs).
func (c *canvas) circle(x, y, r float64, rgb [3]uint8) {
	p := c.begin()
	p.setFill(rgb)
	const k = 0.5523 // the control points' distance for a quarter circle
	cx, cy, rr, kr := ptX(x), p.ptY(y), r*mmToPt, r*mmToPt*k
	pt := func(b []byte, vs ...float64) []byte {
		for _, v := range vs {
			b = append(num(b, v), ' ')
		}
		return b
	}
	p.buf = append(pt(p.buf, cx+rr, cy), "m "...)
	p.buf = append(pt(p.buf, cx+rr, cy+kr, cx+kr, cy+rr, cx, cy+rr), "c "...)
	p.buf = append(pt(p.buf, cx-kr, cy+rr, cx-rr, cy+kr, cx-rr, cy), "c "...)
	p.buf = append(pt(p.buf, cx-rr, cy-kr, cx-kr, cy-rr, cx, cy-rr), "c "...)
	p.buf = append(pt(p.buf, cx+kr, cy-rr, cx+rr, cy-kr, cx+rr, cy), "c f\n"...)
}

// frame draws the outline of a rectangle in rgb, width millimetres wide.
func (c *canvas) frame(x, y, w, h, width float64, rgb [3]uint8) {
	p := c.begin()
	p.setStroke(rgb, width)
	p.rect(x, y, w, h)
	p.buf = append(p.buf, " S\n"...)
}

// headingIn opens a heading of level h in parent; levels never skip one
// (as heading).
func (w *writer) headingIn(parent *elem, h int) *elem {
	h = min(max(h, 1), w.lastH+1, 6)
	w.lastH = h
	return parent.add("H" + strconv.Itoa(h))
}

// listAttr is the attribute object of a list numbered so: Decimal, Disc, None.
func listAttr(numbering string) types.Dict {
	return types.Dict{"O": types.Name("List"), "ListNumbering": types.Name(numbering)}
}

// address writes the short form of url as a link in a paragraph of
// parent, at size points or smaller down to 9 so that it fits on one
// line of width; an address too long even then is left out (the QR code
// beside it and its description hold it).
func (w *writer) address(parent *elem, url string, x, y, width, size float64) {
	short := shortURL(url)
	for ; size >= 9; size-- {
		if w.textWidth(short, false, size) <= width {
			w.textAt(parent.add("P"), linked(short, url), x, y, width, size, lead(size), 1)
			return
		}
	}
}
