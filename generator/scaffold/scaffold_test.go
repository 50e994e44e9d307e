package scaffold

import (
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

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
			if _, ok := tree[site.Folder(site.Municipalities[0])+"verktoykasse/samtykkeskjema/index.html"]; !ok {
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

// TestRepositoryFiles: a new repository's netlify.toml and workflow are
// valid for their services, pin the bti version, and the netlify.toml
// has the security headers of bti's own.
func TestRepositoryFiles(t *testing.T) {
	files, err := Repository(Options{Slug: "myrvik", Style: "vardo", Language: "nn"}, "v1.2.3", "1.26.8")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".gitignore", "netlify.toml", ".github/workflows/bti.yml", "README.md"} {
		if len(files[p]) == 0 {
			t.Errorf("no %s", p)
		}
	}
	var netlify, own struct {
		Build struct {
			Command     string            `toml:"command"`
			Publish     string            `toml:"publish"`
			Environment map[string]string `toml:"environment"`
		} `toml:"build"`
		Headers []struct {
			For    string            `toml:"for"`
			Values map[string]string `toml:"values"`
		} `toml:"headers"`
	}
	if _, err := toml.Decode(string(files["netlify.toml"]), &netlify); err != nil {
		t.Fatalf("netlify.toml: %v", err)
	}
	if netlify.Build.Command != "git fetch --unshallow --quiet 2>/dev/null; go run github.com/bti-handbook/bti/cmd/bti@v1.2.3 build" || netlify.Build.Publish != "public" ||
		netlify.Build.Environment["GO_VERSION"] != "1.26.8" {
		t.Errorf("netlify.toml build: %+v", netlify.Build)
	}
	data, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := toml.Decode(string(data), &own); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(netlify.Headers, own.Headers) || len(own.Headers) < 3 {
		t.Errorf("the headers differ from bti's own netlify.toml:\n%+v\n%+v", netlify.Headers, own.Headers)
	}
	var wf struct {
		On   map[string]any `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Uses string `yaml:"uses"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(files[".github/workflows/bti.yml"], &wf); err != nil {
		t.Fatalf("workflow: %v", err)
	}
	if _, ok := wf.On["pull_request"]; !ok {
		t.Error("the workflow does not run on pull requests")
	}
	runs := ""
	for _, s := range wf.Jobs["check"].Steps {
		runs += s.Run
	}
	if runs != "go run github.com/bti-handbook/bti/cmd/bti@v1.2.3 check --format github" {
		t.Errorf("the workflow runs %q", runs)
	}
}

// TestNynorskHasNoBokmal: every placeholder text of a nynorsk
// municipality and its README is nynorsk.
func TestNynorskHasNoBokmal(t *testing.T) {
	files, _ := Files(Options{Slug: "myrvik", Style: "lillestrom", Language: "nn"})
	repo, _ := Repository(Options{Slug: "myrvik", Style: "lillestrom", Language: "nn"}, "v1.2.3", "1.26.8")
	files["README.md"] = repo["README.md"]
	bokmal := regexp.MustCompile(`(?i)\b(ikke|hva|hvordan|hvem|hvis|håndboken?|veilederen?|fra|noen|også|bare|skrives|deg selv|nærmeste|kaller|hjemme|gjøre|mellom dem)\b`)
	for p, data := range files {
		for i, line := range strings.Split(string(data), "\n") {
			if m := bokmal.FindString(line); m != "" {
				t.Errorf("%s:%d: bokmål %q in %q", p, i+1, m, line)
			}
		}
	}
}
