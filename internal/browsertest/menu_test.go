package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// lillestrom serves the Lillestrøm sample and opens a tab.
func lillestrom(t *testing.T) (context.Context, string) {
	t.Helper()
	browser := Browser(t)
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, []string{"lillestrom"})
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(tree))
	t.Cleanup(srv.Close)
	tab, cancel := NewTab(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	t.Cleanup(cancelT)
	return ctx, srv.URL
}

// expanded reads the expanded state of the menu button from the
// accessibility tree, as a screen reader gets it.
func expanded(t *testing.T, ctx context.Context) string {
	t.Helper()
	nodes, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]*accessibility.Node, error) {
		res, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return nil, err
		}
		return res.Nodes, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		if n.Ignored || n.Name == nil || !strings.Contains(string(n.Name.Value), "Meny") {
			continue
		}
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameExpanded {
				return string(p.Value.Value)
			}
		}
	}
	return "(no expanded state)"
}

// TestPhoneMenuShowsEverything: on a phone the menu is a button whose
// expanded state a screen reader hears; opened, it shows every item of
// the menu inside the window, the current page marked; on a wide screen
// the items are one row, with no button.
func TestPhoneMenuShowsEverything(t *testing.T) {
	ctx, base := lillestrom(t)
	url := base + "/lillestrom/barnehage/niva-0/"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	if got := expanded(t, ctx); got != "false" {
		t.Errorf("closed menu button: expanded = %s, want false", got)
	}
	type menu struct {
		Items   int      `json:"items"`
		Shown   []string `json:"shown"`
		Current []string `json:"current"`
	}
	read := `(() => {
		const all = document.querySelectorAll(".site-menu__list a");
		const shown = [], current = [];
		all.forEach(a => { const r = a.getBoundingClientRect();
			if (r.width > 0 && r.left >= 0 && r.right <= innerWidth && a.checkVisibility()) shown.push(a.textContent);
			if (a.getAttribute("aria-current") === "page" && a.checkVisibility()) current.push(a.textContent); });
		return {items: all.length, shown, current};
	})()`
	closed, err := chromedp.Run(ctx, chromedp.Evaluate[menu](read))
	if err != nil {
		t.Fatal(err)
	}
	if len(closed.Shown) != 0 {
		t.Errorf("the closed menu shows %v", closed.Shown)
	}
	if err := chromedp.Do(ctx, chromedp.Click(".site-menu__button")); err != nil {
		t.Fatal(err)
	}
	open, err := chromedp.Run(ctx, chromedp.Evaluate[menu](read))
	if err != nil {
		t.Fatal(err)
	}
	if open.Items < 10 || len(open.Shown) != open.Items {
		t.Errorf("the open menu shows %d of %d items: %v", len(open.Shown), open.Items, open.Shown)
	}
	if strings.Join(open.Current, ",") != "Barnehage" {
		t.Errorf("current item %v, want Barnehage", open.Current)
	}
	if got := expanded(t, ctx); got != "true" {
		t.Errorf("open menu button: expanded = %s, want true", got)
	}
	// Wide: one row, no button.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Tops   []float64 `json:"tops"`
		Button bool      `json:"button"`
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[row](`(() => ({
		tops: Array.from(document.querySelectorAll(".site-nav > ul > li")).map(li => li.getBoundingClientRect().top),
		button: document.querySelector(".site-menu__button").checkVisibility()}))()`))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tops) < 5 || r.Button {
		t.Fatalf("wide screen: %d items in the row, button shown %v", len(r.Tops), r.Button)
	}
	for _, top := range r.Tops {
		if top != r.Tops[0] {
			t.Errorf("the menu wraps at 1280 px: item tops %v", r.Tops)
			break
		}
	}
}

// TestCopyLinkCopiesThisAddress: "Kopier lenke" copies the address the
// page is read at (not base_url's), and when the clipboard fails it shows
// the address selected, with a message.
func TestCopyLinkCopiesThisAddress(t *testing.T) {
	ctx, base := lillestrom(t)
	url := base + "/lillestrom/barnehage/niva-0/observasjon/"
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	// The clipboard as the browser gives it, recorded.
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		let got = "";
		Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: t => { got = t; return Promise.resolve(); }}});
		document.querySelector("button.copy-link").click();
		await new Promise(r => setTimeout(r, 100));
		return got;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if copied != url {
		t.Errorf("copied %q, want the page's own address %q", copied, url)
	}
	type fallback struct {
		Value    string `json:"value"`
		Selected bool   `json:"selected"`
		Message  string `json:"message"`
	}
	// A clipboard that refuses, and no copy command.
	fb, err := chromedp.Run(ctx, chromedp.Evaluate[fallback](`(async () => {
		Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: () => Promise.reject(new Error("no"))}});
		document.execCommand = () => false;
		document.querySelector("button.copy-link").click();
		await new Promise(r => setTimeout(r, 100));
		const box = document.querySelector(".copy-fallback input");
		const msg = document.querySelector(".copy-fallback__message");
		return {value: box ? box.value : "", selected: !!box && document.activeElement === box && box.selectionEnd - box.selectionStart === box.value.length,
			message: msg && msg.checkVisibility() ? msg.textContent : ""};
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if fb.Value != url || !fb.Selected || !strings.Contains(fb.Message, "ikke kopiert") {
		t.Errorf("when copying fails: %+v; want %s selected and a message", fb, url)
	}
}
