package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
)

// TestCorpusBuilds: the synthetic project passes bti check with the
// municipalities asked for, and Hugo gets the same Markdown files.
func TestCorpusBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus")
	files, err := Write("../..", out, 3, true)
	if err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(filepath.Join(out, "bti"))
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, l := pipeline.Load(content.Overlay(root.FS()), nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	if len(site.Municipalities) != 3 || site.Municipalities[2].Name != "Kommune 03" {
		t.Fatalf("municipalities: %d", len(site.Municipalities))
	}
	var md int
	filepath.WalkDir(filepath.Join(out, "hugo", "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			md++
		}
		return err
	})
	if md != files || files < 3*90 {
		t.Errorf("Hugo got %d Markdown files, Write reported %d", md, files)
	}
}
