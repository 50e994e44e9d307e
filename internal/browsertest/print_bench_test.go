package browsertest

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// BenchmarkChromiumPrintForm prints the tiltaksplan form's page to PDF in
// headless Chromium (already running), the reference for package pdf's
// BenchmarkFormPDF: scripts/bench-pdf.sh prints both.
func BenchmarkChromiumPrintForm(b *testing.B) {
	browser := Browser(b)
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, []string{"lillestrom"})
	if l.Errors() > 0 {
		b.Fatal(l.Sorted())
	}
	tree, err := pipeline.Render(fsys, site, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(Handler(tree))
	defer srv.Close()
	tab, cancel := NewTab(browser)
	defer cancel()
	if err := chromedp.Do(tab); err != nil {
		b.Fatal(err)
	}
	url := srv.URL + "/lillestrom/verktoykasse/tiltaksplan/"
	for b.Loop() {
		if err := chromedp.Do(tab, chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
			b.Fatal(err)
		}
		pdf, err := chromedp.Run(tab, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
			res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{})
			return res.Data, err
		})
		if err != nil || len(pdf) < 1000 {
			b.Fatal(err)
		}
	}
}
