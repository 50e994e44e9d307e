package pdf

import (
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Page geometry in millimetres.
const (
	marginL  = 20.0
	marginR  = 20.0
	contentW = PageW - marginL - marginR
	top      = 24.0
	bottom   = PageH - 26.0
	bodyH    = bottom - top
)

// Footer is what the bottom of every page of a document says.
type Footer struct {
	Date     string // "Oppdatert 27.11.2026"; "" when the date is not known
	URL      string // the full URL of the document's page
	ShortURL string // the URL as printed
	QR       bool   // a QR code of URL on the document's first page
	Page     string // "Side"
	Of       string // "av"
	QRAlt    string // "QR-kode til", before the address, as the code's description
	Scan     string // "Skann koden eller gå til"
	Lang     string // the language of these words when not the document's ("" when it is)
}

// writer lays blocks out on pages, breaking pages as needed, and builds
// the structure tree as it goes: every block becomes an element in the
// container it belongs to, in the order of the Markdown.
type writer struct {
	c      *canvas
	lang   string // the document's language
	header string // printed at the top of every page
	logo   []byte // the municipality's logo (PNG or JPEG), beside the header
	footer Footer
	y      float64
	prefix string // field names in a binder: "03 "
	names  map[string]int
	// tab, when set, draws the level's coloured edge tab on every page.
	tab *tab
	// qrDone is set once the document's first page has its QR code and
	// its tagged footer.
	qrDone bool

	doc   *elem   // the Document element
	into  *elem   // the element new blocks go into: the Document or a Sect
	sects []*elem // the open sections, outermost first
	lists []listFrame
	quote *elem // the BlockQuote being filled
	// lastH is the level of the last heading; hShift is added to the
	// Markdown's heading levels (a form's "##" is H4 inside the binder).
	lastH, hShift int
	// foot holds the elements of the document's tagged footer, put at the
	// end of the document so that it is read after the body.
	foot []*elem
}

// listFrame is an open list: its L element and the LBody of its last item.
type listFrame struct {
	depth int
	l     *elem
	body  *elem
}

type tab struct {
	r, g, b uint8
	index   int // 0-3: where on the edge
	label   string
}

func newWriter(c *canvas, lang, header string, footer Footer) *writer {
	doc := &elem{tag: "Document"}
	return &writer{c: c, lang: lang, header: header, footer: footer, names: map[string]int{}, doc: doc, into: doc}
}

// page starts a new page with its header, footer and tab, all artifacts.
func (w *writer) page() {
	m := w.c.current()
	w.c.addPage()
	if w.header != "" {
		w.c.artifact(artHeader)
		w.c.setFont(false, 8.5)
		w.c.setColor(80, 80, 80)
		x := marginL
		if len(w.logo) > 0 {
			if lw := w.c.image(w.logo, marginL, 7.5, 7); lw > 0 {
				x += lw + 2.5
			}
		}
		w.c.text(x, 13, w.header)
		w.c.line(marginL, 15.5, PageW-marginR, 15.5, 0.2, 160)
	}
	w.drawFooter()
	if w.tab != nil {
		w.c.artifact(artLayout)
		drawTab(w.c, w.tab, w.c.pageNo())
	}
	w.c.setColor(0, 0, 0)
	w.c.restore(m)
	w.y = top
}

// drawFooter draws the footer of a new page: on the document's first page
// a QR code of its address with a caption, tagged (and read after the
// body); on the others the date and the address as an artifact. The page
// number is written at the end, when the number of pages is known.
func (w *writer) drawFooter() {
	f := w.footer
	if f == (Footer{}) {
		return
	}
	c := w.c
	y := PageH - 12.0
	// The first page's QR code is 16 mm wide (modules of about 0.4 mm for
	// a municipality's address, which phones read from paper at 150 dpi
	// scans too); its rule sits higher to make room.
	qr := f.QR && f.URL != "" && !w.qrDone
	rule := PageH - 20.0
	if qr {
		rule = PageH - 23.5
	}
	c.artifact(artFooter)
	c.line(marginL, rule, PageW-marginR, rule, 0.2, 160)
	c.setFont(false, 8)
	c.setColor(80, 80, 80)
	if f.Page != "" {
		c.pageOfPages(f.Page, f.Of, PageW-marginR, y)
	}
	if qr {
		w.qrDone = true
		w.foot = w.addressBlock(f, marginL, PageH-21.5, 16, 8, 4)
		return
	}
	if f.Date != "" {
		c.text(marginL, y-3.5, f.Date)
	}
	if f.ShortURL != "" {
		c.text(marginL, y+0.5, f.ShortURL)
	}
}

// addressBlock draws a QR code of the footer's URL, size millimetres wide
// at x, y, and beside it a caption, the address (a link) and the date, in
// text of pt points on lines lead apart. It returns their elements: a
// Figure with the code's description and a paragraph of each line.
func (w *writer) addressBlock(f Footer, x, y, size, pt, lead float64) []*elem {
	c := w.c
	m := c.current()
	defer c.restore(m)
	var out []*elem
	other := f.Lang
	fig := &elem{tag: "Figure", parent: w.into, alt: f.QRAlt + " " + f.ShortURL, lang: other}
	fig.attr = figureAttr(c, x, y, size, size)
	c.tag(fig)
	tx := x
	if drawQR(c, f.URL, x, y, size) {
		out = append(out, fig)
		tx = x + size + 3
	}
	c.setFont(false, pt)
	c.setColor(80, 80, 80)
	line := y + lead*0.75
	p := &elem{tag: "P", parent: w.into, lang: other}
	c.tag(p)
	c.text(tx, line, f.Scan)
	line += lead
	link := p.add("Link")
	c.tag(link)
	c.text(tx, line, f.ShortURL)
	c.link(link, f.URL, 0, f.ShortURL, tx, line-lead*0.75, c.width(f.ShortURL), lead)
	out = append(out, p)
	if f.Date != "" {
		line += lead
		d := &elem{tag: "P", parent: w.into, lang: other}
		c.tag(d)
		c.text(tx, line, f.Date)
		out = append(out, d)
	}
	c.setColor(0, 0, 0)
	return out
}

// figureAttr is the attribute object of a figure drawn at x, y, w by h
// millimetres: its bounding box in the page's points.
func figureAttr(c *canvas, x, y, w, h float64) types.Dict {
	return types.Dict{"O": types.Name("Layout"), "Placement": types.Name("Block"), "BBox": c.rectPt(x, y, w, h)}
}

// endDocument closes the open lists and puts the tagged footer at the end
// of the document (or of its section in the binder).
func (w *writer) endDocument() {
	w.lists, w.quote = nil, nil
	for _, e := range w.foot {
		e.parent = w.into
		w.into.kids = append(w.into.kids, kid{elem: e})
	}
	w.foot = nil
}

// openSect opens a section at depth d (1 outermost) in the section
// around it, closing the sections at depth d and deeper.
func (w *writer) openSect(d int) *elem {
	w.lists, w.quote = nil, nil
	w.sects = w.sects[:min(max(d-1, 0), len(w.sects))]
	parent := w.doc
	if n := len(w.sects); n > 0 {
		parent = w.sects[n-1]
	}
	s := parent.add("Sect")
	w.sects = append(w.sects, s)
	w.into = s
	return s
}

// need starts a new page unless h millimetres fit on this one.
func (w *writer) need(h float64) {
	if w.y+h > bottom+0.01 {
		w.page()
	}
}

// name returns a unique field name for label.
func (w *writer) name(label string) string {
	base := strings.ReplaceAll(strings.TrimSpace(label), ".", "") // '.' separates parts of PDF field names
	if base == "" {
		base = "Felt"
	}
	w.names[base]++
	if k := w.names[base]; k > 1 {
		base += " " + strconv.Itoa(k)
	}
	return w.prefix + base
}

// addField places a fillable field, tied to the Form element e.
func (w *writer) addField(f Field, e *elem) {
	f.Page = w.c.pageNo()
	w.c.widget(f, e)
}

// heading opens a heading element of Markdown level md (or of h, when
// not 0) in the current container; levels never skip one (PDF/UA: an H3
// does not follow an H1).
func (w *writer) heading(md, h int) *elem {
	if h == 0 {
		h = md + w.hShift
	}
	h = min(max(h, 1), w.lastH+1, 6)
	w.lastH = h
	return w.container(0).add("H" + strconv.Itoa(h))
}

// title writes a document's title, a heading of level h.
func (w *writer) title(s string, h int) {
	e := w.heading(0, h)
	w.need(14)
	w.text(e, []Span{{Text: s, Bold: true}}, marginL, contentW, 17, 8)
	w.y += 3
}

// para writes a paragraph of text in the current container.
func (w *writer) para(spans []Span, size, lead float64) {
	w.text(w.container(0).add("P"), spans, marginL, contentW, size, lead)
}

// container returns the element a block of list depth level goes into:
// the body of the list item it continues, or the document's container;
// lists it does not continue are closed, and so is a block quote.
func (w *writer) container(level int) *elem {
	w.quote = nil
	for len(w.lists) > 0 && w.lists[len(w.lists)-1].depth >= level {
		w.lists = w.lists[:len(w.lists)-1]
	}
	if level > 0 && len(w.lists) > 0 && w.lists[len(w.lists)-1].depth == level-1 {
		return w.lists[len(w.lists)-1].body
	}
	return w.into
}

// listItem opens the item of a list at depth d: a new list when b starts
// one; it returns the item's label and body.
func (w *writer) listItem(b Block) (lbl, body *elem) {
	d := b.Level
	w.quote = nil
	for len(w.lists) > 0 && w.lists[len(w.lists)-1].depth > d {
		w.lists = w.lists[:len(w.lists)-1]
	}
	if n := len(w.lists); n == 0 || w.lists[n-1].depth < d || b.ListStart {
		if n > 0 && w.lists[n-1].depth == d {
			w.lists = w.lists[:n-1]
		}
		parent := w.into
		if n := len(w.lists); n > 0 {
			parent = w.lists[n-1].body
		}
		l := parent.add("L")
		numbering := "Disc"
		switch {
		case b.Kind == BlockCheck:
			numbering = "None" // the checkboxes are the labels
		case b.Ordered:
			numbering = "Decimal"
		}
		l.attr = types.Dict{"O": types.Name("List"), "ListNumbering": types.Name(numbering)}
		w.lists = append(w.lists, listFrame{depth: d, l: l})
	}
	f := &w.lists[len(w.lists)-1]
	li := f.l.add("LI")
	lbl, f.body = li.add("Lbl"), li.add("LBody")
	return lbl, f.body
}
