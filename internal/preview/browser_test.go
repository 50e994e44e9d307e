package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/internal/browsertest"
)

// TestBrowserReloads opens a step in Chromium, scrolls down, saves an
// edit the way editors do, and waits for the page to reload itself with
// the new text at the same scroll position; then breaks the file and
// waits for the overlay, and fixes it.
func TestBrowserReloads(t *testing.T) {
	browser := browsertest.Browser(t)
	dir := project(t, "lillestrom")
	_, srv := start(t, dir, "lillestrom")
	tab, cancel := browsertest.NewTab(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	url := srv.URL + "/lillestrom/barnehage/niva-0/undring-og-bekymring/"
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(800, 600),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
		chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 400)`),
	); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the event stream connects
	file := filepath.Join(dir, "municipalities/lillestrom/guides/barnehage/niva-0/01-undring-og-bekymring.md")
	orig, _ := os.ReadFile(file)
	saveLikeAnEditor(t, file, strings.Replace(string(orig), "## Hva\n", "## Hva\nNy setning fra redaktøren.\n", 1))
	waitInTab(t, ctx, `document.body.innerText.includes("Ny setning fra redaktøren")`)
	// The page restores its scroll position just after it loads: give it
	// a moment (more under the race detector) before judging.
	var y float64
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var err error
		if y, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollY`)); err != nil {
			t.Fatal(err)
		}
		if y >= 350 && y <= 450 {
			break
		}
	}
	if y < 350 || y > 450 {
		t.Errorf("scroll position after reload: %v, want about 400", y)
	}
	saveLikeAnEditor(t, file, strings.Replace(string(orig), "tools = [", `tools = ["finnes-ikke", `, 1))
	waitInTab(t, ctx, `document.querySelector(".bti-overlay") !== null`)
	saveLikeAnEditor(t, file, string(orig))
	waitInTab(t, ctx, `document.querySelector(".bti-overlay") === null && !document.body.innerText.includes("Ny setning")`)
}

func waitInTab(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the page never satisfied %s", cond)
}
