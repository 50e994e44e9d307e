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

// defaults are the limits when municipality.toml sets none. For staff: a
// sentence of more than 25 words, the length at which Norwegian advice on
// clear language calls a sentence long (15–20 words on average reads
// well), and LIX over 45, past the middle of the band of ordinary
// newspaper text (40–50) towards that of official documents (50–60).
// For parents, many of whom read Norwegian as a second language: 20
// words and LIX 40, the top of the band of easy text (30–40).
var defaults = Settings{
	Staff:   Limits{SentenceWords: 25, LIX: 45},
	Parents: Limits{SentenceWords: 20, LIX: 40},
}

// SettingsOf returns the limits of m: its [klarsprak] table over the
// defaults.
func SettingsOf(m *model.Municipality) Settings {
	s := defaults
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
	var cur *Part
	eachPage(m, func(kind PartKind, g *model.Guide) {
		cur = &Part{Kind: kind, Guide: g}
		r.Parts = append(r.Parts, cur)
	}, func(s pageSource) bool {
		cur.Pages = append(cur.Pages, s.measure(r.Settings))
		return true
	})
	return r
}

// PageAt measures only the page of m whose URL (as model's URLs, from
// the root of the municipality's site) is url; nil when no page with a
// text of its own has it. The preview uses it for the page it serves.
func PageAt(m *model.Municipality, url string) *Page {
	var found *Page
	eachPage(m, func(PartKind, *model.Guide) {}, func(s pageSource) bool {
		if s.url != url {
			return true
		}
		found = s.measure(SettingsOf(m))
		return false
	})
	return found
}

// pageSource is a page to measure.
type pageSource struct {
	doc               *model.Doc
	roots             []ast.Node // the blocks to read; the document's root when nil
	title, url        string
	national, parents bool
}

// measure measures the page with the limits of its audience.
func (s pageSource) measure(settings Settings) *Page {
	roots := s.roots
	if roots == nil {
		roots = []ast.Node{s.doc.Root}
	}
	limits := settings.Staff
	if s.parents {
		limits = settings.Parents
	}
	return &Page{
		File: s.doc.File, Title: s.title, URL: s.url, National: s.national, Parents: s.parents, Limits: limits,
		Text: Measure(s.doc.File, s.doc.Source, roots...),
	}
}

// eachPage goes through the pages of m with a text of their own in the
// order of the site: part is called as each guide, the free pages and
// the toolbox begin, and page for each of their pages until it returns
// false.
func eachPage(m *model.Municipality, part func(PartKind, *model.Guide), page func(pageSource) bool) {
	for _, g := range m.Guides {
		part(PartGuide, g)
		for n, gl := range g.Levels {
			if gl == nil {
				continue
			}
			if gl.Intro != nil && !page(pageSource{doc: gl.Intro, title: levelTitle(m, gl, n), url: g.LevelURL(n)}) {
				return
			}
			for _, s := range gl.Steps {
				if s.Body == nil {
					continue
				}
				var roots []ast.Node
				for _, sec := range s.Sections {
					roots = append(roots, sec.Root)
				}
				if !page(pageSource{doc: s.Body, roots: roots, title: s.Title, url: s.URL(), parents: s.Audience == model.AudienceParents}) {
					return
				}
			}
		}
	}
	part(PartPages, nil)
	for _, p := range m.Pages {
		parents := p.Audience == model.AudienceParents || p.Slug == model.ParentsPage
		if !translated(p.Body, p.Translations, pageSource{title: p.Title, url: p.URL(), national: p.National, parents: parents}, p.TranslationURL, page) {
			return
		}
	}
	part(PartToolbox, nil)
	for _, t := range m.Toolbox {
		parents := t.Audience == model.AudienceParents
		if !translated(t.Body, t.Translations, pageSource{title: t.Title, url: t.URL(), national: t.National, parents: parents}, t.TranslationURL, page) {
			return
		}
	}
}

// translated calls page for a document (main, when it has a text) and its
// translations into bokmål or nynorsk, as src says; it returns false when
// page does.
func translated(main *model.Doc, trs []*model.Translation, src pageSource, url func(lang string) string, page func(pageSource) bool) bool {
	if main != nil {
		src.doc = main
		if !page(src) {
			return false
		}
	}
	for _, tr := range norwegian(trs) {
		src.doc, src.title, src.url = tr.Body, tr.Title, url(tr.Lang)
		if !page(src) {
			return false
		}
	}
	return true
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
