// Package pipeline runs the stages in their one direction: load the files
// into the model, check it, render it, and hand the output tree to the
// writer. It is what the bti command, the preview server and the tests
// call; it touches no disk itself.
package pipeline

import (
	"io/fs"

	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
)

// Load reads and checks the municipalities named in slugs (all when
// empty). The site is usable for rendering only when l has no errors.
func Load(fsys fs.FS, slugs []string) (*model.Site, *diag.List) {
	l := &diag.List{}
	site := load.Load(fsys, slugs, l)
	check.Check(site, l)
	return site, l
}
