package browsertest

import (
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// TestAxeEveryPage runs axe-core (WCAG 2.1 A and AA) in Chromium over
// every HTML page of both shipped samples, with a history (the change log
// and the marks): zero violations.
func TestAxeEveryPage(t *testing.T) {
	browser := Browser(t)
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{Changed: map[string]string{}, History: sampleHistory(site)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(tree))
	defer srv.Close()
	var pages []string
	for p := range tree {
		if strings.HasSuffix(p, ".html") && !isRedirect(tree[p]) {
			pages = append(pages, strings.TrimSuffix(p, "index.html"))
		}
	}
	sort.Strings(pages)
	for _, want := range []string{"vardo/kom-i-gang/", "vardo/endringer/", "lillestrom/kom-i-gang/", "lillestrom/endringer/"} {
		if !slices.Contains(pages, want) {
			t.Errorf("the pages checked lack /%s", want)
		}
	}
	var (
		mu     sync.Mutex
		failed int
		wg     sync.WaitGroup
	)
	next := make(chan string)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tab, cancel := NewTab(browser)
			defer cancel()
			for p := range next {
				vs, err := Axe(tab, srv.URL+"/"+p)
				mu.Lock()
				if err != nil {
					t.Errorf("%s: %v", p, err)
				}
				for _, v := range vs {
					failed++
					t.Errorf("/%s: %s", p, v)
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range pages {
		next <- p
	}
	close(next)
	wg.Wait()
	t.Logf("axe-core %s: %d pages, %d violations", strings.TrimSpace(axeVersion()), len(pages), failed)
}

func isRedirect(page []byte) bool {
	return strings.Contains(string(page), `http-equiv="refresh"`)
}

func axeVersion() string {
	b, _ := os.ReadFile("axe/VERSION")
	return string(b)
}

// TestAxeFindsViolations makes sure the accessibility test can fail: a
// page with an image without alt text and no lang gets violations.
func TestAxeFindsViolations(t *testing.T) {
	browser := Browser(t)
	srv := httptest.NewServer(Handler(map[string][]byte{
		"index.html": []byte(`<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="x.png"><a href="#"></a></main></body></html>`),
	}))
	defer srv.Close()
	tab, cancel := NewTab(browser)
	defer cancel()
	vs, err := Axe(tab, srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, v := range vs {
		ids[v.ID] = true
	}
	for _, want := range []string{"image-alt", "html-has-lang", "link-name"} {
		if !ids[want] {
			t.Errorf("axe did not report %s; got %v", want, vs)
		}
	}
}
