package preview

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// TestKlarsprakPanel: a step in the preview has the Klarspråk panel with
// its LIX and its long sentences at their lines; a page without text of
// its own has none; an edit that adds a long sentence shows it.
func TestKlarsprakPanel(t *testing.T) {
	dir := project(t, "lillestrom")
	_, srv := start(t, dir, "lillestrom")
	url := srv.URL + "/lillestrom/barnehage/niva-0/vurdering-og-beslutning/"
	status, body := get(t, url)
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{
		`<link rel="stylesheet" href="/_bti/klarsprak.css">`,
		`<aside class="bti-klarsprak bti-klarsprak--over" lang="nb" aria-label="Klarspråk"><details id="bti-klarsprak"><summary>Klarspråk: LIX 37 · 1 lang setning</summary>`,
		`<code>municipalities/lillestrom/guides/barnehage/niva-0/05-vurdering-og-beslutning.md</code>`,
		`LIX 37, og grensen er 45. Siden har 190 ord i 19 setninger.`,
		`Setninger over 25 ord:`,
		`<li><span class="bti-klarsprak__where">linje 21, 37 ord</span> Alle ansatte i barnehagen skal, uten hinder av taushetsplikten,`,
		`<script src="/_bti/klarsprak.js" defer></script></body>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the step has no %q", want)
		}
	}
	// The page for parents says it has the stricter limits.
	if _, b := get(t, srv.URL+"/lillestrom/for-foreldre/"); !strings.Contains(b, "Siden er til foreldre, så grensene er strengere.") ||
		!strings.Contains(b, "Setninger over 20 ord:") {
		t.Errorf("the page for parents:\n%.3000s", b[max(strings.Index(b, "<aside class=\"bti-klarsprak"), 0):])
	}
	// The front page and the toolbox's list have no text of their own.
	for _, p := range []string{"/lillestrom/", "/lillestrom/verktoykasse/"} {
		if _, b := get(t, srv.URL+p); strings.Contains(b, "bti-klarsprak") {
			t.Errorf("%s has the panel", p)
		}
	}
	for name, ct := range map[string]string{"klarsprak.css": "text/css; charset=utf-8", "klarsprak.js": "text/javascript; charset=utf-8"} {
		resp, err := http.Get(srv.URL + "/_bti/" + name)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != ct {
			t.Errorf("/_bti/%s: %d %q", name, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}

	// An edit: a second long sentence, of 40 words, in the step.
	file := filepath.Join(dir, "municipalities/lillestrom/guides/barnehage/niva-0/05-vurdering-og-beslutning.md")
	orig, _ := os.ReadFile(file)
	forty := "Når barnehagen er bekymret for et barn, skal den pedagogiske lederen f.eks. snakke med foreldrene, skrive ned det som er sett i undringsprotokollen, drøfte saken i ressursteamet og avtale et nytt møte med foreldrene innen to uker etter første samtale."
	saveLikeAnEditor(t, file, strings.Replace(string(orig), "## Hvem\n", "## Hvem\n\n"+forty+"\n", 1))
	waitFor(t, url, "the long sentence in the panel", func(_ int, b string) bool {
		return strings.Contains(b, "Klarspråk: LIX 38 · 2 lange setninger") && strings.Contains(b, "40 ord</span> "+forty+"</li>")
	})
}

// TestBuiltSiteHasNoKlarsprak: the panel, its stylesheet and script are
// the preview's: nothing of them is in the site bti build writes.
func TestBuiltSiteHasNoKlarsprak(t *testing.T) {
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for name, data := range tree {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
		for _, mark := range []string{"bti-klarsprak", "klarsprak.js", "klarsprak.css", "/_bti/"} {
			if bytes.Contains(data, []byte(mark)) {
				t.Errorf("%s holds %q", name, mark)
			}
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages built", pages)
	}
}
