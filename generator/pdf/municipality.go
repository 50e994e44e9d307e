package pdf

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
)

// GuideURL is where the printable PDF of a guide is published.
func GuideURL(g *model.Guide) string { return "/pdf/veileder-" + g.ID + ".pdf" }

// Municipality makes every PDF of m, by path relative to its site: one per
// printable toolbox document and translation, the binder, and one per guide.
func Municipality(m *model.Municipality, opts Options) (output.Tree, error) {
	type job struct {
		path string
		make func() ([]byte, error)
	}
	var jobs []job
	for _, t := range m.Toolbox {
		if Unprintable(t, nil) == "" {
			jobs = append(jobs, job{strings.TrimPrefix(t.PDFURL(""), "/"), func() ([]byte, error) { return Tool(m, t, nil, opts) }})
		}
		for _, tr := range t.Translations {
			if Unprintable(t, tr) == "" {
				jobs = append(jobs, job{strings.TrimPrefix(t.PDFURL(tr.Lang), "/"), func() ([]byte, error) { return Tool(m, t, tr, opts) }})
			}
		}
	}
	for _, g := range m.Guides {
		jobs = append(jobs, job{strings.TrimPrefix(GuideURL(g), "/"), func() ([]byte, error) { return Guide(m, g, opts) }})
	}
	jobs = append(jobs, job{strings.TrimPrefix(model.URLBinder, "/"), func() ([]byte, error) { return Binder(m, opts) }})

	tree := output.Tree{}
	var (
		mu    sync.Mutex
		first error
	)
	// The binder is the longest: it is last in jobs, so start from the end.
	parallel.Do(len(jobs), func(i int) {
		j := jobs[len(jobs)-1-i]
		data, err := safeMake(j.make)
		mu.Lock()
		defer mu.Unlock()
		if err != nil && first == nil {
			first = fmt.Errorf("%s: %w", j.path, err)
		}
		tree[j.path] = data
	})
	return tree, first
}

// safeMake turns a panic of a PDF library into an error.
func safeMake(f func() ([]byte, error)) (data []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error while making a PDF (a bug in bti; please report it): %v", v)
		}
	}()
	return f()
}
