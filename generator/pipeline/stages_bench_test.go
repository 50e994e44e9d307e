package pipeline

import (
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/check"
	"github.com/bti-handbook/bti/generator/diag"
	"github.com/bti-handbook/bti/generator/load"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/internal/corpus"
	"github.com/bti-handbook/bti/internal/projectfs"
)

// The stage benchmarks run each stage of `bti build` alone on a synthetic
// project of BTI_BENCH_N municipalities (10 unless set; the comparison
// with Hugo uses 50: scripts/bench-hugo.sh):
//
//	go test -run - -bench Stage ./generator/pipeline
//	BTI_BENCH_N=50 go test -run - -bench Stage -benchtime 5x ./generator/pipeline

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// benchSite writes the corpus once per test binary and loads it.
func benchSite(b *testing.B) (*model.Site, *os.Root) {
	b.Helper()
	corpusOnce.Do(func() {
		n := 10
		if s := os.Getenv("BTI_BENCH_N"); s != "" {
			n, corpusErr = strconv.Atoi(s)
		}
		dir, err := os.MkdirTemp("", "bti-bench-")
		if err != nil {
			corpusErr = err
			return
		}
		corpusDir = filepath.Join(dir, "corpus")
		if corpusErr == nil {
			_, corpusErr = corpus.Write("../..", corpusDir, n, false)
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	root, err := os.OpenRoot(filepath.Join(corpusDir, "bti"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	site, l := Load(content.Overlay(root.FS()), nil)
	if l.Errors() > 0 {
		b.Fatal(l.Sorted())
	}
	return site, root
}

// TestMain removes the corpus after the benchmarks.
func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(filepath.Dir(corpusDir))
	}
	os.Exit(code)
}

// BenchmarkStageLoad reads and parses every file into the model, through
// the project folder as bti build opens it (internal/projectfs).
func BenchmarkStageLoad(b *testing.B) {
	_, root := benchSite(b)
	for b.Loop() {
		pfs, err := projectfs.Open(root.Name())
		if err != nil {
			b.Fatal(err)
		}
		fsys := content.Overlay(pfs)
		l := &diag.List{}
		load.Load(fsys, nil, l)
		if l.Errors() > 0 {
			b.Fatal(l.Sorted())
		}
	}
}

// BenchmarkStageCheck checks the loaded model (references, links,
// anchors, addresses).
func BenchmarkStageCheck(b *testing.B) {
	site, _ := benchSite(b)
	for b.Loop() {
		l := &diag.List{}
		check.Check(site, l)
		if l.Errors() > 0 {
			b.Fatal(l.Sorted())
		}
	}
}

// BenchmarkStageRender renders every website in memory: pages, search
// indexes, assets (the HTML of `bti build --no-pdf`).
func BenchmarkStageRender(b *testing.B) {
	site, root := benchSite(b)
	fsys := content.Overlay(root.FS())
	for b.Loop() {
		if _, err := HTML(fsys, site, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageMinify minifies what a build minifies after rendering:
// every file of the rendered sites whose type has a minifier, but for
// the pages and search indexes, which are written compact.
func BenchmarkStageMinify(b *testing.B) {
	site, root := benchSite(b)
	tree, err := HTML(content.Overlay(root.FS()), site, render.Options{NoMinify: true})
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for p := range tree {
		switch path.Ext(p) {
		case ".xml", ".json", ".css", ".js", ".svg":
			if !strings.Contains(p, "/sok/") && !strings.Contains(p, "/assets/") {
				names = append(names, p)
			}
		}
	}
	if len(names) == 0 {
		b.Fatal("nothing to minify")
	}
	for b.Loop() {
		for _, p := range names {
			render.Minify(p, tree[p])
		}
	}
}

// BenchmarkStagePDF makes every PDF of every municipality.
func BenchmarkStagePDF(b *testing.B) {
	site, root := benchSite(b)
	fsys := content.Overlay(root.FS())
	for b.Loop() {
		if _, err := PDFs(fsys, site, render.Options{PDF: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageWrite writes the HTML build to disk: cold (into an empty
// folder) and warm (over the same files, which are then left alone).
func BenchmarkStageWrite(b *testing.B) {
	site, root := benchSite(b)
	tree, err := HTML(content.Overlay(root.FS()), site, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	owned := []string{""}
	for _, m := range site.Municipalities {
		owned = append(owned, m.Slug)
	}
	b.Run("cold", func(b *testing.B) {
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			i++
			if _, err := output.Write(filepath.Join(dir, strconv.Itoa(i)), tree, owned); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		if _, err := output.Write(dir, tree, owned); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			st, err := output.Write(dir, tree, owned)
			if err != nil || st.Written != 0 {
				b.Fatal(st, err)
			}
		}
	})
}
