package pipeline

import (
	"bytes"
	"compress/gzip"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/linkcheck"
	"github.com/bti-handbook/bti/generator/model"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/render"
)

var (
	samplesOnce sync.Once
	samplesTree output.Tree
	samplesSite *model.Site
	samplesErr  error
)

// buildSamples renders the shipped samples once for the tests of this
// package.
func buildSamples(t testing.TB) output.Tree {
	t.Helper()
	samplesOnce.Do(func() {
		fsys := content.Overlay(os.DirFS("../.."))
		site, l := Load(fsys, nil)
		if l.Errors() > 0 {
			samplesErr = os.ErrInvalid
			return
		}
		samplesSite = site
		samplesTree, samplesErr = Render(fsys, site, render.Options{PDF: true})
	})
	if samplesErr != nil {
		t.Fatal(samplesErr)
	}
	return samplesTree
}

// TestSamplesHaveNoBrokenLinks runs the link checker over the built
// samples: every internal href, src and #anchor resolves, and no page has
// inline script, event handlers, inline styles or third-party resources.
func TestSamplesHaveNoBrokenLinks(t *testing.T) {
	tree := buildSamples(t)
	pages := 0
	for p := range tree {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	if pages < 150 {
		t.Fatalf("only %d pages built", pages)
	}
	for _, p := range linkcheck.Check(tree, Bases(samplesSite)) {
		t.Error(p)
	}
}

// TestSamplesHaveEveryPage checks that the pages of the contract exist.
func TestSamplesHaveEveryPage(t *testing.T) {
	tree := buildSamples(t)
	for _, p := range []string{
		"index.html",
		"lillestrom/index.html", "lillestrom/404.html", "lillestrom/sitemap.xml", "lillestrom/robots.txt",
		"lillestrom/barnehage/index.html", "lillestrom/barnehage/niva-1/index.html",
		"lillestrom/barnehage/niva-0/undring-og-bekymring/index.html",
		"lillestrom/barnehage/skriv-ut/index.html",
		"lillestrom/verktoykasse/index.html", "lillestrom/verktoykasse/niva-2/index.html",
		"lillestrom/verktoykasse/samtykkeskjema/index.html", "lillestrom/en/verktoykasse/samtykkeskjema/index.html",
		"lillestrom/tjenester/index.html", "lillestrom/sok/index.html", "lillestrom/for-foreldre/index.html",
		"lillestrom/ar/for-foreldre/index.html", "lillestrom/filer/toolbox/files/handlingsplan-vold-og-overgrep.pdf",
		"vardo/index.html", "vardo/stafettlogg/index.html", "vardo/felles/niva-3/index.html",
	} {
		if _, ok := tree[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	ar := string(tree["lillestrom/ar/for-foreldre/index.html"])
	if !strings.Contains(ar, `lang="ar" dir="rtl"`) {
		t.Error("the Arabic page is not marked lang=ar dir=rtl")
	}
	step := string(tree["lillestrom/barnehage/niva-0/undring-og-bekymring/index.html"])
	for _, want := range []string{"Ansvar", "Verktøy til dette trinnet", "Neste trinn", "Neste nivå", `href="#hovedinnhold"`} {
		if !strings.Contains(step, want) {
			t.Errorf("step page lacks %q", want)
		}
	}
}

var assetRef = regexp.MustCompile(`(?:href|src)="([^"]+\.(?:css|js|woff2))"`)

// TestStepPageWeight measures what a cold load of a step page transfers,
// gzipped: the HTML, its stylesheet and script, and the regular and
// semibold fonts the stylesheet loads for Norwegian text. Budget: 60 KB.
func TestStepPageWeight(t *testing.T) {
	tree := buildSamples(t)
	page := "lillestrom/barnehage/niva-0/undring-og-bekymring/"
	files := []string{page + "index.html",
		"lillestrom/assets/noto-sans-latin-400-normal.woff2", "lillestrom/assets/noto-sans-latin-600-normal.woff2"}
	for _, m := range assetRef.FindAllStringSubmatch(string(tree[page+"index.html"]), -1) {
		if strings.HasSuffix(m[1], ".woff2") {
			continue // the preloaded font is counted above
		}
		files = append(files, "lillestrom/"+strings.TrimLeft(strings.ReplaceAll(m[1], "../", ""), "/"))
	}
	total := 0
	for _, f := range files {
		data, ok := tree[f]
		if !ok {
			t.Fatalf("missing %s", f)
		}
		n := len(data)
		if !strings.HasSuffix(f, ".woff2") {
			var b bytes.Buffer
			w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			w.Write(data)
			w.Close()
			n = b.Len()
		}
		t.Logf("%6d B  %s", n, f)
		total += n
	}
	t.Logf("total %d B (%.1f KB)", total, float64(total)/1024)
	if total > 60*1024 {
		t.Errorf("a step page transfers %d bytes gzipped, over the 60 KB budget", total)
	}
}
