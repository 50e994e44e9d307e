package pipeline

import (
	"io/fs"
	"os"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/render"
)

// BenchmarkCheckSamples is `bti check` on both shipped samples: load every
// file, parse it and check the whole model. Goal: under 100 ms.
func BenchmarkCheckSamples(b *testing.B) {
	fsys := content.Overlay(os.DirFS("../.."))
	for b.Loop() {
		_, l := Load(fsys, nil)
		if l.Errors() > 0 {
			b.Fatal(l.Sorted())
		}
	}
}

// BenchmarkReadSamples is the floor under BenchmarkCheckSamples, run in
// the same go test for comparison: only reading the same files.
func BenchmarkReadSamples(b *testing.B) {
	fsys := content.Overlay(os.DirFS("../.."))
	for b.Loop() {
		for _, root := range []string{"content", "municipalities"} {
			fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					_, err = fs.ReadFile(fsys, p)
				}
				return err
			})
		}
	}
}

// BenchmarkRenderSamples renders both samples' sites in memory (no
// writing), after one check.
func BenchmarkRenderSamples(b *testing.B) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := Load(fsys, nil)
	if l.Errors() > 0 {
		b.Fatal(l.Sorted())
	}
	for b.Loop() {
		if _, err := Render(fsys, site, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
