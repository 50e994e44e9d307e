package preview

import (
	"os"
	"testing"
)

// BenchmarkRebuild is one full rebuild of the Lillestrøm sample in memory,
// as the preview does after each edit.
func BenchmarkRebuild(b *testing.B) {
	dir := project(b, "lillestrom")
	s := New(Config{Root: os.DirFS(dir), Slugs: []string{"lillestrom"}})
	for b.Loop() {
		s.Rebuild()
	}
}
