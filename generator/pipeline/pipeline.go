// Package pipeline runs the stages in their one direction: load the files
// into the model, check it, render it, and hand the output tree to the
// writer. It is what the bti command, the preview server and the tests
// call; it touches no disk itself.
package pipeline

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strings"

	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/i18n"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
	"github.com/bti-handbook/bti/generator/pdf"
	"github.com/bti-handbook/bti/generator/render"
)

// Load reads and checks the municipalities named in slugs (all when
// empty). The site is usable for rendering only when l has no errors.
func Load(fsys fs.FS, slugs []string) (*model.Site, *diag.List) {
	return LoadSince(fsys, slugs, nil)
}

// LoadSince is Load that also warns about every page that previous (the
// files under municipalities/ as the project was last published) had
// and the sources no longer have, with the aliases line that keeps its
// address working.
func LoadSince(fsys fs.FS, slugs []string, previous []string) (*model.Site, *diag.List) {
	l := &diag.List{}
	site := load.Load(fsys, slugs, l)
	check.Check(site, l)
	if previous != nil {
		check.Vanished(site, previous, l)
	}
	return site, l
}

// Render renders every municipality of a checked site into one tree:
// public/<slug>/... for each, and the list of sites at the root; or, for
// a project whose one municipality is published at a host's root
// (Site.AtRoot), that site at the root itself. With opts.PDF (and not
// opts.PDFOnRequest), the PDFs are made too.
func Render(fsys fs.FS, site *model.Site, opts render.Options) (output.Tree, error) {
	tree, err := HTML(fsys, site, opts)
	if err != nil || !opts.PDF || opts.PDFOnRequest {
		return tree, err
	}
	pdfs, err := PDFs(fsys, site, opts)
	if err != nil {
		return nil, err
	}
	maps.Copy(tree, pdfs)
	return tree, nil
}

// HTML renders the websites of every municipality (all at once, each on
// all cores) and the files at the root: the list of sites and _redirects.
func HTML(fsys fs.FS, site *model.Site, opts render.Options) (output.Tree, error) {
	return HTMLWith(fsys, site, opts, nil)
}

// Listed is what the files at the root need of a municipality that an
// earlier build put in the output folder: its name, notice and language
// for the list of sites, its lines of _redirects.
type Listed struct {
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	Notice    string `json:"notice,omitempty"`
	Language  string `json:"language,omitempty"`
	Redirects string `json:"redirects,omitempty"`
}

// ListingOf returns what a later build of other municipalities into the
// same folder needs to keep m in the files at the root.
func ListingOf(m *model.Municipality) Listed {
	return Listed{Slug: m.Slug, Name: m.Name, Notice: m.Notice, Language: m.Language, Redirects: redirectLines(m)}
}

// redirectLines are the lines of m in the _redirects at the root.
func redirectLines(m *model.Municipality) string {
	var b strings.Builder
	for _, r := range m.Redirects {
		fmt.Fprintf(&b, "/%s%s /%s%s 301\n", m.Slug, r.From, m.Slug, r.To)
	}
	// Each site's own 404 page for addresses below it.
	fmt.Fprintf(&b, "/%s/* /%s/404.html 404\n", m.Slug, m.Slug)
	return b.String()
}

// atRootRedirects is the _redirects of the one site published at the
// root (Netlify reads it at the root only): its own, with its own 404
// page for every address it does not have.
func atRootRedirects(m *model.Municipality) string {
	var redirects strings.Builder
	for _, r := range m.Redirects {
		fmt.Fprintf(&redirects, "%s %s 301\n", r.From, r.To)
	}
	redirects.WriteString("/* /404.html 404\n")
	return redirects.String()
}

// HTMLWith is HTML for a build of some of the municipalities into a
// folder that holds others too (others, from earlier builds): the list of
// sites and _redirects at the root name every one of them, in the order a
// build of all of them gives.
func HTMLWith(fsys fs.FS, site *model.Site, opts render.Options, others []Listed) (output.Tree, error) {
	ms := site.Municipalities
	if opts.Shared == nil {
		opts.Shared = render.NewShared()
	}
	tree, err := eachMunicipality(site, func(m *model.Municipality) (output.Tree, error) {
		return render.Municipality(fsys, m, opts)
	})
	if err != nil {
		return nil, err
	}
	if site.AtRoot {
		tree["_redirects"] = []byte(atRootRedirects(ms[0]))
		return tree, nil
	}
	built := make([]Listed, len(ms))
	for i, m := range ms {
		built[i] = ListingOf(m)
	}
	root, err := rootFiles(built, others, opts)
	if err != nil {
		return nil, err
	}
	maps.Copy(tree, root)
	return tree, nil
}

// rootFiles are the files at the root of an output folder of several
// sites: the list of sites (those built, in their order, then the others
// not built now, all sorted by slug when there are others) and the
// _redirects of them all.
func rootFiles(built, others []Listed, opts render.Options) (output.Tree, error) {
	all := append([]Listed(nil), built...)
	seen := map[string]bool{}
	for _, m := range built {
		seen[m.Slug] = true
	}
	for _, o := range others {
		if !seen[o.Slug] && o.Slug != "" {
			seen[o.Slug] = true
			all = append(all, o)
		}
	}
	if len(others) > 0 {
		sort.Slice(all, func(i, j int) bool { return all[i].Slug < all[j].Slug })
	}
	// Netlify reads _redirects only at the root of what it publishes, so
	// the redirects of every site are gathered there too, under /<slug>.
	var redirects strings.Builder
	listed := make([]*model.Municipality, len(all))
	for i, e := range all {
		redirects.WriteString(e.Redirects)
		listed[i] = &model.Municipality{Slug: e.Slug, Name: e.Name, Notice: e.Notice, Language: e.Language}
	}
	tree, err := render.Sites(listed, opts)
	if err != nil {
		return nil, err
	}
	if redirects.Len() > 0 {
		tree["_redirects"] = []byte(redirects.String())
	}
	return tree, nil
}

// PDFJob is one PDF of a build, at its path in the output tree
// ("<slug>/pdf/x.pdf", or "pdf/x.pdf" for a site at the root).
type PDFJob struct {
	Path string
	pdf.Job
}

// PDFJobs lists every PDF of site with what makes it, for bti build (which
// makes them all) and bti serve (which makes each when it is asked for,
// and keeps it by its key).
func PDFJobs(fsys fs.FS, site *model.Site, opts render.Options) ([]PDFJob, error) {
	text, err := interfaceText(opts)
	if err != nil {
		return nil, err
	}
	var out []PDFJob
	for _, m := range site.Municipalities {
		out = append(out, municipalityPDFJobs(fsys, site, m, opts, text)...)
	}
	return out, nil
}

// municipalityPDFJobs lists the PDFs of m, one of site's municipalities,
// the binder first.
func municipalityPDFJobs(fsys fs.FS, site *model.Site, m *model.Municipality, opts render.Options, text *i18n.Tables) []PDFJob {
	popts := pdf.Options{Changed: opts.Changed, Text: text, History: opts.History}
	if m.Logo != "" {
		popts.Logo, _ = fs.ReadFile(fsys, path.Join(m.Dir, m.Logo))
	}
	var out []PDFJob
	for _, j := range pdf.Jobs(m, popts) {
		out = append(out, PDFJob{Path: site.Folder(m) + j.Path, Job: j})
	}
	return out
}

// interfaceText is the interface text the PDFs use: the themes' (from
// opts.Themes when set, as the pages do).
func interfaceText(opts render.Options) (*i18n.Tables, error) {
	if opts.Themes != nil {
		return i18n.Load(opts.Themes)
	}
	return i18n.Builtin()
}

// PDFs makes the PDFs of every municipality, all on all cores (the
// binders first, which take longest).
func PDFs(fsys fs.FS, site *model.Site, opts render.Options) (output.Tree, error) {
	jobs, err := PDFJobs(fsys, site, opts)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(jobs, func(i, j int) bool {
		return jobs[i].PDF.Tool == nil && jobs[i].PDF.Guide == nil && !(jobs[j].PDF.Tool == nil && jobs[j].PDF.Guide == nil)
	})
	data := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Do(len(jobs), func(i int) { data[i], errs[i] = jobs[i].Make() })
	tree := output.Tree{}
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", j.Path, errs[i])
		}
		tree[j.Path] = data[i]
	}
	return tree, nil
}

// eachMunicipality runs build for every municipality, several at once,
// and gathers their trees in their folders (<slug>/, or the root; see
// Site.Folder). The first error (in the order of the municipalities) is
// returned, named after its municipality.
func eachMunicipality(site *model.Site, build func(*model.Municipality) (output.Tree, error)) (output.Tree, error) {
	ms := site.Municipalities
	trees := make([]output.Tree, len(ms))
	errs := make([]error, len(ms))
	parallel.Do(len(ms), func(i int) { trees[i], errs[i] = build(ms[i]) })
	tree := output.Tree{}
	for i, m := range ms {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", m.Slug, errs[i])
		}
		folder := site.Folder(m)
		for p, data := range trees[i] {
			tree[folder+p] = data
		}
	}
	return tree, nil
}

// Bases maps each municipality's folder in the output tree to the URL path
// its base_url publishes it at, for the link checker.
func Bases(site *model.Site) map[string]string {
	out := map[string]string{}
	for _, m := range site.Municipalities {
		out[site.Folder(m)] = model.BasePath(m.BaseURL)
	}
	return out
}
