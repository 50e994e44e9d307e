package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
	"github.com/bti-handbook/bti/generator/scaffold"
)

type hit struct {
	Title string `json:"title"`
	Href  string `json:"href"`
}

// searchIn opens url (a search page) and returns the results it shows.
func searchIn(t *testing.T, tab context.Context, url, query string) []hit {
	t.Helper()
	if err := chromedp.Do(tab); err != nil { // opens the tab without a timeout
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Query string `json:"query"`
		Hits  []hit  `json:"hits"`
	}
	for range 200 {
		// One evaluation reads the query the list was made for and the
		// list itself, so they always belong together.
		st, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => { const l = document.getElementById("sok-resultater");
			return {query: l.getAttribute("data-query") || "", hits: Array.from(l.querySelectorAll("li > a")).map(a => ({title: a.textContent, href: a.getAttribute("href")}))}; })()`))
		if err != nil {
			t.Fatal(err)
		}
		if st.Query == query {
			return st.Hits
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: the page never showed results", url)
	return nil
}

// searchSites builds the sample municipalities and a nynorsk one, as a
// static host would serve them.
func searchSites(t *testing.T) output.Tree {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "municipalities"), os.DirFS("../../municipalities")); err != nil {
		t.Fatal(err)
	}
	files, err := scaffold.Files(scaffold.Options{Slug: "nynorsk", Style: "vardo", Name: "Nynorsk kommune", Language: "nn"})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if strings.HasSuffix(p, "niva-1/01-tiltak-i-egen-tjeneste.md") {
			data = []byte(strings.Replace(string(data), `title = "Tiltak i egen tjeneste"`, `title = "Tiltak i eiga teneste"`, 1))
		}
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), data, 0o644)
	}
	fsys := content.Overlay(os.DirFS(dir))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestSearch searches the built sites in Chromium: stemming finds
// "tiltak" from "tiltaket" (in bokmål and in a nynorsk municipality) and
// the pages about parents from "foreldrenes", a form's name finds the
// form first, and prefixes and typos still find.
func TestSearch(t *testing.T) {
	browser := Browser(t)
	tree := searchSites(t)
	srv := httptest.NewServer(Handler(tree))
	defer srv.Close()
	if nn := string(tree["nynorsk/index.html"]); !strings.Contains(nn, `lang="nn"`) || !strings.Contains(nn, "Hovudmeny") {
		t.Error("the nynorsk site does not have its interface in nynorsk")
	}
	tab, cancel := NewTab(browser)
	defer cancel()

	cases := []struct {
		url, first, contains string
	}{
		{"/lillestrom/sok/?q=tiltaket", "", "Gjennomfør tiltakene"},
		{"/lillestrom/sok/?q=samtykkeskjema", "Samtykkeskjema", ""},
		{"/lillestrom/sok/?q=observasjon", "", "Observasjonsskjema"},
		{"/lillestrom/sok/?q=bekymringsmeldng", "", "Mal for bekymringsmelding til barnevernstjenesten"},
		{"/vardo/sok/?q=stafettholder", "", "Stafettholder"},
		{"/nynorsk/sok/?q=tiltaka", "", "Tiltak i eiga teneste"},
		{"/nynorsk/sok/?q=tiltaket", "", "Tiltak i eiga teneste"},
		// Inflected forms find the pages that use other forms of the
		// word (Snowball stems: tjenest, barn, foreldr).
		{"/lillestrom/sok/?q=tjenester", "Koble på flere tjenester", ""},
		{"/lillestrom/sok/?q=barnas", "", "Barnets stemme"},
		{"/lillestrom/sok/?q=foreldrenes", "Samtale med foreldrene", "For foreldre"},
	}
	for _, c := range cases {
		hits := searchIn(t, tab, srv.URL+c.url, c.url[strings.Index(c.url, "q=")+2:])
		if len(hits) == 0 {
			t.Errorf("%s: no results", c.url)
			continue
		}
		if c.first != "" && hits[0].Title != c.first {
			t.Errorf("%s: first result %q, want %q (all: %v)", c.url, hits[0].Title, c.first, hits)
		}
		if c.contains != "" {
			found := false
			for _, h := range hits {
				found = found || h.Title == c.contains
			}
			if !found {
				t.Errorf("%s: no result %q in %v", c.url, c.contains, hits)
			}
		}
		// Result links lead to pages of the site.
		for _, h := range hits {
			if !strings.HasPrefix(h.Href, "../") {
				t.Errorf("%s: result link %q is not relative to the site", c.url, h.Href)
			}
		}
	}
}
