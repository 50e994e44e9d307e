package pdf

import (
	"strconv"

	"github.com/bti-handbook/bti/generator/model"
)

// slides.go: the deck's slides drawn on 16:9 pages (960 by 540 points,
// the size of a widescreen presentation), in type large enough to read
// at the back of a meeting room: titles of 34 points or more, text of 20
// to 28. Each slide is a section of the structure tree with its title as
// a heading; the footer (the municipality, the slide's number) is an
// artifact.

// The slides' geometry in millimetres.
const (
	slideW      = 960 / mmToPt
	slideH      = 540 / mmToPt
	slideMargin = 20.0
	slideFoot   = slideH - 18 // where a slide's content ends
)

// lead is the distance between lines of text of size points, in millimetres.
func lead(size float64) float64 { return size * 0.42 }

// Deck makes the training deck of m: a page per slide, tagged.
func Deck(m *model.Municipality, opts Options) ([]byte, error) {
	d := newDeckContent(m, opts)
	c, err := newCanvasOf(slideW, slideH)
	if err != nil {
		return nil, err
	}
	w := newWriter(c, d.Lang, "", Footer{})
	for i, s := range d.Slides {
		c.addPage()
		c.outline(s.Title, 0)
		w.drawSlide(d, s, i, w.doc.add("Sect"), opts.Logo)
	}
	return c.finish(w.doc, Meta{Title: d.MetaTitle, Subject: "BTI – " + d.Name, Author: d.Name, Lang: d.Lang, Date: d.Time})
}

// drawSlide draws slide s (the n-th, from 0) on the current page, its
// content in the section sect.
func (w *writer) drawSlide(d deckContent, s slide, n int, sect *elem, logo []byte) {
	c := w.c
	if s.Kind != slideTitle {
		c.artifact(artFooter)
		c.setFont(false, 12)
		c.setColor(90, 90, 90)
		c.text(slideMargin, slideH-8, d.Name)
		c.pageNumberAt("", d.Of, slideW-slideMargin, slideH-8, 12)
		if s.Kind != slideLevel {
			c.artifact(artLayout)
			c.fill(0, 0, slideW, 4, s.Color)
		}
	}
	switch s.Kind {
	case slideTitle:
		w.titleSlide(s, sect, logo)
	case slideWhat:
		w.whatSlide(s, sect)
	case slideLevel:
		w.levelSlide(d, s, sect)
	case slideStafett:
		w.cardsSlide(d, s, sect)
	case slideForms:
		w.formsSlide(d, s, sect)
	case slideFind:
		w.findSlide(d, s, sect)
	case slideContacts:
		w.contactsSlide(s, sect)
	}
	c.setColor(0, 0, 0)
}

// slideHeading writes a slide's title (H2) and returns where its content
// may start.
func (w *writer) slideHeading(sect *elem, title string) float64 {
	width := slideW - 2*slideMargin
	size := w.fitSize(bold(title), width, 1, 36, 34, 32, 30, 28)
	w.c.setColor(25, 25, 25)
	return w.textAt(w.headingIn(sect, 2), bold(title), slideMargin, 13, width, size, lead(size), 2) + 6
}

// titleSlide is the first slide: the deck's title on the municipality's
// colour, the four levels' colours along its foot.
func (w *writer) titleSlide(s slide, sect *elem, logo []byte) {
	c := w.c
	c.artifact(artLayout)
	c.fill(0, 0, slideW, slideH, s.Color)
	for i, lv := range s.Levels {
		bw := slideW / float64(len(s.Levels))
		c.fill(float64(i)*bw, slideH-9, bw+0.2, 9, lv.Color)
	}
	if len(logo) > 0 {
		if img := prepareImage(logo); img != nil {
			h := 16.0
			lw := h * float64(img.w) / float64(img.h)
			c.fill(slideW-slideMargin-lw-8, 14, lw+8, h+8, [3]uint8{255, 255, 255})
			c.image(logo, slideW-slideMargin-lw-4, 18, h)
		}
	}
	width := slideW - 2*slideMargin
	c.setColor(255, 255, 255)
	size := w.fitSize(bold(s.Title), width, 1, 66, 60, 54, 48, 40)
	sizes := make([]float64, len(s.Lines))
	for i := range s.Lines {
		sizes[i] = []float64{30, 24}[min(i, 1)]
		if i == len(s.Lines)-1 && i > 0 {
			sizes[i] = 18 // the date
		}
	}
	// The block in the middle of the slide above the colours.
	h := lead(26) + 3 + lead(size) + 6
	for _, sz := range sizes {
		h += lead(sz) + 3
	}
	y := max((slideH-9-h)/2, 20)
	y = w.textAt(sect.add("P"), plain(s.Kicker), slideMargin, y, width, 26, lead(26), 2) + 3
	y = w.textAt(w.headingIn(sect, 1), bold(s.Title), slideMargin, y, width, size, lead(size), 2) + 6
	for i, l := range s.Lines {
		y = w.textAt(sect.add("P"), plain(l), slideMargin, y, width, sizes[i], lead(sizes[i]), 2) + 3
	}
}

// whatSlide says what BTI is, and shows the four levels.
func (w *writer) whatSlide(s slide, sect *elem) {
	c := w.c
	y := w.slideHeading(sect, s.Title)
	width := slideW - 2*slideMargin
	c.setColor(30, 30, 30)
	size := w.fitSize(plain(s.Text), width, 4, 26, 24, 22, 20)
	w.textAt(sect.add("P"), plain(s.Text), slideMargin, y, width, size, lead(size), 5)
	if len(s.Levels) == 0 {
		return
	}
	const gap, h = 6.0, 50.0
	bw := (width - gap*float64(len(s.Levels)-1)) / float64(len(s.Levels))
	top := slideFoot - h
	list := sect.add("L")
	list.attr = listAttr("None")
	for i, lv := range s.Levels {
		x := slideMargin + float64(i)*(bw+gap)
		c.artifact(artLayout)
		c.fill(x, top, bw, h, lv.Color)
		body := list.add("LI").add("LBody")
		c.setColor(255, 255, 255)
		ty := w.textAt(body, bold(lv.Name+" "), x+6, top+6, bw-12, 22, lead(22), 1) + 2
		size := w.fitSize(plain(lv.Title), bw-12, 3, 20, 18, 16)
		w.textAt(body, plain(lv.Title), x+6, ty, bw-12, size, lead(size), 3)
	}
}

// levelSlide is a level: its name and title on a band of its colour, its
// summary, its steps (a column for each guide), and with one guide the
// QR code of the level's page.
func (w *writer) levelSlide(d deckContent, s slide, sect *elem) {
	c := w.c
	const band = 46.0
	c.artifact(artLayout)
	c.fill(0, 0, slideW, band, s.Color)
	width := slideW - 2*slideMargin
	head := w.headingIn(sect, 2)
	c.setColor(255, 255, 255)
	y := w.textAt(head, bold(s.Kicker+" "), slideMargin, 9, width, 24, lead(24), 1)
	size := w.fitSize(bold(s.Title), width, 1, 40, 36, 32, 28)
	w.textAt(head, bold(s.Title), slideMargin, y+1, width, size, lead(size), 1)

	y = band + 7
	qr := 0.0
	if s.URL != "" {
		qr = 40
	}
	textW := width
	if qr > 0 {
		textW -= qr + 12
	}
	if s.Text != "" {
		c.setColor(60, 60, 60)
		size := w.fitSize(plain(s.Text), textW, 2, 22, 20, 18)
		y = w.textAt(sect.add("P"), plain(s.Text), slideMargin, y, textW, size, lead(size), 2) + 6
	}
	if qr > 0 {
		qy := slideFoot - qr - 12
		if w.qrFigure(sect, d.QRAlt, s.URL, slideW-slideMargin-qr, qy, qr) {
			c.setColor(60, 60, 60)
			w.textAt(sect.add("P"), plain(s.Caption), slideW-slideMargin-qr-6, qy+qr+2, qr+12, 13, lead(13), 2)
		}
	}
	cols := len(s.Columns)
	if cols == 0 {
		return
	}
	colGap := 10.0
	colW := (textW - colGap*float64(cols-1)) / float64(cols)
	sizes := []float64{28, 26, 24, 22, 20, 18, 16, 14}
	if cols > 1 {
		sizes = sizes[3:]
	}
	avail := slideFoot - y
	if cols > 1 {
		avail -= lead(20) + 3
	}
	// One guide's steps go in two columns when one would not fit.
	split := 1
	size = sizes[len(sizes)-1]
	for _, sp := range []int{1, 2} {
		if cols > 1 && sp > 1 {
			break
		}
		found := false
		for _, sz := range sizes {
			if w.stepsHeight(s.Columns, colW, sp, sz) <= avail {
				split, size, found = sp, sz, true
				break
			}
		}
		if found && (size >= 22 || sp == 2 || cols > 1) {
			break
		}
	}
	for i, col := range s.Columns {
		x := slideMargin + float64(i)*(colW+colGap)
		cy := y
		parent := sect
		if col.Guide != "" {
			parent = sect.add("Sect")
			c.setColor(s.Color[0]/2, s.Color[1]/2, s.Color[2]/2) // the guide's name in a dark shade of the level's colour
			cy = w.textAt(w.headingIn(parent, 3), bold(col.Guide), x, cy, colW, 20, lead(20), 1) + 3
		}
		if len(col.Steps) == 0 {
			continue
		}
		list := parent.add("L")
		list.attr = listAttr("Decimal")
		rows := (len(col.Steps) + split - 1) / split
		subW := (colW - 8*float64(split-1)) / float64(split)
		for part := range split {
			sy := cy
			for r := range rows {
				k := part*rows + r
				if k >= len(col.Steps) {
					break
				}
				sy = w.step(list, col.Steps[k], s.Color, x+float64(part)*(subW+8), sy, subW, size)
			}
		}
	}
}

// stepsHeight is the height of the tallest column of steps at size, each
// guide's column split in split.
func (w *writer) stepsHeight(cols []stepColumn, colW float64, split int, size float64) float64 {
	subW := (colW - 8*float64(split-1)) / float64(split)
	tallest := 0.0
	for _, col := range cols {
		rows := (len(col.Steps) + split - 1) / split
		for part := range split {
			h := 0.0
			for r := range rows {
				if k := part*rows + r; k < len(col.Steps) {
					h += w.stepHeight(col.Steps[k], subW, size)
				}
			}
			tallest = max(tallest, h)
		}
	}
	return tallest
}

// stepRadius is the radius of a step's numbered circle at size.
func stepRadius(size float64) float64 { return size * 0.19 }

// stepHeight is the height of a step at size in width.
func (w *writer) stepHeight(s posterStep, width, size float64) float64 {
	r := stepRadius(size)
	n := len(w.linesOf(plain(s.Title), width-2*r-4, size))
	return max(float64(n)*lead(size), 2*r) + size*0.16
}

// step draws a step: its number in a circle of the level's colour, its
// title beside it; it returns where the next step starts.
func (w *writer) step(list *elem, s posterStep, color [3]uint8, x, y, width, size float64) float64 {
	c := w.c
	r := stepRadius(size)
	lines := w.linesOf(plain(s.Title), width-2*r-4, size)
	h := max(float64(len(lines))*lead(size), 2*r)
	li := list.add("LI")
	c.artifact(artLayout)
	c.circle(x+r, y+h/2, r, color)
	num := strconv.Itoa(s.Number)
	c.tag(li.add("Lbl"))
	c.setFont(true, size*0.75)
	c.setColor(255, 255, 255)
	c.text(x+r-c.width(num)/2, y+h/2+size*0.75*0.125, num+" ")
	c.setColor(20, 20, 20)
	w.linesAt(li.add("LBody"), lines, x+2*r+4, y+(h-float64(len(lines))*lead(size))/2, size, lead(size))
	return y + h + size*0.16
}

// cardsSlide is the stafettholder and the stafettlogg side by side, each
// with what it is and the QR code of its page.
func (w *writer) cardsSlide(d deckContent, s slide, sect *elem) {
	c := w.c
	y := w.slideHeading(sect, s.Title)
	const gap, qr = 12.0, 36.0
	n := max(len(s.Cards), 1)
	cw := (slideW - 2*slideMargin - gap*float64(n-1)) / float64(n)
	h := slideFoot - y
	for i, k := range s.Cards {
		x := slideMargin + float64(i)*(cw+gap)
		part := sect.add("Sect")
		c.artifact(artLayout)
		c.fill(x, y, cw, h, tint(s.Color, 0.9))
		c.fill(x, y, 3, h, s.Color)
		c.setColor(25, 25, 25)
		ty := w.textAt(w.headingIn(part, 3), bold(k.Title), x+11, y+9, cw-20, 28, lead(28), 2) + 4
		textH := h - (ty - y) - 8
		if k.URL != "" {
			textH -= qr + 6
		}
		size := 22.0
		for size > 16 && float64(len(w.linesOf(plain(k.Text), cw-20, size)))*lead(size) > textH {
			size -= 2
		}
		c.setColor(40, 40, 40)
		w.textAt(part.add("P"), plain(k.Text), x+11, ty, cw-20, size, lead(size), int(textH/lead(size)))
		if k.URL != "" {
			qy := y + h - qr - 8
			w.qrFigure(part, d.QRAlt, k.URL, x+11, qy, qr)
			c.setColor(60, 60, 60)
			w.address(part, k.URL, x+11+qr+6, qy+qr-lead(14)-1, cw-qr-28, 14)
		}
	}
}

// formsSlide is the most used forms, each with the QR code of its page.
func (w *writer) formsSlide(d deckContent, s slide, sect *elem) {
	c := w.c
	y := w.slideHeading(sect, s.Title)
	const gap, pad = 10.0, 7.0
	cols := 2
	if len(s.Cards) == 1 {
		cols = 1
	}
	rows := (len(s.Cards) + cols - 1) / cols
	cw := (slideW - 2*slideMargin - gap*float64(cols-1)) / float64(cols)
	ch := min((slideFoot-y-gap*float64(rows-1))/float64(max(rows, 1)), 62)
	qr := ch - 2*pad
	list := sect.add("L")
	list.attr = listAttr("None")
	for i, k := range s.Cards {
		x := slideMargin + float64(i%cols)*(cw+gap)
		cy := y + float64(i/cols)*(ch+gap)
		body := list.add("LI").add("LBody")
		c.artifact(artLayout)
		c.fill(x, cy, cw, ch, tint(s.Color, 0.9))
		c.setColor(25, 25, 25)
		tx := x + pad + qr + 8
		tw := cw - (tx - x) - pad
		size := w.fitSize(bold(k.Title), tw, 2, 24, 22, 20, 18)
		ty := w.textAt(body.add("P"), []Span{{Text: k.Title, Bold: true, Link: k.URL, LinkNo: 1}}, tx, cy+pad+1, tw, size, lead(size), 3) + 3
		if len(s.Cards) == 1 && s.Text != "" {
			c.setColor(40, 40, 40)
			ty = w.textAt(body.add("P"), plain(s.Text), tx, ty, tw, 18, lead(18), 4) + 3
		}
		if k.Text != "" && len(s.Cards) > 1 {
			c.setColor(50, 50, 50)
			w.textAt(body.add("P"), plain(k.Text), tx, ty, tw, 16, lead(16), int((cy+ch-pad-ty)/lead(16)))
		}
		w.qrFigure(body, d.QRAlt, k.URL, x+pad, cy+pad, qr)
	}
}

// findSlide is how to find the handbook: a large QR code of its front
// page with its address, and where to look in it.
func (w *writer) findSlide(d deckContent, s slide, sect *elem) {
	c := w.c
	y := w.slideHeading(sect, s.Title)
	qr := min(slideFoot-y-lead(24)-6, 86.0)
	w.qrFigure(sect, d.QRAlt, s.URL, slideMargin, y, qr)
	c.setColor(25, 25, 25)
	capSize := w.fitSize(bold(s.Caption), qr+40, 1, 24, 22, 20, 18, 16)
	w.textAt(sect.add("P"), []Span{{Text: s.Caption, Bold: true, Link: s.URL, LinkNo: 1}}, slideMargin, y+qr+4, qr+60, capSize, lead(capSize), 1)
	x := slideMargin + qr + 18
	width := slideW - slideMargin - x
	size := 24.0
	for ; size > 16; size -= 2 {
		total := 0.0
		for _, b := range s.Bullets {
			total += float64(len(w.linesOf(plain(b), width-10, size)))*lead(size) + 5
		}
		if total <= slideFoot-y {
			break
		}
	}
	list := sect.add("L")
	list.attr = listAttr("Disc")
	by := y + 2
	for _, b := range s.Bullets {
		li := list.add("LI")
		c.artifact(artLayout)
		c.circle(x+2.5, by+lead(size)*0.55, 2.2, s.Color)
		c.setColor(30, 30, 30)
		by = w.textAt(li.add("LBody"), plain(b), x+10, by, width-10, size, lead(size), 3) + 5
	}
}

// contactsSlide is whom to ask, and beside it the emergency text.
func (w *writer) contactsSlide(s slide, sect *elem) {
	c := w.c
	y := w.slideHeading(sect, s.Title)
	colW := (slideW-2*slideMargin)/2 - 8
	cy := y
	if s.Text != "" {
		c.setColor(30, 30, 30)
		cy = w.textAt(sect.add("P"), plain(s.Text), slideMargin, cy, colW, 24, lead(24), 4) + 4
	}
	// The contacts at the largest of these sizes (name, role, number)
	// at which they fit.
	scale := 1.0
	for ; scale > 0.6; scale -= 0.1 {
		if cy+w.contactsHeight(s.Contacts, colW, scale) <= slideFoot {
			break
		}
	}
	if len(s.Contacts) > 0 {
		list := sect.add("L")
		list.attr = listAttr("None")
		for _, k := range s.Contacts {
			if cy > slideFoot-lead(24*scale) {
				break
			}
			body := list.add("LI").add("LBody")
			cy = w.contact(body, k, slideMargin, cy, colW, scale)
		}
	}
	if e := s.Emergency; e != nil {
		x := slideW/2 + 4
		ew := slideW - slideMargin - x
		size := 20.0
		for size > 14 && w.emergencyHeightAt(*e, ew-15, size, 26) > slideFoot-y {
			size -= 1
		}
		w.emergencyBox(sect.add("Sect"), *e, x, y, ew, size, 26)
	}
}

// The sizes of a contact's lines on the slide (points, at scale 1).
const (
	contactName, contactRole, contactLine = 28.0, 20.0, 22.0
)

// contact writes a person to ask: name, role, phone and e-mail (links),
// and returns where the next begins.
func (w *writer) contact(body *elem, k contact, x, y, width, scale float64) float64 {
	c := w.c
	c.setColor(25, 25, 25)
	name, role, line := contactName*scale, contactRole*scale, contactLine*scale
	y = w.textAt(body.add("P"), bold(k.Name), x, y, width, name, lead(name), 2) + 1
	if k.Role != "" {
		c.setColor(70, 70, 70)
		y = w.textAt(body.add("P"), plain(k.Role), x, y, width, role, lead(role), 3) + 2
	}
	c.setColor(25, 25, 25)
	if k.Phone != "" {
		y = w.textAt(body.add("P"), linked(k.Phone, k.Tel), x, y, width, line, lead(line), 1) + 1
	}
	if k.Email != "" {
		y = w.textAt(body.add("P"), linked(k.Email, k.Mail), x, y, width, line, lead(line), 2) + 1
	}
	return y + 6
}

// contactsHeight is the height of the contacts at scale.
func (w *writer) contactsHeight(ks []contact, width, scale float64) float64 {
	h := 0.0
	name, role, line := contactName*scale, contactRole*scale, contactLine*scale
	for _, k := range ks {
		h += float64(min(len(w.linesOf(bold(k.Name), width, name)), 2))*lead(name) + 1
		if k.Role != "" {
			h += float64(min(len(w.linesOf(plain(k.Role), width, role)), 3))*lead(role) + 2
		}
		if k.Phone != "" {
			h += lead(line) + 1
		}
		if k.Email != "" {
			h += lead(line) + 1
		}
		h += 6
	}
	return h
}
