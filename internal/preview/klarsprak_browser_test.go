package preview

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/internal/browsertest"
)

// TestBrowserKlarsprakToggle opens a step of the preview in Chromium:
// the Klarspråk panel is closed, opens on a click on its summary to list
// the long sentence, stays open on the next page (klarsprak.js), and the
// page with it open has no WCAG 2.1 A/AA violation by axe-core.
func TestBrowserKlarsprakToggle(t *testing.T) {
	browser := browsertest.Browser(t)
	dir := project(t, "lillestrom")
	_, srv := start(t, dir, "lillestrom")
	tab, cancel := browsertest.NewTab(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	step := srv.URL + "/lillestrom/barnehage/niva-0/vurdering-og-beslutning/"
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1000, 800),
		chromedp.Navigate(step),
		chromedp.WaitReady(chromedp.ID("bti-klarsprak")),
	); err != nil {
		t.Fatal(err)
	}
	if open, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("bti-klarsprak").open`)); err != nil || open {
		t.Fatalf("the panel is open (%v) before anyone opened it: %v", open, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#bti-klarsprak summary")),
		chromedp.WaitVisible(chromedp.CSS(".bti-klarsprak__body li")),
	); err != nil {
		t.Fatal(err)
	}
	listed, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".bti-klarsprak__body li")))
	if err != nil {
		t.Fatal(err)
	}
	if want := "linje 21, 37 ord"; len(listed) < len(want) || listed[:len(want)] != want {
		t.Errorf("the panel lists %q", listed)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/lillestrom/for-foreldre/"),
		chromedp.WaitReady(chromedp.ID("bti-klarsprak")),
	); err != nil {
		t.Fatal(err)
	}
	waitInTab(t, ctx, `document.getElementById("bti-klarsprak").open === true`)
	violations, err := browsertest.Axe(tab, srv.URL+"/lillestrom/for-foreldre/")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("the page with the panel open: %s", v)
	}
}
