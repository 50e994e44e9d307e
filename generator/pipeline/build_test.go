package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/render"
)

// memSink collects what a streaming build hands over, as one tree.
type memSink struct {
	mu    sync.Mutex
	tree  output.Tree
	parts int
}

func (s *memSink) Reuse(string, output.Key) bool { return false }

func (s *memSink) Add(tree output.Tree, _ map[string]output.Key) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tree == nil {
		s.tree = output.Tree{}
	}
	for p, d := range tree {
		if _, dup := s.tree[p]; dup {
			panic("twice: " + p)
		}
		s.tree[p] = d
	}
	s.parts++
	return nil
}

// sameTrees reports the files that differ between two trees.
func sameTrees(t *testing.T, what string, got, want output.Tree) {
	t.Helper()
	var bad []string
	for p, d := range want {
		if g, ok := got[p]; !ok {
			bad = append(bad, "missing "+p)
		} else if !bytes.Equal(g, d) {
			bad = append(bad, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			bad = append(bad, "extra "+p)
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%s: %d files:\n%s", what, len(bad), strings.Join(bad[:min(len(bad), 20)], "\n"))
	}
}

// TestBuildGivesWhatRenderGives: the streaming build hands over, part by
// part, exactly the files Render makes of the whole site (the pages, the
// PDFs, the files at the root), for every municipality, for some of them
// beside others built earlier, and for one published at the root.
func TestBuildGivesWhatRenderGives(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	opts := render.Options{PDF: true, Changed: map[string]string{"municipalities/vardo/toolbox/tiltaksplan.md": "2025-04-03"}}
	others := []Listed{{Slug: "andeby", Name: "Andeby kommune", Language: "nn", Redirects: "/andeby/* /andeby/404.html 404\n"}}
	for _, c := range []struct {
		name   string
		fsys   fs.FS
		slugs  []string
		others []Listed
	}{
		{"every municipality", fsys, nil, nil},
		{"one beside others", fsys, []string{"vardo"}, others},
		{"one at the root", atRootProject(t), nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			site, l := Load(c.fsys, c.slugs)
			if l.Errors() > 0 {
				t.Fatal(l.Sorted())
			}
			want, err := HTMLWith(c.fsys, site, opts, c.others)
			if err != nil {
				t.Fatal(err)
			}
			pdfs, err := PDFs(c.fsys, site, opts)
			if err != nil {
				t.Fatal(err)
			}
			for p, d := range pdfs {
				want[p] = d
			}
			sink := &memSink{}
			b := Build(c.fsys, BuildOptions{Slugs: c.slugs, Render: opts, Others: c.others, Sink: sink, Workers: 2})
			if b.Err != nil || b.Diags.Errors() > 0 {
				t.Fatal(b.Err, b.Diags.Sorted())
			}
			sameTrees(t, "the streaming build", sink.tree, want)
			if b.Files != len(want) || b.PDFs.Made != len(pdfs) {
				t.Errorf("counted %d files and %d PDFs, want %d and %d", b.Files, b.PDFs.Made, len(want), len(pdfs))
			}
			if b.Site.AtRoot != site.AtRoot || len(b.Site.Municipalities) != len(site.Municipalities) {
				t.Errorf("the summary: at the root %v, %d municipalities", b.Site.AtRoot, len(b.Site.Municipalities))
			}
		})
	}
}

// atRootProject is the Vardø sample alone, published at a host's root.
func atRootProject(t testing.TB) fs.FS {
	m := fstest.MapFS{}
	copyFS(t, m, os.DirFS("../.."), "municipalities/vardo", "")
	edit(t, m, "municipalities/vardo/municipality.toml", `(?m)^base_url = ".*"$`, `base_url = "https://bti.example.no/"`)
	return content.Overlay(m)
}

// TestBuildStopsRenderingAtAMistake: a mistake in one municipality stops
// the rendering of the others (every one is still checked, and its
// mistakes reported), so that nothing is committed.
func TestBuildStopsRenderingAtAMistake(t *testing.T) {
	m := fstest.MapFS{}
	copyFS(t, m, os.DirFS("../.."), "municipalities", "")
	edit(t, m, "municipalities/lillestrom/guides/skole/niva-1/02-gjennomfor-tiltak.md", `(?m)^tools = \[`, `tools = ["finnes-ikke", `)
	edit(t, m, "municipalities/vardo/municipality.toml", `(?m)^name = `, "nme = \"x\"\nname = ")
	sink := &memSink{}
	b := Build(content.Overlay(m), BuildOptions{Sink: sink, Workers: 1})
	var files []string
	for _, d := range b.Diags.Sorted() {
		files = append(files, d.Pos.File)
	}
	if !slices.Contains(files, "municipalities/lillestrom/guides/skole/niva-1/02-gjennomfor-tiltak.md") ||
		!slices.Contains(files, "municipalities/vardo/municipality.toml") {
		t.Errorf("the mistakes of both municipalities are not reported: %v", files)
	}
	if sink.parts != 0 {
		t.Errorf("%d parts were handed over after a mistake", sink.parts)
	}
}

// buildInto builds fsys into dir through an output session, as bti build
// does, and returns what the build did.
func buildInto(t *testing.T, fsys fs.FS, dir string, opts render.Options, store PDFStore) *Built {
	t.Helper()
	s, err := output.Begin(dir, output.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bo := BuildOptions{Render: opts, Sink: s}
	if store != nil {
		bo.PDFs = store
	}
	b := Build(fsys, bo)
	if b.Err != nil || b.Diags.Errors() > 0 {
		s.Abort()
		t.Fatal(b.Err, b.Diags.Sorted())
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	return b
}

// readTree reads every file below dir.
func readTree(t *testing.T, dir string) output.Tree {
	t.Helper()
	tree := output.Tree{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	return tree
}

// TestChangedFormMakesOnlyItsPDFs: a rebuild after one form changed makes
// again its PDF and the binder, and the PDFs of the guides that list it
// when its date (from git) changed too; every other PDF is kept. What is
// in the folder then is byte for byte what a build into a new folder
// gives; so it is after a build from the cache folder alone.
func TestChangedFormMakesOnlyItsPDFs(t *testing.T) {
	p := lillestromProject(t)
	fsys := content.Overlay(p)
	dir := filepath.Join(t.TempDir(), "public")
	opts := render.Options{PDF: true, Changed: map[string]string{}}
	first := buildInto(t, fsys, dir, opts, nil)
	if first.PDFs.Made < 20 || first.PDFs.Reused != 0 {
		t.Fatalf("the first build: %+v", first.PDFs)
	}
	again := buildInto(t, fsys, dir, opts, nil)
	if again.PDFs.Made != 0 || again.PDFs.Reused != first.PDFs.Made {
		t.Errorf("a build with nothing changed: %+v", again.PDFs)
	}

	const form = "overgang-barnehage-skole"
	formFile := "municipalities/lillestrom/toolbox/" + form + ".md"
	edit(t, p, formFile, `(?m)^## `, "Et nytt avsnitt.\n\n## ")
	b := buildInto(t, fsys, dir, opts, nil)
	made := b.PDFs.MadePaths
	sort.Strings(made)
	want := []string{"lillestrom/pdf/" + form + ".pdf", "lillestrom/pdf/perm.pdf"}
	if !slices.Equal(made, want) || b.PDFs.Reused != first.PDFs.Made-2 {
		t.Errorf("after the form changed: made %v, kept %d", made, b.PDFs.Reused)
	}
	t.Logf("form changed, date unchanged: made %v, kept %d", made, b.PDFs.Reused)

	// Committed: its date changes, which the guides listing it show.
	site, _ := Load(fsys, nil)
	listing := guidesListing(site.Municipalities[0], form)
	opts.Changed = map[string]string{formFile: "2031-02-03"}
	b = buildInto(t, fsys, dir, opts, nil)
	made = b.PDFs.MadePaths
	want = append(want, listing...)
	sort.Strings(made)
	sort.Strings(want)
	if !slices.Equal(made, want) {
		t.Errorf("after the form's date changed: made %v, want %v", made, want)
	}
	t.Logf("form's date changed: made %v, kept %d", made, b.PDFs.Reused)

	fresh := filepath.Join(t.TempDir(), "fresh")
	buildInto(t, fsys, fresh, opts, nil)
	sameTrees(t, "the rebuilt folder against a new build", readTree(t, dir), readTree(t, fresh))

	// CI: a new folder every time, the cache kept.
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cache, err := output.OpenCache(cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	buildInto(t, fsys, filepath.Join(t.TempDir(), "ci1"), opts, cache)
	cache, _ = output.OpenCache(cacheDir)
	ci2 := filepath.Join(t.TempDir(), "ci2")
	b = buildInto(t, fsys, ci2, opts, cache)
	if b.PDFs.Made != 0 || b.PDFs.Stored != first.PDFs.Made {
		t.Errorf("a build from the cache: %+v", b.PDFs)
	}
	sameTrees(t, "a build from the cache against a new build", readTree(t, ci2), readTree(t, fresh))
}
