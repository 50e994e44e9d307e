package pdf

import (
	"strings"
)

// FieldKind says what kind of AcroForm field the layout placed.
type FieldKind int

// The kinds of fillable field.
const (
	TextField FieldKind = iota
	MultiLineField
	CheckBox
)

// Field is a fillable field placed by the layout (mm, top-left origin).
type Field struct {
	Page       int
	Name       string // unique in the PDF (/T)
	Label      string // tooltip (/TU)
	Kind       FieldKind
	X, Y, W, H float64
	FontSize   float64 // 0 for the default
}

// Page geometry in millimetres.
const (
	marginL  = 20.0
	marginR  = 20.0
	contentW = PageW - marginL - marginR
	top      = 24.0
	bottom   = PageH - 26.0
)

// Footer is what the bottom of every page of a document says.
type Footer struct {
	Date     string // "Oppdatert 27.11.2026"
	URL      string // the full URL of the document's page, linked
	ShortURL string // the URL as printed
	QR       bool   // draw a QR code of URL
	Page     string // "Side"
	Of       string // "av"
}

// writer lays blocks out on pages, breaking pages as needed.
type writer struct {
	c      Canvas
	header string // printed at the top of every page
	logo   []byte // the municipality's logo (PNG or JPEG), beside the header
	footer Footer
	y      float64
	fields []Field
	prefix string // field names in a binder: "03 "
	names  map[string]int
	// tab, when set, draws the level's coloured edge tab on every page.
	tab *tab
	// qrDone is set once the QR code is drawn: it goes on a document's
	// first page only (it is the same on every page, and costs hundreds of
	// rectangles).
	qrDone bool
}

type tab struct {
	r, g, b uint8
	index   int // 0-3: where on the edge
	label   string
}

func newWriter(c Canvas, header string, footer Footer) *writer {
	return &writer{c: c, header: header, footer: footer, names: map[string]int{}}
}

// page starts a new page with its header and footer.
func (w *writer) page() {
	w.c.AddPage()
	if w.header != "" {
		w.c.SetFont(false, 8.5)
		w.c.SetColor(80, 80, 80)
		x := marginL
		if len(w.logo) > 0 {
			if lw := w.c.Image(w.logo, marginL, 7.5, 7); lw > 0 {
				x += lw + 2.5
			}
		}
		w.c.Text(x, 13, w.header)
		w.c.Line(marginL, 15.5, PageW-marginR, 15.5, 0.2, 160)
	}
	w.drawFooter()
	if w.tab != nil {
		drawTab(w.c, w.tab)
	}
	w.c.SetColor(0, 0, 0)
	w.y = top
}

func (w *writer) drawFooter() {
	f := w.footer
	if f == (Footer{}) {
		return
	}
	y := PageH - 12.0
	w.c.Line(marginL, PageH-20, PageW-marginR, PageH-20, 0.2, 160)
	w.c.SetFont(false, 8)
	w.c.SetColor(80, 80, 80)
	x := marginL
	if f.QR && f.URL != "" && !w.qrDone {
		w.qrDone = true
		if drawQR(w.c, f.URL, marginL, PageH-18.5, 13) {
			w.c.Link(f.URL, marginL, PageH-18.5, 13, 13)
			x += 16
		}
	}
	if f.Date != "" {
		w.c.Text(x, y-3.5, f.Date)
	}
	if f.ShortURL != "" {
		w.c.Text(x, y+0.5, f.ShortURL)
		if f.URL != "" {
			w.c.Link(f.URL, x, y-3, w.c.Width(f.ShortURL), 4.5)
		}
	}
	if f.Page != "" {
		w.c.PageOfPages(f.Page, f.Of, PageW-marginR, y)
	}
	w.c.SetColor(0, 0, 0)
}

// need starts a new page unless h millimetres fit on this one.
func (w *writer) need(h float64) {
	if w.y+h > bottom {
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
		base += " " + itoa(k)
	}
	return w.prefix + base
}

// word is a piece of text in one style, for wrapping.
type word struct {
	text string
	bold bool
}

func words(spans []Span) []word {
	var out []word
	endedSpace := true
	for _, s := range spans {
		for i, f := range strings.Fields(s.Text) {
			// A span that continues a word (punctuation after bold text)
			// is glued onto it.
			if i == 0 && len(out) > 0 && !endedSpace && !startsWithSpace(s.Text) {
				out[len(out)-1].text += f
				continue
			}
			out = append(out, word{text: f, bold: s.Bold})
		}
		if s.Text != "" {
			last := s.Text[len(s.Text)-1]
			endedSpace = last == ' ' || last == '\n' || last == '\t'
		}
	}
	return out
}

func startsWithSpace(s string) bool { return s != "" && (s[0] == ' ' || s[0] == '\n' || s[0] == '\t') }

// lines wraps words into lines no wider than width at size.
func (w *writer) lines(ws []word, width, size float64) [][]word {
	var out [][]word
	var cur []word
	lineW := 0.0
	for _, wd := range ws {
		w.c.SetFont(wd.bold, size)
		ww := w.c.Width(wd.text)
		space := 0.0
		if len(cur) > 0 {
			space = w.c.Width(" ")
		}
		if len(cur) > 0 && lineW+space+ww > width {
			out = append(out, cur)
			cur, lineW, space = nil, 0, 0
		}
		cur = append(cur, wd)
		lineW += space + ww
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// text flows styled text at x within width, from the cursor; returns the
// number of lines.
func (w *writer) text(spans []Span, x, width, size, lead float64) {
	for _, line := range w.lines(words(spans), width, size) {
		w.need(lead)
		// Words of the same style go out as one piece of text: far fewer
		// text objects in the PDF than one per word.
		cx := x
		for i := 0; i < len(line); {
			j := i
			var run strings.Builder
			for j < len(line) && line[j].bold == line[i].bold {
				if j > i {
					run.WriteByte(' ')
				}
				run.WriteString(line[j].text)
				j++
			}
			w.c.SetFont(line[i].bold, size)
			if i > 0 {
				cx += w.c.Width(" ")
			}
			w.c.Text(cx, w.y+lead*0.75, run.String())
			cx += w.c.Width(run.String())
			i = j
		}
		w.y += lead
	}
}

// title writes a document's title.
func (w *writer) title(s string) {
	w.need(14)
	w.text([]Span{{Text: s, Bold: true}}, marginL, contentW, 17, 8)
	w.y += 3
}

// blocks lays out a document's blocks.
func (w *writer) blocks(bs []Block, fillable bool) {
	for i, b := range bs {
		indent := float64(b.Level) * 6
		switch b.Kind {
		case BlockHeading:
			size := map[int]float64{1: 15, 2: 13, 3: 11.5}[b.Level]
			if size == 0 {
				size = 11
			}
			// Keep a heading with what follows it.
			w.need(size*0.5 + 14)
			w.y += 3
			for j := range b.Spans {
				b.Spans[j].Bold = true
			}
			w.text(b.Spans, marginL, contentW, size, size*0.5)
			w.y += 1.5
		case BlockParagraph, BlockQuote, BlockCode:
			x := marginL + indent
			if b.Kind == BlockQuote {
				x += 5
			}
			start, page := w.y, w.c.PageNo()
			w.text(b.Spans, x, contentW-(x-marginL), 10.5, 5.2)
			if b.Kind == BlockQuote && w.c.PageNo() == page {
				w.c.Line(marginL+indent+1.5, start, marginL+indent+1.5, w.y, 0.8, 150)
			}
			w.y += 2.5
		case BlockListItem:
			x := marginL + indent + 6
			w.need(5.2)
			w.c.SetFont(false, 10.5)
			w.c.Text(x-5, w.y+5.2*0.75, b.Marker)
			w.text(b.Spans, x, contentW-(x-marginL), 10.5, 5.2)
			w.y += 1
		case BlockFields:
			w.fieldLine(b, indent, fillable)
		case BlockBox:
			w.box(b, fillable)
		case BlockCheck:
			w.check(b, indent, fillable, i+1 < len(bs) && bs[i+1].Kind == BlockCheck)
		case BlockTable:
			w.table(b.Table, fillable)
		case BlockRule:
			w.need(4)
			w.c.Line(marginL, w.y+2, PageW-marginR, w.y+2, 0.3, 150)
			w.y += 5
		}
	}
}

// fieldLine draws one or more labelled lines to write on.
func (w *writer) fieldLine(b Block, indent float64, fillable bool) {
	const h = 7.0
	w.need(h + 3)
	n := float64(len(b.Fields))
	slot := (contentW - indent - 4*(n-1)) / n
	x := marginL + indent
	for _, f := range b.Fields {
		w.c.SetFont(true, 10)
		lw := w.c.Width(f.Label)
		if lw > slot*0.6 {
			lw = slot * 0.6
		}
		w.c.Text(x, w.y+5.2, clip(w.c, f.Label, slot*0.6))
		fx := x + lw + 2
		fw := slot - lw - 2
		w.c.Line(fx, w.y+h, x+slot, w.y+h, 0.3, 0)
		if fillable {
			w.fields = append(w.fields, Field{Page: w.c.PageNo(), Name: w.name(f.Name), Label: f.Name, Kind: TextField,
				X: fx, Y: w.y, W: fw, H: h})
		}
		x += slot + 4
	}
	w.y += h + 3
}

// clip shortens s with "…" to fit width at the current font.
func clip(c Canvas, s string, width float64) string {
	if c.Width(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && c.Width(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// box draws a ruled box for a longer answer.
func (w *writer) box(b Block, fillable bool) {
	const pitch = 7.0
	rows := max(b.Rows, 2)
	h := pitch * float64(rows)
	w.need(min(h, bottom-top) + 2)
	h = min(h, bottom-w.y)
	w.c.Rect(marginL, w.y, contentW, h, 0.3, 0)
	for y := w.y + pitch; y < w.y+h-1; y += pitch {
		w.c.Line(marginL+2, y, marginL+contentW-2, y, 0.15, 190)
	}
	if fillable {
		w.fields = append(w.fields, Field{Page: w.c.PageNo(), Name: w.name(b.Field.Name), Label: b.Field.Label, Kind: MultiLineField,
			X: marginL, Y: w.y, W: contentW, H: h})
	}
	w.y += h + 4
}

// check draws a checkbox and its label.
func (w *writer) check(b Block, indent float64, fillable, more bool) {
	const s = 4.5
	lines := w.lines(words(b.Spans), contentW-indent-s-3, 10.5)
	w.need(max(s, float64(len(lines))*5.2) + 2)
	x := marginL + indent
	w.c.Rect(x, w.y+0.3, s, s, 0.3, 0)
	if fillable {
		w.fields = append(w.fields, Field{Page: w.c.PageNo(), Name: w.name(b.Field.Name), Label: b.Field.Label, Kind: CheckBox,
			X: x, Y: w.y + 0.3, W: s, H: s})
	}
	w.text(b.Spans, x+s+3, contentW-indent-s-3, 10.5, 5.2)
	w.y += 1.5
	if !more {
		w.y += 2
	}
}

// table draws a table; empty body cells become fields.
func (w *writer) table(t *Table, fillable bool) {
	cols := len(t.Header)
	if cols == 0 {
		return
	}
	cw := contentW / float64(cols)
	const pad, size, lead = 1.8, 9.5, 4.6
	header := func() {
		hh := 0.0
		for _, h := range t.Header {
			hh = max(hh, float64(len(w.lines(words([]Span{{Text: h, Bold: true}}), cw-2*pad, size)))*lead)
		}
		hh += 2 * pad
		w.need(hh + 8)
		w.c.FillRect(marginL, w.y, contentW, hh, 232, 238, 245)
		w.c.Rect(marginL, w.y, contentW, hh, 0.25, 0)
		y0 := w.y
		for i, h := range t.Header {
			w.y = y0 + pad
			w.text([]Span{{Text: h, Bold: true}}, marginL+float64(i)*cw+pad, cw-2*pad, size, lead)
			if i > 0 {
				w.c.Line(marginL+float64(i)*cw, y0, marginL+float64(i)*cw, y0+hh, 0.25, 0)
			}
		}
		w.y = y0 + hh
	}
	header()
	for r, row := range t.Rows {
		rh := 8.0
		for i, cell := range row {
			if i < cols && cell.FieldName == "" && cell.Text != "" {
				rh = max(rh, float64(len(w.lines(words([]Span{{Text: cell.Text}}), cw-2*pad, size)))*lead+2*pad)
			}
		}
		if w.y+rh > bottom {
			w.page()
			header()
		}
		y0 := w.y
		for i, cell := range row {
			if i >= cols {
				break
			}
			x := marginL + float64(i)*cw
			if cell.FieldName != "" {
				if fillable {
					w.fields = append(w.fields, Field{Page: w.c.PageNo(), Name: w.name(cell.FieldName), Label: cell.Label, Kind: TextField,
						X: x + 0.6, Y: y0 + 0.6, W: cw - 1.2, H: rh - 1.2, FontSize: 9})
				}
			} else if cell.Text != "" {
				w.y = y0 + pad
				w.text([]Span{{Text: cell.Text}}, x+pad, cw-2*pad, size, lead)
			}
		}
		w.c.Rect(marginL, y0, contentW, rh, 0.25, 0)
		for i := 1; i < cols; i++ {
			w.c.Line(marginL+float64(i)*cw, y0, marginL+float64(i)*cw, y0+rh, 0.25, 0)
		}
		w.y = y0 + rh
		_ = r
	}
	w.y += 4
}
