package pdf

import (
	"fmt"
	"sync"

	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/parallel"
)

// Municipality makes every PDF of m (m.PDFs, as check decided them), by
// path relative to its site: one per printable toolbox document and
// translation, the binder, and one per guide.
func Municipality(m *model.Municipality, opts Options) (output.Tree, error) {
	jobs := Jobs(m, opts)
	tree := output.Tree{}
	var (
		mu    sync.Mutex
		first error
	)
	parallel.Do(len(jobs), func(i int) {
		data, err := jobs[i].Make()
		mu.Lock()
		defer mu.Unlock()
		if err != nil && first == nil {
			first = fmt.Errorf("%s: %w", jobs[i].Path, err)
		}
		tree[jobs[i].Path] = data
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
