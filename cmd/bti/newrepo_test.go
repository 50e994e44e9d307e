package main

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestNewRepositoryPublishes goes through what a coordinator does in an
// empty folder: bti new (nynorsk), git init, the workflow's check, and the
// build netlify.toml runs; then every canonical address, sitemap entry and
// the robots.txt of the published folder lead to a file in it.
func TestNewRepositoryPublishes(t *testing.T) {
	dir := t.TempDir()
	var out, errs bytes.Buffer
	if code := run([]string{"new", "myrvik", "--style", "vardo", "--language", "nn", "-C", dir}, &out, &errs); code != 0 {
		t.Fatalf("bti new: %d\n%s%s", code, out.String(), errs.String())
	}
	for _, p := range []string{".gitignore", "netlify.toml", ".github/workflows/bti.yml", "README.md", "municipalities/myrvik/municipality.toml"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("bti new wrote no %s", p)
		}
	}
	if git, err := exec.LookPath("git"); err == nil {
		exec.Command(git, "-C", dir, "init", "-q").Run()
	}
	// The workflow's command, with this bti.
	wf, _ := os.ReadFile(filepath.Join(dir, ".github/workflows/bti.yml"))
	if !strings.Contains(string(wf), "check --format github") {
		t.Fatalf("the workflow does not run bti check --format github:\n%s", wf)
	}
	out.Reset()
	errs.Reset()
	if code := run([]string{"check", "--format", "github", "-C", dir}, &out, &errs); code != 0 || out.Len() != 0 {
		t.Fatalf("the workflow's check: %d\n%s%s", code, out.String(), errs.String())
	}
	// The build netlify.toml runs, into the folder it publishes.
	var netlify struct {
		Build struct{ Command, Publish string }
	}
	if _, err := toml.DecodeFile(filepath.Join(dir, "netlify.toml"), &netlify); err != nil {
		t.Fatal(err)
	}
	cmd := netlify.Build.Command[strings.LastIndex(netlify.Build.Command, "bti@"):]
	args := strings.Fields(cmd)[1:] // after "bti@vX.Y.Z"
	out.Reset()
	errs.Reset()
	if code := run(append(args, "--no-pdf", "-C", dir), &out, &errs); code != 0 {
		t.Fatalf("%s: %d\n%s%s", cmd, code, out.String(), errs.String())
	}
	pub := filepath.Join(dir, netlify.Build.Publish)
	mt, _ := os.ReadFile(filepath.Join(dir, "municipalities/myrvik/municipality.toml"))
	base := regexp.MustCompile(`(?m)^base_url = "([^"]+)"`).FindSubmatch(mt)
	if base == nil {
		t.Fatal("no base_url")
	}
	baseURL, _ := url.Parse(string(base[1]))
	// Every address the site claims: canonical links, the sitemap, robots.txt.
	canonical := regexp.MustCompile(`<link rel="?canonical"? href="?([^" >]+)`)
	loc := regexp.MustCompile(`<loc>([^<]+)</loc>`)
	var claimed []string
	filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		for _, m := range canonical.FindAllSubmatch(data, -1) {
			claimed = append(claimed, string(m[1]))
		}
		if strings.HasSuffix(p, "sitemap.xml") {
			for _, m := range loc.FindAllSubmatch(data, -1) {
				claimed = append(claimed, string(m[1]))
			}
		}
		return nil
	})
	robots, err := os.ReadFile(filepath.Join(pub, "robots.txt"))
	if err != nil {
		t.Fatal("robots.txt is not at the root of the published folder")
	}
	if m := regexp.MustCompile(`Sitemap: (\S+)`).FindSubmatch(robots); m != nil {
		claimed = append(claimed, string(m[1]))
	}
	if _, err := os.Stat(filepath.Join(pub, "_redirects")); err != nil {
		t.Error("no _redirects at the root of the published folder")
	}
	if len(claimed) < 40 {
		t.Fatalf("only %d addresses claimed", len(claimed))
	}
	for _, c := range claimed {
		u, err := url.Parse(c)
		if err != nil || u.Host != baseURL.Host {
			t.Errorf("%s is not on %s", c, baseURL.Host)
			continue
		}
		rel := strings.TrimPrefix(u.Path, "/")
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		if _, err := os.Stat(filepath.Join(pub, filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s claims an address whose file %s/%s does not exist", c, netlify.Build.Publish, rel)
		}
	}
}
