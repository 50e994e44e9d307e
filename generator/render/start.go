package render

import (
	"cmp"
	"html/template"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
)

// The page for someone new (/kom-i-gang/): BTI in a few sentences, the
// four levels, the stafettholder and the stafettlogg, where the forms
// are, the emergency numbers and whom to ask, each part made from the
// municipality's own files where it has them. A coordinator's
// pages/kom-i-gang.md gives the page its title, summary and a text of
// its own at the top.

// startView is the page's own part of its pageView.
type startView struct {
	// Intro is the body of pages/kom-i-gang.md, "" without it.
	Intro template.HTML
	// About is BTI in a few sentences (the summary of the page om-bti),
	// AboutLink that page; HowTo the page on using the handbook.
	About     string
	AboutLink *link
	HowTo     *link
	Guides    []*guideView
	Levels    []startLevel
	// Stafett are the municipality's pages on the stafettholder and the
	// stafettlogg, with their summaries.
	Stafett []pageRef
	// ToolCount counts the toolbox's documents; Forms are the most used.
	ToolCount int
	Forms     []*toolRef
	Binder    string
	// Posters are each guide's poster, Deck and DeckNotes the training
	// slides and their notes (empty without PDFs).
	Posters         []posterLink
	Deck, DeckNotes string
	// Contacts are the people to ask (municipality.toml's contacts);
	// ContactPage the municipality's page about them, if any.
	Contacts    []*model.Contact
	ContactPage *link
}

// posterLink is a guide's poster on A4 and on A3; Guide is the guide's
// short title when the site has several.
type posterLink struct {
	Guide  string
	A4, A3 string
}

// startLevel is one level of the model with its line and a link to it in
// each guide.
type startLevel struct {
	Level   *model.Level
	Summary string
	Links   []link // Title is the guide's short title
}

// pageRef is a free page with its summary.
type pageRef struct {
	Title   string
	Summary string
	URL     string
}

// startPages are the slugs of the pages the start page links, in the
// national content and the samples.
const (
	aboutSlug         = model.SlugAbout
	stafettholderSlug = model.SlugStafettholder
	stafettloggSlug   = model.SlugStafettlogg
	contactSlug       = model.SlugContact
)

// startPage builds /kom-i-gang/.
func (b *builder) startPage(r *markdown.Renderer) (*pageView, error) {
	m := b.m
	p := b.page("start", model.URLStart, "")
	p.Title = p.T("start_title")
	p.Summary = p.T("start_lead")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	v := &startView{Guides: b.guides, ToolCount: len(m.Toolbox), Contacts: m.Contacts}
	if own := b.pageBySlug("kom-i-gang"); own != nil {
		p.Title = own.Title
		p.Summary = cmp.Or(own.Summary, p.Summary)
		html, err := b.html(r, own.Body, nil, p.URL)
		if err != nil {
			return nil, err
		}
		v.Intro = html
		p.Translations, p.Alternates = b.translations(own.URL(), own.Translations, own.TranslationURL, p.URL)
	}
	if pg := b.pageBySlug(aboutSlug); pg != nil {
		v.About = pg.Summary
		v.AboutLink = &link{Title: pg.Title, URL: pg.URL()}
	}
	if pg := b.pageBySlug(howToSlug); pg != nil {
		v.HowTo = &link{Title: pg.Title, URL: pg.URL()}
	}
	for n, lv := range m.Levels {
		sl := startLevel{Level: lv, Summary: lv.Summary}
		for _, g := range b.guides {
			sl.Links = append(sl.Links, link{Title: g.ShortTitle, URL: g.Levels[n].URL})
		}
		v.Levels = append(v.Levels, sl)
	}
	for _, slug := range []string{stafettholderSlug, stafettloggSlug} {
		if pg := b.pageBySlug(slug); pg != nil {
			v.Stafett = append(v.Stafett, pageRef{Title: pg.Title, Summary: pg.Summary, URL: pg.URL()})
		}
	}
	for i, t := range b.mostUsedForms() {
		if i == 4 {
			break
		}
		v.Forms = append(v.Forms, b.toolRef(t))
	}
	if b.opts.PDF {
		v.Binder = model.URLBinder
		b.printedMaterial(v)
	}
	if pg := b.pageBySlug(contactSlug); pg != nil {
		v.ContactPage = &link{Title: pg.Title, URL: pg.URL()}
	}
	p.Start = v
	return p, nil
}

// startTitle is the title of /kom-i-gang/ in the menu: the coordinator's
// page's, or "" for the interface text.
func (b *builder) startTitle() string {
	if own := b.pageBySlug("kom-i-gang"); own != nil {
		return own.Title
	}
	return ""
}

// stafettSummaries reports whether the pages on the stafettholder and
// the stafettlogg say in their summaries what they are; otherwise the
// start page says it in its own words.
func stafettSummaries(pages []pageRef) bool {
	for _, pg := range pages {
		if pg.Summary != "" {
			return true
		}
	}
	return false
}

// printedMaterial links the posters and the training deck of the site
// (as check decided them in m.PDFs) from the start page.
func (b *builder) printedMaterial(v *startView) {
	for _, g := range b.m.Guides {
		pl := posterLink{}
		if len(b.m.Guides) > 1 {
			pl.Guide = g.ShortTitle
		}
		for _, p := range b.m.PDFs {
			if p.Kind == model.PDFPoster && p.Guide == g {
				if p.Paper == model.PaperA3 {
					pl.A3 = p.URL
				} else {
					pl.A4 = p.URL
				}
			}
		}
		if pl.A4 != "" || pl.A3 != "" {
			v.Posters = append(v.Posters, pl)
		}
	}
	for _, p := range b.m.PDFs {
		switch p.Kind {
		case model.PDFDeck:
			v.Deck = p.URL
		case model.PDFDeckNotes:
			v.DeckNotes = p.URL
		}
	}
}
