package main

import (
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/generator/scaffold"
)

// netlifyRule is one [[headers]] table of netlify.toml.
type netlifyRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	re     *regexp.Regexp
}

// netlifyPattern turns a "for" path into the expression Netlify matches
// it with: ":name" is one folder, a lone "*" anything (or nothing), a "*"
// within a part anything; the match ignores case. (As Netlify does, the
// rest of a part with a "*" is not escaped: a dot is any character.)
func netlifyPattern(forPath string) *regexp.Regexp {
	var parts []string
	for _, p := range strings.Split(forPath, "/") {
		p = strings.TrimRight(p, " ")
		switch {
		case p == "":
			continue
		case strings.HasPrefix(p, ":"):
			parts = append(parts, "([^/]+)")
		case p == "*":
			parts = append(parts, "?(.*)")
		case strings.Contains(p, "*"):
			parts = append(parts, strings.ReplaceAll(p, "*", "(.*)"))
		default:
			parts = append(parts, regexp.QuoteMeta(p))
		}
	}
	return regexp.MustCompile("(?i)^/" + strings.Join(parts, "/") + "/?$")
}

// fingerprinted names carry the checksum of their bytes: site.38fdeb27.css.
var fingerprinted = regexp.MustCompile(`\.[0-9a-f]{8}\.[a-z0-9]+$`)

// TestNetlifyHeaders checks netlify.toml against every file a build of
// the samples writes, and the PDFs and attachments of each allowed type:
// every file gets the security headers; no two rules set Cache-Control
// on one file (Netlify would join them into nonsense); only names that
// change with their bytes are immutable, and fonts and licences, whose
// names do not, are revalidated; what is under assets/, pdf/ and filer/
// has a Cache-Control; the municipality's files (filer/) are sandboxed
// (PDFs aside: Chrome refuses to show a sandboxed PDF) and downloaded
// unless browsers show the type.
func TestNetlifyHeaders(t *testing.T) {
	var conf struct {
		Headers []netlifyRule `toml:"headers"`
	}
	if _, err := toml.DecodeFile("../../netlify.toml", &conf); err != nil {
		t.Fatal(err)
	}
	for i := range conf.Headers {
		conf.Headers[i].re = netlifyPattern(conf.Headers[i].For)
	}
	// The samples: several municipalities, each in its folder.
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.HTML(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkHeaders(t, conf.Headers, site, tree,
		[]string{"/lillestrom/assets/noto-sans-latin-400-normal.woff2", "/assets/lisenser/noto-sans.txt", "/vardo/sok/"})
	// A new repository's one municipality, at the root of its host.
	files, err := scaffold.Files(scaffold.Options{Slug: "myrvik", Style: "vardo"})
	if err != nil {
		t.Fatal(err)
	}
	one := fstest.MapFS{}
	for p, data := range files {
		one[p] = &fstest.MapFile{Data: data}
	}
	ov := content.Overlay(one)
	site, l = pipeline.Load(ov, nil)
	if l.Errors() > 0 || !site.AtRoot {
		t.Fatalf("the new municipality is not at the root: %v", l.Sorted())
	}
	tree, err = pipeline.HTML(ov, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkHeaders(t, conf.Headers, site, tree, []string{"/assets/noto-sans-latin-400-normal.woff2", "/assets/lisenser/noto-sans.txt", "/sok/", "/assets/site."})
}

// checkHeaders checks the rules against every file of tree, and the PDFs
// and attachments of each allowed type of each municipality of site.
func checkHeaders(t *testing.T, rules []netlifyRule, site *model.Site, tree output.Tree, musts []string) {
	t.Helper()
	conf := struct{ Headers []netlifyRule }{rules}
	paths := map[string]bool{}
	for p := range tree {
		paths["/"+p] = true
	}
	inline := map[string]bool{"pdf": true, "png": true, "jpg": true, "jpeg": true, "gif": true, "webp": true, "svg": true}
	allowed := []string{"pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "svg"}
	for _, m := range site.Municipalities {
		folder := "/" + site.Folder(m)
		paths[folder+"pdf/perm.pdf"] = true
		paths[folder+"pdf/samtykkeskjema.pdf"] = true
		for _, ext := range allowed {
			paths[folder+"filer/toolbox/files/vedlegg."+ext] = true
			paths[folder+"filer/assets/logo."+strings.ToUpper(ext)] = true
		}
	}
	sorted := make([]string, 0, len(paths))
	for p := range paths {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	for _, p := range sorted {
		values := map[string][]string{}
		var cacheRules []string
		for _, r := range conf.Headers {
			if !r.re.MatchString(p) {
				continue
			}
			for k, v := range r.Values {
				values[k] = append(values[k], v)
				if k == "Cache-Control" {
					cacheRules = append(cacheRules, r.For)
				}
			}
		}
		csp := strings.Join(values["Content-Security-Policy"], ", ")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
			len(values["X-Content-Type-Options"]) != 1 || len(values["Strict-Transport-Security"]) != 1 {
			t.Errorf("%s lacks the security headers: %v", p, values)
		}
		if len(cacheRules) > 1 {
			t.Errorf("%s gets Cache-Control from %d rules (%s), which Netlify joins", p, len(cacheRules), strings.Join(cacheRules, ", "))
		}
		cache := strings.Join(values["Cache-Control"], ", ")
		rel := strings.TrimPrefix(p, "/")
		top, rest, _ := strings.Cut(rel, "/")
		section, _, _ := strings.Cut(rest, "/")
		if top == "assets" || (site.AtRoot && (top == "pdf" || top == "filer")) {
			section = top
		}
		if strings.Contains(cache, "immutable") && !(fingerprinted.MatchString(path.Base(p)) && tree[rel] != nil) {
			t.Errorf("%s is cached as immutable, but its name does not change with its bytes", p)
		}
		switch section {
		case "assets", "pdf", "filer":
			if cache == "" {
				t.Errorf("%s has no Cache-Control", p)
			}
		}
		if section == "assets" && !fingerprinted.MatchString(path.Base(p)) && !strings.Contains(cache, "must-revalidate") {
			t.Errorf("%s keeps its name across versions and is not revalidated: %q", p, cache)
		}
		sandboxed := strings.Contains(csp, "sandbox")
		disposition := strings.Join(values["Content-Disposition"], ", ")
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))
		if section == "filer" {
			if want := ext != "pdf"; sandboxed != want {
				t.Errorf("%s: sandboxed %v, want %v", p, sandboxed, want)
			}
			if want := map[bool]string{false: "attachment", true: ""}[inline[ext]]; disposition != want {
				t.Errorf("%s: Content-Disposition %q, want %q", p, disposition, want)
			}
			continue
		}
		if sandboxed || disposition != "" {
			t.Errorf("%s is not an attachment but gets %q %q", p, csp, disposition)
		}
	}
	// The files that matter are there to be checked.
	for _, want := range musts {
		found := false
		for _, p := range sorted {
			found = found || strings.HasPrefix(p, want)
		}
		if !found {
			t.Errorf("no file %s* in the build: the test checks less than it says", want)
		}
	}
}
