package pdf

import (
	"cmp"
	"strconv"

	"github.com/bti-handbook/bti/generator/model"
)

// Guide makes the printable handlingsveileder of one guide: every level
// (a section with its coloured band) and step (a section of its own) with
// its what, how and who, and links to its tools.
func Guide(m *model.Municipality, g *model.Guide, opts Options) ([]byte, error) {
	lang := m.Language
	c, err := newCanvas()
	if err != nil {
		return nil, err
	}
	url := pageURL(m, g.URL())
	date := opts.lastChange(guideFiles(m, g)...)
	ws := opts.words(m, lang)
	w := newWriter(c, lang, m.Name, newFooter(ws, date, url, true))
	w.logo = opts.Logo
	w.page()
	c.outline(g.Title, 0)
	w.title(g.Title, 1)
	if g.Audience != "" {
		w.para([]Span{{Text: g.Audience}}, 11, 5.6)
		w.y += 2
	}
	w.blocks(Blocks(g.Intro, linkFunc(m, url)), false)
	w.blocks(guideBlocks(m, g, ws), false)
	w.endDocument()
	return c.finish(w.doc, Meta{Title: g.Title + " – " + m.Name, Subject: "BTI – " + m.Name, Author: m.Name, Lang: lang, Date: date})
}

// guideBlocks are the levels and steps of g as blocks.
func guideBlocks(m *model.Municipality, g *model.Guide, ws labels) []Block {
	whatHowWho := map[string]string{
		model.SectionWhat: cmp.Or(m.Labels.What, ws.word("what")), model.SectionHow: cmp.Or(m.Labels.How, ws.word("how")),
		model.SectionWho: cmp.Or(m.Labels.Who, ws.word("who")),
	}
	var bs []Block
	for n, gl := range g.Levels {
		if len(gl.Steps) == 0 {
			continue
		}
		lv := m.Levels[n]
		rgb := hexRGB(lv.Color, [3]uint8{80, 80, 80})
		bs = append(bs, Block{Kind: BlockHeading, Level: 2, H: 2, Band: &rgb, Sect: 1, Bookmark: 1, Spans: []Span{{Text: lv.Name + " – " + lv.Title}}})
		if lv.Summary != "" {
			bs = append(bs, Block{Kind: BlockParagraph, Spans: []Span{{Text: lv.Summary}}})
		}
		for _, s := range gl.Steps {
			url := pageURL(m, s.URL())
			bs = append(bs, Block{Kind: BlockHeading, Level: 2, H: 3, Sect: 2, Bookmark: 2, Spans: []Span{{Text: strconv.Itoa(s.Number) + ". " + s.Title}}})
			if s.Summary != "" {
				bs = append(bs, Block{Kind: BlockParagraph, Spans: []Span{{Text: s.Summary}}})
			}
			if s.Deadline != "" {
				bs = append(bs, Block{Kind: BlockParagraph, Spans: []Span{{Text: cmp.Or(m.Labels.Deadline, ws.word("deadline")) + ": ", Bold: true}, {Text: s.Deadline}}})
			}
			for _, sec := range s.Sections {
				if heading := whatHowWho[sec.Key]; heading != "" {
					bs = append(bs, Block{Kind: BlockHeading, Level: 4, H: 4, Spans: []Span{{Text: heading}}})
				}
				for _, b := range BlocksOf(sec.Root, s.Body.Source, linkFunc(m, url)) {
					if b.Kind == BlockHeading {
						b.H = b.Level + 2 // "###" in a step's section is below its H4
					}
					bs = append(bs, b)
				}
			}
			if len(s.ToolList) > 0 {
				spans := []Span{{Text: cmp.Or(m.Labels.Tools, ws.word("tools")) + ": ", Bold: true}}
				for i, t := range s.ToolList {
					if i > 0 {
						spans = append(spans, Span{Text: ", "})
					}
					spans = append(spans, Span{Text: t.Title, Link: pageURL(m, t.URL()), LinkNo: i + 1})
				}
				bs = append(bs, Block{Kind: BlockParagraph, Spans: spans})
			}
		}
	}
	return bs
}

// guideFiles are the files whose text a guide's PDF shows.
func guideFiles(m *model.Municipality, g *model.Guide) []string {
	files := []string{m.Pos.File, g.Pos.File}
	if g.Intro != nil {
		files = append(files, g.Intro.File)
	}
	for n, gl := range g.Levels {
		if len(gl.Steps) == 0 {
			continue
		}
		files = append(files, m.Levels[n].Pos.File)
		if gl.Intro != nil {
			files = append(files, gl.Intro.File)
		}
		for _, s := range gl.Steps {
			files = append(files, s.File)
			for _, t := range s.ToolList {
				files = append(files, t.File)
			}
		}
	}
	return files
}
