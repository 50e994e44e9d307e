package browsertest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/bti-handbook/bti/content"
	"github.com/bti-handbook/bti/generator/pipeline"
	"github.com/bti-handbook/bti/generator/render"
)

// pdfText turns a PDF into its text with pdftotext (poppler-utils), or
// skips (fails with BTI_REQUIRE_BROWSER=1) without it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("BTI_REQUIRE_BROWSER") == "1" {
			t.Fatal("no pdftotext, and BTI_REQUIRE_BROWSER=1: install poppler-utils")
		}
		t.Skip("no pdftotext (poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "printed.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestPrintedFormKeepsEveryLine types 15 lines into the first answer box
// of the tiltaksplan form, as staff would, and prints the page to PDF in
// Chromium: on screen the box has grown to show every line, the PDF has
// all 15 lines, the header (municipality, the form's title, its date and
// the address it was printed from) and page numbers, and none of what
// belongs on the web only (the note about the form, the steps it is used
// in); and typing stored nothing and sent nothing.
func TestPrintedFormKeepsEveryLine(t *testing.T) {
	browser := Browser(t)
	fsys := content.Overlay(os.DirFS("../.."))
	site, l := pipeline.Load(fsys, []string{"lillestrom"})
	if l.Errors() > 0 {
		t.Fatal(l.Sorted())
	}
	file := ""
	for _, tool := range site.Municipalities[0].Toolbox {
		if tool.Slug == "tiltaksplan" {
			file = tool.File
		}
	}
	if file == "" {
		t.Fatal("no tiltaksplan in the sample")
	}
	tree, err := pipeline.Render(fsys, site, render.Options{Changed: map[string]string{file: "2026-03-15"}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(tree))
	defer srv.Close()
	tab, cancel := NewTab(browser)
	defer cancel()
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	ctx, cancelT := context.WithTimeout(tab, 60*time.Second)
	defer cancelT()
	url := srv.URL + "/lillestrom/verktoykasse/tiltaksplan/"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := 1; i <= 15; i++ {
		lines = append(lines, fmt.Sprintf("Linje %02d av det vi har sett", i))
	}
	type typed struct {
		Rows     int      `json:"rows"`
		Hidden   bool     `json:"hidden"`
		Stored   int      `json:"stored"`
		Requests []string `json:"requests"`
	}
	// Typed through the input event, as a keyboard would.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[typed](fmt.Sprintf(`(async () => {
		const before = performance.getEntriesByType("resource").length;
		const ta = document.querySelector(".form textarea");
		ta.focus();
		ta.value = %q;
		ta.dispatchEvent(new Event("input", {bubbles: true}));
		await new Promise(r => setTimeout(r, 300));
		return {rows: ta.rows, hidden: ta.scrollHeight > ta.clientHeight + 1,
			stored: localStorage.length + sessionStorage.length,
			requests: performance.getEntriesByType("resource").slice(before).map(e => e.name).filter(n => !/\/assets\/[^?]*$/.test(n))};
	})()`, strings.Join(lines, "\n")), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got.Hidden {
		t.Errorf("the answer box (rows=%d) did not grow to show 15 lines on screen", got.Rows)
	}
	// Typing may make the browser load an asset (a font, the icon), with
	// nothing in its address; nothing else.
	if got.Stored != 0 || len(got.Requests) != 0 {
		t.Errorf("typing stored %d items and made requests %v; want none", got.Stored, got.Requests)
	}
	yes := true
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, line := range lines {
		if !strings.Contains(text, line) {
			t.Errorf("the printed form lacks %q", line)
		}
	}
	for _, want := range []string{"Lillestrøm kommune · Tiltaksplan", "15.03.2026", "/lillestrom/verktoykasse/tiltaksplan/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed header lacks %q", want)
		}
	}
	if h, title := strings.Index(text, "Lillestrøm kommune · Tiltaksplan"), strings.Index(text, "Plan for mål og tiltak"); h < 0 || h > title {
		t.Errorf("the header is not at the top of the printed form")
	}
	if !regexp.MustCompile(`(?m)^\s*1 ?/ ?\d+\s*$`).MatchString(text) {
		t.Errorf("the printed form has no page numbers (1 / n)")
	}
	for _, webOnly := range []string{"Ingenting du skriver", "Brukes i disse trinnene", "Last ned som PDF", "Hovedmeny"} {
		if strings.Contains(text, webOnly) {
			t.Errorf("the printed form has %q, which belongs on the web only", webOnly)
		}
	}
	if t.Failed() {
		t.Logf("the printed text:\n%s", text)
	}
}
