package pdf

import (
	"cmp"
	"strconv"
	"time"

	"github.com/bti-handbook/bti/generator/model"
)

// The poster (plakat) for the staff room's wall: one page with a guide's
// model as staff know it from the web (the four levels in their colours,
// each with its steps in order, the stafettholder and the stafettlogg
// beside levels 1-3), a QR code per level to its page (the lead says to
// scan it), the emergency
// text with its numbers, and the handbook's address. Laid out on A4; the
// A3 poster is the same page printed larger (A3 is A4 times the square
// root of two), so that it can be read from across the room.

// posterContent is everything a poster shows, gathered from the model
// first: the layout reads nothing else, and Job.Key hashes it, so a
// poster is made again whenever anything on it changes.
type posterContent struct {
	Lang, Paper       string
	BTI, Title        string
	Name, Lead        string
	Brand             [3]uint8
	Levels            []posterLevel
	Stafett, Levels13 string
	QRCaption, QRAlt  string
	Emergency         emergencyContent
	Handbook          string // "Hele håndboken:"
	HomeURL           string
	Date              string // "Oppdatert 01.12.2026"; "" when unknown
	Time              time.Time
	MetaTitle         string
}

// posterLevel is one level of a poster.
type posterLevel struct {
	Name, Title, Summary string
	Color                [3]uint8
	URL                  string
	Steps                []posterStep
}

// posterStep is a step as the poster lists it.
type posterStep struct {
	Number int
	Title  string
}

// emergencyContent is the emergency text: its title and its text, with
// the phone numbers bold (links to call them).
type emergencyContent struct {
	Title string
	Spans []Span
}

// emergencyOf is m's emergency text as the printed material shows it.
func emergencyOf(m *model.Municipality, ws labels) emergencyContent {
	e := emergencyContent{Title: ws.word("emergency_title")}
	if m.Emergency == nil || m.Emergency.Text == nil {
		e.Spans = []Span{{Text: ws.word("start_emergency_text") + " "}, {Text: "112", Bold: true, Link: "tel:112", LinkNo: 1}}
		return e
	}
	e.Title = cmp.Or(m.Emergency.Title, e.Title)
	for _, b := range Blocks(m.Emergency.Text, linkFunc(m, pageURL(m, model.URLHome))) {
		for _, s := range b.Spans {
			if len(s.Link) > 4 && s.Link[:4] == "tel:" {
				s.Bold = true
			}
			e.Spans = append(e.Spans, s)
		}
	}
	return e
}

// posterFiles are the files whose text a poster of g shows.
func posterFiles(m *model.Municipality, g *model.Guide) []string {
	files := []string{m.Pos.File, g.Pos.File}
	for n, gl := range g.Levels {
		if lv := m.Levels[n]; lv != nil {
			files = append(files, lv.Pos.File)
		}
		for _, s := range gl.Steps {
			files = append(files, s.File)
		}
	}
	return files
}

// newPosterContent gathers the poster of g on paper.
func newPosterContent(m *model.Municipality, g *model.Guide, paper string, opts Options) posterContent {
	ws := opts.words(m, m.Language)
	date := opts.lastChange(posterFiles(m, g)...)
	p := posterContent{
		Lang: m.Language, Paper: paper, BTI: ws.word("pdf_bti"), Title: g.Title, Name: m.Name,
		Lead: ws.word("poster_lead"), Brand: hexRGB(m.BrandColor, [3]uint8{0, 87, 107}),
		Stafett: ws.word("model_stafett"), Levels13: ws.word("model_stafett_levels"),
		QRAlt: ws.word("pdf_qr"), Emergency: emergencyOf(m, ws),
		Handbook: ws.word("poster_handbook"), HomeURL: pageURL(m, model.URLHome), Time: date,
		MetaTitle: ws.word("poster_title") + ": " + g.Title + " – " + m.Name,
	}
	if !date.IsZero() {
		p.Date = ws.word("pdf_updated") + " " + date.Format("02.01.2006")
	}
	for n, gl := range g.Levels {
		lv := m.Levels[n]
		if lv == nil {
			continue
		}
		pl := posterLevel{Name: lv.Name, Title: lv.Title, Summary: lv.Summary, Color: hexRGB(lv.Color, [3]uint8{80, 80, 80}), URL: pageURL(m, g.LevelURL(n))}
		if gl != nil {
			for _, s := range gl.Steps {
				pl.Steps = append(pl.Steps, posterStep{Number: s.Number, Title: s.Title})
			}
		}
		p.Levels = append(p.Levels, pl)
	}
	return p
}

// Poster makes the poster of guide g on paper (model.PaperA4 or
// model.PaperA3): one page, tagged like every PDF of bti.
func Poster(m *model.Municipality, g *model.Guide, paper string, opts Options) ([]byte, error) {
	p := newPosterContent(m, g, paper, opts)
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	if paper == model.PaperA3 {
		c.printOn(297, 420)
	}
	w := newWriter(c, p.Lang, "", Footer{})
	c.addPage()
	drawPoster(w, p, opts.Logo)
	return c.finish(w.doc, Meta{Title: p.MetaTitle, Subject: "BTI – " + p.Name, Author: p.Name, Lang: p.Lang, Date: p.Time})
}

// The poster's geometry (millimetres of A4).
const (
	posterMargin = 14.0
	posterBand   = 36.0 // the coloured band at the top
	posterRail   = 8.0  // the stafettholder's bar beside levels 1-3
	posterQR     = 22.0
	posterLevelH = 11.0 // a level's coloured head
)

// posterFit is how big the levels' text is.
type posterFit struct {
	step, summary float64 // points; summary 0: left out
}

// drawPoster lays the poster out on the current page.
func drawPoster(w *writer, p posterContent, logo []byte) {
	c := w.c
	doc := w.doc
	white := [3]uint8{255, 255, 255}
	x0, width := posterMargin, PageW-2*posterMargin

	// The band: BTI, the guide's title, the municipality.
	c.artifact(artLayout)
	c.fill(0, 0, PageW, posterBand, p.Brand)
	c.colorOf(white)
	c.setFont(false, 12)
	y := w.textAt(doc.add("P"), plain(p.BTI), x0, 6, width, 11, 5, 1)
	size := w.fitSize(bold(p.Title), width, 1, 26, 24, 22, 20, 18)
	y = w.textAt(w.heading(0, 1), bold(p.Title), x0, y+1, width, size, size*0.42, 2)
	w.textAt(doc.add("P"), plain(p.Name), x0, y+0.5, width, 14, 6, 1)

	c.setColor(30, 30, 30)
	y = w.textAt(doc.add("P"), plain(p.Lead), x0, posterBand+4.5, width, 12.5, 5.5, 2) + 3.5

	// What goes under the levels: the emergency box and the footer.
	footTop := PageH - 15.0
	emH := w.emergencyHeightAt(p.Emergency, width-15, 12.5, 17)
	emTop := footTop - 5 - emH

	// The levels, at the largest size that fits between.
	xL := x0 + posterRail + 3
	levelsW := PageW - posterMargin - xL
	avail := emTop - 6 - y
	fit, total := w.posterFitting(p.Levels, levelsW, avail)
	gap := 3.0
	if len(p.Levels) > 1 {
		gap += min((avail-total)/float64(len(p.Levels)-1), 12)
	}
	var railTop, railBottom float64
	for i, lv := range p.Levels {
		h := w.posterLevelHeight(lv, levelsW, fit)
		if i == 1 {
			railTop = y
		}
		if i == len(p.Levels)-1 && i > 0 {
			railBottom = y + h
		}
		w.posterLevel(lv, p, xL, y, levelsW, fit)
		y += h + gap
	}
	if railBottom > railTop {
		sect := doc.add("P")
		w.posterRail(sect, p, x0, railTop, railBottom-railTop)
	}

	// The emergency text.
	sect := doc.add("Sect")
	w.emergencyBox(sect, p.Emergency, x0, emTop, width, 12.5, 17)

	// The footer: the logo, the handbook's address, the date.
	c.artifact(artLayout)
	c.line(x0, footTop, PageW-posterMargin, footTop, 0.3, 170)
	fx := x0
	if len(logo) > 0 {
		if lw := c.image(logo, x0, footTop+3, 8); lw > 0 {
			fx += lw + 3
		}
	}
	c.setColor(30, 30, 30)
	foot := doc.add("P")
	spans := []Span{{Text: p.Handbook + " "}, {Text: shortURL(p.HomeURL), Bold: true, Link: p.HomeURL, LinkNo: 1}}
	w.textAt(foot, spans, fx, footTop+3.6, PageW-posterMargin-fx-45, 12, 5.5, 1)
	if p.Date != "" {
		c.setColor(80, 80, 80)
		c.tag(doc.add("P"))
		c.setFont(false, 9)
		c.text(PageW-posterMargin-c.width(p.Date), footTop+7.8, p.Date)
	}
	c.setColor(0, 0, 0)
}

// posterFitting finds the largest text that lets the levels fit in
// avail millimetres, leaving the levels' summaries out only when even
// the smallest steps would not fit with them; it returns the sizes and
// the height they take.
func (w *writer) posterFitting(levels []posterLevel, width, avail float64) (posterFit, float64) {
	// The steps are what must be read from afar: their size goes before
	// the summaries.
	fits := []posterFit{{20, 11}, {18, 11}, {16, 10.5}, {15, 10.5}, {14, 10.5}, {13, 10.5}, {12, 10.5}}
	for _, step := range []float64{20, 18, 16, 15, 14, 13, 12, 11, 10, 9, 8} {
		fits = append(fits, posterFit{step: step})
	}
	var total float64
	for _, f := range fits {
		total = 3 * float64(len(levels)-1)
		for _, lv := range levels {
			total += w.posterLevelHeight(lv, width, f)
		}
		if total <= avail {
			return f, total
		}
	}
	return fits[len(fits)-1], total
}

// posterColumns is how the steps of a level are set: in two columns,
// the first holding the first half.
func posterColumns(n int) (cols, rows int) {
	if n <= 2 {
		return 1, n
	}
	return 2, (n + 1) / 2
}

// stepGeometry is the width of a level's text beside its QR code, and of
// a step's title in its column.
func stepGeometry(width float64, cols int) (text, title float64) {
	text = width - posterQR - 5
	colW := (text - 4*float64(cols-1)) / float64(cols)
	return text, colW - 9
}

// posterLevelHeight is the height of a level on the poster.
func (w *writer) posterLevelHeight(lv posterLevel, width float64, f posterFit) float64 {
	cols, rows := posterColumns(len(lv.Steps))
	text, title := stepGeometry(width, cols)
	h := 3.0
	if f.summary > 0 && lv.Summary != "" {
		h += float64(len(w.linesOf(plain(lv.Summary), text, f.summary)))*f.summary*0.44 + 2
	}
	lead := f.step * 0.43
	for col := range cols {
		ch := 0.0
		for r := range rows {
			i := col*rows + r
			if i >= len(lv.Steps) {
				break
			}
			n := len(w.linesOf(plain(lv.Steps[i].Title), title, f.step))
			ch += max(float64(n)*lead, 6.8) + 1.5
		}
		h = max(h, 3+ch)
		if f.summary > 0 && lv.Summary != "" {
			h = max(h, 3+float64(len(w.linesOf(plain(lv.Summary), text, f.summary)))*f.summary*0.44+2+ch)
		}
	}
	return max(posterLevelH+h, posterQR)
}

// posterLevel draws one level: its head in its colour, its summary, its
// steps in order, and the QR code of its page.
func (w *writer) posterLevel(lv posterLevel, p posterContent, x, y, width float64, f posterFit) {
	c := w.c
	sect := w.doc.add("Sect")
	c.artifact(artLayout)
	c.fill(x, y, width-posterQR-4, posterLevelH, lv.Color)
	c.colorOf([3]uint8{255, 255, 255})
	head := w.headingIn(sect, 2)
	c.tag(head)
	c.setFont(true, 17)
	c.text(x+4, y+7.6, lv.Name+" ")
	nx := x + 4 + c.width(lv.Name+" ") + 1.5
	c.setFont(false, 17)
	c.text(nx, y+7.6, lv.Title)

	cols, rows := posterColumns(len(lv.Steps))
	text, title := stepGeometry(width, cols)
	ty := y + posterLevelH + 3
	if f.summary > 0 && lv.Summary != "" {
		c.setColor(60, 60, 60)
		ty = w.textAt(sect.add("P"), plain(lv.Summary), x, ty, text, f.summary, f.summary*0.44, 0) + 2
	}
	if len(lv.Steps) > 0 {
		list := sect.add("L")
		list.attr = listAttr("Decimal")
		lead := f.step * 0.43
		colW := (text - 4*float64(cols-1)) / float64(cols)
		for col := range cols {
			sy := ty
			for r := range rows {
				i := col*rows + r
				if i >= len(lv.Steps) {
					break
				}
				s := lv.Steps[i]
				li := list.add("LI")
				sx := x + float64(col)*(colW+4)
				lines := w.linesOf(plain(s.Title), title, f.step)
				h := max(float64(len(lines))*lead, 6.8)
				c.artifact(artLayout)
				c.circle(sx+3.4, sy+h/2, 3.4, lv.Color)
				num := strconv.Itoa(s.Number)
				c.tag(li.add("Lbl"))
				c.setFont(true, 11)
				c.setColor(255, 255, 255)
				c.text(sx+3.4-c.width(num)/2, sy+h/2+1.35, num+" ")
				c.setColor(20, 20, 20)
				w.linesAt(li.add("LBody"), lines, sx+9, sy+(h-float64(len(lines))*lead)/2, f.step, lead)
				sy += h + 1.5
			}
		}
	}

	// The QR code of the level's page, beside its head (the lead says
	// what it is for).
	w.qrFigure(sect, p.QRAlt, lv.URL, x+width-posterQR, y, posterQR)
	c.setColor(0, 0, 0)
}

// posterRail draws the bar beside levels 1-3: the stafettholder and the
// stafettlogg follow a case on those levels.
func (w *writer) posterRail(e *elem, p posterContent, x, y, h float64) {
	c := w.c
	c.artifact(artLayout)
	c.fill(x, y, posterRail, h, tint(p.Brand, 0))
	c.setColor(255, 255, 255)
	c.tag(e)
	size := 10.5
	main, sub := p.Stafett+" ", "("+p.Levels13+")"
	for size > 6 && w.textWidth(main, true, size)+w.textWidth(sub, false, size) > h-6 {
		size -= 0.5
	}
	total := w.textWidth(main, true, size) + w.textWidth(sub, false, size)
	by := y + h/2 + total/2
	bx := x + posterRail/2 + size*mmPerPt*0.36 // the capitals' middle on the bar's
	c.setFont(true, size)
	c.textUp(bx, by, main)
	c.setFont(false, size)
	c.textUp(bx, by-w.textWidth(main, true, size), sub)
	c.setColor(0, 0, 0)
}

// mmPerPt is a point in millimetres.
const mmPerPt = 25.4 / 72

// emergencyHeightAt is the height of the emergency box with its text in
// width at size and its title at titleSize.
func (w *writer) emergencyHeightAt(e emergencyContent, width, size, titleSize float64) float64 {
	title := len(w.linesOf(bold(e.Title), width, titleSize))
	n := len(w.linesOf(e.Spans, width, size))
	return 6 + float64(min(title, 2))*titleSize*0.45 + 2 + float64(n)*size*0.45 + 5
}

// emergencyBox draws the emergency text in a box with a red bar: its
// title of titleSize points, its text of size, the numbers bold.
func (w *writer) emergencyBox(sect *elem, e emergencyContent, x, y, width, size, titleSize float64) float64 {
	c := w.c
	red := [3]uint8{179, 38, 30}
	h := w.emergencyHeightAt(e, width-15, size, titleSize)
	c.artifact(artLayout)
	c.fill(x, y, width, h, [3]uint8{253, 236, 234})
	c.fill(x, y, 3.5, h, red)
	c.setColor(140, 20, 20)
	ty := w.textAt(w.headingIn(sect, 2), bold(e.Title), x+9, y+5, width-15, titleSize, titleSize*0.45, 2)
	c.setColor(20, 20, 20)
	w.textAt(sect.add("P"), e.Spans, x+9, ty+2, width-15, size, size*0.45, 0)
	c.setColor(0, 0, 0)
	return h
}
