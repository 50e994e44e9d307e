package scaffold

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/linkcheck"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// TestNewMunicipalityPassesCheck writes a new municipality of each style
// and language next to the real national content and checks it.
func TestNewMunicipalityPassesCheck(t *testing.T) {
	for _, o := range []Options{
		{Slug: "eksempel", Style: "lillestrom"},
		{Slug: "ny-kommune", Style: "vardo", Name: "Nykommune kommune", Language: "nn"},
	} {
		t.Run(o.Slug, func(t *testing.T) {
			fsys, site := loadNew(t, o)
			// A municipality nobody here wrote builds into a full site
			// without broken links.
			tree, err := pipeline.Render(fsys, site, render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range linkcheck.Check(tree, pipeline.Bases(site)) {
				t.Error(p)
			}
			if _, ok := tree[o.Slug+"/verktoykasse/samtykkeskjema/index.html"]; !ok {
				t.Error("no page for the national consent form")
			}
			m := site.Municipalities[0]
			steps := 0
			for _, g := range m.Guides {
				for _, gl := range g.Levels {
					steps += len(gl.Steps)
				}
			}
			if steps != 4 || len(m.Services) != 3 || m.Style != o.Style {
				t.Errorf("got %d steps, %d services, style %s", steps, len(m.Services), m.Style)
			}
		})
	}
}

// TestNynorskMunicipalityGetsNynorsk: a municipality that writes nynorsk
// gets every national toolbox document and page in nynorsk (the .nn.md
// variants in content/), not in bokmål.
func TestNynorskMunicipalityGetsNynorsk(t *testing.T) {
	_, site := loadNew(t, Options{Slug: "ny", Style: "lillestrom", Name: "Ny kommune", Language: "nn"})
	m := site.Municipalities[0]
	n := 0
	for _, tool := range m.Toolbox {
		if tool.National {
			n++
			if !strings.HasSuffix(tool.File, ".nn.md") {
				t.Errorf("national toolbox document %s comes from %s, not a nynorsk file", tool.Slug, tool.File)
			}
		}
	}
	for _, pg := range m.Pages {
		if pg.National {
			n++
			if !strings.HasSuffix(pg.File, ".nn.md") {
				t.Errorf("national page %s comes from %s, not a nynorsk file", pg.Slug, pg.File)
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d national documents", n)
	}
}

// loadNew writes a new municipality with o beside the national content
// built into bti and loads it, which must give no diagnostic at all.
func loadNew(t *testing.T, o Options) (fstest.MapFS, *model.Site) {
	t.Helper()
	files, err := Files(o)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	nat := content.FS()
	fs.WalkDir(nat, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".go") {
			data, _ := fs.ReadFile(nat, p)
			fsys["content/"+p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	site, l := pipeline.Load(fsys, nil)
	if l.Len() != 0 {
		t.Fatalf("diagnostics:\n%v", l.Sorted())
	}
	return fsys, site
}

func TestNewRefusesBadInput(t *testing.T) {
	for _, o := range []Options{{Slug: "Ås", Style: "vardo"}, {Slug: "as", Style: "oslo"}, {Slug: "as", Style: "vardo", Language: "se"}} {
		if _, err := Files(o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}
