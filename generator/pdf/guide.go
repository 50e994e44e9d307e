package pdf

import (
	"strconv"
	"strings"

	"github.com/bti-handbook/bti/generator/model"
)

// Guide makes the printable handlingsveileder of one guide: every level
// and step with its what, how and who, and the names of its tools.
func Guide(m *model.Municipality, g *model.Guide, opts Options) ([]byte, error) {
	lang := m.Language
	c, err := NewCanvas()
	if err != nil {
		return nil, err
	}
	c.SetInfo(g.Title+" – "+m.Name, "BTI – "+m.Name, m.Name)
	url := pageURL(m, g.URL())
	w := newWriter(c, m.Name, Footer{Date: label(lang, "updated") + " " + opts.date(g.Pos.File), URL: url, ShortURL: shortURL(url),
		QR: true, Page: label(lang, "page"), Of: label(lang, "of")})
	w.logo = opts.Logo
	w.page()
	c.Outline(g.Title, 0)
	w.title(g.Title)
	if g.Audience != "" {
		w.text([]Span{{Text: g.Audience}}, marginL, contentW, 11, 5.6)
		w.y += 2
	}
	w.blocks(Blocks(g.Intro), false)
	whatHowWho := map[string]string{
		model.SectionWhat: or(m.Labels.What, sectionWord(lang, 0)), model.SectionHow: or(m.Labels.How, sectionWord(lang, 1)),
		model.SectionWho: or(m.Labels.Who, sectionWord(lang, 2)),
	}
	for n, gl := range g.Levels {
		if len(gl.Steps) == 0 {
			continue
		}
		lv := m.Levels[n]
		rgb := hexRGB(lv.Color, [3]uint8{80, 80, 80})
		w.need(40)
		w.y += 6
		c.Outline(lv.Name+" – "+lv.Title, 0)
		c.FillRect(marginL, w.y, contentW, 11, rgb[0], rgb[1], rgb[2])
		c.SetFont(true, 14)
		c.SetColor(255, 255, 255)
		c.Text(marginL+3, w.y+7.6, lv.Name+" – "+lv.Title)
		c.SetColor(0, 0, 0)
		w.y += 15
		w.text([]Span{{Text: lv.Summary}}, marginL, contentW, 10.5, 5.2)
		w.y += 2
		for _, s := range gl.Steps {
			w.need(30)
			w.y += 3
			c.Outline(strconv.Itoa(s.Number)+". "+s.Title, 1)
			w.text([]Span{{Text: strconv.Itoa(s.Number) + ". " + s.Title, Bold: true}}, marginL, contentW, 13, 6.5)
			if s.Summary != "" {
				w.text([]Span{{Text: s.Summary}}, marginL, contentW, 10.5, 5.2)
			}
			if s.Deadline != "" {
				w.text([]Span{{Text: or(m.Labels.Deadline, "Frist") + ": ", Bold: true}, {Text: s.Deadline}}, marginL, contentW, 10.5, 5.2)
			}
			for _, sec := range s.Sections {
				heading := whatHowWho[sec.Key]
				if heading != "" {
					w.need(14)
					w.y += 1.5
					w.text([]Span{{Text: heading, Bold: true}}, marginL, contentW, 11, 5.6)
				}
				w.blocks(BlocksOf(sec.Root, s.Body.Source), false)
			}
			if len(s.ToolList) > 0 {
				var names []string
				for _, t := range s.ToolList {
					names = append(names, t.Title)
				}
				w.text([]Span{{Text: or(m.Labels.Tools, label(lang, "tools")) + ": ", Bold: true}, {Text: strings.Join(names, ", ")}}, marginL, contentW, 10, 5)
			}
			w.y += 2
		}
	}
	data, err := c.Output()
	if err != nil {
		return nil, err
	}
	return finish(data, nil, lang, Meta{Title: g.Title + " – " + m.Name, Subject: "BTI – " + m.Name, Author: m.Name, Date: opts.day(g.Pos.File), Outline: c.Outlines()})
}

func sectionWord(lang string, i int) string {
	if lang == "nn" {
		return [3]string{"Kva", "Korleis", "Kven"}[i]
	}
	return [3]string{"Hva", "Hvordan", "Hvem"}[i]
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
