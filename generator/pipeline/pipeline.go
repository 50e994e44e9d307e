// Package pipeline runs the stages in their one direction: load the files
// into the model, check it, render it, and hand the output tree to the
// writer. It is what the bti command, the preview server and the tests
// call; it touches no disk itself.
package pipeline

import (
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"strings"

	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
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
	l := &diag.List{}
	site := load.Load(fsys, slugs, l)
	check.Check(site, l)
	return site, l
}

// Render renders every municipality of a checked site into one tree:
// public/<slug>/... for each, and the list of sites at the root. With
// opts.PDF (and not opts.PDFOnRequest), the PDFs are made too.
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
	ms := site.Municipalities
	if opts.Shared == nil {
		opts.Shared = render.NewShared()
	}
	tree, err := eachMunicipality(ms, func(m *model.Municipality) (output.Tree, error) {
		return render.Municipality(fsys, m, opts)
	})
	if err != nil {
		return nil, err
	}
	// Netlify reads _redirects only at the root of what it publishes, so
	// the redirects of every site are gathered there too, under /<slug>.
	var redirects strings.Builder
	for _, m := range ms {
		for _, r := range m.Redirects {
			fmt.Fprintf(&redirects, "/%s%s /%s%s 301\n", m.Slug, r.From, m.Slug, r.To)
		}
		// Each site's own 404 page for addresses below it.
		fmt.Fprintf(&redirects, "/%s/* /%s/404.html 404\n", m.Slug, m.Slug)
	}
	if redirects.Len() > 0 {
		tree["_redirects"] = []byte(redirects.String())
	}
	root, err := render.Sites(ms, opts)
	if err != nil {
		return nil, err
	}
	maps.Copy(tree, root)
	return tree, nil
}

// PDFs makes the PDFs of every municipality, at <slug>/pdf/...: the
// municipalities at once (each on all cores), so that no core waits while
// one municipality's binder is finished.
func PDFs(fsys fs.FS, site *model.Site, opts render.Options) (output.Tree, error) {
	return eachMunicipality(site.Municipalities, func(m *model.Municipality) (output.Tree, error) {
		popts := pdf.Options{Changed: opts.Changed}
		if m.Logo != "" {
			popts.Logo, _ = fs.ReadFile(fsys, path.Join(m.Dir, m.Logo))
		}
		return pdf.Municipality(m, popts)
	})
}

// eachMunicipality runs build for every municipality, several at once,
// and gathers their trees under <slug>/. The first error (in the order of
// the municipalities) is returned, named after its municipality.
func eachMunicipality(ms []*model.Municipality, build func(*model.Municipality) (output.Tree, error)) (output.Tree, error) {
	trees := make([]output.Tree, len(ms))
	errs := make([]error, len(ms))
	parallel.Do(len(ms), func(i int) { trees[i], errs[i] = build(ms[i]) })
	tree := output.Tree{}
	for i, m := range ms {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", m.Slug, errs[i])
		}
		for p, data := range trees[i] {
			tree[m.Slug+"/"+p] = data
		}
	}
	return tree, nil
}

// Bases maps each municipality's folder in the output tree to the URL path
// its base_url publishes it at, for the link checker.
func Bases(site *model.Site) map[string]string {
	out := map[string]string{}
	for _, m := range site.Municipalities {
		base := "/"
		if u, err := url.Parse(m.BaseURL); err == nil && u.Path != "" {
			base = u.Path
		}
		out[m.Slug+"/"] = base
	}
	return out
}
