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
					if !placed[t] && Unprintable(t, nil) == "" {
						placed[t] = true
						levels[n] = append(levels[n], t)
					}
				}
			}
		}
	}
	for _, t := range m.Toolbox {
		if !placed[t] && Unprintable(t, nil) == "" {
			other = append(other, t)
		}
	}
	return levels, other
}

// contentsPerPage is how many lines the contents fit on a page.
const contentsPerPage = 38

// Binder makes the toolbox binder: a cover, the contents with page
// numbers, a divider per level with the level's colour as an edge tab, the
// level's documents in step order, then the documents no step uses; a
// bookmark for each; "Side N av M" on every page but the cover.
func Binder(m *model.Municipality, opts Options) ([]byte, error) {
	lang := m.Language
	c, err := NewCanvas()
	if err != nil {
		return nil, err
	}
	title := label(lang, "binder")
	c.SetInfo(title+" – "+m.Name, "BTI – "+m.Name, m.Name)
	levels, other := binderSections(m)
	var entries []entry
	for n, docs := range levels {
		if len(docs) > 0 {
			entries = append(entries, entry{title: m.Levels[n].Name + " – " + m.Levels[n].Title})
			for _, t := range docs {
				entries = append(entries, entry{title: t.Title, level: 1})
			}
		}
	}
	if len(other) > 0 {
		entries = append(entries, entry{title: label(lang, "other")})
		for _, t := range other {
			entries = append(entries, entry{title: t.Title, level: 1})
		}
	}
	binderURL := pageURL(m, model.URLToolbox)
	footer := Footer{Date: label(lang, "updated") + " " + opts.date(""), URL: binderURL, ShortURL: shortURL(binderURL),
		Page: label(lang, "page"), Of: label(lang, "of")}

	// Cover: no page number.
	cover := newWriter(c, "", Footer{})
	cover.page()
	brand := hexRGB(m.BrandColor, [3]uint8{0, 87, 107})
	c.FillRect(0, 0, PageW, 110, brand[0], brand[1], brand[2])
	c.SetColor(255, 255, 255)
	c.SetFont(false, 14)
	c.Text(marginL, 60, "Bedre tverrfaglig innsats (BTI)")
	c.SetFont(true, 34)
	c.Text(marginL, 80, title)
	c.SetFont(false, 18)
	c.Text(marginL, 95, m.Name)
	c.SetColor(0, 0, 0)
	c.SetFont(false, 11)
	c.Text(marginL, 130, label(lang, "updated")+" "+opts.date(""))
	c.Text(marginL, 137, shortURL(binderURL))
	c.Outline(label(lang, "cover"), 0)
	for n, lv := range m.Levels {
		rgb := hexRGB(lv.Color, [3]uint8{80, 80, 80})
		drawTab(c, &tab{r: rgb[0], g: rgb[1], b: rgb[2], index: n, label: strconv.Itoa(n)})
	}

	// Contents: pages reserved now, filled in at the end.
	w := newWriter(c, m.Name, footer)
	w.logo = opts.Logo
	contentsPages := max(1, (len(entries)+contentsPerPage-1)/contentsPerPage)
	firstContents := c.PageNo() + 1
	for i := range contentsPages {
		w.page()
		if i == 0 {
			c.Outline(label(lang, "contents"), 0)
		}
	}
	docNo := 0
	ei := 0
	section := func(n int, name, summary string, color string) {
		rgb := hexRGB(color, [3]uint8{80, 80, 80})
		w.tab = nil
		if n >= 0 {
			w.tab = &tab{r: rgb[0], g: rgb[1], b: rgb[2], index: n, label: strconv.Itoa(n)}
		}
		w.page()
		entries[ei].page = c.PageNo()
		ei++
		c.Outline(name, 0)
		c.FillRect(marginL, 60, 14, 14, rgb[0], rgb[1], rgb[2])
		c.SetFont(true, 26)
		c.Text(marginL, 100, name)
		w.y = 110
		if summary != "" {
			w.text([]Span{{Text: summary}}, marginL, contentW-20, 13, 6.5)
		}
	}
	document := func(t *model.Tool) {
		docNo++
		w.page()
		entries[ei].page = c.PageNo()
		ei++
		c.Outline(t.Title, 1)
		w.prefix = pad2(docNo) + " "
		w.title(t.Title)
		if t.Summary != "" {
			w.text([]Span{{Text: t.Summary}}, marginL, contentW, 11, 5.6)
			w.y += 3
		}
		w.blocks(Blocks(t.Body), t.Kind == model.KindForm)
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
		section(-1, label(lang, "other"), "", "#505050")
		for _, t := range other {
			document(t)
		}
	}

	// Now the page numbers are known: write the contents.
	for i, e := range entries {
		c.SetPage(firstContents + i/contentsPerPage)
		y := top + 12 + float64(i%contentsPerPage)*6.2
		if i%contentsPerPage == 0 {
			c.SetFont(true, 17)
			c.SetColor(0, 0, 0)
			c.Text(marginL, top+4, label(lang, "contents"))
		}
		x := marginL
		c.SetFont(e.level == 0, 10.5)
		if e.level == 1 {
			x += 6
		}
		num := strconv.Itoa(e.page)
		t := clip(c, e.title, contentW-(x-marginL)-16)
		c.Text(x, y, t)
		c.Text(PageW-marginR-c.Width(num), y, num)
		// Dot leader between the title and the number.
		from, to := x+c.Width(t)+2, PageW-marginR-c.Width(num)-2
		if to > from {
			c.Line(from, y, to, y, 0.15, 170)
		}
	}
	data, err := c.Output()
	if err != nil {
		return nil, err
	}
	return finish(data, w.fields, lang, Meta{Title: title + " – " + m.Name, Subject: "BTI – " + m.Name, Author: m.Name, Date: opts.day(""), Outline: c.Outlines()})
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
