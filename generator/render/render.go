// Package render turns a checked municipality into the files of its
// website: a page per step, level, guide, toolbox document, free page and
// translation, the front page, the toolbox and services directories, the
// guide's print page, a 404 page, redirects for old URLs, sitemap.xml and
// robots.txt, and the theme's assets.
//
// Pages are rendered on all cores with the templ components of this
// package (*.templ, compiled to Go by `templ generate`), with the assets
// and interface text of the theme the municipality chose (package
// themes); every URL on a page is relative,
// so the site works from any folder of any host. Render reads nothing but
// the published attachments, through fs.FS.
package render

//go:generate go run github.com/a-h/templ/cmd/templ@v0.3.1100 generate -path .

import (
	"cmp"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/bti-handbook/bti/generator/markdown"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
)

// Options change what is rendered.
type Options struct {
	// PDF links toolbox documents and guides to their PDFs (made by
	// package pdf); the pipeline then makes them.
	PDF bool
	// PDFOnRequest keeps the links but leaves making the PDFs to whoever
	// serves them (the preview makes each when it is first asked for).
	PDFOnRequest bool
	// Changed maps a source file to the date of its last change (from
	// git), shown on step pages.
	Changed map[string]string
	// History is the project's git history (nil without one): the change
	// log /endringer/, its Atom feed and the "changed" marks on level
	// pages and in the toolbox are made from it.
	History *model.History
	// Themes, when set, is read for the themes' assets and interface text
	// instead of the ones built into the binary (the preview server reads
	// themes/ from disk so that edits to stylesheets and i18n show at
	// once). They are then read on every render. The markup is compiled
	// in (the *.templ files).
	Themes fs.FS
	// NoMinify leaves the HTML as the templates write it (the preview
	// server skips minifying for speed).
	NoMinify bool
	// Shared, when set, is work the municipalities of one build share
	// (NewShared); pipeline.HTML sets it.
	Shared *Shared
}

// job renders one file of the site.
type job func(r *markdown.Renderer) (path string, data []byte, err error)

// Municipality renders the site of m. The paths of the tree are relative
// to the site's root folder.
func Municipality(fsys fs.FS, m *model.Municipality, opts Options) (output.Tree, error) {
	theme, err := themeFor(m.Style, opts)
	if err != nil {
		return nil, err
	}
	tree := output.Tree{}
	b := &builder{m: m, theme: theme, opts: opts, fsys: fsys, log: m.ChangeLog(opts.History)}
	if err := b.assets(tree); err != nil {
		return nil, err
	}
	b.site.Menu = b.menu()
	b.site.MenuRow, b.site.MenuMore = menuRow(b.site.Menu)
	if pg := b.pageBySlug("stafettlogg"); pg != nil {
		b.site.Stafett = &link{Title: pg.Title, URL: pg.URL()}
	}
	if err := b.searchIndex(tree); err != nil {
		return nil, err
	}
	r := markdown.NewRenderer()
	if m.Emergency != nil {
		if b.site.Emergency, err = newEmergency(r, m, theme); err != nil {
			return nil, err
		}
	}
	b.guides = b.guideViews(r)
	jobs := b.jobs()
	if err := run(jobs, tree); err != nil {
		return nil, err
	}
	if err := b.files(tree); err != nil {
		return nil, err
	}
	b.extras(tree)
	if !opts.NoMinify {
		minifyTree(tree)
	}
	return tree, nil
}

// themeFor returns the theme from opts.Themes when set, else the built-in one.
func themeFor(name string, opts Options) (*Theme, error) {
	if opts.Themes != nil {
		return parseTheme(opts.Themes, name)
	}
	return LoadTheme(name)
}

// run executes the jobs on all cores, each worker with its own Markdown
// renderer, and puts their files in tree.
func run(jobs []job, tree output.Tree) error {
	var (
		mu    sync.Mutex
		first error
	)
	parallel.DoWith(len(jobs), markdown.NewRenderer, func(r *markdown.Renderer, i int) {
		p, data, err := safe(jobs[i], r)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && first == nil {
			first = err
		} else if err == nil {
			tree[p] = data
		}
	})
	return first
}

// safe runs a job, turning a panic into an error, so that a bug in one
// page's template or data never crashes the build with a stack trace.
func safe(j job, r *markdown.Renderer) (p string, data []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error while rendering a page (this is a bug in bti; please report it): %v", v)
		}
	}()
	return j(r)
}

// builder holds what the pages of one municipality share.
type builder struct {
	m      *model.Municipality
	theme  *Theme
	opts   Options
	fsys   fs.FS
	site   siteView
	guides []*guideView
	// log is the municipality's change log, nil without a history.
	log *model.ChangeLog
}

// page makes a pageView for url with the site's defaults.
func (b *builder) page(kind, url, title string) *pageView {
	m := b.m
	p := &pageView{
		Site: &b.site, Kind: kind, URL: url, Title: title, Lang: m.Language, Dir: "ltr",
		Canonical: strings.TrimSuffix(m.BaseURL, "/") + url,
	}
	p.L = b.theme.Table(m.Language, m.Language)
	p.Labels = labelsView{
		What: cmp.Or(m.Labels.What, p.T("what")), How: cmp.Or(m.Labels.How, p.T("how")), Who: cmp.Or(m.Labels.Who, p.T("who")),
		Deadline: cmp.Or(m.Labels.Deadline, p.T("deadline")), Tools: cmp.Or(m.Labels.Tools, p.T("tools_for_step")),
		Services: cmp.Or(m.Labels.Services, p.T("services_for_step")),
	}
	return p
}

// html renders a part of a document for the page at url.
func (b *builder) html(r *markdown.Renderer, doc *model.Doc, node ast.Node, url string) (template.HTML, error) {
	if doc == nil {
		return "", nil
	}
	if node == nil {
		node = doc.Root
	}
	s, err := r.RenderString(doc.Source, node, func(n ast.Node) (string, bool) {
		u, ok := b.m.Links[n]
		if !ok {
			return "", false
		}
		if strings.HasPrefix(u, "#") && len(u) > 1 && r.IDPrefix != "" {
			// On the print page the headings of a step carry its prefix.
			return "#" + r.IDPrefix + "-" + u[1:], true
		}
		return relURL(url, u), true
	})
	if err != nil {
		return "", fmt.Errorf("%s: %w", doc.File, err)
	}
	return template.HTML(s), nil
}

// pageJob renders a page view made by mk into path.
func (b *builder) pageJob(path string, mk func(r *markdown.Renderer) (*pageView, error)) job {
	return func(r *markdown.Renderer) (string, []byte, error) {
		r.AnchorLabel = b.theme.T(b.m.Language, b.m.Language, "link_to_heading")
		p, err := mk(r)
		if err != nil {
			return "", nil, err
		}
		data, err := renderPage(p)
		return path, data, err
	}
}

// jobs lists every page of the site.
func (b *builder) jobs() []job {
	var jobs []job
	jobs = append(jobs, b.pageJob("index.html", b.frontPage), b.pageJob("404.html", b.notFoundPage),
		b.pageJob("sok/index.html", b.searchPage), b.pageJob("tjenester/index.html", b.servicesPage),
		b.pageJob(strings.TrimPrefix(model.URLStart, "/")+"index.html", b.startPage),
		b.pageJob(strings.TrimPrefix(model.URLChanges, "/")+"index.html", b.changesPage))
	if b.log != nil {
		jobs = append(jobs, b.changesFeed)
	}
	for f := -1; f <= 3; f++ {
		filter := f
		p := "verktoykasse/index.html"
		if f >= 0 {
			p = fmt.Sprintf("verktoykasse/niva-%d/index.html", f)
		}
		jobs = append(jobs, b.pageJob(p, func(*markdown.Renderer) (*pageView, error) { return b.toolboxPage(filter), nil }))
	}
	for gi, g := range b.m.Guides {
		gv := b.guides[gi]
		jobs = append(jobs, b.pageJob(strings.TrimPrefix(g.URL(), "/")+"index.html", func(*markdown.Renderer) (*pageView, error) { return b.guidePage(gv), nil }))
		jobs = append(jobs, b.pageJob(strings.TrimPrefix(gv.PrintURL, "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.printPage(r, g, gv) }))
		for n, gl := range g.Levels {
			lv := gv.Levels[n]
			jobs = append(jobs, b.pageJob(strings.TrimPrefix(lv.URL, "/")+"index.html", func(*markdown.Renderer) (*pageView, error) { return b.levelPage(lv), nil }))
			for i, s := range gl.Steps {
				jobs = append(jobs, b.pageJob(strings.TrimPrefix(s.URL(), "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.stepPage(r, gv, gl, i) }))
			}
		}
	}
	for _, t := range b.m.Toolbox {
		if t.Kind == model.KindLink && (t.Body == nil || t.Body.Root.ChildCount() == 0) {
			// A link with no text of its own still gets a page: it is
			// where the steps point, and it says where the link goes.
		}
		jobs = append(jobs, b.pageJob(strings.TrimPrefix(t.URL(), "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.toolPage(r, t, nil) }))
		for _, tr := range t.Translations {
			jobs = append(jobs, b.pageJob(strings.TrimPrefix(t.TranslationURL(tr.Lang), "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.toolPage(r, t, tr) }))
		}
	}
	for _, pg := range b.m.Pages {
		// pages/kom-i-gang.md and pages/endringer.md are the text of the
		// pages the site makes at their address; their translations are
		// free pages.
		if !model.SitePage(pg.Slug) {
			jobs = append(jobs, b.pageJob(strings.TrimPrefix(pg.URL(), "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.freePage(r, pg, nil) }))
		}
		for _, tr := range pg.Translations {
			jobs = append(jobs, b.pageJob(strings.TrimPrefix(pg.TranslationURL(tr.Lang), "/")+"index.html", func(r *markdown.Renderer) (*pageView, error) { return b.freePage(r, pg, tr) }))
		}
	}
	return jobs
}

// menu is the main menu: guides, toolbox, services, and the pages that
// ask to be in it (for the vardo style, stafettlogg first).
func (b *builder) menu() []link {
	m := b.m
	var items []link
	t := func(k string) string { return b.theme.T(m.Language, m.Language, k) }
	for _, g := range m.Guides {
		items = append(items, link{Title: g.ShortTitle, URL: g.URL()})
	}
	var pages []*model.Page
	for _, p := range m.Pages {
		if model.SitePage(p.Slug) {
			continue // in the menu as the site's own pages
		}
		if p.Menu || (m.Style == model.StyleVardo && p.Slug == "stafettlogg") {
			pages = append(pages, p)
		}
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].Weight != pages[j].Weight {
			return pages[i].Weight < pages[j].Weight
		}
		return pages[i].Title < pages[j].Title
	})
	var stafett []link
	var rest []link
	for _, p := range pages {
		l := link{Title: p.Title, URL: p.URL()}
		for _, tr := range p.Translations {
			if l.In == nil {
				l.In = map[string]link{}
			}
			l.In[tr.Lang] = link{Title: tr.Title, URL: p.TranslationURL(tr.Lang)}
		}
		if m.Style == model.StyleVardo && (p.Slug == "stafettlogg" || p.Slug == "stafettholder") {
			stafett = append(stafett, l)
		} else {
			l.Page = true
			rest = append(rest, l)
		}
	}
	items = append(items, stafett...)
	items = append(items, link{Title: t("toolbox"), URL: model.URLToolbox, Key: "toolbox"}, link{Title: t("services"), URL: model.URLServices, Key: "services"})
	// The page for someone new stays in the row on wide screens.
	if title := b.startTitle(); title != "" {
		items = append(items, link{Title: title, URL: model.URLStart})
	} else {
		items = append(items, link{Title: t("start_title"), URL: model.URLStart, Key: "start_title"})
	}
	return append(items, rest...)
}

// pageBySlug returns the site's free page with the slug, or nil.
func (b *builder) pageBySlug(slug string) *model.Page {
	for _, p := range b.m.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// stripP removes the paragraph around a one-paragraph inline text.
func stripP(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		return s[3 : len(s)-4]
	}
	return s
}
