package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/search"
	"github.com/bti-handbook/bti/generator/search/searchtest"
)

// TestStemmerInBrowser runs the browser's stemmer (btiStemmer of the
// site.js a build ships, over the rules in the site's search index) in
// Chromium on every word of the samples and the national content, and
// compares it with the build's (search.Stem) and with the reference
// (github.com/kljensen/snowball): all three must agree on every word. It
// must also give the stems of searchtest.Cases, one or more per rule.
func TestStemmerInBrowser(t *testing.T) {
	words, err := searchtest.Vocabulary(os.DirFS("../../municipalities"), content.FS())
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 2000 {
		t.Fatalf("only %d words in the samples and the national content", len(words))
	}
	browser := Browser(t)
	srv := httptest.NewServer(Handler(searchSites(t)))
	defer srv.Close()
	tab, cancel := NewTab(browser)
	defer cancel()
	if err := chromedp.Do(tab); err != nil { // opens the tab without a timeout
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	cases := searchtest.Cases()
	input := slices.Clone(words)
	for _, c := range cases {
		input = append(input, c.Word)
	}
	list, _ := json.Marshal(input)
	script := fmt.Sprintf(`(async () => {
		const form = document.querySelector("form.site-search");
		const index = await (await fetch(form.dataset.index)).json();
		return %s.map(btiStemmer(index.bti.stemmer));
	})()`, list)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/lillestrom/sok/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	stems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(stems) != len(input) {
		t.Fatalf("the browser gave %d stems for %d words", len(stems), len(input))
	}
	bad := 0
	for i, w := range words {
		goStem, ref := search.Stem(w), searchtest.Reference(w)
		if stems[i] != goStem || goStem != ref {
			t.Errorf("%q: browser %q, Go %q, reference %q", w, stems[i], goStem, ref)
			if bad++; bad == 20 {
				t.Fatal("too many")
			}
		}
	}
	for i, c := range cases {
		if got := stems[len(words)+i]; got != c.Stem {
			t.Errorf("%q: browser %q, want %q", c.Word, got, c.Stem)
		}
	}
	if !t.Failed() {
		t.Logf("%d words agree", len(words))
	}
}
