package klarsprak

import (
	"fmt"
	"sort"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/model"
)

// Limits say when a text is too hard to read.
type Limits struct {
	SentenceWords int // a sentence of more words than this is long
	LIX           int // a page whose LIX (rounded) is higher is hard
}

// Settings are a municipality's limits for text to staff and to parents.
type Settings struct {
	Staff, Parents Limits
}

// Defaults are the limits when municipality.toml sets none. For staff: a
// sentence of more than 25 words, the length at which Norwegian advice on
// clear language calls a sentence long (15–20 words on average reads
// well), and LIX over 45, past the middle of the band of ordinary
// newspaper text (40–50) towards that of official documents (50–60).
// For parents, many of whom read Norwegian as a second language: 20
// words and LIX 40, the top of the band of easy text (30–40).
var Defaults = Settings{
	Staff:   Limits{SentenceWords: 25, LIX: 45},
	Parents: Limits{SentenceWords: 20, LIX: 40},
}

// SettingsOf returns the limits of m: its [klarsprak] table over the
// defaults.
func SettingsOf(m *model.Municipality) Settings {
	s := Defaults
	k := m.Klarsprak
	set := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	set(&s.Staff.SentenceWords, k.SentenceWords)
	set(&s.Staff.LIX, k.LIX)
	set(&s.Parents.SentenceWords, k.ParentsSentenceWords)
	set(&s.Parents.LIX, k.ParentsLIX)
	return s
}

// Page is one page of a municipality's site, measured.
type Page struct {
	File     string
	Title    string
	URL      string // from the root of the municipality's site, as model's URLs
	National bool   // a national document (content/) that the municipality shows
	Parents  bool   // written for parents: the stricter limits apply
	Limits   Limits
	Text
}

// Long returns the page's sentences of more words than its limit.
func (p *Page) Long() []Located {
	var out []Located
	for _, s := range p.Sentences {
		if s.Words > p.Limits.SentenceWords {
			out = append(out, s)
		}
	}
	return out
}

// Hard reports whether the page has enough text for LIX and its LIX is
// over the limit.
func (p *Page) Hard() bool {
	return p.Stats.Measurable() && p.Stats.Rounded() > p.Limits.LIX
}

// PartKind says what a part of a handbook is.
type PartKind uint8

const (
	// PartGuide is a guide: its level pages and steps.
	PartGuide PartKind = iota
	// PartPages is the free pages.
	PartPages
	// PartToolbox is the toolbox.
	PartToolbox
)

// Part is a guide, the free pages or the toolbox, measured.
type Part struct {
	Kind  PartKind
	Guide *model.Guide // for PartGuide
	Pages []*Page
}

// Median is the median LIX of the part's pages that have enough text
// for one; ok is false when none has.
func (p *Part) Median() (lix float64, ok bool) {
	var xs []float64
	for _, pg := range p.Pages {
		if pg.Stats.Measurable() {
			xs = append(xs, pg.Stats.LIX())
		}
	}
	if len(xs) == 0 {
		return 0, false
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2], true
	}
	return (xs[n/2-1] + xs[n/2]) / 2, true
}

// Hardest returns the n pages of highest LIX among those that have
// enough text for one.
func (p *Part) Hardest(n int) []*Page {
	var out []*Page
	for _, pg := range p.Pages {
		if pg.Stats.Measurable() {
			out = append(out, pg)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Stats.LIX() > out[j].Stats.LIX() })
	return out[:min(n, len(out))]
}

// LongSentences counts the long sentences of the part's pages.
func (p *Part) LongSentences() int {
	n := 0
	for _, pg := range p.Pages {
		n += len(pg.Long())
	}
	return n
}

// HardPages counts the part's pages whose LIX is over their limit.
func (p *Part) HardPages() int {
	n := 0
	for _, pg := range p.Pages {
		if pg.Hard() {
			n++
		}
	}
	return n
}

// Report is a municipality's handbook, measured: each guide, then the
// free pages, then the toolbox.
type Report struct {
	Municipality *model.Municipality
	Settings     Settings
	Parts        []*Part
}

// Analyse measures every page a municipality's site shows in its own
// language: each guide's level introductions and steps, the free pages
// and the toolbox documents (its own and the national ones), and their
// translations into bokmål or nynorsk. Translations into other languages
// are left out: LIX and its limits are for Norwegian.
func Analyse(m *model.Municipality) *Report {
	r := &Report{Municipality: m, Settings: SettingsOf(m)}
	for _, g := range m.Guides {
		part := &Part{Kind: PartGuide, Guide: g}
		for n, gl := range g.Levels {
			if gl == nil {
				continue
			}
			if gl.Intro != nil {
				part.Pages = append(part.Pages, r.page(gl.Intro, nil, levelTitle(m, gl, n), g.LevelURL(n), false, false))
			}
			for _, s := range gl.Steps {
				if s.Body == nil {
					continue
				}
				var roots []ast.Node
				for _, sec := range s.Sections {
					roots = append(roots, sec.Root)
				}
				if len(roots) == 0 {
					roots = append(roots, s.Body.Root)
				}
				part.Pages = append(part.Pages, r.page(s.Body, roots, s.Title, s.URL(), false, s.Audience == model.AudienceParents))
			}
		}
		r.Parts = append(r.Parts, part)
	}
	pages := &Part{Kind: PartPages}
	for _, p := range m.Pages {
		parents := p.Audience == model.AudienceParents || p.Slug == model.ParentsPage
		if p.Body != nil {
			pages.Pages = append(pages.Pages, r.page(p.Body, nil, p.Title, p.URL(), p.National, parents))
		}
		for _, tr := range norwegian(p.Translations) {
			pages.Pages = append(pages.Pages, r.page(tr.Body, nil, tr.Title, p.TranslationURL(tr.Lang), p.National, parents))
		}
	}
	r.Parts = append(r.Parts, pages)
	tools := &Part{Kind: PartToolbox}
	for _, t := range m.Toolbox {
		parents := t.Audience == model.AudienceParents
		if t.Body != nil {
			tools.Pages = append(tools.Pages, r.page(t.Body, nil, t.Title, t.URL(), t.National, parents))
		}
		for _, tr := range norwegian(t.Translations) {
			tools.Pages = append(tools.Pages, r.page(tr.Body, nil, tr.Title, t.TranslationURL(tr.Lang), t.National, parents))
		}
	}
	r.Parts = append(r.Parts, tools)
	return r
}

// page measures one document; roots are the blocks to read (the
// document's root when nil).
func (r *Report) page(doc *model.Doc, roots []ast.Node, title, url string, national, parents bool) *Page {
	if roots == nil {
		roots = []ast.Node{doc.Root}
	}
	limits := r.Settings.Staff
	if parents {
		limits = r.Settings.Parents
	}
	return &Page{
		File: doc.File, Title: title, URL: url, National: national, Parents: parents, Limits: limits,
		Text: Measure(doc.File, doc.Source, roots...),
	}
}

// norwegian returns the translations into bokmål or nynorsk with a text.
func norwegian(trs []*model.Translation) []*model.Translation {
	var out []*model.Translation
	for _, tr := range trs {
		if (tr.Lang == "nb" || tr.Lang == "nn" || tr.Lang == "no") && tr.Body != nil {
			out = append(out, tr)
		}
	}
	return out
}

// levelTitle is the title of a guide's level page: "Nivå 1: Tiltak i
// egen tjeneste".
func levelTitle(m *model.Municipality, gl *model.GuideLevel, n int) string {
	if gl.Title != "" {
		return gl.Title
	}
	if l := m.Levels[n]; l != nil {
		return fmt.Sprintf("%s: %s", l.Name, l.Title)
	}
	return fmt.Sprintf("%d", n)
}
