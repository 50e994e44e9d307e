package pdf

import (
	"math"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A4 in millimetres.
const (
	PageW, PageH = 210.0, 297.0
)

// canvas is what the layout draws on: text in Noto Sans, lines,
// rectangles, images, links, pages that can be revisited (the binder's
// contents are written last) and an outline. Units are millimetres from
// the top-left corner; y of text is its baseline.
//
// It writes the pages' content streams itself, because a tagged PDF needs
// every piece of content inside a marked-content sequence, which no Go
// layout library writes (docs/dependencies.md): whatever is drawn belongs
// to the element set with tag, or is an artifact of the kind set with
// artifact. finish (document.go) turns it into a PDF.
type canvas struct {
	// pageW and pageH are the size of the pages in the layout's
	// millimetres; scale is how many millimetres of paper each is, and
	// paperW, paperH the paper's size (a poster laid out on A4 is printed
	// on A3 at 297/210; printOn).
	pageW, pageH, scale float64
	paperW, paperH      float64
	// flat, while set, draws everything as a layout artifact and makes
	// no annotations: a slide's miniature on its notes page.
	flat     bool
	pages    []*page
	cur      int // index of the current page
	fonts    [2]*usedFont
	bold     bool
	size     float64
	color    [3]uint8
	mark     mark
	outlines []Bookmark
	images   []*placedImage
	annots   []*annotation
}

// page is one page being drawn.
type page struct {
	h      float64 // the page's height in the layout's millimetres
	buf    []byte
	open   mark // the marked-content sequence open at the end of buf
	opened bool
	font   *usedFont
	size   float64
	fill   [3]uint8
	stroke [3]uint8
	lineW  float64
	mcids  []*elem // the element of each MCID
	annots []*annotation
	// numbers are the "Side N av M" to write when M is known.
	numbers []pageNumber
}

type pageNumber struct {
	prefix, of string
	xRight, y  float64
	size       float64 // points; 0 for the footers' 8
}

// mark is what the content drawn now belongs to: an element, or an
// artifact of a kind (the properties of its BDC).
type mark struct {
	e   *elem
	art string
}

// The kinds of artifact.
const (
	artLayout = "/Type /Layout"                      // rules, boxes, tabs, decorations
	artHeader = "/Type /Pagination /Subtype /Header" // the running header
	artFooter = "/Type /Pagination /Subtype /Footer" // the running footer
	artPage   = "/Type /Pagination"                  // a table header repeated on a new page
)

// annotation is a link or a field's widget on a page.
type annotation struct {
	page     int // 1-based
	x, y     float64
	w, h     float64
	uri      string // an external link
	dest     int    // an internal link: the page it opens
	contents string
	elem     *elem  // the Link or Form element it belongs to
	field    *Field // a field's widget; nil for a link
	key      int    // its /StructParent
	ref      types.IndirectRef
}

// newCanvas is a canvas of A4 pages.
func newCanvas() (*canvas, error) { return newCanvasOf(PageW, PageH) }

// newCanvasOf is a canvas of pages w by h millimetres.
func newCanvasOf(w, h float64) (*canvas, error) {
	fs, err := faces()
	if err != nil {
		return nil, err
	}
	c := &canvas{pageW: w, pageH: h, scale: 1, paperW: w, paperH: h, size: 10, mark: mark{art: artLayout}}
	c.fonts[0] = newUsedFont(fs[0], "F1")
	c.fonts[1] = newUsedFont(fs[1], "F2")
	return c, nil
}

// printOn prints the pages, laid out at their size, on paper w by h
// millimetres, scaled to its width (A4 to A3: A3's height is A4's scaled
// to within 0.05 mm).
func (c *canvas) printOn(w, h float64) {
	c.scale, c.paperW, c.paperH = w/c.pageW, w, h
}

// addPage starts a new page and makes it current.
func (c *canvas) addPage() {
	c.pages = append(c.pages, &page{h: c.pageH, lineW: -1})
	c.cur = len(c.pages) - 1
}

// pageNo is the number of the current page (1-based).
func (c *canvas) pageNo() int { return c.cur + 1 }

// setPage makes page n (1-based) current.
func (c *canvas) setPage(n int) {
	if n >= 1 && n <= len(c.pages) {
		c.cur = n - 1
	}
}

// tag makes what is drawn from now on content of e.
func (c *canvas) tag(e *elem) {
	if !c.flat {
		c.mark = mark{e: e}
	}
}

// artifact makes what is drawn from now on an artifact of kind (artLayout ...).
func (c *canvas) artifact(kind string) {
	if !c.flat {
		c.mark = mark{art: kind}
	}
}

// current returns the mark, to be restored with restore.
func (c *canvas) current() mark { return c.mark }
func (c *canvas) restore(m mark) {
	if !c.flat {
		c.mark = m
	}
}

func (c *canvas) setFont(bold bool, size float64) { c.bold, c.size = bold, size }
func (c *canvas) setColor(r, g, b uint8)          { c.color = [3]uint8{r, g, b} }

// width is the width of s in the current font, in millimetres.
func (c *canvas) width(s string) float64 { return c.font().face.width(s, c.size) }

func (c *canvas) font() *usedFont {
	if c.bold {
		return c.fonts[1]
	}
	return c.fonts[0]
}

// begin returns the current page with the current mark's marked-content
// sequence open.
func (c *canvas) begin() *page {
	p := c.pages[c.cur]
	if p.opened && p.open == c.mark {
		return p
	}
	if p.opened {
		p.buf = append(p.buf, "EMC\n"...)
	}
	p.opened, p.open = true, c.mark
	if e := c.mark.e; e != nil {
		mcid := len(p.mcids)
		p.mcids = append(p.mcids, e)
		e.kids = append(e.kids, kid{page: c.cur + 1, mcid: mcid})
		p.buf = append(p.buf, '/')
		p.buf = append(p.buf, e.tag...)
		p.buf = append(p.buf, " <</MCID "...)
		p.buf = strconv.AppendInt(p.buf, int64(mcid), 10)
		p.buf = append(p.buf, ">> BDC\n"...)
		return p
	}
	art := c.mark.art
	if art == "" {
		art = artLayout
	}
	p.buf = append(p.buf, "/Artifact <<"...)
	p.buf = append(p.buf, art...)
	p.buf = append(p.buf, ">> BDC\n"...)
	return p
}

// end closes the page's open marked-content sequence.
func (p *page) end() {
	if p.opened {
		p.buf = append(p.buf, "EMC\n"...)
		p.opened = false
	}
}

// num appends a number of points with at most two decimals.
func num(b []byte, v float64) []byte {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// ptX and ptY turn the layout's millimetres from the top-left corner
// into the points of the page's content, from its foot.
// factor appends a scale factor, with the five decimals that keep a
// page's width to a hundredth of a point.
func factor(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 5, 64) }

func ptX(mm float64) float64           { return mm * mmToPt }
func (p *page) ptY(mm float64) float64 { return (p.h - mm) * mmToPt }

// rectPt is the rectangle of an area of the layout in the page's points,
// bottom-left origin, as annotations give it (scaled like the content).
func (c *canvas) rectPt(x, y, w, h float64) types.Array {
	k := mmToPt * c.scale
	return types.NewNumberArray(round2(x*k), round2((c.pageH-y-h)*k), round2((x+w)*k), round2((c.pageH-y)*k))
}

func (p *page) setFill(rgb [3]uint8) {
	if p.fill == rgb {
		return
	}
	p.fill = rgb
	p.buf = appendRGB(p.buf, rgb)
	p.buf = append(p.buf, " rg\n"...)
}

func (p *page) setStroke(rgb [3]uint8, width float64) {
	if p.stroke != rgb || p.lineW < 0 {
		p.stroke = rgb
		p.buf = appendRGB(p.buf, rgb)
		p.buf = append(p.buf, " RG\n"...)
	}
	if p.lineW != width {
		p.lineW = width
		p.buf = num(p.buf, width*mmToPt)
		p.buf = append(p.buf, " w\n"...)
	}
}

func appendRGB(b []byte, rgb [3]uint8) []byte {
	for i, v := range rgb {
		if i > 0 {
			b = append(b, ' ')
		}
		b = num(b, float64(v)/255)
	}
	return b
}

// beginText opens a text object on the current page in the current
// colour, selecting the font and size when they changed, and returns the
// page and the font.
func (c *canvas) beginText() (*page, *usedFont) {
	p := c.begin()
	f := c.font()
	p.setFill(c.color)
	p.buf = append(p.buf, "BT\n"...)
	if p.font != f || p.size != c.size {
		p.font, p.size = f, c.size
		p.buf = append(p.buf, '/')
		p.buf = append(p.buf, f.res...)
		p.buf = append(p.buf, ' ')
		p.buf = num(p.buf, c.size)
		p.buf = append(p.buf, " Tf\n"...)
	}
	return p, f
}

// text draws s with its baseline at y.
func (c *canvas) text(x, y float64, s string) {
	if s == "" {
		return
	}
	p, f := c.beginText()
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y))
	p.buf = append(p.buf, " Td\n"...)
	p.buf = f.encode(p.buf, s)
	p.buf = append(p.buf, " Tj\nET\n"...)
}

// line draws a line width millimetres wide in a grey (0 black, 255 white).
func (c *canvas) line(x1, y1, x2, y2, width float64, gray uint8) {
	p := c.begin()
	p.setStroke([3]uint8{gray, gray, gray}, width)
	p.buf = num(p.buf, ptX(x1))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y1))
	p.buf = append(p.buf, " m "...)
	p.buf = num(p.buf, ptX(x2))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y2))
	p.buf = append(p.buf, " l S\n"...)
}

func (p *page) rect(x, y, w, h float64) {
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y+h))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, w*mmToPt)
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, h*mmToPt)
	p.buf = append(p.buf, " re"...)
}

// strokeRect draws the outline of a rectangle.
func (c *canvas) strokeRect(x, y, w, h, width float64, gray uint8) {
	p := c.begin()
	p.setStroke([3]uint8{gray, gray, gray}, width)
	p.rect(x, y, w, h)
	p.buf = append(p.buf, " S\n"...)
}

// fillRect fills a rectangle.
func (c *canvas) fillRect(x, y, w, h float64, r, g, b uint8) {
	p := c.begin()
	p.setFill([3]uint8{r, g, b})
	p.rect(x, y, w, h)
	p.buf = append(p.buf, " f\n"...)
}

// link makes the area a link to url (external) or to page dest (internal),
// belonging to the Link element e; contents describes it.
func (c *canvas) link(e *elem, url string, dest int, contents string, x, y, w, h float64) {
	if c.flat {
		return
	}
	a := &annotation{page: c.cur + 1, x: x, y: y, w: w, h: h, uri: url, dest: dest, contents: contents, elem: e}
	c.pages[c.cur].annots = append(c.pages[c.cur].annots, a)
	c.annots = append(c.annots, a)
	if e != nil {
		e.kids = append(e.kids, kid{page: c.cur + 1, annot: a})
	}
}

// widget places the widget of field f, belonging to the Form element e.
func (c *canvas) widget(f Field, e *elem) {
	a := &annotation{page: c.cur + 1, elem: e, field: &f}
	c.pages[c.cur].annots = append(c.pages[c.cur].annots, a)
	c.annots = append(c.annots, a)
	e.kids = append(e.kids, kid{page: c.cur + 1, annot: a})
}

// pageOfPages writes prefix, the page number, of and the number of pages
// (known at the end), ending at xRight, as a footer artifact.
func (c *canvas) pageOfPages(prefix, of string, xRight, y float64) {
	c.pageNumberAt(prefix, of, xRight, y, 0)
}

// pageNumberAt is pageOfPages in text of size points (0: the footers' 8).
func (c *canvas) pageNumberAt(prefix, of string, xRight, y, size float64) {
	if c.flat {
		return
	}
	p := c.pages[c.cur]
	p.numbers = append(p.numbers, pageNumber{prefix: prefix, of: of, xRight: xRight, y: y, size: size})
}

// textUp draws s turned a quarter to the left, its baseline going up
// from x, y (a label along a bar).
func (c *canvas) textUp(x, y float64, s string) {
	if s == "" {
		return
	}
	p, f := c.beginText()
	p.buf = append(p.buf, "0 1 -1 0 "...)
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y))
	p.buf = append(p.buf, " Tm\n"...)
	p.buf = f.encode(p.buf, s)
	p.buf = append(p.buf, " Tj\nET\n"...)
}

// miniature draws what draw draws on a page of w by h millimetres,
// shrunk to width millimetres wide with its top-left corner at x, y, as a
// layout artifact without links (a slide on its notes page).
func (c *canvas) miniature(x, y, width, w, h float64, draw func()) {
	m := c.mark
	c.artifact(artLayout)
	p := c.begin()
	k := width / w
	// What the page caches of the graphics state is restored with it.
	saved := *p
	p.buf = append(p.buf, "q "...)
	p.buf = factor(p.buf, k)
	p.buf = append(p.buf, " 0 0 "...)
	p.buf = factor(p.buf, k)
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, ptX(x))
	p.buf = append(p.buf, ' ')
	p.buf = num(p.buf, p.ptY(y+h*k))
	p.buf = append(p.buf, " cm\n"...)
	p.h = h
	c.flat = true
	draw()
	c.flat = false
	p.buf = append(p.buf, "Q\n"...)
	p.h, p.font, p.size, p.fill, p.stroke, p.lineW = saved.h, saved.font, saved.size, saved.fill, saved.stroke, saved.lineW
	c.mark = m
}

// outline adds a bookmark to the current page, at level 0 (top) or
// deeper, nested under the last bookmark of the level above.
func (c *canvas) outline(title string, level int) {
	if c.flat {
		return
	}
	c.outlines = append(c.outlines, Bookmark{Title: title, Level: level, Page: c.pageNo()})
}

// Bookmark is an entry of a PDF's outline.
type Bookmark struct {
	Title string
	Level int
	Page  int
}
