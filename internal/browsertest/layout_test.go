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
	"github.com/bti-handbook/bti/generator/output"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// samples builds both shipped samples (without PDFs) for a browser test,
// with a history so that the change log lists changes and the marks show.
func samples(t *testing.T) output.Tree {
	t.Helper()
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, nil)
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{Changed: map[string]string{}, History: sampleHistory(site)})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// pagesOf lists the pages of a tree (folders for index.html), without
// redirects.
func pagesOf(tree output.Tree) []string {
	var pages []string
	for p := range tree {
		if strings.HasSuffix(p, ".html") && !isRedirect(tree[p]) {
			pages = append(pages, strings.TrimSuffix(p, "index.html"))
		}
	}
	sort.Strings(pages)
	return pages
}

// TestEveryPageOnPhones opens every page of both samples at 320 and 375
// CSS pixels, as loaded and with every <details> open (the menu, the
// emergency box): none may scroll sideways (WCAG 1.4.10) and no text,
// pseudo-element or marker may have a contrast below 4.5:1 against what
// is painted behind it (1.4.3).
func TestEveryPageOnPhones(t *testing.T) {
	browser := Browser(t)
	tree := samples(t)
	srv := httptest.NewServer(Handler(tree))
	defer srv.Close()
	pages := pagesOf(tree)
	for _, want := range []string{"vardo/kom-i-gang/", "vardo/endringer/", "lillestrom/kom-i-gang/", "lillestrom/endringer/"} {
		if !slices.Contains(pages, want) {
			t.Errorf("the pages checked lack /%s", want)
		}
	}
	type job struct {
		page  string
		width int
	}
	var (
		mu              sync.Mutex
		sideways, faded int
		wg              sync.WaitGroup
		next            = make(chan job)
		checked         int
	)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tab, cancel := NewTab(browser)
			defer cancel()
			for j := range next {
				r, err := Layout(tab, srv.URL+"/"+j.page, j.width, true)
				mu.Lock()
				checked++
				if err != nil {
					t.Errorf("/%s at %d px: %v", j.page, j.width, err)
				}
				if r.ScrollsSideways() {
					sideways++
				}
				faded += len(r.Low)
				for _, p := range r.Problems() {
					t.Errorf("/%s at %d px: %s", j.page, j.width, p)
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range pages {
		for _, w := range []int{320, 375} {
			next <- job{p, w}
		}
	}
	close(next)
	wg.Wait()
	t.Logf("%d pages at 320 and 375 px (%d loads): %d scrolling sideways, %d texts below 4.5:1", len(pages), checked, sideways, faded)
}

// TestLayoutCheckCatches makes sure the check above can fail: a page with
// a box wider than the phone, white text on white, a badge whose
// background is an unset custom property (the step numbers' old bug), a
// pale ::after, a pale list marker and transparent text, each caught;
// the readable text beside them is not.
func TestLayoutCheckCatches(t *testing.T) {
	browser := Browser(t)
	srv := httptest.NewServer(Handler(map[string][]byte{
		"index.html": []byte(`<!DOCTYPE html><html lang="nb"><head><title>x</title><link rel="stylesheet" href="t.css"></head><body><main>
<p class="ok">Lesbar tekst</p>
<div class="wide">Et bredt skjema</div>
<p class="white">Hvit på hvit</p>
<p><span class="badge">3</span></p>
<p class="after">Etter</p>
<ol class="pale"><li>Punkt</li></ol>
<p class="clear">Gjennomsiktig</p>
<div class="scroller"><div class="inner">Inni en boks som ruller</div></div>
</main></body></html>`),
		"t.css": []byte(`body{margin:0;font:16px sans-serif;color:#1e2b3c;background:#fff}
.wide{width:600px}
.white{color:#fff}
.badge{display:inline-block;color:#fff;background:var(--unset)}
.after::after{content:"tekst";color:#ccc}
.pale li::marker{color:#ddd}
.clear{color:transparent}
.scroller{overflow-x:auto}.inner{width:900px}`),
	}))
	defer srv.Close()
	tab, cancel := NewTab(browser)
	defer cancel()
	r, err := Layout(tab, srv.URL+"/", 320, true)
	if err != nil {
		t.Fatal(err)
	}
	if !r.ScrollsSideways() {
		t.Errorf("a 600 px box in a 320 px window was not found: %+v", r)
	}
	wide := strings.Join(r.Wide, "\n")
	if !strings.Contains(wide, "div.wide") || strings.Contains(wide, "inner") {
		t.Errorf("the wide box is div.wide only (the one inside a scrolling box is fine); got:\n%s", wide)
	}
	low := map[string]bool{}
	for _, c := range r.Low {
		low[c.Where] = true
	}
	for _, want := range []string{"p.white", "span.badge", "p.after::after", "li::marker", "p.clear"} {
		found := false
		for w := range low {
			found = found || strings.HasSuffix(w, want)
		}
		if !found {
			t.Errorf("low contrast of %s was not found; got %v", want, r.Low)
		}
	}
	for w := range low {
		if strings.HasSuffix(w, "p.ok") {
			t.Errorf("readable text reported: %v", r.Low)
		}
	}
}
