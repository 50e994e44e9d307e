package pdf

import (
	"strconv"

	"github.com/bti-handbook/bti/generator/model"
)

// The speaker notes of the training deck: an A4 document with, for each
// slide, a miniature of it (an artifact: its text is the slide's, in the
// deck) beside its number, title and notes, so that the coordinator can
// hold them while the slides are shown.

// The notes' geometry in millimetres.
const (
	notesThumb = 64.0 // a slide's miniature, wide
	notesGap   = 6.0
	notesSize  = 10.5
	notesLead  = 5.2
)

// DeckNotes makes the speaker notes of m's training deck.
func DeckNotes(m *model.Municipality, opts Options) ([]byte, error) {
	d := newDeckContent(m, opts)
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	ws := opts.words(m, d.Lang)
	w := newWriter(c, d.Lang, d.Name, newFooter(ws, d.Time, d.DeckURL, false))
	w.logo = opts.Logo
	w.page()
	w.title(d.Notes, 1)
	w.para(plain(d.MetaTitle), 11, 5.6)
	w.y += 4
	thumbH := notesThumb * slideH / slideW
	x := marginL + notesThumb + notesGap
	width := contentW - notesThumb - notesGap
	for i, s := range d.Slides {
		heading := []Span{{Text: d.Slide + " " + strconv.Itoa(i+1) + ": " + slideName(s), Bold: true}}
		// The miniature stays with its heading, its first note and, when
		// the notes go on below it, a few lines of them.
		h := float64(len(w.linesOf(heading, width, 11.5)))*5.6 + 2
		total := h
		for k, n := range s.Notes {
			nh := float64(len(w.linesOf(n.Spans, noteWidth(n, width), notesSize)))*notesLead + 2
			if k == 0 {
				h += min(nh, 3*notesLead)
			}
			total += nh
		}
		w.need(max(h, min(total, thumbH+4*notesLead+4), thumbH) + 2)
		top, page := w.y, c.pageNo()
		sect := w.doc.add("Sect")
		c.outline(d.Slide+" "+strconv.Itoa(i+1), 0)
		c.artifact(artLayout)
		c.frame(marginL-0.2, top-0.2, notesThumb+0.4, thumbH+0.4, 0.3, [3]uint8{150, 150, 150})
		mini := newWriter(c, d.Lang, "", Footer{})
		c.miniature(marginL, top, notesThumb, slideW, slideH, func() {
			mini.drawSlide(d, s, i, mini.doc, opts.Logo)
		})
		c.setColor(0, 0, 0)
		w.text(w.headingIn(sect, 2), heading, x, width, 11.5, 5.6)
		w.y += 2
		// The notes go beside the miniature while they fit there, then
		// across the page below it.
		nx, nw := x, width
		var list *elem
		for _, n := range s.Notes {
			if nx != marginL {
				nh := float64(len(w.linesOf(n.Spans, noteWidth(n, nw), notesSize))) * notesLead
				if c.pageNo() != page || w.y+nh > top+thumbH+1 {
					nx, nw = marginL, contentW
					if c.pageNo() == page {
						w.y = max(w.y, top+thumbH+4)
					}
				}
			}
			if !n.Item {
				list = nil
				w.text(sect.add("P"), n.Spans, nx, nw, notesSize, notesLead)
				w.y += 2
				continue
			}
			if list == nil {
				list = sect.add("L")
				list.attr = listAttr("Disc")
			}
			li := list.add("LI")
			lines := w.linesOf(n.Spans, noteWidth(n, nw), notesSize)
			w.need(min(float64(len(lines)), 3) * notesLead)
			c.tag(li.add("Lbl"))
			c.setFont(false, notesSize)
			c.text(nx, w.y+notesLead*0.75, "•")
			w.flow(li.add("LBody"), lines, nx+4.5, notesSize, notesLead)
			w.y += 2
		}
		if c.pageNo() == page && w.y < top+thumbH {
			w.y = top + thumbH
		}
		w.y += 6
	}
	w.endDocument()
	return c.finish(w.doc, Meta{Title: d.Notes + " – " + d.Name, Subject: "BTI – " + d.Name, Author: d.Name, Lang: d.Lang, Date: d.Time})
}

// slideName is how the notes name a slide: its title, a level's with
// its name.
func slideName(s slide) string {
	if s.Kind == slideLevel {
		return s.Kicker + " – " + s.Title
	}
	return s.Title
}

// noteWidth is the width of a note's text: an item's is indented.
func noteWidth(n note, width float64) float64 {
	if n.Item {
		return width - 4.5
	}
	return width
}
