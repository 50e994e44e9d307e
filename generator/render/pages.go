package render

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"sort"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/slug"
)

// guideViews builds the read-only views of the guides that several pages
// share (front page, guide pages, level pages, step pages).
func (b *builder) guideViews(r *markdown.Renderer) []*guideView {
	var out []*guideView
	for _, g := range b.m.Guides {
		gv := &guideView{ID: g.ID, URL: g.URL(), PrintURL: g.URL() + "skriv-ut/", Title: g.Title, ShortTitle: g.ShortTitle, Audience: g.Audience}
		if b.opts.PDF {
			gv.PDF = g.PDF
		}
		gv.Intro, _ = b.html(r, g.Intro, nil, g.URL())
		for n, gl := range g.Levels {
			lv := b.m.Levels[n]
			v := &levelView{Level: lv, URL: g.LevelURL(n), Title: cmp.Or(gl.Title, lv.Name+": "+lv.Title), Summary: cmp.Or(gl.Summary, lv.Summary), Guide: gv}
			v.Intro, _ = b.html(r, gl.Intro, nil, v.URL)
			for _, s := range gl.Steps {
				ref := &stepRef{Number: s.Number, Title: s.Title, Summary: s.Summary, URL: s.URL(), Changed: b.log.Recently(s.File)}
				v.Changed = v.Changed || ref.Changed
				v.Steps = append(v.Steps, ref)
			}
			gv.Levels = append(gv.Levels, v)
		}
		for n, v := range gv.Levels {
			if n > 0 {
				v.PrevLevel = &levelRef{Name: b.m.Levels[n-1].Name, Title: b.m.Levels[n-1].Title, URL: g.LevelURL(n - 1)}
			}
			if n < 3 {
				v.NextLevel = &levelRef{Name: b.m.Levels[n+1].Name, Title: b.m.Levels[n+1].Title, URL: g.LevelURL(n + 1)}
			}
		}
		out = append(out, gv)
	}
	return out
}

func (b *builder) toolRef(t *model.Tool) *toolRef {
	ref := &toolRef{Title: t.Title, Kind: t.Kind, Summary: t.Summary, URL: t.URL(), Levels: toolLevels(t),
		Changed: b.log.Recently(t.File, t.Attachment)}
	for _, tr := range t.Translations {
		ref.Changed = ref.Changed || b.log.Recently(tr.File)
	}
	if b.opts.PDF && t.PDF != "" {
		ref.PDF = t.PDFURL("")
	}
	return ref
}

// toolLevels are the levels a tool belongs to: those of the steps that
// use it, or those its front matter lists.
func toolLevels(t *model.Tool) []int {
	seen := map[int]bool{}
	for _, s := range t.UsedBy {
		seen[s.Level] = true
	}
	for _, n := range t.Levels {
		seen[n] = true
	}
	var out []int
	for n := range 4 {
		if seen[n] {
			out = append(out, n)
		}
	}
	return out
}

// howToSlug is the national page that explains how to use the handbook,
// linked from the front page.
const howToSlug = model.SlugHowTo

func (b *builder) frontPage(r *markdown.Renderer) (*pageView, error) {
	p := b.page("front", "/", "")
	p.Summary = fmt.Sprintf(p.T("front_summary"), b.m.Name)
	front := &frontView{Guides: b.guides}
	if pg := b.pageBySlug(howToSlug); pg != nil {
		front.HowTo = &link{Title: pg.Title, URL: pg.URL()}
	}
	front.Start = &link{Title: b.startTitle(), URL: model.URLStart}
	for i, t := range b.mostUsedForms() {
		if i == 6 {
			break
		}
		front.Forms = append(front.Forms, b.toolRef(t))
	}
	p.Front = front
	return p, nil
}

// mostUsedForms are the forms that steps use, those that most steps list
// first.
func (b *builder) mostUsedForms() []*model.Tool { return b.m.MostUsedForms() }

func (b *builder) guidePage(gv *guideView) *pageView {
	p := b.page("guide", gv.URL, gv.Title)
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	p.Guide = gv
	return p
}

func (b *builder) levelPage(lv *levelView) *pageView {
	p := b.page("level", lv.URL, lv.Title)
	p.Summary = lv.Summary
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}, {Title: lv.Guide.ShortTitle, URL: lv.Guide.URL}}
	p.LevelPage = lv
	return p
}

func (b *builder) stepPage(r *markdown.Renderer, gv *guideView, gl *model.GuideLevel, i int) (*pageView, error) {
	s := gl.Steps[i]
	lv := gv.Levels[s.Level]
	p := b.page("step", s.URL(), s.Title)
	p.Summary = s.Summary
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}, {Title: gv.ShortTitle, URL: gv.URL}, {Title: lv.Level.Name, URL: lv.URL}}
	v := &stepView{Level: lv.Level, Guide: gv, Number: i + 1, Count: len(gl.Steps), Title: s.Title, Summary: s.Summary,
		Deadline: s.Deadline, Services: s.ServiceList, PrevLevel: lv.PrevLevel, NextLevel: lv.NextLevel, Changed: b.opts.Changed[s.File],
		PrintAnchor: fmt.Sprintf("niva-%d-%s", s.Level, s.Slug)}
	for _, t := range s.ToolList {
		v.Tools = append(v.Tools, b.toolRef(t))
	}
	secs, err := b.sections(r, s, p.URL, p.Labels)
	if err != nil {
		return nil, err
	}
	v.Sections = secs
	v.LevelSteps, v.LevelURL = lv.Steps, lv.URL
	v.Prev, v.Next = pager(gv, s.Level, i)
	p.Step = v
	return p, nil
}

// pager finds the steps before and after step i of level n in the guide:
// across a level's boundary the last step of the level before, the first
// of the next (levels without steps are skipped).
func pager(gv *guideView, n, i int) (prev, next *pagerLink) {
	steps := gv.Levels[n].Steps
	if i > 0 {
		prev = &pagerLink{stepRef: steps[i-1]}
	} else {
		for m := n - 1; m >= 0 && prev == nil; m-- {
			if s := gv.Levels[m].Steps; len(s) > 0 {
				prev = &pagerLink{stepRef: s[len(s)-1], Level: gv.Levels[m].Level.Name}
			}
		}
	}
	if i+1 < len(steps) {
		next = &pagerLink{stepRef: steps[i+1]}
	} else {
		for m := n + 1; m < len(gv.Levels) && next == nil; m++ {
			if s := gv.Levels[m].Steps; len(s) > 0 {
				next = &pagerLink{stepRef: s[0], Level: gv.Levels[m].Level.Name}
			}
		}
	}
	return prev, next
}

// sections renders a step's parts with the site's labels as headings.
func (b *builder) sections(r *markdown.Renderer, s *model.Step, url string, labels labelsView) ([]sectionView, error) {
	var out []sectionView
	for _, sec := range s.Sections {
		html, err := b.html(r, s.Body, sec.Root, url)
		if err != nil {
			return nil, err
		}
		heading := ""
		switch sec.Key {
		case model.SectionWhat:
			heading = labels.What
		case model.SectionHow:
			heading = labels.How
		case model.SectionWho:
			heading = labels.Who
		}
		out = append(out, sectionView{Key: sec.Key, Heading: heading, ID: sec.ID, HTML: html})
	}
	return out, nil
}

func (b *builder) printPage(r *markdown.Renderer, g *model.Guide, gv *guideView) (*pageView, error) {
	p := b.page("print", gv.PrintURL, gv.Title)
	// Headings inside steps keep their own ids, which may repeat between
	// steps on this one page: no anchors and no ids here.
	r.AnchorLabel = ""
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}, {Title: gv.ShortTitle, URL: gv.URL}}
	pv := &printView{Guide: gv}
	// The guide's intro has links relative to this page, not the guide's.
	pv.Intro, _ = b.html(r, g.Intro, nil, p.URL)
	for n, gl := range g.Levels {
		pl := printLevel{Level: b.m.Levels[n], Anchor: fmt.Sprintf("niva-%d", n)}
		pl.Intro, _ = b.html(r, gl.Intro, nil, p.URL)
		for _, s := range gl.Steps {
			ps := printStep{Anchor: fmt.Sprintf("niva-%d-%s", n, s.Slug), Number: s.Number, Title: s.Title, Summary: s.Summary, Deadline: s.Deadline}
			r.IDPrefix = ps.Anchor
			secs, err := b.sections(r, s, p.URL, p.Labels)
			r.IDPrefix = ""
			if err != nil {
				return nil, err
			}
			// Ids must be unique on the one page: the sections' headings
			// carry the step's prefix, like the headings inside them.
			for i := range secs {
				if secs[i].ID != "" {
					secs[i].ID = ps.Anchor + "-" + secs[i].ID
				}
			}
			ps.Sections = secs
			for _, t := range s.ToolList {
				ps.Tools = append(ps.Tools, b.toolRef(t))
			}
			pl.Steps = append(pl.Steps, ps)
		}
		pv.Levels = append(pv.Levels, pl)
	}
	p.Print = pv
	return p, nil
}

func (b *builder) toolboxPage(filter int) *pageView {
	u := "/verktoykasse/"
	if filter >= 0 {
		u = fmt.Sprintf("/verktoykasse/niva-%d/", filter)
	}
	p := b.page("toolbox", u, "")
	p.Title = p.T("toolbox")
	if filter >= 0 {
		p.Title += ": " + b.m.Levels[filter].Name
		p.Crumbs = []link{{Title: p.T("home"), URL: "/"}, {Title: p.T("toolbox"), URL: "/verktoykasse/", Key: "toolbox"}}
	} else {
		p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	}
	v := &toolboxView{Filter: filter}
	for n, lv := range b.m.Levels {
		v.Levels = append(v.Levels, levelRef2{Number: n, Name: lv.Name, Title: lv.Title, URL: fmt.Sprintf("/verktoykasse/niva-%d/", n)})
	}
	byCat := map[string][]*toolRef{}
	var cats []string
	other := p.T("other_category")
	for _, t := range b.m.Toolbox {
		ref := b.toolRef(t)
		if filter >= 0 && !slices.Contains(ref.Levels, filter) {
			continue
		}
		v.Changed = v.Changed || ref.Changed
		c := cmp.Or(t.Category, other)
		if _, ok := byCat[c]; !ok {
			cats = append(cats, c)
		}
		byCat[c] = append(byCat[c], ref)
	}
	sort.Slice(cats, func(i, j int) bool {
		if (cats[i] == other) != (cats[j] == other) {
			return cats[j] == other
		}
		return cats[i] < cats[j]
	})
	for _, c := range cats {
		tools := byCat[c]
		sort.SliceStable(tools, func(i, j int) bool { return tools[i].Title < tools[j].Title })
		v.Categories = append(v.Categories, categoryView{ID: "kategori-" + slug.Make(c), Name: c, Tools: tools})
	}
	if b.opts.PDF {
		v.Binder = model.URLBinder
	}
	p.Toolbox = v
	return p
}

func (b *builder) toolPage(r *markdown.Renderer, t *model.Tool, tr *model.Translation) (*pageView, error) {
	u, title, summary, body := t.URL(), t.Title, t.Summary, t.Body
	lang := b.m.Language
	if tr != nil {
		u, title, summary, body, lang = t.TranslationURL(tr.Lang), tr.Title, cmp.Or(tr.Summary, t.Summary), tr.Body, tr.Lang
	}
	p := b.page("tool", u, title)
	p.Lang, p.Dir, p.Summary = lang, Direction(lang), summary
	p.L = b.theme.Table(p.UILang(), b.m.Language)
	r.AnchorLabel = p.T("link_to_heading")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}, {Title: p.T("toolbox"), URL: "/verktoykasse/", Key: "toolbox"}}
	v := &toolView{Kind: t.Kind, Category: t.Category, External: t.ExternalURL, Changed: b.opts.Changed[t.File]}
	if tr != nil {
		v.Changed = b.opts.Changed[tr.File]
	}
	v.CategoryLang = b.m.Language
	if tr != nil && tr.Category != "" {
		v.Category, v.CategoryLang = tr.Category, tr.Lang
	}
	html, err := b.html(r, body, nil, u)
	if err != nil {
		return nil, err
	}
	v.Body = html
	if b.opts.PDF {
		// As check decided: a PDF, or (for text the PDF font cannot
		// print) a note to print the page.
		v.PDF, v.PrintWeb = t.PDF, t.PrintWeb
		if tr != nil {
			v.PDF, v.PrintWeb = tr.PDF, tr.PrintWeb
		}
	}
	if t.Attachment != "" {
		v.Attachment = b.attachment(t.Attachment, t.AttachmentURL)
	}
	for _, s := range t.UsedBy {
		v.UsedBy = append(v.UsedBy, usedByView{Guide: s.Guide.ShortTitle, Level: s.Level, LevelName: b.m.Levels[s.Level].Name, Title: s.Title, URL: s.URL()})
	}
	p.Tool = v
	p.Translations, p.Alternates = b.translations(t.URL(), t.Translations, t.TranslationURL, u)
	return p, nil
}

func (b *builder) freePage(r *markdown.Renderer, pg *model.Page, tr *model.Translation) (*pageView, error) {
	u, title, summary, body := pg.URL(), pg.Title, pg.Summary, pg.Body
	lang := b.m.Language
	if tr != nil {
		u, title, summary, body, lang = pg.TranslationURL(tr.Lang), tr.Title, tr.Summary, tr.Body, tr.Lang
	}
	p := b.page("page", u, title)
	p.Lang, p.Dir, p.Summary = lang, Direction(lang), summary
	p.L = b.theme.Table(p.UILang(), b.m.Language)
	r.AnchorLabel = p.T("link_to_heading")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	html, err := b.html(r, body, nil, u)
	if err != nil {
		return nil, err
	}
	p.Body = html
	p.Translations, p.Alternates = b.translations(pg.URL(), pg.Translations, pg.TranslationURL, u)
	return p, nil
}

// translations lists the language versions of a page for the switcher
// and the hreflang alternates.
func (b *builder) translations(main string, trs []*model.Translation, urlOf func(string) string, current string) ([]translationLink, []alternate) {
	if len(trs) == 0 {
		return nil, nil
	}
	base := b.m.BaseURL[:len(b.m.BaseURL)-1]
	links := []translationLink{{Lang: b.m.Language, Name: LanguageName(b.m.Language), URL: main, Current: main == current}}
	alts := []alternate{{Lang: b.m.Language, Href: base + main}}
	for _, tr := range trs {
		u := urlOf(tr.Lang)
		links = append(links, translationLink{Lang: tr.Lang, Name: LanguageName(tr.Lang), URL: u, Current: u == current})
		alts = append(alts, alternate{Lang: tr.Lang, Href: base + u})
	}
	return links, alts
}

func (b *builder) servicesPage(r *markdown.Renderer) (*pageView, error) {
	p := b.page("services", "/tjenester/", "")
	p.Title = p.T("services")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	for _, kind := range []string{model.ServiceBasis, model.ServiceHelp, model.ServiceSpecialist} {
		g := serviceGroup{Kind: kind}
		for _, s := range b.m.Services {
			if s.Kind == kind {
				g.Services = append(g.Services, s)
			}
		}
		if len(g.Services) > 0 {
			p.ServiceGroups = append(p.ServiceGroups, g)
		}
	}
	return p, nil
}

func (b *builder) searchPage(r *markdown.Renderer) (*pageView, error) {
	p := b.page("search", "/sok/", "")
	p.Title = p.T("search")
	p.Crumbs = []link{{Title: p.T("home"), URL: "/"}}
	return p, nil
}

func (b *builder) notFoundPage(r *markdown.Renderer) (*pageView, error) {
	// The 404 page is served at any depth, so its links are absolute
	// from the site's root, taken from base_url.
	p := b.page("notfound", "/404.html", "")
	p.Title = p.T("not_found_title")
	p.Canonical = ""
	p.absBase = "/"
	if u, err := url.Parse(b.m.BaseURL); err == nil && u.Path != "" {
		p.absBase = u.Path
	}
	return p, nil
}
