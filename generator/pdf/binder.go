package pdf

import (
	"strconv"
	"strings"

	"github.com/bti-handbook/bti/generator/model"
)

// entry is a line of the binder's contents.
type entry struct {
	title string
	level int // 0 for a section (a level), 1 for a document
	page  int
	link  *elem    // the Link element of its line
	lines []string // the title, wrapped
	at    int      // the contents page it is on (0-based)
	y     float64  // where its first line's baseline is
}

// binderSections orders the documents: each level's documents in step
// order (a document used on several levels is filed under the first), then
// the documents no step uses.
func binderSections(m *model.Municipality) (levels [4][]*model.Tool, other []*model.Tool) {
	placed := map[*model.Tool]bool{}
	for n := range 4 {
		for _, g := range m.Guides {
			for _, s := range g.Levels[n].Steps {
				for _, t := range s.ToolList {
					if !placed[t] && t.PDF != "" {
						placed[t] = true
						levels[n] = append(levels[n], t)
					}
				}
			}
		}
	}
	for _, t := range m.Toolbox {
		if !placed[t] && t.PDF != "" {
			other = append(other, t)
		}
	}
	return levels, other
}

// The contents' lines.
const (
	contentsTop  = top + 12
	contentsLead = 6.2
	contentsWrap = 4.8 // between the lines of a title that wraps
)

// binderFiles are the files whose text the binder shows.
func binderFiles(m *model.Municipality, levels [4][]*model.Tool, other []*model.Tool) []string {
	files := []string{m.Pos.File}
	for n, docs := range levels {
		if len(docs) > 0 {
			files = append(files, m.Levels[n].Pos.File)
		}
		for _, t := range docs {
			files = append(files, t.File)
		}
	}
	for _, t := range other {
		files = append(files, t.File)
	}
	return files
}

// Binder makes the toolbox binder: a cover with a QR code of the toolbox
// page, the contents (each line a link to its page), a divider per level
// with the level's colour as an edge tab, the level's documents in step
// order, then the documents no step uses. Each document starts on a new
// page with a QR code of its own page, and its footers have its own
// address and date; the binder's date is the latest change of anything in
// it. A bookmark for each; "Side N av M" on every page but the cover.
func Binder(m *model.Municipality, opts Options) ([]byte, error) {
	lang := m.Language
	ws := opts.words(m, lang)
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	title := ws.word("toolbox")
	levels, other := binderSections(m)
	var entries []*entry
	for n, docs := range levels {
		if len(docs) > 0 {
			entries = append(entries, &entry{title: m.Levels[n].Name + " – " + m.Levels[n].Title})
			for _, t := range docs {
				entries = append(entries, &entry{title: t.Title, level: 1})
			}
		}
	}
	if len(other) > 0 {
		entries = append(entries, &entry{title: ws.word("pdf_other")})
		for _, t := range other {
			entries = append(entries, &entry{title: t.Title, level: 1})
		}
	}
	date := opts.lastChange(binderFiles(m, levels, other)...)
	binderURL := pageURL(m, model.URLToolbox)
	binderFooter := newFooter(ws, date, binderURL, false)

	// The cover: no header, no page number.
	w := newWriter(c, lang, "", Footer{})
	w.page()
	brand := hexRGB(m.BrandColor, [3]uint8{0, 87, 107})
	c.artifact(artLayout)
	c.fillRect(0, 0, PageW, 110, brand[0], brand[1], brand[2])
	for n, lv := range m.Levels {
		rgb := hexRGB(lv.Color, [3]uint8{80, 80, 80})
		drawTab(c, &tab{r: rgb[0], g: rgb[1], b: rgb[2], index: n, label: strconv.Itoa(n)}, 1)
	}
	c.setColor(255, 255, 255)
	c.tag(w.doc.add("P"))
	c.setFont(false, 14)
	c.text(marginL, 60, ws.word("pdf_bti"))
	c.tag(w.heading(1, 1))
	c.setFont(true, 34)
	c.text(marginL, 80, title)
	c.tag(w.doc.add("P"))
	c.setFont(false, 18)
	c.text(marginL, 95, m.Name)
	c.setColor(0, 0, 0)
	for _, e := range w.addressBlock(Footer{URL: binderURL, ShortURL: shortURL(binderURL), Date: binderFooter.Date}, marginL, 130, 32, 11, 6) {
		w.doc.kids = append(w.doc.kids, kid{elem: e})
	}
	c.outline(ws.word("pdf_cover"), 0)

	// The contents: laid out now, to know how many pages they take, and
	// written when the page numbers are known.
	w.header, w.logo, w.footer = m.Name, opts.Logo, binderFooter
	toc := w.heading(0, 2)
	list := w.doc.add("TOC")
	var sub *elem
	c.setFont(false, 10.5)
	at, y := 0, contentsTop
	for _, e := range entries {
		x := marginL + 6*float64(e.level)
		c.setFont(e.level == 0, 10.5)
		for _, l := range w.lines(words([]Span{{Text: e.title, Bold: e.level == 0}}), PageW-marginR-16-x, 10.5) {
			e.lines = append(e.lines, joinWords(l))
		}
		h := contentsLead + float64(len(e.lines)-1)*contentsWrap
		if y+h-contentsLead > bottom-4 {
			at, y = at+1, contentsTop
		}
		e.at, e.y = at, y
		y += h
		if e.level == 0 {
			e.link = list.add("TOCI").add("Link")
			sub = nil
			continue
		}
		if sub == nil {
			sub = list.add("TOC")
		}
		e.link = sub.add("TOCI").add("Link")
	}
	firstContents := c.pageNo() + 1
	for i := 0; i <= at; i++ {
		w.page()
		if i == 0 {
			c.outline(ws.word("pdf_contents"), 0)
		}
	}

	docNo := 0
	ei := 0
	section := func(n int, name, summary string, color string) {
		rgb := hexRGB(color, [3]uint8{80, 80, 80})
		w.tab = nil
		w.footer, w.hShift = binderFooter, 0
		if c.pageNo()%2 == 1 {
			// A divider starts a right-hand page, so printed on both
			// sides each level can be filed on its own: an empty back
			// page (only its number) before it.
			w.page()
		}
		if n >= 0 {
			w.tab = &tab{r: rgb[0], g: rgb[1], b: rgb[2], index: n, label: strconv.Itoa(n)}
		}
		w.footer, w.hShift = binderFooter, 0
		w.page()
		entries[ei].page = c.pageNo()
		ei++
		c.outline(name, 0)
		w.openSect(1)
		c.artifact(artLayout)
		c.fillRect(marginL, 60, 14, 14, rgb[0], rgb[1], rgb[2])
		w.y = 91
		w.text(w.heading(0, 2), []Span{{Text: name, Bold: true}}, marginL, contentW, 26, 12)
		w.y = 110
		if summary != "" {
			w.text(w.into.add("P"), []Span{{Text: summary}}, marginL, contentW-20, 13, 6.5)
		}
	}
	document := func(t *model.Tool) {
		docNo++
		url := pageURL(m, t.URL())
		w.footer, w.qrDone = newFooter(ws, opts.lastChange(t.File), url, true), false
		w.page()
		entries[ei].page = c.pageNo()
		ei++
		c.outline(t.Title, 1)
		w.openSect(2)
		w.prefix = pad2(docNo) + " "
		w.hShift = 0
		w.title(t.Title, 3)
		w.hShift = 2 // the document's "##" is an H4 below its title
		if t.Summary != "" {
			w.para([]Span{{Text: t.Summary}}, 11, 5.6)
			w.y += 3
		}
		w.blocks(Blocks(t.Body, linkFunc(m, url)), t.Kind == model.KindForm)
		w.endDocument()
	}
	for n, docs := range levels {
		if len(docs) == 0 {
			continue
		}
		lv := m.Levels[n]
		section(n, lv.Name+" – "+lv.Title, lv.Summary, lv.Color)
		for _, t := range docs {
			document(t)
		}
	}
	if len(other) > 0 {
		section(-1, ws.word("pdf_other"), "", "#505050")
		for _, t := range other {
			document(t)
		}
	}

	// Now the page numbers are known: write the contents.
	for i := 0; i <= at; i++ {
		c.setPage(firstContents + i)
		if i == 0 {
			c.tag(toc)
		} else {
			c.artifact(artPage) // the heading repeated on the next page
		}
		c.setFont(true, 17)
		c.setColor(0, 0, 0)
		c.text(marginL, top+4, ws.word("pdf_contents"))
	}
	for _, e := range entries {
		c.setPage(firstContents + e.at)
		x := marginL + 6*float64(e.level)
		c.setFont(e.level == 0, 10.5)
		c.tag(e.link)
		y := e.y
		for k, l := range e.lines {
			if k > 0 {
				y += contentsWrap
			}
			c.text(x, y, l+" ") // read out as "Tiltaksplan 30"
		}
		num := strconv.Itoa(e.page)
		c.text(PageW-marginR-c.width(num), y, num)
		// A leader between the title and the number.
		last := e.lines[len(e.lines)-1]
		from, to := x+c.width(last)+2, PageW-marginR-c.width(num)-2
		if to > from {
			c.artifact(artLayout)
			c.line(from, y, to, y, 0.15, 170)
		}
		c.link(e.link, "", e.page, e.title+", "+ws.word("pdf_page_lc")+" "+num, marginL, e.y-4.2, contentW, y-e.y+5.6)
	}
	return c.finish(w.doc, Meta{Title: title + " – " + m.Name, Subject: "BTI – " + m.Name, Author: m.Name, Lang: lang, Date: date})
}

// hexRGB parses "#rrggbb", or returns def.
func hexRGB(s string, def [3]uint8) [3]uint8 {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return def
	}
	var out [3]uint8
	for i := range 3 {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return def
		}
		out[i] = uint8(v)
	}
	return out
}
